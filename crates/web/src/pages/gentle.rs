//! The gentle start-up helper on pages: what `steadfast_core::gentle::review` noticed, in words
//! for the template `gentle_hint.html`. Any form with a text a partner is about to share can
//! offer it:
//!
//! 1. give the page struct a field `gentle: Option<GentleHint>` (`None` normally);
//! 2. add a "Check my words" button to the form, `formaction` pointing at a route that renders
//!    the same page with the typed text kept, and `gentle: Some(gentle::hint(&text, lang))`,
//!    writing nothing;
//! 3. `{% include "gentle_hint.html" %}` under the text field.
//!
//! On a page with several forms (a boundary, a repair plan) the check posts to the form's own
//! action with `/check` added, and comes back through the page's error path as the form that
//! came back, with no message: what was typed stays in that form only, and the template shows
//! the hint there with `{% let gentle = self.gentle_in(..) %}{% include "gentle_hint.html" %}`.
//! A form with more than one text (a boundary and its reason) is reviewed whole, with
//! [`hint_all`]. The "Check my words" button comes after the form's own submit button, so that
//! Enter in a one-line field still sends the form as it is.
//!
//! The person may always share as written: the hint never blocks the form.

use steadfast_core::gentle::{self, Field, Language, Review, Rule};

use crate::i18n::Lang;

/// What the template shows.
pub(crate) struct GentleHint {
    /// Checked, and nothing noticed.
    pub(crate) clear: bool,
    pub(crate) findings: Vec<HintLine>,
    /// An I-statement to start from.
    pub(crate) suggestion: Option<String>,
}

/// One thing noticed, in words.
pub(crate) struct HintLine {
    /// "Blame", "Contempt", "Sarcasm".
    pub(crate) rule: String,
    /// The words as the person wrote them.
    pub(crate) words: String,
    pub(crate) why: String,
}

pub(crate) fn language(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::En,
        Lang::Pl => Language::Pl,
    }
}

pub(crate) fn rule_label(rule: Rule, lang: Lang) -> String {
    lang.t(&format!("gentle-rule-{}", rule.as_str()))
}

/// The words a finding covers, as written.
pub(crate) fn words_of<'a>(text: &'a str, finding: &gentle::Finding) -> &'a str {
    text.get(finding.span.start..finding.span.end)
        .unwrap_or_default()
}

/// Reviews `text`, a message to the partner, for the page in `lang`.
pub(crate) fn hint(text: &str, lang: Lang) -> GentleHint {
    hint_as(text, lang, Field::Message)
}

/// Reviews `text` written in `field` (an apology gets an apology to start from).
pub(crate) fn hint_as(text: &str, lang: Lang, field: Field) -> GentleHint {
    let Review {
        findings,
        suggestion,
    } = gentle::review_as(text, language(lang), field);
    GentleHint {
        clear: findings.is_empty(),
        findings: findings
            .iter()
            .map(|finding| HintLine {
                rule: rule_label(finding.rule, lang),
                words: words_of(text, finding).to_owned(),
                why: lang.t(finding.explanation_key),
            })
            .collect(),
        suggestion,
    }
}

/// Reviews the texts of one form together, as one text (a boundary and its reason, say): the
/// words of each finding are quoted from the text they are in.
pub(crate) fn hint_all(texts: &[&str], lang: Lang) -> GentleHint {
    let whole = texts
        .iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    hint(&whole, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_with_two_texts_is_checked_whole_and_quoted_as_written() {
        let checked = hint_all(&["Phone stays private", "  You never ask first"], Lang::En);
        assert!(!checked.clear);
        assert_eq!(checked.findings.len(), 1);
        assert_eq!(checked.findings[0].words, "You never");
        let empty = hint_all(&["", "I would like us to ask first"], Lang::En);
        assert!(empty.clear);
        assert!(empty.suggestion.is_none());
    }
}
