//! From one paper to the next in the app: File > Start next paper…, the "Since the last paper" checklist, and
//! "Changes since", driven through egui_kittest as a planner would.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use common::{bundled_app, harness, scroll_to};
use egui::{Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::date;
use sec_timetable::app::{BottomTab, TimetableApp};
use sec_timetable::model::chain::Item;
use sec_timetable::model::compare::ChangeKind;

/// Scrolls the checklist until `label` is on screen, then clicks it.
fn click_in_checklist(h: &mut Harness<'static, TimetableApp>, label: &str) {
    let over = h.get_by_label_contains("Due from").rect().center() + egui::vec2(0.0, 40.0);
    assert!(scroll_to(h, over, label), "{label} is not on the checklist");
    h.get_by_label(label).click();
    h.run();
}

fn undo(h: &mut Harness<'static, TimetableApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

/// File > Start next paper…, with the reference typed; the date is left as offered (5 April 2019, four weeks on).
fn start_april_paper(h: &mut Harness<'static, TimetableApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Start next paper…").click();
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Status date")
            .value()
            .as_deref(),
        Some("2019-04-05"),
        "four weeks after 8 March"
    );
    let reference = h.get_by_role_and_label(Role::TextInput, "Paper reference");
    reference.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Paper reference")
        .type_text("SECP_67_1204_10");
    h.run();
    h.get_by_label("Start next paper").click();
    h.run();
}

#[test]
fn starting_the_next_paper_keeps_march_and_opens_the_checklist_in_one_undo_step() {
    let mut h = harness(bundled_app());
    let march = h.state().plan().clone();
    start_april_paper(&mut h);
    let plan = h.state().plan();
    assert_eq!(plan.meta.status_date, date(2019, 4, 5));
    assert_eq!(plan.meta.paper_ref, "SECP_67_1204_10");
    assert_eq!(plan.baselines.len(), march.baselines.len() + 1);
    assert_eq!(plan.latest_baseline().unwrap().date, date(2019, 3, 8));
    assert!(h.state().next_paper.is_none(), "the dialog has closed");
    assert_eq!(h.state().panels.bottom_tab, BottomTab::SinceLastPaper);
    h.get_by_label_contains("Due from 8 Mar 2019 to 5 Apr 2019");
    h.get_by_label("Done: SECMP0007 “Updated Preliminary Assessment returned”");
    assert_eq!(h.state().document().undo_depth(), 1);
    undo(&mut h);
    assert_eq!(h.state().plan(), &march);
}

#[test]
fn the_dialog_refuses_a_date_before_the_status_date() {
    let mut h = harness(bundled_app());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Start next paper…").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Status date");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Status date")
        .type_text("2019-03-01");
    h.run();
    h.get_by_label("The next paper's status date must be on or after this one's (8 Mar 2019).");
    let start = h.get_by_label("Start next paper");
    assert!(start.accesskit_node().is_disabled(), "Start is disabled");
    start.click();
    h.run();
    assert_eq!(h.state().plan().meta.status_date, date(2019, 3, 8));
    assert_eq!(h.state().document().undo_depth(), 0);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().next_paper.is_none());
}

#[test]
fn the_checklist_marks_done_on_the_planned_day_and_moves_in_place() {
    let mut h = harness(bundled_app());
    start_april_paper(&mut h);
    // Done: SECMP0007's updated Preliminary Assessment, on the day planned.
    click_in_checklist(
        &mut h,
        "Done: SECMP0007 “Updated Preliminary Assessment returned”",
    );
    let x = &h.state().plan().modifications[0].milestones[0];
    assert!(x.done);
    assert_eq!(x.actual, None, "on its planned day");
    assert_eq!(
        h.state().document().undo_label(),
        Some("Mark done: SECMP0007 “Updated Preliminary Assessment returned”")
    );
    // A work package done keeps its actual end.
    click_in_checklist(
        &mut h,
        "Done: SECMP0007 work package “DCC updated Preliminary Assessment (two options)” ends",
    );
    let w = &h.state().plan().modifications[0].work_packages[0];
    assert!(w.done);
    assert_eq!(w.actual_end, Some(date(2019, 3, 15)));
    // Moved: SECMP0007's review ends a week later; still on the list, in place.
    click_in_checklist(
        &mut h,
        "A week later: SECMP0007 work package “Review response with the Proposer; agree option” ends",
    );
    let m = &h.state().plan().modifications[0];
    let w = &m.work_packages[1];
    assert_eq!((w.start, w.end), (date(2019, 3, 18), date(2019, 4, 3)));
    // Its papers miss the April Working Group: the chain takes it to May's.
    assert_eq!(m.milestones[1].date, date(2019, 5, 1));
    assert_eq!(
        h.state().document().undo_depth(),
        4,
        "roll, two marks, one move"
    );
    undo(&mut h);
    assert_eq!(
        h.state().plan().modifications[0].work_packages[1].end,
        date(2019, 3, 27)
    );
    undo(&mut h);
    assert!(!h.state().plan().modifications[0].work_packages[0].done);
}

/// The whole cycle: the March plan, the paper of 5 April 2019, what happened marked done, one thing moved — and
/// "Changes since" the March paper shows exactly that move.
#[test]
fn from_march_to_april_changes_since_shows_exactly_the_one_move() {
    let mut h = harness(bundled_app());
    start_april_paper(&mut h);
    // What happened by 5 April, marked done.
    for item in [
        "Done: SECMP0053 “Preliminary Assessment response”",
        "Done: SECMP0055 “TABASC: implementation approach”",
        "Done: SECMP0062 “Industry consultation issued”",
    ] {
        click_in_checklist(&mut h, item);
    }
    // SECMP0007's updated Preliminary Assessment came a week late: moved, in place.
    click_in_checklist(
        &mut h,
        "A week later: SECMP0007 “Updated Preliminary Assessment returned”",
    );
    let plan = h.state().plan().clone();
    assert_eq!(plan.modifications[0].milestones[0].date, date(2019, 3, 22));
    let (from, items) = sec_timetable::model::progress::since_last_paper(&plan).unwrap();
    assert_eq!(from, date(2019, 3, 8));
    assert_eq!(
        items.iter().filter(|d| d.done).count(),
        3,
        "three marked done"
    );
    // Changes since the March paper (the baseline just kept: the default comparison).
    h.get_by_label("Changes since…").click();
    h.run();
    let a = h.state().analysis();
    let changes: Vec<_> = a
        .slippage
        .iter()
        .flatten()
        .flat_map(|s| s.changes.iter())
        .chain(a.removed.iter())
        .collect();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].modification.as_deref(), Some("SECMP0007"));
    assert_eq!(changes[0].kind, ChangeKind::Milestone);
    assert_eq!(changes[0].working_days, Some(5));
    // The tab shows it, once, and the plan-wide change of status date above it.
    h.get_by_label("Status date moves from 8 March to 5 April 2019.");
    let line = "“Updated Preliminary Assessment returned” moves from 15 March to 22 March 2019 (+5 working days).";
    assert_eq!(h.get_all_by_label(line).count(), 1);
    assert_eq!(h.get_all_by_label("+5 wd").count(), 1);
    // Still on the checklist, where it was moved: due 22 March, not done.
    assert!(items.iter().any(|d| d.modification == 0
        && d.item == Item::Milestone(0)
        && d.planned == date(2019, 3, 22)
        && !d.done));
}

#[test]
fn changes_since_another_plan_file_read_on_a_worker() {
    // Last month's file: SECMP0010 went to the June Panel then; the plan open now has it in May.
    let dir = tempfile::tempdir().unwrap();
    let older = dir.path().join("older.ron");
    let mut plan = sec_timetable::io::bundled_plan();
    let i = plan.modification_index("SECMP0010").unwrap();
    let panel = plan.modifications[i]
        .milestones
        .iter_mut()
        .find(|x| x.id == "panel")
        .unwrap();
    panel.date = date(2019, 6, 21);
    panel.at = Some(sec_timetable::model::At::Meeting("panel-69".into()));
    sec_timetable::io::save_plan(&plan, &older).unwrap();

    let mut h = harness(bundled_app());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Compare with a plan file…").click();
    h.run();
    common::type_path(&mut h, "Compare with plan", &older);
    h.get_by_label("Compare").click();
    common::settle(&mut h);
    match &h.state().reference {
        sec_timetable::app::analysis::Reference::File { name, .. } => assert_eq!(name, "older.ron"),
        other => panic!("not comparing with the file: {other:?}"),
    }
    assert_eq!(h.state().panels.bottom_tab, BottomTab::Changes);
    h.get_by_label("Panel return moves from June to May 2019 (-24 working days).");
    assert_eq!(
        h.state().analysis().slippage[i]
            .as_ref()
            .unwrap()
            .panel_return_days,
        Some(-24)
    );
    // Nothing in the plan changed.
    assert_eq!(h.state().document().undo_depth(), 0);
}
