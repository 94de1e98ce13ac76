//! The search index of one language (format in `portal_api::search` and `docs/API.md`):
//! news titles and leads, FAQ questions and answers, helplines and agencies.

use crate::tree::Listed;
use portal_api::search::{
    self, DocKind, SearchDoc, SearchDocs, SearchIndex, SearchShard, DOCS_PER_CHUNK, MAX_REFS,
};
use portal_api::{Agencies, Article, Faq, Helplines};
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

/// The tokens of every article, once: the five languages list mostly the same (English)
/// articles, so each is tokenized once, and its tokens are numbered, so that a language's
/// index is built by pushing numbers, not by hashing strings.
pub struct TokenTable {
    /// Token by id.
    tokens: Vec<String>,
    /// The shard of each token.
    shards: Vec<String>,
    id: FastMap<String, u32>,
    /// Article (by address) → its distinct token ids: `flat[offsets[i]..offsets[i + 1]]`.
    article: FastMap<usize, usize>,
    offsets: Vec<usize>,
    flat: Vec<u32>,
}

impl TokenTable {
    /// Tokenizes the titles and leads of `articles` (each article once, however often it
    /// is given), in parallel.
    pub fn new<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Self {
        let mut unique: Vec<&Article> = Vec::new();
        let mut article: FastMap<usize, usize> = FastMap::default();
        for a in articles {
            let key = a as *const Article as usize;
            article.entry(key).or_insert_with(|| {
                unique.push(a);
                unique.len() - 1
            });
        }
        let mut table = Self {
            tokens: Vec::new(),
            shards: Vec::new(),
            id: FastMap::default(),
            article,
            offsets: vec![0],
            flat: Vec::new(),
        };
        // By blocks, so that the strings of only one block are in memory at once.
        for block in unique.chunks(16_384) {
            let tokens: Vec<Vec<String>> = block
                .par_iter()
                .map(|a| distinct_tokens([a.title.as_str(), a.lead.as_str()]))
                .collect();
            for list in tokens {
                for t in list {
                    let id = match table.id.get(&t) {
                        Some(&id) => id,
                        None => {
                            let id = table.tokens.len() as u32;
                            table.shards.push(search::shard_of(&t));
                            table.tokens.push(t.clone());
                            table.id.insert(t, id);
                            id
                        }
                    };
                    table.flat.push(id);
                }
                table.offsets.push(table.flat.len());
            }
        }
        table
    }

    /// The distinct token ids of `article`, which must be one of those given to `new`.
    fn of(&self, article: &Article) -> &[u32] {
        let i = self.article[&(article as *const Article as usize)];
        &self.flat[self.offsets[i]..self.offsets[i + 1]]
    }
}

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
        table: &TokenTable,
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

        // Token id → refs, ascending: documents are added in ref order. Past the cap, a
        // common word keeps its first (directory, newest) documents.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); table.tokens.len()];
        let mut own: FastMap<String, Vec<u32>> = FastMap::default();
        let mut docs = Vec::with_capacity(directory.len());
        for (doc, tokens) in directory {
            let r = docs.len() as u32;
            for t in tokens {
                let refs = match table.id.get(&t) {
                    Some(&id) => &mut postings[id as usize],
                    None => own.entry(t).or_default(),
                };
                if refs.len() < MAX_REFS {
                    refs.push(r);
                }
            }
            docs.push(doc);
        }
        let base = docs.len() as u32;
        for (i, l) in news.iter().enumerate() {
            for &id in table.of(l.article) {
                let refs = &mut postings[id as usize];
                if refs.len() < MAX_REFS {
                    refs.push(base + i as u32);
                }
            }
        }

        let mut by_shard: BTreeMap<&str, Vec<(String, Vec<u32>)>> = BTreeMap::new();
        for (id, refs) in postings.into_iter().enumerate() {
            if !refs.is_empty() {
                let token = &table.tokens[id];
                by_shard
                    .entry(&table.shards[id])
                    .or_default()
                    .push((token.clone(), refs));
            }
        }
        let own_shards: Vec<(String, String, Vec<u32>)> = own
            .into_iter()
            .map(|(token, refs)| (search::shard_of(&token), token, refs))
            .collect();
        for (shard, token, refs) in &own_shards {
            by_shard
                .entry(shard)
                .or_default()
                .push((token.clone(), refs.clone()));
        }
        let shards = by_shard
            .into_iter()
            .map(|(name, entries)| (name.to_string(), SearchShard::new(entries)))
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
