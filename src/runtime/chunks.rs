//! The pages few readers open (FAQ, helplines, agencies, static pages, search), each in a wasm
//! chunk of its own under the `split` feature: `pages/mod.rs` lists them with
//! [`rarely_read!`](crate::runtime::chunks::rarely_read).
//!
//! Written for the chunk names to stay ours: the prerender step names a page's chunk in the
//! page (`prerendered::CHUNKS`), scripts/split.mjs cuts the wasm by these names. (leptos's
//! `#[lazy(fallible)]` forwards to the same `#[wasm_split(.., fallible)]` but names each chunk
//! by a hash of its place in the source.)

/// The route views of the pages few readers open. Under the `split` feature each page's code
/// is a wasm chunk of its own, fetched when the page is first shown (scripts/split.mjs cuts the
/// wasm), so the home page, the feed and articles do not download it. Without `split` (`trunk
/// serve`, the component tests, the prerender step) they are ordinary routes.
macro_rules! rarely_read {
    ($($route_fn:ident: $chunk:ident => $page:ident),* $(,)?) => {
        $(
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        mod $chunk {
            use leptos::prelude::AnyView;
            use leptos::wasm_split::{wasm_split, SplitLoaderError};

            /// The page's code: the chunk. `fallible`: a chunk that cannot be fetched is an
            /// error to show, where leptos's `#[lazy_route]` would panic and stop the app.
            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_chunk))]
            pub(super) fn page_view() -> Result<AnyView, SplitLoaderError> {
                Ok(leptos::prelude::IntoAny::into_any(super::$page()))
            }

            pub struct Route;

            impl leptos_router::LazyRoute for Route {
                fn data() -> Self {
                    Route
                }

                async fn view(_this: Self) -> AnyView {
                    page_view().await.unwrap_or_else(|_| $crate::runtime::chunks::chunk_failed())
                }

                async fn preload() {
                    let _ = load_chunk().await;
                }
            }
        }

        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        pub fn $route_fn() -> impl leptos_router::ChooseView {
            leptos_router::Lazy::<$chunk::Route>::new()
        }

        #[cfg(not(all(feature = "split", target_arch = "wasm32")))]
        pub fn $route_fn() -> impl leptos_router::ChooseView {
            || {
                #[cfg(feature = "ssr")]
                $crate::runtime::chunks::PageChunks::record(stringify!($chunk));
                $page()
            }
        }
        )*

        /// Fetches the chunk a prerendered page names (`runtime::prerendered::chunk_names`); false if it
        /// could not be fetched. Hydration is synchronous, so a page's code must be there first.
        #[cfg(all(feature = "split", target_arch = "wasm32"))]
        pub async fn load_chunk(name: &str) -> bool {
            match name {
                $(stringify!($chunk) => $chunk::load_chunk().await.is_ok(),)*
                _ => true,
            }
        }
    };
}

/// Under `ssr`: the chunks of the page being rendered, for the prerender step to have the
/// browser fetch them with the app (src/bin/prerender.rs) rather than after it has started.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct PageChunks(std::sync::Arc<std::sync::Mutex<Vec<&'static str>>>);

#[cfg(feature = "ssr")]
impl PageChunks {
    pub fn record(chunk: &'static str) {
        use leptos::prelude::use_context;
        if let Some(chunks) = use_context::<PageChunks>() {
            chunks.0.lock().expect("one thread renders").push(chunk);
        }
    }

    /// The chunks recorded, once each.
    pub fn names(&self) -> Vec<&'static str> {
        let mut names = self.0.lock().expect("one thread renders").clone();
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// A page whose chunk could not be fetched (offline, or a failed request): the network error,
/// and "Try again" loads the page anew.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
pub fn chunk_failed() -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let reload = |()| {
        let _ = window().location().reload();
    };
    view! { <crate::components::ErrorView error=crate::api::ApiError::Network retry=reload page=true/> }
        .into_any()
}

pub(crate) use rarely_read;
