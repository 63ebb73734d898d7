//! Signing with WebCrypto. Each signer's ECDSA P-256 key is generated non-extractable and
//! the CryptoKey itself is stored in IndexedDB: it never leaves the device. WebCrypto's
//! ECDSA signature is the 64-byte r‖s that ES256 uses, so no DER conversion is needed.
//!
//! A key belongs to one application and one person (`app:<application id>:<person id>`) and
//! is deleted with that draft: on a shared computer, typing someone's ID number into another
//! draft never reaches their key, and a key a backend has bound to a person for one case is
//! never used for another.

/// Signing requests and signature files: data and rules in kaiban-core.
pub use kaiban_core::package::exchange;

use crate::drafts::kv;
use js_sys::{Object, Reflect, Uint8Array};
use kaiban_core::model::Person;
use kaiban_core::package::{signing_input, Jwk, ProtectedHeader, SignatureEntry};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The signatures collected for one version of the application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SigningSession {
    pub application_id: String,
    pub created_at: String,
    /// The JWS payload (base64url of the canonical JSON).
    pub payload: String,
    pub entries: Vec<SignatureEntry>,
    /// The backend's signing round for this version, once the applicant opened one.
    #[serde(default)]
    pub round: Option<RoundLinks>,
}

/// A signing round the applicant opened (docs/signing-rounds.md): where, its id and the
/// applicant's token, its deadline, and the link token of each signer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundLinks {
    pub endpoint: String,
    pub round_id: String,
    pub token: String,
    pub expires_at: String,
    pub links: Vec<kaiban_core::package::round::SignerLink>,
}

impl RoundLinks {
    pub fn token_of(&self, person_id: &str) -> Option<&str> {
        self.links
            .iter()
            .find(|l| l.person_id == person_id)
            .map(|l| l.token.as_str())
    }
}

impl SigningSession {
    pub fn signer_of(entry: &SignatureEntry) -> Option<ProtectedHeader> {
        exchange::header_of(entry)
    }

    pub fn signed_by(&self, person_id: &str) -> Option<ProtectedHeader> {
        self.entries
            .iter()
            .filter_map(Self::signer_of)
            .find(|h| h.kaiban_signer == person_id)
    }

    pub fn add(&mut self, entry: SignatureEntry) {
        let signer = Self::signer_of(&entry).map(|h| h.kaiban_signer);
        self.entries
            .retain(|e| Self::signer_of(e).map(|h| h.kaiban_signer) != signer);
        self.entries.push(entry);
    }
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    Ok(web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(js_error)?
        .subtle())
}

fn key_id(application_id: &str, person: &Person) -> String {
    format!("{}{}", crate::drafts::key_prefix(application_id), person.id)
}

/// Keys of earlier versions were named by ID type and number (personal data in a record id,
/// and shared by every draft on the device): they are removed the first time a key is made.
async fn forget_legacy_keys() {
    let Ok(records) = kv::all(kv::KEYS).await else {
        return;
    };
    for record in records {
        let id = Reflect::get(&record, &"id".into())
            .ok()
            .and_then(|v| v.as_string());
        if let Some(id) = id.filter(|id| !id.starts_with(crate::drafts::KEY_ID_PREFIX)) {
            let _ = kv::delete(kv::KEYS, &id).await;
        }
    }
}

pub struct DeviceKey {
    private: web_sys::CryptoKey,
    pub jwk: Jwk,
}

fn jwk_from(value: &JsValue) -> Option<Jwk> {
    let get = |k: &str| Reflect::get(value, &k.into()).ok()?.as_string();
    Some(Jwk {
        kty: get("kty")?,
        crv: get("crv")?,
        x: get("x")?,
        y: get("y")?,
    })
}

/// The signer's key for this application on this device, created the first time they sign it.
pub async fn device_key(application_id: &str, person: &Person) -> Result<DeviceKey, String> {
    let id = key_id(application_id, person);
    if let Some(record) = kv::get(kv::KEYS, &id).await.map_err(|e| e.to_string())? {
        let private = Reflect::get(&record, &"private_key".into())
            .map_err(js_error)?
            .dyn_into()
            .map_err(|_| "stored key unreadable")?;
        let jwk = jwk_from(&Reflect::get(&record, &"public_jwk".into()).map_err(js_error)?)
            .ok_or("stored public key unreadable")?;
        return Ok(DeviceKey { private, jwk });
    }
    forget_legacy_keys().await;
    let subtle = subtle()?;
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let params = web_sys::EcKeyGenParams::new("ECDSA", "P-256");
    let pair = JsFuture::from(
        subtle
            .generate_key_with_object(&params, false, &usages)
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    let private: web_sys::CryptoKey = Reflect::get(&pair, &"privateKey".into())
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "no private key")?;
    let public: web_sys::CryptoKey = Reflect::get(&pair, &"publicKey".into())
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "no public key")?;
    let exported = JsFuture::from(subtle.export_key("jwk", &public).map_err(js_error)?)
        .await
        .map_err(js_error)?;
    let jwk = jwk_from(&exported).ok_or("public key export failed")?;
    let record = Object::new();
    let _ = Reflect::set(&record, &"id".into(), &id.into());
    let _ = Reflect::set(&record, &"private_key".into(), &private);
    let public_jwk = Object::new();
    for (k, v) in [
        ("kty", &jwk.kty),
        ("crv", &jwk.crv),
        ("x", &jwk.x),
        ("y", &jwk.y),
    ] {
        let _ = Reflect::set(&public_jwk, &k.into(), &v.as_str().into());
    }
    let _ = Reflect::set(&record, &"public_jwk".into(), &public_jwk);
    kv::put(kv::KEYS, &record.into())
        .await
        .map_err(|e| e.to_string())?;
    Ok(DeviceKey { private, jwk })
}

/// Signs `payload` (base64url) as `person` with this device's key for them in this application.
pub async fn sign(
    application_id: &str,
    person: &Person,
    payload: &str,
) -> Result<SignatureEntry, String> {
    let key = device_key(application_id, person).await?;
    let iat = (js_sys::Date::now() / 1000.0) as i64;
    let protected = ProtectedHeader::new(key.jwk.clone(), &person.id, iat).encoded();
    let input = signing_input(&protected, payload);
    let params = web_sys::EcdsaParams::new_with_str("ECDSA", "SHA-256");
    let signature = JsFuture::from(
        subtle()?
            .sign_with_object_and_u8_array(&params, &key.private, &input)
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    let bytes = Uint8Array::new(&signature).to_vec();
    if bytes.len() != 64 {
        return Err(format!("unexpected signature length {}", bytes.len()));
    }
    Ok(SignatureEntry {
        protected,
        signature: kaiban_core::package::b64(&bytes),
    })
}

/// This device's key for `person` in the application, if they signed here (never made anew).
pub async fn existing_key(application_id: &str, person: &Person) -> Option<DeviceKey> {
    let record = kv::get(kv::KEYS, &key_id(application_id, person))
        .await
        .ok()??;
    let private = Reflect::get(&record, &"private_key".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let jwk = jwk_from(&Reflect::get(&record, &"public_jwk".into()).ok()?)?;
    Some(DeviceKey { private, jwk })
}

/// Signs `input` with `key` (ECDSA P-256, SHA-256): the 64-byte r‖s.
pub async fn sign_bytes(key: &DeviceKey, input: &[u8]) -> Result<Vec<u8>, String> {
    let params = web_sys::EcdsaParams::new_with_str("ECDSA", "SHA-256");
    let signature = JsFuture::from(
        subtle()?
            .sign_with_object_and_u8_array(&params, &key.private, input)
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    Ok(Uint8Array::new(&signature).to_vec())
}

/// Whether `signature` (r‖s) over `input` verifies with the P-256 public key `jwk` (ES256): how
/// the app checks an e-licence against the registration authority's published key.
pub async fn verify_es256(jwk: &Jwk, input: &[u8], signature: &[u8]) -> Result<bool, String> {
    let key_data = Object::new();
    for (k, v) in [
        ("kty", &jwk.kty),
        ("crv", &jwk.crv),
        ("x", &jwk.x),
        ("y", &jwk.y),
    ] {
        let _ = Reflect::set(&key_data, &k.into(), &v.as_str().into());
    }
    let algorithm = Object::new();
    let _ = Reflect::set(&algorithm, &"name".into(), &"ECDSA".into());
    let _ = Reflect::set(&algorithm, &"namedCurve".into(), &"P-256".into());
    let subtle = subtle()?;
    let key: web_sys::CryptoKey = JsFuture::from(
        subtle
            .import_key_with_object(
                "jwk",
                &key_data,
                &algorithm,
                false,
                &js_sys::Array::of1(&"verify".into()),
            )
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?
    .dyn_into()
    .map_err(|_| "not a key")?;
    let params = web_sys::EcdsaParams::new_with_str("ECDSA", "SHA-256");
    let verdict = JsFuture::from(
        subtle
            .verify_with_object_and_u8_array_and_u8_array(&params, &key, signature, input)
            .map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    Ok(verdict.as_bool() == Some(true))
}
