//! The labelled search box of every filter-as-you-type list (FAQ, helplines, agencies).

use crate::i18n::{use_i18n, Texts};
use leptos::prelude::*;

#[component]
pub fn FilterField(
    /// The input's id (its label points to it).
    id: &'static str,
    /// The label, from the reader's language.
    label: fn(&Texts) -> &'static str,
    /// What the reader typed.
    value: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(typed) = typed_before_start(id) {
        value.set(typed);
    }
    // Marks the box as the app's once it is mounted (see `typed_before_start`).
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(input) = input.get() {
            let _ = input.set_attribute(OWNED, "");
        }
    });
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <input
                id=id
                node_ref=input
                class="input"
                type="search"
                autocomplete="off"
                maxlength="200"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The attribute that marks a box the app has mounted, set in the browser only.
const OWNED: &str = "data-owned";

/// What the reader typed into the prerendered box before the app took it over (the box is
/// there, and editable, before the wasm has arrived; a page whose data the app fetches again
/// is taken over only when the data is there): the list is then filtered by it at once
/// instead of showing the text and ignoring it. `None` for a box the app has mounted already
/// (the previous page's, during a client-side navigation) and for an empty one.
fn typed_before_start(id: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let input = document()
            .get_element_by_id(id)?
            .dyn_into::<web_sys::HtmlInputElement>()
            .ok()?;
        if input.has_attribute(OWNED) {
            return None;
        }
        Some(input.value()).filter(|typed| !typed.is_empty())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        None
    }
}
