//! `portal-content`: builds the static content API (`public/api/v1/`) from the editor
//! sources (`content/`). The format of the sources is described in `content/README.md`.
//!
//! - [`source`] parses one file (`site.json`, an article `.txt`, a static page `.txt`);
//! - [`directory`] parses and checks `faq.json`, `helplines.json` and `agencies.json`, and
//!   completes a translation of them from [`FALLBACK_LANGUAGE`];
//! - [`tree`] plans the API files of one language and renders them one at a time;
//! - [`index`] builds the search index of a language, [`xml`] its Atom feeds and the
//!   site's sitemap;
//! - [`build`] reads every language folder, checks across files and languages, completes
//!   each language with the untranslated articles and static pages of
//!   [`FALLBACK_LANGUAGE`], then writes (in parallel, only what changed);
//! - [`check`] validates a built API tree (on disk or over HTTP) against the contract;
//! - [`schema`] writes the JSON Schemas of the API files, [`sample`] synthetic articles.

pub mod check;
pub mod directory;
pub mod index;
pub mod sample;
pub mod schema;
pub mod source;
pub mod tree;
pub mod xml;

use directory::SourceFile;
use indicatif::{ProgressBar, ProgressStyle};
use portal_api::{paths, Agencies, Article, Faq, Helplines, Site, StaticPage};
pub use portal_api::{FALLBACK_LANGUAGE, LANGUAGES};
use rayon::prelude::*;
use source::{ArticleSource, PageSource, SourceError};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use tree::{Listed, Plan};

/// What a build did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Language folders built, in order.
    pub languages: Vec<String>,
    /// Article files written, over all languages (fallbacks included).
    pub articles: usize,
    /// Of `articles`, those served from [`FALLBACK_LANGUAGE`] for want of a translation.
    pub fallbacks: usize,
    /// FAQ questions written, over all languages (fallbacks included).
    pub questions: usize,
    /// Of `questions`, those served from [`FALLBACK_LANGUAGE`].
    pub question_fallbacks: usize,
    /// Helplines written, over all languages (fallbacks included).
    pub helplines: usize,
    /// Of `helplines`, those served from [`FALLBACK_LANGUAGE`].
    pub helpline_fallbacks: usize,
    /// Agencies written, over all languages (fallbacks included).
    pub agencies: usize,
    /// Of `agencies`, those served from [`FALLBACK_LANGUAGE`].
    pub agency_fallbacks: usize,
    /// Static pages written, over all languages (fallbacks included).
    pub pages: usize,
    /// Of `pages`, those served from [`FALLBACK_LANGUAGE`].
    pub page_fallbacks: usize,
    /// Files of the built languages, over all languages.
    pub files: usize,
    /// Of `files`, those already on disk with the same bytes, left untouched.
    pub unchanged: usize,
    /// Stale files removed from the built languages' folders.
    pub removed: usize,
}

/// One language, read and checked.
pub struct Language {
    pub site: Site,
    /// The language's own articles (`lang: None`).
    pub articles: Vec<Article>,
    /// The source of each article, in the same order as `articles`.
    pub sources: Vec<ArticleSource>,
    /// `faq.json`, if the language has one.
    pub faq: Option<SourceFile<Faq>>,
    /// `helplines.json`, if the language has one.
    pub helplines: Option<SourceFile<Helplines>>,
    /// `agencies.json`, if the language has one.
    pub agencies: Option<SourceFile<Agencies>>,
    /// The static pages of `pages/`, sorted by slug.
    pub pages: Vec<PageSource>,
}

/// One language, completed from the fallback language and ready to render.
struct Built<'a> {
    site: &'a Site,
    articles: Vec<Listed<'a>>,
    /// The FAQ and how many of its questions are fallbacks.
    faq: Option<(Faq, usize)>,
    /// The helplines and how many of them are fallbacks.
    helplines: Option<(Helplines, usize)>,
    /// The agencies and how many of them are fallbacks.
    agencies: Option<(Agencies, usize)>,
    /// The static pages, fallbacks marked `lang`.
    pages: Vec<StaticPage>,
}

/// Builds every language folder of `source` into `out/{lang}/`.
///
/// Every folder must be one of [`LANGUAGES`], and [`FALLBACK_LANGUAGE`] must be among them.
/// Each language gets its own articles plus, for every article of the fallback language it
/// has no translation of, the fallback article, marked `lang` and with the category named in
/// the language (see [`complete`]).
///
/// Nothing is written unless every source is valid. Each `out/{lang}/` that is built ends
/// up holding exactly the files of the build (stale ones are removed); other folders of
/// `out` are left alone. With [`Options::sitemap`], the sitemap of the site's pages is
/// written too (not into the API: a sitemap speaks only for its own folder and below).
pub fn build(source: &Path, out: &Path) -> Result<Report, Vec<SourceError>> {
    build_with(source, out, &Options::default())
}

/// How to build.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The app's origin and base, `https://example.org/base/` (ending in `/`): links and ids
    /// in the feeds are absolute under it; without it links are relative (`xml:base`) and ids
    /// URNs.
    pub origin: Option<String>,
    /// The folder of the site (the app's base, `dist/`) to write `sitemap.xml` into; needs
    /// `origin` (the protocol wants absolute URLs).
    pub sitemap: Option<PathBuf>,
}

impl Options {
    /// Options with `origin`, checked: an `http(s)://` URL, made to end in `/`.
    pub fn with_origin(origin: &str) -> Result<Self, String> {
        let rest = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"));
        let ok = rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
            && !origin.contains(char::is_whitespace)
            && !origin.contains(['?', '#']);
        if !ok {
            return Err(format!(
                "bad origin `{origin}`: expected the app's address, such as https://example.org/ or https://example.org/portal/"
            ));
        }
        let origin = match origin.ends_with('/') {
            true => origin.to_string(),
            false => format!("{origin}/"),
        };
        Ok(Self {
            origin: Some(origin),
            sitemap: None,
        })
    }
}

/// [`build`], with options.
pub fn build_with(
    source: &Path,
    out: &Path,
    options: &Options,
) -> Result<Report, Vec<SourceError>> {
    let timer = Timer::new();
    let folders = language_folders(source).map_err(|e| vec![e])?;
    let mut languages = Vec::new();
    let mut errors = Vec::new();
    for lang in &folders {
        match read_language(source, lang) {
            Ok(language) => languages.push(language),
            Err(mut e) => errors.append(&mut e),
        }
    }

    timer.lap("read and parse the sources");
    // Cross-language checks, for every language that could be read on its own.
    let mut built: Vec<Built> = Vec::new();
    match languages.iter().find(|l| l.site.lang == FALLBACK_LANGUAGE) {
        Some(fallback) => {
            for language in &languages {
                let articles = complete(language, fallback, source);
                let faq = complete_directory(
                    language.faq.as_ref(),
                    fallback.faq.as_ref(),
                    &language.site.lang,
                    directory::complete_faq,
                );
                let helplines = complete_directory(
                    language.helplines.as_ref(),
                    fallback.helplines.as_ref(),
                    &language.site.lang,
                    directory::complete_helplines,
                );
                let agencies = complete_directory(
                    language.agencies.as_ref(),
                    fallback.agencies.as_ref(),
                    &language.site.lang,
                    directory::complete_agencies,
                );
                let pages = complete_pages(language, fallback);
                match (articles, faq, helplines, agencies, pages) {
                    (Ok(articles), Ok(faq), Ok(helplines), Ok(agencies), Ok(pages)) => {
                        built.push(Built {
                            site: &language.site,
                            articles,
                            faq,
                            helplines,
                            agencies,
                            pages,
                        })
                    }
                    (articles, faq, helplines, agencies, pages) => {
                        errors.extend(articles.err().into_iter().flatten());
                        errors.extend(faq.err().into_iter().flatten());
                        errors.extend(helplines.err().into_iter().flatten());
                        errors.extend(agencies.err().into_iter().flatten());
                        errors.extend(pages.err().into_iter().flatten());
                    }
                }
            }
        }
        // Not readable: its errors are already reported.
        None if folders.iter().any(|f| f == FALLBACK_LANGUAGE) => {}
        None => {
            let message = format!(
                "no `{FALLBACK_LANGUAGE}/` folder: every language falls back to `{FALLBACK_LANGUAGE}`, so it is required"
            );
            errors.push(SourceError::new(source, None, message));
        }
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(errors);
    }

    let mut report = Report {
        languages: Vec::new(),
        articles: 0,
        fallbacks: 0,
        questions: 0,
        question_fallbacks: 0,
        helplines: 0,
        helpline_fallbacks: 0,
        agencies: 0,
        agency_fallbacks: 0,
        pages: 0,
        page_fallbacks: 0,
        files: 0,
        unchanged: 0,
        removed: 0,
    };
    let mut plans = Vec::with_capacity(built.len());
    for b in built {
        let lang = &b.site.lang;
        report.languages.push(lang.clone());
        report.articles += b.articles.len();
        report.fallbacks += b.articles.iter().filter(|a| a.lang.is_some()).count();
        let mut plan = Plan::new(b.site, b.articles).with_origin(options.origin.as_deref());
        if let Some((faq, fallbacks)) = &b.faq {
            plan.add(paths::faq(lang), tree::json(faq));
            report.questions += faq.topics.iter().map(|t| t.questions.len()).sum::<usize>();
            report.question_fallbacks += fallbacks;
        }
        if let Some((helplines, fallbacks)) = &b.helplines {
            plan.add(paths::helplines(lang), tree::json(helplines));
            report.helplines += helplines
                .groups
                .iter()
                .map(|g| g.entries.len())
                .sum::<usize>();
            report.helpline_fallbacks += fallbacks;
        }
        if let Some((agencies, fallbacks)) = &b.agencies {
            plan.add(paths::agencies(lang), tree::json(agencies));
            report.agencies += agencies.agencies.len();
            report.agency_fallbacks += fallbacks;
        }
        for page in &b.pages {
            plan.add(paths::page(lang, &page.slug), tree::json(page));
            report.pages += 1;
            report.page_fallbacks += usize::from(page.lang.is_some());
        }
        plans.push((plan, b.faq, b.helplines, b.agencies, b.pages));
    }
    timer.lap("complete and plan the languages");
    // The search indexes, from one table of the keys of every article.
    let table = index::TokenTable::new(plans.iter().flat_map(|p| {
        let site = p.0.site.lang.as_str();
        p.0.articles().iter().map(move |l| (site, l))
    }));
    for (plan, faq, helplines, agencies, pages) in &mut plans {
        plan.index(
            &table,
            faq.as_ref().map(|f| &f.0),
            helplines.as_ref().map(|h| &h.0),
            agencies.as_ref().map(|a| &a.0),
            pages,
        );
    }
    drop(table);
    let plans: Vec<Plan> = plans.into_iter().map(|p| p.0).collect();
    timer.lap("index for search");
    let written = write(out, &plans, report.articles, options).map_err(|e| vec![e])?;
    (report.files, report.unchanged, report.removed) = written;
    timer.lap("render and write");
    Ok(report)
}

/// How [`directory`] completes a file from the fallback language's: the completed value and
/// how many of its items are fallbacks.
type Completer<T> =
    fn(Option<&SourceFile<T>>, &SourceFile<T>, &str) -> Result<(T, usize), Vec<SourceError>>;

/// The FAQ or helplines of a language, completed by `complete` from the fallback language's
/// (`None` when neither has the file). A file of a language whose fallback has none is an
/// error: everything is first written in the fallback language.
fn complete_directory<T: Clone>(
    own: Option<&SourceFile<T>>,
    fallback: Option<&SourceFile<T>>,
    lang: &str,
    complete: Completer<T>,
) -> Result<Option<(T, usize)>, Vec<SourceError>> {
    match (own, fallback) {
        (_, Some(fallback)) if lang == FALLBACK_LANGUAGE => Ok(Some((fallback.value.clone(), 0))),
        (own, Some(fallback)) => complete(own, fallback, FALLBACK_LANGUAGE).map(Some),
        (Some(own), None) => {
            let name = own.file.file_name().unwrap_or_default().to_string_lossy();
            let message = format!(
                "`{FALLBACK_LANGUAGE}/` has no {name}: it is first written in `{FALLBACK_LANGUAGE}`, then translated"
            );
            Err(vec![SourceError::new(&own.file, None, message)])
        }
        (None, None) => Ok(None),
    }
}

/// All static pages of `language`, in slug order: its own, each checked against its
/// original in `fallback` (same slug, same `sample` flag), plus every page of `fallback` it
/// has no translation of, marked `lang`. Errors: a page the fallback lacks, a differing
/// `sample` flag.
fn complete_pages(
    language: &Language,
    fallback: &Language,
) -> Result<Vec<StaticPage>, Vec<SourceError>> {
    let fallback_lang = &fallback.site.lang;
    let mut pages: BTreeMap<&str, StaticPage> = BTreeMap::new();
    let mut errors = Vec::new();
    for own in &language.pages {
        let slug = own.page.slug.as_str();
        if language.site.lang != *fallback_lang {
            let Some(original) = fallback.pages.iter().find(|p| p.page.slug == slug) else {
                let message = format!(
                    "page `{slug}` does not exist in `{fallback_lang}`: every page is first written in `{fallback_lang}`, then translated"
                );
                errors.push(SourceError::new(&own.file, Some(own.slug_line), message));
                continue;
            };
            if own.page.sample != original.page.sample {
                let message = format!(
                    "sample {} differs from sample {} of the original, {}",
                    own.page.sample,
                    original.page.sample,
                    original.file.display()
                );
                errors.push(SourceError::new(&own.file, Some(own.sample_line), message));
            }
        }
        pages.insert(slug, own.page.clone());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for original in &fallback.pages {
        pages
            .entry(original.page.slug.as_str())
            .or_insert_with(|| StaticPage {
                lang: Some(fallback_lang.clone()),
                ..original.page.clone()
            });
    }
    Ok(pages.into_values().collect())
}

/// All articles of `language`: its own, checked against their originals in `fallback`, plus
/// every article of `fallback` it has no translation of, marked with `lang` and with its
/// category named as in `language`'s `site.json`. `source` is the folder of the language
/// folders, to name files in errors.
///
/// Errors: a category slug set differing from the fallback's; an article with no original
/// (an id the fallback language lacks); a translation whose date, category or sample flag
/// differs from its original's.
pub fn complete<'a>(
    language: &'a Language,
    fallback: &'a Language,
    source: &Path,
) -> Result<Vec<Listed<'a>>, Vec<SourceError>> {
    let site = &language.site;
    let fallback_dir = source.join(&fallback.site.lang);
    if site.lang == fallback.site.lang {
        return Ok(language.articles.iter().map(Listed::own).collect());
    }
    let mut errors = Vec::new();
    let slugs =
        |s: &Site| -> BTreeSet<String> { s.categories.iter().map(|c| c.slug.clone()).collect() };
    let (mine, theirs) = (slugs(site), slugs(&fallback.site));
    if mine != theirs {
        let list = |set: BTreeSet<&String>| {
            set.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        let missing: BTreeSet<&String> = theirs.difference(&mine).collect();
        let extra: BTreeSet<&String> = mine.difference(&theirs).collect();
        if !missing.is_empty() {
            parts.push(format!("lacks {}", list(missing)));
        }
        if !extra.is_empty() {
            parts.push(format!("has no {}", list(extra)));
        }
        let message = format!(
            "the category slugs must be those of {}: this file {} that one",
            fallback_dir.join("site.json").display(),
            parts.join(" and ")
        );
        let file = source.join(&site.lang).join("site.json");
        errors.push(SourceError::new(&file, None, message));
        // Without the same categories, no fallback article can be named: stop here.
        return Err(errors);
    }

    let originals: BTreeMap<u32, (&Article, &ArticleSource)> = fallback
        .articles
        .iter()
        .zip(&fallback.sources)
        .map(|(a, s)| (a.id, (a, s)))
        .collect();
    for (a, src) in language.articles.iter().zip(&language.sources) {
        let err = |line: usize, message: String| SourceError::new(&src.file, Some(line), message);
        let Some(&(original, original_src)) = originals.get(&a.id) else {
            let message = format!(
                "article {} does not exist in `{}`: every article is first written in `{}` (in {}), then translated",
                a.id,
                fallback.site.lang,
                fallback.site.lang,
                fallback_dir.join("news").display()
            );
            errors.push(err(src.id_line, message));
            continue;
        };
        let of = original_src.file.display();
        if a.date != original.date {
            let message = format!(
                "date {} differs from the date {} of the original, {of}: a translation has the date of its original",
                a.date, original.date
            );
            errors.push(err(src.date_line, message));
        }
        if a.category.slug != original.category.slug {
            let message = format!(
                "category `{}` differs from the category `{}` of the original, {of}: a translation has the category of its original",
                a.category.slug, original.category.slug
            );
            errors.push(err(src.category_line, message));
        }
        if a.sample != original.sample {
            let message = format!(
                "sample {} differs from sample {} of the original, {of}: a translation of sample content is sample content, and of real news, real news",
                a.sample, original.sample
            );
            errors.push(err(src.sample_line, message));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let own: BTreeSet<u32> = language.articles.iter().map(|a| a.id).collect();
    let mut articles: Vec<Listed> = language.articles.iter().map(Listed::own).collect();
    for original in fallback.articles.iter().filter(|a| !own.contains(&a.id)) {
        let category = site
            .categories
            .iter()
            .find(|c| c.slug == original.category.slug)
            .expect("the category slugs were checked to be the same");
        articles.push(Listed {
            article: original,
            category,
            lang: Some(&fallback.site.lang),
        });
    }
    Ok(articles)
}

/// The language folders of `source`, sorted: every subfolder not starting with `.`, each
/// one of [`LANGUAGES`].
fn language_folders(source: &Path) -> Result<Vec<String>, SourceError> {
    let io = |e: std::io::Error| SourceError::new(source, None, format!("cannot read: {e}"));
    let mut langs = Vec::new();
    for entry in fs::read_dir(source).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !entry.file_type().map_err(io)?.is_dir() {
            continue;
        }
        if !LANGUAGES.contains(&name.as_str()) {
            let message = format!(
                "not a language of the portal: a language folder is named by its URL code, one of {}",
                LANGUAGES.join(", ")
            );
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
    let faq = read_optional(&dir.join("faq.json"), directory::parse_faq, &mut errors);
    let helplines = read_optional(
        &dir.join("helplines.json"),
        directory::parse_helplines,
        &mut errors,
    );
    let agencies = read_optional(
        &dir.join("agencies.json"),
        directory::parse_agencies,
        &mut errors,
    );
    let mut pages: Vec<PageSource> = Vec::new();
    for file in
        source_files(&dir.join("pages"), "a static page `{slug}.txt`").map_err(|e| vec![e])?
    {
        match read(&file).and_then(|text| source::parse_page(&file, &text)) {
            Ok(p) => pages.push(p),
            Err(e) => errors.push(e),
        }
    }
    let files = source_files(&dir.join("news"), "an article `{id}-{short-slug}.txt`")
        .map_err(|e| vec![e])?;
    let progress = progress_bar(files.len(), files.len() as u64, "reading");
    // In parallel (a folder can hold 100,000 articles); `collect` keeps the files' order.
    let results: Vec<Result<ArticleSource, SourceError>> = files
        .par_iter()
        .map(|file| {
            let parsed = read(file).and_then(|text| source::parse_article(file, &text));
            progress.inc(1);
            parsed
        })
        .collect();
    progress.finish_and_clear();
    let mut parsed: Vec<ArticleSource> = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(a) => parsed.push(a),
            Err(e) => errors.push(e),
        }
    }

    let mut articles: Vec<Article> = Vec::with_capacity(parsed.len());
    let mut sources: Vec<ArticleSource> = Vec::with_capacity(parsed.len());
    // First file of each id, to report a duplicate (a map: sources can hold 100,000 articles).
    let mut first_of: HashMap<u32, PathBuf> = HashMap::with_capacity(parsed.len());
    for mut a in parsed {
        if let Some(first) = first_of.get(&a.id) {
            let message = format!("id {} is already used by {}", a.id, first.display());
            errors.push(SourceError::new(&a.file, Some(a.id_line), message));
            continue;
        }
        first_of.insert(a.id, a.file.clone());
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
        // The body moves into the article: the source keeps what locates errors.
        articles.push(Article {
            id: a.id,
            title: a.title.clone(),
            date: a.date,
            updated: a.updated,
            category: category.clone(),
            lead: a.lead.clone(),
            body: std::mem::take(&mut a.body),
            byline: a.byline.clone(),
            sample: a.sample,
            lang: None,
            related: Vec::new(),
        });
        sources.push(a);
    }
    if errors.is_empty() {
        Ok(Language {
            site,
            articles,
            sources,
            faq,
            helplines,
            agencies,
            pages,
        })
    } else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(errors)
    }
}

/// The `.txt` files of a `news/` or `pages/` folder, sorted by name. No folder: no files.
/// Any other file (not hidden) is an error, so that no source is silently skipped; `what`
/// names the expected file in that error.
fn source_files(news: &Path, what: &str) -> Result<Vec<PathBuf>, SourceError> {
    if !news.exists() {
        return Ok(Vec::new());
    }
    let io = |e: std::io::Error| SourceError::new(news, None, format!("cannot read: {e}"));
    let mut files = Vec::new();
    for entry in fs::read_dir(news).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        // The type from the folder listing: no `stat` per file (100,000 at scale); a link
        // is followed.
        let file_type = entry.file_type().map_err(io)?;
        let is_file = file_type.is_file() || (file_type.is_symlink() && path.is_file());
        if !is_file || !name.ends_with(".txt") {
            let message = format!("not a source file: expected {what}");
            return Err(SourceError::new(&path, None, message));
        }
        files.push(path);
    }
    files.sort();
    Ok(files)
}

/// Reads and parses `file` if it exists; its errors are appended to `errors`.
fn read_optional<T>(
    file: &Path,
    parse: fn(&Path, &str) -> Result<T, Vec<SourceError>>,
    errors: &mut Vec<SourceError>,
) -> Option<SourceFile<T>> {
    if !file.exists() {
        return None;
    }
    let text = match read(file) {
        Ok(text) => text,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    match parse(file, &text) {
        Ok(value) => Some(SourceFile {
            file: file.to_path_buf(),
            text,
            value,
        }),
        Err(mut e) => {
            errors.append(&mut e);
            None
        }
    }
}

fn read(file: &Path) -> Result<String, SourceError> {
    fs::read_to_string(file).map_err(|e| SourceError::new(file, None, format!("cannot read: {e}")))
}

/// Makes `out/{lang}/` of every plan hold exactly its files: `(files, unchanged, removed)`.
///
/// Files are rendered and written in parallel, one at a time, so that memory does not grow
/// with the size of the tree; a progress bar is shown for big builds on a terminal.
/// A file already there with the same bytes is left untouched, and stale files are removed
/// last, rather than deleting the folder first: a rebuild writes only what changed, and
/// ext4 is very slow to create files just after many were deleted (it skips inodes freed in
/// the last 30 s one by one).
fn write(
    out: &Path,
    plans: &[Plan],
    articles: usize,
    options: &Options,
) -> Result<(usize, usize, usize), SourceError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| SourceError::new(&path, None, format!("cannot write: {e}"))
    };
    let jobs: Vec<(&Plan, tree::Job, String)> = plans
        .iter()
        .flat_map(|plan| {
            plan.jobs()
                .into_iter()
                .map(move |job| (plan, job, plan.path(job)))
        })
        .collect();
    // A language folder that did not exist holds no file to compare with: skip the reads.
    let fresh: HashSet<&str> = plans
        .iter()
        .map(|p| p.site.lang.as_str())
        .filter(|lang| !out.join(lang).exists())
        .collect();
    // Folders first, once each, rather than a `create_dir_all` per file.
    let folders: BTreeSet<&str> = jobs
        .iter()
        .filter_map(|(_, _, path)| path.rsplit_once('/').map(|(dir, _)| dir))
        .collect();
    for folder in &folders {
        let dir = out.join(folder);
        // A file where a folder is needed (left by something else) goes.
        if dir.is_file() {
            fs::remove_file(&dir).map_err(io(&dir))?;
        }
        fs::create_dir_all(&dir).map_err(io(&dir))?;
    }
    let progress = progress_bar(articles, jobs.len() as u64, "writing");
    let unchanged = AtomicUsize::new(0);
    jobs.par_iter().try_for_each(|(plan, job, path)| {
        let file = out.join(path);
        let json = plan.render(*job);
        let old = match fresh.contains(plan.site.lang.as_str()) {
            true => None,
            false => fs::read(&file).ok(),
        };
        match old {
            Some(old) if old == json.as_bytes() => {
                unchanged.fetch_add(1, Ordering::Relaxed);
            }
            _ => {
                if file.is_dir() {
                    fs::remove_dir_all(&file).map_err(io(&file))?;
                }
                fs::write(&file, json).map_err(io(&file))?;
            }
        }
        progress.inc(1);
        Ok(())
    })?;
    progress.finish_and_clear();

    // Stale files: anything else in the built languages' folders.
    let keep: HashSet<&str> = jobs.iter().map(|(_, _, path)| path.as_str()).collect();
    let mut removed = 0;
    for plan in plans {
        let dir = out.join(&plan.site.lang);
        removed += remove_stale(out, &dir, &keep).map_err(io(&dir))?;
    }

    // Sitemaps that earlier builds wrote at the API's root, where they could not speak for
    // the site's pages.
    for entry in fs::read_dir(out).map_err(io(out))? {
        let path = entry.map_err(io(out))?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("sitemap") && name.ends_with(".xml") {
            fs::remove_file(&path).map_err(io(&path))?;
            removed += 1;
        }
    }
    let root_files = match (&options.sitemap, options.origin.as_deref()) {
        (Some(dir), Some(origin)) => write_sitemap(plans, dir, origin)?,
        _ => 0,
    };
    Ok((jobs.len() + root_files, unchanged.into_inner(), removed))
}

/// Writes the sitemap of every language built into `dir`, each page with the same page in
/// the other languages as alternates, split by language when it outgrows one file; returns
/// how many files it wrote. Earlier parts (`sitemap-*.xml`) go.
fn write_sitemap(plans: &[Plan], dir: &Path, origin: &str) -> Result<usize, SourceError> {
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e: std::io::Error| SourceError::new(&p, None, format!("cannot write: {e}"))
    };
    let routes: Vec<_> = plans
        .iter()
        .map(|p| (p.site.lang.clone(), p.routes()))
        .collect();
    // The languages that have each page, by the route after the language code.
    let mut languages: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (lang, list) in &routes {
        for (route, _) in list {
            let tail = &route[lang.len() + 1..];
            languages.entry(tail).or_default().push(lang);
        }
    }
    let by_language: Vec<(String, Vec<xml::SitemapUrl>)> = routes
        .iter()
        .map(|(lang, list)| {
            let urls = list
                .iter()
                .map(|(route, lastmod)| {
                    let tail = &route[lang.len() + 1..];
                    let alternates = languages[tail]
                        .iter()
                        .map(|l| (xml::bcp47(l).to_string(), format!("{l}/{tail}")))
                        .collect();
                    xml::SitemapUrl {
                        route: route.clone(),
                        lastmod: *lastmod,
                        alternates,
                    }
                })
                .collect();
            (lang.clone(), urls)
        })
        .collect();
    let files = xml::sitemap_files(&by_language, origin, xml::SITEMAP_URLS);
    fs::create_dir_all(dir).map_err(io(dir))?;
    for entry in fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.starts_with("sitemap-") && name.ends_with(".xml") {
            fs::remove_file(&path).map_err(io(&path))?;
        }
    }
    for (name, text) in &files {
        let file = dir.join(name);
        fs::write(&file, text).map_err(io(&file))?;
    }
    Ok(files.len())
}

/// Removes every file under `dir` whose path relative to `root` is not in `keep`, and the
/// folders left empty; the number of files removed.
fn remove_stale(root: &Path, dir: &Path, keep: &HashSet<&str>) -> std::io::Result<usize> {
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // The type from the folder listing: no `stat` per file.
        if entry.file_type()?.is_dir() {
            removed += remove_stale(root, &path, keep)?;
            if fs::read_dir(&path)?.next().is_none() {
                fs::remove_dir(&path)?;
            }
            continue;
        }
        let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy();
        if !keep.contains(rel.replace('\\', "/").as_str()) {
            fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Phase timings on stderr when `PORTAL_CONTENT_TIMINGS` is set, for the benchmark.
struct Timer(Option<std::time::Instant>);

impl Timer {
    fn new() -> Self {
        Self(std::env::var_os("PORTAL_CONTENT_TIMINGS").map(|_| std::time::Instant::now()))
    }

    fn lap(&self, what: &str) {
        if let Some(start) = self.0 {
            eprintln!("{:>7.2} s  {what}", start.elapsed().as_secs_f64());
        }
    }
}

/// Builds of fewer articles than this are quick enough to show no progress.
const PROGRESS_FROM: usize = 1000;

/// A progress bar over `len` steps, drawn on stderr only for builds of more than
/// [`PROGRESS_FROM`] articles and only when stderr is a terminal (never in logs or tests).
fn progress_bar(articles: usize, len: u64, what: &'static str) -> ProgressBar {
    if articles <= PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{msg:8} [{bar:40}] {pos}/{len} files, {eta} left")
        .expect("a valid template")
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what);
    bar
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
        // Article 1 in en, and served from en in ru.
        assert_eq!((report.articles, report.fallbacks), (2, 1));
        // Per language: site, one page of all news, one page per category (2), one calendar
        // month, articles, Atom feeds (all and 2 categories), search index (index, one
        // shard, one vocabulary file, one chunk of documents). No sitemap: it belongs to the
        // site, not the API.
        assert_eq!(report.files, (1 + 1 + 2 + 1 + 1 + 3 + 4) * 2);
        assert!(f.out("ru/search/shard/0.json").is_file());
        assert!(f.out("ru/search/vocab/0.json").is_file());
        assert!(!f.out("sitemap.xml").exists());
        assert!(f.out("ru/news/calendar/2017-11.json").is_file());
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
        fs::create_dir_all(f.out("en/news/category/gone/page")).unwrap();
        fs::write(f.out("en/news/category/gone/page/1.json"), "stale").unwrap();
        let report = f.build().unwrap();
        assert_eq!((report.unchanged, report.removed), (0, 2));
        assert!(!f.out("en/news/99.json").exists());
        assert!(
            !f.out("en/news/category/gone").exists(),
            "emptied folders go too"
        );
        assert!(f.out("en/news/1.json").exists());
        assert!(f.out("other/keep.json").exists());

        // A rebuild leaves every file untouched.
        let again = f.build().unwrap();
        assert_eq!((again.unchanged, again.removed), (again.files, 0));
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
        assert!(
            e[0].message
                .contains("not a source file: expected an article"),
            "{}",
            e[0]
        );

        let f = Fixture::new(&[("EN/site.json", &en)]);
        let e = f.build().unwrap_err();
        assert!(e[0].message.contains("URL code"), "{}", e[0]);

        // A well-formed code that is not one of LANGUAGES.
        let kk = site("kk");
        let f = Fixture::new(&[("en/site.json", &en), ("kk/site.json", &kk)]);
        let e = f.build().unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].file.ends_with("kk"), "{}", e[0]);
        assert!(
            e[0].message.contains("one of oz, uz, ru, en, qr"),
            "{}",
            e[0]
        );
        assert!(!f.out("en").exists());
    }

    /// A site whose two categories are named `politics` and `sport` as given.
    fn named_site(lang: &str, politics: &str, sport: &str) -> String {
        format!(
            r#"{{"lang":"{lang}","name":"Portal {lang}","new_on_portal":[],
"categories":[{{"slug":"politics","name":"{politics}"}},{{"slug":"sport","name":"{sport}"}}]}}"#
        )
    }

    fn read_json<T: serde::de::DeserializeOwned>(f: &Fixture, rel: &str) -> T {
        serde_json::from_str(&fs::read_to_string(f.out(rel)).unwrap()).unwrap()
    }

    #[test]
    fn untranslated_articles_are_served_from_en_marked_and_in_the_readers_categories() {
        let (en, ru) = (
            named_site("en", "Politics", "Sport"),
            named_site("ru", "Политика", "Спорт"),
        );
        let (a1, a2, a3) = (
            article(1, "politics"),
            article(2, "politics"),
            article(3, "sport"),
        );
        let ru2 = a2.replace("title: T2", "title: Т2 по-русски");
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/news/1-one.txt", &a1),
            ("en/news/2-two.txt", &a2),
            ("en/news/3-three.txt", &a3),
            ("ru/site.json", &ru),
            ("ru/news/2-two.txt", &ru2),
        ]);
        let report = f.build().unwrap();
        assert_eq!((report.articles, report.fallbacks), (6, 2));

        // The translated article is the language's own: no `lang`.
        let own: Article = read_json(&f, "ru/news/2.json");
        assert_eq!((own.title.as_str(), own.lang), ("Т2 по-русски", None));
        assert_eq!(own.category.name, "Политика");
        // Its related list holds the fallback article 1, marked, in the reader's category.
        assert_eq!(own.related.len(), 1);
        let related = &own.related[0];
        assert_eq!((related.id, related.title.as_str()), (1, "T1"));
        assert_eq!(related.lang.as_deref(), Some("en"));
        assert_eq!(related.category.name, "Политика");

        // Untranslated: the English text, marked, with the Russian category name.
        let fallback: Article = read_json(&f, "ru/news/3.json");
        assert_eq!(fallback.title, "T3");
        assert_eq!(fallback.lang.as_deref(), Some("en"));
        assert_eq!(
            (
                fallback.category.slug.as_str(),
                fallback.category.name.as_str()
            ),
            ("sport", "Спорт")
        );
        let one: Article = read_json(&f, "ru/news/1.json");
        assert_eq!(one.related[0].lang, None, "article 2 is translated");

        // The feeds list all three, each summary marked as its article is.
        let feed: portal_api::NewsPage = read_json(&f, "ru/news/page/1.json");
        let items: Vec<(u32, Option<&str>, &str)> = feed
            .items
            .iter()
            .map(|s| (s.id, s.lang.as_deref(), s.category.name.as_str()))
            .collect();
        assert_eq!(
            items,
            [
                (3, Some("en"), "Спорт"),
                (2, None, "Политика"),
                (1, Some("en"), "Политика")
            ]
        );
        let sport: portal_api::NewsPage = read_json(&f, "ru/news/category/sport/page/1.json");
        assert_eq!(sport.items[0].lang.as_deref(), Some("en"));
        assert_eq!(sport.category.unwrap().name, "Спорт");

        // English output has no `lang` at all.
        for rel in ["en/news/1.json", "en/news/2.json", "en/news/page/1.json"] {
            let text = fs::read_to_string(f.out(rel)).unwrap();
            assert!(!text.contains("\"lang\""), "{rel}: {text}");
        }
    }

    #[test]
    fn a_translation_must_have_an_original_with_the_same_date_category_and_sample() {
        let (en, oz) = (site("en"), site("oz"));
        let a1 = article(1, "politics");
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/news/1-one.txt", &a1),
            ("oz/site.json", &oz),
            // Date (line 3), category (line 4) and sample (line 6) all differ.
            (
                "oz/news/1-one.txt",
                &article(2, "sport")
                    .replace("id: 2", "id: 1")
                    .replace("sample: true", "sample: false"),
            ),
            ("oz/news/5-only-here.txt", &article(5, "politics")),
        ]);
        let errors = f.build().unwrap_err();
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 4, "{shown:#?}");
        assert!(
            shown[0].contains("oz/news/1-one.txt:3: date 2017-11-02 differs from the date 2017-11-01 of the original, "),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].contains(
                "oz/news/1-one.txt:4: category `sport` differs from the category `politics`"
            ),
            "{}",
            shown[1]
        );
        assert!(
            shown[2].contains("oz/news/1-one.txt:6: sample false differs from sample true"),
            "{}",
            shown[2]
        );
        assert!(
            shown[3].contains("oz/news/5-only-here.txt:1: article 5 does not exist in `en`"),
            "{}",
            shown[3]
        );
        assert!(!f.out("en").exists() && !f.out("oz").exists());
    }

    #[test]
    fn every_language_has_the_category_slugs_of_en() {
        let en = site("en");
        let uz = r#"{"lang":"uz","name":"Портал","new_on_portal":[],
"categories":[{"slug":"politics","name":"Сиёсат"},{"slug":"culture","name":"Маданият"}]}"#;
        let f = Fixture::new(&[("en/site.json", &en), ("uz/site.json", uz)]);
        let e = f.build().unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].file.ends_with("uz/site.json"), "{}", e[0]);
        assert!(
            e[0].message.contains("lacks `sport` and has no `culture`"),
            "{}",
            e[0]
        );

        // The same slugs in another display order are fine.
        let qr = r#"{"lang":"qr","name":"Portal","new_on_portal":[],
"categories":[{"slug":"sport","name":"Sport"},{"slug":"politics","name":"Siyasat"}]}"#;
        let f = Fixture::new(&[("en/site.json", &en), ("qr/site.json", qr)]);
        f.build().unwrap();
    }

    #[test]
    fn faq_and_helplines_are_written_completed_from_en_and_checked() {
        let (en, ru, uz) = (site("en"), site("ru"), site("uz"));
        let en_faq = r#"{"topics":[{"id":"portal","title":"Portal","questions":[
{"id":"a","question":"A?","answer":["A."],"sample":true},
{"id":"b","question":"B?","answer":["B."],"sample":true}]}]}"#;
        let ru_faq = r#"{"topics":[{"id":"portal","title":"Портал","questions":[
{"id":"b","question":"Б?","answer":["Б."],"sample":true}]}]}"#;
        let en_lines = r#"{"groups":[{"id":"ministries","name":"Ministries","entries":[
{"id":"health","name":"Health","phones":["+998000120034"],"sample":true}]}]}"#;
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/faq.json", en_faq),
            ("en/helplines.json", en_lines),
            ("ru/site.json", &ru),
            ("ru/faq.json", ru_faq),
            ("uz/site.json", &uz),
        ]);
        let report = f.build().unwrap();
        assert_eq!((report.questions, report.question_fallbacks), (6, 3));
        assert_eq!((report.helplines, report.helpline_fallbacks), (3, 2));
        let ru_out: Faq = read_json(&f, "ru/faq.json");
        assert_eq!(ru_out.topics[0].title, "Портал");
        let q: Vec<(&str, Option<&str>)> = ru_out.topics[0]
            .questions
            .iter()
            .map(|q| (q.question.as_str(), q.lang.as_deref()))
            .collect();
        assert_eq!(q, [("A?", Some("en")), ("Б?", None)]);
        let uz_out: Helplines = read_json(&f, "uz/helplines.json");
        assert_eq!(uz_out.groups[0].entries[0].name, "Health");
        let en_out = fs::read_to_string(f.out("en/faq.json")).unwrap();
        assert!(
            !en_out.contains("\"lang\"") && !en_out.contains('\n'),
            "{en_out}"
        );

        // A file that en lacks, and a bad file: both reported, nothing written.
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("ru/site.json", &ru),
            ("ru/helplines.json", en_lines),
            ("oz/site.json", &site("oz")),
            ("oz/faq.json", &ru_faq.replace("\"b\"", "\"B\"")),
        ]);
        let e: Vec<String> = f
            .build()
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(
            e[0].contains("oz/faq.json:2: bad question id `B`"),
            "{}",
            e[0]
        );
        assert!(e[1].ends_with("ru/helplines.json: `en/` has no helplines.json: it is first written in `en`, then translated"), "{}", e[1]);
        assert!(!f.out("en").exists());
    }

    #[test]
    fn agencies_and_pages_are_written_completed_from_en_and_checked() {
        let (en, ru) = (site("en"), site("ru"));
        let en_agencies = r#"{"agencies":[
{"id":"stats","name":"Statistics Agency","address":"Sample: 1 Example Street","phones":["+998000700001"],"sample":true},
{"id":"ecology","name":"Ecology","address":"Sample: 2 Example Street","phones":[],"sample":true}]}"#;
        let ru_agencies = r#"{"agencies":[
{"id":"ecology","name":"Экология","address":"Пример: ул. Примерная, 2","phones":[],"sample":true}]}"#;
        let page = |slug: &str, title: &str| {
            format!("slug: {slug}\ntitle: {title}\nsample: true\n---\n## Heading\n\nText.\n")
        };
        let (open, about, ru_open) = (
            page("open-government", "Open Government"),
            page("about", "About"),
            page("open-government", "Открытое правительство"),
        );
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/agencies.json", en_agencies),
            ("en/pages/open-government.txt", &open),
            ("en/pages/about.txt", &about),
            ("ru/site.json", &ru),
            ("ru/agencies.json", ru_agencies),
            ("ru/pages/open-government.txt", &ru_open),
        ]);
        let report = f.build().unwrap();
        assert_eq!((report.agencies, report.agency_fallbacks), (4, 1));
        assert_eq!((report.pages, report.page_fallbacks), (4, 1));
        let names: Vec<String> = read_json::<Agencies>(&f, "ru/agencies.json")
            .agencies
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["Statistics Agency", "Экология"]);
        let own: StaticPage = read_json(&f, "ru/pages/open-government.json");
        assert_eq!(
            (own.title.as_str(), own.lang),
            ("Открытое правительство", None)
        );
        assert_eq!(own.body.len(), 2);
        let fallback: StaticPage = read_json(&f, "ru/pages/about.json");
        assert_eq!(
            (fallback.title.as_str(), fallback.lang.as_deref()),
            ("About", Some("en"))
        );
        let en_page = fs::read_to_string(f.out("en/pages/about.json")).unwrap();
        assert!(!en_page.contains("\"lang\""), "{en_page}");

        // A page and an agency en lacks, a differing sample flag.
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/agencies.json", en_agencies),
            ("en/pages/open-government.txt", &open),
            ("ru/site.json", &ru),
            ("ru/agencies.json", &ru_agencies.replace("ecology", "water")),
            ("ru/pages/about.txt", &about),
            (
                "ru/pages/open-government.txt",
                &ru_open.replace("sample: true", "sample: false"),
            ),
        ]);
        let e: Vec<String> = f
            .build()
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(
            e[0].contains("ru/agencies.json:2: agency `water` does not exist"),
            "{}",
            e[0]
        );
        assert!(
            e[1].contains("ru/pages/about.txt:1: page `about` does not exist in `en`"),
            "{}",
            e[1]
        );
        assert!(
            e[2].contains("ru/pages/open-government.txt:3: sample false differs from sample true"),
            "{}",
            e[2]
        );
        assert!(!f.out("en").exists());

        // A misnamed file.
        let f = Fixture::new(&[("en/site.json", &en), ("en/pages/other.txt", &about)]);
        let e = f.build().unwrap_err();
        assert!(
            e[0].to_string()
                .contains("other.txt:1: the file of page `about` must be named `about.txt`"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn feeds_and_sitemap_are_written_escaped_with_relative_or_absolute_links() {
        let ru = named_site("ru", "Политика", "Спорт & <игры>");
        let en = named_site("en", "Politics", "Sport");
        let tricky = article(2, "sport").replace(
            "title: T2",
            r#"title: Кавычки "двойные" и 'одинарные' <тег> & Ўзбекистон"#,
        );
        let f = Fixture::new(&[
            ("en/site.json", &en),
            ("en/news/1-one.txt", &article(1, "politics")),
            ("en/news/2-two.txt", &article(2, "sport")),
            ("ru/site.json", &ru),
            ("ru/news/2-two.txt", &tricky),
        ]);
        f.build().unwrap();
        let feed = fs::read_to_string(f.out("ru/news/feed.atom")).unwrap();
        assert!(feed.contains("<title type=\"text\">Кавычки &quot;двойные&quot; и &apos;одинарные&apos; &lt;тег&gt; &amp; Ўзбекистон</title>"), "{feed}");
        assert!(
            feed.contains("<title>Portal ru — Новости</title>"),
            "{feed}"
        );
        assert!(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"ru/news/2/\"/>"));
        // Resolved against the feed's address, `{base}api/v1/ru/news/feed.atom`.
        assert!(feed.contains(" xml:base=\"../../../../\">"), "{feed}");
        // The untranslated article 1: English text, marked.
        assert!(
            feed.contains("<entry xml:lang=\"en\">\n    <title type=\"text\">T1</title>"),
            "{feed}"
        );
        let sport = fs::read_to_string(f.out("ru/news/category/sport/feed.atom")).unwrap();
        assert!(
            sport.contains("<title>Portal ru — Новости: Спорт &amp; &lt;игры&gt;</title>"),
            "{sport}"
        );
        assert_eq!(sport.matches("<entry").count(), 1);
        assert!(!f.out("sitemap.xml").exists());

        // An earlier build's sitemap in the API goes; with an origin, the links and ids are
        // absolute and the sitemap is written where asked, with the languages of each page.
        fs::write(f.out("sitemap.xml"), "old").unwrap();
        let mut options = Options::with_origin("https://example.org/portal").unwrap();
        options.sitemap = Some(f.0.join("site"));
        build_with(&f.0.join("content"), &f.0.join("out"), &options).unwrap();
        assert!(!f.out("sitemap.xml").exists());
        let feed = fs::read_to_string(f.out("ru/news/feed.atom")).unwrap();
        assert!(
            feed.contains("href=\"https://example.org/portal/ru/news/2/\""),
            "{feed}"
        );
        assert!(
            feed.contains("<id>https://example.org/portal/ru/news/2/</id>"),
            "{feed}"
        );
        assert!(!feed.contains("xml:base"), "{feed}");
        let sitemap = fs::read_to_string(f.0.join("site/sitemap.xml")).unwrap();
        for route in [
            "en/",
            "en/news/",
            "en/news/category/sport/",
            "ru/news/2/",
            "ru/news/1/",
        ] {
            let loc = format!("<url><loc>https://example.org/portal/{route}</loc>");
            assert!(sitemap.contains(&loc), "{route}: {sitemap}");
        }
        assert!(sitemap.contains(
            "<loc>https://example.org/portal/ru/news/2/</loc><lastmod>2017-11-02</lastmod>\
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/portal/en/news/2/\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"https://example.org/portal/ru/news/2/\"/>"
        ), "{sitemap}");
        // `check` wants all five languages and their directories: only those are missing.
        let (report, errors) = check::check(&check::DirTree(f.0.join("out")));
        let errors: Vec<_> = errors
            .iter()
            .filter(|e| !e.message.starts_with("missing: every"))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(report.links > 0);

        for bad in [
            "example.org",
            "ftp://x/",
            "https://",
            "https:///x",
            "https://a b/",
        ] {
            assert!(Options::with_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_fallback_language_is_required() {
        let ru = site("ru");
        let f = Fixture::new(&[("ru/site.json", &ru)]);
        let e = f.build().unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].message.contains("no `en/` folder"), "{}", e[0]);

        // An unreadable en is reported once, as itself.
        let f = Fixture::new(&[("en/site.json", "{"), ("ru/site.json", &ru)]);
        let e = f.build().unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].file.ends_with("en/site.json"), "{}", e[0]);
    }
}
