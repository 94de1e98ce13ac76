//! `/{lang}/helplines`: the helpline directory.

use crate::api::fetch_helplines;
use crate::components::{Breadcrumbs, ContentTools, HelplineDirectory, SkeletonShape};
use crate::i18n::use_i18n;
use crate::runtime::{resource, Loaded};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn HelplinesPage() -> impl IntoView {
    let i18n = use_i18n();
    let helplines = resource(move || i18n.lang(), fetch_helplines);
    view! {
        <Title text=move || i18n.t().helplines_title/>
        <Meta name="description" content=move || i18n.t().footer_about/>
        <Breadcrumbs current=Signal::derive(move || i18n.t().helplines_title.to_string())/>
        <h1>{move || i18n.t().helplines_title}</h1>
        <Loaded
            resource=helplines
            skeleton=SkeletonShape::NewsList
            view=|helplines| view! { <HelplineDirectory helplines/> }
        />
        <ContentTools title=Signal::derive(move || i18n.t().helplines_title.to_string())/>
    }
}
