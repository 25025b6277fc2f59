//! Editing links in the side panel: what an item follows, the lag, the meeting a milestone sits on. Each change is
//! one undo step and the schedule follows at once.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use common::{bundled_app, harness};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use sec_timetable::app::TimetableApp;
use sec_timetable::model::{At, DependencyKind, WarningCode};

const WG: &str = "Working Group May 2019: review and comment";
const PANEL: &str = "Panel May 2019: update and next dates";

/// The bundled plan with SECMP0056 selected, and its index.
fn secmp0056() -> (Harness<'static, TimetableApp>, usize) {
    let mut h = harness(bundled_app());
    h.get_by_label("Row SECMP0056").click();
    h.run();
    let i = h.state().plan().modification_index("SECMP0056").unwrap();
    (h, i)
}

fn click(h: &mut Harness<'static, TimetableApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn a_longer_lag_moves_the_working_group_and_panel_return_in_one_step() {
    let (mut h, i) = secmp0056();
    let before = h.state().plan().clone();
    let lag = format!("Lag of “{WG}” after “Review with the Proposer”");
    h.get_by_label(&lag).scroll_to_me();
    h.run();
    h.get_by_label(&lag).focus();
    h.run();
    // One working day after the review ends (24 April) misses May's papers deadline: June's Working Group, June's
    // Panel. The planner types the lag.
    h.get_by_label(&lag).type_text("2");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let m = &h.state().plan().modifications[i];
    assert_eq!(m.milestones[1].after[0].lag_days, 2);
    assert_eq!(m.milestones[1].date, date(2019, 6, 5));
    assert_eq!(m.milestones[2].date, date(2019, 6, 21));
    assert_eq!(h.state().document().undo_depth(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().plan() == &before, "one undo restores it all");
}

#[test]
fn a_panel_return_put_on_a_named_panel_moves_to_it() {
    let (mut h, i) = secmp0056();
    let before = h.state().plan().clone();
    click(&mut h, &format!("Meeting of “{PANEL}”"));
    click(&mut h, "Fri 21 Jun 2019 — Panel 69 (date approximate)");
    let m = &h.state().plan().modifications[i];
    assert_eq!(m.milestones[2].at, Some(At::Meeting("panel-69".into())));
    assert_eq!(m.milestones[2].date, date(2019, 6, 21));
    assert_eq!(h.state().document().undo_depth(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().plan() == &before);
}

#[test]
fn unlinking_and_relinking_a_working_group_returns_to_the_same_plan() {
    let (mut h, i) = secmp0056();
    let before = h.state().plan().clone();
    click(
        &mut h,
        &format!("Unlink “{WG}” from “Review with the Proposer”"),
    );
    {
        let wg = &h.state().plan().modifications[i].milestones[1];
        assert!(wg.after.is_empty());
        assert_eq!(wg.at, None, "it can no longer find a next meeting");
        assert_eq!(wg.date, date(2019, 5, 1), "it keeps its day");
    }
    // Its day is now the planner's to set: the date field is enabled again.
    click(&mut h, &format!("Add what “{WG}” follows"));
    click(&mut h, "Review with the Proposer (ends 24 Apr 2019)");
    click(&mut h, &format!("Meeting of “{WG}”"));
    click(&mut h, "the next Working Group after its inputs");
    assert_eq!(h.state().document().undo_depth(), 3);
    assert!(h.state().plan() == &before, "the same links as the paper's");
    // What the link menu offers never makes a loop: the review is followed by the Working Group, so the review's
    // menu does not offer it.
    click(&mut h, "Add what “Review with the Proposer” follows");
    assert!(
        h.query_by_label(&format!("{WG} (ends 1 May 2019)"))
            .is_none()
    );
    assert!(
        h.query_by_label("Preliminary Assessment response (ends 5 Apr 2019)")
            .is_some()
    );
}

#[test]
fn holds_on_outside_events_and_what_lifts_a_dependency_are_edited_in_the_side_panel() {
    let mut h = harness(bundled_app());
    h.get_by_label("Row SECMP0028").click();
    h.run();
    let i = h.state().plan().modification_index("SECMP0028").unwrap();
    let unresolved = |h: &Harness<'static, TimetableApp>| {
        h.state()
            .analysis()
            .warnings_of(i)
            .filter(|w| w.code == WarningCode::HoldUnresolved)
            .count()
    };
    assert_eq!(unresolved(&h), 1, "the Proposer's decision is not dated");
    // The planner learns when the Proposer will decide: the warning goes.
    click(&mut h, "Expected");
    let status_date = h.state().plan().meta.status_date;
    assert_eq!(
        h.state().plan().modifications[i].holds[0].expected,
        Some(status_date)
    );
    assert_eq!(unresolved(&h), 0);
    // A second hold, not dated yet, warns.
    click(&mut h, "+ Waits for an event");
    assert_eq!(h.state().plan().modifications[i].holds.len(), 2);
    assert_eq!(unresolved(&h), 1);
    // The hold on SECMP0067 lifts when its work ends rather than at its Panel return.
    assert_eq!(
        h.state().plan().modifications[i].dependencies[0]
            .until
            .as_deref(),
        Some("panel")
    );
    // "Why these dates" says so.
    h.get_by_label(
        "⏸ On hold until SECMP0067's “Panel June 2019: update and next dates” (21 Jun 2019).",
    );
    click(&mut h, "What of SECMP0067 lifts it");
    click(&mut h, "its work ends");
    assert_eq!(
        h.state().plan().modifications[i].dependencies[0].until,
        None
    );
    assert_eq!(h.state().document().undo_depth(), 3);
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!(!h.state().document().is_dirty());
}

#[test]
fn a_finish_to_start_dependency_added_in_the_side_panel_pushes_the_work_by_its_lag() {
    let mut h = harness(bundled_app());
    h.get_by_label("Row SECMP0066").click();
    h.run();
    let i = h.state().plan().modification_index("SECMP0066").unwrap();
    let start = |h: &Harness<'static, TimetableApp>| {
        h.state().plan().modifications[i].work_packages[0].start
    };
    let before = start(&h);
    click(&mut h, "Kind of the new dependency");
    click(&mut h, "starts after");
    click(&mut h, "Modification it depends on");
    h.get_by_role_and_label(egui::Role::Button, "SECMP0007")
        .click();
    h.run();
    click(&mut h, "Add");
    let d = &h.state().plan().modifications[i].dependencies[0];
    assert_eq!(
        (d.kind, d.on.as_str()),
        (DependencyKind::FinishToStart, "SECMP0007")
    );
    let after_0007 = start(&h);
    assert!(after_0007 > before, "its work now starts after SECMP0007's");
    // Three working days' lag.
    let lag = "Lag after SECMP0007";
    h.get_by_label(lag).scroll_to_me();
    h.run();
    h.get_by_label(lag).focus();
    h.run();
    h.get_by_label(lag).type_text("3");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().plan().modifications[i].dependencies[0].lag_days,
        3
    );
    let cal = &h.state().plan().calendar;
    assert_eq!(start(&h), cal.add_working_days(after_0007, 3));
    assert_eq!(h.state().document().undo_depth(), 2);
}
