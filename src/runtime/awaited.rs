//! One `Transition` for the whole app.

use super::order;
use leptos::prelude::*;
use std::sync::Arc;

/// What an [`Awaited`] shows once the resources it reads are there.
pub type Content = Arc<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// Shows `content` once every resource it reads has answered (`fallback` until the first
/// answer, nothing by default); while a new answer loads, the old content stays.
///
/// leptos's `<Transition>` with its content type-erased: each `<Transition>` whose content has
/// a type of its own is another copy of leptos's suspense code in the wasm (about 5 KB before
/// brotli); through this component the app has one.
#[component]
pub fn Awaited<F>(
    /// The view, `None` while there is nothing to show.
    content: F,
    #[prop(optional, into)] fallback: ViewFnOnce,
) -> impl IntoView
where
    F: Fn() -> Option<AnyView> + Send + Sync + 'static,
{
    transition(fallback, None, Arc::new(content))
}

/// [`Awaited`], and `set_pending` hears when it waits for a new answer.
pub(super) fn transition(
    fallback: ViewFnOnce,
    set_pending: Option<SignalSetter<bool>>,
    content: Content,
) -> impl IntoView {
    // A transition takes prerendered data by its place in the page, as a resource does.
    order::taken();
    let children = TypedChildren::to_children(move || move || content());
    Transition(TransitionProps {
        fallback,
        set_pending,
        children,
        strict: false,
    })
}
