//! Component tests: each mounts a component into the real DOM of headless Chromium and checks
//! what a reader (or a screen reader) would get.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::api::{ApiError, Block, Category, Date, NewsSummary};
use portal::components::{ArticleBody, Loaded, NewsList, Pagination, SkeletonShape};
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
    assert_eq!(links, ["/en/news/1", "/en/news/2"]);
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
    assert_eq!(
        one(&root, "h1").text_content().as_deref(),
        Some("Page not found")
    );
}

fn faq_fixture() -> portal::api::Faq {
    use portal::api::{Faq, FaqQuestion, FaqTopic};
    let q = |id: &str, question: &str, answer: &str| FaqQuestion {
        id: id.into(),
        question: question.into(),
        answer: vec![answer.into()],
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
