//! Dates as the plan uses them: civil dates, how precisely the paper stated them, day numbers for drawing.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

/// The day that day number 0 stands for. Day numbers are what the timeline plots on its x axis.
pub const EPOCH: Date = jiff::civil::date(2000, 1, 1);

/// Days from [`EPOCH`] to `date` (negative before it).
pub fn day_number(date: Date) -> i32 {
    EPOCH
        .until((jiff::Unit::Day, date))
        .map(|span| span.get_days())
        .unwrap_or(0)
}

/// The date `days` after [`EPOCH`], clamped to the range jiff supports.
pub fn date_from_day_number(days: i32) -> Date {
    let clamped = days.clamp(day_number(Date::MIN), day_number(Date::MAX));
    EPOCH.checked_add(clamped.days()).unwrap_or(EPOCH)
}

/// Adds calendar days, saturating at the ends of the supported range.
pub fn add_days(date: Date, days: i32) -> Date {
    date_from_day_number(day_number(date).saturating_add(days))
}

/// The first day of the month after `date`'s, or `None` at the end of the supported range. Loops over months use
/// this so that a plan dated near year 9999 cannot make them spin.
pub fn next_month_start(date: Date) -> Option<Date> {
    date.last_of_month().tomorrow().ok()
}

/// How precisely a date is known. The paper often says "early April" or "by the end of March": the plan keeps a
/// concrete date for drawing and arithmetic, and this precision so the app can show the date honestly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Precision {
    /// The day is known.
    #[default]
    Exact,
    /// "Early <month>": drawn on the 5th (or the next working day).
    Early,
    /// "Mid-<month>": drawn on the 15th (or the next working day).
    Mid,
    /// "Late <month>" or "by the end of <month>": drawn on the last working day of the month.
    Late,
    /// Only the month is known ("in May"): drawn on the 15th, shown across the whole month.
    Month,
    /// The source gives no day at all: a plausible day, shown with "~" (e.g. where one package of work the paper
    /// states as a whole is split in two).
    Approximate,
}

impl Precision {
    /// True for [`Precision::Exact`]; used to keep exact dates short in files.
    pub fn is_exact(&self) -> bool {
        *self == Precision::Exact
    }

    /// Lower-case word for the precision, as used in files and JSON.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The span of days the stated date could mean: `(first, last)` inclusive.
    /// Exact dates give the day itself; early is the 1st–10th, mid the 11th–20th, late the 21st–end.
    pub fn window(self, date: Date) -> (Date, Date) {
        let first = date.first_of_month();
        let last = date.last_of_month();
        let day = |d: i8| Date::new(date.year(), date.month(), d).unwrap_or(date);
        match self {
            Precision::Exact => (date, date),
            Precision::Early => (first, day(10)),
            Precision::Mid => (day(11), day(20)),
            Precision::Late => (day(21), last),
            Precision::Month => (first, last),
            Precision::Approximate => (add_days(date, -3), add_days(date, 3)),
        }
    }
}

/// Short human form of a date: "3 Apr 2019".
pub fn format_date(date: Date) -> String {
    date.strftime("%-d %b %Y").to_string()
}

/// A date as the paper would say it: "3 Apr 2019", "early Apr 2019", "mid-May 2019", "end of Mar 2019",
/// "May 2019".
pub fn format_approx(date: Date, precision: Precision) -> String {
    let month = date.strftime("%b %Y");
    match precision {
        Precision::Exact => format_date(date),
        Precision::Early => format!("early {month}"),
        Precision::Mid => format!("mid-{month}"),
        Precision::Late => format!("end of {month}"),
        Precision::Month => month.to_string(),
        Precision::Approximate => format!("~{}", format_date(date)),
    }
}

/// Long month name and year: "April 2019".
pub fn format_month(date: Date) -> String {
    date.strftime("%B %Y").to_string()
}

/// Weekday names as plan files write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekDay {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl WeekDay {
    /// The jiff weekday.
    pub fn to_jiff(self) -> Weekday {
        match self {
            WeekDay::Monday => Weekday::Monday,
            WeekDay::Tuesday => Weekday::Tuesday,
            WeekDay::Wednesday => Weekday::Wednesday,
            WeekDay::Thursday => Weekday::Thursday,
            WeekDay::Friday => Weekday::Friday,
            WeekDay::Saturday => Weekday::Saturday,
            WeekDay::Sunday => Weekday::Sunday,
        }
    }

    /// Monday to Friday.
    pub const WORKING_WEEK: [WeekDay; 5] = [
        WeekDay::Monday,
        WeekDay::Tuesday,
        WeekDay::Wednesday,
        WeekDay::Thursday,
        WeekDay::Friday,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn day_numbers_round_trip() {
        for d in [
            date(2019, 3, 8),
            date(1999, 12, 31),
            date(2000, 1, 1),
            date(2030, 12, 31),
        ] {
            assert_eq!(date_from_day_number(day_number(d)), d);
        }
        assert_eq!(day_number(date(2000, 1, 2)), 1);
        assert_eq!(day_number(date(1999, 12, 31)), -1);
        assert_eq!(
            day_number(date(2019, 4, 3)) - day_number(date(2019, 3, 8)),
            26
        );
    }

    #[test]
    fn month_steps_end_at_the_end_of_time() {
        assert_eq!(next_month_start(date(2019, 12, 31)), Some(date(2020, 1, 1)));
        assert_eq!(next_month_start(date(2019, 2, 3)), Some(date(2019, 3, 1)));
        assert_eq!(next_month_start(Date::MAX), None);
    }

    #[test]
    fn day_numbers_clamp_instead_of_failing() {
        assert_eq!(date_from_day_number(i32::MAX), Date::MAX);
        assert_eq!(date_from_day_number(i32::MIN), Date::MIN);
        assert_eq!(add_days(Date::MAX, 10), Date::MAX);
    }

    #[test]
    fn approximate_dates_read_like_the_paper() {
        assert_eq!(format_date(date(2019, 4, 3)), "3 Apr 2019");
        assert_eq!(
            format_approx(date(2019, 4, 5), Precision::Early),
            "early Apr 2019"
        );
        assert_eq!(
            format_approx(date(2019, 5, 15), Precision::Mid),
            "mid-May 2019"
        );
        assert_eq!(
            format_approx(date(2019, 3, 29), Precision::Late),
            "end of Mar 2019"
        );
        assert_eq!(
            format_approx(date(2019, 5, 15), Precision::Month),
            "May 2019"
        );
    }

    #[test]
    fn precision_windows() {
        let d = date(2019, 2, 15);
        assert_eq!(Precision::Exact.window(d), (d, d));
        assert_eq!(
            Precision::Early.window(d),
            (date(2019, 2, 1), date(2019, 2, 10))
        );
        assert_eq!(
            Precision::Mid.window(d),
            (date(2019, 2, 11), date(2019, 2, 20))
        );
        assert_eq!(
            Precision::Late.window(d),
            (date(2019, 2, 21), date(2019, 2, 28))
        );
        assert_eq!(
            Precision::Month.window(d),
            (date(2019, 2, 1), date(2019, 2, 28))
        );
    }
}
