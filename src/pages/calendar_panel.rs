//! The news calendar with its data: the site's range of news and the month on show, loaded as
//! the reader turns the pages. Used by the home page and the news of one day.

use crate::api::{fetch_calendar_month, Date, Site};
use crate::calendar::Month;
use crate::components::NewsCalendar;
use crate::i18n::use_i18n;
use crate::runtime::resource;
use leptos::prelude::*;

#[component]
pub fn CalendarPanel(
    site: Site,
    /// The day to open on (default: the newest news).
    #[prop(optional)]
    day: Option<Date>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (Some(first), Some(last)) = (site.first_news, site.last_news) else {
        // No news at all: nothing to show in a calendar.
        return ().into_any();
    };
    let chosen = day;
    let day = day.unwrap_or(last).clamp(first, last);
    let shown = RwSignal::new(Month::of(day));
    let data = resource(
        move || (i18n.lang(), shown.get()),
        |(lang, m)| fetch_calendar_month(lang, (m.year, m.month)),
    );
    view! { <NewsCalendar first last day chosen shown data/> }.into_any()
}
