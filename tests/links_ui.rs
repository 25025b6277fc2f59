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
use sec_timetable::model::At;

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
