//! Email, for reminders only, over SMTP with rustls. A message says that there is a reminder and
//! where the app is — never what it is about, nor anyone's name (docs/PRINCIPLES.md, Feeds and
//! mail): mail is read on lock screens, in shared inboxes and by whoever holds the phone.
//!
//! The mailer is the courier the reminder sender in `steadfast-app` hands due reminders to
//! (`crates/app/src/reminders.rs`): it decides when and to whom; this writes the message in the
//! person's language and sends it.

use std::fmt;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use steadfast_app::reminders::{Courier, Delivery, Undelivered};
use steadfast_core::reminder::ReminderKind;
use thiserror::Error;

use crate::i18n::Lang;

/// How long one SMTP conversation may take before it counts as failed (and is retried later).
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// How the operator lets Steadfast send mail.
#[derive(Clone)]
pub struct MailConfig {
    /// `smtp://user:password@host:587` (STARTTLS, required whenever a password is given),
    /// `smtps://user:password@host:465` (TLS from the start), or `smtp://host:25` (plain, for a
    /// relay on this machine or network). Holds a password: never logged.
    pub smtp_url: String,
    /// The sender, `Steadfast <reminders@example.org>` or a bare address.
    pub from: String,
    /// Where people open the app (`https://us.example.org`), for the link in the mail; without
    /// it the mail has no link.
    pub public_url: Option<String>,
}

impl fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailConfig")
            .field("smtp_url", &"[redacted]")
            .field("from", &self.from)
            .field("public_url", &self.public_url)
            .finish()
    }
}

/// Why mail could not be set up or sent. Messages never carry the SMTP URL or an address.
#[derive(Debug, Error)]
pub enum MailError {
    #[error(
        "the SMTP URL is not usable: it must be smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://…"
    )]
    BadUrl,
    #[error("the sender address (STEADFAST_MAIL_FROM) is not a valid email address")]
    BadFrom,
    #[error("the recipient's address is not a valid email address")]
    BadRecipient,
    #[error("the message could not be built")]
    Build,
    /// The server refused, or could not be reached; kept as text without addresses.
    #[error("sending failed: {0}")]
    Send(String),
}

/// A ready SMTP client with the sender and the link.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: Option<String>,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer").finish_non_exhaustive()
    }
}

impl Mailer {
    pub fn new(config: &MailConfig) -> Result<Self, MailError> {
        let url = with_tls_rule(&config.smtp_url)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            .map_err(|_| MailError::BadUrl)?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = config.from.parse().map_err(|_| MailError::BadFrom)?;
        let public_url = config
            .public_url
            .as_deref()
            .map(|url| url.trim().trim_end_matches('/').to_owned())
            .filter(|url| !url.is_empty());
        Ok(Self {
            transport,
            from,
            public_url,
        })
    }

    /// The one message Steadfast sends: a fixed subject and body in `lang`, and the link.
    pub fn reminder(&self, to: &str, lang: Lang) -> Result<Message, MailError> {
        let to: Mailbox = to.parse().map_err(|_| MailError::BadRecipient)?;
        let mut body = lang.t("reminder-email-body");
        if let Some(url) = &self.public_url {
            body.push_str("\n\n");
            body.push_str(url);
            body.push('/');
        }
        body.push_str("\n\n");
        body.push_str(&lang.t("reminder-email-footer"));
        body.push('\n');
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(lang.t("reminder-email-subject"))
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|_| MailError::Build)
    }

    pub async fn send(&self, message: Message) -> Result<(), MailError> {
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| MailError::Send(describe(&error)))
    }
}

impl Courier for Mailer {
    /// The one message, in the language whose code the person chose emails in; it says nothing
    /// of the reminder's kind, nor of what it is about.
    fn deliver<'a>(&'a self, address: &'a str, lang: &'a str, _kind: ReminderKind) -> Delivery<'a> {
        Box::pin(async move {
            let lang = Lang::from_code(lang).unwrap_or_default();
            let message = self.reminder(address, lang).map_err(undelivered)?;
            self.send(message).await.map_err(undelivered)
        })
    }
}

/// A mail error as the sender weighs it: an address no server will take is not tried again.
fn undelivered(error: MailError) -> Undelivered {
    match error {
        MailError::BadRecipient => Undelivered::Unusable,
        other => Undelivered::Failed(other.to_string()),
    }
}

/// What went wrong, in words that carry no address: lettre's errors may quote the server's
/// reply, which can echo a recipient.
fn describe(error: &lettre::transport::smtp::Error) -> String {
    if error.is_timeout() {
        "timed out".to_owned()
    } else if error.is_transient() {
        format!(
            "the server answered {} (temporary)",
            error
                .status()
                .map_or_else(|| "?".to_owned(), |code| code.to_string())
        )
    } else if error.is_permanent() {
        format!(
            "the server answered {} (permanent)",
            error
                .status()
                .map_or_else(|| "?".to_owned(), |code| code.to_string())
        )
    } else if error.is_tls() {
        "TLS failed".to_owned()
    } else {
        "could not talk to the server".to_owned()
    }
}

/// A password never travels in the clear: `smtp://` with credentials and no explicit `tls=`
/// setting means STARTTLS, required.
fn with_tls_rule(url: &str) -> Result<String, MailError> {
    let url = url.trim();
    let Some(rest) = url.strip_prefix("smtp://") else {
        return if url.starts_with("smtps://") {
            Ok(url.to_owned())
        } else {
            Err(MailError::BadUrl)
        };
    };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let has_credentials = authority.contains('@');
    let names_tls = rest
        .split_once('?')
        .is_some_and(|(_, query)| query.split('&').any(|pair| pair.starts_with("tls=")));
    if has_credentials && !names_tls {
        let joiner = if rest.contains('?') { '&' } else { '?' };
        Ok(format!("{url}{joiner}tls=required"))
    } else {
        Ok(url.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_only_ever_sent_over_tls() {
        assert_eq!(
            with_tls_rule("smtp://me:secret@mail.example:587").unwrap(),
            "smtp://me:secret@mail.example:587?tls=required"
        );
        assert_eq!(
            with_tls_rule("smtp://relay.lan:25").unwrap(),
            "smtp://relay.lan:25"
        );
        assert_eq!(
            with_tls_rule("smtps://me:secret@mail.example").unwrap(),
            "smtps://me:secret@mail.example"
        );
        assert_eq!(
            with_tls_rule("smtp://me:secret@mail.example?tls=opportunistic").unwrap(),
            "smtp://me:secret@mail.example?tls=opportunistic"
        );
        assert!(with_tls_rule("http://mail.example").is_err());
    }

    #[test]
    fn the_configuration_never_shows_its_password() {
        let config = MailConfig {
            smtp_url: "smtp://me:hunter2@mail.example".to_owned(),
            from: "reminders@example.org".to_owned(),
            public_url: None,
        };
        assert!(!format!("{config:?}").contains("hunter2"));
    }

    #[tokio::test]
    async fn the_reminder_says_nothing_but_that_there_is_one_and_where() {
        let mailer = Mailer::new(&MailConfig {
            smtp_url: "smtp://127.0.0.1:2525".to_owned(),
            from: "Steadfast <reminders@example.org>".to_owned(),
            public_url: Some("https://us.example.org/".to_owned()),
        })
        .unwrap();
        for lang in Lang::ALL {
            let message = mailer.reminder("someone@example.net", lang).unwrap();
            let text = String::from_utf8(message.formatted()).unwrap();
            assert!(text.contains("https://us.example.org/"), "{text}");
            assert!(
                !text.contains("reminder-email"),
                "a missing message: {text}"
            );
        }
        assert!(matches!(
            mailer.reminder("not an address", Lang::En),
            Err(MailError::BadRecipient)
        ));
    }
}
