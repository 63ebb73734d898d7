//! One signature entry, verified on its own with the key in its own header: header shape,
//! no critical extensions, ES256, `kid` = thumbprint, `iat` within its window, the signature.

use crate::package::limits::{CLOCK_SKEW_SECONDS, SIGNING_WINDOW_SECONDS};
use crate::package::{signing_input, unb64, ProtectedHeader, ALG, TYP};

#[derive(Clone, Copy)]
pub(super) struct Times {
    pub(super) created_at: Option<i64>,
    pub(super) now: i64,
}

/// A refused entry: its header when it could be read, and (code, explanation).
pub(super) type EntryError = (Option<Box<ProtectedHeader>>, (&'static str, String));

pub(super) fn verify_entry(
    protected: &str,
    signature: &str,
    payload: &str,
    times: Times,
) -> Result<ProtectedHeader, EntryError> {
    let bad = |code: &'static str, text: &str| (None, (code, text.to_string()));
    let header_bytes = unb64(protected)
        .ok_or_else(|| bad("entry.header_encoding", "protected header is not base64url"))?;
    let value: serde_json::Value = serde_json::from_slice(&header_bytes)
        .map_err(|_| bad("entry.header_invalid", "protected header is not JSON"))?;
    // RFC 7515 §4.1.11: a recipient must refuse extensions it does not understand, and this
    // verifier understands none.
    if value.get("crit").is_some() {
        return Err(bad(
            "entry.crit",
            "the header lists critical extensions (crit), which are not supported",
        ));
    }
    let header: ProtectedHeader = serde_json::from_value(value).map_err(|e| {
        (
            None,
            (
                "entry.header_invalid",
                format!("protected header is not valid: {e}"),
            ),
        )
    })?;
    let fail = |code: &'static str, text: String| (Some(Box::new(header.clone())), (code, text));
    if header.alg != ALG {
        return Err(fail(
            "entry.alg",
            format!("alg is {}, only ES256 is accepted", header.alg),
        ));
    }
    if header.typ != TYP {
        return Err(fail(
            "entry.typ",
            format!("typ is {}, expected {TYP}", header.typ),
        ));
    }
    if header.kid != crate::package::thumbprint(&header.jwk) {
        return Err(fail(
            "entry.kid",
            "kid is not the RFC 7638 thumbprint of jwk".into(),
        ));
    }
    if let Some(created) = times.created_at {
        if header.iat < created - CLOCK_SKEW_SECONDS {
            return Err(fail(
                "entry.iat_before_created",
                "iat is before the version was put up for signing (created_at)".into(),
            ));
        }
        if header.iat > created + SIGNING_WINDOW_SECONDS {
            return Err(fail(
                "entry.iat_stale",
                format!(
                    "iat is more than {} days after created_at",
                    SIGNING_WINDOW_SECONDS / 86_400
                ),
            ));
        }
    }
    if header.iat > times.now + CLOCK_SKEW_SECONDS {
        return Err(fail("entry.iat_future", "iat lies in the future".into()));
    }
    let key = header
        .jwk
        .verifying_key()
        .map_err(|e| fail("entry.jwk", e))?;
    let bytes = unb64(signature).ok_or_else(|| {
        fail(
            "entry.signature_encoding",
            "signature is not base64url".into(),
        )
    })?;
    let signature = p256::ecdsa::Signature::from_slice(&bytes).map_err(|_| {
        fail(
            "entry.signature_encoding",
            "signature is not 64 bytes r‖s".into(),
        )
    })?;
    use p256::ecdsa::signature::Verifier;
    key.verify(&signing_input(protected, payload), &signature)
        .map_err(|_| {
            fail(
                "entry.signature_invalid",
                "signature does not verify".into(),
            )
        })?;
    Ok(header)
}
