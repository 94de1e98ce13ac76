//! The Government Portal of the Republic of Uzbekistan as a Leptos single-page app.
//!
//! `App` holds the router, the meta context and the language; pages (one module per route)
//! compose components and load their data through the one API client.

pub mod api;
pub mod components;
pub mod config;
pub mod i18n;
pub mod links;
pub mod pages;
pub mod preferences;

use config::Config;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// Mounts the app into the page, replacing the static shell that shows while the wasm loads.
pub fn mount() {
    console_error_panic_hook::set_once();
    let config = Config::from_document();
    if let Some(shell) = document().get_element_by_id("static-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(move || {
        provide_context(config);
        view! { <App/> }
    })
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
                    <Route path=path!("news/:id") view=pages::ArticlePage/>
                    <Route path=path!("*any") view=|| view! { <pages::NotFoundPage/> }/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
