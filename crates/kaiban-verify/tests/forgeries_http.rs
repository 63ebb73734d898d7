//! The attacker's forgeries (kaiban-core/tests/support/forge.rs) over real HTTP against the
//! real receiver binary: each refused with its code and nothing stored; the honest control,
//! signed the same way with fresh keys, accepted; status only with the case's token.

#[path = "../../kaiban-core/tests/support/forge.rs"]
mod forge;
mod support;

use support::{codes, left_in, multipart, request, start, status, stored_cases, submit};

fn files(submission: &forge::Submission) -> Vec<&[u8]> {
    submission.files.iter().map(Vec::as_slice).collect()
}

/// POSTs `submission` (its package and files) under `key`.
fn send(port: u16, key: &str, submission: &forge::Submission) -> support::Reply {
    submit(port, key, submission.package.as_bytes(), &files(submission))
}

#[test]
fn every_forgery_is_refused_over_http_and_the_honest_package_is_accepted() {
    let server = start("forgeries");
    let now = forge::now();
    for (n, forgery) in forge::forgeries(now).iter().enumerate() {
        let reply = submit(
            server.port,
            &format!("forgery-{n}"),
            forgery.package.as_bytes(),
            &files(forgery),
        );
        assert!(
            matches!(reply.status, 413 | 422),
            "{}: answered {} {}",
            forgery.name,
            reply.status,
            reply.body
        );
        assert!(
            codes(&reply).iter().any(|c| c == forgery.code),
            "{}: expected {}, got {:?}",
            forgery.name,
            forgery.code,
            codes(&reply)
        );
    }
    assert_eq!(stored_cases(&server.data), 0, "a forgery was stored");

    let honest = forge::honest(now);
    let reply = send(server.port, "honest", &honest);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(stored_cases(&server.data), 1);
}

/// The bundle: the honest package taking every service is accepted; one whose application
/// names, for the tax office, a person it does not have (its section derived consistently and
/// every signature re-made) verifies as a package but is refused by the rules.
#[test]
fn a_bundle_naming_a_stranger_is_refused_and_each_service_of_the_honest_one_has_its_status() {
    let server = start("forgeries-bundle");
    let now = forge::now();
    let mut app = forge::with_bundle(now);
    app.bundle.tax.as_mut().unwrap().tax_officer_id = Some("p-ghost".into());
    let payload = kaiban_core::package::Payload::new(
        &app,
        "app-ghost".into(),
        kaiban_core::date::rfc3339_utc(now - 3600),
    );
    let package = forge::sign_all(&payload, now - 60).to_json();
    let reply = submit(server.port, "ghost", package.as_bytes(), &[forge::LEASE]);
    assert_eq!(reply.status, 422, "{}", reply.body);
    let findings = reply.body["detail"]["findings"].to_string();
    assert!(findings.contains("bundle.person_unknown"), "{findings}");
    let reply = send(
        server.port,
        "honest-bundle",
        &forge::honest_with_bundle(now),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(stored_cases(&server.data), 1);
    assert_eq!(
        reply.body["services"],
        serde_json::json!(["seals", "tax", "social_insurance", "housing_fund", "bank"])
    );

    // Each service has a status of its own, which an operator moves.
    let receipt = reply.body["receipt_id"].as_str().unwrap().to_string();
    let token = reply.body["status_token"].as_str().unwrap().to_string();
    let first = status(server.port, &receipt, Some(&token));
    assert_eq!(first.body["services"][0]["state"], "requested");
    let operator = std::process::Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args([
            "service",
            "--data-dir",
            server.data.to_str().unwrap(),
            &receipt,
            "bank",
            "done",
        ])
        .args(["--detail", "2026-12-08 上午 9:00–12:00"])
        .output()
        .unwrap();
    assert!(
        operator.status.success(),
        "{}",
        String::from_utf8_lossy(&operator.stderr)
    );
    let after = status(server.port, &receipt, Some(&token));
    let bank = &after.body["services"][4];
    assert_eq!(
        (bank["service"].as_str(), bank["state"].as_str()),
        (Some("bank"), Some("done"))
    );
    assert_eq!(bank["detail"], "2026-12-08 上午 9:00–12:00");
    assert_eq!(
        after.body["services"][0]["state"], "requested",
        "the other services keep theirs"
    );
    assert_eq!(after.body["service_history"].as_array().unwrap().len(), 6);
    // A service the case did not file cannot be moved.
    let reply = send(server.port, "plain", &forge::honest(now));
    let other = reply.body["receipt_id"].as_str().unwrap();
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args([
            "service",
            "--data-dir",
            server.data.to_str().unwrap(),
            other,
            "seals",
            "done",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
}

#[test]
fn a_hundred_thousand_parts_are_refused_at_the_first_unreferenced_one() {
    let server = start("parts");
    let honest = forge::honest(forge::now());
    let tiny: Vec<&[u8]> = vec![b"x"; 100_000];
    let (content_type, body) = multipart(honest.package.as_bytes(), &tiny);
    let reply = request(
        server.port,
        "POST",
        "/submissions",
        &[
            ("Content-Type", &content_type),
            ("Idempotency-Key", "parts"),
        ],
        &body,
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(codes(&reply).contains(&"attachment.unreferenced".to_string()));
    assert_eq!(
        request(server.port, "GET", "/healthz", &[], b"").status,
        200
    );
    assert_eq!(stored_cases(&server.data), 0);
    assert_eq!(
        left_in(&server.data),
        Vec::<String>::new(),
        "temporary files left"
    );
}

#[test]
fn part_headers_that_never_end_are_cut_off_not_buffered() {
    let server = start("endless-headers");
    for first in [true, false] {
        let mut body = Vec::new();
        if !first {
            let honest = forge::honest(forge::now());
            body.extend_from_slice(
                b"--kaibanTESTboundary\r\nContent-Disposition: form-data; name=\"package\"\r\n\r\n",
            );
            body.extend_from_slice(honest.package.as_bytes());
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(
            b"--kaibanTESTboundary\r\nContent-Disposition: form-data; name=\"x\"\r\nX-Pad: ",
        );
        body.extend(std::iter::repeat_n(b'a', 16 * 1024 * 1024));
        let reply = request(
            server.port,
            "POST",
            "/submissions",
            &[
                (
                    "Content-Type",
                    "multipart/form-data; boundary=kaibanTESTboundary",
                ),
                ("Idempotency-Key", "endless"),
            ],
            &body,
        );
        assert_eq!(reply.status, 400, "{}", reply.body);
        assert_eq!(reply.body["detail"], "a part's headers are too long");
    }
    assert_eq!(
        request(server.port, "GET", "/healthz", &[], b"").status,
        200
    );
    assert_eq!(stored_cases(&server.data), 0);
}

#[test]
fn the_status_needs_the_token_and_a_guess_learns_nothing() {
    let server = start("status-token");
    let now = forge::now();
    let honest = forge::honest(now);
    let reply = send(server.port, "token", &honest);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let receipt = reply.body["receipt_id"].as_str().unwrap();
    let token = reply.body["status_token"].as_str().unwrap();
    assert!(
        receipt.len() >= 33 && token.len() >= 26,
        "{receipt} {token}"
    );
    assert_eq!(status(server.port, receipt, Some(token)).status, 200);
    let wrong = status(server.port, receipt, Some("0000000000000000000000000A"));
    let missing = status(server.port, receipt, None);
    let unknown = status(
        server.port,
        "KB-00000-00000-00000-00000-000000",
        Some(token),
    );
    for denied in [&wrong, &missing, &unknown] {
        assert_eq!((denied.status, &denied.body), (404, &unknown.body));
    }

    // Whoever has the payload (a co-signer's request holds it) can sign it with keys of their
    // own: such a replay learns the receipt, never the token. The same package again does.
    let resigned = forge::sign_all(&forge::honest_payload(now), now - 30).to_json();
    let replay = submit(
        server.port,
        "resigned",
        resigned.as_bytes(),
        &files(&honest),
    );
    assert_eq!(
        (replay.status, replay.body["duplicate"].as_bool()),
        (200, Some(true)),
        "{}",
        replay.body
    );
    assert_eq!(replay.body["receipt_id"].as_str(), Some(receipt));
    assert!(replay.body.get("status_token").is_none(), "{}", replay.body);
    let again = submit(
        server.port,
        "same-package-new-key",
        honest.package.as_bytes(),
        &files(&honest),
    );
    assert_eq!(again.body["status_token"].as_str(), Some(token));
}

#[test]
fn one_key_racing_with_two_packages_stores_one_and_refuses_the_other() {
    // `*` as the allowed origin used to panic the receiver at start.
    let server = support::start_with("race", &["--allow-origin", "*"]);
    let port = server.port;
    for round in 0..4 {
        let now = forge::now();
        let packages: Vec<forge::Submission> = (0..2)
            .map(|n| {
                let payload = kaiban_core::package::Payload::new(
                    &forge::application(),
                    format!("race-{round}-{n}"),
                    kaiban_core::date::rfc3339_utc(now - 60),
                );
                forge::Submission {
                    name: "race",
                    package: forge::sign_all(&payload, now - 30).to_json(),
                    files: vec![forge::LEASE.to_vec()],
                    code: "",
                }
            })
            .collect();
        let key = format!("race-key-{round}");
        let threads: Vec<_> = packages
            .into_iter()
            .map(|p| {
                let key = key.clone();
                std::thread::spawn(move || {
                    submit(port, &key, p.package.as_bytes(), &files(&p)).status
                })
            })
            .collect();
        let mut statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        statuses.sort();
        assert_eq!(statuses, [201, 409], "round {round}");
    }
    assert_eq!(stored_cases(&server.data), 4);
}
