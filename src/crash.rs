//! What the reader sees if the app panics: a short message in the page's language with a link
//! that reloads the page, instead of a page that silently stops responding. The panic is still
//! logged to the console. Built from plain DOM calls: after a panic the app cannot render.

#[cfg(target_arch = "wasm32")]
use crate::i18n::Lang;

/// Installs the panic hook (once, before the app starts).
#[cfg(target_arch = "wasm32")]
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
    #[cfg(feature = "panic-test")]
    panic_on_request();
}

/// The language of the page as `<html lang>` says, to word the notice.
#[cfg(target_arch = "wasm32")]
fn page_lang() -> Lang {
    let tag = leptos::prelude::document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    Lang::ALL
        .into_iter()
        .find(|l| l.bcp47() == tag)
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn show_notice() {
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    let (Some(body), Ok(notice)) = (doc.body(), doc.create_element("div")) else {
        return;
    };
    if doc.get_element_by_id("crash-notice").is_some() {
        return;
    }
    let t = page_lang().texts();
    notice.set_id("crash-notice");
    notice.set_class_name("crash-notice");
    let _ = notice.set_attribute("role", "alert");
    let text = doc.create_element("p").ok();
    let link = doc.create_element("a").ok();
    if let (Some(text), Some(link)) = (text, link) {
        // Text content only: nothing here is parsed as HTML.
        text.set_text_content(Some(t.crash_message));
        let here = leptos::prelude::window()
            .location()
            .href()
            .unwrap_or_default();
        let _ = link.set_attribute("href", &here);
        link.set_text_content(Some(t.reload_page));
        let _ = notice.append_child(&text);
        let _ = notice.append_child(&link);
    }
    let _ = body.insert_before(&notice, body.first_child().as_ref());
    if let Ok(link) = notice.query_selector("a") {
        if let Some(link) = link.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = link.focus();
        }
    }
}

/// The test build (feature `panic-test`) panics on purpose when the address has
/// `?panic-test`, shortly after the app has started, to prove the notice works.
#[cfg(all(target_arch = "wasm32", feature = "panic-test"))]
fn panic_on_request() {
    let search = leptos::prelude::window()
        .location()
        .search()
        .unwrap_or_default();
    if search.contains("panic-test") {
        let _ = leptos::prelude::set_timeout(
            || panic!("a panic on purpose (feature panic-test)"),
            std::time::Duration::from_millis(300),
        );
    }
}
