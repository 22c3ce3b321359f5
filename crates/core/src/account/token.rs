//! Personal API tokens: the person's own name for one, so a list of tokens can be told apart
//! ("backup script", "phone widget"), and how long one lives. The token itself is a secret made
//! and hashed at the edge.
//!
//! A token always ends: one made in a minute with someone else's unlocked phone must not read
//! the person's words for ever (docs/PRINCIPLES.md, principle 1).

use std::fmt;
use std::time::Duration;

use crate::Timestamp;

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

/// A token's label: trimmed, in Unicode NFC, at most [`TokenLabel::MAX_CHARS`] characters, with
/// no control or formatting characters. Empty is allowed (the edge shows "unnamed").
///
/// `Debug` hides it: a label is user text, and logs never carry user text.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct TokenLabel(String);

/// Why a label was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum TokenLabelError {
    #[error("a token's label has at most {max} characters")]
    TooLong { max: usize },
    #[error("a token's label cannot hold control or formatting characters")]
    BadCharacter,
}

impl TokenLabel {
    pub const MAX_CHARS: usize = 60;
    /// Longer input cannot be a valid label, so it is refused before any Unicode work.
    const MAX_INPUT_BYTES: usize = Self::MAX_CHARS * 16;

    pub fn parse(input: &str) -> Result<Self, TokenLabelError> {
        let trimmed = input.trim();
        let too_long = TokenLabelError::TooLong {
            max: Self::MAX_CHARS,
        };
        if trimmed.len() > Self::MAX_INPUT_BYTES {
            return Err(too_long);
        }
        let label: String = trimmed.nfc().collect();
        if label.chars().count() > Self::MAX_CHARS {
            return Err(too_long);
        }
        if label.chars().any(is_hidden) {
            return Err(TokenLabelError::BadCharacter);
        }
        Ok(Self(label))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// How many days a new token lives: [`TokenLifetime::DEFAULT_DAYS`] unless the person chooses,
/// at least one and at most [`TokenLifetime::MAX_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLifetime {
    days: u16,
}

/// Why a lifetime was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[error("a token lives between {min} and {max} days")]
pub struct TokenLifetimeError {
    pub min: u16,
    pub max: u16,
}

impl TokenLifetime {
    pub const DEFAULT_DAYS: u16 = 90;
    pub const MAX_DAYS: u16 = 365;
    const DAY: Duration = Duration::from_secs(24 * 60 * 60);

    /// The person's choice of days, or the default when they made none.
    pub fn days(choice: Option<i64>) -> Result<Self, TokenLifetimeError> {
        let Some(days) = choice else {
            return Ok(Self {
                days: Self::DEFAULT_DAYS,
            });
        };
        u16::try_from(days)
            .ok()
            .filter(|days| (1..=Self::MAX_DAYS).contains(days))
            .map(|days| Self { days })
            .ok_or(TokenLifetimeError {
                min: 1,
                max: Self::MAX_DAYS,
            })
    }

    /// When a token made at `made` stops working.
    pub fn expires(self, made: Timestamp) -> Timestamp {
        made.saturating_add(Self::DAY * u32::from(self.days))
    }
}

/// Whether a token that expires at `expires_at` still signs anyone in at `now`.
pub fn token_is_live(expires_at: Timestamp, now: Timestamp) -> bool {
    now < expires_at
}

/// Characters that do not show, or change how the text around them shows: control characters,
/// zero-width characters and bidirectional overrides.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

impl fmt::Debug for TokenLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenLabel(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn labels_are_trimmed_and_may_be_empty() {
        assert_eq!(
            TokenLabel::parse("  backup script ").unwrap().as_str(),
            "backup script"
        );
        assert!(TokenLabel::parse("   ").unwrap().is_empty());
        assert_eq!(
            TokenLabel::parse("zażółć 🙂").unwrap().as_str(),
            "zażółć 🙂"
        );
    }

    #[test]
    fn sixty_characters_are_enough_and_sixty_one_are_not() {
        assert!(TokenLabel::parse(&"ą".repeat(60)).is_ok());
        assert_eq!(
            TokenLabel::parse(&"ą".repeat(61)),
            Err(TokenLabelError::TooLong { max: 60 })
        );
        assert_eq!(
            TokenLabel::parse(&"a".repeat(100_000)),
            Err(TokenLabelError::TooLong { max: 60 })
        );
    }

    #[test]
    fn hidden_characters_are_refused() {
        for label in [
            "a\u{0}b",
            "line\nbreak",
            "zero\u{200b}width",
            "\u{202e}reversed",
        ] {
            assert_eq!(
                TokenLabel::parse(label),
                Err(TokenLabelError::BadCharacter),
                "{label:?}"
            );
        }
    }

    #[test]
    fn debug_output_does_not_show_the_label() {
        let label = TokenLabel::parse("my secret script").unwrap();
        assert_eq!(format!("{label:?}"), "TokenLabel(<redacted>)");
    }

    #[test]
    fn a_token_lives_ninety_days_unless_chosen_and_never_past_a_year() {
        let made = Timestamp::from_millis(1_000);
        let day = 24 * 60 * 60 * 1_000;
        let default = TokenLifetime::days(None).unwrap();
        assert_eq!(
            default.expires(made),
            Timestamp::from_millis(1_000 + 90 * day)
        );
        assert_eq!(
            TokenLifetime::days(Some(365)).unwrap().expires(made),
            Timestamp::from_millis(1_000 + 365 * day)
        );
        assert_eq!(
            TokenLifetime::days(Some(1)).unwrap().expires(made),
            Timestamp::from_millis(1_000 + day)
        );
        for refused in [0, -1, 366, i64::MAX, i64::MIN] {
            assert_eq!(
                TokenLifetime::days(Some(refused)),
                Err(TokenLifetimeError { min: 1, max: 365 }),
                "{refused}"
            );
        }
    }

    #[test]
    fn a_token_stops_at_its_expiry() {
        let expires = Timestamp::from_millis(10_000);
        assert!(token_is_live(expires, Timestamp::from_millis(9_999)));
        assert!(!token_is_live(expires, expires));
        assert!(!token_is_live(expires, Timestamp::from_millis(10_001)));
    }

    proptest! {
        #[test]
        fn an_accepted_label_is_within_bounds_and_parses_to_itself(text in "\\PC{0,80}") {
            if let Ok(label) = TokenLabel::parse(&text) {
                prop_assert!(label.as_str().chars().count() <= TokenLabel::MAX_CHARS);
                prop_assert_eq!(TokenLabel::parse(label.as_str()), Ok(label.clone()));
            }
        }
    }
}
