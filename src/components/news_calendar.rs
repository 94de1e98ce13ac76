//! The news calendar: a month grid, Monday first, whose days with news link to that day's news.
//!
//! Keyboard as the WAI-ARIA date grid: one day is in the tab order; arrows move by day and
//! week, Home/End to the ends of the week, PageUp/PageDown by month (Shift: by year), Enter
//! opens the day's news. Moving past the month's edge turns the page, and focus follows the
//! day, so it is never lost.

use crate::api::{ApiError, CalendarMonth, Date};
use crate::calendar::{moved, weeks, Month};
use crate::config::use_config;
use crate::i18n::{format_date, use_i18n};
use crate::links;
use crate::runtime::Awaited;
use leptos::html::Table;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

#[component]
pub fn NewsCalendar(
    /// The oldest and newest days with news: the calendar does not go past their months.
    first: Date,
    last: Date,
    /// The day in the tab order at first.
    day: Date,
    /// The day whose news the page shows, marked as the current page.
    #[prop(default = None)]
    chosen: Option<Date>,
    /// The month on show (at first, `day`'s); the page loads its `data`.
    shown: RwSignal<Month>,
    data: Resource<Result<CalendarMonth, ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let (first_month, last_month) = (Month::of(first), Month::of(last));
    let focused = RwSignal::new(day);
    // The reader's clock, read after the first render (prerendered HTML cannot know it).
    let today = RwSignal::new(None::<Date>);
    Effect::new(move || today.set(browser_today()));
    let grid = NodeRef::<Table>::new();

    let show = move |day: Date, take_focus: bool| {
        let day = day.clamp(first_month.day(1), last_month.day(31));
        focused.set(day);
        if Month::of(day) != shown.get_untracked() {
            shown.set(Month::of(day));
        }
        if take_focus {
            // After the grid has the day's cell (a new month renders new cells).
            let _ = request_animation_frame(move || focus_day(grid, day));
        }
    };
    let turn = move |forward: bool| {
        let month = shown.get_untracked();
        let target = if forward {
            month.next()
        } else {
            month.previous()
        };
        if (first_month..=last_month).contains(&target) {
            show(target.day(focused.get_untracked().day()), false);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key == "Enter" || key == " " {
            if let Some(link) = day_link(grid, focused.get_untracked()) {
                ev.prevent_default();
                link.click();
            }
            return;
        }
        if let Some(day) = moved(focused.get_untracked(), &key, ev.shift_key()) {
            ev.prevent_default();
            show(day, true);
        }
    };

    let news_on = move |day: Date| -> Option<u32> {
        let month = data.get()?.ok()?;
        let entry = month.days.iter().find(|d| d.date == day)?;
        Some(entry.items.len() as u32)
    };
    let cell = move |day: Option<Date>| {
        let Some(day) = day else {
            return view! { <td class="calendar__pad"></td> }.into_any();
        };
        let config = config.clone();
        let content = move || {
            let lang = i18n.lang();
            let full = format_date(lang, day);
            match news_on(day) {
                Some(n) => {
                    let label = format!("{full}: {}", (i18n.t().news_count)(n));
                    let href = config.href(&links::news_on(lang, day));
                    let current = (chosen == Some(day)).then_some("page");
                    view! { <a href=href tabindex="-1" aria-label=label aria-current=current>{day.day()}</a> }
                        .into_any()
                }
                None => view! {
                    <span aria-hidden="true">{day.day()}</span>
                    <span class="visually-hidden">{full}</span>
                }
                .into_any(),
            }
        };
        view! {
            <td
                class="calendar__day"
                class:calendar__day--news=move || news_on(day).is_some()
                class:calendar__day--chosen=chosen == Some(day)
                tabindex=move || if focused.get() == day { "0" } else { "-1" }
                data-date=day.to_string()
                aria-current=move || (today.get() == Some(day)).then_some("date")
                on:click=move |_| focused.set(day)
            >
                {content}
            </td>
        }
        .into_any()
    };
    let body = move || {
        weeks(shown.get())
            .into_iter()
            .map(|week| view! { <tr>{week.into_iter().map(cell.clone()).collect_view()}</tr> })
            .collect_view()
    };
    let title = move || {
        let m = shown.get();
        format!(
            "{} {}",
            i18n.t().months_standalone[usize::from(m.month - 1)],
            m.year
        )
    };
    let weekdays = move || {
        let t = i18n.t();
        (0..7)
            .map(|i| {
                view! {
                    <th scope="col">
                        <span aria-hidden="true">{t.weekdays_short[i]}</span>
                        <span class="visually-hidden">{t.weekdays[i]}</span>
                    </th>
                }
            })
            .collect_view()
    };
    // "Previous month" / "Next month": disabled past the news, but kept focusable.
    let turn_button = move |forward: bool| {
        let label = move || {
            let t = i18n.t();
            if forward {
                t.next_month
            } else {
                t.previous_month
            }
        };
        let disabled = move || {
            let edge = if forward { last_month } else { first_month };
            shown.get() == edge
        };
        view! {
            <button
                type="button"
                class="calendar__turn"
                aria-label=label
                aria-disabled=move || disabled().to_string()
                on:click=move |_| turn(forward)
            >
                <span aria-hidden="true">{if forward { "›" } else { "‹" }}</span>
            </button>
        }
    };

    // The month's grid, once its days with news are there.
    let table = move || {
        let table = view! {
            <table
                role="grid"
                class="calendar__grid"
                aria-labelledby="calendar-title calendar-month"
                node_ref=grid
                on:keydown=on_key
            >
                <thead>
                    <tr>{weekdays}</tr>
                </thead>
                <tbody>{body.clone()}</tbody>
            </table>
        };
        Some(table.into_any())
    };

    view! {
        <div class="calendar">
            <h2 id="calendar-title" class="calendar__heading">{move || i18n.t().calendar_label}</h2>
            <div class="calendar__header">
                {turn_button(false)}
                <p id="calendar-month" class="calendar__title" aria-live="polite">{title}</p>
                {turn_button(true)}
            </div>
            <Awaited content=table/>
        </div>
    }
}

fn day_cell(grid: NodeRef<Table>, day: Date) -> Option<web_sys::HtmlElement> {
    let selector = format!("[data-date=\"{day}\"]");
    grid.get_untracked()?
        .query_selector(&selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

fn day_link(grid: NodeRef<Table>, day: Date) -> Option<web_sys::HtmlElement> {
    day_cell(grid, day)?
        .query_selector("a")
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

fn focus_day(grid: NodeRef<Table>, day: Date) {
    if let Some(cell) = day_cell(grid, day) {
        let _ = cell.focus();
    }
}

#[cfg(target_arch = "wasm32")]
fn browser_today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn browser_today() -> Option<Date> {
    None
}
