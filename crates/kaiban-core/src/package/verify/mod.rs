//! Package verification. The submitter controls every byte of a package, so nothing it says
//! about itself is trusted: who must sign and which attachments must be there are derived
//! from `payload.application`, and the lists the payload carries must equal them. A package
//! is accepted only when EVERY entry verifies (some JOSE libraries accept a General JWS when
//! any one does), each of the derived signers signs exactly once with a key of their own, the
//! timestamps are plausible, the payload is canonical, and every referenced attachment was
//! received with its digest and size, and nothing else was.
//!
//! Work is bounded before it is done: the package's size first, then the number of entries
//! against the derived signers, before any signature is checked. Messages name no personal
//! data (no names, document numbers or file names); a signer is named by the application's
//! opaque `person_id` in a field of its own.

mod entry;
mod lists;

use super::limits::{
    CLOCK_SKEW_SECONDS, MAX_ATTACHMENTS, MAX_PACKAGE_BYTES, MAX_SIGNATURE_WORK_BYTES,
};
use super::{
    attachment_refs, document_refs, required_signers, unb64, AttachmentRef, Package, Payload,
    RequiredSigner,
};
use entry::{verify_entry, Times};
use lists::{check_attachments, check_signers, same_signers, sorted};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Stable, documented in docs/package-format.md.
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryReport {
    pub index: usize,
    pub signer: Option<String>,
    pub kid: Option<String>,
    pub valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub problem: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerifyReport {
    pub entries: Vec<EntryReport>,
    pub problems: Vec<Problem>,
    #[serde(skip)]
    pub payload: Option<Box<Payload>>,
}

impl VerifyReport {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && !self.entries.is_empty() && self.entries.iter().all(|e| e.valid)
    }

    /// Every refusal code, the package's and each entry's.
    pub fn codes(&self) -> Vec<&str> {
        let entries = self.entries.iter().filter_map(|e| e.code.as_deref());
        self.problems
            .iter()
            .map(|p| p.code.as_str())
            .chain(entries)
            .collect()
    }

    fn refused(problem: Problem) -> VerifyReport {
        VerifyReport {
            entries: Vec::new(),
            problems: vec![problem],
            payload: None,
        }
    }
}

/// What the verifier itself received and hashed: lower-case hex SHA-256 → byte count.
pub type Received = HashMap<String, u64>;

/// Hashes received files into a [`Received`] map.
pub fn received_files<'a>(files: impl IntoIterator<Item = &'a [u8]>) -> Received {
    files
        .into_iter()
        .map(|bytes| (super::sha256_hex(bytes), bytes.len() as u64))
        .collect()
}

fn problem(code: &str, message: impl Into<String>) -> Problem {
    Problem {
        code: code.into(),
        message: message.into(),
        person_id: None,
    }
}

fn about(person_id: &str, code: &str, message: impl Into<String>) -> Problem {
    Problem {
        person_id: Some(person_id.to_string()),
        ..problem(code, message)
    }
}

/// A package whose JWS and payload parse, with what its application requires: the first half
/// of verification, enough for a receiver to know which attachment parts to accept before it
/// stores any.
pub struct Candidate {
    package: Package,
    payload: Payload,
    created_at: Option<i64>,
    now: i64,
    signers: Vec<RequiredSigner>,
    attachments: Vec<AttachmentRef>,
    problems: Vec<Problem>,
}

impl Candidate {
    /// Parses and bounds the package; `now` is the verifier's clock (seconds since the epoch).
    pub fn parse(package_json: &[u8], now: i64) -> Result<Candidate, VerifyReport> {
        if package_json.len() > MAX_PACKAGE_BYTES {
            return Err(VerifyReport::refused(problem(
                "package.too_large",
                format!("the package is larger than {MAX_PACKAGE_BYTES} bytes"),
            )));
        }
        let package: Package = serde_json::from_slice(package_json).map_err(|e| {
            VerifyReport::refused(problem(
                "package.not_jws",
                format!("not a JWS in General JSON Serialization: {e}"),
            ))
        })?;
        let payload_bytes = unb64(&package.payload).ok_or_else(|| {
            VerifyReport::refused(problem("payload.encoding", "payload is not base64url"))
        })?;
        let payload: Payload = serde_json::from_slice(&payload_bytes).map_err(|e| {
            VerifyReport::refused(problem(
                "payload.invalid",
                format!("payload is not a Kaiban payload: {e}"),
            ))
        })?;
        let mut problems = Vec::new();
        if payload.canonical() != payload_bytes {
            problems.push(problem(
                "payload.not_canonical",
                "payload is not in RFC 8785 canonical form",
            ));
        }
        let created_at = crate::date::unix_seconds_utc(&payload.created_at);
        match created_at {
            None => problems.push(problem(
                "payload.created_at_invalid",
                "created_at is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)",
            )),
            Some(t) if t > now + CLOCK_SKEW_SECONDS => problems.push(problem(
                "payload.created_at_future",
                "created_at lies in the future",
            )),
            Some(_) => {}
        }
        // Roles name people by id: two people with one id would let a reader resolve a
        // signer to someone else than the verifier did.
        let mut ids = BTreeSet::new();
        if !payload
            .application
            .persons
            .iter()
            .all(|p| ids.insert(p.id.as_str()))
        {
            problems.push(problem(
                "application.duplicate_person_id",
                "two people in the application share one person_id",
            ));
        }
        let signers = required_signers(&payload.application);
        if !same_signers(&signers, &payload.required_signers) {
            problems.push(problem(
                "signers.list_mismatch",
                "required_signers is not the list the application requires",
            ));
        }
        let attachments = attachment_refs(&payload.application);
        if attachments.len() > MAX_ATTACHMENTS {
            return Err(VerifyReport::refused(problem(
                "attachments.too_many",
                format!("the application references more than {MAX_ATTACHMENTS} attachments"),
            )));
        }
        if sorted(&attachments) != sorted(&payload.attachments) {
            problems.push(problem(
                "attachments.list_mismatch",
                "attachments is not the list the application references",
            ));
        }
        // The documents the signatures cover are regenerated, never taken from the package:
        // a list with a document left out, another hash or another template is refused.
        if document_refs(&payload.application) != payload.documents {
            problems.push(problem(
                "documents.list_mismatch",
                "documents is not the list of documents the application makes (one is missing or extra, or its template, version, signers or hash differ)",
            ));
        }
        // What each agency receives is derived from the application too: a section naming
        // someone else, or asking for a service the application does not take, is refused.
        if crate::bundle::section(&payload.application) != payload.bundle {
            problems.push(problem(
                "bundle.section_mismatch",
                "bundle is not the section the application's services make",
            ));
        }
        if package.signatures.len() > signers.len().max(1) {
            return Err(VerifyReport::refused(problem(
                "signers.too_many",
                format!(
                    "{} signature entries for {} required signers",
                    package.signatures.len(),
                    signers.len()
                ),
            )));
        }
        // Each entry hashes its header and the whole payload again (JWS signs header.payload):
        // the work is entries × payload, quadratic in a package's size, so it is bounded too.
        let work = package.signatures.len() as u64 * package.payload.len() as u64;
        if work > MAX_SIGNATURE_WORK_BYTES {
            return Err(VerifyReport::refused(problem(
                "package.too_costly",
                format!(
                    "{} entries over a {}-byte payload: more than {MAX_SIGNATURE_WORK_BYTES} bytes to hash",
                    package.signatures.len(),
                    package.payload.len()
                ),
            )));
        }
        Ok(Candidate {
            package,
            payload,
            created_at,
            now,
            signers,
            attachments,
            problems,
        })
    }

    /// The application the package carries (not yet verified: read it, derive from it, and
    /// trust it only once `finish` says the package is valid).
    pub fn application(&self) -> &crate::Application {
        &self.payload.application
    }

    /// SHA-256 of the JWS payload: the same application signed again is the same case.
    pub fn payload_hash(&self) -> String {
        self.package.payload_hash()
    }

    /// What is wrong with the package so far (before its entries and attachments are checked).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The signers the application requires (derived, not the payload's list).
    pub fn signers(&self) -> &[RequiredSigner] {
        &self.signers
    }

    /// One entry on its own, at the clock `now`, as [`Candidate::finish`] checks each: the
    /// signature over this payload, its header, and its `iat` against `created_at` and `now`.
    pub fn check_entry(
        &self,
        entry: &super::SignatureEntry,
        now: i64,
    ) -> Result<super::ProtectedHeader, Problem> {
        let times = Times {
            created_at: self.created_at,
            now,
        };
        verify_entry(
            &entry.protected,
            &entry.signature,
            &self.package.payload,
            times,
        )
        .map_err(|(header, (code, message))| Problem {
            code: code.into(),
            message,
            person_id: header.map(|h| h.kaiban_signer),
        })
    }

    /// The attachments the application references (derived, not the payload's list).
    pub fn expected_attachments(&self) -> &[AttachmentRef] {
        &self.attachments
    }

    /// Checks every entry and the received attachments.
    pub fn finish(self, received: &Received) -> VerifyReport {
        let mut report = VerifyReport {
            entries: Vec::new(),
            problems: self.problems,
            payload: None,
        };
        let package = &self.package;
        if package.signatures.is_empty() {
            report
                .problems
                .push(problem("package.unsigned", "the package has no signatures"));
        }
        let times = Times {
            created_at: self.created_at,
            now: self.now,
        };
        let mut signed_by: HashMap<String, usize> = HashMap::new();
        let mut key_owner: HashMap<String, String> = HashMap::new();
        for (index, entry) in package.signatures.iter().enumerate() {
            let (header, failure) =
                match verify_entry(&entry.protected, &entry.signature, &package.payload, times) {
                    Ok(header) => (Some(header), None),
                    Err((header, failure)) => (header.map(|h| *h), Some(failure)),
                };
            if let (Some(h), None) = (&header, &failure) {
                *signed_by.entry(h.kaiban_signer.clone()).or_default() += 1;
                let owner = key_owner
                    .entry(h.kid.clone())
                    .or_insert_with(|| h.kaiban_signer.clone());
                if *owner != h.kaiban_signer {
                    report.problems.push(about(
                        &h.kaiban_signer,
                        "signers.shared_key",
                        format!("entry {index} uses a key that already signed for another signer"),
                    ));
                }
            }
            report.entries.push(EntryReport {
                index,
                signer: header.as_ref().map(|h| h.kaiban_signer.clone()),
                kid: header.map(|h| h.kid),
                valid: failure.is_none(),
                code: failure.as_ref().map(|(code, _)| code.to_string()),
                problem: failure.map(|(_, text)| text),
            });
        }
        check_signers(&self.signers, &signed_by, &mut report.problems);
        check_attachments(&self.attachments, received, &mut report.problems);
        report.payload = Some(Box::new(self.payload));
        report
    }
}

/// Verifies `package_json` against the attachments the caller received and hashed itself,
/// at the verifier's clock `now` (seconds since the epoch).
pub fn verify(package_json: &[u8], received: &Received, now: i64) -> VerifyReport {
    match Candidate::parse(package_json, now) {
        Ok(candidate) => candidate.finish(received),
        Err(report) => report,
    }
}

#[cfg(test)]
mod tests;
