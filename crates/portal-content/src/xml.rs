//! The XML files of the API: Atom feeds of the news (per language and per category) and the
//! sitemap of the app's routes. Written by hand: two small fixed shapes need no XML crate,
//! only correct escaping ([`escape`]).
//!
//! Links point to pages of the app in their folder form (`en/news/7/`, as the app's own
//! links), not to API files. With `build --origin https://example.org/base/` they are
//! absolute. Without it a feed carries an `xml:base` that leads from the feed's own address
//! back to the app's base (the API at `{base}api/v1/`, as `index.html` sets it), so that a
//! feed reader resolves every link to the page; and there is no sitemap, whose protocol wants
//! absolute URLs.

use portal_api::{Category, Date, Site};
use std::fmt::Write;

/// How many entries a feed holds: the newest articles.
pub const FEED_ENTRIES: usize = 20;

/// Text or an attribute value with the five XML special characters escaped, and the
/// characters XML 1.0 forbids (C0 controls but tab and newlines) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// BCP 47 tag of a portal language (`xml:lang`), as the app's `<html lang>`.
pub fn bcp47(lang: &str) -> &str {
    match lang {
        "oz" => "uz-Latn",
        "uz" => "uz-Cyrl",
        "qr" => "kaa",
        other => other,
    }
}

/// "News", in the language.
pub fn news_title(lang: &str) -> &'static str {
    match lang {
        "oz" => "Yangiliklar",
        "uz" => "Янгиликлар",
        "ru" => "Новости",
        "qr" => "Jańalıqlar",
        _ => "News",
    }
}

/// The URL of an app route: `origin` + route, or the route alone (relative to the app's
/// base) without an origin.
pub fn url(origin: Option<&str>, route: &str) -> String {
    match origin {
        Some(o) => format!("{o}{route}"),
        None => route.to_string(),
    }
}

/// Where the app's base is from the API root: the app's `index.html` sets its API to
/// `api/v1`, relative to the base.
const APP_FROM_API: &str = "../../";

/// The relative `xml:base` of the API file `path` (`en/news/feed.atom`): the app's base,
/// seen from that file's folder.
pub fn app_base_from(path: &str) -> String {
    format!("{}{APP_FROM_API}", "../".repeat(path.matches('/').count()))
}

/// One entry of a feed.
pub struct Entry<'a> {
    pub id: u32,
    pub title: &'a str,
    pub lead: &'a str,
    pub date: Date,
    pub updated: Option<Date>,
    pub category: &'a Category,
    pub byline: Option<&'a str>,
    /// The language of the text, when not the feed's (an untranslated article).
    pub lang: Option<&'a str>,
}

fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// The Atom feed of `entries` (newest first, at most [`FEED_ENTRIES`] are written) of
/// one language, or of one category of it.
pub fn atom(
    site: &Site,
    category: Option<&Category>,
    entries: &[Entry],
    origin: Option<&str>,
) -> String {
    let lang = site.lang.as_str();
    let (title, route) = match category {
        None => (
            format!("{} — {}", site.name, news_title(lang)),
            format!("{lang}/news/"),
        ),
        Some(c) => (
            format!("{} — {}: {}", site.name, news_title(lang), c.name),
            format!("{lang}/news/category/{}/", c.slug),
        ),
    };
    // Without an origin, ids are URNs (an Atom id must be an absolute IRI), stable
    // across builds; with one, the absolute URL of the page.
    let id = |route: &str| match origin {
        Some(o) => escape(&format!("{o}{route}")),
        None => escape(&format!(
            "urn:portal:{}",
            route.trim_end_matches('/').replace('/', ":")
        )),
    };
    let updated = entries
        .iter()
        .take(FEED_ENTRIES)
        .map(|e| e.updated.unwrap_or(e.date).max(e.date))
        .max();
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    // Relative links resolve against `xml:base`, itself relative to the feed's address.
    let base = match origin {
        Some(_) => String::new(),
        None => {
            let path = portal_api::paths::news_feed(lang, category.map(|c| c.slug.as_str()));
            format!(" xml:base=\"{}\"", app_base_from(&path))
        }
    };
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\"{base}>",
        bcp47(lang)
    );
    let _ = writeln!(x, "  <title>{}</title>", escape(&title));
    let _ = writeln!(x, "  <id>{}</id>", id(&route));
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&url(origin, &route))
    );
    // A feed with no entry still needs an `updated`: the epoch marks "never".
    let epoch = Date::new(1970, 1, 1).expect("a valid date");
    let _ = writeln!(
        x,
        "  <updated>{}</updated>",
        timestamp(updated.unwrap_or(epoch))
    );
    let _ = writeln!(x, "  <author><name>{}</name></author>", escape(&site.name));
    for e in entries.iter().take(FEED_ENTRIES) {
        let route = format!("{lang}/news/{}/", e.id);
        match e.lang {
            Some(l) => {
                let _ = writeln!(x, "  <entry xml:lang=\"{}\">", bcp47(l));
            }
            None => x.push_str("  <entry>\n"),
        }
        let _ = writeln!(x, "    <title type=\"text\">{}</title>", escape(e.title));
        let _ = writeln!(x, "    <id>{}</id>", id(&route));
        let _ = writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&url(origin, &route))
        );
        let _ = writeln!(x, "    <published>{}</published>", timestamp(e.date));
        let _ = writeln!(
            x,
            "    <updated>{}</updated>",
            timestamp(e.updated.unwrap_or(e.date).max(e.date))
        );
        if let Some(by) = e.byline {
            let _ = writeln!(x, "    <author><name>{}</name></author>", escape(by));
        }
        let _ = writeln!(
            x,
            "    <category term=\"{}\" label=\"{}\"/>",
            escape(&e.category.slug),
            escape(&e.category.name)
        );
        let _ = writeln!(x, "    <summary type=\"text\">{}</summary>", escape(e.lead));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// One page of a sitemap: its route (relative to the app's base), when its content last
/// changed where known, and the same page in every language that has it (its own included),
/// as `(BCP 47 tag, route)`.
pub struct SitemapUrl {
    pub route: String,
    pub lastmod: Option<Date>,
    pub alternates: Vec<(String, String)>,
}

/// A sitemap `urlset` of `urls` under `origin` (the app's address, ending in `/`), with
/// `xhtml:link` alternates per language.
pub fn urlset<'a>(urls: impl IntoIterator<Item = &'a SitemapUrl>, origin: &str) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for u in urls {
        let _ = write!(
            x,
            "  <url><loc>{}</loc>",
            escape(&format!("{origin}{}", u.route))
        );
        if let Some(d) = u.lastmod {
            let _ = write!(x, "<lastmod>{d}</lastmod>");
        }
        for (lang, route) in &u.alternates {
            let _ = write!(
                x,
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape(lang),
                escape(&format!("{origin}{route}"))
            );
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

/// A sitemap index of the sitemap files `names`, which are served beside it at the root
/// of the site (`{origin}{name}`).
pub fn sitemap_index(names: &[String], origin: &str) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for name in names {
        let loc = format!("{origin}{name}");
        let _ = writeln!(x, "  <sitemap><loc>{}</loc></sitemap>", escape(&loc));
    }
    x.push_str("</sitemapindex>\n");
    x
}

/// The sitemap files of each language's `urls`, `(name, XML)`: `sitemap.xml` alone when it
/// can hold them all (`limit` URLs), else `sitemap.xml` as the index of one file per language
/// (`sitemap-en.xml`), a language with more than `limit` URLs in parts (`sitemap-en-2.xml`).
pub fn sitemap_files(
    by_language: &[(String, Vec<SitemapUrl>)],
    origin: &str,
    limit: usize,
) -> Vec<(String, String)> {
    let index = SITEMAP.to_string();
    let total: usize = by_language.iter().map(|(_, urls)| urls.len()).sum();
    if total <= limit {
        let all = by_language.iter().flat_map(|(_, urls)| urls);
        return vec![(index, urlset(all, origin))];
    }
    let mut parts = Vec::new();
    for (lang, urls) in by_language {
        let chunks: Vec<&[SitemapUrl]> = urls.chunks(limit).collect();
        for (n, chunk) in chunks.iter().enumerate() {
            let name = match (chunks.len(), n) {
                (1, _) | (_, 0) => format!("sitemap-{lang}.xml"),
                (_, n) => format!("sitemap-{lang}-{}.xml", n + 1),
            };
            parts.push((name, urlset(chunk.iter(), origin)));
        }
    }
    let names: Vec<String> = parts.iter().map(|(n, _)| n.clone()).collect();
    let mut files = vec![(index, sitemap_index(&names, origin))];
    files.extend(parts);
    files
}

/// The sitemap's name at the root of the site, where it may list every page of the site
/// (a sitemap speaks only for its own folder and those below).
pub const SITEMAP: &str = "sitemap.xml";

/// Most URLs in one sitemap file (the protocol's limit).
pub const SITEMAP_URLS: usize = 50_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_special_characters_and_keeps_the_rest() {
        assert_eq!(
            escape(r#"<&>"' Ўзбекистон “ок” 🙂"#),
            "&lt;&amp;&gt;&quot;&apos; Ўзбекистон “ок” 🙂"
        );
        assert_eq!(escape("a\u{1}b\tc\u{FFFF}"), "ab\tc");
        assert_eq!(escape("&amp;"), "&amp;amp;", "escaped once, as text");
    }

    fn site() -> Site {
        Site {
            lang: "ru".into(),
            name: "Портал <&>".into(),
            new_on_portal: vec![],
            categories: vec![],
            first_news: None,
            last_news: None,
        }
    }

    #[test]
    fn a_feed_escapes_every_text_and_marks_fallback_entries() {
        let category = Category {
            slug: "politics".into(),
            name: "Политика \"и\" 'право'".into(),
        };
        let entries = [
            Entry {
                id: 7,
                title: r#"Заголовок <b>&</b> "кавычки" 'апостроф'"#,
                lead: "Лид & <i>",
                date: "2017-11-01".parse().unwrap(),
                updated: Some("2017-11-03".parse().unwrap()),
                category: &category,
                byline: Some("A & B"),
                lang: None,
            },
            Entry {
                id: 3,
                title: "English",
                lead: "Lead",
                date: "2017-10-01".parse().unwrap(),
                updated: None,
                category: &category,
                byline: None,
                lang: Some("en"),
            },
        ];
        let x = atom(&site(), Some(&category), &entries, None);
        assert!(x.contains("<title>Портал &lt;&amp;&gt; — Новости: Политика &quot;и&quot; &apos;право&apos;</title>"), "{x}");
        assert!(x.contains("<title type=\"text\">Заголовок &lt;b&gt;&amp;&lt;/b&gt; &quot;кавычки&quot; &apos;апостроф&apos;</title>"), "{x}");
        assert!(x.contains("<summary type=\"text\">Лид &amp; &lt;i&gt;</summary>"));
        assert!(x.contains("<author><name>A &amp; B</name></author>"));
        assert!(x.contains("<entry xml:lang=\"en\">"));
        // The category's feed is `ru/news/category/politics/feed.atom` under `api/v1/`: six
        // folders up is the app's base.
        assert!(x.contains(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\" xml:base=\"../../../../../../\">"
        ));
        assert!(x.contains("<id>urn:portal:ru:news:7</id>"));
        assert!(x.contains("href=\"ru/news/7/\""));
        assert!(x.contains("<updated>2017-11-03T00:00:00Z</updated>\n  <author>"));
        // Nothing unescaped: every `&` starts an entity, `<` only starts tags.
        for (i, _) in x.match_indices('&') {
            let rest = &x[i..];
            assert!(
                ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| rest.starts_with(e)),
                "{}",
                &rest[..10.min(rest.len())]
            );
        }

        let absolute = atom(&site(), None, &entries, Some("https://example.org/a&b/"));
        assert!(absolute.contains("href=\"https://example.org/a&amp;b/ru/news/7/\""));
        assert!(absolute.contains("<id>https://example.org/a&amp;b/ru/news/</id>"));
        assert!(!absolute.contains("xml:base"));
    }

    #[test]
    fn a_feed_holds_the_newest_entries_only() {
        let category = Category {
            slug: "a".into(),
            name: "A".into(),
        };
        let titles: Vec<String> = (0..30).map(|i| format!("T{i}")).collect();
        let entries: Vec<Entry> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| Entry {
                id: 100 - i as u32,
                title: t,
                lead: "L",
                date: "2017-11-01".parse().unwrap(),
                updated: None,
                category: &category,
                byline: None,
                lang: None,
            })
            .collect();
        let x = atom(&site(), None, &entries, None);
        assert_eq!(x.matches("<entry>").count(), FEED_ENTRIES);
        assert!(x.contains("T19") && !x.contains("T20"));
        let empty = atom(&site(), None, &[], None);
        assert!(empty.contains("<updated>1970-01-01T00:00:00Z</updated>"));
    }

    #[test]
    fn xml_base_leads_from_a_feed_to_the_app() {
        // Resolved against `https://h/p/api/v1/en/news/feed.atom`: `https://h/p/`.
        assert_eq!(app_base_from("en/news/feed.atom"), "../../../../");
        assert_eq!(
            app_base_from("en/news/category/sport/feed.atom"),
            "../../../../../../"
        );
    }

    fn page(route: &str, langs: &[&str]) -> SitemapUrl {
        let tail = route.split_once('/').unwrap().1;
        SitemapUrl {
            route: route.into(),
            lastmod: None,
            alternates: langs
                .iter()
                .map(|l| (bcp47(l).to_string(), format!("{l}/{tail}")))
                .collect(),
        }
    }

    #[test]
    fn a_sitemap_lists_urls_with_their_languages() {
        let mut article = page("en/news/7/", &["en", "oz"]);
        article.lastmod = Some("2017-11-01".parse().unwrap());
        let urls = [page("en/", &["en"]), article];
        let x = urlset(&urls, "https://example.org/");
        assert!(x.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
        assert!(x.contains("<url><loc>https://example.org/en/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/\"/></url>"), "{x}");
        assert!(x.contains(
            "<url><loc>https://example.org/en/news/7/</loc><lastmod>2017-11-01</lastmod>\
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/news/7/\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"uz-Latn\" href=\"https://example.org/oz/news/7/\"/></url>"
        ), "{x}");
    }

    #[test]
    fn a_big_sitemap_is_split_by_language_under_an_index() {
        let urls = |lang: &str, n: u32| -> (String, Vec<SitemapUrl>) {
            let pages = (1..=n).map(|i| page(&format!("{lang}/news/{i}/"), &[lang]));
            (lang.to_string(), pages.collect())
        };
        let one = sitemap_files(&[urls("en", 4), urls("ru", 3)], "https://e.org/", 7);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "sitemap.xml");
        assert_eq!(one[0].1.matches("<url>").count(), 7);

        let split = sitemap_files(&[urls("en", 7), urls("ru", 2)], "https://e.org/p/", 3);
        let names: Vec<&str> = split.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-en.xml",
                "sitemap-en-2.xml",
                "sitemap-en-3.xml",
                "sitemap-ru.xml"
            ]
        );
        assert!(split[0].1.contains("<sitemapindex"));
        assert!(split[0]
            .1
            .contains("<sitemap><loc>https://e.org/p/sitemap-en-3.xml</loc></sitemap>"));
        let counts: Vec<usize> = split[1..]
            .iter()
            .map(|(_, x)| x.matches("<url>").count())
            .collect();
        assert_eq!(counts, [3, 3, 1, 2]);
    }
}
