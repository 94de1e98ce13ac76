//! `/{lang}/…`: every page of one language, inside the portal's shell.

use crate::components::{same_page_in, NotFound, Shell};
use crate::config::use_config;
use crate::i18n::{I18n, Lang};
use crate::preferences::remember_language;
use leptos::prelude::*;
use leptos_meta::{Html, Link, Title};
use leptos_router::{components::Outlet, hooks::use_params_map};

#[component]
pub fn LanguageRoot() -> impl IntoView {
    let params = use_params_map();
    let lang = Memo::new(move |_| params.read().get("lang").and_then(|c| Lang::from_code(&c)));
    // An unknown language code shows the not-found page in the default language.
    let i18n = I18n(Signal::derive(move || lang.get().unwrap_or_default()));
    provide_context(i18n);
    // "{page} – Government portal of Uzbekistan"; a page without a title of its own passes "".
    let formatter = move |page: String| {
        let site = i18n.t().portal_short_name;
        if page.is_empty() {
            site.to_string()
        } else {
            format!("{page} – {site}")
        }
    };

    // The reader's choice is remembered for `/` (after the first render: browser only).
    Effect::new(move || {
        if let Some(lang) = lang.get() {
            remember_language(lang);
        }
    });
    // The same page in every language, for search engines and assistive tools.
    let config = use_config();
    let alternates = Lang::ALL
        .into_iter()
        .map(|other| {
            let target = same_page_in(other);
            let config = config.clone();
            move || view! { <Link rel="alternate" hreflang=other.bcp47() href=config.absolute(&target())/> }
        })
        .collect_view();
    let canonical = {
        let target = same_page_in(Lang::default());
        let config = config.clone();
        // The same page in this page's own language.
        move || {
            let lang = i18n.lang();
            let path = crate::links::in_language(&target(), lang);
            view! { <Link rel="canonical" href=config.absolute(&path)/> }
        }
    };

    // The news as an Atom feed, for feed readers.
    let feed = {
        let config = config.clone();
        move || config.news_feed(i18n.lang(), None)
    };
    let feed_title = move || format!("{} – {}", i18n.t().news_title, i18n.t().portal_short_name);

    view! {
        <Html {..} lang=move || i18n.lang().bcp47()/>
        {move || view! { <Link rel="alternate" type_="application/atom+xml" href=feed() title=feed_title()/> }}
        <Title formatter/>
        {alternates}
        {canonical}
        <Shell>
            <Show when=move || lang.get().is_some() fallback=|| view! { <NotFound languages=true/> }>
                <Outlet/>
            </Show>
        </Shell>
    }
}
