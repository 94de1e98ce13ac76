//! The prerender step: renders every route of every language to HTML with the app's own
//! components and the data of the API tree in `dist/`, so that readers, search engines and
//! link previews get the content in the first response; the wasm then hydrates it.
//!
//! Usage: `prerender [--dist dist] [--base /portal] [--origin https://example.uz]` (run by
//! `scripts/build` after trunk).
//! Writes `{route}/index.html` for each route, the SPA shell as `200.html` (and `index.html`,
//! `404.html`), `_redirects`, `robots.txt`, and a Content-Security-Policy with the hashes of
//! each page's inline scripts.

#![recursion_limit = "256"]

use futures::StreamExt;
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use portal::api::{ApiRoot, NewsPage, Site};
use portal::config::Config;
use portal::runtime::chunks::PageChunks;
use portal::{links, runtime::prerendered, App};
use portal_api::{paths, LANGUAGES};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
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
    let shell = inline_stylesheet(&shell, &options.dist, &options.base);
    let mut page = Template::new(&shell, &options.origin);
    page.chunks = chunk_files(&options.dist, &options.base);
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
    write(&options.dist.join("_redirects"), &redirects(&options.base));
    write(
        &options.dist.join("robots.txt"),
        &robots(&options.base, &options.origin),
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

/// `_redirects` (Netlify, Cloudflare Pages; they apply a rule only where no file matches): an
/// address under a language that has no file of its own is a page the app renders, so it gets
/// the SPA shell; a missing file of the API is a 404 (the app then says "not found"). Anything
/// else missing (an image, a script) gets the host's 404, `404.html`.
fn redirects(base: &str) -> String {
    let mut text = format!("{base}/api/*  {base}/404.html  404\n");
    for lang in LANGUAGES {
        text.push_str(&format!("{base}/{lang}/*  {base}/200.html  200\n"));
    }
    text
}

/// trunk's minifier drops an empty attribute value, so `<meta name="portal-feedback" content="">`
/// (a setting left empty) becomes `<meta name=portal-feedback>`, which HTML does not allow: a
/// `meta` with a `name` needs a `content`. The empty value goes back.
fn valid_empty_metas(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find("<meta ") {
        let end = at + rest[at..].find('>').map_or(rest.len() - at, |e| e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if tag.contains(" name=") && !tag.contains(" content") {
            out.push_str(&tag.replacen("<meta ", "<meta content=\"\" ", 1));
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// trunk gives the icon's `<link>` an `integrity`, which HTML allows only on stylesheets,
/// preloads and module preloads (browsers ignore it on an icon): it goes.
fn valid_head_links(html: &str) -> String {
    let Some(range) = link_with(html, " rel=icon>") else {
        return html.to_string();
    };
    let tag = &html[range.clone()];
    let Some(start) = tag.find(" integrity=") else {
        return html.to_string();
    };
    let value_end = tag[start + 1..]
        .find([' ', '>'])
        .map_or(tag.len(), |e| start + 1 + e);
    let tag = format!("{}{}", &tag[..start], &tag[value_end..]);
    format!("{}{tag}{}", &html[..range.start], &html[range.end..])
}

/// Leptos marks where a view renders nothing with `<!>`, which the HTML parser reads as an empty
/// comment while reporting a parse error (a "bogus comment": thousands a page for the Nu HTML
/// Checker). `<!---->` is the same empty comment, well formed: the DOM, which hydration walks,
/// is the same node for node. Text and attribute values never hold a raw `<` (leptos escapes
/// them), so every `<!>` of the body is a marker.
fn well_formed_markers(body: &str) -> String {
    body.replace("<!>", "<!---->")
}

/// The site's `robots.txt`: the API's files are data for the app, not pages; everything else
/// may be crawled. One `Disallow` and no `Allow`, so that readers of RFC 9309 (the longest
/// match wins) and first-match readers (Python's `urllib.robotparser`) read the same rules.
/// The sitemap (written by `scripts/build` with the origin) is named when the origin is known:
/// the line needs an absolute URL. Under a sub-path, crawlers read only the host's own
/// `robots.txt`: these lines are for it.
fn robots(base: &str, origin: &str) -> String {
    let mut text = format!(
        "# Government portal of the Republic of Uzbekistan\nUser-agent: *\nDisallow: {base}/api/\n"
    );
    if !origin.is_empty() {
        text.push_str(&format!("\nSitemap: {origin}{base}/sitemap.xml\n"));
    }
    text
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
/// category's), articles, FAQ, helplines, agencies, static pages and the search page. (The
/// news of one day, `news/?date=`, differs from the feed only by query, which a static host
/// cannot tell apart: it is rendered in the browser.)
fn routes(api_dir: &Path) -> Vec<String> {
    let mut routes = Vec::new();
    for lang in LANGUAGES {
        if !api_dir.join(paths::site(lang)).exists() {
            continue;
        }
        let site: Site = read(api_dir, &paths::site(lang));
        let app_lang = portal::i18n::Lang::from_code(lang).expect("a language of the app");
        routes.push(links::home(app_lang));
        // The search page, with its header and form, before any query: opened with one, it
        // shows them at once (the results wait for the app; see `stale`).
        if api_dir.join(paths::search_index(lang)).exists() {
            routes.push(links::section(app_lang, "search"));
        }
        for (section, file) in [
            ("faq", paths::faq(lang)),
            ("helplines", paths::helplines(lang)),
            ("agencies", paths::agencies(lang)),
        ] {
            if api_dir.join(file).exists() {
                routes.push(links::section(app_lang, section));
            }
        }
        routes.extend(static_pages(api_dir, lang).map(|slug| links::page(app_lang, &slug)));
        // The search form's address: a page of its own, so that a static host without a
        // fallback (GitHub Pages) answers a search with 200 and the app, not its 404 page.
        routes.push(links::section(app_lang, "search"));
        // The feed's pages list every article once.
        for page in feed_pages(api_dir, lang, None) {
            routes.push(links::news(app_lang, None, page.page));
            routes.extend(page.items.iter().map(|i| links::article(app_lang, i.id)));
        }
        for category in &site.categories {
            let slug = Some(category.slug.as_str());
            if api_dir.join(paths::news_page(lang, slug, 1)).exists() {
                let pages = feed_pages(api_dir, lang, slug);
                routes.extend(pages.map(|p| links::news(app_lang, slug, p.page)));
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

/// Renders one route to a whole HTML document.
fn render(route: &str, page: &Template, config: &Config, api_dir: &Path) -> String {
    let url = format!("{}{route}", config.base);
    let shared = Arc::new(SsrSharedContext::new()) as Arc<dyn SharedContext + Send + Sync>;
    let owner = Owner::new_root(Some(shared));
    let chunks = PageChunks::default();
    let (body, data, meta) = owner.with(|| {
        provide_context(chunks.clone());
        provide_context(RequestUrl::new(&url));
        provide_context(config.clone());
        provide_context(ApiRoot(api_dir.to_path_buf()));
        let (meta_context, meta) = ServerMetaContext::new();
        provide_context(meta_context);
        let app = view! { <App/> };
        let body: String = block_on(app.to_html_stream_in_order().collect());
        let body = well_formed_markers(&body);
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
        "{marker}<script>if(location.search!=={search:?}){{document.documentElement.dataset.stale=\"\";{}}}</script>",
        if route.trim_end_matches('/').ends_with("/search") { SEARCH_QUERY_IN_FORM } else { "" }
    );
    // A page in a chunk of its own names the chunk's files, which the loader fetches with the
    // app, and the chunk, which the app loads before it hydrates the page.
    let names = chunks.names();
    let files: Vec<&str> = names
        .iter()
        .flat_map(|name| page.chunks.get(*name).into_iter().flatten())
        .map(String::as_str)
        .collect();
    let marker = if files.is_empty() {
        marker
    } else {
        format!(
            r#"{marker}<meta name="{}" content="{}" data-names="{}">"#,
            prerendered::CHUNKS,
            files.join(" "),
            names.join(" ")
        )
    };
    // Without the origin, share links carry the path alone until a script gives them this
    // page's origin, right after the content.
    let scripts = if config.origin.is_empty() {
        format!(
            "<script>{}</script>{scripts}",
            SHARE_LINKS_SCRIPT.trim_end()
        )
    } else {
        scripts
    };
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

/// The search page's own part of the script above: while the page waits for the app, its form
/// stays visible (style/base.css) and shows the address's query.
const SEARCH_QUERY_IN_FORM: &str = "addEventListener(\"DOMContentLoaded\",function(){var q=new URLSearchParams(location.search).get(\"q\");if(q)document.querySelectorAll(\"main input[name=q]\").forEach(function(i){i.value=q})})";

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
    feedback_email: Option<String>,
    /// The settings of the app's requests to other places (API, feedback endpoint), for the CSP.
    connect: Vec<String>,
    /// The files of each page chunk, by the chunk's name (`chunk_files`).
    chunks: HashMap<String, Vec<String>>,
}

impl Template {
    fn new(html: &str, origin: &str) -> Self {
        // Running the step again must not stack a second policy on the shell's first one.
        let mut html = valid_head_links(&valid_empty_metas(&without_csp(html)));
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
        // Each page has its own title (leptos_meta).
        if let (Some(start), Some(end)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(start..end + "</title>".len(), "");
        }
        let mut head = load_after_first_paint(&head);
        // The page's language comes from the app (`<Html lang>`).
        head = head.replacen("<html lang=en>", "<html>", 1);
        let api_setting =
            attribute_after(html, "name=portal-api", "content").unwrap_or_else(|| "api/v1".into());
        // `name=portal-feedback>`: the endpoint, not `portal-feedback-email` (trunk's minified
        // HTML puts `name` last).
        let feedback_setting =
            attribute_after(html, "name=portal-feedback>", "content").unwrap_or_default();
        let feedback_email = attribute_after(html, "name=portal-feedback-email", "content")
            .filter(|e| portal::config::is_email_address(e));
        Self {
            head,
            shell: html.to_string(),
            connect: vec![api_setting.clone(), feedback_setting.clone()],
            api_setting,
            feedback_setting,
            feedback_email,
            chunks: HashMap::new(),
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

/// Moves trunk's (minified) stylesheet into the page as a `<style>` element, which the CSP
/// allows by its hash, and deletes the file, which nothing links to any more. The first paint
/// then waits for no request but the page: one round trip less on a first visit (FCP 850 →
/// 750 ms in Lighthouse's mobile run) for 4 KB of brotli more in every page. A shell that has
/// it already is returned as it is (the step may run again on the same `dist`).
fn inline_stylesheet(html: &str, dist: &Path, base: &str) -> String {
    if !html.contains(" rel=stylesheet>") {
        return html.to_string();
    }
    let std::ops::Range { start, end } = link_with(html, " rel=stylesheet>")
        .unwrap_or_else(|| fail("index.html: a stylesheet outside a <link>"));
    let href = attribute_after(&html[start..end], "rel=stylesheet", "href")
        .unwrap_or_else(|| fail("index.html: a stylesheet link without href"));
    let file = dist.join(
        href.strip_prefix(base)
            .unwrap_or(&href)
            .trim_start_matches('/'),
    );
    let css = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", file.display())));
    if css.contains("</style") {
        fail(&format!(
            "{}: `</style` would end the element",
            file.display()
        ));
    }
    let _ = std::fs::remove_file(&file);
    format!("{}<style>{css}</style>{}", &html[..start], &html[end..])
}

/// Completes the share links of a page prerendered without the origin (`src/share_links.js`).
const SHARE_LINKS_SCRIPT: &str = include_str!("../share_links.js");

const CSP_START: &str = r#"<meta http-equiv="Content-Security-Policy""#;

/// Trunk's loader, changed so that the page's first paint neither waits for nor shares the
/// network with the app: nothing is requested before the browser reports the first contentful
/// paint (two animation frames where paint timing is unsupported; a page opened in a
/// background tab paints, and so loads, when it is shown). Then the JS glue and the wasm are
/// fetched together, with trunk's Subresource Integrity hashes. The wasm is compiled as it
/// arrives, and the app starts in a task after the one that finishes the compilation (on a
/// phone, one task doing both blocks input for a few hundred milliseconds). Trunk's
/// `modulepreload` and wasm `preload` links and its static import would fetch both during the
/// first render, which Lighthouse counts against the page's largest contentful paint.
/// The icon and the manifest wait too (see `links_after_first_paint`).
fn load_after_first_paint(head: &str) -> String {
    let mut head = links_after_first_paint(head);
    let glue_integrity = attribute_after(&head, "rel=modulepreload>", "integrity");
    let wasm_integrity = attribute_after(&head, " as=fetch ", "integrity");
    for link in ["rel=modulepreload>", "<link as=fetch "] {
        if let Some(range) = link_with(&head, link) {
            head.replace_range(range, "");
        }
    }
    let (_, glue) = cut(&mut head, "import init, * as bindings from '", "';");
    let (init, wasm) = cut(
        &mut head,
        "const wasm = await init({ module_or_path: '",
        "' });",
    );
    let (glue_integrity, wasm_integrity) = (
        glue_integrity.unwrap_or_default(),
        wasm_integrity.unwrap_or_default(),
    );
    let loader = format!(
        "await new Promise(r => {{ \
         if (!window.PerformanceObserver?.supportedEntryTypes?.includes('paint')) \
         return requestAnimationFrame(() => requestAnimationFrame(r)); \
         new PerformanceObserver((l, o) => {{ \
         if (l.getEntriesByName('first-contentful-paint').length) {{ o.disconnect(); r(); }} \
         }}).observe({{ type: 'paint', buffered: true }}); }});\n\
         const wasmResponse = fetch('{wasm}', {{ integrity: '{wasm_integrity}' }});\n\
         const compiled = WebAssembly.compileStreaming(wasmResponse).catch(async (e) => {{ \
         const r = await wasmResponse; \
         if (!r.ok || r.headers.get('content-type') === 'application/wasm') throw e; \
         return WebAssembly.compile(await r.arrayBuffer()); }});\n\
         const later = document.getElementById('{LATER_LINKS}');\n\
         if (later) {{ const t = document.createElement('template'); t.innerHTML = later.textContent; \
         for (const link of [...t.content.children]) {{ \
         const icon = link.rel === 'icon' && document.querySelector('link[rel=icon][href=\"data:,\"]'); \
         if (icon) icon.href = link.getAttribute('href'); else later.after(link); }} }}\n\
         for (const href of document.querySelector('meta[name={chunks}]')?.content.split(' ') ?? []) \
         document.head.append(Object.assign(document.createElement('link'), \
         {{ rel: 'preload', as: 'fetch', href, crossOrigin: '' }}));\n\
         document.head.append(Object.assign(document.createElement('link'), \
         {{ rel: 'modulepreload', href: '{glue}', integrity: '{glue_integrity}', crossOrigin: '' }}));\n\
         const bindings = await import('{glue}');\n\
         const module = await compiled;\n\
         await new Promise(r => setTimeout(r));\n\
         const wasm = await bindings.default({{ module_or_path: module }});",
        chunks = prerendered::CHUNKS
    );
    head.insert_str(init, &loader);
    head
}

/// The id of the `<noscript>` that holds the links the loader adds after the first paint.
const LATER_LINKS: &str = "after-first-paint";

/// Takes trunk's icon and manifest links out of the head: the browser fetches both while it
/// renders the page, and Lighthouse then counts their round trips against the page's largest
/// contentful paint (about 900 instead of 700 ms in its mobile run; the plain page's is 650).
/// They go into a `<noscript>`, where a browser without scripts (and a crawler) reads them as
/// links and the loader reads them as text to add after the first paint. An empty `data:` icon
/// holds the icon's place, so that the browser does not fetch `/favicon.ico` meanwhile; the
/// loader gives it the icon's address (hydration replaces no element).
fn links_after_first_paint(head: &str) -> String {
    let mut head = head.to_string();
    let mut links = String::new();
    let mut at = None;
    for rel in [" rel=icon>", " rel=manifest>"] {
        if let Some(range) = link_with(&head, rel) {
            links.push_str(&head[range.clone()]);
            at = Some(at.map_or(range.start, |a: usize| a.min(range.start)));
            head.replace_range(range, "");
        }
    }
    if let Some(at) = at {
        head.insert_str(
            at,
            &format!("<link href=data:, rel=icon><noscript id={LATER_LINKS}>{links}</noscript>"),
        );
    }
    head
}

/// The files of each page chunk (scripts/split.mjs writes `wasm-split.json`), as addresses under
/// `base`. None for a build without chunks.
fn chunk_files(dist: &Path, base: &str) -> HashMap<String, Vec<String>> {
    let path = dist.join("wasm-split.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        return HashMap::new();
    };
    let chunks: HashMap<String, Vec<String>> =
        serde_json::from_str(&json).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    chunks
        .into_iter()
        .map(|(name, files)| (name, files.iter().map(|f| format!("{base}/{f}")).collect()))
        .collect()
}

/// Where the first `<link …>` element whose text contains `needle` stands in `html`.
fn link_with(html: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let at = html.find(needle)?;
    let start = html[..at + needle.len()].rfind("<link")?;
    let end = at + html[at..].find('>')? + 1;
    Some(start..end)
}

/// Removes the first `{prefix}{value}{suffix}` of trunk's loader from `text`; returns where it
/// stood and the value. Fails the step if trunk's loader no longer looks like that.
fn cut(text: &mut String, prefix: &str, suffix: &str) -> (usize, String) {
    let start = text
        .find(prefix)
        .unwrap_or_else(|| fail(&format!("trunk's loader has no `{prefix}`")));
    let value_start = start + prefix.len();
    let len = text[value_start..].find(suffix).unwrap_or_else(|| {
        fail(&format!(
            "trunk's loader has no `{suffix}` after `{prefix}`"
        ))
    });
    let value = text[value_start..value_start + len].to_string();
    text.replace_range(start..value_start + len + suffix.len(), "");
    (start, value)
}

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

/// `'sha256-…'` sources, each after a space, for the content of every inline `<tag>` element
/// (`script` or `style`) of `document`; elements with a `src` are not inline.
fn inline_hashes(document: &str, tag: &str) -> String {
    let (open, close_tag) = (format!("<{tag}"), format!("</{tag}>"));
    let mut hashes = String::new();
    let mut rest = document;
    while let Some(start) = rest.find(&open) {
        let open_end = start + rest[start..].find('>').unwrap_or(0) + 1;
        let Some(close) = rest[open_end..].find(&close_tag) else {
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
    hashes
}

/// Adds a Content-Security-Policy that allows exactly the document's own inline scripts and
/// styles (by hash), scripts and styles from the site, requests to the site and to the places
/// the app is set to talk to (`connect`: the API and feedback settings, which may be on other
/// origins), and nothing else.
fn with_csp(document: &str, connect: &[String]) -> String {
    let csp = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'{styles}; \
         img-src 'self' https: data:; connect-src 'self'{api}; object-src 'none'; base-uri 'self'; \
         form-action 'self'",
        scripts = inline_hashes(document, "script"),
        styles = inline_hashes(document, "style"),
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
    fn the_loader_fetches_nothing_before_the_first_paint() {
        // Trunk's order: the loader, then the links it preloads with.
        let trunk = "<head><link href=/i-1.svg integrity=sha384-i rel=icon>\
                     <link href=m.webmanifest rel=manifest><style>p{}</style>\
                     <script type=module>import init, * as bindings from '/p-1.js';\n\
                     const wasm = await init({ module_or_path: '/p-1_bg.wasm' });\n\
                     window.wasmBindings = bindings;</script>\
                     <link crossorigin href=/p-1.js integrity=sha384-x rel=modulepreload>\
                     <link as=fetch crossorigin href=/p-1_bg.wasm integrity=sha384-y rel=preload \
                     type=application/wasm>";
        let head = load_after_first_paint(trunk);
        // No preload, no static import, no icon and no manifest is left to fetch anything while
        // the page renders; the icon and the manifest wait in a <noscript> (text, not links, to
        // a browser with scripts), which the loader reads after the paint.
        assert!(
            head.starts_with(
                "<head><link href=data:, rel=icon><noscript id=after-first-paint>\
                 <link href=/i-1.svg integrity=sha384-i rel=icon>\
                 <link href=m.webmanifest rel=manifest></noscript><style>p{}</style>"
            ) && head.ends_with("</script>")
                && !head.contains("import init"),
            "{head}"
        );
        let paint = head.find("first-contentful-paint").unwrap();
        let links = head.find("t.innerHTML = later.textContent").unwrap();
        assert!(paint < links, "{head}");
        let fetches = head
            .find("fetch('/p-1_bg.wasm', { integrity: 'sha384-y' })")
            .unwrap();
        assert!(
            head.contains("href: '/p-1.js', integrity: 'sha384-x'"),
            "{head}"
        );
        let glue = head.find("await import('/p-1.js')").unwrap();
        assert!(paint < fetches && fetches < glue, "{head}");
        // Compiled as it arrives; the app starts in a task after the compilation's.
        let compile = head
            .find("WebAssembly.compileStreaming(wasmResponse)")
            .unwrap();
        let next_task = head.find("await new Promise(r => setTimeout(r));").unwrap();
        let start = head
            .find("bindings.default({ module_or_path: module })")
            .unwrap();
        assert!(
            fetches < compile && compile < next_task && next_task < start,
            "{head}"
        );
        assert!(head.contains("window.wasmBindings = bindings;"));
    }

    #[test]
    fn csp_allows_the_api_origin_and_the_inline_scripts_and_styles_by_hash() {
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
        let page = "<html><head><meta charset=utf-8><style>p{}</style></head>\
                    <body><script>a()</script><script src=x.js></script></body></html>";
        let connect = [
            "https://api.example.uz/v1/".into(),
            "https://fb.example.uz/r".into(),
        ];
        let csp = with_csp(page, &connect);
        assert!(
            csp.contains("connect-src 'self' https://api.example.uz https://fb.example.uz;"),
            "{csp}"
        );
        // sha256 of `a()` and of `p{}`; the script with a `src` has none.
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='; "),
            "{csp}"
        );
        assert!(
            csp.contains(
                "style-src 'self' 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='; "
            ),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("object-src 'none'") && csp.contains("base-uri 'self'"));
    }

    #[test]
    fn robots_disallows_the_api_under_the_base_and_names_the_sitemap_with_the_origin() {
        let root = robots("", "https://gov.example");
        assert!(root.contains("User-agent: *\nDisallow: /api/\n"), "{root}");
        assert!(
            root.ends_with("\nSitemap: https://gov.example/sitemap.xml\n"),
            "{root}"
        );
        assert!(!root.contains("Allow:"), "{root}");
        let sub = robots("/portal", "");
        assert!(sub.contains("Disallow: /portal/api/\n"), "{sub}");
        assert!(!sub.contains("Sitemap"), "{sub}");
    }

    #[test]
    fn redirects_send_pages_to_the_shell_and_missing_api_files_to_a_404() {
        let rules = redirects("/portal");
        assert!(
            rules.starts_with("/portal/api/*  /portal/404.html  404\n"),
            "{rules}"
        );
        assert!(
            rules.contains("/portal/en/*  /portal/200.html  200\n"),
            "{rules}"
        );
        assert!(
            rules.contains("/portal/qr/*  /portal/200.html  200\n"),
            "{rules}"
        );
        assert!(!rules.contains("/portal/*  "), "{rules}");
    }

    #[test]
    fn markers_become_well_formed_empty_comments() {
        assert_eq!(
            well_formed_markers("<p><!>a&lt;!&gt;</p><!--hk=1--><!>"),
            "<p><!---->a&lt;!&gt;</p><!--hk=1--><!---->"
        );
    }

    #[test]
    fn empty_settings_keep_their_content_and_the_icon_loses_its_integrity() {
        let head = "<meta name=portal-feedback><meta content=api/v1 name=portal-api>\
                    <meta charset=utf-8><meta name=portal-feedback-email>";
        assert_eq!(
            valid_empty_metas(head),
            "<meta content=\"\" name=portal-feedback><meta content=api/v1 name=portal-api>\
             <meta charset=utf-8><meta content=\"\" name=portal-feedback-email>"
        );
        let links =
            "<link href=/f-1.svg integrity=sha384-abc+/= rel=icon><link href=m rel=manifest>";
        assert_eq!(
            valid_head_links(links),
            "<link href=/f-1.svg rel=icon><link href=m rel=manifest>"
        );
        assert_eq!(valid_head_links("<p>no icon</p>"), "<p>no icon</p>");
    }
}
