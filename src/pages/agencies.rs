//! `/{lang}/agencies`: the list of government agencies.

use crate::api::fetch_agencies;
use crate::components::{AgencyList, Breadcrumbs, ContentTools, SkeletonShape};
use crate::i18n::use_i18n;
use crate::runtime::{resource, Loaded};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn AgenciesPage() -> impl IntoView {
    let i18n = use_i18n();
    let agencies = resource(move || i18n.lang(), fetch_agencies);
    view! {
        <Title text=move || i18n.t().agencies_title/>
        <Meta name="description" content=move || i18n.t().footer_about/>
        <Breadcrumbs current=Signal::derive(move || i18n.t().agencies_title.to_string())/>
        <h1>{move || i18n.t().agencies_title}</h1>
        <Loaded
            resource=agencies
            skeleton=SkeletonShape::NewsList
            view=|agencies| view! { <AgencyList agencies/> }
        />
        <ContentTools title=Signal::derive(move || i18n.t().agencies_title.to_string())/>
    }
}
