//! The gentle start-up helper over JSON: what a text's opening may do to the listener, and an
//! I-statement to start from. Nothing is stored or logged, and nothing is ever refused for what
//! it says: the person may always share as written.

use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use steadfast_core::gentle::{self, Field, Language, MAX_REVIEWED_CHARS};

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::i18n::Lang;
use crate::pages::gentle::{rule_label, words_of};

/// A text to look at before sharing it.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct GentleBody {
    /// Up to 10 000 characters.
    text: String,
    /// `en` or `pl`: the language of the suggestion and explanations. Leave out for the
    /// `Accept-Language` one.
    lang: Option<String>,
    /// `message` (the default: something said to the partner) or `apology` (an apology or
    /// taking responsibility: the suggestion stays an apology about the writer).
    field: Option<String>,
}

/// One thing noticed.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct FindingView {
    /// `blame`, `contempt` or `sarcasm`.
    rule: String,
    /// The rule in words.
    label: String,
    /// Byte offsets into `text` (UTF-8), on character boundaries.
    start: usize,
    end: usize,
    /// The words noticed, as written.
    words: String,
    /// Why they may land hard, in words.
    explanation: String,
    /// The id of that explanation.
    explanation_key: String,
}

/// What the helper noticed, and an I-statement to start from when it noticed anything.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct GentleView {
    findings: Vec<FindingView>,
    /// For example "I feel … when you leave the dishes for me, and I need …"; `null` when
    /// nothing was noticed.
    suggestion: Option<String>,
}

#[utoipa::path(post, path = "/gentle-start", tag = "gentle", request_body = GentleBody, security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = GentleView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 422, description = "Refused: `text_too_long`, `lang_invalid`, `field_invalid`, `invalid_body`", body = super::ErrorBody),
    ))]
/// Looks at a text before it is shared (a check-in topic, a crossing report, a repair message):
/// blame and absolutes ("you always"), contempt (insults, "you're so …") and sarcasm markers,
/// in English and Polish, after Gottman's "harsh start-up" and "four horsemen"; and offers an
/// I-statement after Thomas Gordon (on an apology, an apology to start from instead). Rule-based
/// and local; never blocks sending.
pub(crate) async fn review(
    headers: HeaderMap,
    _caller: ApiCaller,
    ApiJson(body): ApiJson<GentleBody>,
) -> Result<Json<GentleView>, ApiError> {
    let asked = lang_of(&headers);
    let language = match body.lang.as_deref() {
        None => crate::pages::gentle::language(asked),
        Some(code) => Language::from_code(code).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "lang_invalid",
                asked.t("gentle-lang-invalid"),
            )
        })?,
    };
    let lang = match language {
        Language::En => Lang::En,
        Language::Pl => Lang::Pl,
    };
    let field = match body.field.as_deref() {
        None => Field::default(),
        Some(code) => Field::from_code(code).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "field_invalid",
                lang.t("gentle-field-invalid"),
            )
        })?,
    };
    if body.text.chars().count() > MAX_REVIEWED_CHARS {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "text_too_long",
            lang.t_with(
                "gentle-text-too-long",
                &[("max", MAX_REVIEWED_CHARS.to_string())],
            ),
        ));
    }
    let review = gentle::review_as(&body.text, language, field);
    Ok(Json(GentleView {
        findings: review
            .findings
            .iter()
            .map(|finding| FindingView {
                rule: finding.rule.as_str().to_owned(),
                label: rule_label(finding.rule, lang),
                start: finding.span.start,
                end: finding.span.end,
                words: words_of(&body.text, finding).to_owned(),
                explanation: lang.t(finding.explanation_key),
                explanation_key: finding.explanation_key.to_owned(),
            })
            .collect(),
        suggestion: review.suggestion,
    }))
}
