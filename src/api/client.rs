//! The one fetch path: base URL, timeout with abort, abort on leaving the page, an in-memory
//! cache and error mapping all live here.

use super::{ApiError, Article, NewsPage, Site};
use crate::config::use_config;
use crate::i18n::Lang;
use portal_api::paths;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;

/// A request without an answer after this long is aborted and reported as `Timeout`.
const TIMEOUT_MS: u32 = 10_000;

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

/// Fetches `path` (relative to the API base) and decodes it as `T`.
///
/// Must be called inside a reactive owner (a resource fetcher): leaving the page that asked
/// aborts the request. The browser future is wrapped so that it can feed a `Resource`.
fn fetch_json<T: DeserializeOwned>(
    path: String,
) -> impl Future<Output = Result<T, ApiError>> + Send {
    let url = format!("{}/{}", use_config().api, path);
    send_wrapper::SendWrapper::new(async move {
        let body = match CACHE.with(|c| c.borrow().get(&url).cloned()) {
            Some(body) => body,
            None => {
                let body = fetch_text(&url).await?;
                CACHE.with(|c| c.borrow_mut().insert(url, body.clone()));
                body
            }
        };
        serde_json::from_str(&body).map_err(|e| ApiError::Decode(e.to_string()))
    })
}

/// GETs `url` and returns its body, with the timeout and abort-on-leave applied.
async fn fetch_text(url: &str) -> Result<String, ApiError> {
    use std::cell::Cell;
    use std::rc::Rc;

    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
    let signal = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    // The reader left the page that asked: nobody waits for this answer any more.
    let on_leave = send_wrapper::SendWrapper::new(controller);
    leptos::prelude::on_cleanup(move || on_leave.abort());

    let failed = |_| {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    };
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(failed)?;
    match response.status() {
        200..=299 => {}
        404 => return Err(ApiError::NotFound),
        status => return Err(ApiError::Status(status)),
    }
    let body = response.text().await.map_err(failed)?;
    drop(timer);
    Ok(body)
}
