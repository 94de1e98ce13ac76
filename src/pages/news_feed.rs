//! `/{lang}/news`, `…/news/page/{n}`, `…/news/category/{slug}[/page/{n}]`: the news feed,
//! newest first, with a category filter; `…/news?date=YYYY-MM-DD`: the news of one day, with
//! the calendar. (`?page=` and `?category=` are read too, for links written that way.)

use super::CalendarPanel;
use crate::api::{fetch_calendar_month, fetch_news_page, fetch_site, Category, Date, NewsPage};
use crate::components::{Breadcrumbs, Message, NewsList, Pagination, SkeletonShape};
use crate::config::use_config;
use crate::i18n::{format_date, use_i18n, I18n, Texts};
use crate::links;
use crate::runtime::{resource, Awaited, Loaded, Part};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

/// What the address asks for, once checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Request {
    Feed { category: Option<String>, page: u32 },
    Day(Date),
    BadPage,
    BadCategory,
    BadDate,
}

#[component]
pub fn NewsFeedPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let request = Memo::new(move |_| {
        let (p, q) = (params.read(), query.read());
        if let Some(date) = q.get_str("date") {
            return links::parse_date(date).map_or(Request::BadDate, Request::Day);
        }
        let param = |name| p.get_str(name).or_else(|| q.get_str(name));
        match (
            links::parse_category(param("category")),
            links::parse_page(param("page")),
        ) {
            (Err(links::NotASlug), _) => Request::BadCategory,
            (_, None) => Request::BadPage,
            (Ok(category), Some(page)) => Request::Feed { category, page },
        }
    });
    let site = resource(move || i18n.lang(), fetch_site);
    // `None` when the address is not a feed: nothing to load.
    let news = resource(
        move || (i18n.lang(), request.get()),
        |(lang, request)| async move {
            match request {
                Request::Feed { category, page } => {
                    fetch_news_page(lang, category, page).await.map(Some)
                }
                _ => Ok(None),
            }
        },
    );
    // The page's name: `None` until it is known. A category's is in the site's list, which is
    // usually there already, so the heading does not wait for the feed; else it comes with its
    // feed (a category that does not exist has none). Read inside `Transition`s, which wait for
    // every resource read.
    let heading = move || -> Option<String> {
        let news_title = || i18n.t().news_title.to_string();
        let slug = match request.get() {
            Request::Feed {
                category: Some(slug),
                ..
            } => slug,
            Request::Day(day) => {
                return Some((i18n.t().news_of_day)(&format_date(i18n.lang(), day)))
            }
            _ => return Some(news_title()),
        };
        let listed = match site.get()? {
            Ok(site) => site.categories.into_iter().find(|c| c.slug == slug),
            Err(_) => None,
        };
        if let Some(category) = listed {
            return Some(category.name);
        }
        Some(match news.get()? {
            Ok(Some(NewsPage {
                category: Some(c), ..
            })) => c.name,
            _ => news_title(),
        })
    };
    let current_category = Signal::derive(move || match request.get() {
        Request::Feed { category, .. } => category,
        _ => None,
    });
    // The chip marked as the page: the feed's category (`Some(None)`: all news); none for the
    // news of one day or a bad address, which no chip shows.
    let current_chip = Signal::derive(move || match request.get() {
        Request::Feed { category, .. } => Some(category),
        _ => None,
    });

    // Home › News › this category or day; the feed of all news is the end of its trail.
    let trail = Signal::derive(move || match request.get() {
        Request::Feed {
            category: Some(_), ..
        }
        | Request::Day(_) => vec![(
            links::news(i18n.lang(), None, 1),
            i18n.t().news_title.to_string(),
        )],
        _ => Vec::new(),
    });

    // The title, the trail's end and the heading name the page once its data is there; until
    // then, "News" and a line of skeleton. The `h1` itself stays: focus goes to it after a
    // navigation, and would be lost if it were replaced. The title waits for the feed (its page
    // count); the others only for the page's name.
    let title = move || {
        let current = heading()?;
        let title = match news.get()? {
            Ok(Some(p)) if p.total_pages > 1 || p.page > 1 => {
                format!("{current} – {}", (i18n.t().page_of)(p.page, p.total_pages))
            }
            _ => current,
        };
        Some(view! { <Title text=title/> }.into_any())
    };
    let untitled = move || view! { <Title text=move || i18n.t().news_title/> };
    let crumbs = move || Some(view! { <Breadcrumbs trail current=heading()?/> }.into_any());
    let unnamed_crumbs =
        move || view! { <Breadcrumbs trail current=i18n.t().news_title.to_string()/> };
    let heading_text = move || heading().map(IntoAny::into_any);
    let skeleton = || view! { <span class="skeleton__line skeleton__line--heading" aria-hidden="true"></span> };
    let filter = move || {
        let site = site.get()?.ok()?;
        Some(view! { <CategoryFilter categories=site.categories current=current_chip/> }.into_any())
    };

    // A category's page names its own feed, beside the language's (`LanguageRoot`).
    let category_feed_link = {
        let config = use_config();
        move || {
            let slug = current_category.get()?;
            let href = config.news_feed(i18n.lang(), Some(&slug));
            Some(
                view! { <Link rel="alternate" type_="application/atom+xml" href title=i18n.t().category_feed/> },
            )
        }
    };

    view! {
        <Awaited content=title fallback=untitled/>
        <Awaited content=crumbs fallback=unnamed_crumbs/>
        <Meta name="description" content=move || i18n.t().footer_about/>
        {category_feed_link}
        <h1><Awaited content=heading_text fallback=skeleton/></h1>
        // The slot keeps the filter's room while the site's categories load: no layout shift.
        // The filter and the list are parts of their own: hydrated after the rest.
        <div class="category-filter-slot">
            <Part><Awaited content=filter/></Part>
        </div>
        <div class="feed">
            <Part>{move || match request.get() {
                Request::BadPage => view! { <FeedMessage text=|t| t.bad_page_number/> }.into_any(),
                Request::BadCategory => view! { <FeedMessage text=|t| t.no_such_category/> }.into_any(),
                Request::BadDate => view! { <FeedMessage text=|t| t.bad_date/> }.into_any(),
                Request::Day(day) => view! { <DayNews day site/> }.into_any(),
                Request::Feed { category, page } => {
                    // A missing first page means the category does not exist; a missing later page
                    // is past the end.
                    let not_found_text: fn(&Texts) -> &'static str =
                        if page > 1 { |t| t.no_such_page } else { |t| t.no_such_category };
                    let items = move |data: Option<NewsPage>| {
                        data.map(|data| view! { <FeedItems data category=category.clone() i18n/> })
                    };
                    view! {
                        <Loaded
                            resource=news
                            skeleton=SkeletonShape::NewsList
                            not_found=move || view! { <FeedMessage text=not_found_text/> }
                            view=items
                        />
                    }
                    .into_any()
                }
        }}</Part>
        </div>
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
    let feed = category.as_deref().map(|slug| {
        let feed = config.news_feed(lang, Some(slug));
        view! { <p><a href=feed type="application/atom+xml">{i18n.t().category_feed}</a></p> }
    });
    let href = move |n| config.href(&links::news(lang, category.as_deref(), n));
    view! {
        <p class="feed__count">
            {(i18n.t().article_count)(data.total_items)} " · " {(i18n.t().page_of)(data.page, data.total_pages)}
        </p>
        <NewsList items=data.items/>
        <Pagination current=data.page total=data.total_pages href/>
        {feed}
    }
    .into_any()
}

/// The news of one day (from its month's calendar file), and the calendar open at that day.
#[component]
fn DayNews(
    day: Date,
    site: Resource<Result<crate::api::Site, crate::api::ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let month = resource(
        move || i18n.lang(),
        move |lang| fetch_calendar_month(lang, (day.year(), day.month())),
    );
    let items = move |month: crate::api::CalendarMonth| {
        let items = month
            .days
            .into_iter()
            .find(|d| d.date == day)
            .map(|d| d.items)
            .unwrap_or_default();
        if items.is_empty() {
            view! { <FeedMessage text=|t| t.no_news_on_day/> }.into_any()
        } else {
            let count = (i18n.t().article_count)(items.len() as u32);
            view! {
                <p class="feed__count">{count}</p>
                <NewsList items/>
            }
            .into_any()
        }
    };
    view! {
        <div class="feed-day">
            <div class="feed-day__news">
                <Loaded resource=month skeleton=SkeletonShape::NewsList view=items/>
            </div>
            <aside class="feed-day__calendar" aria-labelledby="calendar-title">
                <Loaded resource=site skeleton=SkeletonShape::Calendar view=move |site| view! { <CalendarPanel site day/> }/>
            </aside>
        </div>
    }
}

/// A message about the address, with a way to the first page of all news.
#[component]
fn FeedMessage(text: fn(&Texts) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    move || {
        let first = config.href(&links::news(i18n.lang(), None, 1));
        let label = Signal::derive(move || i18n.t().first_page.to_string());
        view! { <Message text=text(i18n.t()).to_string() link=(first, label)/> }
    }
}

/// Links to each category's feed; the current one is marked. On a phone, one row that scrolls
/// sideways (`style/components/category-filter.css`).
#[component]
fn CategoryFilter(
    categories: Vec<Category>,
    /// The feed on show (`Some(None)`: all news), or `None` when no chip is the page.
    current: Signal<Option<Option<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let lang = i18n.lang();
    let link = move |slug: Option<String>, label: String| {
        let href = config.href(&links::news(lang, slug.as_deref(), 1));
        let is_current = move || current.get().as_ref() == Some(&slug);
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
