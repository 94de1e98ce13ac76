//! File paths of the API, relative to its base URL (or to the root of an API tree on disk).
//! The app's client and the content tool both build paths here and nowhere else.

pub fn site(lang: &str) -> String {
    format!("{lang}/site.json")
}

/// One page of the feed; `category` narrows it to one category's feed.
pub fn news_page(lang: &str, category: Option<&str>, page: u32) -> String {
    match category {
        Some(c) => format!("{lang}/news/category/{c}/page/{page}.json"),
        None => format!("{lang}/news/page/{page}.json"),
    }
}

pub fn article(lang: &str, id: u32) -> String {
    format!("{lang}/news/{id}.json")
}

/// The calendar file of one month: `{lang}/news/calendar/{yyyy}-{mm}.json`.
pub fn calendar_month(lang: &str, year: u16, month: u8) -> String {
    format!("{lang}/news/calendar/{year:04}-{month:02}.json")
}

/// The Atom feed of the news (newest 20), or of one category's news: an XML file, not JSON.
pub fn news_feed(lang: &str, category: Option<&str>) -> String {
    match category {
        Some(c) => format!("{lang}/news/category/{c}/feed.atom"),
        None => format!("{lang}/news/feed.atom"),
    }
}

/// What a search needs first: [`crate::search::SearchIndex`].
pub fn search_index(lang: &str) -> String {
    format!("{lang}/search/index.json")
}

/// Shard `n` of the search index ([`crate::search::SearchIndex::shard_of`]):
/// [`crate::search::SearchShard`].
pub fn search_shard(lang: &str, n: usize) -> String {
    format!("{lang}/search/shard/{n}.json")
}

/// Vocabulary file `n` of the search index, keys by their last letters
/// ([`crate::search::SearchIndex::vocab_of`]): [`crate::search::SearchVocab`].
pub fn search_vocab(lang: &str, n: usize) -> String {
    format!("{lang}/search/vocab/{n}.json")
}

/// A chunk of the documents of the search index, numbered by
/// [`crate::search::chunk_of`]: [`crate::search::SearchDocs`].
pub fn search_docs(lang: &str, chunk: u32) -> String {
    format!("{lang}/search/docs/{chunk}.json")
}

pub fn faq(lang: &str) -> String {
    format!("{lang}/faq.json")
}

pub fn helplines(lang: &str) -> String {
    format!("{lang}/helplines.json")
}

pub fn agencies(lang: &str) -> String {
    format!("{lang}/agencies.json")
}

pub fn page(lang: &str, slug: &str) -> String {
    format!("{lang}/pages/{slug}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_paths() {
        assert_eq!(site("en"), "en/site.json");
        assert_eq!(news_page("en", None, 2), "en/news/page/2.json");
        assert_eq!(
            news_page("en", Some("politics"), 1),
            "en/news/category/politics/page/1.json"
        );
        assert_eq!(article("en", 42), "en/news/42.json");
        assert_eq!(
            calendar_month("en", 2017, 9),
            "en/news/calendar/2017-09.json"
        );
        assert_eq!(news_feed("ru", None), "ru/news/feed.atom");
        assert_eq!(
            news_feed("ru", Some("sport")),
            "ru/news/category/sport/feed.atom"
        );
        assert_eq!(search_index("uz"), "uz/search/index.json");
        assert_eq!(search_shard("uz", 12), "uz/search/shard/12.json");
        assert_eq!(search_vocab("uz", 3), "uz/search/vocab/3.json");
        assert_eq!(search_docs("uz", 3), "uz/search/docs/3.json");
        assert_eq!(faq("ru"), "ru/faq.json");
        assert_eq!(helplines("qr"), "qr/helplines.json");
        assert_eq!(agencies("oz"), "oz/agencies.json");
        assert_eq!(
            page("en", "open-government"),
            "en/pages/open-government.json"
        );
    }
}
