//! One module per route.

mod agencies;
mod article;
mod calendar_panel;
mod faq;
mod helplines;
mod home;
mod language_choice;
mod language_root;
mod news_feed;
mod search;
mod static_page;

pub use agencies::AgenciesPage;
pub use article::ArticlePage;
use calendar_panel::CalendarPanel;
pub use faq::FaqPage;
pub use helplines::HelplinesPage;
pub use home::HomePage;
pub use language_choice::LanguageChoice;
pub use language_root::LanguageRoot;
pub use news_feed::NewsFeedPage;
pub use search::SearchPage;
pub use static_page::StaticPagePage;

crate::runtime::chunks::rarely_read! {
    faq_route: faq_chunk => FaqPage,
    helplines_route: helplines_chunk => HelplinesPage,
    agencies_route: agencies_chunk => AgenciesPage,
    static_page_route: static_page_chunk => StaticPagePage,
    search_route: search_chunk => SearchPage,
}
