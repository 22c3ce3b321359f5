use std::net::SocketAddr;

use reqwest::redirect::Policy;
use std::sync::Arc;
use steadfast_store::testing::TestDatabase;
use steadfast_store::{Backend, Store};

use steadfast_app::clock::ManualClock;
use steadfast_app::passwords::PasswordCost;
use steadfast_core::Timestamp;
use steadfast_web::WebConfig;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A clock standing at a fixed, ordinary moment (2026-11-18, 11:06:40 UTC).
pub fn test_clock() -> ManualClock {
    ManualClock::starting_at(Timestamp::from_millis(1_795_000_000_000))
}

/// Moves `clock` to a minute past the next 04:00 UTC: the start of the day of a space whose
/// time zone was never set, when safety pauses and their lifting take effect.
pub fn to_next_morning(clock: &ManualClock) {
    use steadfast_app::clock::Clock;
    const DAY: i64 = 24 * 60 * 60 * 1000;
    const MORNING: i64 = 4 * 60 * 60 * 1000;
    let into_day = clock.now().as_millis().rem_euclid(DAY);
    clock.advance_millis((MORNING - into_day).rem_euclid(DAY) + 60_000);
}

/// Tests that measure time take the machine for themselves: every other app holds this lock
/// shared while it runs, a timing test holds it alone.
static MACHINE: std::sync::LazyLock<Arc<tokio::sync::RwLock<()>>> =
    std::sync::LazyLock::new(|| Arc::new(tokio::sync::RwLock::new(())));

enum MachineGuard {
    Shared(#[allow(dead_code)] tokio::sync::OwnedRwLockReadGuard<()>),
    Alone(#[allow(dead_code)] tokio::sync::OwnedRwLockWriteGuard<()>),
}

struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The real application, served on a free port of 127.0.0.1, on a database of its own.
pub struct TestApp {
    pub address: SocketAddr,
    /// The operator's metrics listener, apart from the public one.
    pub metrics_address: SocketAddr,
    pub client: reqwest::Client,
    pub store: Store,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    database_url: steadfast_store::DatabaseUrl,
    /// The database, dropped (and on PostgreSQL removed) with the app that made it; `None` for
    /// a second instance started on another app's database.
    _database: Option<TestDatabase>,
    _machine: MachineGuard,
}

impl TestApp {
    /// The one way tests start the application: say what differs from the usual (SQLite, the
    /// test settings at `test_clock()`, sharing the machine), then `start` or `start_on`.
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder {
            config: None,
            alone: false,
            beside: None,
        }
    }

    /// The settings tests use: cheap password hashes and a clock the test moves.
    pub fn test_config(clock: &ManualClock) -> WebConfig {
        WebConfig {
            password_cost: PasswordCost::FastForTests,
            clock: Arc::new(clock.clone()),
            ..WebConfig::default()
        }
    }

    async fn serve_on(database: TestDatabase, config: WebConfig, machine: MachineGuard) -> TestApp {
        Self::serve(database.url().clone(), Some(database), config, machine).await
    }

    async fn serve(
        database_url: steadfast_store::DatabaseUrl,
        database: Option<TestDatabase>,
        config: WebConfig,
        machine: MachineGuard,
    ) -> TestApp {
        let store = Store::open(&database_url).await.expect("the store opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let address = listener.local_addr().expect("an address");
        let metrics_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let metrics_address = metrics_listener.local_addr().expect("an address");
        let routers =
            steadfast_web::app_with_metrics(store.clone(), config).expect("the app starts");
        let app = routers
            .public
            .into_make_service_with_connect_info::<SocketAddr>();
        let metrics = routers.metrics;
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            // Ends with this task, whether it stops or is aborted.
            let _metrics = AbortOnDrop(tokio::spawn(async move {
                let _ = axum::serve(metrics_listener, metrics).await;
            }));
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .expect("the server runs");
        });
        let client = reqwest::Client::builder()
            .redirect(Policy::none())
            .build()
            .expect("an HTTP client");
        TestApp {
            address,
            metrics_address,
            client,
            store,
            stop: Some(stop),
            server: Some(server),
            database_url,
            _database: database,
            _machine: machine,
        }
    }

    /// The operator's figures, as the metrics listener serves them.
    pub async fn metrics(&self) -> String {
        let response = self
            .client
            .get(format!("http://{}/metrics", self.metrics_address))
            .send()
            .await
            .expect("a response");
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        response.text().await.expect("the metrics text")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("a response")
    }

    /// A form post as our own pages send it (same origin).
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("sec-fetch-site", "same-origin")
            .header("origin", self.url(""))
            .form(form)
            .send()
            .await
            .expect("a response")
    }

    /// A JSON request as an outside client sends it (no browser headers), with a session
    /// cookie when one is given.
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self.client.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        if let Some(cookie) = cookie {
            request = request.header(reqwest::header::COOKIE, cookie);
        }
        request.send().await.expect("a response")
    }

    /// Creates an account over the API and returns its session cookie (`name=value`).
    pub async fn sign_up(&self, username: &str, password: &str) -> String {
        super::people::sign_up_as(self, username, password, None)
            .await
            .cookie
    }

    /// A page request from a browser holding `cookie`.
    pub async fn get_as(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header(reqwest::header::COOKIE, cookie)
            .send()
            .await
            .expect("a response")
    }

    /// A same-origin form post from a browser holding `cookie`.
    pub async fn post_form_as(
        &self,
        path: &str,
        form: &[(&str, &str)],
        cookie: &str,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("sec-fetch-site", "same-origin")
            .header(reqwest::header::COOKIE, cookie)
            .form(form)
            .send()
            .await
            .expect("a response")
    }

    /// Stops the server after the requests in flight, then closes the store.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        self.store.close().await;
    }
}

/// How a test app starts; made by [`TestApp::builder`].
#[must_use = "a builder starts nothing until `start` or `start_on`"]
pub struct TestAppBuilder {
    config: Option<WebConfig>,
    alone: bool,
    beside: Option<steadfast_store::DatabaseUrl>,
}

impl TestAppBuilder {
    /// These settings instead of the test settings.
    pub fn config(mut self, config: WebConfig) -> Self {
        self.config = Some(config);
        self
    }

    /// The test settings, with time told by `clock`, which the test moves.
    pub fn clock(self, clock: &ManualClock) -> Self {
        self.config(TestApp::test_config(clock))
    }

    /// Real password hashes instead of the cheap test setting, for tests whose timings or
    /// queues mean something only at the real cost.
    pub fn real_hashing(mut self) -> Self {
        let config = self.config_or_default();
        self.config(WebConfig {
            password_cost: PasswordCost::Production,
            ..config
        })
    }

    /// With no other test app running at the same time, for tests that compare timings.
    pub fn alone(mut self) -> Self {
        self.alone = true;
        self
    }

    /// A second instance of the application on `other`'s database: its own store (its own
    /// connections), its own caches and its own port, as a second server process would have.
    /// Stop or drop it before `other`.
    pub fn beside(mut self, other: &TestApp) -> Self {
        self.beside = Some(other.database_url.clone());
        self
    }

    /// On a new SQLite database, which is always there (or beside the app given to `beside`).
    pub async fn start(mut self) -> TestApp {
        let machine = self.machine().await;
        let config = self.config_or_default();
        match self.beside {
            Some(url) => TestApp::serve(url, None, config, machine).await,
            None => TestApp::serve_on(TestDatabase::sqlite(), config, machine).await,
        }
    }

    /// On a new database of `backend`; `None` for PostgreSQL when no test server is configured
    /// (`STEADFAST_TEST_DATABASE_URL` unset), and the test skips that backend.
    pub async fn start_on(mut self, backend: Backend) -> Option<TestApp> {
        assert!(
            self.beside.is_none(),
            "a second instance uses the other app's database: start it with `start`"
        );
        let database = TestDatabase::new(backend).await?;
        let machine = self.machine().await;
        let config = self.config_or_default();
        Some(TestApp::serve_on(database, config, machine).await)
    }

    fn config_or_default(&mut self) -> WebConfig {
        self.config
            .take()
            .unwrap_or_else(|| TestApp::test_config(&test_clock()))
    }

    async fn machine(&self) -> MachineGuard {
        if self.alone {
            MachineGuard::Alone(Arc::clone(&MACHINE).write_owned().await)
        } else {
            MachineGuard::Shared(Arc::clone(&MACHINE).read_owned().await)
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

/// The session cookie a response sets, as `name=value` for a later `Cookie` header.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("__Host-steadfast=") || value.starts_with("steadfast="))
        .and_then(|value| value.split(';').next())
        .map(str::to_owned)
}
