//! `steadfast import`: a person's export, downloaded from one running server, restored into their
//! account on another; what they see there afterwards, what a second run does, and the one-line
//! errors for a damaged file or an unknown account.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Server, assert_one_line_error, run};

const PASSWORD: &str = "correct horse battery staple";

/// A person on a running server, acting by a personal API token.
struct Person {
    token: String,
    cookie: String,
}

async fn sign_up(server: &Server, username: &str) -> Person {
    let client = reqwest::Client::new();
    let response = client
        .post(format!("{}/api/v1/accounts", server.base))
        .json(&json!({ "username": username, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let token: Value = client
        .post(format!("{}/api/v1/tokens", server.base))
        .header("cookie", &cookie)
        .json(&json!({ "label": "tests", "password": PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    Person {
        token: token["token"].as_str().unwrap().to_owned(),
        cookie,
    }
}

async fn call(
    server: &Server,
    who: &Person,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let client = reqwest::Client::new();
    let mut request = client
        .request(
            method.parse().unwrap(),
            format!("{}/api/v1{path}", server.base),
        )
        .bearer_auth(&who.token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Ala and Olek share a space with a promise each way and a thank-you; Ala keeps a journal.
/// Answers Ala's export, as the API gives it.
async fn history_on_the_old_server(server: &Server) -> String {
    let ala = sign_up(server, "ala").await;
    let olek = sign_up(server, "olek").await;
    let (_, space) = call(
        server,
        &ala,
        "POST",
        "/spaces",
        Some(json!({ "name": "Ala & Olek" })),
    )
    .await;
    let space = space["id"].as_str().unwrap().to_owned();
    let (_, invite) = call(
        server,
        &ala,
        "POST",
        &format!("/spaces/{space}/invites"),
        None,
    )
    .await;
    let link = invite["token"].as_str().unwrap();
    let (status, _) = call(
        server,
        &olek,
        "POST",
        &format!("/invites/{link}/accept"),
        None,
    )
    .await;
    assert!(status.is_success());
    for (who, text) in [(&ala, "call if I am late"), (&olek, "cook on Fridays")] {
        let (status, body) = call(
            server,
            who,
            "POST",
            &format!("/spaces/{space}/promises"),
            Some(json!({ "text": text, "stakes": 2 })),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, _) = call(
        server,
        &olek,
        "POST",
        &format!("/spaces/{space}/appreciations"),
        Some(json!({ "text": "thank you for the walk" })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = call(
        server,
        &ala,
        "PUT",
        &format!("/spaces/{space}/time-zone"),
        Some(json!({ "time_zone": "Europe/Warsaw" })),
    )
    .await;
    assert!(status.is_success(), "{body}");
    let ritual = json!({ "name": "Walk on Sunday", "kind": "walk", "weekdays": ["sun"], "start": "10:30",
        "every_weeks": 1, "duration_minutes": 60, "first_date": "2026-11-22" });
    let (status, body) = call(
        server,
        &ala,
        "POST",
        &format!("/spaces/{space}/rituals"),
        Some(ritual),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = call(
        server,
        &ala,
        "PUT",
        &format!("/spaces/{space}/daily"),
        Some(json!({ "mood": 4, "plan": "read together" })),
    )
    .await;
    assert!(status.is_success(), "{body}");
    let (status, _) = call(
        server,
        &ala,
        "POST",
        "/journal",
        Some(json!({ "text": "what I bring: patience", "prompt": "what_i_bring" })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let response = reqwest::Client::new()
        .get(format!("{}/api/v1/export", server.base))
        .bearer_auth(&ala.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_moves_to_another_server_and_a_second_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let old_url = format!("sqlite://{}", dir.path().join("old.db").display());
    let new_url = format!("sqlite://{}", dir.path().join("new.db").display());

    let old = Server::start(dir.path(), &old_url).await;
    let export = history_on_the_old_server(&old).await;
    old.stop("TERM").await;
    let file = dir.path().join("ala-export.json");
    std::fs::write(&file, &export).unwrap();
    let file = file.to_str().unwrap();

    let new = Server::start(dir.path(), &new_url).await;
    // A new login name on the new server: the import goes into whichever account is named.
    let ala = sign_up(&new, "ala_moved").await;
    let args = [
        "import",
        file,
        "--username",
        "ala_moved",
        "--database-url",
        &new_url,
    ];
    let output = run(dir.path(), &args).await;
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("1 new space(s), 1 journal and personal event(s)"),
        "{said}"
    );

    let (_, spaces) = call(&new, &ala, "GET", "/spaces", None).await;
    let spaces = spaces["spaces"].as_array().unwrap().clone();
    assert_eq!(spaces.len(), 1, "{spaces:?}");
    assert_eq!(spaces[0]["name"], "Ala & Olek");
    assert_eq!(spaces[0]["current"], true);
    let space = spaces[0]["id"].as_str().unwrap();

    // Ala's own items are hers again: the space's time zone, her ritual, her daily entry.
    let (status, rituals) =
        call(&new, &ala, "GET", &format!("/spaces/{space}/rituals"), None).await;
    assert_eq!(status, StatusCode::OK, "{rituals}");
    assert_eq!(rituals["time_zone"], "Europe/Warsaw");
    assert_eq!(rituals["rituals"][0]["name"], "Walk on Sunday");
    let (_, daily) = call(&new, &ala, "GET", &format!("/spaces/{space}/daily"), None).await;
    assert_eq!(daily["entries"][0]["plan"], "read together", "{daily}");
    assert_eq!(daily["entries"][0]["yours"], true);
    // What was between her and Olek is kept in the log, with a former member standing for him,
    // and shown as after any partner leaves: their promises stay hers to read, from a former
    // partner, with nothing more to do; his thanks are about the two of them now, and go.
    let (status, promises) = call(
        &new,
        &ala,
        "GET",
        &format!("/spaces/{space}/promises"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{promises}");
    let promises = promises["promises"].as_array().unwrap();
    let mut texts: Vec<&str> = promises
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    texts.sort_unstable();
    assert_eq!(texts, ["call if I am late", "cook on Fridays"]);
    assert!(promises.iter().all(|p| p["read_only"] == true));
    let (_, thanks) = call(
        &new,
        &ala,
        "GET",
        &format!("/spaces/{space}/appreciations"),
        None,
    )
    .await;
    assert!(
        !thanks.to_string().contains("thank you for the walk"),
        "{thanks}"
    );
    let (_, journal) = call(&new, &ala, "GET", "/journal", None).await;
    assert_eq!(journal["entries"][0]["text"], "what I bring: patience");
    assert_eq!(journal["entries"][0]["prompt"], "what_i_bring");

    // The pages show it too.
    let page = reqwest::Client::new()
        .get(format!("{}/spaces/{space}/rituals", new.base))
        .header("cookie", &ala.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("Walk on Sunday"), "{page}");

    // Again: nothing new, and it says so.
    let output = run(dir.path(), &args).await;
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("0 new space(s), 0 journal and personal event(s)"),
        "{said}"
    );
    assert!(said.contains("1 space(s) were imported before"), "{said}");
    let (_, spaces) = call(&new, &ala, "GET", "/spaces", None).await;
    assert_eq!(spaces["spaces"].as_array().unwrap().len(), 1);
    let (_, journal) = call(&new, &ala, "GET", "/journal", None).await;
    assert_eq!(journal["entries"].as_array().unwrap().len(), 1);

    // A damaged file and an unknown account are refused in one line, writing nothing.
    let mut damaged: Value = serde_json::from_str(&export).unwrap();
    damaged["spaces"][0]["events"][0]["at"] = json!("last Tuesday");
    let damaged_file = dir.path().join("damaged.json");
    std::fs::write(&damaged_file, damaged.to_string()).unwrap();
    let damaged_args = [
        "import",
        damaged_file.to_str().unwrap(),
        "--username",
        "ala_moved",
        "--database-url",
        &new_url,
    ];
    let line = assert_one_line_error(&run(dir.path(), &damaged_args).await);
    assert!(
        line.contains("space 1, event 1: the time is not valid"),
        "{line}"
    );
    let nobody = [
        "import",
        file,
        "--username",
        "nobody",
        "--database-url",
        &new_url,
    ];
    let line = assert_one_line_error(&run(dir.path(), &nobody).await);
    assert!(
        line.contains("there is no account named nobody here"),
        "{line}"
    );
    new.stop("TERM").await;
}
