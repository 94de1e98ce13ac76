//! The API files of one language, planned from its site and articles and rendered one file
//! at a time, so that a build of 100,000 articles never holds all its files in memory and
//! can render and write them in parallel.
//!
//! A [`Plan`] sorts the articles and groups them (feeds, categories, calendar months) by
//! index; each [`Job`] is one file, rendered by [`Plan::render`] from borrowed data. The
//! `*Out` types mirror the contract types field for field, with borrowed values, and
//! encode to exactly the same JSON (tested below).

use crate::index::{Index, TokenTable};
use crate::xml::{self, Entry, FEED_ENTRIES};
use portal_api::{paths, Article, Block, Category, Date, NewsSummary, Site, PAGE_SIZE};
use portal_api::{Agencies, Faq, Helplines, StaticPage};
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// How many related articles an article lists.
pub const RELATED: usize = 4;

/// API files: path relative to the API root → text (compact JSON; XML for the feeds).
pub type Files = BTreeMap<String, String>;

/// An article as one language lists it: its own (`lang: None`), or one of the fallback
/// language's, with the category named in this language and `lang` set. Borrowed, so that
/// five languages of 100,000 articles share one copy of each text.
#[derive(Clone, Copy, Debug)]
pub struct Listed<'a> {
    pub article: &'a Article,
    pub category: &'a Category,
    pub lang: Option<&'a str>,
}

impl<'a> Listed<'a> {
    /// An article as it is, in its own category and language.
    pub fn own(article: &'a Article) -> Self {
        Self {
            article,
            category: &article.category,
            lang: article.lang.as_deref(),
        }
    }

    fn summary(&self) -> NewsSummary {
        let a = self.article;
        NewsSummary {
            id: a.id,
            title: a.title.clone(),
            date: a.date,
            category: self.category.clone(),
            lead: a.lead.clone(),
            sample: a.sample,
            lang: self.lang.map(str::to_string),
        }
    }
}

/// [`Article`], borrowed.
#[derive(Serialize)]
struct ArticleOut<'a> {
    id: u32,
    title: &'a str,
    date: Date,
    updated: Option<Date>,
    category: &'a Category,
    lead: &'a str,
    body: &'a [Block],
    byline: Option<&'a str>,
    sample: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    related: Vec<&'a NewsSummary>,
}

/// [`NewsPage`], borrowed.
#[derive(Serialize)]
struct NewsPageOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a Category>,
    page: u32,
    total_pages: u32,
    total_items: u32,
    items: Vec<&'a NewsSummary>,
}

/// [`CalendarMonth`], borrowed.
#[derive(Serialize)]
struct CalendarMonthOut<'a> {
    year: u16,
    month: u8,
    days: Vec<CalendarDayOut<'a>>,
}

/// [`CalendarDay`], borrowed.
#[derive(Serialize)]
struct CalendarDayOut<'a> {
    date: Date,
    items: Vec<&'a NewsSummary>,
}

/// One file of a [`Plan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    Site,
    /// Page `page` (from 1) of the feed of all news (`None`) or of a category (index in
    /// the site's categories).
    Feed {
        category: Option<usize>,
        page: u32,
    },
    /// Calendar month `i`, from the oldest article's month.
    Month(usize),
    /// The Atom feed of all news (`None`) or of a category.
    Atom {
        category: Option<usize>,
    },
    /// Article `i` of the sorted articles.
    Article(usize),
    /// File `i` rendered beforehand (FAQ, helplines, agencies, pages).
    Extra(usize),
    /// `search/index.json`.
    SearchIndex,
    /// Shard `i` of the search index.
    SearchShard(usize),
    /// File `i` of the search index's vocabulary by last letters.
    SearchVocab(usize),
    /// Chunk `i` of the documents of the search index.
    SearchDocs(u32),
}

/// The files of one language, ready to render.
pub struct Plan<'a> {
    pub site: Site,
    /// Newest first (same day: higher id first), as in the feed.
    sorted: Vec<Listed<'a>>,
    /// The summary of each of `sorted`.
    summaries: Vec<NewsSummary>,
    /// Per category of the site: indices into `sorted`, in feed order.
    by_category: Vec<Vec<usize>>,
    /// Index in the site's categories of each of `sorted`.
    category_of: Vec<usize>,
    /// Every month from the oldest article's to the newest's: `(year, month, days)`, each
    /// day with the indices of its articles in feed order.
    months: Vec<Month>,
    /// Files rendered beforehand: path and JSON.
    extra: Vec<(String, String)>,
    /// Origin of the app (`https://example.org/base/`) for absolute links in feeds.
    origin: Option<String>,
    /// The search index, once [`Plan::index`] made it.
    search: Option<Index>,
}

/// A calendar month: year, month, and the days that have news, each with the indices of
/// its articles in feed order.
type Month = (u16, u8, Vec<(Date, Vec<usize>)>);

/// `yyyy * 12 + mm - 1`, to step month by month.
fn month_key(d: Date) -> u32 {
    u32::from(d.year()) * 12 + u32::from(d.month()) - 1
}

impl<'a> Plan<'a> {
    /// Plans `site.json` (with the dates of its oldest and newest article), the feeds (all
    /// and per category), the calendar months and one file per article. The order of
    /// `articles` does not matter; every article's category must be one of the site's.
    pub fn new(site: &Site, mut sorted: Vec<Listed<'a>>) -> Self {
        // Newest date first, then highest id first.
        sorted.sort_unstable_by_key(|l| (Reverse(l.article.date), Reverse(l.article.id)));
        let site = Site {
            first_news: sorted.last().map(|l| l.article.date),
            last_news: sorted.first().map(|l| l.article.date),
            ..site.clone()
        };
        let summaries: Vec<NewsSummary> = sorted.iter().map(Listed::summary).collect();
        let mut by_category = vec![Vec::new(); site.categories.len()];
        let mut category_of = Vec::with_capacity(sorted.len());
        for (i, l) in sorted.iter().enumerate() {
            let c = site
                .categories
                .iter()
                .position(|c| c.slug == l.category.slug)
                .expect("an article's category is one of the site's");
            by_category[c].push(i);
            category_of.push(c);
        }
        let mut months = Vec::new();
        if let (Some(newest), Some(oldest)) = (sorted.first(), sorted.last()) {
            // Month → day → indices, the indices kept in feed order.
            let mut by_month: BTreeMap<u32, BTreeMap<Date, Vec<usize>>> = BTreeMap::new();
            for (i, l) in sorted.iter().enumerate() {
                let d = l.article.date;
                by_month
                    .entry(month_key(d))
                    .or_default()
                    .entry(d)
                    .or_default()
                    .push(i);
            }
            for k in month_key(oldest.article.date)..=month_key(newest.article.date) {
                let days = by_month
                    .remove(&k)
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                months.push(((k / 12) as u16, (k % 12 + 1) as u8, days));
            }
        }
        Self {
            site,
            sorted,
            summaries,
            by_category,
            category_of,
            months,
            extra: Vec::new(),
            origin: None,
            search: None,
        }
    }

    /// Adds the search index of the news (their keys in `table`) and of these directory
    /// files and static pages.
    pub fn index(
        &mut self,
        table: &TokenTable,
        faq: Option<&Faq>,
        helplines: Option<&Helplines>,
        agencies: Option<&Agencies>,
        pages: &[StaticPage],
    ) {
        let index = Index::new(
            &self.site.lang,
            faq,
            helplines,
            agencies,
            pages,
            &self.sorted,
            table,
        );
        self.search = Some(index);
    }

    /// Makes the links and ids of the feeds absolute, under `origin` (ending in `/`).
    pub fn with_origin(mut self, origin: Option<&str>) -> Self {
        self.origin = origin.map(str::to_string);
        self
    }

    /// Every page of the app this language has, relative to the app's base and in the app's
    /// folder form (`en/news/7/`), with the date its content last changed where known: for the
    /// sitemap.
    pub fn routes(&self) -> Vec<(String, Option<Date>)> {
        let lang = self.lang();
        let size = PAGE_SIZE as usize;
        let mut routes = vec![(format!("{lang}/"), None), (format!("{lang}/news/"), None)];
        for page in 2..=self.sorted.len().div_ceil(size) {
            routes.push((format!("{lang}/news/page/{page}/"), None));
        }
        for (c, items) in self.by_category.iter().enumerate() {
            let slug = &self.site.categories[c].slug;
            routes.push((format!("{lang}/news/category/{slug}/"), None));
            for page in 2..=items.len().div_ceil(size) {
                routes.push((format!("{lang}/news/category/{slug}/page/{page}/"), None));
            }
        }
        for l in &self.sorted {
            let a = l.article;
            let changed = a.updated.unwrap_or(a.date).max(a.date);
            routes.push((format!("{lang}/news/{}/", a.id), Some(changed)));
        }
        // FAQ, helplines, agencies and static pages: the route of each file added.
        for (path, _) in &self.extra {
            if let Some(stem) = path.strip_suffix(".json") {
                routes.push((format!("{stem}/"), None));
            }
        }
        routes
    }

    /// Adds a file rendered beforehand.
    pub fn add(&mut self, path: String, json: String) {
        self.extra.push((path, json));
    }

    pub fn articles(&self) -> &[Listed<'a>] {
        &self.sorted
    }

    fn search_index(&self) -> &Index {
        self.search
            .as_ref()
            .expect("search jobs exist only with an index")
    }

    fn lang(&self) -> &str {
        &self.site.lang
    }

    fn feed_len(&self, category: Option<usize>) -> usize {
        match category {
            Some(c) => self.by_category[c].len(),
            None => self.sorted.len(),
        }
    }

    /// Every file, in a fixed order.
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs = vec![Job::Site];
        let pages = |n: usize| n.div_ceil(PAGE_SIZE as usize).max(1) as u32;
        for page in 1..=pages(self.sorted.len()) {
            jobs.push(Job::Feed {
                category: None,
                page,
            });
        }
        for c in 0..self.by_category.len() {
            for page in 1..=pages(self.by_category[c].len()) {
                jobs.push(Job::Feed {
                    category: Some(c),
                    page,
                });
            }
        }
        jobs.extend((0..self.months.len()).map(Job::Month));
        jobs.push(Job::Atom { category: None });
        jobs.extend((0..self.by_category.len()).map(|c| Job::Atom { category: Some(c) }));
        jobs.extend((0..self.sorted.len()).map(Job::Article));
        jobs.extend((0..self.extra.len()).map(Job::Extra));
        if let Some(index) = &self.search {
            jobs.push(Job::SearchIndex);
            jobs.extend((0..index.shard_count()).map(Job::SearchShard));
            jobs.extend((0..index.vocab().len()).map(Job::SearchVocab));
            jobs.extend((0..index.chunks()).map(Job::SearchDocs));
        }
        jobs
    }

    /// The path of a file, relative to the API root.
    pub fn path(&self, job: Job) -> String {
        let lang = self.lang();
        match job {
            Job::Site => paths::site(lang),
            Job::Feed { category, page } => {
                let slug = category.map(|c| self.site.categories[c].slug.as_str());
                paths::news_page(lang, slug, page)
            }
            Job::Month(i) => paths::calendar_month(lang, self.months[i].0, self.months[i].1),
            Job::Atom { category } => {
                let slug = category.map(|c| self.site.categories[c].slug.as_str());
                paths::news_feed(lang, slug)
            }
            Job::Article(i) => paths::article(lang, self.sorted[i].article.id),
            Job::Extra(i) => self.extra[i].0.clone(),
            Job::SearchIndex => paths::search_index(lang),
            Job::SearchShard(i) => paths::search_shard(lang, i),
            Job::SearchVocab(i) => paths::search_vocab(lang, i),
            Job::SearchDocs(c) => paths::search_docs(lang, c),
        }
    }

    /// The JSON of a file.
    pub fn render(&self, job: Job) -> String {
        match job {
            Job::Site => json(&self.site),
            Job::Feed { category, page } => {
                let size = PAGE_SIZE as usize;
                let total = self.feed_len(category);
                let start = (page as usize - 1) * size;
                let end = (start + size).min(total);
                let items = match category {
                    None => self.summaries[start..end].iter().collect(),
                    Some(c) => self.by_category[c][start..end]
                        .iter()
                        .map(|&i| &self.summaries[i])
                        .collect(),
                };
                json(&NewsPageOut {
                    category: category.map(|c| &self.site.categories[c]),
                    page,
                    total_pages: total.div_ceil(size).max(1) as u32,
                    total_items: total as u32,
                    items,
                })
            }
            Job::Month(i) => {
                let (year, month, days) = &self.months[i];
                json(&CalendarMonthOut {
                    year: *year,
                    month: *month,
                    days: days
                        .iter()
                        .map(|(date, items)| CalendarDayOut {
                            date: *date,
                            items: items.iter().map(|&i| &self.summaries[i]).collect(),
                        })
                        .collect(),
                })
            }
            Job::Atom { category } => {
                let items: Vec<usize> = match category {
                    None => (0..self.sorted.len().min(FEED_ENTRIES)).collect(),
                    Some(c) => self.by_category[c]
                        .iter()
                        .take(FEED_ENTRIES)
                        .copied()
                        .collect(),
                };
                let entries: Vec<Entry> = items
                    .iter()
                    .map(|&i| {
                        let l = &self.sorted[i];
                        Entry {
                            id: l.article.id,
                            title: &l.article.title,
                            lead: &l.article.lead,
                            date: l.article.date,
                            updated: l.article.updated,
                            category: l.category,
                            byline: l.article.byline.as_deref(),
                            lang: l.lang,
                        }
                    })
                    .collect();
                let category = category.map(|c| &self.site.categories[c]);
                xml::atom(&self.site, category, &entries, self.origin.as_deref())
            }
            Job::Article(i) => {
                let Listed {
                    article: a,
                    category,
                    lang,
                } = self.sorted[i];
                // The newest others of its category: the head of the category's feed.
                let related = self.by_category[self.category_of[i]]
                    .iter()
                    .filter(|&&o| o != i)
                    .take(RELATED)
                    .map(|&o| &self.summaries[o])
                    .collect();
                json(&ArticleOut {
                    id: a.id,
                    title: &a.title,
                    date: a.date,
                    updated: a.updated,
                    category,
                    lead: &a.lead,
                    body: &a.body,
                    byline: a.byline.as_deref(),
                    sample: a.sample,
                    lang,
                    related,
                })
            }
            Job::Extra(i) => self.extra[i].1.clone(),
            Job::SearchIndex => json(&self.search_index().meta()),
            Job::SearchShard(i) => json(&self.search_index().shard(i)),
            Job::SearchVocab(i) => json(&self.search_index().vocab()[i].1),
            Job::SearchDocs(c) => json(&self.search_index().chunk(self.lang(), c, &self.sorted)),
        }
    }

    /// Every file, rendered (for small trees and tests).
    pub fn files(&self) -> Files {
        self.jobs()
            .into_iter()
            .map(|job| (self.path(job), self.render(job)))
            .collect()
    }
}

/// Renders `site.json`, the feeds, the calendar months and one file per article of
/// `articles`, each in its own category and language.
pub fn render(site: &Site, articles: &[Article]) -> Files {
    Plan::new(site, articles.iter().map(Listed::own).collect()).files()
}

pub fn summary(a: &Article) -> NewsSummary {
    Listed::own(a).summary()
}

pub fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("API types always serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::{CalendarMonth, NewsPage};

    fn category(slug: &str) -> Category {
        Category {
            slug: slug.into(),
            name: slug.to_uppercase(),
        }
    }

    fn article(id: u32, date: &str, slug: &str) -> Article {
        Article {
            id,
            title: format!("Article {id}"),
            date: date.parse().unwrap(),
            updated: None,
            category: category(slug),
            lead: "Lead.".into(),
            body: vec![Block::Paragraph {
                text: "Body.".into(),
            }],
            byline: None,
            sample: true,
            lang: None,
            related: vec![],
        }
    }

    fn site(slugs: &[&str]) -> Site {
        Site {
            lang: "en".into(),
            name: "Portal".into(),
            new_on_portal: vec![],
            categories: slugs.iter().map(|s| category(s)).collect(),
            first_news: None,
            last_news: None,
        }
    }

    fn page(files: &Files, path: &str) -> NewsPage {
        serde_json::from_str(&files[path]).unwrap()
    }

    #[test]
    fn feed_pages_hold_page_size_items_newest_first() {
        // 23 articles, two per day, on days 1..=12 of January.
        let articles: Vec<Article> = (1..=23)
            .map(|id| article(id, &format!("2018-01-{:02}", id.div_ceil(2)), "a"))
            .collect();
        let files = render(&site(&["a"]), &articles);
        let pages: Vec<NewsPage> = (1..=3)
            .map(|n| page(&files, &format!("en/news/page/{n}.json")))
            .collect();
        assert!(!files.contains_key("en/news/page/4.json"));
        let ids: Vec<u32> = pages
            .iter()
            .flat_map(|p| p.items.iter().map(|s| s.id))
            .collect();
        assert_eq!(ids, (1..=23).rev().collect::<Vec<_>>());
        for (i, p) in pages.iter().enumerate() {
            assert_eq!(
                (p.page, p.total_pages, p.total_items),
                (i as u32 + 1, 3, 23)
            );
        }
        assert_eq!(
            pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(),
            [10, 10, 3]
        );
    }

    #[test]
    fn same_day_ties_go_by_id_descending() {
        let articles = [
            article(3, "2017-11-01", "a"),
            article(9, "2017-11-01", "a"),
            article(1, "2017-12-01", "a"),
        ];
        let files = render(&site(&["a"]), &articles);
        let ids: Vec<u32> = page(&files, "en/news/page/1.json")
            .items
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids, [1, 9, 3]);
    }

    #[test]
    fn empty_category_has_one_empty_page() {
        let files = render(&site(&["a", "b"]), &[article(1, "2017-11-01", "a")]);
        let b = page(&files, "en/news/category/b/page/1.json");
        assert_eq!(
            (b.page, b.total_pages, b.total_items, b.items.len()),
            (1, 1, 0, 0)
        );
        let a = page(&files, "en/news/category/a/page/1.json");
        assert_eq!((a.total_items, a.items[0].id), (1, 1));
    }

    #[test]
    fn related_are_the_newest_others_of_the_category() {
        let mut articles: Vec<Article> = (1..=7)
            .map(|id| article(id, &format!("2017-09-{:02}", id), "a"))
            .collect();
        articles.push(article(8, "2017-09-30", "b"));
        let files = render(&site(&["a", "b"]), &articles);
        let related = |id: u32| -> Vec<u32> {
            let a: Article = serde_json::from_str(&files[&format!("en/news/{id}.json")]).unwrap();
            a.related.iter().map(|s| s.id).collect()
        };
        assert_eq!(related(7), [6, 5, 4, 3]);
        assert_eq!(related(2), [7, 6, 5, 4]);
        assert_eq!(related(8), Vec::<u32>::new());
    }

    fn month(files: &Files, path: &str) -> CalendarMonth {
        serde_json::from_str(&files[path]).unwrap()
    }

    #[test]
    fn site_holds_the_dates_of_the_oldest_and_newest_article() {
        let articles = [
            article(1, "2017-11-01", "a"),
            article(2, "2018-02-03", "a"),
            article(3, "2017-10-30", "a"),
        ];
        let files = render(&site(&["a"]), &articles);
        let s: Site = serde_json::from_str(&files["en/site.json"]).unwrap();
        assert_eq!(s.first_news, Some("2017-10-30".parse().unwrap()));
        assert_eq!(s.last_news, Some("2018-02-03".parse().unwrap()));

        let none = render(&site(&["a"]), &[]);
        let s: Site = serde_json::from_str(&none["en/site.json"]).unwrap();
        assert_eq!((s.first_news, s.last_news), (None, None));
        assert!(!none.keys().any(|k| k.contains("/calendar/")));
    }

    #[test]
    fn calendar_has_every_month_of_the_range_empty_ones_included() {
        // October 2017 to February 2018, nothing in December or January.
        let articles = [
            article(1, "2017-10-30", "a"),
            article(2, "2017-11-01", "a"),
            article(3, "2018-02-03", "a"),
        ];
        let files = render(&site(&["a"]), &articles);
        let months: Vec<&str> = files
            .keys()
            .filter_map(|k| k.strip_prefix("en/news/calendar/"))
            .collect();
        assert_eq!(
            months,
            [
                "2017-10.json",
                "2017-11.json",
                "2017-12.json",
                "2018-01.json",
                "2018-02.json"
            ]
        );
        let dec = month(&files, "en/news/calendar/2017-12.json");
        assert_eq!((dec.year, dec.month, dec.days.len()), (2017, 12, 0));
        let feb = month(&files, "en/news/calendar/2018-02.json");
        assert_eq!((feb.year, feb.month), (2018, 2));
        assert_eq!(feb.days[0].items[0].id, 3);
    }

    #[test]
    fn calendar_days_hold_the_articles_of_that_date_in_feed_order() {
        let articles = [
            article(4, "2017-11-15", "b"),
            article(2, "2017-11-01", "a"),
            article(9, "2017-11-01", "a"),
            article(5, "2017-11-01", "b"),
            article(7, "2017-11-30", "a"),
        ];
        let files = render(&site(&["a", "b"]), &articles);
        let nov = month(&files, "en/news/calendar/2017-11.json");
        let days: Vec<(String, Vec<u32>)> = nov
            .days
            .iter()
            .map(|d| (d.date.to_string(), d.items.iter().map(|s| s.id).collect()))
            .collect();
        assert_eq!(
            days,
            [
                ("2017-11-01".to_string(), vec![9, 5, 2]),
                ("2017-11-15".to_string(), vec![4]),
                ("2017-11-30".to_string(), vec![7]),
            ]
        );
        // Each item is the article's summary, as in the feed.
        let feed = page(&files, "en/news/page/1.json");
        let in_feed = feed.items.iter().find(|s| s.id == 9).unwrap();
        assert_eq!(&nov.days[0].items[0], in_feed);
    }

    /// Decodes `json` as the contract type `T` and encodes it again: the same bytes, so
    /// the borrowed `*Out` types encode exactly as the contract does.
    fn encodes_as<T: serde::de::DeserializeOwned + serde::Serialize>(path: &str, json: &str) {
        let value: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(serde_json::to_string(&value).unwrap(), json, "{path}");
    }

    #[test]
    fn every_file_encodes_exactly_as_its_contract_type() {
        let mut articles: Vec<Article> = (1..=25)
            .map(|id| {
                article(
                    id,
                    &format!("2017-{:02}-{:02}", 9 + id % 3, 1 + id % 27),
                    ["a", "b"][id as usize % 2],
                )
            })
            .collect();
        articles[0].updated = Some("2018-01-01".parse().unwrap());
        articles[1].byline = Some("By".into());
        articles[2].lang = Some("en".into());
        articles[3].body.push(Block::Image {
            src: "/i.jpg".into(),
            alt: "Alt".into(),
            caption: None,
        });
        let files = render(&site(&["a", "b", "c"]), &articles);
        for (path, json) in &files {
            if path.ends_with(".atom") {
                continue;
            } else if path.contains("/calendar/") {
                encodes_as::<portal_api::CalendarMonth>(path, json);
            } else if path.contains("/page/") {
                encodes_as::<NewsPage>(path, json);
            } else if path.ends_with("site.json") {
                encodes_as::<Site>(path, json);
            } else {
                encodes_as::<Article>(path, json);
            }
        }
        assert!(files["en/news/3.json"].contains(r#""lang":"en""#));
        assert!(files
            .values()
            .any(|j| j.contains(r#""lang":"en""#) && j.contains(r#""page":"#)));
    }

    #[test]
    fn a_fallback_article_is_listed_in_the_readers_category() {
        let en = article(1, "2017-11-01", "a");
        let named = Category {
            slug: "a".into(),
            name: "Ä".into(),
        };
        let listed = vec![Listed {
            article: &en,
            category: &named,
            lang: Some("en"),
        }];
        let plan = Plan::new(&site(&["a"]), listed);
        let a: Article = serde_json::from_str(&plan.render(Job::Article(0))).unwrap();
        assert_eq!(
            (a.category.name.as_str(), a.lang.as_deref()),
            ("Ä", Some("en"))
        );
        let feed = plan.render(Job::Feed {
            category: Some(0),
            page: 1,
        });
        let feed: NewsPage = serde_json::from_str(&feed).unwrap();
        assert_eq!(feed.items[0].category.name, "Ä");
        assert_eq!(
            feed.category.unwrap().name,
            "A",
            "the site's own name of the category"
        );
    }

    #[test]
    fn output_does_not_depend_on_input_order() {
        let mut articles: Vec<Article> = (1..=15)
            .map(|id| {
                article(
                    id,
                    &format!("2017-10-{:02}", 1 + id % 4),
                    ["a", "b"][id as usize % 2],
                )
            })
            .collect();
        let one = render(&site(&["a", "b"]), &articles);
        articles.reverse();
        assert_eq!(one, render(&site(&["a", "b"]), &articles));
        let date: Date = "2017-10-01".parse().unwrap();
        assert!(one.values().any(|json| json.contains(&date.to_string())));
    }
}
