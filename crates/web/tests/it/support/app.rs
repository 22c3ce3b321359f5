use std::net::SocketAddr;

use reqwest::redirect::Policy;
use steadfast_store::testing::TestDatabase;
use steadfast_store::{Backend, Store};
use steadfast_web::WebConfig;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The real application, served on a free port of 127.0.0.1, on a database of its own.
pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub store: Store,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    _database: TestDatabase,
}

impl TestApp {
    /// On SQLite, which is always there.
    pub async fn sqlite() -> TestApp {
        Self::start(TestDatabase::sqlite(), WebConfig::default()).await
    }

    /// On the given backend; `None` for PostgreSQL when no test server is configured.
    pub async fn on(backend: Backend) -> Option<TestApp> {
        let database = TestDatabase::new(backend).await?;
        Some(Self::start(database, WebConfig::default()).await)
    }

    pub async fn with_config(config: WebConfig) -> TestApp {
        Self::start(TestDatabase::sqlite(), config).await
    }

    async fn start(database: TestDatabase, config: WebConfig) -> TestApp {
        let store = Store::open(database.url()).await.expect("the store opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let address = listener.local_addr().expect("an address");
        let app = steadfast_web::app(store.clone(), config);
        let (stop, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
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
            client,
            store,
            stop: Some(stop),
            server: Some(server),
            _database: database,
        }
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

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}
