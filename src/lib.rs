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
pub mod prerendered;
pub mod share;
pub mod text_match;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// Starts the app in the browser: takes over the page's HTML when it was prerendered for this
/// address (hydration), renders from scratch otherwise (the SPA shell, a route built after the
/// last prerender, or an API other than the one the page was rendered from).
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    crash::install();
    let config = config::Config::from_document();
    let app = move || {
        provide_context(config);
        view! { <App/> }
    };
    #[cfg(feature = "hydrate")]
    if prerendered::matches_this_page() {
        leptos::mount::hydrate_body(app);
        return;
    }
    prerendered::clear_page();
    leptos::mount::mount_to_body(app)
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let config = config::use_config();
    view! {
        <Router base=config.base>
            <Routes fallback=|| view! { <components::Shell><pages::NotFoundPage/></components::Shell> }>
                <Route path=path!("/") view=pages::LanguageChoice/>
                <ParentRoute path=path!("/:lang") view=pages::LanguageRoot>
                    <Route path=path!("") view=pages::HomePage/>
                    <Route path=path!("news") view=pages::NewsFeedPage/>
                    <Route path=path!("news/page/:page") view=pages::NewsFeedPage/>
                    <Route path=path!("news/category/:category") view=pages::NewsFeedPage/>
                    <Route path=path!("news/category/:category/page/:page") view=pages::NewsFeedPage/>
                    <Route path=path!("news/:id") view=pages::ArticlePage/>
                    <Route path=path!("faq") view=pages::FaqPage/>
                    <Route path=path!("helplines") view=pages::HelplinesPage/>
                    <Route path=path!("agencies") view=pages::AgenciesPage/>
                    <Route path=path!("pages/:slug") view=pages::StaticPagePage/>
                    <Route path=path!("search") view=pages::SearchPage/>
                    <Route path=path!("*any") view=|| view! { <pages::NotFoundPage/> }/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
