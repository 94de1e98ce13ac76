//! The helpline directory: bodies grouped by kind, each with its numbers as `tel:` links,
//! filtered by name or by digits of a number ("1 00" finds "+998 71 100 …"), and by kind.

use super::{Contacts, FilterField, Highlighted, SampleTag};
use crate::api::{Helpline, Helplines};
use crate::i18n::use_i18n;
use crate::text_match::{digits, matches_all, query_words};
use leptos::prelude::*;

/// What the reader typed: digits alone search numbers, anything with letters searches names.
#[derive(Clone, Debug, PartialEq)]
enum Query {
    All,
    Digits(String),
    Words(Vec<Vec<char>>),
}

impl Query {
    fn parse(raw: &str) -> Self {
        let raw = raw.trim();
        if raw.is_empty() {
            Query::All
        } else if raw
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            Query::Digits(digits(raw))
        } else {
            Query::Words(query_words(raw))
        }
    }

    fn matches(&self, h: &Helpline) -> bool {
        match self {
            Query::All => true,
            Query::Digits(d) => h
                .phones
                .iter()
                .chain(&h.short_number)
                .any(|p| digits(p).contains(d.as_str())),
            Query::Words(w) => matches_all([h.name.as_str()], w),
        }
    }

    fn words(&self) -> Vec<Vec<char>> {
        match self {
            Query::Words(w) => w.clone(),
            _ => Vec::new(),
        }
    }
}

#[component]
pub fn HelplineDirectory(helplines: Helplines) -> impl IntoView {
    let i18n = use_i18n();
    let raw = RwSignal::new(String::new());
    let group = RwSignal::new(String::new());
    let query = Memo::new(move |_| Query::parse(&raw.read()));
    let words = Signal::derive(move || query.read().words());
    let groups = StoredValue::new(helplines.groups.clone());
    let shows = move |group_id: &str, h: &Helpline| {
        let g = group.read();
        (g.is_empty() || *g == group_id) && query.read().matches(h)
    };
    let count = Memo::new(move |_| {
        groups.with_value(|gs| {
            gs.iter()
                .map(|g| g.entries.iter().filter(|h| shows(&g.id, h)).count())
                .sum::<usize>() as u32
        })
    });

    let options = helplines
        .groups
        .iter()
        .map(|g| view! { <option value=g.id.clone()>{g.name.clone()}</option> })
        .collect_view();
    let sections = helplines
        .groups
        .into_iter()
        .map(|g| {
            let group_id = g.id.clone();
            let entries_for_visibility = g.entries.clone();
            let visible = move || entries_for_visibility.iter().any(|h| shows(&group_id, h));
            let labelled_by = format!("group-{}", g.id);
            let heading_id = labelled_by.clone();
            let entries = g
                .entries
                .into_iter()
                .map(|h| {
                    let gid = g.id.clone();
                    let entry = h.clone();
                    let hidden = move || !shows(&gid, &entry);
                    view! { <HelplineEntry helpline=h words hidden/> }
                })
                .collect_view();
            view! {
                <section class="helplines__group" aria-labelledby=labelled_by hidden=move || !visible()>
                    <h2 id=heading_id>{g.name}</h2>
                    <ul class="helplines__list">{entries}</ul>
                </section>
            }
        })
        .collect_view();

    view! {
        <div class="helplines">
            <div class="helplines__tools">
                <FilterField id="helpline-filter" label=|t| t.helplines_filter_label value=raw/>
                <div class="field">
                    <label for="helpline-group">{move || i18n.t().groups_label}</label>
                    <select
                        id="helpline-group"
                        class="input"
                        on:change=move |ev| group.set(event_target_value(&ev))
                    >
                        <option value="">{move || i18n.t().all_groups}</option>
                        {options}
                    </select>
                </div>
            </div>
            <p class="helplines__count" role="status" aria-live="polite">
                {move || (i18n.t().helpline_count)(count.get())}
            </p>
            <p class="message" hidden=move || count.get() != 0>
                {move || i18n.t().no_helplines_match}
            </p>
            {sections}
        </div>
    }
}

#[component]
fn HelplineEntry<H>(helpline: Helpline, words: Signal<Vec<Vec<char>>>, hidden: H) -> impl IntoView
where
    H: Fn() -> bool + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <li class="helpline" hidden=hidden>
            <h3 class="helpline__name">
                <Highlighted text=helpline.name words/>
                {helpline.sample.then(|| view! { " " <SampleTag/> })}
            </h3>
            <dl class="helpline__details">
                {helpline.short_number.map(|n| view! {
                    <dt>{move || i18n.t().short_number}</dt>
                    <dd><a href=format!("tel:{n}")>{n.clone()}</a></dd>
                })}
                {helpline.hours.map(|h| view! { <dt>{move || i18n.t().hours}</dt><dd>{h}</dd> })}
                <Contacts phones=helpline.phones email=helpline.email website=helpline.website/>
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::contacts::display_phone;

    fn helpline(phones: &[&str], short: Option<&str>) -> Helpline {
        Helpline {
            id: "x".into(),
            name: "Ministry of Health".into(),
            short_number: short.map(Into::into),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            hours: None,
            email: None,
            website: None,
            sample: true,
        }
    }

    #[test]
    fn formats_uzbek_numbers() {
        assert_eq!(display_phone("+998710000000"), "+998 71 000 00 00");
        assert_eq!(display_phone("+998000120034"), "+998 00 012 00 34");
        assert_eq!(display_phone("+44207"), "+44207");
    }

    #[test]
    fn digits_search_numbers_and_words_search_names() {
        let h = helpline(&["+998711000000"], Some("0012"));
        assert!(Query::parse("1 00").matches(&h));
        assert!(Query::parse("+998 71").matches(&h));
        assert!(Query::parse("0012").matches(&h));
        assert!(!Query::parse("555").matches(&h));
        assert!(Query::parse("health").matches(&h));
        assert!(!Query::parse("tax").matches(&h));
        assert!(Query::parse("  ").matches(&h));
    }
}
