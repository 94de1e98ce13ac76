//! The short notice on an item that has no translation into the reader's language and is
//! shown in the language it exists in.

use crate::i18n::{use_i18n, Lang};
use leptos::prelude::*;

/// The BCP 47 tag for an item's `lang` code from the API (unknown codes pass through).
pub fn content_lang(code: &str) -> String {
    Lang::from_code(code).map_or_else(|| code.to_string(), |l| l.bcp47().to_string())
}

#[component]
pub fn TranslationNotice(
    /// The API language code of the item's text.
    lang: String,
) -> impl IntoView {
    let i18n = use_i18n();
    // The language is named in the reader's language, as the rest of the sentence is.
    let name = move || {
        Lang::from_code(&lang).map_or_else(|| lang.clone(), |l| l.name_in(i18n.t()).to_string())
    };
    view! {
        <span class="translation-notice">{move || i18n.t().not_translated} " " {name}</span>
    }
}
