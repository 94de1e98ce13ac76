//! Share and print, under an article or a page: copy the link (confirmed to screen readers),
//! plain share links (e-mail, Telegram, Facebook, X) and a print button.

use crate::i18n::use_i18n;
use crate::share::Service;
use leptos::prelude::*;

/// Whether the last "copy link" worked.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    Failed,
}

#[component]
pub fn PageActions(
    /// The page's full address.
    #[prop(into)]
    url: Signal<String>,
    /// The page's title, for the share links.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(Copied::Not);
    let copy = move |_| {
        let url = url.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(if copy_text(&url).await {
                Copied::Yes
            } else {
                Copied::Failed
            });
        });
    };
    let links = Service::ALL
        .into_iter()
        .map(|service| {
            let href = move || service.href(&url.get(), &title.get());
            let name = move || service.name().unwrap_or(i18n.t().email);
            view! {
                <li>
                    <a class="page-actions__share" href=href rel="noopener noreferrer" target=(service != Service::Email).then_some("_blank")>
                        {name}
                        {(service != Service::Email).then(|| view! {
                            <span class="visually-hidden">{move || i18n.t().opens_in_new_tab}</span>
                        })}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page-actions no-print" aria-labelledby="share-title">
            <h2 id="share-title" class="page-actions__title">{move || i18n.t().share_title}</h2>
            <ul class="page-actions__list">
                <li>
                    <button type="button" class="page-actions__button" on:click=copy>
                        {move || i18n.t().copy_link}
                    </button>
                </li>
                {links}
                <li>
                    <button type="button" class="page-actions__button" on:click=move |_| print()>
                        {move || i18n.t().print}
                    </button>
                </li>
            </ul>
            <p class="page-actions__status" role="status">
                {move || match copied.get() {
                    Copied::Not => "",
                    Copied::Yes => i18n.t().link_copied,
                    Copied::Failed => i18n.t().copy_failed,
                }}
            </p>
        </section>
    }
}

fn print() {
    let _ = window().print();
}

/// Puts `text` on the clipboard; false where the browser refuses (no permission, not secure).
#[cfg(target_arch = "wasm32")]
async fn copy_text(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[cfg(not(target_arch = "wasm32"))]
async fn copy_text(_: &str) -> bool {
    false
}
