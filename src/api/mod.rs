//! The content API: its contract (re-exported from `portal-api`) and the one client.
//! Pages ask for typed data here; they never build URLs or parse JSON.

mod client;
mod error;
mod feedback;
mod site_search;
mod transport;

pub use client::{
    clear_cache, fetch_agencies, fetch_article, fetch_calendar_month, fetch_faq, fetch_helplines,
    fetch_news_page, fetch_page, fetch_site,
};
pub use error::ApiError;
pub use feedback::{send_feedback, Feedback};
pub use portal_api::*;
pub use site_search::{search, RESULTS_PER_PAGE};
#[cfg(not(target_arch = "wasm32"))]
pub use transport::ApiRoot;
