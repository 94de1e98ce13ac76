//! Every resource of the app is made here.

use super::order;
use crate::api::ApiError;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use std::{future::Future, pin::Pin, sync::Arc};

type Fetch<S, T> =
    Arc<dyn Fn(S) -> Pin<Box<dyn Future<Output = Result<T, ApiError>> + Send>> + Send + Sync>;

/// `fetch(source())`, fetched again when `source()` changes; in a prerendered page, the answer
/// the server put in the page.
///
/// The fetcher is type-erased: leptos compiles its resource code (about 3 KB before brotli)
/// for every type of fetcher, and through this function that is once for each type of source
/// and data, not once for each place that makes a resource.
#[track_caller]
pub fn resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<Result<T, ApiError>>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + Send + 'static,
{
    erased(Arc::new(source), Arc::new(move |s| Box::pin(fetch(s))))
}

#[track_caller]
fn erased<S, T>(
    source: Arc<dyn Fn() -> S + Send + Sync>,
    fetch: Fetch<S, T>,
) -> Resource<Result<T, ApiError>>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    // A resource takes its prerendered data by its place in the page (see `order`).
    order::taken();
    Resource::new(move || source(), move |s| fetch(s))
}
