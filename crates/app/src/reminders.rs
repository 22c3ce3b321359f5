//! Reminders: what is coming up for a person in a space, and the task that sends what is due.
//!
//! Both read the reminders table the store keeps in step with the log (never a scan of spaces),
//! and both ask the visibility rule (`steadfast_core::reminder::recipients`) at the moment they
//! show or send, so a partner who left is neither shown nor sent anything more.
//!
//! The task runs whether or not mail is configured: it is also what moves a ritual on to its
//! next occurrence once one has come (`steadfast_store::Store::mark_reminder_sent`). With a
//! [`Courier`] (the web side's mailer, `crates/web/src/mail.rs`), it hands each due reminder to
//! those of its recipients who switched email reminders on and have an address; what the
//! message says, and in which words, is the courier's. A reminder is claimed before it is sent,
//! for a lease of [`RETRY_AFTER`]; a send that fails leaves it to come round again after the
//! lease, and it is marked sent only once every email for it went out.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use steadfast_core::reminder::{self, Reminder, ReminderKind};
use steadfast_core::ritual::RitualId;
use steadfast_core::space::Member;
use steadfast_core::{PersonId, PromiseId, SpaceId, Timestamp};
use steadfast_store::{Store, StoreError};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::App;
use crate::clock::Clock;
use crate::promises::{self, PromiseError};
use crate::spaces;

/// How far ahead "coming up" looks.
const COMING_UP_WINDOW: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// How many lines it lists at most.
const COMING_UP_SHOWN: usize = 5;
/// How often the sender looks for due reminders.
const POLL_EVERY: Duration = Duration::from_secs(30);
/// How long a claimed reminder waits before it is tried again if its send did not finish.
pub const RETRY_AFTER: Duration = Duration::from_secs(5 * 60);
/// Reminders handled per look; the rest wait for the next.
const BATCH: u32 = 100;

/// Something coming up for a person.
#[derive(Debug)]
pub struct Upcoming {
    pub kind: ReminderKind,
    /// The promise or ritual.
    pub item: uuid::Uuid,
    /// The promise's due time or the ritual's start.
    pub at: Timestamp,
    /// The promise's words or the ritual's name: the person may see them.
    pub label: String,
}

/// What is coming up for `person` in the space in the next week, soonest first: their promises'
/// due times, promises to them that are due for their confirmation, and rituals. Only what they
/// may see; someone not in the space is told it does not exist.
pub async fn upcoming(
    app: &App,
    person: PersonId,
    space: SpaceId,
) -> Result<Vec<Upcoming>, PromiseError> {
    // The words come from the person's own fold of the space, which applies the visibility rule
    // again: an item they may not see is not found there.
    let opened = promises::open(app, person, space).await?;
    let now = app.now();
    let rows = app
        .store
        .upcoming_reminders(person, space, now, now.saturating_add(COMING_UP_WINDOW))
        .await?;
    let mut lines = Vec::new();
    for row in rows {
        if lines.len() == COMING_UP_SHOWN {
            break;
        }
        if !reminder::recipients(&row, opened.members()).contains(&person) {
            continue;
        }
        let Some(at) = row.due else { continue };
        let label = match row.kind {
            ReminderKind::PromiseDue | ReminderKind::PromiseConfirm => {
                match opened.promise(PromiseId::from_uuid(row.item)) {
                    Ok(promise) => promise.terms.text.as_str().to_owned(),
                    Err(_) => continue,
                }
            }
            ReminderKind::Ritual => {
                match opened
                    .ledger()
                    .rituals
                    .get(RitualId::from_uuid(row.item))
                    .filter(|ritual| ritual.is_active())
                {
                    Some(ritual) => ritual.name.as_str().to_owned(),
                    None => continue,
                }
            }
        };
        lines.push(Upcoming {
            kind: row.kind,
            item: row.item,
            at,
            label,
        });
    }
    Ok(lines)
}

/// Why a courier did not deliver a reminder.
#[derive(Debug)]
pub enum Undelivered {
    /// The address is one no server will ever take: not tried again, it would fail forever.
    Unusable,
    /// It failed this time (the server refused or could not be reached): the reminder comes
    /// round again after [`RETRY_AFTER`]. The words carry no address.
    Failed(String),
}

/// What a courier's delivery answers, when it is done.
pub type Delivery<'a> = Pin<Box<dyn Future<Output = Result<(), Undelivered>> + Send + 'a>>;

/// Whoever carries a reminder to a person outside the app: the web side's mailer. It writes the
/// message, in the language whose code (`en`, `pl`) the person chose emails in.
pub trait Courier: Send + Sync {
    fn deliver<'a>(&'a self, address: &'a str, lang: &'a str, kind: ReminderKind) -> Delivery<'a>;
}

async fn members(store: &Store, space: SpaceId) -> Result<Vec<Member>, StoreError> {
    Ok(store
        .members(space)
        .await?
        .iter()
        .map(spaces::member)
        .collect())
}

/// What one round of sending did, for the log and the tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SendReport {
    /// Due reminders this round took on.
    pub handled: usize,
    /// Emails that went out.
    pub sent: usize,
    /// Emails that failed; their reminders come round again after [`RETRY_AFTER`].
    pub failed: usize,
}

/// Sends due reminders: through the courier where there is one and the person wants it, and in
/// any case moves each one on.
#[derive(Clone)]
pub struct ReminderSender {
    store: Store,
    clock: Arc<dyn Clock>,
    courier: Option<Arc<dyn Courier>>,
}

impl ReminderSender {
    /// Without a courier it sends nothing, and still moves reminders on.
    pub fn new(store: Store, clock: Arc<dyn Clock>, courier: Option<Arc<dyn Courier>>) -> Self {
        Self {
            store,
            clock,
            courier,
        }
    }

    /// One round: every reminder due now, claimed, handed to the courier for whoever wants it,
    /// then marked sent — or, if a delivery failed, left for the next try.
    pub async fn send_due(&self) -> Result<SendReport, StoreError> {
        let now = self.clock.now();
        let mut report = SendReport::default();
        for due in self.store.due_reminders(now, BATCH).await? {
            let Some(claimed) = self
                .store
                .claim_reminder(&due, now.saturating_add(RETRY_AFTER))
                .await?
            else {
                continue;
            };
            report.handled += 1;
            let failed = self.deliver(&claimed, &mut report).await?;
            if failed {
                metrics::counter!("steadfast_reminder_retries_total").increment(1);
                tracing::warn!(
                    kind = claimed.kind.as_str(),
                    retry_in_s = RETRY_AFTER.as_secs(),
                    "a reminder email failed; it will be tried again"
                );
            } else {
                self.store.mark_reminder_sent(&claimed, now).await?;
            }
        }
        Ok(report)
    }

    /// Hands the reminder to the courier for each recipient who wants it; answers whether any
    /// delivery failed.
    async fn deliver(&self, row: &Reminder, report: &mut SendReport) -> Result<bool, StoreError> {
        let Some(courier) = &self.courier else {
            return Ok(false);
        };
        let members = members(&self.store, row.space).await?;
        let mut failed = false;
        for person in reminder::recipients(row, &members) {
            let Some(choice) = self.store.email_reminders(person).await? else {
                continue;
            };
            if !choice.on {
                continue;
            }
            let Some(address) = self.store.account(person).await?.and_then(|a| a.email) else {
                continue;
            };
            match courier.deliver(&address, &choice.lang, row.kind).await {
                Ok(()) => {
                    report.sent += 1;
                    metrics::counter!("steadfast_reminder_emails_total").increment(1);
                }
                // An address the server will never take is not retried: it would fail forever.
                Err(Undelivered::Unusable) => {
                    tracing::warn!("a reminder email was not sent: the address is unusable");
                }
                Err(Undelivered::Failed(error)) => {
                    report.failed += 1;
                    failed = true;
                    tracing::warn!(%error, "sending a reminder email failed");
                }
            }
        }
        Ok(failed)
    }

    /// Runs [`ReminderSender::send_due`] every half minute until stopped.
    pub fn start(self) -> RunningSender {
        let (stop, mut stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let mut ticks = tokio::time::interval(POLL_EVERY);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = &mut stopped => return,
                    _ = ticks.tick() => {}
                }
                // A round runs to its end: a claimed reminder is either marked or left for retry.
                match self.send_due().await {
                    Ok(report) if report.handled > 0 => {
                        tracing::info!(
                            handled = report.handled,
                            sent = report.sent,
                            failed = report.failed,
                            "reminders"
                        );
                    }
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "looking for due reminders failed"),
                }
            }
        });
        RunningSender { stop, task }
    }
}

/// The sending task, running.
pub struct RunningSender {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl RunningSender {
    /// Stops it after the round in progress, if any.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}
