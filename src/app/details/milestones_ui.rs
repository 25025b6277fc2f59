//! The milestones of a modification: kind, label, date with precision, done; add and remove.

use egui::{ComboBox, RichText, Ui};
use strum::IntoEnumIterator;

use super::DetailsOutput;
use super::fields::*;
use crate::app::analysis::Analysis;
use crate::model::chain::Item;
use crate::model::{Edit, ListEdit, Milestone, MilestoneKind, Modification, Plan, Precision};

pub(super) fn milestones_ui(
    ui: &mut Ui,
    plan: &Plan,
    a: &Analysis,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    ui.label(RichText::new("Milestones").strong());
    for (k, x) in m.milestones.iter().enumerate() {
        let set = |out: &mut DetailsOutput, value: Milestone, what: &str, merge: bool| {
            out.set(
                Edit::Milestones {
                    m: mi,
                    op: ListEdit::Set { index: k, value },
                },
                format!("{what} of “{}” ({})", x.label, m.id),
                merge.then(|| format!("ms:{mi}:{k}:{what}")),
            );
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some(label) = text_field(
                    ui,
                    &x.label,
                    ("ms-label", mi, k),
                    "Label",
                    (ui.available_width() - 40.0).max(60.0),
                ) {
                    set(out, Milestone { label, ..x.clone() }, "Relabel", true);
                }
                if ui
                    .small_button("✖")
                    .on_hover_text("Remove this milestone")
                    .clicked()
                {
                    out.set(
                        Edit::Milestones {
                            m: mi,
                            op: ListEdit::Remove { index: k },
                        },
                        format!("Remove “{}” ({})", x.label, m.id),
                        None,
                    );
                }
            });
            ui.horizontal_wrapped(|ui| {
                let mut kind = x.kind;
                ComboBox::from_id_salt(("ms-kind", mi, k))
                    .selected_text(kind.label())
                    .width(110.0)
                    .show_ui(ui, |ui| {
                        for kd in MilestoneKind::iter() {
                            ui.selectable_value(&mut kind, kd, kd.label());
                        }
                    })
                    .response
                    .on_hover_text("Milestone kind");
                if kind != x.kind {
                    set(out, Milestone { kind, ..x.clone() }, "Change kind", false);
                }
                let date = ui.add_enabled_ui(!x.is_automatic(), |ui| {
                    date_field(ui, x.date, &format!("ms-date-{mi}-{k}"))
                });
                date.response.on_disabled_hover_text(
                    "Set by what it follows and the meeting it sits on: pin it, or unlink it, to set it by hand",
                );
                if let Some(d) = date.inner {
                    set(
                        out,
                        Milestone {
                            date: d,
                            ..x.clone()
                        },
                        "Change date",
                        false,
                    );
                }
                if let Some(p) = precision_field(ui, x.precision, ("ms-p", mi, k)) {
                    set(
                        out,
                        Milestone {
                            precision: p,
                            ..x.clone()
                        },
                        "Change precision",
                        false,
                    );
                }
            });
            super::links_ui::follows_ui(ui, (m, mi), Item::Milestone(k), out);
            super::links_ui::at_ui(ui, a, plan.meta.status_date, (m, mi), k, out);
            super::progress_ui::milestone_progress_ui(ui, (m, mi), (x, k), out);
            if let Some(meeting) = x
                .kind
                .meeting_kind()
                .and_then(|kind| a.schedule.on(x.date, kind))
            {
                ui.label(RichText::new(format!("Falls on {}", meeting.name)).weak().small());
            }
        });
    }
    if ui.button("+ Milestone").clicked() {
        let date = a
            .schedule
            .next_on_or_after(plan.meta.status_date, crate::model::MeetingKind::Panel)
            .map_or(plan.meta.status_date, |p| p.date);
        let value = Milestone {
            kind: MilestoneKind::PanelReturn,
            date,
            precision: Precision::Exact,
            label: format!("Panel {}", date.strftime("%B %Y")),
            done: false,
            ..Default::default()
        };
        out.set(
            Edit::Milestones {
                m: mi,
                op: ListEdit::Insert {
                    index: m.milestones.len(),
                    value,
                },
            },
            format!("Add a milestone to {}", m.id),
            None,
        );
    }
}
