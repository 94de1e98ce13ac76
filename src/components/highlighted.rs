//! Text with the words a reader filtered or searched for marked (`<mark>`); always text,
//! never HTML.

use crate::text_match::split;
use leptos::prelude::*;

/// `text` with the words of a filter-as-you-type marked (FAQ, helplines).
#[component]
pub fn Highlighted(text: String, #[prop(into)] words: Signal<Vec<Vec<char>>>) -> impl IntoView {
    move || {
        split(&text, &words.read())
            .into_iter()
            .map(|(piece, hit)| marked(piece, hit))
            .collect_view()
    }
}

/// Text already cut into pieces, each marked or not (a search result's title and snippet,
/// marked by the search's own analysis: stems and typos too).
#[component]
pub fn Marked(pieces: Vec<(String, bool)>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|(piece, hit)| marked(piece, hit))
        .collect_view()
}

fn marked(piece: String, hit: bool) -> AnyView {
    if hit {
        view! { <mark>{piece}</mark> }.into_any()
    } else {
        piece.into_any()
    }
}
