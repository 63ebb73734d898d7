//! What the signing-round suites share: the example payload, the tests' keys, and the round
//! API called as the applicant or as the holder of one link.

use super::{example_llc, json_request, Reply, LEASE};
use kaiban_core::package::round::RoundCreated;
use kaiban_core::package::{Payload, SignatureEntry};
use serde_json::{json, Value};

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub fn key(n: u8) -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_bytes(&[n; 32].into()).unwrap()
}

/// The example LLC with the lease as its first attachment, put up for signing a minute ago.
pub fn payload() -> Payload {
    let mut app = example_llc();
    app.attachments[0].sha256 = kaiban_core::package::sha256_hex(LEASE);
    app.attachments[0].size = LEASE.len() as u64;
    let created = kaiban_core::date::rfc3339_utc(now() - 60);
    Payload::new(&app, "app-round".into(), created)
}

pub fn call(port: u16, method: &str, path: &str, token: Option<&str>, body: &Value) -> Reply {
    json_request(
        port,
        method,
        &format!("/submissions/signing-rounds{path}"),
        token,
        body,
    )
}

pub fn open_round(port: u16, payload: &Payload) -> RoundCreated {
    let reply = call(
        port,
        "POST",
        "",
        None,
        &json!({ "payload": payload.encoded() }),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    serde_json::from_value(reply.body).unwrap()
}

pub fn sign(port: u16, token: &str, entry: &SignatureEntry) -> Reply {
    call(
        port,
        "POST",
        "/signer/signature",
        Some(token),
        &json!({ "entry": entry }),
    )
}

pub fn problem(reply: &Reply) -> String {
    reply.body["detail"]["problems"][0]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}
