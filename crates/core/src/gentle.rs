//! The gentle start-up helper: before a partner shares something (a check-in topic, a crossing
//! report, a repair message) it notices the openings that make a hard talk harder and offers an
//! I-statement instead. After Gottman's "harsh start-up" and his "four horsemen" (criticism and
//! contempt are two of them), and Thomas Gordon's "I-messages".
//!
//! Rule-based and explainable: every finding names its rule, where in the text it is, and the
//! id of a sentence that says why (in the locale files). Local: word lists and a few patterns,
//! no network. It never blocks anything: the person may always share what they wrote.
//!
//! What it notices, in English and Polish (both are checked whatever the language, since people
//! mix them; the language chooses the suggestion's words):
//!
//! - **blame and absolutes**: "you always", "you never", "it's your fault", "because of you",
//!   "ty zawsze", "nigdy mnie nie słuchasz" (an absolute followed by a verb in the second
//!   person), "przez ciebie", "twoja wina";
//! - **contempt**: a label for a person addressed to the partner ("you idiot", "you're so
//!   selfish", "jesteś taka egoistyczna", "ale z ciebie palant");
//! - **sarcasm markers**: "yeah right", "oh great", "/s", "whatever" and "akurat" said on their
//!   own, "no jasne";
//! - **a charge of lying**: "you lie", "you're lying", "your lies", "kłamiesz", "okłamujesz mnie",
//!   "twoje kłamstwa" (blame: a verdict, where a complaint would say what was seen).
//!
//! What it proposes never keeps what it noticed: the person's own words fill the I-statement
//! only when they hold no absolute ("always", "never", "zawsze", "nigdy", "ciągle" and their
//! combined forms), no charge of lying and no label; otherwise the plain template is offered. On
//! an apology ([`Field::Apology`]) the suggestion is an apology about the writer, never "I feel …
//! when you …", which would turn it into an accusation of the reader.
//!
//! What it leaves alone, by decision:
//!
//! - sentences about oneself or about "we" ("I always", "we never", "I feel stupid");
//! - "you always …" followed within a few words by a warm word ("you always make me laugh",
//!   "zawsze mogę na ciebie liczyć") — a compliment, not an absolute. Only for "always": "you
//!   never help" stays blame. Some praise may slip through as blame and some blame as praise;
//!   the helper nudges, so a miss costs little;
//! - comfort: blame or a label right after a negation ("it's not your fault", "you're not
//!   stupid", "to nie twoja wina");
//! - anything inside quotation marks: the person is quoting, not accusing.
//!
//! Text is compared lowercased, with Polish letters read without their diacritics (so "glupi"
//! and "głupi" are the same), and `’` read as `'`. Spans are byte offsets into the text as
//! given, always on character boundaries.

mod words;

use unicode_normalization::char::is_combining_mark;

/// The language of the suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    En,
    Pl,
}

impl Language {
    /// `en` or `pl`.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Language::En),
            "pl" => Some(Language::Pl),
            _ => None,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Pl => "pl",
        }
    }
}

/// Which kind of text is checked: the suggestion differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Field {
    /// Something said to the partner: a check-in topic, a boundary, a report, a note.
    #[default]
    Message,
    /// An apology, or taking responsibility: what is suggested stays about the writer.
    Apology,
}

impl Field {
    /// `message` or `apology`.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "message" => Some(Field::Message),
            "apology" => Some(Field::Apology),
            _ => None,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            Field::Message => "message",
            Field::Apology => "apology",
        }
    }
}

/// Which of Gottman's harsh openings a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Blame and absolutes: criticism of the person rather than a complaint about a situation.
    Blame,
    /// Insults and name-calling.
    Contempt,
    /// Sarcasm, contempt's quieter form.
    Sarcasm,
}

impl Rule {
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Blame => "blame",
            Rule::Contempt => "contempt",
            Rule::Sarcasm => "sarcasm",
        }
    }
}

/// Where a finding is: byte offsets into the reviewed text, on character boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One thing the helper noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub span: Span,
    /// The id of the locale message that explains it.
    pub explanation_key: &'static str,
}

/// What the helper says about a text: what it noticed, in order, and an I-statement to start
/// from when it noticed anything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub findings: Vec<Finding>,
    pub suggestion: Option<String>,
}

impl Review {
    pub fn is_clear(&self) -> bool {
        self.findings.is_empty()
    }
}

/// The explanation ids, one per kind of finding.
pub const EXPLANATION_KEYS: [&str; 6] = [
    ABSOLUTE_KEY,
    FAULT_KEY,
    LYING_KEY,
    INSULT_KEY,
    NAME_CALLING_KEY,
    SARCASM_KEY,
];
const ABSOLUTE_KEY: &str = "gentle-why-absolute";
const LYING_KEY: &str = "gentle-why-lying";
const FAULT_KEY: &str = "gentle-why-fault";
const INSULT_KEY: &str = "gentle-why-insult";
const NAME_CALLING_KEY: &str = "gentle-why-name-calling";
const SARCASM_KEY: &str = "gentle-why-sarcasm";

/// Texts longer than this are reviewed up to here only (the longest text a person shares is
/// 2000 characters).
pub const MAX_REVIEWED_CHARS: usize = 10_000;

/// Reviews `text`, a message to the partner; the suggestion is in `lang`.
pub fn review(text: &str, lang: Language) -> Review {
    review_as(text, lang, Field::Message)
}

/// Reviews `text` written in `field`; the suggestion is in `lang`.
pub fn review_as(text: &str, lang: Language, field: Field) -> Review {
    let normal = Normal::of(text);
    let tokens = tokens(&normal.chars);
    let quoted = quoted(&normal.chars);
    let scan = Scan {
        normal: &normal,
        tokens: &tokens,
    };
    let mut hits = scan.hits();
    hits.retain(|hit| {
        tokens
            .get(hit.first)
            .is_none_or(|t| !quoted.get(t.start).copied().unwrap_or(false))
    });
    hits.extend(slash_s(&normal.chars, &quoted));
    hits.sort_by_key(|hit| {
        (
            hit.start_char(&tokens),
            std::cmp::Reverse(hit.end_char(&tokens)),
        )
    });
    let mut kept: Vec<Hit> = Vec::new();
    for hit in hits {
        let overlaps = kept
            .iter()
            .any(|k| hit.start_char(&tokens) < k.end_char(&tokens));
        if !overlaps {
            kept.push(hit);
        }
    }
    let findings: Vec<Finding> = kept
        .iter()
        .filter_map(|hit| {
            let start = normal.origin.get(hit.start_char(&tokens))?.0;
            let end = normal.origin.get(hit.end_char(&tokens).checked_sub(1)?)?.1;
            Some(Finding {
                rule: hit.rule,
                span: Span { start, end },
                explanation_key: hit.key,
            })
        })
        .collect();
    let suggestion = (!findings.is_empty()).then(|| match field {
        Field::Apology => apologise(lang),
        Field::Message => {
            let situation = kept
                .iter()
                .filter_map(|hit| hit.situation)
                .find(|s| s.form.language() == lang)
                .and_then(|s| scan.situation_text(text, s, &kept));
            suggest(lang, situation)
        }
    });
    Review {
        findings,
        suggestion,
    }
}

/// The I-statement, after Thomas Gordon: a feeling, the situation (the person's own words, when
/// a blame sentence gave one), a need.
fn suggest(lang: Language, situation: Option<(Form, String)>) -> String {
    match (lang, situation) {
        (Language::En, Some((form, what))) => {
            let when = match form {
                Form::EnYouDont => "you don't",
                Form::EnYoure => "you're",
                Form::EnYoureNot => "you're not",
                _ => "you",
            };
            format!("I feel … when {when} {what}, and I need …")
        }
        (Language::En, None) => "I feel … about …, and I need …".to_owned(),
        (Language::Pl, Some((_, what))) => format!("Czuję …, kiedy {what}, i potrzebuję …"),
        (Language::Pl, None) => "Czuję …, kiedy …, i potrzebuję …".to_owned(),
    }
}

/// An apology to start from: about what the writer did, its effect and what comes next; in
/// Polish without a past tense, so it needs no grammatical gender.
fn apologise(lang: Language) -> String {
    match lang {
        Language::En => {
            "I am sorry that I …. I understand it left you …, and from now on I will …".to_owned()
        }
        Language::Pl => "Przepraszam, że …. Rozumiem, że przez to …, i od teraz …".to_owned(),
    }
}

/// The text lowercased and without diacritics, char by char, with the byte range each char came
/// from in the original.
struct Normal {
    chars: Vec<char>,
    origin: Vec<(usize, usize)>,
}

impl Normal {
    fn of(text: &str) -> Self {
        let mut chars = Vec::new();
        let mut origin = Vec::new();
        for (count, (at, c)) in text.char_indices().enumerate() {
            if count >= MAX_REVIEWED_CHARS {
                break;
            }
            // Decomposed diacritics are dropped; precomposed Polish letters are mapped below.
            if is_combining_mark(c) {
                continue;
            }
            let c = match c {
                '’' | '‘' | 'ʼ' | '`' => '\'',
                other => other,
            };
            for lower in c.to_lowercase() {
                chars.push(plain(lower));
                origin.push((at, at + c.len_utf8()));
            }
        }
        Self { chars, origin }
    }
}

fn plain(c: char) -> char {
    match c {
        'ą' => 'a',
        'ć' => 'c',
        'ę' => 'e',
        'ł' => 'l',
        'ń' => 'n',
        'ó' => 'o',
        'ś' => 's',
        'ź' | 'ż' => 'z',
        other => other,
    }
}

/// A word: char positions `start..end` in the normal text.
struct Token {
    word: String,
    start: usize,
    end: usize,
}

fn tokens(chars: &[char]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).is_some_and(|c| c.is_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while let Some(&c) = chars.get(i) {
            let inner_apostrophe =
                c == '\'' && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) && i > start;
            if c.is_alphanumeric() || inner_apostrophe {
                i += 1;
            } else {
                break;
            }
        }
        tokens.push(Token {
            word: chars.get(start..i).unwrap_or_default().iter().collect(),
            start,
            end: i,
        });
    }
    tokens
}

/// Which chars are inside quotation marks.
fn quoted(chars: &[char]) -> Vec<bool> {
    let mut inside = false;
    chars
        .iter()
        .map(|&c| match c {
            '"' => {
                inside = !inside;
                true
            }
            '“' | '„' | '«' => {
                inside = true;
                true
            }
            '”' | '»' => {
                inside = false;
                true
            }
            _ => inside,
        })
        .collect()
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '\n' | '…')
}

/// How the situation after a blame phrase reads in an I-statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "you always X" → "when you X".
    EnYou,
    /// "you never X" → "when you don't X".
    EnYouDont,
    /// "you're always X" → "when you're X".
    EnYoure,
    /// "you're never X" → "when you're not X".
    EnYoureNot,
    /// "ty zawsze X" → "kiedy X".
    Pl,
    /// "ty nigdy X" → "kiedy nie X" (unless X already says "nie").
    PlNot,
}

impl Form {
    fn language(self) -> Language {
        match self {
            Form::Pl | Form::PlNot => Language::Pl,
            _ => Language::En,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Situation {
    /// The first token of the situation.
    from: usize,
    form: Form,
}

/// A finding in token terms, before it becomes bytes.
#[derive(Clone, Debug)]
struct Hit {
    rule: Rule,
    key: &'static str,
    /// Tokens `first..=last`, or, for a hit outside words ("/s"), chars given in `chars`.
    first: usize,
    last: usize,
    chars: Option<(usize, usize)>,
    situation: Option<Situation>,
}

impl Hit {
    fn words(rule: Rule, key: &'static str, first: usize, last: usize) -> Self {
        Self {
            rule,
            key,
            first,
            last,
            chars: None,
            situation: None,
        }
    }

    fn start_char(&self, tokens: &[Token]) -> usize {
        match self.chars {
            Some((start, _)) => start,
            None => tokens.get(self.first).map_or(0, |t| t.start),
        }
    }

    fn end_char(&self, tokens: &[Token]) -> usize {
        match self.chars {
            Some((_, end)) => end,
            None => tokens.get(self.last).map_or(0, |t| t.end),
        }
    }
}

/// "/s" after a space (or at the start) and before the end or a non-letter.
fn slash_s(chars: &[char], quoted: &[bool]) -> Vec<Hit> {
    let mut hits = Vec::new();
    for k in 0..chars.len() {
        let is_marker = chars.get(k) == Some(&'/')
            && chars.get(k + 1) == Some(&'s')
            && (k == 0 || chars.get(k - 1).is_some_and(|c| c.is_whitespace()))
            && chars.get(k + 2).is_none_or(|c| !c.is_alphanumeric());
        if is_marker && !quoted.get(k).copied().unwrap_or(false) {
            hits.push(Hit {
                chars: Some((k, k + 2)),
                ..Hit::words(Rule::Sarcasm, SARCASM_KEY, 0, 0)
            });
        }
    }
    hits
}

/// One word of a phrase: alternatives, each exact or (ending in `*`) a prefix.
fn word_matches(pattern: &str, word: &str) -> bool {
    pattern.split('|').any(|alt| match alt.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == alt,
    })
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|pattern| word_matches(pattern, word))
}

struct Scan<'a> {
    normal: &'a Normal,
    tokens: &'a [Token],
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.word.as_str())
    }

    /// Whether a sentence ends between tokens `a` and `a + 1`.
    fn breaks_after(&self, a: usize) -> bool {
        let (Some(left), Some(right)) = (self.tokens.get(a), self.tokens.get(a + 1)) else {
            return true;
        };
        self.normal
            .chars
            .get(left.end..right.start)
            .unwrap_or_default()
            .iter()
            .any(|&c| ends_sentence(c))
    }

    /// The chars between token `a` and the next one (or the end).
    fn gap_after(&self, a: usize) -> &[char] {
        let Some(left) = self.tokens.get(a) else {
            return &[];
        };
        let end = self
            .tokens
            .get(a + 1)
            .map_or(self.normal.chars.len(), |t| t.start);
        self.normal.chars.get(left.end..end).unwrap_or_default()
    }

    fn gap_before(&self, a: usize) -> &[char] {
        let Some(right) = self.tokens.get(a) else {
            return &[];
        };
        let start = a
            .checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map_or(0, |t| t.end);
        self.normal
            .chars
            .get(start..right.start)
            .unwrap_or_default()
    }

    /// How many tokens the phrase matches at `i`, within one sentence.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut n = 0;
        for pattern in phrase.split_whitespace() {
            if n > 0 && self.breaks_after(i + n - 1) {
                return None;
            }
            if !word_matches(pattern, self.word_opt(i + n)?) {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    fn word_opt(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.word.as_str())
    }

    fn any_phrase_at(&self, i: usize, phrases: &[&str]) -> Option<usize> {
        phrases.iter().find_map(|p| self.phrase_at(i, p))
    }

    /// A warm word within the next four words of the same sentence.
    fn warm_after(&self, from: usize) -> bool {
        (from..from + 4)
            .take_while(|&j| j == from || !self.breaks_after(j - 1))
            .any(|j| self.any_phrase_at(j, words::WARM).is_some())
    }

    /// A negation one or two words before `i`, in the same sentence.
    fn negated_before(&self, i: usize) -> bool {
        (1..=2).any(|back| {
            i.checked_sub(back).is_some_and(|j| {
                (j..i).all(|k| !self.breaks_after(k)) && in_list(words::NEGATIONS, self.word(j))
            })
        })
    }

    fn hits(&self) -> Vec<Hit> {
        let mut hits = Vec::new();
        for i in 0..self.tokens.len() {
            self.blame_at(i, &mut hits);
            self.lying_at(i, &mut hits);
            self.label_at(i, &mut hits);
            self.sarcasm_at(i, &mut hits);
        }
        hits
    }

    fn blame_at(&self, i: usize, hits: &mut Vec<Hit>) {
        let youre = matches!(self.word(i), "you're" | "youre")
            || (self.word(i) == "you" && self.word(i + 1) == "are");
        if let Some(n) = self.any_phrase_at(i, words::EN_ALWAYS)
            && !self.warm_after(i + n)
        {
            let form = if youre { Form::EnYoure } else { Form::EnYou };
            hits.push(self.absolute(i, n, form));
        }
        if let Some(n) = self.any_phrase_at(i, words::EN_NEVER)
            && self.any_phrase_at(i + n, words::EN_NEVER_KIND).is_none()
        {
            let form = if youre {
                Form::EnYoureNot
            } else {
                Form::EnYouDont
            };
            hits.push(self.absolute(i, n, form));
        }
        for faults in [words::EN_FAULT, words::PL_FAULT] {
            if let Some(n) = self.any_phrase_at(i, faults)
                && !self.negated_before(i)
            {
                hits.push(Hit::words(Rule::Blame, FAULT_KEY, i, i + n - 1));
            }
        }
        if let Some(n) = self.any_phrase_at(i, words::PL_ALWAYS)
            && !self.warm_after(i + n)
        {
            hits.push(self.absolute(i, n, Form::Pl));
        }
        if let Some(n) = self.any_phrase_at(i, words::PL_NEVER) {
            hits.push(self.absolute(i, n, Form::PlNot));
        }
        // "zawsze zapominasz", "nigdy mnie nie słuchasz": an absolute, then a second-person verb.
        let word = self.word(i);
        let always = in_list(words::PL_ABSOLUTES_ALWAYS, word);
        if always || word == words::PL_ABSOLUTE_NEVER {
            let verb = (i + 1..=i + 3)
                .take_while(|&j| !self.breaks_after(j - 1))
                .find(|&j| second_person(self.word(j)));
            if let Some(j) = verb
                && !(always && self.warm_after(i + 1))
            {
                let from = if self.word(i + 1) == "ty" {
                    i + 2
                } else {
                    i + 1
                };
                let form = if always { Form::Pl } else { Form::PlNot };
                hits.push(Hit {
                    situation: Some(Situation { from, form }),
                    ..Hit::words(Rule::Blame, ABSOLUTE_KEY, i, j)
                });
            }
        }
    }

    fn absolute(&self, i: usize, n: usize, form: Form) -> Hit {
        Hit {
            situation: Some(Situation { from: i + n, form }),
            ..Hit::words(Rule::Blame, ABSOLUTE_KEY, i, i + n - 1)
        }
    }

    /// A charge of lying: "kłamiesz", "your lies", or "lie"/"lying" said of "you" within the three
    /// words before it ("you lie", "you're lying", "you always lie"), unless negated ("you don't
    /// lie", "nie kłamiesz"). With an absolute in between, the absolute is its own finding and
    /// this one covers the verb alone.
    fn lying_at(&self, i: usize, hits: &mut Vec<Hit>) {
        if let Some(n) = self.any_phrase_at(i, words::LYING_PHRASES) {
            if !self.negated_before(i) {
                hits.push(Hit::words(Rule::Blame, LYING_KEY, i, i + n - 1));
            }
            return;
        }
        if !in_list(words::EN_LYING, self.word(i)) || self.word(i + 1) == "down" {
            return;
        }
        for back in 1..=3 {
            let Some(j) = i.checked_sub(back) else {
                return;
            };
            if self.breaks_after(j) {
                return;
            }
            let word = self.word(j);
            if in_list(words::FIRST_PERSON, word)
                || in_list(words::NEGATIONS, word)
                || in_list(words::EN_DO_NOT, word)
            {
                return;
            }
            if in_list(words::EN_YOU, word) {
                let absolute_between = (j + 1..i).any(|k| in_list(words::ABSOLUTES, self.word(k)));
                let first = if absolute_between { i } else { j };
                hits.push(Hit::words(Rule::Blame, LYING_KEY, first, i));
                return;
            }
        }
    }

    /// A label for a person, addressed to the partner within the four words before it.
    fn label_at(&self, i: usize, hits: &mut Vec<Hit>) {
        if !in_list(words::LABELS, self.word(i)) {
            return;
        }
        let mut intensified = false;
        for back in 1..=4 {
            let Some(j) = i.checked_sub(back) else {
                return;
            };
            if self.breaks_after(j) {
                return;
            }
            let word = self.word(j);
            if in_list(words::FIRST_PERSON, word) || in_list(words::NEGATIONS, word) {
                return;
            }
            if in_list(words::INTENSIFIERS, word) {
                intensified = true;
            }
            if in_list(words::ADDRESS, word) {
                let key = if intensified {
                    NAME_CALLING_KEY
                } else {
                    INSULT_KEY
                };
                hits.push(Hit::words(Rule::Contempt, key, j, i));
                return;
            }
        }
    }

    fn sarcasm_at(&self, i: usize, hits: &mut Vec<Hit>) {
        if let Some(n) = self.any_phrase_at(i, words::SARCASM) {
            // "No jasne, że przyjdę" is a warm yes.
            let sincere = self.word(i) == "no" && self.word(i + n) == "ze";
            if !sincere {
                hits.push(Hit::words(Rule::Sarcasm, SARCASM_KEY, i, i + n - 1));
            }
        }
        if in_list(words::SARCASM_ALONE, self.word(i)) {
            let before = self.gap_before(i);
            let opens = i == 0
                || before
                    .iter()
                    .any(|&c| ends_sentence(c) || c == ',' || c == ':')
                || matches!(
                    self.word(i - 1),
                    "oh" | "sure" | "yeah" | "well" | "ok" | "okay" | "no" | "juz"
                );
            let after = self.gap_after(i);
            let closes = i + 1 == self.tokens.len() && after.iter().all(|c| !c.is_alphanumeric())
                || after.iter().any(|&c| ends_sentence(c) || c == ',');
            if opens && closes {
                hits.push(Hit::words(Rule::Sarcasm, SARCASM_KEY, i, i));
            }
        }
    }

    /// The person's own words after a blame phrase, to the end of the sentence; `None` when they
    /// would carry into the suggestion what was noticed (another finding, an absolute, a charge
    /// of lying, a label).
    fn situation_text(
        &self,
        text: &str,
        situation: Situation,
        kept: &[Hit],
    ) -> Option<(Form, String)> {
        if situation.from == 0 || self.breaks_after(situation.from - 1) {
            return None;
        }
        let last = (situation.from..self.tokens.len())
            .take_while(|&j| j == situation.from || !self.breaks_after(j - 1))
            .last()?;
        let carries_harshness = (situation.from..=last).any(|j| {
            let word = self.word(j);
            in_list(words::ABSOLUTES, word)
                || in_list(words::EN_LYING, word)
                || in_list(words::PL_LYING, word)
                || in_list(words::LABELS, word)
        }) || kept.iter().any(|hit| {
            let own = hit.situation.is_some_and(|s| s.from == situation.from);
            !own && hit.chars.is_none() && hit.last >= situation.from && hit.first <= last
        });
        if carries_harshness {
            return None;
        }
        let first = self.tokens.get(situation.from)?;
        let end_char = (first.start..self.normal.chars.len())
            .find(|&k| self.normal.chars.get(k).is_some_and(|&c| ends_sentence(c)));
        let start = self.normal.origin.get(first.start)?.0;
        let end = match end_char {
            Some(k) => self.normal.origin.get(k)?.0,
            None => text.len(),
        };
        let what = text
            .get(start..end)?
            .trim()
            .trim_end_matches([',', ':', '-', ' '])
            .trim();
        if what.is_empty() || what.chars().count() > 120 || what.contains(['"', '“', '”', '„'])
        {
            return None;
        }
        // "you never listened" cannot become "when you don't listened": a past tense gets the
        // plain template instead of a broken sentence.
        if situation.form == Form::EnYouDont && english_past(self.word(situation.from)) {
            return None;
        }
        let says_nie = (situation.from..self.tokens.len())
            .take_while(|&j| j == situation.from || !self.breaks_after(j - 1))
            .any(|j| self.word(j) == "nie");
        let what = if situation.form == Form::PlNot && !says_nie {
            format!("nie {what}")
        } else {
            what.to_owned()
        };
        Some((situation.form, what))
    }
}

/// An English verb in the past tense: regular ("listened") or one of the common irregular ones.
fn english_past(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "came",
        "told",
        "said",
        "did",
        "went",
        "gave",
        "took",
        "made",
        "thought",
        "saw",
        "heard",
        "knew",
        "felt",
        "got",
        "brought",
        "bought",
        "left",
        "kept",
        "wrote",
        "spoke",
        "forgot",
        "paid",
        "sent",
        "meant",
        "was",
        "were",
        "had",
        "found",
        "understood",
        "stood",
        "let",
        "put",
        "read",
        "showed",
        "tried",
        "cared",
    ];
    (word.ends_with("ed") && word.chars().count() > 3 && word != "need" && word != "feed")
        || IRREGULAR.contains(&word)
}

/// A Polish verb in the second person singular ("słuchasz", "musisz", "jesteś").
fn second_person(word: &str) -> bool {
    const NOT_VERBS: &[&str] = &["nasz", "wasz", "kosz", "grosz", "gulasz", "kapelusz"];
    word == "jestes"
        || (word.ends_with("sz") && word.chars().count() >= 4 && !NOT_VERBS.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<Rule> {
        review(text, Language::En)
            .findings
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    fn flagged(text: &str) -> Vec<&str> {
        review(text, Language::En)
            .findings
            .iter()
            .map(|f| &text[f.span.start..f.span.end])
            .collect()
    }

    #[test]
    fn harsh_openings_are_noticed_with_their_rule() {
        let table: &[(&str, Rule)] = &[
            ("You always leave the dishes for me.", Rule::Blame),
            ("you never listen to me", Rule::Blame),
            ("You're always late.", Rule::Blame),
            ("It's your fault we missed the train.", Rule::Blame),
            ("We lost the deposit because of you.", Rule::Blame),
            ("Every time you drink it ends like this.", Rule::Blame),
            ("You idiot.", Rule::Contempt),
            ("You're so selfish sometimes", Rule::Contempt),
            ("you are such a loser", Rule::Contempt),
            ("Yeah right, like that will happen.", Rule::Sarcasm),
            ("Oh great, another weekend at your mother's.", Rule::Sarcasm),
            ("Sure you'll be on time /s", Rule::Sarcasm),
            ("Whatever.", Rule::Sarcasm),
            ("Fine, whatever, do what you want", Rule::Sarcasm),
            // Polish, with and without diacritics, inflected.
            ("Ty zawsze się spóźniasz.", Rule::Blame),
            ("Zawsze ty musisz mieć ostatnie słowo", Rule::Blame),
            ("ty nigdy mnie nie sluchasz", Rule::Blame),
            ("Nigdy mnie nie słuchasz!", Rule::Blame),
            ("Ciągle zapominasz o rachunkach.", Rule::Blame),
            ("Przez ciebie spóźniliśmy się na pociąg.", Rule::Blame),
            ("To twoja wina.", Rule::Blame),
            ("Stało się to z twojej winy", Rule::Blame),
            ("Jesteś taki leniwy.", Rule::Contempt),
            ("jestes taka egoistyczna", Rule::Contempt),
            ("Ty idioto!", Rule::Contempt),
            ("Ale z ciebie palant.", Rule::Contempt),
            ("No jasne.", Rule::Sarcasm),
            ("Akurat!", Rule::Sarcasm),
            ("Już akurat.", Rule::Sarcasm),
        ];
        for (text, rule) in table {
            assert_eq!(rules(text), vec![*rule], "{text:?}");
        }
    }

    #[test]
    fn kind_words_self_talk_comfort_and_quotes_are_left_alone() {
        for text in [
            "I never want to lose you",
            "I always forget my keys.",
            "We never went back there.",
            "You always make me laugh.",
            "You always know how to cheer me up",
            "Zawsze mogę na ciebie liczyć",
            "Zawsze mnie wspierasz, dziękuję.",
            "It's not your fault.",
            "To nie twoja wina.",
            "You're not stupid.",
            "I feel stupid about what I said.",
            "You think I'm stupid.",
            "Whatever you decide is fine with me.",
            "I'll eat whatever.",
            "Akurat byłam wtedy w domu.",
            "No jasne, że przyjdę!",
            "My sister said \"you always do this\" and it stung.",
            "Mama powiedziała „ty nigdy nie dzwonisz” i było mi przykro.",
            "Czuję się głupio, kiedy się kłócimy.",
            "Zawsze nasz dom był pełen ludzi.",
            "a/s path and /src/main",
            "",
        ] {
            assert_eq!(review(text, Language::En), Review::default(), "{text:?}");
        }
    }

    #[test]
    fn a_past_tense_after_never_gets_the_plain_template_not_a_broken_sentence() {
        for text in ["You never listened to me.", "You never told me the truth."] {
            let review = review(text, Language::En);
            assert!(!review.findings.is_empty(), "{text:?} is still noticed");
            assert_eq!(
                review.suggestion.as_deref(),
                Some("I feel … about …, and I need …"),
                "{text:?}"
            );
        }
        assert_eq!(
            review("You never need me.", Language::En)
                .suggestion
                .as_deref(),
            Some("I feel … when you don't need me, and I need …")
        );
    }

    #[test]
    fn spans_cover_the_words_as_written() {
        assert_eq!(flagged("Honestly, YOU NEVER call."), vec!["YOU NEVER"]);
        assert_eq!(flagged("Przez Ciebie!"), vec!["Przez Ciebie"]);
        assert_eq!(
            flagged("Ty zawsze… oh great"),
            vec!["Ty zawsze", "oh great"]
        );
        assert_eq!(
            flagged("You’re always late and you’re so lazy"),
            vec!["You’re always", "you’re so lazy"]
        );
    }

    #[test]
    fn the_suggestion_starts_from_the_situation_in_the_persons_words() {
        let en = |text| review(text, Language::En).suggestion;
        let pl = |text| review(text, Language::Pl).suggestion;
        assert_eq!(
            en("You always leave the dishes for me."),
            Some("I feel … when you leave the dishes for me, and I need …".to_owned())
        );
        assert_eq!(
            en("you never listen to me"),
            Some("I feel … when you don't listen to me, and I need …".to_owned())
        );
        assert_eq!(
            en("You're always late!"),
            Some("I feel … when you're late, and I need …".to_owned())
        );
        assert_eq!(
            en("It's your fault."),
            Some("I feel … about …, and I need …".to_owned())
        );
        assert_eq!(
            pl("Ty zawsze zostawiasz naczynia w zlewie."),
            Some("Czuję …, kiedy zostawiasz naczynia w zlewie, i potrzebuję …".to_owned())
        );
        assert_eq!(
            pl("Ty nigdy mnie nie słuchasz"),
            Some("Czuję …, kiedy mnie nie słuchasz, i potrzebuję …".to_owned())
        );
        assert_eq!(
            pl("Ty nigdy nie dzwonisz"),
            Some("Czuję …, kiedy nie dzwonisz, i potrzebuję …".to_owned())
        );
        assert_eq!(
            pl("Ty nigdy dzwonisz"),
            Some("Czuję …, kiedy nie dzwonisz, i potrzebuję …".to_owned())
        );
        // An English sentence with a Polish suggestion: the template, not a mix of languages.
        assert_eq!(
            pl("You never call"),
            Some("Czuję …, kiedy …, i potrzebuję …".to_owned())
        );
        assert_eq!(en("Thank you for today"), None);
    }

    #[test]
    fn languages_are_read_from_their_codes() {
        assert_eq!(Language::from_code("PL"), Some(Language::Pl));
        assert_eq!(Language::from_code("en"), Some(Language::En));
        assert_eq!(Language::from_code("de"), None);
    }

    #[test]
    fn decomposed_diacritics_read_as_plain_letters() {
        let decomposed = "Przez cie\u{301}bie";
        assert_eq!(rules(decomposed), vec![Rule::Blame]);
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            #[test]
            fn review_never_panics_and_spans_sit_on_char_boundaries(
                text in "(\\PC|you|never|always|ty|zawsze|nigdy|/s|\"| |\\.){0,60}",
                pl in any::<bool>(),
            ) {
                let lang = if pl { Language::Pl } else { Language::En };
                let review = review(&text, lang);
                let mut last_end = 0;
                for finding in &review.findings {
                    prop_assert!(finding.span.start < finding.span.end);
                    prop_assert!(finding.span.end <= text.len());
                    prop_assert!(text.is_char_boundary(finding.span.start));
                    prop_assert!(text.is_char_boundary(finding.span.end));
                    prop_assert!(finding.span.start >= last_end, "findings overlap");
                    last_end = finding.span.end;
                    prop_assert!(EXPLANATION_KEYS.contains(&finding.explanation_key));
                }
                prop_assert_eq!(review.suggestion.is_some(), !review.findings.is_empty());
            }

            #[test]
            fn a_suggestion_never_carries_an_absolute_and_an_apology_never_accuses(
                text in "(you |you're |always |never |ever |lie |lying |ty |zawsze |nigdy |kłamiesz |call |me |late|, |\\. ){0,30}",
                pl in any::<bool>(),
            ) {
                let lang = if pl { Language::Pl } else { Language::En };
                let message = review(&text, lang).suggestion.unwrap_or_default().to_lowercase();
                for word in message.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                    prop_assert!(
                        !["always", "never", "ever", "lie", "lying", "zawsze", "nigdy", "kłamiesz"]
                            .contains(&word),
                        "{text:?} → {message:?}"
                    );
                }
                let apology = review_as(&text, lang, Field::Apology).suggestion.unwrap_or_default();
                prop_assert!(!apology.contains("when you") && !apology.contains("kiedy"), "{apology:?}");
            }
        }
    }
}
