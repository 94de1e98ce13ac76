//! Dates as a reader of each language writes them.

use super::Lang;
use portal_api::Date;

/// "1 November 2017".
pub fn format_date(lang: Lang, date: Date) -> String {
    let month = lang.texts().months[usize::from(date.month() - 1)];
    match lang {
        Lang::En => format!("{} {month} {}", date.day(), date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_english_dates() {
        let d = Date::new(2017, 11, 1).unwrap();
        assert_eq!(format_date(Lang::En, d), "1 November 2017");
    }
}
