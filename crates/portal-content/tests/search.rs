//! The committed search index answers queries as the app will make them: fold and split
//! the query, fetch the shard of each word, intersect, fetch the chunks of the results.

use portal_api::paths;
use portal_api::search::{self, SearchDoc, SearchDocs, SearchIndex, SearchShard};
use serde::de::DeserializeOwned;
use std::fs;
use std::path::{Path, PathBuf};

fn api_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/api/v1")
}

fn get<T: DeserializeOwned>(rel: &str) -> T {
    let text = fs::read_to_string(api_root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The documents matching every word of `query` (the last word as a prefix when
/// `typing`), in ranking order (ascending refs), as the app finds them.
fn query(lang: &str, query: &str, typing: bool) -> Vec<SearchDoc> {
    let index: SearchIndex = get(&paths::search_index(lang));
    let words: Vec<String> = search::tokens(query).collect();
    let mut lists = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let shard = search::shard_of(word);
        if index.shards.binary_search(&shard).is_err() {
            return Vec::new();
        }
        let shard: SearchShard = get(&paths::search_shard(lang, &shard));
        let list = if typing && i + 1 == words.len() {
            let mut all: Vec<u32> = shard.with_prefix(word).flat_map(|(_, refs)| refs).collect();
            all.sort_unstable();
            all.dedup();
            all
        } else {
            shard.refs(word).unwrap_or_default()
        };
        lists.push(list);
    }
    search::intersect(&lists)
        .into_iter()
        .map(|r| {
            let chunk: SearchDocs = get(&paths::search_docs(lang, search::chunk_of(r)));
            chunk.get(r).unwrap().clone()
        })
        .collect()
}

fn routes(docs: &[SearchDoc]) -> Vec<&str> {
    docs.iter().map(|d| d.route.as_str()).collect()
}

#[test]
fn a_word_of_the_seed_article_finds_it_in_every_language() {
    for lang in portal_api::LANGUAGES {
        let found = query(lang, "Kazakhstan", false);
        let route = format!("{lang}/news/1");
        assert!(
            routes(&found).contains(&route.as_str()),
            "{lang}: {:?}",
            routes(&found)
        );
        let seed = found.iter().find(|d| d.route == route).unwrap();
        assert!(seed.title.starts_with("Uzbekistan–Kazakhstan"));
        // The seed article is English only: marked as such in the other languages.
        assert_eq!(seed.lang.is_some(), lang != "en", "{lang}");
    }
}

#[test]
fn queries_fold_case_and_intersect_words() {
    let one = query("en", "KAZAKHSTAN", false);
    assert_eq!(routes(&one), routes(&query("en", "kazakhstan", false)));
    let both = query("en", "Uzbekistan Kazakhstan", false);
    assert!(routes(&both).contains(&"en/news/1"));
    assert!(both.len() <= one.len());
    assert!(query("en", "Kazakhstan zzzzunknownword", false).is_empty());
    // The word being typed matches as a prefix.
    assert!(routes(&query("en", "kazakh", true)).contains(&"en/news/1"));
    assert!(!routes(&query("en", "kazakh", false)).contains(&"en/news/1"));
}

#[test]
fn faq_helplines_and_agencies_are_found_and_come_first() {
    let found = query("en", "portal", false);
    let kinds: Vec<search::DocKind> = found.iter().map(|d| d.kind).collect();
    assert!(kinds.contains(&search::DocKind::Faq), "{kinds:?}");
    let health = query("en", "health", false);
    assert!(
        health.iter().any(|d| d.route == "en/helplines#health"),
        "{:?}",
        routes(&health)
    );
    let first_news = kinds.iter().position(|k| *k == search::DocKind::News);
    if let Some(n) = first_news {
        assert!(
            kinds[n..].iter().all(|k| *k == search::DocKind::News),
            "news last"
        );
    }
}

#[test]
fn uzbek_latin_apostrophes_match_whatever_the_variant() {
    // The oz sources are written with ʻ (U+02BB): "qoʻmitasi" (committee) names agencies
    // and helplines; a reader may type ' or ‘ or `, in any case.
    let typed = [
        "qoʻmitasi",
        "qo'mitasi",
        "QO‘MITASI",
        "qo`mitasi",
        "qoʼmitasi",
    ];
    let results: Vec<Vec<String>> = typed
        .iter()
        .map(|q| query("oz", q, false).into_iter().map(|d| d.route).collect())
        .collect();
    assert!(!results[0].is_empty(), "nothing found for {}", typed[0]);
    assert!(results.iter().all(|r| *r == results[0]), "{results:?}");
}
