//! Page links for a paginated list: previous, numbered pages (with gaps), next.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Which page numbers to show: the first, the last, and the current one with its neighbours;
/// `None` marks a gap.
pub fn page_window(current: u32, total: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut last = 0;
    for n in 1..=total {
        let near = n + 1 >= current && n <= current + 1;
        if n == 1 || n == total || near {
            if n > last + 1 {
                out.push(None);
            }
            out.push(Some(n));
            last = n;
        }
    }
    out
}

#[component]
pub fn Pagination<H>(current: u32, total: u32, href: H) -> impl IntoView
where
    H: Fn(u32) -> String + 'static,
{
    let i18n = use_i18n();
    if total <= 1 {
        return ().into_any();
    }
    let prev = (current > 1).then(|| {
        view! {
            <li class="pagination__prev">
                <a href=href(current - 1) rel="prev">
                    <span aria-hidden="true">"← "</span>
                    {move || i18n.t().previous_page}
                </a>
            </li>
        }
    });
    let next = (current < total).then(|| {
        view! {
            <li class="pagination__next">
                <a href=href(current + 1) rel="next">
                    {move || i18n.t().next_page}
                    <span aria-hidden="true">" →"</span>
                </a>
            </li>
        }
    });
    let numbers = page_window(current, total)
        .into_iter()
        .map(|n| match n {
            None => view! { <li class="pagination__gap" aria-hidden="true">"…"</li> }.into_any(),
            Some(n) => {
                let label = move || (i18n.t().page_n)(n);
                view! {
                    <li class="pagination__item">
                        <a
                            href=href(n)
                            aria-label=label
                            aria-current=(n == current).then_some("page")
                        >
                            {n}
                        </a>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="pagination" aria-label=move || i18n.t().pagination_label>
            <ul class="pagination__list">{prev} {numbers} {next}</ul>
        </nav>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn shows_ends_and_neighbours_with_gaps() {
        assert_eq!(page_window(1, 1), vec![Some(1)]);
        assert_eq!(page_window(1, 3), vec![Some(1), Some(2), Some(3)]);
        assert_eq!(
            page_window(5, 10),
            vec![Some(1), None, Some(4), Some(5), Some(6), None, Some(10)]
        );
        assert_eq!(page_window(1, 10), vec![Some(1), Some(2), None, Some(10)]);
        assert_eq!(page_window(10, 10), vec![Some(1), None, Some(9), Some(10)]);
    }
}
