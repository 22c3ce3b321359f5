//! The API's routes and its OpenAPI document come from one list, so the document cannot miss a
//! route nor describe one that does not exist. Served at `/api/v1/openapi.json`.

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::Method;
use axum::response::IntoResponse;
use axum::routing::{any, get};
use steadfast_core::account::{GrammaticalForm, Password, TokenLabel};
use steadfast_core::appreciation::AppreciationText;
use steadfast_core::boundary::{ApologyText, BoundaryText, BoundaryWhy};
use steadfast_core::checkin::{Appreciation, Note};
use steadfast_core::checkin::{Step, TrustItem};
use steadfast_core::daily::DailyText;
use steadfast_core::journal::JournalText;
use steadfast_core::journal::Prompt;
use steadfast_core::landing::Landing;
use steadfast_core::landing::LandingWord;
use steadfast_core::promise::Ask;
use steadfast_core::promise::{AcknowledgementWord, PromiseText, Reason, TrustDomain};
use steadfast_core::repair::RepairText;
use steadfast_core::repair::{Forgiveness, Part};
use steadfast_core::ritual::RitualKind;
use steadfast_core::ritual::RitualName;
use steadfast_core::space::SpaceName;
use steadfast_core::text::TextRule;
use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, Object, Schema, SchemaType, Type};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{
    accounts, appreciations, boundaries, calendar, checkins, coach, daily, export, gentle, journal,
    me, patterns, promises, record, recovery, reminders, repairs, rituals, spaces, tokens,
};
use crate::routes::{ApiRoutes, Write, WriteRules};
use crate::state::AppState;

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
        (name = "coaching", description = "Coaches: each partner's own, time-limited, revocable grant of their shared data; the coach's read-only view; who read what"),
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

/// What every route that reads a JSON body may answer before the route's own rules run: a body
/// that is not JSON (415), too large (413), or not of the documented shape (422). Added here so no
/// route's list can forget them.
struct BodyRefusals;

impl Modify for BodyRefusals {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let refusals = [
            ("413", "The body is too large (`too_large`)"),
            ("415", "The body is not JSON (`json_expected`)"),
            (
                "422",
                "The body is not of the documented shape (`invalid_body`)",
            ),
        ];
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                if operation.request_body.is_none() {
                    continue;
                }
                for (status, description) in refusals {
                    operation
                        .responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| {
                            ResponseBuilder::new()
                                .description(description)
                                .content(
                                    "application/json",
                                    ContentBuilder::new()
                                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                                        .build(),
                                )
                                .build()
                                .into()
                        });
                }
            }
        }
    }
}

/// Adds the 429 every counted write may answer (`crate::guards::quota`), decided by the same rule that
/// counts them, so the document and the server cannot disagree.
struct WriteQuotaRefusal<'a>(&'a WriteRules);

impl Modify for WriteQuotaRefusal<'_> {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                (Method::PUT, &mut item.put),
                (Method::POST, &mut item.post),
                (Method::DELETE, &mut item.delete),
                (Method::PATCH, &mut item.patch),
            ];
            for (method, operation) in operations {
                let Some(operation) = operation else { continue };
                if !self.0.counts(&method, path) {
                    continue;
                }
                operation
                    .responses
                    .responses
                    .entry("429".to_owned())
                    .or_insert_with(|| {
                        ResponseBuilder::new()
                            .description(
                                "Too many writes in a short time (`too_many_writes`): nothing \
                                 was saved; `Retry-After` says how many seconds to wait",
                            )
                            .content(
                                "application/json",
                                ContentBuilder::new()
                                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                                    .build(),
                            )
                            .build()
                            .into()
                    });
            }
        }
    }
}

/// How a text field is checked, so the document can say it as a `pattern` (see [`text_pattern`]).
#[derive(Clone, Copy)]
enum Text {
    /// Words for the partner (`steadfast_core::text::clean`): 1–`max` characters once trimmed, no
    /// control or invisible characters; line breaks too where `multiline`.
    Words { max: usize, multiline: bool },
    /// The same, or blank (all whitespace) for none.
    OptionalWords { max: usize, multiline: bool },
    /// A token's label: blank for none, at most `TokenLabel::MAX_CHARS` characters, no control or
    /// invisible characters.
    TokenLabel,
    /// A new password: at least 8 characters.
    NewPassword,
    /// The current password, asked again: any non-empty text (the policy for new passwords
    /// may have changed since it was set).
    CurrentPassword,
    /// One of these names, exactly.
    Name(&'static [&'static str]),
    /// One of these names, trimmed (surrounding whitespace is allowed), exactly in its case.
    TrimmedName(&'static [&'static str]),
    /// One of these names, trimmed, or blank for the default.
    OptionalName(&'static [&'static str]),
    /// A calendar day, `YYYY-MM-DD`, or blank for the default.
    OptionalDate,
    /// One of these names, trimmed and in any ASCII case.
    LooseName(&'static [&'static str]),
    /// A wall-clock time, `HH:MM` (or `HH:MM:00`), trimmed.
    ClockTime,
    /// A list of at least one of these names, each trimmed and in any ASCII case.
    SomeOf(&'static [&'static str]),
    /// A map from these names to whole numbers in `min..=max`.
    Scores {
        names: &'static [&'static str],
        min: i64,
        max: i64,
    },
}

impl Text {
    /// Words of the core type `T`, checked by its own rule.
    const fn words<T: TextRule>() -> Text {
        Text::Words {
            max: T::MAX_CHARS,
            multiline: T::MULTILINE,
        }
    }

    /// The same, or blank for none.
    const fn optional_words<T: TextRule>() -> Text {
        Text::OptionalWords {
            max: T::MAX_CHARS,
            multiline: T::MULTILINE,
        }
    }
}

/// The names of every value of a domain type, in its own spelling, so the document cannot drift
/// from the rules.
macro_rules! names_of {
    ($kind:ty) => {{
        const NAMES: [&str; <$kind>::ALL.len()] = {
            let all = <$kind>::ALL;
            let mut names = [""; <$kind>::ALL.len()];
            let mut i = 0;
            while i < all.len() {
                names[i] = all[i].as_str();
                i += 1;
            }
            names
        };
        &NAMES
    }};
}

/// Which request field follows which rule: (schema, property, rule). Every pair must exist, or
/// building the document panics (and so does its test).
const TEXT_FIELDS: &[(&str, &str, Text)] = &[
    ("NewPromiseBody", "text", Text::words::<PromiseText>()),
    (
        "NewPromiseBody",
        "domain",
        Text::optional_words::<TrustDomain>(),
    ),
    ("RenegotiateBody", "text", Text::words::<PromiseText>()),
    ("RenegotiateBody", "reason", Text::words::<Reason>()),
    ("PlanPromiseBody", "text", Text::words::<PromiseText>()),
    ("PreventionBody", "text", Text::words::<PromiseText>()),
    ("TransparencyBody", "text", Text::words::<PromiseText>()),
    ("NewEntryBody", "text", Text::words::<JournalText>()),
    ("EditEntryBody", "text", Text::words::<JournalText>()),
    ("BoundaryWords", "text", Text::words::<BoundaryText>()),
    (
        "BoundaryWords",
        "why",
        Text::optional_words::<BoundaryWhy>(),
    ),
    ("ApologyBody", "text", Text::words::<ApologyText>()),
    (
        "DraftBody",
        "appreciations",
        Text::optional_words::<Appreciation>(),
    ),
    ("DraftBody", "went_right", Text::optional_words::<Note>()),
    ("DraftBody", "topic", Text::optional_words::<Note>()),
    (
        "DraftBody",
        "listener_notes",
        Text::optional_words::<Note>(),
    ),
    ("DraftBody", "requests", Text::optional_words::<Note>()),
    ("TextBody", "text", Text::words::<RepairText>()),
    ("LogBody", "text", Text::words::<RepairText>()),
    (
        "DailyBody",
        "appreciation",
        Text::optional_words::<DailyText>(),
    ),
    ("DailyBody", "plan", Text::optional_words::<DailyText>()),
    ("NewAppreciation", "text", Text::words::<AppreciationText>()),
    ("RitualBody", "name", Text::words::<RitualName>()),
    ("NewSpaceBody", "name", Text::words::<SpaceName>()),
    ("NewTokenBody", "label", Text::TokenLabel),
    ("NewTokenBody", "password", Text::CurrentPassword),
    ("PromiseApologyBody", "text", Text::words::<ApologyText>()),
    ("LandingBody", "word", Text::optional_words::<LandingWord>()),
    (
        "AcknowledgeBody",
        "word",
        Text::optional_words::<AcknowledgementWord>(),
    ),
    ("AnswerBody", "word", Text::optional_words::<LandingWord>()),
    (
        "GrammaticalFormBody",
        "grammatical_form",
        Text::TrimmedName(names_of!(GrammaticalForm)),
    ),
    (
        "LandingBody",
        "answer",
        Text::TrimmedName(names_of!(Landing)),
    ),
    ("AskBody", "ask", Text::Name(names_of!(Ask))),
    ("AnswerBody", "part", Text::Name(names_of!(Part))),
    ("AnswerBody", "landing", Text::Name(names_of!(Landing))),
    (
        "ForgivenessBody",
        "state",
        Text::Name(names_of!(Forgiveness)),
    ),
    ("DraftBody", "step", Text::Name(names_of!(Step))),
    (
        "DraftBody",
        "felt_trust",
        Text::Scores {
            names: names_of!(TrustItem),
            min: 0,
            max: 6,
        },
    ),
    ("GentleBody", "lang", Text::LooseName(&["en", "pl"])),
    (
        "GentleBody",
        "field",
        Text::LooseName(&["message", "apology"]),
    ),
    (
        "NewEntryBody",
        "prompt",
        Text::OptionalName(names_of!(Prompt)),
    ),
    (
        "RitualBody",
        "weekdays",
        Text::SomeOf(&["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    ),
    ("RitualBody", "start", Text::ClockTime),
    ("RitualBody", "first_date", Text::OptionalDate),
    (
        "RitualBody",
        "kind",
        Text::OptionalName(names_of!(RitualKind)),
    ),
    ("NewAccountBody", "password", Text::NewPassword),
    ("PasswordChangeBody", "new_password", Text::NewPassword),
    ("RecoveryBody", "new_password", Text::NewPassword),
];

/// What `char::is_whitespace` trims from both ends.
const TRIMMED: &str = r"\t\n\x0B\x0C\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
/// What `steadfast_core::text` refuses inside: control characters and the invisible ones that
/// reorder or hide text.
const HIDDEN: &str = r"\x00-\x1F\x7F-\x9F\u200B\u2028-\u202E\u2060-\u2069\uFEFF";
/// What a token's label refuses.
const LABEL_HIDDEN: &str = r"\x00-\x1F\x7F-\x9F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF";

/// The text rule as an ECMA-262 pattern: any trimmed whitespace, then a visible first character,
/// up to `max - 2` allowed ones and a visible last one, then whitespace again. Lengths count
/// characters as typed (the server counts them in NFC, which only rarely differs).
fn text_pattern(max: usize, multiline: bool, blank_ok: bool, hidden: &str) -> String {
    let visible = format!("[^{TRIMMED}{hidden}]");
    let inside = if multiline {
        format!("(?:[^{hidden}]|\\r?\\n)")
    } else {
        format!("[^{hidden}]")
    };
    let words = format!(
        "{visible}(?:{inside}{{0,{}}}{visible})?",
        max.saturating_sub(2)
    );
    if blank_ok {
        format!("^[{TRIMMED}]*(?:{words}[{TRIMMED}]*)?$")
    } else {
        format!("^[{TRIMMED}]*{words}[{TRIMMED}]*$")
    }
}

/// Writes the text rules of [`TEXT_FIELDS`] into the request schemas, so a client (and a test
/// generator) knows what the server takes without reading the descriptions.
struct TextRules;

impl Modify for TextRules {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Some(components) = openapi.components.as_mut() else {
            panic!("the document has no components for its text rules");
        };
        let schemas = &mut components.schemas;
        for &(schema, property, rule) in TEXT_FIELDS {
            let Some(RefOr::T(Schema::Object(object))) = schemas.get_mut(schema) else {
                panic!("no object schema {schema} for its text rules");
            };
            let field = match object.properties.get_mut(property) {
                Some(RefOr::T(Schema::Object(field))) => field,
                Some(RefOr::T(Schema::Array(list))) => {
                    if matches!(rule, Text::SomeOf(_)) {
                        list.min_items = Some(1);
                    }
                    match &mut list.items {
                        ArrayItems::RefOrSchema(item) => match item.as_mut() {
                            RefOr::T(Schema::Object(field)) => field,
                            _ => panic!("{schema}.{property} holds no strings"),
                        },
                        ArrayItems::False => panic!("{schema}.{property} holds no strings"),
                    }
                }
                _ => panic!("no property {schema}.{property} for its text rule"),
            };
            match rule {
                Text::Words { max, multiline } => {
                    field.pattern = Some(text_pattern(max, multiline, false, HIDDEN));
                }
                Text::OptionalWords { max, multiline } => {
                    field.pattern = Some(text_pattern(max, multiline, true, HIDDEN));
                }
                Text::TokenLabel => {
                    field.pattern = Some(text_pattern(
                        TokenLabel::MAX_CHARS,
                        false,
                        true,
                        LABEL_HIDDEN,
                    ));
                }
                Text::NewPassword => field.min_length = Some(Password::MIN_CHARS),
                Text::CurrentPassword => field.min_length = Some(1),
                Text::Name(names) => {
                    let mut values: Vec<serde_json::Value> =
                        names.iter().map(|&name| name.into()).collect();
                    // An optional field (`null` or left out) keeps `null` among its values.
                    if matches!(&field.schema_type, SchemaType::Array(types) if types.contains(&Type::Null))
                    {
                        values.push(serde_json::Value::Null);
                    }
                    field.enum_values = Some(values);
                }
                Text::TrimmedName(names) => {
                    field.pattern =
                        Some(format!("^[{TRIMMED}]*(?:{})[{TRIMMED}]*$", names.join("|")));
                }
                Text::OptionalName(names) => {
                    field.pattern = Some(format!(
                        "^[{TRIMMED}]*(?:(?:{})[{TRIMMED}]*)?$",
                        names.join("|")
                    ));
                }
                Text::OptionalDate => {
                    field.pattern = Some(format!(
                        "^[{TRIMMED}]*(?:[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}[{TRIMMED}]*)?$"
                    ));
                }
                Text::ClockTime => {
                    field.pattern = Some(format!(
                        "^[{TRIMMED}]*(?:[01][0-9]|2[0-3]):[0-5][0-9](?::00)?[{TRIMMED}]*$"
                    ));
                }
                Text::LooseName(names) | Text::SomeOf(names) => {
                    let any_case = |name: &str| -> String {
                        name.chars()
                            .map(|c| {
                                format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                            })
                            .collect()
                    };
                    let names: Vec<String> = names.iter().map(|name| any_case(name)).collect();
                    field.pattern =
                        Some(format!("^[{TRIMMED}]*(?:{})[{TRIMMED}]*$", names.join("|")));
                }
                Text::Scores { names, min, max } => {
                    let mut keys = Object::with_type(Type::String);
                    keys.enum_values = Some(names.iter().map(|&name| name.into()).collect());
                    field.property_names = Some(Box::new(Schema::Object(keys)));
                    let mut score = Object::with_type(Type::Integer);
                    score.minimum = Some(min.into());
                    score.maximum = Some(max.into());
                    field.additional_properties = Some(Box::new(AdditionalProperties::RefOr(
                        RefOr::T(Schema::Object(score)),
                    )));
                }
            }
        }
    }
}

/// Every API route under `/api/v1`, the document at `/api/v1/openapi.json`, and JSON 404s for
/// anything else under `/api/`.
pub(crate) fn router() -> (Router<AppState>, WriteRules) {
    let (v1, rules) = ApiRoutes::new("/api/v1")
        .write(routes!(accounts::create), Write::UNHELD)
        .write(routes!(accounts::sign_in), Write::OWN_ACCOUNT)
        .write(routes!(accounts::sign_out), Write::OWN_ACCOUNT)
        .write(routes!(accounts::me, me::delete), Write::OWN_ACCOUNT)
        .write(routes!(me::change_password), Write::OWN_ACCOUNT)
        .write(routes!(me::renew_recovery_codes), Write::OWN_ACCOUNT)
        .write(routes!(me::set_grammatical_form), Write::OWN_SETTING)
        .write(routes!(recovery::recover), Write::UNHELD)
        .write(routes!(tokens::list, tokens::create), Write::CONTENT)
        .write(routes!(tokens::revoke), Write::UNHELD)
        .write(routes!(spaces::list, spaces::create), Write::CONTENT)
        .read(routes!(spaces::show))
        .write(routes!(spaces::invite), Write::CONTENT)
        .write(routes!(spaces::revoke), Write::UNHELD)
        .write(routes!(spaces::leave), Write::UNHELD)
        .write(routes!(spaces::accept), Write::CONTENT)
        .write(routes!(promises::list, promises::create), Write::CONTENT)
        .read(routes!(promises::show))
        .write(routes!(promises::done), Write::CONTENT)
        .write(routes!(promises::kept), Write::CONTENT)
        .write(routes!(promises::not_yet), Write::CONTENT)
        .write(routes!(promises::renegotiate), Write::CONTENT)
        .write(routes!(promises::accept_renegotiation), Write::CONTENT)
        .write(routes!(promises::decline_renegotiation), Write::CONTENT)
        .write(routes!(promises::broken), Write::CONTENT)
        .write(routes!(promises::extend), Write::CONTENT)
        .write(routes!(promises::let_go), Write::CONTENT)
        .write(routes!(promises::release), Write::CONTENT)
        .write(routes!(promises::acknowledge), Write::CONTENT)
        .write(routes!(promises::apologise), Write::CONTENT)
        .write(routes!(promises::answer_apology), Write::CONTENT)
        .write(routes!(promises::ask), Write::CONTENT)
        .write(routes!(promises::offer), Write::CONTENT)
        .write(routes!(checkins::list, checkins::create), Write::CONTENT)
        .read(routes!(checkins::trend))
        .read(routes!(checkins::show))
        .write(routes!(checkins::save_draft), Write::CONTENT)
        .write(routes!(checkins::submit), Write::CONTENT)
        .write(
            routes!(checkins::call_break, checkins::end_break),
            Write::CONTENT,
        )
        .write(routes!(rituals::list, rituals::create), Write::CONTENT)
        .write(
            routes!(rituals::show, rituals::change, rituals::end),
            Write::CONTENT,
        )
        .write(routes!(rituals::set_time_zone), Write::CONTENT)
        .write(routes!(daily::list, daily::write), Write::CONTENT)
        .write(
            routes!(calendar::show, calendar::create, calendar::update),
            Write::CONTENT,
        )
        .write(routes!(calendar::revoke), Write::UNHELD)
        .read(routes!(reminders::coming_up))
        .write(
            routes!(
                reminders::show_email,
                reminders::email_on,
                reminders::email_off
            ),
            Write::CONTENT,
        )
        .read(routes!(record::show))
        .write(
            routes!(record::give_consent, record::withdraw_consent),
            Write::CONTENT,
        )
        .write(routes!(journal::list, journal::create), Write::CONTENT)
        .read(routes!(journal::prompts))
        .write(
            routes!(journal::show, journal::edit, journal::delete),
            Write::CONTENT,
        )
        .read(routes!(patterns::list))
        .write(routes!(gentle::review), Write::UNHELD)
        .read(routes!(export::export))
        .write(routes!(repairs::list, repairs::create), Write::CONTENT)
        .write(routes!(repairs::log, repairs::write_log), Write::CONTENT)
        .read(routes!(repairs::show))
        .write(routes!(repairs::accept), Write::CONTENT)
        .write(routes!(repairs::acknowledge), Write::CONTENT)
        .write(routes!(repairs::responsibility), Write::CONTENT)
        .write(routes!(repairs::apology), Write::CONTENT)
        .write(routes!(repairs::promise), Write::CONTENT)
        .write(routes!(repairs::transparency), Write::CONTENT)
        .write(routes!(repairs::advance), Write::CONTENT)
        .write(routes!(repairs::close), Write::CONTENT)
        .write(routes!(repairs::progress), Write::CONTENT)
        .write(routes!(repairs::answer), Write::CONTENT)
        .write(routes!(repairs::ask), Write::CONTENT)
        .write(routes!(repairs::reply), Write::CONTENT)
        .write(routes!(repairs::forgiveness), Write::CONTENT)
        .write(
            routes!(repairs::safety, repairs::answer_safety),
            Write::UNHELD,
        )
        .write(routes!(repairs::pause_joint_work), Write::UNHELD)
        .write(routes!(repairs::ready_to_go_on), Write::UNHELD)
        .write(
            routes!(boundaries::list, boundaries::create),
            Write::CONTENT,
        )
        .write(
            routes!(boundaries::show, boundaries::revise, boundaries::withdraw),
            Write::CONTENT,
        )
        .write(routes!(boundaries::acknowledge), Write::CONTENT)
        .write(routes!(boundaries::report), Write::CONTENT)
        .write(routes!(boundaries::acknowledge_crossing), Write::CONTENT)
        .write(routes!(boundaries::apologise), Write::CONTENT)
        .write(routes!(boundaries::answer_apology), Write::CONTENT)
        .write(routes!(boundaries::prevention), Write::CONTENT)
        .write(routes!(boundaries::resolve), Write::CONTENT)
        .write(
            routes!(appreciations::list, appreciations::create),
            Write::CONTENT,
        )
        .read(routes!(appreciations::balance))
        .read(routes!(coach::partner))
        .write(routes!(coach::invite), Write::CONTENT)
        .write(routes!(coach::grant), Write::CONTENT)
        .write(routes!(coach::revoke), Write::UNHELD)
        .read(routes!(coach::coached))
        .read(routes!(coach::overview))
        .into_parts();
    let (routes, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest("/api/v1", v1)
        .split_for_parts();
    // After the routes are in: a modifier on `ApiDoc` would see no paths yet.
    BodyRefusals.modify(&mut document);
    WriteQuotaRefusal(&rules).modify(&mut document);
    TextRules.modify(&mut document);
    let document = Arc::new(document);
    let routes = routes
        .route(
            "/api/v1/openapi.json",
            get(serve_document).with_state(document),
        )
        .route("/api/{*rest}", any(super::not_found));
    (routes, rules)
}

/// The OpenAPI 3.1 document.
async fn serve_document(
    State(document): State<Arc<utoipa::openapi::OpenApi>>,
) -> impl IntoResponse {
    axum::Json(document.as_ref().clone())
}
