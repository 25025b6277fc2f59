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

#[test]
fn a_meeting_on_the_axis_opens_its_editor_where_the_notice_rule_and_the_day_are_set_with_undo() {
    let mut h = harness(bundled_app());
    let i = h
        .state()
        .plan()
        .meetings
        .iter()
        .position(|m| m.id == "panel-67")
        .unwrap();
    assert_eq!(h.state().plan().meetings[i].notice, None);
    h.get_by_label("Meeting Panel 67").click();
    h.run();
    assert_eq!(h.state().editing_meeting.as_deref(), Some("panel-67"));
    h.get_by_label("Meeting: Panel 67");
    // Panel papers are due five working days before, say.
    h.get_by_label("Notice rule").click();
    h.run();
    let notice = h.state().plan().meetings[i].notice.unwrap();
    assert_eq!((notice.agenda_days, notice.papers_days), (10, 5));
    assert_eq!(
        h.state().document().undo_label(),
        Some("Change the notice rule of Panel 67")
    );
    // Its day is published: confirmed.
    assert!(h.state().plan().meetings[i].approximate);
    h.get_by_label("not yet published").click();
    h.run();
    assert!(!h.state().plan().meetings[i].approximate);
    assert_eq!(h.state().document().undo_label(), Some("Confirm Panel 67"));
    h.get_by_label("Close").click();
    h.run();
    assert_eq!(h.state().editing_meeting, None);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(h.state().plan().meetings[i].notice, None);
    assert!(h.state().plan().meetings[i].approximate);
    assert!(!h.state().document().is_dirty());
}

#[test]
fn the_august_working_group_is_skipped_and_restored() {
    let mut h = plan_tab();
    h.get_by_label("Edit Working Group").scroll_to_me();
    h.run();
    h.get_by_label("Edit Working Group").click();
    h.run();
    assert_eq!(h.state().editing_meeting.as_deref(), Some("wg"));
    h.get_by_role_and_label(Role::ComboBox, "Skip a month")
        .click();
    h.run();
    let august = || {
        By::new()
            .label("Working Group August 2019")
            .role(Role::Button)
    };
    h.get(august()).scroll_to_me();
    h.run();
    h.get(august()).click();
    h.run();
    let series = &h.state().plan().meeting_series[0];
    assert_eq!(series.skip, [jiff::civil::date(2019, 8, 7)]);
    let a = h.state().analysis();
    assert!(
        a.schedule.by_id("wg-2019-08").is_none(),
        "no August meeting"
    );
    assert!(a.schedule.by_id("wg-2019-09").is_some());
    assert_eq!(
        h.state().document().undo_label(),
        Some("Skip Working Group August 2019")
    );
    h.get_by_label("No meeting in August 2019");
    h.get_by_label("Restore").click();
    h.run();
    assert!(h.state().plan().meeting_series[0].skip.is_empty());
    undo(&mut h);
    undo(&mut h);
    assert!(h.state().plan().meeting_series[0].skip.is_empty());
    assert!(!h.state().document().is_dirty());
}

#[test]
fn group_members_are_taken_out_and_added_each_one_undo_step() {
    let mut h = plan_tab();
    let group_of = |h: &Harness<'static, TimetableApp>, id: &str| {
        let plan = h.state().plan();
        plan.modification(id).unwrap().group.clone()
    };
    assert_eq!(group_of(&h, "SECMP0037").as_deref(), Some("prepayment"));
    let out = "Take SECMP0037 out of Prepayment group";
    h.get_by_label(out).scroll_to_me();
    h.run();
    h.get_by_label(out).click();
    h.run();
    assert_eq!(group_of(&h, "SECMP0037"), None);
    h.get_by_label("2 members");
    let add = "Add a member to Prepayment group";
    h.get_by_role_and_label(Role::ComboBox, add).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, add).click();
    h.run();
    let entry = || By::new().label("SECMP0046").role(Role::Button);
    h.get(entry()).scroll_to_me();
    h.run();
    h.get(entry()).click();
    h.run();
    assert_eq!(group_of(&h, "SECMP0046").as_deref(), Some("prepayment"));
    assert_eq!(
        h.state().document().undo_label(),
        Some("Add SECMP0046 to Prepayment group")
    );
    // The row order keeps the group together: SECMP0046 now sits with SECMP0032 and SECMP0038.
    let a = h.state().analysis();
    let plan = h.state().plan();
    let row = |id: &str| a.row_of[plan.modification_index(id).unwrap()].unwrap();
    assert_eq!(row("SECMP0046"), row("SECMP0038") + 1);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(group_of(&h, "SECMP0037").as_deref(), Some("prepayment"));
    assert_eq!(group_of(&h, "SECMP0046"), None);
    assert!(!h.state().document().is_dirty());
}
