//! Every bound a verifier or receiver puts on what a submitter sends, in one place, so the
//! receiver, the CLI and docs/package-format.md agree. The submitter controls every byte of a
//! package: each limit below caps the work one request can cause.

/// Largest `package` (the JWS JSON) accepted. A 1 000-investor application signs to ~1 MiB.
pub const MAX_PACKAGE_BYTES: usize = 4 * 1024 * 1024;

/// Signature entries × payload length: what checking every entry hashes. The largest lawful
/// application (a joint-stock company's 200 founders and its officers: ≈ 130 kB of JSON,
/// 175 kB as base64, ≈ 205 entries) costs ≈ 36 MB; this leaves ample room and keeps one
/// request to about a second of hashing.
pub const MAX_SIGNATURE_WORK_BYTES: u64 = 256 * 1024 * 1024;

/// Most attachments one application may reference (and so the most attachment parts).
pub const MAX_ATTACHMENTS: usize = 64;

/// Largest attachment (the registrar's own limit).
pub const MAX_ATTACHMENT_BYTES: u64 = crate::rules::MAX_ATTACHMENT_BYTES;

/// A signer's clock may run this far ahead of the device that put the version up for signing
/// (`iat` before `created_at`), and any timestamp this far ahead of the verifier's clock.
pub const CLOCK_SKEW_SECONDS: i64 = 5 * 60;

/// Co-signers sign within this long after the version was put up for signing (`iat` after
/// `created_at`); a later signature is refused as stale and the applicant starts a new round.
pub const SIGNING_WINDOW_SECONDS: i64 = 30 * 24 * 60 * 60;
