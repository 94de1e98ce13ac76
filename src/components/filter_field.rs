//! The labelled search box of every filter-as-you-type list (FAQ, helplines, agencies).
//!
//! What the reader typed is kept in the address as `?q=`, so that a filtered list can be
//! shared, and Back (or a reload) returns to it filtered. A list's other filters (the
//! helplines' kind, `?kind=`) use the same two functions.

use crate::i18n::{use_i18n, Texts};
use leptos::prelude::*;

/// The address's parameter `name`, if it has one.
pub fn param_in_address(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Puts `value` in the address as parameter `name` (none when blank), keeping the path, the
/// other parameters and the fragment. It replaces the history entry instead of adding one:
/// every letter typed is not a page to go back to. The entry's state is kept, for the router.
pub fn put_param_in_address(name: &str, value: &str) {
    let location = window().location();
    let Ok(href) = location.href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let params = url.search_params();
    if value.trim().is_empty() {
        params.delete(name);
    } else {
        params.set(name, value);
    }
    let new_href = url.href();
    if new_href == href {
        return;
    }
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&new_href));
    }
}

#[component]
pub fn FilterField(
    /// The input's id (its label points to it).
    id: &'static str,
    /// The label, from the reader's language.
    label: fn(&Texts) -> &'static str,
    /// What the reader typed.
    value: RwSignal<String>,
    /// What may be typed, under the label (the input is described by it).
    #[prop(optional)]
    hint: Option<fn(&Texts) -> &'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The prerendered box is there, and editable, before the app takes the page over: what
    // the reader typed in it by then filters the list once the app has it; else the
    // address's `?q=` does (a shared link, Back). Read after the mount: changing the list
    // while hydrating would no longer match the prerendered HTML.
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(input) = input.get() {
            let typed = Some(input.value()).filter(|t| !t.is_empty());
            if let Some(start) = typed.or_else(|| param_in_address("q")) {
                if start != value.get_untracked() {
                    value.set(start);
                }
            }
        }
    });
    // Then every change goes to the address. The first run is skipped: it would take a
    // `?q=` out of the address before the effect above has read it.
    Effect::new(move |seen: Option<()>| {
        let now = value.get();
        if seen.is_some() {
            put_param_in_address("q", &now);
        }
    });
    let hint_id = format!("{id}-hint");
    let described_by = hint.map(|_| hint_id.clone());
    let hint = hint.map(|hint| {
        view! { <p id=hint_id class="field__hint">{move || hint(i18n.t())}</p> }
    });
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            {hint}
            <input
                id=id
                node_ref=input
                aria-describedby=described_by
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
