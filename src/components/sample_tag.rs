//! The visible tag on sample content, so that it is never mistaken for real news.

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn SampleTag() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <strong class="sample-tag" title=move || i18n.t().sample_tag_hint>
            {move || i18n.t().sample_tag}
        </strong>
    }
}
