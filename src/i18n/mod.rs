//! The translation layer: the reader's language and every user-visible string.
//!
//! Each language is one `Texts` value; a missing string in any language is a missing struct
//! field, so a compile error. Strings that take numbers are functions, so each language can
//! choose its own plural forms and word order.

mod dates;
mod en;

pub use dates::format_date;
use leptos::prelude::*;

/// A language of the portal, named by its URL code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Lang; 1] = [Lang::En];

    /// The code used in URLs and in the API (`en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `lang` attributes.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::TEXTS,
        }
    }
}

/// Every string of the interface, in one language.
pub struct Texts {
    pub portal_name: &'static str,
    pub portal_short_name: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_news: &'static str,
    pub nav_faq: &'static str,
    pub nav_helplines: &'static str,
    pub nav_agencies: &'static str,
    pub footer_label: &'static str,
    pub footer_about: &'static str,
    pub footer_sample_notice: &'static str,
    pub new_on_portal: &'static str,
    pub latest_news: &'static str,
    pub all_news: &'static str,
    pub news_title: &'static str,
    /// "Page 2 of 5".
    pub page_of: fn(u32, u32) -> String,
    /// "12 articles".
    pub article_count: fn(u32) -> String,
    pub categories_label: &'static str,
    pub all_categories: &'static str,
    pub pagination_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// Accessible name of a page link: "Page 3".
    pub page_n: fn(u32) -> String,
    pub sample_tag: &'static str,
    pub sample_tag_hint: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub category: &'static str,
    pub source: &'static str,
    /// "More in Politics".
    pub more_in_category: fn(&str) -> String,
    pub print: &'static str,
    pub back_to_news: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    /// Any other HTTP failure, with its status code.
    pub error_status: fn(u16) -> String,
    pub error_decode: &'static str,
    pub try_again: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub go_home: &'static str,
    pub no_news: &'static str,
    pub no_news_in_category: &'static str,
    pub bad_page_number: &'static str,
    pub no_such_page: &'static str,
    pub no_such_category: &'static str,
    pub first_page: &'static str,
    pub image_label: &'static str,
    pub months: [&'static str; 12],
    /// The calendar's weekday row, Monday first.
    pub weekdays_short: [&'static str; 7],
}

/// The language of the current page, for components: `i18n.t()` reads its strings.
#[derive(Clone, Copy)]
pub struct I18n(pub Signal<Lang>);

impl I18n {
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// The strings of the current language (reactive: re-read when the language changes).
    pub fn t(self) -> &'static Texts {
        self.0.get().texts()
    }
}

/// The language provided by the page's route, or the default one outside of it.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n(Signal::stored(Lang::default())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::from_code("EN"), None);
    }
}
