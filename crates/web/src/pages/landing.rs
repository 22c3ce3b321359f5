//! How an apology and its answers read on a page, for a promise not kept and a boundary crossed
//! alike: each apology with the answers the hurt partner gave ("this landed", "not yet", and
//! what would help), the newest answer standing and the earlier ones kept.

use steadfast_core::landing::Landing;
use steadfast_core::promise::Apology;

use super::zone::Zone;
use crate::i18n::Lang;

/// One apology as a page shows it.
pub(crate) struct ApologyLine {
    pub(crate) text: String,
    pub(crate) when: String,
    /// Oldest first; the last one stands.
    pub(crate) answers: Vec<AnswerLine>,
}

/// One answer to an apology.
pub(crate) struct AnswerLine {
    pub(crate) landed: bool,
    pub(crate) words: String,
    pub(crate) word: Option<String>,
    pub(crate) when: String,
}

pub(crate) fn apology_lines(apologies: &[Apology], zone: &Zone, lang: Lang) -> Vec<ApologyLine> {
    apologies
        .iter()
        .map(|apology| ApologyLine {
            text: apology.text.as_str().to_owned(),
            when: zone.show(apology.at, lang),
            answers: apology
                .answers
                .iter()
                .map(|answer| AnswerLine {
                    landed: answer.landing == Landing::Landed,
                    words: landing_words(answer.landing, lang),
                    word: answer.word.as_ref().map(|w| w.as_str().to_owned()),
                    when: zone.show(answer.at, lang),
                })
                .collect(),
        })
        .collect()
}

pub(crate) fn landing_words(landing: Landing, lang: Lang) -> String {
    lang.t(&format!("landing-{}", landing.as_str()))
}
