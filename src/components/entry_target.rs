//! The entry of a directory (helplines, agencies) that the address's fragment names, such
//! as `/en/helplines/#energy`, where search results and shared links point: marked, and
//! brought into view once the list is on screen.
//!
//! CSS `:target` alone is not enough: the router changes the address with `pushState`,
//! which does not set the document's target, and the list arrives after the address.

use leptos::prelude::*;

fn fragment_id() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// The id the fragment names ("" for none), following `#…` links followed within the page.
/// Call it in the list's component: its first run, after the mount, scrolls to the entry.
pub fn use_entry_target() -> ReadSignal<String> {
    // Empty in the first render, as in the prerendered HTML; the address's after the mount.
    let target = RwSignal::new(String::new());
    Effect::new(move || {
        let id = fragment_id();
        if !id.is_empty() {
            // Two frames later: after a client-side navigation, the shell moves focus to the
            // new page's heading in the next frame (src/components/shell.rs), which scrolls
            // the page back to its top.
            let id = id.clone();
            let _ = request_animation_frame(move || {
                let _ = request_animation_frame(move || {
                    if let Some(entry) = document().get_element_by_id(&id) {
                        entry.scroll_into_view();
                    }
                });
            });
        }
        target.set(id);
        let handle =
            window_event_listener(leptos::ev::hashchange, move |_| target.set(fragment_id()));
        on_cleanup(move || handle.remove());
    });
    target.read_only()
}
