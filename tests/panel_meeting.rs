//! The Panel-meeting layer driven through egui_kittest: presentation mode, the agenda filter, search, and baselines
//! with slippage.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use common::{bundled_app, drag, type_path};
use egui::{Modifiers, Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use sec_timetable::app::analysis::Reference;
use sec_timetable::app::{BottomTab, Settings, TimetableApp, bundled_plan};
use sec_timetable::model::MilestoneKind;
use sec_timetable::model::baseline::baseline_from;

fn harness() -> Harness<'static, TimetableApp> {
    common::harness(bundled_app())
}

fn selected(h: &Harness<'static, TimetableApp>) -> Option<String> {
    h.state().selected.clone()
}

#[test]
fn presentation_steps_through_modifications_and_leaves_with_escape() {
    let mut h = harness();
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.state().presentation);
    // Editing chrome is gone; the title and legend are there.
    assert!(h.query_by_label("File").is_none());
    h.get_by_label("SEC Modification Timetables");
    h.get_by_label("Status as of 8 March 2019");
    h.get_by_label("Up / Down: next modification · Esc: leave");
    // Until a modification is stepped to, the timeline has the whole width: no card.
    assert!(h.query_by_label("Next step").is_none());
    // Every modification id is legible: a row at least 24 px tall, on screen.
    for m in &h.state().plan().modifications {
        let row = h.get_by_label(&format!("Row {}", m.id)).rect();
        assert!(
            row.height() >= 24.0 && row.bottom() <= 720.0,
            "{} at {row:?}",
            m.id
        );
    }

    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("SECMP0007"));
    h.get_by_label("Returns to the Panel");
    h.get_by_label("12 April 2019 · Panel 67 (date to be confirmed)");
    h.key_press(egui::Key::PageDown);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("SECMP0010"));
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("SECMP0007"));
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("SECMP0067"));
    h.get_by_label("SECMP0028 waits for this");
    // Rows follow the display order: the prepayment group together.
    h.key_press(egui::Key::Home);
    h.run();
    for _ in 0..7 {
        h.key_press(egui::Key::ArrowDown);
        h.run();
    }
    assert_eq!(selected(&h).as_deref(), Some("SECMP0032"));
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("SECMP0037"));

    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().presentation);
    h.get_by_label("File");
}

#[test]
fn dragging_works_while_presenting_with_undo() {
    let mut h = harness();
    h.key_press(egui::Key::F5);
    h.run();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = h
        .get_by_label("SECMP0007: Review response with the Proposer; agree option")
        .rect()
        .center();
    drag(&mut h, from, from + vec2(7.0 * px_per_day, 0.0));
    assert_eq!(
        h.state().plan().modifications[0].work_packages[1].start,
        date(2019, 3, 25)
    );
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().plan().modifications[0].work_packages[1].start,
        date(2019, 3, 18)
    );
    assert!(
        h.state().presentation,
        "undo does not leave presentation mode"
    );
}

#[test]
fn clicking_a_meeting_shows_only_what_is_due_there() {
    let mut h = harness();
    h.get_by_label("Meetings and agendas").click();
    h.run();
    assert_eq!(h.state().panels.bottom_tab, BottomTab::Meetings);
    h.get_by_label_contains("Working Group April 2019 · 4 due")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("Working Group April 2019 · 4 due")
        .click();
    h.run();
    let shown: Vec<&str> = h
        .state()
        .analysis()
        .rows
        .iter()
        .map(|&m| h.state().plan().modifications[m].id.as_str())
        .collect();
    assert_eq!(shown, ["SECMP0007", "SECMP0012", "SECMP0053", "SECMP0066"]);
    assert!(h.query_by_label("Row SECMP0010").is_none());
    h.get_by_label("Row SECMP0066");
    h.get_by_label("4 of 18");
    // Its agenda lists the four with their reasons, and clicking one selects it.
    h.get_by_label_contains(
        "Channel selection to support Shared HAN solutions — Working Group: any appetite",
    );
    // Presentation respects the filter.
    h.key_press(egui::Key::F5);
    h.run();
    h.get_by_label("Showing 4 of 18");
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("SECMP0066"));
    h.key_press(egui::Key::Escape);
    h.run();
    // Clicking the meeting again shows everything.
    h.get_by_label("Meetings and agendas").click();
    h.run();
    h.get_by_label_contains("Working Group April 2019 · 4 due")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("Working Group April 2019 · 4 due")
        .click();
    h.run();
    assert_eq!(h.state().analysis().rows.len(), 18);
}

#[test]
fn search_filters_rows() {
    let mut h = harness();
    h.get_by_label("Search ids, titles, summaries and notes")
        .focus();
    h.run();
    h.get_by_label("Search ids, titles, summaries and notes")
        .type_text("ppmid");
    h.run();
    assert_eq!(h.state().analysis().rows.len(), 4);
    h.get_by_label("Row SECMP0037");
    assert!(h.query_by_label("Row SECMP0028").is_none());
    h.get_by_label("Clear filter").click();
    h.run();
    assert_eq!(h.state().analysis().rows.len(), 18);
}

/// The bundled plan with two stored baselines: "Earlier" has SECMP0010 and SECMP0013 returning to the April Panel
/// (they return in May now), "As agreed" is the plan as it stands.
fn two_baselines_app() -> TimetableApp {
    let mut plan = bundled_plan();
    let mut earlier = baseline_from(&plan, date(2019, 2, 15), "Earlier");
    for e in &mut earlier.modifications {
        if e.id == "SECMP0010" || e.id == "SECMP0013" {
            for x in &mut e.milestones {
                if x.kind == MilestoneKind::PanelReturn {
                    x.date = date(2019, 4, 12);
                }
            }
        }
    }
    let agreed = baseline_from(&plan, date(2019, 3, 8), "As agreed");
    plan.baselines = vec![earlier, agreed];
    TimetableApp::new(plan, None, Settings::default()).without_native_dialogs()
}

#[test]
fn the_chosen_baseline_drives_the_changes_and_the_slippage_badges() {
    let mut h = common::harness(two_baselines_app());
    // The newest baseline by default: nothing moved since.
    assert!(
        h.query_by_label("+22d").is_none(),
        "no badge where nothing moved"
    );
    h.get_by_label("Changes since…").click();
    h.run();
    h.get_by_label("No modification has changed.");
    // Choose the earlier one.
    h.get_by_role_and_label(Role::ComboBox, "Changes since")
        .click();
    h.run();
    h.get_by_label("Earlier").click();
    h.run();
    assert_eq!(h.state().reference, Reference::Baseline(0));
    let a = h.state().analysis();
    let plan = h.state().plan();
    let slip = |id: &str| {
        a.slippage[plan.modification_index(id).unwrap()]
            .clone()
            .unwrap()
    };
    // 12 April to 17 May 2019: 22 working days (Good Friday, Easter Monday and 6 May are not).
    assert_eq!(
        slip("SECMP0010").panel_return,
        (Some(date(2019, 4, 12)), Some(date(2019, 5, 17)))
    );
    assert_eq!(slip("SECMP0010").panel_return_days, Some(22));
    assert_eq!(slip("SECMP0013").panel_return_days, Some(22));
    assert_eq!(slip("SECMP0007").panel_return_days, Some(0));
    // The tab says it in the paper's words, with the working days.
    assert_eq!(
        h.get_all_by_label("Panel return moves from April to May 2019 (+22 working days).")
            .count(),
        2
    );
    assert_eq!(
        h.get_all_by_label("+22 wd").count(),
        2,
        "SECMP0010 and SECMP0013"
    );
    // The row labels carry the slip too, as a badge on the right rows.
    let badges: Vec<_> = h.get_all_by_label("+22d").collect();
    assert_eq!(badges.len(), 2, "SECMP0010 and SECMP0013");
    let rows = ["Row SECMP0010", "Row SECMP0013"].map(|r| h.get_by_label(r).rect());
    for badge in &badges {
        let c = badge.rect().center();
        assert!(
            rows.iter().any(|r| r.y_range().contains(c.y)),
            "{c:?} on {rows:?}"
        );
    }
    assert!(
        h.query_by_label("+0d").is_none(),
        "no badge where nothing moved"
    );
    // The choice persists with the settings.
    assert_eq!(h.state().settings().compare_baseline, Some(0));
}

#[test]
fn the_bundled_plan_carries_no_invented_baseline() {
    // The March paper never states the February timetable, so the bundled plan has no baseline to slip against.
    let mut h = harness();
    assert!(h.state().plan().baselines.is_empty());
    h.get_by_label("Changes since…").click();
    h.run();
    h.get_by_label_contains("No baseline yet");
    assert!(h.state().analysis().slippage.iter().all(Option::is_none));
    assert!(
        h.query_by_label_contains("wd").is_none() && h.query_by_label("+0d").is_none(),
        "no slippage badge anywhere"
    );
}

#[test]
fn setting_a_baseline_then_moving_a_panel_return_shows_slippage() {
    let mut h = harness();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Set baseline").click();
    h.run();
    assert_eq!(h.state().panels.bottom_tab, BottomTab::Changes);
    assert_eq!(
        h.state().plan().latest_baseline().unwrap().date,
        date(2019, 3, 8)
    );
    assert!(
        h.state().document().is_dirty(),
        "the baseline is part of the plan"
    );
    assert!(
        h.state()
            .analysis()
            .slippage
            .iter()
            .flatten()
            .all(|s| s.panel_return_days.unwrap_or(0) == 0)
    );

    // Move SECMP0007's Panel return from April to the May Panel.
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = h
        .get_by_label("SECMP0007: Panel April 2019: update and next dates")
        .rect()
        .center();
    drag(&mut h, from, from + vec2(35.0 * px_per_day, 0.0));
    assert_eq!(
        h.state().plan().modifications[0].milestones[2].date,
        date(2019, 5, 17)
    );
    let s = h.state().analysis().slippage[0].clone().unwrap();
    assert_eq!(s.panel_return_days, Some(22));
    h.get_by_label("+22 wd");
    // SECMP0007's row label shows the slip.
    let badge = h.get_by_label("+22d").rect().center();
    assert!(
        h.get_by_label("Row SECMP0007")
            .rect()
            .y_range()
            .contains(badge.y)
    );
    // Undo the baseline too: two steps back to the plan as loaded.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(!h.state().document().is_dirty());
}

#[test]
fn file_export_writes_appendix_a_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("appendix.png");
    let mut h = harness();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").hover();
    h.run_steps(10);
    h.get_by_label("Appendix A as PNG…").click();
    h.run();
    // No native dialog in tests: the app asks for the path, suggesting a name beside the plan.
    match h.state().modal() {
        Some(sec_timetable::app::Modal::PathPrompt { text, .. }) => {
            assert!(text.ends_with("secp_66_1503_12_appendix_a.png"), "{text}")
        }
        other => panic!("expected the path field, got {other:?}"),
    }
    type_path(&mut h, "Appendix A as PNG", &out);
    h.get_by_label("Export").click();
    h.run();
    let png = std::fs::read(&out).unwrap();
    let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    // A4 landscape at the default 150 dpi.
    assert_eq!((image.width(), image.height()), (1754, 1240));
    assert!(h.state().status.starts_with("Exported"));
}
