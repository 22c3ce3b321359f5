use std::sync::Arc;

use steadfast_core::{PersonId, SpaceId};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{AcceptOutcome, InviteRecord, NewSpace, Store};
use tokio::sync::Barrier;

use crate::support::{HOUR, MINUTE, at, hash, id, open, sign_up, space_id, space_of};

/// The limit of partners the domain sets for a couple's space.
const COUPLE: i64 = 2;

fn invite(space: SpaceId, by: PersonId) -> InviteRecord {
    InviteRecord {
        id: id(),
        space,
        token_hash: hash(),
        created_by: by,
        created_at: at(0),
        expires_at: at(72 * HOUR),
        accepted_by: None,
        accepted_at: None,
        revoked_at: None,
    }
}

async fn invited(store: &Store, space: SpaceId, by: PersonId) -> InviteRecord {
    let record = invite(space, by);
    store.create_invite(&record).await.expect("create invite");
    record
}

async fn member_count(store: &Store, space: SpaceId) -> u64 {
    store
        .space(space)
        .await
        .expect("read")
        .expect("the space exists")
        .member_count
}

pub async fn creating_a_space_makes_the_creator_its_one_member(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let id = space_id();
    store
        .create_space(&NewSpace {
            id,
            name: "Alex & Sam 💛".to_owned(),
            creator: alex,
            created_at: at(5),
        })
        .await
        .expect("create");

    let space = store.space(id).await.expect("read").expect("found");
    assert_eq!(
        (
            space.id,
            space.name.as_str(),
            space.created_by,
            space.created_at
        ),
        (id, "Alex & Sam 💛", alex, at(5))
    );
    assert_eq!(space.member_count, 1);
    let members = store.members(id).await.expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!((members[0].person, members[0].joined_at), (alex, at(5)));
    assert!(members[0].is_current());
    assert_eq!(store.space(space_id()).await.expect("read"), None);
    store.close().await;
}

pub async fn leaving_counts_the_person_out_once(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let ours = space_of(&store, alex).await;
    let link = invited(&store, ours, alex).await;
    assert_eq!(
        store
            .accept_invite(&link.id, sam, at(HOUR), COUPLE)
            .await
            .expect("accept"),
        AcceptOutcome::Accepted
    );
    assert_eq!(member_count(&store, ours).await, 2);

    assert!(
        store
            .leave_space(ours, sam, at(2 * HOUR))
            .await
            .expect("leave")
    );
    assert!(
        !store
            .leave_space(ours, sam, at(3 * HOUR))
            .await
            .expect("leave again")
    );
    assert!(
        !store
            .leave_space(space_id(), alex, at(3 * HOUR))
            .await
            .expect("leave elsewhere")
    );
    assert_eq!(member_count(&store, ours).await, 1);

    let members = store.members(ours).await.expect("members");
    assert_eq!(
        members.iter().map(|m| m.person).collect::<Vec<_>>(),
        [alex, sam]
    );
    assert_eq!(members[1].left_at, Some(at(2 * HOUR)));
    assert!(members[0].is_current());
    store.close().await;
}

pub async fn an_invite_is_accepted_once_and_adds_the_partner(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam, kim) = (
        sign_up(&store).await,
        sign_up(&store).await,
        sign_up(&store).await,
    );
    let ours = space_of(&store, alex).await;
    let link = invited(&store, ours, alex).await;

    assert_eq!(
        store
            .accept_invite(&link.id, sam, at(HOUR), 3)
            .await
            .expect("accept"),
        AcceptOutcome::Accepted
    );
    assert_eq!(
        store
            .accept_invite(&link.id, kim, at(HOUR + 1), 3)
            .await
            .expect("accept again"),
        AcceptOutcome::NoLongerPending
    );
    assert_eq!(
        store
            .accept_invite(&id(), kim, at(HOUR), 3)
            .await
            .expect("accept an unknown invite"),
        AcceptOutcome::NoLongerPending
    );

    let accepted = store
        .invite_by_token_hash(&link.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(
        (accepted.accepted_by, accepted.accepted_at),
        (Some(sam), Some(at(HOUR)))
    );
    assert_eq!(member_count(&store, ours).await, 2);
    let members = store.members(ours).await.expect("members");
    assert_eq!(
        members.iter().map(|m| m.person).collect::<Vec<_>>(),
        [alex, sam]
    );
    assert_eq!(members[1].joined_at, at(HOUR));
    store.close().await;
}

pub async fn an_invite_accepted_by_8_people_at_once_is_accepted_exactly_once(db: &TestDatabase) {
    const TASKS: usize = 8;
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let ours = space_of(&store, alex).await;
    let link = invited(&store, ours, alex).await;
    let mut people = Vec::new();
    for _ in 0..TASKS {
        people.push(sign_up(&store).await);
    }

    let start = Arc::new(Barrier::new(TASKS));
    let tasks: Vec<_> = people
        .iter()
        .map(|&person| {
            let (store, invite, start) = (store.clone(), link.id.clone(), Arc::clone(&start));
            tokio::spawn(async move {
                start.wait().await;
                let outcome = store.accept_invite(&invite, person, at(HOUR), 10).await;
                (person, outcome.expect("accept"))
            })
        })
        .collect();
    let mut winners = Vec::new();
    for task in tasks {
        let (person, outcome) = task.await.expect("task");
        match outcome {
            AcceptOutcome::Accepted => winners.push(person),
            AcceptOutcome::NoLongerPending => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }

    assert_eq!(winners.len(), 1);
    assert_eq!(member_count(&store, ours).await, 2);
    let members = store.members(ours).await.expect("members");
    assert_eq!(
        members.iter().map(|m| m.person).collect::<Vec<_>>(),
        [alex, winners[0]]
    );
    let accepted = store
        .invite_by_token_hash(&link.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(accepted.accepted_by, Some(winners[0]));
    store.close().await;
}

pub async fn two_invites_accepted_at_once_never_exceed_two_members(db: &TestDatabase) {
    const ROUNDS: usize = 10;
    let store = open(db).await;
    for _ in 0..ROUNDS {
        let (alex, sam, kim) = (
            sign_up(&store).await,
            sign_up(&store).await,
            sign_up(&store).await,
        );
        let ours = space_of(&store, alex).await;
        let links = [
            invited(&store, ours, alex).await,
            invited(&store, ours, alex).await,
        ];

        let start = Arc::new(Barrier::new(2));
        let tasks: Vec<_> = links
            .iter()
            .zip([sam, kim])
            .map(|(link, person)| {
                let (store, invite, start) = (store.clone(), link.id.clone(), Arc::clone(&start));
                tokio::spawn(async move {
                    start.wait().await;
                    store
                        .accept_invite(&invite, person, at(HOUR), COUPLE)
                        .await
                        .expect("accept")
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.expect("task"));
        }
        outcomes.sort_by_key(|outcome| format!("{outcome:?}"));

        assert_eq!(
            outcomes,
            [AcceptOutcome::Accepted, AcceptOutcome::SpaceFull]
        );
        assert_eq!(member_count(&store, ours).await, 2);
        let members = store.members(ours).await.expect("members");
        assert_eq!(members.len(), 2);
        assert!(members.iter().all(|m| m.is_current()));
        // The refused invite was left as it was: still pending, for after someone leaves.
        let pending: Vec<_> = store
            .invites_of_space(ours)
            .await
            .expect("invites")
            .into_iter()
            .filter(|invite| invite.accepted_at.is_none())
            .collect();
        assert_eq!(pending.len(), 1);
    }
    store.close().await;
}

pub async fn an_expired_invite_is_refused(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let ours = space_of(&store, alex).await;
    let link = invited(&store, ours, alex).await;

    assert_eq!(
        store
            .accept_invite(&link.id, sam, at(72 * HOUR), COUPLE)
            .await
            .expect("accept"),
        AcceptOutcome::NoLongerPending,
        "an invite expires at its expiry instant"
    );
    assert_eq!(
        store
            .accept_invite(&link.id, sam, at(73 * HOUR), COUPLE)
            .await
            .expect("accept"),
        AcceptOutcome::NoLongerPending
    );
    assert!(
        !store
            .revoke_invite(ours, &link.id, at(73 * HOUR))
            .await
            .expect("revoke")
    );

    let untouched = store
        .invite_by_token_hash(&link.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(untouched, link);
    assert_eq!(member_count(&store, ours).await, 1);
    assert_eq!(store.members(ours).await.expect("members").len(), 1);
    store.close().await;
}

pub async fn a_revoked_invite_is_refused_and_only_pending_invites_are_revoked(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let (ours, theirs) = (space_of(&store, alex).await, space_of(&store, sam).await);
    let link = invited(&store, ours, alex).await;

    assert!(
        !store
            .revoke_invite(theirs, &link.id, at(MINUTE))
            .await
            .expect("revoke"),
        "another space's invite is not revoked"
    );
    assert!(
        store
            .revoke_invite(ours, &link.id, at(MINUTE))
            .await
            .expect("revoke")
    );
    assert!(
        !store
            .revoke_invite(ours, &link.id, at(2 * MINUTE))
            .await
            .expect("revoke again")
    );
    assert_eq!(
        store
            .accept_invite(&link.id, sam, at(HOUR), COUPLE)
            .await
            .expect("accept"),
        AcceptOutcome::NoLongerPending
    );
    let revoked = store
        .invite_by_token_hash(&link.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(revoked.revoked_at, Some(at(MINUTE)));
    assert_eq!(revoked.accepted_by, None);

    let accepted = invited(&store, ours, alex).await;
    assert_eq!(
        store
            .accept_invite(&accepted.id, sam, at(HOUR), COUPLE)
            .await
            .expect("accept"),
        AcceptOutcome::Accepted
    );
    assert!(
        !store
            .revoke_invite(ours, &accepted.id, at(2 * HOUR))
            .await
            .expect("revoke")
    );
    store.close().await;
}

pub async fn a_person_already_in_the_space_cannot_join_it_again(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let ours = space_of(&store, alex).await;
    let link = invited(&store, ours, alex).await;

    assert_eq!(
        store
            .accept_invite(&link.id, alex, at(HOUR), COUPLE)
            .await
            .expect("accept"),
        AcceptOutcome::AlreadyMember
    );
    assert_eq!(member_count(&store, ours).await, 1);
    let still_pending = store
        .invite_by_token_hash(&link.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(still_pending, link, "a refused accept writes nothing");
    store.close().await;
}

pub async fn a_person_sees_every_space_they_are_or_were_in(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let solo = space_of(&store, sam).await;
    let ours = space_of(&store, alex).await;
    let link = invited(&store, ours, alex).await;
    store
        .accept_invite(&link.id, sam, at(HOUR), COUPLE)
        .await
        .expect("accept");
    store
        .leave_space(ours, sam, at(2 * HOUR))
        .await
        .expect("leave");

    let sams = store.spaces_of(sam).await.expect("spaces");
    let seen: Vec<_> = sams
        .iter()
        .map(|(space, stay)| (space.id, stay.space, stay.joined_at, stay.left_at))
        .collect();
    assert_eq!(
        seen,
        [
            (ours, ours, at(HOUR), Some(at(2 * HOUR))),
            (solo, solo, at(0), None)
        ]
    );
    assert_eq!(sams[0].0.member_count, 1);
    let alexs = store.spaces_of(alex).await.expect("spaces");
    assert_eq!(alexs.len(), 1);
    assert_eq!(alexs[0].0.id, ours);
    assert!(
        store
            .spaces_of(crate::support::person())
            .await
            .expect("spaces")
            .is_empty()
    );
    store.close().await;
}

pub async fn invites_are_found_by_token_hash_and_listed_per_space(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let (ours, theirs) = (space_of(&store, alex).await, space_of(&store, sam).await);
    let mut first = invite(ours, alex);
    first.created_at = at(0);
    store.create_invite(&first).await.expect("invite");
    let mut second = invite(ours, alex);
    second.created_at = at(MINUTE);
    store.create_invite(&second).await.expect("invite");
    let elsewhere = invited(&store, theirs, sam).await;

    assert_eq!(
        store
            .invite_by_token_hash(&second.token_hash)
            .await
            .expect("read"),
        Some(second.clone())
    );
    assert_eq!(
        store.invite_by_token_hash(&hash()).await.expect("read"),
        None
    );
    assert_eq!(
        store.invites_of_space(ours).await.expect("list"),
        [second, first]
    );
    assert_eq!(
        store.invites_of_space(theirs).await.expect("list"),
        [elsewhere]
    );
    store.close().await;
}
