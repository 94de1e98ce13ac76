//! The prerender step: renders every route of every language to HTML with the app's own
//! components and the data of the API tree in `dist/`, so that readers, search engines and
//! link previews get the content in the first response; the wasm then hydrates it.
//!
//! Usage: `prerender [--dist dist] [--base /portal] [--origin https://example.uz]` (run by
//! `scripts/build` after trunk).
//! Writes `{route}/index.html` for each route, the SPA shell as `200.html` (and `index.html`,
//! `404.html`), `_redirects`, and a Content-Security-Policy with the hashes of each page's
//! inline scripts.

#![recursion_limit = "256"]

use futures::StreamExt;
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use portal::api::{ApiRoot, NewsPage, Site};
use portal::config::Config;
use portal::{links, prerendered, App};
use portal_api::{paths, LANGUAGES};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

struct Options {
    dist: PathBuf,
    /// Hosting base path without a trailing slash (`""` or `/portal`).
    base: String,
    /// The site's origin for canonical and alternate links (`https://example.uz`), if known.
    origin: String,
}

fn main() {
    let options = parse_args();
    any_spawner::Executor::init_local_custom_executor(OneThread).expect("executor");
    let started = Instant::now();
    let template_path = options.dist.join("index.html");
    let template = std::fs::read_to_string(&template_path)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", template_path.display())));
    // Keep trunk's output as the SPA shell, whatever this step writes over index.html.
    let shell_path = options.dist.join("200.html");
    let shell = std::fs::read_to_string(&shell_path).unwrap_or(template);
    let page = Template::new(&shell, &options.origin);
    let api_dir = options.dist.join("api/v1");
    let config = Config {
        base: options.base.clone(),
        api: format!(
            "{}/{}",
            options.base,
            page.api_setting.trim_start_matches('/')
        ),
        origin: options.origin.clone(),
        // Only whether there is an endpoint shapes the page; its address is read in the browser.
        feedback: (!page.feedback_setting.is_empty()).then(|| page.feedback_setting.clone()),
        feedback_email: page.feedback_email.clone(),
        timeout_ms: Config::default().timeout_ms,
    };

    let routes = routes(&api_dir);
    let mut bytes = 0usize;
    for route in &routes {
        let html = render(route, &page, &config, &api_dir);
        bytes += html.len();
        let file = options
            .dist
            .join(route.trim_start_matches('/'))
            .join("index.html");
        write(&file, &html);
    }
    // The SPA shell answers every address that has no file of its own.
    let shell_html = page.shell();
    for name in ["200.html", "404.html", "index.html"] {
        write(&options.dist.join(name), &shell_html);
    }
    write(
        &options.dist.join("_redirects"),
        &format!("{0}/*  {0}/200.html  200\n", options.base),
    );
    let elapsed = started.elapsed();
    println!(
        "prerender: {} routes in {:.2} s ({:.2} ms per 1,000 routes... {:.1} ms each), {:.1} MB of HTML",
        routes.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / routes.len().max(1) as f64,
        elapsed.as_secs_f64() * 1e3 / routes.len().max(1) as f64,
        bytes as f64 / 1e6,
    );
}

/// Runs every task of the render on this thread, so that a page's tasks are all done before
/// its reactive owner is disposed (a thread pool could run an effect after that).
struct OneThread;

thread_local! {
    static POOL: std::cell::RefCell<futures::executor::LocalPool> =
        std::cell::RefCell::new(futures::executor::LocalPool::new());
    // Kept apart so that tasks can spawn tasks while the pool runs.
    static SPAWNER: futures::executor::LocalSpawner = POOL.with(|p| p.borrow().spawner());
}

impl any_spawner::CustomExecutor for OneThread {
    fn spawn(&self, fut: any_spawner::PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: any_spawner::PinnedLocalFuture<()>) {
        use futures::task::LocalSpawnExt;
        SPAWNER
            .with(|s| s.spawn_local(fut))
            .expect("spawn on the local pool");
    }

    fn poll_local(&self) {
        POOL.with(|p| {
            if let Ok(mut pool) = p.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}

/// Drives `fut` to completion on this thread's pool, running the tasks it spawns.
fn block_on<T>(fut: impl std::future::Future<Output = T>) -> T {
    POOL.with(|p| p.borrow_mut().run_until(fut))
}

fn parse_args() -> Options {
    let mut options = Options {
        dist: "dist".into(),
        base: String::new(),
        origin: String::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .unwrap_or_else(|| fail(&format!("{arg} needs a value")));
        match arg.as_str() {
            "--dist" => options.dist = value.into(),
            "--base" => options.base = value.trim_end_matches('/').to_string(),
            "--origin" => options.origin = value.trim_end_matches('/').to_string(),
            _ => fail(&format!("unknown argument {arg}")),
        }
    }
    options
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1)
}

fn write(file: &Path, html: &str) {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    }
    std::fs::write(file, html).unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
}

fn read<T: serde::de::DeserializeOwned>(api_dir: &Path, path: &str) -> T {
    let file = api_dir.join(path);
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
    serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())))
}

/// The slugs of a language's static pages (`{lang}/pages/{slug}.json`).
fn static_pages(api_dir: &Path, lang: &str) -> impl Iterator<Item = String> {
    let dir = api_dir.join(lang).join("pages");
    let mut slugs: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".json")
                .map(String::from)
        })
        .collect();
    slugs.sort();
    slugs.into_iter()
}

/// Every route with a file of its own: each language's home, feed pages (all news and each
/// category's), articles, FAQ, helplines, agencies and static pages. (The news of one day,
/// `news?date=`, differs from the feed only by query, which a static host cannot tell apart:
/// it is rendered in the browser.)
fn routes(api_dir: &Path) -> Vec<String> {
    let mut routes = Vec::new();
    for lang in LANGUAGES {
        if !api_dir.join(paths::site(lang)).exists() {
            continue;
        }
        let site: Site = read(api_dir, &paths::site(lang));
        routes.push(format!("/{lang}/"));
        for (section, file) in [
            ("faq", paths::faq(lang)),
            ("helplines", paths::helplines(lang)),
            ("agencies", paths::agencies(lang)),
        ] {
            if api_dir.join(file).exists() {
                routes.push(format!("/{lang}/{section}"));
            }
        }
        routes.extend(static_pages(api_dir, lang).map(|slug| format!("/{lang}/pages/{slug}")));
        // The feed's pages list every article once.
        for page in feed_pages(api_dir, lang, None) {
            routes.push(feed_route(lang, None, page.page));
            routes.extend(page.items.iter().map(|i| format!("/{lang}/news/{}", i.id)));
        }
        for category in &site.categories {
            let slug = Some(category.slug.as_str());
            if api_dir.join(paths::news_page(lang, slug, 1)).exists() {
                let pages = feed_pages(api_dir, lang, slug);
                routes.extend(pages.map(|p| feed_route(lang, slug, p.page)));
            }
        }
    }
    routes
}

/// Every page of a feed, read one at a time.
fn feed_pages<'a>(
    api_dir: &'a Path,
    lang: &'a str,
    category: Option<&'a str>,
) -> impl Iterator<Item = NewsPage> + 'a {
    let first: NewsPage = read(api_dir, &paths::news_page(lang, category, 1));
    let total = first.total_pages;
    std::iter::once(first)
        .chain((2..=total).map(move |n| read(api_dir, &paths::news_page(lang, category, n))))
}

/// The app path of a feed page (as `links::news`, which takes a `Lang`).
fn feed_route(lang: &str, category: Option<&str>, page: u32) -> String {
    let lang = portal::i18n::Lang::from_code(lang).expect("a language of the app");
    links::news(lang, category, page)
}

/// Renders one route to a whole HTML document.
fn render(route: &str, page: &Template, config: &Config, api_dir: &Path) -> String {
    let url = format!("{}{route}", config.base);
    let shared = Arc::new(SsrSharedContext::new()) as Arc<dyn SharedContext + Send + Sync>;
    let owner = Owner::new_root(Some(shared));
    let (body, data, meta) = owner.with(|| {
        provide_context(RequestUrl::new(&url));
        provide_context(config.clone());
        provide_context(ApiRoot(api_dir.to_path_buf()));
        let (meta_context, meta) = ServerMetaContext::new();
        provide_context(meta_context);
        let app = view! { <App/> };
        let body: String = block_on(app.to_html_stream_in_order().collect());
        let shared = Owner::current_shared_context().expect("shared context");
        let data: Vec<String> = block_on(shared.pending_data().expect("pending data").collect());
        (body, data, meta)
    });
    let scripts: String = data
        .iter()
        .map(|d| format!("<script>{d}</script>"))
        .collect();
    let marker = format!(
        r#"<meta name="{}" content="{}" data-api="{}" data-feedback="{}">"#,
        prerendered::MARKER,
        prerendered::normalize(&url),
        page.api_setting,
        page.feedback_setting
    );
    // A static host serves this file for any query (`/en/news?date=…` gets `/en/news`): hide
    // the content that does not belong to the address until the app has rendered the right one.
    let search = url
        .split_once('?')
        .map_or(String::new(), |(_, q)| format!("?{q}"));
    let marker = format!(
        "{marker}<script>if(location.search!=={search:?})document.documentElement.dataset.stale=\"\"</script>"
    );
    let document = page.document(&marker, &body, &scripts);
    let document = block_on(async {
        meta.inject_meta_context(futures::stream::iter([document]))
            .await
            .collect::<String>()
            .await
    });
    // Let the page's last tasks finish before its owner goes.
    POOL.with(|p| p.borrow_mut().run_until_stalled());
    owner.unset();
    with_csp(&document, &page.connect)
}

/// Trunk's `index.html`, cut where the app's content goes.
struct Template {
    /// Everything up to `</head>`, without trunk's `<title>` (the app sets its own) and
    /// without the wasm preload (in a prerendered page the content comes first).
    head: String,
    /// The whole shell, for the addresses that are not prerendered.
    shell: String,
    /// The `content` of `<meta name="portal-api">`.
    api_setting: String,
    /// The `content` of `<meta name="portal-feedback">` (empty: none) and of `…-email`.
    feedback_setting: String,
    feedback_email: String,
    /// The settings of the app's requests to other places (API, feedback endpoint), for the CSP.
    connect: Vec<String>,
}

impl Template {
    fn new(html: &str, origin: &str) -> Self {
        // Running the step again must not stack a second policy on the shell's first one.
        let mut html = without_csp(html);
        // The origin goes into every page, so that the app in the browser agrees with it.
        if !origin.is_empty() && !html.contains("name=portal-origin") {
            html = html.replacen(
                "<meta content=api/v1 name=portal-api>",
                &format!("<meta content=api/v1 name=portal-api><meta content=\"{origin}\" name=portal-origin>"),
                1,
            );
        }
        let html = &html;
        let head_end = html
            .find("</head>")
            .unwrap_or_else(|| fail("index.html has no </head>"));
        let mut head = html[..head_end].to_string();
        for tag in ["<title>", "<link as=fetch"] {
            if let Some(start) = head.find(tag) {
                let end = head[start..]
                    .find('>')
                    .map(|e| start + e + 1)
                    .unwrap_or(head.len());
                let end = if tag == "<title>" {
                    head[start..]
                        .find("</title>")
                        .map(|e| start + e + 8)
                        .unwrap_or(end)
                } else {
                    end
                };
                head.replace_range(start..end, "");
            }
        }
        // The content is in the page: its first paint must not wait for, nor share the network
        // with, the wasm. Trunk's loader starts the download once the browser reports the first
        // contentful paint (two animation frames where paint timing is unsupported; a page
        // opened in a background tab paints, and so loads, when it is shown).
        head = head.replacen("const wasm = await init(", AFTER_FIRST_PAINT, 1);
        // The page's language comes from the app (`<Html lang>`).
        head = head.replacen("<html lang=en>", "<html>", 1);
        let api_setting =
            attribute_after(html, "name=portal-api", "content").unwrap_or_else(|| "api/v1".into());
        // `name=portal-feedback>`: the endpoint, not `portal-feedback-email` (trunk's minified
        // HTML puts `name` last).
        let feedback_setting =
            attribute_after(html, "name=portal-feedback>", "content").unwrap_or_default();
        let feedback_email = attribute_after(html, "name=portal-feedback-email", "content")
            .unwrap_or_else(|| Config::default().feedback_email);
        Self {
            head,
            shell: html.to_string(),
            connect: vec![api_setting.clone(), feedback_setting.clone()],
            api_setting,
            feedback_setting,
            feedback_email,
        }
    }

    fn document(&self, marker: &str, body: &str, scripts: &str) -> String {
        // leptos_meta puts the page's tags after its marker, and finds them there when hydrating.
        format!(
            "{}{marker}<!--HEAD--></head><body>{body}{scripts}</body></html>",
            self.head
        )
    }

    fn shell(&self) -> String {
        with_csp(&self.shell, &self.connect)
    }
}

/// The value of `attr` in the tag that contains `needle` (trunk's minified HTML).
fn attribute_after(html: &str, needle: &str, attr: &str) -> Option<String> {
    let at = html.find(needle)?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let value = tag.split(&format!("{attr}=")).nth(1)?;
    let value = value.trim_start_matches('"');
    Some(value.split(['"', ' ', '>']).next()?.to_string())
}

const CSP_START: &str = r#"<meta http-equiv="Content-Security-Policy""#;

/// Awaited by trunk's loader before it fetches the wasm (see `Template::new`).
const AFTER_FIRST_PAINT: &str = "await new Promise(r => { \
    if (!window.PerformanceObserver?.supportedEntryTypes?.includes('paint')) \
        return requestAnimationFrame(() => requestAnimationFrame(r)); \
    new PerformanceObserver((l, o) => { \
        if (l.getEntriesByName('first-contentful-paint').length) { o.disconnect(); r(); } \
    }).observe({ type: 'paint', buffered: true }); });\nconst wasm = await init(";

/// `https://api.example.uz` of `https://api.example.uz/v1/`; `None` for a path on the site.
fn origin_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    Some(&url[..url.len() - rest.len() + host_end])
}

fn without_csp(html: &str) -> String {
    let mut html = html.to_string();
    while let Some(start) = html.find(CSP_START) {
        let end = start
            + html[start..]
                .find('>')
                .map_or(html.len() - start, |e| e + 1);
        html.replace_range(start..end, "");
    }
    html
}

/// Adds a Content-Security-Policy that allows exactly the document's own inline scripts (by
/// hash), scripts and styles from the site, requests to the site and to the places the app is
/// set to talk to (`connect`: the API and feedback settings, which may be on other origins),
/// and nothing else.
fn with_csp(document: &str, connect: &[String]) -> String {
    let mut hashes = String::new();
    let mut rest = document;
    while let Some(start) = rest.find("<script") {
        let open_end = start + rest[start..].find('>').unwrap_or(0) + 1;
        let Some(close) = rest[open_end..].find("</script>") else {
            break;
        };
        let content = &rest[open_end..open_end + close];
        if !content.is_empty() && !rest[start..open_end].contains(" src=") {
            use base64::Engine;
            let digest = Sha256::digest(content.as_bytes());
            let hash = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push_str(&format!(" 'sha256-{hash}'"));
        }
        rest = &rest[open_end + close..];
    }
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' https: data:; connect-src 'self'{api}; object-src 'none'; base-uri 'self'; \
         form-action 'self'",
        api = connect
            .iter()
            .filter_map(|c| origin_of(c))
            .map(|o| format!(" {o}"))
            .collect::<String>()
    );
    let meta = format!(r#"{CSP_START} content="{csp}">"#);
    match document.find("<meta charset=utf-8>") {
        Some(at) => {
            let at = at + "<meta charset=utf-8>".len();
            format!("{}{meta}{}", &document[..at], &document[at..])
        }
        None => document.replacen("<head>", &format!("<head>{meta}"), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_allows_the_api_origin_and_the_inline_scripts_by_hash() {
        assert_eq!(origin_of("api/v1"), None);
        assert_eq!(origin_of("/api/v1"), None);
        assert_eq!(
            origin_of("https://api.example.uz/v1/"),
            Some("https://api.example.uz")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:9000"),
            Some("http://127.0.0.1:9000")
        );
        let page =
            "<html><head><meta charset=utf-8></head><body><script>a()</script></body></html>";
        let connect = [
            "https://api.example.uz/v1/".into(),
            "https://fb.example.uz/r".into(),
        ];
        let csp = with_csp(page, &connect);
        assert!(
            csp.contains("connect-src 'self' https://api.example.uz https://fb.example.uz;"),
            "{csp}"
        );
        assert!(csp.contains("'sha256-"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("object-src 'none'") && csp.contains("base-uri 'self'"));
    }
}
