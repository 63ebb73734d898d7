//! The drafts module against the browser's real IndexedDB (headless Chromium).
#![cfg(target_arch = "wasm32")]

use kaiban::drafts::{self, Draft};
use kaiban_core::model::{Application, EntityType};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample(id: &str) -> Draft {
    let mut application = Application {
        entity_type: Some(EntityType::LimitedPartnership),
        ..Application::default()
    };
    application.name.full = "贵阳云栈投资合伙企业（有限合伙）".into();
    application.capital.registered_fen = Some(123_456_789);
    Draft {
        id: id.into(),
        application,
        step: "capital".into(),
        created_at: 1.0,
        updated_at: 2.0,
    }
}

#[wasm_bindgen_test]
async fn a_draft_round_trips_through_indexeddb() {
    let db = drafts::db().await.expect("IndexedDB opens");
    let draft = sample("round-trip");
    drafts::save(&db, &draft).await.expect("saved");
    let loaded = drafts::load(&db, "round-trip").await.expect("read");
    assert_eq!(loaded, Some(draft));
}

#[wasm_bindgen_test]
async fn saving_again_replaces_and_delete_removes() {
    let db = drafts::db().await.unwrap();
    let mut draft = sample("replace");
    drafts::save(&db, &draft).await.unwrap();
    draft.application.name.full = "贵阳筑云软件有限公司".into();
    draft.updated_at = 3.0;
    drafts::save(&db, &draft).await.unwrap();
    assert_eq!(drafts::load(&db, "replace").await.unwrap(), Some(draft));
    drafts::delete(&db, "replace").await.unwrap();
    assert_eq!(drafts::load(&db, "replace").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_missing_draft_is_none() {
    let db = drafts::db().await.unwrap();
    assert_eq!(drafts::load(&db, "never-saved").await.unwrap(), None);
}
