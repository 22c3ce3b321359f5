//! PostgreSQL's row-level security (migration 0007), tried as a deployment runs it: the schema
//! migrated by its owner, the application connected as an ordinary role that owns nothing. The
//! store's own operations must all work as that role, and a query that forgets to say whose rows
//! it wants must get none — and may write none.

use sqlx::{AnyConnection, AssertSqlSafe, Connection, Row};
use steadfast_core::event::Visibility;
use steadfast_core::promise::{Change, PromiseEvent, PromiseText, Stakes, Terms};
use steadfast_core::{EventId, EventKind, NewEvent, PersonId, PromiseId, StreamId, Timestamp};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{DatabaseUrl, Store};
use uuid::Uuid;

use crate::support::{HOUR, at, sign_up, space_of};

fn note(by: PersonId, words: &str) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(Uuid::new_v4()),
        author: by,
        at: at(0),
        kind: EventKind::new("journal.written").expect("a kind"),
        visibility: Visibility::Private,
        payload: serde_json::json!({ "text": words }),
    }
}

fn promise(by: PersonId, to: PersonId, due: Timestamp) -> NewEvent {
    PromiseEvent {
        promise: PromiseId::from_uuid(Uuid::new_v4()),
        change: Change::Made {
            receiver: to,
            terms: Terms {
                text: PromiseText::parse("water the tomatoes").expect("text"),
                stakes: Stakes::new(2).expect("stakes"),
                due: Some(due),
            },
            domain: None,
            made_at: None,
        },
    }
    .into_event(EventId::from_uuid(Uuid::new_v4()), by, at(0))
}

/// The same server and database, signed in as `role`.
fn as_role(url: &DatabaseUrl, role: &str, password: &str) -> String {
    let connect = url.expose();
    let (scheme, rest) = connect.split_once("://").expect("a URL with a scheme");
    let after_user = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    format!("{scheme}://{role}:{password}@{after_user}")
}

async fn count(conn: &mut AnyConnection, table: &str) -> i64 {
    sqlx::query_scalar(AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(&mut *conn)
        .await
        .expect("a count")
}

/// An application role as the README describes it: may log in, owns nothing, may read and
/// write the tables, is no superuser and does not bypass row-level security.
struct AppRole {
    name: String,
    admin: AnyConnection,
}

impl AppRole {
    async fn create(db: &TestDatabase) -> Self {
        let name = format!("steadfast_app_{}", Uuid::new_v4().simple());
        let mut admin = AnyConnection::connect(db.url().expose())
            .await
            .expect("the owner connects");
        let database: String = sqlx::query_scalar("SELECT current_database()::text")
            .fetch_one(&mut admin)
            .await
            .expect("the database name");
        for statement in [
            format!("CREATE ROLE {name} LOGIN PASSWORD 'app-only' NOSUPERUSER NOBYPASSRLS"),
            format!("GRANT CONNECT ON DATABASE {database} TO {name}"),
            format!("GRANT USAGE ON SCHEMA public TO {name}"),
            format!(
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}"
            ),
        ] {
            sqlx::query(AssertSqlSafe(statement))
                .execute(&mut admin)
                .await
                .expect("the role is set up");
        }
        Self { name, admin }
    }

    async fn drop_role(mut self) {
        for statement in [
            format!("DROP OWNED BY {}", self.name),
            format!("DROP ROLE {}", self.name),
        ] {
            sqlx::query(AssertSqlSafe(statement))
                .execute(&mut self.admin)
                .await
                .expect("the role is removed");
        }
        let _ = self.admin.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL (STEADFAST_TEST_DATABASE_URL): scripts/test runs it"]
async fn as_the_application_role_the_store_works_and_a_query_that_forgets_the_space_sees_nothing() {
    if std::env::var(steadfast_store::testing::POSTGRES_ROLE_VAR).is_ok() {
        // This test makes its own roles, which needs the server's superuser.
        eprintln!("skipped: runs only with the test server's own (superuser) connection");
        return;
    }
    let db = TestDatabase::postgres()
        .await
        .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
    // The owner migrates (what `steadfast migrate` does in a deployment).
    let owner = Store::open(db.url()).await.expect("the owner migrates");
    let role = AppRole::create(&db).await;
    let app_url = as_role(db.url(), &role.name, "app-only");

    // 1. Everything the application does, as the application role. `open` finds the schema
    //    current and changes nothing.
    let app = Store::open(&app_url.parse().expect("a URL"))
        .await
        .expect("the application role opens the store");
    let (alex, sam) = (sign_up(&app).await, sign_up(&app).await);
    let (ours, theirs) = (space_of(&app, alex).await, space_of(&app, sam).await);
    let (our_stream, their_stream) = (StreamId::Space(ours), StreamId::Space(theirs));
    let journal = StreamId::Person(alex);
    app.append(our_stream, 0, vec![promise(alex, sam, at(2 * HOUR))])
        .await
        .expect("a space's append");
    app.append(our_stream, 1, vec![note(alex, "our shared words")])
        .await
        .expect("a second append");
    app.append(their_stream, 0, vec![promise(sam, alex, at(3 * HOUR))])
        .await
        .expect("another space's append");
    app.append(journal, 0, vec![note(alex, "a private page")])
        .await
        .expect("a person's own append");
    assert_eq!(app.read(our_stream, 1).await.expect("read").len(), 2);
    assert_eq!(app.read(journal, 1).await.expect("read").len(), 1);
    assert_eq!(app.head(their_stream).await.expect("head"), 1);
    assert!(
        app.append(our_stream, 1, vec![note(alex, "late")])
            .await
            .expect_err("a stale head")
            .is_conflict(),
        "a conflict is still found and reported as one"
    );
    let upcoming = app
        .upcoming_reminders(sam, ours, at(0), at(4 * HOUR))
        .await
        .expect("upcoming");
    assert!(!upcoming.is_empty(), "this space's reminders are readable");
    let due = app
        .due_reminders(at(5 * HOUR), 100)
        .await
        .expect("the reminder scan");
    assert!(due.len() >= 2, "the scan sees every space: {due:?}");
    let claimed = app
        .claim_reminder(&due[0], at(6 * HOUR))
        .await
        .expect("a claim")
        .expect("claimed");
    app.mark_reminder_sent(&claimed, at(5 * HOUR))
        .await
        .expect("marked sent");
    let all = owner.all_reminders().await.expect("all, as the owner");
    assert_eq!(app.all_reminders().await.expect("all"), all);
    let rebuilt = app.rebuild_reminders(at(0)).await.expect("a rebuild");
    assert!(
        rebuilt >= 2,
        "the rebuild read every space's log: {rebuilt}"
    );
    assert_eq!(
        app.all_reminders().await.expect("all").len() as u64,
        rebuilt
    );
    let figures = app.figures(at(0)).await.expect("figures");
    assert_eq!(figures.weeks.iter().map(|w| w.events).sum::<u64>(), 4);

    // 2. Raw queries as the application role that forget to set a scope see nothing.
    let mut raw = AnyConnection::connect(&app_url)
        .await
        .expect("the application role connects");
    for table in ["events", "streams", "reminders"] {
        assert_eq!(count(&mut raw, table).await, 0, "{table} without a scope");
        assert!(
            count(&mut sqlx_owner(&db).await, table).await > 0,
            "{table} has rows"
        );
    }
    // … nor change anything.
    let deleted = sqlx::query("DELETE FROM events")
        .execute(&mut raw)
        .await
        .expect("a delete that matches nothing");
    assert_eq!(deleted.rows_affected(), 0);
    let updated = sqlx::query("UPDATE events SET payload = '{}'")
        .execute(&mut raw)
        .await
        .expect("an update that matches nothing");
    assert_eq!(updated.rows_affected(), 0);
    let forged = sqlx::query(
        "INSERT INTO events (stream, seq, id, author, at_ms, kind, visibility, payload) \
         VALUES ($1, 99, $2, $3, 0, 'x', 'shared', '{}')",
    )
    .bind(their_stream.to_string())
    .bind(Uuid::new_v4().to_string())
    .bind(alex.to_string())
    .execute(&mut raw)
    .await;
    assert!(
        forged
            .expect_err("a write without a scope")
            .to_string()
            .contains("row-level security"),
    );

    // 3. Scoped to one space, a transaction sees that space's rows only, and may not write
    //    into another space; the scope ends with the transaction.
    let mut tx = raw.begin().await.expect("a transaction");
    sqlx::query("SELECT set_config('steadfast.space', $1, true)")
        .bind(ours.to_string())
        .execute(&mut *tx)
        .await
        .expect("the scope is set");
    let streams: Vec<String> = sqlx::query("SELECT DISTINCT stream FROM events")
        .fetch_all(&mut *tx)
        .await
        .expect("a read")
        .iter()
        .map(|row| row.get::<String, _>("stream"))
        .collect();
    assert_eq!(streams, [our_stream.to_string()]);
    let into_theirs = sqlx::query(
        "INSERT INTO events (stream, seq, id, author, at_ms, kind, visibility, payload) \
         VALUES ($1, 99, $2, $3, 0, 'x', 'shared', '{}')",
    )
    .bind(their_stream.to_string())
    .bind(Uuid::new_v4().to_string())
    .bind(alex.to_string())
    .execute(&mut *tx)
    .await;
    assert!(
        into_theirs
            .expect_err("a write into another space")
            .to_string()
            .contains("row-level security")
    );
    drop(tx);
    assert_eq!(count(&mut raw, "events").await, 0, "the scope did not last");
    let _ = raw.close().await;

    // 4. Erasing a deleted account's events reaches every stream (the sanctioned system path).
    app.delete_account(alex, at(HOUR))
        .await
        .expect("an account deletion");
    assert!(app.read(journal, 1).await.expect("read").is_empty());
    assert_eq!(app.read(our_stream, 1).await.expect("read").len(), 0);
    assert_eq!(app.read(their_stream, 1).await.expect("read").len(), 1);

    app.close().await;
    owner.close().await;
    role.drop_role().await;
}

async fn sqlx_owner(db: &TestDatabase) -> AnyConnection {
    AnyConnection::connect(db.url().expose())
        .await
        .expect("the owner connects")
}
