//! A search over the portal's search index (`{lang}/search/`, format in `portal_api::search`):
//! the query's words, the shards that hold them, the documents all words share, and the
//! documents of one page of results. Only the files the query needs are fetched, each once
//! (the client caches them).

use super::client::{fetch_search_docs, fetch_search_index, fetch_search_shard};
use super::ApiError;
use crate::i18n::Lang;
use portal_api::search::{chunk_of, intersect, shard_of, tokens, SearchDoc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Results on one page.
pub const RESULTS_PER_PAGE: u32 = 20;

/// One page of the results of a query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Every document that matches (a very common word may be cut at the index's limit).
    pub total: u32,
    /// A word of the query is so common that its list was cut: `total` is a lower bound.
    pub capped: bool,
    pub page: u32,
    pub total_pages: u32,
    pub results: Vec<SearchDoc>,
}

/// The documents matching every word of `query` (a word matches the words it begins, so
/// `school` finds `schools`), page `page` (1-based) of them.
pub async fn search(lang: Lang, query: String, page: u32) -> Result<SearchResults, ApiError> {
    let words: Vec<String> = tokens(&query)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let empty = SearchResults {
        total: 0,
        capped: false,
        page,
        total_pages: 0,
        results: Vec::new(),
    };
    if words.is_empty() {
        return Ok(empty);
    }
    let index = fetch_search_index(lang).await?;
    let mut lists = Vec::with_capacity(words.len());
    for word in &words {
        let shard = shard_of(word);
        if index.shards.binary_search(&shard).is_err() {
            return Ok(empty);
        }
        let shard = fetch_search_shard(lang, shard).await?;
        let docs: BTreeSet<u32> = shard.with_prefix(word).flat_map(|(_, refs)| refs).collect();
        lists.push(docs.into_iter().collect::<Vec<_>>());
    }
    let capped = lists.iter().any(|l| l.len() >= index.max_refs as usize);
    let matches = intersect(&lists);
    let total = matches.len() as u32;
    let total_pages = total.div_ceil(RESULTS_PER_PAGE);
    let start = ((page.max(1) - 1) * RESULTS_PER_PAGE) as usize;
    let shown: Vec<u32> = matches
        .into_iter()
        .skip(start)
        .take(RESULTS_PER_PAGE as usize)
        .collect();
    let mut results = Vec::with_capacity(shown.len());
    let mut chunk = None;
    for doc in shown {
        if chunk
            .as_ref()
            .is_none_or(|c: &portal_api::search::SearchDocs| c.get(doc).is_none())
        {
            chunk = Some(fetch_search_docs(lang, chunk_of(doc)).await?);
        }
        if let Some(found) = chunk.as_ref().and_then(|c| c.get(doc)) {
            results.push(found.clone());
        }
    }
    Ok(SearchResults {
        total,
        capped,
        page,
        total_pages,
        results,
    })
}
