//! `kaiban-verify serve`: the reference receiver. It accepts `POST /submissions` as
//! multipart/form-data (part `package` first, then one part per attachment), re-verifies every
//! signature against the signers and attachments the application itself requires, re-runs
//! every kaiban-core rule, stores accepted cases atomically, and answers
//! `GET /submissions/{receipt}` (with the case's status token) with its status history.
//! Every resource a request can take is bounded (limits.rs).

mod accept;
mod body;
mod ids;
mod index;
mod intake;
pub mod limits;
mod refusal;
mod rounds;
mod status;
pub mod store;

use crate::args::Args;
use crate::deployment::Deployment;
use axum::http::{header, HeaderValue, Method};
use axum::routing::{get, post};
use axum::Router;
use index::Index;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, CorsLayer};

const EXIT_PORT_IN_USE: u8 = 3;
const EXIT_USAGE: u8 = 2;

pub struct Receiver {
    data: PathBuf,
    index: Index,
    /// Submissions being received (try-acquired: beyond it, 503).
    submissions: Arc<Semaphore>,
    /// Submissions being checked (waited for: the CPU-bound part).
    checks: Semaphore,
    /// The deployment's jurisdiction and catalogue (`--config`, `--catalogue`), judged as the
    /// app judges them.
    deployment: Arc<Deployment>,
    /// Signing rounds (docs/signing-rounds.md), under `<data>/.rounds/`.
    rounds: rounds::Book,
    /// How long a signing round stays open at most (`--round-expiry`).
    round_expiry_seconds: u64,
}

impl Receiver {
    pub fn new(data: PathBuf, deployment: Deployment) -> Receiver {
        Receiver {
            index: Index::new(store::load(&data)),
            rounds: rounds::Book::open(&data),
            round_expiry_seconds: kaiban_core::package::round::DEFAULT_EXPIRY_SECONDS,
            data,
            submissions: Arc::new(Semaphore::new(limits::CONCURRENT_SUBMISSIONS)),
            checks: Semaphore::new(limits::CONCURRENT_CHECKS),
            deployment: Arc::new(deployment),
        }
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `*` (any origin: the API uses no cookies) or a list of `scheme://host[:port]` origins.
fn allowed_origins(values: &[&str]) -> Result<AllowOrigin, String> {
    if values.contains(&"*") {
        return Ok(AllowOrigin::any());
    }
    let mut list = Vec::new();
    for value in values {
        let shaped = value.split_once("://").is_some_and(|(scheme, rest)| {
            matches!(scheme, "http" | "https")
                && !rest.is_empty()
                && !rest.contains(['/', '?', '#', ' ', ','])
        });
        let header = HeaderValue::from_str(value).ok().filter(|_| shaped);
        list.push(header.ok_or_else(|| {
            format!("--allow-origin {value:?} is not an origin like https://portal.example.gov.cn (or *)")
        })?);
    }
    Ok(AllowOrigin::list(list))
}

pub fn run(argv: &[String]) -> u8 {
    let args = match Args::parse(
        argv,
        &[
            "host",
            "port",
            "data-dir",
            "allow-origin",
            "config",
            "catalogue",
            "round-expiry",
        ],
    ) {
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
    let origins = match allowed_origins(&args.all("allow-origin")) {
        Ok(origins) => origins,
        Err(e) => {
            eprintln!("kaiban-verify serve: {e}");
            return EXIT_USAGE;
        }
    };
    let data = PathBuf::from(args.get("data-dir").unwrap_or("target/received"));
    if let Err(e) = std::fs::create_dir_all(&data) {
        eprintln!(
            "kaiban-verify serve: cannot use --data-dir {}: {e}",
            data.display()
        );
        return EXIT_USAGE;
    }
    let deployment = match Deployment::load(args.get("config"), args.get("catalogue")) {
        Ok(deployment) => deployment,
        Err(e) => {
            eprintln!("kaiban-verify serve: {e}");
            return EXIT_USAGE;
        }
    };
    let mut receiver = Receiver::new(data, deployment);
    if let Some(text) = args.get("round-expiry") {
        match text.parse::<u64>() {
            Ok(seconds) if seconds > 0 => receiver.round_expiry_seconds = seconds,
            _ => {
                eprintln!(
                    "kaiban-verify serve: --round-expiry must be a number of seconds (at least 1)"
                );
                return EXIT_USAGE;
            }
        }
    }
    let receiver = Arc::new(receiver);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(serve(host, port, origins, receiver))
}

pub fn router(receiver: Arc<Receiver>, origins: AllowOrigin) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::RETRY_AFTER]);
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/submissions", post(accept::accept))
        .route("/submissions/{receipt_id}", get(status::status))
        .route(
            "/submissions/signing-rounds",
            get(rounds::offer).post(rounds::create),
        )
        .route(
            "/submissions/signing-rounds/signer",
            get(rounds::signer_view),
        )
        .route(
            "/submissions/signing-rounds/signer/signature",
            post(rounds::sign),
        )
        .route(
            "/submissions/signing-rounds/signer/decline",
            post(rounds::decline),
        )
        .route(
            "/submissions/signing-rounds/{round_id}",
            get(rounds::status).delete(rounds::void),
        )
        .route(
            "/submissions/signing-rounds/{round_id}/signers/{person_id}/link",
            post(rounds::reissue),
        )
        .layer(cors)
        .with_state(receiver)
}

async fn serve(host: String, port: u16, origins: AllowOrigin, receiver: Arc<Receiver>) -> u8 {
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

#[cfg(test)]
mod tests {
    #[test]
    fn origins_are_checked_and_a_star_means_any() {
        assert!(super::allowed_origins(&["*"]).is_ok());
        assert!(
            super::allowed_origins(&["http://127.0.0.1:8080", "https://zwfw.example.gov.cn"])
                .is_ok()
        );
        for bad in [
            "127.0.0.1:8080",
            "https://a.cn/path",
            "ftp://a.cn",
            "https://a.cn, https://b.cn",
        ] {
            assert!(super::allowed_origins(&[bad]).is_err(), "{bad}");
        }
    }
}
