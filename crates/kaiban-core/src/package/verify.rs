//! Package verification, entry by entry. A package is accepted only when EVERY signature
//! verifies, each `kid` is the thumbprint of its `jwk`, every required signer signs exactly
//! once and nobody else signs, the payload is canonical, and every attachment's bytes hash
//! to the digest in the payload. (Some JOSE libraries accept a General JWS when any one
//! signature verifies; this does not.)

use super::{signing_input, unb64, AttachmentRef, Package, Payload, ProtectedHeader, ALG, TYP};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryReport {
    pub index: usize,
    pub signer: Option<String>,
    pub kid: Option<String>,
    pub valid: bool,
    pub problem: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerifyReport {
    pub entries: Vec<EntryReport>,
    pub problems: Vec<Problem>,
    #[serde(skip)]
    pub payload: Option<Payload>,
}

impl VerifyReport {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.entries.iter().all(|e| e.valid)
    }
}

fn problem(code: &str, message: impl Into<String>) -> Problem {
    Problem {
        code: code.into(),
        message: message.into(),
    }
}

/// Verifies `package_json`; `attachments` maps each attachment's declared SHA-256 (hex) to
/// the bytes received for it (re-hashed here).
pub fn verify(package_json: &[u8], attachments: &HashMap<String, Vec<u8>>) -> VerifyReport {
    let mut report = VerifyReport {
        entries: Vec::new(),
        problems: Vec::new(),
        payload: None,
    };
    let package: Package = match serde_json::from_slice(package_json) {
        Ok(p) => p,
        Err(e) => {
            report.problems.push(problem(
                "package.not_jws",
                format!("not a JWS in General JSON Serialization: {e}"),
            ));
            return report;
        }
    };
    if package.signatures.is_empty() {
        report
            .problems
            .push(problem("package.unsigned", "the package has no signatures"));
    }
    let payload_bytes = match unb64(&package.payload) {
        Some(bytes) => bytes,
        None => {
            report
                .problems
                .push(problem("payload.encoding", "payload is not base64url"));
            return report;
        }
    };
    let payload: Payload = match serde_json::from_slice(&payload_bytes) {
        Ok(p) => p,
        Err(e) => {
            report.problems.push(problem(
                "payload.invalid",
                format!("payload is not a Kaiban payload: {e}"),
            ));
            return report;
        }
    };
    if payload.canonical() != payload_bytes {
        report.problems.push(problem(
            "payload.not_canonical",
            "payload is not in RFC 8785 canonical form",
        ));
    }

    let mut signed_by: HashMap<String, usize> = HashMap::new();
    for (index, entry) in package.signatures.iter().enumerate() {
        let result = verify_entry(&entry.protected, &entry.signature, &package.payload);
        let (signer, kid, problem_text) = match result {
            Ok(header) => (Some(header.kaiban_signer), Some(header.kid), None),
            Err((header, text)) => (
                header.as_ref().map(|h| h.kaiban_signer.clone()),
                header.map(|h| h.kid),
                Some(text),
            ),
        };
        if problem_text.is_none() {
            if let Some(s) = &signer {
                *signed_by.entry(s.clone()).or_default() += 1;
            }
        }
        report.entries.push(EntryReport {
            index,
            signer,
            kid,
            valid: problem_text.is_none(),
            problem: problem_text,
        });
    }

    for required in &payload.required_signers {
        match signed_by.get(&required.person_id).copied().unwrap_or(0) {
            0 => report.problems.push(problem(
                "signers.missing",
                format!(
                    "required signer {} ({}) has not signed",
                    required.person_id, required.name
                ),
            )),
            1 => {}
            n => report.problems.push(problem(
                "signers.duplicate",
                format!("required signer {} signed {n} times", required.person_id),
            )),
        }
    }
    for signer in signed_by.keys() {
        if !payload
            .required_signers
            .iter()
            .any(|r| &r.person_id == signer)
        {
            report.problems.push(problem(
                "signers.unexpected",
                format!("{signer} is not a required signer"),
            ));
        }
    }
    for a in &payload.attachments {
        check_attachment(a, attachments, &mut report.problems);
    }
    report.payload = Some(payload);
    report
}

type EntryError = (Option<Box<ProtectedHeader>>, String);

fn verify_entry(
    protected: &str,
    signature: &str,
    payload: &str,
) -> Result<ProtectedHeader, EntryError> {
    let header_bytes =
        unb64(protected).ok_or((None, "protected header is not base64url".to_string()))?;
    let header: ProtectedHeader = serde_json::from_slice(&header_bytes)
        .map_err(|e| (None, format!("protected header is not valid: {e}")))?;
    let fail = |text: String| (Some(Box::new(header.clone())), text);
    if header.alg != ALG {
        return Err(fail(format!(
            "alg is {}, only ES256 is accepted",
            header.alg
        )));
    }
    if header.typ != TYP {
        return Err(fail(format!("typ is {}, expected {TYP}", header.typ)));
    }
    if header.kid != super::thumbprint(&header.jwk) {
        return Err(fail("kid is not the RFC 7638 thumbprint of jwk".into()));
    }
    let key = header.jwk.verifying_key().map_err(fail)?;
    let bytes = unb64(signature).ok_or_else(|| fail("signature is not base64url".into()))?;
    let signature = p256::ecdsa::Signature::from_slice(&bytes)
        .map_err(|_| fail("signature is not 64 bytes r‖s".into()))?;
    use p256::ecdsa::signature::Verifier;
    key.verify(&signing_input(protected, payload), &signature)
        .map_err(|_| fail("signature does not verify".into()))?;
    Ok(header)
}

fn check_attachment(
    a: &AttachmentRef,
    received: &HashMap<String, Vec<u8>>,
    problems: &mut Vec<Problem>,
) {
    use sha2::{Digest, Sha256};
    let Some(bytes) = received.get(&a.sha256) else {
        problems.push(problem(
            "attachment.missing",
            format!("attachment {} was not received", a.name),
        ));
        return;
    };
    let actual: String = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if actual != a.sha256 || bytes.len() as u64 != a.size {
        problems.push(problem(
            "attachment.mismatch",
            format!("attachment {} does not match its SHA-256 or size", a.name),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;
    use crate::rules::testing::example;
    use p256::ecdsa::SigningKey;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32].into()).unwrap()
    }

    /// The LLC example with its attachment's digest set to `bytes`, signed by everyone.
    fn signed_llc(bytes: &[u8]) -> (Package, HashMap<String, Vec<u8>>) {
        use sha2::{Digest, Sha256};
        let mut app = example("llc");
        let digest: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        app.attachments[0].sha256 = digest.clone();
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
            HashMap::from([(digest, bytes.to_vec())]),
        )
    }

    fn codes(report: &VerifyReport) -> Vec<String> {
        report.problems.iter().map(|p| p.code.clone()).collect()
    }

    #[test]
    fn a_complete_package_verifies() {
        let (package, files) = signed_llc(b"%PDF lease");
        let report = verify(package.to_json().as_bytes(), &files);
        assert!(report.is_valid(), "{report:#?}");
        assert_eq!(report.entries.len(), 6);
    }

    #[test]
    fn one_forged_signature_among_several_is_refused() {
        let (mut package, files) = signed_llc(b"%PDF lease");
        let mut sig = unb64(&package.signatures[3].signature).unwrap();
        sig[10] ^= 1;
        package.signatures[3].signature = b64(&sig);
        let report = verify(package.to_json().as_bytes(), &files);
        assert!(!report.is_valid());
        assert!(!report.entries[3].valid && report.entries.iter().filter(|e| e.valid).count() == 5);
    }

    #[test]
    fn a_missing_signer_an_unsigned_package_and_a_duplicate_are_refused() {
        let (mut package, files) = signed_llc(b"%PDF lease");
        package.signatures.pop();
        assert!(codes(&verify(package.to_json().as_bytes(), &files))
            .contains(&"signers.missing".into()));
        let dup = package.signatures[0].clone();
        package.signatures.push(dup);
        assert!(codes(&verify(package.to_json().as_bytes(), &files))
            .contains(&"signers.duplicate".into()));
        package.signatures.clear();
        assert!(codes(&verify(package.to_json().as_bytes(), &files))
            .contains(&"package.unsigned".into()));
    }

    #[test]
    fn a_kid_that_is_not_the_jwk_thumbprint_is_refused() {
        let (mut package, files) = signed_llc(b"%PDF lease");
        let mut header: ProtectedHeader =
            serde_json::from_slice(&unb64(&package.signatures[0].protected).unwrap()).unwrap();
        header.kid = thumbprint(&Jwk::from_verifying_key(key(99).verifying_key()));
        package.signatures[0].protected = header.encoded();
        let report = verify(package.to_json().as_bytes(), &files);
        assert_eq!(
            report.entries[0].problem.as_deref(),
            Some("kid is not the RFC 7638 thumbprint of jwk")
        );
    }

    #[test]
    fn a_modified_payload_or_attachment_is_refused() {
        let (mut package, files) = signed_llc(b"%PDF lease");
        let mut payload: Payload =
            serde_json::from_slice(&unb64(&package.payload).unwrap()).unwrap();
        payload.application.capital.registered_fen = Some(1);
        package.payload = payload.encoded();
        let report = verify(package.to_json().as_bytes(), &files);
        assert!(report.entries.iter().all(|e| !e.valid));
        let (package, mut files) = signed_llc(b"%PDF lease");
        for bytes in files.values_mut() {
            bytes[0] = b'#';
        }
        assert!(codes(&verify(package.to_json().as_bytes(), &files))
            .contains(&"attachment.mismatch".into()));
        assert!(
            codes(&verify(package.to_json().as_bytes(), &HashMap::new()))
                .contains(&"attachment.missing".into())
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
            assert!(!verify(input, &HashMap::new()).is_valid());
        }
    }
}
