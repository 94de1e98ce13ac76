//! The list of government agencies: what each does, filter by words of its name,
//! description, topics or address, sort by name, contacts as links. Each entry has its id,
//! so `/{lang}/agencies/#{id}` lands on it.

use super::{use_entry_target, Contacts, FilterField, Highlighted, SampleTag};
use crate::api::{Agencies, Agency};
use crate::i18n::use_i18n;
use crate::text_match::{fold, matches_all, query_words};
use leptos::prelude::*;

/// Order of names as readers expect it: case, diacritics and apostrophes aside.
fn name_key(name: &str) -> String {
    name.chars().map(fold).collect()
}

/// Whether every word is found in the agency's name, description, topics or address.
fn agency_matches(a: &Agency, words: &[Vec<char>]) -> bool {
    let texts = [a.name.as_str(), a.address.as_str()]
        .into_iter()
        .chain(a.about.as_deref())
        .chain(a.topics.iter().map(String::as_str));
    matches_all(texts, words)
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
                .filter(|a| agency_matches(a, &words))
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
    let target = use_entry_target();

    view! {
        <div class="agencies">
            <div class="agencies__tools">
                <FilterField
                    id="agency-filter"
                    label=|t| t.agencies_filter_label
                    hint=|t| t.agencies_filter_hint
                    value=query
                />
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
            <p class="agencies__count" role="status" aria-live="polite">
                {move || (i18n.t().agency_count)(shown.read().len() as u32)}
            </p>
            <p class="message" hidden=move || !shown.read().is_empty()>
                {move || i18n.t().no_agencies_match}
            </p>
            <ul class="agencies__list">
                <For each=move || shown.get() key=|a| a.id.clone() let(agency)>
                    <AgencyEntry agency words target/>
                </For>
            </ul>
        </div>
    }
}

#[component]
fn AgencyEntry(
    agency: Agency,
    words: Signal<Vec<Vec<char>>>,
    /// The id the address's fragment names: this entry is marked when it is its own.
    target: ReadSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = agency.id.clone();
    let is_target = move || target.with(|t| *t == id);
    let topics = (!agency.topics.is_empty()).then(|| {
        let topics = agency.topics.join(", ");
        view! {
            <p class="agency__topics">
                <span class="agency__topics-label">{move || i18n.t().topics_label}</span>
                " "
                <Highlighted text=topics words/>
            </p>
        }
    });
    view! {
        <li id=agency.id class="agency" class:agency--target=is_target>
            <h2 class="agency__name">
                <Highlighted text=agency.name words/>
                {agency.sample.then(|| view! { " " <SampleTag/> })}
            </h2>
            {agency.about.map(|about| view! {
                <p class="agency__about"><Highlighted text=about words/></p>
            })}
            {topics}
            <dl class="agency__details">
                <dt>{move || i18n.t().address}</dt>
                <dd><Highlighted text=agency.address words/></dd>
                <Contacts block="agency" phones=agency.phones email=agency.email website=agency.website/>
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::helpline_directory::tests::{embedded, hint_examples};
    use crate::i18n::Lang;

    #[test]
    fn every_example_of_the_hint_finds_an_agency_in_every_language() {
        for lang in Lang::ALL {
            let agencies: Agencies = embedded(lang, "agencies.json");
            let examples = hint_examples(lang.texts().agencies_filter_hint);
            assert!(examples.len() >= 3, "{lang:?}");
            for example in examples {
                let words = query_words(example);
                let found = agencies
                    .agencies
                    .iter()
                    .filter(|a| agency_matches(a, &words))
                    .count();
                assert!(found >= 1, "{lang:?}: `{example}` finds no agency");
            }
        }
    }

    #[test]
    fn words_are_found_in_what_the_agency_does() {
        let a = Agency {
            id: "tax-committee".into(),
            name: "State Tax Committee".into(),
            about: Some("Taxes, taxpayer number (TIN), tax debts".into()),
            topics: vec!["declaration".into(), "self-employed".into()],
            address: "Sample: 15 Shakhrisabz Street, Tashkent".into(),
            phones: vec![],
            email: None,
            website: None,
            sample: true,
        };
        let finds = |q: &str| agency_matches(&a, &query_words(q));
        assert!(finds("tax"));
        assert!(finds("tax debt"));
        assert!(finds("Declaration"));
        assert!(finds("self-employed shakhrisabz"));
        assert!(!finds("customs"));
        assert!(!finds("tax customs"));
    }
}
