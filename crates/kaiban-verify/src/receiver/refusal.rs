//! The receiver's error answers: `{error, detail}`; refusals about the package's content carry
//! `detail.problems[]` (and `entries[]`) with kaiban-core's stable codes. No answer contains a
//! file system path or personal data.

use super::limits::RETRY_AFTER_SECONDS;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use kaiban_core::package::VerifyReport;
use serde_json::{json, Value};

pub struct Refusal {
    status: StatusCode,
    code: &'static str,
    detail: Value,
    retry_after: bool,
}

/// `detail` with one problem.
pub fn problems(code: &str, message: &str) -> Value {
    json!({ "problems": [{ "code": code, "message": message }], "entries": [] })
}

impl Refusal {
    pub fn new(status: StatusCode, code: &'static str, detail: Value) -> Refusal {
        Refusal {
            status,
            code,
            detail,
            retry_after: false,
        }
    }

    /// 422 with the verifier's report (413 when the package was too large to read).
    pub fn invalid(report: &VerifyReport) -> Refusal {
        let too_large = report.codes().contains(&"package.too_large");
        Refusal::new(
            if too_large {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            },
            if too_large {
                "package_too_large"
            } else {
                "package_invalid"
            },
            json!({ "problems": report.problems, "entries": report.entries }),
        )
    }

    /// 503 + Retry-After: try again shortly (busy, or the same submission is in flight).
    pub fn busy(code: &'static str, message: &str) -> Refusal {
        Refusal {
            retry_after: true,
            ..Refusal::new(StatusCode::SERVICE_UNAVAILABLE, code, json!(message))
        }
    }

    pub fn storage() -> Refusal {
        Refusal::busy(
            "storage_failed",
            "the case could not be stored; retry later",
        )
    }

    pub fn internal() -> Refusal {
        Refusal::busy(
            "internal_error",
            "the check could not be completed; retry later",
        )
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = Json(json!({ "error": self.code, "detail": self.detail }));
        if self.retry_after {
            (
                self.status,
                [(header::RETRY_AFTER, RETRY_AFTER_SECONDS.to_string())],
                body,
            )
                .into_response()
        } else {
            (self.status, body).into_response()
        }
    }
}
