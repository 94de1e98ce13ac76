//! The command line: summary on success, `file:line` errors and exit status 1 on failure.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{SystemTime, UNIX_EPOCH};

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_portal-content"))
        .args(args)
        .output()
        .unwrap()
}

fn temp(name: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    std::env::temp_dir().join(format!(
        "portal-content-cli-{name}-{}-{nanos}",
        std::process::id()
    ))
}

#[test]
fn bad_source_exits_with_1_and_names_file_and_line() {
    let root = temp("bad");
    let news = root.join("content/en/news");
    fs::create_dir_all(&news).unwrap();
    fs::write(
        root.join("content/en/site.json"),
        r#"{"lang":"en","name":"P","new_on_portal":[],"categories":[{"slug":"politics","name":"Politics"}]}"#,
    )
    .unwrap();
    fs::write(
        news.join("3-x.txt"),
        "id: 3\ntitle: T\ndate: 2017-09-31\ncategory: politics\nlead: L\nsample: true\n---\nB\n",
    )
    .unwrap();
    let out = root.join("out");
    let o = run(&[
        "build".as_ref(),
        root.join("content").as_os_str(),
        out.as_os_str(),
    ]);
    let _ = fs::remove_dir_all(&root);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("3-x.txt:3: bad date `2017-09-31`: no such date"),
        "{stderr}"
    );
    assert!(stderr.contains("1 error, nothing written"), "{stderr}");
    assert!(o.stdout.is_empty());
}

#[test]
fn good_source_prints_a_one_line_summary() {
    let root = temp("good");
    fs::create_dir_all(root.join("content/en")).unwrap();
    fs::write(
        root.join("content/en/site.json"),
        r#"{"lang":"en","name":"P","new_on_portal":[],"categories":[{"slug":"politics","name":"Politics"}]}"#,
    )
    .unwrap();
    let out = root.join("out");
    let o = run(&[
        "build".as_ref(),
        root.join("content").as_os_str(),
        out.as_os_str(),
    ]);
    let _ = fs::remove_dir_all(&root);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success());
    assert!(
        stdout.starts_with("portal-content: 1 language (en), 0 articles, 3 files written to "),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1);
}

#[test]
fn wrong_usage_exits_with_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(
        run(&["make".as_ref(), "a".as_ref(), "b".as_ref()])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["check".as_ref()]).status.code(), Some(2));
    let help = run(&["--help".as_ref()]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("portal-content check"));
}
