//! App paths of every page: the one place that knows the URL scheme of the portal.
//! These are paths inside the app; `Config::href` puts them under the hosting base path.
//!
//! Every page's address is a folder (`/en/news/1/`): a prerendered page is the file
//! `en/news/1/index.html`, and static hosts (GitHub Pages, S3, nginx's `$uri/`) answer the form
//! without the slash with a redirect to it. The router reads both forms; links, canonical and
//! alternate links, the sitemap and the feeds write this one.

use crate::i18n::Lang;
use portal_api::Date;

pub fn home(lang: Lang) -> String {
    format!("/{}/", lang.code())
}

/// The news feed, optionally one category's, at a 1-based page (page 1 is left out of the URL).
/// Paths, not query parameters: each feed page is a file of its own on a static host.
pub fn news(lang: Lang, category: Option<&str>, page: u32) -> String {
    let mut path = format!("/{}/news/", lang.code());
    if let Some(c) = category {
        path.push_str(&format!("category/{c}/"));
    }
    if page > 1 {
        path.push_str(&format!("page/{page}/"));
    }
    path
}

/// The news of one day (the calendar's links).
pub fn news_on(lang: Lang, date: Date) -> String {
    format!("/{}/news/?date={date}", lang.code())
}

pub fn article(lang: Lang, id: u32) -> String {
    format!("/{}/news/{id}/", lang.code())
}

/// A section the later pages fill (`faq`, `helplines`, `agencies`).
pub fn section(lang: Lang, section: &str) -> String {
    format!("/{}/{section}/", lang.code())
}

/// A static page of the portal (`open-government`, `accessibility`, `privacy`).
pub fn page(lang: Lang, slug: &str) -> String {
    format!("/{}/pages/{slug}/", lang.code())
}

/// `path` (with its query and fragment, if any) in the folder form of the addresses above:
/// `/en/faq?x#q` → `/en/faq/?x#q`. For paths that come from elsewhere: the address bar (which
/// may show either form), the API's "New on the portal" items.
pub fn folder(path: &str) -> String {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let (path_part, rest) = path.split_at(end);
    if path_part.ends_with('/') {
        path.to_string()
    } else {
        format!("{path_part}/{rest}")
    }
}

/// The same app path in another language, in folder form: the first segment is the language
/// code. `/ru/news/7` → `/en/news/7/`; a path without a language becomes that language's home.
pub fn in_language(path: &str, lang: Lang) -> String {
    let rest = path.trim_start_matches('/');
    match rest.split_once('/') {
        Some((_, tail)) => folder(&format!("/{}/{tail}", lang.code())),
        None => home(lang),
    }
}

/// Whether `path` is `section` or a page inside it, segment by segment (`/en/news/7` is in
/// `/en/news`, `/en/newsletter` is not): the main navigation marks a section so.
pub fn is_within(path: &str, section: &str) -> bool {
    path.strip_prefix(section.trim_end_matches('/'))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The `{page}` of a feed path: absent means 1; anything but a number from 1 up is `None`.
pub fn parse_page(raw: Option<&str>) -> Option<u32> {
    match raw {
        None => Some(1),
        Some(s) => parse_number(s),
    }
}

/// The `{category}` of a feed path: absent or empty means every category; a slug is
/// lowercase ASCII letters, digits and hyphens; anything else is `Err`.
pub fn parse_category(raw: Option<&str>) -> Result<Option<String>, NotASlug> {
    match raw {
        None | Some("") => Ok(None),
        Some(s) if is_slug(s) => Ok(Some(s.to_string())),
        Some(_) => Err(NotASlug),
    }
}

/// A URL parameter that cannot be a slug.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotASlug;

/// The `date` of the news of one day: `YYYY-MM-DD`, a real date.
pub fn parse_date(raw: &str) -> Option<Date> {
    raw.parse().ok()
}

/// The search page for `query` at a 1-based page (page 1 is left out).
pub fn search(lang: Lang, query: &str, page: u32) -> String {
    let mut path = format!("{}?q={}", section(lang, "search"), encode_component(query));
    if page > 1 {
        path.push_str(&format!("&page={page}"));
    }
    path
}

/// `s` encoded as JavaScript's `encodeURIComponent` does: UTF-8 bytes as `%XX`, except
/// letters, digits and `-_.!~*'()`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `{id}` of an article path.
pub fn parse_id(raw: &str) -> Option<u32> {
    parse_number(raw)
}

fn parse_number(s: &str) -> Option<u32> {
    let digits = !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| s.parse().ok()).flatten().filter(|&n| n > 0)
}

fn is_slug(s: &str) -> bool {
    s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_holds_its_pages_and_no_namesakes() {
        assert!(is_within("/en/news", "/en/news"));
        assert!(is_within("/en/news/", "/en/news/"));
        assert!(is_within("/en/news/7/", "/en/news/"));
        assert!(!is_within("/en/newsletter/", "/en/news/"));
        assert!(is_within("/en/news/7", "/en/news"));
        assert!(is_within("/portal/en/news/page/2", "/portal/en/news/"));
        assert!(!is_within("/en/newsletter", "/en/news"));
        assert!(!is_within("/en/faq", "/en/news"));
        assert!(!is_within("/en", "/en/news"));
    }

    #[test]
    fn switches_language_keeping_the_page() {
        assert_eq!(in_language("/ru/news/7", Lang::En), "/en/news/7/");
        assert_eq!(in_language("/ru/news/7/", Lang::En), "/en/news/7/");
        assert_eq!(in_language("/en/", Lang::Qr), "/qr/");
        assert_eq!(in_language("/en", Lang::Uz), "/uz/");
        assert_eq!(in_language("/xx/news", Lang::Oz), "/oz/news/");
        assert_eq!(in_language("/", Lang::Ru), "/ru/");
        assert_eq!(in_language("", Lang::Ru), "/ru/");
    }

    #[test]
    fn puts_paths_in_folder_form_keeping_query_and_fragment() {
        assert_eq!(folder("/en/faq"), "/en/faq/");
        assert_eq!(folder("/en/faq/"), "/en/faq/");
        assert_eq!(folder("/en/faq#q-1"), "/en/faq/#q-1");
        assert_eq!(
            folder("/en/news?date=2017-11-01"),
            "/en/news/?date=2017-11-01"
        );
        assert_eq!(
            folder("/en/news/?date=2017-11-01"),
            "/en/news/?date=2017-11-01"
        );
        assert_eq!(folder("/en/search?q=a/b#x"), "/en/search/?q=a/b#x");
        assert_eq!(folder("/"), "/");
    }

    #[test]
    fn parses_page_numbers() {
        assert_eq!(parse_page(None), Some(1));
        assert_eq!(parse_page(Some("3")), Some(3));
        for bad in ["0", "-1", "abc", "", "1e3", "+2", " 2", "99999999999", "２"] {
            assert_eq!(parse_page(Some(bad)), None, "{bad}");
        }
    }

    #[test]
    fn parses_ids_and_categories() {
        assert_eq!(parse_id("42"), Some(42));
        assert_eq!(parse_id("0"), None);
        assert_eq!(parse_id("4x"), None);
        assert_eq!(parse_id("1234567890"), None);
        assert_eq!(parse_category(None), Ok(None));
        assert_eq!(parse_category(Some("")), Ok(None));
        assert_eq!(parse_category(Some("sport")), Ok(Some("sport".into())));
        assert!(parse_category(Some("../site")).is_err());
        assert!(parse_category(Some("Sport")).is_err());
        assert!(parse_category(Some("<script>")).is_err());
    }

    #[test]
    fn parses_dates() {
        assert_eq!(parse_date("2017-11-01"), Date::new(2017, 11, 1));
        for bad in [
            "2017-13-45",
            "2017-02-29",
            "2017-1-1",
            "",
            "x".repeat(10_000).as_str(),
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn builds_feed_paths() {
        assert_eq!(news(Lang::En, None, 1), "/en/news/");
        assert_eq!(news(Lang::En, None, 3), "/en/news/page/3/");
        assert_eq!(news(Lang::En, Some("sport"), 1), "/en/news/category/sport/");
        assert_eq!(
            news(Lang::En, Some("sport"), 2),
            "/en/news/category/sport/page/2/"
        );
        assert_eq!(
            search(Lang::Ru, "o'z дом", 1),
            "/ru/search/?q=o'z%20%D0%B4%D0%BE%D0%BC"
        );
        assert_eq!(search(Lang::En, "a&b", 2), "/en/search/?q=a%26b&page=2");
        let day = Date::new(2017, 11, 5).unwrap();
        assert_eq!(news_on(Lang::En, day), "/en/news/?date=2017-11-05");
        assert_eq!(article(Lang::En, 7), "/en/news/7/");
        assert_eq!(section(Lang::En, "faq"), "/en/faq/");
        assert_eq!(page(Lang::En, "privacy"), "/en/pages/privacy/");
        assert_eq!(home(Lang::En), "/en/");
    }
}
