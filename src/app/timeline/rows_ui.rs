//! The rows: background bands (alternate shading, group, selection, on-hold hatching), the baseline's ghosts
//! behind each row's items, the items themselves, and what an on-hold row waits for.

use egui::{Align2, Color32, FontId, Shape, Stroke, pos2, vec2};

use super::geometry::Hit;
use super::items_ui::{paint_milestones, paint_work_packages};
use super::paint::{Canvas, Scene};
use super::style::DIAMOND_PX;
use crate::app::theme;
use crate::model::Status;

/// Background bands of rows `r0..=r1`.
pub fn paint_row_backgrounds(c: &mut Canvas<'_>, scene: &Scene<'_>, (r0, r1): (usize, usize)) {
    for r in r0..=r1 {
        let m = scene.analysis.rows[r];
        let modification = &scene.plan.modifications[m];
        let band = c.g.row_rect(r, c.g.rect.left(), c.g.rect.right());
        let base = if r % 2 == 1 {
            Color32::from_gray(246)
        } else {
            Color32::WHITE
        };
        c.add(Shape::rect_filled(band, 0.0, base));
        if modification.group.is_some() {
            c.add(Shape::rect_filled(band, 0.0, theme::GROUP_BAND));
        }
        if Some(m) == scene.selected {
            c.add(Shape::rect_filled(band, 0.0, theme::SELECTED_ROW));
        }
        if modification.status == Status::OnHold {
            c.add(Shape::rect_filled(band, 0.0, theme::ON_HOLD_WASH));
            c.hatch(band.shrink2(vec2(0.0, 2.0)), theme::ON_HOLD, 9.0);
        }
    }
}

/// The items of rows `r0..=r1`: baseline ghosts, bars, milestones and on-hold notes. Returns what the pointer can
/// act on.
pub fn paint_rows(c: &mut Canvas<'_>, scene: &Scene<'_>, (r0, r1): (usize, usize)) -> Vec<Hit> {
    let mut hits = Vec::new();
    for r in r0..=r1 {
        let m = scene.analysis.rows[r];
        paint_baseline(c, scene, r, m);
        paint_work_packages(c, scene, r, m, &mut hits);
        paint_milestones(c, scene, r, m, &mut hits);
        paint_on_hold_note(c, scene, r, m);
    }
    hits
}

/// Modification `m` as the reference (a baseline, or the last paper) had it, behind its current items: dashed ghost
/// bars and hollow grey diamonds.
fn paint_baseline(c: &mut Canvas<'_>, scene: &Scene<'_>, row: usize, m: usize) {
    let Some(ghost) = scene.analysis.ghosts.get(m).and_then(Option::as_ref) else {
        return;
    };
    let stroke = Stroke::new(1.0, Color32::from_gray(120));
    for (w, wp) in ghost.work_packages.iter().enumerate() {
        if c.off_screen(wp.start, wp.end) {
            continue;
        }
        let lanes = &ghost.lanes;
        let br =
            c.g.bar_rect(row, lanes.lane_of[w], lanes.count, wp.start, wp.end);
        c.add(Shape::rect_filled(br, 3.0, Color32::from_black_alpha(22)));
        c.dashed_rect(br, stroke, 4.0, 3.0);
    }
    for x in &ghost.milestones {
        if c.off_screen(x.date, x.date) {
            continue;
        }
        let centre = pos2(c.g.x_mid(x.date), c.g.row_center(row));
        let radius = DIAMOND_PX.min(c.g.row_px * 0.4);
        c.add(theme::diamond(
            centre,
            radius,
            Color32::TRANSPARENT,
            Stroke::new(1.2, Color32::from_gray(140)),
        ));
    }
}

/// An on-hold modification says what it waits for, after its last item (or at the status date).
fn paint_on_hold_note(c: &mut Canvas<'_>, scene: &Scene<'_>, row: usize, m: usize) {
    let modification = scene.modification(m);
    let Some(text) = modification.on_hold_text() else {
        return;
    };
    let x = modification
        .date_range()
        .map_or(c.g.x_of(scene.plan.meta.status_date), |(_, end)| {
            c.g.x_after(end) + 14.0
        })
        .max(c.g.rect.left() + 6.0);
    let font = FontId::proportional(c.g.style.bar_font_px);
    c.text(
        pos2(x, c.g.row_center(row)),
        Align2::LEFT_CENTER,
        text,
        font,
        Color32::from_gray(60),
    );
}
