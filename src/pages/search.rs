//! `/{lang}/search?q=…&page=N`: search over news, FAQ, helplines and agencies, through the
//! search index's shards (only what the query needs is downloaded).

use crate::api::{search, SearchResults};
use crate::components::{
    content_lang, Breadcrumbs, Highlighted, Loaded, Message, Pagination, PublishedDate, SearchForm,
    SkeletonShape, MAX_QUERY_CHARS,
};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::text_match::query_words;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use portal_api::search::DocKind;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    // What the address asks for: the words (cut to a sane length) and the page, if valid.
    let q = Memo::new(move |_| {
        let raw = query.read().get("q").unwrap_or_default();
        raw.trim().chars().take(MAX_QUERY_CHARS).collect::<String>()
    });
    let page = Memo::new(move |_| links::parse_page(query.read().get_str("page")));
    let results = Resource::new(
        move || (i18n.lang(), q.get(), page.get().unwrap_or(1)),
        |(lang, q, page)| search(lang, q, page),
    );
    let title = move || {
        let t = i18n.t();
        match q.get() {
            q if q.is_empty() => t.search_title.to_string(),
            q => (t.search_results_for)(&q),
        }
    };
    view! {
        <Title text=title/>
        <Meta name="description" content=move || i18n.t().footer_about/>
        <Breadcrumbs current=Signal::derive(move || i18n.t().search_title.to_string())/>
        <h1>{title}</h1>
        <SearchForm id="search-page" value=q large=true/>
        {move || {
            if q.get().is_empty() {
                view! { <Message text=Signal::derive(move || i18n.t().search_prompt.to_string())/> }.into_any()
            } else if page.get().is_none() {
                view! { <Message text=Signal::derive(move || i18n.t().bad_page_number.to_string())/> }.into_any()
            } else {
                view! {
                    <Loaded
                        resource=results
                        skeleton=SkeletonShape::NewsList
                        view=move |results| view! { <Results results query=q.get_untracked()/> }
                    />
                }
                .into_any()
            }
        }}
    }
}

#[component]
fn Results(results: SearchResults, query: String) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    if results.total == 0 || results.results.is_empty() {
        let text = if results.total == 0 {
            i18n.t().no_results
        } else {
            i18n.t().no_such_page
        };
        return view! { <Message text=text.to_string()/> }.into_any();
    }
    let words = Signal::stored(query_words(&query));
    let lang = i18n.lang();
    let items = results
        .results
        .into_iter()
        .map(|doc| {
            let t = i18n.t();
            let kind = match doc.kind {
                DocKind::News => t.kind_news,
                DocKind::Faq => t.kind_faq,
                DocKind::Helpline => t.kind_helpline,
                DocKind::Agency => t.kind_agency,
            };
            let text_lang = doc.lang.as_deref().map(content_lang);
            let href = config.href(&format!("/{}", doc.route));
            view! {
                <li class="search-result">
                    <p class="search-result__meta">
                        {kind}
                        {doc.date.map(|d| view! { " · " <PublishedDate date=d/> })}
                    </p>
                    <h2 class="search-result__title" lang=text_lang.clone()>
                        <a href=href><Highlighted text=doc.title words/></a>
                    </h2>
                    <p class="search-result__snippet" lang=text_lang>
                        <Highlighted text=doc.snippet words/>
                    </p>
                </li>
            }
        })
        .collect_view();
    let href = move |n| config.href(&links::search(lang, &query, n));
    view! {
        <p class="feed__count" role="status">
            {if results.capped {
                (i18n.t().result_count_at_least)(results.total)
            } else {
                (i18n.t().result_count)(results.total)
            }}
        </p>
        <ol class="search-results">{items}</ol>
        <Pagination current=results.page total=results.total_pages href/>
    }
    .into_any()
}
