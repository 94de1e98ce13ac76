//! The Government Portal of the Republic of Uzbekistan as a Leptos single-page app.
//!
//! `App` holds the router, the meta context and the language; pages (one module per route)
//! compose components and load their data through the one API client.

// The view types of whole pages are deep; hydration code needs more room to compute them.
#![recursion_limit = "256"]

pub mod api;
pub mod calendar;
pub mod components;
pub mod config;
pub mod crash;
pub mod display;
pub mod i18n;
pub mod links;
pub mod pages;
pub mod preferences;
pub mod runtime;
pub mod share;
pub mod text_match;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use runtime::part;

/// Starts the app in the browser (`runtime::start`).
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    crash::install();
    let config = config::Config::from_document();
    runtime::start(move || {
        provide_context(config);
        view! { <App/> }
    });
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let config = config::use_config();
    view! {
        <Router base=config.base set_is_routing=components::Navigation::provide()>
            <Routes fallback=|| view! { <components::Shell><components::NotFound/></components::Shell> }>
                <Route path=path!("/") view=pages::LanguageChoice/>
                <ParentRoute path=path!("/:lang") view=pages::LanguageRoot>
                    // These pages are parts (`runtime::part`): their data is decoded, and their code
                    // first run, in a task after the shell's.
                    <Route path=path!("") view=|| part(pages::HomePage)/>
                    <Route path=path!("news") view=|| part(pages::NewsFeedPage)/>
                    <Route path=path!("news/page/:page") view=|| part(pages::NewsFeedPage)/>
                    <Route path=path!("news/category/:category") view=|| part(pages::NewsFeedPage)/>
                    <Route path=path!("news/category/:category/page/:page") view=|| part(pages::NewsFeedPage)/>
                    <Route path=path!("news/:id") view=|| part(pages::ArticlePage)/>
                    <Route path=path!("faq") view=pages::faq_route()/>
                    <Route path=path!("helplines") view=pages::helplines_route()/>
                    <Route path=path!("agencies") view=pages::agencies_route()/>
                    <Route path=path!("pages/:slug") view=pages::static_page_route()/>
                    <Route path=path!("search") view=pages::search_route()/>
                    <Route path=path!("*any") view=|| view! { <components::NotFound/> }/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
