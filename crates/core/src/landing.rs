//! How the hurt partner answers an apology or an accountability step: "this landed" or "not yet",
//! with an optional word about what would help. "Not yet" keeps the step open. Shared by repair
//! plans, boundary crossings and promises not kept, so every apology is answered the same way.

use serde::{Deserialize, Serialize};

use crate::text::{self, TextError, TextRule, text_impls};

/// The hurt partner's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Landing {
    /// It reached them: the step is done.
    Landed,
    /// Not yet: the step stays open, and the other may learn what would help.
    NotYet,
}

impl Landing {
    pub const ALL: [Landing; 2] = [Landing::Landed, Landing::NotYet];

    /// The stable snake_case name (API, forms, locale ids).
    pub const fn as_str(self) -> &'static str {
        match self {
            Landing::Landed => "landed",
            Landing::NotYet => "not_yet",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        match input {
            "landed" => Some(Landing::Landed),
            "not_yet" => Some(Landing::NotYet),
            _ => None,
        }
    }

    /// Whether the step this answers stays open.
    pub const fn keeps_open(self) -> bool {
        matches!(self, Landing::NotYet)
    }
}

/// The optional word that goes with an answer ("what would help is…"): 1–500 characters, line
/// breaks allowed. `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LandingWord(String);

impl TextRule for LandingWord {
    const MAX_CHARS: usize = 500;
    const MULTILINE: bool = true;
}

impl LandingWord {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(LandingWord);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_their_names_and_only_not_yet_keeps_a_step_open() {
        for landing in [Landing::Landed, Landing::NotYet] {
            assert_eq!(Landing::parse(landing.as_str()), Some(landing));
        }
        assert_eq!(Landing::parse("maybe"), None);
        assert!(Landing::NotYet.keeps_open());
        assert!(!Landing::Landed.keeps_open());
    }

    #[test]
    fn a_blank_word_is_none_and_a_word_is_checked() {
        assert_eq!(LandingWord::parse_optional(" \n "), Ok(None));
        assert_eq!(
            LandingWord::parse_optional("a hug").map(|w| w.map(|w| w.as_str().to_owned())),
            Ok(Some("a hug".to_owned()))
        );
        assert!(LandingWord::parse_optional(&"x".repeat(501)).is_err());
    }
}
