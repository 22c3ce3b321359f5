//! A space's name, which its partners choose and see at the top of every page.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

use crate::text::TextRule;

/// A space's name: trimmed, in Unicode NFC, 1–80 characters, free text otherwise. Control
/// characters are refused, and so are the invisible characters that reorder or hide text
/// (direction overrides and isolates, line and paragraph separators, zero-width characters), so
/// a partner cannot rename the space into something that displays as other words. Zero-width
/// joiners stay allowed: emoji sequences (❤️‍🔥) and Persian spelling need them.
///
/// `Debug` does not show the name: it is the couple's own words, and logs never carry user text.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SpaceName(String);

/// Why a space name was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum SpaceNameError {
    #[error("a space needs a name")]
    Empty,
    #[error("a space name has at most {max} characters")]
    TooLong { max: usize },
    #[error("a space name cannot contain control or invisible characters")]
    BadCharacter,
}

impl TextRule for SpaceName {
    const MAX_CHARS: usize = 80;
    const MULTILINE: bool = false;
}

impl SpaceName {
    /// Longer input cannot be a valid name after normalisation; refused before the work.
    const MAX_INPUT_BYTES: usize = Self::MAX_CHARS * 16;

    pub fn parse(input: &str) -> Result<Self, SpaceNameError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(SpaceNameError::Empty);
        }
        if trimmed.len() > Self::MAX_INPUT_BYTES {
            return Err(SpaceNameError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        let name: String = trimmed.nfc().collect();
        if name.chars().count() > Self::MAX_CHARS {
            return Err(SpaceNameError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        if name.chars().any(is_hidden) {
            return Err(SpaceNameError::BadCharacter);
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}' // zero-width space
                | '\u{2028}'..='\u{202e}' // line/paragraph separators, embeddings, overrides
                | '\u{2060}'..='\u{2069}' // word joiner, invisible operators, isolates
                | '\u{feff}' // zero-width no-break space
        )
}

impl fmt::Debug for SpaceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SpaceName(<redacted>)")
    }
}

impl fmt::Display for SpaceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for SpaceName {
    type Error = SpaceNameError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<SpaceName> for String {
    fn from(name: SpaceName) -> Self {
        name.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_free_text_otherwise() {
        let name = SpaceName::parse("  Ala & Bartek — nasz dom 🏡 ").unwrap();
        assert_eq!(name.as_str(), "Ala & Bartek — nasz dom 🏡");
        assert_eq!(SpaceName::parse("x").unwrap().as_str(), "x");
        assert!(SpaceName::parse("❤️‍🔥 👩‍❤️‍👨").is_ok());
    }

    #[test]
    fn an_empty_or_blank_name_is_refused() {
        assert_eq!(SpaceName::parse(""), Err(SpaceNameError::Empty));
        assert_eq!(SpaceName::parse(" \t\n "), Err(SpaceNameError::Empty));
    }

    #[test]
    fn eighty_characters_fit_and_eighty_one_do_not() {
        assert!(SpaceName::parse(&"ż".repeat(80)).is_ok());
        assert_eq!(
            SpaceName::parse(&"ż".repeat(81)),
            Err(SpaceNameError::TooLong { max: 80 })
        );
        assert_eq!(
            SpaceName::parse(&"a".repeat(100_000)),
            Err(SpaceNameError::TooLong { max: 80 })
        );
    }

    #[test]
    fn control_and_text_reordering_characters_are_refused() {
        for name in [
            "us\ntwo",
            "us\u{7}",
            "us\u{202e}owt",
            "us\u{2066}x",
            "a\u{200b}b",
        ] {
            assert_eq!(
                SpaceName::parse(name),
                Err(SpaceNameError::BadCharacter),
                "{name:?}"
            );
        }
    }

    #[test]
    fn debug_output_does_not_show_the_name() {
        let name = SpaceName::parse("our secret place").unwrap();
        assert!(!format!("{name:?}").contains("secret"));
    }
}
