//! The drafts module against the browser's real IndexedDB (headless Chromium).
#![cfg(target_arch = "wasm32")]

use kaiban::drafts::{self, AttachmentBlob, Draft, StorageError};
use kaiban_core::model::{Application, EntityType};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample(id: &str) -> Draft {
    let mut draft = Draft::new(id.into());
    draft.application = Application {
        entity_type: Some(EntityType::LimitedPartnership),
        ..Application::default()
    };
    draft.application.name.full = "贵阳云栈投资合伙企业（有限合伙）".into();
    draft.application.capital.registered_fen = Some(123_456_789);
    draft.step = "capital".into();
    draft
}

async fn reload(id: &str) -> Draft {
    drafts::load(id)
        .await
        .expect("storage")
        .expect("readable")
        .expect("present")
}

#[wasm_bindgen_test]
async fn a_draft_round_trips_through_indexeddb() {
    let mut draft = sample("round-trip");
    draft.revision = drafts::save(&draft).await.expect("saved").revision;
    assert_eq!(draft.revision, 1);
    assert_eq!(reload("round-trip").await, draft);
}

#[wasm_bindgen_test]
async fn a_stale_revision_is_refused_and_the_newer_draft_kept() {
    let mut mine = sample("two-tabs");
    mine.revision = drafts::save(&mine).await.unwrap().revision;
    let mut theirs = mine.clone();
    theirs.application.name.full = "贵阳他方科技有限公司".into();
    theirs.revision = drafts::save(&theirs).await.unwrap().revision;
    mine.application.name.full = "贵阳我方科技有限公司".into();
    assert_eq!(
        drafts::save(&mine).await,
        Err(StorageError::Conflict { stored_revision: 2 })
    );
    assert_eq!(
        reload("two-tabs").await.application.name.full,
        "贵阳他方科技有限公司"
    );
}

#[wasm_bindgen_test]
async fn delete_then_restore_brings_back_the_draft_and_its_attachment() {
    let mut draft = sample("undo");
    let blob = web_sys::Blob::new_with_str_sequence(&js_sys::Array::of1(&JsValue::from_str(
        "%PDF-1.4 lease",
    )))
    .unwrap();
    drafts::put_attachment(&AttachmentBlob {
        id: "undo-lease".into(),
        draft_id: "undo".into(),
        blob,
    })
    .await
    .unwrap();
    draft
        .application
        .attachments
        .push(kaiban_core::model::Attachment {
            id: "undo-lease".into(),
            ..Default::default()
        });
    draft.revision = drafts::save(&draft).await.unwrap().revision;
    let deleted = drafts::delete("undo").await.unwrap().expect("it existed");
    assert_eq!(deleted.blobs.len(), 1);
    assert!(drafts::load("undo").await.unwrap().unwrap().is_none());
    assert!(drafts::get_attachment("undo-lease")
        .await
        .unwrap()
        .is_none());
    drafts::restore(&deleted).await.unwrap();
    assert_eq!(reload("undo").await, draft);
    let back = drafts::get_attachment("undo-lease")
        .await
        .unwrap()
        .expect("blob restored");
    assert_eq!(back.blob.size(), 14.0);
}

#[wasm_bindgen_test]
async fn an_unreadable_record_is_set_aside_and_the_others_still_list() {
    let mut good = sample("good-one");
    good.revision = drafts::save(&good).await.unwrap().revision;
    let db = drafts::db().await.unwrap();
    let tx = db
        .transaction(&["drafts"], rexie::TransactionMode::ReadWrite)
        .unwrap();
    let broken = js_sys::Object::new();
    js_sys::Reflect::set(&broken, &"id".into(), &"broken-one".into()).unwrap();
    js_sys::Reflect::set(&broken, &"application_json".into(), &"{not json".into()).unwrap();
    tx.store("drafts")
        .unwrap()
        .put(&broken.into(), None)
        .await
        .unwrap();
    tx.done().await.unwrap();
    let reference = kaiban::reference::Reference::start(
        kaiban::steps::LaterPages::new(),
        Default::default(),
        None,
        Default::default(),
    );
    let (listed, set_aside) = drafts::list(reference).await.unwrap();
    assert!(listed.iter().any(|d| d.id == "good-one"));
    assert!(set_aside.iter().any(|(id, _)| id == "broken-one"));
    assert!(drafts::quarantined_count().await.unwrap() >= 1);
    assert!(
        drafts::load("broken-one").await.unwrap().unwrap().is_none(),
        "moved out of the drafts store"
    );
}

#[wasm_bindgen_test]
async fn an_old_schema_record_is_migrated_on_load() {
    let db = drafts::db().await.unwrap();
    let tx = db
        .transaction(&["drafts"], rexie::TransactionMode::ReadWrite)
        .unwrap();
    let old = js_sys::Object::new();
    js_sys::Reflect::set(&old, &"id".into(), &"v0".into()).unwrap();
    js_sys::Reflect::set(
        &old,
        &"application_json".into(),
        &r#"{"type":"llc","company_name":"贵阳旧版科技有限公司","registered_capital_wan":"50"}"#
            .into(),
    )
    .unwrap();
    tx.store("drafts")
        .unwrap()
        .put(&old.into(), None)
        .await
        .unwrap();
    tx.done().await.unwrap();
    let draft = reload("v0").await;
    assert_eq!(draft.application.name.full, "贵阳旧版科技有限公司");
    assert_eq!(draft.application.capital.registered_fen, Some(50_000_000));
    assert_eq!(
        draft.application.schema_version,
        kaiban_core::model::SCHEMA_VERSION
    );
}
