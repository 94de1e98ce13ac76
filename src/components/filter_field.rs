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
    // The prerendered box is there, and editable, before the app takes the page over: what
    // the reader typed in it by then filters the list once the app has it. Read after the
    // mount: changing the list while hydrating would no longer match the prerendered HTML.
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(input) = input.get() {
            let typed = input.value();
            if !typed.is_empty() && typed != value.get_untracked() {
                value.set(typed);
            }
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
