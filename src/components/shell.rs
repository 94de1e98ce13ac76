//! What surrounds every page: skip link, header, main region, footer.

use super::{Footer, Header};
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <Header/>
        <main id="main" class="main" tabindex="-1">
            <div class="container">{children()}</div>
        </main>
        <Footer/>
    }
}
