//! The translation layer: the reader's language and every user-visible string.
//!
//! Each language is one `Texts` value; a missing string in any language is a missing struct
//! field, so a compile error. Strings that take numbers are functions, so each language can
//! choose its own plural forms and word order.

mod dates;
mod en;
mod oz;
mod qr;
mod ru;
mod uz;

pub use dates::format_date;
use leptos::prelude::*;

/// A language of the portal, named by its URL code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Uzbek, Latin script.
    Oz,
    /// Uzbek, Cyrillic script.
    Uz,
    Ru,
    #[default]
    En,
    /// Karakalpak.
    Qr,
}

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Lang; 5] = [Lang::Oz, Lang::Uz, Lang::Ru, Lang::En, Lang::Qr];

    /// The code used in URLs and in the API (`oz`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Oz => "oz",
            Lang::Uz => "uz",
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Qr => "qr",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `lang` attributes.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::Oz => "uz-Latn",
            Lang::Uz => "uz-Cyrl",
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Qr => "kaa",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Oz => "O‘zbekcha",
            Lang::Uz => "Ўзбекча",
            Lang::Ru => "Русский",
            Lang::En => "English",
            Lang::Qr => "Qaraqalpaqsha",
        }
    }

    /// The language's name in the language of `texts` ("English" on the English site,
    /// "ingliz tili" on the Uzbek one), for text that names a language in a sentence.
    pub fn name_in(self, texts: &Texts) -> &'static str {
        let index = Lang::ALL
            .iter()
            .position(|l| *l == self)
            .unwrap_or_default();
        texts.language_names[index]
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The portal language for a browser language tag (`navigator.languages`): `uz` and
    /// `uz-Latn` → `oz`, `uz-Cyrl` → `uz`, `ru-*` → `ru`, `en-*` → `en`, `kaa-*` → `qr`.
    pub fn from_browser_tag(tag: &str) -> Option<Lang> {
        let tag = tag.to_ascii_lowercase();
        let mut parts = tag.split(['-', '_']);
        match (parts.next()?, parts.next()) {
            ("uz", Some("cyrl")) => Some(Lang::Uz),
            ("uz", _) => Some(Lang::Oz),
            ("ru", _) => Some(Lang::Ru),
            ("en", _) => Some(Lang::En),
            ("kaa", _) => Some(Lang::Qr),
            _ => None,
        }
    }

    /// The first of the reader's preferred languages that the portal has.
    pub fn best_match<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::from_browser_tag)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Oz => &oz::TEXTS,
            Lang::Uz => &uz::TEXTS,
            Lang::Ru => &ru::TEXTS,
            Lang::En => &en::TEXTS,
            Lang::Qr => &qr::TEXTS,
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
    pub language_label: &'static str,
    /// Shown with an item that has no translation: "Not yet translated; shown in".
    pub not_translated: &'static str,
    pub choose_language: &'static str,
    pub faq_title: &'static str,
    pub faq_filter_label: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    /// "5 questions".
    pub question_count: fn(u32) -> String,
    pub no_answers_match: &'static str,
    pub link_to_answer: &'static str,
    pub helplines_title: &'static str,
    pub helplines_filter_label: &'static str,
    pub all_groups: &'static str,
    pub groups_label: &'static str,
    /// "42 helplines".
    pub helpline_count: fn(u32) -> String,
    pub no_helplines_match: &'static str,
    pub short_number: &'static str,
    pub hours: &'static str,
    pub email: &'static str,
    pub website: &'static str,
    pub phone: &'static str,
    pub agencies_title: &'static str,
    pub agencies_filter_label: &'static str,
    pub sort_label: &'static str,
    pub sort_a_z: &'static str,
    pub sort_z_a: &'static str,
    /// "42 agencies".
    pub agency_count: fn(u32) -> String,
    pub no_agencies_match: &'static str,
    pub address: &'static str,
    pub months: [&'static str; 12],
    /// The calendar's weekday row, Monday first.
    pub weekdays_short: [&'static str; 7],
    /// Full weekday names, Monday first (what a screen reader says for the weekday row).
    pub weekdays: [&'static str; 7],
    /// Month names as a heading says them ("November 2017"; Russian uses the nominative).
    pub months_standalone: [&'static str; 12],
    pub calendar_label: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub today: &'static str,
    /// "3 news", for a day of the calendar.
    pub news_count: fn(u32) -> String,
    /// "News of 7 August 2017".
    pub news_of_day: fn(&str) -> String,
    pub no_news_on_day: &'static str,
    pub bad_date: &'static str,
    /// Announcement link suffix ("Detail").
    pub detail: &'static str,
    pub display_toggle: &'static str,
    pub display_title: &'static str,
    /// The names of the display settings, in the order of `display::SETTINGS`.
    pub display_legends: [&'static str; 4],
    /// The names of each setting's values, in the order of `display::SETTINGS`.
    pub display_values: [&'static [&'static str]; 4],
    pub display_reset: &'static str,
    pub close: &'static str,
    /// The header's menu button on phones (languages, sections and search).
    pub menu: &'static str,
    /// The label of an article's byline.
    pub author: &'static str,
    /// Printed before the page's address.
    pub page_address: &'static str,
    /// Each language's name in this language, in the order of [`Lang::ALL`].
    pub language_names: [&'static str; 5],
    /// Shown if the app stops on an unexpected error.
    pub crash_message: &'static str,
    pub reload_page: &'static str,
    pub offline_notice: &'static str,
    pub breadcrumbs_label: &'static str,
    pub share_title: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub opens_in_new_tab: &'static str,
    pub page_useful: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub report_problem: &'static str,
    pub feedback_no_personal_data: &'static str,
    pub feedback_doing: &'static str,
    pub feedback_wrong: &'static str,
    pub characters_left: fn(u32) -> String,
    pub feedback_empty: &'static str,
    pub feedback_too_long: &'static str,
    pub send: &'static str,
    pub send_by_email: &'static str,
    pub sending: &'static str,
    pub feedback_thanks: &'static str,
    /// After "Send by e-mail": what should have happened, and the address to write to if not.
    pub feedback_mail_opened: &'static str,
    pub feedback_failed: &'static str,
    pub feedback_offline: &'static str,
    pub or_write_to: &'static str,
    pub accessibility_statement: &'static str,
    pub privacy_notice: &'static str,
    pub error_too_large: &'static str,
    pub news_feeds: &'static str,
    /// The link to the Atom feed of the category a feed page shows.
    pub category_feed: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub search_title: &'static str,
    pub search_results_for: fn(&str) -> String,
    pub result_count: fn(u32) -> String,
    /// "More than 5000 results": a common word's list was cut.
    pub result_count_at_least: fn(u32) -> String,
    pub no_results: &'static str,
    pub search_prompt: &'static str,
    pub kind_news: &'static str,
    pub kind_faq: &'static str,
    pub kind_helpline: &'static str,
    pub kind_agency: &'static str,
    /// Before a helpline's or agency's topics, the words readers type for it: "Keywords:".
    pub topics_label: &'static str,
    /// Under the helpline filter: what may be typed, with examples after the last ": ",
    /// separated by ", ", each of which finds a helpline (a test checks).
    pub helplines_filter_hint: &'static str,
    /// Under the agency filter, as [`Texts::helplines_filter_hint`].
    pub agencies_filter_hint: &'static str,
    /// A static page as a search result.
    pub kind_page: &'static str,
    /// Accessible name of the search filters.
    pub search_filters_label: &'static str,
    /// Heading of the filter by kind of result.
    pub filter_kind: &'static str,
    /// The kind filter's "no filter".
    pub filter_any_kind: &'static str,
    /// Heading of the filter by year.
    pub filter_year: &'static str,
    /// The year filter's "no filter".
    pub filter_any_year: &'static str,
    /// When a search finds nothing in the page's language but does in others, before their counts.
    pub search_elsewhere: &'static str,
    /// `?kind=` is not a kind of result.
    pub bad_kind: &'static str,
    /// `?year=` is not a year.
    pub bad_year: &'static str,
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
    fn matches_browser_languages() {
        assert_eq!(Lang::from_browser_tag("uz"), Some(Lang::Oz));
        assert_eq!(Lang::from_browser_tag("uz-Latn"), Some(Lang::Oz));
        assert_eq!(Lang::from_browser_tag("uz-Latn-UZ"), Some(Lang::Oz));
        assert_eq!(Lang::from_browser_tag("uz-Cyrl"), Some(Lang::Uz));
        assert_eq!(Lang::from_browser_tag("uz-Cyrl-UZ"), Some(Lang::Uz));
        assert_eq!(Lang::from_browser_tag("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_browser_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_browser_tag("kaa"), Some(Lang::Qr));
        assert_eq!(Lang::from_browser_tag("de-DE"), None);
        assert_eq!(Lang::from_browser_tag(""), None);
        assert_eq!(
            Lang::best_match(["de", "fr-FR", "ru", "en"]),
            Some(Lang::Ru)
        );
        assert_eq!(Lang::best_match(["de"]), None);
    }

    #[test]
    fn every_language_has_every_string() {
        // Missing fields do not compile; this checks that none is left empty.
        for lang in Lang::ALL {
            let t = lang.texts();
            let strings = [
                t.portal_name,
                t.portal_short_name,
                t.skip_to_content,
                t.main_nav_label,
                t.nav_home,
                t.nav_news,
                t.nav_faq,
                t.nav_helplines,
                t.nav_agencies,
                t.footer_label,
                t.footer_about,
                t.footer_sample_notice,
                t.new_on_portal,
                t.latest_news,
                t.all_news,
                t.news_title,
                t.categories_label,
                t.all_categories,
                t.pagination_label,
                t.previous_page,
                t.next_page,
                t.sample_tag,
                t.sample_tag_hint,
                t.published,
                t.updated,
                t.category,
                t.source,
                t.print,
                t.back_to_news,
                t.loading,
                t.error_title,
                t.error_network,
                t.error_timeout,
                t.error_decode,
                t.try_again,
                t.not_found_title,
                t.not_found_text,
                t.go_home,
                t.no_news,
                t.no_news_in_category,
                t.bad_page_number,
                t.no_such_page,
                t.no_such_category,
                t.first_page,
                t.image_label,
                t.language_label,
                t.not_translated,
                t.choose_language,
                t.calendar_label,
                t.previous_month,
                t.next_month,
                t.today,
                t.no_news_on_day,
                t.bad_date,
                t.detail,
                t.display_toggle,
                t.display_title,
                t.display_reset,
                t.close,
                t.menu,
                t.author,
                t.page_address,
                t.crash_message,
                t.reload_page,
                t.offline_notice,
                t.search_label,
                t.search_button,
                t.search_title,
                t.no_results,
                t.search_prompt,
                t.kind_news,
                t.kind_faq,
                t.kind_helpline,
                t.kind_agency,
                t.kind_page,
                t.search_filters_label,
                t.filter_kind,
                t.filter_any_kind,
                t.filter_year,
                t.filter_any_year,
                t.search_elsewhere,
                t.bad_kind,
                t.bad_year,
                t.breadcrumbs_label,
                t.share_title,
                t.copy_link,
                t.link_copied,
                t.copy_failed,
                t.opens_in_new_tab,
                t.page_useful,
                t.yes,
                t.no,
                t.report_problem,
                t.feedback_no_personal_data,
                t.feedback_doing,
                t.feedback_wrong,
                t.feedback_empty,
                t.feedback_too_long,
                t.send,
                t.send_by_email,
                t.sending,
                t.feedback_thanks,
                t.feedback_mail_opened,
                t.feedback_failed,
                t.feedback_offline,
                t.or_write_to,
                t.accessibility_statement,
                t.privacy_notice,
                t.error_too_large,
                t.news_feeds,
                t.category_feed,
            ];
            let lists = t.months.iter().chain(&t.weekdays_short).chain(&t.weekdays);
            let lists = lists
                .chain(&t.months_standalone)
                .chain(&t.display_legends)
                .chain(&t.language_names);
            for s in strings.iter().chain(lists) {
                assert!(!s.trim().is_empty(), "{lang:?} has an empty string");
            }
            for n in [0, 1, 2, 5, 11, 21, 22, 25] {
                assert!(!(t.article_count)(n).is_empty());
            }
            assert!((t.page_of)(2, 5).contains('2') && (t.page_of)(2, 5).contains('5'));
            assert!((t.error_status)(503).contains("503"));
            assert!((t.page_n)(7).contains('7'));
            assert!((t.question_count)(31).contains("31"));
            assert!((t.helpline_count)(42).contains("42"));
            assert!((t.agency_count)(40).contains("40"));
            assert!((t.more_in_category)("X").contains('X'));
            assert!((t.news_count)(3).contains('3'));
            assert!((t.characters_left)(999).contains("999"));
            assert!((t.result_count)(21).contains("21"));
            assert!((t.result_count_at_least)(5000).contains("5000"));
            assert!((t.search_results_for)("qz").contains("qz"));
            assert!((t.news_of_day)("1 X").contains("1 X"));
            for (setting, names) in crate::display::SETTINGS.iter().zip(t.display_values) {
                assert_eq!(
                    setting.values.len(),
                    names.len(),
                    "{lang:?} {}",
                    setting.key
                );
                assert!(names.iter().all(|n| !n.trim().is_empty()));
            }
        }
    }

    #[test]
    fn russian_plurals() {
        let count = Lang::Ru.texts().article_count;
        assert_eq!(count(1), "1 статья");
        assert_eq!(count(2), "2 статьи");
        assert_eq!(count(5), "5 статей");
        assert_eq!(count(11), "11 статей");
        assert_eq!(count(21), "21 статья");
        assert_eq!(count(22), "22 статьи");
        assert_eq!(count(112), "112 статей");
        assert_eq!((Lang::Ru.texts().question_count)(3), "3 вопроса");
        assert_eq!((Lang::Ru.texts().helpline_count)(41), "41 служба");
        assert_eq!((Lang::Ru.texts().agency_count)(42), "42 ведомства");
        assert_eq!((Lang::En.texts().article_count)(1), "1 article");
        assert_eq!((Lang::En.texts().article_count)(2), "2 articles");
    }

    #[test]
    fn weekday_rows_match_the_portal() {
        let row = |l: Lang| l.texts().weekdays_short.join(" ");
        assert_eq!(row(Lang::En), "Mo Tu We Th Fr Sa Su");
        assert_eq!(row(Lang::Oz), "Du Se Ch Pa Ju Sh Ya");
        assert_eq!(row(Lang::Uz), "Ду Се Чо Па Жу Ша Як");
        assert_eq!(row(Lang::Ru), "Пн Вт Ср Чт Пт Сб Вс");
        assert_eq!(row(Lang::Qr), "Dú Si Sá Pi Ju Sh Ek");
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::from_code("EN"), None);
    }
}
