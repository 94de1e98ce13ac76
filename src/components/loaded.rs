//! Shows a resource through the shared states: skeleton while loading, the error view with
//! "Try again" on failure, the not-found page on a 404, the content otherwise.

use super::{ErrorView, NotFound, Skeleton, SkeletonShape};
use crate::api::ApiError;
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

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
    let (pending, set_pending) = signal(false);
    view! {
        <div class="loaded" aria-busy=move || pending.get().to_string()>
            <Transition fallback=move || view! { <Skeleton shape=skeleton/> } set_pending>
                {move || {
                    resource
                        .get()
                        .map(|result| match result {
                            Ok(data) => view(data).into_any(),
                            Err(ApiError::NotFound) => match &not_found {
                                Some(f) => f.run(),
                                None => view! { <NotFound nested=!page/> }.into_any(),
                            },
                            Err(error) => {
                                view! { <ErrorView error retry=move || resource.refetch() page/> }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </div>
    }
}
