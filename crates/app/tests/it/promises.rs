//! Promises through the use cases: who may take which step, what a stranger meets, two partners
//! at once, the record's consent, and a smaller promise after a miss.

use steadfast_app::promises::{self, NewPromise, PromiseError, PromiseInput};
use steadfast_app::{Explain, Explained, Kind};
use steadfast_core::promise::{Command, Refusal, Severity, Status};

use crate::support::World;

fn small(text: &str) -> NewPromise {
    PromiseInput {
        text: text.to_owned(),
        stakes: 1,
        ..PromiseInput::default()
    }
    .read()
    .expect("a promise as anyone would type it")
}

#[track_caller]
fn refused_as(error: &PromiseError, code: &str, kind: Kind) {
    match error.explain() {
        Explained::Refused(refused) => {
            assert_eq!(refused.code, code, "{error:?}");
            assert_eq!(refused.kind, kind, "{error:?}");
            assert!(!refused.words.key.is_empty());
        }
        Explained::Failed(failure) => panic!("a failure, not a refusal: {failure}"),
    }
}

pub async fn a_promise_goes_from_made_to_kept_and_each_step_belongs_to_one_partner(world: &World) {
    let app = &world.app;
    let c = world.couple().await;
    let id = promises::make(app, c.a, c.space, small("Call when I am late"))
        .await
        .unwrap();

    // Only the promiser marks it done; only the receiver confirms it.
    let error = promises::act(app, c.b, c.space, id, Command::MarkDone { when: None })
        .await
        .unwrap_err();
    refused_as(&error, "only_promiser", Kind::NotYours);
    promises::act(app, c.a, c.space, id, Command::MarkDone { when: None })
        .await
        .unwrap();
    let kept = Command::ConfirmKept {
        stakes: None,
        when: None,
    };
    let error = promises::act(app, c.a, c.space, id, kept.clone())
        .await
        .unwrap_err();
    refused_as(&error, "only_receiver", Kind::NotYours);
    promises::act(app, c.b, c.space, id, kept.clone())
        .await
        .unwrap();

    let opened = promises::open(app, c.a, c.space).await.unwrap();
    assert!(matches!(
        opened.promise_to_read(id).unwrap().status,
        Status::Kept { .. }
    ));
    drop(opened);
    // Settled: nothing more changes, and saying so is a conflict with its state.
    let error = promises::act(app, c.b, c.space, id, kept)
        .await
        .unwrap_err();
    refused_as(&error, "settled", Kind::NotNow);
}

pub async fn someone_outside_the_space_finds_nothing_to_act_on(world: &World) {
    let app = &world.app;
    let c = world.couple().await;
    let stranger = world.person("eve").await;
    let id = promises::make(app, c.a, c.space, small("Call when I am late"))
        .await
        .unwrap();
    let error = promises::make(app, stranger, c.space, small("Let me in"))
        .await
        .unwrap_err();
    refused_as(&error, "not_found", Kind::NotFound);
    let error = promises::act(app, stranger, c.space, id, Command::Release)
        .await
        .unwrap_err();
    refused_as(&error, "not_found", Kind::NotFound);
    let error = promises::record(app, stranger, c.space)
        .await
        .err()
        .unwrap();
    refused_as(&error, "not_found", Kind::NotFound);
}

pub async fn partners_writing_at_the_same_moment_both_land(world: &World) {
    let app = &world.app;
    let c = world.couple().await;
    // Each partner makes promises as fast as they can; the two writers keep losing races to
    // each other, and the write loop decides again on what the other wrote.
    let writer = |who, prefix: &'static str| async move {
        for n in 0..15 {
            promises::make(app, who, c.space, small(&format!("{prefix} {n}")))
                .await
                .unwrap();
        }
    };
    tokio::join!(writer(c.a, "From Ola"), writer(c.b, "From Jan"));
    let opened = promises::open(app, c.a, c.space).await.unwrap();
    let texts: Vec<String> = opened
        .promises()
        .iter()
        .map(|promise| promise.terms.text.as_str().to_owned())
        .collect();
    assert_eq!(texts.len(), 30, "{texts:?}");
    for n in 0..15 {
        assert!(texts.contains(&format!("From Ola {n}")));
        assert!(texts.contains(&format!("From Jan {n}")));
    }
}

pub async fn the_record_waits_for_both_partners(world: &World) {
    let app = &world.app;
    let c = world.couple().await;
    let error = promises::record(app, c.a, c.space).await.err().unwrap();
    refused_as(&error, "record_not_enabled", Kind::NotNow);
    promises::set_consent(app, c.a, c.space, true)
        .await
        .unwrap();
    let error = promises::record(app, c.a, c.space).await.err().unwrap();
    refused_as(&error, "record_not_enabled", Kind::NotNow);
    promises::set_consent(app, c.b, c.space, true)
        .await
        .unwrap();
    let (_, directions) = promises::record(app, c.a, c.space).await.unwrap();
    assert_eq!(directions.len(), 2);
    assert!(!directions[0].yours, "the partner's promises come first");
    // Either switches it off alone.
    promises::set_consent(app, c.b, c.space, false)
        .await
        .unwrap();
    assert!(promises::record(app, c.a, c.space).await.is_err());
}

pub async fn a_smaller_promise_replaces_a_broken_one_in_one_write(world: &World) {
    let app = &world.app;
    let c = world.couple().await;
    let id = promises::make(app, c.a, c.space, small("Be home by six every day"))
        .await
        .unwrap();
    let broken = Command::RecordBroken {
        severity: Severity::new(2).unwrap(),
        deception: false,
        when: None,
    };
    promises::act(app, c.b, c.space, id, broken).await.unwrap();
    let smaller = promises::offer(app, c.a, c.space, id, small("Text if I am late"))
        .await
        .unwrap();
    let opened = promises::open(app, c.b, c.space).await.unwrap();
    let offered = opened.promise_to_read(smaller).unwrap();
    assert_eq!(offered.receiver, c.b);
    assert!(matches!(
        opened.promise_to_read(id).unwrap().status,
        Status::Broken { .. }
    ));
    drop(opened);
    // Only the promiser offers one, and only once.
    let error = promises::offer(app, c.a, c.space, id, small("Another one"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, PromiseError::Refused(Refusal::AlreadyOffered)),
        "{error:?}"
    );
}
