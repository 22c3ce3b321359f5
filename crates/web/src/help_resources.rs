//! The places to turn to that every page offering help lists (the help page, patterns, a paused
//! repair, a stuck check-in, and their API answers): right by default for each language, and
//! replaced or extended by the operator's `--help-resource` entries.
//!
//! The defaults live here, in the web crate, and not in core: they are what the app shows, not a
//! rule about a couple, and their labels are words in the locale files, which only the web reads.
//! Each entry names the public source it was checked against; check them again when editing.

use crate::i18n::Lang;

/// Whether the built-in places to turn to are listed beside the operator's own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HelpDefaults {
    /// The operator's entries first, then the defaults for the viewer's language.
    #[default]
    Keep,
    /// The operator's entries only.
    Off,
}

/// A default entry: the locale key of its label, and its phone number or web address.
struct Default {
    label: &'static str,
    contact: &'static str,
}

const POLISH: &[Default] = &[
    // The single emergency number across the EU, free from any phone, also without credit;
    // the European Commission's announcement that 112 works in every member state (2009),
    // e.g. https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320 (source:
    // ec.europa.eu), and https://polanddaily24.com/today-is-european-112-day/lifestyle/18402.
    Default {
        label: "help-default-emergency",
        contact: "112",
    },
    // Ogólnopolskie Pogotowie dla Osób Doznających Przemocy Domowej „Niebieska Linia”: free and
    // around the clock on 800 120 002, run for the Krajowe Centrum Przeciwdziałania
    // Uzależnieniom (KCPU) — PAP MediaRoom, "30 lat realnej pomocy – jubileusz Ogólnopolskiego
    // Pogotowia…", https://pap-mediaroom.pl/zdrowie-i-styl-zycia/30-lat-realnej-pomocy-jubileusz-ogolnopolskiego-pogotowia-dla-osob-doznajacych
    Default {
        label: "help-default-blue-line",
        contact: "800 120 002",
    },
];

const ENGLISH: &[Default] = &[
    // As for Polish: 112 everywhere in the EU (and from any GSM phone in most of the world).
    Default {
        label: "help-default-emergency-europe",
        contact: "112",
    },
    // "The official emergency number in the United States and Canada is 9-1-1": FCC,
    // https://www.fcc.gov/consumer-information (9-1-1 emergency services).
    Default {
        label: "help-default-emergency-north-america",
        contact: "911",
    },
    // Find A Helpline (run by ThroughLine): free, confidential helplines by country, including
    // domestic abuse, e.g. https://findahelpline.com/AU; ThroughLine's qualification of
    // helplines: https://developer.throughlinecare.com/general
    Default {
        label: "help-default-directory",
        contact: "https://findahelpline.com",
    },
];

/// The places to turn to for a viewer in `lang`: the operator's (label, contact) pairs first,
/// then, unless the operator turned them off, the defaults for that language.
pub(crate) fn for_viewer(
    operator: &[(String, String)],
    defaults: HelpDefaults,
    lang: Lang,
) -> Vec<(String, String)> {
    let built_in = match (defaults, lang) {
        (HelpDefaults::Off, _) => &[][..],
        (HelpDefaults::Keep, Lang::Pl) => POLISH,
        (HelpDefaults::Keep, Lang::En) => ENGLISH,
    };
    operator
        .iter()
        .cloned()
        .chain(
            built_in
                .iter()
                .map(|entry| (lang.t(entry.label), entry.contact.to_owned())),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_defaults_after_the_operators_entries() {
        let operator = [("Local shelter".to_owned(), "+48 22 000 00 00".to_owned())];
        let polish = for_viewer(&operator, HelpDefaults::Keep, Lang::Pl);
        let contacts: Vec<&str> = polish.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(contacts, ["+48 22 000 00 00", "112", "800 120 002"]);
        assert!(polish[2].0.contains("Niebieska Linia"), "{polish:?}");
        let english = for_viewer(&[], HelpDefaults::Keep, Lang::En);
        let contacts: Vec<&str> = english.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(contacts, ["112", "911", "https://findahelpline.com"]);
        assert_eq!(for_viewer(&operator, HelpDefaults::Off, Lang::En), operator);
        assert!(for_viewer(&[], HelpDefaults::Off, Lang::Pl).is_empty());
    }
}
