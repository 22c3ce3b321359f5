//! English and Polish, from the Fluent files in `content/locales`. A person's language is their
//! explicit choice (a cookie set by the language switch), else their browser's `Accept-Language`,
//! else English.

pub(crate) mod dates;
pub(crate) mod times;
pub(crate) mod voice;

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use steadfast_core::Timestamp;
use steadfast_core::account::GrammaticalForm;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "../../content/locales",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks for mixed-direction text; both our
        // languages run left to right, and the marks would end up in copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub(crate) const LANGUAGE_COOKIE: &str = "lang";

/// The argument a message selects on for the reader's own grammatical form.
pub(crate) const MY_FORM: &str = "my_form";
/// The argument a message selects on for the grammatical form of the person it speaks about:
/// the reader's partner, unless the call names someone else.
pub(crate) const PARTNER_FORM: &str = "partner_form";

/// How the texts of one request speak to the reader and about their partner (Polish marks
/// gender in verbs: "poprosiła", "poprosił", or a wording without gender). Forms without gender
/// until each person chooses.
///
/// It is set once per request by [`crate::i18n::voice::speak`] and read by every lookup, rather than
/// handed to each of the many places that translate: the language stays a plain value, and a
/// text nobody set a voice for (an email, a test) simply speaks without gender.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Voice {
    pub me: GrammaticalForm,
    pub partner: GrammaticalForm,
}

tokio::task_local! {
    static VOICE: Voice;
}

impl Voice {
    /// The voice of the request being answered, or forms without gender outside one.
    pub fn current() -> Voice {
        VOICE.try_with(|voice| *voice).unwrap_or_default()
    }

    /// Runs `work` with texts spoken in this voice.
    pub async fn scope<F: Future>(self, work: F) -> F::Output {
        VOICE.scope(self, work).await
    }

    /// Runs `work`, which does not wait, with texts spoken in this voice.
    #[cfg(test)]
    pub fn sync_scope<R>(self, work: impl FnOnce() -> R) -> R {
        VOICE.sync_scope(self, work)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Pl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Pl];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pl => "pl",
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Pl => "Polski",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Pl => langid!("pl"),
        }
    }

    /// The best of our languages for an `Accept-Language` header.
    pub fn negotiate(accept_language: &str) -> Lang {
        let requested = fluent_langneg::accepted_languages::parse(accept_language);
        let available = Lang::ALL.map(Lang::id);
        let default = Lang::En.id();
        negotiate_languages(
            &requested,
            &available,
            Some(&default),
            NegotiationStrategy::Lookup,
        )
        .first()
        .and_then(|id| Lang::from_code(id.language.as_str()))
        .unwrap_or_default()
    }

    /// The text for `key`. A key missing from the files shows as itself, which the tests forbid.
    pub fn t(self, key: &str) -> String {
        self.lookup(key, &[], None)
    }

    pub fn t_with(self, key: &str, args: &[(&'static str, String)]) -> String {
        self.lookup(key, args, None)
    }
}

impl Lang {
    /// A message choosing its plural form by `count` ("1 minute", "5 minut").
    pub fn t_count(self, key: &str, count: i64) -> String {
        self.lookup(key, &[], Some(count))
    }

    /// A message choosing its plural form by `count`, with other arguments beside it.
    pub fn t_count_with(self, key: &str, count: i64, args: &[(&'static str, String)]) -> String {
        self.lookup(key, args, Some(count))
    }

    /// Every message is given the grammatical forms of the request's [`Voice`] as `$my_form` and
    /// `$partner_form`, unless the caller names one itself (a text about a particular person).
    fn lookup(self, key: &str, args: &[(&'static str, String)], count: Option<i64>) -> String {
        let voice = Voice::current();
        let mut all: HashMap<Cow<'static, str>, FluentValue> = HashMap::from([
            (
                Cow::Borrowed(MY_FORM),
                FluentValue::from(voice.me.selector()),
            ),
            (
                Cow::Borrowed(PARTNER_FORM),
                FluentValue::from(voice.partner.selector()),
            ),
        ]);
        for (name, value) in args {
            all.insert(Cow::Borrowed(*name), FluentValue::from(value.clone()));
        }
        if let Some(count) = count {
            all.insert(Cow::Borrowed("count"), FluentValue::from(count));
        }
        LOCALES
            .try_lookup_with_args(&self.id(), key, &all)
            .unwrap_or_else(|| key.to_owned())
    }

    /// A number as the language writes it, with at most two decimals and none when whole:
    /// "1.25" in English, "1,25" in Polish.
    pub fn decimal(self, value: f64) -> String {
        let text = format!("{value:.2}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        match self {
            Lang::Pl => text.replace('.', ","),
            Lang::En => text.to_owned(),
        }
    }

    /// A mean on a scale, always to one decimal so a series reads evenly: "2.0", "2,0".
    pub fn one_decimal(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::Pl => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// An account's username, or "someone" for an account that is gone.
    pub(crate) fn name_or_someone(self, name: Option<String>) -> String {
        name.unwrap_or_else(|| self.t("coach-someone"))
    }

    /// How long ago `then` was, in words.
    pub fn ago(self, then: Timestamp, now: Timestamp) -> String {
        let minutes = now.as_millis().saturating_sub(then.as_millis()) / 60_000;
        match minutes {
            ..1 => self.t("time-just-now"),
            1..60 => self.t_count("time-minutes-ago", minutes),
            60..1440 => self.t_count("time-hours-ago", minutes / 60),
            _ => self.t_count("time-days-ago", minutes / 1440),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang::of_request(parts))
    }
}

impl Lang {
    pub(crate) fn of_request(parts: &Parts) -> Lang {
        let chosen = CookieJar::from_headers(&parts.headers)
            .get(LANGUAGE_COOKIE)
            .and_then(|cookie| Lang::from_code(cookie.value()));
        chosen.unwrap_or_else(|| {
            parts
                .headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .map_or(Lang::En, Lang::negotiate)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The message ids of every Fluent file of one language (each domain keeps its own file).
    fn message_ids(lang: &str) -> (BTreeSet<String>, BTreeSet<String>) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../content/locales")
            .join(lang);
        let mut files = BTreeSet::new();
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "ftl") {
                files.insert(path.file_name().unwrap().to_string_lossy().into_owned());
                let ftl = std::fs::read_to_string(&path).unwrap();
                for line in ftl.lines() {
                    if !line.starts_with(['#', ' ']) && line.contains(" = ") {
                        let id = line.split(" = ").next().unwrap().to_owned();
                        assert!(ids.insert(id.clone()), "{id} is defined twice in {lang}");
                    }
                }
            }
        }
        (files, ids)
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let (en_files, en) = message_ids("en");
        let (pl_files, pl) = message_ids("pl");
        assert_eq!(en_files, pl_files);
        assert!(en.len() > 20, "the parser found the messages");
        assert_eq!(en, pl);
        for key in en {
            for lang in Lang::ALL {
                let args = [
                    ("id", "x".to_owned()),
                    ("min", "1".to_owned()),
                    ("max", "2".to_owned()),
                    ("count", "3".to_owned()),
                    ("name", "x".to_owned()),
                    ("ago", "x".to_owned()),
                    ("when", "x".to_owned()),
                    ("label", "x".to_owned()),
                    ("zone", "x".to_owned()),
                    ("domain", "x".to_owned()),
                    ("stakes", "x".to_owned()),
                    ("severity", "x".to_owned()),
                    ("level", "x".to_owned()),
                    ("percent", "1".to_owned()),
                    ("lower", "1".to_owned()),
                    ("upper", "2".to_owned()),
                    ("first", "x".to_owned()),
                    ("last", "x".to_owned()),
                    ("from", "1".to_owned()),
                    ("to", "2".to_owned()),
                    ("certainty", "x".to_owned()),
                    ("counts", "x".to_owned()),
                    ("text", "x".to_owned()),
                    ("value", "1".to_owned()),
                    ("n", "1".to_owned()),
                    ("total", "2".to_owned()),
                    ("latest", "1".to_owned()),
                    ("rci", "1".to_owned()),
                    ("days", "x".to_owned()),
                    ("start", "x".to_owned()),
                    ("every", "x".to_owned()),
                    ("minutes", "1".to_owned()),
                    ("space_zone", "x".to_owned()),
                    ("phase", "x".to_owned()),
                    ("promiser", "x".to_owned()),
                    ("receiver", "x".to_owned()),
                    ("expected", "1".to_owned()),
                    ("kept", "1".to_owned()),
                    ("broken", "1".to_owned()),
                    ("max", "1".to_owned()),
                    ("moved", "x".to_owned()),
                    ("now", "1".to_owned()),
                    ("kept_one", "1".to_owned()),
                    ("kept_five", "3".to_owned()),
                    ("offset", "1".to_owned()),
                    ("bonus", "1".to_owned()),
                    ("window", "8".to_owned()),
                    ("broken", "1".to_owned()),
                    ("deception", "1".to_owned()),
                    ("w", "2".to_owned()),
                    ("a", "1".to_owned()),
                    ("low", "10".to_owned()),
                    ("high", "90".to_owned()),
                    ("too_early", "5".to_owned()),
                    ("learning", "10".to_owned()),
                    ("established", "20".to_owned()),
                    ("answer", "x".to_owned()),
                    ("state", "x".to_owned()),
                    ("step", "x".to_owned()),
                    ("limit", "100".to_owned()),
                    ("moment", "pm".to_owned()),
                    ("h12", "8".to_owned()),
                    ("h24", "20".to_owned()),
                    ("mm", "00".to_owned()),
                    ("date", "x".to_owned()),
                    ("time", "x".to_owned()),
                    ("weekday", "x".to_owned()),
                    ("day", "8".to_owned()),
                    ("month", "x".to_owned()),
                    ("year", "2025".to_owned()),
                    ("browser", "x".to_owned()),
                    ("system", "x".to_owned()),
                ];
                for me in GrammaticalForm::ALL {
                    for partner in GrammaticalForm::ALL {
                        let text = Voice { me, partner }.sync_scope(|| lang.t_with(&key, &args));
                        assert_ne!(text, key, "{key} is missing in {}", lang.code());
                    }
                }
            }
        }
    }

    /// The retired synonyms of `content/locales/GLOSSARY.md`, per language: every phrase in
    /// backticks in the table's "Retired (en)" and "Retired (pl)" columns.
    fn retired_synonyms() -> (Vec<String>, Vec<String>) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../content/locales/GLOSSARY.md");
        let glossary = std::fs::read_to_string(path).unwrap();
        let phrases = |cell: &str| -> Vec<String> {
            cell.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_lowercase)
                .collect()
        };
        let (mut en, mut pl) = (Vec::new(), Vec::new());
        for row in glossary.lines().filter(|line| line.starts_with('|')) {
            let cells: Vec<&str> = row.split('|').collect();
            if cells.len() == 7 {
                en.extend(phrases(cells[4]));
                pl.extend(phrases(cells[5]));
            }
        }
        (en, pl)
    }

    /// Where `phrase` stands in `text` as whole words: no letter or digit runs on into it.
    fn contains_phrase(text: &str, phrase: &str) -> bool {
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        text.match_indices(phrase).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            let first = phrase.chars().next();
            let last = phrase.chars().next_back();
            let runs_in = is_word(first) && is_word(before);
            let runs_on = is_word(last) && is_word(after);
            !(runs_in || runs_on)
        })
    }

    /// Every message text of one language, as (file, line, text), without ids and comments.
    fn message_texts(lang: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../content/locales")
            .join(lang);
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "ftl") {
                let file = path.file_name().unwrap().to_string_lossy().into_owned();
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    if line.starts_with('#') {
                        continue;
                    }
                    let text = line.split_once(" = ").map_or(line, |(_, text)| text);
                    texts.push((file.clone(), text.to_lowercase()));
                }
            }
        }
        texts
    }

    #[test]
    fn no_retired_synonym_appears_in_any_message() {
        let (en, pl) = retired_synonyms();
        assert!(
            en.len() > 5 && pl.len() > 5,
            "the glossary's table was read"
        );
        assert!(contains_phrase("a broken promise.", "broken promise"));
        assert!(!contains_phrase("unbroken promises", "broken promise"));
        assert!(contains_phrase("gotowy/a;", "/a"));
        assert!(!contains_phrase("w /api", "/a"));
        for (lang, retired) in [("en", en), ("pl", pl)] {
            for (file, text) in message_texts(lang) {
                for phrase in &retired {
                    assert!(
                        !contains_phrase(&text, phrase),
                        "{lang}/{file} uses the retired {phrase:?} (see GLOSSARY.md): {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn polish_speaks_in_each_persons_chosen_form_and_without_gender_by_default() {
        let paused = || Lang::Pl.t("checkin-break-by-partner");
        assert!(paused().contains("druga strona"), "{}", paused());
        let she = Voice {
            me: GrammaticalForm::Neutral,
            partner: GrammaticalForm::Feminine,
        };
        assert!(she.sync_scope(paused).contains("poprosiła"));
        let he = Voice {
            me: GrammaticalForm::Feminine,
            partner: GrammaticalForm::Masculine,
        };
        assert!(he.sync_scope(paused).contains("poprosił "));
        let mine = |voice: Voice| voice.sync_scope(|| Lang::Pl.t("recovery-codes-done"));
        assert_eq!(mine(he), "Zapisałam kody");
        assert_eq!(mine(Voice::default()), "Kody są zapisane");
        // English reads the same whatever the forms.
        assert_eq!(
            he.sync_scope(|| Lang::En.t("checkin-break-by-partner")),
            Lang::En.t("checkin-break-by-partner")
        );
        // A call about someone else names their form itself.
        let about_her = he.sync_scope(|| {
            Lang::Pl.t_with(
                "checkin-partner-finished",
                &[
                    ("name", "Ola".to_owned()),
                    (
                        PARTNER_FORM,
                        GrammaticalForm::Feminine.selector().to_owned(),
                    ),
                ],
            )
        });
        assert!(about_her.starts_with("Ola już skończyła"), "{about_her}");
    }

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(Lang::En.decimal(1.25), "1.25");
        assert_eq!(Lang::Pl.decimal(1.25), "1,25");
        assert_eq!(Lang::Pl.decimal(0.5), "0,5");
        assert_eq!(Lang::En.decimal(2.0), "2");
        assert_eq!(Lang::Pl.decimal(90.0), "90");
        assert_eq!(Lang::Pl.one_decimal(2.2), "2,2");
        assert_eq!(Lang::En.one_decimal(2.0), "2.0");
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(Lang::negotiate("pl-PL,pl;q=0.9,en;q=0.8"), Lang::Pl);
        assert_eq!(Lang::negotiate("de-DE,pl;q=0.5"), Lang::Pl);
        assert_eq!(Lang::negotiate("en-GB,en;q=0.9"), Lang::En);
        assert_eq!(Lang::negotiate("fr"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("garbage;;q=x"), Lang::En);
    }

    #[test]
    fn times_ago_take_the_right_plural_form() {
        let now = Timestamp::from_millis(10_000_000_000);
        let minutes = |n: i64| Timestamp::from_millis(now.as_millis() - n * 60_000);
        assert_eq!(Lang::En.ago(now, now), "just now");
        assert_eq!(Lang::En.ago(minutes(1), now), "a minute ago");
        assert_eq!(Lang::En.ago(minutes(5), now), "5 minutes ago");
        assert_eq!(Lang::En.ago(minutes(180), now), "3 hours ago");
        assert_eq!(Lang::Pl.ago(minutes(1), now), "minutę temu");
        assert_eq!(Lang::Pl.ago(minutes(3), now), "3 minuty temu");
        assert_eq!(Lang::Pl.ago(minutes(5), now), "5 minut temu");
        assert_eq!(Lang::Pl.ago(minutes(22), now), "22 minuty temu");
        assert_eq!(Lang::Pl.ago(minutes(60 * 24 * 2), now), "2 dni temu");
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        assert_eq!(
            Lang::En.t_with("error-reference", &[("id", "ab12".to_owned())]),
            "Reference: ab12"
        );
        assert_eq!(
            Lang::Pl.t_with("error-reference", &[("id", "ab12".to_owned())]),
            "Numer zgłoszenia: ab12"
        );
    }
}
