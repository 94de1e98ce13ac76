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
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <input
                id=id
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
