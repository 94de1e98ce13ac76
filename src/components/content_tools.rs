//! What follows every piece of content: share and print, then "Is this page useful?".

use super::{same_page_in, PageActions, PageFeedback};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::runtime::part;
use leptos::prelude::*;

#[component]
pub fn ContentTools(
    /// The content's title, for the share links.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    // Without a feedback setting there is nowhere to send a report: no form.
    let feedback = use_config().offers_feedback();
    view! {
        <div class="content-tools">
            {part(move || {
                let url = use_page_url();
                view! {
                    <PageActions url title/>
                    {feedback.then(|| view! { <PageFeedback url/> })}
                }
            })}
        </div>
    }
}

/// The full address of the current page. Prerendered with the configured origin (or none);
/// in the browser, the origin it was opened from.
pub fn use_page_url() -> Signal<String> {
    let i18n = use_i18n();
    let config = use_config();
    let path = same_page_in(i18n.lang());
    let origin = RwSignal::new(config.origin.clone());
    Effect::new(move || {
        if let Ok(o) = window().location().origin() {
            origin.set(o);
        }
    });
    Signal::derive(move || format!("{}{}{}", origin.get(), config.base, path()))
}
