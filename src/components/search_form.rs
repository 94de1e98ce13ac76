//! The search box: in the header of every page, and on the search page. A plain GET form, so
//! it works before the app has started; the app then navigates without a page load.

use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use leptos::html::Input;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The longest query kept: longer ones are cut (the index has no longer words to match).
pub const MAX_QUERY_CHARS: usize = 200;

#[component]
pub fn SearchForm(
    /// The form's id, unique in the page (the header's and the search page's).
    id: &'static str,
    /// The query already searched for, if any.
    #[prop(into, default = Signal::stored(String::new()))]
    value: Signal<String>,
    /// The bigger form of the search page.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let navigate = use_navigate();
    let input = NodeRef::<Input>::new();
    let action = {
        let config = config.clone();
        move || config.href(&links::section(i18n.lang(), "search"))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query: String = input
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect();
        navigate(
            &config.href(&links::search(i18n.lang(), query.trim(), 1)),
            Default::default(),
        );
    };
    let field = format!("{id}-q");
    view! {
        <form
            class="search-form"
            class:search-form--large=large
            role="search"
            method="get"
            action=action
            on:submit=submit
        >
            <label class=if large { "search-form__label" } else { "visually-hidden" } for=field.clone()>
                {move || i18n.t().search_label}
            </label>
            <div class="search-form__row">
                <input
                    id=field
                    class="search-form__input"
                    type="search"
                    name="q"
                    maxlength=MAX_QUERY_CHARS
                    autocomplete="off"
                    prop:value=move || value.get()
                    node_ref=input
                />
                <button type="submit" class="search-form__button">
                    {move || i18n.t().search_button}
                </button>
            </div>
        </form>
    }
}
