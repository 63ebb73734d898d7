//! The signed application package: a JWS in General JSON Serialization (RFC 7515 §7.2.1),
//! ES256, one signature entry per required signer, over the RFC 8785 (JCS) canonical JSON
//! of the payload. See docs/package-format.md.

pub mod exchange;
mod jwk;
pub mod limits;
pub mod round;
mod signers;
mod verify;

pub use jwk::{thumbprint, Jwk};
pub use signers::{required_signers, RequiredSigner, SignerRole};
pub use verify::{received_files, verify, Candidate, EntryReport, Problem, Received, VerifyReport};

use crate::model::Application;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// `typ` of every protected header.
pub const TYP: &str = "application/vnd.kaiban.registration+jws";
pub const ALG: &str = "ES256";

/// What every signer signs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    pub application: Application,
    pub application_id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// A copy for readers of what [`required_signers`] derives; a verifier derives it again.
    pub required_signers: Vec<RequiredSigner>,
    /// A copy of what [`attachment_refs`] derives; a verifier derives it again.
    pub attachments: Vec<AttachmentRef>,
    /// A copy of what [`document_refs`] derives: the documents each signature covers, by
    /// hash. A verifier regenerates the documents from `application` and compares. (A package
    /// made before documents existed has none and is refused for it.)
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
    /// A copy of what [`crate::bundle::section`] derives: the services filed with the
    /// registration, one sub-section per agency. Absent when none is taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<crate::bundle::BundleSection>,
    /// The receipt of the returned case this version corrects (退回修改后重新提交), signed with
    /// the rest; the receiver links the two when the submitter shows that case's status token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<String>,
}

/// One document of the filing as signed: what it is, the template and version that wrote it,
/// who must sign it and the SHA-256 of its canonical bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub id: String,
    pub kind: crate::documents::DocumentKind,
    pub template: String,
    pub version: u32,
    pub signers: Vec<String>,
    pub sha256: String,
}

/// The documents the application makes (`documents::generate`), as the payload lists them.
pub fn document_refs(application: &Application) -> Vec<DocumentRef> {
    crate::documents::generate(application)
        .into_iter()
        .map(|doc| DocumentRef {
            sha256: doc.sha256(),
            signers: doc.signatures.iter().map(|s| s.person_id.clone()).collect(),
            id: doc.id,
            kind: doc.kind,
            template: doc.template.to_string(),
            version: doc.version,
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRef {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    /// Lower-case hex SHA-256 of the bytes, re-computed by the receiver.
    pub sha256: String,
}

/// The protected header of one signature entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProtectedHeader {
    pub alg: String,
    pub typ: String,
    /// RFC 7638 SHA-256 thumbprint of `jwk`.
    pub kid: String,
    pub jwk: Jwk,
    /// Signing time, seconds since the epoch.
    pub iat: i64,
    /// The `person_id` of the required signer this entry is for.
    pub kaiban_signer: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureEntry {
    pub protected: String,
    pub signature: String,
}

/// General JSON Serialization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    pub payload: String,
    pub signatures: Vec<SignatureEntry>,
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn unb64(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// The attachments an application references: every one must be received, nothing else.
pub fn attachment_refs(application: &Application) -> Vec<AttachmentRef> {
    application
        .attachments
        .iter()
        .map(|a| AttachmentRef {
            name: a.name.clone(),
            media_type: a.media_type.clone(),
            size: a.size,
            sha256: a.sha256.clone(),
        })
        .collect()
}

/// Lower-case hex SHA-256, the form attachments are referenced by.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Payload {
    pub fn new(application: &Application, application_id: String, created_at: String) -> Payload {
        Payload {
            required_signers: required_signers(application),
            attachments: attachment_refs(application),
            documents: document_refs(application),
            bundle: crate::bundle::section(application),
            corrects: None,
            application: application.clone(),
            application_id,
            created_at,
        }
    }

    /// The same payload, answering the returned case `receipt`.
    pub fn correcting(mut self, receipt: Option<String>) -> Payload {
        self.corrects = receipt;
        self
    }

    /// RFC 8785 canonical JSON: the exact bytes that are signed.
    pub fn canonical(&self) -> Vec<u8> {
        serde_json_canonicalizer::to_vec(self).expect("the payload always serialises")
    }

    /// base64url of the canonical bytes: the JWS `payload` member.
    pub fn encoded(&self) -> String {
        b64(&self.canonical())
    }
}

impl ProtectedHeader {
    pub fn new(jwk: Jwk, signer: &str, iat: i64) -> ProtectedHeader {
        ProtectedHeader {
            alg: ALG.into(),
            typ: TYP.into(),
            kid: thumbprint(&jwk),
            jwk,
            iat,
            kaiban_signer: signer.into(),
        }
    }

    pub fn encoded(&self) -> String {
        b64(&serde_json_canonicalizer::to_vec(self).expect("header serialises"))
    }
}

/// The JWS signing input `BASE64URL(protected) || '.' || BASE64URL(payload)`.
pub fn signing_input(protected: &str, payload: &str) -> Vec<u8> {
    format!("{protected}.{payload}").into_bytes()
}

impl Package {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("package serialises")
    }

    /// A stable identity for retries: SHA-256 of the payload and every entry.
    pub fn idempotency_key(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(self.payload.as_bytes());
        for s in &self.signatures {
            hash.update(b".");
            hash.update(s.protected.as_bytes());
            hash.update(b".");
            hash.update(s.signature.as_bytes());
        }
        b64(&hash.finalize())
    }

    /// SHA-256 of the payload alone: the same application signed again is the same case.
    pub fn payload_hash(&self) -> String {
        exchange::payload_hash(&self.payload)
    }
}

/// Signs natively with a P-256 key (backends, test fixtures); the browser uses WebCrypto.
pub fn sign_with(
    key: &p256::ecdsa::SigningKey,
    payload: &str,
    signer: &str,
    iat: i64,
) -> SignatureEntry {
    let jwk = Jwk::from_verifying_key(key.verifying_key());
    sign_protected(
        key,
        ProtectedHeader::new(jwk, signer, iat).encoded(),
        payload,
    )
}

/// Signs an already encoded protected header (any header, e.g. a test's hostile one).
pub fn sign_protected(
    key: &p256::ecdsa::SigningKey,
    protected: String,
    payload: &str,
) -> SignatureEntry {
    use p256::ecdsa::signature::Signer;
    let signature: p256::ecdsa::Signature = key.sign(&signing_input(&protected, payload));
    SignatureEntry {
        protected,
        signature: b64(&signature.to_bytes()),
    }
}
