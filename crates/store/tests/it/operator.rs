//! What the operator's tools store: disabled accounts, one-time password links, figures.

use std::sync::Arc;

use steadfast_core::event::Visibility;
use steadfast_core::{EventId, EventKind, NewEvent, PersonId, StreamId, Timestamp};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{
    ApiTokenRecord, InviteRecord, LinkPurpose, LinkState, PasswordLink, SessionRecord,
};
use uuid::Uuid;

use crate::support::{HOUR, at, hash, id, open, sign_up, space_of};

const DAY: i64 = 24 * HOUR;

fn link(account: PersonId, purpose: LinkPurpose, expires: i64) -> PasswordLink {
    PasswordLink {
        token_hash: hash(),
        account,
        purpose,
        created_at: at(0),
        expires_at: at(expires),
    }
}

pub async fn disabling_ends_every_way_in_and_enabling_lets_the_account_back(db: &TestDatabase) {
    let store = open(db).await;
    let (kept_out, other) = (sign_up(&store).await, sign_up(&store).await);
    for person in [kept_out, other] {
        store
            .create_session(&SessionRecord {
                id_hash: hash(),
                account: person,
                created_at: at(0),
                last_seen_at: at(0),
                device: "Firefox".to_owned(),
            })
            .await
            .expect("a session");
        store
            .create_api_token(&ApiTokenRecord {
                id: id(),
                account: person,
                token_hash: hash(),
                label: String::new(),
                created_at: at(0),
                last_used_at: None,
                expires_at: at(DAY),
                dismissed_at: None,
            })
            .await
            .expect("a token");
    }
    let pending = link(kept_out, LinkPurpose::Recovery, DAY);
    store.create_password_link(&pending).await.expect("a link");

    assert!(
        store
            .disable_account(kept_out, at(HOUR))
            .await
            .expect("disable")
    );
    assert!(
        store
            .disable_account(kept_out, at(2 * HOUR))
            .await
            .expect("again")
    );
    assert_eq!(
        store.account_disabled_at(kept_out).await.expect("state"),
        Some(at(HOUR)),
        "the first time is kept"
    );
    assert!(
        store
            .sessions_of(kept_out)
            .await
            .expect("sessions")
            .is_empty()
    );
    assert!(
        store
            .api_tokens_of(kept_out)
            .await
            .expect("tokens")
            .is_empty()
    );
    assert_eq!(
        store
            .password_link(&pending.token_hash, at(0))
            .await
            .expect("link"),
        LinkState::Unknown
    );
    // The other person keeps everything.
    assert_eq!(store.sessions_of(other).await.expect("sessions").len(), 1);
    assert_eq!(store.api_tokens_of(other).await.expect("tokens").len(), 1);
    assert_eq!(store.account_disabled_at(other).await.expect("state"), None);

    assert!(store.enable_account(kept_out).await.expect("enable"));
    assert_eq!(
        store.account_disabled_at(kept_out).await.expect("state"),
        None
    );
    let nobody = PersonId::from_uuid(Uuid::new_v4());
    assert!(!store.disable_account(nobody, at(0)).await.expect("unknown"));
    assert!(!store.enable_account(nobody).await.expect("unknown"));
    store.close().await;
}

pub async fn a_link_works_once_until_it_expires_and_only_the_newest_works(db: &TestDatabase) {
    let store = open(db).await;
    let person = sign_up(&store).await;
    let older = link(person, LinkPurpose::Welcome, DAY);
    let newer = link(person, LinkPurpose::Recovery, DAY);
    store.create_password_link(&older).await.expect("a link");
    store.create_password_link(&newer).await.expect("a link");
    assert_eq!(
        store
            .password_link(&older.token_hash, at(0))
            .await
            .expect("older"),
        LinkState::Unknown,
        "replaced"
    );
    let LinkState::Usable {
        account, purpose, ..
    } = store
        .password_link(&newer.token_hash, at(0))
        .await
        .expect("newer")
    else {
        panic!("the newest link works");
    };
    assert_eq!((account, purpose), (person, LinkPurpose::Recovery));
    assert_eq!(
        store
            .password_link(&newer.token_hash, at(DAY))
            .await
            .expect("newer"),
        LinkState::Spent,
        "expired at its time"
    );
    assert_eq!(
        store
            .use_password_link(&newer.token_hash, "late-hash", at(DAY))
            .await
            .expect("late"),
        None
    );

    // Eight requests at once: one sets the password, the others find the link spent.
    let store = Arc::new(store);
    let tries = (0..8).map(|n| {
        let store = Arc::clone(&store);
        let token = newer.token_hash.clone();
        tokio::spawn(async move {
            store
                .use_password_link(&token, &format!("hash-{n}"), at(HOUR))
                .await
                .expect("an answer")
        })
    });
    let mut used = Vec::new();
    for try_ in tries {
        if let Some(who) = try_.await.expect("the task ends") {
            used.push(who);
        }
    }
    assert_eq!(used, [person]);
    let hash = store
        .account(person)
        .await
        .expect("account")
        .expect("exists")
        .password_hash;
    assert!(hash.starts_with("hash-"), "{hash}");
    assert_eq!(
        store
            .password_link(&newer.token_hash, at(HOUR))
            .await
            .expect("used"),
        LinkState::Spent
    );
    assert_eq!(
        store
            .password_link("never-made", at(0))
            .await
            .expect("unknown"),
        LinkState::Unknown
    );

    // A link goes with its account.
    let last = link(person, LinkPurpose::Recovery, DAY);
    store.create_password_link(&last).await.expect("a link");
    store
        .delete_account(person, at(HOUR))
        .await
        .expect("deleted");
    assert_eq!(
        store
            .password_link(&last.token_hash, at(0))
            .await
            .expect("gone"),
        LinkState::Unknown
    );
    store.close().await;
}

fn event(by: PersonId, at_ms: i64, words: &str) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(Uuid::new_v4()),
        author: by,
        at: Timestamp::from_millis(at_ms),
        kind: EventKind::new("journal.written").expect("kind"),
        visibility: Visibility::Shared,
        payload: serde_json::json!({ "text": words }),
    }
}

pub async fn figures_count_by_kind_state_and_week(db: &TestDatabase) {
    let store = open(db).await;
    let (a, b, solo, gone) = (
        sign_up(&store).await,
        sign_up(&store).await,
        sign_up(&store).await,
        sign_up(&store).await,
    );
    store.disable_account(gone, at(0)).await.expect("disabled");
    let paired = space_of(&store, a).await;
    let invite = id();
    store
        .create_invite(&InviteRecord {
            id: invite.clone(),
            space: paired,
            token_hash: hash(),
            created_by: a,
            created_at: at(0),
            expires_at: at(DAY),
            accepted_by: None,
            accepted_at: None,
            revoked_at: None,
        })
        .await
        .expect("an invite");
    store
        .accept_invite(&invite, b, at(HOUR), 2)
        .await
        .expect("accepted");
    let alone = space_of(&store, solo).await;

    // Monday 2026-11-23 00:00 UTC, and the week before.
    let monday = 1_795_392_000_000;
    let last_week = monday - 7 * DAY;
    store
        .append(
            StreamId::Space(paired),
            0,
            vec![event(a, last_week + HOUR, "x"), event(b, monday - 1, "y")],
        )
        .await
        .expect("append");
    store
        .append(StreamId::Space(paired), 2, vec![event(a, monday, "z")])
        .await
        .expect("append");
    store
        .append(
            StreamId::Space(alone),
            0,
            vec![event(solo, monday + DAY, "w")],
        )
        .await
        .expect("append");
    store
        .append(
            StreamId::Person(solo),
            0,
            vec![event(solo, monday + 2 * DAY, "v")],
        )
        .await
        .expect("append");

    let figures = store
        .figures(Timestamp::from_millis(last_week + 3 * DAY))
        .await
        .expect("figures");
    assert_eq!(
        (figures.partners, figures.coaches, figures.disabled),
        (4, 0, 1)
    );
    assert_eq!(
        (
            figures.paired_spaces,
            figures.solo_spaces,
            figures.empty_spaces
        ),
        (1, 1, 0)
    );
    let weeks: Vec<(i64, u64, u64)> = figures
        .weeks
        .iter()
        .map(|week| (week.starts.as_millis(), week.events, week.active_spaces))
        .collect();
    assert_eq!(weeks, [(last_week, 2, 1), (monday, 3, 2)]);

    // Only weeks from the one `since` falls in.
    let recent = store
        .figures(Timestamp::from_millis(monday + 5 * DAY))
        .await
        .expect("figures");
    assert_eq!(recent.weeks.len(), 1);
    store.close().await;
}
