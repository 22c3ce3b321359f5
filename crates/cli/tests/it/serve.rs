use reqwest::StatusCode;

use crate::support::{Process, Server, command};

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
    let metrics = server.get("/metrics").await;
    assert_eq!(metrics.status(), StatusCode::OK);
    let text = metrics.text().await.unwrap();
    assert!(text.contains("steadfast_build_info"), "{text}");

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
