//! What an operator sees when `steadfast` cannot start: one line saying why, exit code 1.

use crate::support::{assert_one_line_error, run};

#[tokio::test]
async fn a_database_url_of_another_kind_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["serve", "--database-url", "mysql://x"]).await;
    let line = assert_one_line_error(&output);
    assert!(line.contains("database"), "{line}");
}

#[tokio::test]
async fn a_port_in_use_is_reported_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());
    let output = run(
        dir.path(),
        &["serve", "--listen", &address, "--database-url", &url],
    )
    .await;
    let line = assert_one_line_error(&output);
    assert!(
        line.contains(&format!("cannot listen on {address}")),
        "{line}"
    );
    assert!(
        line.to_lowercase().contains("address already in use"),
        "{line}"
    );
}

#[tokio::test]
async fn a_data_file_that_cannot_be_created_is_reported_in_one_line() {
    // A directory that is really a file: refused even to root, unlike permission bits.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("f"), "not a directory").unwrap();
    let url = format!(
        "sqlite://{}",
        dir.path().join("f").join("steadfast.db").display()
    );
    let output = run(
        dir.path(),
        &["serve", "--listen", "127.0.0.1:0", "--database-url", &url],
    )
    .await;
    let line = assert_one_line_error(&output);
    assert!(
        line.contains("f/steadfast.db"),
        "the message names the file: {line}"
    );
}

#[tokio::test]
async fn an_unreachable_postgres_server_is_reported_in_one_line_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    // Port 1 on this machine: nothing listens, the connection is refused at once.
    let url = "postgres://steadfast:hunter2@127.0.0.1:1/steadfast";
    let output = run(dir.path(), &["migrate", "--database-url", url]).await;
    let line = assert_one_line_error(&output);
    assert!(
        line.contains("PostgreSQL at 127.0.0.1:1/steadfast"),
        "{line}"
    );
    assert!(
        line.to_lowercase().contains("refused"),
        "the cause is named: {line}"
    );
    let everything = format!("{output:?}");
    assert!(
        !everything.contains("hunter2"),
        "the password leaked: {everything}"
    );
}
