//! `steadfast admin` as an operator runs it: accounts made with a one-time link the person opens
//! to choose their own password, accounts disabled and enabled, recoveries started, and figures
//! that hold no content.

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use steadfast_core::coach::AccountKind;
use steadfast_core::event::Visibility;
use steadfast_core::{EventId, EventKind, NewEvent, PersonId, SpaceId, StreamId, Timestamp};
use steadfast_store::{NewAccount, NewSpace, Store};

use crate::support::{Server, assert_one_line_error, command, run};

const NEW_PASSWORD: &str = "a lighthouse keeps its own hours";

/// Runs `steadfast admin …` with no public URL from this environment unless given.
async fn admin(dir: &Path, args: &[&str], public_url: Option<&str>) -> Output {
    let mut full = vec!["admin"];
    full.extend_from_slice(args);
    let mut command = command(dir, &full);
    command.env_remove("STEADFAST_PUBLIC_URL");
    if let Some(url) = public_url {
        command.env("STEADFAST_PUBLIC_URL", url);
    }
    command.stdin(Stdio::null());
    command.output().await.expect("steadfast runs")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The link an admin command printed: the one word holding `/set-password/`.
fn link_in(said: &str) -> String {
    let link = said
        .split_whitespace()
        .find(|word| word.contains("/set-password/"))
        .unwrap_or_else(|| panic!("no link in {said}"))
        .to_owned();
    let token = link.rsplit('/').next().unwrap_or_default();
    assert_eq!(token.len(), 64, "{link}");
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()), "{link}");
    link
}

fn now() -> Timestamp {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis();
    Timestamp::from_millis(i64::try_from(millis).unwrap())
}

async fn set_password(server: &Server, path: &str) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}{path}", server.base))
        .header("sec-fetch-site", "same-origin")
        .form(&[("new_password", NEW_PASSWORD)])
        .send()
        .await
        .unwrap()
}

async fn sign_in(server: &Server, username: &str, password: &str) -> StatusCode {
    reqwest::Client::new()
        .post(format!("{}/api/v1/sessions", server.base))
        .json(&serde_json::json!({ "username": username, "password": password }))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_created_account_gets_a_link_its_person_opens_to_choose_their_own_password() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());

    let said = stdout(
        &admin(
            dir.path(),
            &[
                "create-account",
                "--username",
                "river-client",
                "--email",
                "river@example.org",
                "--database-url",
                &url,
            ],
            None,
        )
        .await,
    );
    let link = link_in(&said);
    assert!(
        link.starts_with("/set-password/"),
        "a path without a public URL: {link}"
    );
    assert!(said.contains("privately"), "{said}");
    assert!(said.contains("24 hours"), "{said}");

    // The same name again is refused, in one line.
    let again = admin(
        dir.path(),
        &[
            "create-account",
            "--username",
            "river-client",
            "--database-url",
            &url,
        ],
        None,
    )
    .await;
    assert!(assert_one_line_error(&again).contains("taken"));

    // A coach, with the whole link from the public URL.
    let said = stdout(
        &admin(
            dir.path(),
            &[
                "create-account",
                "--username",
                "coach-ann",
                "--coach",
                "--database-url",
                &url,
            ],
            Some("https://care.example/"),
        )
        .await,
    );
    assert!(said.contains("a coach's account"), "{said}");
    assert!(
        link_in(&said).starts_with("https://care.example/set-password/"),
        "{said}"
    );

    let store = Store::open(&url.parse().unwrap()).await.unwrap();
    let river = store
        .account_by_username_key("river-client")
        .await
        .unwrap()
        .expect("the account exists");
    assert_eq!(river.kind, AccountKind::Partner);
    assert_eq!(river.email.as_deref(), Some("river@example.org"));
    assert_eq!(
        store
            .account_by_username_key("coach-ann")
            .await
            .unwrap()
            .expect("the coach exists")
            .kind,
        AccountKind::Coach
    );
    store.close().await;

    // The person opens the link on the running server and chooses a password.
    let server = Server::start(dir.path(), &url).await;
    assert_eq!(
        sign_in(&server, "river-client", "").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(server.get(&link).await.status(), StatusCode::OK);
    let set = set_password(&server, &link).await;
    assert_eq!(set.status(), StatusCode::OK);
    assert!(set.text().await.unwrap().contains("Your recovery codes"));
    assert_eq!(
        sign_in(&server, "river-client", NEW_PASSWORD).await,
        StatusCode::CREATED
    );
    assert_eq!(server.get(&link).await.status(), StatusCode::GONE);
    server.stop("TERM").await;
}

#[tokio::test]
async fn accounts_are_disabled_enabled_and_recovered_by_a_new_link_only() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());
    let created = stdout(
        &admin(
            dir.path(),
            &[
                "create-account",
                "--username",
                "sea-client",
                "--database-url",
                &url,
            ],
            None,
        )
        .await,
    );
    let first_link = link_in(&created);

    // A recovery makes a new link and the older one stops working.
    let said = stdout(
        &admin(
            dir.path(),
            &["start-recovery", "sea-client", "--database-url", &url],
            None,
        )
        .await,
    );
    let recovery_link = link_in(&said);
    assert_ne!(recovery_link, first_link);
    assert!(said.contains("signs them out everywhere else"), "{said}");

    let said = stdout(
        &admin(
            dir.path(),
            &["disable-account", "sea-client", "--database-url", &url],
            None,
        )
        .await,
    );
    assert!(said.contains("Disabled sea-client"), "{said}");
    let refused = admin(
        dir.path(),
        &["start-recovery", "sea-client", "--database-url", &url],
        None,
    )
    .await;
    assert!(assert_one_line_error(&refused).contains("is disabled"));

    let store = Store::open(&url.parse().unwrap()).await.unwrap();
    let account = store
        .account_by_username_key("sea-client")
        .await
        .unwrap()
        .unwrap();
    assert!(
        store
            .account_disabled_at(account.id)
            .await
            .unwrap()
            .is_some()
    );
    store.close().await;

    let server = Server::start(dir.path(), &url).await;
    // Disabling ended the unused links.
    assert_eq!(
        server.get(&first_link).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        server.get(&recovery_link).await.status(),
        StatusCode::NOT_FOUND
    );
    server.stop("TERM").await;

    let said = stdout(
        &admin(
            dir.path(),
            &["enable-account", "sea-client", "--database-url", &url],
            None,
        )
        .await,
    );
    assert!(said.contains("Enabled sea-client"), "{said}");
    let said = stdout(
        &admin(
            dir.path(),
            &["start-recovery", "sea-client", "--database-url", &url],
            None,
        )
        .await,
    );
    let link = link_in(&said);
    let server = Server::start(dir.path(), &url).await;
    let set = set_password(&server, &link).await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        sign_in(&server, "sea-client", NEW_PASSWORD).await,
        StatusCode::CREATED
    );
    server.stop("TERM").await;

    for command in ["disable-account", "enable-account", "start-recovery"] {
        let unknown = admin(
            dir.path(),
            &[command, "nobody-here", "--database-url", &url],
            None,
        )
        .await;
        assert!(
            assert_one_line_error(&unknown).contains("no account is called nobody-here"),
            "{command}"
        );
    }
}

fn text_event(author: PersonId, at: Timestamp, words: &str) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(uuid::Uuid::new_v4()),
        author,
        at,
        kind: EventKind::new("journal.written").unwrap(),
        visibility: Visibility::Shared,
        payload: serde_json::json!({ "text": words }),
    }
}

#[tokio::test]
async fn figures_count_accounts_spaces_and_weekly_activity_and_show_no_content() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());
    // A paired couple with a month of history.
    let seeded = run(
        dir.path(),
        &[
            "demo",
            "--database-url",
            &url,
            "--couples",
            "1",
            "--months",
            "1",
        ],
    )
    .await;
    assert!(seeded.status.success(), "{seeded:?}");

    // A solo person whose name, space and words would be unmistakable anywhere.
    let store = Store::open(&url.parse().unwrap()).await.unwrap();
    let person = PersonId::from_uuid(uuid::Uuid::new_v4());
    store
        .create_account(&NewAccount {
            id: person,
            username: "zanzibar-pelican".to_owned(),
            username_key: "zanzibar-pelican".to_owned(),
            password_hash: "not-a-real-hash".to_owned(),
            email: Some("pelican@zanzibar.example".to_owned()),
            created_at: now(),
            grammatical_form: steadfast_core::account::GrammaticalForm::default(),
        })
        .await
        .unwrap();
    let space = SpaceId::from_uuid(uuid::Uuid::new_v4());
    store
        .create_space(&NewSpace {
            id: space,
            name: "Marmalade Lighthouse".to_owned(),
            creator: person,
            created_at: now(),
        })
        .await
        .unwrap();
    let shared = text_event(person, now(), "ultramarine octopus confession");
    let private = text_event(person, now(), "saffron walrus secret");
    let ids = [shared.id.to_string(), private.id.to_string()];
    store
        .append(StreamId::Space(space), 0, vec![shared])
        .await
        .unwrap();
    store
        .append(StreamId::Person(person), 0, vec![private])
        .await
        .unwrap();
    let mut secrets: Vec<String> = ids.to_vec();
    secrets.extend([person.to_string(), space.to_string()]);
    for name in ["demo-alex-1", "demo-sam-1"] {
        let account = store.account_by_username_key(name).await.unwrap().unwrap();
        secrets.push(account.id.to_string());
        for (record, _) in store.spaces_of(account.id).await.unwrap() {
            secrets.push(record.id.to_string());
            secrets.push(record.name.clone());
        }
    }
    store.close().await;

    let said = stdout(
        &admin(
            dir.path(),
            &["figures", "--weeks", "3", "--database-url", &url],
            None,
        )
        .await,
    );
    assert!(
        said.contains("Accounts: 3 partners, 0 coaches (0 disabled)"),
        "{said}"
    );
    assert!(said.contains("Spaces: 1 paired, 1 solo, 0 empty"), "{said}");
    let weeks: Vec<&str> = said.lines().filter(|line| line.contains("-W")).collect();
    assert_eq!(weeks.len(), 3, "{said}");
    let this_week = weeks[2];
    let events: u64 = this_week
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {this_week}"));
    assert!(
        events >= 2,
        "this week's two appends are counted: {this_week}"
    );

    for word in [
        "zanzibar",
        "pelican",
        "Marmalade",
        "Lighthouse",
        "ultramarine",
        "octopus",
        "saffron",
        "walrus",
        "demo-alex",
        "demo-sam",
        "@",
    ] {
        assert!(!said.contains(word), "{word} in the figures:\n{said}");
    }
    for secret in &secrets {
        assert!(
            !said.contains(secret.as_str()),
            "{secret} in the figures:\n{said}"
        );
    }
}
