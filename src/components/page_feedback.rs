//! "Is this page useful?" and "Report a problem with this page": a short form sent as JSON to
//! the endpoint set in `<meta name="portal-feedback">`, or, where none is set, an e-mail to
//! the address in `<meta name="portal-feedback-email">` with the page's address filled in
//! (`ContentTools` offers the form only where one of them is set). No personal data is asked
//! for; what the reader types is only ever shown as text.

use crate::api::{send_feedback, ApiError, Feedback};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links::encode_component;
use leptos::prelude::*;

/// The most characters a field takes (the endpoint may refuse more).
pub const MAX_FIELD: usize = 1000;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Asking,
    /// "Yes, useful": thanked.
    Thanked,
    /// The report form is open (after "No" or "Report a problem").
    Reporting,
    Sending,
    Sent,
    /// The report was handed to the reader's e-mail program: it should have opened, but the
    /// page cannot know whether it did, nor whether the e-mail was sent.
    MailOpened,
    Failed(ApiError),
    Offline,
}

/// What is wrong with the form, if anything.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Invalid {
    Empty,
    TooLong,
}

/// At least one field filled in, none longer than [`MAX_FIELD`] characters.
pub fn validate(doing: &str, wrong: &str) -> Option<Invalid> {
    if doing.trim().is_empty() && wrong.trim().is_empty() {
        Some(Invalid::Empty)
    } else if doing.chars().count() > MAX_FIELD || wrong.chars().count() > MAX_FIELD {
        Some(Invalid::TooLong)
    } else {
        None
    }
}

/// The `mailto:` link of a report, for sites without a feedback endpoint.
pub fn mailto(address: &str, subject: &str, page: &str, doing: &str, wrong: &str) -> String {
    let body = format!("{page}\n\n{doing}\n\n{wrong}");
    format!(
        "mailto:{address}?subject={}&body={}",
        encode_component(subject),
        encode_component(body.trim_end())
    )
}

#[component]
pub fn PageFeedback(
    /// The page's full address.
    #[prop(into)]
    url: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let state = RwSignal::new(State::Asking);
    let doing = RwSignal::new(String::new());
    let wrong = RwSignal::new(String::new());
    let invalid = RwSignal::new(None::<Invalid>);
    let endpoint = config.feedback.clone();
    let has_endpoint = endpoint.is_some();

    let send = {
        let endpoint = endpoint.clone();
        move |useful: Option<bool>| {
            let Some(endpoint) = endpoint.clone() else {
                return;
            };
            let report = Feedback {
                page: url.get_untracked(),
                lang: i18n.lang().code().to_string(),
                useful,
                doing: doing.get_untracked(),
                wrong: doing_or_empty(useful, wrong.get_untracked()),
            };
            if useful.is_none() {
                state.set(State::Sending);
            }
            leptos::task::spawn_local(async move {
                let result = send_feedback(&endpoint, &report).await;
                if useful.is_none() {
                    state.set(match result {
                        Ok(()) => State::Sent,
                        Err(ApiError::Network) if !is_online() => State::Offline,
                        Err(e) => State::Failed(e),
                    });
                }
            });
        }
    };
    let yes = {
        let send = send.clone();
        move |_| {
            send(Some(true));
            state.set(State::Thanked);
        }
    };
    let address = config.feedback_email.clone().unwrap_or_default();
    let mail_href = {
        let address = address.clone();
        move || {
            let subject = format!("{}: {}", i18n.t().report_problem, url.get());
            mailto(&address, &subject, &url.get(), &doing.get(), &wrong.get())
        }
    };
    let submit = {
        let (send, mail_href) = (send.clone(), mail_href.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let problem = validate(&doing.get_untracked(), &wrong.get_untracked());
            invalid.set(problem);
            if problem.is_some() {
                focus("feedback-errors");
                return;
            }
            if has_endpoint {
                send(None);
            } else {
                // No endpoint: the reader's e-mail program sends it, if there is one.
                let _ = window().location().set_href(&mail_href());
                state.set(State::MailOpened);
            }
        }
    };
    let field = move |id: &'static str,
                      label: fn(&crate::i18n::Texts) -> &'static str,
                      value: RwSignal<String>| {
        let left = move || MAX_FIELD.saturating_sub(value.with(|v| v.chars().count()));
        let hint = format!("{id}-hint");
        view! {
            <div class="feedback__field">
                <label for=id>{move || label(i18n.t())}</label>
                <textarea
                    id=id
                    rows="3"
                    maxlength=MAX_FIELD
                    aria-describedby=hint.clone()
                    aria-invalid=move || invalid.get().is_some().to_string()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                ></textarea>
                <p id=hint class="feedback__hint">{move || (i18n.t().characters_left)(left() as u32)}</p>
            </div>
        }
    };
    let form = move || {
        let errors = move || {
            invalid.get().map(|problem| {
                let text = match problem {
                    Invalid::Empty => i18n.t().feedback_empty,
                    Invalid::TooLong => i18n.t().feedback_too_long,
                };
                view! {
                    <p id="feedback-errors" class="feedback__error" role="alert" tabindex="-1">{text}</p>
                }
            })
        };
        view! {
            <form class="feedback__form" on:submit=submit.clone() novalidate>
                <h3 class="feedback__title">{move || i18n.t().report_problem}</h3>
                <p class="feedback__hint">{move || i18n.t().feedback_no_personal_data}</p>
                {errors}
                {field("feedback-doing", |t| t.feedback_doing, doing)}
                {field("feedback-wrong", |t| t.feedback_wrong, wrong)}
                <button type="submit" class="button">
                    {move || if has_endpoint { i18n.t().send } else { i18n.t().send_by_email }}
                </button>
            </form>
        }
    };

    let status = {
        let (mail_href, address) = (mail_href.clone(), address.clone());
        move || {
            match state.get() {
            State::Thanked | State::Sent => Some(view! { <p>{i18n.t().feedback_thanks}</p> }.into_any()),
            State::MailOpened => Some(view! {
                <p>{i18n.t().feedback_mail_opened} " " <a href=mail_href.clone()>{address.clone()}</a></p>
            }.into_any()),
            State::Sending => Some(view! { <p>{i18n.t().sending}</p> }.into_any()),
            State::Offline => Some(view! { <p class="feedback__error">{i18n.t().feedback_offline}</p> }.into_any()),
            _ => None,
        }
        }
    };

    view! {
        <section class="feedback no-print" aria-labelledby="feedback-title">
            <div role="status" class="feedback__status">{status}</div>
            {move || match state.get() {
                // A vote is only asked for where it can be sent; by e-mail, only a report.
                State::Asking if has_endpoint => view! {
                    <div class="feedback__ask">
                        <h2 id="feedback-title" class="feedback__question">{i18n.t().page_useful}</h2>
                        <button type="button" class="button button--secondary" on:click=yes.clone()>{i18n.t().yes}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| state.set(State::Reporting)>{i18n.t().no}</button>
                        <button type="button" class="feedback__report" on:click=move |_| state.set(State::Reporting)>{i18n.t().report_problem}</button>
                    </div>
                }.into_any(),
                State::Asking => view! {
                    <div class="feedback__ask">
                        <h2 id="feedback-title" class="visually-hidden">{i18n.t().report_problem}</h2>
                        <button type="button" class="feedback__report" on:click=move |_| state.set(State::Reporting)>{i18n.t().report_problem}</button>
                    </div>
                }.into_any(),
                State::Reporting | State::Offline => view! {
                    <h2 id="feedback-title" class="visually-hidden">{i18n.t().page_useful}</h2>
                    {form()}
                }.into_any(),
                State::Failed(error) => view! {
                    <h2 id="feedback-title" class="visually-hidden">{i18n.t().page_useful}</h2>
                    <p class="feedback__error" role="alert">{i18n.t().feedback_failed} " " {error.describe(i18n.t())}</p>
                    {form()}
                }.into_any(),
                State::Thanked | State::Sending | State::Sent | State::MailOpened => view! {
                    <h2 id="feedback-title" class="visually-hidden">{i18n.t().page_useful}</h2>
                }.into_any(),
            }}
            {move || (state.get() != State::MailOpened && !has_endpoint).then(|| view! {
                <p class="feedback__hint">
                    {i18n.t().or_write_to} " " <a href=mail_href.clone()>{address.clone()}</a>
                </p>
            })}
        </section>
    }
}

/// A useful/not-useful vote carries no text.
fn doing_or_empty(useful: Option<bool>, text: String) -> String {
    if useful.is_some() {
        String::new()
    } else {
        text
    }
}

fn focus(id: &str) {
    let id = id.to_string();
    let _ = request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(e) = document().get_element_by_id(&id) {
            let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

fn is_online() -> bool {
    window().navigator().on_line()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_length_and_emptiness() {
        assert_eq!(validate("", "  "), Some(Invalid::Empty));
        assert_eq!(validate("reading", ""), None);
        assert_eq!(validate("", &"я".repeat(MAX_FIELD)), None);
        assert_eq!(
            validate("", &"я".repeat(MAX_FIELD + 1)),
            Some(Invalid::TooLong)
        );
    }

    #[test]
    fn mailto_carries_the_page_address() {
        let href = mailto(
            "a@example.org",
            "Problem",
            "https://x.uz/ru/news/1",
            "чтение",
            "",
        );
        assert!(href.starts_with(
            "mailto:a@example.org?subject=Problem&body=https%3A%2F%2Fx.uz%2Fru%2Fnews%2F1"
        ));
        assert!(href.contains("%D1%87")); // "ч"
        assert!(!href.contains(' '));
    }
}
