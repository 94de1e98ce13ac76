//! Any path the portal does not have.

use crate::components::NotFound;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage(
    /// Offer every language's home (the address named an unknown language).
    #[prop(optional)]
    languages: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().not_found_title/>
        <NotFound languages/>
    }
}
