//! An optional email address, for reminders the person turns on themselves. Checked only enough
//! to catch a typo: the one real check of an address is a mail that arrives.

use std::fmt;

use thiserror::Error;

#[derive(Clone, PartialEq, Eq)]
pub struct Email(String);

#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[error("that does not look like an email address")]
pub struct EmailError;

impl Email {
    /// At most 254 bytes, as SMTP allows.
    pub const MAX_BYTES: usize = 254;

    /// Trims the input; `Ok(None)` for an empty field, since the address is optional.
    pub fn parse_optional(input: &str) -> Result<Option<Email>, EmailError> {
        let email = input.trim();
        if email.is_empty() {
            return Ok(None);
        }
        let plausible = email.len() <= Self::MAX_BYTES
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            });
        if plausible {
            Ok(Some(Email(email.to_owned())))
        } else {
            Err(EmailError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An address is personal: it never goes into a log line.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_checked_for_typos_only() {
        for fine in ["a@example.org", "zażółć@przykład.pl", "  me@example.org  "] {
            assert!(
                Email::parse_optional(fine).is_ok_and(|email| email.is_some()),
                "{fine}"
            );
        }
        assert_eq!(Email::parse_optional("   "), Ok(None));
        for typo in [
            "a@b",
            "@example.org",
            "a example@x.org",
            "a@.org",
            "a@org.",
            "plain",
        ] {
            assert_eq!(Email::parse_optional(typo), Err(EmailError), "{typo}");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(Email::parse_optional(&long), Err(EmailError));
    }

    #[test]
    fn an_address_never_shows_in_debug_output() {
        let email = Email::parse_optional("secret@example.org").ok().flatten();
        assert!(!format!("{email:?}").contains("secret"));
    }
}
