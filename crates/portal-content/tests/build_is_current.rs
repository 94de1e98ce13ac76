//! The committed API (`public/api/v1/`) is exactly what `content/` builds to.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `root`: path relative to it → bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// A fresh folder in the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "portal-content-build-{}-{nanos}",
            std::process::id()
        ));
        fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn committed_api_is_what_the_sources_build_to() {
    let out = TempDir::new();
    let run = Command::new(env!("CARGO_BIN_EXE_portal-content"))
        .arg("build")
        .arg(repo().join("content"))
        .arg(&out.0)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "build failed:\n{stderr}");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(stdout.lines().count(), 1, "one-line summary: {stdout}");

    let built = tree(&out.0);
    let committed = tree(&repo().join("public/api/v1"));
    assert!(!built.is_empty());
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    let hint = "run `cargo run -p portal-content -- build content public/api/v1` and commit";
    assert_eq!(names(&committed), names(&built), "files differ: {hint}");
    for (path, bytes) in &built {
        assert!(committed[path] == *bytes, "{path} differs: {hint}");
    }
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let (a, b) = (TempDir::new(), TempDir::new());
    for out in [&a, &b] {
        let ok = Command::new(env!("CARGO_BIN_EXE_portal-content"))
            .args([
                "build".as_ref(),
                repo().join("content").as_os_str(),
                out.0.as_os_str(),
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
    assert_eq!(tree(&a.0), tree(&b.0));
}
