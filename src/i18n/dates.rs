//! Dates as a reader of each language writes them.

use super::Lang;
use portal_api::Date;

/// "1 November 2017", "1 noyabr 2017", "1 ноября 2017 г.".
pub fn format_date(lang: Lang, date: Date) -> String {
    let month = lang.texts().months[usize::from(date.month() - 1)];
    let (day, year) = (date.day(), date.year());
    match lang {
        Lang::Ru => format!("{day} {month} {year} г."),
        Lang::Oz | Lang::Uz | Lang::En | Lang::Qr => format!("{day} {month} {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_per_language() {
        let d = Date::new(2017, 11, 1).unwrap();
        assert_eq!(format_date(Lang::En, d), "1 November 2017");
        assert_eq!(format_date(Lang::Oz, d), "1 noyabr 2017");
        assert_eq!(format_date(Lang::Uz, d), "1 ноябр 2017");
        assert_eq!(format_date(Lang::Ru, d), "1 ноября 2017 г.");
        assert_eq!(format_date(Lang::Qr, d), "1 noyabr 2017");
    }
}
