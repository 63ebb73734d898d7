//! Accepted packages on disk, one folder per receipt, written atomically: the request's
//! temporary folder (attachments already streamed into it) is completed and fsynced, then
//! renamed into place, so a crash never leaves half a case. Blocking file I/O: called from
//! `spawn_blocking`, never on the async workers.
//!
//! `<data>/<receipt>/package.jws.json`, `attachments/<sha256>`, `meta.json`, `case.json`,
//! `services.json` (and `licence.jws` once approved).

use kaiban_core::bundle::{Service, ServiceEvent, ServiceState};
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where requests stream their parts before they are verified (`<data>/.incoming-…`).
pub const INCOMING_PREFIX: &str = ".incoming-";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Meta {
    pub receipt_id: String,
    /// The submitter's secret for reading the status (given only in the 201/200 answer).
    #[serde(default)]
    pub status_token: String,
    pub idempotency_key: String,
    /// SHA-256 of the package bytes and the sorted attachment digests: what "the same
    /// body" means across retries (multipart boundaries differ every time).
    pub body_hash: String,
    pub payload_hash: String,
    pub received_at: String,
    /// The case goes to a registrar's manual review (the applicant's own articles).
    #[serde(default)]
    pub manual_review: bool,
    /// The services filed with the registration (开办套餐), each with its own status in
    /// `services.json`.
    #[serde(default)]
    pub services: Vec<Service>,
    /// The returned case this submission corrects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<String>,
}

/// Every stored case's meta; folders left by interrupted requests are removed.
pub fn load(data: &Path) -> Vec<Meta> {
    let Ok(entries) = fs::read_dir(data) else {
        return Vec::new();
    };
    let mut cases = Vec::new();
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(INCOMING_PREFIX)
        {
            let _ = fs::remove_dir_all(entry.path());
            continue;
        }
        let Ok(text) = fs::read_to_string(entry.path().join("meta.json")) else {
            continue;
        };
        if let Ok(meta) = serde_json::from_str::<Meta>(&text) {
            cases.push(meta);
        }
    }
    cases
}

pub(crate) fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

pub(crate) fn sync_dir(path: &Path) -> std::io::Result<()> {
    File::open(path)?.sync_all()
}

/// Completes the request's folder `incoming` (its `attachments/` already written and
/// fsynced) with the package, meta and first status, and renames it to `meta.receipt_id`.
pub fn store(
    data: &Path,
    incoming: &Path,
    meta: &Meta,
    package: &[u8],
) -> std::io::Result<PathBuf> {
    let attachments = incoming.join("attachments");
    fs::create_dir_all(&attachments)?;
    sync_dir(&attachments)?;
    write_synced(&incoming.join("package.jws.json"), package)?;
    let record = super::cases::CaseRecord {
        case: kaiban_core::case::Case::received(meta.received_at.clone()),
        corrects: meta.corrects.clone(),
        corrected_by: None,
        credit_code: None,
    };
    write_synced(
        &incoming.join("case.json"),
        serde_json::to_string_pretty(&record)?.as_bytes(),
    )?;
    let services: Vec<ServiceEvent> = meta
        .services
        .iter()
        .map(|service| ServiceEvent {
            service: *service,
            state: ServiceState::Requested,
            at: meta.received_at.clone(),
            detail: String::new(),
        })
        .collect();
    write_synced(
        &incoming.join("services.json"),
        serde_json::to_string_pretty(&services)?.as_bytes(),
    )?;
    write_synced(
        &incoming.join("meta.json"),
        serde_json::to_string_pretty(meta)?.as_bytes(),
    )?;
    sync_dir(incoming)?;
    let target = data.join(&meta.receipt_id);
    fs::rename(incoming, &target)?;
    sync_dir(data)?;
    Ok(target)
}

/// Whether `text` has the shape of a receipt id (before it names a folder).
pub fn is_case_id(text: &str) -> bool {
    super::ids::is_receipt_id(text)
}

/// The service events of a case (none for a case without services, or stored before them).
pub fn read_services(data: &Path, receipt: &str) -> Vec<ServiceEvent> {
    if !super::ids::is_receipt_id(receipt) {
        return Vec::new();
    }
    fs::read_to_string(data.join(receipt).join("services.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Appends a change of one service's state (operator action), written atomically by rename.
pub fn append_service(
    data: &Path,
    receipt: &str,
    event: ServiceEvent,
) -> std::io::Result<Vec<ServiceEvent>> {
    let mut events = read_services(data, receipt);
    if !events.iter().any(|e| e.service == event.service) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("case {receipt} has no service {}", event.service.key()),
        ));
    }
    events.push(event);
    let folder = data.join(receipt);
    let temp = folder.join("services.json.tmp");
    write_synced(&temp, serde_json::to_string_pretty(&events)?.as_bytes())?;
    fs::rename(&temp, folder.join("services.json"))?;
    sync_dir(&folder)?;
    Ok(events)
}
