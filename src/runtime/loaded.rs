//! Shows a resource through the shared states: skeleton while loading, the error view with
//! "Try again" on failure, the not-found page on a 404, the content otherwise.

use super::awaited::{transition, Content};
use crate::api::ApiError;
use crate::components::{ErrorView, NotFound, Skeleton, SkeletonShape};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use std::sync::Arc;

#[component]
pub fn Loaded<T, F, V>(
    resource: Resource<Result<T, ApiError>>,
    /// The skeleton to show until the first answer.
    skeleton: SkeletonShape,
    /// Renders the loaded data.
    view: F,
    /// Renders a 404 (default: the not-found page).
    #[prop(optional, into)]
    not_found: Option<ViewFn>,
    /// The error is the whole page (the error heading is its `h1`).
    #[prop(optional)]
    page: bool,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Only this closure is compiled for each kind of data; the frame around it once for all.
    let content = move || {
        resource.get().map(|result| match result {
            Ok(data) => view(data).into_any(),
            Err(ApiError::NotFound) => match &not_found {
                Some(f) => f.run(),
                None => view! { <NotFound nested=!page/> }.into_any(),
            },
            Err(error) => {
                view! { <ErrorView error retry=move || resource.refetch() page/> }.into_any()
            }
        })
    };
    frame(skeleton, Arc::new(content))
}

/// The states' frame: the content, the skeleton until the first answer, and `aria-busy` while
/// a new answer loads (the old content stays meanwhile).
fn frame(skeleton: SkeletonShape, content: Content) -> impl IntoView {
    let (pending, set_pending) = signal(false);
    let fallback = move || view! { <Skeleton shape=skeleton/> };
    view! {
        <div class="loaded" aria-busy=move || pending.get().to_string()>
            {transition(fallback.into(), Some(set_pending.into()), content)}
        </div>
    }
}
