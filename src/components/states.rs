//! The states every page shares: loading skeleton, error with retry, message (empty and
//! invalid input) and not found.

use crate::api::ApiError;
use crate::config::use_config;
use crate::i18n::{use_i18n, Lang};
use crate::links;
use leptos::prelude::*;
use leptos_meta::Title;

/// The shape a skeleton imitates, so that content replaces it without a layout jump.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SkeletonShape {
    /// A list of news summaries.
    NewsList,
    /// An article: title, meta line, paragraphs.
    Article,
    /// The news calendar: a month's title and grid.
    Calendar,
}

/// Grey blocks in the shape of the content that is loading; announced as "Loading…".
#[component]
pub fn Skeleton(shape: SkeletonShape) -> impl IntoView {
    let i18n = use_i18n();
    let blocks = match shape {
        SkeletonShape::NewsList => (0..5)
            .map(|_| {
                view! {
                    <div class="skeleton__item">
                        <div class="skeleton__line skeleton__line--meta"></div>
                        <div class="skeleton__line skeleton__line--title"></div>
                        <div class="skeleton__line"></div>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        SkeletonShape::Article => view! {
            <div class="skeleton__line skeleton__line--h1"></div>
            <div class="skeleton__line skeleton__line--meta"></div>
            {(0..6).map(|_| view! { <div class="skeleton__para"></div> }).collect_view()}
        }
        .into_any(),
        SkeletonShape::Calendar => view! {
            <div class="skeleton__line skeleton__line--title"></div>
            <div class="skeleton__block skeleton__block--calendar"></div>
        }
        .into_any(),
    };
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{move || i18n.t().loading}</p>
            <div aria-hidden="true">{blocks}</div>
        </div>
    }
}

/// A failed part of a page, as [`SharedFailure`] keeps it.
#[derive(Clone)]
struct FailedPart {
    id: u64,
    error: ApiError,
    retry: Callback<()>,
}

/// The parts of a page that load on their own but fail together (the home page's sections
/// when the API is down): the first part that fails for a reason says so, with one "Try
/// again" that asks again for every part that failed for it; the others add nothing. A page
/// provides it ([`SharedFailure::provide`]); without it, each error speaks for itself.
#[derive(Clone, Copy)]
pub struct SharedFailure {
    failed: RwSignal<Vec<FailedPart>>,
    next_id: StoredValue<u64>,
}

impl SharedFailure {
    /// Groups the errors of the parts made under the current owner.
    pub fn provide() {
        provide_context(SharedFailure {
            failed: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        });
    }

    /// Counts a failed part in until its error view goes; returns its id.
    fn join(self, error: ApiError, retry: Callback<()>) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.failed
            .update(|f| f.push(FailedPart { id, error, retry }));
        on_cleanup(move || {
            // The page may have gone with its parts.
            self.failed.try_update(|f| f.retain(|p| p.id != id));
        });
        id
    }

    /// Whether part `id` speaks for the parts that failed for its reason (it failed first).
    fn speaks_for_others(self, id: u64, error: &ApiError) -> bool {
        self.failed.with(|f| {
            f.iter()
                .find(|p| p.error.same_reason(error))
                .is_some_and(|p| p.id == id)
        })
    }

    /// Asks again for every part that failed for `error`'s reason.
    fn retry_all(self, error: &ApiError) {
        let retries: Vec<Callback<()>> = self.failed.with_untracked(|f| {
            f.iter()
                .filter(|p| p.error.same_reason(error))
                .map(|p| p.retry)
                .collect()
        });
        for retry in retries {
            retry.run(());
        }
    }
}

/// What went wrong, in the reader's language, with a button that asks again. As the whole page,
/// it is the page's title too. In a page that groups its parts' failures ([`SharedFailure`]),
/// only the first part that failed for a reason shows it, and its button asks again for all.
#[component]
pub fn ErrorView(
    error: ApiError,
    #[prop(into)] retry: Callback<()>,
    /// The error is the whole page: its heading is the page's `h1`.
    #[prop(optional)]
    page: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_context::<SharedFailure>()
        .filter(|_| !page)
        .map(|group| (group, group.join(error.clone(), retry)));
    let shown = {
        let error = error.clone();
        move || shared.is_none_or(|(group, id)| group.speaks_for_others(id, &error))
    };
    let try_again = {
        let error = error.clone();
        move |_| match shared {
            Some((group, _)) => group.retry_all(&error),
            None => retry.run(()),
        }
    };
    let detail = move || error.describe(i18n.t());
    let title = move || i18n.t().error_title;
    view! {
        <Show when=shown>
            <div class="error-view" role="alert">
                {if page {
                    view! { <Title text=title/><h1 class="error-view__title">{title}</h1> }.into_any()
                } else {
                    view! { <h2 class="error-view__title">{title}</h2> }.into_any()
                }}
                <p>{detail.clone()}</p>
                <button type="button" class="button" on:click=try_again.clone()>
                    {move || i18n.t().try_again}
                </button>
            </div>
        </Show>
    }
}

/// A short message in place of content (nothing to show, or a bad address), with an
/// optional link onwards.
#[component]
pub fn Message(
    #[prop(into)] text: Signal<String>,
    #[prop(optional, into)] link: Option<(String, Signal<String>)>,
) -> impl IntoView {
    view! {
        <div class="message" role="status">
            <p>{text}</p>
            {link.map(|(href, label)| view! { <p><a href=href>{label}</a></p> })}
        </div>
    }
}

/// "Page not found", with a way back home, or to every language's home when the address
/// named no language the portal has. As the whole page (not `nested`), it is the page's title
/// too.
#[component]
pub fn NotFound(
    #[prop(optional)] languages: bool,
    /// Part of a page that has its own `h1`: the title is an `h2`.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let way_back = if languages {
        let homes = Lang::ALL
            .into_iter()
            .map(|lang| {
                let href = config.href(&links::home(lang));
                view! { <li><a href=href lang=lang.bcp47() hreflang=lang.bcp47()>{lang.native_name()}</a></li> }
            })
            .collect_view();
        view! {
            <h2>{move || i18n.t().choose_language}</h2>
            <ul class="not-found__languages">{homes}</ul>
        }
        .into_any()
    } else {
        let home = move || config.href(&links::home(i18n.lang()));
        view! { <p><a href=home>{move || i18n.t().go_home}</a></p> }.into_any()
    };
    view! {
        <div class="not-found">
            {if nested {
                view! { <h2>{move || i18n.t().not_found_title}</h2> }.into_any()
            } else {
                view! {
                    <Title text=move || i18n.t().not_found_title/>
                    <h1>{move || i18n.t().not_found_title}</h1>
                }
                .into_any()
            }}
            <p>{move || i18n.t().not_found_text}</p>
            {way_back}
        </div>
    }
}
