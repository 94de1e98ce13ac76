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
        stdout.starts_with("portal-content: 1 language (en), 0 articles, 6 files written to "),
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

/// Copies `from` into `to`, recursively.
fn copy(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn sample_adds_deterministic_articles_that_build_and_check() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = temp("sample");
    let (a, b) = (root.join("a"), root.join("b"));
    copy(&repo.join("content"), &a);
    copy(&repo.join("content"), &b);
    let before = fs::read_dir(a.join("en/news")).unwrap().count();
    for dir in [&a, &b] {
        let o = run(&[
            "sample".as_ref(),
            "--articles".as_ref(),
            "60".as_ref(),
            "--seed".as_ref(),
            "9".as_ref(),
            dir.as_os_str(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let news = a.join("en/news");
    let added: Vec<String> = fs::read_dir(&news)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("-sample-"))
        .collect();
    assert_eq!(added.len(), 60);
    assert_eq!(fs::read_dir(&news).unwrap().count(), before + 60);
    for name in &added {
        let text = fs::read_to_string(news.join(name)).unwrap();
        assert_eq!(
            text,
            fs::read_to_string(b.join("en/news").join(name)).unwrap()
        );
        assert!(text.contains("\nsample: true\n"), "{text}");
    }

    // The sources still build, and the build checks.
    let out = root.join("out");
    let o = run(&["build".as_ref(), a.as_os_str(), out.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["check".as_ref(), out.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // Bad arguments, a folder that is not a content folder, the repository's own content.
    let usage = run(&[
        "sample".as_ref(),
        "--articles".as_ref(),
        "0".as_ref(),
        a.as_os_str(),
    ]);
    assert_eq!(usage.status.code(), Some(2));
    let empty = root.join("empty");
    fs::create_dir_all(&empty).unwrap();
    let o = run(&[
        "sample".as_ref(),
        "--articles".as_ref(),
        "1".as_ref(),
        empty.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("en/site.json: cannot read"));
    let own = run(&[
        "sample".as_ref(),
        "--articles".as_ref(),
        "1".as_ref(),
        repo.join("content").as_os_str(),
    ]);
    assert_eq!(own.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&own.stderr).contains("copy it first"));
    let _ = fs::remove_dir_all(&root);
}
