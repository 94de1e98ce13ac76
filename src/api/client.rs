//! The one fetch path: typed requests, an in-memory cache and decoding live here; the
//! transport (HTTP in the browser, files when prerendering) is in `transport`.

use super::{
    transport, Agencies, ApiError, Article, CalendarMonth, Faq, Helplines, NewsPage, Site,
    StaticPage,
};
use crate::i18n::Lang;
use portal_api::paths;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

thread_local! {
    /// Bodies of successful responses by URL: going back to a page is instant and costs no
    /// request. Failures are never cached, so "Try again" really asks again.
    static CACHE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Forgets every cached response.
pub fn clear_cache() {
    CACHE.with(|c| c.borrow_mut().clear());
}

pub fn fetch_site(lang: Lang) -> impl Future<Output = Result<Site, ApiError>> + Send {
    fetch_json(paths::site(lang.code()))
}

pub fn fetch_news_page(
    lang: Lang,
    category: Option<String>,
    page: u32,
) -> impl Future<Output = Result<NewsPage, ApiError>> + Send {
    fetch_json(paths::news_page(lang.code(), category.as_deref(), page))
}

pub fn fetch_article(
    lang: Lang,
    id: u32,
) -> impl Future<Output = Result<Article, ApiError>> + Send {
    fetch_json(paths::article(lang.code(), id))
}

/// The news of one month, by day. A month outside the archive has no file: it is an empty
/// month, not an error.
pub fn fetch_calendar_month(
    lang: Lang,
    (year, month): (u16, u8),
) -> impl Future<Output = Result<CalendarMonth, ApiError>> + Send {
    let load = fetch_json(paths::calendar_month(lang.code(), year, month));
    async move {
        match load.await {
            Err(ApiError::NotFound) => Ok(CalendarMonth {
                year,
                month,
                days: Vec::new(),
            }),
            other => other,
        }
    }
}

pub fn fetch_faq(lang: Lang) -> impl Future<Output = Result<Faq, ApiError>> + Send {
    fetch_json(paths::faq(lang.code()))
}

pub fn fetch_helplines(lang: Lang) -> impl Future<Output = Result<Helplines, ApiError>> + Send {
    fetch_json(paths::helplines(lang.code()))
}

pub fn fetch_agencies(lang: Lang) -> impl Future<Output = Result<Agencies, ApiError>> + Send {
    fetch_json(paths::agencies(lang.code()))
}

pub fn fetch_page(
    lang: Lang,
    slug: String,
) -> impl Future<Output = Result<StaticPage, ApiError>> + Send {
    fetch_json(paths::page(lang.code(), &slug))
}

/// Fetches `path` (relative to the API base) and decodes it as `T`.
///
/// Must be called inside a reactive owner (a resource fetcher): in the browser, leaving the
/// page that asked aborts the request. The future is `Send` so that it can feed a `Resource`.
fn fetch_json<T: DeserializeOwned>(
    path: String,
) -> impl Future<Output = Result<T, ApiError>> + Send {
    let source = transport::Source::current(&path);
    let load = async move {
        let body = cached(&source).await?;
        serde_json::from_str(&body).map_err(|e| ApiError::Decode(e.to_string()))
    };
    // Browser futures are not `Send`, but the browser has one thread.
    #[cfg(target_arch = "wasm32")]
    let load = send_wrapper::SendWrapper::new(load);
    load
}

/// The body of `source`, from the cache when it was read before. Only the browser caches:
/// the prerender step reads each file about once, and keeping them all would cost memory.
async fn cached(source: &transport::Source) -> Result<String, ApiError> {
    if !cfg!(target_arch = "wasm32") {
        return source.read().await;
    }
    let key = source.key();
    if let Some(body) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(body);
    }
    let body = source.read().await?;
    CACHE.with(|c| c.borrow_mut().insert(key, body.clone()));
    Ok(body)
}
