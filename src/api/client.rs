//! The one fetch path: typed requests, an in-memory cache and decoding live here; the
//! transport (HTTP in the browser, files when prerendering) is in `transport`.

use super::{
    transport, Agencies, ApiError, Article, CalendarMonth, Faq, Helplines, NewsPage, Site,
    StaticPage,
};
use crate::i18n::Lang;
use portal_api::paths;
use serde::de::DeserializeOwned;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;

thread_local! {
    /// Bodies of successful, decodable responses by URL: going back to a page is instant and
    /// costs no request. Failures are never cached, so "Try again" really asks again.
    static CACHE: RefCell<BodyCache> = RefCell::new(BodyCache::default());
    /// URLs being fetched now, each with its request's number: a second part of the page that
    /// asks for one waits for that answer instead of sending the same request again.
    static IN_FLIGHT: RefCell<HashMap<String, u64>> = RefCell::new(HashMap::new());
    /// How the last request for a URL failed, by URL, with the request's number: the parts
    /// that waited for that request get its error rather than asking again (a page whose
    /// API is down asks once, and says so once). Removed when a request for it succeeds.
    static FAILED: RefCell<HashMap<String, (u64, ApiError)>> = RefCell::new(HashMap::new());
    /// The number of the next request.
    static NEXT_REQUEST: Cell<u64> = const { Cell::new(0) };
}

/// The most bytes of bodies kept: the oldest go first (a long reading session must not grow
/// the page's memory without end).
const CACHE_BYTES: usize = 4 * 1024 * 1024;

#[derive(Default)]
struct BodyCache {
    bodies: HashMap<String, String>,
    /// Keys, oldest first.
    order: VecDeque<String>,
    bytes: usize,
}

impl BodyCache {
    fn get(&self, key: &str) -> Option<String> {
        self.bodies.get(key).cloned()
    }

    fn put(&mut self, key: String, body: String) {
        self.bytes += body.len();
        if let Some(old) = self.bodies.insert(key.clone(), body) {
            self.bytes -= old.len();
        } else {
            self.order.push_back(key);
        }
        while self.bytes > CACHE_BYTES {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(old) = self.bodies.remove(&oldest) {
                self.bytes -= old.len();
            }
        }
    }
}

/// Forgets every cached response.
pub fn clear_cache() {
    CACHE.with(|c| *c.borrow_mut() = BodyCache::default());
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

// The search index's files, by language code: a query also reads other languages' indexes
// (to say how many results they have).
pub fn fetch_search_index(
    lang: &str,
) -> impl Future<Output = Result<portal_api::search::SearchIndex, ApiError>> + Send {
    fetch_json(paths::search_index(lang))
}

pub fn fetch_search_shard(
    lang: &str,
    n: usize,
) -> impl Future<Output = Result<portal_api::search::SearchShard, ApiError>> + Send {
    fetch_json(paths::search_shard(lang, n))
}

pub fn fetch_search_vocab(
    lang: &str,
    n: usize,
) -> impl Future<Output = Result<portal_api::search::SearchVocab, ApiError>> + Send {
    fetch_json(paths::search_vocab(lang, n))
}

pub fn fetch_search_docs(
    lang: &str,
    chunk: u32,
) -> impl Future<Output = Result<portal_api::search::SearchDocs, ApiError>> + Send {
    fetch_json(paths::search_docs(lang, chunk))
}

/// An article by language code (a search result's, for its snippet).
pub fn fetch_article_in(
    lang: &str,
    id: u32,
) -> impl Future<Output = Result<Article, ApiError>> + Send {
    fetch_json(paths::article(lang, id))
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
    let body = fetch_body(path);
    async move {
        let Body { key, text, cached } = body.await?;
        let value = serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))?;
        if !cached && cfg!(target_arch = "wasm32") {
            CACHE.with(|c| c.borrow_mut().put(key, text));
        }
        Ok(value)
    }
}

/// A response body, and whether it came from the cache.
struct Body {
    key: String,
    text: String,
    cached: bool,
}

/// The body at `path`, from the cache or the transport. Boxed: one copy of this code serves
/// every type of data (each resource's future is compiled once per type, by leptos too).
fn fetch_body(path: String) -> Pin<Box<dyn Future<Output = Result<Body, ApiError>> + Send>> {
    let source = transport::Source::current(&path);
    let load = async move {
        let key = source.key();
        // Only the browser caches: the prerender step reads each file about once.
        if cfg!(target_arch = "wasm32") {
            if let Some(waited_for) = wait_for_same_request(&key).await {
                if let Some(error) = failure_of(&key, waited_for) {
                    return Err(error);
                }
            }
            if let Some(text) = CACHE.with(|c| c.borrow().get(&key)) {
                return Ok(Body {
                    key,
                    text,
                    cached: true,
                });
            }
        }
        let flight = InFlight::start(&key);
        // A request aborted because its page went fails too; that is no answer for the parts
        // that wait for the same file (they ask themselves).
        let left = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        #[cfg(target_arch = "wasm32")]
        {
            let left = left.clone();
            leptos::prelude::on_cleanup(move || {
                left.store(true, std::sync::atomic::Ordering::Relaxed);
            });
        }
        let text = match source.read().await {
            Ok(text) => text,
            Err(error) => {
                if !left.load(std::sync::atomic::Ordering::Relaxed) {
                    flight.failed(&error);
                }
                return Err(error);
            }
        };
        FAILED.with(|f| f.borrow_mut().remove(&key));
        drop(flight);
        Ok(Body {
            key,
            text,
            cached: false,
        })
    };
    // Browser futures are not `Send`, but the browser has one thread.
    #[cfg(target_arch = "wasm32")]
    let load = send_wrapper::SendWrapper::new(load);
    Box::pin(load)
}

/// Marks a URL as being fetched until dropped (also when the request's future is dropped
/// because the reader left the page).
struct InFlight(String, u64);

impl InFlight {
    fn start(key: &str) -> Self {
        let number = NEXT_REQUEST.with(|n| {
            let number = n.get();
            n.set(number + 1);
            number
        });
        IN_FLIGHT.with(|f| f.borrow_mut().insert(key.to_string(), number));
        Self(key.to_string(), number)
    }

    /// The request failed with `error`: who waited for it gets the same.
    fn failed(self, error: &ApiError) {
        FAILED.with(|f| {
            f.borrow_mut()
                .insert(self.0.clone(), (self.1, error.clone()))
        });
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.with(|f| f.borrow_mut().remove(&self.0));
    }
}

/// Waits while another part of the page fetches `key`, and returns that request's number if
/// there was one (its answer then is in the cache, or its error in [`failure_of`]; a request
/// abandoned because its page went leaves neither, and this caller asks again).
async fn wait_for_same_request(key: &str) -> Option<u64> {
    #[cfg(target_arch = "wasm32")]
    {
        let mut waited_for = None;
        while let Some(number) = IN_FLIGHT.with(|f| f.borrow().get(key).copied()) {
            waited_for = Some(number);
            gloo_timers::future::TimeoutFuture::new(15).await;
        }
        waited_for
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// The error of request `number` for `key`, if it failed (and no later request has since).
fn failure_of(key: &str, number: u64) -> Option<ApiError> {
    FAILED.with(|f| match f.borrow().get(key) {
        Some((failed, error)) if *failed == number => Some(error.clone()),
        _ => None,
    })
}
