use askama::Template;
use askama_web::WebTemplate;

use super::Chrome;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub(crate) struct HomePage {
    chrome: Chrome,
}

/// The start page: what Steadfast is, what it promises, and how to leave in a hurry.
pub(crate) async fn show(chrome: Chrome) -> HomePage {
    HomePage { chrome }
}
