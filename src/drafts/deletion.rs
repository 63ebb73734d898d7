//! Deleting a draft with everything that belongs to it (attachments, signing keys) in one
//! transaction, and putting it all back within the undo window.

use super::schema::{ATTACHMENTS, DRAFTS, KEYS};
use super::{attachments_of, commit, failed, kv, load, transaction, StorageError};
use super::{AttachmentBlob, Draft};
use js_sys::Reflect;
use rexie::TransactionMode;
use wasm_bindgen::JsValue;

/// What deleting a draft removed, kept for its undo window: the draft, its attachments and
/// its signing keys. When the window ends this is dropped and the keys are gone for good.
#[derive(Clone)]
pub struct Deleted {
    pub draft: Draft,
    pub blobs: Vec<AttachmentBlob>,
    keys: Vec<JsValue>,
}

/// What every signing key's id starts with (ids of earlier versions did not).
pub const KEY_ID_PREFIX: &str = "app:";

/// The id prefix of every signing key made for application (draft) `draft_id`: a key belongs
/// to one application and one person, and is deleted with the draft.
pub fn key_prefix(draft_id: &str) -> String {
    format!("{KEY_ID_PREFIX}{draft_id}:")
}

async fn keys_of(draft_id: &str) -> Result<Vec<JsValue>, StorageError> {
    let prefix = key_prefix(draft_id);
    Ok(kv::all(KEYS)
        .await?
        .into_iter()
        .filter(|record| {
            Reflect::get(record, &"id".into())
                .ok()
                .and_then(|id| id.as_string())
                .is_some_and(|id| id.starts_with(&prefix))
        })
        .collect())
}

/// Deletes a draft, its attachments and its signing keys in one transaction; returns them so
/// the deletion can be undone.
pub async fn delete(id: &str) -> Result<Option<Deleted>, StorageError> {
    let Ok(Some(draft)) = load(id).await? else {
        return Ok(None);
    };
    let blobs = attachments_of(&draft).await?;
    let keys = keys_of(id).await?;
    let tx = transaction(&[DRAFTS, ATTACHMENTS, KEYS], TransactionMode::ReadWrite).await?;
    tx.store(DRAFTS)
        .map_err(failed)?
        .delete(JsValue::from_str(id))
        .await
        .map_err(failed)?;
    let store = tx.store(ATTACHMENTS).map_err(failed)?;
    for blob in &blobs {
        store
            .delete(JsValue::from_str(&blob.id))
            .await
            .map_err(failed)?;
    }
    let store = tx.store(KEYS).map_err(failed)?;
    for key in &keys {
        let id = Reflect::get(key, &"id".into()).unwrap_or(JsValue::NULL);
        store.delete(id).await.map_err(failed)?;
    }
    commit(tx).await?;
    Ok(Some(Deleted { draft, blobs, keys }))
}

/// Puts back a deleted draft, its attachments and its keys exactly as they were.
pub async fn restore(deleted: &Deleted) -> Result<(), StorageError> {
    let tx = transaction(&[DRAFTS, ATTACHMENTS, KEYS], TransactionMode::ReadWrite).await?;
    tx.store(DRAFTS)
        .map_err(failed)?
        .put(&deleted.draft.to_record(deleted.draft.revision), None)
        .await
        .map_err(failed)?;
    let store = tx.store(ATTACHMENTS).map_err(failed)?;
    for blob in &deleted.blobs {
        store.put(&blob.to_record(), None).await.map_err(failed)?;
    }
    let store = tx.store(KEYS).map_err(failed)?;
    for key in &deleted.keys {
        store.put(key, None).await.map_err(failed)?;
    }
    commit(tx).await?;
    Ok(())
}
