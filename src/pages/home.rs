//! `/{lang}/`: the latest news, "New on the portal", the news calendar, top questions and
//! shortcuts to the directories.

use super::CalendarPanel;
use crate::api::{fetch_faq, fetch_news_page, fetch_site};
use crate::components::{Message, NewsList, SharedFailure, SkeletonShape, TopQuestions};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::runtime::{resource, Loaded, Part};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// How many news the home page shows.
const LATEST: usize = 5;
/// How many questions of the FAQ the home page shows.
const TOP_QUESTIONS: usize = 5;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    // Each part creates the data it shows, so that it is read (decoded from the page) in the
    // part's task, not in the page's first one; the parts are kept small, a task each. (The two
    // parts that show the site's data share its one request: `api::client`'s cache.) Parts that
    // fail for one reason (the API is down) say so once, with one "Try again" for all of them.
    SharedFailure::provide();
    view! {
        <Title text=""/>
        <Meta name="description" content=move || i18n.t().footer_about/>
        <h1 class="visually-hidden">{move || i18n.t().portal_name}</h1>
        <div class="home">
            <section class="home__latest" aria-labelledby="latest-news">
                <Part><LatestNews/></Part>
            </section>
            <section class="home__new" aria-labelledby="new-on-portal">
                <div class="home__announcements"><Part><Announcements/></Part></div>
                <section class="home__calendar" aria-labelledby="calendar-title">
                    <Part><HomeCalendar/></Part>
                </section>
                <div class="home__faq"><Part><QuestionsAndShortcuts/></Part></div>
            </section>
        </div>
    }
}

/// The latest news and a link to all of them.
#[component]
fn LatestNews() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let latest = resource(move || i18n.lang(), |lang| fetch_news_page(lang, None, 1));
    let all_news = move || config.href(&links::news(i18n.lang(), None, 1));
    view! {
        <h2 id="latest-news">{move || i18n.t().latest_news}</h2>
        <Loaded
            resource=latest
            skeleton=SkeletonShape::NewsList
            view=move |page| {
                if page.items.is_empty() {
                    view! { <Message text=Signal::derive(move || i18n.t().no_news.to_string())/> }
                        .into_any()
                } else {
                    let items = page.items.into_iter().take(LATEST).collect::<Vec<_>>();
                    view! { <NewsList items heading=3/> }.into_any()
                }
            }
        />
        <p class="home__more">
            <a href=all_news>{move || i18n.t().all_news} <span aria-hidden="true">" →"</span></a>
        </p>
    }
}

/// "New on the portal": the site's announcements.
#[component]
fn Announcements() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let site = resource(move || i18n.lang(), fetch_site);
    view! {
        <h2 id="new-on-portal">{move || i18n.t().new_on_portal}</h2>
        <Loaded
            resource=site
            skeleton=SkeletonShape::NewsList
            view=move |site| {
                let config = config.clone();
                view! {
                    <ul class="announcements">
                        {site
                            .new_on_portal
                            .into_iter()
                            .map(|item| {
                                let href = config.href(&links::folder(&format!("/{}", item.path)));
                                view! {
                                    <li>
                                        <a href=href>
                                            <span class="announcements__title">{item.title}</span>
                                            <span class="announcements__more">
                                                {move || i18n.t().detail}
                                                <span aria-hidden="true">" »"</span>
                                            </span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
    }
}

/// The news calendar.
#[component]
fn HomeCalendar() -> impl IntoView {
    let i18n = use_i18n();
    let site = resource(move || i18n.lang(), fetch_site);
    view! { <Loaded resource=site skeleton=SkeletonShape::Calendar view=|site| view! { <CalendarPanel site/> }/> }
}

/// The top questions of the FAQ and the shortcuts to the directories.
#[component]
fn QuestionsAndShortcuts() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let faq = resource(move || i18n.lang(), fetch_faq);
    let section_href = |section: &'static str| {
        let config = config.clone();
        move || config.href(&links::section(i18n.lang(), section))
    };
    let (faq_href, helplines_href, agencies_href) = (
        section_href("faq"),
        section_href("helplines"),
        section_href("agencies"),
    );
    view! {
        <h2 id="top-questions" class="home__subheading">{move || i18n.t().faq_title}</h2>
        <Loaded
            resource=faq
            skeleton=SkeletonShape::NewsList
            view=|faq| view! { <TopQuestions faq count=TOP_QUESTIONS/> }
        />
        <ul class="shortcuts">
            <li>
                <a href=faq_href>{move || i18n.t().faq_title}</a>
            </li>
            <li>
                <a href=helplines_href>{move || i18n.t().helplines_title}</a>
            </li>
            <li>
                <a href=agencies_href>{move || i18n.t().agencies_title}</a>
            </li>
        </ul>
    }
}
