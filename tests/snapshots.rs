//! Pixel snapshots of the bundled plan at 1280×720 (and presentation mode at 1920×1080 too), rendered with wgpu (a software Vulkan adapter on CI).
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` accepts new images after an intended change of look.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

mod common;

use common::bundled_app;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sec_timetable::app::TimetableApp;

fn harness() -> Harness<'static, TimetableApp> {
    common::harness_wgpu(bundled_app())
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

/// Presentation mode at `size`: before stepping (the timeline has the whole width), then on SECMP0056 (the card).
fn presentation_snapshots(size: egui::Vec2, name: &str) {
    let mut h = common::harness_wgpu_sized(bundled_app(), size);
    h.key_press(egui::Key::F5);
    h.run();
    h.remove_cursor();
    h.run();
    assert!(h.state().presentation);
    assert!(
        h.query_by_label("Next step").is_none(),
        "no card before stepping"
    );
    h.snapshot(format!("presentation_{name}"));
    while h.state().selected.as_deref() != Some("SECMP0056") {
        h.key_press(egui::Key::PageDown);
        h.run();
    }
    h.remove_cursor();
    h.run();
    h.get_by_label("Next step");
    h.snapshot(format!("presentation_{name}_secmp0056"));
}

#[test]
fn presentation_at_1280_by_720() {
    presentation_snapshots(egui::vec2(1280.0, 720.0), "1280x720");
}

#[test]
fn presentation_at_1920_by_1080() {
    presentation_snapshots(egui::vec2(1920.0, 1080.0), "1920x1080");
}
