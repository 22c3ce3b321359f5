//! The help page: open to everyone and leaving no record (docs/PRINCIPLES.md, Safety). It does not sign
//! anyone in, set a cookie, record a session's activity or store anything; the request metrics
//! count it by route name only, like every other route.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::request::Parts;

use super::Chrome;
use crate::auth::session;
use crate::i18n::Lang;
use crate::state::AppState;

/// One place to turn to: the operator's, or a default for the viewer's language.
pub(crate) struct Resource {
    pub(crate) label: String,
    pub(crate) contact: String,
    /// A link for a web address or a phone number; other text is shown as it is.
    pub(crate) href: Option<String>,
}

impl Resource {
    pub(crate) fn new(label: &str, contact: &str) -> Self {
        Self {
            label: label.to_owned(),
            contact: contact.to_owned(),
            href: link_for(contact),
        }
    }
}

fn link_for(contact: &str) -> Option<String> {
    let contact = contact.trim();
    if contact.starts_with("https://") || contact.starts_with("http://") {
        return Some(contact.to_owned());
    }
    let phone_like = contact
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'));
    let digits: String = contact
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (phone_like && digits.chars().filter(char::is_ascii_digit).count() >= 3)
        .then(|| format!("tel:{digits}"))
}

#[derive(Template, WebTemplate)]
#[template(path = "help.html")]
pub(crate) struct HelpPage {
    chrome: Chrome,
    resources: Vec<Resource>,
}

/// The page itself. Whether the visitor is signed in is read without touching the session, only
/// so the header offers the right links.
pub(crate) async fn show(State(state): State<AppState>, parts: Parts) -> HelpPage {
    let signed_in = session::peek_signed_in(&state, &parts.headers).await;
    let lang = Lang::of_request(&parts);
    let chrome = Chrome::new(&state, lang, parts.uri.path(), signed_in);
    let resources = state
        .help_for(lang)
        .iter()
        .map(|(label, contact)| Resource::new(label, contact))
        .collect();
    HelpPage { chrome, resources }
}

#[cfg(test)]
mod tests {
    use super::link_for;

    #[test]
    fn web_addresses_and_phone_numbers_become_links() {
        assert_eq!(
            link_for("https://help.example/chat"),
            Some("https://help.example/chat".to_owned())
        );
        assert_eq!(
            link_for("+48 800 120 002"),
            Some("tel:+48800120002".to_owned())
        );
        assert_eq!(
            link_for("(800) 799-7233"),
            Some("tel:8007997233".to_owned())
        );
        assert_eq!(link_for("ask at the front desk"), None);
        assert_eq!(link_for("javascript:alert(1)"), None);
        assert_eq!(link_for("112"), Some("tel:112".to_owned()));
    }
}
