//! Presentation mode for Panel meetings: full screen, no editing chrome, larger type, strong colours, a legend,
//! and a large card for the modification being discussed. Arrow keys (and presentation clickers' Page Up/Down)
//! step through the modifications; dragging and undo still work.

use egui::{Color32, RichText, Ui};

use super::analysis::Analysis;
use super::theme;
use crate::io::export_text::{current_step, dependency_phrases, prose_date};
use crate::model::{MeetingKind, MilestoneKind, Plan, format_approx, format_date};

/// The title bar: plan title, status date, what is filtered, how to leave.
pub fn title_bar_ui(ui: &mut Ui, plan: &Plan, a: &Analysis) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(&plan.meta.title).size(24.0).strong());
        ui.add_space(12.0);
        ui.label(
            RichText::new(format!(
                "Status as of {}",
                plan.meta.status_date.strftime("%-d %B %Y")
            ))
            .size(18.0)
            .color(theme::STATUS_DATE),
        );
        if a.rows.len() != a.total {
            ui.add_space(12.0);
            ui.label(
                RichText::new(format!("Showing {} of {}", a.rows.len(), a.total))
                    .size(16.0)
                    .color(Color32::from_gray(60)),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new("Up / Down: next modification · Esc: leave")
                    .size(14.0)
                    .color(Color32::from_gray(90)),
            );
        });
    });
}

/// The large card for modification `m`.
pub fn card_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, m: Option<usize>) {
    let Some(mi) = m.filter(|&i| i < plan.modifications.len()) else {
        ui.add_space(20.0);
        ui.label(
            RichText::new("Press Down (or Page Down) to step through the modifications.")
                .size(18.0),
        );
        return;
    };
    let m = &plan.modifications[mi];
    let status = plan.meta.status_date;
    let big = |t: &str| RichText::new(t).size(17.0);
    ui.label(RichText::new(&m.id).size(26.0).strong().monospace());
    ui.label(RichText::new(&m.title).size(20.0).strong());
    ui.add_space(6.0);
    ui.label(
        RichText::new(m.status.label())
            .size(18.0)
            .color(theme::ACCENT),
    );
    if let Some(g) = m.group.as_deref().and_then(|g| plan.group(g)) {
        ui.label(big(&format!("Group: {}", g.name)));
    }
    ui.separator();
    ui.label(
        RichText::new("Next step")
            .size(15.0)
            .color(Color32::from_gray(90)),
    );
    // The section 3 draft's own sentence: "This modification is currently with the DCC for …".
    let next_step = current_step(plan, &a.schedule, mi);
    ui.label(big(next_step
        .as_deref()
        .unwrap_or("No work package planned")));
    // The work package by its full name, whatever the timeline had room for.
    if let Some(w) = m.current_work_package(status) {
        ui.label(
            RichText::new(format!(
                "{} · {} – {}",
                w.name,
                format_approx(w.start, w.start_precision),
                format_approx(w.end, w.end_precision)
            ))
            .size(15.0)
            .color(Color32::from_gray(60)),
        );
    }
    let next = |kind: MilestoneKind| {
        m.milestones
            .iter()
            .filter(|x| x.kind == kind && !x.done && x.date >= status)
            .min_by_key(|x| x.date)
    };
    ui.add_space(4.0);
    ui.label(
        RichText::new("Working Group")
            .size(15.0)
            .color(Color32::from_gray(90)),
    );
    ui.label(big(&next(MilestoneKind::WorkingGroup).map_or(
        "—".to_owned(),
        |x| {
            let meeting = a.schedule.on(x.date, MeetingKind::WorkingGroup);
            format!(
                "{}{}",
                format_date(x.date),
                meeting.map_or(String::new(), |mt| format!(" · {}", mt.name))
            )
        },
    )));
    ui.add_space(4.0);
    ui.label(
        RichText::new("Returns to the Panel")
            .size(15.0)
            .color(Color32::from_gray(90)),
    );
    ui.label(big(&m.panel_return().map_or("—".to_owned(), |x| {
        let meeting = a.schedule.on(x.date, MeetingKind::Panel);
        let what = if x.kind == MilestoneKind::ModificationReport {
            "with the Modification Report, "
        } else {
            ""
        };
        format!(
            "{what}{}{}",
            prose_date(x.date, x.precision).trim_start_matches("on "),
            meeting.map_or(String::new(), |mt| format!(
                " · {}{}",
                mt.name,
                if mt.approximate {
                    " (date to be confirmed)"
                } else {
                    ""
                }
            ))
        )
    })));
    let deps = dependency_phrases(plan, mi);
    if !deps.is_empty() {
        ui.add_space(4.0);
        ui.label(
            RichText::new("Dependencies")
                .size(15.0)
                .color(Color32::from_gray(90)),
        );
        for d in deps {
            ui.label(big(&d));
        }
    }
    if let Some(s) = a.slippage.get(mi).and_then(Option::as_ref)
        && let Some(days) = s.panel_return_days
        && days != 0
    {
        ui.add_space(4.0);
        let since = a
            .reference
            .name(plan)
            .map_or_else(|| "the baseline".to_owned(), |n| format!("“{n}”"));
        ui.label(big(&format!(
            "Panel return moved {days:+} working days since {since}"
        )));
    }
    let warnings: Vec<_> = a.warnings_of(mi).collect();
    if !warnings.is_empty() {
        ui.add_space(6.0);
        for w in warnings {
            ui.label(
                RichText::new(format!("⚠ {}", w.message))
                    .size(16.0)
                    .color(theme::WARNING),
            );
        }
    }
}
