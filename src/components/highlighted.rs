//! Text with the words a reader filtered by marked (`<mark>`); always text, never HTML.

use crate::text_match::split;
use leptos::prelude::*;

#[component]
pub fn Highlighted(text: String, #[prop(into)] words: Signal<Vec<Vec<char>>>) -> impl IntoView {
    move || {
        split(&text, &words.read())
            .into_iter()
            .map(|(piece, hit)| {
                if hit {
                    view! { <mark>{piece}</mark> }.into_any()
                } else {
                    piece.into_any()
                }
            })
            .collect_view()
    }
}
