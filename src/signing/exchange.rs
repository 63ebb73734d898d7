//! Files that carry a signing round to signers on other devices: a signing request (the
//! payload and who is asked to sign) and the signature file that comes back.

use kaiban_core::package::{Payload, RequiredSigner, SignatureEntry};
use serde::{Deserialize, Serialize};

pub const REQUEST_KIND: &str = "kaiban.signing-request";
pub const SIGNATURE_KIND: &str = "kaiban.signature";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SigningRequest {
    pub kind: String,
    pub signer: RequiredSigner,
    /// The JWS payload to sign, exactly as the other signers sign it.
    pub payload: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignatureFile {
    pub kind: String,
    /// SHA-256 of the payload signed (base64url), to match the file to its application.
    pub payload_hash: String,
    pub signer: RequiredSigner,
    pub entry: SignatureEntry,
}

pub fn payload_hash(payload: &str) -> String {
    use sha2::{Digest, Sha256};
    kaiban_core::package::b64(&Sha256::digest(payload.as_bytes()))
}

impl SigningRequest {
    pub fn parse(text: &str) -> Result<(SigningRequest, Payload), String> {
        let request: SigningRequest = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if request.kind != REQUEST_KIND {
            return Err(format!("not a signing request ({})", request.kind));
        }
        let bytes =
            kaiban_core::package::unb64(&request.payload).ok_or("payload is not base64url")?;
        // From text, like every other JSON the app reads: one parser instance in the wasm.
        let text = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
        let payload: Payload = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if !payload
            .required_signers
            .iter()
            .any(|s| s.person_id == request.signer.person_id)
        {
            return Err("the signer is not among the application's signers".into());
        }
        Ok((request, payload))
    }
}

impl SignatureFile {
    pub fn parse(text: &str) -> Result<SignatureFile, String> {
        let file: SignatureFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if file.kind != SIGNATURE_KIND {
            return Err(format!("not a signature file ({})", file.kind));
        }
        Ok(file)
    }
}
