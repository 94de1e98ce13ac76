//! `/`: sends the reader to their language's home page (remembered, else the browser's best
//! match, else the default). Decided in the browser after the first render.

use crate::links;
use crate::preferences::preferred_language;
use leptos::prelude::*;
use leptos_router::{hooks::use_navigate, NavigateOptions};

#[component]
pub fn LanguageChoice() -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move || {
        let options = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&links::home(preferred_language()), options);
    });
}
