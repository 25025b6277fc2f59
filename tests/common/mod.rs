//! What the UI tests share: the app in a 1280×720 harness, and a drag done the way a hand does it.

#![allow(
    dead_code,
    reason = "each test binary that includes this module uses only some of it"
)]

use egui::Role;
use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};
use sec_timetable::app::{Settings, TimetableApp, bundled_plan, setup_style};

/// The app with the bundled plan, native dialogs off (the in-app path field is used instead).
pub fn bundled_app() -> TimetableApp {
    TimetableApp::new(bundled_plan(), None, Settings::default()).without_native_dialogs()
}

fn builder() -> HarnessBuilder<TimetableApp> {
    Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        // Small steps: the default quarter second breaks click-versus-drag detection.
        .with_step_dt(1.0 / 60.0)
        // Hover-dependent text (the date under the pointer) can take a few frames to settle.
        .with_max_steps(20)
        .with_theme(egui::Theme::Light)
        .with_context_setup(setup_style)
}

/// `app` in a settled 1280×720 window.
pub fn harness(app: TimetableApp) -> Harness<'static, TimetableApp> {
    let mut h = builder().build_ui_state(|ui, app: &mut TimetableApp| app.ui_body(ui), app);
    h.run();
    h
}

/// Like [`harness`], rendering with wgpu for snapshots.
pub fn harness_wgpu(app: TimetableApp) -> Harness<'static, TimetableApp> {
    harness_wgpu_sized(app, vec2(1280.0, 720.0))
}

/// Like [`harness_wgpu`], in a window of `size`.
pub fn harness_wgpu_sized(app: TimetableApp, size: egui::Vec2) -> Harness<'static, TimetableApp> {
    let mut h = builder()
        .with_size(size)
        .wgpu()
        .build_ui_state(|ui, app: &mut TimetableApp| app.ui_body(ui), app);
    h.run();
    h
}

/// Press at `from`, move in small steps, release at `to`.
pub fn drag(h: &mut Harness<'static, TimetableApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.step();
    for i in 1..=12 {
        h.hover_at(from + (to - from) * (i as f32 / 12.0));
        h.step();
    }
    h.drop_at(to);
    h.run();
}

/// Types `path` into the app's path field (the one headed `heading`), replacing what it held, as a user does.
pub fn type_path(h: &mut Harness<'static, TimetableApp>, heading: &str, path: &std::path::Path) {
    h.get_by_role_and_label(Role::TextInput, heading).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, heading)
        .type_text(&path.display().to_string());
    h.run();
}

/// Runs frames until the save or open in progress has finished (it runs on a worker thread), then settles.
pub fn settle(h: &mut Harness<'static, TimetableApp>) {
    h.run();
    for _ in 0..1000 {
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    assert!(!h.state().is_busy(), "the file job did not finish");
    h.run();
}

/// Scrolls the scroll area under `over` to its top, then down a row at a time until the widget labelled `label` is
/// on screen (above the status bar); false when it never comes.
pub fn scroll_to(h: &mut Harness<'static, TimetableApp>, over: Pos2, label: &str) -> bool {
    let wheel = |delta_y: f32| egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, delta_y),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    };
    h.hover_at(over);
    h.event(wheel(100_000.0));
    // Wheel scrolling is smoothed over a few dozen frames.
    h.run_steps(60);
    h.run();
    for _ in 0..60 {
        let bottom_px = h.ctx.content_rect().bottom() - 32.0;
        if h.query_by_label(label)
            .is_some_and(|n| n.rect().bottom() < bottom_px)
        {
            return true;
        }
        h.hover_at(over);
        h.event(wheel(-24.0));
        h.run();
    }
    false
}
