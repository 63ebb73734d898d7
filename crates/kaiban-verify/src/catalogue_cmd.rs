//! `kaiban-verify catalogue FILE`: checks a deployment's business-scope catalogue as the app
//! and the receiver will read it, and prints what kaiban.config.json needs to name it.

use kaiban_core::catalog::{Catalog, ScopeKind};
use kaiban_core::package::sha256_hex;
use serde_json::json;

pub fn run(argv: &[String]) -> u8 {
    let [path] = argv else {
        eprintln!("usage: kaiban-verify catalogue FILE.csv|FILE.json");
        return 2;
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("kaiban-verify: cannot read {path}: {e}");
            return 2;
        }
    };
    let catalog = match Catalog::from_bytes(&bytes) {
        Ok(catalog) => catalog,
        Err(e) => {
            eprintln!("kaiban-verify: {path}: {e}");
            return 1;
        }
    };
    let items = catalog.items();
    let licensed = items.iter().filter(|i| i.kind == ScopeKind::Licensed);
    let summary = json!({
        "catalogue_version": catalog.version(),
        "items": items.len(),
        "licensed": licensed.clone().count(),
        "pre_registration": licensed.filter(|i| i.pre_registration).count(),
        "sha256": sha256_hex(&bytes),
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&summary).expect("the summary serialises")
    );
    0
}
