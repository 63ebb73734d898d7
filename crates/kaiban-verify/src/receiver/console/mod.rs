//! The operator console (登记机关工作台): server-rendered pages over the operator API, for a
//! registrar at a browser. Cases sorted by urgency with their stage, deadline and flag; a case
//! page with the application, its documents, the findings, the changes a correction made, and
//! the state machine's actions with structured reasons. Behind the operator token (a login form
//! sets an HttpOnly, SameSite=Strict cookie; a form posted from another origin is refused); no
//! page exists without `--operator-token`. Chinese by default, English with `?lang=en`.

mod pages;

use super::operator::{self, Access, COOKIE};
use super::Receiver;
use axum::extract::{Form, Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use kaiban_core::case::Action;
use serde::Deserialize;
use std::sync::Arc;

pub fn routes() -> Router<Arc<Receiver>> {
    Router::new()
        .route("/console", get(home))
        .route("/console/login", post(login))
        .route("/console/logout", post(logout))
        .route("/console/console.css", get(stylesheet))
        .route("/console/cases/{receipt_id}", get(case_page))
        .route("/console/cases/{receipt_id}/actions", post(act))
}

#[derive(Deserialize, Default)]
pub struct Lang {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    error: String,
}

impl Lang {
    fn english(&self) -> bool {
        self.lang == "en"
    }
}

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::CACHE_CONTROL, "no-store"),
            // Not no-referrer: under it a browser sends `Origin: null` with the console's own
            // forms, and the check below could not tell them from a forged one.
            (header::REFERRER_POLICY, "same-origin"),
        ],
        body,
    )
        .into_response()
}

fn redirect(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

/// A form posted from another origin (cross-site request forgery) is refused: a browser that
/// says where a request comes from (Sec-Fetch-Site) must say the console's own origin, and an
/// Origin header, when sent, must name this host. A client that sends neither (curl, a script
/// with the token) is not a browser a forged page could drive.
fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        if site.as_bytes() != b"same-origin" {
            return false;
        }
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host),
    }
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::STYLE,
    )
        .into_response()
}

async fn home(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    Query(lang): Query<Lang>,
) -> Response {
    match operator::access(&receiver, &headers) {
        Access::Off => not_found(),
        Access::Refused => html(
            StatusCode::UNAUTHORIZED,
            pages::login(lang.english(), false),
        ),
        Access::Allowed => {
            let english = lang.english();
            match tokio::task::spawn_blocking(move || operator::case_list(&receiver)).await {
                Ok(rows) => html(StatusCode::OK, pages::list(&rows, english)),
                Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
            }
        }
    }
}

#[derive(Deserialize)]
struct LoginForm {
    token: String,
    #[serde(default)]
    lang: String,
}

async fn login(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let Some(expected) = &receiver.operator_token else {
        return not_found();
    };
    let english = form.lang == "en";
    if !same_origin(&headers) || !super::ids::same_secret(form.token.trim(), expected) {
        return html(StatusCode::UNAUTHORIZED, pages::login(english, true));
    }
    let cookie = format!(
        "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
        receiver.sessions.open(),
        super::sessions::LIFETIME.as_secs()
    );
    (
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, cookie),
            (header::LOCATION, pages::with_lang("/console", english)),
        ],
    )
        .into_response()
}

async fn logout(State(receiver): State<Arc<Receiver>>, headers: HeaderMap) -> Response {
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    if let Some(id) = operator::session_of(&headers) {
        receiver.sessions.close(id);
    }
    (
        StatusCode::SEE_OTHER,
        [
            (
                header::SET_COOKIE,
                format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
            ),
            (header::LOCATION, "/console".to_string()),
        ],
    )
        .into_response()
}

async fn case_page(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt): UrlPath<String>,
    headers: HeaderMap,
    Query(lang): Query<Lang>,
) -> Response {
    match operator::access(&receiver, &headers) {
        Access::Off => return not_found(),
        Access::Refused => {
            return html(
                StatusCode::UNAUTHORIZED,
                pages::login(lang.english(), false),
            )
        }
        Access::Allowed => {}
    }
    let worker = receiver.clone();
    let id = receipt.clone();
    let detail = tokio::task::spawn_blocking(move || {
        let detail = operator::case_detail(&worker, &id)?;
        let documents = super::cases::payload(&worker.data, &id)
            .map(|p| kaiban_core::documents::generate(&p.application))
            .unwrap_or_default();
        Some((detail, documents))
    })
    .await;
    match detail {
        Ok(Some((detail, documents))) => html(
            StatusCode::OK,
            pages::case(
                &receipt,
                &detail,
                &documents,
                &lang.done,
                &lang.error,
                lang.english(),
            ),
        ),
        _ => html(StatusCode::NOT_FOUND, pages::missing(lang.english())),
    }
}

#[derive(Deserialize)]
struct ActForm {
    action: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    lang: String,
}

async fn act(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt): UrlPath<String>,
    headers: HeaderMap,
    Form(form): Form<ActForm>,
) -> Response {
    match operator::access(&receiver, &headers) {
        Access::Off => return not_found(),
        Access::Refused => return StatusCode::UNAUTHORIZED.into_response(),
        Access::Allowed => {}
    }
    if !same_origin(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let english = form.lang == "en";
    let page = pages::with_lang(&format!("/console/cases/{receipt}"), english);
    let Some(action) = kaiban_core::key::parse::<Action>(&form.action) else {
        return redirect(&format!(
            "{page}{}error=action",
            if english { "&" } else { "?" }
        ));
    };
    let reasons = form
        .reasons
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(super::cases::parse_reason)
        .collect();
    let id = receipt.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        operator::operator_act(&receiver, &id, action, reasons)
    })
    .await;
    let join = if english { "&" } else { "?" };
    match outcome {
        Ok(Ok(())) => redirect(&format!("{page}{join}done={}", form.action)),
        Ok(Err(super::cases::ActError::Refused(refused))) => {
            redirect(&format!("{page}{join}error={}", refused.code))
        }
        _ => redirect(&format!("{page}{join}error=storage")),
    }
}
