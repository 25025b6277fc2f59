//! Progress and lifecycle in the side panel: a milestone done and the day it happened, a work package done and the
//! day it finished (both the planned day unless told otherwise), and when and why a modification closed.

use egui::{RichText, Ui};

use super::DetailsOutput;
use super::fields::date_field;
use crate::model::{
    Edit, ListEdit, Milestone, Modification, Plan, WorkPackage, edit::set_modification, format_date,
};

/// "Done" and, when done, "on <day>" for milestone `k` of modification `mi`.
pub(super) fn milestone_progress_ui(
    ui: &mut Ui,
    (m, mi): (&Modification, usize),
    (x, k): (&Milestone, usize),
    out: &mut DetailsOutput,
) {
    ui.horizontal(|ui| {
        let mut done = x.done;
        let check = ui.checkbox(&mut done, "Done");
        let name = format!("{} “{}”", m.id, x.label);
        check.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::CheckBox, true, x.done, format!("Done: {name}"))
        });
        let mut value = None;
        if done != x.done {
            let what = if done { "Mark done" } else { "Mark not done" };
            value = Some((
                Milestone {
                    done,
                    actual: None,
                    ..x.clone()
                },
                what,
            ));
        }
        if x.done {
            ui.label("on");
            let day = x.actual.unwrap_or(x.date);
            if let Some(d) = date_field(ui, day, &format!("ms-actual-{mi}-{k}")) {
                let actual = (d != x.date).then_some(d);
                value = Some((
                    Milestone {
                        actual,
                        ..x.clone()
                    },
                    "Record when it happened",
                ));
            }
            if x.actual.is_some_and(|a| a != x.date) {
                ui.label(RichText::new(format!("planned {}", format_date(x.date))).weak());
            }
        }
        if let Some((value, what)) = value {
            out.set(
                Edit::Milestones {
                    m: mi,
                    op: ListEdit::Set { index: k, value },
                },
                format!("{what}: {name}"),
                None,
            );
        }
    });
}

/// "Done" and, when done, "finished <day>" for work package `w` of modification `mi`.
pub(super) fn work_package_progress_ui(
    ui: &mut Ui,
    (m, mi): (&Modification, usize),
    (wp, w): (&WorkPackage, usize),
    out: &mut DetailsOutput,
) {
    ui.horizontal(|ui| {
        let mut done = wp.done;
        let check = ui.checkbox(&mut done, "Done");
        let name = format!("{} “{}”", m.id, wp.name);
        check.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::CheckBox, true, wp.done, format!("Done: {name}"))
        });
        let mut value = None;
        if done != wp.done {
            let what = if done { "Mark done" } else { "Mark not done" };
            let actual_end = done.then_some(wp.end);
            value = Some((
                WorkPackage {
                    done,
                    actual_end,
                    ..wp.clone()
                },
                what,
            ));
        }
        if wp.done {
            ui.label("finished");
            let day = wp.actual_end.unwrap_or(wp.end);
            if let Some(d) = date_field(ui, day, &format!("wp-actual-{mi}-{w}")) {
                let value_now = WorkPackage {
                    actual_end: Some(d),
                    ..wp.clone()
                };
                value = Some((value_now, "Record when it finished"));
            }
        }
        if let Some((value, what)) = value {
            out.set(
                Edit::WorkPackages {
                    m: mi,
                    op: ListEdit::Set { index: w, value },
                },
                format!("{what}: {name}"),
                None,
            );
        }
    });
}

/// The status, as an edit: a closing status dates the closing (the status date, until told otherwise); an open one
/// clears the date (the reason stays, for a modification reopened by mistake).
pub(super) fn status_edit(
    plan: &Plan,
    m: &Modification,
    mi: usize,
    status: crate::model::Status,
) -> Edit {
    let mut x = m.clone();
    x.status = status;
    if status.is_closed() {
        x.closed_on = m.closed_on.or(Some(plan.meta.status_date));
    } else {
        x.closed_on = None;
    }
    set_modification(mi, x)
}

/// When and why a closed modification closed.
pub(super) fn closing_ui(
    ui: &mut Ui,
    plan: &Plan,
    m: &Modification,
    mi: usize,
    out: &mut DetailsOutput,
) {
    if !m.status.is_closed() {
        return;
    }
    egui::Grid::new(("closing", mi))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.label("Closed on");
            let day = m.closed_on.unwrap_or(plan.meta.status_date);
            if let Some(d) = date_field(ui, day, &format!("closed-on-{mi}")) {
                let mut x = m.clone();
                x.closed_on = Some(d);
                out.set(
                    set_modification(mi, x),
                    format!("Date the closing of {}", m.id),
                    None,
                );
            }
            ui.end_row();
            let label = ui.label("Reason");
            let mut reason = m.closing_reason.clone();
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut reason)
                        .id_salt(("closing-reason", mi))
                        .hint_text("Withdrawn by the Proposer, rejected by the Change Board…")
                        .desired_width((ui.available_width() - 8.0).max(120.0)),
                )
                .labelled_by(label.id)
                .on_hover_text("Why it closed");
            if response.changed() && reason != m.closing_reason {
                let mut x = m.clone();
                x.closing_reason = reason;
                out.set(
                    set_modification(mi, x),
                    format!("Edit the closing reason of {}", m.id),
                    Some(format!("closing-reason:{mi}")),
                );
            }
            ui.end_row();
        });
}
