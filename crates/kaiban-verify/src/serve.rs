//! `kaiban-verify serve`: the reference receiver. For now it accepts a submission and
//! answers 202 with a receipt; verification of signed packages comes with the package format.

use crate::args::Args;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Json};
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;

const EXIT_PORT_IN_USE: u8 = 3;
const EXIT_USAGE: u8 = 2;
const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

#[derive(Default)]
struct Receiver {
    data_dir: Option<PathBuf>,
    receipts: Mutex<HashMap<String, String>>,
    counter: AtomicU64,
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
    let receiver = Arc::new(Receiver {
        data_dir: args.get("data-dir").map(PathBuf::from),
        ..Receiver::default()
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(serve(host, port, origins, receiver))
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
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::HeaderName::from_static("idempotency-key"),
        ]);
    let app = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/submissions", post(accept))
        .route("/submissions/{receipt_id}", get(status))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(cors)
        .with_state(receiver);
    let address = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    println!("kaiban-verify: reference receiver listening on http://{address}/submissions");
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

fn new_receipt_id(receiver: &Receiver) -> String {
    let count = receiver.counter.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let today = crate::check::today_utc().to_string().replace('-', "");
    format!(
        "KB{today}-{:06X}",
        (nanos ^ count.wrapping_mul(0x9E37_79B9)) & 0xFF_FFFF
    )
}

async fn accept(
    State(receiver): State<Arc<Receiver>>,
    body: axum::body::Bytes,
) -> impl IntoResponse {
    let receipt_id = new_receipt_id(&receiver);
    if let Some(dir) = &receiver.data_dir {
        let folder = dir.join(&receipt_id);
        let stored = tokio::fs::create_dir_all(&folder).await.is_ok()
            && tokio::fs::write(folder.join("body.bin"), &body)
                .await
                .is_ok();
        if !stored {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"error": "storage_unavailable"})),
            );
        }
    }
    receiver
        .receipts
        .lock()
        .expect("receipts lock")
        .insert(receipt_id.clone(), "received".into());
    (
        StatusCode::ACCEPTED,
        Json(json!({
            "receipt_id": receipt_id,
            "status_url": format!("/submissions/{receipt_id}"),
        })),
    )
}

async fn status(
    State(receiver): State<Arc<Receiver>>,
    Path(receipt_id): Path<String>,
) -> impl IntoResponse {
    match receiver
        .receipts
        .lock()
        .expect("receipts lock")
        .get(&receipt_id)
    {
        Some(status) => (
            StatusCode::OK,
            Json(json!({"receipt_id": receipt_id, "status": status})),
        ),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "unknown_receipt"})),
        ),
    }
}
