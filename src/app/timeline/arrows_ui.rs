//! Dependency arrows: from the end of the blocker's last activity to the dependent's row, red when violated.

use egui::{Shape, Stroke, pos2, vec2};

use super::paint::{Canvas, Scene};
use crate::app::analysis::Arrow;
use crate::app::theme;
use crate::model::Subject;

/// Arrows between rows `r0..=r1` (and rows off screen that point into them), drawn under the bars.
pub fn paint_arrows(c: &mut Canvas<'_>, scene: &Scene<'_>, (r0, r1): (usize, usize)) {
    let a = scene.analysis;
    for arrow in &a.arrows {
        let (Some(rd), Some(rb)) = (a.row_of[arrow.dependent], a.row_of[arrow.blocker]) else {
            continue;
        };
        if rd.max(rb) < r0 || rd.min(rb) > r1 || !arrow.kind.is_ordering() {
            continue;
        }
        paint_arrow(c, scene, arrow, rd, rb);
    }
}

/// One elbow arrow from the blocker on row `rb` to the dependent on row `rd`.
fn paint_arrow(c: &mut Canvas<'_>, scene: &Scene<'_>, arrow: &Arrow, rd: usize, rb: usize) {
    let blocker = scene.modification(arrow.blocker);
    let dependent = scene.modification(arrow.dependent);
    let Some((_, blocker_end)) = blocker.date_range() else {
        return;
    };
    let violated = scene
        .analysis
        .has_warning(arrow.dependent, Subject::Dependency(arrow.dependency));
    let colour = if violated {
        theme::WARNING_OUTLINE
    } else {
        theme::ARROW
    };
    let g = c.g;
    let from = pos2(g.x_after(blocker_end) + 2.0, g.row_center(rb));
    let elbow_x = from.x + 10.0;
    let offset = g.row_px * 0.36;
    let to_y = g.row_center(rd) + if rd > rb { -offset } else { offset };
    let target_x = dependent
        .date_range()
        .map_or(elbow_x, |(s, _)| g.x_of(s))
        .max(elbow_x);
    let points = vec![
        from,
        pos2(elbow_x, from.y),
        pos2(elbow_x, to_y),
        pos2(target_x, to_y),
    ];
    c.add(Shape::line(points, Stroke::new(1.5, colour)));
    let tip = pos2(target_x, to_y);
    let dir = if (target_x - elbow_x).abs() < 1.0 {
        vec2(0.0, (to_y - from.y).signum())
    } else {
        vec2(1.0, 0.0)
    };
    let normal = vec2(-dir.y, dir.x);
    c.add(Shape::convex_polygon(
        vec![
            tip,
            tip - dir * 7.0 + normal * 4.0,
            tip - dir * 7.0 - normal * 4.0,
        ],
        colour,
        Stroke::NONE,
    ));
}
