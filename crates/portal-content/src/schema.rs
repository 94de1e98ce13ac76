//! `portal-content schema <out dir>`: one JSON Schema per kind of API file, generated from
//! the contract types, for API producers that are not written in Rust.

use portal_api::schemars::{self, schema_for};
use portal_api::search::{SearchDocs, SearchIndex, SearchShard, SearchVocab};
use portal_api::{Agencies, Article, CalendarMonth, Faq, Helplines, NewsPage, Site, StaticPage};
use std::fs;
use std::path::Path;

/// Every kind of API file: `(file name, pretty JSON Schema)`, in the order of `docs/API.md`.
pub fn schemas() -> Vec<(&'static str, String)> {
    let pretty = |s: schemars::schema::RootSchema| {
        let mut text = serde_json::to_string_pretty(&s).expect("schemas always serialize");
        text.push('\n');
        text
    };
    vec![
        ("site.schema.json", pretty(schema_for!(Site))),
        ("news-page.schema.json", pretty(schema_for!(NewsPage))),
        ("article.schema.json", pretty(schema_for!(Article))),
        (
            "calendar-month.schema.json",
            pretty(schema_for!(CalendarMonth)),
        ),
        ("faq.schema.json", pretty(schema_for!(Faq))),
        ("helplines.schema.json", pretty(schema_for!(Helplines))),
        ("agencies.schema.json", pretty(schema_for!(Agencies))),
        ("static-page.schema.json", pretty(schema_for!(StaticPage))),
        ("search-index.schema.json", pretty(schema_for!(SearchIndex))),
        ("search-shard.schema.json", pretty(schema_for!(SearchShard))),
        ("search-vocab.schema.json", pretty(schema_for!(SearchVocab))),
        ("search-docs.schema.json", pretty(schema_for!(SearchDocs))),
    ]
}

/// Writes [`schemas`] into `out` (created if needed); the names written.
pub fn write(out: &Path) -> std::io::Result<Vec<&'static str>> {
    fs::create_dir_all(out)?;
    let mut names = Vec::new();
    for (name, text) in schemas() {
        fs::write(out.join(name), text)?;
        names.push(name);
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strings_with_a_pattern_and_blocks_are_tagged() {
        let all = schemas();
        let article = &all
            .iter()
            .find(|(n, _)| *n == "article.schema.json")
            .unwrap()
            .1;
        let v: serde_json::Value = serde_json::from_str(article).unwrap();
        let date = &v["definitions"]["Date"];
        assert_eq!(date["type"], "string");
        assert_eq!(date["pattern"], r"^\d{4}-\d{2}-\d{2}$");
        // `Block` is internally tagged by `type`, snake_case.
        assert!(article.contains("\"paragraph\"") && article.contains("\"image\""));
        // Optional fields with a default are not required.
        let required = v["required"].as_array().unwrap();
        assert!(required.iter().any(|r| r == "title"));
        assert!(!required.iter().any(|r| r == "byline" || r == "lang"));
    }
}
