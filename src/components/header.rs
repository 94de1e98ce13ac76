//! The portal's header: mark, name and main navigation.

use super::{DisplaySettings, LanguageSwitcher, Navigation, SearchForm};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::runtime::Part;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let brand_href = {
        let config = config.clone();
        move || config.href(&links::home(i18n.lang()))
    };
    let shown = Navigation::shown_path();
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
        <header class="site-header">
            <Part>
                <DisplaySettings/>
                <div class="container site-header__bar">
                    <a class="site-header__brand" href=brand_href>
                        <Mark/>
                        <span class="site-header__name">{move || i18n.t().portal_name}</span>
                    </a>
                    <LanguageSwitcher/>
                </div>
                <div class="container site-header__search">
                    <SearchForm id="header-search"/>
                </div>
                <nav class="main-nav" aria-label=move || i18n.t().main_nav_label>
                    <ul class="container main-nav__list">
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
            </Part>
        </header>
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
