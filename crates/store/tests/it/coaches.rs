use steadfast_core::coach::AccountKind;
use steadfast_core::{PersonId, SpaceId};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{
    AcceptOutcome, CoachAcceptOutcome, CoachReadRecord, GrantRecord, InviteRecord, Store,
};

use crate::support::{HOUR, at, hash, id, new_account, open, sign_up, space_of};

async fn coach(store: &Store) -> PersonId {
    let account = new_account(&format!("coach-{}", id()));
    store
        .create_coach_account(&account)
        .await
        .expect("create coach");
    account.id
}

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

fn grant(space: SpaceId, coach: PersonId, person: PersonId, from: i64) -> GrantRecord {
    GrantRecord {
        id: id(),
        space,
        coach,
        person,
        granted_at: at(from),
        expires_at: at(from + 90 * 24 * HOUR),
        revoked_at: None,
    }
}

pub async fn a_coach_account_has_its_kind_and_others_are_partners(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, pat) = (sign_up(&store).await, coach(&store).await);
    assert_eq!(
        store.account_kind(alex).await.expect("kind"),
        Some(AccountKind::Partner)
    );
    assert_eq!(
        store.account_kind(pat).await.expect("kind"),
        Some(AccountKind::Coach)
    );
    let account = store.account(pat).await.expect("read").expect("found");
    assert_eq!(account.kind, AccountKind::Coach);
    assert_eq!(
        store
            .account_kind(crate::support::person())
            .await
            .expect("kind"),
        None
    );
    // The login name is shared with partners: a coach cannot take a partner's name.
    let mut taken = new_account("same-name");
    store.create_account(&taken).await.expect("partner");
    taken.id = crate::support::person();
    assert!(matches!(
        store.create_coach_account(&taken).await,
        Err(steadfast_store::StoreError::UsernameTaken)
    ));
    store.close().await;
}

pub async fn a_coach_invite_is_accepted_once_and_only_by_a_coach(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam, pat) = (
        sign_up(&store).await,
        sign_up(&store).await,
        coach(&store).await,
    );
    let ours = space_of(&store, alex).await;
    let link = invite(ours, alex);
    store.create_coach_invite(&link).await.expect("invite");
    assert_eq!(
        store
            .coach_invite_by_token_hash(&link.token_hash)
            .await
            .expect("read")
            .map(|found| found.id),
        Some(link.id.clone())
    );
    // A partner's account cannot use it, and that writes nothing.
    assert_eq!(
        store
            .accept_coach_invite(&link.id, sam, at(1))
            .await
            .expect("accept"),
        CoachAcceptOutcome::NotACoach
    );
    assert_eq!(
        store
            .accept_coach_invite(&link.id, pat, at(2))
            .await
            .expect("accept"),
        CoachAcceptOutcome::Accepted
    );
    assert_eq!(
        store
            .accept_coach_invite(&link.id, pat, at(3))
            .await
            .expect("accept"),
        CoachAcceptOutcome::NoLongerPending
    );
    // The coach is attached, and is not a member: the couple's count is untouched.
    let stays = store.coaches_of_space(ours).await.expect("coaches");
    assert_eq!(stays.len(), 1);
    assert_eq!((stays[0].coach, stays[0].joined_at), (pat, at(2)));
    let space = store.space(ours).await.expect("read").expect("found");
    assert_eq!(space.member_count, 1);
    assert!(
        store
            .members(ours)
            .await
            .expect("members")
            .iter()
            .all(|m| m.person != pat)
    );
    // A second invite to the same coach: already attached, nothing written.
    let again = invite(ours, alex);
    store.create_coach_invite(&again).await.expect("invite");
    assert_eq!(
        store
            .accept_coach_invite(&again.id, pat, at(4))
            .await
            .expect("accept"),
        CoachAcceptOutcome::AlreadyCoach
    );
    let listed = store.coach_invites_of_space(ours).await.expect("list");
    assert!(
        listed
            .iter()
            .any(|i| i.id == again.id && i.accepted_by.is_none())
    );
    assert!(
        store
            .revoke_coach_invite(ours, &again.id, at(5))
            .await
            .expect("revoke")
    );
    assert!(
        !store
            .revoke_coach_invite(ours, &again.id, at(6))
            .await
            .expect("revoke")
    );

    let coached = store.spaces_coached_by(pat).await.expect("coached");
    assert_eq!(coached.len(), 1);
    assert_eq!(coached[0].0.id, ours);
    assert!(store.remove_coach(ours, pat, at(7)).await.expect("remove"));
    assert!(!store.remove_coach(ours, pat, at(8)).await.expect("remove"));
    assert!(
        store
            .spaces_coached_by(pat)
            .await
            .expect("coached")
            .is_empty()
    );
    // The operator's way in, for a coach account only.
    assert!(store.attach_coach(ours, pat, at(9)).await.expect("attach"));
    assert!(!store.attach_coach(ours, pat, at(10)).await.expect("attach"));
    assert!(!store.attach_coach(ours, sam, at(10)).await.expect("attach"));
    store.close().await;
}

pub async fn grants_are_each_partners_own_and_revoked_only_by_them(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam, pat) = (
        sign_up(&store).await,
        sign_up(&store).await,
        coach(&store).await,
    );
    let ours = space_of(&store, alex).await;
    let pairing = invite(ours, alex);
    store.create_invite(&pairing).await.expect("invite");
    assert_eq!(
        store
            .accept_invite(&pairing.id, sam, at(1), 2)
            .await
            .expect("accept"),
        AcceptOutcome::Accepted
    );
    assert!(store.attach_coach(ours, pat, at(2)).await.expect("attach"));
    let alexs = grant(ours, pat, alex, 3);
    let sams = grant(ours, pat, sam, 4);
    store.create_coach_grant(&alexs).await.expect("grant");
    store.create_coach_grant(&sams).await.expect("grant");

    let for_coach = store.coach_grants_for(ours, pat).await.expect("grants");
    assert_eq!(for_coach, vec![alexs.clone(), sams.clone()]);
    assert_eq!(
        store.coach_grants_by(ours, alex).await.expect("grants"),
        vec![alexs.clone()]
    );
    // Sam cannot revoke Alex's grant; Alex can, once.
    assert!(
        !store
            .revoke_coach_grant(ours, sam, &alexs.id, at(5))
            .await
            .expect("revoke")
    );
    assert!(
        store
            .revoke_coach_grant(ours, alex, &alexs.id, at(5))
            .await
            .expect("revoke")
    );
    assert!(
        !store
            .revoke_coach_grant(ours, alex, &alexs.id, at(6))
            .await
            .expect("revoke")
    );
    let after = store.coach_grants_by(ours, alex).await.expect("grants");
    assert_eq!(after[0].revoked_at, Some(at(5)));
    assert_eq!(after[0].grant().revoked_at, Some(at(5)));
    assert_eq!(
        store.coach_grants_by(ours, sam).await.expect("grants")[0].revoked_at,
        None
    );

    // Deleting Sam's account ends Sam's grant; deleting the coach detaches them.
    store.delete_account(sam, at(10)).await.expect("delete");
    assert_eq!(
        store.coach_grants_for(ours, pat).await.expect("grants")[1].revoked_at,
        Some(at(10))
    );
    store.delete_account(pat, at(11)).await.expect("delete");
    assert!(
        store
            .coaches_of_space(ours)
            .await
            .expect("coaches")
            .iter()
            .all(|s| !s.is_current())
    );
    store.close().await;
}

pub async fn coach_reads_are_listed_for_their_owner_only(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam, pat) = (
        sign_up(&store).await,
        sign_up(&store).await,
        coach(&store).await,
    );
    let ours = space_of(&store, alex).await;
    for (n, (owner, view)) in [(alex, "overview"), (sam, "report"), (alex, "report")]
        .into_iter()
        .enumerate()
    {
        store
            .log_coach_read(&CoachReadRecord {
                id: id(),
                space: ours,
                coach: pat,
                owner,
                view: view.to_owned(),
                at: at(n as i64),
            })
            .await
            .expect("log");
    }
    let alexs: Vec<_> = store
        .coach_reads_of(alex)
        .await
        .expect("reads")
        .into_iter()
        .map(|read| (read.view, read.at, read.coach))
        .collect();
    assert_eq!(
        alexs,
        vec![
            ("report".to_owned(), at(2), pat),
            ("overview".to_owned(), at(0), pat)
        ]
    );
    assert_eq!(store.coach_reads_of(sam).await.expect("reads").len(), 1);
    store.close().await;
}
