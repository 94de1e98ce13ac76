//! The search index: its files, and the pure logic that the tool that builds it and the
//! app that queries it share (how text becomes keys, which file holds a key, how documents
//! are ranked). Nothing here knows of leptos or of how files are fetched ([`query::Files`]),
//! so a small wasm of its own could run the queries.
//!
//! Files of one language, under `{lang}/search/` (see `paths`):
//! - `index.json` → [`SearchIndex`]: how many documents of which kind and year, and the first
//!   key of every shard and vocabulary file;
//! - `shard/{n}.json` → [`SearchShard`]: a range of keys in key order, each with its
//!   document frequency and its postings (document, impact); a shard is cut at
//!   [`SHARD_BYTES`], so its size is bounded however big the portal grows;
//! - `vocab/{n}.json` → [`SearchVocab`]: the keys again, without postings, in the order of
//!   their reversed spelling, cut at [`VOCAB_BYTES`]: where a query finds the keys that end
//!   like a word with a typo in its first letters;
//! - `docs/{chunk}.json` → [`SearchDocs`]: documents `chunk * DOCS_PER_CHUNK` onwards.
//!
//! Keys come from [`Analyser`]: words folded, transliterated to Latin for Uzbek and
//! Karakalpak, and stemmed. Documents are numbered FAQ questions first, then helplines,
//! agencies, static pages, then news newest first ([`SearchIndex::ranges`]).

pub mod analyse;
pub mod fold;
pub mod mark;
pub mod query;
pub mod rank;
pub mod stem;
pub mod translit;
pub mod typo;

pub use analyse::{Analyser, MAX_TOKEN_CHARS, MIN_TOKEN_CHARS};
pub use fold::{fold, APOSTROPHE};

use crate::{Block, Date};
use serde::{Deserialize, Serialize};

/// Documents in one `docs/{chunk}.json` file: few, because a page of results ranked by
/// relevance takes its documents from many chunks.
pub const DOCS_PER_CHUNK: u32 = 16;

/// The most postings kept for one key: a very common word keeps those of highest impact
/// (the documents where it weighs most), so its list stays small.
pub const MAX_POSTINGS: usize = 1000;

/// A shard is cut when its JSON would pass this many bytes (a single key with
/// [`MAX_POSTINGS`] postings always fits).
pub const SHARD_BYTES: usize = 16 * 1024;

/// A vocabulary file is cut when its JSON would pass this many bytes.
pub const VOCAB_BYTES: usize = 16 * 1024;

/// `{lang}/search/index.json`: what a query needs to know before fetching.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchIndex {
    /// Number of documents: they are `0..docs`.
    pub docs: u32,
    /// Documents per `docs/{chunk}.json` ([`DOCS_PER_CHUNK`]).
    pub docs_per_chunk: u32,
    /// The longest list of postings of a key ([`MAX_POSTINGS`]).
    pub max_postings: u32,
    /// Where each shard begins: shard `n` holds the keys from `shards[n]` up to
    /// `shards[n + 1]` (excluded); each is the shortest string between the last key of the
    /// shard before and the first of its own.
    pub shards: Vec<String>,
    /// The first reversed key of each vocabulary file, likewise.
    pub vocab: Vec<String>,
    /// Which documents are of which kind (and, for news, year): consecutive ranges that
    /// cover `0..docs`, so filters and their counts need no document file.
    pub ranges: Vec<DocRange>,
}

/// Documents `first..end` are of `kind` (and of `year`, for news).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocRange {
    pub kind: DocKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub first: u32,
    pub end: u32,
}

impl SearchIndex {
    /// The shard that would hold `key`, if any key is that small.
    pub fn shard_of(&self, key: &str) -> Option<usize> {
        file_of(&self.shards, key)
    }

    /// The vocabulary file where keys reversed like `reversed` are, or would be (the first
    /// file for one that sorts before all).
    pub fn vocab_of(&self, reversed: &str) -> Option<usize> {
        file_of(&self.vocab, reversed).or((!self.vocab.is_empty()).then_some(0))
    }

    /// The shard where `key` is or would be (the first for a key that sorts before all):
    /// where its neighbours are.
    pub fn shard_near(&self, key: &str) -> Option<usize> {
        self.shard_of(key)
            .or((!self.shards.is_empty()).then_some(0))
    }

    /// Shards that may hold keys beginning with `prefix`, in order.
    pub fn shards_with_prefix(&self, prefix: &str) -> Vec<usize> {
        let Some(first) = self.shard_of(prefix).or(if self.shards.is_empty() {
            None
        } else {
            Some(0)
        }) else {
            return Vec::new();
        };
        let mut out = vec![first];
        out.extend(
            (first + 1..self.shards.len()).take_while(|&n| self.shards[n].starts_with(prefix)),
        );
        out
    }

    /// The range document `doc` is in.
    pub fn range_of(&self, doc: u32) -> Option<&DocRange> {
        let i = self.ranges.partition_point(|r| r.end <= doc);
        self.ranges.get(i).filter(|r| r.first <= doc)
    }
}

fn file_of(firsts: &[String], key: &str) -> Option<usize> {
    firsts.partition_point(|f| f.as_str() <= key).checked_sub(1)
}

/// `{lang}/search/shard/{n}.json`: the keys of one range and their postings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchShard {
    /// Sorted by key, each key once.
    pub terms: Vec<Term>,
}

/// `[key, df, postings]`: the key, in how many documents it is (also past the
/// [`MAX_POSTINGS`] kept), and its postings, ascending by document, flattened as pairs
/// `gap, impact`: the gap is the document's difference from the one before (the first's
/// from 0: small numbers compress well), the impact its BM25 weight (`1..=255`,
/// [`rank::impact`]). Read them with [`Term::postings`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Term(pub String, pub u32, pub Vec<u32>);

impl Term {
    /// A term of `postings` (document, impact), ascending by document.
    pub fn new(key: String, df: u32, postings: &[(u32, u32)]) -> Self {
        let mut flat = Vec::with_capacity(postings.len() * 2);
        let mut previous = 0;
        for &(doc, impact) in postings {
            flat.push(doc - previous);
            flat.push(impact);
            previous = doc;
        }
        Self(key, df, flat)
    }

    pub fn key(&self) -> &str {
        &self.0
    }

    pub fn df(&self) -> u32 {
        self.1
    }

    /// `(document, impact)`, ascending by document.
    pub fn postings(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let mut doc = 0u32;
        self.2.chunks_exact(2).map(move |p| {
            doc = doc.saturating_add(p[0]);
            (doc, p[1])
        })
    }
}

impl SearchShard {
    /// The term of `key`, if this shard has it.
    pub fn get(&self, key: &str) -> Option<&Term> {
        let i = self.terms.binary_search_by(|t| t.key().cmp(key)).ok()?;
        Some(&self.terms[i])
    }

    /// Every term whose key starts with `prefix`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Term> {
        let start = self.terms.partition_point(|t| t.key() < prefix);
        self.terms[start..]
            .iter()
            .take_while(move |t| t.key().starts_with(prefix))
    }
}

/// `{lang}/search/vocab/{n}.json`: keys sorted by their reversed spelling.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchVocab {
    pub keys: Vec<String>,
}

/// What a document is, for the reader (and for the route).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    News,
    Faq,
    Helpline,
    Agency,
    Page,
}

impl DocKind {
    pub const ALL: [DocKind; 5] = [
        DocKind::News,
        DocKind::Faq,
        DocKind::Helpline,
        DocKind::Agency,
        DocKind::Page,
    ];

    /// The name in URLs (`?kind=faq`).
    pub fn slug(self) -> &'static str {
        match self {
            DocKind::News => "news",
            DocKind::Faq => "faq",
            DocKind::Helpline => "helpline",
            DocKind::Agency => "agency",
            DocKind::Page => "page",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// One document of the index: what a result shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchDoc {
    pub kind: DocKind,
    /// The app route of the result, relative to the app's base, in its canonical form:
    /// `en/news/7/`, `en/faq/#what-is-the-portal`, `en/helplines/#health`,
    /// `en/agencies/#stats`, `en/pages/open-government/`.
    pub route: String,
    /// The article's title, the question, the helpline's or the agency's name, the page's
    /// title.
    pub title: String,
    /// A short plain text: the lead, the start of the answer, the description or the
    /// numbers and hours of a helpline, the address of an agency.
    pub snippet: String,
    /// The rest of the text, for a snippet from where the query's words are: the whole
    /// answer, the page's text, the helpline's or agency's topics. Absent for news: the
    /// article's file has it (the app fetches it only for results shown whose title and
    /// lead lack the words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The article's date (news only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// As in `NewsSummary::lang`: set when the text is of the fallback language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// `{lang}/search/docs/{chunk}.json`: documents `first..first + docs.len()`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchDocs {
    /// The number of `docs[0]`: `chunk * DOCS_PER_CHUNK`.
    pub first: u32,
    pub docs: Vec<SearchDoc>,
}

impl SearchDocs {
    /// Document `doc`, if this chunk holds it.
    pub fn get(&self, doc: u32) -> Option<&SearchDoc> {
        self.docs.get(doc.checked_sub(self.first)? as usize)
    }
}

/// The plain texts of article or page blocks, in order: what the index holds of a body and
/// what a snippet is cut from.
pub fn block_texts(blocks: &[Block]) -> Vec<&str> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph { text } | Block::Heading { text } => out.push(text.as_str()),
            Block::List { items } => out.extend(items.iter().map(String::as_str)),
            Block::Quote { text, cite } => {
                out.push(text.as_str());
                out.extend(cite.as_deref());
            }
            Block::Image { alt, caption, .. } => {
                out.push(alt.as_str());
                out.extend(caption.as_deref());
            }
        }
    }
    out
}

/// The chunk of `docs/{chunk}.json` that holds document `doc`.
pub fn chunk_of(doc: u32) -> u32 {
    doc / DOCS_PER_CHUNK
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(shards: &[&str]) -> SearchIndex {
        SearchIndex {
            docs: 10,
            docs_per_chunk: DOCS_PER_CHUNK,
            max_postings: MAX_POSTINGS as u32,
            shards: shards.iter().map(|s| s.to_string()).collect(),
            vocab: vec![],
            ranges: vec![
                DocRange {
                    kind: DocKind::Faq,
                    year: None,
                    first: 0,
                    end: 4,
                },
                DocRange {
                    kind: DocKind::News,
                    year: Some(2017),
                    first: 4,
                    end: 10,
                },
            ],
        }
    }

    #[test]
    fn keys_are_found_in_ranges_of_shards() {
        let i = index(&["ab", "ka", "kaz", "kazb", "m"]);
        assert_eq!(i.shard_of("aa"), None);
        assert_eq!(i.shard_near("aa"), Some(0));
        assert_eq!(i.shard_of("ab"), Some(0));
        assert_eq!(i.shard_of("b"), Some(0));
        assert_eq!(i.shard_of("kazakhstan"), Some(2));
        assert_eq!(i.shard_of("zzz"), Some(4));
        assert_eq!(i.shards_with_prefix("kaz"), [2, 3]);
        assert_eq!(i.shards_with_prefix("a"), [0]);
        assert_eq!(i.range_of(3).unwrap().kind, DocKind::Faq);
        assert_eq!(i.range_of(4).unwrap().year, Some(2017));
        assert!(i.range_of(10).is_none());
    }

    #[test]
    fn postings_gap_encode_and_decode() {
        let t = Term::new(
            "tashkent".into(),
            5,
            &[(3, 200), (10, 9), (11, 255), (400, 1)],
        );
        let shard = SearchShard {
            terms: vec![Term::new("ta'lim".into(), 1, &[(0, 3)]), t],
        };
        let json = serde_json::to_string(&shard).unwrap();
        assert_eq!(
            json,
            r#"{"terms":[["ta'lim",1,[0,3]],["tashkent",5,[3,200,7,9,1,255,389,1]]]}"#
        );
        let back: SearchShard = serde_json::from_str(&json).unwrap();
        let t = back.get("tashkent").unwrap();
        assert_eq!(t.df(), 5);
        assert_eq!(
            t.postings().collect::<Vec<_>>(),
            [(3, 200), (10, 9), (11, 255), (400, 1)]
        );
        assert!(back.get("tas").is_none());
        assert_eq!(back.with_prefix("tas").count(), 1);
        assert_eq!(back.with_prefix("ta").count(), 2);
    }

    #[test]
    fn chunks_hold_documents_by_range() {
        assert_eq!(
            (
                chunk_of(0),
                chunk_of(DOCS_PER_CHUNK - 1),
                chunk_of(DOCS_PER_CHUNK)
            ),
            (0, 0, 1)
        );
        let docs = SearchDocs {
            first: 32,
            docs: vec![SearchDoc {
                kind: DocKind::Faq,
                route: "en/faq/#a".into(),
                title: "A?".into(),
                snippet: "A.".into(),
                body: None,
                date: None,
                lang: None,
            }],
        };
        assert_eq!(docs.get(32).unwrap().title, "A?");
        assert!(docs.get(31).is_none() && docs.get(33).is_none());
        assert_eq!(
            serde_json::to_string(&docs).unwrap(),
            r#"{"first":32,"docs":[{"kind":"faq","route":"en/faq/#a","title":"A?","snippet":"A."}]}"#
        );
        assert_eq!(DocKind::from_slug("faq"), Some(DocKind::Faq));
        assert_eq!(DocKind::from_slug("xyz"), None);
    }
}
