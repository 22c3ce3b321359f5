//! Alex watches for the moment joint repair work pauses, to learn that Sam has just told the
//! safety check she is afraid, or pressed "pause". He keeps the repair pages open, reloads them
//! the second she puts her phone down, and compares with what he would see had he paused himself.
//! Nothing changes at that moment, and when the pause begins (at the space's next 04:00) every
//! page and API answer he can fetch, and every page on her phone, is the same whichever of them
//! asked for it.

use reqwest::Method;
use serde_json::json;

use crate::repairs::{answer_safety, open_plan};
use crate::support::TestApp;
use crate::support::api::call;
use crate::support::app::{test_clock, to_next_morning};
use crate::support::people::{Couple, Person, couple};
use steadfast_app::clock::ManualClock;
use steadfast_core::SessionPolicy;
use steadfast_web::WebConfig;

/// How the pause was asked for.
#[derive(Clone, Copy)]
enum Asked {
    WorriedAnswer,
    PauseButton,
}

/// Every id in a text replaced by `<id>`: two runs give the couple, the space and the plan ids
/// of their own; what is shown must not differ otherwise.
fn without_ids(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let uuid_at = |i: usize| {
        bytes.len() >= i + 36
            && bytes[i..i + 36].iter().enumerate().all(|(n, b)| match n {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
    };
    while i < bytes.len() {
        if uuid_at(i) {
            out.push_str("<id>");
            i += 36;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8().max(1);
        }
    }
    out
}

/// What `who` can fetch about joint work: the API's safety state, plan and plan list, and the
/// space, repairs, plan and safety pages.
async fn everything_seen_by(app: &TestApp, who: &Person, us: &Couple, plan: &str) -> Vec<String> {
    let space = &us.space;
    let mut seen = Vec::new();
    for path in [
        format!("/api/v1/spaces/{space}/safety"),
        format!("/api/v1/spaces/{space}/repairs"),
        format!("/api/v1/spaces/{space}/repairs/{plan}"),
    ] {
        let answer = call(app, who, Method::GET, &path, None).await;
        seen.push(without_ids(&format!("{path}: {}", answer.ok())));
    }
    for path in [
        format!("/spaces/{space}"),
        format!("/spaces/{space}/repairs"),
        format!("/spaces/{space}/repairs/{plan}"),
        format!("/spaces/{space}/safety"),
    ] {
        let page = app.get_as(&path, &who.cookie).await;
        assert_eq!(page.status(), 200, "{path}");
        seen.push(without_ids(&format!(
            "{path}: {}",
            page.text().await.unwrap()
        )));
    }
    seen
}

/// One run: Alex (`a`) and Sam (`b`) both answered calmly; then `pauser` asks for a pause.
/// What each of them can see just before, just after, and the next morning.
struct Run {
    before: [Vec<String>; 2],
    just_after: [Vec<String>; 2],
    next_morning: [Vec<String>; 2],
}

async fn run(sam_pauses: bool, asked: Asked) -> Run {
    let clock: ManualClock = test_clock();
    let app = TestApp::builder()
        .config(WebConfig {
            session_policy: SessionPolicy {
                idle: std::time::Duration::from_secs(7 * 86_400),
                absolute: std::time::Duration::from_secs(7 * 86_400),
            },
            ..TestApp::test_config(&clock)
        })
        .start()
        .await;
    let us = couple(&app, "alex", "sam").await;
    let plan = open_plan(&app, &us, None).await;
    answer_safety(&app, &us.a, &us.space, false).await.ok();
    answer_safety(&app, &us.b, &us.space, false).await.ok();
    let both = async |app: &TestApp| {
        [
            everything_seen_by(app, &us.a, &us, &plan).await,
            everything_seen_by(app, &us.b, &us, &plan).await,
        ]
    };
    let before = both(&app).await;

    let pauser = if sam_pauses { &us.b } else { &us.a };
    let acted = match asked {
        Asked::WorriedAnswer => {
            app.post_form_as(
                &format!("/spaces/{}/safety", us.space),
                &[("afraid", "yes"), ("pressured", "no"), ("unsafe_now", "no")],
                &pauser.cookie,
            )
            .await
        }
        Asked::PauseButton => {
            app.post_form_as(
                &format!("/spaces/{}/safety/pause", us.space),
                &[],
                &pauser.cookie,
            )
            .await
        }
    };
    assert_eq!(acted.status(), 200);
    let acted = acted.text().await.unwrap();
    assert!(
        acted.contains("It takes effect on"),
        "the pauser is told when"
    );

    let just_after = both(&app).await;
    to_next_morning(&clock);
    let next_morning = both(&app).await;
    // The pause did begin: a joint step is refused for both.
    for who in [&us.a, &us.b] {
        let step = call(
            &app,
            who,
            Method::POST,
            &format!("/api/v1/spaces/{}/repairs/{plan}/progress", us.space),
            Some(json!({ "text": "talked it through" })),
        )
        .await;
        step.refused(reqwest::StatusCode::CONFLICT, "paused");
    }
    app.stop().await;
    Run {
        before,
        just_after,
        next_morning,
    }
}

#[tokio::test]
async fn the_moment_of_a_pause_and_who_asked_for_it_show_nowhere() {
    for asked in [Asked::WorriedAnswer, Asked::PauseButton] {
        let sam = run(true, asked).await;
        let alex = run(false, asked).await;
        // Nothing changes for either at the moment it was asked for.
        assert_eq!(sam.before, sam.just_after);
        assert_eq!(alex.before, alex.just_after);
        // The next morning, each partner's views are the same whichever of them paused: Alex
        // learns nothing from his own pages, nor from Sam's phone.
        for viewer in 0..2 {
            for (by_sam, by_alex) in sam.next_morning[viewer]
                .iter()
                .zip(&alex.next_morning[viewer])
            {
                assert_eq!(by_sam, by_alex);
            }
        }
        assert!(
            sam.next_morning[0]
                .iter()
                .any(|view| view.contains("\"joint_paused\":true"))
        );
        assert_ne!(
            sam.before, sam.next_morning,
            "the pause did show, as a pause"
        );
    }
}

#[tokio::test]
async fn alex_cannot_lift_sams_pause() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let us = couple(&app, "alex", "sam").await;
    let plan = open_plan(&app, &us, None).await;
    answer_safety(&app, &us.a, &us.space, false).await.ok();
    answer_safety(&app, &us.b, &us.space, false).await.ok();
    call(
        &app,
        &us.b,
        Method::POST,
        &format!("/api/v1/spaces/{}/safety/pause", us.space),
        None,
    )
    .await
    .ok();
    to_next_morning(&clock);
    // Alex says he is ready, answers calmly, and waits a week of mornings.
    for _ in 0..7 {
        for (method, path, body) in [
            (Method::POST, "safety/ready", None),
            (
                Method::PUT,
                "safety",
                Some(json!({ "afraid": false, "pressured": false, "unsafe_now": false })),
            ),
        ] {
            call(
                &app,
                &us.a,
                method,
                &format!("/api/v1/spaces/{}/{path}", us.space),
                body,
            )
            .await
            .ok();
        }
        to_next_morning(&clock);
    }
    let shown = call(
        &app,
        &us.a,
        Method::GET,
        &format!("/api/v1/spaces/{}/repairs/{plan}", us.space),
        None,
    )
    .await;
    assert_eq!(shown.ok()["joint_paused"], true);
    app.stop().await;
}
