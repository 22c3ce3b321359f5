//! Records reach logs through `Debug`; secrets and a person's words must not.

use steadfast_core::PersonId;
use steadfast_store::{
    Account, ApiTokenRecord, InviteRecord, NewAccount, NewSpace, SessionRecord, SpaceRecord,
};

use crate::support::{at, person, space_id};

const SECRET: &str = "SECRET-hash-or-words";

fn shows_no_secret(debug: String) {
    assert!(!debug.contains(SECRET), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");
}

#[test]
fn debug_output_of_records_never_shows_hashes_or_what_a_person_typed() {
    let alex: PersonId = person();
    let new = NewAccount {
        id: alex,
        username: SECRET.to_owned(),
        username_key: SECRET.to_owned(),
        password_hash: SECRET.to_owned(),
        email: Some(SECRET.to_owned()),
        created_at: at(0),
        grammatical_form: steadfast_core::account::GrammaticalForm::default(),
    };
    shows_no_secret(format!("{new:?}"));
    let account = Account {
        id: new.id,
        username: new.username.clone(),
        username_key: new.username_key.clone(),
        password_hash: new.password_hash.clone(),
        email: new.email.clone(),
        created_at: new.created_at,
        kind: steadfast_core::coach::AccountKind::Coach,
        disabled_at: None,
        grammatical_form: steadfast_core::account::GrammaticalForm::Feminine,
    };
    shows_no_secret(format!("{account:?}"));
    shows_no_secret(format!(
        "{:?}",
        SessionRecord {
            id_hash: SECRET.to_owned(),
            account: alex,
            created_at: at(0),
            last_seen_at: at(0),
            device: "Firefox on Android".to_owned(),
        }
    ));
    shows_no_secret(format!(
        "{:?}",
        ApiTokenRecord {
            id: "t1".to_owned(),
            account: alex,
            token_hash: SECRET.to_owned(),
            label: SECRET.to_owned(),
            created_at: at(0),
            last_used_at: None,
            expires_at: at(1),
            dismissed_at: None,
        }
    ));
    shows_no_secret(format!(
        "{:?}",
        NewSpace {
            id: space_id(),
            name: SECRET.to_owned(),
            creator: alex,
            created_at: at(0),
        }
    ));
    shows_no_secret(format!(
        "{:?}",
        SpaceRecord {
            id: space_id(),
            name: SECRET.to_owned(),
            created_by: alex,
            created_at: at(0),
            member_count: 1,
        }
    ));
    shows_no_secret(format!(
        "{:?}",
        InviteRecord {
            id: "i1".to_owned(),
            space: space_id(),
            token_hash: SECRET.to_owned(),
            created_by: alex,
            created_at: at(0),
            expires_at: at(1),
            accepted_by: None,
            accepted_at: None,
            revoked_at: None,
        }
    ));
}
