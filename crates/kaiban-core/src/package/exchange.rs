//! Signing rounds across devices: the signing request a signer elsewhere receives (the
//! payload and who is asked to sign), the signature file that comes back, the checks a
//! signature file must pass before it joins the round, and the package assembled from the
//! round. Pure data and rules, so the browser and native code share them.

use super::{b64, unb64, Package, Payload, ProtectedHeader, RequiredSigner, SignatureEntry};
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

/// base64url SHA-256 of a JWS payload member: what identifies one version of an application.
pub fn payload_hash(payload: &str) -> String {
    use sha2::{Digest, Sha256};
    b64(&Sha256::digest(payload.as_bytes()))
}

/// The protected header of an entry, if it decodes.
pub fn header_of(entry: &SignatureEntry) -> Option<ProtectedHeader> {
    let bytes = unb64(&entry.protected)?;
    serde_json::from_str(std::str::from_utf8(&bytes).ok()?).ok()
}

/// Why a file was not accepted, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    NotJson(String),
    WrongKind(String),
    OtherVersion,
    Inconsistent,
    NotASigner,
    Unreadable,
    /// The documents the payload lists are not what its application generates here.
    DocumentsDiffer,
}

impl Rejection {
    pub fn text(&self) -> crate::text::Bi {
        crate::text::Bi::owned(self.zh(), self.en())
    }

    fn zh(&self) -> String {
        match self {
            Rejection::NotJson(e) => format!("文件内容无效（{e}）"),
            Rejection::WrongKind(kind) => format!("这不是所需的文件（{kind}）"),
            Rejection::OtherVersion => "这个签名文件对应的是申请的另一个版本（申请在发出签名请求后被修改过），请重新发送签名请求。".into(),
            Rejection::Inconsistent => "签名文件内容不一致".into(),
            Rejection::NotASigner => "该签名人不在本申请的签名人名单中".into(),
            Rejection::Unreadable => "签名文件内容无效".into(),
            Rejection::DocumentsDiffer => "签名请求中的文件与其申请内容不符（可能由其他版本生成或被改动），请申请人重新发送签名请求。".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            Rejection::NotJson(e) => format!("the file is not valid ({e})"),
            Rejection::WrongKind(kind) => format!("this is not the expected file ({kind})"),
            Rejection::OtherVersion => "This signature is for another version of the application: send a new signing request.".into(),
            Rejection::Inconsistent => "The signature file is inconsistent".into(),
            Rejection::NotASigner => "This signer is not among the required signers".into(),
            Rejection::Unreadable => "The signature file is not valid".into(),
            Rejection::DocumentsDiffer => "The request's documents do not match its application (made by another version, or altered): ask the applicant to send a new request.".into(),
        }
    }
}

impl SigningRequest {
    pub fn parse(text: &str) -> Result<(SigningRequest, Payload), Rejection> {
        let request: SigningRequest =
            serde_json::from_str(text).map_err(|e| Rejection::NotJson(e.to_string()))?;
        if request.kind != REQUEST_KIND {
            return Err(Rejection::WrongKind(request.kind));
        }
        let payload = open_payload(&request.payload, &request.signer.person_id)?;
        Ok((request, payload))
    }
}

/// The payload `encoded` (base64url), as `person_id` is about to sign it on their device: they
/// must be a signer the application requires (not the list the payload carries), and the
/// documents they read, generated here from the application, must be exactly the ones the
/// payload lists: the text read is the text signed.
pub fn open_payload(encoded: &str, person_id: &str) -> Result<Payload, Rejection> {
    let bytes = unb64(encoded).ok_or(Rejection::Unreadable)?;
    // From text, like every other JSON the app reads: one parser instance in the wasm.
    let text = std::str::from_utf8(&bytes).map_err(|_| Rejection::Unreadable)?;
    let payload: Payload =
        serde_json::from_str(text).map_err(|e| Rejection::NotJson(e.to_string()))?;
    if !super::required_signers(&payload.application)
        .iter()
        .any(|s| s.person_id == person_id)
    {
        return Err(Rejection::NotASigner);
    }
    if payload.documents != super::document_refs(&payload.application) {
        return Err(Rejection::DocumentsDiffer);
    }
    Ok(payload)
}

impl SignatureFile {
    pub fn parse(text: &str) -> Result<SignatureFile, Rejection> {
        let file: SignatureFile =
            serde_json::from_str(text).map_err(|e| Rejection::NotJson(e.to_string()))?;
        if file.kind != SIGNATURE_KIND {
            return Err(Rejection::WrongKind(file.kind));
        }
        Ok(file)
    }
}

/// The entry of a signature file that may join the round signing `payload` for `required`:
/// the file is for this version, its header decodes, its `kid` is its key's thumbprint, it signs
/// as the signer it names, and that signer is required. (The signature itself is checked by
/// the receiver with every other entry.)
pub fn accept_signature(
    text: &str,
    payload: &str,
    required: &[RequiredSigner],
) -> Result<SignatureEntry, Rejection> {
    let file = SignatureFile::parse(text)?;
    if file.payload_hash != payload_hash(payload) {
        return Err(Rejection::OtherVersion);
    }
    let header = header_of(&file.entry).ok_or(Rejection::Unreadable)?;
    if header.kid != super::thumbprint(&header.jwk) || header.kaiban_signer != file.signer.person_id
    {
        return Err(Rejection::Inconsistent);
    }
    if !required.iter().any(|s| s.person_id == header.kaiban_signer) {
        return Err(Rejection::NotASigner);
    }
    Ok(file.entry)
}

impl Package {
    /// The package of a signing round: `entries` in the order of `required` (entries of people
    /// not required last, for the receiver to refuse).
    pub fn assemble(
        payload: String,
        mut entries: Vec<SignatureEntry>,
        required: &[RequiredSigner],
    ) -> Package {
        entries.sort_by_key(|e| {
            header_of(e)
                .and_then(|h| required.iter().position(|s| s.person_id == h.kaiban_signer))
                .unwrap_or(usize::MAX)
        });
        Package {
            payload,
            signatures: entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::{required_signers, sign_with};
    use crate::rules::testing::example;

    fn round() -> (String, Vec<RequiredSigner>) {
        let app = example("llc");
        let payload = Payload::new(&app, "app-x".into(), "2026-01-01T00:00:00Z".into());
        (payload.encoded(), required_signers(&app))
    }

    fn file(payload: &str, signer: &RequiredSigner, signs_as: &str) -> String {
        let key = p256::ecdsa::SigningKey::from_bytes(&[9; 32].into()).unwrap();
        serde_json::to_string(&SignatureFile {
            kind: SIGNATURE_KIND.into(),
            payload_hash: payload_hash(payload),
            signer: signer.clone(),
            entry: sign_with(&key, payload, signs_as, 1_767_225_600),
        })
        .unwrap()
    }

    #[test]
    fn a_signature_file_for_this_round_and_signer_is_accepted() {
        let (payload, required) = round();
        let text = file(&payload, &required[1], &required[1].person_id);
        let entry = accept_signature(&text, &payload, &required).unwrap();
        assert_eq!(
            header_of(&entry).unwrap().kaiban_signer,
            required[1].person_id
        );
    }

    #[test]
    fn files_for_another_version_signer_or_kind_are_rejected() {
        let (payload, required) = round();
        let good = file(&payload, &required[1], &required[1].person_id);
        let other = payload.replace('A', "B");
        assert_eq!(
            accept_signature(&good, &other, &required),
            Err(Rejection::OtherVersion)
        );
        let swapped = file(&payload, &required[1], &required[2].person_id);
        assert_eq!(
            accept_signature(&swapped, &payload, &required),
            Err(Rejection::Inconsistent)
        );
        let mut ghost = required[1].clone();
        ghost.person_id = "p-ghost".into();
        let text = file(&payload, &ghost, "p-ghost");
        assert_eq!(
            accept_signature(&text, &payload, &required),
            Err(Rejection::NotASigner)
        );
        let request = good.replace(SIGNATURE_KIND, REQUEST_KIND);
        assert!(matches!(
            accept_signature(&request, &payload, &required),
            Err(Rejection::WrongKind(_))
        ));
        assert!(matches!(
            accept_signature("{", &payload, &required),
            Err(Rejection::NotJson(_))
        ));
    }

    #[test]
    fn a_request_for_someone_the_application_does_not_require_is_rejected() {
        let (payload, required) = round();
        let mut ghost = required[0].clone();
        ghost.person_id = "p-ghost".into();
        let request = SigningRequest {
            kind: REQUEST_KIND.into(),
            signer: ghost,
            payload: payload.clone(),
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(
            SigningRequest::parse(&text).map(|_| ()),
            Err(Rejection::NotASigner)
        );
    }

    /// A requester who changes what a document says (a hash in `documents[]` that the
    /// application does not give) cannot get it signed: the signer's device regenerates the
    /// documents and refuses the request; the honest request opens.
    #[test]
    fn a_request_whose_documents_differ_from_its_application_is_rejected() {
        let app = example("llc");
        let signer = required_signers(&app).remove(0);
        let request = |payload: &Payload| {
            serde_json::to_string(&SigningRequest {
                kind: REQUEST_KIND.into(),
                signer: signer.clone(),
                payload: payload.encoded(),
            })
            .unwrap()
        };
        let honest = Payload::new(&app, "app-x".into(), "2026-01-01T00:00:00Z".into());
        let (_, opened) = SigningRequest::parse(&request(&honest)).unwrap();
        assert_eq!(opened.documents, honest.documents);
        let mut forged = honest.clone();
        forged.documents[1].sha256 = "0".repeat(64);
        assert_eq!(
            SigningRequest::parse(&request(&forged)).map(|_| ()),
            Err(Rejection::DocumentsDiffer)
        );
        let mut dropped = honest.clone();
        dropped
            .documents
            .retain(|d| d.kind != crate::documents::DocumentKind::Articles);
        assert_eq!(
            SigningRequest::parse(&request(&dropped)).map(|_| ()),
            Err(Rejection::DocumentsDiffer)
        );
    }

    #[test]
    fn the_package_lists_entries_in_the_order_of_the_signers() {
        let (payload, required) = round();
        let key = p256::ecdsa::SigningKey::from_bytes(&[3; 32].into()).unwrap();
        let entries: Vec<_> = required
            .iter()
            .rev()
            .map(|s| sign_with(&key, &payload, &s.person_id, 1))
            .collect();
        let package = Package::assemble(payload, entries, &required);
        let order: Vec<String> = package
            .signatures
            .iter()
            .map(|e| header_of(e).unwrap().kaiban_signer)
            .collect();
        let expected: Vec<String> = required.iter().map(|s| s.person_id.clone()).collect();
        assert_eq!(order, expected);
    }
}
