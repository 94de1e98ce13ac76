//! A list of news summaries: date, category, title (the link) and lead.

use super::{content_lang, PublishedDate, SampleTag, TranslationNotice};
use crate::api::NewsSummary;
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use leptos::prelude::*;

#[component]
pub fn NewsList(
    items: Vec<NewsSummary>,
    /// Heading level of the titles, to keep the page's outline in order.
    #[prop(default = 2)]
    heading: u8,
    /// Leave the leads out (compact lists such as "More in this category").
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let items = items
        .into_iter()
        .map(|item| {
            let href = config.href(&links::article(i18n.lang(), item.id));
            let category_href =
                config.href(&links::news(i18n.lang(), Some(&item.category.slug), 1));
            let text_lang = item.lang.as_deref().map(content_lang);
            let title = view! { <a href=href lang=text_lang.clone()>{item.title}</a> };
            let title = if heading == 3 {
                view! { <h3 class="news-item__title">{title}</h3> }.into_any()
            } else {
                view! { <h2 class="news-item__title">{title}</h2> }.into_any()
            };
            view! {
                <li class="news-item">
                    <p class="news-item__meta">
                        <PublishedDate date=item.date/>
                        " · "
                        <a href=category_href>{item.category.name}</a>
                        {item.sample.then(|| view! { " " <SampleTag/> })}
                    </p>
                    {item.lang.map(|lang| view! { <p class="news-item__notice"><TranslationNotice lang/></p> })}
                    {title}
                    {(!compact).then(|| view! { <p class="news-item__lead" lang=text_lang>{item.lead}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="news-list">{items}</ul> }
}
