//! The working-day calendar: which weekdays are worked, which days are bank holidays, and arithmetic on them.

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use super::date::{WeekDay, add_days, day_number};

/// Longest run of non-working days any search steps over before giving up; keeps hostile calendars (every day a
/// holiday) from hanging the app.
const MAX_SEARCH_DAYS: i32 = 3_660;

/// A named non-working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The day.
    pub date: Date,
    /// What it is, e.g. "Good Friday".
    pub name: String,
}

/// The working week and the holidays. Holidays are kept sorted by date (see [`Calendar::normalize`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Weekdays that are worked (SEC: Monday to Friday).
    pub working_days: Vec<WeekDay>,
    /// Bank holidays: non-working even when they fall on a working weekday.
    pub holidays: Vec<Holiday>,
}

/// Bank holidays of England & Wales shipped with the app, used for new plans.
const DEFAULT_HOLIDAYS_RON: &str = include_str!("../../assets/bank_holidays_england_wales.ron");

impl Default for Calendar {
    fn default() -> Self {
        Self::england_and_wales()
    }
}

impl Calendar {
    /// Monday–Friday with the England & Wales bank holidays from `assets/bank_holidays_england_wales.ron`.
    pub fn england_and_wales() -> Self {
        let holidays: Vec<Holiday> = ron::from_str(DEFAULT_HOLIDAYS_RON).unwrap_or_default();
        let mut calendar = Calendar {
            working_days: WeekDay::WORKING_WEEK.to_vec(),
            holidays,
        };
        calendar.normalize();
        calendar
    }

    /// Sorts holidays by date and drops repeated dates (the first name wins), so lookups can binary search.
    pub fn normalize(&mut self) {
        self.holidays.sort_by_key(|h| h.date);
        self.holidays.dedup_by_key(|h| h.date);
        let mut seen = [false; 7];
        self.working_days.retain(|d| {
            let i = d.to_jiff().to_monday_zero_offset() as usize;
            !std::mem::replace(&mut seen[i], true)
        });
        self.working_days
            .sort_by_key(|d| d.to_jiff().to_monday_zero_offset());
    }

    fn is_working_weekday(&self, weekday: Weekday) -> bool {
        self.working_days.iter().any(|d| d.to_jiff() == weekday)
    }

    /// The holiday on `date`, if any.
    pub fn holiday(&self, date: Date) -> Option<&Holiday> {
        self.holidays
            .binary_search_by_key(&date, |h| h.date)
            .ok()
            .map(|i| &self.holidays[i])
    }

    /// True when `date` is a working weekday and not a holiday.
    pub fn is_working_day(&self, date: Date) -> bool {
        self.is_working_weekday(date.weekday()) && self.holiday(date).is_none()
    }

    /// `date` if it is a working day, else the next one (or `date` if none is found within ten years).
    pub fn working_day_on_or_after(&self, date: Date) -> Date {
        self.search(date, 1).unwrap_or(date)
    }

    /// `date` if it is a working day, else the previous one (or `date` if none is found within ten years).
    pub fn working_day_on_or_before(&self, date: Date) -> Date {
        self.search(date, -1).unwrap_or(date)
    }

    /// The working day nearest to `date`; ties go to the earlier day.
    pub fn nearest_working_day(&self, date: Date) -> Date {
        let before = self.working_day_on_or_before(date);
        let after = self.working_day_on_or_after(date);
        if day_number(after) - day_number(date) < day_number(date) - day_number(before) {
            after
        } else {
            before
        }
    }

    fn search(&self, start: Date, step: i32) -> Option<Date> {
        let mut d = start;
        for _ in 0..MAX_SEARCH_DAYS {
            if self.is_working_day(d) {
                return Some(d);
            }
            d = add_days(d, step);
        }
        None
    }

    /// Moves `n` working days from `date` (backwards when `n` is negative). The start day itself is not counted,
    /// so three working days after Friday 8 March 2019 is Wednesday 13 March. With `n == 0` the date is returned
    /// unchanged.
    pub fn add_working_days(&self, date: Date, n: i32) -> Date {
        let step = n.signum();
        let mut d = date;
        let mut remaining = n.unsigned_abs();
        let mut idle = 0;
        while remaining > 0 && idle < MAX_SEARCH_DAYS {
            d = add_days(d, step);
            if self.is_working_day(d) {
                remaining -= 1;
                idle = 0;
            } else {
                idle += 1;
            }
        }
        d
    }

    /// Signed count of working days `d` with `from < d <= to` (negative when `to` is before `from`).
    /// This is how far a date moved, in working days.
    pub fn working_days_between(&self, from: Date, to: Date) -> i32 {
        let (a, b, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let total_days = day_number(b) - day_number(a);
        let weeks = total_days / 7;
        let mut count = weeks * self.working_days.len() as i32;
        // The leftover days after the whole weeks.
        let mut d = add_days(a, weeks * 7);
        for _ in 0..(total_days % 7) {
            d = add_days(d, 1);
            if self.is_working_weekday(d.weekday()) {
                count += 1;
            }
        }
        // Holidays in (a, b] that fall on a working weekday.
        let lo = self.holidays.partition_point(|h| h.date <= a);
        let hi = self.holidays.partition_point(|h| h.date <= b);
        count -= self.holidays[lo..hi]
            .iter()
            .filter(|h| self.is_working_weekday(h.date.weekday()))
            .count() as i32;
        sign * count
    }

    /// Working days in the inclusive range `start..=end` (0 when `end` is before `start`).
    pub fn working_days_in(&self, start: Date, end: Date) -> i32 {
        if end < start {
            return 0;
        }
        self.working_days_between(add_days(start, -1), end)
    }

    /// The day `working_days` working days before `meeting`: the deadline for a notice of that many working days.
    /// 10 working days before Wednesday 3 April 2019 is Wednesday 20 March 2019.
    pub fn notice_deadline(&self, meeting: Date, working_days: u32) -> Date {
        self.add_working_days(meeting, -(working_days.min(i32::MAX as u32) as i32))
    }
}

/// The `nth` (1-based) `weekday` of a month, e.g. the first Wednesday of April 2019 (3 April).
pub fn nth_weekday_of_month(year: i16, month: i8, nth: i8, weekday: Weekday) -> Option<Date> {
    Date::new(year, month, 1)
        .ok()?
        .nth_weekday_of_month(nth, weekday)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn cal() -> Calendar {
        Calendar::england_and_wales()
    }

    #[test]
    fn bundled_bank_holidays_cover_2018_to_2030() {
        let c = cal();
        for year in 2018..=2030 {
            let n = c.holidays.iter().filter(|h| h.date.year() == year).count();
            assert!(n >= 8, "{year} has {n} holidays");
        }
        assert_eq!(c.holiday(date(2019, 4, 19)).unwrap().name, "Good Friday");
        assert_eq!(c.holiday(date(2019, 4, 22)).unwrap().name, "Easter Monday");
        assert_eq!(
            c.holiday(date(2019, 5, 6)).unwrap().name,
            "Early May bank holiday"
        );
        assert_eq!(
            c.holiday(date(2019, 5, 27)).unwrap().name,
            "Spring bank holiday"
        );
        assert_eq!(
            c.holiday(date(2019, 8, 26)).unwrap().name,
            "Summer bank holiday"
        );
        // Substitute days and one-off holidays.
        assert!(c.holiday(date(2020, 5, 8)).is_some(), "VE day 2020");
        assert!(c.holiday(date(2020, 5, 4)).is_none(), "moved to 8 May");
        assert!(
            c.holiday(date(2020, 12, 28)).is_some(),
            "Boxing Day substitute"
        );
        assert!(c.holiday(date(2022, 6, 3)).is_some(), "Platinum Jubilee");
        assert!(c.holiday(date(2022, 9, 19)).is_some(), "State Funeral");
        assert!(c.holiday(date(2023, 5, 8)).is_some(), "Coronation");
        assert!(c.holiday(date(2027, 12, 27)).is_some());
        assert!(c.holiday(date(2027, 12, 28)).is_some());
        assert!(c.holiday(date(2028, 1, 3)).is_some());
        assert!(c.holiday(date(2019, 3, 8)).is_none());
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let c = cal();
        assert!(c.is_working_day(date(2019, 3, 8)));
        assert!(!c.is_working_day(date(2019, 3, 9)), "Saturday");
        assert!(!c.is_working_day(date(2019, 4, 19)), "Good Friday");
        assert_eq!(c.add_working_days(date(2019, 3, 8), 3), date(2019, 3, 13));
        assert_eq!(c.add_working_days(date(2019, 3, 8), 0), date(2019, 3, 8));
        assert_eq!(c.add_working_days(date(2019, 3, 11), -1), date(2019, 3, 8));
        assert_eq!(
            c.working_day_on_or_after(date(2019, 4, 19)),
            date(2019, 4, 23)
        );
        assert_eq!(
            c.working_day_on_or_before(date(2019, 4, 22)),
            date(2019, 4, 18)
        );
        assert_eq!(c.nearest_working_day(date(2019, 3, 9)), date(2019, 3, 8));
        assert_eq!(c.nearest_working_day(date(2019, 3, 10)), date(2019, 3, 11));
    }

    #[test]
    fn working_day_counts_across_easter() {
        let c = cal();
        // Mon 15 Apr – Fri 26 Apr 2019: ten weekdays less Good Friday and Easter Monday.
        assert_eq!(c.working_days_in(date(2019, 4, 15), date(2019, 4, 26)), 8);
        assert_eq!(
            c.working_days_between(date(2019, 4, 18), date(2019, 4, 23)),
            1
        );
        assert_eq!(
            c.working_days_between(date(2019, 4, 23), date(2019, 4, 18)),
            -1
        );
        assert_eq!(c.add_working_days(date(2019, 4, 18), 1), date(2019, 4, 23));
        assert_eq!(c.working_days_in(date(2019, 4, 26), date(2019, 4, 15)), 0);
        // 2019 has 261 weekdays and 8 bank holidays, all on weekdays.
        assert_eq!(c.working_days_in(date(2019, 1, 1), date(2019, 12, 31)), 253);
    }

    #[test]
    fn counting_agrees_with_stepping() {
        let c = cal();
        let start = date(2019, 3, 1);
        for n in -300..300 {
            let end = c.add_working_days(start, n);
            assert_eq!(c.working_days_between(start, end), n, "n = {n}");
        }
    }

    #[test]
    fn first_wednesdays() {
        let wed = Weekday::Wednesday;
        assert_eq!(
            nth_weekday_of_month(2019, 4, 1, wed),
            Some(date(2019, 4, 3))
        );
        assert_eq!(
            nth_weekday_of_month(2019, 5, 1, wed),
            Some(date(2019, 5, 1))
        );
        assert_eq!(
            nth_weekday_of_month(2019, 6, 1, wed),
            Some(date(2019, 6, 5))
        );
        assert_eq!(
            nth_weekday_of_month(2019, 7, 1, wed),
            Some(date(2019, 7, 3))
        );
        assert_eq!(
            nth_weekday_of_month(2020, 1, 1, wed),
            Some(date(2020, 1, 1))
        );
        assert_eq!(nth_weekday_of_month(2019, 13, 1, wed), None);
    }

    #[test]
    fn notice_rules_of_the_paper() {
        let c = cal();
        // Working Group on 3 April 2019: agenda 10 working days before, papers 5.
        assert_eq!(c.notice_deadline(date(2019, 4, 3), 10), date(2019, 3, 20));
        assert_eq!(c.notice_deadline(date(2019, 4, 3), 5), date(2019, 3, 27));
        // Across Easter 2019: the May Working Group (1 May) loses Good Friday and Easter Monday.
        assert_eq!(c.notice_deadline(date(2019, 5, 1), 10), date(2019, 4, 15));
        assert_eq!(c.notice_deadline(date(2019, 5, 1), 5), date(2019, 4, 24));
    }

    #[test]
    fn hostile_calendars_do_not_hang() {
        let c = Calendar {
            working_days: vec![],
            holidays: vec![],
        };
        assert_eq!(
            c.working_day_on_or_after(date(2019, 1, 1)),
            date(2019, 1, 1)
        );
        let far = c.add_working_days(date(2019, 1, 1), 5);
        assert!(far > date(2019, 1, 1));
        assert_eq!(
            c.working_days_between(date(2019, 1, 1), date(2020, 1, 1)),
            0
        );
    }

    #[test]
    fn normalize_sorts_and_dedups() {
        let mut c = Calendar {
            working_days: vec![WeekDay::Friday, WeekDay::Monday, WeekDay::Friday],
            holidays: vec![
                Holiday {
                    date: date(2019, 5, 6),
                    name: "b".into(),
                },
                Holiday {
                    date: date(2019, 1, 1),
                    name: "a".into(),
                },
                Holiday {
                    date: date(2019, 5, 6),
                    name: "c".into(),
                },
            ],
        };
        c.normalize();
        assert_eq!(c.working_days, vec![WeekDay::Monday, WeekDay::Friday]);
        let names: Vec<_> = c.holidays.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
    }
}
