//! The `request_bodies` fuzz target's harness, and its corpus replay in `cargo test`: any bytes as
//! the JSON body of one of the API's POST and PUT routes, through the real router in-process (the
//! same extractors, validation and handlers as a served request), on a SQLite database of its
//! own. The one rule checked: a body never gets a 5xx.
//!
//! An input is `METHOD /api/v1/route/{param}` on its first line and the body after it; a first
//! line that names no route picks one from its bytes, so every mutation still reaches a route.
//! The routes are read from the OpenAPI document at start, so a route added later is fuzzed too.
//! Path parameters are filled with the harness's own space and with the ids of things its
//! earlier requests created (the seed corpus creates a promise, a boundary, …), so a body gets
//! past "not found" to the checks behind it.
//!
//! Built only with the `fuzzing` feature; it panics on a failed setup, as a test would.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use steadfast_app::clock::ManualClock;
use steadfast_app::passwords::PasswordCost;
use steadfast_core::Timestamp;
use steadfast_store::Store;
use steadfast_store::testing::TestDatabase;
use tower::ServiceExt;

use crate::WebConfig;

/// Routes left out: they end the harness's own standing (its password, its place in the space),
/// after which every other route would only answer 401 or 404.
const LEFT_OUT: [&str; 2] = ["/api/v1/me/password", "/api/v1/spaces/{id}/leave"];

const PASSWORD: &str = "correct horse battery staple";

/// One route that takes a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub method: Method,
    /// As the OpenAPI document names it, under `/api/v1`.
    pub template: String,
}

impl std::fmt::Display for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.template)
    }
}

/// The app, signed in as one partner of a couple, ready to take bodies.
pub struct RequestFuzzer {
    runtime: tokio::runtime::Runtime,
    router: Router,
    token: String,
    routes: Vec<Route>,
    /// Path parameters by name: `id` is the space; others are learnt from created things.
    params: Mutex<HashMap<String, String>>,
    _database: TestDatabase,
}

impl RequestFuzzer {
    pub fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let database = TestDatabase::sqlite();
        let router = runtime.block_on(async {
            let store = Store::open(database.url()).await.expect("the store opens");
            let clock = ManualClock::starting_at(Timestamp::from_millis(1_795_000_000_000));
            let config = WebConfig {
                password_cost: PasswordCost::FastForTests,
                clock: Arc::new(clock),
                ..WebConfig::default()
            };
            crate::app(store, config).expect("the app starts")
        });
        let mut fuzzer = Self {
            runtime,
            router,
            token: String::new(),
            routes: Vec::new(),
            params: Mutex::new(HashMap::new()),
            _database: database,
        };
        fuzzer.set_up();
        fuzzer
    }

    /// The routes bodies are sent to, in the OpenAPI document's order.
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// Sends `input` (see the module's doc) and answers which route took it and the status.
    /// Panics on a 5xx: that is the bug the fuzzer looks for.
    pub fn exercise(&self, input: &[u8]) -> (Route, StatusCode) {
        let (route, body) = self.pick(input);
        let path = self.fill(&route.template);
        let (status, answer) = self.send(route.method.clone(), &path, body.to_vec(), true);
        assert!(
            !status.is_server_error(),
            "{route} answered {status} to a body of {} bytes: {answer}",
            body.len()
        );
        if status.is_success() {
            self.learn(&route, &answer);
        }
        (route, status)
    }

    fn pick<'a>(&self, input: &'a [u8]) -> (Route, &'a [u8]) {
        let (first, body) = match input.iter().position(|&b| b == b'\n') {
            Some(at) => (&input[..at], &input[at + 1..]),
            None => (&[][..], input),
        };
        let named = std::str::from_utf8(first).ok().and_then(|line| {
            self.routes
                .iter()
                .find(|route| route.to_string() == line.trim())
        });
        let route = match named {
            Some(route) => route.clone(),
            None => {
                let sum = first
                    .iter()
                    .fold(0usize, |sum, &b| sum.wrapping_add(usize::from(b)));
                self.routes[sum % self.routes.len()].clone()
            }
        };
        (route, body)
    }

    fn fill(&self, template: &str) -> String {
        let params = self.params.lock().unwrap_or_else(|e| e.into_inner());
        let mut path = String::new();
        for segment in template.split('/').skip(1) {
            path.push('/');
            match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => path.push_str(
                    params
                        .get(name)
                        .map(String::as_str)
                        .unwrap_or("00000000-0000-4000-8000-000000000000"),
                ),
                None => path.push_str(segment),
            }
        }
        path
    }

    /// Keeps the id of what a collection route created, for the routes under it.
    fn learn(&self, route: &Route, answer: &Value) {
        let Some(id) = answer.get("id").and_then(Value::as_str) else {
            return;
        };
        let Some(last) = route.template.rsplit('/').next() else {
            return;
        };
        let name = match last {
            "promises" => "promise",
            "boundaries" => "boundary",
            "crossings" => "crossing",
            "checkins" => "checkin",
            "repairs" => "repair",
            "questions" => "question",
            "rituals" => "ritual",
            "invites" => "invite",
            "journal" => "entry",
            _ => return,
        };
        self.params
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_owned(), id.to_owned());
    }

    fn send(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
        authorised: bool,
    ) -> (StatusCode, Value) {
        self.send_as(
            method,
            path,
            body,
            authorised.then_some(self.token.as_str()),
        )
    }

    fn send_as(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
        token: Option<&str>,
    ) -> (StatusCode, Value) {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let mut request = request.body(Body::from(body)).expect("a request");
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        self.runtime.block_on(async {
            let response = self
                .router
                .clone()
                .oneshot(request)
                .await
                .expect("the router always answers");
            let status = response.status();
            let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .unwrap_or_default();
            (
                status,
                serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            )
        })
    }

    /// Two partners in one space; the harness acts as the first, by a personal token.
    fn set_up(&mut self) {
        let first = self.partner("fuzz_one");
        let second = self.partner("fuzz_two");
        self.token = first;
        let (status, space) = self.send(
            Method::POST,
            "/api/v1/spaces",
            json!({ "name": "Fuzzed" }).to_string().into_bytes(),
            true,
        );
        assert_eq!(status, StatusCode::CREATED, "{space}");
        let space = space["id"].as_str().expect("the space's id").to_owned();
        let (status, invite) = self.send(
            Method::POST,
            &format!("/api/v1/spaces/{space}/invites"),
            Vec::new(),
            true,
        );
        assert_eq!(status, StatusCode::CREATED, "{invite}");
        let link = invite["token"]
            .as_str()
            .expect("the invite's token")
            .to_owned();
        let (status, joined) = self.send_as(
            Method::POST,
            &format!("/api/v1/invites/{link}/accept"),
            Vec::new(),
            Some(&second),
        );
        assert!(status.is_success(), "{status} {joined}");
        self.params
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert("id".to_owned(), space);
        self.routes = self.body_routes();
    }

    /// Signs a person up and answers a personal token of theirs.
    fn partner(&self, name: &str) -> String {
        let sign_up = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/accounts")
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({ "username": name, "password": PASSWORD }).to_string(),
            ))
            .expect("a request");
        let cookie = self.cookie_of(sign_up);
        let mut request = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/tokens")
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, cookie)
            .body(Body::from(
                json!({ "label": "fuzzing", "password": PASSWORD }).to_string(),
            ))
            .expect("a request");
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        self.runtime.block_on(async {
            let response = self
                .router
                .clone()
                .oneshot(request)
                .await
                .expect("an answer");
            assert_eq!(response.status(), StatusCode::CREATED);
            let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .expect("a body");
            let body: Value = serde_json::from_slice(&bytes).expect("JSON");
            body["token"].as_str().expect("a token").to_owned()
        })
    }

    fn cookie_of(&self, mut request: Request<Body>) -> String {
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        self.runtime.block_on(async {
            let response = self
                .router
                .clone()
                .oneshot(request)
                .await
                .expect("an answer");
            assert!(response.status().is_success(), "{}", response.status());
            let cookie = response
                .headers()
                .get(header::SET_COOKIE)
                .and_then(|value| value.to_str().ok())
                .expect("a session cookie");
            cookie.split(';').next().unwrap_or_default().to_owned()
        })
    }

    /// Every POST and PUT route of the OpenAPI document, but those [`LEFT_OUT`].
    fn body_routes(&self) -> Vec<Route> {
        let (status, document) = self.send(Method::GET, "/api/v1/openapi.json", Vec::new(), false);
        assert_eq!(status, StatusCode::OK);
        let mut routes = Vec::new();
        for (path, operations) in document["paths"].as_object().expect("paths") {
            let template = if path.starts_with("/api/") {
                path.clone()
            } else {
                format!("/api/v1{path}")
            };
            for (name, method) in [
                ("post", Method::POST),
                ("put", Method::PUT),
                ("patch", Method::PATCH),
            ] {
                if operations.get(name).is_some() && !LEFT_OUT.contains(&template.as_str()) {
                    routes.push(Route {
                        method,
                        template: template.clone(),
                    });
                }
            }
        }
        assert!(!routes.is_empty(), "the OpenAPI document lists routes");
        routes
    }
}

impl Default for RequestFuzzer {
    fn default() -> Self {
        Self::new()
    }
}
