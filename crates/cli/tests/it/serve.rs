use reqwest::StatusCode;

use crate::support::{Process, START_TIMEOUT, Server, command};

#[tokio::test]
async fn serve_prints_its_address_answers_health_checks_and_exits_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());
    let server = Server::start(dir.path(), &url).await;
    assert!(
        server.base.starts_with("http://127.0.0.1:"),
        "{}",
        server.base
    );

    assert_eq!(server.get("/healthz").await.status(), StatusCode::OK);
    assert_eq!(server.get("/readyz").await.status(), StatusCode::OK);
    // No metrics unless the operator asks for them, and never on the public address.
    assert_eq!(server.get("/metrics").await.status(), StatusCode::NOT_FOUND);

    server.stop("TERM").await;
}

#[tokio::test]
async fn metrics_are_served_only_on_the_operators_own_listener() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());
    let mut serve = command(
        dir.path(),
        &["serve", "--listen", "127.0.0.1:0", "--database-url", &url],
    );
    serve.env("STEADFAST_METRICS_LISTEN", "127.0.0.1:0");
    let mut server = Server::running(Process::spawn(serve)).await;
    let Some(line) = server.process.next_line(START_TIMEOUT).await else {
        panic!("no metrics address; stderr:\n{}", server.process.stderr());
    };
    let metrics = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no metrics address in {line:?}"))
        .to_owned();
    assert!(metrics.ends_with("/metrics"), "{line}");
    assert!(!metrics.starts_with(&server.base), "{line}");

    assert_eq!(server.get("/").await.status(), StatusCode::OK);
    assert_eq!(server.get("/metrics").await.status(), StatusCode::NOT_FOUND);
    let answer = reqwest::get(&metrics).await.unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    let text = answer.text().await.unwrap();
    assert!(text.contains("steadfast_build_info"), "{text}");
    assert!(
        text.contains(r#"steadfast_http_requests_total{kind="page",method="GET",status="2xx"} 1"#),
        "{text}"
    );

    server.stop("TERM").await;
}

#[tokio::test]
async fn steadfast_alone_serves_from_steadfast_db_in_the_working_directory_and_stops_on_sigint() {
    let dir = tempfile::tempdir().unwrap();
    let mut alone = command(dir.path(), &[]);
    // Everything else at its default; only the port is left to the system, so this test never
    // collides with a Steadfast already running on 8787.
    alone.env("STEADFAST_LISTEN", "127.0.0.1:0");
    let server = Server::running(Process::spawn(alone)).await;

    assert_eq!(server.get("/readyz").await.status(), StatusCode::OK);
    assert!(
        dir.path().join("steadfast.db").is_file(),
        "the default data file is ./steadfast.db"
    );

    server.stop("INT").await;
}

#[tokio::test]
async fn settings_come_from_the_environment_and_json_logs_hold_no_user_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut serve = command(dir.path(), &["serve"]);
    serve
        .env("STEADFAST_LISTEN", "127.0.0.1:0")
        .env(
            "STEADFAST_DATABASE_URL",
            format!("sqlite://{}", dir.path().join("from-env.db").display()),
        )
        .env("STEADFAST_LOG_FORMAT", "json")
        .env("RUST_LOG", "trace");
    let server = Server::running(Process::spawn(serve)).await;
    assert!(dir.path().join("from-env.db").exists());

    let typed = "my-partner-must-never-read-this";
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}/language", server.base))
        .header("origin", &server.base)
        .form(&[("lang", "pl"), ("next", &format!("/{typed}"))])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection());
    let stderr = server.process.stderr();
    server.stop("TERM").await;

    let lines: Vec<&str> = stderr.lines().filter(|line| !line.is_empty()).collect();
    assert!(!lines.is_empty(), "the server logged nothing");
    for line in lines {
        let parsed: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|error| panic!("not a JSON log line ({error}): {line}"));
        assert!(parsed.get("level").is_some(), "{line}");
        assert!(!line.contains(typed), "user text reached the log: {line}");
    }
}
