//! How a person wants to be spoken to and about in a language that marks gender in its verbs and
//! adjectives (Polish: "poprosiła", "poprosił", or a wording with no gender at all). Each person
//! chooses their own; until they do, texts use forms without gender, so nobody is assumed to be
//! anything.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum GrammaticalForm {
    Feminine,
    Masculine,
    /// Forms without gender: the default, and a choice of its own.
    #[default]
    Neutral,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("unknown grammatical form {0:?}: expected feminine, masculine or neutral")]
pub struct GrammaticalFormError(String);

impl GrammaticalForm {
    pub const ALL: [GrammaticalForm; 3] = [
        GrammaticalForm::Feminine,
        GrammaticalForm::Masculine,
        GrammaticalForm::Neutral,
    ];

    /// The word it is stored and sent as.
    pub const fn as_str(self) -> &'static str {
        match self {
            GrammaticalForm::Feminine => "feminine",
            GrammaticalForm::Masculine => "masculine",
            GrammaticalForm::Neutral => "neutral",
        }
    }

    /// The variant a message selects on: Fluent's default variant is `other`, so forms without
    /// gender are what a message shows when it is given nothing.
    pub fn selector(self) -> &'static str {
        match self {
            GrammaticalForm::Feminine => "feminine",
            GrammaticalForm::Masculine => "masculine",
            GrammaticalForm::Neutral => "other",
        }
    }
}

impl fmt::Display for GrammaticalForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GrammaticalForm {
    type Err = GrammaticalFormError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "feminine" => Ok(GrammaticalForm::Feminine),
            "masculine" => Ok(GrammaticalForm::Masculine),
            "neutral" => Ok(GrammaticalForm::Neutral),
            other => Err(GrammaticalFormError(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_round_trip_through_their_stored_words() {
        for form in GrammaticalForm::ALL {
            assert_eq!(form.as_str().parse::<GrammaticalForm>(), Ok(form));
        }
        assert!("female".parse::<GrammaticalForm>().is_err());
        assert!("".parse::<GrammaticalForm>().is_err());
    }

    #[test]
    fn nobody_is_given_a_gender_until_they_choose_one() {
        assert_eq!(GrammaticalForm::default(), GrammaticalForm::Neutral);
        assert_eq!(GrammaticalForm::Neutral.selector(), "other");
    }
}
