//! `portal-content`: builds the static content API from the editor sources, and checks a
//! built API.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:
  portal-content build <source dir> <out dir> [--origin URL [--sitemap DIR]]
                                                 build the static API, e.g. build content public/api/v1;
                                                 --origin https://example.org/base/ (the app's address) makes
                                                 the links and ids of the feeds absolute; --sitemap dist
                                                 writes the site's sitemap.xml there (it needs the origin)
  portal-content check <api dir | http(s) URL>   validate a whole API tree, e.g. check public/api/v1
  portal-content schema <out dir>                write the JSON Schemas of the API files, e.g. schema docs/schema
  portal-content sample --articles N [--seed S] <source dir>
                                                 add N synthetic sample articles to <source dir>/en/news/;
                                                 run it on a copy: cp -r content /tmp/content-sample";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["build", source, out] => build(source, out, None, None),
        ["build", source, out, "--origin", origin] | ["build", "--origin", origin, source, out] => {
            build(source, out, Some(origin), None)
        }
        ["build", source, out, "--origin", origin, "--sitemap", dir] => {
            build(source, out, Some(origin), Some(dir))
        }
        ["check", root] => check(root),
        ["sample", rest @ ..] => sample(rest),
        ["schema", out] => match portal_content::schema::write(Path::new(out)) {
            Ok(names) => {
                println!("portal-content: {} schemas written to {out}", names.len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("portal-content: cannot write {out}: {e}");
                ExitCode::FAILURE
            }
        },
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        [command, ..] if !["build", "check", "schema", "sample"].contains(command) => {
            eprintln!("unknown command `{command}`\n{USAGE}");
            ExitCode::from(2)
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn sample(args: &[&str]) -> ExitCode {
    let usage = || {
        eprintln!("{USAGE}");
        ExitCode::from(2)
    };
    let (mut count, mut seed, mut dir) = (None, 1u64, None);
    let mut args = args.iter();
    while let Some(&arg) = args.next() {
        match arg {
            "--articles" => match args.next().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n > 0 => count = Some(n),
                _ => return usage(),
            },
            "--seed" => match args.next().and_then(|n| n.parse::<u64>().ok()) {
                Some(n) => seed = n,
                None => return usage(),
            },
            _ if arg.starts_with("--") || dir.is_some() => return usage(),
            _ => dir = Some(arg),
        }
    }
    let (Some(count), Some(dir)) = (count, dir) else {
        return usage();
    };
    let dir = Path::new(dir);
    // The project's own sources sit beside its .git: sample articles must never land there.
    if dir
        .canonicalize()
        .ok()
        .and_then(|d| d.parent().map(|p| p.join(".git").exists()))
        .unwrap_or(false)
    {
        eprintln!(
            "portal-content: {} is the sources of a repository: copy it first, e.g. cp -r {} /tmp/content-sample",
            dir.display(),
            dir.display()
        );
        return ExitCode::from(2);
    }
    match portal_content::sample::write(dir, count, seed) {
        Ok(r) => {
            println!(
                "portal-content: {} sample articles (ids {}–{}, {} to {}) written to {}",
                r.articles,
                r.first_id,
                r.last_id,
                r.first_date,
                r.last_date,
                r.folder.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check(root: &str) -> ExitCode {
    use portal_content::check::{check, DirTree, Tree};
    let tree: Box<dyn Tree> = if root.starts_with("http://") || root.starts_with("https://") {
        #[cfg(feature = "http")]
        {
            Box::new(portal_content::check::HttpTree::new(root))
        }
        #[cfg(not(feature = "http"))]
        {
            eprintln!("portal-content: checking over HTTP needs the `http` feature: cargo run -p portal-content --features http -- check {root}");
            return ExitCode::from(2);
        }
    } else {
        if !Path::new(root).is_dir() {
            eprintln!("portal-content: {root} is not a folder");
            return ExitCode::from(2);
        }
        Box::new(DirTree(root.into()))
    };
    let (report, errors) = check(tree.as_ref());
    for e in &errors {
        eprintln!("error: {e}");
    }
    if errors.is_empty() {
        println!("portal-content: {root} is valid: {report} checked");
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "portal-content: {} error{} in {root} ({report} checked)",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        ExitCode::FAILURE
    }
}

fn build(source: &str, out: &str, origin: Option<&str>, sitemap: Option<&str>) -> ExitCode {
    let mut options = match origin.map(portal_content::Options::with_origin) {
        None => portal_content::Options::default(),
        Some(Ok(options)) => options,
        Some(Err(e)) => {
            eprintln!("portal-content: {e}");
            return ExitCode::from(2);
        }
    };
    options.sitemap = sitemap.map(Into::into);
    match portal_content::build_with(Path::new(source), Path::new(out), &options) {
        Ok(r) => {
            let fallbacks = match r.fallbacks {
                0 => String::new(),
                n => format!(
                    " ({n} untranslated, served in {})",
                    portal_content::FALLBACK_LANGUAGE
                ),
            };
            let fallback = portal_content::FALLBACK_LANGUAGE;
            let mut directory = String::new();
            if r.questions > 0 {
                directory += &format!(", {} FAQ questions", r.questions);
                if r.question_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.question_fallbacks);
                }
            }
            if r.helplines > 0 {
                directory += &format!(", {} helplines", r.helplines);
                if r.helpline_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.helpline_fallbacks);
                }
            }
            if r.agencies > 0 {
                directory += &format!(", {} agencies", r.agencies);
                if r.agency_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.agency_fallbacks);
                }
            }
            if r.pages > 0 {
                directory += &format!(", {} static pages", r.pages);
                if r.page_fallbacks > 0 {
                    directory += &format!(" ({} served in {fallback})", r.page_fallbacks);
                }
            }
            let files = if r.unchanged + r.removed == 0 {
                format!("{} files written to {out}", r.files)
            } else {
                format!(
                    "{} files in {out} ({} written, {} unchanged, {} stale removed)",
                    r.files,
                    r.files - r.unchanged,
                    r.unchanged,
                    r.removed
                )
            };
            println!(
                "portal-content: {} language{} ({}), {} articles{fallbacks}{directory}, {files}",
                r.languages.len(),
                if r.languages.len() == 1 { "" } else { "s" },
                r.languages.join(", "),
                r.articles,
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "portal-content: {} error{}, nothing written",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            ExitCode::FAILURE
        }
    }
}
