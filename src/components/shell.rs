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

/// What the router is doing, as it tells `App`: `busy` while a navigation loads (the wasm chunk
/// of a rarely read page), `finished` counts the navigations done.
#[derive(Clone, Copy)]
pub struct Navigation {
    busy: RwSignal<bool>,
    finished: RwSignal<u32>,
}

impl Navigation {
    /// Provides the navigation state; the router sets it through the returned setter.
    pub fn provide() -> SignalSetter<bool> {
        let navigation = Navigation {
            busy: RwSignal::new(false),
            finished: RwSignal::new(0),
        };
        provide_context(navigation);
        SignalSetter::map(move |busy| {
            navigation.busy.set(busy);
            if !busy {
                navigation.finished.update(|n| *n += 1);
            }
        })
    }

    fn current() -> Self {
        use_context().expect("App provides the navigation state")
    }

    /// The path of the page on screen, for the main navigation to mark. The router's location
    /// changes as a navigation starts; the page, once it has finished (a rarely read page's
    /// chunk can take a while).
    pub fn shown_path() -> Memo<String> {
        let navigation = Self::current();
        let location = use_location();
        Memo::new(move |_| {
            navigation.finished.track();
            location.pathname.get_untracked()
        })
    }
}

/// After each client-side navigation (a new path or query, not a `#fragment` in the same
/// page), once the new page is there, focus goes to its heading and its title is announced. A
/// new path is there when the router has finished (a page's chunk can take a while); a new
/// query of the same path at once (the router does not route it). The first render leaves
/// focus where the browser put it.
fn announce_navigation(navigation: Navigation) -> ReadSignal<String> {
    let location = use_location();
    let (announcement, set_announcement) = signal(String::new());
    // (the address last announced, the navigations finished then)
    Effect::new(move |previous: Option<(String, u32)>| {
        let path = location.pathname.get();
        let here = format!("{path}?{}", location.search.get());
        let finished = navigation.finished.get();
        match previous {
            Some((shown, seen))
                if shown != here
                    && finished == seen
                    && shown.split('?').next() != Some(path.as_str()) =>
            {
                (shown, seen)
            }
            Some((shown, _)) if shown != here => {
                let _ = request_animation_frame(focus_heading);
                // The title is set by the new page as it renders; read it once it has.
                let _ = set_timeout(
                    move || set_announcement.set(document().title()),
                    std::time::Duration::from_millis(400),
                );
                (here, finished)
            }
            _ => (here, finished),
        }
    });
    announcement
}

/// Before printing, each link in the content gets its full address (`a.href` is resolved by
/// the browser) for the print stylesheet to write after it, and the page's own address is
/// written under the header.
fn print_link_addresses() {
    Effect::new(move || {
        let handle = window_event_listener(leptos::ev::beforeprint, |_| {
            if let (Some(line), Ok(here)) = (
                document().get_element_by_id("print-address"),
                window().location().href(),
            ) {
                let _ = line.set_attribute("data-print-href", &here);
            }
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
    let navigation = Navigation::current();
    let announcement = announce_navigation(navigation);
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
        <p id="print-address" class="print-address container">{move || i18n.t().page_address} ":"</p>
        <OfflineNotice/>
        <main id="main" class="main" tabindex="-1" aria-busy=move || navigation.busy.get().then_some("true")>
            <div class="container">{children()}</div>
        </main>
        <Footer/>
    }
}
