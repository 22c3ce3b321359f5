//! The gentle start-up helper's word lists, in one place, as they read after normalisation
//! (lowercase, Polish letters without diacritics, `’` as `'`). A word ending in `*` matches any
//! word that starts with it, which is how Polish inflection is covered (`glupi*` is `głupi`,
//! `głupia`, `głupku`…). Alternatives are separated by `|`.

/// "You always …" — an absolute about the partner. The situation after it can fill the
/// I-statement ("… when you …").
pub(super) const EN_ALWAYS: &[&str] = &[
    "you always",
    "you constantly",
    "every time you",
    "you're|youre always",
    "you are always",
    "you're|youre constantly",
];

/// "You never …" — the situation reads "… when you don't …".
pub(super) const EN_NEVER: &[&str] = &["you never", "you're|youre never", "you are never"];

/// After "you never", words that make it comfort, not blame: "you never deserved this".
pub(super) const EN_NEVER_KIND: &[&str] = &["deserve*", "meant to hurt*"];

/// Fault and blame, unless negated ("it's not your fault" is comfort).
pub(super) const EN_FAULT: &[&str] = &["your fault", "because of you"];

/// "Ty zawsze …", "zawsze ty …" and the like.
pub(super) const PL_ALWAYS: &[&str] = &["ty zawsze|ciagle|wiecznie", "zawsze|ciagle|wiecznie ty"];

pub(super) const PL_NEVER: &[&str] = &["ty nigdy", "nigdy ty"];

pub(super) const PL_FAULT: &[&str] = &[
    "przez ciebie",
    "twoja wina",
    "twoja to wina",
    "twojej winy",
    "z twojej winy",
];

/// Polish absolutes that, followed by a verb in the second person (`…sz`, or `jesteś`), blame
/// the partner: "zawsze zapominasz", "nigdy mnie nie słuchasz".
pub(super) const PL_ABSOLUTES_ALWAYS: &[&str] = &["zawsze", "ciagle", "wiecznie"];
pub(super) const PL_ABSOLUTE_NEVER: &str = "nigdy";

/// Warm words that make "you always …" a compliment, looked for in the next few words: "you
/// always make me laugh", "zawsze mnie wspierasz". Only for "always": "you never help" stays
/// blame.
pub(super) const WARM: &[&str] = &[
    "laugh*",
    "smile*",
    "love*",
    "help*",
    "support*",
    "care*",
    "safe",
    "happy",
    "kind",
    "listen*",
    "believe*",
    "know how",
    "find a way",
    "there for",
    "rozsmiesz*",
    "usmiech*",
    "pomag*",
    "pomoz*",
    "wspier*",
    "kochasz",
    "kocha*",
    "dbasz",
    "dba*",
    "rozumiesz",
    "sluchasz",
    "wierzysz",
    "moge",
    "mozna",
    "przy mnie",
    "ze mna",
];

/// Negations that turn blame into comfort when they come just before it.
pub(super) const NEGATIONS: &[&str] = &["not", "isn't", "isnt", "wasn't", "wasnt", "never", "nie"];

/// Words that speak to the partner; a label within a few words after one is addressed to them.
pub(super) const ADDRESS: &[&str] = &[
    "you", "you're", "youre", "u", "ur", "yourself", "ty", "jestes", "ciebie", "cie", "tobie",
];

/// Words that turn the sentence to the writer ("you think I'm stupid"): a label after one is not
/// addressed to the partner.
pub(super) const FIRST_PERSON: &[&str] = &[
    "i", "i'm", "im", "me", "myself", "ja", "jestem", "mnie", "mi", "siebie", "sie",
];

/// Name-calling: "you're so …", "jesteś taki/taka …", "ale z ciebie …".
pub(super) const INTENSIFIERS: &[&str] = &["so", "such", "tak*", "straszn*"];

/// Insults and contemptuous labels for a person. Short on purpose: the helper notices, it does
/// not police.
pub(super) const LABELS: &[&str] = &[
    // English
    "idiot*",
    "stupid",
    "moron*",
    "pathetic",
    "loser",
    "useless",
    "worthless",
    "dumb*",
    "jerk",
    "selfish",
    "lazy",
    "crazy",
    "psycho*",
    "disgusting",
    "liar",
    "failure",
    "asshole",
    "bastard",
    "bitch",
    "childish",
    "immature",
    "ungrateful",
    "hopeless",
    "annoying",
    "dramatic",
    "needy",
    "clingy",
    "irresponsible",
    "toxic",
    // Polish
    "idiot*",
    "debil*",
    "kretyn*",
    "glupi*",
    "glupek",
    "glupk*",
    "palant*",
    "dupek",
    "dupk*",
    "frajer*",
    "cham",
    "chamie",
    "chamski*",
    "zalosn*",
    "beznadziejn*",
    "nieudaczni*",
    "egoist*",
    "leniw*",
    "len",
    "psychol*",
    "swir*",
    "wariat*",
    "klamca",
    "klamco",
    "klamczuch*",
    "dziecinn*",
    "nieodpowiedzialn*",
    "upierdliw*",
    "wredn*",
    "podl*",
    "niewdzieczn*",
    "samolubn*",
    "histery*",
    "nieznosn*",
    "okropn*",
    "toksyczn*",
];

/// Sarcasm markers as whole phrases.
pub(super) const SARCASM: &[&str] = &[
    "yeah|yea right",
    "oh great|wonderful|perfect|sure",
    "big surprise",
    "what a surprise",
    "sure whatever",
    "no jasne",
    "jasne jasne",
    "no pewnie",
    "juz to widze",
    "brawo ty",
];

/// Said on its own ("Whatever.", "Akurat!"), these are sarcasm; inside a sentence ("whatever you
/// decide", "akurat byłem w domu") they are not.
pub(super) const SARCASM_ALONE: &[&str] = &["whatever", "akurat"];

/// Absolutes, in every form the helper reads: a suggestion never carries one of these from the
/// person's words ("never ever", "przenigdy", "wiecznie").
pub(super) const ABSOLUTES: &[&str] = &[
    "always",
    "never*",
    "ever",
    "forever",
    "constantly",
    "continually",
    "zawsze",
    "nigdy",
    "przenigdy",
    "ciagle",
    "wiecznie",
    "stale",
    "nieustannie",
    "bezustannie",
];

/// "Lie" and "lying": a charge of lying when said of "you" ("you lie", "you're lying").
pub(super) const EN_LYING: &[&str] = &["lie", "lies", "lying"];

/// Polish charges of lying: a verb in the second person says who is meant.
pub(super) const PL_LYING: &[&str] = &[
    "klamiesz",
    "oklamujesz",
    "lzesz",
    "naklamales|naklamalas",
    "klamstw*",
];

/// Charges of lying as whole phrases, whoever they sit next to.
pub(super) const LYING_PHRASES: &[&str] = &[
    "klamiesz",
    "oklamujesz",
    "lzesz",
    "twoje|twoich|twoim klamstw*",
    "twoje|twoim klamstwo|klamstwem",
    "your lies|lying",
];

/// The partner as the subject of a verb.
pub(super) const EN_YOU: &[&str] = &["you", "you're", "youre", "you've", "youve", "u", "ur"];

/// "Don't" and the like between "you" and "lie": "you don't lie to me".
pub(super) const EN_DO_NOT: &[&str] = &[
    "don't", "dont", "didn't", "didnt", "wouldn't", "wouldnt", "won't", "wont",
];
