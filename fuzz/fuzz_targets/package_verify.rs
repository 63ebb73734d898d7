//! Package verification on arbitrary bytes, seeded with valid signed packages so most inputs
//! are near-misses of a real one: never panics, and "valid" always means every entry checked.
//! (Exhaustive single-byte tampering of a package is a separate test in kaiban-verify.)
#![no_main]

use kaiban_core::package::{verify, Received};
use libfuzzer_sys::fuzz_target;

/// 2026-01-01T01:00:00Z: an hour after the corpus's packages were put up for signing.
const NOW: i64 = 1_767_229_200;

fuzz_target!(|data: &[u8]| {
    let report = verify(data, &Received::new(), NOW);
    if report.is_valid() {
        // Only possible for a package whose every entry really verifies: re-check that each
        // entry is reported valid with a signer, so "valid" can never come from an empty list.
        assert!(!report.entries.is_empty());
        assert!(report.entries.iter().all(|e| e.valid && e.signer.is_some()));
    }
});
