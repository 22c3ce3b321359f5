//! Steadfast over HTTP: server-rendered pages that work without JavaScript, the operational
//! endpoints, and (in later issues) the JSON API. Handlers stay thin: the rules live in
//! `steadfast-core`, persistence in `steadfast-store`.

#![forbid(unsafe_code)]

mod api;
mod appreciations;
mod assets;
pub mod auth;
mod boundaries;
mod calendar;
mod chart;
mod checkins;
mod coach;
mod dates;
mod error;
mod export;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod gentle;
mod help_resources;
mod i18n;
mod journal;
mod mail;
mod maintenance;
mod ops;
mod pages;
mod patterns;
mod quota;
mod reminders;
mod repairs;
mod rituals;
mod security;
mod times;
mod trend_chart;
mod voice;

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Router, middleware};
use steadfast_app::App;
use steadfast_store::Store;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use help_resources::HelpDefaults;
pub use i18n::Lang;
pub use mail::{MailConfig, MailError};
pub use ops::metrics_handle;
pub use quota::WriteQuota;
pub use reminders::{RETRY_AFTER, ReminderSender, RunningSender, SendReport};
pub use steadfast_app::clock::{Clock, ManualClock, SystemClock};
pub use steadfast_app::passwords::{HashingError, PasswordCost};
pub use steadfast_core::SessionPolicy;

/// Settings of the web side that an operator may change.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Where the quick-exit control leads: an ordinary, harmless page.
    pub quick_exit_url: String,
    /// The longest a request may take before it is answered with a timeout.
    pub request_timeout: Duration,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Whether the session cookie is `Secure` (and so named with the `__Host-` prefix): on
    /// whenever browsers reach Steadfast over HTTPS or on this machine's loopback address.
    pub secure_cookies: bool,
    /// How long sessions live.
    pub session_policy: SessionPolicy,
    /// How expensive password hashes are; cheap only in tests.
    pub password_cost: PasswordCost,
    /// Where "now" comes from; tests move a manual clock.
    pub clock: Arc<dyn Clock>,
    /// The operator's own places to turn to, listed wherever help is offered: a label and a web
    /// address or phone number ("Local shelter", "+48 22 000 00 00"). None by default.
    pub help_resources: Vec<(String, String)>,
    /// Whether the built-in places for the viewer's language (emergency numbers, a national
    /// helpline or a directory) follow the operator's; kept by default, so help works with no
    /// set-up.
    pub help_defaults: HelpDefaults,
    /// The header in which the operator's own reverse proxy passes the client's address
    /// (`X-Forwarded-For`); `None` to use the connection's peer. Rate limits count by it.
    pub client_address_header: Option<axum::http::HeaderName>,
    /// How to send reminder emails; `None` (the default) sends none: reminders stay in the app.
    pub mail: Option<MailConfig>,
    /// How fast one person may write (`quota`): a human pace by default.
    pub write_quota: WriteQuota,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            quick_exit_url: "https://www.google.com/search?q=weather".to_owned(),
            request_timeout: Duration::from_secs(30),
            body_limit: 64 * 1024,
            secure_cookies: true,
            session_policy: SessionPolicy::default(),
            password_cost: PasswordCost::Production,
            clock: Arc::new(SystemClock),
            help_resources: Vec::new(),
            help_defaults: HelpDefaults::Keep,
            client_address_header: None,
            mail: None,
            write_quota: WriteQuota::HUMAN,
        }
    }
}

/// What every handler reaches: one pointer, so the clone each layer and extractor makes per
/// request is one counter, not one per service (those clones showed in the bench's profile).
#[derive(Clone)]
pub(crate) struct AppState(Arc<Services>);

/// The use cases' services (store, clock, password hashing, the fold cache) and what only the web
/// side keeps: its settings, rate limits, write quotas and request counts.
pub(crate) struct Services {
    pub(crate) app: App,
    pub(crate) config: Arc<WebConfig>,
    pub(crate) limits: auth::limits::Limits,
    /// Each person's allowance of writes.
    pub(crate) writes: quota::Writes,
    /// What the operator's metrics listener shows of the requests (coarse labels only).
    pub(crate) requests: Arc<ops::RequestCounts>,
}

impl Services {
    /// The places to turn to for a viewer in `lang`, as every page and answer offering help
    /// lists them.
    pub(crate) fn help_for(&self, lang: Lang) -> Vec<(String, String)> {
        help_resources::for_viewer(&self.config.help_resources, self.config.help_defaults, lang)
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

impl From<Services> for AppState {
    fn from(services: Services) -> Self {
        AppState(Arc::new(services))
    }
}

impl Services {
    /// Everything a running application shares, fresh: empty limits, quotas and fold cache.
    pub(crate) fn new(
        store: Store,
        config: WebConfig,
        requests: Arc<ops::RequestCounts>,
    ) -> Result<Services, HashingError> {
        Ok(Services {
            app: App::new(store, Arc::clone(&config.clock), config.password_cost)?,
            limits: auth::limits::Limits::new(Arc::clone(&config.clock)),
            writes: quota::Writes::new(config.write_quota, Arc::clone(&config.clock)),
            requests,
            config: Arc::new(config),
        })
    }
}

/// Handlers reach the use cases' services through the web's own: `state.store`, `state.now()`.
impl std::ops::Deref for Services {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

/// Why the application could not be built.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot set up password hashing: {0}")]
    Passwords(#[from] HashingError),
}

/// The whole application as one router, ready for `axum::serve` (with connect info, so rate
/// limits can tell clients apart). It has no `/metrics`: see `app_with_metrics`.
pub fn app(store: Store, config: WebConfig) -> Result<Router, StartError> {
    Ok(app_with_metrics(store, config)?.public)
}

/// The two routers of one running application.
pub struct Routers {
    /// Everything people use; `/metrics` answers 404 here.
    pub public: Router,
    /// `/metrics` alone, for a listener only the operator reaches (`--metrics-listen`).
    pub metrics: Router,
}

/// The application and, apart, its operator's metrics: serve `metrics` on another address than
/// `public`, one the people using the app cannot reach.
pub fn app_with_metrics(store: Store, config: WebConfig) -> Result<Routers, StartError> {
    // Install the recorder before the first request, so nothing counted is lost.
    metrics_handle();
    let requests = Arc::new(ops::RequestCounts::default());
    let state = AppState::from(Services::new(store, config, Arc::clone(&requests))?);
    // Housekeeping runs while this router lives: it holds the token, the task only a weak one.
    let alive = Arc::new(());
    maintenance::start(&state, &alive);
    let api = api::openapi::router();
    let routes = Router::new()
        .route("/", get(pages::home::show))
        .route("/language", post(pages::language::choose))
        .route(
            "/sign-up",
            get(pages::accounts::sign_up_form).post(pages::accounts::sign_up),
        )
        .route(
            "/sign-in",
            get(pages::accounts::sign_in_form).post(pages::accounts::sign_in),
        )
        .route("/sign-out", post(pages::accounts::sign_out))
        .route("/exit", post(pages::accounts::quick_exit))
        .route("/account", get(pages::account::show))
        .route(
            "/account/sign-out-others",
            post(pages::account::sign_out_others),
        )
        .route(
            "/account/sign-out-everywhere",
            post(pages::account::sign_out_everywhere),
        )
        .route("/account/password", post(pages::account::change_password))
        .route(
            "/account/grammatical-form",
            post(pages::account::set_grammatical_form),
        )
        .route("/account/reminders", post(pages::reminders::set_email))
        .route(
            "/account/recovery-codes",
            post(pages::account::renew_recovery_codes),
        )
        .route("/account/export", get(pages::export::download))
        .route("/account/tokens", post(pages::tokens::create))
        .route("/account/tokens/{id}/revoke", post(pages::tokens::revoke))
        .route(
            "/account/tokens/{id}/dismiss",
            post(pages::tokens::dismiss_notice),
        )
        .route(
            "/account/notices/{id}/dismiss",
            post(pages::account::dismiss_notice),
        )
        .route(
            "/account/delete",
            get(pages::deletion::confirm).post(pages::deletion::delete),
        )
        .route("/account/deleted", get(pages::deletion::deleted))
        .route(
            "/recovery",
            get(pages::recovery::form).post(pages::recovery::recover),
        )
        .route(
            "/set-password/{token}",
            get(pages::reset::form).post(pages::reset::set),
        )
        .route("/help", get(pages::help::show))
        .route("/start", get(pages::start::show).post(pages::start::begin))
        .route("/start/join", post(pages::start::join))
        .route(
            "/spaces",
            get(pages::spaces::list).post(pages::spaces::create),
        )
        .route("/spaces/{id}", get(pages::spaces::show))
        .route("/spaces/{id}/invites", post(pages::spaces::invite))
        .route(
            "/spaces/{id}/invites/{invite}",
            get(pages::spaces::invite_page),
        )
        .route(
            "/spaces/{id}/invites/{invite}/revoke",
            post(pages::spaces::revoke),
        )
        .route(
            "/spaces/{id}/leave",
            get(pages::spaces::leave_form).post(pages::spaces::leave),
        )
        .route(
            "/spaces/{id}/promises",
            get(pages::promises::list).post(pages::promises::make),
        )
        .route(
            "/spaces/{id}/promises/{promise}",
            get(pages::promises::show),
        )
        .route(
            "/spaces/{id}/promises/{promise}/{action}",
            post(pages::promises::act),
        )
        .route(
            "/spaces/{id}/promises/{promise}/renegotiation/{answer}",
            post(pages::promises::answer),
        )
        .route(
            "/spaces/{id}/checkins",
            get(pages::checkins::list).post(pages::checkins::start),
        )
        .route(
            "/spaces/{id}/checkins/{checkin}",
            get(pages::checkins::show),
        )
        .route(
            "/spaces/{id}/checkins/{checkin}/step/{step}",
            post(pages::checkins::save_step),
        )
        .route(
            "/spaces/{id}/checkins/{checkin}/submit",
            post(pages::checkins::submit),
        )
        .route(
            "/spaces/{id}/checkins/{checkin}/break",
            post(pages::checkins::call_break),
        )
        .route(
            "/spaces/{id}/checkins/{checkin}/break/end",
            post(pages::checkins::end_break),
        )
        .route(
            "/spaces/{id}/repairs",
            get(pages::repairs::list).post(pages::repairs::open),
        )
        .route(
            "/spaces/{id}/repairs/log",
            get(pages::repairs::log).post(pages::repairs::write_log),
        )
        .route("/spaces/{id}/repairs/{repair}", get(pages::repairs::show))
        .route(
            "/spaces/{id}/repairs/{repair}/{action}",
            post(pages::repairs::act),
        )
        .route(
            "/spaces/{id}/repairs/{repair}/{action}/check",
            post(pages::repairs::check),
        )
        .route(
            "/spaces/{id}/safety",
            get(pages::repairs::safety).post(pages::repairs::answer_safety),
        )
        .route(
            "/spaces/{id}/safety/{act}",
            post(pages::repairs::pause_or_go_on),
        )
        .route(
            "/spaces/{id}/rituals",
            get(pages::rituals::list).post(pages::rituals::plan),
        )
        .route(
            "/spaces/{id}/rituals/{ritual}",
            get(pages::rituals::show).post(pages::rituals::change),
        )
        .route(
            "/spaces/{id}/rituals/{ritual}/end",
            post(pages::rituals::end),
        )
        .route("/spaces/{id}/settings", get(pages::rituals::settings))
        .route("/spaces/{id}/time-zone", post(pages::rituals::set_zone))
        .route(
            "/spaces/{id}/daily",
            get(pages::daily::show).post(pages::daily::write),
        )
        .route(
            "/account/calendar",
            get(pages::calendar::show).post(pages::calendar::create),
        )
        .route(
            "/account/calendar/discreet",
            post(pages::calendar::discreet),
        )
        .route("/account/calendar/revoke", post(pages::calendar::revoke))
        .route("/calendar/{file}", get(calendar::serve))
        .route(
            "/spaces/{id}/boundaries",
            get(pages::boundaries::list).post(pages::boundaries::propose),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary}",
            get(pages::boundaries::show),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary}/{step}",
            post(pages::boundaries::act),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/{step}",
            post(pages::boundaries::act_on_crossing),
        )
        .route(
            "/spaces/{id}/boundaries/check",
            post(pages::boundaries::check_proposal),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary}/{step}/check",
            post(pages::boundaries::check),
        )
        .route(
            "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/{step}/check",
            post(pages::boundaries::check_on_crossing),
        )
        .route(
            "/spaces/{id}/appreciations",
            get(pages::appreciations::show).post(pages::appreciations::give),
        )
        .route("/spaces/{id}/patterns", get(pages::patterns::show))
        .route(
            "/journal",
            get(pages::journal::show).post(pages::journal::write),
        )
        .route(
            "/journal/{entry}",
            get(pages::journal::entry).post(pages::journal::edit),
        )
        .route("/journal/{entry}/delete", post(pages::journal::delete))
        .route(
            "/spaces/{id}/checkins/{checkin}/step/topic/check",
            post(pages::checkins::check_topic),
        )
        .route("/spaces/{id}/record", get(pages::record::show))
        .route("/spaces/{id}/record/consent", post(pages::record::consent))
        .route("/spaces/{id}/record/how", get(pages::record::how))
        .route("/spaces/{id}/coach", get(pages::coach::settings))
        .route("/spaces/{id}/coach/invites", post(pages::coach::invite))
        .route(
            "/spaces/{id}/coach/invites/{invite}/revoke",
            post(pages::coach::revoke_invite),
        )
        .route(
            "/spaces/{id}/coach/{coach}/grant",
            post(pages::coach::grant),
        )
        .route(
            "/spaces/{id}/coach/{coach}/revoke",
            post(pages::coach::revoke),
        )
        .route("/coach-invites/{token}", get(pages::coach::show_invite))
        .route(
            "/coach-invites/{token}/accept",
            post(pages::coach::accept_invite),
        )
        .route(
            "/coach-invites/{token}/sign-up",
            post(pages::coach::sign_up_through_invite),
        )
        .route("/coach", get(pages::coach::home))
        .route("/coach/spaces/{id}", get(pages::coach::space))
        .route("/coach/spaces/{id}/report", get(pages::coach::report))
        .route("/invites/{token}", get(pages::invites::show))
        .route("/invites/{token}/accept", post(pages::invites::accept))
        .merge(api)
        .route("/static/app.css", get(assets::css))
        .route("/static/app.js", get(assets::js))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        // Each person writes at a human pace (`quota`); inside the coach guard, so a coach's
        // refused writes never count.
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            quota::limit_writes,
        ))
        // A coach's account writes nothing: refused before any handler (`coach`).
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            coach::refuse_writes,
        ))
        // Texts speak to the reader and about their partner in the forms each chose (`voice`).
        .route_layer(middleware::from_fn_with_state(state.clone(), voice::speak));
    Ok(Routers {
        public: shell(routes, state).layer(axum::Extension(alive)),
        metrics: ops::router(requests),
    })
}

/// What every route gets: metrics, the guards, error pages and the security headers.
fn shell(routes: Router<AppState>, state: AppState) -> Router {
    let mut router = routes
        .fallback(error::not_found)
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            ops::track_requests,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::session::resolve_client_address,
        ))
        // Innermost first: the guards run before any handler, and their refusals, timeouts and
        // panics all pass through the error-page layer, which the headers then cover.
        .layer(RequestBodyLimitLayer::new(state.config.body_limit))
        .layer(security::cross_site_guard())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            state.config.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            error::ErrorPage::Internal.response()
        }))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::error_pages,
        ));
    for layer in security::headers(&state.config.quick_exit_url) {
        router = router.layer(layer);
    }
    router.with_state(state)
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, header};
    use steadfast_store::StoreError;
    use steadfast_store::testing::TestDatabase;
    use tower::ServiceExt;

    use super::*;
    use crate::error::WebError;

    async fn panics() -> &'static str {
        panic!("a secret the user typed")
    }

    async fn failing_app(database: &TestDatabase) -> Router {
        let config = WebConfig {
            password_cost: PasswordCost::FastForTests,
            ..WebConfig::default()
        };
        let store = Store::open(database.url()).await.expect("store");
        let state = AppState::from(Services::new(store, config, Arc::default()).expect("params"));
        let routes = Router::new().route("/panics", get(panics)).route(
            "/fails",
            get(|| async { Err::<(), _>(WebError::Store(StoreError::CommitFailed)) }),
        );
        shell(routes, state)
    }

    #[tokio::test]
    async fn internal_errors_show_a_reference_and_nothing_of_the_cause() {
        let database = TestDatabase::sqlite();
        let app = failing_app(&database).await;
        for path in ["/panics", "/fails"] {
            let request = Request::get(path)
                .header(header::ACCEPT_LANGUAGE, "pl")
                .body(Body::empty())
                .expect("request");
            let response = app.clone().oneshot(request).await.expect("response");
            assert_eq!(
                response.status(),
                StatusCode::INTERNAL_SERVER_ERROR,
                "{path}"
            );
            assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
            let body = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .expect("body");
            let html = String::from_utf8(body.to_vec()).expect("utf-8");
            assert!(
                html.contains("Coś poszło nie tak po naszej stronie"),
                "{html}"
            );
            let reference = html
                .split("Numer zgłoszenia: ")
                .nth(1)
                .and_then(|rest| rest.get(..12))
                .expect("a reference");
            assert!(
                reference.chars().all(|c| c.is_ascii_hexdigit()),
                "{reference}"
            );
            for secret in ["secret", "panicked", "commit", "CommitFailed"] {
                assert!(!html.contains(secret), "{path} leaked {secret:?}");
            }
        }
    }
}
