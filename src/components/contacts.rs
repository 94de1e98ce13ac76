//! The contact lines of a helpline or an agency inside its `<dl>`: phones as `tel:` links,
//! e-mail as `mailto:`, website as a link only when it is a web address.

use crate::i18n::use_i18n;
use crate::text_match::digits;
use leptos::prelude::*;

/// `+998710000000` → `+998 71 000 00 00`; other numbers as they are.
pub fn display_phone(e164: &str) -> String {
    let d = digits(e164);
    if e164.starts_with("+998") && d.len() == 12 {
        format!(
            "+998 {} {} {} {}",
            &d[3..5],
            &d[5..8],
            &d[8..10],
            &d[10..12]
        )
    } else {
        e164.to_string()
    }
}

#[component]
pub fn Contacts(
    /// The CSS block of the list it is in (`helpline`, `agency`): the phones' list is
    /// `{block}__phones`, styled by that list's stylesheet.
    block: &'static str,
    phones: Vec<String>,
    email: Option<String>,
    website: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let phones = phones
        .into_iter()
        .map(|p| view! { <li><a href=format!("tel:{p}")>{display_phone(&p)}</a></li> })
        .collect_view();
    // Only web addresses become links: a `javascript:` one in content is dropped.
    let website = website.filter(|w| w.starts_with("https://") || w.starts_with("http://"));
    view! {
        <dt>{move || i18n.t().phone}</dt>
        <dd><ul class=format!("{block}__phones")>{phones}</ul></dd>
        {email.map(|e| view! {
            <dt>{move || i18n.t().email}</dt>
            <dd><a href=format!("mailto:{e}")>{e.clone()}</a></dd>
        })}
        {website.map(|w| view! {
            <dt>{move || i18n.t().website}</dt>
            <dd><a href=w.clone() rel="noopener">{w.clone()}</a></dd>
        })}
    }
}
