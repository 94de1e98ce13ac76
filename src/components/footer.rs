//! The portal's footer.

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer" aria-label=move || i18n.t().footer_label>
            <div class="container">
                <p class="site-footer__name">{move || i18n.t().portal_name}</p>
                <p>{move || i18n.t().footer_about}</p>
                <p class="site-footer__notice">{move || i18n.t().footer_sample_notice}</p>
            </div>
        </footer>
    }
}
