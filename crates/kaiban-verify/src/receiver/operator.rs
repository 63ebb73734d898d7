//! The operator API (docs/case-lifecycle.md): the registrar's view of every case and the one
//! way to move one, behind the operator token (`--operator-token`; `Authorization: Bearer`, or
//! the console's cookie). Without a token configured, none of these routes exists; with one, a
//! request without it is refused before anything is read.

use super::cases::{self, ActError};
use super::status::{bearer, view};
use super::Receiver;
use crate::clock;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use axum::Router;
use kaiban_core::case::clock::{clocks, worst, Flag};
use kaiban_core::case::{diff, Action, Reason};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;

pub fn routes() -> Router<Arc<Receiver>> {
    Router::new()
        .route("/operator/cases", get(list))
        .route("/operator/cases/{receipt_id}", get(detail))
        .route("/operator/cases/{receipt_id}/actions", post(act))
}

/// The operator cookie's name (set by the console's login).
pub const COOKIE: &str = "kaiban_operator";

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Whether the request carries the operator token (as a bearer token) or a console session's
/// cookie.
pub enum Access {
    /// No operator token is configured: the routes do not exist.
    Off,
    Refused,
    Allowed,
}

pub fn access(receiver: &Receiver, headers: &HeaderMap) -> Access {
    let Some(expected) = &receiver.operator_token else {
        return Access::Off;
    };
    let by_token = super::ids::same_secret(bearer(headers), expected);
    let by_session = cookie(headers, COOKIE).is_some_and(|id| receiver.sessions.is_open(id));
    if by_token || by_session {
        Access::Allowed
    } else {
        Access::Refused
    }
}

/// The console session's id from the request's cookie.
pub fn session_of(headers: &HeaderMap) -> Option<&str> {
    cookie(headers, COOKIE)
}

/// None when the request may go on; else the answer that refuses it.
fn gate(receiver: &Receiver, headers: &HeaderMap) -> Option<Response> {
    match access(receiver, headers) {
        Access::Allowed => None,
        Access::Off => {
            Some((StatusCode::NOT_FOUND, Json(json!({ "error": "not_found" }))).into_response())
        }
        Access::Refused => Some(
            (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer")],
                Json(json!({ "error": "operator_token_required" })),
            )
                .into_response(),
        ),
    }
}

/// How urgent a flag is (red first).
pub fn urgency(flag: Flag) -> u8 {
    match flag {
        Flag::Red => 0,
        Flag::Yellow => 1,
        Flag::White => 2,
        Flag::Green => 3,
        Flag::Stopped => 4,
    }
}

/// Every case, the most urgent first (by flag, then by the earliest promised deadline).
pub fn case_list(receiver: &Receiver) -> Vec<serde_json::Value> {
    let now = clock::unix_now() as i64;
    let deployment = &receiver.deployment;
    let mut rows: Vec<(u8, String, serde_json::Value)> = cases::all(&receiver.data)
        .into_iter()
        .map(|(meta, record)| {
            let clocks = clocks(&record.case, &deployment.limits, &deployment.calendar, now);
            let flag = worst(&clocks);
            let next_deadline = clocks
                .iter()
                .filter(|c| c.finished.is_none())
                .map(|c| c.promised_by.clone())
                .min()
                .unwrap_or_default();
            let payload = cases::payload(&receiver.data, &meta.receipt_id);
            let (name, entity) = payload
                .map(|p| (p.application.name.full, p.application.entity_type))
                .unwrap_or_default();
            let row = json!({
                "receipt_id": meta.receipt_id,
                "name": name,
                "entity_type": entity,
                "received_at": meta.received_at,
                "stage": record.case.stage(),
                "flag": flag,
                "clocks": clocks,
                "next_deadline": next_deadline,
                "corrects": record.corrects,
                "corrected_by": record.corrected_by,
            });
            (urgency(flag), next_deadline, row)
        })
        .collect();
    rows.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    rows.into_iter().map(|(_, _, row)| row).collect()
}

/// A case as the registrar reads it: what the applicant sees, the application, the findings
/// the rules still report, and for a correction what changed since the returned version.
pub fn case_detail(receiver: &Receiver, receipt: &str) -> Option<serde_json::Value> {
    let mut body = view(receiver, receipt)?;
    let payload = cases::payload(&receiver.data, receipt)?;
    let findings = kaiban_core::check(
        &payload.application,
        &receiver.deployment.context(clock::today_utc()),
    );
    let changes = cases::read(&receiver.data, receipt)
        .and_then(|r| r.corrects)
        .and_then(|old| cases::payload(&receiver.data, &old))
        .map(|old| diff(&old.application, &payload.application));
    body["application"] = serde_json::to_value(&payload.application).unwrap_or_default();
    body["findings"] = serde_json::to_value(&findings).unwrap_or_default();
    body["changes"] = serde_json::to_value(&changes).unwrap_or_default();
    body["registrar_actions"] = json!(receiver_actions(&body));
    Some(body)
}

fn receiver_actions(body: &serde_json::Value) -> Vec<Action> {
    serde_json::from_value::<kaiban_core::case::Stage>(body["stage"].clone())
        .map(|s| {
            s.actions()
                .into_iter()
                .filter(|a| !a.by_applicant())
                .collect()
        })
        .unwrap_or_default()
}

async fn list(State(receiver): State<Arc<Receiver>>, headers: HeaderMap) -> Response {
    if let Some(refused) = gate(&receiver, &headers) {
        return refused;
    }
    match tokio::task::spawn_blocking(move || case_list(&receiver)).await {
        Ok(rows) => Json(json!({ "cases": rows })).into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

async fn detail(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = gate(&receiver, &headers) {
        return refused;
    }
    match tokio::task::spawn_blocking(move || case_detail(&receiver, &receipt)).await {
        Ok(Some(body)) => Json(body).into_response(),
        _ => (StatusCode::NOT_FOUND, Json(json!({ "error": "not_found" }))).into_response(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActRequest {
    action: Action,
    #[serde(default)]
    reasons: Vec<Reason>,
}

/// The registrar's actions (the applicant's withdrawal has its own, signed, route).
pub fn operator_act(
    receiver: &Receiver,
    receipt: &str,
    action: Action,
    reasons: Vec<Reason>,
) -> Result<(), ActError> {
    if action.by_applicant() {
        return Err(ActError::Refused(kaiban_core::case::Refused {
            code: "case.applicants_action",
            text: kaiban_core::text::Bi::new(
                "撤回须由申请人签名提出",
                "Only the applicant withdraws, by a signed request",
            ),
        }));
    }
    let _guard = receiver
        .cases_lock
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    cases::act(
        &receiver.data,
        receipt,
        action,
        reasons,
        &receiver.deployment,
        &receiver.authority,
    )
    .map(|_| ())
}

async fn act(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt): UrlPath<String>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    if let Some(refused) = gate(&receiver, &headers) {
        return refused;
    }
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            Json(json!({ "error": "body_too_large" })),
        )
            .into_response();
    };
    let Ok(request) = serde_json::from_slice::<ActRequest>(&bytes) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": "body_invalid" })),
        )
            .into_response();
    };
    let worker = receiver.clone();
    let id = receipt.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        operator_act(&worker, &id, request.action, request.reasons)
    })
    .await;
    match outcome {
        Ok(Ok(())) => {
            let body = tokio::task::spawn_blocking(move || view(&receiver, &receipt)).await;
            Json(body.ok().flatten().unwrap_or_default()).into_response()
        }
        Ok(Err(ActError::NoSuchCase)) => (StatusCode::NOT_FOUND, Json(json!({ "error": "not_found" }))).into_response(),
        Ok(Err(ActError::Refused(refused))) => (
            StatusCode::CONFLICT,
            Json(json!({ "error": refused.code, "message_zh": refused.text.zh, "message_en": refused.text.en })),
        )
            .into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "error": "storage_failed" }))).into_response(),
    }
}
