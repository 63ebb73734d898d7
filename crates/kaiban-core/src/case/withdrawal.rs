//! Withdrawing a case before a decision (撤回): a request signed by the person who answers for
//! the application (the legal representative of a company, else the first investor: partner,
//! investor or operator) with the very key they signed the filed package with. The submitter's
//! status token shows who asks; the key shows that person agrees.

use crate::model::Application;
use crate::package::{b64, signing_input, unb64, Package, Payload, ProtectedHeader, ALG};
use serde::{Deserialize, Serialize};

pub const WITHDRAWAL_TYP: &str = "application/vnd.kaiban.withdrawal+jws";

/// How far the request's `iat` may lie from the receiver's clock.
pub const WITHDRAWAL_SKEW_SECONDS: i64 = 10 * 60;

/// What is signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    pub kind: String,
    pub receipt_id: String,
    /// base64url SHA-256 of the case's JWS payload: this version of the application.
    pub payload_hash: String,
}

/// The request: a flattened JWS (RFC 7515 §7.2.2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedWithdrawal {
    pub protected: String,
    pub payload: String,
    pub signature: String,
}

impl Withdrawal {
    pub fn new(receipt_id: &str, payload_hash: &str) -> Withdrawal {
        Withdrawal {
            kind: "kaiban.withdrawal".into(),
            receipt_id: receipt_id.into(),
            payload_hash: payload_hash.into(),
        }
    }

    /// The JWS payload member (base64url of the canonical JSON).
    pub fn encoded(&self) -> String {
        b64(&serde_json_canonicalizer::to_vec(self).expect("json"))
    }
}

/// Who may withdraw `app`: its legal representative (a company) or first investor.
pub fn withdrawer(app: &Application) -> Option<String> {
    if app.entity_type.is_some_and(|t| t.is_company()) {
        app.officers.legal_representative_id.clone()
    } else {
        app.investors.first().map(|i| i.person_id.clone())
    }
}

/// The protected header of a withdrawal by `person` with `jwk` at `iat`.
pub fn header(jwk: crate::package::Jwk, person: &str, iat: i64) -> String {
    ProtectedHeader {
        typ: WITHDRAWAL_TYP.into(),
        ..ProtectedHeader::new(jwk, person, iat)
    }
    .encoded()
}

/// Whether `request` withdraws case `receipt_id`, whose filed package is `package`, at `now`:
/// it names this case and version, it is signed (ES256, `typ` a withdrawal's) by the person who
/// may withdraw, with the key that person signed the package with, and recently.
pub fn check(
    request: &SignedWithdrawal,
    receipt_id: &str,
    package: &Package,
    now: i64,
) -> Result<(), (&'static str, &'static str)> {
    let payload: Payload = unb64(&package.payload)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or((
            "withdrawal.case_unreadable",
            "the case's package cannot be read",
        ))?;
    let asked: Withdrawal = unb64(&request.payload)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or((
            "withdrawal.invalid",
            "the request's payload is not a withdrawal",
        ))?;
    if asked.kind != "kaiban.withdrawal"
        || asked.receipt_id != receipt_id
        || asked.payload_hash != package.payload_hash()
    {
        return Err((
            "withdrawal.other_case",
            "the request is for another case or version",
        ));
    }
    let header: ProtectedHeader = unb64(&request.protected)
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(("withdrawal.invalid", "the protected header cannot be read"))?;
    if header.alg != ALG
        || header.typ != WITHDRAWAL_TYP
        || header.kid != crate::package::thumbprint(&header.jwk)
    {
        return Err(("withdrawal.invalid", "the header is not a withdrawal's"));
    }
    if (header.iat - now).abs() > WITHDRAWAL_SKEW_SECONDS {
        return Err(("withdrawal.stale", "the request was not signed just now"));
    }
    let who = withdrawer(&payload.application).ok_or((
        "withdrawal.nobody",
        "the application names nobody who may withdraw it",
    ))?;
    if header.kaiban_signer != who {
        return Err((
            "withdrawal.wrong_person",
            "only the legal representative (or the first investor) may withdraw",
        ));
    }
    let filed_kid = package
        .signatures
        .iter()
        .filter_map(crate::package::exchange::header_of)
        .find(|h| h.kaiban_signer == who)
        .map(|h| h.kid);
    if filed_kid.as_deref() != Some(header.kid.as_str()) {
        return Err((
            "withdrawal.other_key",
            "the request is not signed with the key that signed the application",
        ));
    }
    use p256::ecdsa::signature::Verifier;
    let key = header
        .jwk
        .verifying_key()
        .map_err(|_| ("withdrawal.invalid", "the key cannot be read"))?;
    let signature = unb64(&request.signature)
        .and_then(|b| p256::ecdsa::Signature::from_slice(&b).ok())
        .ok_or(("withdrawal.invalid", "the signature cannot be read"))?;
    key.verify(
        &signing_input(&request.protected, &request.payload),
        &signature,
    )
    .map_err(|_| {
        (
            "withdrawal.signature_invalid",
            "the signature does not verify",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::{sign_protected, Jwk};
    use crate::rules::testing::example;

    fn key(n: u8) -> p256::ecdsa::SigningKey {
        p256::ecdsa::SigningKey::from_bytes(&[n; 32].into()).unwrap()
    }

    /// What an attacker with the status token but not the representative's key would send;
    /// the honest request passes.
    #[test]
    fn only_the_representatives_filing_key_withdraws_this_case() {
        let app = example("llc");
        let payload = Payload::new(&app, "app-w".into(), "2026-12-03T00:00:00Z".into());
        let package = crate::samples::signed_by_everyone(&payload, 3, 1_764_720_000);
        let now = 1_764_720_600;
        let who = withdrawer(&app).unwrap();
        let position = payload
            .required_signers
            .iter()
            .position(|s| s.person_id == who)
            .unwrap();
        let own =
            p256::ecdsa::SigningKey::from_bytes(&[3u8.wrapping_add(position as u8); 32].into())
                .unwrap();
        let request = |signing: &p256::ecdsa::SigningKey, person: &str, receipt: &str, iat: i64| {
            let body = Withdrawal::new(receipt, &package.payload_hash()).encoded();
            let protected = header(
                Jwk::from_verifying_key(signing.verifying_key()),
                person,
                iat,
            );
            let entry = sign_protected(signing, protected, &body);
            SignedWithdrawal {
                protected: entry.protected,
                payload: body,
                signature: entry.signature,
            }
        };
        let receipt = "KB-AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA";
        assert_eq!(
            check(&request(&own, &who, receipt, now), receipt, &package, now),
            Ok(())
        );
        let code = |r: SignedWithdrawal| check(&r, receipt, &package, now).unwrap_err().0;
        assert_eq!(
            code(request(&key(99), &who, receipt, now)),
            "withdrawal.other_key"
        );
        let other = payload
            .required_signers
            .iter()
            .find(|s| s.person_id != who)
            .unwrap();
        assert_eq!(
            code(request(&own, &other.person_id, receipt, now)),
            "withdrawal.wrong_person"
        );
        assert_eq!(
            code(request(
                &own,
                &who,
                "KB-BBBBB-AAAAA-AAAAA-AAAAA-AAAAAA",
                now
            )),
            "withdrawal.other_case"
        );
        assert_eq!(
            code(request(&own, &who, receipt, now - 3_600)),
            "withdrawal.stale"
        );
        let mut tampered = request(&own, &who, receipt, now);
        tampered.signature = request(&own, &who, receipt, now - 1).signature;
        assert_eq!(code(tampered), "withdrawal.signature_invalid");
        // A registration entry's header (another typ) is not a withdrawal.
        let body = Withdrawal::new(receipt, &package.payload_hash()).encoded();
        let entry = crate::package::sign_with(&own, &body, &who, now);
        let as_entry = SignedWithdrawal {
            protected: entry.protected,
            payload: body,
            signature: entry.signature,
        };
        assert_eq!(code(as_entry), "withdrawal.invalid");
    }
}
