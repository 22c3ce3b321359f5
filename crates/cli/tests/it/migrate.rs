use reqwest::StatusCode;
use sqlx::{AnyConnection, Connection};

use crate::support::{Server, run};

#[tokio::test]
async fn migrate_creates_the_schema_a_second_run_changes_nothing_and_serve_then_starts() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());

    let first = run(dir.path(), &["migrate", "--database-url", &url]).await;
    assert!(first.status.success(), "{first:?}");
    let said = String::from_utf8_lossy(&first.stdout);
    // Every migration the binary carries is applied to a new database, from the first on.
    assert!(
        said.starts_with("Applied migrations 1, 2") && said.contains("to SQLite file"),
        "{said}"
    );

    sqlx::any::install_default_drivers();
    let mut conn = AnyConnection::connect(&format!("{url}?mode=ro"))
        .await
        .unwrap();
    for table in [
        "events", "streams", "accounts", "sessions", "spaces", "invites",
    ] {
        let count: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&mut conn)
                .await
                .unwrap_or_else(|error| panic!("table {table} exists after migrate: {error}"));
        assert_eq!(count, 0);
    }
    conn.close().await.unwrap();

    let second = run(dir.path(), &["migrate", "--database-url", &url]).await;
    assert!(second.status.success(), "{second:?}");
    let said = String::from_utf8_lossy(&second.stdout);
    assert!(said.contains("already up to date"), "{said}");

    let server = Server::start(dir.path(), &url).await;
    assert_eq!(server.get("/readyz").await.status(), StatusCode::OK);
    server.stop("TERM").await;
}
