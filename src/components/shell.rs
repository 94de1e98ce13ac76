//! What surrounds every page: skip link, header, main region, footer; and what a reader of
//! a screen reader needs when the app changes page without a page load.

use super::{same_page_in, Footer, Header, OfflineNotice};
use crate::config::use_config;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Moves focus to the main region without a navigation (the router would treat the link as one).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Moves focus to the page's `h1` (or, without one, to the main region), as a page load would
/// put the reader at the top of the new page.
fn focus_heading() {
    let doc = document();
    let target = doc
        .query_selector("#main h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(target) = target {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// After each client-side navigation (a new path or query, not a `#fragment` in the same
/// page), focus goes to the new page's heading and its title is announced. The first render
/// leaves focus where the browser put it.
fn announce_navigation() -> ReadSignal<String> {
    let location = use_location();
    let (announcement, set_announcement) = signal(String::new());
    Effect::new(move |previous: Option<String>| {
        let here = format!("{}?{}", location.pathname.get(), location.search.get());
        if previous.is_some_and(|p| p != here) {
            request_animation_frame(focus_heading);
            // The title is set by the new page as it renders; read it once it has.
            set_timeout(
                move || set_announcement.set(document().title()),
                std::time::Duration::from_millis(400),
            );
        }
        here
    });
    announcement
}

/// Before printing, each link in the content gets its full address (`a.href` is resolved by
/// the browser) for the print stylesheet to write after it.
fn print_link_addresses() {
    Effect::new(move || {
        let handle = window_event_listener(leptos::ev::beforeprint, |_| {
            let Ok(links) = document().query_selector_all("main a[href]") else {
                return;
            };
            for i in 0..links.length() {
                if let Some(a) = links
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlAnchorElement>().ok())
                {
                    let _ = a.set_attribute("data-print-href", &a.href());
                }
            }
        });
        on_cleanup(move || handle.remove());
    });
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let announcement = announce_navigation();
    // This page's own address with `#main`: a bare `#main` would resolve against `<base href>`
    // and leave the page before the app has started.
    let skip_href = {
        let config = use_config();
        let here = same_page_in(i18n.lang());
        move || format!("{}#main", config.href(&here()))
    };
    print_link_addresses();
    view! {
        <p class="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
        <a class="skip-link" href=skip_href on:click=skip_to_main>
            {move || i18n.t().skip_to_content}
        </a>
        <Header/>
        <OfflineNotice/>
        <main id="main" class="main" tabindex="-1">
            <div class="container">{children()}</div>
        </main>
        <Footer/>
    }
}
