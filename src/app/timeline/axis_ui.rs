//! The date axis: the header strip (months or quarters, then weeks or month initials), the grid lines below it,
//! and the shading of non-working days.

use egui::{Align2, Color32, FontId, Rect, Stroke, pos2};
use jiff::civil::Date;

use super::paint::Canvas;
use crate::model::{Plan, add_days, next_month_start};

/// Shades weekends and bank holidays, when there is room to see them.
pub fn paint_non_working_days(c: &mut Canvas<'_>, plan: &Plan) {
    if c.g.px_per_day() < 5.0 {
        return;
    }
    let (first, last) = c.days;
    let mut d = first;
    while d <= last {
        if !plan.calendar.is_working_day(d) {
            let r = Rect::from_min_max(
                pos2(c.g.x_of(d), c.g.rows_top),
                pos2(c.g.x_after(d), c.g.rect.bottom()),
            );
            c.add(egui::Shape::rect_filled(
                r,
                0.0,
                Color32::from_black_alpha(10),
            ));
        }
        let next = add_days(d, 1);
        if next <= d {
            break;
        }
        d = next;
    }
}

/// The header strip's background and its two date lines, with the grid below them.
pub fn paint_header_and_grid(c: &mut Canvas<'_>) {
    let rect = c.g.rect;
    let header = Rect::from_min_max(
        rect.min,
        pos2(rect.right(), rect.top() + c.g.style.header_px()),
    );
    c.add(egui::Shape::rect_filled(
        header,
        0.0,
        Color32::from_gray(238),
    ));
    c.line(
        pos2(rect.left(), header.bottom()),
        pos2(rect.right(), header.bottom()),
        Stroke::new(1.0, Color32::from_gray(180)),
    );
    paint_periods(c);
    let px_per_day = c.g.px_per_day();
    let month_px = px_per_day * 30.4;
    if px_per_day * 7.0 >= 22.0 {
        paint_weeks(c);
    } else if (12.0..40.0).contains(&month_px) {
        paint_month_initials(c);
    }
}

/// Top line: months (or quarters when months are narrow), with a grid line at each period's start.
fn paint_periods(c: &mut Canvas<'_>) {
    let rect = c.g.rect;
    let line_y = rect.top() + c.g.style.header_line_px() * 0.5;
    let text_colour = Color32::from_gray(40);
    let font = FontId::proportional(c.g.style.header_font_px);
    let month_px = c.g.px_per_day() * 30.4;
    let (first, last) = c.days;
    let mut d = first.first_of_month();
    while d <= last {
        let Some(next) = next_month_start(d) else {
            break;
        };
        let (xa, xb) = (c.g.x_of(d), c.g.x_of(next));
        let quarter_start = (d.month() - 1) % 3 == 0;
        let strong = d.month() == 1 || (month_px < 40.0 && quarter_start);
        let grid = Color32::from_gray(if strong { 150 } else { 200 });
        c.line(
            pos2(xa, rect.top()),
            pos2(xa, rect.bottom()),
            Stroke::new(1.0, grid),
        );
        let text = period_label(d, month_px);
        if !text.is_empty() {
            // Centre the label in the visible part of its period; drop it when it does not fit there.
            let span_end = if month_px >= 40.0 {
                xb
            } else {
                c.g.x_of(add_days(d, 91))
            };
            let (left, right) = (xa.max(rect.left()), span_end.min(rect.right()));
            if right - left >= c.text_width(&text, &font) + 8.0 {
                let pos = pos2((left + right) / 2.0, line_y);
                c.text(pos, Align2::CENTER_CENTER, text, font.clone(), text_colour);
            }
        }
        d = next;
    }
}

/// "March 2019", "Mar 19" or "Q1 2019" (quarters label only their first month), as the width allows.
fn period_label(month_start: Date, month_px: f32) -> String {
    if month_px >= 90.0 {
        month_start.strftime("%B %Y").to_string()
    } else if month_px >= 40.0 {
        month_start.strftime("%b %y").to_string()
    } else if (month_start.month() - 1) % 3 == 0 {
        format!(
            "Q{} {}",
            (month_start.month() - 1) / 3 + 1,
            month_start.year()
        )
    } else {
        String::new()
    }
}

/// Second line: each Monday, with a light grid line.
fn paint_weeks(c: &mut Canvas<'_>) {
    let rect = c.g.rect;
    let line_y = rect.top() + c.g.style.header_line_px() * 1.5;
    let small = FontId::proportional(c.g.style.small_font_px);
    let px_per_week = c.g.px_per_day() * 7.0;
    let (first, last) = c.days;
    let mut d = first;
    for _ in 0..7 {
        if d.weekday() == jiff::civil::Weekday::Monday {
            break;
        }
        d = add_days(d, 1);
    }
    while d <= last {
        let x = c.g.x_of(d);
        c.line(
            pos2(x, rect.top() + c.g.style.header_line_px()),
            pos2(x, rect.bottom()),
            Stroke::new(1.0, Color32::from_gray(228)),
        );
        let text = if px_per_week >= 44.0 {
            d.strftime("%-d %b").to_string()
        } else {
            d.strftime("%-d").to_string()
        };
        c.text(
            pos2(x + 3.0, line_y),
            Align2::LEFT_CENTER,
            text,
            small.clone(),
            Color32::from_gray(90),
        );
        let next = add_days(d, 7);
        if next <= d {
            break;
        }
        d = next;
    }
}

/// Second line under quarters: month names where they fit, else their initials.
fn paint_month_initials(c: &mut Canvas<'_>) {
    let line_y = c.g.rect.top() + c.g.style.header_line_px() * 1.5;
    let small = FontId::proportional(c.g.style.small_font_px);
    let initial = c.g.px_per_day() * 30.4 < 30.0;
    let (first, last) = c.days;
    let mut d = first.first_of_month();
    while d <= last {
        let x = c.g.x_mid(add_days(d, 14));
        let name = d.strftime("%b").to_string();
        let text = if initial {
            name.chars().take(1).collect()
        } else {
            name
        };
        c.text(
            pos2(x, line_y),
            Align2::CENTER_CENTER,
            text,
            small.clone(),
            Color32::from_gray(90),
        );
        match next_month_start(d) {
            Some(next) => d = next,
            None => break,
        }
    }
}
