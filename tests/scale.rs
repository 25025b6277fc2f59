//! Frame work must not grow with rows that are off screen: a plan ten times larger draws the same few rows.

use egui::{Pos2, RawInput, Rect, vec2};
use sec_timetable::app::{Settings, TimetableApp, setup_style};
use sec_timetable::model::drag::{DragPart, DragTarget};
use sec_timetable::synthetic::generate;

/// Shapes painted in one settled frame, and items the timeline laid out.
fn frame_work(n: usize) -> (usize, usize) {
    let ctx = egui::Context::default();
    setup_style(&ctx);
    let mut app =
        TimetableApp::new(generate(n, 3), None, Settings::default()).without_native_dialogs();
    let input = || RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 720.0))),
        ..Default::default()
    };
    let mut shapes = 0;
    for _ in 0..3 {
        let mut out = ctx.run_ui(input(), |ui| app.ui_body(ui));
        shapes = out.shapes.len();
        out.textures_delta.clear();
    }
    let items = (0..n)
        .flat_map(|m| {
            (0..4).map(move |w| DragTarget::WorkPackage {
                m,
                w,
                part: DragPart::Body,
            })
        })
        .filter(|t| app.timeline.item_rect(*t).is_some())
        .count();
    (shapes, items)
}

#[test]
fn a_ten_times_larger_plan_does_not_draw_more() {
    let (small_shapes, small_items) = frame_work(400);
    let (large_shapes, large_items) = frame_work(4000);
    assert!(small_items > 0 && large_items > 0);
    // Both show one screenful of rows (about twenty), whatever the plan's size.
    assert!(large_items <= 4 * 30, "{large_items} bars laid out");
    assert!(
        (large_shapes as f64) < 1.5 * small_shapes as f64,
        "{large_shapes} shapes for 4000 modifications vs {small_shapes} for 400"
    );
}
