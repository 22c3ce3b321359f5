//! Personal API tokens: the person's own name for one, so a list of tokens can be told apart
//! ("backup script", "phone widget"). The token itself is a secret made and hashed at the edge.

use std::fmt;

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
