//! The API's routes and its OpenAPI document come from one list, so the document cannot miss a
//! route nor describe one that does not exist. Served at `/api/v1/openapi.json`.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::{any, get};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{
    accounts, appreciations, boundaries, calendar, checkins, daily, export, gentle, journal, me,
    patterns, promises, record, recovery, reminders, repairs, rituals, spaces, tokens,
};
use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Steadfast API",
        description = "The same operations as Steadfast's pages, for outside clients. Sign in with \
                       `POST /api/v1/sessions` (a session cookie) or send a personal token as \
                       `Authorization: Bearer <token>`. Errors carry a stable `error` code and a `message` for people.",
        license(name = "AGPL-3.0-or-later")
    ),
    modifiers(&Credentials),
    tags(
        (name = "accounts", description = "Sign up, sign in, your own account"),
        (name = "tokens", description = "Personal API tokens"),
        (name = "spaces", description = "Spaces, invitations and pairing"),
        (name = "promises", description = "Promises between partners and each step of their lifecycle"),
        (name = "checkins", description = "The weekly check-in: sealed answers, breaks, and felt trust over time"),
        (name = "rituals", description = "Rituals: recurring shared time, scheduled in the space's time zone"),
        (name = "daily", description = "The daily ritual: mood, one appreciation, tomorrow's plan"),
        (name = "calendar", description = "Your private calendar feed"),
        (name = "reminders", description = "What is coming up for you, and reminder emails"),
        (name = "record", description = "The reliability record: consent, and how each partner's promises went"),
        (name = "journal", description = "Your private journal: only you ever see it, or learn that it exists"),
        (name = "patterns", description = "Patterns and red flags: yours only, in plain words, with outside help"),
        (name = "gentle", description = "The gentle start-up helper: notices blame, contempt and sarcasm before you share, and offers an I-statement"),
        (name = "export", description = "Everything of yours, as one JSON document"),
        (name = "repairs", description = "Repair plans after a breach (Atone, Attune, Attach), the private log, and the private safety check"),
        (name = "boundaries", description = "Boundaries: proposed, acknowledged, revised with their history, and crossings with acknowledgement, apology and a prevention promise"),
        (name = "appreciations", description = "Appreciations, and the balance of positive and negative moments (a gentle guide after Gottman's 5:1 finding)"),
    )
)]
struct ApiDoc;

/// The two ways to authenticate, named by the paths' `security` lists.
struct Credentials;

impl Modify for Credentials {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("__Host-steadfast"))),
        );
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every API route under `/api/v1`, the document at `/api/v1/openapi.json`, and JSON 404s for
/// anything else under `/api/`.
pub(crate) fn router() -> Router<AppState> {
    let v1 = OpenApiRouter::new()
        .routes(routes!(accounts::create))
        .routes(routes!(accounts::sign_in))
        .routes(routes!(accounts::sign_out))
        .routes(routes!(accounts::me, me::delete))
        .routes(routes!(me::change_password))
        .routes(routes!(me::renew_recovery_codes))
        .routes(routes!(recovery::recover))
        .routes(routes!(tokens::list, tokens::create))
        .routes(routes!(tokens::revoke))
        .routes(routes!(spaces::list, spaces::create))
        .routes(routes!(spaces::show))
        .routes(routes!(spaces::invite))
        .routes(routes!(spaces::revoke))
        .routes(routes!(spaces::leave))
        .routes(routes!(spaces::accept))
        .routes(routes!(promises::list, promises::create))
        .routes(routes!(promises::show))
        .routes(routes!(promises::done))
        .routes(routes!(promises::kept))
        .routes(routes!(promises::not_yet))
        .routes(routes!(promises::renegotiate))
        .routes(routes!(promises::accept_renegotiation))
        .routes(routes!(promises::decline_renegotiation))
        .routes(routes!(promises::broken))
        .routes(routes!(promises::extend))
        .routes(routes!(promises::let_go))
        .routes(routes!(promises::release))
        .routes(routes!(checkins::list, checkins::create))
        .routes(routes!(checkins::trend))
        .routes(routes!(checkins::show))
        .routes(routes!(checkins::save_draft))
        .routes(routes!(checkins::submit))
        .routes(routes!(checkins::call_break, checkins::end_break))
        .routes(routes!(rituals::list, rituals::create))
        .routes(routes!(rituals::show, rituals::change, rituals::end))
        .routes(routes!(rituals::set_time_zone))
        .routes(routes!(daily::list, daily::write))
        .routes(routes!(
            calendar::show,
            calendar::create,
            calendar::update,
            calendar::revoke
        ))
        .routes(routes!(reminders::coming_up))
        .routes(routes!(
            reminders::show_email,
            reminders::email_on,
            reminders::email_off
        ))
        .routes(routes!(record::show))
        .routes(routes!(record::give_consent, record::withdraw_consent))
        .routes(routes!(journal::list, journal::create))
        .routes(routes!(journal::prompts))
        .routes(routes!(journal::show, journal::edit, journal::delete))
        .routes(routes!(patterns::list))
        .routes(routes!(gentle::review))
        .routes(routes!(export::export))
        .routes(routes!(repairs::list, repairs::create))
        .routes(routes!(repairs::log, repairs::write_log))
        .routes(routes!(repairs::show))
        .routes(routes!(repairs::accept))
        .routes(routes!(repairs::acknowledge))
        .routes(routes!(repairs::responsibility))
        .routes(routes!(repairs::apology))
        .routes(routes!(repairs::promise))
        .routes(routes!(repairs::transparency))
        .routes(routes!(repairs::advance))
        .routes(routes!(repairs::close))
        .routes(routes!(repairs::progress))
        .routes(routes!(repairs::safety, repairs::answer_safety))
        .routes(routes!(boundaries::list, boundaries::create))
        .routes(routes!(
            boundaries::show,
            boundaries::revise,
            boundaries::withdraw
        ))
        .routes(routes!(boundaries::acknowledge))
        .routes(routes!(boundaries::report))
        .routes(routes!(boundaries::acknowledge_crossing))
        .routes(routes!(boundaries::apologise))
        .routes(routes!(boundaries::prevention))
        .routes(routes!(boundaries::resolve))
        .routes(routes!(appreciations::list, appreciations::create))
        .routes(routes!(appreciations::balance));
    let (routes, document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", v1)
        .split_for_parts();
    let document = Arc::new(document);
    routes
        .route(
            "/api/v1/openapi.json",
            get(serve_document).with_state(document),
        )
        .route("/api/{*rest}", any(super::not_found))
}

/// The OpenAPI 3.1 document.
async fn serve_document(
    State(document): State<Arc<utoipa::openapi::OpenApi>>,
) -> impl IntoResponse {
    axum::Json(document.as_ref().clone())
}
