//! What a promise says: its words, stakes, due time and trust domain, each checked once.

use serde::{Deserialize, Serialize};

pub use crate::scale::ScaleError;
use crate::scale::scale;
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

/// What is promised, in the promiser's words: 1–280 characters. `Debug` hides it: logs never
/// carry user text.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PromiseText(String);

impl TextRule for PromiseText {
    const MAX_CHARS: usize = 280;
    const MULTILINE: bool = false;
}

impl PromiseText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a renegotiation is asked for: 1–500 characters, line breaks allowed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reason(String);

impl TextRule for Reason {
    const MAX_CHARS: usize = 500;
    const MULTILINE: bool = true;
}

impl Reason {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A trust domain the couple names for themselves ("money", "time", "phone"): 1–40
/// characters, compared case-insensitively so "Money" and "money" are one domain.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TrustDomain(String);

impl TextRule for TrustDomain {
    const MAX_CHARS: usize = 40;
    const MULTILINE: bool = false;
}

impl TrustDomain {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(|text| Self(text.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(PromiseText, Reason, TrustDomain);

scale!(
    /// How much a promise matters, 1–5: the promiser proposes, the receiver may change it when
    /// confirming.
    Stakes: u8, 1, 5
);
scale!(
    /// How badly a breach hurt, 1–4, as the receiver judges it.
    Severity: u8, 1, 4
);

/// The terms of a promise: what, how much it matters, and by when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    pub text: PromiseText,
    pub stakes: Stakes,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stakes_and_severity_take_their_scales_only() {
        assert!(Stakes::new(0).is_err());
        assert_eq!(Stakes::new(1).map(Stakes::get), Ok(1));
        assert_eq!(Stakes::new(5).map(Stakes::get), Ok(5));
        assert_eq!(Stakes::new(6), Err(ScaleError { min: 1, max: 5 }));
        assert_eq!(Severity::parse(" 4 ").map(Severity::get), Ok(4));
        assert!(Severity::parse("5").is_err());
        assert!(Severity::parse("-1").is_err());
        assert!(Severity::parse("two").is_err());
    }

    #[test]
    fn a_domain_is_one_whatever_its_case_and_blank_means_none() {
        assert_eq!(TrustDomain::parse("Money"), TrustDomain::parse("money"));
        assert_eq!(TrustDomain::parse_optional("  "), Ok(None));
        assert!(TrustDomain::parse_optional(&"x".repeat(41)).is_err());
    }

    #[test]
    fn promise_words_stay_out_of_debug_output() {
        let text = PromiseText::parse("call my sister").unwrap();
        assert_eq!(format!("{text:?}"), "PromiseText(14 chars)");
    }

    #[test]
    fn stored_terms_are_checked_again_when_read() {
        let bad = serde_json::json!({"text": "", "stakes": 3});
        assert!(serde_json::from_value::<Terms>(bad).is_err());
        let bad = serde_json::json!({"text": "ok", "stakes": 9});
        assert!(serde_json::from_value::<Terms>(bad).is_err());
    }
}
