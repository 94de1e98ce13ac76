//! `/{lang}/news?page=N&category=C`: the news feed, newest first, with a category filter.

use crate::api::{fetch_news_page, fetch_site, Category, NewsPage};
use crate::components::{Loaded, Message, NewsList, Pagination, SkeletonShape};
use crate::config::use_config;
use crate::i18n::{use_i18n, I18n};
use crate::links;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What the address asks for, once checked.
#[derive(Clone, Debug, PartialEq)]
enum Request {
    Feed { category: Option<String>, page: u32 },
    BadPage,
    BadCategory,
}

#[component]
pub fn NewsFeedPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let request = Memo::new(move |_| {
        let q = query.read();
        match (
            links::parse_category(q.get_str("category")),
            links::parse_page(q.get_str("page")),
        ) {
            (Err(()), _) => Request::BadCategory,
            (_, None) => Request::BadPage,
            (Ok(category), Some(page)) => Request::Feed { category, page },
        }
    });
    let site = Resource::new(move || i18n.lang(), fetch_site);
    let category_name = move |slug: &str| -> Option<String> {
        let site = site.get()?.ok()?;
        site.categories
            .into_iter()
            .find(|c| c.slug == slug)
            .map(|c| c.name)
    };
    let heading = move || match request.get() {
        Request::Feed {
            category: Some(c), ..
        } => category_name(&c).unwrap_or_else(|| i18n.t().news_title.into()),
        _ => i18n.t().news_title.into(),
    };
    let current_category = Signal::derive(move || match request.get() {
        Request::Feed { category, .. } => category,
        _ => None,
    });

    view! {
        <h1>{heading}</h1>
        <Transition fallback=|| ()>
            {move || site.get().and_then(|r| r.ok()).map(|site| view! {
                <CategoryFilter categories=site.categories current=current_category/>
            })}
        </Transition>
        {move || match request.get() {
            Request::BadPage => view! {
                <Title text=move || i18n.t().news_title/>
                <FeedMessage text=i18n.t().bad_page_number/>
            }
            .into_any(),
            Request::BadCategory => view! {
                <Title text=move || i18n.t().news_title/>
                <FeedMessage text=i18n.t().no_such_category/>
            }
            .into_any(),
            Request::Feed { category, page } => view! { <FeedPage category page heading/> }.into_any(),
        }}
    }
}

/// One page of the feed.
#[component]
fn FeedPage<H>(category: Option<String>, page: u32, heading: H) -> impl IntoView
where
    H: Fn() -> String + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let news = {
        let category = category.clone();
        Resource::new(
            move || i18n.lang(),
            move |lang| fetch_news_page(lang, category.clone(), page),
        )
    };
    let title = move || match news.get() {
        Some(Ok(p)) if p.total_pages > 1 => format!(
            "{} – {}",
            heading(),
            (i18n.t().page_of)(p.page, p.total_pages)
        ),
        _ => heading(),
    };
    // A missing first page means the category does not exist; a missing later page is past the end.
    let not_found_text = if page > 1 {
        i18n.t().no_such_page
    } else {
        i18n.t().no_such_category
    };
    view! {
        <Title text=title/>
        <Loaded
            resource=news
            skeleton=SkeletonShape::NewsList
            not_found=move || view! { <FeedMessage text=not_found_text/> }
            view=move |data| view! { <FeedItems data category=category.clone() i18n/> }
        />
    }
}

#[component]
fn FeedItems(data: NewsPage, category: Option<String>, i18n: I18n) -> impl IntoView {
    let config = use_config();
    if data.items.is_empty() {
        let text = if category.is_some() {
            i18n.t().no_news_in_category
        } else {
            i18n.t().no_news
        };
        return view! { <Message text=text.to_string()/> }.into_any();
    }
    let lang = i18n.lang();
    let href = move |n| config.href(&links::news(lang, category.as_deref(), n));
    view! {
        <p class="feed__count">
            {(i18n.t().article_count)(data.total_items)} " · " {(i18n.t().page_of)(data.page, data.total_pages)}
        </p>
        <NewsList items=data.items/>
        <Pagination current=data.page total=data.total_pages href/>
    }
    .into_any()
}

/// A message about the address, with a way to the first page of all news.
#[component]
fn FeedMessage(text: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let first = config.href(&links::news(i18n.lang(), None, 1));
    view! { <Message text=text.to_string() link=(first, Signal::derive(move || i18n.t().first_page.to_string()))/> }
}

/// Links to each category's feed; the current one is marked.
#[component]
fn CategoryFilter(categories: Vec<Category>, current: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let lang = i18n.lang();
    let link = move |slug: Option<String>, label: String| {
        let href = config.href(&links::news(lang, slug.as_deref(), 1));
        let is_current = move || current.get() == slug;
        view! {
            <li>
                <a href=href aria-current=move || is_current().then_some("page")>{label}</a>
            </li>
        }
    };
    let all = link(None, i18n.t().all_categories.to_string());
    let each = categories
        .into_iter()
        .map(|c| link(Some(c.slug), c.name))
        .collect_view();
    view! {
        <nav class="category-filter" aria-label=move || i18n.t().categories_label>
            <ul>{all} {each}</ul>
        </nav>
    }
}
