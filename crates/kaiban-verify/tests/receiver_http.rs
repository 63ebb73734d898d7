//! The reference receiver as a backend meets it: the real binary on 127.0.0.1, real HTTP
//! multipart requests, real files on disk.

mod support;

use kaiban_core::package::{Package, Payload};
use sha2::{Digest, Sha256};
use std::process::Command;
use support::{
    docs_example, example_llc, left_in, request, signed, start, start_with, stored_cases, submit,
    with_zunyi_scope, zunyi_company, LEASE,
};

#[test]
fn a_valid_package_is_stored_atomically_and_idempotently() {
    let server = start("valid");
    let package = signed(&example_llc(), LEASE, None).to_json();
    let first = submit(server.port, "key-1", package.as_bytes(), &[LEASE]);
    assert_eq!(first.status, 201, "{}", first.body);
    let receipt = first.body["receipt_id"].as_str().unwrap().to_string();
    let folder = server.data.join(&receipt);
    assert!(folder.join("package.jws.json").is_file());
    let digest: String = Sha256::digest(LEASE)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        std::fs::read(folder.join("attachments").join(&digest)).unwrap(),
        LEASE
    );
    assert!(!std::fs::read_dir(&server.data).unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".incoming")));

    let again = submit(server.port, "key-1", package.as_bytes(), &[LEASE]);
    assert_eq!(
        (again.status, again.body["receipt_id"].as_str()),
        (200, Some(receipt.as_str()))
    );
    let other = signed(&example_llc(), b"%PDF-1.4 another lease", None).to_json();
    assert_eq!(
        submit(
            server.port,
            "key-1",
            other.as_bytes(),
            &[b"%PDF-1.4 another lease"]
        )
        .status,
        409
    );
    let replay = submit(server.port, "key-2", package.as_bytes(), &[LEASE]);
    assert_eq!(replay.status, 200);
    assert_eq!(replay.body["receipt_id"].as_str(), Some(receipt.as_str()));
    assert_eq!(replay.body["duplicate"], true);
    assert_eq!(stored_cases(&server.data), 1, "exactly one case stored");

    let token = first.body["status_token"].as_str().unwrap().to_string();
    assert_eq!(again.body["status_token"].as_str(), Some(token.as_str()));
    let status = support::status(server.port, &receipt, Some(&token));
    assert_eq!(status.body["status"], "received");
    let out = Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args([
            "status",
            "--data-dir",
            server.data.to_str().unwrap(),
            &receipt,
            "accept",
            "start_review",
            "return",
            "--reason",
            "住所证明不清晰",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let status = support::status(server.port, &receipt, Some(&token));
    assert_eq!(status.body["status"], "returned");
    assert_eq!(
        status.body["history"][3]["reasons"][0]["zh"],
        "住所证明不清晰"
    );

    let verified = Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args([
            "verify",
            folder.join("package.jws.json").to_str().unwrap(),
            "--attachments",
            folder.join("attachments").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&verified.stdout)
            .matches(": valid")
            .count(),
        6
    );
}

#[test]
fn bad_packages_are_refused_with_422_and_nothing_is_stored() {
    let server = start("bad");
    let app = example_llc();
    let mut forged = signed(&app, LEASE, None);
    forged.signatures[2].signature = forged.signatures[1].signature.clone();
    let missing = signed(&app, LEASE, Some(4));
    let mut unsigned = signed(&app, LEASE, None);
    unsigned.signatures.clear();
    let mut broken_app = app.clone();
    broken_app.capital.registered_fen = Some(1);
    let invalid = signed(&broken_app, LEASE, None);
    for (name, package, lease) in [
        ("forged", forged, LEASE),
        ("missing signer", missing, LEASE),
        ("unsigned", unsigned, LEASE),
        (
            "modified attachment",
            signed(&app, LEASE, None),
            &b"%PDF-1.4 lease of room 1502"[..],
        ),
        ("rule errors", invalid, LEASE),
    ] {
        let reply = submit(server.port, name, package.to_json().as_bytes(), &[lease]);
        assert_eq!(reply.status, 422, "{name}: {}", reply.body);
    }
    assert_eq!(left_in(&server.data), Vec::<String>::new());
    let no_key = request(
        server.port,
        "POST",
        "/submissions",
        &[("Content-Type", "multipart/form-data; boundary=x")],
        b"--x--\r\n",
    );
    assert_eq!(no_key.status, 400);
    assert_eq!(support::status(server.port, "KB-nope", None).status, 404);
}

/// Every part of one package with every byte altered in turn (its decoded bytes: a base64
/// re-encoding of a modified value, which is what a forger would send), and every byte of the
/// attachment. Verified through the receiver's own check for all positions, and through real
/// HTTP for an evenly spread sample; none may be accepted, nothing may be stored.
#[test]
fn every_single_byte_mutation_is_refused_and_a_replay_is_a_duplicate() {
    use kaiban_core::package::{b64, received_files, unb64, verify};
    let now = 1_767_229_200;

    let package = signed(&example_llc(), LEASE, None);
    let attachments = received_files([LEASE]);
    assert!(verify(package.to_json().as_bytes(), &attachments, now).is_valid());

    // (part name, the package with that part's byte `i` flipped)
    let mut mutants: Vec<(String, Package)> = Vec::new();
    let payload = unb64(&package.payload).unwrap();
    for i in 0..payload.len() {
        let mut bytes = payload.clone();
        bytes[i] ^= 0x01;
        let mut p = package.clone();
        p.payload = b64(&bytes);
        mutants.push((format!("payload[{i}]"), p));
    }
    for (s, entry) in package.signatures.iter().enumerate() {
        for (field, text) in [
            ("protected", &entry.protected),
            ("signature", &entry.signature),
        ] {
            let original = unb64(text).unwrap();
            for i in 0..original.len() {
                let mut bytes = original.clone();
                bytes[i] ^= 0x01;
                let mut p = package.clone();
                let target = &mut p.signatures[s];
                if field == "protected" {
                    target.protected = b64(&bytes);
                } else {
                    target.signature = b64(&bytes);
                }
                mutants.push((format!("signatures[{s}].{field}[{i}]"), p));
            }
        }
    }
    let mut accepted = Vec::new();
    for (name, mutant) in &mutants {
        if verify(mutant.to_json().as_bytes(), &attachments, now).is_valid() {
            accepted.push(name.clone());
        }
    }
    for i in 0..LEASE.len() {
        let mut lease = LEASE.to_vec();
        lease[i] ^= 0x01;
        let received = received_files([lease.as_slice()]);
        if verify(package.to_json().as_bytes(), &received, now).is_valid() {
            accepted.push(format!("attachment[{i}]"));
        }
    }
    assert!(accepted.is_empty(), "accepted forgeries: {accepted:?}");
    assert!(mutants.len() > 5_000, "{} mutants", mutants.len());

    // The same through the real receiver, for an evenly spread sample of positions.
    let server = start("tamper");
    let step = mutants.len() / 60;
    for (n, (name, mutant)) in mutants.iter().step_by(step).enumerate() {
        let reply = submit(
            server.port,
            &format!("tamper-{n}"),
            mutant.to_json().as_bytes(),
            &[LEASE],
        );
        assert_eq!(reply.status, 422, "{name} was not refused: {}", reply.body);
    }
    let mut lease = LEASE.to_vec();
    lease[3] ^= 0x01;
    let reply = submit(
        server.port,
        "tamper-lease",
        package.to_json().as_bytes(),
        &[&lease],
    );
    assert_eq!(reply.status, 422, "a modified attachment was not refused");
    assert_eq!(stored_cases(&server.data), 0, "nothing stored");

    // The genuine package is accepted once; replayed under a new key it is a duplicate.
    let first = submit(
        server.port,
        "genuine",
        package.to_json().as_bytes(),
        &[LEASE],
    );
    assert_eq!(first.status, 201, "{}", first.body);
    let replay = submit(
        server.port,
        "replayed",
        package.to_json().as_bytes(),
        &[LEASE],
    );
    assert_eq!(
        (replay.status, replay.body["duplicate"].as_bool()),
        (200, Some(true))
    );
    assert_eq!(replay.body["receipt_id"], first.body["receipt_id"]);
}

/// Articles the applicant wrote themselves: the package leaves the generated articles out,
/// carries the file every shareholder signs with the payload, and the receipt says a registrar
/// reviews the case by hand; the same application with generated articles is `standard`.
#[test]
fn own_articles_are_accepted_for_manual_review() {
    let server = start("own-articles");
    let standard = signed(&example_llc(), LEASE, None).to_json();
    let reply = submit(server.port, "key-standard", standard.as_bytes(), &[LEASE]);
    assert_eq!(
        (reply.status, reply.body["review"].as_str()),
        (201, Some("standard"))
    );

    const ARTICLES: &[u8] = b"%PDF-1.4 our own articles, signed by both shareholders";
    let mut app = example_llc();
    app.articles.own_articles = true;
    let mut articles = app.attachments[0].clone();
    articles.id = "own-articles".into();
    articles.purpose = kaiban_core::model::AttachmentPurpose::Articles;
    articles.name = "章程.pdf".into();
    articles.size = ARTICLES.len() as u64;
    articles.sha256 = Sha256::digest(ARTICLES)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    app.attachments.push(articles);
    let package = signed(&app, LEASE, None);
    let payload: Payload =
        serde_json::from_slice(&kaiban_core::package::unb64(&package.payload).unwrap()).unwrap();
    assert!(payload
        .documents
        .iter()
        .all(|d| d.kind != kaiban_core::documents::DocumentKind::Articles));
    let reply = submit(
        server.port,
        "key-own",
        package.to_json().as_bytes(),
        &[LEASE, ARTICLES],
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["review"].as_str(), Some("manual"));
}

/// `--config`: the deployment's jurisdiction decides which domiciles the receiver accepts,
/// as the app decides. The demo accepts a Guiyang address; Zunyi's deployment (the docs'
/// example config) refuses it with X-8 and accepts a Zunyi one; a config naming an unknown
/// division does not start.
#[test]
fn the_configured_jurisdiction_decides_the_domicile() {
    // The example a district copies (docs/reference-data.md), with its catalogue.
    let example = docs_example("zunyi.config.json");
    let catalogue = docs_example("zunyi-scope.csv");
    let config = std::env::temp_dir().join(format!("kaiban-zunyi-{}.json", std::process::id()));
    std::fs::copy(&example, &config).unwrap();
    let demo = start("jurisdiction-demo");
    let guiyang = signed(&example_llc(), LEASE, None).to_json();
    assert_eq!(
        submit(demo.port, "k-demo", guiyang.as_bytes(), &[LEASE]).status,
        201
    );

    // The attacker re-signs (keys of their own for every signer) an application whose code
    // is inside the jurisdiction but whose filed names, which the documents print, say
    // another place: refused, while the honest package above was accepted.
    let mut lying = example_llc();
    lying.domicile.place = kaiban_core::catalog::Divisions::national().place("520302");
    let lying = signed(&lying, LEASE, None).to_json();
    let reply = submit(demo.port, "k-lying", lying.as_bytes(), &[LEASE]);
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(
        reply.body["detail"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "domicile.place_names_differ"),
        "{}",
        reply.body
    );

    let zunyi = start_with(
        "jurisdiction-zunyi",
        &[
            "--config",
            config.to_str().unwrap(),
            "--catalogue",
            catalogue.to_str().unwrap(),
        ],
    );
    let guiyang = signed(&with_zunyi_scope(example_llc()), LEASE, None).to_json();
    let reply = submit(zunyi.port, "k-guiyang", guiyang.as_bytes(), &[LEASE]);
    assert_eq!(reply.status, 422, "{}", reply.body);
    let findings = reply.body["detail"]["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "domicile.outside_jurisdiction"
                && f["message_zh"]
                    .as_str()
                    .unwrap()
                    .contains("遵义市市场监督管理局")),
        "{}",
        reply.body
    );
    let local = signed(&zunyi_company(), LEASE, None).to_json();
    let reply = submit(zunyi.port, "k-zunyi", local.as_bytes(), &[LEASE]);
    assert_eq!(reply.status, 201, "{}", reply.body);

    std::fs::write(
        &config,
        r#"{"jurisdiction": {"divisions": ["529999"], "authority": {"zh": "x", "en": "x"}}}"#,
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kaiban-verify"))
        .args(["serve", "--port", "0", "--config", config.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown division 529999"));
    let _ = std::fs::remove_file(&config);
}
