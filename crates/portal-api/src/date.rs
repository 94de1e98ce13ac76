//! A calendar date as the API writes it: `YYYY-MM-DD`, validated on decode.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A valid Gregorian date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// `None` unless the date exists (`2017-02-29` does not).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 = January.
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's `days_from_civil`).
    pub fn day_number(self) -> i64 {
        let (m, day) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number (`civil_from_days`); `None` outside the years a `Date` holds.
    pub fn from_day_number(z: i64) -> Option<Self> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// `n` days later (earlier for a negative `n`).
    pub fn add_days(self, n: i64) -> Option<Self> {
        Self::from_day_number(self.day_number() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.day_number() + 3).rem_euclid(7) as u8
    }
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const ERR: &str = "expected a date as YYYY-MM-DD";
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(ERR);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, &'static str> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| ERR)
            } else {
                Err(ERR)
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).ok_or("no such date")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// A string `YYYY-MM-DD`, as it is encoded.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> String {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{InstanceType, Metadata, SchemaObject, StringValidation};
        SchemaObject {
            metadata: Some(Box::new(Metadata {
                description: Some("A calendar date, YYYY-MM-DD (a date that exists).".into()),
                ..Default::default()
            })),
            instance_type: Some(InstanceType::String.into()),
            string: Some(Box::new(StringValidation {
                pattern: Some(r"^\d{4}-\d{2}-\d{2}$".into()),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_days_both_ways() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2017-11-01",
            "2018-12-31",
            "2024-03-01",
        ] {
            let d: Date = s.parse().unwrap();
            assert_eq!(Date::from_day_number(d.day_number()), Some(d), "{s}");
        }
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("1970-01-02").day_number(), 1);
        assert_eq!(d("2017-02-28").add_days(1), Some(d("2017-03-01")));
        assert_eq!(d("2016-03-01").add_days(-1), Some(d("2016-02-29")));
        assert_eq!(d("2017-12-31").add_days(1), Some(d("2018-01-01")));
        assert_eq!(d("1970-01-01").weekday(), 3);
        assert_eq!(d("2017-11-01").weekday(), 2, "a Wednesday");
        assert_eq!(d("2026-11-29").weekday(), 6, "a Sunday");
    }

    #[test]
    fn parses_valid_dates() {
        let d: Date = "2017-11-01".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2017, 11, 1));
        assert_eq!(d.to_string(), "2017-11-01");
        assert!("2016-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for bad in [
            "2017-13-45",
            "2017-02-29",
            "2017-04-31",
            "2017-1-01",
            "17-11-01",
            "2017/11/01",
            "",
            "2017-11-0x",
            "+017-11-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let a: Date = "2017-11-01".parse().unwrap();
        let b: Date = "2018-01-15".parse().unwrap();
        assert!(a < b);
    }
}
