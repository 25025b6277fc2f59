//! Progress and lifecycle: done and actual days drawn distinctly (on screen and in Appendix A), closing a
//! modification (date, reason, the row hidden until asked for), and a new modification's standard chain.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use common::{bundled_app, harness};
use egui::{Color32, Modifiers, Role, Shape};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use sec_timetable::app::TimetableApp;
use sec_timetable::io::appendix::{AppendixInput, Page, appendix_svg};
use sec_timetable::io::bundled_plan;
use sec_timetable::io::export::{ExportInput, ExportKind, ExportSettings, render};
use sec_timetable::model::layout::row_order;
use sec_timetable::model::{At, Plan, Schedule, Status, validate};

const INK: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);

/// Scrolls the widget labelled `label` into view (the side panel and popups scroll), then clicks it.
fn click(h: &mut Harness<'static, TimetableApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn undo(h: &mut Harness<'static, TimetableApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

/// Filled shapes of the last frame in `colour`, nested ones included.
fn filled(h: &Harness<'static, TimetableApp>, colour: Color32) -> usize {
    fn count(shape: &Shape, colour: Color32) -> usize {
        match shape {
            Shape::Vec(shapes) => shapes.iter().map(|s| count(s, colour)).sum(),
            Shape::Path(p) => usize::from(p.fill == colour),
            _ => 0,
        }
    }
    h.output()
        .shapes
        .iter()
        .map(|c| count(&c.shape, colour))
        .sum()
}

#[test]
fn a_milestone_marked_done_in_the_side_panel_is_drawn_with_its_black_mark() {
    let mut h = harness(bundled_app());
    h.get_by_label("Row SECMP0007").click();
    h.run();
    let before = filled(&h, INK);
    click(
        &mut h,
        "Done: SECMP0007 “Updated Preliminary Assessment returned”",
    );
    let x = &h.state().plan().modifications[0].milestones[0];
    assert!(x.done);
    assert_eq!(x.actual, None);
    assert_eq!(
        filled(&h, INK),
        before + 1,
        "one black mark on the day it happened"
    );
    // The package done too: its own black mark at its actual end, the planned end by default.
    click(
        &mut h,
        "Done: SECMP0007 “DCC updated Preliminary Assessment (two options)”",
    );
    let w = &h.state().plan().modifications[0].work_packages[0];
    assert_eq!((w.done, w.actual_end), (true, Some(date(2019, 3, 15))));
    assert_eq!(filled(&h, INK), before + 2);
    assert_eq!(
        h.state().document().undo_label(),
        Some("Mark done: SECMP0007 “DCC updated Preliminary Assessment (two options)”")
    );
    undo(&mut h);
    undo(&mut h);
    assert_eq!(filled(&h, INK), before);
    assert!(!h.state().document().is_dirty());
}

fn svg(plan: &Plan) -> String {
    let schedule = Schedule::build(plan);
    let warnings = validate(plan, &schedule);
    let rows = row_order(plan);
    appendix_svg(
        &AppendixInput {
            plan,
            schedule: &schedule,
            warnings: &warnings,
            rows: &rows,
        },
        Page::default(),
    )
}

#[test]
fn appendix_a_draws_what_happened_in_black_and_its_legend_says_so() {
    let plan = bundled_plan();
    let ink = |s: &str| s.matches("#1a1a1a").count();
    let plain = svg(&plan);
    assert!(
        plain.contains("Done (plan faded; black: when it happened)"),
        "legend"
    );
    let mut done = plan.clone();
    // On its day: a black mark.
    done.modifications[0].milestones[0].done = true;
    assert_eq!(ink(&svg(&done)), ink(&plain) + 1);
    // Three days late: the mark on the day it happened, joined to the plan by a black line.
    done.modifications[0].milestones[0].actual = Some(date(2019, 3, 20));
    assert_eq!(ink(&svg(&done)), ink(&plain) + 2);
    // A work package finished: a black line along it to the mark of its actual end, the plan faded under white.
    let before = svg(&done);
    done.modifications[0].work_packages[0].done = true;
    done.modifications[0].work_packages[0].actual_end = Some(date(2019, 3, 18));
    let after = svg(&done);
    assert_eq!(ink(&after), ink(&before) + 2);
    assert!(
        after.matches("fill-opacity=\"0.6\"").count()
            > before.matches("fill-opacity=\"0.6\"").count()
    );
}

#[test]
fn a_closed_modification_leaves_appendix_a_the_timetable_and_section_3() {
    let exported = |plan: &Plan, kind| {
        let schedule = Schedule::build(plan);
        let warnings = validate(plan, &schedule);
        let input = ExportInput {
            plan,
            schedule: &schedule,
            warnings: &warnings,
        };
        let bytes = render(kind, &input, &ExportSettings::default()).unwrap();
        String::from_utf8(bytes).unwrap()
    };
    let mut plan = bundled_plan();
    let i = plan.modification_index("SECMP0028").unwrap();
    let kinds = [
        ExportKind::AppendixSvg,
        ExportKind::TimetableCsv,
        ExportKind::TimetableMarkdown,
        ExportKind::Section3,
    ];
    for kind in kinds {
        assert!(exported(&plan, kind).contains("SECMP0028"), "{kind:?}");
    }
    plan.modifications[i].status = Status::Withdrawn;
    for kind in kinds {
        let text = exported(&plan, kind);
        // Not even as what SECMP0067 is waited for by.
        assert!(!text.contains("SECMP0028"), "{kind:?}: {text}");
        assert!(text.contains("SECMP0067"), "{kind:?}");
    }
}

#[test]
fn withdrawing_a_modification_dates_it_and_hides_its_row_until_asked_for() {
    let mut h = harness(bundled_app());
    h.get_by_label("Row SECMP0028").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Status").click();
    h.run();
    let option = || {
        egui_kittest::kittest::By::new()
            .label("Withdrawn")
            .role(Role::Button)
    };
    h.get(option()).scroll_to_me();
    h.run();
    h.get(option()).click();
    h.run();
    let i = h.state().plan().modification_index("SECMP0028").unwrap();
    let m = &h.state().plan().modifications[i];
    assert_eq!(m.status, Status::Withdrawn);
    assert_eq!(
        m.closed_on,
        Some(date(2019, 3, 8)),
        "closed as of the status date"
    );
    // Hidden from the timeline by default; the side panel still shows it, with its closing.
    assert_eq!(h.state().analysis().rows.len(), 17);
    assert!(h.query_by_label("Row SECMP0028").is_none());
    h.get_by_label("Closed on");
    h.get_by_role_and_label(Role::TextInput, "Reason").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Reason")
        .type_text("Withdrawn by the Proposer: SECMP0067 delivers it");
    h.run();
    assert_eq!(
        h.state().plan().modifications[i].closing_reason,
        "Withdrawn by the Proposer: SECMP0067 delivers it"
    );
    // View > Show closed modifications brings the row back, and the choice persists.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Show closed modifications").click();
    h.run();
    assert_eq!(h.state().analysis().rows.len(), 18);
    h.get_by_label("Row SECMP0028");
    assert_eq!(h.state().settings().show_closed, Some(true));
    // Two steps back: the reason, then the status.
    h.get_by_label("Row SECMP0028").click();
    h.run();
    undo(&mut h);
    undo(&mut h);
    let m = &h.state().plan().modifications[i];
    assert_eq!((m.status, m.closed_on), (Status::OnHold, None));
    assert!(!h.state().document().is_dirty());
}

#[test]
fn add_modification_starts_from_the_papers_standard_chain() {
    let mut h = harness(bundled_app());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add modification").click();
    h.run();
    let plan = h.state().plan();
    let m = plan.modifications.last().unwrap();
    assert_eq!(h.state().selected.as_deref(), Some(m.id.as_str()));
    let names: Vec<&str> = m.work_packages.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Business requirements with the Proposer and the DCC",
            "DCC Preliminary Assessment",
            "Review the response with the Proposer"
        ]
    );
    // Linked for the scheduler: each step after the one before; the meetings found from what they follow.
    assert_eq!(m.work_packages[1].after[0].on, "requirements");
    assert_eq!(m.work_packages[2].after[0].on, "pa");
    let wg = m.milestones.iter().find(|x| x.id == "wg").unwrap();
    let panel = m.milestones.iter().find(|x| x.id == "panel").unwrap();
    assert_eq!(wg.at, Some(At::NextWorkingGroup));
    assert_eq!(panel.at, Some(At::NextPanel));
    assert_eq!(panel.after[0].on, "wg");
    assert_eq!((wg.date, panel.date), (date(2019, 6, 5), date(2019, 6, 21)));
    assert_eq!(h.state().document().undo_depth(), 1);
    undo(&mut h);
    assert_eq!(h.state().plan().modifications.len(), 18);
}
