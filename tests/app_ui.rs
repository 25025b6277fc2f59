//! The real app driven through egui_kittest: dragging, resizing, snapping, editing, links, undo/redo, files and
//! the unsaved-changes question.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use common::{bundled_app, drag, harness, settle, type_path};
use egui::{Modifiers, Pos2, Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use jiff::civil::date;
use sec_timetable::app::{Modal, Settings, TimetableApp, bundled_plan};

fn bundled() -> Harness<'static, TimetableApp> {
    harness(bundled_app())
}

fn center_of(h: &Harness<'static, TimetableApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

const REVIEW_0007: &str = "SECMP0007: Review response with the Proposer; agree option";

#[test]
fn dragging_a_bar_moves_it_by_working_days_as_one_undo_step() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    assert!(
        px_per_day > 2.0,
        "fit all gives a usable scale: {px_per_day}"
    );
    let from = center_of(&h, REVIEW_0007);
    // Seven days to the right: Monday 18 March becomes Monday 25 March; eight working days are kept.
    drag(&mut h, from, from + vec2(7.0 * px_per_day, 0.0));
    let wp = &h.state().plan().modifications[0].work_packages[1];
    assert_eq!((wp.start, wp.end), (date(2019, 3, 25), date(2019, 4, 3)));
    assert_eq!(
        h.state().document().undo_depth(),
        1,
        "one drag, one undo step"
    );
    assert!(h.state().document().is_dirty());
    assert_eq!(h.state().title(), "secp_66_1503_12.ron* — SEC Timetable");

    // Ctrl+Z restores it; Ctrl+Shift+Z and Ctrl+Y redo.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let wp = &h.state().plan().modifications[0].work_packages[1];
    assert_eq!((wp.start, wp.end), (date(2019, 3, 18), date(2019, 3, 27)));
    assert!(!h.state().document().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().plan().modifications[0].work_packages[1].start,
        date(2019, 3, 25)
    );
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(
        h.state().plan().modifications[0].work_packages[1].start,
        date(2019, 3, 25)
    );
}

#[test]
fn a_drag_that_lands_on_a_weekend_snaps_to_the_nearest_working_day() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = center_of(&h, REVIEW_0007);
    // Five days: Saturday 23 March, nearer to Friday 22 than Monday 25.
    drag(&mut h, from, from + vec2(5.0 * px_per_day, 0.0));
    let wp = &h.state().plan().modifications[0].work_packages[1];
    assert_eq!(wp.start, date(2019, 3, 22));
}

#[test]
fn dragging_a_bar_end_resizes_it() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = center_of(&h, &format!("{REVIEW_0007} (end)"));
    drag(&mut h, from, from + vec2(2.0 * px_per_day, 0.0));
    let wp = &h.state().plan().modifications[0].work_packages[1];
    assert_eq!((wp.start, wp.end), (date(2019, 3, 18), date(2019, 3, 29)));
    assert_eq!(h.state().document().undo_depth(), 1);

    let from = center_of(&h, &format!("{REVIEW_0007} (start)"));
    drag(&mut h, from, from - vec2(3.0 * px_per_day, 0.0));
    let wp = &h.state().plan().modifications[0].work_packages[1];
    assert_eq!((wp.start, wp.end), (date(2019, 3, 15), date(2019, 3, 29)));
    assert_eq!(h.state().document().undo_depth(), 2);
}

#[test]
fn a_working_group_milestone_snaps_to_a_working_group_meeting() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = center_of(&h, "SECMP0007: Working Group: review the chosen option");
    // Twenty days after 3 April is 23 April; the nearest Working Group is 1 May.
    drag(&mut h, from, from + vec2(20.0 * px_per_day, 0.0));
    let x = &h.state().plan().modifications[0].milestones[1];
    assert_eq!(x.date, date(2019, 5, 1));
    assert!(
        h.state().analysis().warnings_of(0).next().is_none(),
        "on a meeting: no warning"
    );
}

#[test]
fn escape_cancels_a_drag() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = center_of(&h, REVIEW_0007);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.step();
    for i in 1..=6 {
        h.hover_at(from + vec2(i as f32 * 2.0 * px_per_day, 0.0));
        h.step();
    }
    assert!(
        h.state()
            .timeline
            .drag
            .as_ref()
            .is_some_and(|d| !d.proposed.is_empty())
    );
    h.key_press(egui::Key::Escape);
    h.step();
    h.drop_at(from + vec2(12.0 * px_per_day, 0.0));
    h.run();
    assert_eq!(
        h.state().plan().modifications[0].work_packages[1].start,
        date(2019, 3, 18)
    );
    assert_eq!(h.state().document().undo_depth(), 0);
}

#[test]
fn dragging_empty_space_pans_instead_of_moving_anything() {
    let mut h = bundled();
    let before = h.state().timeline.view.clone();
    let plan_before = h.state().plan().clone();
    // A spot in SECMP0028's row (on hold, nothing scheduled) right of the status line.
    let row = h.get_by_label("Row SECMP0028").rect();
    let from = Pos2::new(row.right() + 500.0, row.center().y);
    drag(&mut h, from, from + vec2(-120.0, 0.0));
    assert_eq!(h.state().plan(), &plan_before);
    assert!(h.state().timeline.view.x_min_days > before.x_min_days);
}

#[test]
fn editing_the_title_in_the_side_panel_is_an_edit() {
    let mut h = bundled();
    h.get_by_label("Row SECMP0007").click();
    h.run();
    let title = || {
        By::new()
            .role(Role::TextInput)
            .value("Firmware updates to IHDs and PPMIDs")
    };
    h.get(title()).focus();
    h.run();
    h.get(title()).type_text(" (OTA)");
    h.run();
    assert_eq!(
        h.state().plan().modifications[0].title,
        "Firmware updates to IHDs and PPMIDs (OTA)"
    );
    assert_eq!(
        h.state().document().undo_depth(),
        1,
        "typing merges into one step"
    );
    assert!(h.state().document().is_dirty());
}

#[test]
fn a_dependency_link_selects_the_blocker() {
    let mut h = bundled();
    h.get_by_label("Row SECMP0028").click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("SECMP0028"));
    h.get_by_role_and_label(Role::Link, "SECMP0067")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Link, "SECMP0067").click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("SECMP0067"));
    // And back: the blocker lists who waits for it.
    h.get_by_role_and_label(Role::Link, "SECMP0028")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Link, "SECMP0028").click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("SECMP0028"));
}

#[test]
fn clicking_a_warning_selects_its_modification() {
    let mut h = bundled();
    h.get_by_label_contains("release_cutoff_unplanned")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("release_cutoff_unplanned").click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("SECMP0053"));
}

#[test]
fn opening_a_broken_file_shows_the_error_and_keeps_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(\n    version: 1,\n    meta: (title: 5),\n)\n").unwrap();
    let mut h = bundled();
    let plan_before = h.state().plan().clone();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::PathPrompt { .. })));
    type_path(&mut h, "Open plan", &broken);
    h.get_by_label("Open").click();
    settle(&mut h);
    match h.state().modal() {
        Some(Modal::Error { message, .. }) => {
            assert!(
                message.starts_with(&format!("{}:3:", broken.display())),
                "{message}"
            )
        }
        other => panic!("expected an error, got {other:?}"),
    }
    assert_eq!(h.state().plan(), &plan_before);
    h.get_by_label_contains(&format!("{}:3:", broken.display()));
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().modal().is_none());
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = center_of(&h, REVIEW_0007);
    drag(&mut h, from, from + vec2(7.0 * px_per_day, 0.0));
    assert!(h.state().document().is_dirty());

    // The window's close button.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::ConfirmDiscard(_))));
    h.get_by_label_contains("has changes that are not saved");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().modal().is_none());
    assert!(h.state().document().is_dirty(), "cancel keeps the work");

    // File → Quit (Ctrl+Q) asks the same.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Q);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::ConfirmDiscard(_))));
    h.get_by_label("Save");
    h.get_by_label("Discard");
}

#[test]
fn save_as_then_reopen_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = center_of(&h, REVIEW_0007);
    drag(&mut h, from, from + vec2(7.0 * px_per_day, 0.0));
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    // Never saved: Save asks where, in the app (no native dialog in tests).
    type_path(&mut h, "Save plan as", &path);
    h.get_by_label("Save").click();
    settle(&mut h);
    assert!(h.state().modal().is_none(), "{:?}", h.state().modal());
    assert!(!h.state().document().is_dirty());
    assert_eq!(h.state().title(), "plan.ron — SEC Timetable");
    let saved = sec_timetable::io::load_plan(&path).unwrap();
    assert_eq!(&saved, h.state().plan());
    assert_eq!(
        saved.modifications[0].work_packages[1].start,
        date(2019, 3, 25)
    );
}

#[test]
fn every_row_of_the_bundled_plan_is_on_screen_at_1280_by_720() {
    let h = bundled();
    for m in &h.state().plan().modifications {
        let row = h.get_by_label(&format!("Row {}", m.id)).rect();
        assert!(row.height() >= 20.0, "{} is {} px tall", m.id, row.height());
        assert!(
            row.bottom() <= 720.0 && row.top() >= 0.0,
            "{} is off screen",
            m.id
        );
    }
}

#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_plan_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.ron");
    let mut plan = bundled_plan();
    plan.meta.title = "Dropped plan".into();
    sec_timetable::io::save_plan(&plan, &path).unwrap();
    let mut h = bundled();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    settle(&mut h);
    assert_eq!(h.state().plan().meta.title, "Dropped plan");
    assert_eq!(h.state().title(), "other.ron — SEC Timetable");
}

#[test]
fn new_with_unsaved_changes_can_discard() {
    let mut h = bundled();
    h.get_by_label("Row SECMP0007").click();
    h.run();
    h.state_mut().add_modification();
    h.run();
    assert!(h.state().document().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(matches!(h.state().modal(), Some(Modal::ConfirmDiscard(_))));
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().plan().modifications.is_empty());
    assert_eq!(h.state().title(), "Untitled.ron* — SEC Timetable");
}

#[test]
fn startup_opens_the_last_file_or_falls_back_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    let mut plan = bundled_plan();
    plan.meta.title = "Last session".into();
    sec_timetable::io::save_plan(&plan, &good).unwrap();
    let settings = Settings {
        last_file: Some(good.clone()),
        ..Settings::default()
    };
    let app = TimetableApp::startup(None, settings);
    assert_eq!(app.plan().meta.title, "Last session");
    assert_eq!(app.path(), Some(good.as_path()));

    // A last file that has gone bad: the bundled plan opens, and the app says why.
    std::fs::write(&good, "(version: 1, meta: (").unwrap();
    let settings = Settings {
        last_file: Some(good.clone()),
        ..Settings::default()
    };
    let app = TimetableApp::startup(None, settings);
    assert_eq!(app.plan().modifications.len(), 18);
    assert!(
        matches!(app.modal(), Some(Modal::Error { message, .. }) if message.contains("good.ron:1:"))
    );
}

#[test]
fn the_view_and_recent_files_persist_in_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    sec_timetable::io::save_plan(&bundled_plan(), &path).unwrap();
    let mut h = bundled();
    h.state_mut()
        .queue(sec_timetable::app::actions::Action::OpenPath(path.clone()));
    settle(&mut h);
    h.key_press(egui::Key::Plus);
    h.run();
    let settings = h.state().settings().clone();
    assert_eq!(
        settings.recent.first(),
        Some(&std::fs::canonicalize(&path).unwrap())
    );
    assert_eq!(settings.last_file.as_deref(), Some(path.as_path()));
    let view = settings.view.clone().unwrap();
    assert!(!view.fitted, "zoomed by the user");
    // A new session restores the zoom.
    let h2 = harness(TimetableApp::startup(None, settings).without_native_dialogs());
    assert_eq!(h2.state().timeline.view.x_min_days, view.x_min_days);
    assert_eq!(h2.state().timeline.view.x_max_days, view.x_max_days);
}

#[test]
fn enter_in_the_path_field_confirms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let mut plan = bundled_plan();
    plan.meta.title = "Typed path".into();
    sec_timetable::io::save_plan(&plan, &path).unwrap();
    let mut h = bundled();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    h.run();
    type_path(&mut h, "Open plan", &path);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Open plan")
            .is_focused(),
        "the path field has focus"
    );
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    assert_eq!(h.state().plan().meta.title, "Typed path");
    assert!(h.state().modal().is_none());
}

#[test]
fn a_drag_shows_the_warnings_it_would_cause_before_release() {
    use sec_timetable::model::WarningCode::{Horizon, ReleaseCutoffMissed};
    use sec_timetable::model::{Subject, drag::DragTarget};
    let mut h = bundled();
    assert!(
        h.state()
            .analysis()
            .warnings
            .iter()
            .all(|w| w.modification != "SECMP0062"),
        "SECMP0062 starts without warnings"
    );
    let px_per_day = h.state().timeline.px_per_day as f32;
    // SECMP0062's Modification Report must reach the May Panel for the November 2019 release.
    let from = center_of(&h, "SECMP0062: Modification Report to Panel May 2019");
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.step();
    for i in 1..=12 {
        h.hover_at(from + vec2(35.0 * px_per_day * i as f32 / 12.0, 0.0));
        h.step();
    }
    let drag = h.state().timeline.drag.clone().unwrap();
    assert_eq!(drag.description, "Fri 21 Jun 2019");
    let DragTarget::Milestone { k: dragged, .. } = drag.target else {
        panic!("dragging {:?}", drag.target);
    };
    // Exactly the new warnings it causes: this Modification Report misses its release's cut-off, and June is more
    // than three months after the status date.
    let new: Vec<_> = drag
        .new_warnings
        .iter()
        .map(|w| (w.code, w.subject))
        .collect();
    assert_eq!(
        new,
        vec![
            (ReleaseCutoffMissed, Subject::Milestone(dragged)),
            (Horizon, Subject::Modification)
        ]
    );
    h.get_by_label_contains("is after the November 2019 SEC Release cut-off");
    // Nothing is applied until release.
    assert_eq!(h.state().document().undo_depth(), 0);
    h.drop_at(from + vec2(35.0 * px_per_day, 0.0));
    h.run();
    assert_eq!(h.state().document().undo_depth(), 1);
    assert!(h.get_by_label("Row SECMP0062").rect().height() > 0.0);
    // The warnings the drag caused, and only they, are now on the plan.
    let caused: Vec<_> = h
        .state()
        .analysis()
        .warnings
        .iter()
        .filter(|w| w.modification == "SECMP0062")
        .map(|w| (w.code, w.subject))
        .collect();
    assert_eq!(
        caused,
        vec![
            (ReleaseCutoffMissed, Subject::Milestone(dragged)),
            (Horizon, Subject::Modification)
        ]
    );
}

#[test]
fn shift_drag_moves_what_follows_in_the_same_modification() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let from = center_of(&h, REVIEW_0007);
    h.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    drag(&mut h, from, from + vec2(28.0 * px_per_day, 0.0));
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    let m = &h.state().plan().modifications[0];
    assert_eq!(m.work_packages[1].start, date(2019, 4, 15));
    // The review now ends on 26 April, after May's papers deadline (24 April): its Working Group moves to the
    // first whose deadline it makes (5 June; papers 29 May) and the Panel return to the Panel after it.
    assert_eq!(m.work_packages[1].end, date(2019, 4, 26));
    assert_eq!(m.milestones[1].date, date(2019, 6, 5));
    assert_eq!(m.milestones[2].date, date(2019, 6, 21));
    // What came before stayed.
    assert_eq!(m.work_packages[0].start, date(2019, 3, 11));
    assert_eq!(
        h.state().document().undo_depth(),
        1,
        "one step for all of it"
    );
}

#[test]
fn removing_a_cost_is_its_own_undo_step() {
    let mut h = bundled();
    h.get_by_label("Row SECMP0062").click();
    h.run();
    let m = h.state().plan().modification_index("SECMP0062").unwrap();
    let original = h.state().plan().modifications[m].costs.clone();
    // Type into the cost's item, then remove the cost: two actions, two undo steps.
    let item = || {
        By::new()
            .role(Role::TextInput)
            .value("DCC Impact Assessment")
    };
    h.get(item()).scroll_to_me();
    h.run();
    h.get(item()).focus();
    h.run();
    h.get(item()).type_text(" (revised)");
    h.run();
    h.get_by_label("Row SECMP0062").click();
    h.run();
    let revised = h
        .get(
            By::new()
                .role(Role::TextInput)
                .value("DCC Impact Assessment (revised)"),
        )
        .rect();
    // The cost's own ✖, on its line.
    let remove = h
        .get_all_by_label("✖")
        .find(|n| {
            revised.y_range().contains(n.rect().center().y) && n.rect().left() > revised.right()
        })
        .unwrap();
    remove.click();
    h.run();
    assert!(h.state().plan().modifications[m].costs.is_empty());
    assert_eq!(h.state().document().undo_depth(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let costs = &h.state().plan().modifications[m].costs;
    assert_eq!(costs.len(), 1, "one undo brings the cost back");
    assert_eq!(
        costs[0].item, "DCC Impact Assessment (revised)",
        "and keeps the typing"
    );
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().plan().modifications[m].costs, original);
}

#[test]
fn shortcuts_work_whatever_has_focus_except_a_text_field() {
    let mut h = bundled();
    // Tab moves focus onto a widget (a menu button): F5 still presents.
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(
        h.ctx.memory(|m| m.focused().is_some()),
        "something has focus"
    );
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.state().presentation, "F5 reached the app");
    // Page Down, as a presentation clicker sends it, steps through the modifications.
    h.key_press(egui::Key::PageDown);
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("SECMP0007"));
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().presentation);

    // Typing "f" into the search box searches; it does not fit the view.
    h.key_press(egui::Key::Plus);
    h.run();
    let zoomed = h.state().timeline.view.clone();
    let search = "Search ids, titles, summaries and notes";
    h.get_by_label(search).focus();
    h.run();
    h.get_by_label(search).type_text("f");
    h.run();
    assert_eq!(h.state().filter.text, "f");
    assert_eq!(
        h.state().timeline.view.x_min_days,
        zoomed.x_min_days,
        "no fit"
    );
}

#[test]
fn dragging_a_dcc_response_later_moves_its_working_group_and_panel_return_as_one_step() {
    let mut h = bundled();
    let px_per_day = h.state().timeline.px_per_day as f32;
    let before = h.state().plan().clone();
    let i = before.modification_index("SECMP0056").unwrap();
    // The DCC's Preliminary Assessment (due early April) slips a week.
    let from = center_of(&h, "SECMP0056: DCC Preliminary Assessment");
    h.event(egui::Event::PointerMoved(from));
    h.run();
    let to = from + vec2(7.0 * px_per_day, 0.0);
    // Mid-drag: the preview already carries the cascade, and the label says what moves with it.
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run();
    for step in 1..=4 {
        h.event(egui::Event::PointerMoved(
            from + (to - from) * (step as f32 / 4.0),
        ));
        h.run();
    }
    let drag = h.state().timeline.drag.clone().expect("dragging");
    assert!(
        drag.cascade
            .contains("Working Group 1 May to 5 Jun 2019 (papers due 29 May)"),
        "{}",
        drag.cascade
    );
    assert!(
        drag.cascade
            .contains("Panel return May to June 2019 (Panel 69)"),
        "{}",
        drag.cascade
    );
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    let m = &h.state().plan().modifications[i];
    assert_eq!(
        m.work_packages[0].end,
        date(2019, 4, 12),
        "moved a working week"
    );
    // The review follows; it now ends after May's papers deadline, so June's Working Group and Panel.
    assert_eq!(m.work_packages[1].start, date(2019, 4, 15));
    assert_eq!(m.milestones[1].date, date(2019, 6, 5));
    assert_eq!(m.milestones[2].date, date(2019, 6, 21));
    assert_eq!(
        h.state().document().undo_depth(),
        1,
        "one undo step for all of it"
    );
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        h.state().plan() == &before,
        "undo restores everything that moved"
    );
}
