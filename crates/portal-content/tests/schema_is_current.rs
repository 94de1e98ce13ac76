//! The committed JSON Schemas (`docs/schema/`) are what the contract generates.

use std::fs;
use std::path::Path;

#[test]
fn committed_schemas_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
    let hint = "run `cargo run -p portal-content -- schema docs/schema` and commit";
    let mut committed: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}: {hint}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    let generated = portal_content::schema::schemas();
    let mut names: Vec<String> = generated.iter().map(|(n, _)| n.to_string()).collect();
    names.sort();
    assert_eq!(committed, names, "schema files differ: {hint}");
    for (name, text) in generated {
        let on_disk = fs::read_to_string(dir.join(name)).unwrap();
        assert!(on_disk == text, "{name} differs: {hint}");
    }
}
