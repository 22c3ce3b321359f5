//! One apology rule, read from a table of sentences in English and Polish: an excusing "but" is
//! refused, a concessive clause is fine.

use steadfast_core::apology::is_excusing;

/// `true`: an excuse or a counter-accusation, refused.
const ENGLISH: &[(&str, bool)] = &[
    ("Sorry, but you always check my phone.", true),
    ("I apologise, however you started it.", true),
    ("sorry but I was tired", true),
    ("I'm sorry. BUT you never listen.", true),
    ("I hid it from you. I was scared, though.", true),
    ("I hid it from you. I was scared though", true),
    ("I regret it; nevertheless, you pushed me.", true),
    ("I lied, nonetheless it was for your own good", true),
    ("You trusted me, but I lied.", true),
    ("Not my finest hour. But", true),
    ("I am sorry I lied even though you trusted me.", false),
    (
        "I'm sorry, although I knew it would hurt you, I did it.",
        false,
    ),
    ("Though it was late, I should have called.", false),
    ("I am sorry. I hid it even though…", false),
    ("I hid the messages even if you asked me twice.", false),
    ("I not only lied, but also hid the receipts.", false),
    ("I owe you nothing but the truth, and here it is.", false),
    ("It was anything but an accident.", false),
    ("I all but ignored you that week.", false),
    ("No one but me decided this.", false),
    ("I can't help but see how much it hurt you.", false),
    ("However hard this is to hear, I broke my word.", false),
    ("I looked at you as though you were the problem.", false),
    (
        "Butter, buttons and a rebuttal: none of it excuses me.",
        false,
    ),
];

const POLISH: &[(&str, bool)] = &[
    ("Przepraszam, ale ty też nie byłaś w porządku.", true),
    ("Przykro mi, jednak mnie sprowokowałeś.", true),
    ("przepraszam ALE byłem zmęczony", true),
    ("Zawiodłam cię. Lecz to ty zacząłeś.", true),
    ("Przepraszam, jednakże miałem swoje powody.", true),
    ("Przepraszam, tylko że nikt mi nie powiedział.", true),
    ("Wiem, że źle zrobiłem, tyle że byłem pod presją.", true),
    ("Przepraszam, ale też ty mnie okłamałaś.", true),
    ("Ufałaś mi, ale skłamałem.", true),
    ("Przepraszam, ze zmęczenia, ale", true),
    ("Przepraszam, że skłamałem, chociaż mi ufałaś.", false),
    ("Choć wiedziałem, że to cię zrani, zrobiłem to.", false),
    ("Przepraszam, mimo że obiecałam, nie zadzwoniłam.", false),
    ("Przepraszam, choć to niczego nie cofnie.", false),
    ("Nawet jeśli mnie prosiłaś, nie powiedziałem prawdy.", false),
    ("Nie tylko skłamałem, ale też ukryłem rachunki.", false),
    ("Nie tylko zapomniałem, lecz także nie zadzwoniłem.", false),
    ("Ale ze mnie głupiec, przepraszam.", false),
    ("Wcale nie miałem racji i dalej mi przykro.", false),
    ("Zachowywałem się stale tak samo i to moja wina.", false),
    ("CHOCIAŻ MI UFAŁAŚ, SKŁAMAŁEM.", false),
    ("Przepraszam. Pomimo że wiedziałam, zrobiłam to.", false),
    // Decomposed "ż": still one word, still concessive.
    ("Przepraszam, chocia\u{7a}\u{307} mi ufałaś.", false),
];

fn check(table: &[(&str, bool)]) {
    let wrong: Vec<_> = table
        .iter()
        .filter(|(sentence, excusing)| is_excusing(sentence) != *excusing)
        .collect();
    assert!(wrong.is_empty(), "read wrongly: {wrong:#?}");
}

#[test]
fn english_apologies_refuse_an_excusing_but_and_accept_a_concession() {
    assert!(ENGLISH.iter().filter(|(_, e)| *e).count() >= 6);
    assert!(ENGLISH.iter().filter(|(_, e)| !*e).count() >= 6);
    check(ENGLISH);
}

#[test]
fn polish_apologies_refuse_an_excusing_ale_and_accept_a_concession() {
    assert!(POLISH.iter().filter(|(_, e)| *e).count() >= 6);
    assert!(POLISH.iter().filter(|(_, e)| !*e).count() >= 6);
    check(POLISH);
}

#[test]
fn empty_and_wordless_apologies_are_not_excusing() {
    for text in ["", "   ", "…", "!!!", "—"] {
        assert!(!is_excusing(text), "{text:?}");
    }
}
