//! Pixel snapshots of the bundled plan at 1280×720, rendered with wgpu (a software Vulkan adapter on CI).
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` accepts new images after an intended change of look.

#![allow(clippy::unwrap_used)]

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sec_timetable::app::{Settings, TimetableApp, bundled_plan, setup_style};

fn harness() -> Harness<'static, TimetableApp> {
    let app = TimetableApp::new(bundled_plan(), None, Settings::default()).without_native_dialogs();
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .with_step_dt(1.0 / 60.0)
        .with_theme(egui::Theme::Light)
        .with_context_setup(setup_style)
        .wgpu()
        .build_ui_state(|ui, app: &mut TimetableApp| app.ui_body(ui), app);
    h.run();
    h
}

#[test]
fn bundled_plan_overview() {
    let mut h = harness();
    h.snapshot("bundled_plan_overview");
}

#[test]
fn bundled_plan_with_an_on_hold_modification_selected() {
    let mut h = harness();
    h.get_by_label("Row SECMP0028").click();
    h.run();
    h.remove_cursor();
    h.run();
    h.snapshot("bundled_plan_secmp0028_selected");
}
