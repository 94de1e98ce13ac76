//! Starting the app: hydrate or render, then say that the app has taken over.

#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
use super::order;
#[cfg(target_arch = "wasm32")]
use super::prerendered;
#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

/// Starts the app in the browser: takes over the page's HTML when it was prerendered for this
/// address (hydration), renders from scratch otherwise (the SPA shell, a route built after the
/// last prerender, or an API other than the one the page was rendered from).
#[cfg(target_arch = "wasm32")]
pub fn start<N: IntoView>(app: impl FnOnce() -> N + 'static) {
    #[cfg(feature = "hydrate")]
    if prerendered::matches_this_page() {
        wasm_bindgen_futures::spawn_local(async move {
            // A task of its own: the first call of each function compiles it (V8 compiles wasm
            // lazily), so starting the module and hydrating the shell are each long enough to
            // count as blocking time; one task after the other, they are not.
            gloo_timers::future::TimeoutFuture::new(0).await;
            if hydrate(app).await {
                mark_taken_over();
            }
        });
        return;
    }
    prerendered::clear_page();
    leptos::mount::mount_to_body(app);
    mark_taken_over();
}

/// Hydrates the prerendered page: `leptos::mount::hydrate_body`, except that the data
/// prerendered into the page stays readable until the parts hydrated in tasks of their own
/// (`Part`) have been hydrated too; leptos ends it after the first pass.
///
/// Hydration itself is synchronous, so the code of a page in a wasm chunk of its own
/// (`chunks`) is loaded first. (leptos's async hydration, its `lazy` feature, would
/// wait for the chunk inside the router, but it compiles an async hydration for every view type
/// and made the main wasm a third bigger.) When the chunk cannot be fetched, the page stays as
/// it was prerendered, readable and with links that load pages, and this returns false.
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
async fn hydrate<N: IntoView>(app: impl FnOnce() -> N + 'static) -> bool {
    use hydration_context::{HydrateSharedContext, SharedContext};
    use leptos::tachys::{hydration::Cursor, view::PositionState};
    use std::sync::Arc;
    use wasm_bindgen::JsCast;

    #[cfg(feature = "split")]
    for name in prerendered::chunk_names() {
        if !crate::pages::load_chunk(&name).await {
            return false;
        }
    }
    // Err: the executor was already set up, which is fine.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let body = document().body().expect("an HTML page has a body");
    let context = Arc::new(HydrateSharedContext::new());
    let owner = Owner::new_root(Some(context.clone()));
    // Until the whole page is hydrated, links work as they do before the app has started: the
    // browser loads the prerendered page, the router stays out. A part still waiting for its
    // task would take over its HTML as it is: a language switched then left the header and the
    // article in the old language. Registered before the router's listener (and the one that
    // runs `on:click` handlers), so it runs first.
    let links_load_pages = window_event_listener_untyped("click", |event| {
        let on_link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .is_some();
        if on_link {
            event.stop_immediate_propagation();
        }
    });
    order::begin();
    let view = owner.with(move || {
        app().into_view().hydrate::<true>(
            &Cursor::new(body.unchecked_into()),
            &PositionState::default(),
        )
    });
    super::part::all_hydrated().await;
    if let Err(error) = order::end() {
        leptos::logging::error!("{error}");
    }
    context.hydration_complete();
    links_load_pages.remove();
    // The app lives as long as the page.
    std::mem::forget((owner, view));
    true
}

/// `<html data-app>`: the app has rendered or hydrated the page and every control works. The
/// end-to-end tests and the benchmark wait for it. Then the `portal-ready` event, on which
/// `index.html` registers the service worker: its install would otherwise take a core from the
/// hydration's tasks (in a Lighthouse trace on two cores, a part's task took 149 ms meanwhile).
#[cfg(target_arch = "wasm32")]
fn mark_taken_over() {
    if let Some(html) = leptos::prelude::document().document_element() {
        let _ = html.set_attribute("data-app", "");
    }
    if let Ok(ready) = web_sys::Event::new("portal-ready") {
        let _ = window().dispatch_event(&ready);
    }
}
