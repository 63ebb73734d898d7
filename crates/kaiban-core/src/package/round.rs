//! Signing rounds through a backend (docs/signing-rounds.md): the applicant puts one version of
//! the application up for signing, every signer who is not at the applicant's device gets a
//! link of their own, and the backend collects their signature entries. The messages of the
//! protocol, and the check every entry must pass before a backend keeps it, live here so the
//! app and any Rust backend share them.

use super::verify::{Candidate, Problem};
use super::{exchange, RequiredSigner, SignatureEntry};
use serde::{Deserialize, Serialize};

/// What `GET {endpoint}/signing-rounds` answers when the backend offers rounds.
pub const PROTOCOL: &str = "kaiban.signing-rounds/1";

/// The longest a round may stay open unless the backend is set otherwise.
pub const DEFAULT_EXPIRY_SECONDS: u64 = 30 * 86_400;

/// A decline's reason, at most this many characters.
pub const MAX_REASON_CHARS: usize = 500;

/// `GET {endpoint}/signing-rounds`: the backend offers rounds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub protocol: String,
    /// How long a round stays open at most.
    pub max_expiry_seconds: u64,
}

/// `POST {endpoint}/signing-rounds`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRound {
    /// The JWS payload (base64url of the canonical JSON), exactly as it will be submitted.
    pub payload: String,
    /// Shorter than the backend's longest, if the applicant wants an earlier deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_seconds: Option<u64>,
}

/// The answer to [`NewRound`]: the round, the applicant's token for it, and one link token per
/// signer the application requires (the applicant hands out the ones of signers elsewhere).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundCreated {
    pub round_id: String,
    pub applicant_token: String,
    /// RFC 3339 UTC.
    pub expires_at: String,
    pub signers: Vec<SignerLink>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerLink {
    pub person_id: String,
    /// The capability: whoever holds it may read this round's payload and sign as this person.
    pub token: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    Open,
    /// Every required signer has signed.
    Complete,
    /// The applicant changed the application: the payload will never be submitted.
    Void,
    Expired,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignerState {
    NotOpened,
    Opened,
    Signed,
    Declined,
}

/// `GET {endpoint}/signing-rounds/{round_id}` with the applicant's token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundStatus {
    pub round_id: String,
    pub state: RoundState,
    pub expires_at: String,
    /// [`exchange::payload_hash`] of the round's payload.
    pub payload_hash: String,
    pub signers: Vec<SignerStatus>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerStatus {
    pub person_id: String,
    pub state: SignerState,
    /// RFC 3339 UTC of the latest change of state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// A decline's reason, as the signer wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The signer's entry, once signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<SignatureEntry>,
}

/// `GET {endpoint}/signing-rounds/signer` with a signer's token: what they are asked to sign.
/// Nothing about the other signers' progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignerView {
    pub state: RoundState,
    pub expires_at: String,
    pub signer: RequiredSigner,
    pub signer_state: SignerState,
    pub payload: String,
}

/// `POST {endpoint}/signing-rounds/signer/signature`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureSubmission {
    pub entry: SignatureEntry,
}

/// `POST {endpoint}/signing-rounds/signer/decline`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decline {
    #[serde(default)]
    pub reason: String,
}

/// A round's payload, checked as a verifier checks a package's (canonical, every derived list
/// equal to the application's), with the signers it requires: what a backend keeps when the
/// applicant opens a round.
pub struct RoundPayload {
    candidate: Candidate,
    pub payload: String,
}

impl RoundPayload {
    /// `payload` (base64url) at the backend's clock `now`: refused with the verifier's problem
    /// codes when a package carrying it could never verify.
    pub fn check(payload: &str, now: i64) -> Result<RoundPayload, Vec<Problem>> {
        let unsigned = serde_json::json!({ "payload": payload, "signatures": [] }).to_string();
        let candidate = Candidate::parse(unsigned.as_bytes(), now).map_err(|r| r.problems)?;
        if !candidate.problems().is_empty() {
            return Err(candidate.problems().to_vec());
        }
        Ok(RoundPayload {
            candidate,
            payload: payload.to_string(),
        })
    }

    pub fn signers(&self) -> &[RequiredSigner] {
        self.candidate.signers()
    }

    pub fn application(&self) -> &crate::Application {
        self.candidate.application()
    }

    pub fn hash(&self) -> String {
        exchange::payload_hash(&self.payload)
    }

    /// Whether `entry` may join the round as `person_id`'s signature, at the clock `now`: it
    /// verifies over this payload with the key in its own header, its `iat` is fresh, it signs
    /// as `person_id` (a link signs for its own person only), and its key has not signed for
    /// anyone else in the round (`keys_of_others`). The codes are the verifier's, plus
    /// `round.wrong_signer`.
    pub fn accept(
        &self,
        entry: &SignatureEntry,
        person_id: &str,
        keys_of_others: &[String],
        now: i64,
    ) -> Result<(), Problem> {
        let header = self.candidate.check_entry(entry, now)?;
        if header.kaiban_signer != person_id {
            return Err(Problem {
                code: "round.wrong_signer".into(),
                message: "the entry signs as another person than the link's".into(),
                person_id: Some(person_id.into()),
            });
        }
        if keys_of_others.contains(&header.kid) {
            return Err(Problem {
                code: "signers.shared_key".into(),
                message: "this key already signed for another signer of the round".into(),
                person_id: Some(person_id.into()),
            });
        }
        Ok(())
    }

    /// The key id of an accepted entry.
    pub fn kid(entry: &SignatureEntry) -> Option<String> {
        exchange::header_of(entry).map(|h| h.kid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::limits::SIGNING_WINDOW_SECONDS;
    use crate::package::{sign_with, Payload};
    use crate::rules::testing::example;

    const CREATED: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

    fn payload() -> String {
        Payload::new(
            &example("llc"),
            "app-r".into(),
            "2026-01-01T00:00:00Z".into(),
        )
        .encoded()
    }

    fn key(n: u8) -> p256::ecdsa::SigningKey {
        p256::ecdsa::SigningKey::from_bytes(&[n; 32].into()).unwrap()
    }

    fn code(result: Result<(), Problem>) -> String {
        result.err().map(|p| p.code).unwrap_or_default()
    }

    /// What an attacker holding one signer's link would try: sign as someone else, sign another
    /// version, sign with a stale or future time, reuse a key; the honest entry passes.
    #[test]
    fn an_entry_joins_only_as_its_links_person_over_this_payload_in_time() {
        let encoded = payload();
        let round = RoundPayload::check(&encoded, CREATED + 60).unwrap();
        let signers: Vec<String> = round
            .signers()
            .iter()
            .map(|s| s.person_id.clone())
            .collect();
        let (me, other) = (&signers[0], &signers[1]);
        let now = CREATED + 3600;
        let honest = sign_with(&key(3), &encoded, me, CREATED + 120);
        assert_eq!(round.accept(&honest, me, &[], now), Ok(()));
        let as_other = sign_with(&key(3), &encoded, other, CREATED + 120);
        assert_eq!(
            code(round.accept(&as_other, me, &[], now)),
            "round.wrong_signer"
        );
        let mut changed = example("llc");
        changed.name.full = "贵阳另栈科技有限公司".into();
        let elsewhere =
            Payload::new(&changed, "app-r".into(), "2026-01-01T00:00:00Z".into()).encoded();
        let wrong_payload = sign_with(&key(3), &elsewhere, me, CREATED + 120);
        assert_eq!(
            code(round.accept(&wrong_payload, me, &[], now)),
            "entry.signature_invalid"
        );
        let stale = sign_with(&key(3), &encoded, me, CREATED + SIGNING_WINDOW_SECONDS + 10);
        assert_eq!(
            code(round.accept(&stale, me, &[], CREATED + SIGNING_WINDOW_SECONDS + 20)),
            "entry.iat_stale"
        );
        let future = sign_with(&key(3), &encoded, me, now + 3600);
        assert_eq!(
            code(round.accept(&future, me, &[], now)),
            "entry.iat_future"
        );
        let kid = RoundPayload::kid(&honest).unwrap();
        assert_eq!(
            code(round.accept(&honest, me, &[kid], now)),
            "signers.shared_key"
        );
    }

    /// A round opens only for a payload a package could carry: its lists derived again.
    #[test]
    fn a_round_needs_a_payload_that_could_verify() {
        let mut forged = Payload::new(
            &example("llc"),
            "app-r".into(),
            "2026-01-01T00:00:00Z".into(),
        );
        forged.required_signers.truncate(1);
        let refused = RoundPayload::check(&forged.encoded(), CREATED)
            .err()
            .unwrap();
        assert!(
            refused.iter().any(|p| p.code == "signers.list_mismatch"),
            "{refused:?}"
        );
        let refused = RoundPayload::check("not base64!", CREATED).err().unwrap();
        assert_eq!(refused[0].code, "payload.encoding");
    }
}
