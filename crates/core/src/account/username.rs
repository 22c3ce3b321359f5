//! The login name: what a person types to sign in, and the key that keeps names unique.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A login name that met the rules below. It keeps two forms:
///
/// - [`as_str`](Self::as_str): as the person typed it (trimmed, in Unicode NFC so the same-looking
///   name is always stored the same way), for display;
/// - [`key`](Self::key): NFKC, lowercased, NFKC again — the form uniqueness and sign-in look up,
///   so "Alex", "alex" and a full-width "ａｌｅｘ" are one name.
///
/// Rules: 3–32 characters (characters, not bytes); Unicode letters and digits plus `_`, `.` and
/// `-`, with at least one letter or digit. A combining mark that NFC cannot fold into its letter
/// (a Thai tone mark, say) may follow a letter or digit, at most two in a row, so accents stay
/// possible and a name cannot grow a tower of marks. Whitespace, control and formatting
/// characters (zero-width spaces, direction overrides) are refused.
///
/// `Debug` does not show the name: a login name can identify a person, and logs never carry
/// user text.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username {
    typed: String,
    key: String,
}

/// Why a login name was refused. Each variant has one stable meaning for the edge to map.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum UsernameError {
    #[error("a login name has at least {min} characters")]
    TooShort { min: usize },
    #[error("a login name has at most {max} characters")]
    TooLong { max: usize },
    #[error("a login name uses only letters, digits, '_', '.' and '-'")]
    BadCharacter,
    #[error("a login name needs at least one letter or digit")]
    NoLetterOrDigit,
}

impl Username {
    pub const MIN_CHARS: usize = 3;
    pub const MAX_CHARS: usize = 32;
    /// Input longer than this many bytes cannot be a valid name whatever its normalisation, so
    /// it is refused before any Unicode work is spent on it.
    const MAX_INPUT_BYTES: usize = Self::MAX_CHARS * 16;

    pub fn parse(input: &str) -> Result<Self, UsernameError> {
        let trimmed = input.trim();
        if trimmed.len() > Self::MAX_INPUT_BYTES {
            return Err(UsernameError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        let typed: String = trimmed.nfc().collect();
        let chars = typed.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(UsernameError::TooShort {
                min: Self::MIN_CHARS,
            });
        }
        if chars > Self::MAX_CHARS {
            return Err(UsernameError::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        if !uses_allowed_characters(&typed) {
            return Err(UsernameError::BadCharacter);
        }
        if !typed.chars().any(char::is_alphanumeric) {
            return Err(UsernameError::NoLetterOrDigit);
        }
        let key = canonical_key(&typed);
        Ok(Self { typed, key })
    }

    /// The name as the person typed it, for display.
    pub fn as_str(&self) -> &str {
        &self.typed
    }

    /// The canonical form that is unique across accounts and that sign-in looks up.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// Unicode's compatibility caseless matching, approximated with what std offers: NFKC folds
/// look-alike compatibility forms (full-width letters, ligatures), lowercasing folds case, and
/// the second NFKC puts back anything lowercasing decomposed. Full case folding would also fold
/// the few letters lowercasing leaves apart ("ß" and "ss"); std does not offer it, and two such
/// names coexisting is harmless.
pub(crate) fn canonical_key(text: &str) -> String {
    let folded: String = text
        .nfkc()
        .flat_map(char::to_lowercase)
        // Greek final sigma is a spelling of σ; case folding maps it so, and NFKC produces it
        // from the lunate sigma symbol, so without this "ϲ" and "Ϲ" would be two names.
        .map(|c| if c == 'ς' { 'σ' } else { c })
        .collect();
    folded.nfkc().collect()
}

/// At most this many combining marks may follow one letter or digit.
const MAX_MARKS_IN_A_ROW: usize = 2;

fn uses_allowed_characters(name: &str) -> bool {
    let mut after_base = false;
    let mut marks = 0;
    for c in name.chars() {
        if is_combining_mark(c) && !c.is_alphanumeric() {
            marks += 1;
            if !after_base || marks > MAX_MARKS_IN_A_ROW {
                return false;
            }
        } else if c.is_alphanumeric() {
            after_base = true;
            marks = 0;
        } else if matches!(c, '_' | '.' | '-') {
            after_base = false;
            marks = 0;
        } else {
            return false;
        }
    }
    true
}

impl fmt::Debug for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Username(<redacted>)")
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.typed)
    }
}

impl TryFrom<String> for Username {
    type Error = UsernameError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Username> for String {
    fn from(name: Username) -> Self {
        name.typed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(input: &str) -> String {
        match Username::parse(input) {
            Ok(name) => name.key().to_owned(),
            Err(e) => panic!("{input:?} was refused: {e}"),
        }
    }

    #[test]
    fn names_are_trimmed_and_keep_their_typed_case_for_display() {
        let name = Username::parse("  Alex_K  ").unwrap();
        assert_eq!(name.as_str(), "Alex_K");
        assert_eq!(name.to_string(), "Alex_K");
        assert_eq!(name.key(), "alex_k");
    }

    #[test]
    fn names_differing_only_in_case_share_one_key() {
        assert_eq!(key("Alex"), key("alex"));
        assert_eq!(key("ALEX"), key("aLeX"));
    }

    #[test]
    fn polish_letters_are_letters() {
        let name = Username::parse("Żółw.Łukasz-ąęśćń").unwrap();
        assert_eq!(name.as_str(), "Żółw.Łukasz-ąęśćń");
        assert_eq!(name.key(), "żółw.łukasz-ąęśćń");
        assert_eq!(key("ŁUKASZ"), key("łukasz"));
    }

    #[test]
    fn decomposed_and_composed_accents_are_the_same_name() {
        // "zażółć" typed with combining marks, as some keyboards send it.
        let decomposed = "zaz\u{307}o\u{301}\u{142}c\u{301}";
        let name = Username::parse(decomposed).unwrap();
        assert_eq!(name.as_str(), "zażółć");
        assert_eq!(name.key(), key("ZAŻÓŁĆ"));
    }

    #[test]
    fn a_few_combining_marks_may_follow_a_letter_but_not_a_tower() {
        // Thai "น้ำ": a tone mark and a vowel sign that NFC leaves as separate characters.
        assert!(Username::parse("น้ำใจ").is_ok());
        assert!(Username::parse("İlker").is_ok());
        assert_eq!(
            Username::parse("alex\u{20d7}\u{20d7}\u{20d7}"),
            Err(UsernameError::BadCharacter)
        );
        assert_eq!(
            Username::parse("\u{20d7}alex"),
            Err(UsernameError::BadCharacter)
        );
        assert_eq!(
            Username::parse("al_\u{20d7}ex"),
            Err(UsernameError::BadCharacter)
        );
    }

    #[test]
    fn full_width_letters_fold_onto_the_plain_name() {
        assert_eq!(key("ＡＬＥＸ"), key("alex"));
    }

    #[test]
    fn every_greek_sigma_is_one_letter() {
        assert_eq!(key("ΟΔΥΣΣΕΥΣ"), key("οδυσσευς"));
        assert_eq!(key("ϹøA"), key("ϲøa"));
    }

    #[test]
    fn scripts_beyond_latin_are_welcome() {
        for name in ["Дарья", "美咲子", "أحمد", "Ελένη", "राधा", "user٣"]
        {
            assert!(Username::parse(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_two_character_name_is_too_short_in_any_script() {
        assert_eq!(
            Username::parse("美咲"),
            Err(UsernameError::TooShort { min: 3 })
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(Username::parse("żół").is_ok());
        assert!(Username::parse(&"ż".repeat(32)).is_ok());
        assert_eq!(
            Username::parse(&"ż".repeat(33)),
            Err(UsernameError::TooLong { max: 32 })
        );
        assert_eq!(
            Username::parse("ab"),
            Err(UsernameError::TooShort { min: 3 })
        );
        assert_eq!(
            Username::parse("   "),
            Err(UsernameError::TooShort { min: 3 })
        );
    }

    #[test]
    fn huge_input_is_refused_as_too_long() {
        assert_eq!(
            Username::parse(&"a".repeat(1_000_000)),
            Err(UsernameError::TooLong { max: 32 })
        );
    }

    #[test]
    fn spaces_symbols_controls_and_invisible_characters_are_refused() {
        for name in [
            "alex k",
            "alex\tk",
            "alex\u{0}k",
            "alex@home",
            "alex+1",
            "al/ex",
            "alex\u{200b}k",
            "alex\u{202e}k",
            "😀😀😀",
        ] {
            assert_eq!(
                Username::parse(name),
                Err(UsernameError::BadCharacter),
                "{name:?}"
            );
        }
    }

    #[test]
    fn a_name_of_only_punctuation_is_refused() {
        assert_eq!(Username::parse("._-"), Err(UsernameError::NoLetterOrDigit));
        assert!(Username::parse("a.-").is_ok());
    }

    #[test]
    fn debug_output_does_not_show_the_name() {
        let name = Username::parse("secretname").unwrap();
        assert!(!format!("{name:?}").contains("secretname"));
    }

    #[test]
    fn serde_round_trips_through_the_typed_form_and_refuses_invalid_names() {
        let name = Username::parse("Alex").unwrap();
        let json = serde_json::to_string(&name).unwrap();
        assert_eq!(json, "\"Alex\"");
        assert_eq!(serde_json::from_str::<Username>(&json).unwrap(), name);
        assert!(serde_json::from_str::<Username>("\"a b\"").is_err());
    }

    proptest! {
        #[test]
        fn parsing_the_typed_form_again_gives_the_same_name(input in "[\\p{L}\\p{N}_.-]{0,40}") {
            if let Ok(name) = Username::parse(&input) {
                prop_assert_eq!(Username::parse(name.as_str()), Ok(name.clone()));
                if let Ok(lower) = Username::parse(&name.as_str().to_lowercase()) {
                    prop_assert_eq!(lower.key(), name.key());
                }
                let flipped: String = name.as_str().chars().map(flip_ascii_case).collect();
                let flipped = Username::parse(&flipped).map(|n| n.key().to_owned());
                prop_assert_eq!(flipped, Ok(name.key().to_owned()));
            }
        }

        #[test]
        fn parsing_any_text_never_panics(input in "\\PC{0,60}") {
            let _ = Username::parse(&input);
        }
    }

    fn flip_ascii_case(c: char) -> char {
        if c.is_ascii_lowercase() {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        }
    }
}
