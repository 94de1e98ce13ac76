//! What surrounds every page: skip link, header, main region, footer.

use super::{Footer, Header};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Moves focus to the main region. Done by hand because `<base href>` makes a bare `#main`
/// resolve to the app's root, not to the current page.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || i18n.t().skip_to_content}
        </a>
        <Header/>
        <main id="main" class="main" tabindex="-1">
            <div class="container">{children()}</div>
        </main>
        <Footer/>
    }
}
