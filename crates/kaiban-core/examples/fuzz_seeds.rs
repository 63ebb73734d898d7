//! Writes the seed corpora for the fuzz targets in `fuzz/` from the example applications:
//! `cargo run -p kaiban-core --example fuzz_seeds -- fuzz/corpus`.

use kaiban_core::package::Payload;
use kaiban_core::Application;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fuzz/corpus".into()),
    );
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/applications");
    let mut entries: Vec<_> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let json = std::fs::read_to_string(&path).unwrap();
        write(&out.join("application"), &name, json.as_bytes());
        let app: Application = serde_json::from_str(&json).unwrap();
        write(&out.join("name"), &name, app.name.full.as_bytes());
        let mut ids = Vec::new();
        for person in &app.persons {
            ids.push(person.id_number.clone());
            ids.push(person.mobile.clone());
        }
        ids.push(app.domicile.postcode.clone());
        for (i, id) in ids.iter().filter(|s| !s.is_empty()).enumerate() {
            write(
                &out.join("identifiers"),
                &format!("{name}-{i}"),
                id.as_bytes(),
            );
        }
        let payload = Payload::new(&app, format!("seed-{name}"), "2026-01-01T00:00:00Z".into());
        let package = kaiban_core::samples::signed_by_everyone(&payload, 1, 1_767_225_600);
        write(
            &out.join("package_verify"),
            &name,
            package.to_json().as_bytes(),
        );
    }
    for (i, extra) in [
        "91520115MA6DXXXX3K",
        "9152011533722112XA",
        "12.5",
        "1,000.00",
        "2026-02-29",
        "110101199003074258",
    ]
    .iter()
    .enumerate()
    {
        write(
            &out.join("identifiers"),
            &format!("extra-{i}"),
            extra.as_bytes(),
        );
    }
}
