//! The contract of the portal content API: one serde type for every JSON file it serves.
//!
//! The app, the content tool and the tests all decode and encode through these types, so a
//! change of shape is a compile error everywhere at once. Unknown fields are ignored (the API
//! may grow); a missing required field or a malformed value is a decode error.
//!
//! File layout under the API base (see `paths`):
//! - `{lang}/site.json` → [`Site`]
//! - `{lang}/news/page/{n}.json`, `{lang}/news/category/{slug}/page/{n}.json` → [`NewsPage`]
//! - `{lang}/news/{id}.json` → [`Article`]
//! - `{lang}/news/calendar/{yyyy}-{mm}.json` → [`CalendarMonth`], one per month from the month
//!   of [`Site::first_news`] to that of [`Site::last_news`], months without news included
//! - `{lang}/faq.json` → [`Faq`], `{lang}/helplines.json` → [`Helplines`],
//!   `{lang}/agencies.json` → [`Agencies`], `{lang}/pages/{slug}.json` → [`StaticPage`]
//! - `{lang}/search/index.json`, `{lang}/search/shard/{n}.json`,
//!   `{lang}/search/vocab/{n}.json`, `{lang}/search/docs/{chunk}.json` → the search
//!   index, see [`search`]
//! - `{lang}/news/feed.atom`, `{lang}/news/category/{slug}/feed.atom` and `sitemap.xml`:
//!   XML for feed readers and search engines (no type here; see `paths`)

mod date;
pub mod paths;
pub mod search;

pub use date::Date;
/// The `schemars` the contract derives its JSON Schemas with, for the tools that write them.
#[cfg(feature = "schema")]
pub use schemars;
use serde::{Deserialize, Serialize};

/// URL codes of the portal's languages, in the order the language switcher shows them:
/// Uzbek (Latin), Uzbek (Cyrillic), Russian, English, Karakalpak.
pub const LANGUAGES: [&str; 5] = ["oz", "uz", "ru", "en", "qr"];

/// The language every item exists in; an item missing in another language is served from it.
pub const FALLBACK_LANGUAGE: &str = "en";

/// Number of summaries on one page of the news feed.
pub const PAGE_SIZE: u32 = 10;

/// `{lang}/site.json`: what every page of one language needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Site {
    /// URL code of the language (`en`, `oz`, …).
    pub lang: String,
    /// The portal's name, as shown in the header.
    pub name: String,
    /// "New on the portal": announcements of new sections.
    pub new_on_portal: Vec<Announcement>,
    /// Every news category, in display order.
    pub categories: Vec<Category>,
    /// Date of the oldest article of this language (fallbacks included); `None` when there
    /// is no news. With `last_news` it bounds the calendar's previous/next month, so the app
    /// never asks for a month file that does not exist.
    #[serde(default)]
    pub first_news: Option<Date>,
    /// Date of the newest article of this language.
    #[serde(default)]
    pub last_news: Option<Date>,
}

/// One item of "New on the portal".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Announcement {
    pub title: String,
    /// Route inside the app, relative to the app's base and starting with a language code
    /// (`en/faq`, `en/pages/open-government`, `qr/`), so an item may point to another language.
    pub path: String,
    #[serde(default)]
    pub date: Option<Date>,
}

/// A news category: `slug` is used in URLs, `name` is shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    pub slug: String,
    pub name: String,
}

/// One page of the news feed (all news, or one category), newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsPage {
    /// The category of a category's feed; absent in the feed of all news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// 1-based number of this page.
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u32,
    pub items: Vec<NewsSummary>,
}

/// What the feed shows of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsSummary {
    pub id: u32,
    pub title: String,
    pub date: Date,
    pub category: Category,
    /// One or two sentences, plain text.
    pub lead: String,
    /// True for sample content that is not real news.
    #[serde(default)]
    pub sample: bool,
    /// The language of the text, when the item has no translation into the language of the
    /// file that lists it (it is then served in `FALLBACK_LANGUAGE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// `{lang}/news/{id}.json`: a whole article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Article {
    pub id: u32,
    pub title: String,
    pub date: Date,
    #[serde(default)]
    pub updated: Option<Date>,
    pub category: Category,
    pub lead: String,
    pub body: Vec<Block>,
    /// Author and source, e.g. "Ulugbek Shonazarov, UzA".
    #[serde(default)]
    pub byline: Option<String>,
    #[serde(default)]
    pub sample: bool,
    /// As in [`NewsSummary::lang`]: set when the article is not in the language of its path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Newest other articles of the same category.
    #[serde(default)]
    pub related: Vec<NewsSummary>,
}

/// A block of an article body. Always plain text: never HTML.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        text: String,
    },
    List {
        items: Vec<String>,
    },
    Quote {
        text: String,
        #[serde(default)]
        cite: Option<String>,
    },
    Image {
        src: String,
        alt: String,
        #[serde(default)]
        caption: Option<String>,
    },
}

/// `{lang}/news/calendar/{yyyy}-{mm}.json`: the news of one month, by day (only days that
/// have news, in date order; items newest first as in the feed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarMonth {
    pub year: u16,
    /// 1 = January.
    pub month: u8,
    /// Empty for a month without news inside the range of [`Site::first_news`] and
    /// [`Site::last_news`].
    pub days: Vec<CalendarDay>,
}

/// One day of a [`CalendarMonth`] that has news.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarDay {
    pub date: Date,
    /// Newest first (highest id first on the same day), as in the feed.
    pub items: Vec<NewsSummary>,
}

/// `{lang}/faq.json`: questions and answers, grouped by topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Faq {
    pub topics: Vec<FaqTopic>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FaqTopic {
    /// Stable slug, unique in the file.
    pub id: String,
    pub title: String,
    pub questions: Vec<FaqQuestion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FaqQuestion {
    /// Stable slug, unique across the file, the same in every language: `/{lang}/faq#{id}`.
    pub id: String,
    pub question: String,
    /// Paragraphs of plain text.
    pub answer: Vec<String>,
    /// Words a reader would type to find the question that neither it nor its answer holds,
    /// in the file's language: `["tax debt", "arrears"]`. Plain text, no markup; the FAQ's
    /// filter and the site's search match them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub sample: bool,
    /// As in [`NewsSummary::lang`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// `{lang}/helplines.json`: helplines of ministries, committees and agencies, by kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Helplines {
    pub groups: Vec<HelplineGroup>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HelplineGroup {
    /// Stable slug: `ministries`, `committees`, `agencies`.
    pub id: String,
    pub name: String,
    pub entries: Vec<Helpline>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Helpline {
    /// Stable slug, unique across the file, the same in every language: the entry's
    /// element id, so `/{lang}/helplines/#{id}` lands on it.
    pub id: String,
    pub name: String,
    /// What the line is for, in one line of plain text, so that a reader knows whether it is
    /// the right one: `Emergency medical help, ambulance, hospitals, medicines`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Words a reader would type to find the line that neither its name nor `about` holds,
    /// in the file's language: `["ambulance", "doctor", "hospital"]`. Plain text, no markup.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// A short number dialled as is (`1000`), if the body has one.
    #[serde(default)]
    pub short_number: Option<String>,
    /// Numbers in international format, digits only after the plus: `+998710000000`.
    pub phones: Vec<String>,
    /// Working hours as written for readers (`Mon–Fri 9:00–18:00`).
    #[serde(default)]
    pub hours: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// `https://` address.
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub sample: bool,
}

/// `{lang}/agencies.json`: government agencies with their head office and contacts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agencies {
    pub agencies: Vec<Agency>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agency {
    /// Stable slug, unique in the file, the same in every language: the entry's element
    /// id, so `/{lang}/agencies/#{id}` lands on it.
    pub id: String,
    pub name: String,
    /// What the agency does, in one line of plain text: `Passports, ID cards, certificates
    /// and other public services in one place`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Words a reader would type to find the agency, as in [`Helpline::topics`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Head office address, one line as written for readers.
    pub address: String,
    /// Numbers in international format: `+998710000000`.
    pub phones: Vec<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// `https://` address.
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub sample: bool,
}

/// `{lang}/pages/{slug}.json`: a static page such as `open-government`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaticPage {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub updated: Option<Date>,
    pub body: Vec<Block>,
    #[serde(default)]
    pub sample: bool,
    /// As in [`NewsSummary::lang`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_article_and_ignores_unknown_fields() {
        let json = r#"{"id":7,"title":"T","date":"2017-11-01","category":{"slug":"politics","name":"Politics"},
            "lead":"L","body":[{"type":"paragraph","text":"P"},{"type":"list","items":["a","b"]}],
            "byline":"B","future_field":{"x":1}}"#;
        let a: Article = serde_json::from_str(json).unwrap();
        assert_eq!(a.id, 7);
        assert_eq!(a.date, Date::new(2017, 11, 1).unwrap());
        assert_eq!(a.body.len(), 2);
        assert!(!a.sample);
        assert!(a.related.is_empty());
    }

    #[test]
    fn missing_required_field_is_an_error() {
        let json = r#"{"page":1,"total_pages":1,"items":[]}"#;
        let err = serde_json::from_str::<NewsPage>(json).unwrap_err();
        assert!(err.to_string().contains("total_items"), "{err}");
    }

    #[test]
    fn unknown_block_type_is_an_error() {
        let json = r#"{"type":"html","text":"<b>x</b>"}"#;
        assert!(serde_json::from_str::<Block>(json).is_err());
    }

    #[test]
    fn block_round_trips() {
        let b = Block::Quote {
            text: "q".into(),
            cite: Some("c".into()),
        };
        let s = serde_json::to_string(&b).unwrap();
        assert_eq!(s, r#"{"type":"quote","text":"q","cite":"c"}"#);
        assert_eq!(serde_json::from_str::<Block>(&s).unwrap(), b);
    }
}
