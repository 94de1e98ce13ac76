//! The contract between the prerender step and the browser: which address, which API and
//! which feedback setting a page's HTML was rendered for. The prerender step writes it into the page's `<head>`; the
//! app reads it to decide between hydrating and rendering from scratch.

/// `<meta name="portal-prerendered" content="{path and query}" data-api="{API setting}"
/// data-feedback="{feedback setting}">`.
pub const MARKER: &str = "portal-prerendered";

/// `<meta name="portal-chunks" content="{files}" data-names="{chunks}">`: a page in a wasm chunk
/// of its own (`runtime::chunks`) names the chunk's files, for the loader to fetch them with
/// the app, and the chunks, for the app to load them before it hydrates the page.
pub const CHUNKS: &str = "portal-chunks";

/// The address a page is prerendered for, as the browser shows it, with a trailing slash
/// dropped (static hosts often add one): `/en/news/1/` and `/en/news/1` are the same page.
pub fn normalize(path_and_query: &str) -> String {
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, format!("?{q}")),
        None => (path_and_query, String::new()),
    };
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    format!("{path}{query}")
}

/// True when this page's HTML was prerendered for the current address and settings.
#[cfg(target_arch = "wasm32")]
pub fn matches_this_page() -> bool {
    let doc = leptos::prelude::document();
    let Some(marker) = doc
        .query_selector(&format!("meta[name={MARKER}]"))
        .ok()
        .flatten()
    else {
        return false;
    };
    let setting = |name: &str| {
        doc.query_selector(&format!("meta[name={name}]"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default()
    };
    let location = leptos::prelude::window().location();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    marker.get_attribute("content").as_deref() == Some(normalize(&here).as_str())
        && marker.get_attribute("data-api").unwrap_or_default() == setting("portal-api")
        && marker.get_attribute("data-feedback").unwrap_or_default() == setting("portal-feedback")
}

/// The wasm chunks this page's code is in (see [`CHUNKS`]).
#[cfg(target_arch = "wasm32")]
pub fn chunk_names() -> Vec<String> {
    leptos::prelude::document()
        .query_selector(&format!("meta[name={CHUNKS}]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("data-names"))
        .map(|names| names.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Empties the page before rendering from scratch: the static shell, or HTML prerendered for
/// another address.
#[cfg(target_arch = "wasm32")]
pub fn clear_page() {
    let doc = leptos::prelude::document();
    if let Some(body) = doc.body() {
        body.set_inner_html("");
    }
    let _ = doc
        .document_element()
        .map(|e| e.remove_attribute("data-stale"));
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn drops_trailing_slashes_but_keeps_the_query() {
        assert_eq!(normalize("/en/news/1/"), "/en/news/1");
        assert_eq!(normalize("/en/news/1"), "/en/news/1");
        assert_eq!(normalize("/en/"), "/en");
        assert_eq!(normalize("/"), "/");
        assert_eq!(normalize("/en/news/?page=2"), "/en/news?page=2");
    }
}
