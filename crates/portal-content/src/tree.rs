//! The API files of one language, rendered in memory from its site and articles.

use portal_api::{
    paths, Article, CalendarDay, CalendarMonth, Category, Date, NewsPage, NewsSummary, Site,
    PAGE_SIZE,
};
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// How many related articles an article lists.
pub const RELATED: usize = 4;

/// Every API file of one language: path relative to the API root → compact JSON.
pub type Files = BTreeMap<String, String>;

/// Renders `site.json` (with the dates of its oldest and newest article), the news feeds
/// (all and per category), the calendar months and one file per article.
/// The order of `articles` does not matter; `related` of each is filled in here.
pub fn render(site: &Site, articles: &[Article]) -> Files {
    let lang = site.lang.as_str();
    let mut sorted: Vec<&Article> = articles.iter().collect();
    // Newest date first, then highest id first.
    sorted.sort_by_key(|a| (Reverse(a.date), Reverse(a.id)));

    let mut files = Files::new();
    let site = Site {
        first_news: sorted.last().map(|a| a.date),
        last_news: sorted.first().map(|a| a.date),
        ..site.clone()
    };
    files.insert(paths::site(lang), json(&site));
    for month in calendar(&sorted) {
        let path = paths::calendar_month(lang, month.year, month.month);
        files.insert(path, json(&month));
    }

    for page in feed(&sorted, None) {
        files.insert(paths::news_page(lang, None, page.page), json(&page));
    }
    for category in &site.categories {
        let of_category: Vec<&Article> = sorted
            .iter()
            .copied()
            .filter(|a| a.category.slug == category.slug)
            .collect();
        for page in feed(&of_category, Some(category)) {
            let path = paths::news_page(lang, Some(&category.slug), page.page);
            files.insert(path, json(&page));
        }
    }

    for article in &sorted {
        let related = sorted
            .iter()
            .filter(|o| o.category.slug == article.category.slug && o.id != article.id)
            .take(RELATED)
            .map(|o| summary(o))
            .collect();
        let full = Article {
            related,
            ..(*article).clone()
        };
        files.insert(paths::article(lang, article.id), json(&full));
    }
    files
}

/// The pages of a feed of `articles` (already newest first), of one `category` or of all
/// news. An empty feed has one empty page.
pub fn feed(articles: &[&Article], category: Option<&Category>) -> Vec<NewsPage> {
    let size = PAGE_SIZE as usize;
    let total_items = articles.len() as u32;
    let total_pages = articles.len().div_ceil(size).max(1) as u32;
    (1..=total_pages)
        .map(|page| {
            let start = (page as usize - 1) * size;
            let items = articles.iter().skip(start).take(size);
            NewsPage {
                category: category.cloned(),
                page,
                total_pages,
                total_items,
                items: items.map(|a| summary(a)).collect(),
            }
        })
        .collect()
}

/// The calendar months of `articles` (already newest first): every month from the oldest
/// article's to the newest's, those without news with no days, so that the app can step
/// month by month within the range of `site.json` and always find a file. No news: none.
pub fn calendar(articles: &[&Article]) -> Vec<CalendarMonth> {
    let (Some(newest), Some(oldest)) = (articles.first(), articles.last()) else {
        return Vec::new();
    };
    // Month index → days (date order) → items (feed order, kept from `articles`).
    let key = |d: Date| u32::from(d.year()) * 12 + u32::from(d.month()) - 1;
    let mut by_month: BTreeMap<u32, BTreeMap<Date, Vec<NewsSummary>>> = BTreeMap::new();
    for a in articles {
        by_month
            .entry(key(a.date))
            .or_default()
            .entry(a.date)
            .or_default()
            .push(summary(a));
    }
    (key(oldest.date)..=key(newest.date))
        .map(|k| CalendarMonth {
            year: (k / 12) as u16,
            month: (k % 12 + 1) as u8,
            days: by_month
                .remove(&k)
                .unwrap_or_default()
                .into_iter()
                .map(|(date, items)| CalendarDay { date, items })
                .collect(),
        })
        .collect()
}

pub fn summary(a: &Article) -> NewsSummary {
    NewsSummary {
        id: a.id,
        title: a.title.clone(),
        date: a.date,
        category: a.category.clone(),
        lead: a.lead.clone(),
        sample: a.sample,
        lang: a.lang.clone(),
    }
}

pub fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("API types always serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_api::{Block, Category, Date};

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
