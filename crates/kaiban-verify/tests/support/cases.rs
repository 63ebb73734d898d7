//! What the case-lifecycle suites share: filing a package, the operator API and a console
//! session, all with the tests' operator token.

use super::{json_request, request, status, Reply, LEASE};
use kaiban_core::package::{Package, Payload};
use serde_json::{json, Value};

pub const TOKEN: &str = "operator-token-for-the-tests";

pub fn app_with_lease(mut app: kaiban_core::Application) -> kaiban_core::Application {
    app.attachments[0].sha256 = kaiban_core::package::sha256_hex(LEASE);
    app.attachments[0].size = LEASE.len() as u64;
    app
}

/// `app` signed by everyone (the tests' deterministic keys), correcting `corrects` if given.
pub fn package(app: &kaiban_core::Application, id: &str, corrects: Option<&str>) -> Package {
    let payload = Payload::new(app, id.into(), "2026-01-01T00:00:00Z".into())
        .correcting(corrects.map(String::from));
    kaiban_core::samples::signed_by_everyone(&payload, 7, 1_767_225_600)
}

pub struct Filed {
    pub receipt: String,
    pub token: String,
}

pub fn file(port: u16, key: &str, package: &Package, headers: &[(&str, &str)]) -> Reply {
    let (content_type, body) = super::multipart(package.to_json().as_bytes(), &[LEASE]);
    let mut all = vec![
        ("Content-Type", content_type.as_str()),
        ("Idempotency-Key", key),
    ];
    all.extend_from_slice(headers);
    request(port, "POST", "/submissions", &all, &body)
}

pub fn filed(reply: &Reply) -> Filed {
    assert_eq!(reply.status, 201, "{}", reply.body);
    Filed {
        receipt: reply.body["receipt_id"].as_str().unwrap().into(),
        token: reply.body["status_token"].as_str().unwrap().into(),
    }
}

pub fn operator(port: u16, method: &str, path: &str, token: Option<&str>, body: Value) -> Reply {
    json_request(port, method, path, token, &body)
}

pub fn act(port: u16, receipt: &str, action: &str, reasons: Value) -> Reply {
    operator(
        port,
        "POST",
        &format!("/operator/cases/{receipt}/actions"),
        Some(TOKEN),
        json!({ "action": action, "reasons": reasons }),
    )
}

/// Signs in to the console with the operator token; the session's cookie, which must not be
/// the token.
pub fn signed_in(port: u16) -> String {
    let login = request(
        port,
        "POST",
        "/console/login",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        format!("token={TOKEN}").as_bytes(),
    );
    assert_eq!(login.status, 303);
    assert!(
        login.headers.contains("set-cookie: kaiban_operator=")
            && login.headers.contains("httponly")
            && login.headers.contains("samesite=strict")
            && !login.headers.contains(TOKEN),
        "{}",
        login.headers
    );
    let pair = login
        .headers
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("a cookie");
    // The reply's headers come lower-cased; session ids are upper-case base32.
    let session = pair.split_once('=').expect("name=value").1.to_uppercase();
    format!("kaiban_operator={session}")
}

pub fn stage(port: u16, case: &Filed) -> String {
    status(port, &case.receipt, Some(&case.token)).body["stage"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}
