//! A date as the reader's language writes it, machine-readable in `<time datetime>`.

use crate::api::Date;
use crate::i18n::{format_date, use_i18n};
use leptos::prelude::*;

#[component]
pub fn PublishedDate(date: Date) -> impl IntoView {
    let i18n = use_i18n();
    view! { <time datetime=date.to_string()>{move || format_date(i18n.lang(), date)}</time> }
}
