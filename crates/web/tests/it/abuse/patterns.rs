//! Alex answers every check-in's private "how did that go" with −5, hoping the patterns page will
//! tell him, check-in by check-in, when Sam felt it went well. It never does: what he gets is the
//! same whatever Sam answered.

use reqwest::Method;
use serde_json::Value;

use crate::support::TestApp;
use crate::support::api::call;
use crate::support::people::couple;

/// Alex's patterns after three completed check-ins where he answered −5 and Sam `sams`.
async fn alex_after(sams: [i64; 3]) -> Value {
    let app = TestApp::builder().start().await;
    let us = couple(&app, "alex", "sam").await;
    let feelings: Vec<(i64, i64)> = sams.iter().map(|&sam| (-5, sam)).collect();
    crate::patterns::complete_check_ins(&app, &us, &feelings).await;
    let path = format!("/api/v1/spaces/{}/patterns", us.space);
    let alex = call(&app, &us.a, Method::GET, &path, None).await;
    let mut body = alex.ok().clone();
    app.stop().await;
    // Ids and times differ between the two runs; what is told must not.
    for pattern in body["patterns"].as_array_mut().into_iter().flatten() {
        let evidence = pattern["evidence"].as_array().map_or(0, Vec::len);
        pattern["evidence"] = Value::from(evidence);
    }
    body
}

#[tokio::test]
async fn answering_minus_five_every_week_reveals_nothing_of_the_partners_sealed_answers() {
    let when_sam_was_happy = alex_after([5, 5, 5]).await;
    let when_sam_was_not = alex_after([-5, 0, -3]).await;
    assert_eq!(when_sam_was_happy, when_sam_was_not);
    // Alex is still told his own check-ins went badly: the pattern reads his answers only.
    assert_eq!(when_sam_was_happy["patterns"][0]["kind"], "hard_check_ins");
    assert_eq!(when_sam_was_happy["patterns"][0]["evidence"], 3);
}
