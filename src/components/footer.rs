//! The portal's footer: what the portal is, and the site's own pages (accessibility
//! statement, privacy notice).

use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::runtime::Part;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let feed = {
        let config = config.clone();
        move || config.news_feed(i18n.lang(), None)
    };
    let page = move |slug: &'static str| {
        let config = config.clone();
        move || config.href(&links::page(i18n.lang(), slug))
    };
    view! {
        <footer class="site-footer" aria-label=move || i18n.t().footer_label>
            <Part>
                <div class="container">
                    <p class="site-footer__name">{move || i18n.t().portal_name}</p>
                    <p>{move || i18n.t().footer_about}</p>
                    <ul class="site-footer__links">
                        <li>
                            <a href=page("accessibility")>{move || i18n.t().accessibility_statement}</a>
                        </li>
                        <li>
                            <a href=page("privacy")>{move || i18n.t().privacy_notice}</a>
                        </li>
                        <li>
                            <a href=feed type="application/atom+xml">{move || i18n.t().news_feeds}</a>
                        </li>
                    </ul>
                    <p class="site-footer__notice">{move || i18n.t().footer_sample_notice}</p>
                </div>
            </Part>
        </footer>
    }
}
