//! The search index: its files, and the pure logic that the tool that builds it and the
//! app that queries it must share (how text becomes tokens, which shard holds a token).
//!
//! Files of one language, under `{lang}/search/` (see `paths`):
//! - `index.json` → [`SearchIndex`]: how many documents, and which shards exist;
//! - `shard/{shard}.json` → [`SearchShard`]: every token whose first two characters map to
//!   `{shard}` ([`shard_of`]), each with the documents that hold it;
//! - `docs/{chunk}.json` → [`SearchDocs`]: documents `chunk * DOCS_PER_CHUNK` onwards.
//!
//! A query: [`tokens`] of the query; for each, fetch the shard [`shard_of`] names (if
//! `index.shards` lists it) and read its documents with [`SearchShard::refs`] (or, for the
//! word being typed, [`SearchShard::with_prefix`]); keep the documents every token has
//! ([`intersect`]); fetch the chunks ([`chunk_of`]) of the first results only. Documents are
//! numbered FAQ questions first, then helplines, agencies, then news newest first, so
//! ascending order is a sensible ranking and the newest news come first.

use crate::Date;
use serde::{Deserialize, Serialize};

/// Documents in one `docs/{chunk}.json` file.
pub const DOCS_PER_CHUNK: u32 = 100;

/// The most documents listed for one token: a very common word lists only the first
/// (the directory entries and the newest news); a list this long may have been cut.
pub const MAX_REFS: usize = 5000;

/// Shortest and longest token, in characters: shorter words are not indexed, longer ones
/// are cut (they are rarely words).
pub const MIN_TOKEN_CHARS: usize = 2;
pub const MAX_TOKEN_CHARS: usize = 40;

/// The apostrophe every Uzbek and Karakalpak Latin apostrophe variant folds to.
pub const APOSTROPHE: char = '\'';

/// Text as the index compares it: lowercase (Latin and Cyrillic), Latin letters without
/// diacritics (`é` → `e`, Karakalpak `á ó ú ı ń ǵ` → `a o u i n g`), the apostrophes of
/// Uzbek Latin (`'` `‘` `’` `ʻ` `ʼ` `` ` ``) all [`APOSTROPHE`], Cyrillic `ё` → `е` (`й`
/// and the Uzbek and Karakalpak letters `ў қ ғ ҳ ә ө ү ң` are kept: they are letters of
/// their own). Combining marks are dropped, so decomposed input folds the same.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\'' | '‘' | '’' | 'ʻ' | 'ʼ' | '`' | 'ʹ' | '′' => out.push(APOSTROPHE),
            // Combining diacritical marks.
            '\u{0300}'..='\u{036F}' => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => {
                for l in c.to_lowercase() {
                    match fold_letter(l) {
                        Some(s) => out.push_str(s),
                        None => out.push(l),
                    }
                }
            }
        }
    }
    out
}

/// A lowercase letter without its diacritics, where it has some.
fn fold_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǵ' | 'ǧ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ё' => "е",
        _ => return None,
    })
}

/// The words of `text`, folded: runs of letters, digits and apostrophes (inside a word:
/// `o'zbekiston` is one word, `'quoted'` is `quoted`), of at least [`MIN_TOKEN_CHARS`]
/// characters, cut to [`MAX_TOKEN_CHARS`]. Duplicates are kept, in text order.
pub fn tokens(text: &str) -> impl Iterator<Item = String> {
    let folded = fold(text);
    let words: Vec<String> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == APOSTROPHE))
        .map(|w| w.trim_matches(APOSTROPHE))
        .filter(|w| w.chars().count() >= MIN_TOKEN_CHARS)
        .map(|w| w.chars().take(MAX_TOKEN_CHARS).collect())
        .collect();
    words.into_iter()
}

/// The shard of a folded token: its first two characters, as they are when they are
/// ASCII letters or digits (`ta`), else `x` and the hex of their UTF-8 bytes (`оз` →
/// `xd0bed0b7`, `o'` → `x6f27`), so that every shard name is safe in a URL and a file name.
pub fn shard_of(token: &str) -> String {
    let prefix: String = token.chars().take(2).collect();
    if prefix
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        prefix
    } else {
        let mut name = String::from("x");
        for b in prefix.bytes() {
            name.push_str(&format!("{b:02x}"));
        }
        name
    }
}

/// The chunk of `docs/{chunk}.json` that holds document `doc`.
pub fn chunk_of(doc: u32) -> u32 {
    doc / DOCS_PER_CHUNK
}

/// The documents every list holds, ascending (each list ascending, as [`SearchShard::refs`]
/// gives them).
pub fn intersect(lists: &[Vec<u32>]) -> Vec<u32> {
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    first
        .iter()
        .copied()
        .filter(|d| rest.iter().all(|l| l.binary_search(d).is_ok()))
        .collect()
}

/// `{lang}/search/index.json`: what a query needs to know before fetching.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchIndex {
    /// Number of documents: refs are `0..docs`.
    pub docs: u32,
    /// Documents per `docs/{chunk}.json` ([`DOCS_PER_CHUNK`]).
    pub docs_per_chunk: u32,
    /// The longest list of a token ([`MAX_REFS`]).
    pub max_refs: u32,
    /// Every shard that exists, sorted: a token whose shard is not here is in no document.
    pub shards: Vec<String>,
}

/// `{lang}/search/shard/{shard}.json`: the tokens of one shard and their documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchShard {
    /// `(token, refs)`, sorted by token. The refs of a token are its documents ascending,
    /// gap-encoded (the first ref, then each one's difference from the one before: small
    /// numbers compress well); read them with [`SearchShard::refs`].
    pub entries: Vec<(String, Vec<u32>)>,
}

impl SearchShard {
    /// A shard of `(token, documents ascending)`, in any order.
    pub fn new(mut entries: Vec<(String, Vec<u32>)>) -> Self {
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, refs) in &mut entries {
            let mut previous = 0;
            for r in refs.iter_mut() {
                let doc = *r;
                *r = doc - previous;
                previous = doc;
            }
        }
        Self { entries }
    }

    /// The documents of `token` (folded), ascending; `None` if no document has it.
    pub fn refs(&self, token: &str) -> Option<Vec<u32>> {
        let i = self
            .entries
            .binary_search_by(|e| e.0.as_str().cmp(token))
            .ok()?;
        Some(decode(&self.entries[i].1))
    }

    /// Every token starting with `prefix` (folded), with its documents ascending: for the
    /// word being typed.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, Vec<u32>)> {
        let start = self.entries.partition_point(|e| e.0.as_str() < prefix);
        self.entries[start..]
            .iter()
            .take_while(move |e| e.0.starts_with(prefix))
            .map(|e| (e.0.as_str(), decode(&e.1)))
    }
}

fn decode(gaps: &[u32]) -> Vec<u32> {
    let mut doc = 0u32;
    gaps.iter()
        .map(|g| {
            doc = doc.saturating_add(*g);
            doc
        })
        .collect()
}

/// What a document is, for the reader (and for the route).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    News,
    Faq,
    Helpline,
    Agency,
}

/// One document of the index: what a result shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchDoc {
    pub kind: DocKind,
    /// The app route of the result, relative to the app's base: `en/news/7`,
    /// `en/faq#what-is-the-portal`, `en/helplines#health`, `en/agencies#stats`.
    pub route: String,
    /// The article's title, the question, the helpline's or the agency's name.
    pub title: String,
    /// A short plain text: the lead, the start of the answer, the numbers and hours, the
    /// address.
    pub snippet: String,
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
    /// The ref of `docs[0]`: `chunk * DOCS_PER_CHUNK`.
    pub first: u32,
    pub docs: Vec<SearchDoc>,
}

impl SearchDocs {
    /// Document `doc`, if this chunk holds it.
    pub fn get(&self, doc: u32) -> Option<&SearchDoc> {
        self.docs.get(doc.checked_sub(self.first)? as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uzbek_apostrophes_and_case_fold_the_same() {
        let forms = [
            "O'zbekiston",
            "Oʻzbekiston",
            "O‘ZBEKISTON",
            "O’zbekiston",
            "Oʼzbekiston",
            "O`zbekiston",
        ];
        for f in forms {
            assert_eq!(fold(f), "o'zbekiston", "{f}");
        }
        assert_eq!(
            tokens("Oʻzbekiston Respublikasi").collect::<Vec<_>>(),
            ["o'zbekiston", "respublikasi"]
        );
    }

    #[test]
    fn cyrillic_folds_case_and_yo_but_keeps_its_letters() {
        assert_eq!(fold("ЎЗБЕКИСТОН Ёшлар"), "ўзбекистон ешлар");
        assert_eq!(
            fold("Йўл ҚАРАҚАЛПАҚСТАН Ғалаба Ҳукумат"),
            "йўл қарақалпақстан ғалаба ҳукумат"
        );
        assert_eq!(fold("ӘӨҮҢ"), "әөүң");
        assert_eq!(fold("Правительство"), fold("ПРАВИТЕЛЬСТВО"));
    }

    #[test]
    fn latin_diacritics_are_stripped() {
        assert_eq!(
            fold("Ózbekstan Húkimet Jańalıqlar ǴÁRREZSIZ"),
            "ozbekstan hukimet janaliqlar garrezsiz"
        );
        assert_eq!(fold("Café NAÏVE Straße"), "cafe naive strasse");
        // Decomposed: e + combining acute.
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn tokens_are_words_of_two_characters_or_more() {
        let t: Vec<String> =
            tokens("A “quoted” word, 'single', e-mail: x@y.uz — 1000 and O'zbekiston's 2017-11-01")
                .collect();
        assert_eq!(
            t,
            [
                "quoted",
                "word",
                "single",
                "mail",
                "uz",
                "1000",
                "and",
                "o'zbekiston's",
                "2017",
                "11",
                "01"
            ]
        );
        let long = "a".repeat(100);
        assert_eq!(
            tokens(&long).next().unwrap().chars().count(),
            MAX_TOKEN_CHARS
        );
    }

    #[test]
    fn shards_are_url_safe() {
        assert_eq!(shard_of("tashkent"), "ta");
        assert_eq!(shard_of("2017"), "20");
        assert_eq!(shard_of("o'zbekiston"), "x6f27");
        assert_eq!(shard_of("ўзбекистон"), "xd19ed0b7");
        assert!(["ta", "x6f27", "xd19ed0b7"]
            .iter()
            .all(|s| s.bytes().all(|b| b.is_ascii_alphanumeric())));
    }

    #[test]
    fn shards_gap_encode_and_decode_refs() {
        let shard = SearchShard::new(vec![
            ("tashkent".into(), vec![3, 10, 11, 400]),
            ("tax".into(), vec![7]),
            ("ta'lim".into(), vec![0, 2]),
        ]);
        let json = serde_json::to_string(&shard).unwrap();
        assert_eq!(
            json,
            r#"{"entries":[["ta'lim",[0,2]],["tashkent",[3,7,1,389]],["tax",[7]]]}"#
        );
        let back: SearchShard = serde_json::from_str(&json).unwrap();
        assert_eq!(back.refs("tashkent"), Some(vec![3, 10, 11, 400]));
        assert_eq!(back.refs("tas"), None);
        let typed: Vec<(&str, Vec<u32>)> = back.with_prefix("tas").collect();
        assert_eq!(typed, [("tashkent", vec![3, 10, 11, 400])]);
        assert_eq!(back.with_prefix("ta").count(), 3);
        assert_eq!(
            intersect(&[vec![1, 3, 5, 7], vec![3, 4, 7], vec![0, 3, 7, 9]]),
            [3, 7]
        );
        assert!(intersect(&[]).is_empty());
    }

    #[test]
    fn chunks_hold_refs_by_range() {
        assert_eq!((chunk_of(0), chunk_of(99), chunk_of(100)), (0, 0, 1));
        let docs = SearchDocs {
            first: 100,
            docs: vec![SearchDoc {
                kind: DocKind::Faq,
                route: "en/faq#a".into(),
                title: "A?".into(),
                snippet: "A.".into(),
                date: None,
                lang: None,
            }],
        };
        assert_eq!(docs.get(100).unwrap().title, "A?");
        assert!(docs.get(99).is_none() && docs.get(101).is_none());
        assert_eq!(
            serde_json::to_string(&docs).unwrap(),
            r#"{"first":100,"docs":[{"kind":"faq","route":"en/faq#a","title":"A?","snippet":"A.","date":null}]}"#
                .replace(r#","date":null"#, "")
        );
    }
}
