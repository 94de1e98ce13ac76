// Run by a page prerendered without the site's origin (`scripts/build` without `--origin`), as
// soon as its content is parsed: its share links carry the page's path alone, which the
// services could not open, so they get the origin the page was opened from before a reader
// can follow one. The app does the same once it has started (src/components/content_tools.rs).
for (const a of document.querySelectorAll('a.page-actions__share')) {
  a.href = a.getAttribute('href').replace(/([?&](?:url|u|body)=)(%2F)/, (_, name, slash) =>
    name + encodeURIComponent(location.origin) + slash);
}
