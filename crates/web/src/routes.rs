//! Every route is declared once, with what it may do: the page routes here, through
//! [`PageRoutes`], and the API's in `api::openapi`, through [`ApiRoutes`]. A state-changing
//! route cannot be declared without its [`Write`] rule, and the guards read the rule of the route
//! a request matched — never a list of paths kept by hand. The cross-site guard covers every
//! state-changing request, whatever its route.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::extract::{MatchedPath, Request};
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{get, post};
use utoipa::openapi::PathItem;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

use crate::state::AppState;

/// What a state-changing route is, for the guards: whether a coach (who only ever reads) may
/// take it, and whether it counts toward the person's allowance of writes (`guards::quota`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Write {
    pub(crate) coach_may: bool,
    pub(crate) counted: bool,
}

impl Write {
    /// Shared or personal content: refused to a coach, counted.
    pub(crate) const CONTENT: Write = Write {
        coach_may: false,
        counted: true,
    };
    /// A step no flood may hold back: leaving, revoking, the safety question and the pause,
    /// signing up or recovering, and the previews that only look at words. Refused to a coach,
    /// never counted.
    pub(crate) const UNHELD: Write = Write {
        coach_may: false,
        counted: false,
    };
    /// The way in and out and the account's own safety (sign-in and out, password, sessions,
    /// recovery codes, deletion, the language): a coach too, never counted.
    pub(crate) const OWN_ACCOUNT: Write = Write {
        coach_may: true,
        counted: false,
    };
    /// The person's own settings and joining as a coach: a coach too, counted.
    pub(crate) const OWN_SETTING: Write = Write {
        coach_may: true,
        counted: true,
    };
}

/// The rule of every state-changing route, by method and route template.
#[derive(Debug, Default)]
pub(crate) struct WriteRules(HashMap<(Method, String), Write>);

impl WriteRules {
    fn declare(&mut self, method: Method, path: String, write: Write) {
        let earlier = self.0.insert((method.clone(), path.clone()), write);
        assert!(earlier.is_none(), "{method} {path} is declared twice");
    }

    fn merge(&mut self, other: WriteRules) {
        for ((method, path), write) in other.0 {
            self.declare(method, path, write);
        }
    }

    /// The rule for a state-changing request, or `None` for a read. A write whose route has no
    /// rule (a method the route does not have, answered 405) is held to the strictest.
    pub(crate) fn of(&self, request: &Request) -> Option<Write> {
        let method = request.method();
        if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
            return None;
        }
        let rule = request
            .extensions()
            .get::<MatchedPath>()
            .and_then(|matched| self.0.get(&(method.clone(), matched.as_str().to_owned())));
        Some(rule.copied().unwrap_or(Write::CONTENT))
    }

    /// Whether a write to `path` (a route template) with `method` counts toward the allowance.
    pub(crate) fn counts(&self, method: &Method, path: &str) -> bool {
        self.0
            .get(&(method.clone(), path.to_owned()))
            .is_none_or(|write| write.counted)
    }
}

/// The page routes and their rules, declared together.
pub(crate) struct PageRoutes {
    router: Router<AppState>,
    rules: WriteRules,
}

impl PageRoutes {
    pub(crate) fn new() -> Self {
        PageRoutes {
            router: Router::new(),
            rules: WriteRules::default(),
        }
    }

    /// A page to read.
    pub(crate) fn read<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        PageRoutes {
            router: self.router.route(path, get(handler)),
            ..self
        }
    }

    /// A form's target, with what it may do.
    pub(crate) fn write<H, T>(mut self, path: &'static str, handler: H, write: Write) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.rules.declare(Method::POST, path.to_owned(), write);
        PageRoutes {
            router: self.router.route(path, post(handler)),
            ..self
        }
    }

    pub(crate) fn into_parts(self) -> (Router<AppState>, WriteRules) {
        (self.router, self.rules)
    }
}

/// The API's routes, its OpenAPI document and their rules, declared together.
pub(crate) struct ApiRoutes {
    router: OpenApiRouter<AppState>,
    rules: WriteRules,
    /// Where the routes will be nested, for the rules' templates.
    prefix: &'static str,
}

impl ApiRoutes {
    pub(crate) fn new(prefix: &'static str) -> Self {
        ApiRoutes {
            router: OpenApiRouter::new(),
            rules: WriteRules::default(),
            prefix,
        }
    }

    /// Operations that only read.
    pub(crate) fn read(self, routes: UtoipaMethodRouter<AppState>) -> Self {
        let writes = writes_of(&routes);
        assert!(
            writes.is_empty(),
            "{writes:?} change state: declare them with `write`"
        );
        ApiRoutes {
            router: self.router.routes(routes),
            ..self
        }
    }

    /// Operations of which those that change state follow `write` (those that read are left as
    /// they are).
    pub(crate) fn write(mut self, routes: UtoipaMethodRouter<AppState>, write: Write) -> Self {
        let writes = writes_of(&routes);
        assert!(!writes.is_empty(), "nothing here changes state: use `read`");
        for (method, path) in writes {
            self.rules
                .declare(method, format!("{}{path}", self.prefix), write);
        }
        ApiRoutes {
            router: self.router.routes(routes),
            ..self
        }
    }

    pub(crate) fn into_parts(self) -> (OpenApiRouter<AppState>, WriteRules) {
        (self.router, self.rules)
    }
}

/// The state-changing operations of a group of routes, by method and path template.
fn writes_of(routes: &UtoipaMethodRouter<AppState>) -> Vec<(Method, String)> {
    let (_, paths, _) = routes;
    paths
        .paths
        .iter()
        .flat_map(|(path, item)| {
            writing_methods(item)
                .into_iter()
                .map(move |method| (method, path.clone()))
        })
        .collect()
}

fn writing_methods(item: &PathItem) -> Vec<Method> {
    [
        (Method::POST, item.post.is_some()),
        (Method::PUT, item.put.is_some()),
        (Method::PATCH, item.patch.is_some()),
        (Method::DELETE, item.delete.is_some()),
    ]
    .into_iter()
    .filter_map(|(method, present)| present.then_some(method))
    .collect()
}

/// The rules of the pages and the API together, shared by the guards.
pub(crate) fn all_rules(pages: WriteRules, api: WriteRules) -> Arc<WriteRules> {
    let mut rules = pages;
    rules.merge(api);
    Arc::new(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared() -> WriteRules {
        let (_, mut rules) = crate::page_routes().into_parts();
        rules.merge(crate::api::openapi::router().1);
        rules
    }

    fn rule(rules: &WriteRules, method: Method, path: &str) -> Write {
        *rules
            .0
            .get(&(method.clone(), path.to_owned()))
            .unwrap_or_else(|| panic!("{method} {path} is not declared"))
    }

    #[test]
    fn safety_steps_and_the_ways_out_never_count_and_content_does() {
        let rules = declared();
        let never = [
            (Method::POST, "/exit"),
            (Method::POST, "/sign-out"),
            (Method::POST, "/account/password"),
            (Method::POST, "/account/delete"),
            (Method::POST, "/account/tokens/{id}/revoke"),
            (Method::POST, "/spaces/{id}/leave"),
            (Method::POST, "/spaces/{id}/safety"),
            (Method::PUT, "/api/v1/spaces/{id}/safety"),
            (Method::POST, "/spaces/{id}/safety/{act}"),
            (Method::POST, "/api/v1/spaces/{id}/safety/ready"),
            (Method::POST, "/spaces/{id}/coach/{coach}/revoke"),
            (Method::POST, "/spaces/{id}/boundaries/check"),
            (Method::DELETE, "/api/v1/tokens/{id}"),
            (Method::DELETE, "/api/v1/spaces/{id}/invites/{invite}"),
            (Method::DELETE, "/api/v1/calendar-feed"),
            (Method::DELETE, "/api/v1/sessions/current"),
            (Method::POST, "/api/v1/gentle-start"),
        ];
        for (method, path) in never {
            assert!(
                !rule(&rules, method.clone(), path).counted,
                "{method} {path}"
            );
        }
        let counted = [
            (Method::POST, "/spaces/{id}/promises"),
            (Method::POST, "/api/v1/spaces/{id}/promises"),
            (Method::POST, "/journal"),
            (Method::PUT, "/api/v1/journal/{entry}"),
            (Method::DELETE, "/api/v1/spaces/{id}/rituals/{ritual}"),
            (Method::POST, "/account/tokens"),
            (Method::POST, "/api/v1/calendar-feed"),
            (Method::POST, "/spaces/{id}/invites"),
        ];
        for (method, path) in counted {
            assert!(
                rule(&rules, method.clone(), path).counted,
                "{method} {path}"
            );
        }
    }

    #[test]
    fn a_coach_may_take_only_the_steps_of_their_own_account() {
        let rules = declared();
        let coach_may: Vec<String> = rules
            .0
            .iter()
            .filter(|(_, write)| write.coach_may)
            .map(|((method, path), _)| format!("{method} {path}"))
            .collect();
        let mut coach_may = coach_may;
        coach_may.sort();
        assert_eq!(
            coach_may,
            [
                "DELETE /api/v1/me",
                "DELETE /api/v1/sessions/current",
                "POST /account/delete",
                "POST /account/grammatical-form",
                "POST /account/password",
                "POST /account/recovery-codes",
                "POST /account/sign-out-everywhere",
                "POST /account/sign-out-others",
                "POST /api/v1/me/recovery-codes",
                "POST /api/v1/sessions",
                "POST /coach-invites/{token}/accept",
                "POST /coach-invites/{token}/sign-up",
                "POST /exit",
                "POST /language",
                "POST /sign-in",
                "POST /sign-out",
                "PUT /api/v1/me/grammatical-form",
                "PUT /api/v1/me/password",
            ]
        );
    }
}
