//! Signing rounds over HTTP (docs/signing-rounds.md) when the links must stop working: a
//! changed application or a passed deadline closes every link, and rounds outlive a restart of
//! the receiver.

mod support;

use kaiban_core::package::sign_with;
use serde_json::{json, Value};
use support::rounds::*;
use support::{start, start_with};

#[test]
fn a_changed_application_or_a_passed_deadline_closes_the_links_and_rounds_outlive_a_restart() {
    let server = start("rounds-void");
    let payload = payload();
    let round = open_round(server.port, &payload);
    let path = format!("/{}", round.round_id);
    let signer = &round.signers[0].token;
    assert_eq!(
        call(server.port, "GET", "/signer", Some(signer), &Value::Null).status,
        200
    );
    assert_eq!(
        call(server.port, "DELETE", &path, Some(signer), &Value::Null).status,
        404,
        "a signer cannot void"
    );
    // The receiver restarts: the round and its tokens are still there.
    let data = server.data.clone();
    drop(server);
    let server = start_with(
        "rounds-void-again",
        &[
            "--data-dir",
            data.to_str().unwrap(),
            "--allow-origin",
            "http://127.0.0.1:8080",
        ],
    );
    let status = call(
        server.port,
        "GET",
        &path,
        Some(&round.applicant_token),
        &Value::Null,
    );
    assert_eq!(
        (status.status, status.body["signers"][0]["state"].as_str()),
        (200, Some("opened"))
    );
    assert_eq!(
        call(
            server.port,
            "DELETE",
            &path,
            Some(&round.applicant_token),
            &Value::Null
        )
        .status,
        200
    );
    let reply = call(server.port, "GET", "/signer", Some(signer), &Value::Null);
    assert_eq!(
        (reply.status, reply.body["error"].as_str()),
        (410, Some("round_void"))
    );
    let entry = sign_with(
        &key(1),
        &payload.encoded(),
        &payload.required_signers[0].person_id,
        now(),
    );
    assert_eq!(sign(server.port, signer, &entry).status, 410);

    let quick = start_with("rounds-expiry", &["--round-expiry", "1"]);
    let round = open_round(quick.port, &payload);
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    let reply = call(
        quick.port,
        "GET",
        "/signer",
        Some(&round.signers[0].token),
        &Value::Null,
    );
    assert_eq!(
        (reply.status, reply.body["error"].as_str()),
        (410, Some("round_expired"))
    );
    let status = call(
        quick.port,
        "GET",
        &format!("/{}", round.round_id),
        Some(&round.applicant_token),
        &Value::Null,
    );
    assert_eq!(status.body["state"], "expired");

    // A round opens only for a payload a package could carry.
    let mut forged = payload.clone();
    forged.required_signers.truncate(1);
    let reply = call(
        quick.port,
        "POST",
        "",
        None,
        &json!({ "payload": forged.encoded() }),
    );
    assert_eq!(
        (reply.status, problem(&reply).as_str()),
        (422, "signers.list_mismatch")
    );
}
