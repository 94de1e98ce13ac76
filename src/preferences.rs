//! What the browser remembers for the reader (only the language, in local storage) and what it
//! tells about them (their preferred languages). Browser-only: never read during the first
//! render, so that a prerendered page and the app agree.

use crate::i18n::Lang;

const LANGUAGE_KEY: &str = "portal.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn remembered_language() -> Option<Lang> {
    Lang::from_code(&storage()?.get_item(LANGUAGE_KEY).ok()??)
}

pub fn remember_language(lang: Lang) {
    if let Some(s) = storage() {
        // Storage may be full or disabled (private mode): then the choice is simply not kept.
        let _ = s.set_item(LANGUAGE_KEY, lang.code());
    }
}

/// The reader's languages in order of preference (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// The language `/` leads to: the remembered one, else the best match of the browser's
/// languages, else the default.
pub fn preferred_language() -> Lang {
    remembered_language()
        .or_else(|| Lang::best_match(browser_languages().iter().map(String::as_str)))
        .unwrap_or_default()
}
