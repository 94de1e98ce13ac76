//! The portal's header: mark and name, the "version for the visually impaired" toggle, and a
//! menu with the search box, the languages and the sections.
//!
//! On a phone the menu is one button (a native `<details>`), so the header takes one row and
//! leaves the screen to the content; on a wider screen its contents are laid out in the header
//! (`style/components/header.css`). `<details>` opens and closes without the app, so the menu
//! works on a prerendered page before the app has arrived, and hydration leaves its state as
//! the reader set it. The app adds what a script can: Escape closes it, and it closes when a
//! link in it has changed the page.

use super::{DisplaySettings, DisplayToggle, LanguageSwitcher, Navigation, SearchForm};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::runtime::Part;
use leptos::html::Details;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let brand_href = {
        let config = config.clone();
        move || config.href(&links::home(i18n.lang()))
    };
    let display_open = RwSignal::new(false);
    view! {
        <header class="site-header">
            <Part>
                <div class="container site-header__bar">
                    <a class="site-header__brand" href=brand_href>
                        <Mark/>
                        <span class="site-header__name">{move || i18n.t().portal_name}</span>
                    </a>
                    <DisplayToggle open=display_open/>
                    <SiteMenu/>
                </div>
                <DisplaySettings open=display_open/>
            </Part>
        </header>
    }
}

/// The menu: search, languages and sections; a button that opens them on a phone.
#[component]
fn SiteMenu() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let menu = NodeRef::<Details>::new();
    let shown = Navigation::shown_path();
    // The search page has its own, larger search box: one is enough.
    let on_search_page = {
        let config = config.clone();
        move || {
            let search = config.href(&links::section(i18n.lang(), "search"));
            links::is_within(&shown.read(), &search)
        }
    };
    // A link in the menu that changed the page closes it (a page load would have). The first
    // run only takes note of the page: the reader may have opened the menu before the app came.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let here = format!("{}?{}", location.pathname.get(), location.search.get());
        if previous.is_some_and(|p| p != here) {
            if let Some(menu) = menu.get_untracked() {
                menu.set_open(false);
            }
        }
        here
    });
    // Escape closes the open menu and puts the reader back on its button.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(details) = menu.get_untracked() else {
            return;
        };
        if ev.key() == "Escape" && details.open() {
            ev.prevent_default();
            details.set_open(false);
            if let Some(summary) = details
                .query_selector("summary")
                .ok()
                .flatten()
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        }
    };
    let nav_item = move |path: String, label: fn(&crate::i18n::Texts) -> &'static str| {
        let href = config.href(&path);
        let current = {
            let href = href.clone();
            move || links::is_within(&shown.read(), &href).then_some("page")
        };
        view! {
            <li>
                <a href=href aria-current=current>{move || label(i18n.t())}</a>
            </li>
        }
    };
    view! {
        <details class="site-menu" node_ref=menu on:keydown=on_key>
            <summary class="site-menu__button">
                <svg class="site-menu__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    <path d="M3 6h18v2.5H3zM3 10.75h18v2.5H3zM3 15.5h18V18H3z" fill="currentColor"/>
                </svg>
                <span>{move || i18n.t().menu}</span>
            </summary>
            <div class="site-menu__panel">
                <div class="site-header__search" hidden=on_search_page>
                    <SearchForm id="header-search"/>
                </div>
                <LanguageSwitcher/>
                <nav class="main-nav" aria-label=move || i18n.t().main_nav_label>
                    <ul class="main-nav__list">
                        {move || {
                            let lang = i18n.lang();
                            view! {
                                {nav_item(links::news(lang, None, 1), |t| t.nav_news)}
                                {nav_item(links::section(lang, "faq"), |t| t.nav_faq)}
                                {nav_item(links::section(lang, "helplines"), |t| t.nav_helplines)}
                                {nav_item(links::section(lang, "agencies"), |t| t.nav_agencies)}
                            }
                        }}
                    </ul>
                </nav>
            </div>
        </details>
    }
}

/// The portal's mark: a simple emblem in the flag's colours, decorative (the name follows it).
#[component]
fn Mark() -> impl IntoView {
    view! {
        <svg class="site-header__mark" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
            <circle cx="20" cy="20" r="19" fill="#fff" stroke="currentColor" stroke-width="2"/>
            <path d="M4 14h32v4H4z" fill="#0099b5"/>
            <path d="M4 22h32v4H4z" fill="#1eb53a"/>
            <path d="M4 18.5h32v3H4z" fill="#ce1126"/>
            <circle cx="20" cy="20" r="5" fill="none" stroke="currentColor" stroke-width="2"/>
        </svg>
    }
}
