//! `/{lang}/news/{id}`: one article.

use crate::api::{fetch_article, Article};
use crate::components::{
    content_lang, ArticleBody, Breadcrumbs, ContentTools, NewsList, NotFound, PublishedDate,
    SampleTag, SkeletonShape, TranslationNotice,
};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::runtime::{resource, Loaded, Part};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|raw| links::parse_id(&raw))
    });

    move || match id.get() {
        None => view! { <NotFound/> }.into_any(),
        Some(id) => {
            let article = resource(move || i18n.lang(), move |lang| fetch_article(lang, id));
            // The title while the article loads; the article, or the error, then has its own.
            view! {
                <Title text=move || i18n.t().news_title/>
                <Loaded resource=article skeleton=SkeletonShape::Article page=true view=|article| view! { <ArticleView article/> }/>
            }
            .into_any()
        }
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let category_href = config.href(&links::news(i18n.lang(), Some(&article.category.slug), 1));
    let category_name = article.category.name.clone();
    let lang = i18n.lang();
    let trail = vec![
        (links::news(lang, None, 1), i18n.t().news_title.to_string()),
        (
            links::news(lang, Some(&article.category.slug), 1),
            article.category.name.clone(),
        ),
    ];
    let title = article.title.clone();
    // The lead, as search results and link previews show it.
    let description = article.lead.clone();
    let text_lang = article.lang.as_deref().map(content_lang);
    let heading_lang = text_lang.clone();
    let related = (!article.related.is_empty()).then(|| {
        view! {
            <aside class="article__related" aria-labelledby="related-title">
                <Part>
                    <h2 id="related-title">{move || (i18n.t().more_in_category)(&category_name)}</h2>
                    <NewsList items=article.related heading=3 compact=true/>
                </Part>
            </aside>
        }
    });
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description/>
        <Breadcrumbs trail current=title.clone()/>
        <article class="article">
            <header class="article__header">
                <Part>
                    <p class="article__meta">
                        <span class="visually-hidden">{move || i18n.t().published} " "</span>
                        <PublishedDate date=article.date/>
                        " · "
                        <a href=category_href>{article.category.name}</a>
                        {article.sample.then(|| view! { " " <SampleTag/> })}
                    </p>
                    <h1 class="article__title" lang=heading_lang>{article.title}</h1>
                    {article.lang.map(|lang| view! { <p class="article__notice"><TranslationNotice lang/></p> })}
                    {article.updated.map(|d| view! {
                        <p class="article__updated">{move || i18n.t().updated} ": " <PublishedDate date=d/></p>
                    })}
                </Part>
            </header>
            <div lang=text_lang.clone()><Part><ArticleBody blocks=article.body/></Part></div>
            {article.byline.map(|b| view! {
                <p class="article__byline"><span class="article__byline-label">{move || i18n.t().author} ": "</span><span lang=text_lang>{b}</span></p>
            })}
        </article>
        {related}
        <ContentTools title/>
    }
}
