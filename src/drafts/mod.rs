//! Drafts in IndexedDB. All rexie calls of the app live here. A record keeps the
//! application as kaiban-core JSON (migrated through `kaiban_core::migrate` on load), the
//! step the applicant was on, and timestamps.

use js_sys::{Object, Reflect};
use kaiban_core::model::Application;
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

pub const DATABASE: &str = "kaiban";
/// Bump with every change of stores; rexie deletes stores that are not listed, so every
/// store ever created stays in `open` forever.
pub const DATABASE_VERSION: u32 = 1;
pub const DRAFTS: &str = "drafts";

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub id: String,
    pub application: Application,
    pub step: String,
    pub created_at: f64,
    pub updated_at: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// IndexedDB is missing or refused to open (private mode, blocked by policy).
    Unavailable(String),
    /// A read or write failed.
    Failed(String),
    /// The stored record could not be read as an application.
    Unreadable(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(e) => write!(f, "storage unavailable: {e}"),
            StorageError::Failed(e) => write!(f, "storage failed: {e}"),
            StorageError::Unreadable(e) => write!(f, "stored draft unreadable: {e}"),
        }
    }
}

fn failed(e: rexie::Error) -> StorageError {
    StorageError::Failed(e.to_string())
}

pub async fn open() -> Result<Rexie, StorageError> {
    Rexie::builder(DATABASE)
        .version(DATABASE_VERSION)
        .add_object_store(ObjectStore::new(DRAFTS).key_path("id"))
        .build()
        .await
        .map_err(|e| StorageError::Unavailable(e.to_string()))
}

fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

fn get_string(object: &JsValue, key: &str) -> Option<String> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

fn get_number(object: &JsValue, key: &str) -> f64 {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

fn to_record(draft: &Draft) -> JsValue {
    let record = Object::new();
    set(&record, "id", draft.id.as_str().into());
    set(
        &record,
        "schema_version",
        draft.application.schema_version.into(),
    );
    set(
        &record,
        "application_json",
        serde_json::to_string(&draft.application)
            .expect("the model always serialises")
            .into(),
    );
    set(&record, "step", draft.step.as_str().into());
    set(&record, "created_at", draft.created_at.into());
    set(&record, "updated_at", draft.updated_at.into());
    record.into()
}

fn from_record(record: &JsValue) -> Result<Draft, StorageError> {
    let id = get_string(record, "id").ok_or_else(|| StorageError::Unreadable("no id".into()))?;
    let json = get_string(record, "application_json")
        .ok_or_else(|| StorageError::Unreadable(format!("{id}: no application")))?;
    let application =
        kaiban_core::migrate(&json).map_err(|e| StorageError::Unreadable(format!("{id}: {e}")))?;
    Ok(Draft {
        id,
        application,
        step: get_string(record, "step").unwrap_or_default(),
        created_at: get_number(record, "created_at"),
        updated_at: get_number(record, "updated_at"),
    })
}

pub async fn save(db: &Rexie, draft: &Draft) -> Result<(), StorageError> {
    let tx = db
        .transaction(&[DRAFTS], TransactionMode::ReadWrite)
        .map_err(failed)?;
    let store = tx.store(DRAFTS).map_err(failed)?;
    store.put(&to_record(draft), None).await.map_err(failed)?;
    tx.done().await.map_err(failed)?;
    Ok(())
}

pub async fn load(db: &Rexie, id: &str) -> Result<Option<Draft>, StorageError> {
    let tx = db
        .transaction(&[DRAFTS], TransactionMode::ReadOnly)
        .map_err(failed)?;
    let store = tx.store(DRAFTS).map_err(failed)?;
    let record = store.get(JsValue::from_str(id)).await.map_err(failed)?;
    match record {
        Some(record) if !record.is_undefined() => from_record(&record).map(Some),
        _ => Ok(None),
    }
}

pub async fn delete(db: &Rexie, id: &str) -> Result<(), StorageError> {
    let tx = db
        .transaction(&[DRAFTS], TransactionMode::ReadWrite)
        .map_err(failed)?;
    let store = tx.store(DRAFTS).map_err(failed)?;
    store.delete(JsValue::from_str(id)).await.map_err(failed)?;
    tx.done().await.map_err(failed)?;
    Ok(())
}

/// Milliseconds since the epoch, from the browser clock.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A new random draft id (crypto.randomUUID is in every browser Kaiban supports).
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("draft-{}", now() as u64))
}

thread_local! {
    static DB: std::cell::RefCell<Option<std::rc::Rc<Rexie>>> = const { std::cell::RefCell::new(None) };
}

/// The app's database, opened once per page.
pub async fn db() -> Result<std::rc::Rc<Rexie>, StorageError> {
    if let Some(db) = DB.with(|cell| cell.borrow().clone()) {
        return Ok(db);
    }
    let db = std::rc::Rc::new(open().await?);
    DB.with(|cell| *cell.borrow_mut() = Some(db.clone()));
    Ok(db)
}
