//! The meetings calendar (iCalendar) and the CSV that Excel reads: what they hold, that they parse back, and that a
//! failed write leaves no file.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use sec_timetable::io::export::{
    ExportError, ExportInput, ExportKind, ExportSettings, UTF8_BOM, export_to_path, render,
};
use sec_timetable::io::ics::meetings_ics;
use sec_timetable::io::load_plan;
use sec_timetable::model::{Plan, Schedule, Warning, validate};

const BUNDLED: &str = "saves/secp_66_1503_12.ron";

fn bundled() -> (Plan, Schedule, Vec<Warning>) {
    let plan = load_plan(Path::new(BUNDLED)).expect("the bundled plan loads");
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    (plan, schedule, warnings)
}

/// Every event of an iCalendar text, parsed back with the crate: UID → (summary, start day, end day).
fn events(ics: &str) -> BTreeMap<String, (String, String, String)> {
    let calendar: Calendar = ics.parse().expect("the calendar parses");
    let day = |d: Option<DatePerhapsTime>| match d {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not an all-day date: {other:?}"),
    };
    let mut out = BTreeMap::new();
    for component in &calendar.components {
        let CalendarComponent::Event(e) = component else {
            continue;
        };
        let uid = e.get_uid().expect("every event has a UID").to_owned();
        let summary = e.get_summary().unwrap_or_default().to_owned();
        let previous = out.insert(uid.clone(), (summary, day(e.get_start()), day(e.get_end())));
        assert!(previous.is_none(), "UID {uid} used twice");
    }
    out
}

#[test]
fn the_calendar_parses_back_and_holds_every_meeting_and_deadline() {
    let (plan, schedule, _) = bundled();
    let ics = meetings_ics(&plan, &schedule);
    assert!(ics.contains("\r\n"), "iCalendar lines end in CRLF");
    let events = events(&ics);
    let mut expected = 0;
    for m in &schedule.meetings {
        let meeting = events
            .values()
            .find(|(summary, start, _)| {
                summary.starts_with(&m.name) && *start == m.date.to_string()
            })
            .unwrap_or_else(|| panic!("{} on {} missing", m.name, m.date));
        // All day: DTEND is the next day.
        assert_eq!(meeting.2, m.date.tomorrow().unwrap().to_string());
        assert_eq!(
            meeting.0.ends_with(" (date to be confirmed)"),
            m.approximate,
            "{}",
            meeting.0
        );
        expected += 1;
        for (label, due) in [
            ("Agenda due: ", m.agenda_due),
            ("Papers due: ", m.papers_due),
        ] {
            let Some(due) = due else { continue };
            let summary = format!("{label}{}", m.name);
            assert!(
                events
                    .values()
                    .any(|(s, start, _)| *s == summary && *start == due.to_string()),
                "{summary} on {due} missing"
            );
            expected += 1;
        }
    }
    assert_eq!(events.len(), expected, "nothing but meetings and deadlines");
    // The bundled plan: 15 one-off meetings and nine monthly Working Groups, each with two deadlines.
    assert_eq!(schedule.meetings.len(), 24);
    assert_eq!(expected, 24 + 9 * 2);
    // The paper's own deadlines for the first monthly Working Group.
    let (summary, start, _) = &events["wg-2019-04-agenda.SECP_66_1503_12@sec-timetable"];
    assert_eq!(
        (summary.as_str(), start.as_str()),
        ("Agenda due: Working Group April 2019", "2019-03-20")
    );
    let (summary, start, _) = &events["wg-2019-04-papers.SECP_66_1503_12@sec-timetable"];
    assert_eq!(
        (summary.as_str(), start.as_str()),
        ("Papers due: Working Group April 2019", "2019-03-27")
    );
    assert_eq!(
        events["panel-67.SECP_66_1503_12@sec-timetable"].0,
        "Panel 67 (date to be confirmed)"
    );
    // What is due at a meeting is in its description.
    let calendar: Calendar = ics.parse().unwrap();
    let wg = calendar
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e)
                if e.get_uid() == Some("wg-2019-04.SECP_66_1503_12@sec-timetable") =>
            {
                Some(e.clone())
            }
            _ => None,
        })
        .unwrap();
    let description = wg.get_description().unwrap();
    for id in ["SECMP0007", "SECMP0012", "SECMP0053", "SECMP0066"] {
        assert!(description.contains(id), "{id}: {description}");
    }
}

#[test]
fn uids_stay_the_same_across_exports_and_when_a_meeting_moves() {
    let (mut plan, schedule, _) = bundled();
    let first = events(&meetings_ics(&plan, &schedule));
    let second = events(&meetings_ics(&plan, &schedule));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );

    // Panel 67 is settled for 11 April instead of the guessed 12th: same events, new day.
    let p67 = plan
        .meetings
        .iter_mut()
        .find(|m| m.id == "panel-67")
        .unwrap();
    p67.date = jiff::civil::date(2019, 4, 11);
    p67.approximate = false;
    let moved = events(&meetings_ics(&plan, &Schedule::build(&plan)));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        moved.keys().collect::<Vec<_>>()
    );
    let uid = "panel-67.SECP_66_1503_12@sec-timetable";
    assert_eq!(first[uid].1, "2019-04-12");
    assert_eq!(moved[uid].1, "2019-04-11");
    assert_eq!(moved[uid].0, "Panel 67");
}

#[test]
fn the_csv_starts_with_a_byte_order_mark_and_keeps_pound_and_dash() {
    let (mut plan, schedule, warnings) = bundled();
    // SECMP0062's title has "—"; give it the "£" of its Impact Assessment too.
    let i = plan.modification_index("SECMP0062").unwrap();
    plan.modifications[i].title.push_str(" (circa £17,000)");
    let input = ExportInput {
        plan: &plan,
        schedule: &schedule,
        warnings: &warnings,
    };
    let bytes = render(ExportKind::TimetableCsv, &input, &ExportSettings::default()).unwrap();
    assert_eq!(UTF8_BOM, b"\xEF\xBB\xBF");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFid,title,status"));
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8 after the mark");
    assert!(!text.starts_with('\u{feff}'), "one mark only");
    // Both arrive as themselves.
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let r0062 = records.iter().find(|r| &r[0] == "SECMP0062").unwrap();
    assert_eq!(
        &r0062[1],
        "Northbound Application Traffic Management — Alert Storm Protection (circa £17,000)"
    );
    assert!(!text.contains("Â") && !text.contains("â€"));
}

#[test]
fn the_command_line_writes_the_calendar_and_the_marked_csv() {
    let dir = tempfile::tempdir().unwrap();
    let ics = dir.path().join("meetings.ics");
    let csv = dir.path().join("t.csv");
    let out = Command::new(env!("CARGO_BIN_EXE_sec-timetable"))
        .args(["export", BUNDLED, "--ics"])
        .arg(&ics)
        .arg("--csv")
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&ics).unwrap();
    assert_eq!(events(&text).len(), 24 + 18);
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBFid,"));

    let out = Command::new(env!("CARGO_BIN_EXE_sec-timetable"))
        .args(["export", BUNDLED, "--ics", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert_eq!(events(&text).len(), 24 + 18);
}

#[test]
fn a_calendar_or_csv_that_cannot_be_written_leaves_no_file_and_says_why() {
    let (plan, schedule, warnings) = bundled();
    let input = ExportInput {
        plan: &plan,
        schedule: &schedule,
        warnings: &warnings,
    };
    let dir = tempfile::tempdir().unwrap();
    for (kind, what) in [
        (ExportKind::Calendar, "the meetings calendar (iCalendar)"),
        (ExportKind::TimetableCsv, "the timetable (CSV)"),
    ] {
        // A folder that does not exist: nothing is written anywhere.
        let missing = dir.path().join("missing").join(kind.file_name("plan"));
        let err = export_to_path(kind, &input, &ExportSettings::default(), &missing).unwrap_err();
        assert!(matches!(err, ExportError::Write { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with(&format!("cannot write {what} to {}: ", missing.display())),
            "{err}"
        );
        assert!(!missing.exists());
        assert!(!dir.path().join("missing").exists());

        // The target is a folder: the write fails, the folder is untouched, and no temporary is left beside it.
        let occupied = dir.path().join(kind.file_name("occupied"));
        std::fs::create_dir(&occupied).unwrap();
        let err = export_to_path(kind, &input, &ExportSettings::default(), &occupied).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("cannot write {what} to ")),
            "{err}"
        );
        assert!(occupied.is_dir());
        assert_eq!(std::fs::read_dir(&occupied).unwrap().count(), 0);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "only the two folders: {left:?}");
}
