//! "Check my words", read from tables of sentences in English and Polish: a charge of lying is
//! noticed, a suggestion never keeps an absolute or an accusation it noticed, and on an apology
//! the suggestion never turns into an accusation of the reader.

use steadfast_core::gentle::{Field, Language, Review, Rule, review, review_as};

/// Lowercase words of a text, Polish letters as they are.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words a suggestion must never carry over.
const KEPT_HARSHNESS: &[&str] = &[
    "always",
    "never",
    "ever",
    "constantly",
    "lie",
    "lies",
    "lying",
    "idiot",
    "zawsze",
    "nigdy",
    "przenigdy",
    "ciągle",
    "wiecznie",
    "kłamiesz",
    "okłamujesz",
    "kłamstw",
];

fn suggestion(review: &Review) -> &str {
    review.suggestion.as_deref().unwrap_or_default()
}

#[test]
fn a_charge_of_lying_is_noticed_in_both_languages() {
    for text in [
        "You lie to me.",
        "You're lying again.",
        "you are lying",
        "I'm tired of your lies.",
        "You keep lying about the money.",
        "Kłamiesz.",
        "Okłamujesz mnie od miesięcy.",
        "Znowu klamiesz!",
        "Mam dość twoich kłamstw.",
        "Twoje kłamstwa bolą.",
    ] {
        let review = review(text, Language::En);
        assert!(
            review
                .findings
                .iter()
                .any(|f| f.rule == Rule::Blame && f.explanation_key == "gentle-why-lying"),
            "{text:?}: {review:?}"
        );
    }
    for text in [
        "I lie awake when you are out.",
        "You don't lie to me, I know that.",
        "Nie kłamiesz, wiem.",
        "Can you lie down with me?",
        "Nie chcę już kłamać.",
        "I lied to you and I am sorry.",
    ] {
        let review = review(text, Language::En);
        assert!(
            review
                .findings
                .iter()
                .all(|f| f.explanation_key != "gentle-why-lying"),
            "{text:?}: {review:?}"
        );
    }
}

#[test]
fn a_suggestion_never_keeps_the_absolute_or_the_accusation_it_noticed() {
    let table: &[(&str, Language)] = &[
        ("You always forget and you never call.", Language::En),
        ("You're always late, always.", Language::En),
        ("You never ever call me.", Language::En),
        ("You always lie to me.", Language::En),
        ("You never tell the truth, you lie.", Language::En),
        ("You always act like an idiot.", Language::En),
        ("You constantly lie about where you were.", Language::En),
        ("You're lying, you always do this.", Language::En),
        ("Ty zawsze kłamiesz.", Language::Pl),
        ("Ty zawsze zapominasz i nigdy nie dzwonisz.", Language::Pl),
        ("Ty nigdy, przenigdy nie dzwonisz.", Language::Pl),
        ("Zawsze mnie okłamujesz.", Language::Pl),
        ("Nigdy nie mówisz prawdy, ciągle kłamiesz.", Language::Pl),
        ("Ty wiecznie się spóźniasz, wiecznie.", Language::Pl),
        ("Okłamujesz mnie, ty zawsze tak robisz.", Language::Pl),
    ];
    for (text, lang) in table {
        let review = review(text, *lang);
        assert!(!review.findings.is_empty(), "{text:?} is noticed");
        let proposed = words(suggestion(&review));
        assert!(!proposed.is_empty(), "{text:?} gets a suggestion");
        let kept: Vec<_> = proposed
            .iter()
            .filter(|w| KEPT_HARSHNESS.iter().any(|h| w.starts_with(h)))
            .collect();
        assert!(kept.is_empty(), "{text:?} → {:?}", review.suggestion);
    }
    // Clean words after the absolute still fill the I-statement.
    assert_eq!(
        suggestion(&review("You never call me back.", Language::En)),
        "I feel … when you don't call me back, and I need …"
    );
}

#[test]
fn on_an_apology_the_suggestion_stays_an_apology_about_the_writer() {
    let table: &[(&str, Language)] = &[
        ("I'm sorry I never told you.", Language::En),
        ("I am sorry you always have to wait for me.", Language::En),
        ("I'm sorry you never felt safe with me.", Language::En),
        (
            "Sorry that you're always the one who cleans up.",
            Language::En,
        ),
        ("I'm sorry. You never deserved that.", Language::En),
        (
            "I'm sorry, you always lie to protect me and I let you.",
            Language::En,
        ),
        ("Przepraszam, że nigdy ci nie powiedziałem.", Language::Pl),
        (
            "Przepraszam, że zawsze musisz na mnie czekać.",
            Language::Pl,
        ),
        ("Przepraszam, ty nigdy na to nie zasłużyłaś.", Language::Pl),
        ("Przepraszam, że ciągle się spóźniam.", Language::Pl),
        (
            "Przykro mi, że przez ciebie... nie, przeze mnie.",
            Language::Pl,
        ),
    ];
    let mut suggested = 0;
    for (text, lang) in table {
        let review = review_as(text, *lang, Field::Apology);
        let Some(proposed) = review.suggestion.as_deref() else {
            continue;
        };
        suggested += 1;
        let lower = proposed.to_lowercase();
        assert!(
            lower.starts_with("i am sorry that i") || lower.starts_with("przepraszam, że"),
            "{text:?} → {proposed:?}"
        );
        for accusation in [
            "you never",
            "you always",
            "when you",
            "i feel",
            "czuję",
            "kiedy",
        ] {
            assert!(!lower.contains(accusation), "{text:?} → {proposed:?}");
        }
        assert!(
            words(proposed)
                .iter()
                .all(|w| !KEPT_HARSHNESS.iter().any(|h| w.starts_with(h))),
            "{text:?} → {proposed:?}"
        );
    }
    assert!(
        suggested >= 5,
        "the table has apologies that get a suggestion"
    );
    // The same words as a message get an I-statement; as an apology, an apology.
    let text = "I am sorry you always have to wait for me.";
    assert!(suggestion(&review(text, Language::En)).starts_with("I feel"));
    assert!(suggestion(&review_as(text, Language::En, Field::Apology)).starts_with("I am sorry"));
    // "You never deserved that" is comfort, not blame.
    assert!(review("You never deserved that.", Language::En).is_clear());
}

#[test]
fn fields_are_read_from_their_codes() {
    assert_eq!(Field::from_code("Apology"), Some(Field::Apology));
    assert_eq!(Field::from_code("message"), Some(Field::Message));
    assert_eq!(Field::from_code("topic"), None);
    assert_eq!(Field::default(), Field::Message);
}
