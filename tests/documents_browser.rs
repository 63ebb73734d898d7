//! The documents generated in the browser (wasm) are byte for byte the ones kaiban-core
//! generates natively: their hashes equal the golden index that the native test checks.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("../crates/kaiban-core/tests/golden/documents/index.json");

const EXAMPLES: [(&str, &str); 7] = [
    (
        "llc",
        include_str!("../crates/kaiban-core/examples/applications/llc.json"),
    ),
    (
        "one_person_llc",
        include_str!("../crates/kaiban-core/examples/applications/one_person_llc.json"),
    ),
    (
        "joint_stock",
        include_str!("../crates/kaiban-core/examples/applications/joint_stock.json"),
    ),
    (
        "general_partnership",
        include_str!("../crates/kaiban-core/examples/applications/general_partnership.json"),
    ),
    (
        "limited_partnership",
        include_str!("../crates/kaiban-core/examples/applications/limited_partnership.json"),
    ),
    (
        "sole_proprietorship",
        include_str!("../crates/kaiban-core/examples/applications/sole_proprietorship.json"),
    ),
    (
        "individual_business",
        include_str!("../crates/kaiban-core/examples/applications/individual_business.json"),
    ),
];

#[wasm_bindgen_test]
fn every_document_hashes_in_wasm_as_it_does_natively() {
    let golden: BTreeMap<String, serde_json::Value> = serde_json::from_str(GOLDEN).unwrap();
    let mut checked = 0;
    for (name, json) in EXAMPLES {
        let app: kaiban_core::Application = serde_json::from_str(json).unwrap();
        for doc in kaiban_core::documents::generate(&app) {
            let key = format!("{name}/{}", doc.id);
            let native = golden
                .get(&key)
                .unwrap_or_else(|| panic!("{key} is not in the golden index"));
            assert_eq!(
                native["sha256"].as_str(),
                Some(doc.sha256().as_str()),
                "{key}"
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        golden.len(),
        "every golden document was generated in the browser"
    );
}
