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

/// The weeks of a month, Monday first: `None` before the 1st and after the last day.
pub fn weeks(m: Month) -> Vec<[Option<Date>; 7]> {
    let lead = usize::from(m.day(1).weekday());
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
        "ArrowLeft" => day.add_days(-1),
        "ArrowRight" => day.add_days(1),
        "ArrowUp" => day.add_days(-7),
        "ArrowDown" => day.add_days(7),
        "Home" => day.add_days(-i64::from(day.weekday())),
        "End" => day.add_days(6 - i64::from(day.weekday())),
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
