//! One rule for every apology and every "I take responsibility" (repair plans, boundary
//! crossings, a promise not kept): no excusing "but".
//!
//! The rule, in plain words. An apology is refused when, as a whole word in any case, it says a
//! word of contrast that takes back what came before it — an excuse ("sorry, but I was tired") or
//! a counter-accusation ("I apologise, however you…", "przepraszam, ale ty…"):
//!
//! - English: "but", "however", "nevertheless", "nonetheless", and "though" when it closes a
//!   clause ("I was tired, though.": there it means "however");
//! - Polish: "ale", "lecz", "jednak", "jednakże", "tylko że", "tyle że".
//!
//! Everything else is accepted, in particular:
//!
//! - a concessive clause, which admits something instead of taking it back: "even though you
//!   trusted me", "although I knew", "though it was late", "even if", "chociaż mi ufałaś", "choć
//!   wiedziałem", "mimo że obiecałam", "nawet jeśli";
//! - "but" meaning "except" or "only": "nothing but the truth", "anything but", "all but",
//!   "no one but", "I can't help but", "last but not least";
//! - the second half of "not only … but (also)" and "nie tylko … ale/lecz", in the same sentence;
//! - the exclamation "ale ze mnie …" ("what a fool I was"), which blames the speaker;
//! - "ale" or "but" inside a longer word ("wcale", "dalej", "butter").
//!
//! The rule reads words, not meaning: "you trusted me, but I lied" is refused although its "but"
//! points at the speaker, and "although you started it" is accepted although it accuses. The
//! refusal says so kindly and suggests "and" or "even though" instead; a nudge toward a plain
//! apology costs little. "Yet" is left alone: "not yet" and "yet again" are far more common in
//! an apology than a "yet" that takes it back.

use unicode_normalization::UnicodeNormalization;

/// Whether an apology turns into an excuse: it has an excusing "but" (see the module's rule).
pub fn is_excusing(text: &str) -> bool {
    sentences(text)
        .iter()
        .any(|words| (0..words.len()).any(|i| excusing_at(words, i)))
}

/// A word and whether a clause ends right after it (a comma, a full stop, the end).
struct Word {
    text: String,
    closes_clause: bool,
}

/// The text in sentences of lowercase words, composed (NFC) so that a decomposed "ż" reads as
/// one letter.
fn sentences(text: &str) -> Vec<Vec<Word>> {
    let text: String = text.nfc().flat_map(char::to_lowercase).collect();
    let mut sentences = vec![Vec::new()];
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        let clause_ends = matches!(c, ',' | ':' | '—' | '–' | '(' | ')') || ends_sentence(c);
        if let Some(current) = sentences.last_mut() {
            if !word.is_empty() {
                current.push(Word {
                    text: std::mem::take(&mut word),
                    closes_clause: clause_ends,
                });
            } else if clause_ends && let Some(last) = current.last_mut() {
                // "though ," or "though …" with a space before the mark.
                last.closes_clause = true;
            }
        }
        if ends_sentence(c) && sentences.last().is_some_and(|s| !s.is_empty()) {
            sentences.push(Vec::new());
        }
    }
    sentences
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '…' | '\n')
}

/// Words before "but" that make it mean "except" or "only".
const BUT_MEANS_EXCEPT_AFTER: [&str; 12] = [
    "nothing",
    "anything",
    "everything",
    "all",
    "none",
    "nobody",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "help",
    "last",
];

/// Words after "however" that make it mean "no matter how" ("however hard it is to hear").
const HOWEVER_OF_DEGREE: [&str; 12] = [
    "much",
    "many",
    "hard",
    "long",
    "often",
    "bad",
    "badly",
    "little",
    "far",
    "deeply",
    "painful",
    "difficult",
];

/// Pronouns after "ale z/ze" in the exclamation "ale ze mnie …".
const EXCLAIMED: [&str; 7] = ["mnie", "ciebie", "niego", "niej", "nas", "was", "nich"];

fn excusing_at(words: &[Word], i: usize) -> bool {
    let word = |k: usize| words.get(k).map_or("", |w| w.text.as_str());
    let before = |k: usize| i.checked_sub(k).map_or("", word);
    match word(i) {
        "but" => {
            let except = BUT_MEANS_EXCEPT_AFTER.contains(&before(1))
                || (before(2) == "no" && before(1) == "one");
            !except && !after_not_only(words, i, "not", &["only", "just", "merely", "simply"])
        }
        "however" => !HOWEVER_OF_DEGREE.contains(&word(i + 1)),
        "nevertheless" | "nonetheless" => true,
        "though" => {
            let closes = words.get(i).is_some_and(|w| w.closes_clause);
            closes && before(1) != "even" && before(1) != "as"
        }
        "ale" => {
            let exclamation = matches!(word(i + 1), "z" | "ze") && EXCLAIMED.contains(&word(i + 2));
            !exclamation && !after_not_only(words, i, "nie", &["tylko"])
        }
        "lecz" => !after_not_only(words, i, "nie", &["tylko"]),
        "jednak" | "jednakże" => true,
        "tylko" | "tyle" => word(i + 1) == "że" && before(1) != "nie",
        _ => false,
    }
}

/// Whether "not only" ("nie tylko") comes earlier in the sentence than word `i`.
fn after_not_only(words: &[Word], i: usize, not: &str, only: &[&str]) -> bool {
    words.get(..i).is_some_and(|earlier| {
        earlier
            .windows(2)
            .any(|pair| matches!(pair, [a, b] if a.text == not && only.contains(&b.text.as_str())))
    })
}
