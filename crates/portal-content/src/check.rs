//! `portal-content check`: validates a whole built API tree, on disk or over HTTP, as the
//! app will read it.
//!
//! Every file is decoded to its contract type, and the files are checked against each
//! other: feed pages (numbers, totals, order, category), every summary against its article,
//! related articles, calendar months against the articles' dates, announcements against the
//! routes they name, ids unique, every language complete. An error names the file and the
//! JSON path of the offending value (`en/news/page/2.json: $.items[3].date: …`).
//!
//! The check follows the links between files, starting from each language's `site.json`,
//! so it works over HTTP where nothing can be listed. On disk it also lists the tree and
//! reports any file that nothing leads to (a stale file the build would have deleted).

use portal_api::{
    paths, Agencies, Article, CalendarMonth, Date, Faq, Helplines, NewsPage, NewsSummary, Site,
    StaticPage, LANGUAGES, PAGE_SIZE,
};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// A problem found in one file, at a JSON path (`$` for the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckError {
    /// Path of the file relative to the API root (`en/news/page/2.json`).
    pub file: String,
    /// JSON path of the value (`$.items[3].date`), `$` for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

/// What a check looked at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub languages: usize,
    /// Files read and decoded.
    pub files: usize,
    /// Article files, over all languages.
    pub articles: usize,
    pub feed_pages: usize,
    pub calendar_months: usize,
    /// Links followed and found to resolve: summaries to articles, related articles,
    /// announcements to routes.
    pub links: usize,
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} languages, {} files ({} articles, {} feed pages, {} calendar months), {} links",
            self.languages,
            self.files,
            self.articles,
            self.feed_pages,
            self.calendar_months,
            self.links
        )
    }
}

/// Where the API files come from (shared by the threads that read article files).
pub trait Tree: Sync {
    /// The text of the file at `rel` (relative to the API root), `Ok(None)` if there is none.
    fn read(&self, rel: &str) -> Result<Option<String>, String>;
    /// Every file of the tree, when it can be listed (a folder; not an HTTP server).
    fn list(&self) -> Option<Vec<String>>;
}

/// An API tree in a folder.
pub struct DirTree(pub PathBuf);

impl Tree for DirTree {
    fn read(&self, rel: &str) -> Result<Option<String>, String> {
        match fs::read_to_string(self.0.join(rel)) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read: {e}")),
        }
    }

    fn list(&self) -> Option<Vec<String>> {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
            let Ok(entries) = fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(root, &path, out);
                } else if let Ok(rel) = path.strip_prefix(root) {
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.0, &self.0, &mut out);
        out.sort();
        Some(out)
    }
}

/// An API served over HTTP(S), read with blocking GETs; it cannot be listed.
#[cfg(feature = "http")]
pub struct HttpTree {
    /// The base URL, ending in `/`.
    pub base: String,
    agent: ureq::Agent,
}

#[cfg(feature = "http")]
impl HttpTree {
    pub fn new(base: &str) -> Self {
        let base = if base.ends_with('/') {
            base.to_string()
        } else {
            format!("{base}/")
        };
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(std::time::Duration::from_secs(30)))
            .build();
        Self {
            base,
            agent: config.into(),
        }
    }
}

#[cfg(feature = "http")]
impl Tree for HttpTree {
    fn read(&self, rel: &str) -> Result<Option<String>, String> {
        let url = format!("{}{rel}", self.base);
        match self.agent.get(&url).call() {
            Ok(mut response) => response
                .body_mut()
                .with_config()
                .limit(64 * 1024 * 1024)
                .read_to_string()
                .map(Some)
                .map_err(|e| format!("cannot read {url}: {e}")),
            Err(ureq::Error::StatusCode(404 | 410)) => Ok(None),
            Err(e) => Err(format!("cannot fetch {url}: {e}")),
        }
    }

    fn list(&self) -> Option<Vec<String>> {
        None
    }
}

/// A place in a file: file and JSON path.
#[derive(Clone, Debug)]
struct At {
    file: String,
    path: String,
}

impl At {
    fn root(file: &str) -> Self {
        Self {
            file: file.to_string(),
            path: "$".into(),
        }
    }

    fn field(&self, name: &str) -> Self {
        Self {
            file: self.file.clone(),
            path: format!("{}.{name}", self.path),
        }
    }

    fn index(&self, i: usize) -> Self {
        Self {
            file: self.file.clone(),
            path: format!("{}[{i}]", self.path),
        }
    }
}

/// What the check keeps of an article: its summary, and its related list to check last.
struct ArticleInfo {
    summary: NewsSummary,
    /// The related summaries, as `(id, fingerprint)`: compared with their articles once all
    /// are read, without keeping 4 summaries per article (500,000 articles at 100,000 a
    /// language). A mismatch is then explained from the file.
    related: Vec<(u32, u64)>,
}

/// A fingerprint of everything a summary repeats of its article.
fn fingerprint(s: &NewsSummary) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        s.id,
        &s.title,
        s.date,
        &s.category,
        &s.lead,
        s.sample,
        &s.lang,
    )
        .hash(&mut h);
    h.finish()
}

/// A file read and decoded, or why not.
enum Fetched<T> {
    Ok(T),
    Missing,
    /// Unreadable (`read: false`) or not of its type.
    Failed {
        error: CheckError,
        read: bool,
    },
}

/// Reads and decodes `rel` as `T`; free of the checker, so that threads can do it.
fn fetch<T: DeserializeOwned>(tree: &dyn Tree, rel: &str) -> Fetched<T> {
    let text = match tree.read(rel) {
        Ok(Some(text)) => text,
        Ok(None) => return Fetched::Missing,
        Err(message) => {
            let error = CheckError {
                file: rel.to_string(),
                path: "$".into(),
                message,
            };
            return Fetched::Failed { error, read: false };
        }
    };
    let de = &mut serde_json::Deserializer::from_str(&text);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(value) => Fetched::Ok(value),
        Err(e) => {
            let error = CheckError {
                file: rel.to_string(),
                path: json_path(e.path()),
                message: format!("does not decode: {}", e.inner()),
            };
            Fetched::Failed { error, read: true }
        }
    }
}

/// The result of reading a file.
enum Got<T> {
    Ok(T),
    Missing,
    /// Unreadable or not of its type: already reported.
    Bad,
}

struct Checker<'t> {
    tree: &'t dyn Tree,
    errors: Vec<CheckError>,
    report: CheckReport,
    /// Every file read or looked for, so that the listing can tell which nothing leads to.
    visited: BTreeSet<String>,
    /// Articles by language and id, read on first use (`None`: no such file, or bad).
    articles: BTreeMap<(String, u32), Option<ArticleInfo>>,
    /// Article files looked for and not found.
    missing: BTreeSet<String>,
    /// Whether a file exists, for routes.
    exists: BTreeMap<String, bool>,
}

/// Checks the API tree `tree`: every error found, and what was checked.
pub fn check(tree: &dyn Tree) -> (CheckReport, Vec<CheckError>) {
    let mut c = Checker {
        tree,
        errors: Vec::new(),
        report: CheckReport::default(),
        visited: BTreeSet::new(),
        articles: BTreeMap::new(),
        missing: BTreeSet::new(),
        exists: BTreeMap::new(),
    };
    let listing = tree.list();
    let mut sites = Vec::new();
    for lang in LANGUAGES {
        let site = c.language(lang, listing.as_deref());
        sites.push((lang, site));
    }
    // Announcements may point to another language: checked once all are read.
    for (lang, site) in &sites {
        if let Some(site) = site {
            c.announcements(lang, site);
        }
    }
    if let Some(listing) = &listing {
        for rel in listing {
            if !c.visited.contains(rel) && !is_extra(rel) {
                c.error(
                    &At::root(rel),
                    "no file of the API leads here: not a file of the contract, or a stale one (the build deletes those)".into(),
                );
            }
        }
    }
    c.report.articles = c.articles.values().filter(|a| a.is_some()).count();
    (c.report, c.errors)
}

/// Files a static host may hold beside the API, which the check ignores: precompressed
/// copies of API files.
fn is_extra(rel: &str) -> bool {
    rel.ends_with(".br") || rel.ends_with(".gz")
}

fn json_path(p: &serde_path_to_error::Path) -> String {
    let s = p.to_string();
    match s.as_str() {
        "." => "$".into(),
        _ if s.starts_with('[') => format!("${s}"),
        _ => format!("$.{s}"),
    }
}

/// `yyyy * 12 + mm - 1`, to step month by month.
fn month_key(d: Date) -> u32 {
    u32::from(d.year()) * 12 + u32::from(d.month()) - 1
}

fn ceil_pages(items: u32) -> u32 {
    items.div_ceil(PAGE_SIZE).max(1)
}

impl Checker<'_> {
    fn error(&mut self, at: &At, message: String) {
        self.errors.push(CheckError {
            file: at.file.clone(),
            path: at.path.clone(),
            message,
        });
    }

    /// Reads and decodes `rel` as `T`; a bad file is reported, a missing one left to the
    /// caller (who knows why it should exist).
    fn load<T: DeserializeOwned>(&mut self, rel: &str) -> Got<T> {
        self.visited.insert(rel.to_string());
        let fetched = fetch(self.tree, rel);
        self.record(fetched)
    }

    /// Counts and reports what [`fetch`] found.
    fn record<T>(&mut self, fetched: Fetched<T>) -> Got<T> {
        match fetched {
            Fetched::Ok(value) => {
                self.report.files += 1;
                Got::Ok(value)
            }
            Fetched::Missing => Got::Missing,
            Fetched::Failed { error, read } => {
                self.report.files += usize::from(read);
                self.errors.push(error);
                Got::Bad
            }
        }
    }

    /// Like [`Self::load`], a missing file being an error with `why` it is required.
    fn required<T: DeserializeOwned>(&mut self, rel: &str, why: &str) -> Option<T> {
        match self.load(rel) {
            Got::Ok(v) => Some(v),
            Got::Missing => {
                self.error(&At::root(rel), format!("missing: {why}"));
                None
            }
            Got::Bad => None,
        }
    }

    /// Whether the file `rel` exists (read once).
    fn file_exists(&mut self, rel: &str) -> bool {
        if let Some(&e) = self.exists.get(rel) {
            return e;
        }
        let e = matches!(self.tree.read(rel), Ok(Some(_)));
        self.exists.insert(rel.to_string(), e);
        e
    }

    /// Checks one language; its site, if it could be read.
    fn language(&mut self, lang: &str, listing: Option<&[String]>) -> Option<Site> {
        self.report.languages += 1;
        let site: Option<Site> =
            self.required(&paths::site(lang), "every language has a site.json");
        if let Some(site) = &site {
            self.site(lang, site);
        }
        let listed = |prefix: &str, suffix: &str| -> Vec<String> {
            listing
                .unwrap_or_default()
                .iter()
                .filter_map(|f| f.strip_prefix(prefix)?.strip_suffix(suffix))
                .filter(|stem| !stem.contains('/'))
                .map(str::to_string)
                .collect()
        };

        // On disk every article file is read, so that one no feed lists is still checked.
        let ids: Vec<u32> = listed(&format!("{lang}/news/"), ".json")
            .iter()
            .filter_map(|stem| {
                stem.parse::<u32>()
                    .ok()
                    .filter(|id| id.to_string() == *stem)
            })
            .collect();
        self.prefetch_articles(lang, &ids);

        let all = self.feed(lang, None, site.as_ref());
        if let Some(all) = &all {
            self.atom(lang, None, all);
        }
        if let Some(site) = &site {
            let mut in_categories = 0;
            for category in &site.categories {
                let (category, name) = (category.slug.clone(), category.name.clone());
                if let Some(items) = self.feed(lang, Some((&category, &name)), Some(site)) {
                    self.atom(lang, Some(&category), &items);
                    in_categories += items.len();
                    if let Some(all) = &all {
                        let in_all: BTreeSet<u32> = all.iter().map(|s| s.id).collect();
                        let rel = paths::news_page(lang, Some(&category), 1);
                        for s in items.iter().filter(|s| !in_all.contains(&s.id)) {
                            let message = format!(
                                "article {} is in the feed of `{category}` but not in the feed of all news, {}",
                                s.id,
                                paths::news_page(lang, None, 1)
                            );
                            self.error(&At::root(&rel), message);
                        }
                    }
                }
            }
            if let Some(all) = &all {
                if in_categories != all.len() {
                    let message = format!(
                        "the feed of all news holds {} articles, the feeds of the categories {in_categories}: every article is in exactly one category",
                        all.len()
                    );
                    self.error(
                        &At::root(&paths::news_page(lang, None, 1)).field("total_items"),
                        message,
                    );
                }
            }
        }

        // Every article (on disk: every file) is in the feed of all news.
        if let Some(all) = &all {
            let in_feed: BTreeSet<u32> = all.iter().map(|s| s.id).collect();
            let missing: Vec<u32> = self
                .articles
                .range((lang.to_string(), 0)..=(lang.to_string(), u32::MAX))
                .filter(|(k, v)| v.is_some() && !in_feed.contains(&k.1))
                .map(|(k, _)| k.1)
                .collect();
            for id in missing {
                let message = format!(
                    "article {id} is not in the feed of all news: every article is listed there"
                );
                self.error(&At::root(&paths::article(lang, id)), message);
            }
        }

        if let Some(site) = &site {
            self.calendar(lang, site);
        }
        self.related(lang);

        if let Some(faq) = self.required::<Faq>(&paths::faq(lang), "every language has one") {
            self.faq(lang, &faq);
        }
        if let Some(h) =
            self.required::<Helplines>(&paths::helplines(lang), "every language has one")
        {
            self.helplines(lang, &h);
        }
        if let Some(a) = self.required::<Agencies>(&paths::agencies(lang), "every language has one")
        {
            self.agencies(lang, &a);
        }
        for slug in listed(&format!("{lang}/pages/"), ".json") {
            self.page(lang, &slug);
        }
        self.search(lang);
        site
    }

    fn site(&mut self, lang: &str, site: &Site) {
        let at = At::root(&paths::site(lang));
        if site.lang != lang {
            let message = format!("`{}` in the folder of `{lang}`", site.lang);
            self.error(&at.field("lang"), message);
        }
        if site.categories.is_empty() {
            self.error(&at.field("categories"), "no category".into());
        }
        let mut seen = BTreeMap::new();
        for (i, c) in site.categories.iter().enumerate() {
            if let Some(first) = seen.insert(c.slug.as_str(), i) {
                let message = format!(
                    "category `{}` repeated (first at $.categories[{first}])",
                    c.slug
                );
                self.error(&at.field("categories").index(i).field("slug"), message);
            }
        }
        if let (Some(first), Some(last)) = (site.first_news, site.last_news) {
            if first > last {
                let message = format!("first_news {first} is after last_news {last}");
                self.error(&at.field("first_news"), message);
            }
        }
    }

    /// The article `id` of `lang`, read on first use.
    fn article(&mut self, lang: &str, id: u32) -> Option<&ArticleInfo> {
        let key = (lang.to_string(), id);
        if !self.articles.contains_key(&key) {
            let got = self.load::<Article>(&paths::article(lang, id));
            self.keep_article(lang, id, got);
        }
        self.articles[&key].as_ref()
    }

    /// Reads the articles `ids` of `lang` in parallel, a block at a time (their bodies are
    /// dropped as soon as they are checked).
    fn prefetch_articles(&mut self, lang: &str, ids: &[u32]) {
        for block in ids.chunks(4096) {
            let tree = self.tree;
            let fetched: Vec<(u32, Fetched<Article>)> = block
                .par_iter()
                .map(|&id| (id, fetch(tree, &paths::article(lang, id))))
                .collect();
            for (id, f) in fetched {
                self.visited.insert(paths::article(lang, id));
                let got = self.record(f);
                self.keep_article(lang, id, got);
            }
        }
    }

    /// Checks what an article file holds on its own, and keeps what later checks need.
    fn keep_article(&mut self, lang: &str, id: u32, got: Got<Article>) {
        let key = (lang.to_string(), id);
        let rel = paths::article(lang, id);
        let info = match got {
            Got::Ok(a) => {
                let at = At::root(&rel);
                if a.id != id {
                    self.error(
                        &at.field("id"),
                        format!("{} in the file of article {id}", a.id),
                    );
                }
                if lang == portal_api::FALLBACK_LANGUAGE && a.lang.is_some() {
                    let message =
                        "set in the fallback language, whose articles are all its own".into();
                    self.error(&at.field("lang"), message);
                }
                // What a related summary can be checked for on its own.
                for (i, r) in a.related.iter().enumerate() {
                    let at = at.field("related").index(i);
                    if r.id == id {
                        let message = "an article is not related to itself".into();
                        self.error(&at.field("id"), message);
                    }
                    if r.category.slug != a.category.slug {
                        let message = format!(
                            "category `{}`: related articles are of the article's category, `{}`",
                            r.category.slug, a.category.slug
                        );
                        self.error(&at.field("category").field("slug"), message);
                    }
                }
                Some(ArticleInfo {
                    summary: crate::tree::summary(&a),
                    related: a.related.iter().map(|r| (r.id, fingerprint(r))).collect(),
                })
            }
            Got::Missing => {
                self.missing.insert(rel);
                None
            }
            Got::Bad => None,
        };
        self.articles.insert(key, info);
    }

    /// Checks a summary at `at` against its article in `lang`: a link.
    fn summary(&mut self, lang: &str, s: &NewsSummary, at: &At) {
        let file = paths::article(lang, s.id);
        let Some(article) = self.article(lang, s.id) else {
            // A bad article file is reported as itself; a missing one here, where it is named.
            if self.missing.contains(&file) {
                self.error(
                    &at.field("id"),
                    format!("article {} has no file {file}", s.id),
                );
            }
            return;
        };
        let a = article.summary.clone();
        self.report.links += 1;
        let mut differs = |field: &str, ok: bool, this: String, theirs: String| {
            if !ok {
                let message = format!("{this} differs from {theirs} in {file}");
                self.error(&at.field(field), message);
            }
        };
        differs(
            "title",
            s.title == a.title,
            format!("{:?}", s.title),
            format!("{:?}", a.title),
        );
        differs(
            "date",
            s.date == a.date,
            s.date.to_string(),
            a.date.to_string(),
        );
        differs(
            "category",
            s.category == a.category,
            format!("{:?}", s.category),
            format!("{:?}", a.category),
        );
        differs(
            "lead",
            s.lead == a.lead,
            format!("{:?}", s.lead),
            format!("{:?}", a.lead),
        );
        differs(
            "sample",
            s.sample == a.sample,
            s.sample.to_string(),
            a.sample.to_string(),
        );
        differs(
            "lang",
            s.lang == a.lang,
            format!("{:?}", s.lang),
            format!("{:?}", a.lang),
        );
    }

    /// Checks every page of one feed (all news, or the category `(slug, name)`); its
    /// summaries in order, if page 1 could be read.
    fn feed(
        &mut self,
        lang: &str,
        category: Option<(&str, &str)>,
        site: Option<&Site>,
    ) -> Option<Vec<NewsSummary>> {
        let slug = category.map(|c| c.0);
        let first_rel = paths::news_page(lang, slug, 1);
        let why = match slug {
            None => "every language has page 1 of its news feed".to_string(),
            Some(s) => format!(
                "every category of {} has page 1 of its feed, `{s}` too",
                paths::site(lang)
            ),
        };
        let first: NewsPage = self.required(&first_rel, &why)?;
        let total_pages = first.total_pages;
        let total_items = first.total_items;
        if total_pages != ceil_pages(total_items) {
            let message = format!(
                "{total_pages}, but {total_items} items at {PAGE_SIZE} a page make {} page(s)",
                ceil_pages(total_items)
            );
            self.error(&At::root(&first_rel).field("total_pages"), message);
        }
        let mut items: Vec<NewsSummary> = Vec::new();
        let mut where_id: BTreeMap<u32, String> = BTreeMap::new();
        let mut previous: Option<(Date, u32)> = None;
        let pages = ceil_pages(total_items).max(total_pages);
        for n in 1..=pages {
            let rel = paths::news_page(lang, slug, n);
            let page: NewsPage = if n == 1 {
                first.clone()
            } else {
                match self.load(&rel) {
                    Got::Ok(p) => p,
                    Got::Missing => {
                        let message =
                            format!("{total_pages} pages, but page {n} ({rel}) is missing");
                        self.error(&At::root(&first_rel).field("total_pages"), message);
                        continue;
                    }
                    Got::Bad => continue,
                }
            };
            self.report.feed_pages += 1;
            let at = At::root(&rel);
            if page.page != n {
                self.error(
                    &at.field("page"),
                    format!("{} in the file of page {n}", page.page),
                );
            }
            if (page.total_pages, page.total_items) != (total_pages, total_items) {
                let message = format!(
                    "total_pages {} and total_items {} differ from page 1's, {total_pages} and {total_items}",
                    page.total_pages, page.total_items
                );
                self.error(&at.field("total_items"), message);
            }
            let size = PAGE_SIZE as usize;
            let want = if n < pages {
                size
            } else {
                (total_items as usize).saturating_sub((pages as usize - 1) * size)
            };
            if page.items.len() != want {
                let message = format!(
                    "{} items, expected {want}: pages before the last hold {PAGE_SIZE}, and all hold {total_items} together",
                    page.items.len()
                );
                self.error(&at.field("items"), message);
            }
            match (slug, &page.category) {
                (None, Some(c)) => {
                    let message = format!("`{}` on a page of the feed of all news", c.slug);
                    self.error(&at.field("category"), message);
                }
                (Some(s), None) => {
                    self.error(
                        &at.field("category"),
                        format!("missing on a page of the feed of `{s}`"),
                    );
                }
                (Some(s), Some(c)) if c.slug != s => {
                    let message = format!("`{}` on a page of the feed of `{s}`", c.slug);
                    self.error(&at.field("category").field("slug"), message);
                }
                _ => {}
            }
            for (i, s) in page.items.iter().enumerate() {
                let at_item = at.field("items").index(i);
                if let Some(first) = where_id.insert(s.id, format!("{rel} $.items[{i}]")) {
                    let message = format!("article {} repeated (first at {first})", s.id);
                    self.error(&at_item.field("id"), message);
                }
                if let Some(slug) = slug {
                    if s.category.slug != slug {
                        let message =
                            format!("category `{}` in the feed of `{slug}`", s.category.slug);
                        self.error(&at_item.field("category").field("slug"), message);
                    }
                }
                if let Some(site) = site {
                    if !site.categories.contains(&s.category) {
                        let message = format!(
                            "category {:?} is not one of {}",
                            s.category,
                            paths::site(lang)
                        );
                        self.error(&at_item.field("category"), message);
                    }
                }
                if let Some((date, id)) = previous {
                    if (s.date, s.id) >= (date, id) {
                        let message = format!(
                            "{} (article {}) after {date} (article {id}): a feed is newest first, and on the same day the higher id first",
                            s.date, s.id
                        );
                        self.error(&at_item.field("date"), message);
                    }
                }
                previous = Some((s.date, s.id));
                self.summary(lang, s, &at_item);
            }
            items.extend(page.items);
        }
        if items.len() != total_items as usize {
            let message = format!("{total_items}, but the pages hold {}", items.len());
            self.error(&At::root(&first_rel).field("total_items"), message);
        }
        Some(items)
    }

    /// Checks the related lists of the articles of `lang` read so far.
    fn related(&mut self, lang: &str) {
        let lists: Vec<(u32, Vec<(u32, u64)>)> = self
            .articles
            .range((lang.to_string(), 0)..=(lang.to_string(), u32::MAX))
            .filter_map(|(k, v)| Some((k.1, v.as_ref()?.related.clone())))
            .collect();
        for (id, related) in lists {
            for (i, (other, print)) in related.into_iter().enumerate() {
                let agrees = self
                    .article(lang, other)
                    .map(|a| fingerprint(&a.summary) == print);
                match agrees {
                    Some(true) => self.report.links += 1,
                    // Missing, or differing: read the summary again to say what is wrong.
                    _ => {
                        let rel = paths::article(lang, id);
                        if let Ok(Some(text)) = self.tree.read(&rel) {
                            if let Ok(a) = serde_json::from_str::<Article>(&text) {
                                let at = At::root(&rel).field("related").index(i);
                                self.summary(lang, &a.related[i], &at);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Checks the calendar months of `lang` against its articles and site. (A month file
    /// outside the range is found by the listing: nothing leads to it.)
    fn calendar(&mut self, lang: &str, site: &Site) {
        let site_at = At::root(&paths::site(lang));
        let dates: BTreeMap<u32, Date> = self
            .articles
            .range((lang.to_string(), 0)..=(lang.to_string(), u32::MAX))
            .filter_map(|(k, v)| Some((k.1, v.as_ref()?.summary.date)))
            .collect();
        let (first, last) = (dates.values().min().copied(), dates.values().max().copied());
        for (field, have, want) in [
            ("first_news", site.first_news, first),
            ("last_news", site.last_news, last),
        ] {
            if have != want {
                let show = |d: Option<Date>| d.map_or("null".to_string(), |d| d.to_string());
                let message = format!(
                    "{}, but the {} article is of {}",
                    show(have),
                    if field == "first_news" {
                        "oldest"
                    } else {
                        "newest"
                    },
                    show(want)
                );
                self.error(&site_at.field(field), message);
            }
        }
        // Which articles each month file should list, and on which day.
        let mut want: BTreeMap<u32, BTreeMap<u32, Date>> = BTreeMap::new();
        for (&id, &date) in &dates {
            want.entry(month_key(date)).or_default().insert(id, date);
        }
        let (Some(first), Some(last)) = (site.first_news, site.last_news) else {
            return;
        };
        let mut months: BTreeSet<u32> = (month_key(first)..=month_key(last)).collect();
        // An article outside the range still has its month checked: its file is missing.
        months.extend(want.keys().copied());
        for key in months {
            let (year, month) = ((key / 12) as u16, (key % 12 + 1) as u8);
            let rel = paths::calendar_month(lang, year, month);
            let at = At::root(&rel);
            let m: CalendarMonth = match self.load(&rel) {
                Got::Ok(m) => m,
                Got::Missing => {
                    let message = format!(
                        "missing: there is a calendar file for every month from first_news to last_news ({first} to {last}) and for the month of every article"
                    );
                    self.error(&at, message);
                    continue;
                }
                Got::Bad => continue,
            };
            self.report.calendar_months += 1;
            if (m.year, m.month) != (year, month) {
                let message = format!("{}-{:02} in the file of {year}-{month:02}", m.year, m.month);
                self.error(&at.field("month"), message);
            }
            let mut expected = want.remove(&key).unwrap_or_default();
            let mut previous_day: Option<Date> = None;
            for (d, day) in m.days.iter().enumerate() {
                let at_day = at.field("days").index(d);
                if (day.date.year(), day.date.month()) != (year, month) {
                    self.error(
                        &at_day.field("date"),
                        format!("{} is not in {year}-{month:02}", day.date),
                    );
                }
                if previous_day.is_some_and(|p| p >= day.date) {
                    self.error(
                        &at_day.field("date"),
                        format!("{}: days are in date order, each once", day.date),
                    );
                }
                previous_day = Some(day.date);
                if day.items.is_empty() {
                    self.error(
                        &at_day.field("items"),
                        "empty: only days that have news are listed".into(),
                    );
                }
                let mut previous: Option<u32> = None;
                for (i, s) in day.items.iter().enumerate() {
                    let at_item = at_day.field("items").index(i);
                    if previous.is_some_and(|p| p <= s.id) {
                        let message = format!("article {} after article {}: on a day, the higher id first, as in the feed", s.id, previous.unwrap_or_default());
                        self.error(&at_item.field("id"), message);
                    }
                    previous = Some(s.id);
                    if s.date != day.date {
                        self.error(
                            &at_item.field("date"),
                            format!("{} on the day {}", s.date, day.date),
                        );
                    }
                    match (expected.get(&s.id).copied(), dates.get(&s.id).copied()) {
                        (Some(d), _) if d == day.date => {
                            expected.remove(&s.id);
                        }
                        (_, Some(d)) if d != day.date => {
                            let message =
                                format!("article {} is of {d}, not of {}", s.id, day.date);
                            self.error(&at_item.field("id"), message);
                        }
                        (_, Some(_)) => {
                            let message = format!("article {} is listed twice", s.id);
                            self.error(&at_item.field("id"), message);
                        }
                        // No such article: reported by the summary check.
                        (_, None) => {}
                    }
                    self.summary(lang, s, &at_item);
                }
            }
            for (id, date) in expected {
                let message = format!(
                    "article {id} of {date} ({}) is not listed: every article is on its day",
                    paths::article(lang, id)
                );
                self.error(&at.field("days"), message);
            }
        }
    }

    /// Reports `id` at `at` if `seen` already holds it (with where it was first).
    fn unique_id(&mut self, seen: &mut BTreeMap<String, String>, id: &str, at: &At, what: &str) {
        if let Some(first) = seen.insert(id.to_string(), at.path.clone()) {
            self.error(
                &at.field("id"),
                format!("{what} id `{id}` repeated (first at {first})"),
            );
        }
    }

    fn faq(&mut self, lang: &str, faq: &Faq) {
        let at = At::root(&paths::faq(lang));
        let mut topics = BTreeMap::new();
        let mut questions = BTreeMap::new();
        for (t, topic) in faq.topics.iter().enumerate() {
            let at_t = at.field("topics").index(t);
            self.unique_id(&mut topics, &topic.id, &at_t, "topic");
            for (q, question) in topic.questions.iter().enumerate() {
                let at_q = at_t.field("questions").index(q);
                self.unique_id(&mut questions, &question.id, &at_q, "question");
                for problem in crate::directory::keywords_problems(&question.id, &question.keywords)
                {
                    self.error(&at_q, problem);
                }
            }
        }
    }

    fn helplines(&mut self, lang: &str, h: &Helplines) {
        let at = At::root(&paths::helplines(lang));
        let mut groups = BTreeMap::new();
        let mut entries = BTreeMap::new();
        for (g, group) in h.groups.iter().enumerate() {
            let at_g = at.field("groups").index(g);
            self.unique_id(&mut groups, &group.id, &at_g, "group");
            for (e, entry) in group.entries.iter().enumerate() {
                let at_e = at_g.field("entries").index(e);
                self.unique_id(&mut entries, &entry.id, &at_e, "helpline");
                self.about_and_topics(&at_e, &entry.id, entry.about.as_deref(), &entry.topics);
            }
        }
    }

    fn agencies(&mut self, lang: &str, a: &Agencies) {
        let at = At::root(&paths::agencies(lang));
        let mut seen = BTreeMap::new();
        for (i, agency) in a.agencies.iter().enumerate() {
            let at_a = at.field("agencies").index(i);
            self.unique_id(&mut seen, &agency.id, &at_a, "agency");
            self.about_and_topics(&at_a, &agency.id, agency.about.as_deref(), &agency.topics);
        }
    }

    /// A helpline's or agency's description and topics are short lines of plain text, as
    /// the content tool requires of its sources: an API from elsewhere is held to the same.
    fn about_and_topics(&mut self, at: &At, id: &str, about: Option<&str>, topics: &[String]) {
        for problem in crate::directory::about_and_topics_problems(id, about, topics) {
            self.error(at, problem);
        }
    }

    fn page(&mut self, lang: &str, slug: &str) {
        let rel = paths::page(lang, slug);
        if let Got::Ok(page) = self.load::<StaticPage>(&rel) {
            if page.slug != slug {
                let message = format!("`{}` in the file of page `{slug}`", page.slug);
                self.error(&At::root(&rel).field("slug"), message);
            }
        }
    }

    /// The file whose existence makes `route` (an app route, `en/faq`) resolve.
    fn route_file(route: &str) -> Result<String, String> {
        let route = route.split(['?', '#']).next().unwrap_or_default();
        let (lang, rest) = route.split_once('/').unwrap_or((route, ""));
        if !LANGUAGES.contains(&lang) {
            return Err(format!(
                "`{lang}` is not a language: a route starts with one of {}",
                LANGUAGES.join(", ")
            ));
        }
        let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
        let number = |s: &str| {
            s.parse::<u32>()
                .ok()
                .filter(|n| n.to_string() == s && *n > 0)
        };
        let file = match parts.as_slice() {
            [] => paths::site(lang),
            ["faq"] => paths::faq(lang),
            ["helplines"] => paths::helplines(lang),
            ["agencies"] => paths::agencies(lang),
            ["search"] => paths::site(lang),
            ["news"] => paths::news_page(lang, None, 1),
            ["news", "page", n] if number(n).is_some() => {
                paths::news_page(lang, None, number(n).unwrap_or(1))
            }
            ["news", "category", c] => paths::news_page(lang, Some(c), 1),
            ["news", "category", c, "page", n] if number(n).is_some() => {
                paths::news_page(lang, Some(c), number(n).unwrap_or(1))
            }
            ["news", id] if number(id).is_some() => paths::article(lang, number(id).unwrap_or(0)),
            ["pages", slug] => paths::page(lang, slug),
            _ => return Err(format!("`{route}` is not a route of the app")),
        };
        Ok(file)
    }

    /// Checks the search index of `lang`: its files decode and agree with each other (keys
    /// in the shards and vocabulary files that `index.json` says, postings ascending and in
    /// range, kinds and years of the documents as its ranges say), every article is a
    /// document, every document's route resolves, and every key of a news title is indexed
    /// with its document (unless the key's list is full).
    fn search(&mut self, lang: &str) {
        use portal_api::search::{rank::MAX_IMPACT, DOCS_PER_CHUNK};
        use portal_api::search::{
            typo, Analyser, DocKind, SearchDocs, SearchIndex, SearchShard, SearchVocab,
        };
        let index_rel = paths::search_index(lang);
        let Some(index) =
            self.required::<SearchIndex>(&index_rel, "every language has a search index")
        else {
            return;
        };
        let at = At::root(&index_rel);
        if index.docs_per_chunk != DOCS_PER_CHUNK {
            let message = format!(
                "{}, but the app reads {DOCS_PER_CHUNK} documents a chunk",
                index.docs_per_chunk
            );
            self.error(&at.field("docs_per_chunk"), message);
            return;
        }
        let mut next = 0;
        for (i, r) in index.ranges.iter().enumerate() {
            if r.first != next || r.end <= r.first || (r.kind == DocKind::News) != r.year.is_some()
            {
                let message = format!(
                    "documents {}..{} ({:?}, year {:?}): ranges follow each other from 0, news with a year, others without",
                    r.first, r.end, r.kind, r.year
                );
                self.error(&at.field("ranges").index(i), message);
            }
            next = r.end;
        }
        if next != index.docs {
            let message = format!("the ranges end at {next}, not at {} documents", index.docs);
            self.error(&at.field("ranges"), message);
        }
        // Key → documents, over all shards.
        let mut refs: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (s, first) in index.shards.iter().enumerate() {
            let rel = paths::search_shard(lang, s);
            let shard: SearchShard = match self.load(&rel) {
                Got::Ok(shard) => shard,
                Got::Missing => {
                    let message = format!("lists shard {s}, but {rel} is missing");
                    self.error(&at.field("shards").index(s), message);
                    continue;
                }
                Got::Bad => continue,
            };
            let end = index.shards.get(s + 1);
            let at = At::root(&rel).field("terms");
            let mut previous: Option<&str> = None;
            for (i, term) in shard.terms.iter().enumerate() {
                let at = at.index(i);
                let key = term.key();
                if previous.is_some_and(|p| p >= key) {
                    let message = format!(
                        "`{key}` after `{}`: keys are sorted, each once",
                        previous.unwrap_or_default()
                    );
                    self.error(&at, message);
                }
                previous = Some(key);
                if key < first.as_str() || end.is_some_and(|e| key >= e.as_str()) {
                    let message = format!(
                        "`{key}` does not belong here: shard {s} holds keys from `{first}` to `{}`",
                        end.map(String::as_str).unwrap_or("the end")
                    );
                    self.error(&at, message);
                }
                let postings: Vec<(u32, u32)> = term.postings().collect();
                let ascending = postings.windows(2).all(|w| w[0].0 < w[1].0);
                if !ascending
                    || term.2.len() % 2 != 0
                    || postings.is_empty()
                    || postings.len() > index.max_postings as usize
                    || (term.df() as usize) < postings.len()
                    || postings.last().is_some_and(|p| p.0 >= index.docs)
                    || postings.iter().any(|p| p.1 == 0 || p.1 > MAX_IMPACT)
                {
                    let message = format!(
                        "the postings of `{key}` are not 1 to {} pairs (gap, impact 1..={MAX_IMPACT}) of distinct ascending documents below {}, at most df ({})",
                        index.max_postings, index.docs, term.df()
                    );
                    self.error(&at, message);
                }
                refs.insert(key.to_string(), postings.into_iter().map(|p| p.0).collect());
            }
        }
        // The vocabulary by last letters: every key once, in the file its reversal says.
        let mut in_vocab = 0;
        for (v, first) in index.vocab.iter().enumerate() {
            let rel = paths::search_vocab(lang, v);
            let vocab: SearchVocab = match self.load(&rel) {
                Got::Ok(vocab) => vocab,
                Got::Missing => {
                    let message = format!("lists vocabulary file {v}, but {rel} is missing");
                    self.error(&at.field("vocab").index(v), message);
                    continue;
                }
                Got::Bad => continue,
            };
            let end = index.vocab.get(v + 1);
            let mut previous: Option<String> = None;
            for (i, key) in vocab.keys.iter().enumerate() {
                let rev = typo::reversed(key);
                let sorted = previous.as_ref().is_none_or(|p| *p < rev);
                let inside = rev >= *first && end.is_none_or(|e| rev < *e);
                if !sorted || !inside || !refs.contains_key(key) {
                    let message = format!(
                        "`{key}`: the keys of vocabulary file {v} are keys of the shards, sorted by their reversal from `{first}`, each once"
                    );
                    self.error(&At::root(&rel).field("keys").index(i), message);
                }
                previous = Some(rev);
                in_vocab += 1;
            }
        }
        if in_vocab != refs.len() {
            let message = format!(
                "{in_vocab} keys in the vocabulary files, {} in the shards: each key is in both",
                refs.len()
            );
            self.error(&at.field("vocab"), message);
        }
        // The documents, chunk by chunk.
        let mut news_docs = 0;
        let chunks = index.docs.div_ceil(DOCS_PER_CHUNK);
        for c in 0..chunks {
            let rel = paths::search_docs(lang, c);
            let docs: SearchDocs = match self.load(&rel) {
                Got::Ok(d) => d,
                Got::Missing => {
                    let message =
                        format!("{} documents, but chunk {c} ({rel}) is missing", index.docs);
                    self.error(&at.field("docs"), message);
                    continue;
                }
                Got::Bad => continue,
            };
            let at = At::root(&rel);
            let first = c * DOCS_PER_CHUNK;
            let want = (index.docs - first).min(DOCS_PER_CHUNK) as usize;
            if docs.first != first || docs.docs.len() != want {
                let message = format!(
                    "documents {}.. ({} of them), expected {first}.. ({want})",
                    docs.first,
                    docs.docs.len()
                );
                self.error(&at.field("first"), message);
            }
            for (i, doc) in docs.docs.iter().enumerate() {
                let at = at.field("docs").index(i);
                let r = first + i as u32;
                match Self::route_file(&doc.route) {
                    Ok(file) if self.visited.contains(&file) || self.file_exists(&file) => {
                        self.report.links += 1
                    }
                    Ok(file) => {
                        let message =
                            format!("`{}` leads nowhere: {file} does not exist", doc.route);
                        self.error(&at.field("route"), message);
                    }
                    Err(message) => self.error(&at.field("route"), message),
                }
                let range = index.ranges.iter().find(|g| g.first <= r && r < g.end);
                let year = doc.date.map(|d| d.year());
                if range.is_none_or(|g| g.kind != doc.kind || g.year != year) {
                    let message = format!(
                        "a {:?} of year {year:?}, but the index's ranges say otherwise",
                        doc.kind
                    );
                    self.error(&at.field("kind"), message);
                }
                if doc.kind != DocKind::News {
                    continue;
                }
                news_docs += 1;
                let id = doc
                    .route
                    .trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .and_then(|i| i.parse::<u32>().ok())
                    .unwrap_or(0);
                if let Some(a) = self
                    .articles
                    .get(&(lang.to_string(), id))
                    .and_then(Option::as_ref)
                {
                    if a.summary.title != doc.title {
                        let message = format!(
                            "{:?} differs from the title of article {id}, {:?}",
                            doc.title, a.summary.title
                        );
                        self.error(&at.field("title"), message);
                    }
                }
                let analyser = Analyser::of_text(lang, doc.lang.as_deref());
                for key in analyser.keys(&doc.title) {
                    let listed = refs.get(&key).is_some_and(|l| {
                        l.binary_search(&r).is_ok() || l.len() >= index.max_postings as usize
                    });
                    if !listed {
                        let message =
                            format!("the title's key `{key}` is not indexed with document {r}");
                        self.error(&at.field("title"), message);
                        break;
                    }
                }
            }
        }
        let articles = self
            .articles
            .range((lang.to_string(), 0)..=(lang.to_string(), u32::MAX))
            .filter(|(_, a)| a.is_some())
            .count();
        if news_docs != articles {
            let message = format!(
                "{news_docs} news documents, but {articles} articles: every article is a document"
            );
            self.error(&at.field("docs"), message);
        }
    }

    /// Checks the Atom feed of a feed whose summaries are `items`: it exists, is an Atom
    /// feed, and its entries link to the newest articles of the feed, in order.
    fn atom(&mut self, lang: &str, category: Option<&str>, items: &[NewsSummary]) {
        let rel = paths::news_feed(lang, category);
        self.visited.insert(rel.clone());
        let at = At::root(&rel);
        let text = match self.tree.read(&rel) {
            Ok(Some(text)) => text,
            Ok(None) => {
                let message = "missing: every feed of the news has its Atom feed".into();
                self.error(&at, message);
                return;
            }
            Err(e) => return self.error(&at, e),
        };
        self.report.files += 1;
        if !text.starts_with("<?xml")
            || !text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
        {
            return self.error(&at, "not an Atom feed: expected `<?xml …?>` and `<feed xmlns=\"http://www.w3.org/2005/Atom\"`".into());
        }
        let linked: Vec<Option<u32>> = text
            .split("<entry")
            .skip(1)
            .map(|entry| {
                let href = entry
                    .split("<link rel=\"alternate\" type=\"text/html\" href=\"")
                    .nth(1)?;
                // The page's folder form: `en/news/46/`.
                let href = href[..href.find('"')?].trim_end_matches('/');
                href.rsplit('/').next()?.parse().ok()
            })
            .collect();
        let want: Vec<Option<u32>> = items
            .iter()
            .take(crate::xml::FEED_ENTRIES)
            .map(|s| Some(s.id))
            .collect();
        if linked != want {
            let show = |ids: &[Option<u32>]| {
                ids.iter()
                    .map(|i| i.map_or("?".to_string(), |i| i.to_string()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let message = format!(
                "the entries link to the articles [{}], but the newest of the feed are [{}]",
                show(&linked),
                show(&want)
            );
            self.error(&at.field("entry"), message);
        } else {
            self.report.links += linked.len();
        }
    }

    fn announcements(&mut self, lang: &str, site: &Site) {
        let at = At::root(&paths::site(lang)).field("new_on_portal");
        for (i, a) in site.new_on_portal.iter().enumerate() {
            let at = at.index(i).field("path");
            match Self::route_file(&a.path) {
                Ok(file) => {
                    if !self.file_exists(&file) {
                        let message = format!("`{}` leads nowhere: {file} does not exist", a.path);
                        self.error(&at, message);
                        continue;
                    }
                    self.report.links += 1;
                    // Over HTTP, a static page only an announcement leads to is checked here.
                    let page = file.split_once("/pages/").and_then(|(l, f)| {
                        Some((l.to_string(), f.strip_suffix(".json")?.to_string()))
                    });
                    if let Some((l, slug)) = page {
                        if !self.visited.contains(&file) {
                            self.page(&l, &slug);
                        }
                    }
                }
                Err(message) => self.error(&at, message),
            }
        }
    }
}
