//! Pixel snapshots of the bundled plan at 1280×720, rendered with wgpu (a software Vulkan adapter on CI).
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
