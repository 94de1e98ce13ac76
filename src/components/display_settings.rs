//! "Version for the visually impaired": a button in the header of every page that opens the
//! display settings (text size, colours, images, spacing). Plain radio groups in fieldsets, so the keyboard and
//! screen readers work as with any form; every change applies at once and is remembered.
//! Opening them puts the reader on their heading (they come after the header's menu in the
//! page, so the next Tab is the first setting); Escape, like "Close", closes them and puts the
//! reader back on the button.

use crate::display::{self, Display, SETTINGS};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The toggle's element id, where focus returns when the settings close.
const TOGGLE_ID: &str = "display-toggle";

/// Closes the settings and focuses the toggle.
fn close(open: RwSignal<bool>) {
    open.set(false);
    if let Some(toggle) = document()
        .get_element_by_id(TOGGLE_ID)
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = toggle.focus();
    }
}

/// Opens or closes the settings; opened, the reader is put on their heading.
fn toggle(open: RwSignal<bool>) {
    let now_open = !open.get_untracked();
    open.set(now_open);
    if now_open {
        // Once the panel is shown.
        let _ = request_animation_frame(|| {
            if let Some(title) = document()
                .get_element_by_id("display-settings-title")
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = title.focus();
            }
        });
    }
}

/// Escape in the toggle or the settings closes them.
fn close_on_escape(open: RwSignal<bool>) -> impl Fn(leptos::ev::KeyboardEvent) + Copy {
    move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close(open);
        }
    }
}

/// The button that opens and closes the settings: its words on a wide screen, its icon (and
/// the same words for a screen reader) on a phone.
#[component]
pub fn DisplayToggle(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            id=TOGGLE_ID
            class="display-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="display-settings"
            on:click=move |_| toggle(open)
            on:keydown=close_on_escape(open)
        >
            <svg class="display-toggle__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path d="M12 5C6.5 5 2.7 9.5 1.5 12c1.2 2.5 5 7 10.5 7s9.3-4.5 10.5-7C21.3 9.5 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z" fill="currentColor"/>
            </svg>
            <span class="display-toggle__label">{move || i18n.t().display_toggle}</span>
        </button>
    }
}

/// The settings, shown while `open`.
#[component]
pub fn DisplaySettings(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    // Standard in the first render (prerendered HTML cannot know the reader's choice); the
    // remembered choice, already applied by index.html's script, is read after it.
    let current = RwSignal::new(Display::default());
    Effect::new(move || current.set(display::remembered()));
    let choose = move |setting: usize, value: usize| {
        current.update(|d| d.0[setting] = value);
        display::apply(current.get_untracked());
    };
    let reset = move |_| {
        current.set(Display::default());
        display::apply(Display::default());
    };

    let groups = move || {
        let t = i18n.t();
        SETTINGS
            .iter()
            .enumerate()
            .map(|(s, setting)| {
                let options = setting
                    .values
                    .iter()
                    .enumerate()
                    .map(|(v, value)| {
                        view! {
                            <label class="display-settings__option">
                                <input
                                    type="radio"
                                    name=format!("display-{}", setting.key)
                                    value=*value
                                    prop:checked=move || current.get().0[s] == v
                                    on:change=move |_| choose(s, v)
                                />
                                <span>{t.display_values[s][v]}</span>
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="display-settings__group">
                        <legend>{t.display_legends[s]}</legend>
                        {options}
                    </fieldset>
                }
            })
            .collect_view()
    };

    view! {
        <section
            id="display-settings"
            class="display-settings"
            aria-labelledby="display-settings-title"
            hidden=move || !open.get()
            on:keydown=close_on_escape(open)
        >
            <div class="container">
                <h2 id="display-settings-title" class="display-settings__title" tabindex="-1">
                    {move || i18n.t().display_title}
                </h2>
                <div class="display-settings__groups">{groups}</div>
                <div class="display-settings__actions">
                    <button type="button" class="button button--secondary" on:click=reset>
                        {move || i18n.t().display_reset}
                    </button>
                    <button type="button" class="button" on:click=move |_| close(open)>
                        {move || i18n.t().close}
                    </button>
                </div>
            </div>
        </section>
    }
}
