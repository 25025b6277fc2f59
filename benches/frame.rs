//! One headless frame of the whole app (`Context::run_ui` + `tessellate`) at 1280×720: the bundled plan, 2,000
//! and 10,000 modifications, idle and in the middle of dragging a bar.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, vec2};
use sec_timetable::app::{Settings, TimetableApp, bundled_plan, setup_style};
use sec_timetable::model::Plan;
use sec_timetable::model::drag::{DragPart, DragTarget};
use sec_timetable::synthetic::generate;

struct Bench {
    ctx: egui::Context,
    app: TimetableApp,
    events: Vec<Event>,
}

impl Bench {
    fn new(plan: Plan) -> Self {
        let ctx = egui::Context::default();
        setup_style(&ctx);
        let app = TimetableApp::new(plan, None, Settings::default()).without_native_dialogs();
        let mut bench = Bench {
            ctx,
            app,
            events: Vec::new(),
        };
        for _ in 0..3 {
            bench.frame();
        }
        bench
    }

    fn frame(&mut self) -> usize {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 720.0))),
            events: std::mem::take(&mut self.events),
            ..Default::default()
        };
        let app = &mut self.app;
        let mut out = self.ctx.run_ui(input, |ui| app.ui_body(ui));
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        out.textures_delta.clear();
        primitives.len()
    }

    fn pointer(&mut self, pos: Pos2, pressed: Option<bool>) {
        self.events.push(Event::PointerMoved(pos));
        if let Some(pressed) = pressed {
            self.events.push(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }

    /// Presses on the first visible bar and moves until a drag is under way.
    fn start_drag(&mut self) -> Pos2 {
        let m = self.app.analysis().rows[0];
        let target = DragTarget::WorkPackage {
            m,
            w: 0,
            part: DragPart::Body,
        };
        let start = self
            .app
            .timeline
            .item_rect(target)
            .expect("first row's bar is on screen")
            .center();
        self.pointer(start, None);
        self.frame();
        self.pointer(start, Some(true));
        self.frame();
        let mut p = start;
        for _ in 0..10 {
            p += vec2(4.0, 0.0);
            self.pointer(p, None);
            self.frame();
        }
        assert!(self.app.timeline.drag.is_some(), "drag started");
        p
    }
}

fn frames(c: &mut Criterion) {
    let plans: Vec<(&str, Plan)> = vec![
        ("bundled", bundled_plan()),
        ("2000", generate(2000, 1)),
        ("10000", generate(10_000, 1)),
    ];
    for (name, plan) in plans {
        let mut bench = Bench::new(plan.clone());
        c.bench_function(&format!("frame/idle/{name}"), |b| {
            b.iter(|| black_box(bench.frame()))
        });

        let mut bench = Bench::new(plan);
        let p = bench.start_drag();
        if name == "10000" {
            // The synthetic plan is linked: its first bar is followed by the rest of its chain.
            let drag = bench.app.timeline.drag.as_ref().expect("dragging");
            assert!(
                drag.proposed.len() == 1 && !drag.cascade.is_empty(),
                "a cascading drag: {:?}",
                (drag.delta_days, &drag.description, &drag.cascade)
            );
        }
        let mut step = 0usize;
        c.bench_function(&format!("frame/dragging/{name}"), |b| {
            b.iter(|| {
                // Sway a few pixels either way, so the proposal and its warnings are recomputed.
                step += 1;
                let dx = if step.is_multiple_of(2) { 9.0 } else { -9.0 };
                bench.pointer(p + vec2(dx, 0.0), None);
                black_box(bench.frame())
            })
        });
        assert!(
            bench.app.timeline.drag.is_some(),
            "still dragging after the benchmark"
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = frames
}
criterion_main!(benches);
