//! Where everything goes on the appendix's page, worked out once.

use jiff::civil::Date;

use super::Page;
use crate::model::{Plan, add_days, day_number};

/// Where everything goes on the page, worked out once: the areas, the row height, and the date range of the chart.
pub(super) struct Layout {
    /// Page size.
    pub(super) width_mm: f64,
    pub(super) height_mm: f64,
    /// White space around everything.
    pub(super) margin_mm: f64,
    /// Height of the legend at the foot of the page.
    pub(super) legend_h_mm: f64,
    /// Top of the month axis.
    pub(super) axis_top_mm: f64,
    /// The rows' area, top to bottom.
    pub(super) rows_top_mm: f64,
    pub(super) rows_bottom_mm: f64,
    /// The chart's area, left to right (the row labels are left of it).
    pub(super) chart_left_mm: f64,
    pub(super) chart_right_mm: f64,
    /// Height of one row.
    pub(super) row_h_mm: f64,
    /// Font size of the row labels.
    pub(super) label_size_mm: f64,
    /// First day of the chart (a first of the month).
    pub(super) first: Date,
    /// Last day of the chart (a last of the month).
    pub(super) last: Date,
    /// Day numbers of the chart's left and right edges.
    pub(super) first_day: f64,
    pub(super) end_day: f64,
}

const MARGIN_MM: f64 = 10.0;
const LEGEND_H_MM: f64 = 16.0;
const TITLE_H_MM: f64 = 16.0;
const AXIS_H_MM: f64 = 12.0;

impl Layout {
    /// Height of the rows' area on `page`.
    pub(super) fn rows_area_mm(page: Page) -> f64 {
        page.height_mm - 2.0 * MARGIN_MM - TITLE_H_MM - AXIS_H_MM - LEGEND_H_MM
    }

    pub(super) fn new(plan: &Plan, row_count: usize, page: Page) -> Self {
        let (w, h) = (page.width_mm, page.height_mm);
        let margin = MARGIN_MM;
        let legend_h = LEGEND_H_MM;
        let top = margin + TITLE_H_MM;
        let axis_h = AXIS_H_MM;
        let label_w = (w * 0.27).min(80.0);
        let rows_top = top + axis_h;
        let rows_bottom = h - margin - legend_h;
        let row_h = (rows_bottom - rows_top) / row_count.max(1) as f64;
        // Whole months around everything dated in the plan.
        let (first, last) = crate::model::layout::date_range(plan);
        let first = first.first_of_month();
        let last = last.last_of_month();
        Layout {
            width_mm: w,
            height_mm: h,
            margin_mm: margin,
            legend_h_mm: legend_h,
            axis_top_mm: top,
            rows_top_mm: rows_top,
            rows_bottom_mm: rows_bottom,
            chart_left_mm: margin + label_w,
            chart_right_mm: w - margin,
            row_h_mm: row_h,
            label_size_mm: (row_h * 0.5).clamp(1.2, 3.4),
            first,
            last,
            first_day: day_number(first) as f64,
            end_day: day_number(last) as f64 + 1.0,
        }
    }

    /// Left edge of day `d`.
    pub(super) fn x_of(&self, d: Date) -> f64 {
        self.chart_left_mm
            + (day_number(d) as f64 - self.first_day) / (self.end_day - self.first_day)
                * (self.chart_right_mm - self.chart_left_mm)
    }

    /// Right edge of day `d`.
    pub(super) fn x_after(&self, d: Date) -> f64 {
        self.x_of(add_days(d, 1))
    }

    /// Middle of day `d`.
    pub(super) fn x_mid(&self, d: Date) -> f64 {
        (self.x_of(d) + self.x_after(d)) / 2.0
    }

    /// Top of row `r`.
    pub(super) fn row_y(&self, r: usize) -> f64 {
        self.rows_top_mm + r as f64 * self.row_h_mm
    }

    /// True when `d` is on the chart.
    pub(super) fn shows(&self, d: Date) -> bool {
        d >= self.first && d <= self.last
    }
}
