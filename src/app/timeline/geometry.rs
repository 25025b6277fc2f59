//! Where things go on screen for one frame: days to x, rows to y, and the rectangles of bars.

use egui::{Rect, pos2};
use egui_plot::PlotTransform;
use jiff::civil::Date;

use super::style::TimelineStyle;
use crate::model::day_number;
use crate::model::drag::DragTarget;

/// Maps days and rows to the screen for one frame.
#[derive(Clone, Copy)]
pub struct Geometry {
    /// egui_plot's transform: x in day numbers, y in negated rows.
    pub transform: PlotTransform,
    /// The whole plot, header included.
    pub rect: Rect,
    /// Top of the first row's area (below the header).
    pub rows_top: f32,
    /// Height of one row.
    pub row_px: f32,
    /// Sizes and strength.
    pub style: TimelineStyle,
}

impl Geometry {
    /// Screen x of day number `days`.
    pub fn x(&self, days: f64) -> f32 {
        self.transform.position_from_point_x(days)
    }

    /// Left edge of a day's column.
    pub fn x_of(&self, date: Date) -> f32 {
        self.x(day_number(date) as f64)
    }

    /// Right edge of a day's column (an inclusive end date covers its whole day).
    pub fn x_after(&self, date: Date) -> f32 {
        self.x(day_number(date) as f64 + 1.0)
    }

    /// Centre of a day's column.
    pub fn x_mid(&self, date: Date) -> f32 {
        self.x(day_number(date) as f64 + 0.5)
    }

    /// Pixels per day.
    pub fn px_per_day(&self) -> f32 {
        self.transform.dpos_dvalue_x() as f32
    }

    /// Screen y of the middle of `row`.
    pub fn row_center(&self, row: usize) -> f32 {
        self.transform.position_from_point_y(-(row as f64))
    }

    /// The band of `row` between `left` and `right`.
    pub fn row_rect(&self, row: usize, left: f32, right: f32) -> Rect {
        let c = self.row_center(row);
        Rect::from_min_max(
            pos2(left, c - self.row_px / 2.0),
            pos2(right, c + self.row_px / 2.0),
        )
    }

    /// The day number at screen x (fractional).
    pub fn day_at(&self, x: f32) -> f64 {
        self.transform.value_from_position(pos2(x, self.rows_top)).x
    }

    /// The area below the header, where rows are drawn.
    pub fn rows_area(&self) -> Rect {
        Rect::from_min_max(pos2(self.rect.left(), self.rows_top), self.rect.max)
    }

    /// Rows on screen: first and last (inclusive), clamped to `n_rows`.
    pub fn visible_rows(&self, n_rows: usize) -> Option<(usize, usize)> {
        if n_rows == 0 {
            return None;
        }
        let top = self
            .transform
            .value_from_position(pos2(self.rect.left(), self.rows_top))
            .y;
        let bottom = self
            .transform
            .value_from_position(pos2(self.rect.left(), self.rect.bottom()))
            .y;
        let first = (-top - 0.5).floor().max(0.0) as usize;
        let last = ((-bottom + 0.5).ceil().max(0.0) as usize).min(n_rows - 1);
        (first <= last).then_some((first, last))
    }

    /// The first and last day with any part on screen, with a day to spare each side.
    pub fn visible_days(&self) -> (Date, Date) {
        let x0 = self.day_at(self.rect.left()).floor() as i32 - 1;
        let x1 = self.day_at(self.rect.right()).ceil() as i32 + 1;
        (
            crate::model::date_from_day_number(x0),
            crate::model::date_from_day_number(x1),
        )
    }

    /// The bar of a work package from `start` to `end` in `lane` of `lanes` on `row`.
    pub fn bar_rect(&self, row: usize, lane: usize, lanes: usize, start: Date, end: Date) -> Rect {
        let c = self.row_center(row);
        let total = self.row_px * 0.72;
        let lane_h = total / lanes.max(1) as f32;
        let top = c - total / 2.0 + lane as f32 * lane_h;
        Rect::from_min_max(
            pos2(self.x_of(start), top + 0.5),
            pos2(
                self.x_after(end).max(self.x_of(start) + 2.0),
                top + lane_h - 0.5,
            ),
        )
    }
}

/// Something on screen the pointer can act on: a bar, a bar end or a milestone.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Where it is.
    pub rect: Rect,
    /// What it is.
    pub target: DragTarget,
    /// Its accessible name ("SECMP0007: Review with the Proposer (end)").
    pub label: String,
}
