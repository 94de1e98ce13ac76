//! `/{lang}/pages/{slug}`: a static page of the portal, such as Open Government.

use crate::api::{fetch_page, StaticPage};
use crate::components::{
    content_lang, ArticleBody, Breadcrumbs, ContentTools, NotFound, PublishedDate, SampleTag,
    SkeletonShape, TranslationNotice,
};
use crate::i18n::use_i18n;
use crate::links;
use crate::runtime::{resource, Loaded};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn StaticPagePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get("slug")
            .and_then(|s| links::parse_category(Some(&s)).ok().flatten())
    });
    move || match slug.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(slug) => {
            let page = resource(
                move || i18n.lang(),
                move |lang| fetch_page(lang, slug.clone()),
            );
            // The portal's name alone while the page loads; the page, or the error, then has
            // its own title.
            view! {
                <Title text=""/>
                <Meta name="description" content=move || i18n.t().footer_about/>
                <Loaded resource=page skeleton=SkeletonShape::Article page=true view=|page| view! { <PageView page/> }/>
            }
            .into_any()
        }
    }
}

#[component]
fn PageView(page: StaticPage) -> impl IntoView {
    let i18n = use_i18n();
    let text_lang = page.lang.as_deref().map(content_lang);
    let title = page.title.clone();
    view! {
        <Title text=title.clone()/>
        <Breadcrumbs current=title.clone()/>
        <article class="article">
            <header class="article__header">
                <h1 class="article__title" lang=text_lang.clone()>{page.title}</h1>
                {page.lang.map(|lang| view! { <p class="article__notice"><TranslationNotice lang/></p> })}
                <p class="article__meta">
                    {page.updated.map(|d| view! { {move || i18n.t().updated} ": " <PublishedDate date=d/> })}
                    {page.sample.then(|| view! { " " <SampleTag/> })}
                </p>
            </header>
            <div lang=text_lang>
                <ArticleBody blocks=page.body/>
            </div>
        </article>
        <ContentTools title/>
    }
}
