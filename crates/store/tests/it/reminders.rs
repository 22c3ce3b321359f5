use std::collections::HashSet;

use steadfast_core::promise::{Change, PromiseEvent, PromiseText, Stakes, Terms};
use steadfast_core::reminder::{Reminder, ReminderKind};
use steadfast_core::ritual::{
    Change as RitualChange, RitualEvent, RitualId, RitualKind, RitualName,
};
use steadfast_core::{EventId, NewEvent, PersonId, PromiseId, SpaceId, StreamId, Timestamp};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{EmailReminders, Store, StoreError};
use uuid::Uuid;

use crate::support::{HOUR, at, open, sign_up, space_id};

fn promise_event(by: PersonId, when: Timestamp, promise: PromiseId, change: Change) -> NewEvent {
    PromiseEvent { promise, change }.into_event(EventId::from_uuid(Uuid::new_v4()), by, when)
}

fn made(by: PersonId, to: PersonId, promise: PromiseId, due: Option<Timestamp>) -> NewEvent {
    promise_event(
        by,
        at(0),
        promise,
        Change::Made {
            receiver: to,
            terms: Terms {
                text: PromiseText::parse("walk the dog every evening").expect("text"),
                stakes: Stakes::new(2).expect("stakes"),
                due,
            },
            domain: None,
            made_at: None,
        },
    )
}

fn new_promise() -> PromiseId {
    PromiseId::from_uuid(Uuid::new_v4())
}

/// (kind, person, fire time) of every row, sorted.
fn summary(rows: &[Reminder]) -> Vec<(ReminderKind, Option<PersonId>, Option<Timestamp>)> {
    let mut summary: Vec<_> = rows
        .iter()
        .map(|row| (row.kind, row.person, row.fire_at))
        .collect();
    summary.sort();
    summary
}

struct Couple {
    store: Store,
    space: SpaceId,
    alex: PersonId,
    sam: PersonId,
}

impl Couple {
    async fn new(db: &TestDatabase) -> Self {
        let store = open(db).await;
        Self {
            space: space_id(),
            alex: sign_up(&store).await,
            sam: sign_up(&store).await,
            store,
        }
    }

    fn stream(&self) -> StreamId {
        StreamId::Space(self.space)
    }

    async fn append(&self, events: Vec<NewEvent>) {
        let head = self.store.head(self.stream()).await.expect("head");
        self.store
            .append(self.stream(), head, events)
            .await
            .expect("append");
    }
}

pub async fn rows_appear_move_and_vanish_with_the_events(db: &TestDatabase) {
    let us = Couple::new(db).await;
    let promise = new_promise();
    us.append(vec![made(us.alex, us.sam, promise, Some(at(48 * HOUR)))])
        .await;
    assert_eq!(
        summary(&us.store.all_reminders().await.expect("rows")),
        summary_of(&[
            (ReminderKind::PromiseDue, us.alex, at(47 * HOUR)),
            (ReminderKind::PromiseConfirm, us.sam, at(48 * HOUR)),
        ])
    );

    us.append(vec![promise_event(
        us.sam,
        at(49 * HOUR),
        promise,
        Change::Extended { due: at(72 * HOUR) },
    )])
    .await;
    assert_eq!(
        summary(&us.store.all_reminders().await.expect("rows")),
        summary_of(&[
            (ReminderKind::PromiseDue, us.alex, at(71 * HOUR)),
            (ReminderKind::PromiseConfirm, us.sam, at(72 * HOUR)),
        ])
    );

    us.append(vec![promise_event(
        us.sam,
        at(50 * HOUR),
        promise,
        Change::Released,
    )])
    .await;
    assert!(us.store.all_reminders().await.expect("rows").is_empty());

    // Person streams hold no promises and derive nothing.
    let personal = StreamId::Person(us.alex);
    us.store
        .append(
            personal,
            0,
            vec![made(us.alex, us.sam, new_promise(), Some(at(48 * HOUR)))],
        )
        .await
        .expect("append");
    assert!(us.store.all_reminders().await.expect("rows").is_empty());
    us.store.close().await;
}

fn summary_of(
    rows: &[(ReminderKind, PersonId, Timestamp)],
) -> Vec<(ReminderKind, Option<PersonId>, Option<Timestamp>)> {
    let mut rows: Vec<_> = rows
        .iter()
        .map(|&(kind, person, fire)| (kind, Some(person), Some(fire)))
        .collect();
    rows.sort();
    rows
}

pub async fn a_conflicting_append_writes_no_reminders(db: &TestDatabase) {
    let us = Couple::new(db).await;
    us.append(vec![made(us.alex, us.sam, new_promise(), None)])
        .await;
    let before = us.store.all_reminders().await.expect("rows");
    let late = us
        .store
        .append(
            us.stream(),
            0,
            vec![made(us.sam, us.alex, new_promise(), Some(at(48 * HOUR)))],
        )
        .await;
    assert!(matches!(late, Err(StoreError::Conflict { .. })), "{late:?}");
    assert_eq!(us.store.all_reminders().await.expect("rows"), before);
    us.store.close().await;
}

/// Several appends committed together, one of which fails midway (a duplicate event id): the
/// others' reminders are written, the failing one's are not.
pub async fn a_failing_append_among_concurrent_ones_leaves_no_reminders(db: &TestDatabase) {
    let us = Couple::new(db).await;
    let taken = made(us.alex, us.sam, new_promise(), None);
    us.append(vec![taken.clone()]).await;

    let mut appends = Vec::new();
    for n in 0..8 {
        let store = us.store.clone();
        let space = StreamId::Space(space_id());
        let (alex, sam) = (us.alex, us.sam);
        let taken = taken.clone();
        appends.push(tokio::spawn(async move {
            let promise = new_promise();
            let mut events = vec![made(alex, sam, promise, Some(at(48 * HOUR)))];
            if n == 3 {
                // Reuses an event id: the insert fails after the reminders of the first event
                // were derived.
                let mut duplicate = taken;
                duplicate.at = at(1);
                events.push(duplicate);
            }
            (n, promise, store.append(space, 0, events).await)
        }));
    }
    let mut written = HashSet::new();
    for append in appends {
        let (n, promise, result) = append.await.expect("task");
        if n == 3 {
            assert!(result.is_err(), "the duplicate id is refused");
        } else {
            result.expect("the others go through");
            written.insert(*promise.as_uuid());
        }
    }
    let rows = us.store.all_reminders().await.expect("rows");
    let items: HashSet<_> = rows
        .iter()
        .filter(|row| row.due.is_some())
        .map(|row| row.item)
        .collect();
    assert_eq!(items, written);
    us.store.close().await;
}

pub async fn a_rebuild_from_the_log_equals_the_incremental_table(db: &TestDatabase) {
    let us = Couple::new(db).await;
    let (one, two, three, four) = (new_promise(), new_promise(), new_promise(), new_promise());
    us.append(vec![
        made(us.alex, us.sam, one, Some(at(48 * HOUR))),
        made(us.sam, us.alex, two, Some(at(24 * HOUR))),
        made(us.alex, us.sam, three, None),
        made(us.sam, us.alex, four, Some(at(30 * HOUR))),
    ])
    .await;
    us.append(vec![
        promise_event(us.alex, at(HOUR), one, Change::Done { when: None }),
        promise_event(us.alex, at(HOUR), two, Change::Released),
        promise_event(us.sam, at(2 * HOUR), four, Change::Done { when: None }),
    ])
    .await;
    us.append(vec![promise_event(
        us.alex,
        at(3 * HOUR),
        four,
        Change::NotYet,
    )])
    .await;
    let incremental = us.store.all_reminders().await.expect("rows");
    assert_eq!(incremental.len(), 6, "{incremental:?}");

    let written = us
        .store
        .rebuild_reminders(at(3 * HOUR))
        .await
        .expect("rebuild");
    assert_eq!(written, 6);
    assert_eq!(us.store.all_reminders().await.expect("rows"), incremental);
    us.store.close().await;
}

pub async fn a_due_reminder_is_claimed_once_and_not_due_again_once_sent(db: &TestDatabase) {
    let us = Couple::new(db).await;
    us.append(vec![made(
        us.alex,
        us.sam,
        new_promise(),
        Some(at(48 * HOUR)),
    )])
    .await;
    assert!(
        us.store
            .due_reminders(at(46 * HOUR), 10)
            .await
            .expect("due")
            .is_empty(),
        "nothing before its time"
    );
    let due = us
        .store
        .due_reminders(at(47 * HOUR), 10)
        .await
        .expect("due");
    assert_eq!(
        summary(&due),
        summary_of(&[(ReminderKind::PromiseDue, us.alex, at(47 * HOUR))])
    );

    let lease = at(47 * HOUR + 5 * 60_000);
    let claimed = us
        .store
        .claim_reminder(&due[0], lease)
        .await
        .expect("claim")
        .expect("the first claim wins");
    assert!(
        us.store
            .claim_reminder(&due[0], lease)
            .await
            .expect("claim")
            .is_none(),
        "a second instance reading the same row loses"
    );
    assert!(
        us.store
            .due_reminders(at(47 * HOUR + 60_000), 10)
            .await
            .expect("due")
            .is_empty(),
        "claimed: not due again during the lease"
    );
    // Unsent, it would come round again after the lease.
    assert_eq!(
        us.store.due_reminders(lease, 10).await.expect("due").len(),
        1
    );
    us.store
        .mark_reminder_sent(&claimed, at(47 * HOUR + 60_000))
        .await
        .expect("sent");
    let later = us
        .store
        .due_reminders(at(47 * HOUR + 30 * 60_000), 10)
        .await
        .expect("due");
    assert!(later.is_empty(), "{later:?}");
    // The receiver's is still to come.
    assert_eq!(
        summary(
            &us.store
                .due_reminders(at(49 * HOUR), 10)
                .await
                .expect("due")
        ),
        summary_of(&[(ReminderKind::PromiseConfirm, us.sam, at(48 * HOUR))])
    );
    us.store.close().await;
}

pub async fn upcoming_reminders_are_the_persons_own_in_their_window(db: &TestDatabase) {
    let us = Couple::new(db).await;
    us.append(vec![
        made(us.alex, us.sam, new_promise(), Some(at(10 * HOUR))),
        made(us.alex, us.sam, new_promise(), Some(at(100 * HOUR))),
    ])
    .await;
    let alex = us
        .store
        .upcoming_reminders(us.alex, us.space, at(0), at(48 * HOUR))
        .await
        .expect("upcoming");
    assert_eq!(alex.len(), 1);
    assert_eq!(
        (alex[0].kind, alex[0].person),
        (ReminderKind::PromiseDue, Some(us.alex))
    );
    let elsewhere = us
        .store
        .upcoming_reminders(us.alex, space_id(), at(0), at(480 * HOUR))
        .await
        .expect("upcoming");
    assert!(elsewhere.is_empty());
    us.store.close().await;
}

pub async fn erasing_a_person_removes_their_reminders(db: &TestDatabase) {
    let us = Couple::new(db).await;
    us.append(vec![
        made(us.alex, us.sam, new_promise(), Some(at(10 * HOUR))),
        made(us.sam, us.alex, new_promise(), Some(at(10 * HOUR))),
    ])
    .await;
    assert_eq!(us.store.all_reminders().await.expect("rows").len(), 4);
    us.store.erase_author(us.alex).await.expect("erase");
    assert!(
        us.store.all_reminders().await.expect("rows").is_empty(),
        "every reminder involved alex: by, to or with"
    );
    us.store.close().await;
}

pub async fn the_email_choice_is_kept_and_goes_with_the_account(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    assert_eq!(store.email_reminders(alex).await.expect("read"), None);
    let choice = EmailReminders {
        person: alex,
        on: true,
        lang: "pl".to_owned(),
        updated_at: at(0),
    };
    store.set_email_reminders(&choice).await.expect("set");
    assert_eq!(
        store.email_reminders(alex).await.expect("read"),
        Some(choice.clone())
    );
    let off = EmailReminders {
        on: false,
        updated_at: at(1),
        ..choice
    };
    store.set_email_reminders(&off).await.expect("set");
    assert_eq!(store.email_reminders(alex).await.expect("read"), Some(off));
    store.delete_account(alex, at(2)).await.expect("delete");
    assert_eq!(store.email_reminders(alex).await.expect("read"), None);
    store.close().await;
}

fn ritual_planned(by: PersonId, ritual: Uuid) -> NewEvent {
    let event = RitualEvent {
        ritual: RitualId::from_uuid(ritual),
        change: RitualChange::Planned {
            name: RitualName::parse("friday date night").expect("name"),
            kind: RitualKind::default(),
            schedule: serde_json::from_value(serde_json::json!({
                "weekdays": ["fri"],
                "start": "19:00",
                "every_weeks": 1,
                "duration_minutes": 120,
                "first_date": "2026-01-01",
                "zone": "Europe/Warsaw",
            }))
            .expect("a schedule"),
        },
    };
    event.into_event(EventId::from_uuid(Uuid::new_v4()), by, at(0))
}

pub async fn a_ritual_reminder_is_for_everyone_and_moves_to_the_next_occurrence_once_sent(
    db: &TestDatabase,
) {
    let us = Couple::new(db).await;
    let ritual = Uuid::new_v4();
    us.append(vec![ritual_planned(us.alex, ritual)]).await;
    let rows = us.store.all_reminders().await.expect("rows");
    assert_eq!(rows.len(), 1);
    let (first, fire) = (
        rows[0].due.expect("a time"),
        rows[0].fire_at.expect("a send time"),
    );
    assert_eq!(rows[0].person, None);
    for person in [us.alex, us.sam] {
        let upcoming = us
            .store
            .upcoming_reminders(person, us.space, at(0), first)
            .await
            .expect("upcoming");
        assert_eq!(upcoming.len(), 1, "everyone's");
    }

    let due = us.store.due_reminders(fire, 10).await.expect("due");
    let claimed = us
        .store
        .claim_reminder(&due[0], Timestamp::from_millis(fire.as_millis() + 300_000))
        .await
        .expect("claim")
        .expect("claimed");
    us.store
        .mark_reminder_sent(&claimed, fire)
        .await
        .expect("sent");
    let rows = us.store.all_reminders().await.expect("rows");
    let week = 7 * 24 * HOUR;
    assert_eq!(
        rows[0].due,
        Some(Timestamp::from_millis(first.as_millis() + week))
    );
    assert_eq!(
        rows[0].fire_at,
        Some(Timestamp::from_millis(fire.as_millis() + week))
    );

    // A rebuild at the same moment agrees.
    us.store.rebuild_reminders(fire).await.expect("rebuild");
    assert_eq!(us.store.all_reminders().await.expect("rows"), rows);
    us.store.close().await;
}

/// Finding what is due reads the index on the send time, whatever the number of spaces: SQLite's
/// planner says so for the query `due_reminders` runs.
#[tokio::test]
async fn due_reminders_are_found_through_their_index_on_sqlite() {
    let db = TestDatabase::sqlite();
    let store = open(&db).await;
    store.close().await;
    let conn = rusqlite::Connection::open(db.sqlite_path().expect("a file")).expect("open");
    let plan: Vec<String> = conn
        .prepare(
            "EXPLAIN QUERY PLAN SELECT * FROM reminders \
             WHERE fire_ms IS NOT NULL AND fire_ms <= ?1 ORDER BY fire_ms LIMIT ?2",
        )
        .expect("prepare")
        .query_map(rusqlite::params![0_i64, 10_i64], |row| {
            row.get::<_, String>(3)
        })
        .expect("plan")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert!(
        plan.iter()
            .any(|step| step.contains("USING INDEX reminders_due")),
        "{plan:?}"
    );
    assert!(
        !plan.iter().any(|step| step.starts_with("SCAN reminders")),
        "{plan:?}"
    );
}

/// A database from before the reminders table: the migration that adds it fills it from the
/// events already in the log.
pub async fn the_migration_that_adds_reminders_fills_them_from_the_log(db: &TestDatabase) {
    let us = Couple::new(db).await;
    us.append(vec![made(
        us.alex,
        us.sam,
        new_promise(),
        // Years ahead: the migration runs on the real clock, and what it finds already due it
        // does not arm again.
        Some(at(5 * 365 * 24 * HOUR)),
    )])
    .await;
    let before = us.store.all_reminders().await.expect("rows");
    assert_eq!(before.len(), 2);
    us.store.close().await;

    // Back to schema version 2 as far as reminders go.
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(db.url().expose())
        .await
        .expect("connect");
    for statement in [
        "DROP TABLE reminder_settings",
        "DROP TABLE reminders",
        "DELETE FROM _sqlx_migrations WHERE version = 3",
    ] {
        sqlx::query(statement)
            .execute(&mut conn)
            .await
            .expect(statement);
    }
    sqlx::Connection::close(conn).await.expect("close");

    let store = open(db).await;
    assert_eq!(store.all_reminders().await.expect("rows"), before);
    store.close().await;
}
