//! The grammatical forms a request's texts speak in (`crate::i18n::Voice`): the reader's own
//! choice, and, on a space's pages and routes, the choice of the partner they are read about.
//!
//! Found by reading only: no session is touched or ended here (the handler's own sign-in check
//! does that), so a page that must leave no record of a visit leaves none. Anything that cannot
//! be read speaks without gender; the handler then answers as it would have.

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::Response;
use steadfast_app::secrets;
use steadfast_core::account::{GrammaticalForm, Liveness, token_is_live};
use steadfast_core::space::{self, Standing};
use steadfast_core::{PersonId, SpaceId};

use crate::auth::session;
use crate::i18n::Voice;
use crate::state::AppState;
use steadfast_app::spaces;

/// Runs the rest of the request in the voice of its reader and their partner.
pub(crate) async fn speak(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let voice = voice_of(&state, request.headers(), request.uri().path()).await;
    voice.scope(next.run(request)).await
}

async fn voice_of(state: &AppState, headers: &HeaderMap, path: &str) -> Voice {
    let Some((person, me)) = reader(state, headers).await else {
        return Voice::default();
    };
    let partner = match space_in(path) {
        Some(space) => partner_form(state, person, space).await,
        None => GrammaticalForm::Neutral,
    };
    Voice { me, partner }
}

/// The signed-in reader and their form: by bearer token when one is presented, else by session
/// cookie, as the sign-in checks find them, but without writing anything.
async fn reader(state: &AppState, headers: &HeaderMap) -> Option<(PersonId, GrammaticalForm)> {
    let now = state.now();
    let person = if headers.contains_key(AUTHORIZATION) {
        let token = session::bearer(headers)?;
        let record = state
            .store
            .api_token_by_hash(&secrets::hash(token))
            .await
            .ok()??;
        token_is_live(record.expires_at, now).then_some(record.account)?
    } else {
        let hash = session::presented_session(state, headers)?;
        let record = state.store.session(&hash).await.ok()??;
        let live =
            state
                .config
                .session_policy
                .liveness(record.created_at, record.last_seen_at, now)
                == Liveness::Live;
        live.then_some(record.account)?
    };
    let account = state.store.account(person).await.ok()??;
    account
        .disabled_at
        .is_none()
        .then_some((account.id, account.grammatical_form))
}

/// The space a path is about: `/spaces/{id}…` and `/api/v1/spaces/{id}…`.
fn space_in(path: &str) -> Option<SpaceId> {
    let rest = path
        .strip_prefix("/api/v1/spaces/")
        .or_else(|| path.strip_prefix("/spaces/"))?;
    let id = rest.split('/').next()?;
    spaces::parse_id(id).ok()
}

/// The form of the person the reader's pages of this space are about: the current partner, or
/// one who left while the reader stayed. Nothing for someone who is not a member.
async fn partner_form(state: &AppState, person: PersonId, space: SpaceId) -> GrammaticalForm {
    let Ok(records) = state.store.members(space).await else {
        return GrammaticalForm::Neutral;
    };
    let members: Vec<_> = records.iter().map(spaces::member).collect();
    if space::standing(&members, person) != Standing::Current {
        return GrammaticalForm::Neutral;
    }
    let Some(counterpart) = space::counterpart(&members, person) else {
        return GrammaticalForm::Neutral;
    };
    match state.store.account(counterpart.person()).await {
        Ok(Some(account)) => account.grammatical_form,
        _ => GrammaticalForm::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_space_path_names_a_space() {
        let id = SpaceId::from_uuid(uuid::Uuid::new_v4());
        assert_eq!(space_in(&format!("/spaces/{id}")), Some(id));
        assert_eq!(space_in(&format!("/spaces/{id}/repairs/x")), Some(id));
        assert_eq!(space_in(&format!("/api/v1/spaces/{id}/promises")), Some(id));
        assert_eq!(space_in(&format!("/coach/spaces/{id}")), None);
        assert_eq!(space_in("/spaces/not-an-id"), None);
        assert_eq!(space_in("/account"), None);
    }
}
