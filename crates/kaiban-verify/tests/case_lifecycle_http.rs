//! A case's whole life over HTTP (docs/case-lifecycle.md): returned with reasons, corrected
//! once with the returned case's status token, approved with a valid credit code and an
//! e-licence signed with the published key, and withdrawn with the filing key.

mod support;

use kaiban_core::case::licence::verify;
use kaiban_core::case::withdrawal::{header, Withdrawal};
use kaiban_core::package::{sign_protected, Jwk, Package, Payload};
use serde_json::{json, Value};
use support::cases::*;
use support::{example_llc, request, start_with, status, submit, LEASE};

#[test]
fn returned_corrected_approved_licensed_and_withdrawn() {
    let server = start_with("cases-life", &["--operator-token", TOKEN]);
    let first = filed(&submit(
        server.port,
        "first",
        package(&app_with_lease(example_llc()), "app-life", None)
            .to_json()
            .as_bytes(),
        &[LEASE],
    ));
    let r = first.receipt.clone();

    // The state machine refuses what the stage does not allow, and says what it does.
    let illegal = act(server.port, &r, "approve", json!([]));
    assert_eq!(
        (illegal.status, illegal.body["error"].as_str()),
        (409, Some("case.illegal_transition"))
    );
    assert!(
        illegal.body["message_zh"]
            .as_str()
            .unwrap()
            .contains("受理"),
        "{}",
        illegal.body
    );
    assert_eq!(act(server.port, &r, "accept", json!([])).status, 200);
    assert_eq!(act(server.port, &r, "start_review", json!([])).status, 200);
    let no_reason = act(server.port, &r, "return", json!([]));
    assert_eq!(no_reason.body["error"], "case.reasons_required");
    let reason = json!([{ "path": "domicile.detail", "zh": "详细地址缺少房间号", "en": "The address lacks the room number" }]);
    assert_eq!(act(server.port, &r, "return", reason).status, 200);
    let returned = status(server.port, &r, Some(&first.token));
    assert_eq!(returned.body["stage"], "returned");
    assert_eq!(
        returned.body["history"][3]["reasons"][0]["path"],
        "domicile.detail"
    );
    let clocks = returned.body["clocks"].as_array().unwrap();
    assert_eq!(clocks.len(), 2);
    assert_eq!(clocks[1]["flag"], "green", "decided within the promise");

    // The correction: only with the returned case's status token, and only once.
    let mut corrected = app_with_lease(example_llc());
    corrected.domicile.detail = format!("{}（1502室）", corrected.domicile.detail);
    let correction = package(&corrected, "app-life", Some(&r));
    let stranger = file(server.port, "c-none", &correction, &[]);
    assert_eq!(
        (stranger.status, stranger.body["error"].as_str()),
        (422, Some("corrects_invalid"))
    );
    let guessed = file(
        server.port,
        "c-guess",
        &correction,
        &[("X-Kaiban-Corrects-Token", "0123456789ABCDEFGHJKMNPQRS")],
    );
    assert_eq!(guessed.status, 422);
    let second = filed(&file(
        server.port,
        "c-right",
        &correction,
        &[("X-Kaiban-Corrects-Token", &first.token)],
    ));
    let again = file(
        server.port,
        "c-again",
        &package(&corrected, "app-other", Some(&r)),
        &[("X-Kaiban-Corrects-Token", &first.token)],
    );
    assert_eq!(again.status, 422, "a returned case is answered once");
    let detail = operator(
        server.port,
        "GET",
        &format!("/operator/cases/{}", second.receipt),
        Some(TOKEN),
        Value::Null,
    );
    assert_eq!(detail.body["corrects"], r.as_str());
    let changes: Vec<&str> = detail.body["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["domicile.detail"]);
    assert_eq!(
        status(server.port, &r, Some(&first.token)).body["corrected_by"],
        second.receipt.as_str()
    );

    // Approval: a valid credit code and a licence signed with the published key.
    for action in ["accept", "start_review", "approve"] {
        assert_eq!(
            act(server.port, &second.receipt, action, json!([])).status,
            200,
            "{action}"
        );
    }
    let licensed = status(server.port, &second.receipt, Some(&second.token));
    assert_eq!(licensed.body["stage"], "licensed");
    let code = licensed.body["credit_code"].as_str().unwrap();
    let parsed: kaiban_core::ids::CreditCode = code.parse().unwrap();
    assert!(
        parsed.embedded_org_code().is_ok() && parsed.authority_division() == "520115",
        "{code}"
    );
    let keys = request(server.port, "GET", "/submissions/licence-keys", &[], b"").body;
    assert_eq!(
        keys,
        request(
            server.port,
            "GET",
            "/.well-known/kaiban-licence-keys",
            &[],
            b""
        )
        .body
    );
    let jwk: Jwk = serde_json::from_value(json!({ "kty": keys["keys"][0]["kty"], "crv": keys["keys"][0]["crv"], "x": keys["keys"][0]["x"], "y": keys["keys"][0]["y"] })).unwrap();
    let jws = licensed.body["licence"].as_str().unwrap();
    let licence = verify(jws, &jwk).expect("the licence verifies with the published key");
    assert_eq!(
        (licence.credit_code.as_str(), licence.name.as_str()),
        (code, "贵阳云栈科技有限公司")
    );
    let public = request(
        server.port,
        "GET",
        &format!("/submissions/licences/{code}"),
        &[],
        b"",
    );
    assert_eq!(public.body["licence"], jws);
    // A code never issued, a mistyped one, or one that tries to name a file answers 404.
    let other = kaiban_core::case::licence::allocate_credit_code(false, "520115", 7);
    for probe in [
        other.as_str(),
        "91520115MA6TRQ635X",
        "..%2F.authority-key",
        "%2E%2E",
    ] {
        let reply = request(
            server.port,
            "GET",
            &format!("/submissions/licences/{probe}"),
            &[],
            b"",
        );
        assert_eq!(reply.status, 404, "{probe}");
    }

    // Withdrawal: signed by the legal representative with the key they filed with.
    let third = filed(&submit(
        server.port,
        "third",
        package(&app_with_lease(example_llc()), "app-third", None)
            .to_json()
            .as_bytes(),
        &[LEASE],
    ));
    let stored: Package = serde_json::from_slice(
        &std::fs::read(server.data.join(&third.receipt).join("package.jws.json")).unwrap(),
    )
    .unwrap();
    let payload: Payload =
        serde_json::from_slice(&kaiban_core::package::unb64(&stored.payload).unwrap()).unwrap();
    let who = kaiban_core::case::withdrawal::withdrawer(&payload.application).unwrap();
    let position = payload
        .required_signers
        .iter()
        .position(|s| s.person_id == who)
        .unwrap() as u8;
    let own =
        p256::ecdsa::SigningKey::from_bytes(&[7u8.wrapping_add(position); 32].into()).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let withdrawal = |key: &p256::ecdsa::SigningKey, receipt: &str, hash: &str| {
        let body = Withdrawal::new(receipt, hash).encoded();
        let entry = sign_protected(
            key,
            header(Jwk::from_verifying_key(key.verifying_key()), &who, now),
            &body,
        );
        json!({ "protected": entry.protected, "payload": body, "signature": entry.signature })
    };
    let post = |case: &Filed, body: Value| {
        let auth = format!("Bearer {}", case.token);
        request(
            server.port,
            "POST",
            &format!("/submissions/{}/withdrawal", case.receipt),
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            body.to_string().as_bytes(),
        )
    };
    let stranger_key = p256::ecdsa::SigningKey::from_bytes(&[42; 32].into()).unwrap();
    let refused = post(
        &third,
        withdrawal(&stranger_key, &third.receipt, &stored.payload_hash()),
    );
    assert_eq!(
        (refused.status, refused.body["error"].as_str()),
        (422, Some("withdrawal.other_key"))
    );
    let wrong_token = Filed {
        receipt: third.receipt.clone(),
        token: "0123456789ABCDEFGHJKMNPQRS".into(),
    };
    assert_eq!(
        post(
            &wrong_token,
            withdrawal(&own, &third.receipt, &stored.payload_hash())
        )
        .status,
        404
    );
    assert_eq!(stage(server.port, &third), "received");
    let done = post(
        &third,
        withdrawal(&own, &third.receipt, &stored.payload_hash()),
    );
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(stage(server.port, &third), "withdrawn");
    let withdrawn = status(server.port, &third.receipt, Some(&third.token)).body;
    assert_eq!(
        withdrawn["flag"], "stopped",
        "a case withdrawn before anyone did it is not done on time: {withdrawn}"
    );
    assert_eq!(
        act(server.port, &third.receipt, "accept", json!([])).status,
        409,
        "a withdrawn case is closed"
    );

    // The console lists the cases, most urgent first.
    let cookie = signed_in(server.port);
    let page = request(server.port, "GET", "/console", &[("Cookie", &cookie)], b"");
    assert_eq!(page.status, 200);
    let list = operator(
        server.port,
        "GET",
        "/operator/cases",
        Some(TOKEN),
        Value::Null,
    );
    assert_eq!(list.body["cases"].as_array().unwrap().len(), 3);
}
