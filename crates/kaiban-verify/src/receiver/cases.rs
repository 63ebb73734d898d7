//! Cases on disk (`<data>/<receipt>/case.json`): the state machine's history
//! (kaiban_core::case), the link between a returned case and the resubmission that corrects
//! it, and the credit code approval allocates with the signed e-licence (`licence.jws`). Every
//! way a case moves (the console, the operator API, the CLI, the applicant's withdrawal) goes
//! through [`act`]. Blocking file I/O: call off the async workers.

use super::authority::Authority;
use super::store;
use crate::deployment::Deployment;
use kaiban_core::case::licence::{allocate_credit_code, licence, sign};
use kaiban_core::case::{Action, Case, Reason, Refused, Stage};
use kaiban_core::package::{unb64, Package, Payload};
use kaiban_core::text::Bi;
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CaseRecord {
    pub case: Case,
    /// The returned case this one corrects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<String>,
    /// The case that corrects this one (once resubmitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_code: Option<String>,
}

fn folder(data: &Path, receipt: &str) -> Option<PathBuf> {
    store::is_case_id(receipt).then(|| data.join(receipt))
}

pub fn read(data: &Path, receipt: &str) -> Option<CaseRecord> {
    let text = fs::read_to_string(folder(data, receipt)?.join("case.json")).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn write(data: &Path, receipt: &str, record: &CaseRecord) -> std::io::Result<()> {
    let folder = folder(data, receipt)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a receipt"))?;
    let temp = folder.join("case.json.tmp");
    store::write_synced(&temp, serde_json::to_string_pretty(record)?.as_bytes())?;
    fs::rename(&temp, folder.join("case.json"))?;
    store::sync_dir(&folder)
}

/// The signed payload of a stored case (verified when it was received).
pub fn payload(data: &Path, receipt: &str) -> Option<Payload> {
    let bytes = fs::read(folder(data, receipt)?.join("package.jws.json")).ok()?;
    let package: Package = serde_json::from_slice(&bytes).ok()?;
    serde_json::from_slice(&unb64(&package.payload)?).ok()
}

/// The e-licence of an approved case (a compact JWS), if issued.
pub fn licence_of(data: &Path, receipt: &str) -> Option<String> {
    fs::read_to_string(folder(data, receipt)?.join("licence.jws")).ok()
}

/// Every stored case with its record, for the console's list.
pub fn all(data: &Path) -> Vec<(store::Meta, CaseRecord)> {
    store::load(data)
        .into_iter()
        .filter_map(|meta| read(data, &meta.receipt_id).map(|record| (meta, record)))
        .collect()
}

#[derive(Debug)]
pub enum ActError {
    NoSuchCase,
    Refused(Refused),
    Io(std::io::Error),
}

impl ActError {
    pub fn text(&self) -> Bi {
        match self {
            ActError::NoSuchCase => Bi::new("没有这个案件", "There is no such case"),
            ActError::Refused(r) => r.text.clone(),
            ActError::Io(e) => {
                eprintln!("kaiban-verify: a case could not be saved: {e}");
                Bi::new(
                    "案件未能保存，请重试",
                    "The case could not be saved: try again",
                )
            }
        }
    }
}

/// Moves case `receipt` by `action`; approval allocates the credit code and issues the
/// licence signed by `authority`.
pub fn act(
    data: &Path,
    receipt: &str,
    action: Action,
    reasons: Vec<Reason>,
    deployment: &Deployment,
    authority: &Authority,
) -> Result<CaseRecord, ActError> {
    let mut record = read(data, receipt).ok_or(ActError::NoSuchCase)?;
    let at = crate::clock::now_rfc3339();
    record
        .case
        .apply(action, at.clone(), reasons)
        .map_err(ActError::Refused)?;
    if record.case.stage() == Stage::Licensed {
        let payload = payload(data, receipt).ok_or(ActError::NoSuchCase)?;
        let app = &payload.application;
        let individual =
            app.entity_type == Some(kaiban_core::model::EntityType::IndividualBusiness);
        // A code is claimed by creating its entry in `.licences/` (create_new: two approvals,
        // even from two processes, never get the same code).
        let code = loop {
            let mut bytes = [0u8; 8];
            getrandom::fill(&mut bytes).map_err(|e| ActError::Io(std::io::Error::other(e)))?;
            let code = allocate_credit_code(
                individual,
                &app.domicile.division_code,
                u64::from_be_bytes(bytes),
            );
            if claim_code(data, code.as_str(), receipt).map_err(ActError::Io)? {
                break code;
            }
        };
        // 成立日期: the day of approval, in China.
        let established = kaiban_core::date::Date::from_days_since_epoch(
            (crate::clock::unix_now() as i64 + 8 * 3600).div_euclid(86_400),
        );
        let issued = licence(
            app,
            &code,
            established,
            &deployment.jurisdiction.authority.zh,
            at,
            receipt.to_string(),
        );
        let jws = sign(&issued, authority.key());
        let folder = folder(data, receipt).ok_or(ActError::NoSuchCase)?;
        store::write_synced(&folder.join("licence.jws"), jws.as_bytes()).map_err(ActError::Io)?;
        record.credit_code = Some(code.to_string());
    }
    write(data, receipt, &record).map_err(ActError::Io)?;
    Ok(record)
}

const LICENCES: &str = ".licences";

/// Claims credit code `code` for case `receipt`: false when another case has it.
fn claim_code(data: &Path, code: &str, receipt: &str) -> std::io::Result<bool> {
    let dir = data.join(LICENCES);
    fs::create_dir_all(&dir)?;
    match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dir.join(code))
    {
        Ok(mut file) => {
            use std::io::Write;
            file.write_all(receipt.as_bytes())?;
            file.sync_all()?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

/// The e-licence issued with credit code `code`: one small file read, whatever the number of
/// cases (the lookup is public). `code` is checked as a credit code before it names a file.
pub fn licence_by_code(data: &Path, code: &str) -> Option<String> {
    let code: kaiban_core::ids::CreditCode = code.parse().ok()?;
    let receipt = fs::read_to_string(data.join(LICENCES).join(code.as_str())).ok()?;
    let record = read(data, receipt.trim())?;
    (record.case.stage() == Stage::Licensed && record.credit_code.as_deref() == Some(code.as_str()))
        .then(|| licence_of(data, receipt.trim()))
        .flatten()
}

/// Links a resubmission to the returned case it corrects (both ways).
pub fn link_correction(data: &Path, corrected: &str, by: &str) -> std::io::Result<()> {
    if let Some(mut old) = read(data, corrected) {
        old.corrected_by = Some(by.to_string());
        write(data, corrected, &old)?;
    }
    Ok(())
}

/// A reason as an operator types it: `domicile.detail: 中文 | English`, the path and the
/// English part optional.
pub fn parse_reason(text: &str) -> Reason {
    let (path, rest) = match text.split_once([':', '：']) {
        Some((path, rest)) if looks_like_path(path.trim()) => (Some(path.trim().to_string()), rest),
        _ => (None, text),
    };
    let (zh, en) = rest.split_once(" | ").unwrap_or((rest, ""));
    Reason {
        path,
        zh: zh.trim().to_string(),
        en: en.trim().to_string(),
    }
}

/// `domicile.detail`, `persons[p-1].mobile`, `liaison_id`: a field path, not prose.
pub fn looks_like_path(text: &str) -> bool {
    !text.is_empty()
        && text.is_ascii()
        && !text.contains(char::is_whitespace)
        && (text.contains('.') || text.contains('[') || text.ends_with("_id"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reasons_are_read_with_their_field_and_languages() {
        let r = super::parse_reason("domicile.detail: 缺少房间号 | The room number is missing");
        assert_eq!(r.path.as_deref(), Some("domicile.detail"));
        assert_eq!(
            (r.zh.as_str(), r.en.as_str()),
            ("缺少房间号", "The room number is missing")
        );
        let plain = super::parse_reason("住所证明不清晰：请重新上传");
        assert_eq!(plain.path, None);
        assert_eq!(plain.zh, "住所证明不清晰：请重新上传");
    }
}
