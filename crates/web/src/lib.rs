//! Steadfast over HTTP, and nothing else: the use cases are `steadfast-app`'s, the rules
//! `steadfast-core`'s. Here, by folder:
//!
//! - `pages/`: server-rendered pages that work without JavaScript, and their templates;
//! - `api/`: the JSON API, its request and answer shapes, and its OpenAPI document;
//! - `auth/`: sessions, sign-in extractors, devices and rate-limited doors;
//! - `guards/`: headers, the cross-site guard, the coach's read-only rule and the write quota;
//! - `error/`: the one table from refusals to statuses, and error pages;
//! - `i18n/`: languages, grammatical forms, dates and times as people read them;
//! - `charts/`: the SVG charts drawn on the server;
//! - `ops/`: health, readiness, metrics and housekeeping;
//! - `routes.rs` (every route declared once, with its rule), `state.rs` (what handlers reach),
//!   `calendar.rs` (the feed over HTTP), `mail.rs` (reminder email), `assets.rs`.

#![forbid(unsafe_code)]

mod api;
mod assets;
mod auth;
mod calendar;
mod charts;
mod error;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod guards;
mod help_resources;
mod i18n;
mod mail;
mod ops;
mod pages;
mod routes;
mod state;

use std::sync::Arc;

use axum::http::StatusCode;
use axum::routing::get;
use axum::{Router, middleware};
use routes::{PageRoutes, Write};
use steadfast_app::passwords::HashingError;
use steadfast_app::reminders::{Courier, ReminderSender};
use steadfast_store::Store;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use guards::quota::WriteQuota;
pub use help_resources::HelpDefaults;
pub use i18n::Lang;
pub use mail::{MailConfig, MailError};
pub use ops::metrics_handle;
pub use state::WebConfig;

use state::{AppState, Services};

/// Why the application could not be built.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot set up password hashing: {0}")]
    Passwords(#[from] HashingError),
    #[error("cannot set up reminder emails")]
    Mail(#[from] MailError),
}

/// The whole application as one router, ready for `axum::serve` (with connect info, so rate
/// limits can tell clients apart). It has no `/metrics` and sends no reminders: see
/// `app_with_metrics`.
pub fn app(store: Store, config: WebConfig) -> Result<Router, StartError> {
    Ok(routers(store, config)?.0)
}

/// The two routers of one running application, and its reminder sender.
pub struct Routers {
    /// Everything people use; `/metrics` answers 404 here.
    pub public: Router,
    /// `/metrics` alone, for a listener only the operator reaches (`--metrics-listen`).
    pub metrics: Router,
    /// Sends due reminders by email, with this side's mailer when mail is configured, and in any
    /// case moves them on. Not running yet: start it beside the server, and stop it before the
    /// store closes.
    pub reminders: ReminderSender,
}

/// The application and, apart, its operator's metrics: serve `metrics` on another address than
/// `public`, one the people using the app cannot reach. Mail settings that cannot be used stop it
/// before anything starts.
pub fn app_with_metrics(store: Store, config: WebConfig) -> Result<Routers, StartError> {
    let reminders = reminder_sender(store.clone(), &config)?;
    let (public, metrics) = routers(store, config)?;
    Ok(Routers {
        public,
        metrics,
        reminders,
    })
}

/// The reminder sender over `store`, on the configuration's clock, emailing through a mailer
/// made from its mail settings; without them it sends no email, and still moves reminders on.
pub fn reminder_sender(store: Store, config: &WebConfig) -> Result<ReminderSender, MailError> {
    let courier = match &config.mail {
        Some(mail) => Some(Arc::new(mail::Mailer::new(mail)?) as Arc<dyn Courier>),
        None => None,
    };
    Ok(ReminderSender::new(
        store,
        Arc::clone(&config.clock),
        courier,
    ))
}

/// The public router and the metrics router.
fn routers(store: Store, config: WebConfig) -> Result<(Router, Router), StartError> {
    // Install the recorder before the first request, so nothing counted is lost.
    metrics_handle();
    let requests = Arc::new(ops::RequestCounts::default());
    let state = AppState::from(Services::new(store, config, Arc::clone(&requests))?);
    // Housekeeping runs while this router lives: it holds the token, the task only a weak one.
    let alive = Arc::new(());
    ops::maintenance::start(&state, &alive);
    let (pages, page_rules) = page_routes().into_parts();
    let (api, api_rules) = api::openapi::router();
    let rules = routes::all_rules(page_rules, api_rules);
    let routes = pages
        .merge(api)
        .route("/static/app.css", get(assets::css))
        .route("/static/app.js", get(assets::js))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        // Each person writes at a human pace (`guards::quota`); inside the coach guard, so a coach's
        // refused writes never count.
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            guards::pace::limit_writes,
        ))
        // A coach's account writes nothing: refused before any handler (`coach`).
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            guards::coach::refuse_writes,
        ))
        // Texts speak to the reader and about their partner in the forms each chose (`voice`).
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            i18n::voice::speak,
        ))
        // The guards above read the rule of the route a request matched.
        .layer(axum::Extension(rules));
    Ok((
        shell(routes, state).layer(axum::Extension(alive)),
        ops::router(requests),
    ))
}

/// Every page route, each form's target with its rule (`routes::Write`).
fn page_routes() -> PageRoutes {
    PageRoutes::new()
        .read("/", pages::home::show)
        .write("/language", pages::language::choose, Write::OWN_ACCOUNT)
        .read("/sign-up", pages::accounts::sign_up_form)
        .write("/sign-up", pages::accounts::sign_up, Write::UNHELD)
        .read("/sign-in", pages::accounts::sign_in_form)
        .write("/sign-in", pages::accounts::sign_in, Write::OWN_ACCOUNT)
        .write("/sign-out", pages::accounts::sign_out, Write::OWN_ACCOUNT)
        .write("/exit", pages::accounts::quick_exit, Write::OWN_ACCOUNT)
        .read("/account", pages::account::show)
        .write(
            "/account/sign-out-others",
            pages::account::sign_out_others,
            Write::OWN_ACCOUNT,
        )
        .write(
            "/account/sign-out-everywhere",
            pages::account::sign_out_everywhere,
            Write::OWN_ACCOUNT,
        )
        .write(
            "/account/password",
            pages::account::change_password,
            Write::OWN_ACCOUNT,
        )
        .write(
            "/account/grammatical-form",
            pages::account::set_grammatical_form,
            Write::OWN_SETTING,
        )
        .write(
            "/account/reminders",
            pages::reminders::set_email,
            Write::CONTENT,
        )
        .write(
            "/account/recovery-codes",
            pages::account::renew_recovery_codes,
            Write::OWN_ACCOUNT,
        )
        .read("/account/export", pages::export::download)
        .write("/account/tokens", pages::tokens::create, Write::CONTENT)
        .write(
            "/account/tokens/{id}/revoke",
            pages::tokens::revoke,
            Write::UNHELD,
        )
        .write(
            "/account/tokens/{id}/dismiss",
            pages::tokens::dismiss_notice,
            Write::CONTENT,
        )
        .write(
            "/account/notices/{id}/dismiss",
            pages::account::dismiss_notice,
            Write::CONTENT,
        )
        .read("/account/delete", pages::deletion::confirm)
        .write(
            "/account/delete",
            pages::deletion::delete,
            Write::OWN_ACCOUNT,
        )
        .read("/account/deleted", pages::deletion::deleted)
        .read("/recovery", pages::recovery::form)
        .write("/recovery", pages::recovery::recover, Write::UNHELD)
        .read("/set-password/{token}", pages::reset::form)
        .write("/set-password/{token}", pages::reset::set, Write::CONTENT)
        .read("/help", pages::help::show)
        .read("/start", pages::start::show)
        .write("/start", pages::start::begin, Write::CONTENT)
        .write("/start/join", pages::start::join, Write::CONTENT)
        .read("/spaces", pages::spaces::list)
        .write("/spaces", pages::spaces::create, Write::CONTENT)
        .read("/spaces/{id}", pages::spaces::show)
        .write(
            "/spaces/{id}/invites",
            pages::spaces::invite,
            Write::CONTENT,
        )
        .read("/spaces/{id}/invites/{invite}", pages::spaces::invite_page)
        .write(
            "/spaces/{id}/invites/{invite}/revoke",
            pages::spaces::revoke,
            Write::UNHELD,
        )
        .read("/spaces/{id}/leave", pages::spaces::leave_form)
        .write("/spaces/{id}/leave", pages::spaces::leave, Write::UNHELD)
        .read("/spaces/{id}/promises", pages::promises::list)
        .write(
            "/spaces/{id}/promises",
            pages::promises::make,
            Write::CONTENT,
        )
        .read("/spaces/{id}/promises/{promise}", pages::promises::show)
        .write(
            "/spaces/{id}/promises/{promise}/{action}",
            pages::promises::act,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/promises/{promise}/renegotiation/{answer}",
            pages::promises::answer,
            Write::CONTENT,
        )
        .read("/spaces/{id}/checkins", pages::checkins::list)
        .write(
            "/spaces/{id}/checkins",
            pages::checkins::start,
            Write::CONTENT,
        )
        .read("/spaces/{id}/checkins/{checkin}", pages::checkins::show)
        .write(
            "/spaces/{id}/checkins/{checkin}/step/{step}",
            pages::checkins::save_step,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/checkins/{checkin}/submit",
            pages::checkins::submit,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/checkins/{checkin}/break",
            pages::checkins::call_break,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/checkins/{checkin}/break/end",
            pages::checkins::end_break,
            Write::CONTENT,
        )
        .read("/spaces/{id}/repairs", pages::repairs::list)
        .write("/spaces/{id}/repairs", pages::repairs::open, Write::CONTENT)
        .read("/spaces/{id}/repairs/log", pages::repairs::log)
        .write(
            "/spaces/{id}/repairs/log",
            pages::repairs::write_log,
            Write::CONTENT,
        )
        .read("/spaces/{id}/repairs/{repair}", pages::repairs::show)
        .write(
            "/spaces/{id}/repairs/{repair}/{action}",
            pages::repairs::act,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/repairs/{repair}/{action}/check",
            pages::repairs::check,
            Write::UNHELD,
        )
        .read("/spaces/{id}/safety", pages::repairs::safety)
        .write(
            "/spaces/{id}/safety",
            pages::repairs::answer_safety,
            Write::UNHELD,
        )
        .write(
            "/spaces/{id}/safety/{act}",
            pages::repairs::pause_or_go_on,
            Write::UNHELD,
        )
        .read("/spaces/{id}/rituals", pages::rituals::list)
        .write("/spaces/{id}/rituals", pages::rituals::plan, Write::CONTENT)
        .read("/spaces/{id}/rituals/{ritual}", pages::rituals::show)
        .write(
            "/spaces/{id}/rituals/{ritual}",
            pages::rituals::change,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/rituals/{ritual}/end",
            pages::rituals::end,
            Write::CONTENT,
        )
        .read("/spaces/{id}/settings", pages::rituals::settings)
        .write(
            "/spaces/{id}/time-zone",
            pages::rituals::set_zone,
            Write::CONTENT,
        )
        .read("/spaces/{id}/daily", pages::daily::show)
        .write("/spaces/{id}/daily", pages::daily::write, Write::CONTENT)
        .read("/account/calendar", pages::calendar::show)
        .write("/account/calendar", pages::calendar::create, Write::CONTENT)
        .write(
            "/account/calendar/discreet",
            pages::calendar::discreet,
            Write::CONTENT,
        )
        .write(
            "/account/calendar/revoke",
            pages::calendar::revoke,
            Write::UNHELD,
        )
        .read("/calendar/{file}", calendar::serve)
        .read("/spaces/{id}/boundaries", pages::boundaries::list)
        .write(
            "/spaces/{id}/boundaries",
            pages::boundaries::propose,
            Write::CONTENT,
        )
        .read(
            "/spaces/{id}/boundaries/{boundary}",
            pages::boundaries::show,
        )
        .write(
            "/spaces/{id}/boundaries/{boundary}/{step}",
            pages::boundaries::act,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/{step}",
            pages::boundaries::act_on_crossing,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/boundaries/check",
            pages::boundaries::check_proposal,
            Write::UNHELD,
        )
        .write(
            "/spaces/{id}/boundaries/{boundary}/{step}/check",
            pages::boundaries::check,
            Write::UNHELD,
        )
        .write(
            "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/{step}/check",
            pages::boundaries::check_on_crossing,
            Write::UNHELD,
        )
        .read("/spaces/{id}/appreciations", pages::appreciations::show)
        .write(
            "/spaces/{id}/appreciations",
            pages::appreciations::give,
            Write::CONTENT,
        )
        .read("/spaces/{id}/patterns", pages::patterns::show)
        .read("/journal", pages::journal::show)
        .write("/journal", pages::journal::write, Write::CONTENT)
        .read("/journal/{entry}", pages::journal::entry)
        .write("/journal/{entry}", pages::journal::edit, Write::CONTENT)
        .write(
            "/journal/{entry}/delete",
            pages::journal::delete,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/checkins/{checkin}/step/topic/check",
            pages::checkins::check_topic,
            Write::UNHELD,
        )
        .read("/spaces/{id}/record", pages::record::show)
        .write(
            "/spaces/{id}/record/consent",
            pages::record::consent,
            Write::CONTENT,
        )
        .read("/spaces/{id}/record/how", pages::record::how)
        .read("/spaces/{id}/coach", pages::coach::settings)
        .write(
            "/spaces/{id}/coach/invites",
            pages::coach::invite,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/coach/invites/{invite}/revoke",
            pages::coach::revoke_invite,
            Write::UNHELD,
        )
        .write(
            "/spaces/{id}/coach/{coach}/grant",
            pages::coach::grant,
            Write::CONTENT,
        )
        .write(
            "/spaces/{id}/coach/{coach}/revoke",
            pages::coach::revoke,
            Write::UNHELD,
        )
        .read("/coach-invites/{token}", pages::coach::show_invite)
        .write(
            "/coach-invites/{token}/accept",
            pages::coach::accept_invite,
            Write::OWN_SETTING,
        )
        .write(
            "/coach-invites/{token}/sign-up",
            pages::coach::sign_up_through_invite,
            Write::OWN_SETTING,
        )
        .read("/coach", pages::coach::home)
        .read("/coach/spaces/{id}", pages::coach::space)
        .read("/coach/spaces/{id}/report", pages::coach::report)
        .read("/invites/{token}", pages::invites::show)
        .write(
            "/invites/{token}/accept",
            pages::invites::accept,
            Write::CONTENT,
        )
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
        .layer(guards::security::cross_site_guard())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            state.config.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            error::ErrorPage::Internal.response()
        }))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::pages::error_pages,
        ));
    for layer in guards::security::headers(&state.config.quick_exit_url) {
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
    use steadfast_app::passwords::PasswordCost;

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
