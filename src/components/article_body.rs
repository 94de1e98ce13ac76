//! An article's body: structured blocks rendered as text, never as HTML.

use crate::api::Block;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    let i18n = use_i18n();
    let blocks = blocks
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { text } => view! { <p>{text}</p> }.into_any(),
            Block::Heading { text } => view! { <h2>{text}</h2> }.into_any(),
            Block::List { items } => {
                view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                    .into_any()
            }
            Block::Quote { text, cite } => view! {
                <figure class="article-body__quote">
                    <blockquote>
                        <p>{text}</p>
                    </blockquote>
                    {cite.map(|c| view! { <figcaption>{c}</figcaption> })}
                </figure>
            }
            .into_any(),
            Block::Image { src, alt, caption } => {
                // Only web images: a `javascript:` or `data:` source in content is dropped.
                let safe = src.starts_with("https://") || src.starts_with("http://") || src.starts_with('/');
                view! {
                    <figure class="article-body__image">
                        {if safe {
                            view! { <img src=src alt=alt loading="lazy"/> }.into_any()
                        } else {
                            view! { <p class="article-body__missing">{move || i18n.t().image_label} ": " {alt.clone()}</p> }
                                .into_any()
                        }}
                        {caption.map(|c| view! { <figcaption>{c}</figcaption> })}
                    </figure>
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <div class="article-body">{blocks}</div> }
}
