//! `/{lang}/search/?q=…&kind=…&year=…&page=N`: search over news, FAQ, helplines, agencies
//! and static pages, ranked by relevance, through the search index's files (only what the
//! query needs is downloaded). Filters by kind and year are links, so they live in the
//! address, work with the keyboard and read as a list of choices with their counts.

use crate::api::search;
use crate::components::{
    content_lang, Breadcrumbs, Marked, Message, Pagination, PublishedDate, SearchForm,
    SkeletonShape, MAX_QUERY_CHARS,
};
use crate::config::use_config;
use crate::i18n::{use_i18n, Lang, Texts};
use crate::links;
use crate::runtime::{resource, Loaded};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use portal_api::search::query::{Query, Results};
use portal_api::search::DocKind;

/// What the address asks for, or why it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Asked {
    Query(Query),
    BadKind,
    BadYear,
    BadPage,
}

/// The earliest and latest year a filter may name.
const YEARS: std::ops::RangeInclusive<u16> = 1991..=2100;

/// Reads `?q=`, `?kind=`, `?year=` and `?page=`; an empty `kind` or `year` is no filter.
fn asked(q: String, kind: Option<&str>, year: Option<&str>, page: Option<&str>) -> Asked {
    let kind = match kind {
        None | Some("") => None,
        Some(k) => match DocKind::from_slug(k) {
            Some(k) => Some(k),
            None => return Asked::BadKind,
        },
    };
    let year = match year {
        None | Some("") => None,
        Some(y) => match y.parse::<u16>().ok().filter(|y| YEARS.contains(y)) {
            Some(y) => Some(y),
            None => return Asked::BadYear,
        },
    };
    match links::parse_page(page) {
        Some(page) => Asked::Query(Query {
            text: q,
            kind,
            year,
            page,
        }),
        None => Asked::BadPage,
    }
}

/// The address of the search page for `query` (`page` 1 and no filter left out).
fn href(lang: Lang, query: &Query) -> String {
    let mut path = format!(
        "{}?q={}",
        links::section(lang, "search"),
        links::encode_component(&query.text)
    );
    if let Some(k) = query.kind {
        path.push_str(&format!("&kind={}", k.slug()));
    }
    if let Some(y) = query.year {
        path.push_str(&format!("&year={y}"));
    }
    if query.page > 1 {
        path.push_str(&format!("&page={}", query.page));
    }
    path
}

fn kind_name(t: &Texts, kind: DocKind) -> &'static str {
    match kind {
        DocKind::News => t.kind_news,
        DocKind::Faq => t.kind_faq,
        DocKind::Helpline => t.kind_helpline,
        DocKind::Agency => t.kind_agency,
        DocKind::Page => t.kind_page,
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        let map = query.read();
        let q: String = map
            .get("q")
            .unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect();
        asked(
            q,
            map.get_str("kind"),
            map.get_str("year"),
            map.get_str("page"),
        )
    });
    let q = Memo::new(move |_| match asked.get() {
        Asked::Query(q) => q.text,
        _ => query.read().get("q").unwrap_or_default(),
    });
    let results = resource(
        move || (i18n.lang(), asked.get()),
        |(lang, asked)| {
            let query = match asked {
                Asked::Query(q) => q,
                _ => Query::default(),
            };
            search(lang, query)
        },
    );
    let title = move || {
        let t = i18n.t();
        match q.get() {
            q if q.is_empty() => t.search_title.to_string(),
            q => (t.search_results_for)(&q),
        }
    };
    view! {
        <Title text=title/>
        <Meta name="description" content=move || i18n.t().footer_about/>
        <Breadcrumbs current=Signal::derive(move || i18n.t().search_title.to_string())/>
        <h1>{title}</h1>
        <SearchForm id="search-page" value=q large=true/>
        {move || {
            let t = i18n.t();
            let problem = match asked.get() {
                Asked::BadKind => Some(t.bad_kind),
                Asked::BadYear => Some(t.bad_year),
                Asked::BadPage => Some(t.bad_page_number),
                Asked::Query(q) if q.text.is_empty() => Some(t.search_prompt),
                Asked::Query(_) => None,
            };
            match (problem, asked.get()) {
                (Some(text), _) => view! { <Message text=text.to_string()/> }.into_any(),
                (None, Asked::Query(query)) => {
                    view! {
                        <Loaded
                            resource=results
                            skeleton=SkeletonShape::NewsList
                            view=move |results| view! { <ResultsView results query=query.clone()/> }
                        />
                    }
                    .into_any()
                }
                (None, _) => ().into_any(),
            }
        }}
    }
}

#[component]
fn ResultsView(results: Results, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let lang = i18n.lang();
    if results.total == 0 && !results.elsewhere.is_empty() {
        return view! { <Elsewhere results query/> }.into_any();
    }
    let filters = view! { <Filters results=results.clone() query=query.clone()/> };
    if results.total == 0 || results.results.is_empty() {
        let text = if results.total == 0 {
            t.no_results
        } else {
            t.no_such_page
        };
        return view! { {filters} <Message text=text.to_string()/> }.into_any();
    }
    let items = results
        .results
        .into_iter()
        .map(|found| view! { <ResultItem found/> })
        .collect_view();
    let config = use_config();
    let page_href = move |n| {
        config.href(&href(
            lang,
            &Query {
                page: n,
                ..query.clone()
            },
        ))
    };
    view! {
        {filters}
        <p class="feed__count" role="status">{(t.result_count)(results.total)}</p>
        <ol class="search-results">{items}</ol>
        <Pagination current=results.page total=results.total_pages href=page_href/>
    }
    .into_any()
}

/// One result: kind and date, the linked title and the snippet, matched words marked.
#[component]
fn ResultItem(found: portal_api::search::query::Found) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let doc = found.doc;
    let kind = kind_name(i18n.t(), doc.kind);
    let text_lang = doc.lang.as_deref().map(content_lang);
    let href = config.href(&format!("/{}", doc.route));
    view! {
        <li class="search-result">
            <p class="search-result__meta">
                {kind}
                {doc.date.map(|d| view! { " · " <PublishedDate date=d/> })}
            </p>
            <h2 class="search-result__title" lang=text_lang.clone()>
                <a href=href><Marked pieces=found.title/></a>
            </h2>
            <p class="search-result__snippet" lang=text_lang>
                <Marked pieces=found.snippet/>
            </p>
        </li>
    }
}

/// The filters by kind and year: one list of links each, the current choice marked
/// `aria-current`, each with its count.
#[component]
fn Filters(results: Results, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let t = i18n.t();
    let lang = i18n.lang();
    if results.kinds.is_empty() && results.years.is_empty() {
        return ().into_any();
    }
    let link = move |label: String, count: Option<u32>, to: Query, current: bool| {
        let href = config.href(&href(lang, &to));
        view! {
            <li class="search-filters__item">
                <a
                    class="search-filters__link"
                    href=href
                    aria-current=current.then_some("true")
                >
                    {label}
                    {count.map(|n| view! { " " <span class="search-filters__count">{format!("({n})")}</span> })}
                </a>
            </li>
        }
    };
    let base = Query {
        page: 1,
        ..query.clone()
    };
    let all_kinds: u32 = results.kinds.iter().map(|k| k.1).sum();
    let mut kinds = vec![link(
        t.filter_any_kind.to_string(),
        Some(all_kinds),
        Query {
            kind: None,
            ..base.clone()
        },
        query.kind.is_none(),
    )];
    for (kind, n) in &results.kinds {
        kinds.push(link(
            kind_name(t, *kind).to_string(),
            Some(*n),
            Query {
                kind: Some(*kind),
                ..base.clone()
            },
            query.kind == Some(*kind),
        ));
    }
    let years = (!results.years.is_empty()).then(|| {
        let mut items = vec![link(
            t.filter_any_year.to_string(),
            None,
            Query {
                year: None,
                ..base.clone()
            },
            query.year.is_none(),
        )];
        for (year, n) in &results.years {
            items.push(link(
                year.to_string(),
                Some(*n),
                Query {
                    year: Some(*year),
                    ..base.clone()
                },
                query.year == Some(*year),
            ));
        }
        view! {
            <div class="search-filters__group">
                <h2 class="search-filters__heading" id="search-filter-year">{t.filter_year}</h2>
                <ul class="search-filters__list" aria-labelledby="search-filter-year">{items}</ul>
            </div>
        }
    });
    view! {
        <nav class="search-filters" aria-label=t.search_filters_label>
            <div class="search-filters__group">
                <h2 class="search-filters__heading" id="search-filter-kind">{t.filter_kind}</h2>
                <ul class="search-filters__list" aria-labelledby="search-filter-kind">{kinds}</ul>
            </div>
            {years}
        </nav>
    }
    .into_any()
}

/// Nothing in this language: how many each other language has, linked to the same query
/// there (without filters).
#[component]
fn Elsewhere(results: Results, query: Query) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let t = i18n.t();
    let there = Query {
        text: query.text,
        ..Query::default()
    };
    let items = results
        .elsewhere
        .into_iter()
        .filter_map(|(code, n)| Lang::from_code(&code).map(|l| (l, n)))
        .map(|(other, n)| {
            let href = config.href(&href(other, &there));
            view! {
                <li>
                    <a href=href hreflang=other.bcp47() lang=other.bcp47()>{other.native_name()}</a>
                    ": "
                    {(t.result_count)(n)}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="search-elsewhere" role="status">
            <p>{t.search_elsewhere}</p>
            <ul class="search-elsewhere__list">{items}</ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_read_or_refused_with_a_reason() {
        let q = |kind, year, page| asked("tax".into(), kind, year, page);
        assert_eq!(
            q(Some("faq"), Some("2017"), Some("2")),
            Asked::Query(Query {
                text: "tax".into(),
                kind: Some(DocKind::Faq),
                year: Some(2017),
                page: 2
            })
        );
        assert!(matches!(
            q(Some(""), Some(""), None),
            Asked::Query(Query {
                kind: None,
                year: None,
                page: 1,
                ..
            })
        ));
        assert_eq!(q(Some("xyz"), None, None), Asked::BadKind);
        assert_eq!(q(None, Some("abc"), None), Asked::BadYear);
        assert_eq!(q(None, Some("99999"), None), Asked::BadYear);
        assert_eq!(q(None, None, Some("0")), Asked::BadPage);
    }

    #[test]
    fn the_address_keeps_the_filters_in_order() {
        let query = Query {
            text: "soliq to'lash".into(),
            kind: Some(DocKind::Faq),
            year: Some(2017),
            page: 2,
        };
        assert_eq!(
            href(Lang::Oz, &query),
            "/oz/search/?q=soliq%20to'lash&kind=faq&year=2017&page=2"
        );
        assert_eq!(
            href(
                Lang::En,
                &Query {
                    text: "a".into(),
                    page: 1,
                    ..Query::default()
                }
            ),
            "/en/search/?q=a"
        );
    }
}
