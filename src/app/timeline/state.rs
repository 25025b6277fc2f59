//! Timeline state that lives in the app, not in the plan: the view, the drag in progress, and what the last frame
//! measured.

use egui::Rect;
use jiff::civil::Date;

use super::style::TimelineStyle;
use super::view::{PendingView, ViewState};
use crate::model::drag::DragTarget;
use crate::model::{Modification, Warning};

/// A drag in progress: previewed here, committed as one edit on release.
#[derive(Debug, Clone)]
pub struct DragState {
    /// What is dragged.
    pub target: DragTarget,
    /// Pointer x where the drag began. Movement is measured in pixels from here, so a panel that changes width
    /// mid-drag does not move the item.
    pub origin_x_px: f32,
    /// Shift was held at the start (or since): move everything after, too.
    pub follow: bool,
    /// Plan revision the drag started on; if the plan changes underneath (an undo by keyboard), the drag is dropped.
    pub revision: u64,
    /// Calendar days moved so far (rounded).
    pub delta_days: i32,
    /// Every modification the drag would change, as it would be: the dragged one first, then those its links and
    /// dependencies move. Empty when the drag changes nothing.
    pub proposed: Vec<(usize, Modification)>,
    /// What the proposal means, for the floating label.
    pub description: String,
    /// What else moves with it ("Working Group 1 May → 5 Jun 2019 (papers due 29 May) · …"), for the label.
    pub cascade: String,
    /// Warnings the proposal would add.
    pub new_warnings: Vec<Warning>,
}

impl DragState {
    /// A drag of `target` starting at pointer x `origin_x_px` on plan revision `revision`.
    pub fn new(target: DragTarget, origin_x_px: f32, follow: bool, revision: u64) -> Self {
        DragState {
            target,
            origin_x_px,
            follow,
            revision,
            delta_days: 0,
            proposed: Vec::new(),
            description: String::new(),
            cascade: String::new(),
            new_warnings: Vec::new(),
        }
    }
}

/// Timeline state that lives in the app, not in the plan.
#[derive(Debug, Clone)]
pub struct TimelineState {
    /// Zoom and scroll.
    pub view: ViewState,
    /// Changes to the view asked for since the last frame.
    pub pending: PendingView,
    /// Snap drags to working days and meetings.
    pub snap: bool,
    /// The drag in progress.
    pub drag: Option<DragState>,
    /// Set by Esc during a drag: ignore the pointer until it is released.
    pub swallow_until_release: bool,
    /// Pixels per day in the last frame.
    pub px_per_day: f64,
    /// Rows visible in the last frame.
    pub rows_visible: f64,
    /// Day under the pointer in the last frame.
    pub hovered_day: Option<Date>,
    /// Screen rectangles of the items drawn in the last frame.
    pub item_rects: Vec<(DragTarget, Rect)>,
    /// Sizes and strength.
    pub style: TimelineStyle,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            view: ViewState::default(),
            pending: PendingView::default(),
            snap: true,
            drag: None,
            swallow_until_release: false,
            px_per_day: 1.0,
            rows_visible: 1.0,
            hovered_day: None,
            item_rects: Vec::new(),
            style: TimelineStyle::DESKTOP,
        }
    }
}

impl TimelineState {
    /// Show every row and the whole date range on the next frame.
    pub fn request_fit(&mut self) {
        self.pending.request_fit();
    }

    /// Scroll so `row` is visible on the next frame.
    pub fn reveal_row(&mut self, row: usize) {
        self.pending.reveal_row(row);
    }

    /// Centre the date axis on `date` on the next frame.
    pub fn center_on(&mut self, date: Date) {
        self.view.fitted = false;
        self.pending.center_on(date);
    }

    /// Zoom the date axis by `factor` (below 1 zooms in) around the centre.
    pub fn zoom_by(&mut self, factor: f64) {
        self.view.fitted = false;
        self.pending.zoom_by(factor);
    }

    /// Pan the date axis by `fraction` of the visible span (negative: earlier).
    pub fn pan_by(&mut self, fraction: f64) {
        self.view.fitted = false;
        let days = self.view.span_days() * fraction;
        self.view.pan_days(days);
    }

    /// Scroll by `pages` screens of rows (negative: up); clamped on the next frame.
    pub fn scroll_pages(&mut self, pages: f64) {
        self.view.fitted = false;
        self.view.first_row += pages * self.rows_visible.floor().max(1.0);
    }

    /// Where `target` was drawn in the last frame, if it was on screen.
    pub fn item_rect(&self, target: DragTarget) -> Option<Rect> {
        self.item_rects
            .iter()
            .find(|(t, _)| *t == target)
            .map(|(_, r)| *r)
    }

    /// Abandon a drag in progress.
    pub fn cancel_drag(&mut self) {
        if self.drag.take().is_some() {
            self.swallow_until_release = true;
        }
    }

    /// Presentation or desk sizes.
    pub fn set_style(&mut self, style: TimelineStyle) {
        self.style = style;
        self.request_fit();
    }
}
