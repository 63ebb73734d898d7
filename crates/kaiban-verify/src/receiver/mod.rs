//! `kaiban-verify serve`: the reference receiver. It accepts `POST /submissions` as
//! multipart/form-data (part `package` first, then one part per attachment), re-verifies every
//! signature against the signers and attachments the application itself requires, re-runs
//! every kaiban-core rule, stores accepted cases atomically, and answers
//! `GET /submissions/{receipt}` (with the case's status token) with its status history.
//! Every resource a request can take is bounded (limits.rs).

mod accept;
pub mod authority;
mod body;
pub mod cases;
mod console;
mod ids;
mod index;
mod intake;
pub mod limits;
mod operator;
mod refusal;
mod rounds;
mod sessions;
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
    /// The registration authority's key, which signs the e-licences.
    authority: authority::Authority,
    /// One case moves at a time (the console, the operator API, withdrawals).
    cases_lock: std::sync::Mutex<()>,
    /// The operator's secret (`--operator-token`); without it the console and the operator
    /// API do not exist.
    operator_token: Option<String>,
    /// The console's sign-ins.
    sessions: sessions::Sessions,
}

impl Receiver {
    /// The authority's key kept in `data` (made if missing), for the command line's approvals.
    pub fn authority_of(data: &std::path::Path) -> std::io::Result<authority::Authority> {
        std::fs::create_dir_all(data)?;
        authority::Authority::load_or_create(data)
    }

    pub fn new(data: PathBuf, deployment: Deployment) -> std::io::Result<Receiver> {
        Ok(Receiver {
            authority: authority::Authority::load_or_create(&data)?,
            cases_lock: std::sync::Mutex::new(()),
            operator_token: None,
            sessions: sessions::Sessions::default(),
            index: Index::new(store::load(&data)),
            rounds: rounds::Book::open(&data),
            round_expiry_seconds: kaiban_core::package::round::DEFAULT_EXPIRY_SECONDS,
            data,
            submissions: Arc::new(Semaphore::new(limits::CONCURRENT_SUBMISSIONS)),
            checks: Semaphore::new(limits::CONCURRENT_CHECKS),
            deployment: Arc::new(deployment),
        })
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
            "operator-token",
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
    // Past the calendar's year, working days are Monday to Friday without holidays: deadlines
    // would be early around the Spring Festival. Say so while there is time to add next year's.
    let in_30_days = kaiban_core::date::Date::from_days_since_epoch(
        (crate::clock::unix_now() as i64 + 8 * 3600).div_euclid(86_400) + 30,
    );
    if !deployment.calendar.covers(in_30_days) {
        eprintln!(
            "kaiban-verify serve: warning: the working-day calendar ({}) does not cover {in_30_days}; add that year's arrangement as case.calendar in kaiban.config.json (docs/case-lifecycle.md)",
            deployment.calendar.year
        );
    }
    let mut receiver = match Receiver::new(data, deployment) {
        Ok(receiver) => receiver,
        Err(e) => {
            eprintln!("kaiban-verify serve: cannot use the data folder: {e}");
            return EXIT_USAGE;
        }
    };
    if let Some(token) = args.get("operator-token") {
        if token.len() < 16 {
            eprintln!("kaiban-verify serve: --operator-token must be at least 16 characters");
            return EXIT_USAGE;
        }
        receiver.operator_token = Some(token.to_string());
    }
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
            header::HeaderName::from_static("x-kaiban-corrects-token"),
        ])
        .expose_headers([header::RETRY_AFTER]);
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/submissions", post(accept::accept))
        .route("/submissions/{receipt_id}", get(status::status))
        .route(
            "/submissions/{receipt_id}/withdrawal",
            post(status::withdraw),
        )
        .route("/submissions/licence-keys", get(status::licence_keys))
        .route(
            "/.well-known/kaiban-licence-keys",
            get(status::licence_keys),
        )
        .route("/submissions/licences/{credit_code}", get(status::licence))
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
        // The console and the operator API: no CORS (a browser reaches them on this origin only).
        .merge(operator::routes())
        .merge(console::routes())
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
