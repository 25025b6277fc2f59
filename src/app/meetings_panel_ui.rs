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
