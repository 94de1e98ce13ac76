//! The search index of one language (format in `portal_api::search` and `docs/API.md`):
//! news titles and leads, FAQ questions and answers, helplines and agencies.

use crate::tree::Listed;
use portal_api::search::{
    self, DocKind, SearchDoc, SearchDocs, SearchIndex, SearchShard, DOCS_PER_CHUNK, MAX_REFS,
};
use portal_api::{Agencies, Faq, Helplines};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (as in rustc): a fast, non-cryptographic hash for the token map, which takes
/// millions of short keys from our own sources (no untrusted input to defend against).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 160;

/// The index of one language: its directory documents (refs `0..directory.len()`), then
/// its news (refs from `directory.len()`, in feed order: newest first), and its shards.
pub struct Index {
    directory: Vec<SearchDoc>,
    news: usize,
    shards: Vec<(String, SearchShard)>,
}

/// `text` cut to [`SNIPPET_CHARS`] at a word boundary, with `…` when cut.
pub fn snippet(text: &str) -> String {
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let end = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!(
        "{}…",
        cut[..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',')
    )
}

/// The sorted, distinct tokens of `texts`.
fn distinct_tokens<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut t: Vec<String> = texts.into_iter().flat_map(search::tokens).collect();
    t.sort_unstable();
    t.dedup();
    t
}

fn news_doc(lang: &str, l: &Listed) -> SearchDoc {
    SearchDoc {
        kind: DocKind::News,
        route: format!("{lang}/news/{}", l.article.id),
        title: l.article.title.clone(),
        snippet: snippet(&l.article.lead),
        date: Some(l.article.date),
        lang: l.lang.map(str::to_string),
    }
}

impl Index {
    /// Indexes the directory files of `lang` and its news, `news` in feed order.
    pub fn new(
        lang: &str,
        faq: Option<&Faq>,
        helplines: Option<&Helplines>,
        agencies: Option<&Agencies>,
        news: &[Listed],
    ) -> Self {
        let mut directory: Vec<(SearchDoc, Vec<String>)> = Vec::new();
        for topic in faq.iter().flat_map(|f| &f.topics) {
            for q in &topic.questions {
                let doc = SearchDoc {
                    kind: DocKind::Faq,
                    route: format!("{lang}/faq#{}", q.id),
                    title: q.question.clone(),
                    snippet: snippet(q.answer.first().map(String::as_str).unwrap_or("")),
                    date: None,
                    lang: q.lang.clone(),
                };
                let texts =
                    std::iter::once(q.question.as_str()).chain(q.answer.iter().map(String::as_str));
                directory.push((doc, distinct_tokens(texts)));
            }
        }
        for group in helplines.iter().flat_map(|h| &h.groups) {
            for h in &group.entries {
                let numbers = h
                    .short_number
                    .iter()
                    .chain(&h.phones)
                    .cloned()
                    .collect::<Vec<_>>();
                let mut about = numbers.join(", ");
                if let Some(hours) = &h.hours {
                    about = format!("{about} · {hours}");
                }
                let doc = SearchDoc {
                    kind: DocKind::Helpline,
                    route: format!("{lang}/helplines#{}", h.id),
                    title: h.name.clone(),
                    snippet: snippet(&about),
                    date: None,
                    lang: None,
                };
                let texts = [
                    h.name.as_str(),
                    group.name.as_str(),
                    h.short_number.as_deref().unwrap_or(""),
                ];
                directory.push((doc, distinct_tokens(texts)));
            }
        }
        for a in agencies.iter().flat_map(|a| &a.agencies) {
            let doc = SearchDoc {
                kind: DocKind::Agency,
                route: format!("{lang}/agencies#{}", a.id),
                title: a.name.clone(),
                snippet: snippet(&a.address),
                date: None,
                lang: None,
            };
            directory.push((doc, distinct_tokens([a.name.as_str(), a.address.as_str()])));
        }

        // Token → refs, ascending: documents are added in ref order.
        let mut postings: FastMap<String, Vec<u32>> = FastMap::default();
        let mut add = |doc: u32, tokens: Vec<String>| {
            for t in tokens {
                let refs = postings.entry(t).or_default();
                // Past the cap, a common word keeps its first (directory, newest) documents.
                if refs.len() < MAX_REFS {
                    refs.push(doc);
                }
            }
        };
        let mut docs = Vec::with_capacity(directory.len());
        for (doc, tokens) in directory {
            add(docs.len() as u32, tokens);
            docs.push(doc);
        }
        // News in parallel, by blocks, so that the tokens of only one block are in memory.
        let base = docs.len();
        for (b, block) in news.chunks(8192).enumerate() {
            let tokens: Vec<Vec<String>> = block
                .par_iter()
                .map(|l| distinct_tokens([l.article.title.as_str(), l.article.lead.as_str()]))
                .collect();
            for (i, t) in tokens.into_iter().enumerate() {
                add((base + b * 8192 + i) as u32, t);
            }
        }

        let mut by_shard: BTreeMap<String, Vec<(String, Vec<u32>)>> = BTreeMap::new();
        for (token, refs) in postings {
            by_shard
                .entry(search::shard_of(&token))
                .or_default()
                .push((token, refs));
        }
        let shards = by_shard
            .into_iter()
            .map(|(name, entries)| (name, SearchShard::new(entries)))
            .collect();
        Self {
            directory: docs,
            news: news.len(),
            shards,
        }
    }

    pub fn docs(&self) -> u32 {
        (self.directory.len() + self.news) as u32
    }

    pub fn chunks(&self) -> u32 {
        self.docs().div_ceil(DOCS_PER_CHUNK)
    }

    pub fn shards(&self) -> &[(String, SearchShard)] {
        &self.shards
    }

    pub fn meta(&self) -> SearchIndex {
        SearchIndex {
            docs: self.docs(),
            docs_per_chunk: DOCS_PER_CHUNK,
            max_refs: MAX_REFS as u32,
            shards: self.shards.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    /// Chunk `chunk` of the documents; `news` as given to [`Index::new`].
    pub fn chunk(&self, lang: &str, chunk: u32, news: &[Listed]) -> SearchDocs {
        let first = chunk * DOCS_PER_CHUNK;
        let end = (first + DOCS_PER_CHUNK).min(self.docs());
        let d = self.directory.len() as u32;
        let docs = (first..end)
            .map(|r| match r < d {
                true => self.directory[r as usize].clone(),
                false => news_doc(lang, &news[(r - d) as usize]),
            })
            .collect();
        SearchDocs { first, docs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_cut_at_a_word() {
        assert_eq!(snippet("Short."), "Short.");
        let long = "word ".repeat(50);
        let s = snippet(&long);
        assert!(
            s.ends_with("word…") && s.chars().count() <= SNIPPET_CHARS + 1,
            "{s}"
        );
    }
}
