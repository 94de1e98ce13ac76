//! `portal-content`: builds the static content API (`public/api/v1/`) from the editor
//! sources (`content/`). The format of the sources is described in `content/README.md`.
//!
//! - [`source`] parses one file (`site.json`, an article `.txt`);
//! - [`tree`] renders the API files of one language in memory;
//! - [`build`] reads every language folder, checks across files, then writes.

pub mod source;
pub mod tree;

use portal_api::{Article, Site};
use source::{ArticleSource, SourceError};
use std::fs;
use std::path::{Path, PathBuf};

/// What a build did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Language folders built, in order.
    pub languages: Vec<String>,
    pub articles: usize,
    pub files: usize,
}

/// One language, read and checked.
pub struct Language {
    pub site: Site,
    pub articles: Vec<Article>,
}

/// Builds every language folder of `source` into `out/{lang}/`.
///
/// Nothing is written unless every source is valid. Each `out/{lang}/` that is built is
/// deleted first, so no stale file remains; other folders of `out` are left alone.
pub fn build(source: &Path, out: &Path) -> Result<Report, Vec<SourceError>> {
    let mut languages = Vec::new();
    let mut errors = Vec::new();
    for lang in language_folders(source).map_err(|e| vec![e])? {
        match read_language(source, &lang) {
            Ok(language) => languages.push(language),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut report = Report {
        languages: Vec::new(),
        articles: 0,
        files: 0,
    };
    for language in &languages {
        let lang = &language.site.lang;
        let files = tree::render(&language.site, &language.articles);
        write_language(out, lang, &files).map_err(|e| vec![e])?;
        report.languages.push(lang.clone());
        report.articles += language.articles.len();
        report.files += files.len();
    }
    Ok(report)
}

/// The language folders of `source`, sorted: every subfolder not starting with `.`.
fn language_folders(source: &Path) -> Result<Vec<String>, SourceError> {
    let io = |e: std::io::Error| SourceError::new(source, None, format!("cannot read: {e}"));
    let mut langs = Vec::new();
    for entry in fs::read_dir(source).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.file_type().map_err(io)?.is_dir() {
            continue;
        }
        if !source::is_slug(&name) {
            let message = "a language folder is named by its URL code, such as `en`";
            return Err(SourceError::new(&entry.path(), None, message));
        }
        langs.push(name);
    }
    if langs.is_empty() {
        let message = "no language folder (such as `en/`) to build";
        return Err(SourceError::new(source, None, message));
    }
    langs.sort();
    Ok(langs)
}

/// Reads `source/{lang}/site.json` and `source/{lang}/news/*.txt`, and checks the articles
/// against each other and against the site: all errors found are returned.
pub fn read_language(source: &Path, lang: &str) -> Result<Language, Vec<SourceError>> {
    let dir = source.join(lang);
    let site_file = dir.join("site.json");
    let site = read(&site_file)
        .and_then(|text| source::parse_site(&site_file, lang, &text))
        .map_err(|e| vec![e])?;

    let mut errors = Vec::new();
    let mut parsed: Vec<ArticleSource> = Vec::new();
    for file in article_files(&dir.join("news")).map_err(|e| vec![e])? {
        match read(&file).and_then(|text| source::parse_article(&file, &text)) {
            Ok(a) => parsed.push(a),
            Err(e) => errors.push(e),
        }
    }

    let mut articles: Vec<Article> = Vec::with_capacity(parsed.len());
    for (i, a) in parsed.iter().enumerate() {
        if let Some(first) = parsed[..i].iter().find(|o| o.id == a.id) {
            let message = format!("id {} is already used by {}", a.id, first.file.display());
            errors.push(SourceError::new(&a.file, Some(a.id_line), message));
            continue;
        }
        let Some(category) = site.categories.iter().find(|c| c.slug == a.category) else {
            let known: Vec<&str> = site.categories.iter().map(|c| c.slug.as_str()).collect();
            let message = format!(
                "unknown category `{}` (the categories of {} are: {})",
                a.category,
                site_file.display(),
                known.join(", ")
            );
            errors.push(SourceError::new(&a.file, Some(a.category_line), message));
            continue;
        };
        articles.push(Article {
            id: a.id,
            title: a.title.clone(),
            date: a.date,
            updated: a.updated,
            category: category.clone(),
            lead: a.lead.clone(),
            body: a.body.clone(),
            byline: a.byline.clone(),
            sample: a.sample,
            lang: None,
            related: Vec::new(),
        });
    }
    if errors.is_empty() {
        Ok(Language { site, articles })
    } else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(errors)
    }
}

/// The `.txt` files of a `news/` folder, sorted by name. No folder: no articles.
/// Any other file (not hidden) is an error, so that no article is silently skipped.
fn article_files(news: &Path) -> Result<Vec<PathBuf>, SourceError> {
    if !news.exists() {
        return Ok(Vec::new());
    }
    let io = |e: std::io::Error| SourceError::new(news, None, format!("cannot read: {e}"));
    let mut files = Vec::new();
    for entry in fs::read_dir(news).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if !path.is_file() || !name.ends_with(".txt") {
            let message = "not an article source: expected a file `{id}-{short-slug}.txt`";
            return Err(SourceError::new(&path, None, message));
        }
        files.push(path);
    }
    files.sort();
    Ok(files)
}

fn read(file: &Path) -> Result<String, SourceError> {
    fs::read_to_string(file).map_err(|e| SourceError::new(file, None, format!("cannot read: {e}")))
}

/// Replaces `out/{lang}/` by `files`.
fn write_language(out: &Path, lang: &str, files: &tree::Files) -> Result<(), SourceError> {
    let dir = out.join(lang);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| SourceError::new(&path, None, format!("cannot write: {e}"))
    };
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(io(&dir))?;
    }
    for (rel, json) in files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&path, json).map_err(io(&path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{SystemTime, UNIX_EPOCH};

    /// A source tree in a fresh temp folder, removed on drop.
    struct Fixture(PathBuf);

    impl Fixture {
        fn new(files: &[(&str, &str)]) -> Self {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_nanos();
            let name = format!("portal-content-unit-{}-{nanos}", std::process::id());
            let root = std::env::temp_dir().join(name);
            for (rel, text) in files {
                let path = root.join("content").join(rel);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, text).unwrap();
            }
            Self(root)
        }

        fn build(&self) -> Result<Report, Vec<SourceError>> {
            build(&self.0.join("content"), &self.0.join("out"))
        }

        fn out(&self, rel: &str) -> PathBuf {
            self.0.join("out").join(rel)
        }
    }

    impl Drop for Fixture {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn site(lang: &str) -> String {
        format!(
            r#"{{"lang":"{lang}","name":"Portal","new_on_portal":[],
"categories":[{{"slug":"politics","name":"Politics"}},{{"slug":"sport","name":"Sport"}}]}}"#
        )
    }

    fn article(id: u32, category: &str) -> String {
        format!("id: {id}\ntitle: T{id}\ndate: 2017-11-0{id}\ncategory: {category}\nlead: L.\nsample: true\n---\nBody.\n")
    }

    #[test]
    fn builds_every_language_folder() {
        let (en, ru) = (site("en"), site("ru"));
        let a1 = article(1, "politics");
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/news/1-one.txt", &a1),
            ("en/news/.hidden", "ignored"),
            ("ru/site.json", &ru),
            ("README.md", "not a language"),
        ]);
        let report = f.build().unwrap();
        assert_eq!(report.languages, ["en", "ru"]);
        assert_eq!(report.articles, 1);
        // Per language: site, one page of all news, one page per category (2), articles.
        assert_eq!(report.files, (1 + 1 + 2 + 1) + (1 + 1 + 2));
        assert!(f.out("en/news/1.json").is_file());
        assert!(f.out("ru/news/category/sport/page/1.json").is_file());
    }

    #[test]
    fn stale_files_are_removed_and_other_folders_kept() {
        let en = site("en");
        let a1 = article(1, "politics");
        let f = Fixture::new(&[("en/site.json", &en), ("en/news/1-one.txt", &a1)]);
        fs::create_dir_all(f.out("en/news")).unwrap();
        fs::write(f.out("en/news/99.json"), "stale").unwrap();
        fs::create_dir_all(f.out("other")).unwrap();
        fs::write(f.out("other/keep.json"), "{}").unwrap();
        f.build().unwrap();
        assert!(!f.out("en/news/99.json").exists());
        assert!(f.out("en/news/1.json").exists());
        assert!(f.out("other/keep.json").exists());
    }

    #[test]
    fn cross_file_errors_are_all_reported_and_nothing_is_written() {
        let en = site("en");
        let (a1, a1_again, a2) = (
            article(1, "politics"),
            article(1, "sport"),
            article(2, "weather"),
        );
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/news/1-one.txt", &a1),
            ("en/news/1-two.txt", &a1_again),
            ("en/news/2-three.txt", &a2),
            ("en/news/4-bad.txt", "id: 4\n"),
        ]);
        let errors = f.build().unwrap_err();
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:#?}");
        assert!(
            shown[0].contains("1-two.txt:1: id 1 is already used by "),
            "{}",
            shown[0]
        );
        assert!(shown[0].ends_with("1-one.txt"), "{}", shown[0]);
        assert!(
            shown[1].contains("2-three.txt:4: unknown category `weather`"),
            "{}",
            shown[1]
        );
        assert!(shown[1].ends_with("are: politics, sport)"), "{}", shown[1]);
        let not_closed =
            "4-bad.txt:1: the front matter is not closed: expected a line `---` before the body";
        assert!(shown[2].ends_with(not_closed), "{}", shown[2]);
        assert!(!f.out("en").exists());
    }

    #[test]
    fn folder_problems_are_errors() {
        let f = Fixture::new(&[("README.md", "")]);
        let e = f.build().unwrap_err();
        assert!(e[0].message.contains("no language folder"), "{}", e[0]);

        let f = Fixture::new(&[("en/news/1-one.txt", "")]);
        let e = f.build().unwrap_err();
        assert!(
            e[0].to_string().contains("site.json: cannot read"),
            "{}",
            e[0]
        );

        let en = site("en");
        let f = Fixture::new(&[("en/site.json", &en), ("en/news/1-one.md", "")]);
        let e = f.build().unwrap_err();
        assert!(e[0].message.contains("not an article source"), "{}", e[0]);

        let f = Fixture::new(&[("EN/site.json", &en)]);
        let e = f.build().unwrap_err();
        assert!(e[0].message.contains("URL code"), "{}", e[0]);
    }
}
