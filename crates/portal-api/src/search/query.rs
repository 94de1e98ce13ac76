//! A query, from the words typed to a page of ranked, highlighted results, over files that
//! a [`Files`] fetches (the app's client in the browser, the disk in tests). Each phase asks
//! for the files it needs at once: the index; the shards of the words' keys; for a word
//! found nowhere, the vocabulary by last letters and the shards of its typo candidates; the
//! document chunks of the page shown; and, for a news result whose title and lead lack the
//! words, its article's text for the snippet.

use super::mark::{self, SNIPPET_CHARS};
use super::rank::{self, EXACT, PREFIX, TYPO};
use super::typo::{self, MIN_TYPO_CHARS};
use super::{
    chunk_of, Analyser, DocKind, SearchDoc, SearchDocs, SearchIndex, SearchShard, SearchVocab,
};
use futures_util::future::try_join_all;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::Future;

/// Results on one page.
pub const RESULTS_PER_PAGE: u32 = 20;

/// Shortest word typed that also matches the words it begins.
pub const MIN_PREFIX_CHARS: usize = 3;

/// Most typo candidates kept for one key (the most frequent ones).
const MAX_TYPO_CANDIDATES: usize = 4;

/// The files of the search index of one language, however they are fetched.
pub trait Files {
    type Error;
    fn index(&self, lang: &str) -> impl Future<Output = Result<SearchIndex, Self::Error>>;
    fn shard(&self, lang: &str, n: usize)
        -> impl Future<Output = Result<SearchShard, Self::Error>>;
    fn vocab(&self, lang: &str, n: usize)
        -> impl Future<Output = Result<SearchVocab, Self::Error>>;
    fn docs(&self, lang: &str, chunk: u32)
        -> impl Future<Output = Result<SearchDocs, Self::Error>>;
    /// The full text of a news result (its article's body), for its snippet.
    fn body(
        &self,
        lang: &str,
        doc: &SearchDoc,
    ) -> impl Future<Output = Result<Option<String>, Self::Error>>;
}

/// What the reader asked for: words, filters, page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub text: String,
    pub kind: Option<DocKind>,
    pub year: Option<u16>,
    /// 1-based.
    pub page: u32,
}

/// One result as shown: the document, its title and snippet in marked pieces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Found {
    pub doc: SearchDoc,
    pub title: Vec<(String, bool)>,
    pub snippet: Vec<(String, bool)>,
}

/// One page of the results of a query (serializable: the app carries it from a
/// prerendered page to the browser).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Documents matching the query and the filters.
    pub total: u32,
    pub page: u32,
    pub total_pages: u32,
    pub results: Vec<Found>,
    /// Matches of each kind (with the year filter), for the kind filter.
    pub kinds: Vec<(DocKind, u32)>,
    /// Matches of each year, newest first (with the kind filter), for the year filter.
    pub years: Vec<(u16, u32)>,
    /// When the query found nothing in this language: how many it finds in each other
    /// language that has some.
    pub elsewhere: Vec<(String, u32)>,
}

/// How a key matched a word of the query.
#[derive(Clone, Debug)]
struct Candidate {
    key: String,
    weight: f32,
}

/// The keys a query's words may match, by word.
struct Plan {
    /// Per word: its keys (one per analyser), and the prefix of the word being typed.
    words: Vec<(Vec<String>, Vec<String>)>,
}

fn plan(site: &str, text: &str) -> Plan {
    let analysers = Analyser::for_query(site);
    let own = analysers[0];
    let spans = super::analyse::spans(text);
    let spans: Vec<&str> = spans
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .filter(|w| own.normalise(w).chars().count() >= super::MIN_TOKEN_CHARS)
        .collect();
    let last = spans.len().saturating_sub(1);
    let mut words = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, w) in spans.iter().enumerate() {
        let mut keys: Vec<String> = analysers.iter().map(|a| a.key(w)).collect();
        keys.sort();
        keys.dedup();
        let mut prefixes = Vec::new();
        if i == last {
            for a in &analysers {
                let p: String = a
                    .normalise(w)
                    .chars()
                    .filter(|c| {
                        c.is_alphanumeric()
                            || (*a != Analyser::Uzbek
                                && *a != Analyser::Karakalpak
                                && *c == super::APOSTROPHE)
                    })
                    .collect();
                if p.chars().count() >= MIN_PREFIX_CHARS && !prefixes.contains(&p) {
                    prefixes.push(p);
                }
            }
        }
        if seen.insert(keys.clone()) {
            words.push((keys, prefixes));
        }
    }
    Plan { words }
}

/// Documents with their score, ranked, before filters; and the keys that matched.
struct Ranked {
    docs: Vec<(u32, f32)>,
    keys: BTreeSet<String>,
}

async fn fetch_shards<F: Files>(
    files: &F,
    lang: &str,
    wanted: BTreeSet<usize>,
    have: &mut HashMap<usize, SearchShard>,
) -> Result<(), F::Error> {
    let wanted: Vec<usize> = wanted
        .into_iter()
        .filter(|n| !have.contains_key(n))
        .collect();
    let got = try_join_all(wanted.iter().map(|&n| files.shard(lang, n))).await?;
    have.extend(wanted.into_iter().zip(got));
    Ok(())
}

/// Scores every document the words of `text` match in the index of `lang`.
async fn rank<F: Files>(
    files: &F,
    lang: &str,
    index: &SearchIndex,
    text: &str,
) -> Result<Ranked, F::Error> {
    let plan = plan(lang, text);
    let mut shards: HashMap<usize, SearchShard> = HashMap::new();
    let mut wanted = BTreeSet::new();
    for (keys, prefixes) in &plan.words {
        wanted.extend(keys.iter().filter_map(|k| index.shard_near(k)));
        for p in prefixes {
            wanted.extend(index.shards_with_prefix(p));
        }
    }
    fetch_shards(files, lang, wanted, &mut shards).await?;
    let find = |shards: &HashMap<usize, SearchShard>, key: &str| {
        index
            .shard_of(key)
            .and_then(|n| shards.get(&n))
            .and_then(|s| s.get(key))
            .map(|t| t.df())
    };

    // The candidates of each word: its keys, the keys its last word begins, and for a word
    // found nowhere, the keys one typo away.
    let mut candidates: Vec<Vec<Candidate>> = Vec::new();
    let mut typo_words = Vec::new();
    for (w, (keys, prefixes)) in plan.words.iter().enumerate() {
        let mut c: Vec<Candidate> = keys
            .iter()
            .filter(|k| find(&shards, k).is_some())
            .map(|k| Candidate {
                key: k.clone(),
                weight: EXACT,
            })
            .collect();
        for p in prefixes {
            for n in index.shards_with_prefix(p) {
                let Some(shard) = shards.get(&n) else {
                    continue;
                };
                for t in shard.with_prefix(p) {
                    if !c.iter().any(|x| x.key == t.key()) {
                        c.push(Candidate {
                            key: t.key().to_string(),
                            weight: PREFIX,
                        });
                    }
                }
            }
        }
        if c.is_empty() {
            typo_words.push(w);
        }
        candidates.push(c);
    }
    if !typo_words.is_empty() {
        let mut vocab_files = BTreeSet::new();
        for &w in &typo_words {
            for k in &plan.words[w].0 {
                if k.chars().count() >= MIN_TYPO_CHARS {
                    vocab_files.extend(index.vocab_of(&typo::reversed(k)));
                }
            }
        }
        let vocab_files: Vec<usize> = vocab_files.into_iter().collect();
        let vocabs = try_join_all(vocab_files.iter().map(|&n| files.vocab(lang, n))).await?;
        let mut wanted = BTreeSet::new();
        let mut typos: Vec<(usize, Vec<String>)> = Vec::new();
        for &w in &typo_words {
            let mut found: BTreeSet<String> = BTreeSet::new();
            for k in plan.words[w]
                .0
                .iter()
                .filter(|k| k.chars().count() >= MIN_TYPO_CHARS)
            {
                // Keys that begin like it (its shard) and keys that end like it.
                if let Some(s) = index.shard_near(k).and_then(|n| shards.get(&n)) {
                    found.extend(
                        s.terms
                            .iter()
                            .filter(|t| typo::one_typo(k, t.key()))
                            .map(|t| t.key().to_string()),
                    );
                }
                for v in &vocabs {
                    found.extend(v.keys.iter().filter(|c| typo::one_typo(k, c)).cloned());
                }
            }
            let found: Vec<String> = found.into_iter().collect();
            wanted.extend(found.iter().filter_map(|k| index.shard_of(k)));
            typos.push((w, found));
        }
        fetch_shards(files, lang, wanted, &mut shards).await?;
        for (w, found) in typos {
            let mut with_df: Vec<(u32, String)> = found
                .into_iter()
                .filter_map(|k| find(&shards, &k).map(|df| (df, k)))
                .collect();
            with_df.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            candidates[w] = with_df
                .into_iter()
                .take(MAX_TYPO_CANDIDATES)
                .map(|(_, key)| Candidate { key, weight: TYPO })
                .collect();
        }
    }

    // Scores: per word, each document's best candidate; then summed over words.
    let mut sums: HashMap<u32, (f32, f32)> = HashMap::new();
    let mut total_idf = 0.0;
    let mut keys = BTreeSet::new();
    for c in &candidates {
        let terms: Vec<(&Candidate, &super::Term)> = c
            .iter()
            .filter_map(|cand| {
                let term = index
                    .shard_of(&cand.key)
                    .and_then(|n| shards.get(&n))
                    .and_then(|s| s.get(&cand.key))?;
                Some((cand, term))
            })
            .collect();
        // One idf for all the keys of a word, that of its most common one: a rare word it
        // begins must not outweigh the word itself. A word found nowhere still counts in
        // coverage, as a rare one.
        let df = terms.iter().map(|(_, t)| t.df()).max().unwrap_or(0);
        let word_idf = rank::idf(df, index.docs);
        let mut best: HashMap<u32, f32> = HashMap::new();
        for (cand, term) in terms {
            keys.insert(cand.key.clone());
            for (doc, impact) in term.postings() {
                let s = rank::score(impact, word_idf, cand.weight);
                let e = best.entry(doc).or_insert(0.0);
                *e = e.max(s);
            }
        }
        total_idf += word_idf;
        for (doc, s) in best {
            let e = sums.entry(doc).or_insert((0.0, 0.0));
            e.0 += s;
            e.1 += word_idf;
        }
    }
    let mut docs: Vec<(u32, f32)> = sums
        .into_iter()
        .map(|(d, (sum, covered))| (d, rank::combine(sum, covered, total_idf)))
        .collect();
    docs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(Ranked { docs, keys })
}

/// How many documents `text` finds in the index of `lang`.
pub async fn count<F: Files>(files: &F, lang: &str, text: &str) -> Result<u32, F::Error> {
    let index = files.index(lang).await?;
    Ok(rank(files, lang, &index, text).await?.docs.len() as u32)
}

/// Page `query.page` of the results of `query` in the index of `lang`; when it finds
/// nothing (no filter set), the counts of `others`.
pub async fn search<F: Files>(
    files: &F,
    lang: &str,
    query: &Query,
    others: &[&str],
) -> Result<Results, F::Error> {
    let page = query.page.max(1);
    let mut out = Results {
        page,
        ..Results::default()
    };
    if plan(lang, &query.text).words.is_empty() {
        return Ok(out);
    }
    let index = files.index(lang).await?;
    let ranked = rank(files, lang, &index, &query.text).await?;
    if ranked.docs.is_empty() {
        let counts = try_join_all(others.iter().map(|o| count(files, o, &query.text))).await?;
        out.elsewhere = others
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(o, n)| (o.to_string(), n))
            .collect();
        return Ok(out);
    }

    // Filters and their counts.
    let mut kinds: BTreeMap<DocKind, u32> = BTreeMap::new();
    let mut years: BTreeMap<u16, u32> = BTreeMap::new();
    let mut shown = Vec::new();
    for &(doc, _) in &ranked.docs {
        let Some(range) = index.range_of(doc) else {
            continue;
        };
        let kind_ok = query.kind.is_none_or(|k| k == range.kind);
        let year_ok = query.year.is_none_or(|y| range.year == Some(y));
        if year_ok {
            *kinds.entry(range.kind).or_default() += 1;
        }
        if kind_ok {
            if let Some(y) = range.year {
                *years.entry(y).or_default() += 1;
            }
        }
        if kind_ok && year_ok {
            shown.push(doc);
        }
    }
    out.kinds = DocKind::ALL
        .into_iter()
        .filter_map(|k| kinds.get(&k).map(|n| (k, *n)))
        .collect();
    out.years = years.into_iter().rev().collect();
    out.total = shown.len() as u32;
    out.total_pages = out.total.div_ceil(RESULTS_PER_PAGE);
    let start = ((page - 1) * RESULTS_PER_PAGE) as usize;
    let page_docs: Vec<u32> = shown
        .into_iter()
        .skip(start)
        .take(RESULTS_PER_PAGE as usize)
        .collect();

    // The documents of the page, then the texts that the snippets need.
    let chunks: Vec<u32> = page_docs
        .iter()
        .map(|&d| chunk_of(d))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let got = try_join_all(chunks.iter().map(|&c| files.docs(lang, c))).await?;
    let docs: Vec<SearchDoc> = page_docs
        .iter()
        .filter_map(|&d| got.iter().find_map(|c| c.get(d)).cloned())
        .collect();
    let keys = &ranked.keys;
    let bodies = try_join_all(docs.iter().map(|doc| async move {
        let a = Analyser::of_text(lang, doc.lang.as_deref());
        if mark::has_match(&doc.title, a, keys) || mark::has_match(&doc.snippet, a, keys) {
            return Ok(None);
        }
        match (&doc.body, doc.kind) {
            (Some(body), _) => Ok(Some(body.clone())),
            (None, DocKind::News) => files.body(lang, doc).await,
            _ => Ok(None),
        }
    }))
    .await?;
    out.results = docs
        .into_iter()
        .zip(bodies)
        .map(|(doc, body)| {
            let a = Analyser::of_text(lang, doc.lang.as_deref());
            let snippet = body
                .and_then(|b| mark::snippet_around(&b, a, keys))
                .unwrap_or_else(|| mark::cut(&doc.snippet, SNIPPET_CHARS));
            Found {
                title: mark::pieces(&doc.title, a, keys),
                snippet: mark::pieces(&snippet, a, keys),
                doc,
            }
        })
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{DocRange, Term, DOCS_PER_CHUNK, MAX_POSTINGS};
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// An index of six news documents in memory: `terms` are `(key, [(doc, impact)])`.
    struct Memory {
        index: SearchIndex,
        shard: SearchShard,
        vocab: SearchVocab,
    }

    fn memory(terms: &[(&str, &[(u32, u32)])]) -> Memory {
        let mut terms: Vec<Term> = terms
            .iter()
            .map(|(k, p)| Term::new(k.to_string(), p.len() as u32, p))
            .collect();
        terms.sort_by(|a, b| a.key().cmp(b.key()));
        let mut keys: Vec<String> = terms.iter().map(|t| t.key().to_string()).collect();
        keys.sort_by_key(|k| typo::reversed(k));
        Memory {
            index: SearchIndex {
                docs: 6,
                docs_per_chunk: DOCS_PER_CHUNK,
                max_postings: MAX_POSTINGS as u32,
                shards: vec![terms[0].key().to_string()],
                vocab: vec![typo::reversed(&keys[0])],
                ranges: vec![DocRange {
                    kind: DocKind::News,
                    year: Some(2017),
                    first: 0,
                    end: 6,
                }],
            },
            shard: SearchShard { terms },
            vocab: SearchVocab { keys },
        }
    }

    impl Files for Memory {
        type Error = ();
        async fn index(&self, _: &str) -> Result<SearchIndex, ()> {
            Ok(self.index.clone())
        }
        async fn shard(&self, _: &str, _: usize) -> Result<SearchShard, ()> {
            Ok(self.shard.clone())
        }
        async fn vocab(&self, _: &str, _: usize) -> Result<SearchVocab, ()> {
            Ok(self.vocab.clone())
        }
        async fn docs(&self, _: &str, chunk: u32) -> Result<SearchDocs, ()> {
            let first = chunk * DOCS_PER_CHUNK;
            let docs = (first..6)
                .map(|d| SearchDoc {
                    kind: DocKind::News,
                    route: format!("en/news/{d}/"),
                    title: format!("Document {d}"),
                    snippet: String::new(),
                    body: None,
                    date: None,
                    lang: None,
                })
                .collect();
            Ok(SearchDocs { first, docs })
        }
        async fn body(&self, _: &str, _: &SearchDoc) -> Result<Option<String>, ()> {
            Ok(None)
        }
    }

    fn ranked(m: &Memory, text: &str) -> Vec<String> {
        let q = Query {
            text: text.into(),
            page: 1,
            ..Query::default()
        };
        let mut f = pin!(search(m, "en", &q, &[]));
        match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(r) => r
                .unwrap()
                .results
                .into_iter()
                .map(|f| f.doc.route)
                .collect(),
            Poll::Pending => panic!("memory never waits"),
        }
    }

    #[test]
    fn a_word_ranks_above_the_words_it_begins_and_ties_keep_the_newest_first() {
        let m = memory(&[
            ("school", &[(4, 100), (5, 100)]),
            ("schoolbus", &[(1, 100)]),
            ("tax", &[(0, 50)]),
        ]);
        // The last word also matches what it begins, below its own key.
        assert_eq!(
            ranked(&m, "school"),
            ["en/news/4/", "en/news/5/", "en/news/1/"]
        );
        // Not a word being typed: only its own key.
        assert_eq!(
            ranked(&m, "school tax"),
            ["en/news/0/", "en/news/4/", "en/news/5/"]
        );
    }

    #[test]
    fn documents_with_every_word_come_before_those_with_some() {
        let m = memory(&[
            ("pension", &[(1, 255), (3, 40)]),
            ("tax", &[(2, 255), (3, 40)]),
        ]);
        assert_eq!(ranked(&m, "pension tax")[0], "en/news/3/");
    }

    #[test]
    fn a_typo_finds_the_word_even_in_its_first_letters_and_only_from_five_letters() {
        let m = memory(&[("kazakhstan", &[(2, 100)]), ("tax", &[(3, 100)])]);
        for typo in ["kazahstan", "kazakhstna", "qazakhstan", "akzakhstan"] {
            assert_eq!(ranked(&m, typo), ["en/news/2/"], "{typo}");
        }
        // Shorter words are not corrected.
        assert!(ranked(&m, "tix").is_empty());
    }
}
