//! Promises and the reliability record as pages, over HTTP: making a promise by form, each step
//! of its lifecycle by the partner whose step it is, refusals and mistakes that come back with
//! what was typed and change nothing, times in the person's zone, isolation between couples, and
//! the record that shows nothing until both partners switch it on.

use reqwest::StatusCode;
use steadfast_core::{SpaceId, StreamId};

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::pages::{create_space, page, post};
use crate::support::people::{Couple, PASSWORD, couple_without_tokens};

const MINUTE_MS: i64 = 60 * 1000;

/// A form's fields, as a test posts them.
type Fields<'a> = &'a [(&'a str, &'a str)];

async fn pair(app: &TestApp) -> Couple {
    couple_without_tokens(app, "ash", "bea", "Our place").await
}

/// Makes a promise by the page's form and returns its page's path.
async fn promise(app: &TestApp, cookie: &str, space: &str, form: &[(&str, &str)]) -> String {
    let (status, html, location) =
        post(app, &format!("/spaces/{space}/promises"), form, cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let location = location.unwrap();
    assert!(
        location.starts_with(&format!("/spaces/{space}/promises/")),
        "{location}"
    );
    location
}

async fn small_promise(app: &TestApp, cookie: &str, space: &str, text: &str) -> String {
    promise(app, cookie, space, &[("text", text), ("stakes", "1")]).await
}

/// How many events the space's log holds: refusals must add none.
async fn events(app: &TestApp, space: &str) -> usize {
    let space: SpaceId = space.parse().unwrap();
    app.store
        .read(StreamId::Space(space), 1)
        .await
        .unwrap()
        .len()
}

async fn step(app: &TestApp, promise: &str, action: &str, form: &[(&str, &str)], cookie: &str) {
    let (status, html, location) = post(app, &format!("{promise}/{action}"), form, cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{action}: {html}");
    // A confirmed "kept" comes back marked, so the page can mark a couple's first.
    let back = location.unwrap();
    let expected = if action == "kept" {
        format!("{promise}?kept=1")
    } else {
        promise.to_owned()
    };
    assert_eq!(back, expected);
}

/// The action paths of the forms a page offers.
fn offered(html: &str, promise: &str) -> Vec<String> {
    let prefix = format!(r#"action="{promise}/"#);
    html.match_indices(&prefix)
        .map(|(at, _)| {
            let rest = &html[at + prefix.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_promise_made_by_form_shows_for_both_partners_in_their_own_direction() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let list = format!("/spaces/{}/promises", pair.space);

    let (status, html) = page(&app, &list, &pair.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Your promises to bea"), "{html}");
    assert!(html.contains("Promises from bea to you"));
    assert!(html.contains("Make a promise to bea"));
    assert!(html.contains(r#"type="radio" name="stakes" value="5""#));
    assert!(html.contains("Matters deeply"), "stakes have words");
    assert!(html.contains(r#"type="datetime-local""#));
    assert!(html.contains(r#"name="made_on" type="date""#));
    assert!(html.contains("Times are in UTC."), "no zone reported");

    let path = promise(
        &app,
        &pair.a.cookie,
        &pair.space,
        &[
            ("text", "I will call if I am late this week"),
            ("stakes", "3"),
            ("due", "2026-11-20T18:00"),
            ("domain", "Time"),
            ("made_on", ""),
        ],
    )
    .await;

    let (_, mine) = page(&app, &list, &pair.a.cookie).await;
    let yours =
        &mine[mine.find("Your promises to bea").unwrap()..mine.find("Promises from bea").unwrap()];
    assert!(
        yours.contains("I will call if I am late this week"),
        "{mine}"
    );
    assert!(yours.contains(&format!(r#"href="{path}""#)));
    assert!(
        yours.contains("Matters · due Fri 20 November, 6 pm (UTC) · area: time"),
        "stakes in words, the due time in UTC, the area as one word whatever its case: {yours}"
    );

    let (_, theirs) = page(&app, &list, &pair.b.cookie).await;
    let from = &theirs[theirs.find("Promises from ash to you").unwrap()..];
    assert!(
        from.contains("I will call if I am late this week"),
        "{theirs}"
    );

    // In the person's own time zone, as the page's script reports it.
    let (_, warsaw) = page(&app, &list, &format!("{}; tz=Europe/Warsaw", pair.b.cookie)).await;
    assert!(warsaw.contains("due Fri 20 November, 7 pm"), "{warsaw}");
    assert!(!warsaw.contains("7 pm (UTC)"));
    assert!(warsaw.contains("Times are in your time zone (Europe/Warsaw)."));
    app.stop().await;
}

#[tokio::test]
async fn times_typed_are_read_in_the_persons_zone() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let warsaw = format!("{}; tz=Europe/Warsaw", pair.a.cookie);
    let path = promise(
        &app,
        &warsaw,
        &pair.space,
        &[
            ("text", "Book the train"),
            ("stakes", "2"),
            ("due", "2026-11-20T18:00"),
        ],
    )
    .await;
    let (_, utc) = page(&app, &path, &pair.a.cookie).await;
    assert!(utc.contains("Fri 20 November, 5 pm (UTC)"), "{utc}");
    let (_, local) = page(&app, &path, &warsaw).await;
    assert!(local.contains("Fri 20 November, 6 pm"), "{local}");
    app.stop().await;
}

#[tokio::test]
async fn before_the_browser_reports_a_zone_a_space_shows_its_own_rather_than_utc() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = promise(
        &app,
        &format!("{}; tz=Europe/Warsaw", pair.a.cookie),
        &pair.space,
        &[
            ("text", "Book the train"),
            ("stakes", "2"),
            ("due", "2026-11-20T18:00"),
        ],
    )
    .await;
    let zone_set = app
        .api(
            reqwest::Method::PUT,
            &format!("/api/v1/spaces/{}/time-zone", pair.space),
            Some(serde_json::json!({ "time_zone": "Europe/Warsaw" })),
            Some(&pair.b.cookie),
        )
        .await;
    assert_eq!(zone_set.status(), StatusCode::OK);
    // No `tz` cookie: the first page a phone loads, before its script has run.
    let (_, html) = page(&app, &path, &pair.b.cookie).await;
    assert!(html.contains("Fri 20 November, 6 pm"), "{html}");
    assert!(!html.contains("(UTC)"), "{html}");
    let list = format!("/spaces/{}/promises", pair.space);
    let (_, html) = page(&app, &list, &pair.b.cookie).await;
    assert!(
        html.contains("Times are in your space’s time zone (Europe/Warsaw)."),
        "{html}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_person_alone_is_told_a_promise_is_made_to_a_partner() {
    let app = TestApp::builder().start().await;
    let cookie = app.sign_up("alone", PASSWORD).await;
    let space = create_space(&app, &cookie, "Mine").await;
    let list = format!("/spaces/{space}/promises");
    let (status, html) = page(&app, &list, &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Invite your partner first"), "{html}");
    assert!(html.contains(&format!(r#"href="/spaces/{space}#invite-heading""#)));
    assert!(
        !html.contains(r#"name="text""#),
        "no form to promise nobody"
    );

    let (status, html, _) = post(
        &app,
        &list,
        &[("text", "Water the plants"), ("stakes", "1")],
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("A promise is made to a partner. Invite yours first."));
    assert_eq!(events(&app, &space).await, 0);
    app.stop().await;
}

#[tokio::test]
async fn a_mistake_in_the_form_comes_back_with_everything_typed_and_nothing_made() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let list = format!("/spaces/{}/promises", pair.space);
    let cases: [(Fields, StatusCode, &str, &str); 7] = [
        (
            &[
                ("text", "  "),
                ("stakes", "2"),
                ("domain", "money"),
                ("due", "2026-12-01T10:00"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Write what you promise.",
            r#"id="text-error""#,
        ),
        (
            &[
                ("text", "Pay the rent"),
                ("stakes", "9"),
                ("domain", "money"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose how much it matters, from 1 to 5.",
            r#"id="stakes-error""#,
        ),
        (
            &[("text", "Pay the rent"), ("domain", "money")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose how much it matters, from 1 to 5.",
            r#"id="stakes-error""#,
        ),
        (
            &[
                ("text", "Pay the rent"),
                ("stakes", "2"),
                ("due", "next friday"),
                ("domain", "money"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "That date or time could not be read.",
            r#"id="due-error""#,
        ),
        (
            &[
                ("text", "Pay the rent"),
                ("stakes", "2"),
                ("due", "2026-11-01T10:00"),
                ("domain", "money"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "The due time has to be later.",
            r#"id="due-error""#,
        ),
        (
            &[
                ("text", "Pay the rent"),
                ("stakes", "2"),
                ("made_on", "2026-12-24"),
                ("domain", "money"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "That time is still in the future.",
            r#"id="made-error""#,
        ),
        (
            &[
                ("text", "Pay the rent"),
                ("stakes", "2"),
                ("domain", &"x".repeat(41)),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "An area has at most 40 characters.",
            r#"id="domain-error""#,
        ),
    ];
    for (form, status, message, field) in cases {
        let (got, html, _) = post(&app, &list, form, &pair.a.cookie).await;
        assert_eq!(got, status, "{form:?}");
        assert!(html.contains(message), "{form:?}: {html}");
        assert!(
            html.contains(field),
            "{form:?}: the message is beside its field"
        );
        for (name, value) in form {
            if *name == "stakes" {
                continue;
            }
            let kept = if *name == "text" {
                format!(">{value}</textarea>")
            } else {
                format!(r#"value="{value}""#)
            };
            assert!(html.contains(&kept), "{name} was not kept: {html}");
        }
    }
    let (_, html, _) = post(
        &app,
        &list,
        &[("text", "Pay the rent"), ("stakes", "4"), ("due", "bad")],
        &pair.a.cookie,
    )
    .await;
    assert!(
        html.contains(r#"value="4" checked"#),
        "the chosen stakes stay chosen"
    );
    assert_eq!(events(&app, &pair.space).await, 0, "nothing was made");
    app.stop().await;
}

#[tokio::test]
async fn each_partner_is_offered_only_the_steps_that_are_theirs_now() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = promise(
        &app,
        &pair.a.cookie,
        &pair.space,
        &[
            ("text", "Cook on Sunday"),
            ("stakes", "2"),
            ("due", "2026-11-22T12:00"),
        ],
    )
    .await;

    let (status, promiser) = page(&app, &path, &pair.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        promiser.contains("<h1>Your promise to bea</h1>"),
        "{promiser}"
    );
    assert_eq!(offered(&promiser, &path), ["done", "renegotiate"]);

    let (_, receiver) = page(&app, &path, &pair.b.cookie).await;
    assert!(receiver.contains("<h1>A promise from ash</h1>"));
    assert_eq!(offered(&receiver, &path), ["kept", "broken", "release"]);
    assert!(receiver.contains("It stung a little") && receiver.contains("It shook my trust"));

    // Done: the receiver may now also say "not yet"; the promiser waits.
    step(&app, &path, "done", &[], &pair.a.cookie).await;
    let (_, promiser) = page(&app, &path, &pair.a.cookie).await;
    assert!(offered(&promiser, &path).is_empty(), "{promiser}");
    assert!(promiser.contains("Waiting for bea to confirm it."));
    let (_, receiver) = page(&app, &path, &pair.b.cookie).await;
    assert_eq!(
        offered(&receiver, &path),
        ["kept", "not-yet", "broken", "release"]
    );
    assert!(receiver.contains("Done, waiting to be confirmed"));
    app.stop().await;
}

#[tokio::test]
async fn done_then_kept_with_new_stakes_settles_the_promise_with_its_history() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = small_promise(&app, &pair.a.cookie, &pair.space, "Fix the bike light").await;
    step(&app, &path, "done", &[], &pair.a.cookie).await;
    step(&app, &path, "not-yet", &[], &pair.b.cookie).await;
    let (_, html) = page(&app, &path, &pair.a.cookie).await;
    assert!(html.contains("said “not yet”"), "{html}");
    assert_eq!(offered(&html, &path), ["done", "renegotiate"], "open again");
    step(&app, &path, "done", &[], &pair.a.cookie).await;
    step(
        &app,
        &path,
        "kept",
        &[("stakes", "4"), ("when", "")],
        &pair.b.cookie,
    )
    .await;

    let (_, html) = page(&app, &path, &pair.a.cookie).await;
    assert!(html.contains(r#"<span class="tag">Kept</span>"#), "{html}");
    assert!(
        html.contains("Matters a lot"),
        "the receiver's stakes stand"
    );
    assert!(offered(&html, &path).is_empty());
    let history = &html[html.find("What happened").unwrap()..];
    let order = [
        "made the promise",
        "marked it done",
        "said “not yet”",
        "confirmed it was kept (Matters a lot)",
    ];
    let mut from = 0;
    for words in order {
        let at = history[from..]
            .find(words)
            .unwrap_or_else(|| panic!("{words}: {history}"));
        from += at;
    }
    assert!(history.contains(r#"<span class="history-who">You</span>"#));
    assert!(history.contains(r#"<span class="history-who">bea</span>"#));

    let (_, list) = page(
        &app,
        &format!("/spaces/{}/promises", pair.space),
        &pair.b.cookie,
    )
    .await;
    let settled = &list[list.find("Recently settled").unwrap()..];
    assert!(
        settled.contains("Fix the bike light") && settled.contains("from ash"),
        "{settled}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_step_by_the_wrong_partner_or_at_the_wrong_time_is_refused_and_changes_nothing() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = small_promise(&app, &pair.a.cookie, &pair.space, "Call mum back").await;
    let before = events(&app, &pair.space).await;
    let refusals: [(&str, &str, Fields, &str, StatusCode); 7] = [
        (
            "done",
            &pair.b.cookie,
            &[],
            "Only the partner who made this promise can do that.",
            StatusCode::FORBIDDEN,
        ),
        (
            "kept",
            &pair.a.cookie,
            &[("stakes", "2")],
            "Only the partner this promise was made to can do that.",
            StatusCode::FORBIDDEN,
        ),
        (
            "release",
            &pair.a.cookie,
            &[],
            "Only the partner this promise was made to can do that.",
            StatusCode::FORBIDDEN,
        ),
        (
            "not-yet",
            &pair.b.cookie,
            &[],
            "This promise is not marked done",
            StatusCode::CONFLICT,
        ),
        (
            "let-go",
            &pair.b.cookie,
            &[],
            "This promise is not overdue yet.",
            StatusCode::CONFLICT,
        ),
        (
            "renegotiation/accept",
            &pair.b.cookie,
            &[],
            "No renegotiation is waiting for an answer.",
            StatusCode::CONFLICT,
        ),
        (
            "extend",
            &pair.b.cookie,
            &[("due", "2026-12-01T10:00")],
            "This promise is not overdue yet.",
            StatusCode::CONFLICT,
        ),
    ];
    // The other partner's step is forbidden; a step that does not fit now is a conflict.
    for (action, cookie, form, message, expected) in refusals {
        let (status, html, _) = post(&app, &format!("{path}/{action}"), form, cookie).await;
        assert_eq!(status, expected, "{action}");
        assert!(html.contains(message), "{action}: {html}");
        assert!(html.contains(r#"role="alert""#), "{action}");
        assert!(
            html.contains("Call mum back"),
            "the promise's page comes back"
        );
    }
    // A mistake in a form the person may use keeps what they typed.
    let (status, html, _) = post(
        &app,
        &format!("{path}/broken"),
        &[
            ("severity", ""),
            ("deception", "yes"),
            ("when", "2026-11-17"),
        ],
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Choose how much it hurt, from 1 to 4."),
        "{html}"
    );
    assert!(html.contains(r#"id="broken-error""#));
    assert!(
        html.contains(r#"<details class="step" open>"#),
        "the form is open"
    );
    assert!(html.contains(r#"value="yes" checked"#));
    assert!(html.contains(r#"value="2026-11-17""#));
    let (status, html, _) = post(
        &app,
        &format!("{path}/broken"),
        &[
            ("severity", "2"),
            ("deception", "no"),
            ("when", "2027-02-01"),
        ],
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("That time is still in the future."), "{html}");
    assert!(html.contains(r#"value="2" checked"#));

    assert_eq!(
        events(&app, &pair.space).await,
        before,
        "nothing was recorded"
    );
    // Settled: nothing more changes.
    step(&app, &path, "release", &[], &pair.b.cookie).await;
    let (status, html, _) = post(&app, &format!("{path}/kept"), &[], &pair.b.cookie).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("This promise is settled already"));
    assert!(html.contains(r#"<span class="tag">Released</span>"#));
    app.stop().await;
}

#[tokio::test]
async fn a_renegotiation_is_asked_before_the_due_time_and_the_receiver_answers() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = promise(
        &app,
        &pair.a.cookie,
        &pair.space,
        &[
            ("text", "Run together on Saturday"),
            ("stakes", "2"),
            ("due", "2026-11-21T09:00"),
        ],
    )
    .await;
    let ask = format!("{path}/renegotiate");
    let (status, html, _) = post(
        &app,
        &ask,
        &[
            ("text", "Run together on Sunday"),
            ("stakes", "2"),
            ("due", "2026-11-22T09:00"),
            ("reason", ""),
        ],
        &pair.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Say briefly why you are asking to change it."),
        "{html}"
    );
    assert!(
        html.contains(">Run together on Sunday</textarea>"),
        "the new words stay"
    );
    assert!(html.contains(r#"value="2026-11-22T09:00""#));
    assert!(html.contains(r#"<details class="step" open>"#));

    step(
        &app,
        &path,
        "renegotiate",
        &[
            ("text", "Run together on Sunday"),
            ("stakes", "2"),
            ("due", "2026-11-22T09:00"),
            ("reason", "My knee needs a day"),
        ],
        &pair.a.cookie,
    )
    .await;
    let (_, promiser) = page(&app, &path, &pair.a.cookie).await;
    assert!(
        promiser.contains("Waiting for bea to answer the new terms."),
        "{promiser}"
    );
    let (_, receiver) = page(&app, &path, &pair.b.cookie).await;
    assert!(receiver.contains("New terms asked for"));
    assert!(receiver.contains("My knee needs a day"));
    assert!(receiver.contains(&format!(r#"action="{path}/renegotiation/accept""#)));
    assert!(receiver.contains(&format!(r#"action="{path}/renegotiation/decline""#)));

    // The promiser cannot answer their own request.
    let (status, html, _) = post(
        &app,
        &format!("{path}/renegotiation/accept"),
        &[],
        &pair.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("Only the partner this promise was made to can do that."));

    step(&app, &path, "renegotiation/accept", &[], &pair.b.cookie).await;
    let (_, html) = page(&app, &path, &pair.b.cookie).await;
    assert!(
        html.contains(r#"<p class="promise-quote">Run together on Sunday</p>"#),
        "{html}"
    );
    assert!(html.contains("Sun 22 November, 9 am"));
    assert!(html.contains("accepted the new terms"));

    // Asked again and declined: the terms stay.
    step(
        &app,
        &path,
        "renegotiate",
        &[
            ("text", "Walk instead"),
            ("stakes", "1"),
            ("reason", "Still sore"),
        ],
        &pair.a.cookie,
    )
    .await;
    step(&app, &path, "renegotiation/decline", &[], &pair.b.cookie).await;
    let (_, html) = page(&app, &path, &pair.b.cookie).await;
    assert!(html.contains(r#"<p class="promise-quote">Run together on Sunday</p>"#));
    assert!(html.contains("kept the old terms"));
    app.stop().await;
}

#[tokio::test]
async fn when_an_open_promise_is_overdue_the_receiver_extends_it_or_lets_it_go() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let pair = pair(&app).await;
    // The clock stands at 2026-11-18 11:06:40 UTC.
    let due = [("stakes", "2"), ("due", "2026-11-18T11:20")];
    let first = promise(
        &app,
        &pair.a.cookie,
        &pair.space,
        &[&[("text", "Send the form")][..], &due[..]].concat(),
    )
    .await;
    let second = promise(
        &app,
        &pair.a.cookie,
        &pair.space,
        &[&[("text", "Ring the plumber")][..], &due[..]].concat(),
    )
    .await;
    clock.advance_millis(15 * MINUTE_MS);

    let (_, receiver) = page(&app, &first, &pair.b.cookie).await;
    assert!(receiver.contains("The due time has passed"), "{receiver}");
    assert_eq!(
        offered(&receiver, &first),
        ["extend", "let-go", "kept", "broken", "release"]
    );
    let (_, promiser) = page(&app, &first, &pair.a.cookie).await;
    assert!(promiser.contains("Past its due time"));
    assert_eq!(
        offered(&promiser, &first),
        ["done"],
        "too late to renegotiate"
    );
    let (status, html, _) = post(
        &app,
        &format!("{first}/renegotiate"),
        &[
            ("text", "Send the form"),
            ("stakes", "2"),
            ("reason", "Forgot"),
        ],
        &pair.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("The due time has passed."), "{html}");

    let (status, html, _) = post(
        &app,
        &format!("{first}/extend"),
        &[("due", "")],
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="extend-error""#), "{html}");
    let (status, html, _) = post(
        &app,
        &format!("{first}/extend"),
        &[("due", "2026-11-18T11:00")],
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("The due time has to be later."));
    assert!(
        html.contains(r#"value="2026-11-18T11:00""#),
        "the typed time stays"
    );
    step(
        &app,
        &first,
        "extend",
        &[("due", "2026-11-25T11:00")],
        &pair.b.cookie,
    )
    .await;
    let (_, html) = page(&app, &first, &pair.b.cookie).await;
    assert!(
        html.contains("gave more time, until Wed 25 November, 11 am"),
        "{html}"
    );
    assert!(!html.contains("Past its due time"));

    step(&app, &second, "let-go", &[], &pair.b.cookie).await;
    let (_, html) = page(&app, &second, &pair.a.cookie).await;
    assert!(
        html.contains(r#"<span class="tag">Let go</span>"#),
        "{html}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_breach_is_recorded_by_the_receiver_with_its_severity() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = small_promise(
        &app,
        &pair.b.cookie,
        &pair.space,
        "Tell me before spending savings",
    )
    .await;
    // A heavy step asks first, without JavaScript: what will be recorded, sent again on "yes",
    // and nothing written until then.
    let before = events(&app, &pair.space).await;
    let answers = [("severity", "3"), ("deception", "yes"), ("when", "")];
    let (status, confirm, _) =
        post(&app, &format!("{path}/broken"), &answers, &pair.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("Record that this promise was not kept?"));
    assert!(confirm.contains("It hurt a lot"));
    assert!(confirm.contains("It was hidden, or there was lying about it"));
    assert!(confirm.contains(r#"name="confirmed" value="yes""#));
    assert!(confirm.contains(r#"name="deception" value="yes""#));
    assert!(confirm.contains(&format!(r#"href="{path}""#)), "a way back");
    assert_eq!(
        events(&app, &pair.space).await,
        before,
        "nothing recorded yet"
    );
    // The promiser cannot record it: refused at once, not after "are you sure?".
    let (status, html, _) = post(&app, &format!("{path}/broken"), &answers, &pair.b.cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!html.contains(r#"name="confirmed""#));

    let confirmed = [answers.as_slice(), &[("confirmed", "yes")]].concat();
    step(&app, &path, "broken", &confirmed, &pair.a.cookie).await;
    for viewer in [&pair.b.cookie, &pair.a.cookie] {
        let (_, html) = page(&app, &path, viewer).await;
        assert!(
            html.contains(r#"<span class="tag">Not kept</span>"#),
            "{html}"
        );
        assert!(
            html.contains(
                "recorded that it was not kept, and that it was hidden or lied about (It hurt a lot)"
            ),
            "both histories say it was hidden: {html}"
        );
        assert!(html.contains("This promise is settled"));
    }
    app.stop().await;
}

#[tokio::test]
async fn a_promise_logged_afterwards_says_so() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = promise(
        &app,
        &pair.a.cookie,
        &pair.space,
        &[
            ("text", "Pick up the kids"),
            ("stakes", "2"),
            ("made_on", "2026-11-17"),
        ],
    )
    .await;
    let (_, html) = page(&app, &path, &pair.b.cookie).await;
    assert!(
        html.contains("Made on Tue 17 November, and logged afterwards."),
        "{html}"
    );
    // Kept, and logged afterwards too: not before it was made.
    let (status, html, _) = post(
        &app,
        &format!("{path}/kept"),
        &[("stakes", "2"), ("when", "2026-11-16")],
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("That is before the promise was made."),
        "{html}"
    );
    assert!(
        html.contains(r#"value="2026-11-16""#),
        "the day typed stays"
    );
    step(
        &app,
        &path,
        "kept",
        &[("stakes", "2"), ("when", "2026-11-17")],
        &pair.b.cookie,
    )
    .await;
    let (_, html) = page(&app, &path, &pair.a.cookie).await;
    assert!(
        html.contains("confirmed it was kept (Matters somewhat) — it happened on Tue 17 November"),
        "{html}"
    );
    // Made today: as late today as has passed, which is now.
    let path = promise(
        &app,
        &pair.a.cookie,
        &pair.space,
        &[
            ("text", "Fill the car"),
            ("stakes", "2"),
            ("made_on", "2026-11-18"),
        ],
    )
    .await;
    let (_, html) = page(&app, &path, &pair.b.cookie).await;
    assert!(
        html.contains("Made on Wed 18 November, and logged afterwards."),
        "{html}"
    );
    app.stop().await;
}

#[tokio::test]
async fn many_open_promises_bring_a_gentle_word_that_blocks_nothing() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let list = format!("/spaces/{}/promises", pair.space);
    for n in 0..4 {
        small_promise(
            &app,
            &pair.a.cookie,
            &pair.space,
            &format!("Little thing {n}"),
        )
        .await;
    }
    let (_, html) = page(&app, &list, &pair.a.cookie).await;
    assert!(!html.contains("class=\"nudge\""), "four is fine");
    small_promise(&app, &pair.a.cookie, &pair.space, "Little thing 4").await;
    let (_, html) = page(&app, &list, &pair.a.cookie).await;
    assert!(html.contains("You already have 5 open promises."), "{html}");
    let (_, theirs) = page(&app, &list, &pair.b.cookie).await;
    assert!(
        !theirs.contains("class=\"nudge\""),
        "it is about one's own promises"
    );
    small_promise(&app, &pair.a.cookie, &pair.space, "Little thing 5").await;
    app.stop().await;
}

#[tokio::test]
async fn what_a_partner_typed_is_shown_as_text_never_as_markup() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let text = r#"<script>alert("x")</script> & <b>bold</b>"#;
    let path = small_promise(&app, &pair.a.cookie, &pair.space, text).await;
    step(&app, &path, "kept", &[], &pair.b.cookie).await;
    for cookie in [&pair.a.cookie, &pair.b.cookie] {
        post(
            &app,
            &format!("/spaces/{}/record/consent", pair.space),
            &[("on", "1")],
            cookie,
        )
        .await;
    }
    for page_path in [
        path.clone(),
        format!("/spaces/{}/promises", pair.space),
        format!("/spaces/{}/record", pair.space),
    ] {
        let (_, html) = page(&app, &page_path, &pair.b.cookie).await;
        assert!(
            !html.contains("<script>") && !html.contains("<b>"),
            "{page_path}: {html}"
        );
        assert!(html.contains("&#60;script&#62;"), "{page_path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn someone_from_another_couple_finds_nothing_on_any_promise_or_record_page() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let other = couple_without_tokens(&app, "cyd", "dia", "Our place").await;
    let path = small_promise(&app, &pair.a.cookie, &pair.space, "Our own business").await;
    let promise_id = path.rsplit('/').next().unwrap();
    let before = events(&app, &pair.space).await;
    let space = &pair.space;
    let reads = [
        format!("/spaces/{space}/promises"),
        path.clone(),
        format!("/spaces/{space}/record"),
        format!("/spaces/{space}/record/how"),
        // Their own space with our promise's id in it.
        format!("/spaces/{}/promises/{promise_id}", other.space),
        format!("/spaces/{space}/promises/not-an-id"),
        "/spaces/not-a-space/promises".to_owned(),
    ];
    for read in &reads {
        let (status, html) = page(&app, read, &other.a.cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{read}");
        assert!(!html.contains("Our own business"), "{read}");
    }
    let writes: [(String, &[(&str, &str)]); 14] = [
        (
            format!("/spaces/{space}/promises"),
            &[("text", "x"), ("stakes", "1")],
        ),
        (
            format!("/spaces/{space}/promises"),
            &[("text", ""), ("stakes", "9")],
        ),
        (format!("{path}/done"), &[]),
        (format!("{path}/kept"), &[("stakes", "2")]),
        (format!("{path}/not-yet"), &[]),
        (
            format!("{path}/renegotiate"),
            &[("text", "x"), ("stakes", "1"), ("reason", "x")],
        ),
        (format!("{path}/renegotiation/accept"), &[]),
        (format!("{path}/renegotiation/decline"), &[]),
        (
            format!("{path}/broken"),
            &[("severity", "4"), ("deception", "yes")],
        ),
        (format!("{path}/broken"), &[("severity", "")]),
        (format!("{path}/extend"), &[("due", "2027-01-01T10:00")]),
        (format!("{path}/let-go"), &[]),
        (format!("{path}/release"), &[]),
        (format!("/spaces/{space}/record/consent"), &[("on", "1")]),
    ];
    for (write, form) in &writes {
        let (status, html, _) = post(&app, write, form, &other.a.cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{write}");
        assert!(!html.contains("Our own business"), "{write}");
    }
    // An unknown step is no page at all, for the partners too.
    let (status, _, _) = post(&app, &format!("{path}/shred"), &[], &pair.b.cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = post(
        &app,
        &format!("{path}/renegotiation/maybe"),
        &[],
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(events(&app, &pair.space).await, before);

    // Signed out: sent to sign in first.
    let response = app.get(&format!("/spaces/{space}/promises")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    app.stop().await;
}

#[tokio::test]
async fn a_former_partner_no_longer_reaches_the_promises_and_the_one_who_stayed_keeps_them() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = small_promise(&app, &pair.a.cookie, &pair.space, "Before we parted").await;
    let (status, _, _) = post(
        &app,
        &format!("/spaces/{}/leave", pair.space),
        &[],
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = page(&app, &path, &pair.b.cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = page(
        &app,
        &format!("/spaces/{}/record", pair.space),
        &pair.b.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The one who stayed keeps them to read, with a former partner, and can make no new one.
    let (status, html) = page(
        &app,
        &format!("/spaces/{}/promises", pair.space),
        &pair.a.cookie,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Before we parted"), "{html}");
    assert!(html.contains("former partner"), "{html}");
    assert!(!html.contains(r#"name="stakes""#), "{html}");
    let (status, html) = page(&app, &path, &pair.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Ended when your partner left"), "{html}");
    let (status, _, _) = post(&app, &format!("{path}/done"), &[], &pair.a.cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "nothing can be done with it");
    app.stop().await;
}

/// Whether the record page shows figures.
fn shows_figures(html: &str) -> bool {
    html.contains("% of promises kept") || html.contains(r#"<svg class="chart""#)
}

#[tokio::test]
async fn the_record_shows_nothing_until_both_switch_it_on_and_hides_when_either_switches_off() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let record = format!("/spaces/{}/record", pair.space);
    let consent = format!("{record}/consent");
    let path = small_promise(&app, &pair.b.cookie, &pair.space, "Bring flowers").await;
    step(&app, &path, "done", &[], &pair.b.cookie).await;
    step(&app, &path, "kept", &[("stakes", "1")], &pair.a.cookie).await;

    let (status, html) = page(&app, &record, &pair.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!shows_figures(&html), "{html}");
    assert!(html.contains("never a score about a person"));
    // Plain words here; the model's name and formula only on the page that explains it.
    assert!(!html.contains("Jøsang") && !html.contains("Beta"), "{html}");
    assert!(html.contains(&format!(r#"href="{record}/how""#)), "{html}");
    assert!(html.contains("You have not switched it on."));
    assert!(html.contains("bea has not switched it on."));
    assert!(html.contains(r#"name="on" value="1""#));

    let (status, _, location) = post(&app, &consent, &[("on", "1")], &pair.a.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some(record.as_str()));
    let (_, html) = page(&app, &record, &pair.a.cookie).await;
    assert!(!shows_figures(&html));
    assert!(html.contains("You have switched it on."));
    let (_, html) = page(&app, &record, &pair.b.cookie).await;
    assert!(!shows_figures(&html), "one switch is not enough");
    assert!(
        html.contains("ash has switched it on."),
        "the partner's choice is visible"
    );

    post(&app, &consent, &[("on", "1")], &pair.b.cookie).await;
    for cookie in [&pair.a.cookie, &pair.b.cookie] {
        let (_, html) = page(&app, &record, cookie).await;
        assert!(shows_figures(&html), "{html}");
        assert!(html.contains(r#"role="img""#));
    }
    let (_, html) = page(&app, &record, &pair.a.cookie).await;
    let theirs = &html[html.find("How promises from bea to you have gone").unwrap()..];
    // One kept promise: the counts lead, and no percentage is the headline.
    assert!(theirs.contains("Too early to say."), "{theirs}");
    assert!(!theirs.contains("% of promises kept"), "{theirs}");
    assert!(theirs.contains("1 kept · 0 not kept"), "{theirs}");
    assert!(!theirs.contains("asked in time"), "{theirs}");
    assert!(theirs.contains("Why is it this?"));
    // The one outcome's share is the whole change from the start.
    assert!(
        theirs.contains("From 50% at the start to 67% now: up by 17 points."),
        "{theirs}"
    );
    assert!(
        theirs.contains("“Bring flowers”") && theirs.contains("up by 17 points"),
        "{theirs}"
    );
    let yours = &html[html
        .find("How your promises have gone, as bea confirmed them")
        .unwrap()..];
    assert!(
        yours.contains("No promise in this direction has been settled yet."),
        "{yours}"
    );

    // Either switches off alone, effective on the next request, for both.
    let (status, _, _) = post(&app, &consent, &[("on", "0")], &pair.b.cookie).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    for cookie in [&pair.a.cookie, &pair.b.cookie] {
        let (_, html) = page(&app, &record, cookie).await;
        assert!(!shows_figures(&html), "{html}");
    }
    let (_, html) = page(&app, &record, &pair.a.cookie).await;
    assert!(html.contains("bea has not switched it on."));

    let (status, _, _) = post(&app, &consent, &[("on", "maybe")], &pair.a.cookie).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    app.stop().await;
}

#[tokio::test]
async fn the_stakes_ladder_is_offered_to_the_receiving_partner_only() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    for n in 0..5 {
        let path = promise(
            &app,
            &pair.b.cookie,
            &pair.space,
            &[
                ("text", &format!("Walk the dog {n}")),
                ("stakes", "3"),
                ("domain", "home"),
            ],
        )
        .await;
        step(&app, &path, "kept", &[], &pair.a.cookie).await;
    }
    let record = format!("/spaces/{}/record", pair.space);
    for cookie in [&pair.a.cookie, &pair.b.cookie] {
        post(&app, &format!("{record}/consent"), &[("on", "1")], cookie).await;
    }
    let (_, receiver) = page(&app, &record, &pair.a.cookie).await;
    assert!(
        receiver.contains("bea has kept 5 promises to you")
            && receiver.contains("(“Matters a lot”)"),
        "{receiver}"
    );
    assert!(receiver.contains("By area"));
    assert!(receiver.contains("home: about"), "{receiver}");
    let (_, promiser) = page(&app, &record, &pair.b.cookie).await;
    assert!(shows_figures(&promiser));
    assert!(
        !promiser.contains("could invite a bigger promise"),
        "{promiser}"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_pages_speak_polish_too() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let path = small_promise(&app, &pair.a.cookie, &pair.space, "Zadzwonię").await;
    let polish = |cookie: &str| format!("{cookie}; lang=pl");
    let (_, html) = page(
        &app,
        &format!("/spaces/{}/promises", pair.space),
        &polish(&pair.a.cookie),
    )
    .await;
    assert!(html.contains("Twoje obietnice dla: bea"), "{html}");
    let (_, html) = page(&app, &path, &polish(&pair.b.cookie)).await;
    assert!(html.contains("Obietnica od: ash"), "{html}");
    assert!(html.contains("Potwierdź, że dotrzymana"));
    let (_, html) = page(
        &app,
        &format!("/spaces/{}/record", pair.space),
        &polish(&pair.b.cookie),
    )
    .await;
    assert!(html.contains("Rejestr obietnic"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn the_space_page_leads_to_the_promises_and_the_record() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let (_, html) = page(&app, &format!("/spaces/{}", pair.space), &pair.a.cookie).await;
    assert!(html.contains(&format!(r#"href="/spaces/{}/promises""#, pair.space)));
    assert!(html.contains(&format!(r#"href="/spaces/{}/record""#, pair.space)));
    let (_, help) = page(&app, "/help", &pair.a.cookie).await;
    assert!(help.contains(r#"id="promises-heading""#));
    assert!(help.contains("90 days") && help.contains("180"), "{help}");
    // The help page speaks plainly; the formula is on the record's own page.
    assert!(!help.contains("Beta reputation") && !help.contains("reliable change index"));
    app.stop().await;
}

/// The one page that names the model, its formula and the research, with the parameters the
/// model runs with, as each language writes numbers.
#[tokio::test]
async fn how_the_record_is_worked_out_names_the_formula_and_the_research() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let how = format!("/spaces/{}/record/how", pair.space);
    let (status, html) = page(&app, &how, &pair.a.cookie).await;
    assert_eq!(status, StatusCode::OK);
    for words in [
        "Jøsang",
        "Ismail",
        "Jacobson and Truax",
        "(r + W·a) / (r + s + d + W)",
        "W = 2 and a = 0.5",
        "10th to the 90th percentile",
        "(severity + 1)",
        "count 1.25 times",
        "after 90 days",
        "after 730 days",
        "Fewer than 5: too early to say",
        "from 10",
        "from 20",
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
    let (_, html) = page(&app, &how, &format!("{}; lang=pl", pair.b.cookie)).await;
    assert!(html.contains("Jak liczony jest rejestr"), "{html}");
    assert!(html.contains("W = 2, a a = 0,5"), "{html}");
    assert!(html.contains("liczą się 1,25 raza"), "{html}");
    app.stop().await;
}

/// The text of a page without its markup (tags and attributes such as `noindex` or `tabindex`).
fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Plain words everywhere else: no page a couple reads day to day names the model.
#[tokio::test]
async fn the_record_and_help_pages_speak_plainly() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let record = format!("/spaces/{}/record", pair.space);
    for cookie in [&pair.a.cookie, &pair.b.cookie] {
        post(&app, &format!("{record}/consent"), &[("on", "1")], cookie).await;
    }
    let path = small_promise(&app, &pair.b.cookie, &pair.space, "Bring flowers").await;
    step(&app, &path, "kept", &[("stakes", "1")], &pair.a.cookie).await;
    for lang in ["en", "pl"] {
        for read in [record.as_str(), "/help"] {
            let (_, html) = page(&app, read, &format!("{}; lang={lang}", pair.a.cookie)).await;
            let lower = visible_text(&html).to_lowercase();
            for word in ["beta", "jøsang", "index", "noise", "wskaźnik", "szum"] {
                assert!(!lower.contains(word), "{read} ({lang}) says {word}");
            }
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn the_first_promise_kept_between_two_is_marked_warmly_once_and_no_other() {
    let app = TestApp::builder().start().await;
    let pair = pair(&app).await;
    let first = small_promise(&app, &pair.b.cookie, &pair.space, "Call at lunch").await;
    let second = small_promise(&app, &pair.a.cookie, &pair.space, "Walk the dog").await;
    step(&app, &first, "kept", &[], &pair.a.cookie).await;
    let (_, html) = page(&app, &format!("{first}?kept=1"), &pair.a.cookie).await;
    assert!(
        html.contains("Your first promise kept, together."),
        "{html}"
    );
    // Afterwards, and for the one who kept it, a quiet line: no fanfare on every visit.
    for viewer in [&pair.a.cookie, &pair.b.cookie] {
        let (_, html) = page(&app, &first, viewer).await;
        assert!(!html.contains("Your first promise kept, together."));
        assert!(html.contains("The first promise kept between you."));
    }
    // The next one kept is simply kept: no streak, no count.
    step(&app, &second, "kept", &[], &pair.b.cookie).await;
    let (_, html) = page(&app, &format!("{second}?kept=1"), &pair.b.cookie).await;
    assert!(!html.contains("first promise kept"), "{html}");
    assert!(!html.contains("The first promise kept between you."));
    app.stop().await;
}
