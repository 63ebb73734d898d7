use super::*;
use crate::package::*;
use crate::rules::testing::example;
use p256::ecdsa::SigningKey;

/// 2026-01-01T01:00:00Z: an hour after the fixtures were put up for signing.
const NOW: i64 = 1_767_229_200;

fn key(n: u8) -> SigningKey {
    SigningKey::from_bytes(&[n; 32].into()).unwrap()
}

/// The LLC example with its attachment's digest set to `bytes`, signed by everyone.
fn signed_llc(bytes: &[u8]) -> (Package, Received) {
    let mut app = example("llc");
    app.attachments[0].sha256 = sha256_hex(bytes);
    app.attachments[0].size = bytes.len() as u64;
    let payload = Payload::new(&app, "app-1".into(), "2026-01-01T00:00:00Z".into());
    let encoded = payload.encoded();
    let signatures = payload
        .required_signers
        .iter()
        .enumerate()
        .map(|(i, s)| sign_with(&key(i as u8 + 1), &encoded, &s.person_id, 1_767_225_600))
        .collect();
    (
        Package {
            payload: encoded,
            signatures,
        },
        received_files([bytes]),
    )
}

fn codes(report: &VerifyReport) -> Vec<String> {
    report.codes().into_iter().map(String::from).collect()
}

#[test]
fn a_complete_package_verifies() {
    let (package, files) = signed_llc(b"%PDF lease");
    let report = verify(package.to_json().as_bytes(), &files, NOW);
    assert!(report.is_valid(), "{report:#?}");
    assert_eq!(report.entries.len(), 6);
}

#[test]
fn one_forged_signature_among_several_is_refused() {
    let (mut package, files) = signed_llc(b"%PDF lease");
    let mut sig = unb64(&package.signatures[3].signature).unwrap();
    sig[10] ^= 1;
    package.signatures[3].signature = b64(&sig);
    let report = verify(package.to_json().as_bytes(), &files, NOW);
    assert!(!report.is_valid());
    assert!(!report.entries[3].valid && report.entries.iter().filter(|e| e.valid).count() == 5);
    assert_eq!(
        report.entries[3].code.as_deref(),
        Some("entry.signature_invalid")
    );
}

#[test]
fn a_missing_signer_an_unsigned_package_and_a_duplicate_are_refused() {
    let (mut package, files) = signed_llc(b"%PDF lease");
    package.signatures.pop();
    assert!(codes(&verify(package.to_json().as_bytes(), &files, NOW))
        .contains(&"signers.missing".into()));
    let dup = package.signatures[0].clone();
    package.signatures.push(dup);
    assert!(codes(&verify(package.to_json().as_bytes(), &files, NOW))
        .contains(&"signers.duplicate".into()));
    package.signatures.clear();
    assert!(codes(&verify(package.to_json().as_bytes(), &files, NOW))
        .contains(&"package.unsigned".into()));
}

#[test]
fn a_kid_that_is_not_the_jwk_thumbprint_is_refused() {
    let (mut package, files) = signed_llc(b"%PDF lease");
    let mut header: ProtectedHeader =
        serde_json::from_slice(&unb64(&package.signatures[0].protected).unwrap()).unwrap();
    header.kid = thumbprint(&Jwk::from_verifying_key(key(99).verifying_key()));
    package.signatures[0].protected = header.encoded();
    let report = verify(package.to_json().as_bytes(), &files, NOW);
    assert_eq!(
        report.entries[0].problem.as_deref(),
        Some("kid is not the RFC 7638 thumbprint of jwk")
    );
    assert_eq!(report.entries[0].code.as_deref(), Some("entry.kid"));
}

#[test]
fn a_modified_payload_or_attachment_is_refused() {
    let (mut package, files) = signed_llc(b"%PDF lease");
    let mut payload: Payload = serde_json::from_slice(&unb64(&package.payload).unwrap()).unwrap();
    payload.application.capital.registered_fen = Some(1);
    package.payload = payload.encoded();
    let report = verify(package.to_json().as_bytes(), &files, NOW);
    assert!(report.entries.iter().all(|e| !e.valid));
    let (package, _) = signed_llc(b"%PDF lease");
    let other = received_files([&b"#PDF lease"[..]]);
    let report = codes(&verify(package.to_json().as_bytes(), &other, NOW));
    assert!(report.contains(&"attachment.missing".into()), "{report:?}");
    assert!(
        report.contains(&"attachment.unreferenced".into()),
        "{report:?}"
    );
    let mut wrong_size = received_files([&b"%PDF lease"[..]]);
    for size in wrong_size.values_mut() {
        *size += 1;
    }
    assert!(
        codes(&verify(package.to_json().as_bytes(), &wrong_size, NOW))
            .contains(&"attachment.mismatch".into())
    );
    assert!(
        codes(&verify(package.to_json().as_bytes(), &Received::new(), NOW))
            .contains(&"attachment.missing".into())
    );
}

#[test]
fn an_oversized_package_is_refused_unread() {
    let big = vec![b' '; limits::MAX_PACKAGE_BYTES + 1];
    assert_eq!(
        codes(&verify(&big, &Received::new(), NOW)),
        ["package.too_large"]
    );
}

#[test]
fn garbage_is_refused_without_panicking() {
    for input in [
        &b""[..],
        b"{}",
        b"[]",
        b"{\"payload\":\"!!\",\"signatures\":[]}",
        b"{\"payload\":\"e30\",\"signatures\":[{\"protected\":\"e30\",\"signature\":\"AA\"}]}",
    ] {
        assert!(!verify(input, &Received::new(), NOW).is_valid());
    }
}
