//! What an attacker who controls every byte of a package would send: an honest package and
//! forgeries of it, each re-signed with fresh keys the attacker made (so every signature in
//! it verifies), each with the refusal code a verifier must answer. Shared by kaiban-core's
//! native suite (tests/forgeries.rs) and the HTTP suite against the real receiver
//! (kaiban-verify/tests/forgeries_http.rs).
#![allow(dead_code)]

use kaiban_core::date::rfc3339_utc;
use kaiban_core::package::{
    b64, sha256_hex, sign_protected, sign_with, Jwk, Package, Payload, ProtectedHeader,
    RequiredSigner, SignerRole,
};
use kaiban_core::Application;
use p256::ecdsa::SigningKey;
use std::sync::atomic::{AtomicU64, Ordering};

pub const LEASE: &[u8] = b"%PDF-1.4 lease of room 1501, Building 3";

pub struct Submission {
    pub name: &'static str,
    pub package: String,
    /// The attachment parts uploaded beside the package.
    pub files: Vec<Vec<u8>>,
    /// The code the verifier must refuse it with ("" for the honest control).
    pub code: &'static str,
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A key nobody has seen before: the attacker's own.
pub fn fresh_key() -> SigningKey {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let seed = format!(
        "{}-{}-{:?}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
    );
    let digest = sha256_hex(seed.as_bytes());
    let bytes: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&digest[i * 2..i * 2 + 2], 16).unwrap())
        .collect();
    SigningKey::from_slice(&bytes).unwrap()
}

/// The LLC example (six signers) with the lease as its one attachment.
pub fn application() -> Application {
    let mut app: Application =
        serde_json::from_str(include_str!("../../examples/applications/llc.json")).unwrap();
    app.attachments[0].sha256 = sha256_hex(LEASE);
    app.attachments[0].size = LEASE.len() as u64;
    app
}

/// Everyone in `payload.required_signers` signs `payload` with a fresh key at `iat`.
pub fn sign_all(payload: &Payload, iat: i64) -> Package {
    let encoded = payload.encoded();
    Package {
        signatures: payload
            .required_signers
            .iter()
            .map(|s| sign_with(&fresh_key(), &encoded, &s.person_id, iat))
            .collect(),
        payload: encoded,
    }
}

fn payload_at(app: &Application, created_at: i64) -> Payload {
    Payload::new(app, "app-forge".into(), rfc3339_utc(created_at))
}

fn submission(
    name: &'static str,
    package: &Package,
    files: Vec<Vec<u8>>,
    code: &'static str,
) -> Submission {
    Submission {
        name,
        package: package.to_json(),
        files,
        code,
    }
}

/// The payload of the honest control: put up for signing an hour ago.
pub fn honest_payload(now: i64) -> Payload {
    payload_at(&application(), now - 3600)
}

/// The honest control: what the app sends, signed a minute ago.
pub fn honest(now: i64) -> Submission {
    submission(
        "honest",
        &sign_all(&honest_payload(now), now - 60),
        vec![LEASE.to_vec()],
        "",
    )
}

/// Every forgery a verifier must refuse, each valid in every signature it carries.
pub fn forgeries(now: i64) -> Vec<Submission> {
    let app = application();
    let created = now - 3600;
    let iat = now - 60;
    let lease = || vec![LEASE.to_vec()];
    let mut out = Vec::new();

    // One signer left in the list, one signature: five of six people never signed.
    let mut p = payload_at(&app, created);
    p.required_signers.truncate(1);
    out.push(submission(
        "cut signer list",
        &sign_all(&p, iat),
        lease(),
        "signers.list_mismatch",
    ));

    // A person who is not in the application takes a real signer's place.
    let mut p = payload_at(&app, created);
    p.required_signers[5] = RequiredSigner {
        person_id: "p-ghost".into(),
        name: "王五".into(),
        roles: vec![SignerRole::Liaison],
    };
    out.push(submission(
        "ghost signer",
        &sign_all(&p, iat),
        lease(),
        "signers.list_mismatch",
    ));

    // The same, but the ghost is not even listed: one of six signatures is for nobody.
    let p = payload_at(&app, created);
    let mut package = sign_all(&p, iat);
    package.signatures[5] = sign_with(&fresh_key(), &package.payload, "p-ghost", iat);
    out.push(submission(
        "unlisted ghost",
        &package,
        lease(),
        "signers.unexpected",
    ));

    // A second person under a signer's id: a reader resolving ids the other way round would
    // show someone who never signed.
    let mut twin = app.clone();
    let mut other = twin.persons[0].clone();
    other.name = "李四".into();
    other.id_number = "11010519491231002X".into();
    twin.persons.push(other);
    let p = payload_at(&twin, created);
    out.push(submission(
        "two people, one id",
        &sign_all(&p, iat),
        lease(),
        "application.duplicate_person_id",
    ));

    // The lease (domicile proof) left out of the payload's list and out of the upload.
    let mut p = payload_at(&app, created);
    p.attachments.clear();
    out.push(submission(
        "dropped attachment",
        &sign_all(&p, iat),
        vec![],
        "attachments.list_mismatch",
    ));

    // The documents the signatures cover: all dropped, one dropped, one rehashed, each
    // re-signed with fresh keys so every signature verifies.
    let mut p = payload_at(&app, created);
    p.documents.clear();
    out.push(submission(
        "no documents",
        &sign_all(&p, iat),
        lease(),
        "documents.list_mismatch",
    ));
    let mut p = payload_at(&app, created);
    p.documents.retain(|d| d.id != "articles");
    out.push(submission(
        "articles left out",
        &sign_all(&p, iat),
        lease(),
        "documents.list_mismatch",
    ));
    let mut p = payload_at(&app, created);
    p.documents[1].sha256 = kaiban_core::package::sha256_hex(b"other articles, read by nobody");
    out.push(submission(
        "articles of another text",
        &sign_all(&p, iat),
        lease(),
        "documents.list_mismatch",
    ));
    let mut p = payload_at(&app, created);
    p.documents[1].signers.truncate(1);
    out.push(submission(
        "articles signed by one shareholder",
        &sign_all(&p, iat),
        lease(),
        "documents.list_mismatch",
    ));

    // An honest list, but the lease is not uploaded.
    let p = payload_at(&app, created);
    out.push(submission(
        "attachment not uploaded",
        &sign_all(&p, iat),
        vec![],
        "attachment.missing",
    ));

    // An extra file nobody referenced rides along.
    out.push(submission(
        "extra unreferenced part",
        &sign_all(&p, iat),
        vec![LEASE.to_vec(), b"MZ not a lease at all".to_vec()],
        "attachment.unreferenced",
    ));

    // One key signs for every person.
    let key = fresh_key();
    let encoded = p.encoded();
    let package = Package {
        signatures: p
            .required_signers
            .iter()
            .map(|s| sign_with(&key, &encoded, &s.person_id, iat))
            .collect(),
        payload: encoded.clone(),
    };
    out.push(submission(
        "one key for everyone",
        &package,
        lease(),
        "signers.shared_key",
    ));

    // Timestamps: signed before the version existed, long after it, in the future; a
    // version put up for signing in the future.
    let old = payload_at(&app, now - 40 * 86_400);
    out.push(submission(
        "stale iat",
        &sign_all(&old, now - 40 * 86_400 + 31 * 86_400),
        lease(),
        "entry.iat_stale",
    ));
    out.push(submission(
        "iat before created_at",
        &sign_all(&p, created - 3600),
        lease(),
        "entry.iat_before_created",
    ));
    out.push(submission(
        "future iat",
        &sign_all(&p, now + 3600),
        lease(),
        "entry.iat_future",
    ));
    let future = payload_at(&app, now + 3600);
    out.push(submission(
        "future created_at",
        &sign_all(&future, now + 3600),
        lease(),
        "payload.created_at_future",
    ));

    // A critical extension the verifier cannot understand, validly signed.
    let mut package = sign_all(&p, iat);
    let jwk = Jwk::from_verifying_key(fresh_key().verifying_key());
    let mut header = serde_json::to_value(ProtectedHeader::new(jwk, "p-zhang", iat)).unwrap();
    header["crit"] = serde_json::json!(["kaiban_waiver"]);
    header["kaiban_waiver"] = serde_json::json!(true);
    let key = fresh_key();
    let jwk = Jwk::from_verifying_key(key.verifying_key());
    header["jwk"] = serde_json::to_value(&jwk).unwrap();
    header["kid"] = serde_json::json!(kaiban_core::package::thumbprint(&jwk));
    let protected = b64(serde_json::to_string(&header).unwrap().as_bytes());
    package.signatures[0] = sign_protected(&key, protected, &package.payload);
    out.push(submission("crit header", &package, lease(), "entry.crit"));

    // Legitimately many signers (1 000 shareholders, unlawful for an LLC but checked only after
    // the signatures) each signing a ~1 MB payload: a gigabyte of hashing, refused unchecked.
    let crowd = kaiban_core::samples::llc_with_investors(1_000);
    let p_crowd = payload_at(&crowd, created);
    let encoded = p_crowd.encoded();
    let entry = sign_with(&fresh_key(), &encoded, "p-zhang", iat);
    let crowded = Package {
        signatures: vec![entry; p_crowd.required_signers.len()],
        payload: encoded,
    };
    out.push(submission(
        "1 000 signers over a 1 MB payload",
        &crowded,
        lease(),
        "package.too_costly",
    ));

    // Flooding: 10 000 entries (≈ 5.5 MB, over the size limit), and a package padded to just
    // under 4 MiB with thousands of entries (over the signer bound).
    out.push(submission(
        "10 000 entries",
        &flood(&p, 10_000),
        lease(),
        "package.too_large",
    ));
    out.push(submission(
        "4 MiB with many entries",
        &padded_flood(&app, created),
        lease(),
        "signers.too_many",
    ));

    // The bundle's section (what each agency receives) names a person who is not in the
    // application, or is left out while the application takes services.
    let bundled = with_bundle(now);
    let mut p = payload_at(&bundled, created);
    let officer = p.bundle.as_mut().unwrap().tax.as_mut().unwrap();
    officer.tax_officer.as_mut().unwrap().person_id = "p-ghost".into();
    officer.tax_officer.as_mut().unwrap().name = "王五".into();
    out.push(submission(
        "bundle names a ghost",
        &sign_all(&p, iat),
        lease(),
        "bundle.section_mismatch",
    ));
    let mut p = payload_at(&bundled, created);
    p.bundle = None;
    out.push(submission(
        "bundle section dropped",
        &sign_all(&p, iat),
        lease(),
        "bundle.section_mismatch",
    ));
    out
}

/// The application taking every service of the bundle, valid today.
pub fn with_bundle(now: i64) -> Application {
    let today = kaiban_core::date::Date::from_days_since_epoch(now.div_euclid(86_400));
    kaiban_core::samples::with_full_bundle(application(), today)
}

/// The honest control with the bundle.
pub fn honest_with_bundle(now: i64) -> Submission {
    submission(
        "honest with bundle",
        &sign_all(&payload_at(&with_bundle(now), now - 3600), now - 60),
        vec![LEASE.to_vec()],
        "",
    )
}

/// `count` entries, all the same genuine one (cheap to make, costly to check if not bounded).
fn flood(payload: &Payload, count: usize) -> Package {
    let encoded = payload.encoded();
    let entry = sign_with(&fresh_key(), &encoded, "p-zhang", now() - 60);
    Package {
        signatures: vec![entry; count],
        payload: encoded,
    }
}

/// A package just under the 4 MiB limit: a long application id and thousands of entries.
fn padded_flood(app: &Application, created: i64) -> Package {
    let mut payload = payload_at(app, created);
    payload.application_id = "a".repeat(600_000);
    let mut package = flood(&payload, 1);
    let one = package.to_json().len();
    package.signatures.push(package.signatures[0].clone());
    let per_entry = package.to_json().len() - one;
    let room = kaiban_core::package::limits::MAX_PACKAGE_BYTES - one - 4096;
    package.signatures = vec![package.signatures[0].clone(); room / per_entry];
    assert!(
        package.signatures.len() > 1_000,
        "{}",
        package.signatures.len()
    );
    package
}
