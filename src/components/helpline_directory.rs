//! The helpline directory: bodies grouped by kind, each with what it is for and its numbers
//! as `tel:` links, filtered by words of its name, description and topics ("police",
//! "ambulance") or by digits of a number ("1 00" finds "+998 71 100 …"), and by kind.
//! Each entry has its id, so `/{lang}/helplines/#{id}` lands on it. The kind chosen is kept in
//! the address as `?kind=`, as the words typed are as `?q=` (`FilterField`).

use super::{
    param_in_address, put_param_in_address, use_entry_target, Contacts, FilterField, Highlighted,
    SampleTag,
};
use crate::api::{Helpline, Helplines};
use crate::i18n::use_i18n;
use crate::text_match::{digits, matches_all, query_words};
use leptos::prelude::*;

/// What the reader typed: digits alone search numbers, anything with letters searches the
/// name, the description and the topics (every word in one of them).
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
            Query::Words(w) => matches_all(searched_texts(h), w),
        }
    }

    fn words(&self) -> Vec<Vec<char>> {
        match self {
            Query::Words(w) => w.clone(),
            _ => Vec::new(),
        }
    }
}

/// The texts a word may be found in: name, description, topics.
fn searched_texts(h: &Helpline) -> impl Iterator<Item = &str> + Clone {
    std::iter::once(h.name.as_str())
        .chain(h.about.as_deref())
        .chain(h.topics.iter().map(String::as_str))
}

#[component]
pub fn HelplineDirectory(helplines: Helplines) -> impl IntoView {
    let i18n = use_i18n();
    let raw = RwSignal::new(String::new());
    let group = RwSignal::new(String::new());
    let query = Memo::new(move |_| Query::parse(&raw.read()));
    let words = Signal::derive(move || query.read().words());
    let groups = StoredValue::new(helplines.groups.clone());
    let target = use_entry_target();
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

    // The kind: chosen in the prerendered select before the app came, else the address's
    // `?kind=` (a shared link, Back); read after the mount, as `FilterField` does. Then every
    // choice goes to the address (not on the first run, which would drop `?kind=` unread).
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move || {
        let Some(select) = select.get() else { return };
        let chosen = Some(select.value()).filter(|k| !k.is_empty());
        let start = chosen.or_else(|| param_in_address("kind"));
        if let Some(kind) = start.filter(|k| groups.with_value(|gs| gs.iter().any(|g| g.id == *k)))
        {
            if kind != group.get_untracked() {
                group.set(kind);
            }
        }
    });
    Effect::new(move |seen: Option<()>| {
        let now = group.get();
        if seen.is_some() {
            put_param_in_address("kind", &now);
        }
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
                    view! { <HelplineEntry helpline=h words hidden target/> }
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
                <FilterField
                    id="helpline-filter"
                    label=|t| t.helplines_filter_label
                    hint=|t| t.helplines_filter_hint
                    value=raw
                />
                <div class="field">
                    <label for="helpline-group">{move || i18n.t().groups_label}</label>
                    <select
                        id="helpline-group"
                        class="input"
                        node_ref=select
                        prop:value=move || group.get()
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
fn HelplineEntry<H>(
    helpline: Helpline,
    words: Signal<Vec<Vec<char>>>,
    hidden: H,
    /// The id the address's fragment names: this entry is marked when it is its own.
    target: ReadSignal<String>,
) -> impl IntoView
where
    H: Fn() -> bool + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let id = helpline.id.clone();
    let is_target = move || target.with(|t| *t == id);
    let topics = (!helpline.topics.is_empty()).then(|| {
        let topics = helpline.topics.join(", ");
        view! {
            <p class="helpline__topics">
                <span class="helpline__topics-label">{move || i18n.t().topics_label}</span>
                " "
                <Highlighted text=topics words/>
            </p>
        }
    });
    view! {
        <li id=helpline.id class="helpline" class:helpline--target=is_target hidden=hidden>
            <h3 class="helpline__name">
                <Highlighted text=helpline.name words/>
                {helpline.sample.then(|| view! { " " <SampleTag/> })}
            </h3>
            {helpline.about.map(|about| view! {
                <p class="helpline__about"><Highlighted text=about words/></p>
            })}
            {topics}
            <dl class="helpline__details">
                {helpline.short_number.map(|n| view! {
                    <dt>{move || i18n.t().short_number}</dt>
                    <dd><a href=format!("tel:{n}")>{n.clone()}</a></dd>
                })}
                {helpline.hours.map(|h| view! { <dt>{move || i18n.t().hours}</dt><dd>{h}</dd> })}
                <Contacts block="helpline" phones=helpline.phones email=helpline.email website=helpline.website/>
            </dl>
        </li>
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::components::contacts::display_phone;
    use crate::i18n::Lang;

    fn helpline(phones: &[&str], short: Option<&str>) -> Helpline {
        Helpline {
            id: "x".into(),
            name: "Ministry of Health".into(),
            about: Some("Emergency medical help, ambulance, hospitals".into()),
            topics: vec!["doctor".into(), "first aid".into()],
            short_number: short.map(Into::into),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            hours: None,
            email: None,
            website: None,
            sample: true,
        }
    }

    /// The examples of a filter's hint (after its last ": ", separated by ", ").
    pub(crate) fn hint_examples(hint: &str) -> Vec<&str> {
        let (_, examples) = hint.rsplit_once(": ").expect("a hint ends with examples");
        examples.split(", ").collect()
    }

    /// The embedded API's file of a language, as the app would get it.
    pub(crate) fn embedded<T: serde::de::DeserializeOwned>(lang: Lang, file: &str) -> T {
        let path = format!(
            "{}/public/api/v1/{}/{file}",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    #[test]
    fn every_example_of_the_hint_finds_a_helpline_in_every_language() {
        for lang in Lang::ALL {
            let helplines: Helplines = embedded(lang, "helplines.json");
            let examples = hint_examples(lang.texts().helplines_filter_hint);
            assert!(examples.len() >= 3, "{lang:?}");
            for example in examples {
                let query = Query::parse(example);
                let found = helplines
                    .groups
                    .iter()
                    .flat_map(|g| &g.entries)
                    .filter(|h| query.matches(h))
                    .count();
                assert!(found >= 1, "{lang:?}: `{example}` finds no helpline");
            }
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
        // What the line is for, and the words readers type for it, find it too; every
        // word must be found, each in any of the texts.
        assert!(Query::parse("ambulance").matches(&h));
        assert!(Query::parse("DOCTOR").matches(&h));
        assert!(Query::parse("first aid").matches(&h));
        assert!(Query::parse("ministry doctor").matches(&h));
        assert!(!Query::parse("doctor police").matches(&h));
        assert!(Query::parse("  ").matches(&h));
    }
}
