//! "You are offline": shown while the browser has no network, so the reader knows that what
//! they see is what was saved (the service worker keeps opened pages and data readable).

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn OfflineNotice() -> impl IntoView {
    let i18n = use_i18n();
    // Online in the first render (prerendered HTML cannot know); the browser's state after.
    let online = RwSignal::new(true);
    Effect::new(move || {
        online.set(window().navigator().on_line());
        let on = window_event_listener(leptos::ev::online, move |_| online.set(true));
        let off = window_event_listener(leptos::ev::offline, move |_| online.set(false));
        on_cleanup(move || {
            on.remove();
            off.remove();
        });
    });
    view! {
        <div class="offline-notice-slot" role="status">
            <Show when=move || !online.get()>
                <p class="offline-notice container">{move || i18n.t().offline_notice}</p>
            </Show>
        </div>
    }
}
