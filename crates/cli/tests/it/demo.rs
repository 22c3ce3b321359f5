//! `steadfast demo` as a newcomer runs it: a fresh database gets couples with history, the
//! server shows their pages at once, and a second run refuses.

use reqwest::StatusCode;
use steadfast_core::Username;
use steadfast_store::Store;

use crate::support::{Server, assert_one_line_error, run};

const PASSWORD: &str = "steadfast-demo-only";

#[tokio::test]
async fn a_seeded_database_serves_living_pages_and_a_second_run_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let args = [
        "demo",
        "--database-url",
        &url,
        "--couples",
        "2",
        "--months",
        "2",
    ];

    let output = run(dir.path(), &args).await;
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("FOR TRYING OUT AND BENCHMARKS ONLY"),
        "{said}"
    );
    assert!(said.contains(PASSWORD), "{said}");
    assert!(said.contains("demo-alex-1 and demo-sam-1"), "{said}");
    assert!(said.contains("demo-maja-2 and demo-tomek-2"), "{said}");

    let again = run(dir.path(), &args).await;
    let line = assert_one_line_error(&again);
    assert!(
        line.contains("already has an account named demo-alex-1"),
        "{line}"
    );

    let store = Store::open(&url.parse().unwrap()).await.unwrap();
    let key = Username::parse("demo-alex-1").unwrap();
    let person = store
        .account_by_username_key(key.key())
        .await
        .unwrap()
        .unwrap();
    let space = store.spaces_of(person.id).await.unwrap()[0].0.id;
    store.close().await;

    let server = Server::start(dir.path(), &url).await;
    let client = reqwest::Client::new();
    let signed_in = client
        .post(format!("{}/api/v1/sessions", server.base))
        .json(&serde_json::json!({ "username": "demo-alex-1", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::CREATED);
    let cookie = signed_in
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.contains("steadfast="))
        .and_then(|value| value.split(';').next())
        .unwrap()
        .to_owned();
    for page in [
        "",
        "/promises",
        "/record",
        "/checkins",
        "/rituals",
        "/daily",
        "/boundaries",
        "/appreciations",
        "/repairs",
    ] {
        let response = client
            .get(format!("{}/spaces/{space}{page}", server.base))
            .header(reqwest::header::COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "/spaces/{space}{page}");
        let html = response.text().await.unwrap();
        if page == "/boundaries" {
            assert!(html.contains("without asking"), "{html}");
        }
        if page == "/repairs" {
            assert!(
                html.contains("/repairs/"),
                "the first couple has a plan: {html}"
            );
        }
    }
    server.stop("TERM").await;
}
