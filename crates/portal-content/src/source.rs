//! The editor sources of one language: `content/{lang}/site.json` and one
//! `content/{lang}/news/{id}-{short-slug}.txt` per article (format in `content/README.md`).
//!
//! Parsing checks everything one file can tell about itself; checks across files (unknown
//! category, duplicate id, a translation against its original) are made in `lib.rs`, where
//! all articles of a language, and all languages, meet.

use portal_api::{Block, Date, Site, StaticPage};
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in a source file, located by file and 1-based line (`None`: the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl SourceError {
    pub fn new(file: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// An article as an editor wrote it. The category is still a slug: it is resolved against
/// the categories of `site.json` when the language is assembled.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleSource {
    pub file: PathBuf,
    pub id: u32,
    /// Line of `id:`, where a duplicate id is reported.
    pub id_line: usize,
    pub title: String,
    pub date: Date,
    /// Line of `date:`, where a date differing from the original's is reported.
    pub date_line: usize,
    pub updated: Option<Date>,
    pub category: String,
    /// Line of `category:`, where an unknown category is reported.
    pub category_line: usize,
    pub lead: String,
    pub byline: Option<String>,
    pub sample: bool,
    /// Line of `sample:`, where a flag differing from the original's is reported.
    pub sample_line: usize,
    /// Empty once the article is read into a language: the body moves into its `Article`.
    pub body: Vec<Block>,
}

/// Line that ends the front matter and starts the body.
const SEPARATOR: &str = "---";
const KEYS: [&str; 8] = [
    "id", "title", "date", "updated", "category", "lead", "byline", "sample",
];
const REQUIRED: [&str; 6] = ["id", "title", "date", "category", "lead", "sample"];

/// Numbered lines of a source without their end (`lines` also drops a `\r`), trailing
/// blanks removed, a byte-order mark ignored.
fn numbered_lines(text: &str) -> Vec<(usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .collect()
}

/// A front matter field: key, value and line.
type Field<'a> = (&'a str, &'a str, usize);

/// The front matter of `lines` (`key: value` lines up to a line `---`): its fields as
/// `(key, value, line)` and the index in `lines` of the separator. Every key must be one of
/// `keys`, at most once, with a value; every key of `required` must be there.
fn front_matter<'a>(
    file: &Path,
    lines: &[(usize, &'a str)],
    keys: &[&str],
    required: &[&str],
) -> Result<(Vec<Field<'a>>, usize), SourceError> {
    let err = |line: usize, message: String| SourceError::new(file, Some(line), message);
    let Some(sep) = lines.iter().position(|&(_, l)| l == SEPARATOR) else {
        return Err(err(
            lines.len().max(1),
            format!(
                "the front matter is not closed: expected a line `{SEPARATOR}` before the body"
            ),
        ));
    };
    let sep_line = lines[sep].0;

    // Front matter: `key: value` lines; blank lines are allowed.
    let mut fields: Vec<(&str, &str, usize)> = Vec::new();
    for &(n, line) in &lines[..sep] {
        if line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(
                n,
                format!("expected `key: value` in the front matter, found `{line}`"),
            ));
        };
        let (key, value) = (key.trim(), value.trim());
        if !keys.contains(&key) {
            return Err(err(
                n,
                format!("unknown key `{key}` (known: {})", keys.join(", ")),
            ));
        }
        if let Some(&(_, _, first)) = fields.iter().find(|f| f.0 == key) {
            return Err(err(
                n,
                format!("key `{key}` repeated (first on line {first})"),
            ));
        }
        if value.is_empty() {
            return Err(err(n, format!("key `{key}` has no value")));
        }
        fields.push((key, value, n));
    }
    if let Some(missing) = required.iter().find(|k| !fields.iter().any(|f| f.0 == **k)) {
        return Err(err(
            sep_line,
            format!("the front matter lacks the required key `{missing}`"),
        ));
    }
    Ok((fields, sep))
}

/// `true` or `false`.
fn parse_sample(file: &Path, text: &str, line: usize) -> Result<bool, SourceError> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(SourceError::new(
            file,
            Some(line),
            format!("bad sample `{other}`: expected true or false"),
        )),
    }
}

/// A static page as an editor wrote it (`content/{lang}/pages/{slug}.txt`).
#[derive(Clone, Debug, PartialEq)]
pub struct PageSource {
    pub file: PathBuf,
    /// Line of `slug:`, where a slug unknown to the fallback language is reported.
    pub slug_line: usize,
    /// Line of `sample:`, where a flag differing from the original's is reported.
    pub sample_line: usize,
    /// The page, `lang: None`.
    pub page: StaticPage,
}

const PAGE_KEYS: [&str; 4] = ["slug", "title", "updated", "sample"];
const PAGE_REQUIRED: [&str; 3] = ["slug", "title", "sample"];

/// Parses one static page source: front matter (`slug`, `title`, optional `updated`,
/// `sample`), `---`, then a body in the format of an article's. `file` must be
/// `{slug}.txt`.
pub fn parse_page(file: &Path, text: &str) -> Result<PageSource, SourceError> {
    let err = |line: usize, message: String| SourceError::new(file, Some(line), message);
    let lines = numbered_lines(text);
    let (fields, sep) = front_matter(file, &lines, &PAGE_KEYS, &PAGE_REQUIRED)?;
    let sep_line = lines[sep].0;
    let field = |key: &str| fields.iter().find(|f| f.0 == key).map(|f| (f.1, f.2));
    let required = |key: &str| field(key).expect("required keys were checked");

    let (slug, slug_line) = required("slug");
    if !is_slug(slug) {
        return Err(err(
            slug_line,
            format!("bad slug `{slug}`: lowercase letters (a–z), digits and single hyphens"),
        ));
    }
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name != format!("{slug}.txt") {
        return Err(err(
            slug_line,
            format!("the file of page `{slug}` must be named `{slug}.txt`, not `{name}`"),
        ));
    }
    let updated = match field("updated") {
        None => None,
        Some((v, n)) => Some(
            v.parse::<Date>()
                .map_err(|e| err(n, format!("bad updated `{v}`: {e}")))?,
        ),
    };
    let (sample_text, sample_line) = required("sample");
    let sample = parse_sample(file, sample_text, sample_line)?;
    let body = parse_body(&lines[sep + 1..]).map_err(|(n, m)| err(n, m))?;
    if body.is_empty() {
        return Err(err(sep_line, "the body is empty".to_string()));
    }
    Ok(PageSource {
        file: file.to_path_buf(),
        slug_line,
        sample_line,
        page: StaticPage {
            slug: slug.to_string(),
            title: required("title").0.to_string(),
            updated,
            body,
            sample,
            lang: None,
        },
    })
}

/// Parses one article source. `file` names it in errors and must be `{id}-{short-slug}.txt`.
pub fn parse_article(file: &Path, text: &str) -> Result<ArticleSource, SourceError> {
    let err = |line: usize, message: String| SourceError::new(file, Some(line), message);
    let lines = numbered_lines(text);
    let (fields, sep) = front_matter(file, &lines, &KEYS, &REQUIRED)?;
    let sep_line = lines[sep].0;
    let field = |key: &str| fields.iter().find(|f| f.0 == key).map(|f| (f.1, f.2));
    let required = |key: &str| field(key).expect("required keys were checked");
    let date = |key: &str| -> Result<Option<Date>, SourceError> {
        match field(key) {
            None => Ok(None),
            Some((v, n)) => v
                .parse::<Date>()
                .map(Some)
                .map_err(|e| err(n, format!("bad {key} `{v}`: {e}"))),
        }
    };

    let (id_text, id_line) = required("id");
    let id = match id_text.parse::<u32>() {
        Ok(id) if id > 0 && id.to_string() == id_text => id,
        _ => {
            return Err(err(
                id_line,
                format!(
                    "bad id `{id_text}`: expected a whole number from 1, without leading zeros"
                ),
            ))
        }
    };
    check_file_name(file, id).map_err(|m| err(id_line, m))?;

    let date_value = date("date")?.expect("required keys were checked");
    let updated = date("updated")?;
    if let (Some(u), Some((_, n))) = (updated, field("updated")) {
        if u < date_value {
            return Err(err(
                n,
                format!("updated {u} is earlier than the date {date_value}"),
            ));
        }
    }

    let (category, category_line) = required("category");
    let (sample_text, sample_line) = required("sample");
    let sample = parse_sample(file, sample_text, sample_line)?;

    let body = parse_body(&lines[sep + 1..]).map_err(|(n, m)| err(n, m))?;
    if body.is_empty() {
        return Err(err(sep_line, "the body is empty".to_string()));
    }

    Ok(ArticleSource {
        file: file.to_path_buf(),
        id,
        id_line,
        title: required("title").0.to_string(),
        date: date_value,
        date_line: required("date").1,
        updated,
        category: category.to_string(),
        category_line,
        lead: required("lead").0.to_string(),
        byline: field("byline").map(|(v, _)| v.to_string()),
        sample,
        sample_line,
        body,
    })
}

/// The file of article `id` is named `{id}-{short-slug}.txt`.
fn check_file_name(file: &Path, id: u32) -> Result<(), String> {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let slug = name
        .strip_suffix(".txt")
        .and_then(|stem| stem.strip_prefix(&format!("{id}-")));
    match slug {
        Some(slug) if is_slug(slug) => Ok(()),
        _ => Err(format!(
            "the file of article {id} must be named `{id}-{{short-slug}}.txt` (lowercase letters, digits, hyphens), not `{name}`"
        )),
    }
}

/// Lowercase ASCII letters and digits, in words joined by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Splits the body into blocks at blank lines and reads each block.
/// Errors are `(line, message)`.
fn parse_body(lines: &[(usize, &str)]) -> Result<Vec<Block>, (usize, String)> {
    lines
        .split(|(_, l)| l.trim().is_empty())
        .filter(|block| !block.is_empty())
        .map(parse_block)
        .collect()
}

fn parse_block(block: &[(usize, &str)]) -> Result<Block, (usize, String)> {
    let (first_n, first) = block[0];
    if let Some(text) = first.strip_prefix("## ") {
        if let Some(&(n, _)) = block.get(1) {
            return Err((
                n,
                "a heading is a single line: add a blank line after it".into(),
            ));
        }
        return non_empty(text, first_n, "heading").map(|text| Block::Heading { text });
    }
    if first.starts_with('#') {
        return Err((first_n, "only `## ` headings are supported".into()));
    }
    if first.starts_with("- ") {
        let items = block
            .iter()
            .map(
                |&(n, l)| match l.strip_prefix("- ").or((l == "-").then_some("")) {
                    Some(item) => non_empty(item, n, "list item"),
                    None => Err((n, "every line of a list starts with `- `".into())),
                },
            )
            .collect::<Result<_, _>>()?;
        return Ok(Block::List { items });
    }
    if first.starts_with('>') {
        return parse_quote(block);
    }
    if first.starts_with("![") {
        if let Some(&(n, _)) = block.get(1) {
            return Err((
                n,
                "an image stands alone in its block: add a blank line before this line".into(),
            ));
        }
        return parse_image(first_n, first);
    }
    let text = block
        .iter()
        .map(|(_, l)| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Block::Paragraph { text })
}

/// `> ` lines; a last line `> — Cite` is the citation.
fn parse_quote(block: &[(usize, &str)]) -> Result<Block, (usize, String)> {
    let mut lines = Vec::with_capacity(block.len());
    for &(n, l) in block {
        match l.strip_prefix('>') {
            Some(rest) => lines.push((n, rest.trim())),
            None => return Err((n, "every line of a quote starts with `> `".into())),
        }
    }
    let mut cite = None;
    if let Some(&(n, last)) = lines.last() {
        if let Some(c) = last.strip_prefix('—') {
            cite = Some(non_empty(c, n, "citation")?);
            lines.pop();
        }
    }
    let text = lines
        .iter()
        .map(|(_, l)| *l)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    non_empty(&text, block[0].0, "quote").map(|text| Block::Quote { text, cite })
}

/// `![alt](src)`, alone on its line.
fn parse_image(n: usize, line: &str) -> Result<Block, (usize, String)> {
    let malformed = || {
        (
            n,
            format!("expected an image as `![alt text](src)`, found `{line}`"),
        )
    };
    let inner = line
        .strip_prefix("![")
        .and_then(|l| l.strip_suffix(')'))
        .ok_or_else(malformed)?;
    let (alt, src) = inner.split_once("](").ok_or_else(malformed)?;
    let alt = non_empty(alt, n, "image alt text")?;
    let src = src.trim();
    if src.is_empty() || src.contains(char::is_whitespace) || src.contains(['(', ')']) {
        return Err(malformed());
    }
    Ok(Block::Image {
        src: src.to_string(),
        alt,
        caption: None,
    })
}

fn non_empty(text: &str, n: usize, what: &str) -> Result<String, (usize, String)> {
    let text = text.trim();
    if text.is_empty() {
        Err((n, format!("empty {what}")))
    } else {
        Ok(text.to_string())
    }
}

/// Parses `site.json` of the language folder `lang` and checks what the API relies on.
pub fn parse_site(file: &Path, lang: &str, text: &str) -> Result<Site, SourceError> {
    let site: Site = serde_json::from_str(text)
        .map_err(|e| SourceError::new(file, Some(e.line()), e.to_string()))?;
    // Semantic errors point at the line where the offending string first appears.
    let err = |needle: &str, message: String| {
        SourceError::new(file, Some(line_of(text, needle)), message)
    };
    if site.lang != lang {
        return Err(err(
            "\"lang\"",
            format!("lang is `{}` but the folder is `{lang}`", site.lang),
        ));
    }
    // The tool computes these from the articles; a hand-written value would go stale.
    for (key, value) in [
        ("first_news", site.first_news),
        ("last_news", site.last_news),
    ] {
        if value.is_some() {
            return Err(err(
                &format!("\"{key}\""),
                format!("remove `{key}`: the tool sets it from the dates of the articles"),
            ));
        }
    }
    if site.name.trim().is_empty() {
        return Err(err("\"name\"", "the portal name is empty".into()));
    }
    if site.categories.is_empty() {
        return Err(err("\"categories\"", "there are no categories".into()));
    }
    for (i, c) in site.categories.iter().enumerate() {
        let at = format!("\"{}\"", c.slug);
        if !is_slug(&c.slug) {
            return Err(err(
                &at,
                format!(
                    "bad category slug `{}`: lowercase letters, digits, hyphens",
                    c.slug
                ),
            ));
        }
        let earlier = site.categories[..i].iter().filter(|o| o.slug == c.slug);
        if let n @ 1.. = earlier.count() {
            let line = line_of_nth(text, &at, n);
            let message = format!("category `{}` repeated", c.slug);
            return Err(SourceError::new(file, Some(line), message));
        }
        if c.name.trim().is_empty() {
            return Err(err(&at, format!("category `{}` has no name", c.slug)));
        }
    }
    for a in &site.new_on_portal {
        if a.title.trim().is_empty() || a.path.is_empty() || a.path.starts_with('/') {
            return Err(err(
                &format!("\"{}\"", a.path),
                format!(
                    "announcement `{}`: needs a title and a path relative to the app, such as `en/faq`",
                    a.title
                ),
            ));
        }
    }
    Ok(site)
}

/// 1-based line of the first occurrence of `needle` in `text`, else 1.
pub(crate) fn line_of(text: &str, needle: &str) -> usize {
    line_of_nth(text, needle, 0)
}

/// 1-based line of occurrence `nth` (from 0) of `needle` in `text`, else 1.
pub(crate) fn line_of_nth(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle)
        .nth(nth)
        .map_or(1, |(at, _)| text[..at].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id: 7\ntitle: A title: with a colon\ndate: 2017-11-01\ncategory: politics\nlead: The lead.\nsample: true\n---\n";

    fn file() -> &'static Path {
        Path::new("content/en/news/7-a-title.txt")
    }

    fn body(text: &str) -> Result<Vec<Block>, SourceError> {
        parse_article(file(), &format!("{HEAD}{text}")).map(|a| a.body)
    }

    /// The error of `text` (a whole source), as `(line, message)`.
    fn error(text: &str) -> (Option<usize>, String) {
        let e = parse_article(file(), text).unwrap_err();
        assert_eq!(e.file, file());
        (e.line, e.message)
    }

    fn p(text: &str) -> Block {
        Block::Paragraph { text: text.into() }
    }

    #[test]
    fn parses_a_static_page_with_the_article_body_format() {
        let text = "slug: open-government\ntitle: Open Government\nupdated: 2017-11-20\nsample: true\n---\nIntro\nline.\n\n## What is here\n\n- open data\n- reports\n";
        let p = parse_page(Path::new("pages/open-government.txt"), text).unwrap();
        assert_eq!(p.page.slug, "open-government");
        assert_eq!(p.page.title, "Open Government");
        assert_eq!(
            p.page.updated.map(|d| d.to_string()).as_deref(),
            Some("2017-11-20")
        );
        assert!(p.page.sample && p.page.lang.is_none());
        assert_eq!((p.slug_line, p.sample_line), (1, 4));
        assert_eq!(
            p.page.body,
            [
                Block::Paragraph {
                    text: "Intro line.".into()
                },
                Block::Heading {
                    text: "What is here".into()
                },
                Block::List {
                    items: vec!["open data".into(), "reports".into()]
                },
            ]
        );
        let err =
            |text: &str, file: &str| parse_page(Path::new(file), text).unwrap_err().to_string();
        let f = "pages/open-government.txt";
        assert_eq!(
            err(&text.replace("slug: open-government", "slug: Open"), f),
            format!("{f}:1: bad slug `Open`: lowercase letters (a–z), digits and single hyphens")
        );
        assert!(err(text, "pages/open.txt").contains(":1: the file of page `open-government` must be named `open-government.txt`, not `open.txt`"));
        assert!(err(&text.replace("title: Open Government\n", ""), f)
            .ends_with(":4: the front matter lacks the required key `title`"));
        assert!(err(&text.replace("sample: true", "sample: yes"), f)
            .ends_with(":4: bad sample `yes`: expected true or false"));
        assert!(
            err(&text.replace("updated: 2017-11-20", "date: 2017-11-20"), f)
                .contains(":3: unknown key `date` (known: slug, title, updated, sample)")
        );
        assert!(err(&text.replace("2017-11-20", "2017-11-31"), f)
            .contains(":3: bad updated `2017-11-31`"));
        assert!(
            err("slug: open-government\ntitle: T\nsample: true\n---\n\n", f)
                .ends_with(":4: the body is empty")
        );
        assert!(err(&text.replace("## What", "### What"), f).contains(":9: only `## ` headings"));
    }

    #[test]
    fn reads_front_matter() {
        let text = "id: 7\r\ntitle: A title: with a colon\r\ndate: 2017-11-01\r\nupdated: 2017-11-03\r\n\r\ncategory: politics\r\nlead: The lead.\r\nbyline: Portal editorial team (sample)\r\nsample: false\r\n---\r\nBody.\r\n";
        let a = parse_article(file(), text).unwrap();
        assert_eq!(a.id, 7);
        assert_eq!(a.id_line, 1);
        assert_eq!(a.title, "A title: with a colon");
        assert_eq!(a.date.to_string(), "2017-11-01");
        assert_eq!(a.updated.unwrap().to_string(), "2017-11-03");
        assert_eq!((a.category.as_str(), a.category_line), ("politics", 6));
        assert_eq!(a.lead, "The lead.");
        assert_eq!(a.byline.as_deref(), Some("Portal editorial team (sample)"));
        assert!(!a.sample);
        assert_eq!(a.body, vec![p("Body.")]);
    }

    #[test]
    fn optional_keys_may_be_absent() {
        let a = parse_article(file(), &format!("{HEAD}Body.")).unwrap();
        assert_eq!((a.updated, a.byline, a.sample), (None, None, true));
    }

    #[test]
    fn paragraph_lines_are_joined_by_a_space() {
        let b = body("First line\n  second line  \n\n\n\nNext paragraph.\n").unwrap();
        assert_eq!(b, vec![p("First line second line"), p("Next paragraph.")]);
    }

    #[test]
    fn reads_a_heading() {
        let b = body("## Results of the year\n\nText.").unwrap();
        assert_eq!(
            b,
            vec![
                Block::Heading {
                    text: "Results of the year".into()
                },
                p("Text.")
            ]
        );
    }

    #[test]
    fn reads_a_list() {
        let b = body("- one\n- two, with more\n- three").unwrap();
        assert_eq!(
            b,
            vec![Block::List {
                items: vec!["one".into(), "two, with more".into(), "three".into()]
            }]
        );
    }

    #[test]
    fn reads_a_quote_with_and_without_cite() {
        let b = body("> Reading is to the mind\n> what exercise is to the body.\n> — A visitor\n\n> No cite here.").unwrap();
        assert_eq!(
            b,
            vec![
                Block::Quote {
                    text: "Reading is to the mind what exercise is to the body.".into(),
                    cite: Some("A visitor".into())
                },
                Block::Quote {
                    text: "No cite here.".into(),
                    cite: None
                }
            ]
        );
    }

    #[test]
    fn reads_an_image() {
        let b = body("![The new reading room](/images/reading-room.jpg)").unwrap();
        assert_eq!(
            b,
            vec![Block::Image {
                src: "/images/reading-room.jpg".into(),
                alt: "The new reading room".into(),
                caption: None
            }]
        );
    }

    #[test]
    fn keeps_text_verbatim() {
        let t = "On October 31, 2017, a conference on “Uzbekistan–Kazakhstan: 25 years” was held — “quoted” text.";
        assert_eq!(body(t).unwrap(), vec![p(t)]);
    }

    #[test]
    fn missing_separator_is_an_error() {
        let (line, msg) = error("id: 7\ntitle: T\n");
        assert_eq!(line, Some(2));
        assert!(msg.contains("not closed"), "{msg}");
    }

    #[test]
    fn a_source_without_front_matter_is_an_error() {
        // Only a body: the front matter is never closed.
        let (line, msg) = error("Just a paragraph.\n\nAnother one.\n");
        assert_eq!(line, Some(3));
        assert!(msg.contains("front matter is not closed"), "{msg}");
        // An empty front matter: the first required key is missing.
        let (line, msg) = error("---\nBody.\n");
        assert_eq!(line, Some(1));
        assert!(msg.contains("lacks the required key `id`"), "{msg}");
        // An empty file.
        let (line, msg) = error("");
        assert_eq!(line, Some(1));
        assert!(msg.contains("not closed"), "{msg}");
    }

    /// Every prefix of a valid source, and the source with any one line dropped, doubled
    /// or mangled, parses or fails with an error: never a panic.
    #[test]
    fn no_malformed_source_panics() {
        let full = format!(
            "{HEAD}Text.\n\n## H\n\n- a\n- b\n\n> q\n> — c\n\n![alt](/i.jpg)\n\nÜñíçødé “text” 🙂.\n"
        );
        for (i, _) in full.char_indices() {
            let _ = parse_article(file(), &full[..i]);
            let _ = parse_page(Path::new("p.txt"), &full[..i]);
        }
        let lines: Vec<&str> = full.lines().collect();
        let mangles = [
            "", "---", ":", "id:", "- ", ">", "![", "![]()", "## ", "#", "\u{feff}", "\r",
        ];
        for i in 0..lines.len() {
            let mut dropped = lines.clone();
            dropped.remove(i);
            let _ = parse_article(file(), &dropped.join("\n"));
            let mut doubled = lines.clone();
            doubled.insert(i, lines[i]);
            let _ = parse_article(file(), &doubled.join("\n"));
            for m in mangles {
                let mut mangled = lines.clone();
                mangled[i] = m;
                let _ = parse_article(file(), &mangled.join("\n"));
                let _ = parse_page(Path::new("p.txt"), &mangled.join("\n"));
            }
        }
    }

    #[test]
    fn bad_front_matter_lines_are_located() {
        let (line, msg) = error("id: 7\ntitle T\n---\nBody.");
        assert_eq!(line, Some(2));
        assert!(msg.contains("key: value"), "{msg}");

        let (line, msg) = error("id: 7\nauthor: X\n---\nBody.");
        assert_eq!(line, Some(2));
        assert!(msg.contains("unknown key `author`"), "{msg}");

        let (line, msg) = error(&HEAD.replace("sample: true", "sample: true\ntitle: Again"));
        assert_eq!(line, Some(7));
        assert!(msg.contains("repeated (first on line 2)"), "{msg}");

        let (line, msg) = error(&HEAD.replace("lead: The lead.", "lead:"));
        assert_eq!(line, Some(5));
        assert!(msg.contains("no value"), "{msg}");
    }

    #[test]
    fn missing_required_key_is_reported_at_the_separator() {
        let (line, msg) = error(&format!("{}Body.", HEAD.replace("lead: The lead.\n", "")));
        assert_eq!(line, Some(6));
        assert!(msg.contains("`lead`"), "{msg}");
    }

    #[test]
    fn bad_values_are_located() {
        let (line, msg) = error(&format!(
            "{}Body.",
            HEAD.replace("2017-11-01", "2017-02-30")
        ));
        assert_eq!(line, Some(3));
        assert!(msg.contains("bad date `2017-02-30`"), "{msg}");

        let (line, msg) = error(&format!("{}Body.", HEAD.replace("id: 7", "id: 07")));
        assert_eq!(line, Some(1));
        assert!(msg.contains("bad id"), "{msg}");

        let (line, msg) = error(&format!(
            "{}Body.",
            HEAD.replace("sample: true", "sample: yes")
        ));
        assert_eq!(line, Some(6));
        assert!(msg.contains("true or false"), "{msg}");

        let text = format!(
            "{}Body.",
            HEAD.replace("lead:", "updated: 2017-10-01\nlead:")
        );
        let (line, msg) = error(&text);
        assert_eq!(line, Some(5));
        assert!(msg.contains("earlier"), "{msg}");
    }

    #[test]
    fn file_name_must_match_the_id() {
        let e =
            parse_article(Path::new("news/8-a-title.txt"), &format!("{HEAD}Body.")).unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("`7-{short-slug}.txt`"), "{}", e.message);
        for bad in [
            "7.txt",
            "7-.txt",
            "7-Title.txt",
            "7-a--b.txt",
            "7-a-title.md",
        ] {
            assert!(
                parse_article(Path::new(bad), &format!("{HEAD}Body.")).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn empty_body_is_an_error() {
        let (line, msg) = error(&format!("{HEAD}\n  \n"));
        assert_eq!(line, Some(7));
        assert!(msg.contains("body is empty"), "{msg}");
    }

    #[test]
    fn malformed_blocks_are_located() {
        // The body starts on line 8.
        let cases = [
            ("## Heading\nsecond line", 9, "single line"),
            ("### Small heading", 8, "only `## `"),
            ("- one\ntwo", 9, "starts with `- `"),
            ("- one\n- ", 9, "empty list item"),
            ("> quote\nnot quoted", 9, "starts with `> `"),
            ("> — Only a cite", 8, "empty quote"),
            ("Text.\n\n![alt](src.jpg) and words", 10, "![alt text](src)"),
            ("![](src.jpg)", 8, "empty image alt text"),
            ("![alt](a b.jpg)", 8, "![alt text](src)"),
            ("![alt](src.jpg)\ncaption?", 9, "alone in its block"),
        ];
        for (text, want_line, want_msg) in cases {
            let e = body(text).unwrap_err();
            assert_eq!(e.line, Some(want_line), "{text:?}: {e}");
            assert!(e.message.contains(want_msg), "{text:?}: {e}");
        }
    }

    #[test]
    fn error_display_names_file_and_line() {
        let e = SourceError::new(Path::new("a/b.txt"), Some(3), "bad");
        assert_eq!(e.to_string(), "a/b.txt:3: bad");
        let e = SourceError::new(Path::new("a"), None, "bad");
        assert_eq!(e.to_string(), "a: bad");
    }

    const SITE: &str = r#"{
  "lang": "en",
  "name": "Portal",
  "new_on_portal": [{"title": "FAQ", "path": "en/faq"}],
  "categories": [
    {"slug": "politics", "name": "Politics"},
    {"slug": "economy", "name": "Economy"}
  ]
}"#;

    #[test]
    fn reads_site() {
        let site = parse_site(Path::new("site.json"), "en", SITE).unwrap();
        assert_eq!(site.categories.len(), 2);
        assert_eq!(site.new_on_portal[0].date, None);
    }

    #[test]
    fn site_errors_are_located() {
        let f = Path::new("site.json");
        let e = parse_site(f, "ru", SITE).unwrap_err();
        assert_eq!(
            (e.line, e.message.contains("folder is `ru`")),
            (Some(2), true)
        );

        let e = parse_site(f, "en", &SITE.replace("\"economy\"", "\"politics\"")).unwrap_err();
        assert_eq!(e.line, Some(7));
        assert!(e.message.contains("repeated"), "{e}");

        let e = parse_site(f, "en", &SITE.replace("\"economy\"", "\"Economy Now\"")).unwrap_err();
        assert_eq!(e.line, Some(7));

        let with_date = SITE.replace(
            "\"lang\": \"en\",",
            "\"lang\": \"en\",\n  \"last_news\": \"2017-11-01\",",
        );
        let e = parse_site(f, "en", &with_date).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("remove `last_news`"), "{e}");

        let e = parse_site(f, "en", &SITE.replace("\"name\": \"Portal\",", "")).unwrap_err();
        assert!(e.message.contains("name"), "{e}");
        assert!(e.line.is_some());
    }
}
