//! What part of the plan is on screen: the visible date range and rows, zoom, fit, pan. No painting: the
//! timeline asks for changes between frames and [`PendingView::apply`] makes them once the frame knows its size.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::style::TimelineStyle;
use crate::model::day_number;

/// Narrowest date range the view allows, in days.
pub const MIN_SPAN_DAYS: f64 = 7.0;
/// Widest date range the view allows, in days.
pub const MAX_SPAN_DAYS: f64 = 365.0 * 12.0;

/// Zoom and scroll: what part of the plan is on screen. Persisted between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// First visible day (day number, see [`day_number`]).
    pub x_min_days: f64,
    /// Last visible day.
    pub x_max_days: f64,
    /// Row at the top of the view (fractional while scrolling).
    pub first_row: f64,
    /// Height of one row.
    pub row_height_px: f32,
    /// The view shows everything ("fit all") and follows the window size until the user zooms or scrolls.
    pub fitted: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            x_min_days: day_number(jiff::civil::date(2019, 2, 18)) as f64,
            x_max_days: day_number(jiff::civil::date(2019, 7, 31)) as f64,
            first_row: 0.0,
            row_height_px: TimelineStyle::DESKTOP.default_row_px,
            fitted: false,
        }
    }
}

impl ViewState {
    /// Days from the left edge to the right edge.
    pub fn span_days(&self) -> f64 {
        self.x_max_days - self.x_min_days
    }

    /// The day in the middle of the view.
    pub fn center_days(&self) -> f64 {
        (self.x_min_days + self.x_max_days) / 2.0
    }

    /// Zooms the date axis by `factor` (below 1 zooms in), keeping `center_days` where it is on screen.
    pub fn zoom_around(&mut self, factor: f64, center_days: f64) {
        let span = (self.span_days() * factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let t = if self.x_max_days > self.x_min_days {
            ((center_days - self.x_min_days) / self.span_days()).clamp(0.0, 1.0)
        } else {
            0.5
        };
        self.x_min_days = center_days - t * span;
        self.x_max_days = self.x_min_days + span;
    }

    /// Moves the date axis by `days` (positive: later dates come into view).
    pub fn pan_days(&mut self, days: f64) {
        self.x_min_days += days;
        self.x_max_days += days;
    }

    /// Centres the date axis on `date`, keeping the zoom.
    pub fn center_on(&mut self, date: Date) {
        let half = self.span_days() / 2.0;
        let c = day_number(date) as f64;
        self.x_min_days = c - half;
        self.x_max_days = c + half;
    }

    /// Shows `date_range` with a small margin and every one of `n_rows` rows in `rows_px`, as far as the style's
    /// row heights allow (below the smallest, rows keep the default height and the view scrolls).
    pub fn fit(
        &mut self,
        date_range: Option<(Date, Date)>,
        n_rows: usize,
        rows_px: f32,
        style: &TimelineStyle,
    ) {
        self.fitted = true;
        if let Some((first, last)) = date_range {
            let (x0, x1) = (day_number(first) as f64, day_number(last) as f64);
            let margin = ((x1 - x0) * 0.03).max(3.0);
            self.x_min_days = x0 - margin;
            self.x_max_days = (x1 + margin).max(self.x_min_days + MIN_SPAN_DAYS);
        }
        let fit = rows_px / n_rows.max(1) as f32;
        self.row_height_px = if fit < style.min_row_px {
            style.default_row_px
        } else {
            fit.min(style.max_row_px)
        };
        self.first_row = 0.0;
    }

    /// Scrolls the least that puts `row` on screen, with `rows_visible` rows in view.
    pub fn reveal_row(&mut self, row: usize, rows_visible: f64) {
        let r = row as f64;
        if r < self.first_row {
            self.first_row = r;
        } else if r + 1.0 > self.first_row + rows_visible {
            self.first_row = r + 1.0 - rows_visible.floor().max(1.0);
        }
    }

    /// Keeps the first row within the plan: no scrolling past the last full page.
    pub fn clamp_rows(&mut self, n_rows: usize, rows_visible: f64) {
        let max_first = (n_rows as f64 - rows_visible.floor()).max(0.0);
        self.first_row = self.first_row.clamp(0.0, max_first);
    }
}

/// Changes asked for between frames (by commands or the app), made by the next frame once it knows its size.
#[derive(Debug, Clone, Default)]
pub struct PendingView {
    fit: bool,
    /// Space for rows when the view was last fitted: a fitted view refits when the space changes.
    fitted_rows_px: f32,
    reveal_row: Option<usize>,
    center_on: Option<Date>,
    zoom: Option<f64>,
}

impl PendingView {
    /// Show every row and the whole date range.
    pub fn request_fit(&mut self) {
        self.fit = true;
    }

    /// Scroll so `row` is visible.
    pub fn reveal_row(&mut self, row: usize) {
        self.reveal_row = Some(row);
    }

    /// Centre the date axis on `date`.
    pub fn center_on(&mut self, date: Date) {
        self.center_on = Some(date);
    }

    /// Zoom by `factor` around the centre (factors multiply until applied).
    pub fn zoom_by(&mut self, factor: f64) {
        *self.zoom.get_or_insert(1.0) *= factor;
    }

    /// Makes the requested changes to `view` for a frame with `rows_px` of space for `n_rows` rows; returns how
    /// many rows are visible.
    pub fn apply(
        &mut self,
        view: &mut ViewState,
        n_rows: usize,
        date_range: Option<(Date, Date)>,
        rows_px: f32,
        style: &TimelineStyle,
    ) -> f64 {
        let space_changed = (rows_px - self.fitted_rows_px).abs() > 0.5;
        if self.fit || (view.fitted && space_changed) {
            self.fit = false;
            self.fitted_rows_px = rows_px;
            view.fit(date_range, n_rows, rows_px, style);
        }
        if let Some(date) = self.center_on.take() {
            view.fitted = false;
            view.center_on(date);
        }
        if let Some(factor) = self.zoom.take() {
            view.fitted = false;
            view.zoom_around(factor, view.center_days());
        }
        let rows_visible = (rows_px / view.row_height_px) as f64;
        if let Some(row) = self.reveal_row.take() {
            view.reveal_row(row, rows_visible);
        }
        view.clamp_rows(n_rows, rows_visible);
        rows_visible
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const STYLE: TimelineStyle = TimelineStyle::DESKTOP;

    #[test]
    fn fit_shows_the_range_with_a_margin_and_every_row() {
        let mut v = ViewState::default();
        let range = (date(2019, 3, 1), date(2019, 6, 28));
        v.fit(Some(range), 10, 300.0, &STYLE);
        assert!(v.fitted);
        assert!(v.x_min_days < day_number(range.0) as f64);
        assert!(v.x_max_days > day_number(range.1) as f64);
        assert_eq!(v.row_height_px, 30.0);
        // Too many rows for the smallest height: the default height, and the view scrolls.
        v.fit(Some(range), 1000, 300.0, &STYLE);
        assert_eq!(v.row_height_px, STYLE.default_row_px);
        // Few rows: no taller than the largest height.
        v.fit(Some(range), 2, 300.0, &STYLE);
        assert_eq!(v.row_height_px, STYLE.max_row_px);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer_and_respects_limits() {
        let mut v = ViewState {
            x_min_days: 0.0,
            x_max_days: 100.0,
            ..ViewState::default()
        };
        v.zoom_around(0.5, 25.0);
        assert_eq!((v.x_min_days, v.x_max_days), (12.5, 62.5));
        v.zoom_around(0.0001, 30.0);
        assert!(
            (v.span_days() - MIN_SPAN_DAYS).abs() < 1e-9,
            "{}",
            v.span_days()
        );
        v.zoom_around(1e9, 30.0);
        assert!(
            (v.span_days() - MAX_SPAN_DAYS).abs() < 1e-6,
            "{}",
            v.span_days()
        );
    }

    #[test]
    fn pan_center_and_reveal() {
        let mut v = ViewState {
            x_min_days: 0.0,
            x_max_days: 100.0,
            first_row: 0.0,
            ..ViewState::default()
        };
        v.pan_days(10.0);
        assert_eq!((v.x_min_days, v.x_max_days), (10.0, 110.0));
        v.center_on(date(2019, 3, 8));
        assert_eq!(v.center_days(), day_number(date(2019, 3, 8)) as f64);
        assert_eq!(v.span_days(), 100.0);
        v.reveal_row(30, 10.0);
        assert_eq!(v.first_row, 21.0);
        v.reveal_row(5, 10.0);
        assert_eq!(v.first_row, 5.0);
        v.first_row = 95.0;
        v.clamp_rows(100, 10.0);
        assert_eq!(v.first_row, 90.0);
        v.first_row = -3.0;
        v.clamp_rows(100, 10.0);
        assert_eq!(v.first_row, 0.0);
    }

    #[test]
    fn pending_changes_apply_once_and_a_fitted_view_follows_the_window() {
        let mut v = ViewState::default();
        let mut p = PendingView::default();
        let range = Some((date(2019, 3, 1), date(2019, 6, 28)));
        p.request_fit();
        p.apply(&mut v, 10, range, 300.0, &STYLE);
        assert_eq!(v.row_height_px, 30.0);
        // The window grows: a fitted view refits.
        p.apply(&mut v, 10, range, 400.0, &STYLE);
        assert_eq!(v.row_height_px, 40.0);
        // Zooming leaves "fitted"; the next resize keeps the zoom.
        p.zoom_by(0.5);
        let before = v.span_days();
        p.apply(&mut v, 10, range, 400.0, &STYLE);
        assert!(!v.fitted);
        assert_eq!(v.span_days(), before * 0.5);
        p.apply(&mut v, 10, range, 200.0, &STYLE);
        assert_eq!(v.span_days(), before * 0.5);
        assert_eq!(v.row_height_px, 40.0);
    }
}
