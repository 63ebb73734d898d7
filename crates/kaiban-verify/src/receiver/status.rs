//! The applicant's side of a case. `GET /submissions/{receipt}` with `Authorization: Bearer
//! <status token>`: the stage, the history with the registrar's reasons, the clocks with their
//! deadlines and flags, each service's state, and the e-licence once issued; for its submitter
//! only (an unknown receipt, a missing and a wrong token all get the same answer, so the
//! endpoint tells a guesser nothing). `POST /submissions/{receipt}/withdrawal`: a withdrawal
//! signed by the representative's filing key. The licences themselves are public: `GET
//! /submissions/licences/{credit code}`, checked against the key at `/submissions/licence-keys`
//! (also `/.well-known/kaiban-licence-keys`).

use super::cases::{self, ActError};
use super::{store, Receiver};
use crate::clock;
use axum::body::Body;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use kaiban_core::case::clock::{clocks, worst};
use kaiban_core::case::withdrawal::{check, SignedWithdrawal};
use kaiban_core::case::Action;
use kaiban_core::package::Package;
use serde_json::json;
use std::sync::Arc;

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({ "error": "not_found", "detail": "no case for this receipt and token" })),
    )
        .into_response()
}

pub(super) fn bearer(headers: &HeaderMap) -> &str {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("")
        .trim()
}

/// A case as its submitter (and the console) sees it.
pub(super) fn view(receiver: &Receiver, receipt_id: &str) -> Option<serde_json::Value> {
    let data = &receiver.data;
    let record = cases::read(data, receipt_id)?;
    let deployment = &receiver.deployment;
    let now = clock::unix_now() as i64;
    let clocks = clocks(&record.case, &deployment.limits, &deployment.calendar, now);
    let service_history = store::read_services(data, receipt_id);
    // Each service's latest state, in the order they were filed.
    let mut services: Vec<&kaiban_core::bundle::ServiceEvent> = Vec::new();
    for event in &service_history {
        match services.iter_mut().find(|s| s.service == event.service) {
            Some(slot) => *slot = event,
            None => services.push(event),
        }
    }
    let stage = record.case.stage();
    let decision = clocks
        .iter()
        .find(|c| c.kind == kaiban_core::case::clock::ClockKind::Decision);
    Some(json!({
        "receipt_id": receipt_id,
        "stage": stage,
        "status": stage,
        "history": record.case.events,
        "clocks": clocks,
        "flag": worst(&clocks),
        "promised_by": decision.map(|c| c.promised_by.clone()),
        "actions": stage.actions().into_iter().filter(|a| a.by_applicant()).collect::<Vec<Action>>(),
        "corrects": record.corrects,
        "corrected_by": record.corrected_by,
        "credit_code": record.credit_code,
        "licence": cases::licence_of(data, receipt_id),
        "services": services,
        "service_history": service_history,
    }))
}

pub async fn status(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt_id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    if !receiver.index.may_read(&receipt_id, bearer(&headers)) {
        return not_found();
    }
    let answer = {
        let receiver = receiver.clone();
        tokio::task::spawn_blocking(move || view(&receiver, &receipt_id)).await
    };
    match answer {
        Ok(Some(body)) => (StatusCode::OK, Json(body)).into_response(),
        _ => not_found(),
    }
}

/// `POST /submissions/{receipt}/withdrawal` with the status token and a signed withdrawal.
pub async fn withdraw(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt_id): UrlPath<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if !receiver.index.may_read(&receipt_id, bearer(&headers)) {
        return not_found();
    }
    let Ok(bytes) = axum::body::to_bytes(body, 16 * 1024).await else {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            "the request is larger than 16 KiB",
        );
    };
    let Ok(request) = serde_json::from_slice::<SignedWithdrawal>(&bytes) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "body_invalid",
            "not a signed withdrawal",
        );
    };
    let worker = receiver.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let data = &worker.data;
        let package: Package = std::fs::read(data.join(&receipt_id).join("package.jws.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or(("case.unreadable", "the case cannot be read"))?;
        check(&request, &receipt_id, &package, clock::unix_now() as i64)?;
        let _guard = worker.cases_lock.lock().unwrap_or_else(|e| e.into_inner());
        cases::act(
            data,
            &receipt_id,
            Action::Withdraw,
            Vec::new(),
            &worker.deployment,
            &worker.authority,
        )
        .map_err(|e| match e {
            ActError::Refused(_) => (
                "case.decided",
                "the case has been decided: it can no longer be withdrawn",
            ),
            _ => ("case.unreadable", "the case cannot be read"),
        })
    })
    .await;
    match outcome {
        Ok(Ok(record)) => Json(json!({ "stage": record.case.stage() })).into_response(),
        Ok(Err((code, message))) => {
            let status = if code == "case.decided" {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            refuse(status, code, message)
        }
        Err(_) => refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "internal_error",
            "retry later",
        ),
    }
}

fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({ "error": code, "detail": message }))).into_response()
}

/// The authority's public key set.
pub async fn licence_keys(State(receiver): State<Arc<Receiver>>) -> Response {
    (
        [(header::CACHE_CONTROL, "public, max-age=3600")],
        Json(receiver.authority.key_set()),
    )
        .into_response()
}

/// `GET /submissions/licences/{credit code}`: the e-licence (registered items are public).
pub async fn licence(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(code): UrlPath<String>,
) -> Response {
    let found =
        tokio::task::spawn_blocking(move || cases::licence_by_code(&receiver.data, &code)).await;
    match found {
        Ok(Some(jws)) => Json(json!({ "licence": jws })).into_response(),
        _ => refuse(
            StatusCode::NOT_FOUND,
            "not_found",
            "no licence with this credit code",
        ),
    }
}
