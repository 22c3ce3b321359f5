//! What every handler reaches: the web side's settings ([`WebConfig`]), and the application's
//! shared state ([`AppState`]): the use cases' services (`steadfast_app::App`) beside what only
//! the web side keeps — its settings, rate limits, write quotas and request counts.

use std::sync::Arc;
use std::time::Duration;

use steadfast_app::App;
use steadfast_app::clock::{Clock, SystemClock};
use steadfast_app::passwords::{HashingError, PasswordCost};
use steadfast_core::SessionPolicy;
use steadfast_store::Store;

use crate::guards::quota::{self, WriteQuota};
use crate::help_resources::{self, HelpDefaults};
use crate::i18n::Lang;
use crate::mail::MailConfig;
use crate::{auth, ops};

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
    /// How fast one person may write (`guards::quota`): a human pace by default.
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
