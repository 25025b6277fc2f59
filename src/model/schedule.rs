//! Every meeting of a plan on one sorted list: the one-off meetings plus the occurrences of each series, each
//! with its notice deadlines worked out from the calendar.

use jiff::civil::Date;

use super::calendar::{Calendar, nth_weekday_of_month};
use super::date::format_month;
use super::plan::{Meeting, MeetingKind, MeetingSeries, Notice, Plan};

/// Most months one series may expand to (a hundred years); bounds hostile files.
const MAX_SERIES_MONTHS: i32 = 1_200;

/// A meeting on the expanded schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledMeeting {
    /// Meeting id, or `"<series id>-YYYY-MM"` for a series occurrence.
    pub id: String,
    /// Kind.
    pub kind: MeetingKind,
    /// Display name.
    pub name: String,
    /// The day.
    pub date: Date,
    /// True when the day is a guess.
    pub approximate: bool,
    /// Day by which the agenda must be confirmed, when the meeting has a notice rule.
    pub agenda_due: Option<Date>,
    /// Day by which papers must be published, when the meeting has a notice rule.
    pub papers_due: Option<Date>,
    /// Id of the series it comes from.
    pub series: Option<String>,
    /// Free text.
    pub notes: String,
}

impl ScheduledMeeting {
    /// "Wed 3 Apr 2019 — Working Group April 2019", with "(date approximate)" when it is.
    pub fn heading(&self) -> String {
        format!(
            "{} {} — {}{}",
            self.date.strftime("%a"),
            super::date::format_date(self.date),
            self.name,
            if self.approximate {
                " (date approximate)"
            } else {
                ""
            }
        )
    }

    /// The short label on a date axis: "P67" for Panel 67 ("P67?" when its day is approximate), "WG" for a Working
    /// Group, the name for any other meeting.
    pub fn axis_label(&self) -> String {
        match self.kind {
            MeetingKind::Panel => format!(
                "{}{}",
                self.name.replace("Panel ", "P"),
                if self.approximate { "?" } else { "" }
            ),
            MeetingKind::WorkingGroup => "WG".to_owned(),
            MeetingKind::SubCommittee | MeetingKind::Other => self.name.clone(),
        }
    }
}

/// All meetings of a plan, sorted by date (then id).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schedule {
    /// The meetings, sorted.
    pub meetings: Vec<ScheduledMeeting>,
}

fn deadlines(
    calendar: &Calendar,
    date: Date,
    notice: Option<Notice>,
) -> (Option<Date>, Option<Date>) {
    match notice {
        Some(n) => (
            Some(calendar.notice_deadline(date, n.agenda_days)),
            Some(calendar.notice_deadline(date, n.papers_days)),
        ),
        None => (None, None),
    }
}

/// Dates of a series: the `nth` weekday of each month in `from..=until`; a date that falls on a holiday moves to the
/// next working day (the first Wednesday of January 2020 is New Year's Day, so that Working Group is on 2 January).
pub fn series_dates(series: &MeetingSeries, calendar: &Calendar) -> Vec<Date> {
    let mut out = Vec::new();
    let (mut year, mut month) = (series.from.year(), series.from.month());
    for _ in 0..MAX_SERIES_MONTHS {
        let Some(first) = Date::new(year, month, 1).ok() else {
            break;
        };
        if first > series.until {
            break;
        }
        if let Some(day) = nth_weekday_of_month(year, month, series.nth, series.weekday.to_jiff()) {
            let day = if calendar.holiday(day).is_some() {
                calendar.working_day_on_or_after(day)
            } else {
                day
            };
            if day >= series.from && day <= series.until && !series.skips(day) {
                out.push(day);
            }
        }
        if month == 12 {
            (year, month) = (year.saturating_add(1), 1);
        } else {
            month += 1;
        }
    }
    out
}

impl Schedule {
    /// Expands `plan`'s meetings and series.
    pub fn build(plan: &Plan) -> Self {
        let cal = &plan.calendar;
        let mut meetings: Vec<ScheduledMeeting> = plan
            .meetings
            .iter()
            .map(|m: &Meeting| {
                let (agenda_due, papers_due) = deadlines(cal, m.date, m.notice);
                ScheduledMeeting {
                    id: m.id.clone(),
                    kind: m.kind,
                    name: m.name.clone(),
                    date: m.date,
                    approximate: m.approximate,
                    agenda_due,
                    papers_due,
                    series: None,
                    notes: m.notes.clone(),
                }
            })
            .collect();
        for s in &plan.meeting_series {
            for date in series_dates(s, cal) {
                let (agenda_due, papers_due) = deadlines(cal, date, s.notice);
                meetings.push(ScheduledMeeting {
                    id: format!("{}-{}", s.id, date.strftime("%Y-%m")),
                    kind: s.kind,
                    name: format!("{} {}", s.name, format_month(date)),
                    date,
                    approximate: false,
                    agenda_due,
                    papers_due,
                    series: Some(s.id.clone()),
                    notes: s.notes.clone(),
                });
            }
        }
        meetings.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        Schedule { meetings }
    }

    /// Meetings of `kind`, in date order.
    pub fn of_kind(&self, kind: MeetingKind) -> impl DoubleEndedIterator<Item = &ScheduledMeeting> {
        self.meetings.iter().filter(move |m| m.kind == kind)
    }

    /// The meeting of `kind` on `date`, if any.
    pub fn on(&self, date: Date, kind: MeetingKind) -> Option<&ScheduledMeeting> {
        let start = self.meetings.partition_point(|m| m.date < date);
        self.meetings[start..]
            .iter()
            .take_while(|m| m.date == date)
            .find(|m| m.kind == kind)
    }

    /// The meeting of `kind` closest to `date` (ties go to the earlier one).
    pub fn nearest(&self, date: Date, kind: MeetingKind) -> Option<&ScheduledMeeting> {
        let before = self.of_kind(kind).rev().find(|m| m.date <= date);
        let after = self.of_kind(kind).find(|m| m.date >= date);
        match (before, after) {
            (Some(b), Some(a)) => {
                let db = date.since(b.date).map(|s| s.get_days()).unwrap_or(0);
                let da = a.date.since(date).map(|s| s.get_days()).unwrap_or(0);
                Some(if da < db { a } else { b })
            }
            (b, a) => b.or(a),
        }
    }

    /// The first meeting of `kind` on or after `date`.
    pub fn next_on_or_after(&self, date: Date, kind: MeetingKind) -> Option<&ScheduledMeeting> {
        let start = self.meetings.partition_point(|m| m.date < date);
        self.meetings[start..].iter().find(|m| m.kind == kind)
    }

    /// The meeting with `id`.
    pub fn by_id(&self, id: &str) -> Option<&ScheduledMeeting> {
        self.meetings.iter().find(|m| m.id == id)
    }
}

/// For tests: the paper's monthly Working Group (first Wednesday; agenda 10 and papers 5 working days before), from
/// April 2019 to `until`.
#[cfg(test)]
pub(crate) fn paper_working_groups(until: Date) -> MeetingSeries {
    MeetingSeries {
        id: "wg".into(),
        kind: MeetingKind::WorkingGroup,
        name: "Working Group".into(),
        nth: 1,
        weekday: super::date::WeekDay::Wednesday,
        from: jiff::civil::date(2019, 4, 1),
        until,
        notice: Some(Notice {
            agenda_days: 10,
            papers_days: 5,
        }),
        skip: Vec::new(),
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn monthly_wg() -> MeetingSeries {
        paper_working_groups(date(2020, 3, 31))
    }

    #[test]
    fn monthly_working_group_is_on_first_wednesdays() {
        let cal = Calendar::england_and_wales();
        let dates = series_dates(&monthly_wg(), &cal);
        assert_eq!(dates.len(), 12);
        assert_eq!(dates[0], date(2019, 4, 3));
        assert_eq!(dates[1], date(2019, 5, 1));
        assert_eq!(dates[2], date(2019, 6, 5));
        assert_eq!(dates[3], date(2019, 7, 3));
        // 1 January 2020 is New Year's Day: the meeting moves to the next working day.
        assert_eq!(dates[9], date(2020, 1, 2));
    }

    #[test]
    fn schedule_carries_notice_deadlines_and_lookups() {
        let mut plan = Plan::new_empty(date(2019, 3, 8));
        plan.meeting_series.push(monthly_wg());
        plan.meetings.push(Meeting {
            id: "panel-66".into(),
            kind: MeetingKind::Panel,
            name: "Panel 66".into(),
            date: date(2019, 3, 15),
            approximate: false,
            notice: None,
            notes: String::new(),
        });
        let s = Schedule::build(&plan);
        assert_eq!(s.meetings[0].id, "panel-66");
        let april = s.on(date(2019, 4, 3), MeetingKind::WorkingGroup).unwrap();
        assert_eq!(april.id, "wg-2019-04");
        assert_eq!(april.name, "Working Group April 2019");
        assert_eq!(april.agenda_due, Some(date(2019, 3, 20)));
        assert_eq!(april.papers_due, Some(date(2019, 3, 27)));
        assert!(s.on(date(2019, 4, 3), MeetingKind::Panel).is_none());
        assert_eq!(
            s.nearest(date(2019, 4, 20), MeetingKind::WorkingGroup)
                .unwrap()
                .date,
            date(2019, 5, 1)
        );
        assert_eq!(
            s.nearest(date(2019, 4, 10), MeetingKind::WorkingGroup)
                .unwrap()
                .date,
            date(2019, 4, 3)
        );
        assert_eq!(
            s.next_on_or_after(date(2019, 3, 9), MeetingKind::WorkingGroup)
                .unwrap()
                .date,
            date(2019, 4, 3)
        );
        assert_eq!(
            s.nearest(date(2018, 1, 1), MeetingKind::Panel).unwrap().id,
            "panel-66"
        );
        assert!(s.nearest(date(2019, 1, 1), MeetingKind::Other).is_none());
    }

    fn meeting(kind: MeetingKind, name: &str, approximate: bool) -> ScheduledMeeting {
        ScheduledMeeting {
            id: "m".into(),
            kind,
            name: name.into(),
            date: date(2019, 6, 21),
            approximate,
            agenda_due: None,
            papers_due: None,
            series: None,
            notes: String::new(),
        }
    }

    #[test]
    fn axis_labels_shorten_panels_and_working_groups() {
        let label = |kind, name, approximate| meeting(kind, name, approximate).axis_label();
        assert_eq!(label(MeetingKind::Panel, "Panel 67", false), "P67");
        assert_eq!(label(MeetingKind::Panel, "Panel 67", true), "P67?");
        assert_eq!(
            label(MeetingKind::WorkingGroup, "Working Group April 2019", false),
            "WG"
        );
        assert_eq!(label(MeetingKind::SubCommittee, "TABASC", false), "TABASC");
        assert_eq!(
            label(MeetingKind::Other, "Extraordinary Panel", true),
            "Extraordinary Panel"
        );
    }

    #[test]
    fn cutoff_label_drops_sec_release() {
        let release = |name: &str| crate::model::Release {
            id: "r".into(),
            name: name.into(),
            date: date(2019, 11, 7),
            precision: crate::model::Precision::Exact,
            cutoff_meeting: "panel-68".into(),
            notes: String::new(),
        };
        assert_eq!(
            release("November 2019 SEC Release").cutoff_label(),
            "November 2019 cut-off"
        );
        assert_eq!(release("June 2020").cutoff_label(), "June 2020 cut-off");
    }

    #[test]
    fn huge_series_is_bounded() {
        let mut s = monthly_wg();
        s.from = date(-9000, 1, 1);
        s.until = date(9000, 1, 1);
        let dates = series_dates(&s, &Calendar::england_and_wales());
        assert_eq!(dates.len(), MAX_SERIES_MONTHS as usize);
    }
}
