//! The database layout. rexie's builder deletes every store it is not told about and ignores
//! key-path changes, so this list only ever grows and key paths never change; migrations
//! happen per record (`schema_version` in each draft, upgraded by kaiban-core).

use super::StorageError;
use rexie::{ObjectStore, Rexie};
use std::cell::RefCell;
use std::rc::Rc;

pub const DATABASE: &str = "kaiban";
/// Bump whenever a store is added (never removed).
pub const DATABASE_VERSION: u32 = 2;

pub const DRAFTS: &str = "drafts";
pub const ATTACHMENTS: &str = "attachments";
pub const QUARANTINE: &str = "quarantine";
pub const OUTBOX: &str = "outbox";
pub const KEYS: &str = "keys";

/// Every store ever created, with its key path. Append only.
const STORES: [(&str, &str); 5] = [
    (DRAFTS, "id"),
    (ATTACHMENTS, "id"),
    (QUARANTINE, "id"),
    (OUTBOX, "id"),
    (KEYS, "id"),
];

async fn open() -> Result<Rexie, StorageError> {
    let mut builder = Rexie::builder(DATABASE).version(DATABASE_VERSION);
    for (name, key_path) in STORES {
        builder = builder.add_object_store(ObjectStore::new(name).key_path(key_path));
    }
    builder
        .build()
        .await
        .map_err(|e| StorageError::Unavailable(e.to_string()))
}

thread_local! {
    static DB: RefCell<Option<Rc<Rexie>>> = const { RefCell::new(None) };
}

/// The app's database, opened once per page.
pub async fn db() -> Result<Rc<Rexie>, StorageError> {
    if let Some(db) = DB.with(|cell| cell.borrow().clone()) {
        return Ok(db);
    }
    let db = Rc::new(open().await?);
    DB.with(|cell| *cell.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Forgets the open handle (after the browser closed the database under us).
pub fn forget() {
    DB.with(|cell| *cell.borrow_mut() = None);
}
