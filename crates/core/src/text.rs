//! Short free text a person writes for their partner (a promise, a reason): checked once here so
//! every kind of text follows the same rules.

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

/// Why a piece of text was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    #[error("this cannot be empty")]
    Empty,
    #[error("this has at most {max} characters")]
    TooLong { max: usize },
    #[error("this cannot contain control or invisible characters")]
    BadCharacter,
}

/// How one kind of text is checked: at most `MAX_CHARS` characters, and line breaks only where
/// `MULTILINE`. Each text type parses through [`clean`] with its own rule, and the API's document
/// states the same rule from here, so the two cannot differ.
pub trait TextRule {
    const MAX_CHARS: usize;
    const MULTILINE: bool;
}

/// The text trimmed and in Unicode NFC, 1–`max` characters. Control characters are refused
/// (except line breaks where `multiline`), and so are the invisible characters that reorder or
/// hide text, so what a partner reads is what was written. Zero-width joiners stay allowed for
/// emoji sequences and scripts that need them.
pub fn clean(input: &str, max: usize, multiline: bool) -> Result<String, TextError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    // Longer input cannot fit after normalisation; refused before the work.
    if trimmed.len() > max.saturating_mul(16) {
        return Err(TextError::TooLong { max });
    }
    let text: String = trimmed.replace("\r\n", "\n").nfc().collect();
    if text.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    if text
        .chars()
        .any(|c| is_hidden(c) && !(multiline && c == '\n'))
    {
        return Err(TextError::BadCharacter);
    }
    Ok(text)
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

/// `Debug` that shows a length, never the words (logs must not hold what people wrote), and
/// serde through `String` checked by the type's own `parse`.
macro_rules! text_impls {
    ($($name:ident),*) => {$(
        impl $name {
            /// An optional text from a form field: blank means none.
            pub fn parse_optional(input: &str) -> Result<Option<Self>, $crate::text::TextError> {
                if input.trim().is_empty() {
                    Ok(None)
                } else {
                    Self::parse(input).map(Some)
                }
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!(stringify!($name), "({} chars)"), self.0.chars().count())
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::text::TextError;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    )*};
}

pub(crate) use text_impls;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_normalised() {
        assert_eq!(clean("  cafe\u{301} ", 10, false), Ok("café".to_owned()));
    }

    #[test]
    fn length_counts_characters_at_the_edge() {
        assert_eq!(clean(&"ż".repeat(5), 5, false), Ok("ż".repeat(5)));
        assert_eq!(
            clean(&"ż".repeat(6), 5, false),
            Err(TextError::TooLong { max: 5 })
        );
    }

    #[test]
    fn empty_hidden_and_control_text_is_refused() {
        assert_eq!(clean(" \t ", 5, false), Err(TextError::Empty));
        assert_eq!(clean("a\u{202e}b", 5, false), Err(TextError::BadCharacter));
        assert_eq!(clean("a\nb", 5, false), Err(TextError::BadCharacter));
        assert_eq!(clean("a\r\nb", 5, true), Ok("a\nb".to_owned()));
        assert_eq!(clean("a\u{7}b", 5, true), Err(TextError::BadCharacter));
    }
}
