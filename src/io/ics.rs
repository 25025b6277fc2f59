//! The meetings as an iCalendar file (`.ics`) for Outlook and other calendars: every meeting of the expanded
//! schedule as an all-day event, and each meeting's agenda and papers deadlines as all-day events of their own.
//!
//! UIDs come from the plan and the meeting id, never from the date, so importing a later export updates the events
//! an earlier one made instead of adding copies.

use icalendar::{Calendar, Component, Event, Property};
use jiff::civil::Date;

use crate::model::agenda::agendas;
use crate::model::{Plan, Schedule, ScheduledMeeting};

/// Appended to the summary of an event whose day is a guess.
pub const TO_BE_CONFIRMED: &str = " (date to be confirmed)";

/// Which event of a meeting: the meeting itself or one of its deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarEntry {
    /// The meeting.
    Meeting,
    /// The day its agenda must be confirmed by.
    AgendaDue,
    /// The day its papers must be published by.
    PapersDue,
}

impl CalendarEntry {
    fn uid_suffix(self) -> &'static str {
        match self {
            CalendarEntry::Meeting => "",
            CalendarEntry::AgendaDue => "-agenda",
            CalendarEntry::PapersDue => "-papers",
        }
    }
}

/// The plan's part of every UID: its paper reference, else its title, as letters, digits, `-` and `_`.
fn plan_key(plan: &Plan) -> String {
    let source = if plan.meta.paper_ref.trim().is_empty() {
        plan.meta.title.as_str()
    } else {
        plan.meta.paper_ref.as_str()
    };
    let key: String = source
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if key.is_empty() {
        "plan".to_owned()
    } else {
        key
    }
}

/// The UID of `entry` of the meeting `meeting_id` in `plan`: "panel-67-agenda.SECP_66_1503_12@sec-timetable".
/// It does not depend on the meeting's date, so moving a meeting keeps its events.
pub fn event_uid(plan: &Plan, meeting_id: &str, entry: CalendarEntry) -> String {
    format!(
        "{meeting_id}{}.{}@sec-timetable",
        entry.uid_suffix(),
        plan_key(plan)
    )
}

/// A `DATE` value for DTSTART/DTEND: "20190403".
fn date_property(key: &str, date: Date) -> Property {
    let mut property = Property::new(key, date.strftime("%Y%m%d").to_string());
    property.add_parameter("VALUE", "DATE");
    property
}

/// An all-day event on `date` (DTEND is the next day: the end of an iCalendar date is exclusive).
fn all_day_event(uid: &str, date: Date, summary: &str, description: &str) -> Event {
    let mut event = Event::new();
    event
        .uid(uid)
        .summary(summary)
        .append_property(date_property("DTSTART", date))
        .append_property(date_property("DTEND", date.tomorrow().unwrap_or(date)))
        // Shown as free time: a deadline or a meeting day should not block the whole day in Outlook.
        .add_property("TRANSP", "TRANSPARENT");
    if !description.is_empty() {
        event.description(description);
    }
    event.done()
}

/// "Agenda due: Working Group May 2019 (date to be confirmed)".
fn summary(meeting: &ScheduledMeeting, entry: CalendarEntry) -> String {
    let what = match entry {
        CalendarEntry::Meeting => "",
        CalendarEntry::AgendaDue => "Agenda due: ",
        CalendarEntry::PapersDue => "Papers due: ",
    };
    let tbc = if meeting.approximate {
        TO_BE_CONFIRMED
    } else {
        ""
    };
    format!("{what}{}{tbc}", meeting.name)
}

/// The meetings of `plan` as an iCalendar file: one all-day event per meeting (its description lists what is due
/// there), one per agenda deadline and one per papers deadline.
pub fn meetings_ics(plan: &Plan, schedule: &Schedule) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            "-//SEC Timetable//sec-timetable//EN",
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(&format!("{} — meetings", plan.meta.title));
    for entry in agendas(plan, schedule) {
        let meeting = entry.meeting;
        let mut lines: Vec<String> = Vec::new();
        if !meeting.notes.is_empty() {
            lines.push(meeting.notes.clone());
        }
        if !entry.items.is_empty() {
            lines.push("Due at this meeting:".to_owned());
            for item in &entry.items {
                let m = &plan.modifications[item.modification];
                let why = &m.milestones[item.milestone];
                lines.push(format!("- {} {}: {}", m.id, m.title, why.label));
            }
        }
        let uid = |e| event_uid(plan, &meeting.id, e);
        calendar.push(all_day_event(
            &uid(CalendarEntry::Meeting),
            meeting.date,
            &summary(meeting, CalendarEntry::Meeting),
            &lines.join("\n"),
        ));
        let deadlines = [
            (CalendarEntry::AgendaDue, meeting.agenda_due, "agenda"),
            (CalendarEntry::PapersDue, meeting.papers_due, "papers"),
        ];
        for (kind, due, what) in deadlines {
            let Some(due) = due else { continue };
            let description = format!(
                "The {what} for {} on {} must be out by today.",
                meeting.name,
                meeting.date.strftime("%-d %B %Y")
            );
            calendar.push(all_day_event(
                &uid(kind),
                due,
                &summary(meeting, kind),
                &description,
            ));
        }
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_name_the_plan_and_the_meeting_not_the_date() {
        let mut plan = crate::io::bundled_plan();
        assert_eq!(
            event_uid(&plan, "panel-67", CalendarEntry::AgendaDue),
            "panel-67-agenda.SECP_66_1503_12@sec-timetable"
        );
        plan.meta.paper_ref = String::new();
        plan.meta.title = "My plan / 2".into();
        assert_eq!(
            event_uid(&plan, "wg-2019-05", CalendarEntry::Meeting),
            "wg-2019-05.My-plan---2@sec-timetable"
        );
    }

    #[test]
    fn approximate_meetings_say_the_date_is_to_be_confirmed() {
        let plan = crate::io::bundled_plan();
        let schedule = Schedule::build(&plan);
        let p67 = schedule.by_id("panel-67").unwrap();
        assert_eq!(
            summary(p67, CalendarEntry::Meeting),
            "Panel 67 (date to be confirmed)"
        );
        let wg = schedule.by_id("wg-2019-05").unwrap();
        assert_eq!(
            summary(wg, CalendarEntry::AgendaDue),
            "Agenda due: Working Group May 2019"
        );
    }
}
