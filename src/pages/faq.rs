//! `/{lang}/faq`: the FAQ widget over the whole FAQ.

use crate::api::fetch_faq;
use crate::components::{Breadcrumbs, ContentTools, FaqWidget, SkeletonShape};
use crate::i18n::use_i18n;
use crate::runtime::{resource, Loaded};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

#[component]
pub fn FaqPage() -> impl IntoView {
    let i18n = use_i18n();
    let faq = resource(move || i18n.lang(), fetch_faq);
    let fragment = use_location().hash;
    view! {
        <Title text=move || i18n.t().faq_title/>
        <Meta name="description" content=move || i18n.t().footer_about/>
        <Breadcrumbs current=Signal::derive(move || i18n.t().faq_title.to_string())/>
        <h1>{move || i18n.t().faq_title}</h1>
        <Loaded resource=faq skeleton=SkeletonShape::NewsList view=move |faq| view! { <FaqWidget faq fragment/> }/>
        <ContentTools title=Signal::derive(move || i18n.t().faq_title.to_string())/>
    }
}
