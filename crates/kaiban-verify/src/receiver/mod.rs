//! `kaiban-verify serve`: the reference receiver. It accepts `POST /submissions` as
//! multipart/form-data (part `package`, one part per attachment), re-verifies every
//! signature and re-runs every kaiban-core rule, stores accepted cases atomically, and
//! answers `GET /submissions/{receipt}` with the case's status history.

pub mod store;

use crate::args::Args;
use crate::clock;
use axum::extract::{DefaultBodyLimit, Multipart, Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use axum::Router;
use kaiban_core::package::{verify, Package};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use store::{Index, Meta};
use tower_http::cors::{AllowOrigin, CorsLayer};

const EXIT_PORT_IN_USE: u8 = 3;
const EXIT_USAGE: u8 = 2;
pub const MAX_PACKAGE_BYTES: usize = 4 * 1024 * 1024;
pub const MAX_ATTACHMENT_BYTES: usize = kaiban_core::rules::MAX_ATTACHMENT_BYTES as usize;
pub const MAX_BODY_BYTES: usize = 128 * 1024 * 1024;

pub struct Receiver {
    data: PathBuf,
    index: Mutex<Index>,
}

pub fn run(argv: &[String]) -> u8 {
    let args = match Args::parse(argv, &["host", "port", "data-dir", "allow-origin"]) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("kaiban-verify serve: {e}");
            return EXIT_USAGE;
        }
    };
    let host = args.get("host").unwrap_or("127.0.0.1").to_string();
    let Ok(port) = args.get("port").unwrap_or("8787").parse::<u16>() else {
        eprintln!("kaiban-verify serve: --port must be a number from 0 to 65535");
        return EXIT_USAGE;
    };
    let origins: Vec<HeaderValue> = args
        .all("allow-origin")
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let data = PathBuf::from(args.get("data-dir").unwrap_or("target/received"));
    if let Err(e) = std::fs::create_dir_all(&data) {
        eprintln!(
            "kaiban-verify serve: cannot use --data-dir {}: {e}",
            data.display()
        );
        return EXIT_USAGE;
    }
    let receiver = Arc::new(Receiver {
        index: Mutex::new(store::load_index(&data)),
        data,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(serve(host, port, origins, receiver))
}

pub fn router(receiver: Arc<Receiver>, origins: Vec<HeaderValue>) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER]);
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/submissions", post(accept))
        .route("/submissions/{receipt_id}", get(status))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(cors)
        .with_state(receiver)
}

async fn serve(host: String, port: u16, origins: Vec<HeaderValue>, receiver: Arc<Receiver>) -> u8 {
    let listener = match tokio::net::TcpListener::bind((host.as_str(), port)).await {
        Ok(listener) => listener,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!("kaiban-verify serve: port {port} on {host} is already in use; stop the other program or choose another port with --port");
            return EXIT_PORT_IN_USE;
        }
        Err(e) => {
            eprintln!("kaiban-verify serve: cannot listen on {host}:{port}: {e}");
            return EXIT_USAGE;
        }
    };
    let address = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    println!(
        "kaiban-verify: reference receiver listening on http://{address}/submissions (data in {})",
        receiver.data.display()
    );
    let app = router(receiver, origins);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("kaiban-verify serve: {e}");
            1
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn error(status: StatusCode, code: &str, detail: serde_json::Value) -> Response {
    (status, Json(json!({ "error": code, "detail": detail }))).into_response()
}

fn receipt_json(meta: &Meta, duplicate: bool) -> serde_json::Value {
    json!({
        "receipt_id": meta.receipt_id,
        "status_url": format!("/submissions/{}", meta.receipt_id),
        "received_at": meta.received_at,
        "duplicate": duplicate,
    })
}

async fn accept(
    State(receiver): State<Arc<Receiver>>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let Some(key) = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.is_empty() && k.len() <= 200)
    else {
        return error(
            StatusCode::BAD_REQUEST,
            "idempotency_key_required",
            json!("send an Idempotency-Key header"),
        );
    };
    let key = key.to_string();
    let mut package: Option<Vec<u8>> = None;
    let mut attachments: Vec<(String, Vec<u8>)> = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return error(e.status(), "body_unreadable", json!(e.body_text())),
        };
        let is_package = field.name() == Some("package");
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => return error(e.status(), "body_unreadable", json!(e.body_text())),
        };
        if is_package {
            if bytes.len() > MAX_PACKAGE_BYTES {
                return error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "package_too_large",
                    json!(MAX_PACKAGE_BYTES),
                );
            }
            package = Some(bytes.to_vec());
        } else {
            if bytes.len() > MAX_ATTACHMENT_BYTES {
                return error(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "attachment_too_large",
                    json!(MAX_ATTACHMENT_BYTES),
                );
            }
            attachments.push((hex(&Sha256::digest(&bytes)), bytes.to_vec()));
        }
    }
    let Some(package) = package else {
        return error(
            StatusCode::BAD_REQUEST,
            "package_missing",
            json!("a multipart part named \"package\" is required"),
        );
    };
    let mut digests: Vec<&str> = attachments.iter().map(|(d, _)| d.as_str()).collect();
    digests.sort();
    let mut body = Sha256::new();
    body.update(&package);
    for d in &digests {
        body.update(d.as_bytes());
    }
    let body_hash = hex(&body.finalize());

    if let Some(existing) = receiver
        .index
        .lock()
        .expect("index")
        .by_key
        .get(&key)
        .cloned()
    {
        return if existing.body_hash == body_hash {
            (StatusCode::OK, Json(receipt_json(&existing, false))).into_response()
        } else {
            error(
                StatusCode::CONFLICT,
                "idempotency_key_reused",
                json!("this Idempotency-Key was used for a different submission"),
            )
        };
    }

    let received: HashMap<String, Vec<u8>> = attachments.iter().cloned().collect();
    let report = verify(&package, &received);
    if !report.is_valid() {
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "package_invalid",
            json!({ "problems": report.problems, "entries": report.entries }),
        );
    }
    let payload = report.payload.expect("valid packages have a payload");
    let findings = kaiban_core::check(
        &payload.application,
        &kaiban_core::Context::with_bundled_catalog(clock::today_utc()),
    );
    if kaiban_core::rules::has_errors(&findings) {
        let errors: Vec<_> = findings.into_iter().filter(|f| f.is_error()).collect();
        return error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "application_invalid",
            json!({ "findings": errors }),
        );
    }
    let parsed: Package = serde_json::from_slice(&package).expect("verified above");
    let payload_hash = parsed.payload_hash();

    let mut index = receiver.index.lock().expect("index");
    if let Some(existing) = index.by_payload.get(&payload_hash).cloned() {
        // The same application again under a new key (a replay or a lost response).
        index.by_key.insert(key, existing.clone());
        return (StatusCode::OK, Json(receipt_json(&existing, true))).into_response();
    }
    let now = clock::unix_now();
    let receipt_id = format!(
        "KB{}-{}",
        clock::today_utc().to_string().replace('-', ""),
        &hex(&Sha256::digest(format!("{payload_hash}{now}").as_bytes()))[..8].to_uppercase()
    );
    let meta = Meta {
        receipt_id,
        idempotency_key: key.clone(),
        body_hash,
        payload_hash: payload_hash.clone(),
        received_at: clock::rfc3339(now),
    };
    if let Err(e) = store::store(&receiver.data, &meta, &package, &attachments) {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "storage_failed",
            json!(e.to_string()),
        );
    }
    index.by_key.insert(key, meta.clone());
    index.by_payload.insert(payload_hash, meta.clone());
    (StatusCode::CREATED, Json(receipt_json(&meta, false))).into_response()
}

/// The next working day (Mon–Fri) after the instant `received_at`, same time of day.
fn promised_by(received_at: &str) -> String {
    let days = |date: &str| -> Option<i64> {
        let d: kaiban_core::date::Date = date.get(..10)?.parse().ok()?;
        let (y, m) = if d.month <= 2 {
            (d.year as i64 - 1, d.month as i64 + 9)
        } else {
            (d.year as i64, d.month as i64 - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + d.day as i64 - 1;
        Some(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468)
    };
    let Some(mut day) = days(received_at) else {
        return received_at.to_string();
    };
    loop {
        day += 1;
        if !matches!((day + 4).rem_euclid(7), 0 | 6) {
            break;
        }
    }
    let time = received_at.get(10..).unwrap_or("T00:00:00Z");
    format!("{}{time}", &clock::rfc3339(day as u64 * 86_400)[..10])
}

async fn status(
    State(receiver): State<Arc<Receiver>>,
    UrlPath(receipt_id): UrlPath<String>,
) -> Response {
    let Some(history) = store::read_status(&receiver.data, &receipt_id) else {
        return error(StatusCode::NOT_FOUND, "unknown_receipt", json!(receipt_id));
    };
    let current = history.last().map(|e| e.status.clone()).unwrap_or_default();
    let promised = history
        .first()
        .map(|e| promised_by(&e.at))
        .unwrap_or_default();
    (StatusCode::OK, Json(json!({ "receipt_id": receipt_id, "status": current, "history": history, "promised_by": promised }))).into_response()
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
