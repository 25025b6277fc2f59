//! The meeting editor: a window opened from a meeting's label on the timeline's axis or from the Plan tab. A one-off
//! meeting: name, kind, day, whether the day is published, notice rule, notes, remove. An occurrence of a monthly
//! series: skip it (e.g. August), and the series itself — name, first and last day, notice rule, skipped months.
//! Every change is one undo step.

use egui::{ComboBox, DragValue, Id, RichText, Ui};
use strum::IntoEnumIterator;

use super::analysis::Analysis;
use super::details::LabelledEdit;
use super::details::fields::{date_field, text_area, text_field};
use crate::model::{
    Edit, ListEdit, Meeting, MeetingKind, MeetingSeries, Notice, Plan, ScheduledMeeting,
    format_date, format_month,
};

/// What the window asks the app to do.
#[derive(Debug, Default)]
pub struct MeetingEditOutput {
    /// Apply this edit.
    pub edit: Option<LabelledEdit>,
    /// Close the window.
    pub close: bool,
}

/// The editor of meeting `id` (a one-off meeting, a series, or a series occurrence on the schedule).
pub fn meeting_window_ui(
    ctx: &egui::Context,
    plan: &Plan,
    a: &Analysis,
    id: &str,
) -> MeetingEditOutput {
    let mut out = MeetingEditOutput::default();
    let meeting = plan.meetings.iter().position(|m| m.id == id);
    let occurrence = a.schedule.by_id(id);
    let series = plan
        .meeting_series
        .iter()
        .position(|s| s.id == id)
        .or_else(|| {
            let sid = occurrence?.series.as_deref()?;
            plan.meeting_series.iter().position(|s| s.id == sid)
        });
    let title = match (meeting, series) {
        (Some(i), _) => plan.meetings[i].name.clone(),
        (None, Some(s)) => format!("{} (monthly)", plan.meeting_series[s].name),
        (None, None) => {
            // Removed, or the occurrence skipped: nothing left to edit.
            out.close = true;
            return out;
        }
    };
    let mut open = true;
    egui::Window::new(format!("Meeting: {title}"))
        .id(Id::unique("meeting-editor"))
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.set_min_width(340.0);
            match (meeting, series) {
                (Some(i), _) => one_off_ui(ui, plan, i, &mut out),
                (None, Some(s)) => {
                    if let Some(o) = occurrence.filter(|o| o.series.is_some()) {
                        occurrence_ui(ui, plan, s, o, &mut out);
                        ui.separator();
                    }
                    series_ui(ui, plan, a, s, &mut out);
                }
                (None, None) => {}
            }
            ui.add_space(4.0);
            if ui.button("Close").clicked() {
                out.close = true;
            }
        });
    out.close |= !open;
    out
}

/// Notice rule: on or off, and its working days. Returns the new rule when it changed.
fn notice_ui(ui: &mut Ui, notice: Option<Notice>, salt: &str) -> Option<Option<Notice>> {
    let mut on = notice.is_some();
    let mut n = notice.unwrap_or(Notice {
        agenda_days: 10,
        papers_days: 5,
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut on, "Notice rule").on_hover_text(
            "The agenda and the papers are due this many working days before the meeting",
        );
        ui.add_enabled_ui(on, |ui| {
            ui.label("agenda");
            ui.add(
                DragValue::new(&mut n.agenda_days)
                    .range(0..=60)
                    .suffix(" wd"),
            )
            .on_hover_text(format!("{salt}: agenda due, working days before"));
            ui.label("papers");
            ui.add(
                DragValue::new(&mut n.papers_days)
                    .range(0..=60)
                    .suffix(" wd"),
            )
            .on_hover_text(format!("{salt}: papers due, working days before"));
        });
    });
    let new = on.then_some(n);
    (new != notice).then_some(new)
}

/// A one-off meeting's day and whether it is published yet (the box says `approximate_text`). Returns the meeting
/// as changed, and the verb of its undo step.
pub(super) fn meeting_day_ui(
    ui: &mut Ui,
    m: &Meeting,
    salt: &str,
    approximate_text: &str,
) -> Option<(Meeting, &'static str)> {
    let mut changed = None;
    if let Some(date) = date_field(ui, m.date, salt) {
        changed = Some((Meeting { date, ..m.clone() }, "Move"));
    }
    let mut approximate = m.approximate;
    if ui
        .checkbox(&mut approximate, approximate_text)
        .on_hover_text("The day is a plausible guess, not a published date")
        .changed()
    {
        let what = if approximate {
            "Mark approximate:"
        } else {
            "Confirm"
        };
        changed = Some((
            Meeting {
                approximate,
                ..m.clone()
            },
            what,
        ));
    }
    changed
}

/// A one-off meeting's fields.
fn one_off_ui(ui: &mut Ui, plan: &Plan, i: usize, out: &mut MeetingEditOutput) {
    let m = &plan.meetings[i];
    let mut set = |value: Meeting, what: &str, merge: bool| {
        out.edit = Some((
            Edit::Meetings(ListEdit::Set { index: i, value }),
            format!("{what} {}", m.name),
            merge.then(|| format!("meeting:{i}:{what}")),
        ));
    };
    egui::Grid::new("meeting-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            if let Some(name) = text_field(ui, &m.name, "meeting-name", "Meeting name", 220.0) {
                set(Meeting { name, ..m.clone() }, "Rename", true);
            }
            ui.end_row();
            let label = ui.label("Kind");
            let mut kind = m.kind;
            ComboBox::from_id_salt("meeting-kind")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in MeetingKind::iter() {
                        ui.selectable_value(&mut kind, k, k.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if kind != m.kind {
                set(Meeting { kind, ..m.clone() }, "Change the kind of", false);
            }
            ui.end_row();
            ui.label("Day");
            ui.horizontal(|ui| {
                if let Some((value, what)) =
                    meeting_day_ui(ui, m, "meeting-editor-date", "not yet published")
                {
                    set(value, what, false);
                }
            });
            ui.end_row();
        });
    if let Some(notice) = notice_ui(ui, m.notice, &m.name) {
        set(
            Meeting {
                notice,
                ..m.clone()
            },
            "Change the notice rule of",
            false,
        );
    }
    ui.label(RichText::new("Notes").weak());
    if let Some(notes) = text_area(ui, &m.notes, "meeting-notes", "Notes") {
        set(Meeting { notes, ..m.clone() }, "Edit notes of", true);
    }
    if ui.button("🗑 Remove this meeting").clicked() {
        out.edit = Some((
            Edit::Meetings(ListEdit::Remove { index: i }),
            format!("Remove {}", m.name),
            None,
        ));
        out.close = true;
    }
}

/// One occurrence of a series: its day, and skipping it.
fn occurrence_ui(
    ui: &mut Ui,
    plan: &Plan,
    s: usize,
    o: &ScheduledMeeting,
    out: &mut MeetingEditOutput,
) {
    let series = &plan.meeting_series[s];
    ui.label(RichText::new(format!("{} — {}", o.name, format_date(o.date))).strong());
    if ui
        .button(format!("Skip {}", o.name))
        .on_hover_text("No meeting of this series that month (e.g. in August)")
        .clicked()
    {
        let mut value = series.clone();
        value.skip.push(o.date);
        value.skip.sort();
        out.edit = Some((
            Edit::MeetingSeries(ListEdit::Set { index: s, value }),
            format!("Skip {}", o.name),
            None,
        ));
        out.close = true;
    }
}

/// A monthly series: name, first and last day, notice rule, skipped months (and a month to skip).
fn series_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, s: usize, out: &mut MeetingEditOutput) {
    let series = &plan.meeting_series[s];
    let mut set = |value: MeetingSeries, what: String, merge: bool| {
        out.edit = Some((
            Edit::MeetingSeries(ListEdit::Set { index: s, value }),
            what,
            merge.then(|| format!("series:{s}")),
        ));
    };
    ui.label(format!(
        "The monthly {} ({} {:?} of each month)",
        series.name,
        ordinal(series.nth),
        series.weekday
    ));
    egui::Grid::new("series-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            if let Some(name) = text_field(ui, &series.name, "series-name", "Series name", 220.0) {
                let what = format!("Rename {}", series.name);
                set(
                    MeetingSeries {
                        name,
                        ..series.clone()
                    },
                    what,
                    true,
                );
            }
            ui.end_row();
            ui.label("From");
            if let Some(from) = date_field(ui, series.from, "series-editor-from") {
                let what = format!("Change when {} starts", series.name);
                set(
                    MeetingSeries {
                        from,
                        ..series.clone()
                    },
                    what,
                    false,
                );
            }
            ui.end_row();
            ui.label("Until");
            if let Some(until) = date_field(ui, series.until, "series-editor-until") {
                let what = format!("Change when {} ends", series.name);
                set(
                    MeetingSeries {
                        until,
                        ..series.clone()
                    },
                    what,
                    false,
                );
            }
            ui.end_row();
        });
    if let Some(notice) = notice_ui(ui, series.notice, &series.name) {
        let what = format!("Change the notice rule of {}", series.name);
        set(
            MeetingSeries {
                notice,
                ..series.clone()
            },
            what,
            false,
        );
    }
    let mut skip = None;
    ui.horizontal(|ui| {
        let label = ui.label("Skip a month");
        ComboBox::from_id_salt("series-skip")
            .selected_text("choose…")
            .show_ui(ui, |ui| {
                let upcoming = a.schedule.meetings.iter().filter(|o| {
                    o.series.as_deref() == Some(series.id.as_str())
                        && o.date >= plan.meta.status_date
                });
                for o in upcoming {
                    ui.selectable_value(&mut skip, Some((o.date, o.name.clone())), &o.name);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("No meeting of this series that month (e.g. in August)");
    });
    if let Some((day, name)) = skip {
        let mut value = series.clone();
        value.skip.push(day);
        value.skip.sort();
        set(value, format!("Skip {name}"), false);
    }
    for (k, day) in series.skip.iter().enumerate() {
        ui.horizontal(|ui| {
            let month = format_month(*day);
            ui.label(format!("No meeting in {month}"));
            if ui.small_button("Restore").clicked() {
                let mut value = series.clone();
                value.skip.remove(k);
                set(value, format!("Restore {} {month}", series.name), false);
            }
        });
    }
}

fn ordinal(n: i8) -> String {
    match n {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        4 => "fourth".into(),
        -1 => "last".into(),
        n => format!("{n}th"),
    }
}
