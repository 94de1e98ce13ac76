//! The language switcher: every language named in itself, each link leading to the same page
//! (same article, feed page and filter) in that language.

use crate::config::use_config;
use crate::i18n::{use_i18n, Lang};
use crate::links;
use crate::preferences::remember_language;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The current page's app path (without the hosting base) and query, in `lang`.
pub fn same_page_in(lang: Lang) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let location = use_location();
    let config = use_config();
    move || {
        let path = location.pathname.get();
        let app_path = path.strip_prefix(config.base.as_str()).unwrap_or(&path);
        // The router's `search` has no leading `?`.
        let search = location.search.get();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        format!("{}{query}", links::in_language(app_path, lang))
    }
}

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let items = Lang::ALL
        .into_iter()
        .map(|lang| {
            let target = same_page_in(lang);
            let config = config.clone();
            let href = move || config.href(&target());
            view! {
                <li>
                    <a
                        href=href
                        lang=lang.bcp47()
                        hreflang=lang.bcp47()
                        aria-current=move || (i18n.lang() == lang).then_some("true")
                        on:click=move |_| remember_language(lang)
                    >
                        {lang.native_name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switcher" aria-label=move || i18n.t().language_label>
            <ul>{items}</ul>
        </nav>
    }
}
