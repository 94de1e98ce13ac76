//! Building blocks of pages. Components receive data; they never fetch it.

mod agency_list;
mod article_body;
mod contacts;
mod faq_widget;
mod filter_field;
mod footer;
mod header;
mod helpline_directory;
mod highlighted;
mod language_switcher;
mod loaded;
mod news_list;
mod pagination;
mod published_date;
mod sample_tag;
mod shell;
mod states;
mod translation_notice;

pub use agency_list::AgencyList;
pub use article_body::ArticleBody;
pub use contacts::Contacts;
pub use faq_widget::{FaqWidget, TopQuestions};
pub use filter_field::FilterField;
pub use footer::Footer;
pub use header::Header;
pub use helpline_directory::HelplineDirectory;
pub use highlighted::Highlighted;
pub use language_switcher::{same_page_in, LanguageSwitcher};
pub use loaded::Loaded;
pub use news_list::NewsList;
pub use pagination::Pagination;
pub use published_date::PublishedDate;
pub use sample_tag::SampleTag;
pub use shell::Shell;
pub use states::{ErrorView, Message, NotFound, Skeleton, SkeletonShape};
pub use translation_notice::{content_lang, TranslationNotice};
