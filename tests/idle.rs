//! An idle window draws no frames: once input stops, the app asks for its next frame "never" (or not for over a
//! second), at start-up, with a dialog open, and after a drag.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on anything unexpected"
)]

use std::time::Duration;

use egui::{Pos2, RawInput, Rect, ViewportId, vec2};
use sec_timetable::app::{Settings, TimetableApp, bundled_plan, setup_style};

struct Headless {
    ctx: egui::Context,
    app: TimetableApp,
    time_s: f64,
}

impl Headless {
    fn new(app: TimetableApp) -> Self {
        let ctx = egui::Context::default();
        setup_style(&ctx);
        Headless {
            ctx,
            app,
            time_s: 0.0,
        }
    }

    /// One frame with `events`; returns the delay egui asks for before the next.
    fn frame(&mut self, events: Vec<egui::Event>) -> Duration {
        self.time_s += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 720.0))),
            time: Some(self.time_s),
            events,
            ..Default::default()
        };
        let mut out = self.ctx.run_ui(input, |ui| self.app.ui_body(ui));
        out.textures_delta.clear();
        out.viewport_output[&ViewportId::ROOT].repaint_delay
    }

    /// Lets `span` of time pass, running a frame whenever the app asked for one.
    fn settle_through(&mut self, span: Duration) {
        let end = self.time_s + span.as_secs_f64();
        while self.time_s < end {
            let delay = self.frame(Vec::new());
            if delay > Duration::from_secs(1) {
                break;
            }
            self.time_s += delay.as_secs_f64();
        }
    }

    /// Runs frames without input as long as egui asks for one soon; returns the delay it settles on.
    fn settle(&mut self) -> Duration {
        for _ in 0..120 {
            let delay = self.frame(Vec::new());
            if delay > Duration::from_secs(1) {
                return delay;
            }
        }
        let causes = self.ctx.repaint_causes();
        panic!("still repainting after 120 idle frames: {causes:?}");
    }
}

fn key(key: egui::Key, modifiers: egui::Modifiers) -> Vec<egui::Event> {
    [true, false]
        .map(|pressed| egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .to_vec()
}

#[test]
fn idle_at_start_up() {
    let mut h = Headless::new(TimetableApp::new(bundled_plan(), None, Settings::default()));
    h.settle();
}

#[test]
fn idle_with_the_path_dialog_open() {
    let app = TimetableApp::new(bundled_plan(), None, Settings::default()).without_native_dialogs();
    let mut h = Headless::new(app);
    h.settle();
    h.frame(key(egui::Key::O, egui::Modifiers::COMMAND));
    assert!(h.app.modal().is_some());
    h.settle();
}

fn pointer(pos: egui::Pos2, pressed: Option<bool>) -> Vec<egui::Event> {
    let mut events = vec![egui::Event::PointerMoved(pos)];
    if let Some(pressed) = pressed {
        events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    events
}

#[test]
fn idle_with_a_file_open_and_after_a_drag() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    sec_timetable::io::save_plan(&bundled_plan(), &path).unwrap();
    let app = TimetableApp::startup(Some(path), Settings::default()).without_native_dialogs();
    let mut h = Headless::new(app);
    h.settle();
    // Drag SECMP0007's review a week later, then let go.
    let target = sec_timetable::model::drag::DragTarget::WorkPackage {
        m: 0,
        w: 1,
        part: sec_timetable::model::drag::DragPart::Body,
    };
    let from = h.app.timeline.item_rect(target).unwrap().center();
    let week = vec2(7.0 * h.app.timeline.px_per_day as f32, 0.0);
    h.frame(pointer(from, None));
    h.frame(pointer(from, Some(true)));
    for i in 1..=10 {
        h.frame(pointer(from + week * (i as f32 / 10.0), None));
    }
    h.frame(pointer(from + week, Some(false)));
    assert_eq!(h.app.document().undo_depth(), 1, "the drag was applied");
    // The recovery file is written about a second after the change, then nothing more.
    h.settle_through(Duration::from_secs(3));
    let delay = h.settle();
    assert!(delay > Duration::from_secs(1), "{delay:?}");
}

#[test]
fn idle_while_asking_to_save_changes() {
    let app = TimetableApp::new(bundled_plan(), None, Settings::default()).without_native_dialogs();
    let mut h = Headless::new(app);
    h.settle();
    h.app.queue(sec_timetable::app::actions::Action::Command(
        sec_timetable::app::commands::Command::AddModification,
    ));
    h.frame(Vec::new());
    h.frame(key(egui::Key::N, egui::Modifiers::COMMAND));
    assert!(matches!(
        h.app.modal(),
        Some(sec_timetable::app::Modal::ConfirmDiscard(_))
    ));
    h.settle();
}
