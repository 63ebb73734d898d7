//! Signing rounds over HTTP (docs/signing-rounds.md), as an attacker holding one signer's link
//! would try them: read the round, sign as someone else, sign another version, sign with a
//! stale time, sign twice, share a key, send oversize bodies, use a replaced link, sign after
//! the application changed or the round expired. The honest signers' entries, collected from
//! the round, make a package the verifier and the receiver accept.

mod support;

use kaiban_core::package::round::{RoundStatus, SignerView};
use kaiban_core::package::{sign_with, Package, SignatureEntry};
use serde_json::{json, Value};
use support::{start, submit, LEASE};

use support::rounds::*;

#[test]
fn a_link_signs_only_its_own_person_once_and_the_round_makes_a_valid_package() {
    let server = start("rounds");
    let offer = call(server.port, "GET", "", None, &Value::Null);
    assert_eq!(offer.body["protocol"], "kaiban.signing-rounds/1");

    let payload = payload();
    let encoded = payload.encoded();
    let round = open_round(server.port, &payload);
    let signers = payload.required_signers.clone();
    assert_eq!(round.signers.len(), signers.len());
    assert!(round.signers.iter().all(|s| s.token.len() == 26));
    let token = |i: usize| round.signers[i].token.clone();
    let person = |i: usize| signers[i].person_id.clone();
    let path = format!("/{}", round.round_id);
    let at = now();

    // A signer's link reads what they sign and nothing of the others.
    let view = call(server.port, "GET", "/signer", Some(&token(0)), &Value::Null);
    assert_eq!(view.status, 200, "{}", view.body);
    let view: SignerView = serde_json::from_value(view.body).unwrap();
    assert_eq!(
        (view.signer.person_id.as_str(), view.payload.as_str()),
        (person(0).as_str(), encoded.as_str())
    );
    for (who, token) in [
        ("a signer", token(0)),
        ("nobody", "0".repeat(26)),
        ("no token", String::new()),
    ] {
        let reply = call(server.port, "GET", &path, Some(&token), &Value::Null);
        assert_eq!(
            reply.status, 404,
            "{who} read the round's status: {}",
            reply.body
        );
    }
    let reply = call(
        server.port,
        "GET",
        "/signer",
        Some(&round.applicant_token),
        &Value::Null,
    );
    assert_eq!(
        reply.status, 404,
        "the applicant's token is no signer's link"
    );
    assert_eq!(
        call(server.port, "GET", "/signer", Some("WRONG"), &Value::Null).status,
        404
    );

    // What the holder of signer 0's link tries.
    let refused = [
        (
            "as another person",
            sign_with(&key(1), &encoded, &person(1), at),
            "round.wrong_signer",
        ),
        (
            "another version",
            {
                let mut other = payload.clone();
                other.application_id = "app-other".into();
                sign_with(&key(1), &other.encoded(), &person(0), at)
            },
            "entry.signature_invalid",
        ),
        (
            "a stale time",
            sign_with(&key(1), &encoded, &person(0), at + 31 * 86_400),
            "entry.iat_stale",
        ),
        (
            "before the version",
            sign_with(&key(1), &encoded, &person(0), at - 3_600),
            "entry.iat_before_created",
        ),
        (
            "in the future",
            sign_with(&key(1), &encoded, &person(0), at + 3_600),
            "entry.iat_future",
        ),
    ];
    for (what, entry, code) in refused {
        let reply = sign(server.port, &token(0), &entry);
        assert_eq!(
            (reply.status, problem(&reply).as_str()),
            (422, code),
            "{what}: {}",
            reply.body
        );
    }
    let honest = sign_with(&key(1), &encoded, &person(0), at);
    assert_eq!(sign(server.port, &token(0), &honest).status, 201);
    let again = sign(
        server.port,
        &token(0),
        &sign_with(&key(9), &encoded, &person(0), at),
    );
    assert_eq!(
        (again.status, again.body["error"].as_str()),
        (409, Some("already_signed"))
    );
    // Another signer may not sign with a key that signed for signer 0.
    let shared = sign(
        server.port,
        &token(1),
        &sign_with(&key(1), &encoded, &person(1), at),
    );
    assert_eq!(
        (shared.status, problem(&shared).as_str()),
        (422, "signers.shared_key")
    );

    // Signer 1 declines; the applicant replaces the link; the old one says so; the new one signs.
    let declined = call(
        server.port,
        "POST",
        "/signer/decline",
        Some(&token(1)),
        &json!({ "reason": "地址有误" }),
    );
    assert_eq!(declined.status, 200, "{}", declined.body);
    let after = sign(
        server.port,
        &token(1),
        &sign_with(&key(2), &encoded, &person(1), at),
    );
    assert_eq!(
        (after.status, after.body["error"].as_str()),
        (409, Some("declined"))
    );
    let status: RoundStatus = serde_json::from_value(
        call(
            server.port,
            "GET",
            &path,
            Some(&round.applicant_token),
            &Value::Null,
        )
        .body,
    )
    .unwrap();
    assert_eq!(status.signers[1].reason.as_deref(), Some("地址有误"));
    let reissue_path = format!("{path}/signers/{}/link", person(1));
    assert_eq!(
        call(
            server.port,
            "POST",
            &reissue_path,
            Some(&token(0)),
            &Value::Null
        )
        .status,
        404,
        "a signer cannot replace links"
    );
    let new_link = call(
        server.port,
        "POST",
        &reissue_path,
        Some(&round.applicant_token),
        &Value::Null,
    );
    assert_eq!(new_link.status, 201, "{}", new_link.body);
    let new_token = new_link.body["token"].as_str().unwrap().to_string();
    let old = call(server.port, "GET", "/signer", Some(&token(1)), &Value::Null);
    assert_eq!(
        (old.status, old.body["error"].as_str()),
        (410, Some("link_revoked"))
    );
    assert_eq!(
        sign(
            server.port,
            &new_token,
            &sign_with(&key(2), &encoded, &person(1), at)
        )
        .status,
        201
    );

    // Oversize bodies are cut off before they are parsed.
    let huge = json!({ "entry": { "protected": "A".repeat(20_000), "signature": "B" } });
    assert_eq!(
        sign(
            server.port,
            &token(2),
            &sign_with(&key(3), &encoded, &person(2), at)
        )
        .status,
        201
    );
    let reply = call(
        server.port,
        "POST",
        "/signer/decline",
        Some(&token(3)),
        &huge,
    );
    assert_eq!(
        (reply.status, reply.body["error"].as_str()),
        (413, Some("body_too_large"))
    );
    let reply = call(
        server.port,
        "POST",
        "",
        None,
        &json!({ "payload": "A".repeat(5 * 1024 * 1024) }),
    );
    assert_eq!(reply.status, 413);

    // Everyone else signs; the round's entries make a package that verifies and is accepted.
    for i in 3..signers.len() {
        let reply = sign(
            server.port,
            &token(i),
            &sign_with(&key(10 + i as u8), &encoded, &person(i), at),
        );
        assert_eq!(reply.status, 201, "signer {i}: {}", reply.body);
    }
    let status: RoundStatus = serde_json::from_value(
        call(
            server.port,
            "GET",
            &path,
            Some(&round.applicant_token),
            &Value::Null,
        )
        .body,
    )
    .unwrap();
    assert_eq!(
        status.state,
        kaiban_core::package::round::RoundState::Complete
    );
    let entries: Vec<SignatureEntry> = status
        .signers
        .iter()
        .map(|s| s.entry.clone().unwrap())
        .collect();
    let package = Package::assemble(encoded.clone(), entries, &signers).to_json();
    let report = kaiban_core::package::verify(
        package.as_bytes(),
        &kaiban_core::package::received_files([LEASE]),
        now(),
    );
    assert!(report.is_valid(), "{:?}", report.codes());
    assert_eq!(
        submit(server.port, "round-package", package.as_bytes(), &[LEASE]).status,
        201
    );
}
