//! The list of government agencies: filter by name or address, sort by name, contacts as links.

use super::{Contacts, FilterField, Highlighted, SampleTag};
use crate::api::{Agencies, Agency};
use crate::i18n::use_i18n;
use crate::text_match::{fold, matches_all, query_words};
use leptos::prelude::*;

/// Order of names as readers expect it: case, diacritics and apostrophes aside.
fn name_key(name: &str) -> String {
    name.chars().map(fold).collect()
}

#[component]
pub fn AgencyList(agencies: Agencies) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let descending = RwSignal::new(false);
    let words = Memo::new(move |_| query_words(&query.read()));
    let all = StoredValue::new(agencies.agencies);
    let shown = Memo::new(move |_| {
        let words = words.get();
        let mut list: Vec<Agency> = all.with_value(|a| {
            a.iter()
                .filter(|a| matches_all([a.name.as_str(), a.address.as_str()], &words))
                .cloned()
                .collect()
        });
        list.sort_by_cached_key(|a| name_key(&a.name));
        if descending.get() {
            list.reverse();
        }
        list
    });
    let words = Signal::from(words);

    view! {
        <div class="agencies">
            <div class="helplines__tools">
                <FilterField id="agency-filter" label=|t| t.agencies_filter_label value=query/>
                <div class="field">
                    <label for="agency-sort">{move || i18n.t().sort_label}</label>
                    <select
                        id="agency-sort"
                        class="input"
                        on:change=move |ev| descending.set(event_target_value(&ev) == "desc")
                    >
                        <option value="asc">{move || i18n.t().sort_a_z}</option>
                        <option value="desc">{move || i18n.t().sort_z_a}</option>
                    </select>
                </div>
            </div>
            <p class="helplines__count" role="status" aria-live="polite">
                {move || (i18n.t().agency_count)(shown.read().len() as u32)}
            </p>
            <p class="message" hidden=move || !shown.read().is_empty()>
                {move || i18n.t().no_agencies_match}
            </p>
            <ul class="helplines__list">
                <For each=move || shown.get() key=|a| a.id.clone() let(agency)>
                    <AgencyEntry agency words/>
                </For>
            </ul>
        </div>
    }
}

#[component]
fn AgencyEntry(agency: Agency, words: Signal<Vec<Vec<char>>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="helpline">
            <h2 class="helpline__name">
                <Highlighted text=agency.name words/>
                {agency.sample.then(|| view! { " " <SampleTag/> })}
            </h2>
            <dl class="helpline__details">
                <dt>{move || i18n.t().address}</dt>
                <dd><Highlighted text=agency.address words/></dd>
                <Contacts phones=agency.phones email=agency.email website=agency.website/>
            </dl>
        </li>
    }
}
