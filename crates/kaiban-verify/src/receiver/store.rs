//! Accepted packages on disk, one folder per receipt, written atomically: a temporary folder
//! is filled and fsynced, then renamed into place, so a crash never leaves half a case.
//!
//! `<data>/<receipt>/package.jws.json`, `attachments/<sha256>`, `meta.json`, `status.json`.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Meta {
    pub receipt_id: String,
    pub idempotency_key: String,
    /// SHA-256 of the package bytes and the sorted attachment digests: what "the same
    /// body" means across retries (multipart boundaries differ every time).
    pub body_hash: String,
    pub payload_hash: String,
    pub received_at: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StatusEvent {
    pub status: String,
    pub at: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

#[derive(Default)]
pub struct Index {
    pub by_key: HashMap<String, Meta>,
    pub by_payload: HashMap<String, Meta>,
}

pub fn load_index(data: &Path) -> Index {
    let mut index = Index::default();
    let Ok(entries) = fs::read_dir(data) else {
        return index;
    };
    for entry in entries.flatten() {
        let meta_file = entry.path().join("meta.json");
        let Ok(text) = fs::read_to_string(meta_file) else {
            continue;
        };
        let Ok(meta) = serde_json::from_str::<Meta>(&text) else {
            continue;
        };
        index
            .by_payload
            .insert(meta.payload_hash.clone(), meta.clone());
        index.by_key.insert(meta.idempotency_key.clone(), meta);
    }
    index
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn sync_dir(path: &Path) -> std::io::Result<()> {
    File::open(path)?.sync_all()
}

/// Stores a verified package and its attachments under `meta.receipt_id`.
pub fn store(
    data: &Path,
    meta: &Meta,
    package: &[u8],
    attachments: &[(String, Vec<u8>)],
) -> std::io::Result<PathBuf> {
    fs::create_dir_all(data)?;
    let temp = data.join(format!(".incoming-{}", meta.receipt_id));
    let _ = fs::remove_dir_all(&temp);
    fs::create_dir_all(temp.join("attachments"))?;
    write_synced(&temp.join("package.jws.json"), package)?;
    for (sha256, bytes) in attachments {
        write_synced(&temp.join("attachments").join(sha256), bytes)?;
    }
    sync_dir(&temp.join("attachments"))?;
    let status = vec![StatusEvent {
        status: "received".into(),
        at: meta.received_at.clone(),
        reasons: Vec::new(),
    }];
    write_synced(
        &temp.join("status.json"),
        serde_json::to_string_pretty(&status)?.as_bytes(),
    )?;
    write_synced(
        &temp.join("meta.json"),
        serde_json::to_string_pretty(meta)?.as_bytes(),
    )?;
    sync_dir(&temp)?;
    let target = data.join(&meta.receipt_id);
    fs::rename(&temp, &target)?;
    sync_dir(data)?;
    Ok(target)
}

pub fn read_status(data: &Path, receipt: &str) -> Option<Vec<StatusEvent>> {
    if receipt.contains(['/', '\\', '.']) {
        return None;
    }
    serde_json::from_str(&fs::read_to_string(data.join(receipt).join("status.json")).ok()?).ok()
}

/// Appends a status change (operator action); written atomically by rename.
pub fn append_status(
    data: &Path,
    receipt: &str,
    event: StatusEvent,
) -> std::io::Result<Vec<StatusEvent>> {
    let mut history = read_status(data, receipt).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no case {receipt} in {}", data.display()),
        )
    })?;
    history.push(event);
    let folder = data.join(receipt);
    let temp = folder.join("status.json.tmp");
    write_synced(&temp, serde_json::to_string_pretty(&history)?.as_bytes())?;
    fs::rename(&temp, folder.join("status.json"))?;
    sync_dir(&folder)?;
    Ok(history)
}
