//! Signing keys against the browser's real WebCrypto and IndexedDB (headless Chromium): a
//! key belongs to one application and one person, and goes with its draft.
#![cfg(target_arch = "wasm32")]

use kaiban::drafts::{self, Draft};
use kaiban::signing;
use kaiban_core::model::Person;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn zhang() -> Person {
    Person {
        id: "p-zhang".into(),
        name: "张伟".into(),
        id_number: "520102199003071234".into(),
        ..Default::default()
    }
}

async fn kid(application: &str) -> String {
    signing::device_key(application, &zhang())
        .await
        .map(|k| kaiban_core::package::thumbprint(&k.jwk))
        .expect("a key")
}

#[wasm_bindgen_test]
async fn one_person_gets_another_key_in_another_application_and_none_survives_its_draft() {
    for id in ["keys-a", "keys-b"] {
        drafts::save(&Draft::new(id.into())).await.unwrap();
    }
    let first = kid("keys-a").await;
    assert_eq!(
        kid("keys-a").await,
        first,
        "the same application reuses its key"
    );
    assert_ne!(
        kid("keys-b").await,
        first,
        "the same ID number in another draft gets another key"
    );

    let deleted = drafts::delete("keys-a").await.unwrap().expect("it existed");
    let b = kid("keys-b").await;
    drafts::restore(&deleted).await.unwrap();
    assert_eq!(kid("keys-a").await, first, "undo brings the key back");
    assert_eq!(kid("keys-b").await, b);

    drafts::delete("keys-a").await.unwrap().expect("it existed");
    assert_ne!(
        kid("keys-a").await,
        first,
        "after deletion the old key is gone for good"
    );
}

/// A signer's link opens the standalone app with their token after `#`: on the app's own page,
/// and when the app is mounted in a portal's page (in-page mode), where its assets, not the
/// portal's page, say where the app is.
#[wasm_bindgen_test]
fn a_signing_link_opens_the_standalone_app_wherever_the_app_is_mounted() {
    let page = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .base_uri()
        .unwrap()
        .unwrap();
    let own = kaiban::rounds::signer_link("0123456789ABCDEFGHJKMNPQRS");
    assert!(
        own.ends_with("/#/sign?token=0123456789ABCDEFGHJKMNPQRS"),
        "{own}"
    );
    assert!(own.starts_with(&web_sys::window().unwrap().location().origin().unwrap()));
    kaiban::reference::set_asset_base("https://kaiban.example.gov.cn/app/kaiban-inpage-0a1b2c.css");
    let mounted = kaiban::rounds::signer_link("0123456789ABCDEFGHJKMNPQRS");
    kaiban::reference::set_asset_base(&page);
    assert_eq!(
        mounted,
        "https://kaiban.example.gov.cn/app/#/sign?token=0123456789ABCDEFGHJKMNPQRS"
    );
}
