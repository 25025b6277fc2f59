//! Tooltips: for a bar or milestone (dates, working days, meeting, notes, warnings) and for a row label.

use egui::Ui;

use crate::app::analysis::Analysis;
use crate::app::theme;
use crate::model::drag::DragTarget;
use crate::model::{Modification, Plan, Precision, Subject, format_approx, format_date};

/// Tooltip for a bar or milestone.
pub fn item_tooltip_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, target: DragTarget) {
    let m = target.modification();
    let Some(modification) = plan.modifications.get(m) else {
        return;
    };
    match target {
        DragTarget::WorkPackage { w, .. } => work_package_tooltip_ui(ui, plan, modification, w),
        DragTarget::Milestone { k, .. } => milestone_tooltip_ui(ui, plan, a, modification, k),
    }
    let subject = match target {
        DragTarget::WorkPackage { w, .. } => Subject::WorkPackage(w),
        DragTarget::Milestone { k, .. } => Subject::Milestone(k),
    };
    for warning in a.warnings_of(m).filter(|x| x.subject == subject) {
        ui.colored_label(theme::WARNING_OUTLINE, format!("⚠ {}", warning.message));
    }
    if let DragTarget::WorkPackage { .. } = target {
        ui.label(
            egui::RichText::new(
                "Drag to move · drag an end to resize · Shift-drag moves what follows",
            )
            .weak()
            .small(),
        );
    }
}

fn work_package_tooltip_ui(ui: &mut Ui, plan: &Plan, m: &Modification, w: usize) {
    let Some(wp) = m.work_packages.get(w) else {
        return;
    };
    ui.strong(&wp.name);
    ui.label(format!("{} · {}", m.id, wp.owner.label()));
    ui.label(format!(
        "{} – {} · {} working days",
        format_approx(wp.start, wp.start_precision),
        format_approx(wp.end, wp.end_precision),
        plan.calendar.working_days_in(wp.start, wp.end)
    ));
    if wp.done {
        ui.label(format!(
            "Done: finished {}",
            format_date(wp.actual_end.unwrap_or(wp.end))
        ));
    }
    if !wp.notes.is_empty() {
        ui.label(&wp.notes);
    }
}

fn milestone_tooltip_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, m: &Modification, k: usize) {
    let Some(x) = m.milestones.get(k) else { return };
    ui.strong(&x.label);
    ui.label(format!("{} · {}", m.id, x.kind.label()));
    let when = if x.precision == Precision::Exact {
        format!("{} {}", x.date.strftime("%A"), format_date(x.date))
    } else {
        format!(
            "{} (drawn on {})",
            format_approx(x.date, x.precision),
            format_date(x.date)
        )
    };
    ui.label(when);
    if x.done {
        ui.label(format!("Done: {}", format_date(x.actual.unwrap_or(x.date))));
    }
    let days = plan
        .calendar
        .working_days_between(plan.meta.status_date, x.date);
    ui.label(format!("{days} working days from the status date"));
    if let Some(meeting) = x
        .kind
        .meeting_kind()
        .and_then(|kind| a.schedule.on(x.date, kind))
    {
        let approx = if meeting.approximate {
            " (date approximate)"
        } else {
            ""
        };
        ui.label(format!("At {}{approx}", meeting.name));
        if let (Some(agenda), Some(papers)) = (meeting.agenda_due, meeting.papers_due) {
            ui.label(format!(
                "Agenda by {}, papers by {}",
                format_date(agenda),
                format_date(papers)
            ));
        }
    }
    if x.done {
        ui.label("✔ Done");
    }
}

/// Tooltip for a row label: id, title, status, group, warnings.
pub fn row_tooltip_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, m: usize) {
    let Some(modification) = plan.modifications.get(m) else {
        return;
    };
    ui.strong(format!("{} {}", modification.id, modification.title));
    ui.label(format!("Status: {}", modification.status.label()));
    if let Some(gid) = &modification.group {
        ui.label(format!(
            "Group: {}",
            plan.group(gid).map_or(gid.as_str(), |g| g.name.as_str())
        ));
    }
    for w in a.warnings_of(m) {
        ui.colored_label(theme::WARNING, format!("⚠ {}", w.message));
    }
}

/// The floating label beside the pointer while dragging: the proposed dates and what the move would break.
pub fn drag_label_ui(ctx: &egui::Context, pointer: egui::Pos2, drag: &super::state::DragState) {
    egui::Area::new(egui::Id::unique("drag-label"))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(16.0, 18.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new(&drag.description).strong());
                if !drag.cascade.is_empty() {
                    ui.label(format!("Moves with it: {}", drag.cascade));
                }
                if drag.follow {
                    ui.label(egui::RichText::new("Moving everything after it too").weak());
                }
                for w in &drag.new_warnings {
                    ui.label(
                        egui::RichText::new(format!("⚠ {}", w.message))
                            .color(theme::WARNING_OUTLINE),
                    );
                }
                ui.label(egui::RichText::new("Esc cancels").weak().small());
            });
        });
}
