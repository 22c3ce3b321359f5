//! Reminders in the app and by email, against a real SMTP server the test starts: a plain TCP
//! listener speaking SMTP through the `mailin` protocol library, which keeps every message it is
//! given. Time is the test's: a manual clock moves the app and the sender together.

use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use mailin::{Action, Handler, Response, SessionBuilder, response};
use reqwest::{Method, StatusCode};
use serde_json::json;
use steadfast_app::clock::ManualClock;
use steadfast_app::reminders::RETRY_AFTER;
use steadfast_core::Timestamp;
use steadfast_web::{MailConfig, WebConfig, reminder_sender};

use crate::support::TestApp;
use crate::support::app::test_clock;
use crate::support::pages::{create_space, join, json};
use crate::support::people::{Couple, PASSWORD, sign_up_with_email};

const HOUR_MS: i64 = 60 * 60 * 1000;
/// Words that must never reach an email: the promise, both login names, the partner's address.
const PROMISE: &str = "water the secret garden";
const PROMISER: &str = "ashwood";
const RECEIVER: &str = "beaumont";
const PROMISER_EMAIL: &str = "ash.private@example.net";
const RECEIVER_EMAIL: &str = "bea.private@example.net";

/// One message as the server received it.
#[derive(Clone, Debug)]
struct Received {
    from: String,
    to: Vec<String>,
    data: String,
}

#[derive(Clone, Default)]
struct Inbox(Arc<Mutex<Vec<Received>>>);

impl Inbox {
    fn messages(&self) -> Vec<Received> {
        self.0.lock().unwrap().clone()
    }
}

/// The server side of one SMTP conversation: keeps each message it accepts.
#[derive(Clone)]
struct Collector {
    inbox: Inbox,
    current: Option<Received>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.current = Some(Received {
            from: from.to_owned(),
            to: to.to_vec(),
            data: String::new(),
        });
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(current) = &mut self.current {
            current.data.push_str(&String::from_utf8_lossy(buf));
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if let Some(message) = self.current.take() {
            self.inbox.0.lock().unwrap().push(message);
        }
        response::OK
    }
}

/// A real SMTP server on 127.0.0.1, a thread per connection; it lives as long as the test.
struct SmtpServer {
    port: u16,
    inbox: Inbox,
}

impl SmtpServer {
    fn start() -> SmtpServer {
        Self::on(TcpListener::bind("127.0.0.1:0").expect("a free port"))
    }

    fn on(listener: TcpListener) -> SmtpServer {
        let port = listener.local_addr().unwrap().port();
        let inbox = Inbox::default();
        let collector = Collector {
            inbox: inbox.clone(),
            current: None,
        };
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let handler = collector.clone();
                std::thread::spawn(move || converse(stream, handler));
            }
        });
        SmtpServer { port, inbox }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }
}

fn converse(stream: TcpStream, handler: Collector) {
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let mut session =
        SessionBuilder::new("smtp.test").build(IpAddr::V4(Ipv4Addr::LOCALHOST), handler);
    if session.greeting().write_to(&mut writer).is_err() {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let reply = session.process(&line);
        match reply.action {
            Action::Reply => {
                if reply.write_to(&mut writer).is_err() || writer.flush().is_err() {
                    return;
                }
            }
            Action::Close | Action::UpgradeTls => {
                let _ = reply.write_to(&mut writer);
                let _ = writer.flush();
                return;
            }
            Action::NoReply => {}
        }
    }
}

/// A port nothing listens on (until the test starts a server there).
fn closed_port() -> TcpListener {
    TcpListener::bind("127.0.0.1:0").expect("a free port")
}

fn mail_config(clock: &ManualClock, smtp_url: String) -> WebConfig {
    WebConfig {
        mail: Some(MailConfig {
            smtp_url,
            from: "Steadfast <reminders@steadfast.test>".to_owned(),
            public_url: Some("https://us.example.org".to_owned()),
        }),
        ..TestApp::test_config(clock)
    }
}

/// Ash and Bea, each with an email address for reminders, sharing "Our garden".
async fn couple_with_emails(app: &TestApp) -> Couple {
    let a = sign_up_with_email(app, PROMISER, Some(PROMISER_EMAIL)).await;
    let b = sign_up_with_email(app, RECEIVER, Some(RECEIVER_EMAIL)).await;
    let space = create_space(app, &a.cookie, "Our garden").await;
    join(app, &a.cookie, &b.cookie, &space).await;
    Couple { a, b, space }
}

/// Ash promises Bea something due two days from the clock's now; answers the due time.
async fn promise_due_in_two_days(app: &TestApp, clock: &ManualClock, us: &Couple) -> Timestamp {
    let due = Timestamp::from_millis(clock_now(clock).as_millis() + 48 * HOUR_MS);
    let due_text = jiff::Timestamp::from_millisecond(due.as_millis())
        .unwrap()
        .to_string();
    let made = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{}/promises", us.space),
            Some(json!({ "text": PROMISE, "stakes": 2, "due": due_text })),
            Some(&us.a.cookie),
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    due
}

fn clock_now(clock: &ManualClock) -> Timestamp {
    steadfast_app::clock::Clock::now(clock)
}

/// Moves the clock to `at` (never back).
fn move_to(clock: &ManualClock, at: Timestamp) {
    let now = clock_now(clock);
    clock.advance_millis((at.as_millis() - now.as_millis()).max(0));
}

async fn opt_in(app: &TestApp, cookie: &str) {
    let saved = app
        .post_form_as("/account/reminders", &[("email", "on")], cookie)
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
}

fn assert_discreet(message: &Received) {
    // Undo quoted-printable's soft line breaks, which could split a word in two.
    let lower = message.data.replace("=\r\n", "").to_lowercase();
    for secret in [
        PROMISE,
        "secret garden",
        PROMISER,
        RECEIVER,
        RECEIVER_EMAIL,
        "our garden",
    ] {
        assert!(
            !lower.contains(&secret.to_lowercase()),
            "the email carries {secret:?}:\n{}",
            message.data
        );
    }
}

#[tokio::test]
async fn a_due_reminder_is_emailed_once_to_the_person_who_wants_it_and_says_nothing_more() {
    let smtp = SmtpServer::start();
    let clock = test_clock();
    let config = mail_config(&clock, smtp.url());
    let app = TestApp::builder().config(config.clone()).start().await;
    let us = couple_with_emails(&app).await;
    opt_in(&app, &us.a.cookie).await;
    // Bea does not switch emails on: she gets none.
    let due = promise_due_in_two_days(&app, &clock, &us).await;
    let sender = reminder_sender(app.store.clone(), &config).expect("the sender");

    let early = sender.send_due().await.expect("a round");
    assert_eq!(early.handled, 0, "nothing is due yet");
    move_to(
        &clock,
        Timestamp::from_millis(due.as_millis() - 2 * HOUR_MS),
    );
    assert_eq!(sender.send_due().await.expect("a round").handled, 0);
    assert!(smtp.inbox.messages().is_empty());

    // An hour before the due time, the promiser's reminder goes out.
    move_to(&clock, Timestamp::from_millis(due.as_millis() - HOUR_MS));
    let report = sender.send_due().await.expect("a round");
    assert_eq!((report.handled, report.sent, report.failed), (1, 1, 0));
    let inbox = smtp.inbox.messages();
    assert_eq!(inbox.len(), 1);
    let message = &inbox[0];
    assert_eq!(message.to, [PROMISER_EMAIL]);
    assert_eq!(message.from, "reminders@steadfast.test");
    assert!(
        message
            .data
            .contains("Subject: You have a reminder in Steadfast"),
        "{}",
        message.data
    );
    assert!(
        message.data.contains("https://us.example.org/"),
        "{}",
        message.data
    );
    assert_discreet(message);

    // Not again.
    clock.advance_millis(10 * 60 * 1000);
    assert_eq!(sender.send_due().await.expect("a round").handled, 0);
    assert_eq!(smtp.inbox.messages().len(), 1);

    // At the due time the receiver's reminder comes up, but she did not ask for email.
    move_to(&clock, due);
    let report = sender.send_due().await.expect("a round");
    assert_eq!((report.handled, report.sent), (1, 0));
    assert_eq!(smtp.inbox.messages().len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_reminder_that_could_not_be_sent_is_sent_later() {
    let reserved = closed_port();
    let port = reserved.local_addr().unwrap().port();
    let clock = test_clock();
    let config = mail_config(&clock, format!("smtp://127.0.0.1:{port}"));
    drop(reserved);
    let app = TestApp::builder().config(config.clone()).start().await;
    let us = couple_with_emails(&app).await;
    opt_in(&app, &us.a.cookie).await;
    let due = promise_due_in_two_days(&app, &clock, &us).await;
    let sender = reminder_sender(app.store.clone(), &config).expect("the sender");

    move_to(&clock, Timestamp::from_millis(due.as_millis() - HOUR_MS));
    let report = sender.send_due().await.expect("a round");
    assert_eq!((report.handled, report.sent, report.failed), (1, 0, 1));

    // The server comes back; the reminder waits out its lease, then goes.
    let smtp = SmtpServer::on(TcpListener::bind(("127.0.0.1", port)).expect("the port again"));
    assert_eq!(sender.send_due().await.expect("a round").handled, 0);
    clock.advance_millis(i64::try_from(RETRY_AFTER.as_millis()).unwrap());
    let report = sender.send_due().await.expect("a round");
    assert_eq!((report.handled, report.sent, report.failed), (1, 1, 0));
    let inbox = smtp.inbox.messages();
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].to, [PROMISER_EMAIL]);
    assert_discreet(&inbox[0]);
    assert_eq!(sender.send_due().await.expect("a round").handled, 0);
    app.stop().await;
}

#[tokio::test]
async fn the_email_is_written_in_the_language_the_person_chose_it_in() {
    let smtp = SmtpServer::start();
    let clock = test_clock();
    let config = mail_config(&clock, smtp.url());
    let app = TestApp::builder().config(config.clone()).start().await;
    let us = couple_with_emails(&app).await;
    let saved = app
        .client
        .post(app.url("/account/reminders"))
        .header("sec-fetch-site", "same-origin")
        .header(reqwest::header::COOKIE, &us.a.cookie)
        .header(reqwest::header::ACCEPT_LANGUAGE, "pl")
        .form(&[("email", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let due = promise_due_in_two_days(&app, &clock, &us).await;
    move_to(&clock, Timestamp::from_millis(due.as_millis() - HOUR_MS));
    let sender = reminder_sender(app.store.clone(), &config).expect("the sender");
    assert_eq!(sender.send_due().await.expect("a round").sent, 1);
    let message = &smtp.inbox.messages()[0];
    assert!(
        !message.data.contains("You have a reminder"),
        "{}",
        message.data
    );
    assert!(
        message
            .data
            .contains("Subject: Masz przypomnienie w Steadfast"),
        "{}",
        message.data
    );
    assert_discreet(message);
    app.stop().await;
}

#[tokio::test]
async fn without_an_address_or_without_mail_there_is_no_email_choice_and_no_email() {
    let clock = test_clock();
    // No mail configured: the account page says so, and the sender still moves reminders on.
    let config = TestApp::test_config(&clock);
    let app = TestApp::builder().config(config.clone()).start().await;
    let us = couple_with_emails(&app).await;
    let page = app
        .get_as("/account", &us.a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("does not send email"), "{page}");
    assert!(!page.contains("name=\"email\""), "{page}");
    let due = promise_due_in_two_days(&app, &clock, &us).await;
    move_to(&clock, Timestamp::from_millis(due.as_millis() - HOUR_MS));
    let sender = reminder_sender(app.store.clone(), &config).expect("the sender");
    let report = sender.send_due().await.expect("a round");
    assert_eq!((report.handled, report.sent), (1, 0));
    assert_eq!(sender.send_due().await.expect("a round").handled, 0);
    app.stop().await;

    // Mail configured, but an account without an address: nothing to switch on.
    let smtp = SmtpServer::start();
    let config = mail_config(&clock, smtp.url());
    let app = TestApp::builder().config(config).start().await;
    let lone = app.sign_up("noaddress", PASSWORD).await;
    let page = app.get_as("/account", &lone).await.text().await.unwrap();
    assert!(page.contains("has no email address"), "{page}");
    let saved = app
        .post_form_as("/account/reminders", &[("email", "on")], &lone)
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = app.get_as("/account", &lone).await.text().await.unwrap();
    assert!(!page.contains(r#"type="checkbox" checked"#), "{page}");
    app.stop().await;
}

#[tokio::test]
async fn the_space_page_shows_what_is_coming_up_for_each_partner_and_nothing_after_a_leave() {
    let clock = test_clock();
    let app = TestApp::builder().clock(&clock).start().await;
    let us = couple_with_emails(&app).await;
    promise_due_in_two_days(&app, &clock, &us).await;
    let path = format!("/spaces/{}", us.space);

    let ash = app.get_as(&path, &us.a.cookie).await.text().await.unwrap();
    assert!(ash.contains("Coming up this week"), "{ash}");
    assert!(ash.contains(&format!("Your promise: {PROMISE}")), "{ash}");
    let bea = app.get_as(&path, &us.b.cookie).await.text().await.unwrap();
    assert!(
        bea.contains(&format!("Yours to confirm: {PROMISE}")),
        "{bea}"
    );

    let left = app
        .post_form_as(&format!("/spaces/{}/leave", us.space), &[], &us.b.cookie)
        .await;
    assert_eq!(left.status(), StatusCode::SEE_OTHER);
    let ash = app.get_as(&path, &us.a.cookie).await.text().await.unwrap();
    assert!(!ash.contains("Coming up this week"), "{ash}");
    assert!(!ash.contains(PROMISE), "{ash}");
    app.stop().await;
}

#[tokio::test]
async fn the_api_lists_what_is_coming_up_and_switches_emails_like_the_pages() {
    let smtp = SmtpServer::start();
    let clock = test_clock();
    let app = TestApp::builder()
        .config(mail_config(&clock, smtp.url()))
        .start()
        .await;
    let us = couple_with_emails(&app).await;
    let due = promise_due_in_two_days(&app, &clock, &us).await;
    let path = format!("/api/v1/spaces/{}/reminders", us.space);

    let ash = json(app.api(Method::GET, &path, None, Some(&us.a.cookie)).await).await;
    assert_eq!(ash["coming_up"][0]["kind"], "promise_due");
    assert_eq!(ash["coming_up"][0]["label"], PROMISE);
    let at = ash["coming_up"][0]["at"].as_str().unwrap();
    let at: jiff::Timestamp = at.parse().unwrap();
    assert_eq!(at.as_millisecond(), due.as_millis());
    let bea = json(app.api(Method::GET, &path, None, Some(&us.b.cookie)).await).await;
    assert_eq!(bea["coming_up"][0]["kind"], "promise_confirm");

    let stranger = app.sign_up("stranger", PASSWORD).await;
    let refused = app.api(Method::GET, &path, None, Some(&stranger)).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let no_address = app
        .api(
            Method::PUT,
            "/api/v1/me/reminder-email",
            None,
            Some(&stranger),
        )
        .await;
    assert_eq!(no_address.status(), StatusCode::CONFLICT);
    assert_eq!(json(no_address).await["error"], "no_email_address");

    let on = app
        .api(
            Method::PUT,
            "/api/v1/me/reminder-email",
            None,
            Some(&us.a.cookie),
        )
        .await;
    assert_eq!(on.status(), StatusCode::OK);
    assert_eq!(json(on).await["on"], true);
    let off = app
        .api(
            Method::DELETE,
            "/api/v1/me/reminder-email",
            None,
            Some(&us.a.cookie),
        )
        .await;
    assert_eq!(json(off).await["on"], false);
    app.stop().await;
}

#[tokio::test]
async fn a_ritual_reminds_both_partners_without_its_name_and_shows_on_the_page() {
    let smtp = SmtpServer::start();
    let clock = test_clock();
    let config = mail_config(&clock, smtp.url());
    let app = TestApp::builder().config(config.clone()).start().await;
    let us = couple_with_emails(&app).await;
    opt_in(&app, &us.a.cookie).await;
    opt_in(&app, &us.b.cookie).await;
    let planned = app
        .api(
            Method::POST,
            &format!("/api/v1/spaces/{}/rituals", us.space),
            Some(json!({
                "name": "moonlit tango lesson",
                "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                "start": "21:00",
                "duration_minutes": 60,
            })),
            Some(&us.b.cookie),
        )
        .await;
    assert_eq!(
        planned.status(),
        StatusCode::CREATED,
        "{:?}",
        planned.text().await
    );

    let page = app
        .get_as(&format!("/spaces/{}", us.space), &us.a.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Ritual: moonlit tango lesson"), "{page}");

    // The next round after its first reminder time sends one email to each partner.
    let sender = reminder_sender(app.store.clone(), &config).expect("the sender");
    let mut rounds = 0;
    while smtp.inbox.messages().is_empty() && rounds < 30 {
        clock.advance_millis(HOUR_MS);
        sender.send_due().await.expect("a round");
        rounds += 1;
    }
    let inbox = smtp.inbox.messages();
    let mut to: Vec<_> = inbox.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, [PROMISER_EMAIL, RECEIVER_EMAIL]);
    for message in &inbox {
        assert!(
            !message.data.to_lowercase().contains("tango"),
            "{}",
            message.data
        );
        assert!(!message.data.contains(PROMISER) && !message.data.contains(RECEIVER));
        let partner = if message.to == [PROMISER_EMAIL] {
            RECEIVER_EMAIL
        } else {
            PROMISER_EMAIL
        };
        assert!(!message.data.contains(partner), "{}", message.data);
    }
    // The next day's comes a day later, not before.
    clock.advance_millis(HOUR_MS);
    sender.send_due().await.expect("a round");
    assert_eq!(smtp.inbox.messages().len(), 2);
    clock.advance_millis(23 * HOUR_MS);
    sender.send_due().await.expect("a round");
    assert_eq!(smtp.inbox.messages().len(), 4);
    app.stop().await;
}
