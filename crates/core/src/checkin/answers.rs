//! What a partner writes in a check-in, each field checked once: appreciations, what went right,
//! the nine felt-trust items, the topic with the listener's notes, requests for the coming week,
//! and the private "how did that go for me".

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

pub use crate::scale::ScaleError;
use crate::scale::scale;
use crate::text::{self, TextError, TextRule, text_impls};

/// One appreciation: a short thank-you or noticing, 1–280 characters on one line. `Debug`
/// hides it: logs never carry user text.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Appreciation(String);

impl TextRule for Appreciation {
    const MAX_CHARS: usize = 280;
    const MULTILINE: bool = false;
}

impl Appreciation {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A longer answer (what went right, the topic, the listener's notes, requests): 1–2000
/// characters, line breaks allowed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Note(String);

impl TextRule for Note {
    const MAX_CHARS: usize = 2000;
    const MULTILINE: bool = true;
}

impl Note {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(Appreciation, Note);

/// At most this many appreciations in one check-in.
pub const MAX_APPRECIATIONS: usize = 5;

scale!(
    /// An answer to a felt-trust item: 0 (not at all) to 6 (completely).
    TrustLevel: i8, 0, 6
);
scale!(
    /// "How did that go for me", −5 (badly) to +5 (very well). Private to its author for ever.
    Feeling: i8, -5, 5
);

/// The three facets of felt trust, after Rempel, Holmes & Zanna (1985): knowing what to expect,
/// being able to count on the partner, and confidence in the relationship's future.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    Predictability,
    Dependability,
    Faith,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Predictability, Facet::Dependability, Facet::Faith];

    pub const fn as_str(self) -> &'static str {
        match self {
            Facet::Predictability => "predictability",
            Facet::Dependability => "dependability",
            Facet::Faith => "faith",
        }
    }
}

/// One of the nine felt-trust items, three per facet. The words are ours (in the locale files,
/// `checkin-item-<id>`); only the facets come from the research.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrustItem {
    KnewWhatToExpect,
    HeardOfChanges,
    NoSurprises,
    ShowedUp,
    InGoodHands,
    HonestWhenAwkward,
    WillGetThrough,
    HasMyGood,
    CalmAboutFuture,
}

impl TrustItem {
    pub const ALL: [TrustItem; 9] = [
        TrustItem::KnewWhatToExpect,
        TrustItem::HeardOfChanges,
        TrustItem::NoSurprises,
        TrustItem::ShowedUp,
        TrustItem::InGoodHands,
        TrustItem::HonestWhenAwkward,
        TrustItem::WillGetThrough,
        TrustItem::HasMyGood,
        TrustItem::CalmAboutFuture,
    ];

    pub const fn facet(self) -> Facet {
        match self {
            TrustItem::KnewWhatToExpect | TrustItem::HeardOfChanges | TrustItem::NoSurprises => {
                Facet::Predictability
            }
            TrustItem::ShowedUp | TrustItem::InGoodHands | TrustItem::HonestWhenAwkward => {
                Facet::Dependability
            }
            TrustItem::WillGetThrough | TrustItem::HasMyGood | TrustItem::CalmAboutFuture => {
                Facet::Faith
            }
        }
    }

    /// The stable name of the item: its form field, its JSON key, its locale id's tail.
    pub const fn as_str(self) -> &'static str {
        match self {
            TrustItem::KnewWhatToExpect => "knew_what_to_expect",
            TrustItem::HeardOfChanges => "heard_of_changes",
            TrustItem::NoSurprises => "no_surprises",
            TrustItem::ShowedUp => "showed_up",
            TrustItem::InGoodHands => "in_good_hands",
            TrustItem::HonestWhenAwkward => "honest_when_awkward",
            TrustItem::WillGetThrough => "will_get_through",
            TrustItem::HasMyGood => "has_my_good",
            TrustItem::CalmAboutFuture => "calm_about_future",
        }
    }

    pub fn from_name(name: &str) -> Option<TrustItem> {
        TrustItem::ALL
            .into_iter()
            .find(|item| item.as_str() == name)
    }
}

/// The steps of a check-in, in order, after Gottman's weekly "State of the Union" meeting.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Appreciations,
    WentRight,
    FeltTrust,
    Topic,
    Requests,
    HowItWent,
    /// Everything answered: look it over and submit.
    Review,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Appreciations,
        Step::WentRight,
        Step::FeltTrust,
        Step::Topic,
        Step::Requests,
        Step::HowItWent,
        Step::Review,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Step::Appreciations => "appreciations",
            Step::WentRight => "went_right",
            Step::FeltTrust => "felt_trust",
            Step::Topic => "topic",
            Step::Requests => "requests",
            Step::HowItWent => "how_it_went",
            Step::Review => "review",
        }
    }

    pub fn from_name(name: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.as_str() == name)
    }

    /// The step after this one; the review is the last.
    pub fn next(self) -> Step {
        let i = Step::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Step::ALL.get(i + 1).copied().unwrap_or(Step::Review)
    }

    pub fn previous(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        i.checked_sub(1).and_then(|i| Step::ALL.get(i).copied())
    }

    /// 1-based, for "step 3 of 7".
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }
}

/// A partner's answers, whole or in part. A draft holds any subset; a submission all that
/// [`Answers::missing`] asks for; a reveal everything but [`Answers::how_it_went`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appreciations: Vec<Appreciation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub went_right: Option<Note>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub felt_trust: BTreeMap<TrustItem, TrustLevel>,
    /// What this partner spoke about, in I-statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Note>,
    /// What this partner heard while listening to the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listener_notes: Option<Note>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<Note>,
    /// Private for ever: never part of a reveal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_it_went: Option<Feeling>,
}

/// A change to a draft: each field that is `Some` replaces what the draft held (an empty list or
/// `Some(None)` clears it); `None` leaves it as it was. Felt-trust answers given are merged in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Patch {
    pub appreciations: Option<Vec<Appreciation>>,
    pub went_right: Option<Option<Note>>,
    pub felt_trust: BTreeMap<TrustItem, TrustLevel>,
    pub topic: Option<Option<Note>>,
    pub listener_notes: Option<Option<Note>>,
    pub requests: Option<Option<Note>>,
    pub how_it_went: Option<Option<Feeling>>,
    /// Where the person is: the step to show when they come back.
    pub step: Option<Step>,
}

/// What a submission still lacks.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    #[error("answer all nine felt-trust items")]
    FeltTrust,
    #[error("say how the check-in went for you")]
    HowItWent,
}

impl Answers {
    /// These answers with `patch` applied.
    pub fn merged(&self, patch: &Patch) -> Answers {
        let mut answers = self.clone();
        if let Some(list) = &patch.appreciations {
            answers.appreciations = list.clone();
        }
        if let Some(value) = &patch.went_right {
            answers.went_right = value.clone();
        }
        for (item, level) in &patch.felt_trust {
            answers.felt_trust.insert(*item, *level);
        }
        if let Some(value) = &patch.topic {
            answers.topic = value.clone();
        }
        if let Some(value) = &patch.listener_notes {
            answers.listener_notes = value.clone();
        }
        if let Some(value) = &patch.requests {
            answers.requests = value.clone();
        }
        if let Some(value) = patch.how_it_went {
            answers.how_it_went = value;
        }
        answers
    }

    /// What a submission needs and these answers lack: every felt-trust item (the trend is built
    /// from them) and "how did that go". Every text is optional — a week may bring no request.
    pub fn missing(&self) -> Option<Missing> {
        if TrustItem::ALL
            .iter()
            .any(|item| !self.felt_trust.contains_key(item))
        {
            Some(Missing::FeltTrust)
        } else if self.how_it_went.is_none() {
            Some(Missing::HowItWent)
        } else {
            None
        }
    }

    /// What the partner sees once both have submitted: everything but "how did that go for me".
    pub fn shared(&self) -> Answers {
        Answers {
            how_it_went: None,
            ..self.clone()
        }
    }

    /// The mean of the felt-trust items answered, overall and per facet; `None` until all nine
    /// are answered.
    pub fn felt(&self) -> Option<FeltTrust> {
        let mut sums = [0.0f64; 3];
        for item in TrustItem::ALL {
            let level = self.felt_trust.get(&item)?;
            let i = Facet::ALL
                .iter()
                .position(|f| *f == item.facet())
                .unwrap_or(0);
            if let Some(sum) = sums.get_mut(i) {
                *sum += f64::from(level.get());
            }
        }
        let [p, d, f] = sums;
        Some(FeltTrust {
            mean: (p + d + f) / 9.0,
            predictability: p / 3.0,
            dependability: d / 3.0,
            faith: f / 3.0,
        })
    }
}

/// Felt trust from one partner's answers at one check-in, on the items' 0–6 scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FeltTrust {
    /// The mean of the nine items.
    pub mean: f64,
    pub predictability: f64,
    pub dependability: f64,
    pub faith: f64,
}

impl FeltTrust {
    pub fn facet(&self, facet: Facet) -> f64 {
        match facet {
            Facet::Predictability => self.predictability,
            Facet::Dependability => self.dependability,
            Facet::Faith => self.faith,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_trust(level: i8) -> BTreeMap<TrustItem, TrustLevel> {
        TrustItem::ALL
            .into_iter()
            .map(|item| (item, TrustLevel::new(level).unwrap()))
            .collect()
    }

    #[test]
    fn scales_take_their_ranges_only() {
        assert!(TrustLevel::new(-1).is_err());
        assert_eq!(TrustLevel::parse(" 6 ").map(TrustLevel::get), Ok(6));
        assert!(TrustLevel::parse("7").is_err());
        assert_eq!(Feeling::parse("-5").map(Feeling::get), Ok(-5));
        assert_eq!(Feeling::parse("+5").map(Feeling::get), Ok(5));
        assert_eq!(Feeling::from_i64(6), Err(ScaleError { min: -5, max: 5 }));
        assert!(Feeling::from_i64(i64::MAX).is_err());
        assert!(serde_json::from_value::<Feeling>(serde_json::json!(9)).is_err());
    }

    #[test]
    fn three_items_per_facet_with_distinct_names() {
        for facet in Facet::ALL {
            assert_eq!(
                TrustItem::ALL.iter().filter(|i| i.facet() == facet).count(),
                3
            );
        }
        for item in TrustItem::ALL {
            assert_eq!(TrustItem::from_name(item.as_str()), Some(item));
            let json = serde_json::to_value(item).unwrap();
            assert_eq!(json, item.as_str());
        }
    }

    #[test]
    fn steps_run_in_order_and_end_at_the_review() {
        assert_eq!(Step::Appreciations.next(), Step::WentRight);
        assert_eq!(Step::HowItWent.next(), Step::Review);
        assert_eq!(Step::Review.next(), Step::Review);
        assert_eq!(Step::Appreciations.previous(), None);
        assert_eq!(Step::Review.number(), 7);
        for step in Step::ALL {
            assert_eq!(Step::from_name(step.as_str()), Some(step));
        }
    }

    #[test]
    fn a_patch_replaces_what_it_names_and_keeps_the_rest() {
        let start = Answers {
            went_right: Some(Note::parse("a walk").unwrap()),
            topic: Some(Note::parse("chores").unwrap()),
            ..Answers::default()
        };
        let patch = Patch {
            went_right: Some(None),
            felt_trust: all_trust(3),
            ..Patch::default()
        };
        let merged = start.merged(&patch);
        assert_eq!(merged.went_right, None);
        assert_eq!(merged.topic, start.topic);
        assert_eq!(merged.felt_trust.len(), 9);
    }

    #[test]
    fn a_submission_needs_all_items_and_how_it_went() {
        let mut answers = Answers::default();
        assert_eq!(answers.missing(), Some(Missing::FeltTrust));
        answers.felt_trust = all_trust(4);
        assert_eq!(answers.missing(), Some(Missing::HowItWent));
        answers.how_it_went = Some(Feeling::new(-2).unwrap());
        assert_eq!(answers.missing(), None);
        assert_eq!(answers.shared().how_it_went, None);
    }

    #[test]
    fn felt_trust_is_the_mean_overall_and_per_facet() {
        let mut answers = Answers {
            felt_trust: all_trust(6),
            ..Answers::default()
        };
        answers
            .felt_trust
            .insert(TrustItem::KnewWhatToExpect, TrustLevel::new(0).unwrap());
        let felt = answers.felt().unwrap();
        assert!((felt.predictability - 4.0).abs() < 1e-12);
        assert!((felt.faith - 6.0).abs() < 1e-12);
        assert!((felt.mean - 48.0 / 9.0).abs() < 1e-12);
        answers.felt_trust.remove(&TrustItem::HasMyGood);
        assert_eq!(answers.felt(), None);
    }

    #[test]
    fn answers_stay_out_of_debug_output() {
        let text = Appreciation::parse("thank you for the soup").unwrap();
        assert_eq!(format!("{text:?}"), "Appreciation(22 chars)");
    }
}
