//! Drafts in IndexedDB. Every rexie call of the app lives in this module. A draft record
//! keeps the application as kaiban-core JSON (migrated through `kaiban_core::migrate` on
//! load), the step, timestamps and a revision counter that refuses stale writes, so two
//! tabs editing the same draft can never silently overwrite each other.

mod deletion;
mod records;
mod schema;

pub use deletion::{delete, key_prefix, restore, Deleted, KEY_ID_PREFIX};
pub use records::{AttachmentBlob, Draft, DraftSummary};
pub use schema::{db, DATABASE, DATABASE_VERSION};

use js_sys::Reflect;
use rexie::TransactionMode;
use schema::{ATTACHMENTS, DRAFTS, QUARANTINE};
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// IndexedDB is missing or refused to open (private mode, blocked by policy).
    Unavailable(String),
    /// The browser has no room left for this origin.
    QuotaExceeded,
    /// The draft was saved by another tab since this one read it.
    Conflict { stored_revision: u64 },
    /// The browser aborted a write transaction without saying why (IndexedDB reports a full
    /// quota this way, at commit).
    Aborted,
    /// A read or write failed.
    Failed(String),
}

impl StorageError {
    /// What happened and what to do, in both languages.
    pub fn text(&self) -> kaiban_core::text::Bi {
        kaiban_core::text::Bi::owned(self.message(true), self.message(false))
    }

    pub fn message(&self, chinese: bool) -> String {
        match (self, chinese) {
            (StorageError::Unavailable(_), true) => "浏览器不允许本网站保存数据（可能处于无痕模式）。您填写的内容仍在本页面中，请导出草稿文件保存。".into(),
            (StorageError::Unavailable(_), false) => "The browser does not let this site store data (private mode?). What you typed is still on this page: export the draft to a file.".into(),
            (StorageError::QuotaExceeded, true) => "设备存储空间已满，最近的修改未能保存。请导出草稿文件，或删除不需要的草稿和附件后重试。".into(),
            (StorageError::QuotaExceeded, false) => "The device's storage is full and your latest changes are not saved. Export the draft to a file, or delete drafts or documents you no longer need.".into(),
            (StorageError::Conflict { .. }, true) => "此草稿已在另一个标签页中修改。".into(),
            (StorageError::Conflict { .. }, false) => "This draft was changed in another tab.".into(),
            (StorageError::Aborted, true) => "浏览器中止了保存，最常见的原因是设备存储空间不足。最近的修改仍在本页面中：请导出草稿文件，或删除不需要的草稿和附件后重试。".into(),
            (StorageError::Aborted, false) => "The browser stopped the save, most often because the device's storage is full. Your latest changes are still on this page: export the draft to a file, or delete drafts or documents you no longer need, then try again.".into(),
            (StorageError::Failed(e), true) => format!("保存失败（{e}）。内容仍在本页面中，请稍后重试或导出草稿文件。"),
            (StorageError::Failed(e), false) => format!("Saving failed ({e}). Your answers are still on this page: try again later or export the draft."),
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(false))
    }
}

fn failed(e: rexie::Error) -> StorageError {
    // rexie's own message is just "idb error"; the DOMException name is in the inner error.
    let text = match &e {
        rexie::Error::IdbError(inner) => inner.to_string(),
        other => other.to_string(),
    };
    if is_closed(&text) {
        // The browser closed or deleted the database under us: reopen it on the next write.
        schema::forget();
    }
    if text.contains("QuotaExceeded") || text.to_lowercase().contains("quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Failed(text)
    }
}

/// Opens the app's database (once per page) and starts a transaction on `stores`.
async fn transaction(
    stores: &[&str],
    mode: TransactionMode,
) -> Result<rexie::Transaction, StorageError> {
    db().await?.transaction(stores, mode).map_err(failed)
}

/// Waits for the transaction to finish; an aborted one (quota, a closed database) is an error,
/// never a silent success.
async fn commit(tx: rexie::Transaction) -> Result<(), StorageError> {
    match tx.done().await.map_err(failed)? {
        rexie::TransactionResult::Committed => Ok(()),
        rexie::TransactionResult::Aborted => Err(StorageError::Aborted),
    }
}

/// The outcome of a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    pub revision: u64,
    /// The stored record had vanished (the browser cleared the site's data, or the database
    /// was deleted while the page was open) and was written again from this page.
    pub recreated: bool,
}

/// Writes `draft` if the stored revision is still `draft.revision`. After a failed write the
/// database is reopened and the write tried once more: the browser may have closed our
/// connection (site data cleared), and rexie's errors do not always say so.
pub async fn save(draft: &Draft) -> Result<Saved, StorageError> {
    match save_once(draft).await {
        Err(StorageError::Failed(_)) => {
            schema::forget();
            save_once(draft).await
        }
        other => other,
    }
}

fn is_closed(text: &str) -> bool {
    text.contains("InvalidState") || text.contains("closing") || text.contains("closed")
}

async fn save_once(draft: &Draft) -> Result<Saved, StorageError> {
    let tx = transaction(&[DRAFTS], TransactionMode::ReadWrite).await?;
    let store = tx.store(DRAFTS).map_err(failed)?;
    let stored = store
        .get(JsValue::from_str(&draft.id))
        .await
        .map_err(failed)?
        .filter(|r| !r.is_undefined());
    // Missing although this page read or wrote it before: it was deleted under us. Writing it
    // again is the only way not to lose it.
    let recreated = stored.is_none() && draft.revision > 0;
    let stored_revision = stored.as_ref().map(records::revision_of).unwrap_or(0);
    if !recreated && stored_revision != draft.revision {
        return Err(StorageError::Conflict { stored_revision });
    }
    let next = draft.revision + 1;
    store
        .put(&draft.to_record(next), None)
        .await
        .map_err(failed)?;
    commit(tx).await?;
    Ok(Saved {
        revision: next,
        recreated,
    })
}

/// The draft `id`, migrated to the current schema. An unreadable record is moved to the
/// quarantine store (kept, never deleted) and reported as `Ok(None)` with its reason.
/// Reading a record is done in the later pages' module, so the caller should have waited for
/// it (`LaterPages::loaded`); if it still cannot be fetched, the record is left as it is.
pub async fn load(id: &str) -> Result<Result<Option<Draft>, String>, StorageError> {
    let Some(record) = kv::get(DRAFTS, id).await? else {
        return Ok(Ok(None));
    };
    let read = read_record(record.clone()).await.map_err(|_| {
        StorageError::Failed("the app's later pages could not be fetched to read the draft".into())
    })?;
    match read {
        Ok(draft) => Ok(Ok(Some(draft))),
        Err(reason) => {
            quarantine(id, &record).await?;
            Ok(Err(reason))
        }
    }
}

crate::steps::in_later_module! {
    /// A stored record as a draft. Only the later pages' module reads drafts: the code that
    /// reads the whole application (serde, the migrations) was 48 KB of the first download,
    /// and a new visitor's first step has no draft to read (docs/performance.md).
    fn read_record(record: JsValue) -> Result<Draft, String> {
        Draft::from_record(&record)
    }
}

/// Every readable draft, newest first; unreadable records are set aside and their ids
/// returned with the reason.
pub async fn list(
    reference: crate::reference::Reference,
) -> Result<(Vec<DraftSummary>, Vec<(String, String)>), StorageError> {
    let tx = transaction(&[DRAFTS], TransactionMode::ReadOnly).await?;
    let all = tx
        .store(DRAFTS)
        .map_err(failed)?
        .get_all(None, None)
        .await
        .map_err(failed)?;
    drop(tx);
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for record in all {
        let id = records::string_of(&record, "id").unwrap_or_else(|| "?".into());
        match Draft::from_record(&record) {
            Ok(draft) => good.push(draft.summary(&reference)),
            Err(reason) => {
                quarantine(&id, &record).await?;
                bad.push((id, reason));
            }
        }
    }
    good.sort_by(|a, b| b.updated_at.total_cmp(&a.updated_at));
    Ok((good, bad))
}

async fn quarantine(id: &str, record: &JsValue) -> Result<(), StorageError> {
    let tx = transaction(&[DRAFTS, QUARANTINE], TransactionMode::ReadWrite).await?;
    let kept = js_sys::Object::new();
    let _ = Reflect::set(&kept, &"id".into(), &JsValue::from_str(id));
    let _ = Reflect::set(&kept, &"record".into(), record);
    let _ = Reflect::set(&kept, &"set_aside_at".into(), &js_sys::Date::now().into());
    tx.store(QUARANTINE)
        .map_err(failed)?
        .put(&kept, None)
        .await
        .map_err(failed)?;
    tx.store(DRAFTS)
        .map_err(failed)?
        .delete(JsValue::from_str(id))
        .await
        .map_err(failed)?;
    commit(tx).await?;
    Ok(())
}

/// How many records have been set aside as unreadable.
pub async fn quarantined_count() -> Result<u32, StorageError> {
    let tx = transaction(&[QUARANTINE], TransactionMode::ReadOnly).await?;
    tx.store(QUARANTINE)
        .map_err(failed)?
        .count(None)
        .await
        .map_err(failed)
}

/// Stores an attachment's bytes as a Blob (never base64 inside the JSON).
pub async fn put_attachment(blob: &AttachmentBlob) -> Result<(), StorageError> {
    kv::put(ATTACHMENTS, &blob.to_record()).await
}

pub async fn get_attachment(id: &str) -> Result<Option<AttachmentBlob>, StorageError> {
    Ok(kv::get(ATTACHMENTS, id)
        .await?
        .and_then(|r| AttachmentBlob::from_record(&r)))
}

pub async fn delete_attachment(id: &str) -> Result<(), StorageError> {
    kv::delete(ATTACHMENTS, id).await
}

pub(crate) async fn attachments_of(draft: &Draft) -> Result<Vec<AttachmentBlob>, StorageError> {
    let mut blobs = Vec::new();
    for a in &draft.application.attachments {
        if let Some(blob) = get_attachment(&a.id).await? {
            blobs.push(blob);
        }
    }
    Ok(blobs)
}

/// Copies a draft (and its attachments) under a new id.
pub async fn duplicate(id: &str, title_suffix: &str) -> Result<Option<Draft>, StorageError> {
    let Ok(Some(mut draft)) = load(id).await? else {
        return Ok(None);
    };
    let blobs = attachments_of(&draft).await?;
    draft.id = new_id();
    draft.revision = 0;
    draft.title = format!("{}{title_suffix}", draft.display_title());
    draft.created_at = now();
    draft.updated_at = now();
    draft.signing = None;
    draft.submission = None;
    for a in &mut draft.application.attachments {
        let new = new_id();
        if let Some(blob) = blobs.iter().find(|b| b.id == a.id) {
            put_attachment(&AttachmentBlob {
                id: new.clone(),
                draft_id: draft.id.clone(),
                blob: blob.blob.clone(),
            })
            .await?;
        }
        a.id = new;
    }
    draft.revision = save(&draft).await?.revision;
    Ok(Some(draft))
}

/// Asks the browser to keep our data under storage pressure; returns whether it agreed.
pub async fn request_persistence() -> bool {
    let Some(storage) = navigator_storage() else {
        return false;
    };
    match storage.persist() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// (used, quota) in bytes, when the browser tells.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = navigator_storage()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?;
    let get = |k: &str| {
        Reflect::get(&estimate, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

fn navigator_storage() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &"storage".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Milliseconds since the epoch, from the browser clock.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A new random id (crypto.randomUUID is in every browser Kaiban supports).
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("id-{}", now() as u64))
}

/// Plain records in the other stores (device keys, the submission outbox): the signing and
/// submission modules keep their own record shapes but never touch rexie themselves.
pub mod kv {
    use super::{commit, failed, transaction, StorageError};
    use rexie::TransactionMode;
    use wasm_bindgen::JsValue;

    pub use super::schema::{KEYS, OUTBOX};

    pub async fn put(store: &str, value: &JsValue) -> Result<(), StorageError> {
        let tx = transaction(&[store], TransactionMode::ReadWrite).await?;
        tx.store(store)
            .map_err(failed)?
            .put(value, None)
            .await
            .map_err(failed)?;
        commit(tx).await
    }

    pub async fn get(store: &str, id: &str) -> Result<Option<JsValue>, StorageError> {
        let tx = transaction(&[store], TransactionMode::ReadOnly).await?;
        let value = tx
            .store(store)
            .map_err(failed)?
            .get(JsValue::from_str(id))
            .await
            .map_err(failed)?;
        Ok(value.filter(|v| !v.is_undefined()))
    }

    pub async fn delete(store: &str, id: &str) -> Result<(), StorageError> {
        let tx = transaction(&[store], TransactionMode::ReadWrite).await?;
        tx.store(store)
            .map_err(failed)?
            .delete(JsValue::from_str(id))
            .await
            .map_err(failed)?;
        commit(tx).await
    }

    pub async fn all(store: &str) -> Result<Vec<JsValue>, StorageError> {
        let tx = transaction(&[store], TransactionMode::ReadOnly).await?;
        tx.store(store)
            .map_err(failed)?
            .get_all(None, None)
            .await
            .map_err(failed)
    }
}
