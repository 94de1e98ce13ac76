//! Search over the portal's search index (`{lang}/search/`, format in `portal_api::search`):
//! the query itself (analysis, ranking, filters, snippets) is `portal_api::search::query`;
//! here it reads its files through the one client, which fetches each file once and caches
//! it.

use super::client::{
    fetch_article_in, fetch_search_docs, fetch_search_index, fetch_search_shard, fetch_search_vocab,
};
use super::ApiError;
use crate::i18n::Lang;
use portal_api::search::query::{self, Files, Query, Results};
use portal_api::search::{SearchDoc, SearchDocs, SearchIndex, SearchShard, SearchVocab};
use std::future::Future;

pub use portal_api::search::query::RESULTS_PER_PAGE;

/// The index's files, through the client.
struct Client;

impl Files for Client {
    type Error = ApiError;

    fn index(&self, lang: &str) -> impl Future<Output = Result<SearchIndex, ApiError>> {
        fetch_search_index(lang)
    }

    fn shard(&self, lang: &str, n: usize) -> impl Future<Output = Result<SearchShard, ApiError>> {
        fetch_search_shard(lang, n)
    }

    fn vocab(&self, lang: &str, n: usize) -> impl Future<Output = Result<SearchVocab, ApiError>> {
        fetch_search_vocab(lang, n)
    }

    fn docs(&self, lang: &str, chunk: u32) -> impl Future<Output = Result<SearchDocs, ApiError>> {
        fetch_search_docs(lang, chunk)
    }

    /// The article's text; a news route ends in its id (`en/news/7/`).
    async fn body(&self, lang: &str, doc: &SearchDoc) -> Result<Option<String>, ApiError> {
        let Some(id) = doc
            .route
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .and_then(|id| id.parse().ok())
        else {
            return Ok(None);
        };
        let article = fetch_article_in(lang, id).await?;
        let texts = portal_api::search::block_texts(&article.body);
        Ok(Some(texts.join("\n")))
    }
}

/// Page `query.page` of the results of `query` on the site of `lang`; when there are none,
/// how many each other language has.
pub fn search(lang: Lang, query: Query) -> impl Future<Output = Result<Results, ApiError>> + Send {
    let run = async move {
        let others: Vec<&str> = Lang::ALL
            .into_iter()
            .filter(|l| *l != lang)
            .map(Lang::code)
            .collect();
        query::search(&Client, lang.code(), &query, &others).await
    };
    // Browser futures are not `Send`, but the browser has one thread.
    #[cfg(target_arch = "wasm32")]
    let run = send_wrapper::SendWrapper::new(run);
    run
}
