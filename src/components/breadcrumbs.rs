//! Where the page is in the portal: Home › section › … › this page (marked, not a link).

use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::runtime::Part;
use leptos::prelude::*;

/// One step of the trail: an app path and its label.
pub type Crumb = (String, String);

#[component]
pub fn Breadcrumbs(
    /// The steps between the home page and this page, as app paths and labels.
    #[prop(into, default = Signal::stored(Vec::new()))]
    trail: Signal<Vec<Crumb>>,
    /// This page's name.
    #[prop(into)]
    current: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let steps = move || {
        let home = (links::home(i18n.lang()), i18n.t().nav_home.to_string());
        std::iter::once(home)
            .chain(trail.get())
            .map(|(path, label)| {
                view! {
                    <li class="breadcrumbs__item">
                        <a href=config.href(&path)>{label}</a>
                    </li>
                }
            })
            .collect_view()
    };
    // The trail's links work before it is hydrated: it waits for a task of its own.
    view! {
        <nav class="breadcrumbs" aria-label=move || i18n.t().breadcrumbs_label>
            <Part>
                <ol class="breadcrumbs__list">
                    {steps}
                    <li class="breadcrumbs__item" aria-current="page">{current}</li>
                </ol>
            </Part>
        </nav>
    }
}
