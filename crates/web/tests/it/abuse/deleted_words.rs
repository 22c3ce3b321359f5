//! The partner holds the database (issue 14, item 11): on a home server, one of the two often
//! does. What the other deleted from their journal must not be there to read back: deleting an
//! entry takes its words (as written and as edited) out of the event log, not a tombstone laid
//! over them, while the export and the journal read as before.

use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_core::{PersonId, StreamId};
use steadfast_store::Backend;

use crate::support::TestApp;
use crate::support::api::{call, export};
use crate::support::people::person;

const WRITTEN: &str = "i-am-planning-to-leave-in-spring";
const EDITED: &str = "i-have-found-a-flat-near-my-sister";
const KEPT: &str = "a-plain-day-nothing-to-hide";

#[tokio::test]
async fn a_deleted_entrys_words_are_not_in_the_database() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let Some(app) = TestApp::builder().start_on(backend).await else {
            continue;
        };
        let hana = person(&app, "hana").await;
        let me = call(&app, &hana, Method::GET, "/api/v1/me", None).await;
        let id: PersonId = me.ok()["id"].as_str().unwrap().parse().unwrap();
        let write = |text: &'static str| {
            let hana = &hana;
            let app = &app;
            async move {
                let body = json!({ "text": text });
                call(app, hana, Method::POST, "/api/v1/journal", Some(body))
                    .await
                    .created_id()
            }
        };
        let doomed = write(WRITTEN).await;
        write(KEPT).await;
        let entry = format!("/api/v1/journal/{doomed}");
        let edit = json!({ "text": EDITED });
        let edited = call(&app, &hana, Method::PUT, &entry, Some(edit)).await;
        assert!(edited.status.is_success(), "{edited:?}");
        let log = |app: &TestApp| {
            let store = app.store.clone();
            async move {
                let events = store.read(StreamId::Person(id), 1).await.unwrap();
                serde_json::to_string(&events).unwrap()
            }
        };
        let before = log(&app).await;
        assert!(
            before.contains(WRITTEN) && before.contains(EDITED),
            "{backend:?}"
        );

        let deleted = call(&app, &hana, Method::DELETE, &entry, None).await;
        assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{backend:?}");

        let after = log(&app).await;
        for words in [WRITTEN, EDITED] {
            assert!(!after.contains(words), "{backend:?}: {words} in {after}");
        }
        assert!(after.contains(KEPT), "{backend:?}");
        let exported = export(&app, &hana).await;
        assert!(!exported.contains(WRITTEN) && !exported.contains(EDITED));
        assert!(exported.contains(KEPT), "{backend:?}");
        let listed = call(&app, &hana, Method::GET, "/api/v1/journal", None).await;
        let entries = listed.ok()["entries"].as_array().unwrap().clone();
        assert_eq!(entries.len(), 1, "{backend:?}");
        assert_eq!(entries[0]["text"], KEPT);
        app.stop().await;
    }
}
