//! The Plan tab: plan-wide edits (paper, meetings, releases, groups), each one undo step.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use common::{bundled_app, harness};
use egui::{Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use sec_timetable::app::TimetableApp;

fn plan_tab() -> Harness<'static, TimetableApp> {
    let mut h = harness(bundled_app());
    h.get_by_label("Plan").click();
    h.run();
    h
}

fn undo(h: &mut Harness<'static, TimetableApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

#[test]
fn the_paper_title_is_edited_as_one_step_and_undone() {
    let mut h = plan_tab();
    let field = || {
        By::new()
            .role(Role::TextInput)
            .value("SEC Modification Timetables")
    };
    h.get(field()).focus();
    h.run();
    h.get(field()).type_text(" (April)");
    h.run();
    assert_eq!(
        h.state().plan().meta.title,
        "SEC Modification Timetables (April)"
    );
    assert_eq!(
        h.state().document().undo_depth(),
        1,
        "typing merges into one step"
    );
    // Click away from the field so the undo key reaches the app, as a user would.
    h.get_by_label("Row SECMP0007").click();
    h.run();
    undo(&mut h);
    assert_eq!(h.state().plan().meta.title, "SEC Modification Timetables");
    assert!(!h.state().document().is_dirty());
}

#[test]
fn a_meeting_date_is_marked_approximate_and_confirmed() {
    let mut h = plan_tab();
    assert!(
        !h.state().plan().meetings[0].approximate,
        "Panel 65 happened"
    );
    let panel_65 = h.get_by_label("Panel 65").rect();
    let boxes: Vec<_> = h
        .get_all_by_label("approx.")
        .filter(|b| panel_65.y_range().contains(b.rect().center().y))
        .collect();
    assert_eq!(boxes.len(), 1);
    boxes[0].click();
    h.run();
    assert!(h.state().plan().meetings[0].approximate);
    assert_eq!(
        h.state().document().undo_label(),
        Some("Mark approximate: Panel 65")
    );
    undo(&mut h);
    assert!(!h.state().plan().meetings[0].approximate);
}

#[test]
fn groups_are_added_and_a_group_with_members_is_not_removed() {
    let mut h = plan_tab();
    // Below the groups and their members: scrolled into view first.
    h.get_by_label("+ Group").scroll_to_me();
    h.run();
    h.get_by_label("+ Group").click();
    h.run();
    let groups = &h.state().plan().groups;
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[1].name, "New group");
    // The prepayment group has three members: removing it is refused, and says why.
    h.get_by_label("3 members").scroll_to_me();
    h.run();
    let remove: Vec<_> = h.get_all_by_label("✖").collect();
    let prepayment = h.get_by_label("3 members").rect();
    // The ✖ just right of "3 members" (the meetings column has its own on the same line).
    let remove_prepayment = remove
        .iter()
        .filter(|b| prepayment.y_range().contains(b.rect().center().y))
        .filter(|b| b.rect().left() >= prepayment.right())
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap();
    remove_prepayment.click();
    h.run();
    assert_eq!(h.state().plan().groups.len(), 2);
    assert!(
        h.state().status.starts_with("Not applied"),
        "{}",
        h.state().status
    );
    assert_eq!(h.state().document().undo_depth(), 1);
}

#[test]
fn a_release_cut_off_moves_to_another_panel() {
    let mut h = plan_tab();
    let before = h.state().plan().releases[0].cutoff_meeting.clone();
    assert_eq!(before, "panel-68");
    h.get_by_role_and_label(Role::ComboBox, "Cut-off").click();
    h.run();
    // The popup's entry, not the meeting's name in the meetings column.
    let entry = h
        .get_all_by_label("Panel 69")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap();
    entry.click();
    h.run();
    assert_eq!(h.state().plan().releases[0].cutoff_meeting, "panel-69");
    undo(&mut h);
    assert_eq!(h.state().plan().releases[0].cutoff_meeting, "panel-68");
}
