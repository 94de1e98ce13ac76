//! The FAQ widget: questions grouped by topic as an accordion (native `details`), filtered as
//! the reader types, with a live count, expand/collapse all and a link to every answer.
//! `/{lang}/faq#question-id` opens that question.

use super::{content_lang, FilterField, Highlighted, TranslationNotice};
use crate::api::{Faq, FaqQuestion};
use crate::config::use_config;
use crate::i18n::use_i18n;
use crate::links;
use crate::text_match::{matches_all, query_words};
use leptos::prelude::*;
use std::collections::HashSet;

/// Whether every word typed is in the question, its answer or its keywords (what the question
/// is about in words its text does not use: "tax debt" for "Do I owe any tax?").
fn question_matches(q: &FaqQuestion, words: &[Vec<char>]) -> bool {
    let texts = std::iter::once(q.question.as_str())
        .chain(q.answer.iter().map(String::as_str))
        .chain(q.keywords.iter().map(String::as_str));
    matches_all(texts, words)
}

#[component]
pub fn FaqWidget(
    faq: Faq,
    /// The address's fragment (`#question-id`): that question is opened and shown.
    #[prop(optional, into)]
    fragment: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let words = Memo::new(move |_| query_words(&query.read()));
    let open = RwSignal::new(HashSet::<String>::new());
    let all_ids: Vec<String> = faq
        .topics
        .iter()
        .flat_map(|t| t.questions.iter().map(|q| q.id.clone()))
        .collect();
    let questions = StoredValue::new(
        faq.topics
            .iter()
            .flat_map(|t| t.questions.clone())
            .collect::<Vec<_>>(),
    );
    let match_count = Memo::new(move |_| {
        let words = words.get();
        questions.with_value(|qs| qs.iter().filter(|q| question_matches(q, &words)).count()) as u32
    });

    // A link to one answer (`#id`) opens it and brings it into view, on arrival and later.
    Effect::new(move || {
        let hash = fragment.get();
        let id = hash.trim_start_matches('#').to_string();
        if id.is_empty() || !questions.with_value(|qs| qs.iter().any(|q| q.id == id)) {
            return;
        }
        open.update(|o| {
            o.insert(id.clone());
        });
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
        }
    });

    let expand_all = move |_| open.set(all_ids.iter().cloned().collect());
    let collapse_all = move |_| open.set(HashSet::new());

    let topics = faq
        .topics
        .into_iter()
        .map(|topic| {
            let topic_questions = topic.questions.clone();
            let visible = move || {
                let words = words.get();
                topic_questions.iter().any(|q| question_matches(q, &words))
            };
            let labelled_by = format!("topic-{}", topic.id);
            let heading_id = labelled_by.clone();
            let items = topic
                .questions
                .into_iter()
                .map(|q| view! { <FaqItem question=q words open/> })
                .collect_view();
            view! {
                <section class="faq__topic" aria-labelledby=labelled_by hidden=move || !visible()>
                    <h2 id=heading_id>{topic.title}</h2>
                    <div class="faq__items">{items}</div>
                </section>
            }
        })
        .collect_view();

    view! {
        <div class="faq">
            <div class="faq__tools">
                <FilterField id="faq-filter" label=|t| t.faq_filter_label value=query/>
                <p class="faq__count" role="status" aria-live="polite">
                    {move || (i18n.t().question_count)(match_count.get())}
                </p>
                <div class="faq__buttons">
                    <button type="button" class="button button--secondary" on:click=expand_all>
                        {move || i18n.t().expand_all}
                    </button>
                    <button type="button" class="button button--secondary" on:click=collapse_all>
                        {move || i18n.t().collapse_all}
                    </button>
                </div>
            </div>
            <p class="message" hidden=move || match_count.get() != 0>
                {move || i18n.t().no_answers_match}
            </p>
            {topics}
        </div>
    }
}

/// One question of the accordion.
#[component]
fn FaqItem(
    question: FaqQuestion,
    words: Memo<Vec<Vec<char>>>,
    open: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let id = question.id.clone();
    let matches = {
        let question = question.clone();
        move || question_matches(&question, &words.get())
    };
    // Filtering opens every matching answer, so that the marked words can be seen.
    let is_open = {
        let id = id.clone();
        move || open.with(|o| o.contains(&id)) || !words.read().is_empty()
    };
    let on_toggle = {
        let id = id.clone();
        move |ev: web_sys::ToggleEvent| {
            use wasm_bindgen::JsCast;
            let now_open = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            open.update(|o| {
                if now_open {
                    o.insert(id.clone());
                } else {
                    o.remove(&id);
                }
            });
        }
    };
    let href = config.href(&format!("{}#{}", links::section(i18n.lang(), "faq"), id));
    let text_lang = question.lang.as_deref().map(content_lang);
    let answer = question
        .answer
        .into_iter()
        .map(|p| view! { <p><Highlighted text=p words/></p> })
        .collect_view();
    view! {
        <details id=id class="faq__item" open=is_open on:toggle=on_toggle hidden=move || !matches()>
            <summary class="faq__question" lang=text_lang.clone()>
                // One element for the text and its marks: as flex items of the summary, each
                // piece would be a box of its own, breaking words at the marks.
                <span class="faq__question-text"><Highlighted text=question.question words/></span>
            </summary>
            <div class="faq__answer">
                {question.lang.map(|lang| view! { <p><TranslationNotice lang/></p> })}
                <div lang=text_lang>{answer}</div>
                <p class="faq__link">
                    <a href=href>{move || i18n.t().link_to_answer}</a>
                </p>
            </div>
        </details>
    }
}

/// The first questions of the FAQ as links to their answers, for the home page.
#[component]
pub fn TopQuestions(faq: Faq, count: usize) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let items = faq
        .topics
        .into_iter()
        .flat_map(|t| t.questions)
        .take(count)
        .map(|q| {
            let href = config.href(&format!("{}#{}", links::section(i18n.lang(), "faq"), q.id));
            let lang = q.lang.as_deref().map(content_lang);
            view! {
                <li>
                    <a href=href lang=lang>{q.question}</a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="top-questions">{items}</ul> }
}
