//! Component tests: each mounts a component into the real DOM of headless Chromium and checks
//! what a reader (or a screen reader) would get.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::api::{ApiError, Block, Category, Date, NewsSummary};
use portal::components::{ArticleBody, NewsList, Pagination, SkeletonShape};
use portal::runtime::{all_hydrated, part, parts_waiting, Loaded};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let doc = document();
    let container: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), view);
    handle.forget();
    container
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// Lets pending futures and reactive effects run.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

fn summary(id: u32, sample: bool) -> NewsSummary {
    NewsSummary {
        id,
        title: format!("Title {id}"),
        date: Date::new(2017, 11, 1).unwrap(),
        category: Category {
            slug: "politics".into(),
            name: "Politics".into(),
        },
        lead: "Lead".into(),
        sample,
        lang: None,
    }
}

#[wasm_bindgen_test]
fn pagination_marks_the_current_page_and_links_neighbours() {
    let root =
        mount(|| view! { <Pagination current=3 total=7 href=|n| format!("/en/news?page={n}")/> });
    let nav = one(&root, "nav");
    assert_eq!(nav.get_attribute("aria-label").as_deref(), Some("Pages"));
    let current = one(&root, "a[aria-current=page]");
    assert_eq!(current.text_content().as_deref(), Some("3"));
    assert_eq!(
        current.get_attribute("aria-label").as_deref(),
        Some("Page 3")
    );
    assert_eq!(
        one(&root, "a[rel=prev]").get_attribute("href").as_deref(),
        Some("/en/news?page=2")
    );
    assert_eq!(
        one(&root, "a[rel=next]").get_attribute("href").as_deref(),
        Some("/en/news?page=4")
    );
    let numbers: Vec<String> = all(&root, ".pagination__item a")
        .iter()
        .map(|a| a.text_content().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "7"]);
}

#[wasm_bindgen_test]
fn pagination_of_one_page_renders_nothing() {
    let root = mount(|| view! { <Pagination current=1 total=1 href=|n| n.to_string()/> });
    assert!(root.query_selector("nav").unwrap().is_none());
}

#[wasm_bindgen_test]
fn article_body_renders_markup_in_content_as_text() {
    let blocks = vec![
        Block::Paragraph {
            text: "<img src=x onerror=alert(1)><script>window.pwned=1</script>".into(),
        },
        Block::Heading {
            text: "Heading".into(),
        },
        Block::List {
            items: vec!["one".into(), "two".into()],
        },
        Block::Quote {
            text: "Quoted".into(),
            cite: Some("Someone".into()),
        },
        Block::Image {
            src: "javascript:alert(1)".into(),
            alt: "A map".into(),
            caption: None,
        },
    ];
    let root = mount(move || view! { <ArticleBody blocks/> });
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(root.query_selector("img").unwrap().is_none());
    assert_eq!(
        one(&root, "p").text_content().as_deref(),
        Some("<img src=x onerror=alert(1)><script>window.pwned=1</script>")
    );
    assert_eq!(one(&root, "h2").text_content().as_deref(), Some("Heading"));
    assert_eq!(all(&root, "li").len(), 2);
    assert_eq!(
        one(&root, "figcaption").text_content().as_deref(),
        Some("Someone")
    );
    assert_eq!(
        one(&root, ".article-body__missing")
            .text_content()
            .as_deref(),
        Some("Image: A map")
    );
}

#[wasm_bindgen_test]
fn news_list_links_articles_and_tags_samples() {
    let root = mount(|| view! { <NewsList items=vec![summary(1, false), summary(2, true)]/> });
    let links: Vec<String> = all(&root, "h2 a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(links, ["/en/news/1/", "/en/news/2/"]);
    assert_eq!(all(&root, ".sample-tag").len(), 1);
    let time = one(&root, "time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2017-11-01")
    );
    assert_eq!(time.text_content().as_deref(), Some("1 November 2017"));
}

#[wasm_bindgen_test]
async fn loaded_shows_error_then_recovers_on_try_again() {
    // The first answer fails, the second succeeds, as after a server hiccup.
    let calls = StoredValue::new(0u32);
    let root = mount(move || {
        let resource = Resource::new(
            || (),
            move |_| {
                calls.update_value(|c| *c += 1);
                let n = calls.get_value();
                async move {
                    if n == 1 {
                        Err(ApiError::Status(500))
                    } else {
                        Ok("content".to_string())
                    }
                }
            },
        );
        view! {
            <Loaded resource skeleton=SkeletonShape::NewsList view=|s: String| view! { <p class="ok">{s}</p> }/>
        }
    });
    settle().await;
    let alert = one(&root, "[role=alert]");
    assert!(alert.text_content().unwrap().contains("HTTP 500"));
    let button: web_sys::HtmlElement = one(&root, "button").unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
    button.click();
    settle().await;
    assert_eq!(one(&root, ".ok").text_content().as_deref(), Some("content"));
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    assert_eq!(calls.get_value(), 2);
}

#[wasm_bindgen_test]
async fn parts_that_fail_for_one_reason_say_so_once_and_retry_together() {
    // Three parts of a page; the API is down for two of them, the third fails otherwise.
    let calls = StoredValue::new([0u32; 3]);
    let root = mount(move || {
        portal::components::SharedFailure::provide();
        let part = move |i: usize, error: ApiError| {
            let resource = Resource::new(
                || (),
                move |_| {
                    calls.update_value(|c| c[i] += 1);
                    let first = calls.get_value()[i] == 1;
                    let error = error.clone();
                    async move {
                        if first {
                            Err(error)
                        } else {
                            Ok(format!("part {i}"))
                        }
                    }
                },
            );
            view! {
                <section class=format!("part-{i}")>
                    <Loaded resource skeleton=SkeletonShape::NewsList view=|s: String| view! { <p class="ok">{s}</p> }/>
                </section>
            }
        };
        view! {
            {part(0, ApiError::Network)}
            {part(1, ApiError::Network)}
            {part(2, ApiError::Status(500))}
        }
    });
    settle().await;
    // One message for the network, in the first part that failed for it; one for the 500.
    let alerts = all(&root, "[role=alert]");
    assert_eq!(alerts.len(), 2, "{}", root.inner_html());
    assert!(root
        .query_selector(".part-0 [role=alert]")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector(".part-1 [role=alert]")
        .unwrap()
        .is_none());
    assert!(root
        .query_selector(".part-2 [role=alert]")
        .unwrap()
        .is_some());
    // "Try again" of the network's message asks again for both parts it speaks for.
    let button: web_sys::HtmlElement = one(&root, ".part-0 button").unchecked_into();
    button.click();
    settle().await;
    assert_eq!(calls.get_value(), [2, 2, 1]);
    assert_eq!(
        one(&root, ".part-0 .ok").text_content().as_deref(),
        Some("part 0")
    );
    assert_eq!(
        one(&root, ".part-1 .ok").text_content().as_deref(),
        Some("part 1")
    );
    assert_eq!(
        all(&root, "[role=alert]").len(),
        1,
        "the 500 is still there"
    );
}

#[wasm_bindgen_test]
fn translation_notice_names_the_language_in_the_readers_language() {
    use portal::i18n::{I18n, Lang};
    for (reader, expected) in [
        (
            Lang::Oz,
            "Hali tarjima qilinmagan. Asl tilida koʻrsatilmoqda: ingliz tili",
        ),
        (
            Lang::Ru,
            "Перевод пока не готов. Показано на языке оригинала: английский",
        ),
        (
            Lang::Qr,
            "Ele awdarılmaǵan. Túpnusqa tilinde kórsetilmekte: inglis tili",
        ),
    ] {
        let root = mount(move || {
            provide_context(I18n(Signal::stored(reader)));
            view! { <portal::components::TranslationNotice lang="en".to_string()/> }
        });
        assert_eq!(root.text_content().as_deref(), Some(expected));
    }
}

#[wasm_bindgen_test]
async fn loaded_shows_a_skeleton_while_waiting_and_not_found_on_404() {
    let root = mount(|| {
        let resource = Resource::new(
            || (),
            |_| {
                send_wrapper::SendWrapper::new(async {
                    gloo_timers::future::TimeoutFuture::new(100).await;
                    Err::<String, _>(ApiError::NotFound)
                })
            },
        );
        view! { <Loaded resource skeleton=SkeletonShape::Article view=|s: String| s/> }
    });
    settle().await;
    assert_eq!(
        one(&root, "[role=status]").text_content().as_deref(),
        Some("Loading…")
    );
    gloo_timers::future::TimeoutFuture::new(150).await;
    // A part of a page (not `page=true`): its heading is an h2 under the page's h1.
    assert_eq!(
        one(&root, ".not-found h2").text_content().as_deref(),
        Some("Page not found")
    );
    assert!(root.query_selector("h1").unwrap().is_none());
}

fn faq_fixture() -> portal::api::Faq {
    use portal::api::{Faq, FaqQuestion, FaqTopic};
    let q = |id: &str, question: &str, answer: &str| FaqQuestion {
        id: id.into(),
        question: question.into(),
        answer: vec![answer.into()],
        keywords: Vec::new(),
        sample: true,
        lang: None,
    };
    Faq {
        topics: vec![
            FaqTopic {
                id: "documents".into(),
                title: "Documents".into(),
                questions: vec![
                    q(
                        "renew-passport",
                        "How do I renew my passport?",
                        "Apply at a public services centre.",
                    ),
                    q(
                        "lost-id",
                        "I lost my ID card",
                        "Report it and apply for a new one.",
                    ),
                ],
            },
            FaqTopic {
                id: "taxes".into(),
                title: "Taxes".into(),
                questions: vec![q(
                    "file-online",
                    "Can I file online?",
                    "Yes, through the Oʻzbekiston tax portal.",
                )],
            },
        ],
    }
}

async fn type_into(root: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = one(root, selector).unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

fn shown(root: &web_sys::HtmlElement, selector: &str) -> usize {
    all(root, selector)
        .iter()
        .filter(|e| !e.has_attribute("hidden"))
        .count()
}

#[wasm_bindgen_test]
async fn faq_widget_filters_counts_and_marks() {
    let root = mount(|| view! { <portal::components::FaqWidget faq=faq_fixture()/> });
    assert_eq!(
        one(&root, ".faq__count").text_content().as_deref(),
        Some("3 questions")
    );
    type_into(&root, "#faq-filter", "PASSPORT").await;
    assert_eq!(shown(&root, "details"), 1);
    assert_eq!(
        one(&root, ".faq__count").text_content().as_deref(),
        Some("1 question")
    );
    assert_eq!(
        one(&root, "details:not([hidden]) mark")
            .text_content()
            .as_deref(),
        Some("passport")
    );
    // The topic without a match is hidden with its heading.
    assert_eq!(shown(&root, "section"), 1);
    // Apostrophes of Uzbek are one letter; the answer is searched too.
    type_into(&root, "#faq-filter", "o'zbekiston").await;
    assert_eq!(shown(&root, "details"), 1);
    assert!(one(&root, "details:not([hidden])").has_attribute("open"));
    type_into(&root, "#faq-filter", "nothing like this").await;
    assert_eq!(shown(&root, "details"), 0);
    assert!(!one(&root, "p.message").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn helpline_directory_filters_by_digits() {
    use portal::api::{Helpline, HelplineGroup, Helplines};
    let h = |id: &str, name: &str, phone: &str| Helpline {
        id: id.into(),
        name: name.into(),
        about: None,
        topics: vec![],
        short_number: None,
        phones: vec![phone.into()],
        hours: None,
        email: Some(format!("{id}@example.uz")),
        website: Some("javascript:alert(1)".into()),
        sample: true,
    };
    let helplines = Helplines {
        groups: vec![HelplineGroup {
            id: "ministries".into(),
            name: "Ministries".into(),
            entries: vec![
                h("health", "Ministry of Health", "+998000100000"),
                h("culture", "Ministry of Culture", "+998000200000"),
            ],
        }],
    };
    let root = mount(move || view! { <portal::components::HelplineDirectory helplines/> });
    let tel = one(&root, ".helpline__phones a");
    assert_eq!(
        tel.get_attribute("href").as_deref(),
        Some("tel:+998000100000")
    );
    assert_eq!(tel.text_content().as_deref(), Some("+998 00 010 00 00"));
    assert!(
        all(&root, "a").iter().all(|a| !a
            .get_attribute("href")
            .unwrap_or_default()
            .starts_with("javascript:")),
        "a javascript: website is not a link"
    );
    type_into(&root, "#helpline-filter", "0 2").await;
    assert_eq!(shown(&root, "li.helpline"), 1);
    assert_eq!(
        one(&root, ".helplines__count").text_content().as_deref(),
        Some("1 helpline")
    );
}

fn key(target: &web_sys::Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn focused_date() -> Option<String> {
    document().active_element()?.get_attribute("data-date")
}

/// Lets the calendar render a new month and move focus (it waits for an animation frame).
async fn frame() {
    gloo_timers::future::TimeoutFuture::new(60).await;
}

#[wasm_bindgen_test]
async fn calendar_moves_like_an_aria_date_grid_and_links_days_with_news() {
    use portal::api::{CalendarDay, CalendarMonth};
    use portal::calendar::Month;
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    let root = mount(move || {
        let shown = RwSignal::new(Month {
            year: 2017,
            month: 11,
        });
        // Only 1 November 2017 has news.
        let data = Resource::new(
            move || shown.get(),
            move |m| async move {
                let days = if m.month == 11 {
                    vec![CalendarDay {
                        date: d(2017, 11, 1),
                        items: vec![summary(1, false)],
                    }]
                } else {
                    Vec::new()
                };
                Ok::<_, ApiError>(CalendarMonth {
                    year: m.year,
                    month: m.month,
                    days,
                })
            },
        );
        view! {
            <portal::components::NewsCalendar
                first=d(2017, 8, 3)
                last=d(2017, 12, 20)
                day=d(2017, 11, 1)
                shown
                data
            />
        }
    });
    settle().await;
    let title = || one(&root, ".calendar__title").text_content().unwrap();
    assert!(title().ends_with("November 2017"), "{}", title());
    // Monday first; the full weekday names are there for screen readers.
    let heads = all(&root, "th");
    assert_eq!(heads.len(), 7);
    assert_eq!(heads[0].text_content().as_deref(), Some("MoMonday"));
    // One day in the tab order; the day with news is a link to that day's feed.
    let tabbable = all(&root, "td[tabindex='0']");
    assert_eq!(tabbable.len(), 1);
    assert_eq!(
        tabbable[0].get_attribute("data-date").as_deref(),
        Some("2017-11-01")
    );
    let link = one(&root, "td[data-date='2017-11-01'] a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/en/news/?date=2017-11-01")
    );
    assert_eq!(
        link.get_attribute("aria-label").as_deref(),
        Some("1 November 2017: 1 news item")
    );
    assert_eq!(all(&root, "td a").len(), 1);

    let cell = |date: &str| one(&root, &format!("td[data-date='{date}']"));
    cell("2017-11-01")
        .unchecked_into::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    for (k, shift, expected) in [
        ("ArrowRight", false, "2017-11-02"),
        ("ArrowDown", false, "2017-11-09"),
        ("Home", false, "2017-11-06"),
        ("End", false, "2017-11-12"),
        ("ArrowUp", false, "2017-11-05"),
        ("ArrowLeft", false, "2017-11-04"),
        // Past the month's edge: the next month shows and focus follows.
        ("PageDown", false, "2017-12-04"),
        // Not past the months with news: the move stops at their first or last day.
        ("PageDown", false, "2017-12-31"),
        ("PageUp", true, "2017-08-01"),
        ("ArrowRight", false, "2017-08-02"),
        ("ArrowLeft", false, "2017-08-01"),
        ("ArrowLeft", false, "2017-08-01"),
    ] {
        key(&document().active_element().unwrap(), k, shift);
        frame().await;
        assert_eq!(focused_date().as_deref(), Some(expected), "after {k}");
        assert_eq!(all(&root, "td[tabindex='0']").len(), 1);
    }
    assert!(title().ends_with("August 2017"), "{}", title());
    // The first month: "previous" is disabled but stays focusable.
    let turns = all(&root, ".calendar__turn");
    assert_eq!(
        turns[0].get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert_eq!(
        turns[1].get_attribute("aria-disabled").as_deref(),
        Some("false")
    );
    turns[1].unchecked_ref::<web_sys::HtmlElement>().click();
    frame().await;
    assert!(title().ends_with("September 2017"), "{}", title());
}

/// Puts `html` in a fresh container as if prerendered, and hydrates it with `view`.
fn hydrate_html<V: IntoView + 'static>(
    html: &str,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let doc = document();
    let container: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    container.set_inner_html(html);
    doc.body().unwrap().append_child(&container).unwrap();
    leptos::mount::hydrate_from(container.clone(), view).forget();
    container
}

/// The prerendered `<div><button data-n="0">+</button></div>` hydrated with the button in
/// `part`: returns the container and the count the button's clicks add to.
fn hydrate_counter() -> (web_sys::HtmlElement, RwSignal<u32>) {
    let count = RwSignal::new(0u32);
    let root = hydrate_html(r#"<div><button data-n="0">+</button></div>"#, move || {
        view! {
            <div>
                {part(move || view! {
                    <button data-n=move || count.get() on:click=move |_| count.update(|n| *n += 1)>"+"</button>
                })}
            </div>
        }
    });
    (root, count)
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    one(root, selector)
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn later_hydrates_its_part_in_a_following_task_and_keeps_its_nodes() {
    let (root, count) = hydrate_counter();
    let button = one(&root, "button");
    // Still the prerendered button, not yet hydrated: a click does nothing.
    assert!(parts_waiting());
    click(&root, "button");
    assert_eq!(count.get_untracked(), 0);
    settle().await;
    assert!(!parts_waiting());
    click(&root, "button");
    assert_eq!(count.get_untracked(), 1);
    settle().await;
    let now = one(&root, "button");
    assert_eq!(now.get_attribute("data-n").as_deref(), Some("1"));
    assert!(
        now.is_same_node(Some(&button)),
        "the prerendered button is kept"
    );
}

#[wasm_bindgen_test]
async fn all_hydrated_resolves_once_the_last_part_is_hydrated() {
    let (root, count) = hydrate_counter();
    assert!(parts_waiting());
    all_hydrated().await;
    assert!(!parts_waiting());
    click(&root, "button");
    assert_eq!(count.get_untracked(), 1, "the part works by then");
}

#[wasm_bindgen_test]
async fn later_renders_at_once_without_prerendered_html() {
    let count = RwSignal::new(0u32);
    let root = mount(move || {
        view! { <div>{part(move || view! { <button on:click=move |_| count.update(|n| *n += 1)>"+"</button> })}</div> }
    });
    assert!(!parts_waiting());
    click(&root, "button");
    assert_eq!(count.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn later_runs_the_effects_of_its_part_after_hydrating_it() {
    // An effect that changes what the part shows (as the share links take the browser's
    // address) is seen: it runs once the part is hydrated, not before.
    let waiting_when_run = RwSignal::new(None);
    let root = hydrate_html(r#"<div><p data-origin="">x</p></div>"#, move || {
        view! {
            <div>
                {part(move || {
                    let origin = RwSignal::new(String::new());
                    Effect::new(move || {
                        waiting_when_run.set(Some(parts_waiting()));
                        origin.set("browser".into());
                    });
                    view! { <p data-origin=move || origin.get()>"x"</p> }
                })}
            </div>
        }
    });
    settle().await;
    assert_eq!(
        waiting_when_run.get_untracked(),
        Some(false),
        "the effect ran after the part's hydration"
    );
    assert_eq!(
        one(&root, "p").get_attribute("data-origin").as_deref(),
        Some("browser")
    );
}

/// Sets the address's query and fragment (`"?q=x#id"`, `""` for none) without navigating,
/// as a shared link would have them: the filters and the directories read them.
fn set_address(query_and_fragment: &str) {
    let location = window().location();
    let path = location.pathname().unwrap();
    let history = window().history().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query_and_fragment}")),
        )
        .unwrap();
}

fn address_query() -> String {
    window().location().search().unwrap()
}

fn described_helplines() -> portal::api::Helplines {
    use portal::api::{Helpline, HelplineGroup, Helplines};
    let h = |id: &str, name: &str, about: &str, topics: &[&str]| Helpline {
        id: id.into(),
        name: name.into(),
        about: Some(about.into()),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        short_number: None,
        phones: vec!["+998000100000".into()],
        hours: None,
        email: None,
        website: None,
        sample: true,
    };
    Helplines {
        groups: vec![HelplineGroup {
            id: "ministries".into(),
            name: "Ministries".into(),
            entries: vec![
                h(
                    "health",
                    "Ministry of Health",
                    "Emergency medical help, ambulance, hospitals",
                    &["doctor", "medicine"],
                ),
                h(
                    "internal-affairs",
                    "Ministry of Internal Affairs",
                    "Police, public order, passports and ID cards",
                    &["crime", "driving licence"],
                ),
                h(
                    "energy",
                    "Ministry of Energy",
                    "Electricity, gas and heating",
                    &["power cut", "meter"],
                ),
            ],
        }],
    }
}

fn shown_ids(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .filter(|e| !e.has_attribute("hidden"))
        .map(|e| e.id())
        .collect()
}

#[wasm_bindgen_test]
async fn helpline_directory_finds_lines_by_what_they_are_for_and_keeps_the_filter_in_the_address() {
    set_address("");
    let helplines = described_helplines();
    let root = mount(move || view! { <portal::components::HelplineDirectory helplines/> });
    settle().await;
    // Each entry says what it is for, with the words readers type, and has its id.
    let police = one(&root, "li#internal-affairs");
    assert_eq!(
        one(&root, "#internal-affairs .helpline__about")
            .text_content()
            .as_deref(),
        Some("Police, public order, passports and ID cards")
    );
    assert_eq!(
        one(&root, "#internal-affairs .helpline__topics")
            .text_content()
            .as_deref(),
        Some("Keywords: crime, driving licence")
    );
    assert!(police.class_list().contains("helpline"));

    for (query, want) in [
        ("police", vec!["internal-affairs"]),
        ("Ambulance", vec!["health"]),
        ("doctor", vec!["health"]),
        ("electricity", vec!["energy"]),
        ("power cut", vec!["energy"]),
        ("passport", vec!["internal-affairs"]),
        ("ministry", vec!["health", "internal-affairs", "energy"]),
        ("police doctor", vec![]),
    ] {
        type_into(&root, "#helpline-filter", query).await;
        assert_eq!(shown_ids(&root, "li.helpline"), want, "{query}");
    }
    // The matched words are marked in the description and the topics too.
    type_into(&root, "#helpline-filter", "police crime").await;
    let marked: Vec<String> = all(&root, "li#internal-affairs mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marked, ["Police", "crime"]);
    // The filter is in the address, replaced as the reader types, gone when cleared.
    assert_eq!(address_query(), "?q=police+crime");
    type_into(&root, "#helpline-filter", "").await;
    assert_eq!(address_query(), "");
    set_address("");
}

#[wasm_bindgen_test]
async fn a_shared_address_opens_the_directory_filtered_and_marks_its_entry() {
    // A link with `?q=` (shared, or Back) opens the list filtered.
    set_address("?q=doctor");
    let helplines = described_helplines();
    let root = mount(move || view! { <portal::components::HelplineDirectory helplines/> });
    settle().await;
    let input: web_sys::HtmlInputElement = one(&root, "#helpline-filter").unchecked_into();
    assert_eq!(input.value(), "doctor");
    assert_eq!(shown_ids(&root, "li.helpline"), ["health"]);
    assert_eq!(address_query(), "?q=doctor");
    set_address("");

    // A link to `#id` marks that entry, and follows the fragment as it changes.
    set_address("#energy");
    let helplines = described_helplines();
    let root = mount(move || view! { <portal::components::HelplineDirectory helplines/> });
    settle().await;
    let marked = || {
        all(&root, "li.helpline--target")
            .iter()
            .map(|e| e.id())
            .collect::<Vec<_>>()
    };
    assert_eq!(marked(), ["energy"]);
    window().location().set_hash("health").unwrap();
    settle().await;
    assert_eq!(marked(), ["health"]);
    set_address("");
}

#[wasm_bindgen_test]
async fn agency_list_finds_agencies_by_what_they_do_in_its_own_classes() {
    use portal::api::{Agencies, Agency};
    set_address("#statistics");
    let a = |id: &str, name: &str, about: &str, topics: &[&str]| Agency {
        id: id.into(),
        name: name.into(),
        about: Some(about.into()),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        address: "Sample: 1 Example Street, Tashkent".into(),
        phones: vec!["+998000900001".into()],
        email: None,
        website: None,
        sample: true,
    };
    let agencies = Agencies {
        agencies: vec![
            a(
                "tax-committee",
                "State Tax Committee",
                "Taxes, taxpayer number, tax debts",
                &["declaration"],
            ),
            a(
                "statistics",
                "Statistics Agency",
                "Official statistics: population and prices",
                &["census"],
            ),
            a(
                "public-services",
                "Agency for Public Services",
                "Documents and certificates",
                &["passport"],
            ),
        ],
    };
    let root = mount(move || view! { <portal::components::AgencyList agencies/> });
    settle().await;
    let ids = |root: &web_sys::HtmlElement| {
        all(root, ".agencies__list > li.agency")
            .iter()
            .map(|e| e.id())
            .collect::<Vec<_>>()
    };
    // By name: "Agency for…", "State Tax…", "Statistics…".
    assert_eq!(
        ids(&root),
        ["public-services", "tax-committee", "statistics"]
    );
    assert_eq!(
        all(&root, "li.agency--target")
            .iter()
            .map(|e| e.id())
            .collect::<Vec<_>>(),
        ["statistics"]
    );
    assert_eq!(
        one(&root, "#statistics .agency__about")
            .text_content()
            .as_deref(),
        Some("Official statistics: population and prices")
    );
    assert_eq!(
        one(&root, ".agency__phones a")
            .get_attribute("href")
            .as_deref(),
        Some("tel:+998000900001")
    );
    // Its own classes, none of the helpline directory's.
    assert!(root.query_selector("[class*=helpline]").unwrap().is_none());
    for (query, want) in [
        ("tax debt", vec!["tax-committee"]),
        ("census", vec!["statistics"]),
        ("passport", vec!["public-services"]),
        (
            "tashkent",
            vec!["public-services", "tax-committee", "statistics"],
        ),
        ("customs", vec![]),
    ] {
        type_into(&root, "#agency-filter", query).await;
        assert_eq!(ids(&root), want, "{query}");
    }
    assert_eq!(address_query(), "?q=customs");
    assert!(!one(&root, "p.message").has_attribute("hidden"));
    set_address("");
}

#[wasm_bindgen_test]
fn search_results_mark_the_matched_words_as_text() {
    // Pieces as `portal_api::search::mark::pieces` cuts them: stems and typos marked too.
    let pieces = vec![
        ("Soliqlar".to_string(), true),
        (" va ".to_string(), false),
        ("<b>soliqni</b>".to_string(), true),
        (" to‘lash".to_string(), false),
    ];
    let root = mount(move || view! { <p><portal::components::Marked pieces/></p> });
    let marks: Vec<String> = all(&root, "mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(marks, ["Soliqlar", "<b>soliqni</b>"]);
    assert!(root.query_selector("b").unwrap().is_none());
    assert_eq!(
        one(&root, "p").text_content().as_deref(),
        Some("Soliqlar va <b>soliqni</b> to‘lash")
    );
}
