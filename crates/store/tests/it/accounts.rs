use std::sync::Arc;

use serde_json::json;
use steadfast_core::account::GrammaticalForm;
use steadfast_core::{EventId, EventKind, NewEvent, PersonId, StreamId, Visibility};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{
    AcceptOutcome, ApiTokenRecord, InviteRecord, SessionRecord, Store, StoreError,
};
use tokio::sync::Barrier;
use uuid::Uuid;

use crate::support::{HOUR, at, hash, id, new_account, open, person, sign_up, space_of};

pub async fn an_account_is_found_by_id_and_by_username_key(db: &TestDatabase) {
    let store = open(db).await;
    let mut account = new_account("Zoë_Night");
    account.email = Some("zoe@example.org".to_owned());
    store.create_account(&account).await.expect("create");

    let by_id = store
        .account(account.id)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(by_id.id, account.id);
    assert_eq!(by_id.username, "Zoë_Night");
    assert_eq!(by_id.username_key, "zoë_night");
    assert_eq!(by_id.password_hash, account.password_hash);
    assert_eq!(by_id.email.as_deref(), Some("zoe@example.org"));
    assert_eq!(by_id.created_at, account.created_at);
    let by_key = store
        .account_by_username_key("zoë_night")
        .await
        .expect("read");
    assert_eq!(by_key, Some(by_id));

    assert_eq!(
        store.account(crate::support::person()).await.expect("read"),
        None
    );
    assert_eq!(
        store
            .account_by_username_key("Zoë_Night")
            .await
            .expect("read"),
        None,
        "only the canonical key finds the account"
    );
    store.close().await;
}

pub async fn a_second_account_with_the_same_username_key_is_refused_and_the_first_is_untouched(
    db: &TestDatabase,
) {
    let store = open(db).await;
    let first = new_account("river");
    store.create_account(&first).await.expect("create");

    let mut second = new_account("RIVER");
    second.email = Some("other@example.org".to_owned());
    assert_eq!(second.username_key, first.username_key);
    let refused = store.create_account(&second).await;
    assert!(
        matches!(refused, Err(StoreError::UsernameTaken)),
        "{refused:?}"
    );

    assert_eq!(store.account(second.id).await.expect("read"), None);
    let kept = store
        .account_by_username_key("river")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(kept.id, first.id);
    assert_eq!(kept.username, "river");
    assert_eq!(kept.password_hash, first.password_hash);
    assert_eq!(kept.email, None);
    store.close().await;
}

pub async fn a_new_password_hash_replaces_the_old(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let sams_hash = store
        .account(sam)
        .await
        .expect("read")
        .expect("found")
        .password_hash;

    store
        .set_password_hash(alex, "argon2id-new")
        .await
        .expect("set");

    let alex = store.account(alex).await.expect("read").expect("found");
    assert_eq!(alex.password_hash, "argon2id-new");
    let sam = store.account(sam).await.expect("read").expect("found");
    assert_eq!(sam.password_hash, sams_hash, "nobody else's changes");
    store.close().await;
}

pub async fn a_grammatical_form_is_neutral_until_chosen_and_only_the_persons_own_changes(
    db: &TestDatabase,
) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let form = |account: Option<steadfast_store::Account>| account.expect("found").grammatical_form;
    assert_eq!(
        form(store.account(alex).await.expect("read")),
        GrammaticalForm::Neutral
    );

    assert!(
        store
            .set_grammatical_form(alex, GrammaticalForm::Feminine)
            .await
            .expect("set")
    );
    assert_eq!(
        form(store.account(alex).await.expect("read")),
        GrammaticalForm::Feminine
    );
    assert_eq!(
        form(store.account(sam).await.expect("read")),
        GrammaticalForm::Neutral,
        "nobody else's changes"
    );

    assert!(
        store
            .set_grammatical_form(alex, GrammaticalForm::Neutral)
            .await
            .expect("set back")
    );
    assert_eq!(
        form(store.account(alex).await.expect("read")),
        GrammaticalForm::Neutral
    );
    assert!(
        !store
            .set_grammatical_form(person(), GrammaticalForm::Masculine)
            .await
            .expect("no such account"),
        "an unknown account changes nothing"
    );
    store.close().await;
}

pub async fn recovery_codes_work_once_each(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let codes: Vec<String> = (0..3).map(|_| hash()).collect();
    store
        .replace_recovery_codes(alex, &codes)
        .await
        .expect("replace");
    assert_eq!(store.unused_recovery_codes(alex).await.expect("count"), 3);

    assert!(
        store
            .use_recovery_code(alex, &codes[1], at(HOUR))
            .await
            .expect("use")
    );
    assert!(
        !store
            .use_recovery_code(alex, &codes[1], at(2 * HOUR))
            .await
            .expect("reuse")
    );
    assert!(
        !store
            .use_recovery_code(alex, &hash(), at(HOUR))
            .await
            .expect("unknown code")
    );
    assert_eq!(store.unused_recovery_codes(alex).await.expect("count"), 2);
    store.close().await;
}

pub async fn a_recovery_code_is_only_good_for_its_own_account(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let code = hash();
    store
        .replace_recovery_codes(alex, std::slice::from_ref(&code))
        .await
        .expect("replace");

    assert!(
        !store
            .use_recovery_code(sam, &code, at(HOUR))
            .await
            .expect("use")
    );
    assert_eq!(store.unused_recovery_codes(alex).await.expect("count"), 1);
    assert_eq!(store.unused_recovery_codes(sam).await.expect("count"), 0);
    store.close().await;
}

pub async fn replacing_recovery_codes_voids_the_old_ones(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let old: Vec<String> = (0..4).map(|_| hash()).collect();
    store
        .replace_recovery_codes(alex, &old)
        .await
        .expect("replace");
    assert!(
        store
            .use_recovery_code(alex, &old[0], at(HOUR))
            .await
            .expect("use")
    );

    let new: Vec<String> = (0..2).map(|_| hash()).collect();
    store
        .replace_recovery_codes(alex, &new)
        .await
        .expect("replace again");

    assert_eq!(store.unused_recovery_codes(alex).await.expect("count"), 2);
    for code in &old {
        assert!(
            !store
                .use_recovery_code(alex, code, at(2 * HOUR))
                .await
                .expect("use old")
        );
    }
    assert!(
        store
            .use_recovery_code(alex, &new[1], at(2 * HOUR))
            .await
            .expect("use new")
    );
    store.close().await;
}

pub async fn a_recovery_code_presented_by_8_requests_at_once_lets_exactly_one_in(
    db: &TestDatabase,
) {
    const TASKS: usize = 8;
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let code = hash();
    store
        .replace_recovery_codes(alex, &[code.clone(), hash()])
        .await
        .expect("replace");

    let start = Arc::new(Barrier::new(TASKS));
    let tasks: Vec<_> = (0..TASKS)
        .map(|n| {
            let (store, code, start) = (store.clone(), code.clone(), Arc::clone(&start));
            tokio::spawn(async move {
                start.wait().await;
                store
                    .use_recovery_code(alex, &code, at(n as i64))
                    .await
                    .expect("use")
            })
        })
        .collect();
    let mut wins = 0;
    for task in tasks {
        if task.await.expect("task") {
            wins += 1;
        }
    }

    assert_eq!(wins, 1);
    assert_eq!(store.unused_recovery_codes(alex).await.expect("count"), 1);
    store.close().await;
}

fn event(author: PersonId, text: &str) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(Uuid::new_v4()),
        author,
        at: at(0),
        kind: EventKind::new("note.added").expect("a valid kind"),
        visibility: Visibility::Shared,
        payload: json!(text),
    }
}

/// Everything a person can leave behind: sessions, a token, recovery codes, a pending invite, a
/// place in a shared space, events there and in their private stream.
async fn lived_in(store: &Store, person: PersonId) -> (String, String) {
    let session = hash();
    store
        .create_session(&SessionRecord {
            id_hash: session.clone(),
            account: person,
            created_at: at(0),
            last_seen_at: at(0),
            device: "Firefox on Android".to_owned(),
        })
        .await
        .expect("session");
    let token = hash();
    store
        .create_api_token(&ApiTokenRecord {
            id: id(),
            account: person,
            token_hash: token.clone(),
            label: "backup".to_owned(),
            created_at: at(0),
            last_used_at: None,
            expires_at: at(HOUR),
            dismissed_at: None,
        })
        .await
        .expect("token");
    store
        .replace_recovery_codes(person, &[hash(), hash()])
        .await
        .expect("codes");
    store
        .append(StreamId::Person(person), 0, vec![event(person, "my diary")])
        .await
        .expect("private event");
    (session, token)
}

pub async fn deleting_an_account_removes_its_access_and_private_events_and_keeps_what_the_partner_received(
    db: &TestDatabase,
) {
    let store = open(db).await;
    let alex_account = new_account("alex");
    store.create_account(&alex_account).await.expect("create");
    let (alex, sam) = (alex_account.id, sign_up(&store).await);
    let (alex_session, alex_token) = lived_in(&store, alex).await;
    let (sam_session, sam_token) = lived_in(&store, sam).await;

    let ours = space_of(&store, alex).await;
    let invite = |token_hash: String| InviteRecord {
        id: id(),
        space: ours,
        token_hash,
        created_by: alex,
        created_at: at(0),
        expires_at: at(72 * HOUR),
        accepted_by: None,
        accepted_at: None,
        revoked_at: None,
    };
    let accepted = invite(hash());
    store.create_invite(&accepted).await.expect("invite");
    let outcome = store
        .accept_invite(&accepted.id, sam, at(HOUR), 2)
        .await
        .expect("accept");
    assert_eq!(outcome, AcceptOutcome::Accepted);
    let pending = invite(hash());
    store.create_invite(&pending).await.expect("second invite");
    let shared = StreamId::Space(ours);
    store
        .append(
            shared,
            0,
            vec![
                event(alex, "alex 1"),
                event(sam, "sam 1"),
                event(alex, "alex 2"),
                NewEvent {
                    visibility: Visibility::Private,
                    ..event(alex, "alex's own")
                },
            ],
        )
        .await
        .expect("shared events");

    store
        .delete_account(alex, at(2 * HOUR))
        .await
        .expect("delete");

    assert_eq!(store.account(alex).await.expect("read"), None);
    assert_eq!(
        store.account_by_username_key("alex").await.expect("read"),
        None
    );
    assert_eq!(store.session(&alex_session).await.expect("read"), None);
    assert!(store.sessions_of(alex).await.expect("read").is_empty());
    assert_eq!(
        store.api_token_by_hash(&alex_token).await.expect("read"),
        None
    );
    assert!(store.api_tokens_of(alex).await.expect("read").is_empty());
    assert_eq!(store.unused_recovery_codes(alex).await.expect("count"), 0);
    assert!(
        store
            .read(StreamId::Person(alex), 1)
            .await
            .expect("read")
            .is_empty()
    );

    // What alex shared with sam stays sam's (leaving never takes shared history away); alex's
    // private item goes.
    let left: Vec<_> = store.read(shared, 1).await.expect("read");
    let kept: Vec<_> = left.iter().map(|e| (e.seq, e.event.author)).collect();
    assert_eq!(kept, [(1, alex), (2, sam), (3, alex)]);
    assert!(
        left.iter()
            .all(|e| e.event.visibility == Visibility::Shared)
    );
    assert_eq!(
        store
            .read(StreamId::Person(sam), 1)
            .await
            .expect("read")
            .len(),
        1
    );

    let space = store
        .space(ours)
        .await
        .expect("read")
        .expect("the space stays");
    assert_eq!(space.member_count, 1);
    let members = store.members(ours).await.expect("members");
    let alex_stay = members
        .iter()
        .find(|m| m.person == alex)
        .expect("alex's stay");
    assert_eq!(alex_stay.left_at, Some(at(2 * HOUR)));
    assert!(members.iter().any(|m| m.person == sam && m.is_current()));
    let pending = store
        .invite_by_token_hash(&pending.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(pending.revoked_at, Some(at(2 * HOUR)));

    // The partner keeps everything of theirs.
    assert!(store.account(sam).await.expect("read").is_some());
    assert!(store.session(&sam_session).await.expect("read").is_some());
    assert!(
        store
            .api_token_by_hash(&sam_token)
            .await
            .expect("read")
            .is_some()
    );
    assert_eq!(store.unused_recovery_codes(sam).await.expect("count"), 2);

    // The login name is free again.
    store
        .create_account(&new_account("alex"))
        .await
        .expect("the name can be used again");
    store.close().await;
}

pub async fn deleting_an_account_again_finishes_quietly(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let ours = space_of(&store, alex).await;
    lived_in(&store, alex).await;

    store.delete_account(alex, at(HOUR)).await.expect("delete");
    store
        .delete_account(alex, at(2 * HOUR))
        .await
        .expect("delete again");

    assert_eq!(store.account(alex).await.expect("read"), None);
    let space = store.space(ours).await.expect("read").expect("found");
    assert_eq!(space.member_count, 0, "counted out once");
    let members = store.members(ours).await.expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].left_at, Some(at(HOUR)));
    store.close().await;
}

/// A partner deleted their account; what they shared stays with the one who stayed only while
/// that one is there: when they leave too, it is read by nobody and goes.
pub async fn a_deleted_partners_history_goes_once_nobody_who_received_it_is_left(
    db: &TestDatabase,
) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let ours = space_of(&store, alex).await;
    let invite = InviteRecord {
        id: id(),
        space: ours,
        token_hash: hash(),
        created_by: alex,
        created_at: at(0),
        expires_at: at(72 * HOUR),
        accepted_by: None,
        accepted_at: None,
        revoked_at: None,
    };
    store.create_invite(&invite).await.expect("invite");
    let outcome = store
        .accept_invite(&invite.id, sam, at(HOUR), 2)
        .await
        .expect("accept");
    assert_eq!(outcome, AcceptOutcome::Accepted);
    let shared = StreamId::Space(ours);
    store
        .append(
            shared,
            0,
            vec![event(alex, "alex shared"), event(sam, "sam shared")],
        )
        .await
        .expect("events");

    store
        .delete_account(alex, at(2 * HOUR))
        .await
        .expect("delete");
    let authors = |events: Vec<steadfast_core::RecordedEvent>| {
        events.iter().map(|e| e.event.author).collect::<Vec<_>>()
    };
    assert_eq!(
        authors(store.read(shared, 1).await.expect("read")),
        [alex, sam],
        "sam keeps what alex shared"
    );

    assert!(
        store
            .leave_space(ours, sam, at(3 * HOUR))
            .await
            .expect("leave")
    );
    assert_eq!(
        authors(store.read(shared, 1).await.expect("read")),
        [sam],
        "nobody is left who received alex's words: they go; sam's own stay sam's"
    );
    store.close().await;
}
