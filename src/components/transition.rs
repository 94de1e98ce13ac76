//! One `Transition` for the whole app.

use leptos::prelude::*;
use std::sync::Arc;

/// What a [`transition`] shows once the resources it reads are there.
pub type Content = Arc<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// `<Transition>` with its content type-erased. Each `<Transition>` whose content has a type of
/// its own is another copy of leptos's suspense code in the wasm (about 5 KB before brotli);
/// through this function the app has one. `set_pending` hears when it waits for a new answer.
pub fn transition(
    fallback: ViewFnOnce,
    set_pending: Option<SignalSetter<bool>>,
    content: Content,
) -> impl IntoView {
    let children = TypedChildren::to_children(move || move || content());
    Transition(TransitionProps {
        fallback,
        set_pending,
        children,
        strict: false,
    })
}
