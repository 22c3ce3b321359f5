//! Reminders: the "coming up" list on a space's page, and the task that sends what is due.
//!
//! Both read the reminders table the store keeps in step with the log (never a scan of spaces),
//! and both ask the visibility rule (`steadfast_core::reminder::recipients`) at the moment they
//! show or send, so a partner who left is neither shown nor sent anything more.
//!
//! The task runs whether or not mail is configured: it is also what moves a ritual on to its
//! next occurrence once one has come. With mail, it sends each due reminder to those of its
//! recipients who switched email reminders on and have an address; the message carries no
//! content and no names (`crate::mail`). A reminder is claimed before it is sent, for a lease of
//! [`RETRY_AFTER`]; a send that fails leaves it to come round again after the lease, and it is
//! marked sent only once every email for it went out.

use std::sync::Arc;
use std::time::Duration;

use steadfast_core::reminder::{self, Reminder, ReminderKind};
use steadfast_core::ritual::RitualId;
use steadfast_core::space::Member;
use steadfast_core::{PersonId, PromiseId, SpaceId, Timestamp};
use steadfast_store::{Store, StoreError};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::error::WebError;
use crate::i18n::Lang;
use crate::mail::{MailError, Mailer};
use crate::pages::promises::Zone;
use crate::{AppState, WebConfig};
use steadfast_app::clock::Clock;
use steadfast_app::promises::{self, PromiseError};
use steadfast_app::spaces;

/// How far ahead the space's page looks.
const COMING_UP_WINDOW: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// How many lines it shows at most.
const COMING_UP_SHOWN: usize = 5;
/// How often the sender looks for due reminders.
const POLL_EVERY: Duration = Duration::from_secs(30);
/// How long a claimed reminder waits before it is tried again if its send did not finish.
pub const RETRY_AFTER: Duration = Duration::from_secs(5 * 60);
/// Reminders handled per look; the rest wait for the next.
const BATCH: u32 = 100;

/// Something coming up for a person, as the list and the API show it.
pub(crate) struct Upcoming {
    pub(crate) kind: ReminderKind,
    /// The promise or ritual.
    pub(crate) item: uuid::Uuid,
    /// The promise's due time or the ritual's start.
    pub(crate) at: Timestamp,
    /// The promise's words or the ritual's name: the person may see them.
    pub(crate) label: String,
}

/// What is coming up for `person` in the space in the next week, soonest first: their promises'
/// due times, promises to them that are due for their confirmation, and rituals. Only what they
/// may see; someone not in the space is told it does not exist.
pub(crate) async fn upcoming(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
) -> Result<Vec<Upcoming>, PromiseError> {
    // The words come from the person's own fold of the space, which applies the visibility rule
    // again: an item they may not see is not found there.
    let opened = promises::open(state, person, space).await?;
    let now = state.now();
    let rows = state
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

/// One line of the "coming up" list on the space's page.
pub(crate) struct ComingUp {
    pub(crate) when: String,
    pub(crate) what: String,
    pub(crate) href: String,
}

/// The list for the space's page, in the person's language and time zone.
pub(crate) async fn coming_up(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    lang: Lang,
    zone: &Zone,
) -> Result<Vec<ComingUp>, WebError> {
    let upcoming = match upcoming(state, person, space).await {
        Ok(upcoming) => upcoming,
        Err(PromiseError::Failed(error)) => return Err(error.into()),
        // The page already checked that the person is in the space; nothing to list otherwise.
        Err(_) => return Ok(Vec::new()),
    };
    Ok(upcoming
        .into_iter()
        .map(|line| {
            let (key, href) = match line.kind {
                ReminderKind::PromiseDue => (
                    "coming-up-your-promise",
                    format!("/spaces/{space}/promises/{}", line.item),
                ),
                ReminderKind::PromiseConfirm => (
                    "coming-up-to-confirm",
                    format!("/spaces/{space}/promises/{}", line.item),
                ),
                ReminderKind::Ritual => (
                    "coming-up-ritual",
                    format!("/spaces/{space}/rituals/{}", line.item),
                ),
            };
            ComingUp {
                when: zone.show(line.at, lang),
                what: lang.t_with(key, &[("text", line.label)]),
                href,
            }
        })
        .collect())
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

/// Sends due reminders: by email where configured and wanted, and in any case moves each one on.
#[derive(Clone)]
pub struct ReminderSender {
    store: Store,
    clock: Arc<dyn Clock>,
    mailer: Option<Mailer>,
}

impl ReminderSender {
    /// Without mail settings it sends no email, and still moves reminders on.
    pub fn new(store: Store, config: &WebConfig) -> Result<Self, MailError> {
        let mailer = config.mail.as_ref().map(Mailer::new).transpose()?;
        Ok(Self {
            store,
            clock: Arc::clone(&config.clock),
            mailer,
        })
    }

    /// One round: every reminder due now, claimed, sent to whoever wants it by email, then
    /// marked sent — or, if an email failed, left for the next try.
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

    /// Emails the reminder to each recipient who wants it; answers whether any failed.
    async fn deliver(&self, row: &Reminder, report: &mut SendReport) -> Result<bool, StoreError> {
        let Some(mailer) = &self.mailer else {
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
            let lang = Lang::from_code(&choice.lang).unwrap_or_default();
            let sent = match mailer.reminder(&address, lang) {
                Ok(message) => mailer.send(message).await,
                Err(error) => Err(error),
            };
            match sent {
                Ok(()) => {
                    report.sent += 1;
                    metrics::counter!("steadfast_reminder_emails_total").increment(1);
                }
                // An address the server will never take is not retried: it would fail forever.
                Err(MailError::BadRecipient) => {
                    tracing::warn!("a reminder email was not sent: the address is unusable");
                }
                Err(error) => {
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
