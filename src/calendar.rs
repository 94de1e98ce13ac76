//! Calendar arithmetic for the news calendar: months, the Monday-first grid of a month, and
//! where a key of the WAI-ARIA date grid moves the focused day. Pure logic, tested natively.

use portal_api::Date;
use serde::{Deserialize, Serialize};

/// A month of a year; ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    pub year: u16,
    /// 1 = January.
    pub month: u8,
}

impl Month {
    pub fn of(date: Date) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn next(self) -> Self {
        match self.month {
            12 => Self {
                year: self.year.saturating_add(1),
                month: 1,
            },
            m => Self {
                month: m + 1,
                ..self
            },
        }
    }

    pub fn previous(self) -> Self {
        match self.month {
            1 => Self {
                year: self.year.saturating_sub(1),
                month: 12,
            },
            m => Self {
                month: m - 1,
                ..self
            },
        }
    }

    pub fn length(self) -> u8 {
        (28..=31)
            .rev()
            .find(|&d| Date::new(self.year, self.month, d).is_some())
            .unwrap_or(28)
    }

    /// Day `day` of this month, or its last day when the month is shorter.
    pub fn day(self, day: u8) -> Date {
        let day = day.clamp(1, self.length());
        Date::new(self.year, self.month, day).expect("a day inside the month")
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn day_number(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month()), i64::from(d.day()));
    let y = i64::from(d.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (`civil_from_days`); `None` outside the years a `Date` holds.
fn from_day_number(z: i64) -> Option<Date> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

pub fn add_days(d: Date, n: i64) -> Option<Date> {
    from_day_number(day_number(d) + n)
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(d: Date) -> u8 {
    // 1970-01-01 was a Thursday.
    (day_number(d) + 3).rem_euclid(7) as u8
}

/// The weeks of a month, Monday first: `None` before the 1st and after the last day.
pub fn weeks(m: Month) -> Vec<[Option<Date>; 7]> {
    let lead = usize::from(weekday(m.day(1)));
    let cells = lead + usize::from(m.length());
    (0..cells.div_ceil(7))
        .map(|w| {
            std::array::from_fn(|i| {
                let n = w * 7 + i;
                (n >= lead && n < cells).then(|| m.day((n - lead + 1) as u8))
            })
        })
        .collect()
}

/// Where a key moves the focused day in the date grid (arrows by day and week, Home/End to
/// the week's ends, PageUp/PageDown by month, with Shift by year); `None` for other keys.
pub fn moved(day: Date, key: &str, shift: bool) -> Option<Date> {
    let by_months = |n: i32| {
        let mut m = Month::of(day);
        for _ in 0..n.unsigned_abs() {
            m = if n > 0 { m.next() } else { m.previous() };
        }
        Some(m.day(day.day()))
    };
    let year = if shift { 12 } else { 1 };
    match key {
        "ArrowLeft" => add_days(day, -1),
        "ArrowRight" => add_days(day, 1),
        "ArrowUp" => add_days(day, -7),
        "ArrowDown" => add_days(day, 7),
        "Home" => add_days(day, -i64::from(weekday(day))),
        "End" => add_days(day, 6 - i64::from(weekday(day))),
        "PageUp" => by_months(-year),
        "PageDown" => by_months(year),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn knows_weekdays() {
        assert_eq!(weekday(d(1970, 1, 1)), 3);
        assert_eq!(weekday(d(2017, 11, 1)), 2, "a Wednesday");
        assert_eq!(weekday(d(2026, 11, 29)), 6, "a Sunday");
        assert_eq!(weekday(d(2000, 2, 29)), 1, "a Tuesday");
    }

    #[test]
    fn adds_days_across_months_and_years() {
        assert_eq!(add_days(d(2017, 12, 31), 1), Some(d(2018, 1, 1)));
        assert_eq!(add_days(d(2016, 3, 1), -1), Some(d(2016, 2, 29)));
        assert_eq!(add_days(d(2017, 11, 1), -7), Some(d(2017, 10, 25)));
        for n in [-800, -1, 0, 1, 365, 1000] {
            let x = add_days(d(2017, 8, 3), n).unwrap();
            assert_eq!(day_number(x) - day_number(d(2017, 8, 3)), n);
        }
    }

    #[test]
    fn lays_out_a_month_monday_first() {
        // November 2017 starts on a Wednesday and has 30 days: 5 rows.
        let w = weeks(Month {
            year: 2017,
            month: 11,
        });
        assert_eq!(w.len(), 5);
        assert_eq!(w[0][..2], [None, None]);
        assert_eq!(w[0][2], Some(d(2017, 11, 1)));
        assert_eq!(w[4][3], Some(d(2017, 11, 30)));
        assert_eq!(w[4][4], None);
        // February 2021 starts on a Monday and fills exactly 4 rows.
        assert_eq!(
            weeks(Month {
                year: 2021,
                month: 2
            })
            .len(),
            4
        );
    }

    #[test]
    fn moves_like_the_aria_date_grid() {
        let day = d(2017, 11, 1); // a Wednesday
        assert_eq!(moved(day, "ArrowLeft", false), Some(d(2017, 10, 31)));
        assert_eq!(moved(day, "ArrowDown", false), Some(d(2017, 11, 8)));
        assert_eq!(moved(day, "Home", false), Some(d(2017, 10, 30)));
        assert_eq!(moved(day, "End", false), Some(d(2017, 11, 5)));
        assert_eq!(
            moved(d(2018, 1, 31), "PageUp", false),
            Some(d(2017, 12, 31))
        );
        assert_eq!(
            moved(d(2017, 12, 31), "PageUp", false),
            Some(d(2017, 11, 30))
        );
        assert_eq!(
            moved(d(2016, 2, 29), "PageDown", true),
            Some(d(2017, 2, 28))
        );
        assert_eq!(moved(day, "a", false), None);
        assert_eq!(moved(day, "Tab", false), None);
    }
}
