//! `GET /submissions/{receipt}` with `Authorization: Bearer <status token>`: the case's
//! history, for its submitter only. An unknown receipt, a missing and a wrong token all get
//! the same answer, so the endpoint tells a guesser nothing.

use super::{store, Receiver};
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use kaiban_core::date::{rfc3339_utc, Date};
use serde_json::json;
use std::sync::Arc;

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({ "error": "not_found", "detail": "no case for this receipt and token" })),
    )
        .into_response()
}

fn bearer(headers: &HeaderMap) -> &str {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("")
        .trim()
}

pub async fn status(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt_id): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    if !receiver.index.may_read(&receipt_id, bearer(&headers)) {
        return not_found();
    }
    let data = receiver.data.clone();
    let id = receipt_id.clone();
    let Ok(Some((history, service_history))) = tokio::task::spawn_blocking(move || {
        store::read_status(&data, &id).map(|h| (h, store::read_services(&data, &id)))
    })
    .await
    else {
        return not_found();
    };
    // Each service's latest state, in the order they were filed.
    let mut services: Vec<&kaiban_core::bundle::ServiceEvent> = Vec::new();
    for event in &service_history {
        match services.iter_mut().find(|s| s.service == event.service) {
            Some(slot) => *slot = event,
            None => services.push(event),
        }
    }
    let current = history.last().map(|e| e.status.clone()).unwrap_or_default();
    let promised = history
        .first()
        .map(|e| promised_by(&e.at))
        .unwrap_or_default();
    let body = json!({
        "receipt_id": receipt_id,
        "status": current,
        "history": history,
        "promised_by": promised,
        "services": services,
        "service_history": service_history,
    });
    (StatusCode::OK, Json(body)).into_response()
}

/// The next working day (Mon–Fri) after the instant `received_at`, same time of day.
fn promised_by(received_at: &str) -> String {
    let Some(date) = received_at.get(..10).and_then(|d| d.parse::<Date>().ok()) else {
        return received_at.to_string();
    };
    let mut day = date.days_since_epoch();
    loop {
        day += 1;
        // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays and 6 on Saturdays.
        if !matches!((day + 4).rem_euclid(7), 0 | 6) {
            break;
        }
    }
    let time = received_at.get(10..).unwrap_or("T00:00:00Z");
    format!("{}{time}", &rfc3339_utc(day * 86_400)[..10])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_promise_skips_the_weekend() {
        assert_eq!(
            super::promised_by("2026-11-27T09:00:00Z"),
            "2026-11-30T09:00:00Z"
        );
        assert_eq!(
            super::promised_by("2026-11-25T09:00:00Z"),
            "2026-11-26T09:00:00Z"
        );
    }
}
