//! The agenda view: each meeting, what is due there and why, with its agenda and paper deadlines. Clicking a
//! meeting shows only its modifications on the timeline; clicking it again shows all.

use egui::{RichText, Ui};

use super::analysis::Analysis;
use super::theme;
use crate::model::{Plan, format_date};

/// What the panel asks the app to do.
#[derive(Debug, Default, PartialEq)]
pub struct MeetingsOutput {
    /// Filter the timeline to this meeting (`Some(None)` clears the meeting filter).
    pub filter_meeting: Option<Option<String>>,
    /// Select this modification.
    pub select: Option<usize>,
}

/// The meetings list for one frame.
pub fn meetings_panel_ui(
    ui: &mut Ui,
    plan: &Plan,
    a: &Analysis,
    show_past: &mut bool,
) -> MeetingsOutput {
    let mut out = MeetingsOutput::default();
    let status = plan.meta.status_date;
    ui.horizontal(|ui| {
        ui.checkbox(show_past, "Show meetings before the status date");
        if let Some(id) = &a.filter.meeting {
            let name = a
                .schedule
                .by_id(id)
                .map_or(id.as_str(), |m| m.name.as_str());
            ui.label(
                RichText::new(format!("Timeline shows only what is due at {name}"))
                    .color(theme::ACCENT),
            );
            if ui.small_button("Show all").clicked() {
                out.filter_meeting = Some(None);
            }
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("meetings-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, m) in a.schedule.meetings.iter().enumerate() {
                if m.date < status && !*show_past {
                    continue;
                }
                let items = &a.agenda[i];
                let active = a.filter.meeting.as_deref() == Some(m.id.as_str());
                let mut heading = format!("{} · {} due", m.heading(), items.len());
                if let (Some(agenda), Some(papers)) = (m.agenda_due, m.papers_due) {
                    heading.push_str(&format!(
                        " · agenda by {}, papers by {}",
                        format_date(agenda),
                        format_date(papers)
                    ));
                }
                let response = ui
                    .selectable_label(
                        active,
                        RichText::new(heading).color(theme::meeting_colour(m.kind)),
                    )
                    .on_hover_text("Show only the modifications due at this meeting");
                if response.clicked() {
                    out.filter_meeting = Some(if active { None } else { Some(m.id.clone()) });
                }
                if active || items.len() <= 8 {
                    ui.indent(("agenda", i), |ui| {
                        for item in items {
                            let x = &plan.modifications[item.modification];
                            let why = &x.milestones[item.milestone];
                            ui.horizontal(|ui| {
                                if ui.link(RichText::new(&x.id).monospace()).clicked() {
                                    out.select = Some(item.modification);
                                }
                                ui.label(format!("{} — {}", x.title, why.label));
                            });
                        }
                    });
                }
            }
        });
    out
}

/// The slippage report: per modification with a baseline entry, how far its Panel return and current work package
/// moved, in working days.
pub fn slippage_panel_ui(ui: &mut Ui, plan: &Plan, a: &Analysis) -> Option<usize> {
    let mut select = None;
    let Some(baseline) = plan.latest_baseline() else {
        ui.label("No baseline yet. Edit > Set baseline stores today's timetable as the one the Panel agreed.");
        return None;
    };
    ui.label(
        RichText::new(format!(
            "Against “{}”, set {}",
            baseline.name,
            format_date(baseline.date)
        ))
        .strong(),
    );
    let fmt = |d: Option<i32>| d.map_or("—".to_owned(), |d| format!("{d:+} wd"));
    let date = |d: Option<jiff::civil::Date>| d.map_or("—".to_owned(), format_date);
    egui::ScrollArea::vertical()
        .id_salt("slippage-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("slippage")
                .striped(true)
                .num_columns(5)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("Modification");
                    ui.strong("Panel return (then, now)");
                    ui.strong("Moved");
                    ui.strong("Current work package end (then, now)");
                    ui.strong("Moved");
                    ui.end_row();
                    for s in a.slippage.iter().flatten() {
                        let m = &plan.modifications[s.modification];
                        if ui.link(RichText::new(&m.id).monospace()).clicked() {
                            select = Some(s.modification);
                        }
                        ui.label(format!(
                            "{} to {}",
                            date(s.panel_return.0),
                            date(s.panel_return.1)
                        ));
                        let text_colour = ui.visuals().text_color();
                        let colour = |d: Option<i32>| match d {
                            Some(d) if d > 0 => theme::WARNING,
                            _ => text_colour,
                        };
                        ui.colored_label(colour(s.panel_return_days), fmt(s.panel_return_days));
                        ui.label(format!(
                            "{} to {}",
                            date(s.work_package_end.0),
                            date(s.work_package_end.1)
                        ));
                        ui.colored_label(colour(s.work_package_days), fmt(s.work_package_days));
                        ui.end_row();
                        for note in &s.notes {
                            ui.label("");
                            ui.label(RichText::new(note).weak());
                            ui.end_row();
                        }
                    }
                });
        });
    select
}
