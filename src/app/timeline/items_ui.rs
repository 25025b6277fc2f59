//! Work packages as bars (soft ends where dates are approximate, names inside when they fit) and milestones as
//! diamonds (hollow with a whisker across their window when approximate), each registered as a [`Hit`].

use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2,
};

use super::geometry::Hit;
use super::paint::{Canvas, Scene};
use super::style::{DIAMOND_PX, HANDLE_PX};
use crate::app::theme;
use crate::model::drag::{DragPart, DragTarget};
use crate::model::label_fit::{LabelPlace, LabelRoom, place_label};
use crate::model::{Precision, Subject, WorkPackage};

/// The bars of modification `m` on `row`, with the drag's ghost of where they were.
pub fn paint_work_packages(
    c: &mut Canvas<'_>,
    scene: &Scene<'_>,
    row: usize,
    m: usize,
    hits: &mut Vec<Hit>,
) {
    let a = scene.analysis;
    let original = &scene.plan.modifications[m];
    let drawn = scene.modification(m);
    let is_preview = scene.previewed(m).is_some();
    // Lanes come from the analysis (once per edit); only the modification being dragged needs them worked out now.
    let preview_lanes;
    let lanes = if is_preview {
        preview_lanes = crate::model::layout::lanes_for(drawn);
        &preview_lanes
    } else {
        &a.lanes[m]
    };
    if is_preview {
        for (w, wp) in original.work_packages.iter().enumerate() {
            let lane = a.lanes[m].lane_of.get(w).copied().unwrap_or(0);
            let br = c.g.bar_rect(row, lane, a.lanes[m].count, wp.start, wp.end);
            c.add(Shape::rect_stroke(
                br,
                3.0,
                Stroke::new(1.0, Color32::from_gray(150)),
                StrokeKind::Inside,
            ));
        }
    }
    // Every bar's place (on screen or not) and every diamond's span: what a name beside a bar must not run into.
    let bars: Vec<(usize, Rect)> = drawn
        .work_packages
        .iter()
        .enumerate()
        .map(|(w, wp)| {
            let lane = lanes.lane_of.get(w).copied().unwrap_or(0);
            (lane, c.g.bar_rect(row, lane, lanes.count, wp.start, wp.end))
        })
        .collect();
    let radius = DIAMOND_PX.min(c.g.row_px * 0.4);
    let diamonds: Vec<(f32, f32)> = drawn
        .milestones
        .iter()
        .map(|x| {
            let mid = c.g.x_mid(x.date);
            (mid - radius, mid + radius)
        })
        .collect();
    for (w, wp) in drawn.work_packages.iter().enumerate() {
        if c.off_screen(wp.start, wp.end) {
            continue;
        }
        let lane = lanes.lane_of.get(w).copied().unwrap_or(0);
        let br = c.g.bar_rect(row, lane, lanes.count, wp.start, wp.end);
        let fill = theme::owner_colour(wp.owner);
        paint_bar(c, br, fill, wp);
        paint_actual_end(c, br, wp);
        let warned = a.has_warning(m, Subject::WorkPackage(w));
        let dragged = matches!(scene.dragging, Some(DragTarget::WorkPackage { m: dm, w: dw, .. }) if dm == m && dw == w);
        if c.g.style.high_contrast && !warned {
            c.add(Shape::rect_stroke(
                br,
                3.0,
                Stroke::new(1.0, Color32::from_black_alpha(160)),
                StrokeKind::Inside,
            ));
        }
        if warned || dragged || Some(m) == scene.selected {
            let stroke = if warned {
                Stroke::new(2.0, theme::WARNING_OUTLINE)
            } else {
                Stroke::new(1.5, Color32::from_gray(20))
            };
            c.add(Shape::rect_stroke(br, 3.0, stroke, StrokeKind::Outside));
        }
        let neighbours = Neighbours {
            lane: lanes.lane_of.get(w).copied().unwrap_or(0),
            bars: &bars,
            diamonds: &diamonds,
        };
        paint_bar_name(c, br, fill, wp, &neighbours);
        push_bar_hits(hits, br, m, w, &format!("{}: {}", original.id, wp.name));
    }
}

/// What is around a bar on its row.
struct Neighbours<'a> {
    /// The bar's lane.
    lane: usize,
    /// Every bar of the row, with its lane.
    bars: &'a [(usize, Rect)],
    /// Every diamond of the row, left and right edge.
    diamonds: &'a [(f32, f32)],
}

impl Neighbours<'_> {
    /// Where a name beside the bar `br` would start (after any diamond on its end), and how far it may run.
    fn beside(&self, br: Rect) -> (f32, f32) {
        const GAP_PX: f32 = 4.0;
        let mut start = br.right() + GAP_PX;
        for &(left, right) in self.diamonds {
            if left < start && right > br.right() - 1.0 {
                start = start.max(right + GAP_PX);
            }
        }
        let next_bar = self
            .bars
            .iter()
            .filter(|(lane, r)| *lane == self.lane && r.left() >= br.right())
            .map(|(_, r)| r.left());
        let next_diamond = self
            .diamonds
            .iter()
            .map(|&(l, _)| l)
            .filter(|&l| l >= start);
        let limit = next_bar.chain(next_diamond).fold(f32::INFINITY, f32::min);
        (start, (limit - GAP_PX - start).max(0.0))
    }
}

/// The bar's name by the shared rule ([`place_label`]): inside from its visible left edge, or beside it, or its
/// short form, or nothing — never a stub.
fn paint_bar_name(
    c: &mut Canvas<'_>,
    br: Rect,
    fill: Color32,
    wp: &WorkPackage,
    around: &Neighbours<'_>,
) {
    if br.height() < 13.0 {
        return;
    }
    let font = FontId::proportional(c.g.style.bar_font_px);
    let visible = br.intersect(c.g.rows_area());
    let inside_left = visible.left().max(br.left()) + 4.0;
    let (beside_left, beside) = around.beside(br);
    let room = LabelRoom {
        inside: br.right() - inside_left - 4.0,
        beside,
    };
    let place = place_label(&wp.name, wp.short_name.as_deref(), room, |t| {
        c.text_width(t, &font)
    });
    match place {
        LabelPlace::Inside(text) => {
            let pos = pos2(inside_left, br.center().y);
            c.text(pos, Align2::LEFT_CENTER, text, font, theme::text_on(fill));
        }
        LabelPlace::Beside(text) => {
            let pos = pos2(beside_left, br.center().y);
            c.text(pos, Align2::LEFT_CENTER, text, font, Color32::from_gray(40));
        }
        LabelPlace::Hidden => {}
    }
}

/// The bar, its start handle and its end handle, as things the pointer can take hold of.
fn push_bar_hits(hits: &mut Vec<Hit>, br: Rect, m: usize, w: usize, label: &str) {
    let target = |part| DragTarget::WorkPackage { m, w, part };
    let handle = HANDLE_PX.min(br.width() / 3.0);
    hits.push(Hit {
        rect: br,
        target: target(DragPart::Body),
        label: label.to_owned(),
    });
    hits.push(Hit {
        rect: Rect::from_min_max(
            br.min - vec2(2.0, 0.0),
            pos2(br.left() + handle, br.bottom()),
        ),
        target: target(DragPart::Start),
        label: format!("{label} (start)"),
    });
    hits.push(Hit {
        rect: Rect::from_min_max(pos2(br.right() - handle, br.top()), br.max + vec2(2.0, 0.0)),
        target: target(DragPart::End),
        label: format!("{label} (end)"),
    });
}

/// A bar with soft ends where the dates are approximate: the uncertain part fades out across the precision window.
fn paint_bar(c: &mut Canvas<'_>, br: Rect, fill: Color32, wp: &WorkPackage) {
    let radius = CornerRadius::same(3);
    let mut solid = br;
    let faded = fill.gamma_multiply(0.35);
    if wp.start_precision != Precision::Exact {
        let (w0, w1) = wp.start_precision.window(wp.start);
        let soft = Rect::from_min_max(
            pos2(c.g.x_of(w0), br.top()),
            pos2(c.g.x_after(w1).min(br.right()), br.bottom()),
        );
        c.add(Shape::rect_filled(soft, radius, faded));
        c.add(Shape::rect_stroke(
            soft,
            radius,
            Stroke::new(1.0, fill),
            StrokeKind::Inside,
        ));
        solid.min.x = soft.right().max(br.left());
    }
    if wp.end_precision != Precision::Exact {
        let (w0, w1) = wp.end_precision.window(wp.end);
        let soft = Rect::from_min_max(
            pos2(c.g.x_of(w0).max(solid.left()), br.top()),
            pos2(c.g.x_after(w1), br.bottom()),
        );
        c.add(Shape::rect_filled(soft, radius, faded));
        // Open on the left, where the solid part continues.
        c.shapes.extend(Shape::dashed_line(
            &[
                soft.left_top(),
                soft.right_top(),
                soft.right_bottom(),
                soft.left_bottom(),
            ],
            Stroke::new(1.0, fill),
            4.0,
            3.0,
        ));
        solid.max.x = soft.left().min(br.right());
    }
    if solid.width() > 0.0 {
        c.add(Shape::rect_filled(solid, radius, fill));
    }
}

/// A done work package: the planned bar faded, and a black line from its start to the black mark of the day it
/// really finished.
fn paint_actual_end(c: &mut Canvas<'_>, br: Rect, wp: &WorkPackage) {
    if !wp.done {
        return;
    }
    c.add(Shape::rect_filled(br, 3.0, Color32::from_white_alpha(150)));
    let end = wp.actual_end.unwrap_or(wp.end);
    let x = c.g.x_after(end).max(br.left() + 2.0);
    let y = br.center().y;
    let ink = theme::c(crate::palette::INK);
    c.line(pos2(br.left(), y), pos2(x, y), Stroke::new(2.0, ink));
    let r = (br.height() * 0.35).clamp(2.5, 5.0);
    c.add(theme::diamond(
        pos2(x, y),
        r,
        ink,
        Stroke::new(1.0, Color32::WHITE),
    ));
}

/// A done milestone's black mark on the day it really happened, joined to the planned day when that differs.
fn paint_actual_day(c: &mut Canvas<'_>, centre: Pos2, radius: f32, x: &crate::model::Milestone) {
    if !x.done {
        return;
    }
    let ink = theme::c(crate::palette::INK);
    let at = pos2(c.g.x_mid(x.actual.unwrap_or(x.date)), centre.y);
    if at.x != centre.x {
        c.line(centre, at, Stroke::new(1.5, ink));
    }
    c.add(theme::diamond(
        at,
        radius * 0.55,
        ink,
        Stroke::new(1.0, Color32::WHITE),
    ));
}

/// The milestones of modification `m` on `row`.
pub fn paint_milestones(
    c: &mut Canvas<'_>,
    scene: &Scene<'_>,
    row: usize,
    m: usize,
    hits: &mut Vec<Hit>,
) {
    let a = scene.analysis;
    let original = &scene.plan.modifications[m];
    let id = &original.id;
    let radius = DIAMOND_PX.min(c.g.row_px * 0.4);
    if scene.previewed(m).is_some() {
        // Where each milestone the drag moves was: an outline, as for bars.
        let moved = original
            .milestones
            .iter()
            .zip(&scene.modification(m).milestones)
            .filter(|(old, new)| old.date != new.date);
        for (old, _) in moved {
            if !c.off_screen(old.date, old.date) {
                let centre = pos2(c.g.x_mid(old.date), c.g.row_center(row));
                let stroke = Stroke::new(1.0, Color32::from_gray(150));
                c.add(theme::diamond(centre, radius, Color32::TRANSPARENT, stroke));
            }
        }
    }
    for (k, x) in scene.modification(m).milestones.iter().enumerate() {
        if c.off_screen(x.date, x.date) {
            continue;
        }
        let centre = pos2(c.g.x_mid(x.date), c.g.row_center(row));
        let colour = theme::milestone_colour(x.kind);
        let meeting_approx = x
            .kind
            .meeting_kind()
            .and_then(|kind| a.schedule.on(x.date, kind))
            .is_some_and(|mt| mt.approximate);
        let soft = x.precision != Precision::Exact || meeting_approx;
        if x.precision != Precision::Exact {
            let (w0, w1) = x.precision.window(x.date);
            let whisker = Stroke::new(2.0, colour.gamma_multiply(0.5));
            c.line(
                pos2(c.g.x_of(w0), centre.y),
                pos2(c.g.x_after(w1), centre.y),
                whisker,
            );
            for end in [c.g.x_of(w0), c.g.x_after(w1)] {
                c.line(
                    pos2(end, centre.y - 4.0),
                    pos2(end, centre.y + 4.0),
                    whisker,
                );
            }
        }
        let alpha = if x.done { 0.4 } else { 1.0 };
        let (fill, stroke) = if soft {
            (
                Color32::WHITE.gamma_multiply(alpha),
                Stroke::new(2.0, colour.gamma_multiply(alpha)),
            )
        } else {
            (
                colour.gamma_multiply(alpha),
                Stroke::new(1.0, Color32::WHITE),
            )
        };
        c.add(theme::diamond(centre, radius, fill, stroke));
        paint_actual_day(c, centre, radius, x);
        if a.has_warning(m, Subject::Milestone(k)) {
            c.add(Shape::circle_stroke(
                centre,
                radius + 3.0,
                Stroke::new(2.0, theme::WARNING_OUTLINE),
            ));
        }
        hits.push(Hit {
            rect: Rect::from_center_size(centre, vec2(radius * 2.0 + 4.0, radius * 2.0 + 4.0)),
            target: DragTarget::Milestone { m, k },
            label: format!("{id}: {}", x.label),
        });
    }
}
