//! A coarse name for the device behind a session ("Firefox on Android"), so a person can tell
//! their sessions apart on the security page. Only this label is kept, never the full
//! User-Agent, nor any address.

use crate::i18n::Lang;

/// The browser and system named by a User-Agent, as far as a person would recognise them.
pub(crate) fn label(user_agent: Option<&str>) -> String {
    let Some(agent) = user_agent else {
        return "Unknown device".to_owned();
    };
    let browser = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .into_iter()
    .find(|(marker, _)| agent.contains(marker))
    .map_or("Browser", |(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(marker, _)| agent.contains(marker))
    .map(|(_, name)| name);
    match system {
        Some(system) => format!("{browser} on {system}"),
        None => browser.to_owned(),
    }
}

/// A stored label as a person reads it in their language: the browser's and system's names
/// stay as they are, the words around them come from Fluent. Labels are kept in one neutral
/// form ("Chrome on Android") so that sessions made before a language switch read the same.
pub(crate) fn words(label: &str, lang: Lang) -> String {
    let name = |browser: &str| {
        if browser == "Browser" {
            lang.t("device-browser")
        } else {
            browser.to_owned()
        }
    };
    if label == "Unknown device" {
        return lang.t("device-unknown");
    }
    match label.split_once(" on ") {
        Some((browser, system)) => lang.t_with(
            "device-on",
            &[("browser", name(browser)), ("system", system.to_owned())],
        ),
        None => name(label),
    }
}

#[cfg(test)]
mod tests {
    use super::{label, words};
    use crate::i18n::Lang;

    #[test]
    fn a_device_reads_in_the_persons_language() {
        assert_eq!(words("Chrome on Android", Lang::En), "Chrome on Android");
        assert_eq!(words("Chrome on Android", Lang::Pl), "Chrome (Android)");
        assert_eq!(words("Browser on Linux", Lang::Pl), "Przeglądarka (Linux)");
        assert_eq!(words("Unknown device", Lang::Pl), "Nieznane urządzenie");
        assert_eq!(words("curl", Lang::Pl), "curl");
    }

    #[test]
    fn common_agents_get_a_recognisable_name_and_nothing_more() {
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
        assert_eq!(label(Some(android)), "Chrome on Android");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(label(Some(iphone)), "Safari on iPhone");
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert_eq!(label(Some(firefox)), "Firefox on Linux");
        assert_eq!(label(Some("curl/8.5.0")), "curl");
        assert_eq!(label(None), "Unknown device");
    }
}
