//! Checks the committed static API (`public/api/v1/`) file by file against the contract of
//! `portal-api`, and the feeds, articles and the seed article against each other.

use portal_api::{
    paths, Agencies, Article, Block, CalendarMonth, Faq, Helplines, NewsPage, NewsSummary, Site,
    StaticPage, FALLBACK_LANGUAGE, LANGUAGES, PAGE_SIZE,
};
use serde::{de::DeserializeOwned, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The committed API, decoded: one entry per language.
#[derive(Default)]
struct Api {
    site: Option<Site>,
    /// `None` key: the feed of all news; `Some(slug)`: one category's feed.
    feeds: BTreeMap<Option<String>, BTreeMap<u32, NewsPage>>,
    articles: BTreeMap<u32, Article>,
    faq: Option<Faq>,
    helplines: Option<Helplines>,
    agencies: Option<Agencies>,
    /// Static pages by slug.
    pages: BTreeMap<String, StaticPage>,
    /// Calendar months by file stem, `yyyy-mm`.
    calendar: BTreeMap<String, CalendarMonth>,
}

fn api_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/api/v1")
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// Decodes `text` as `T` and checks that encoding it again gives the very same bytes: no
/// unknown field, nothing the contract would drop or change.
fn decode<T: DeserializeOwned + Serialize>(rel: &str, text: &str) -> T {
    let value: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let again = serde_json::to_string(&value).unwrap();
    assert_eq!(again, text, "{rel}: not exactly what the contract encodes");
    value
}

fn number(rel: &str, s: &str) -> u32 {
    let n: u32 = s
        .parse()
        .unwrap_or_else(|_| panic!("{rel}: `{s}` is not a number"));
    assert_eq!(n.to_string(), s, "{rel}: non-canonical number");
    n
}

/// Reads every file under the API root, decoding each by its path.
fn load() -> BTreeMap<String, Api> {
    let root = api_root();
    let mut files = Vec::new();
    walk(&root, &mut files);
    assert!(!files.is_empty(), "no file under {}", root.display());
    let mut langs: BTreeMap<String, Api> = BTreeMap::new();
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_str()
            .unwrap()
            .replace('\\', "/");
        // The XML files (Atom feeds, sitemap) and the search index are checked by
        // `portal-content check` and tests/search.rs.
        if rel.ends_with(".atom") || rel.ends_with(".xml") || rel.contains("/search/") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let parts: Vec<&str> = rel.split('/').collect();
        let api = langs.entry(parts[0].to_string()).or_default();
        let stem = |name: &str| -> String {
            name.strip_suffix(".json")
                .unwrap_or_else(|| panic!("{rel}: not a .json file"))
                .to_string()
        };
        match parts[1..] {
            ["site.json"] => api.site = Some(decode(&rel, &text)),
            ["faq.json"] => {
                assert_eq!(rel, paths::faq(parts[0]));
                api.faq = Some(decode(&rel, &text));
            }
            ["helplines.json"] => {
                assert_eq!(rel, paths::helplines(parts[0]));
                api.helplines = Some(decode(&rel, &text));
            }
            ["agencies.json"] => {
                assert_eq!(rel, paths::agencies(parts[0]));
                api.agencies = Some(decode(&rel, &text));
            }
            ["pages", name] => {
                let slug = stem(name);
                let page: StaticPage = decode(&rel, &text);
                assert_eq!(page.slug, slug, "{rel}: slug");
                assert_eq!(rel, paths::page(parts[0], &slug));
                api.pages.insert(slug, page);
            }
            ["news", "page", name] => {
                let n = number(&rel, &stem(name));
                let page: NewsPage = decode(&rel, &text);
                assert_eq!(page.page, n, "{rel}: page number");
                api.feeds.entry(None).or_default().insert(n, page);
            }
            ["news", "category", slug, "page", name] => {
                let n = number(&rel, &stem(name));
                let page: NewsPage = decode(&rel, &text);
                assert_eq!(page.page, n, "{rel}: page number");
                api.feeds
                    .entry(Some(slug.to_string()))
                    .or_default()
                    .insert(n, page);
            }
            ["news", "calendar", name] => {
                let month: CalendarMonth = decode(&rel, &text);
                assert_eq!(
                    rel,
                    paths::calendar_month(parts[0], month.year, month.month)
                );
                api.calendar.insert(stem(name), month);
            }
            ["news", name] => {
                let id = number(&rel, &stem(name));
                let article: Article = decode(&rel, &text);
                assert_eq!(article.id, id, "{rel}: id");
                assert_eq!(rel, paths::article(parts[0], id));
                api.articles.insert(id, article);
            }
            _ => panic!("{rel}: a file the contract does not describe"),
        }
    }
    langs
}

fn en() -> Api {
    load().remove("en").expect("the en language")
}

/// Newest first, and on the same day the higher id first.
fn is_newest_first(items: &[&NewsSummary]) -> bool {
    items
        .windows(2)
        .all(|w| (w[0].date, w[0].id) > (w[1].date, w[1].id))
}

fn agrees(s: &NewsSummary, a: &Article, at: &str) {
    assert_eq!(s.id, a.id, "{at}");
    assert_eq!(s.title, a.title, "{at}: title of {}", a.id);
    assert_eq!(s.date, a.date, "{at}: date of {}", a.id);
    assert_eq!(s.category, a.category, "{at}: category of {}", a.id);
    assert_eq!(s.lead, a.lead, "{at}: lead of {}", a.id);
    assert_eq!(s.sample, a.sample, "{at}: sample flag of {}", a.id);
    assert_eq!(s.lang, a.lang, "{at}: lang of {}", a.id);
}

#[test]
fn every_language_is_complete_and_consistent() {
    for (lang, api) in load() {
        let site = api
            .site
            .as_ref()
            .unwrap_or_else(|| panic!("{lang}: no site.json"));
        assert_eq!(site.lang, lang);
        assert!(!site.categories.is_empty(), "{lang}: no category");

        // One feed for all news and one per category of site.json, and no other.
        let mut want: BTreeSet<Option<String>> = site
            .categories
            .iter()
            .map(|c| Some(c.slug.clone()))
            .collect();
        want.insert(None);
        let have: BTreeSet<Option<String>> = api.feeds.keys().cloned().collect();
        assert_eq!(have, want, "{lang}: feeds");

        for (category, pages) in &api.feeds {
            let at = format!("{lang} feed {category:?}");
            let first = &pages[&1];
            let total_pages = first.total_pages;
            assert!(total_pages >= 1, "{at}: total_pages");
            let numbers: Vec<u32> = pages.keys().copied().collect();
            assert_eq!(
                numbers,
                (1..=total_pages).collect::<Vec<_>>(),
                "{at}: pages"
            );
            let mut items: Vec<&NewsSummary> = Vec::new();
            for page in pages.values() {
                assert_eq!(page.total_pages, total_pages, "{at} page {}", page.page);
                assert_eq!(
                    page.total_items, first.total_items,
                    "{at} page {}",
                    page.page
                );
                assert!(
                    page.items.len() <= PAGE_SIZE as usize,
                    "{at} page {}",
                    page.page
                );
                if page.page < total_pages {
                    assert_eq!(
                        page.items.len(),
                        PAGE_SIZE as usize,
                        "{at}: a page not full"
                    );
                }
                items.extend(&page.items);
            }
            assert_eq!(items.len(), first.total_items as usize, "{at}: total_items");
            assert!(is_newest_first(&items), "{at}: not newest first");
            for s in &items {
                let a = api
                    .articles
                    .get(&s.id)
                    .unwrap_or_else(|| panic!("{at}: article {} has no file", s.id));
                agrees(s, a, &at);
                if let Some(slug) = category {
                    assert_eq!(&s.category.slug, slug, "{at}: article {}", s.id);
                }
            }
            // The feed of all news lists every article; a category's, every one of it.
            let listed: BTreeSet<u32> = items.iter().map(|s| s.id).collect();
            let expected: BTreeSet<u32> = api
                .articles
                .values()
                .filter(|a| category.as_ref().is_none_or(|c| &a.category.slug == c))
                .map(|a| a.id)
                .collect();
            assert_eq!(listed, expected, "{at}: articles listed");
        }

        for a in api.articles.values() {
            let at = format!("{lang}/news/{}.json", a.id);
            assert!(site.categories.contains(&a.category), "{at}: category");
            assert!(
                !a.title.is_empty() && !a.lead.is_empty() && !a.body.is_empty(),
                "{at}"
            );
            assert!(a.updated.is_none_or(|u| u >= a.date), "{at}: updated");
            // Related: the up to 4 newest other articles of the same category.
            let mut others: Vec<&Article> = api
                .articles
                .values()
                .filter(|o| o.category == a.category && o.id != a.id)
                .collect();
            others.sort_by_key(|o| std::cmp::Reverse((o.date, o.id)));
            let want: Vec<u32> = others.iter().take(4).map(|o| o.id).collect();
            let have: Vec<u32> = a.related.iter().map(|s| s.id).collect();
            assert_eq!(have, want, "{at}: related");
            for s in &a.related {
                assert_ne!(s.id, a.id, "{at}: related to itself");
                assert_eq!(s.category, a.category, "{at}: related of another category");
                agrees(s, &api.articles[&s.id], &at);
            }
        }
    }
}

/// `yyyy-mm` of every month from `first` to `last`, inclusive.
fn months(first: portal_api::Date, last: portal_api::Date) -> Vec<String> {
    let key = |d: portal_api::Date| u32::from(d.year()) * 12 + u32::from(d.month()) - 1;
    (key(first)..=key(last))
        .map(|k| format!("{:04}-{:02}", k / 12, k % 12 + 1))
        .collect()
}

#[test]
fn calendar_months_cover_the_whole_range_of_the_news() {
    for (lang, api) in load() {
        let site = api.site.as_ref().unwrap();
        let first = api.articles.values().map(|a| a.date).min();
        let last = api.articles.values().map(|a| a.date).max();
        assert_eq!((site.first_news, site.last_news), (first, last), "{lang}");
        let (first, last) = (first.unwrap(), last.unwrap());
        let have: Vec<String> = api.calendar.keys().cloned().collect();
        assert_eq!(have, months(first, last), "{lang}: calendar months");
    }
}

#[test]
fn calendar_days_list_exactly_the_articles_of_that_date() {
    for (lang, api) in load() {
        let mut seen = BTreeSet::new();
        for (stem, month) in &api.calendar {
            let dates: Vec<_> = month.days.iter().map(|d| d.date).collect();
            assert!(dates.windows(2).all(|w| w[0] < w[1]), "{lang} {stem}: days");
            for day in &month.days {
                let at = format!("{lang} {stem} {}", day.date);
                assert_eq!(
                    (day.date.year(), day.date.month()),
                    (month.year, month.month)
                );
                assert!(!day.items.is_empty(), "{at}: a day without news");
                let items: Vec<&NewsSummary> = day.items.iter().collect();
                assert!(is_newest_first(&items), "{at}: order");
                for s in &day.items {
                    agrees(s, &api.articles[&s.id], &at);
                    assert!(seen.insert(s.id), "{at}: {} listed twice", s.id);
                }
            }
        }
        let all: BTreeSet<u32> = api.articles.keys().copied().collect();
        assert_eq!(seen, all, "{lang}: every article is on its day");
    }
    // (Months without news, present with no days, are tested in `tree`: the sources have none.)
}

#[test]
fn english_site_has_the_portal_name_announcements_and_categories() {
    let site = en().site.unwrap();
    assert_eq!(
        site.name,
        "The Government portal of the Republic of Uzbekistan"
    );
    let items: Vec<(&str, &str)> = site
        .new_on_portal
        .iter()
        .map(|a| (a.title.as_str(), a.path.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("New page \"Open Government\"", "en/pages/open-government"),
            ("Added widget FAQs", "en/faq"),
            (
                "Added a list of government agencies in the Karakalpak language",
                "qr/agencies"
            ),
            ("Helplines of ministries and agencies", "en/helplines"),
            ("Government portal in Karakalpak language", "qr/"),
        ]
    );
    assert!(site.new_on_portal.iter().all(|a| a.date.is_none()));
    let categories: Vec<(&str, &str)> = site
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        categories,
        [
            ("politics", "Politics"),
            ("economy", "Economy"),
            ("society", "Society"),
            ("culture", "Culture"),
            ("education", "Education"),
            ("sport", "Sport"),
        ]
    );
}

const SEED_FIRST: &str = "On October 31, 2017, an international conference on “Uzbekistan–Kazakhstan: 25 years since the establishment of diplomatic relations” was held at the International Business Center.";
const SEED_MIDDLE: &str = "Kazakhstan is one of the most important trade and economic partners of our country. There are about 230 enterprises with participation of Kazakhstan capital in our country, in Kazakhstan – over 130 enterprises that are organized jointly with partners from Uzbekistan. Natural gas, means of transportation, cars, mineral fertilizers, textile, electrical, construction products, fruits and vegetables, and other goods and services are exported from Uzbekistan to Kazakhstan. Oil products, metal, flour, fat and oil products are imported from Kazakhstan to our country.";
const SEED_LAST: &str = "Following the conference, a joint communiqué was adopted.";

#[test]
fn the_seed_article_is_verbatim() {
    let api = en();
    let a = &api.articles[&1];
    assert_eq!(
        a.title,
        "Uzbekistan–Kazakhstan: dedicated to the 25th anniversary of establishment of diplomatic relations"
    );
    assert_eq!(a.date.to_string(), "2017-11-01");
    assert_eq!(a.updated, None);
    assert_eq!(
        (a.category.slug.as_str(), a.category.name.as_str()),
        ("politics", "Politics")
    );
    assert_eq!(a.byline.as_deref(), Some("Ulugbek Shonazarov, UzA"));
    assert!(!a.sample);
    assert_eq!(a.lead, SEED_FIRST);

    let paragraphs: Vec<&str> = a
        .body
        .iter()
        .map(|b| match b {
            portal_api::Block::Paragraph { text } => text.as_str(),
            other => panic!("the seed article has only paragraphs, not {other:?}"),
        })
        .collect();
    assert_eq!(paragraphs.len(), 12);
    assert_eq!(paragraphs[0], SEED_FIRST);
    assert_eq!(paragraphs[6], SEED_MIDDLE);
    assert_eq!(paragraphs[11], SEED_LAST);
    assert!(paragraphs[9].ends_with(
        "In 2016, the trade turnover between our countries amounted to 2 billion dollars. In the future, it is planned to increase this figure to 5 billion dollars."
    ));
    for p in &paragraphs {
        assert_eq!(p.trim(), *p, "no stray spaces");
    }
}

#[test]
fn the_seed_article_is_on_page_3_of_the_feed() {
    let api = en();
    let position = |category: Option<&str>| -> (u32, usize) {
        let pages = &api.feeds[&category.map(str::to_string)];
        pages
            .values()
            .find_map(|p| {
                let i = p.items.iter().position(|s| s.id == 1)?;
                Some((p.page, i + 1))
            })
            .expect("the seed article is listed")
    };
    // 20 articles are newer and, on the same day, articles 26 and 25 come first.
    assert_eq!(position(None), (3, 3));
    assert_eq!(position(Some("politics")), (1, 4));
}

#[test]
fn sample_articles_are_many_varied_and_marked() {
    let api = en();
    let samples: Vec<&Article> = api.articles.values().filter(|a| a.id != 1).collect();
    assert!(samples.len() >= 40, "{} sample articles", samples.len());
    let mut categories = BTreeSet::new();
    let mut months = BTreeSet::new();
    for a in &samples {
        let at = format!("article {}", a.id);
        assert!(a.sample, "{at}: not marked sample");
        assert!(
            a.byline.as_deref().is_some_and(|b| b.contains("(sample)")),
            "{at}: byline"
        );
        assert!(
            (2..=5).contains(&a.body.len()),
            "{at}: {} blocks",
            a.body.len()
        );
        // No phone numbers in sample text: no run of 5 or more digits (spaces and dashes
        // between them included), no international prefix.
        for text in block_texts(a) {
            let digits = text
                .chars()
                .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
                .collect::<String>();
            let longest = digits
                .split(|c: char| !c.is_ascii_digit())
                .map(str::len)
                .max()
                .unwrap_or(0);
            assert!(longest < 5 && !text.contains("+998"), "{at}: `{text}`");
        }
        categories.insert(a.category.slug.clone());
        months.insert((a.date.year(), a.date.month()));
    }
    assert!(categories.len() >= 5, "{categories:?}");
    assert!(months.len() >= 3, "{months:?}");
    let per_category = |slug: &str| samples.iter().filter(|a| a.category.slug == slug).count();
    for c in &categories {
        assert!(
            per_category(c) >= 5,
            "{c}: {} sample articles",
            per_category(c)
        );
    }
}

fn block_texts(a: &Article) -> Vec<String> {
    use portal_api::Block::*;
    let mut texts = vec![a.title.clone(), a.lead.clone()];
    for b in &a.body {
        match b {
            Paragraph { text } | Heading { text } => texts.push(text.clone()),
            List { items } => texts.extend(items.iter().cloned()),
            Quote { text, cite } => {
                texts.extend([Some(text.clone()), cite.clone()].into_iter().flatten())
            }
            Image { alt, caption, .. } => {
                texts.extend([Some(alt.clone()), caption.clone()].into_iter().flatten())
            }
        }
    }
    texts
}

/// Ids of the feed of all news of `api`, in feed order.
fn feed_ids(api: &Api) -> Vec<u32> {
    api.feeds[&None]
        .values()
        .flat_map(|p| p.items.iter().map(|s| s.id))
        .collect()
}

fn slugs(site: &Site) -> BTreeSet<&str> {
    site.categories.iter().map(|c| c.slug.as_str()).collect()
}

#[test]
fn the_five_languages_list_the_same_articles_and_categories() {
    let langs = load();
    let have: BTreeSet<&str> = langs.keys().map(String::as_str).collect();
    assert_eq!(have, LANGUAGES.into_iter().collect(), "language folders");
    let en = &langs[FALLBACK_LANGUAGE];
    let en_site = en.site.as_ref().unwrap();
    for (lang, api) in &langs {
        let site = api.site.as_ref().unwrap();
        // Same articles, in the same order (same dates and ids), and same category slugs.
        assert_eq!(
            feed_ids(api),
            feed_ids(en),
            "{lang}: ids of the feed of all news"
        );
        assert_eq!(slugs(site), slugs(en_site), "{lang}: category slugs");
        let keys: BTreeSet<&u32> = api.articles.keys().collect();
        assert_eq!(keys, en.articles.keys().collect(), "{lang}: article files");
        // Each category's feed lists the same ids in every language.
        for slug in slugs(site) {
            let ids = |api: &Api| -> Vec<u32> {
                api.feeds[&Some(slug.to_string())]
                    .values()
                    .flat_map(|p| p.items.iter().map(|s| s.id))
                    .collect()
            };
            assert_eq!(ids(api), ids(en), "{lang}: feed of {slug}");
        }
    }
}

#[test]
fn english_is_never_marked_as_a_fallback() {
    let api = en();
    for a in api.articles.values() {
        assert_eq!(a.lang, None, "en/news/{}.json", a.id);
        assert!(
            a.related.iter().all(|s| s.lang.is_none()),
            "en/news/{}.json",
            a.id
        );
    }
    for pages in api.feeds.values() {
        for page in pages.values() {
            assert!(page.items.iter().all(|s| s.lang.is_none()));
        }
    }
}

#[test]
fn the_seed_article_is_served_in_english_with_the_category_in_the_readers_language() {
    let langs = load();
    let en_seed = &langs[FALLBACK_LANGUAGE].articles[&1];
    for lang in LANGUAGES.into_iter().filter(|l| *l != FALLBACK_LANGUAGE) {
        let api = &langs[lang];
        let site = api.site.as_ref().unwrap();
        let politics = site
            .categories
            .iter()
            .find(|c| c.slug == "politics")
            .unwrap();
        assert_ne!(
            politics.name, "Politics",
            "{lang}: politics is not translated"
        );
        let a = &api.articles[&1];
        let at = format!("{lang}/news/1.json");
        assert_eq!(a.lang.as_deref(), Some(FALLBACK_LANGUAGE), "{at}: lang");
        assert_eq!(a.title, en_seed.title, "{at}: English title");
        assert_eq!(a.lead, SEED_FIRST, "{at}: English lead");
        assert_eq!(a.body, en_seed.body, "{at}: English body");
        assert_eq!(a.byline.as_deref(), Some("Ulugbek Shonazarov, UzA"), "{at}");
        assert_eq!(&a.category, politics, "{at}: category in the language");
        assert!(!a.sample, "{at}");
        let listed = api.feeds[&None]
            .values()
            .flat_map(|p| &p.items)
            .find(|s| s.id == 1)
            .unwrap();
        assert_eq!(
            listed.lang.as_deref(),
            Some(FALLBACK_LANGUAGE),
            "{lang}: feed"
        );
        assert_eq!(&listed.category, politics, "{lang}: feed");
    }
}

#[test]
fn other_languages_have_their_own_translations_and_fall_back_for_the_rest() {
    let langs = load();
    let en = &langs[FALLBACK_LANGUAGE];
    for lang in LANGUAGES.into_iter().filter(|l| *l != FALLBACK_LANGUAGE) {
        let api = &langs[lang];
        let site = api.site.as_ref().unwrap();
        let mut own = BTreeSet::new();
        for a in api.articles.values() {
            let at = format!("{lang}/news/{}.json", a.id);
            let original = &en.articles[&a.id];
            // Whatever its text, an article keeps its original's date, category and flag.
            assert_eq!(a.date, original.date, "{at}: date");
            assert_eq!(a.category.slug, original.category.slug, "{at}: category");
            assert_eq!(a.sample, original.sample, "{at}: sample");
            let name = &site
                .categories
                .iter()
                .find(|c| c.slug == a.category.slug)
                .unwrap()
                .name;
            assert_eq!(&a.category.name, name, "{at}: category name");
            match a.lang.as_deref() {
                None => {
                    // A translation: its own text and byline.
                    assert_ne!(a.title, original.title, "{at}: title not translated");
                    assert_ne!(a.lead, original.lead, "{at}: lead not translated");
                    assert_ne!(a.body, original.body, "{at}: body not translated");
                    assert!(
                        a.byline.is_some() && a.byline != original.byline,
                        "{at}: byline"
                    );
                    own.insert(a.id);
                }
                Some(FALLBACK_LANGUAGE) => {
                    // Served from en: the English article, but for its category's name.
                    let want = Article {
                        category: a.category.clone(),
                        lang: a.lang.clone(),
                        related: a.related.clone(),
                        ..original.clone()
                    };
                    assert_eq!(a, &want, "{at}: not the English article");
                }
                Some(other) => panic!("{at}: lang `{other}`"),
            }
        }
        assert!(own.len() >= 15, "{lang}: {} own articles", own.len());
        let own_categories: BTreeSet<&str> = own
            .iter()
            .map(|id| api.articles[id].category.slug.as_str())
            .collect();
        assert_eq!(
            own_categories,
            slugs(site),
            "{lang}: a category without translations"
        );
    }
}

#[test]
fn other_sites_translate_the_announcements_and_point_to_the_same_pages() {
    let langs = load();
    let en_site = langs[FALLBACK_LANGUAGE].site.clone().unwrap();
    for lang in LANGUAGES.into_iter().filter(|l| *l != FALLBACK_LANGUAGE) {
        let site = langs[lang].site.as_ref().unwrap();
        assert_ne!(site.name, en_site.name, "{lang}: portal name");
        assert_eq!(
            site.new_on_portal.len(),
            en_site.new_on_portal.len(),
            "{lang}"
        );
        for (a, original) in site.new_on_portal.iter().zip(&en_site.new_on_portal) {
            // `en/faq` becomes `{lang}/faq`; a link to another language (`qr/`) stays.
            let want = match original.path.strip_prefix("en/") {
                Some(rest) => format!("{lang}/{rest}"),
                None => original.path.clone(),
            };
            assert_eq!(a.path, want, "{lang}: path of `{}`", a.title);
            assert_ne!(
                a.title, original.title,
                "{lang}: `{}` not translated",
                a.title
            );
        }
        for (c, original) in site.categories.iter().zip(&en_site.categories) {
            assert_eq!(c.slug, original.slug, "{lang}: category order");
        }
    }
    let names: Vec<&str> = LANGUAGES
        .iter()
        .map(|l| langs[*l].site.as_ref().unwrap().name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Oʻzbekiston Respublikasi Hukumat portali",
            "Ўзбекистон Республикаси Ҳукумат портали",
            "Правительственный портал Республики Узбекистан",
            "The Government portal of the Republic of Uzbekistan",
            "Ózbekstan Respublikası Húkimet portalı",
        ]
    );
}

/// Question ids of a FAQ, in file order, by topic.
fn faq_ids(faq: &Faq) -> Vec<(&str, Vec<&str>)> {
    faq.topics
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.questions.iter().map(|q| q.id.as_str()).collect(),
            )
        })
        .collect()
}

/// Helpline ids, in file order, by group.
fn helpline_ids(h: &Helplines) -> Vec<(&str, Vec<&str>)> {
    h.groups
        .iter()
        .map(|g| {
            (
                g.id.as_str(),
                g.entries.iter().map(|e| e.id.as_str()).collect(),
            )
        })
        .collect()
}

#[test]
fn every_language_has_the_same_faq_translated() {
    let langs = load();
    let en = langs[FALLBACK_LANGUAGE].faq.as_ref().expect("en/faq.json");
    assert!(en.topics.len() >= 5, "{} topics", en.topics.len());
    let questions = en.topics.iter().map(|t| t.questions.len()).sum::<usize>();
    assert!(questions >= 30, "{questions} questions");
    for lang in LANGUAGES {
        let faq = langs[lang]
            .faq
            .as_ref()
            .unwrap_or_else(|| panic!("{lang}/faq.json"));
        assert_eq!(faq_ids(faq), faq_ids(en), "{lang}/faq.json: ids");
        let mut seen = BTreeSet::new();
        for (t, original_topic) in faq.topics.iter().zip(&en.topics) {
            assert!(!t.title.trim().is_empty(), "{lang}: topic {}", t.id);
            if lang != FALLBACK_LANGUAGE {
                assert_ne!(
                    t.title, original_topic.title,
                    "{lang}: topic {} not translated",
                    t.id
                );
            }
            for (q, original) in t.questions.iter().zip(&original_topic.questions) {
                let at = format!("{lang}/faq.json#{}", q.id);
                assert!(seen.insert(q.id.clone()), "{at}: repeated");
                assert!(q.sample, "{at}: sample");
                assert!(!q.question.trim().is_empty(), "{at}");
                assert!((1..=3).contains(&q.answer.len()), "{at}: 1–3 paragraphs");
                assert!(q.answer.iter().all(|a| !a.trim().is_empty()), "{at}");
                // All content is translated: no question is served from en.
                assert_eq!(q.lang, None, "{at}: served from en");
                if lang != FALLBACK_LANGUAGE {
                    assert_ne!(q.question, original.question, "{at}: not translated");
                    assert_ne!(q.answer, original.answer, "{at}: not translated");
                }
            }
        }
    }
}

#[test]
fn every_language_has_the_same_sample_helplines() {
    let langs = load();
    let en = langs[FALLBACK_LANGUAGE]
        .helplines
        .as_ref()
        .expect("en/helplines.json");
    let ids: Vec<&str> = en.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["ministries", "committees", "agencies"]);
    let count = en.groups.iter().map(|g| g.entries.len()).sum::<usize>();
    assert!(count >= 40, "{count} helplines");
    for lang in LANGUAGES {
        let h = langs[lang]
            .helplines
            .as_ref()
            .unwrap_or_else(|| panic!("{lang}/helplines.json"));
        assert_eq!(
            helpline_ids(h),
            helpline_ids(en),
            "{lang}/helplines.json: ids"
        );
        let mut seen = BTreeSet::new();
        for (g, original_group) in h.groups.iter().zip(&en.groups) {
            if lang != FALLBACK_LANGUAGE {
                assert_ne!(g.name, original_group.name, "{lang}: group {}", g.id);
            }
            for (e, original) in g.entries.iter().zip(&original_group.entries) {
                let at = format!("{lang}/helplines.json: {}", e.id);
                assert!(seen.insert(e.id.clone()), "{at}: repeated");
                assert!(e.sample, "{at}: sample");
                assert!(!e.phones.is_empty(), "{at}: no phone");
                // Sample numbers must not be mistaken for real ones: +998 00 0NN NN NN.
                for phone in &e.phones {
                    let digits = phone.strip_prefix("+998000").unwrap_or_else(|| {
                        panic!("{at}: `{phone}` is not of the form +998 00 0NN NN NN")
                    });
                    assert!(
                        digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()),
                        "{at}: `{phone}`"
                    );
                }
                if let Some(short) = &e.short_number {
                    assert!(
                        short.len() == 4
                            && short.starts_with("00")
                            && short.bytes().all(|b| b.is_ascii_digit()),
                        "{at}: short number `{short}` is not of the form 00NN"
                    );
                }
                let email = e.email.as_deref().unwrap_or("");
                assert!(email.ends_with("@example.uz"), "{at}: e-mail `{email}`");
                let site = e.website.as_deref().unwrap_or("");
                assert!(
                    site == "https://example.uz" || site.starts_with("https://example.uz/"),
                    "{at}: website `{site}`"
                );
                assert!(
                    e.hours.as_deref().is_some_and(|h| !h.trim().is_empty()),
                    "{at}: hours"
                );
                // Only the name and the hours are translated.
                assert_eq!(
                    (&e.short_number, &e.phones, &e.email, &e.website),
                    (
                        &original.short_number,
                        &original.phones,
                        &original.email,
                        &original.website
                    ),
                    "{at}"
                );
                if lang != FALLBACK_LANGUAGE {
                    assert_ne!(e.name, original.name, "{at}: name not translated");
                    assert_ne!(e.hours, original.hours, "{at}: hours not translated");
                }
            }
        }
    }
}

#[test]
fn uzbek_latin_and_karakalpak_use_the_right_apostrophes() {
    let langs = load();
    for lang in ["oz", "qr"] {
        let api = &langs[lang];
        let text =
            serde_json::to_string(&(&api.faq, &api.helplines, &api.agencies, &api.pages)).unwrap();
        for bad in ['\'', '‘', '’', '`'] {
            assert!(!text.contains(bad), "{lang}: `{bad}` instead of ʻ or ʼ");
        }
    }
}

/// The word "Sample:" that starts every sample address, per language.
fn sample_word(lang: &str) -> &'static str {
    match lang {
        "en" => "Sample: ",
        "oz" => "Namuna: ",
        "uz" => "Намуна: ",
        "ru" => "Образец: ",
        "qr" => "Úlgi: ",
        other => panic!("no sample word for {other}"),
    }
}

#[test]
fn every_language_has_the_same_sample_agencies() {
    let langs = load();
    let en = langs[FALLBACK_LANGUAGE]
        .agencies
        .as_ref()
        .expect("en/agencies.json");
    assert!(en.agencies.len() >= 40, "{} agencies", en.agencies.len());
    let ids = |a: &Agencies| a.agencies.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    for lang in LANGUAGES {
        let a = langs[lang]
            .agencies
            .as_ref()
            .unwrap_or_else(|| panic!("{lang}/agencies.json"));
        assert_eq!(ids(a), ids(en), "{lang}/agencies.json: ids");
        let mut seen = BTreeSet::new();
        for (e, original) in a.agencies.iter().zip(&en.agencies) {
            let at = format!("{lang}/agencies.json: {}", e.id);
            assert!(seen.insert(e.id.clone()), "{at}: repeated");
            assert!(e.sample, "{at}: sample");
            assert!(!e.name.trim().is_empty(), "{at}: name");
            // Every language translates every agency: name and address.
            let word = sample_word(lang);
            assert!(
                e.address.starts_with(word) && e.address.len() > word.len(),
                "{at}: address `{}` does not start with `{word}`",
                e.address
            );
            if lang != FALLBACK_LANGUAGE {
                assert_ne!(e.name, original.name, "{at}: name not translated");
            }
            assert!(!e.phones.is_empty(), "{at}: no phone");
            // Sample numbers must not be mistaken for real ones: +998 00 0NN NN NN.
            for phone in &e.phones {
                let digits = phone.strip_prefix("+998000").unwrap_or_else(|| {
                    panic!("{at}: `{phone}` is not of the form +998 00 0NN NN NN")
                });
                assert!(
                    digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()),
                    "{at}: `{phone}`"
                );
            }
            assert_eq!(
                e.email.as_deref(),
                Some(format!("{}@example.uz", e.id).as_str()),
                "{at}: e-mail"
            );
            assert_eq!(
                e.website.as_deref(),
                Some(format!("https://example.uz/{}", e.id).as_str()),
                "{at}: website"
            );
            // Only the name and the address are translated.
            assert_eq!(
                (&e.phones, &e.email, &e.website),
                (&original.phones, &original.email, &original.website),
                "{at}"
            );
        }
    }
}

#[test]
fn every_language_has_the_open_government_page() {
    let langs = load();
    let en = &langs[FALLBACK_LANGUAGE].pages["open-government"];
    assert_eq!(en.title, "Open Government");
    for lang in LANGUAGES {
        let pages = &langs[lang].pages;
        let page = pages
            .get("open-government")
            .unwrap_or_else(|| panic!("{lang}/pages/open-government.json"));
        let at = format!("{lang}/pages/open-government.json");
        assert!(page.sample, "{at}: sample");
        assert!(
            (4..=6).contains(&page.body.len()),
            "{at}: {} blocks",
            page.body.len()
        );
        assert!(
            page.body.iter().any(|b| matches!(b, Block::Heading { .. })),
            "{at}: a heading"
        );
        assert!(
            page.body
                .iter()
                .any(|b| matches!(b, Block::List { items } if items.len() >= 4)),
            "{at}: a list of what the section offers"
        );
        // Every language has the pages of en, and no other.
        let slugs: Vec<&String> = pages.keys().collect();
        let en_slugs: Vec<&String> = langs[FALLBACK_LANGUAGE].pages.keys().collect();
        assert_eq!(slugs, en_slugs, "{lang}: pages");
        for p in pages.values() {
            assert!(
                p.lang.is_none()
                    || (lang != FALLBACK_LANGUAGE && p.lang.as_deref() == Some(FALLBACK_LANGUAGE)),
                "{lang}/pages/{}.json: lang",
                p.slug
            );
        }
        // Open Government is translated into every language.
        assert_eq!(page.lang, None, "{at}: served from {:?}", page.lang);
        if lang != FALLBACK_LANGUAGE {
            assert_ne!(page.title, en.title, "{at}: title not translated");
            assert_ne!(page.body, en.body, "{at}: body not translated");
        }
    }
}
