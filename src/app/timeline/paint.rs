//! Small painting helpers shared by the timeline's painters: a [`Canvas`] that collects shapes for one frame,
//! and the read-only [`Scene`] they draw.

use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, pos2};
use jiff::civil::Date;

use super::geometry::Geometry;
use crate::app::analysis::Analysis;
use crate::model::drag::DragTarget;
use crate::model::{Modification, Plan};

/// What one frame of the timeline draws: the plan, what was derived from it, and the drag preview.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// What the views derive from it.
    pub analysis: &'a Analysis,
    /// The selected modification.
    pub selected: Option<usize>,
    /// The modifications a drag would change, as they would be after it (the dragged one first).
    pub preview: &'a [(usize, Modification)],
    /// The item being dragged.
    pub dragging: Option<DragTarget>,
}

impl<'a> Scene<'a> {
    /// Modification `m` as drawn: the drag's proposal when the drag changes it.
    pub fn modification(&self, m: usize) -> &'a Modification {
        self.previewed(m).unwrap_or(&self.plan.modifications[m])
    }

    /// Modification `m` as the drag would leave it, when the drag changes it.
    pub fn previewed(&self, m: usize) -> Option<&'a Modification> {
        self.preview.iter().find(|(j, _)| *j == m).map(|(_, p)| p)
    }
}

/// Shapes for one frame, in screen space, with the frame's geometry.
pub struct Canvas<'c> {
    /// For laying out text.
    pub ctx: &'c egui::Context,
    /// Where things go.
    pub g: Geometry,
    /// What has been drawn so far, bottom first.
    pub shapes: Vec<Shape>,
    /// First and last day on screen.
    pub days: (Date, Date),
    /// Meeting labels drawn on the axis, as things to click: (where, meeting id, meeting name).
    pub meeting_hits: Vec<(Rect, String, String)>,
}

impl<'c> Canvas<'c> {
    /// An empty canvas for a frame with geometry `g`.
    pub fn new(ctx: &'c egui::Context, g: Geometry) -> Self {
        Canvas {
            ctx,
            g,
            shapes: Vec::new(),
            days: g.visible_days(),
            meeting_hits: Vec::new(),
        }
    }

    /// True when nothing of `first..=last` is on screen.
    pub fn off_screen(&self, first: Date, last: Date) -> bool {
        last < self.days.0 || first > self.days.1
    }

    /// Adds a shape.
    pub fn add(&mut self, shape: Shape) {
        self.shapes.push(shape);
    }

    /// Width of `text` in `font`.
    pub fn text_width(&self, text: &str, font: &FontId) -> f32 {
        self.ctx.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), Color32::BLACK)
                .size()
                .x
        })
    }

    /// Text anchored at `pos`.
    pub fn text(
        &mut self,
        pos: Pos2,
        anchor: Align2,
        text: impl ToString,
        font: FontId,
        color: Color32,
    ) {
        let galley = self
            .ctx
            .fonts_mut(|f| f.layout_no_wrap(text.to_string(), font, color));
        let rect = anchor.anchor_size(pos, galley.size());
        self.shapes.push(Shape::galley(rect.min, galley, color));
    }

    /// A straight line.
    pub fn line(&mut self, a: Pos2, b: Pos2, stroke: Stroke) {
        self.shapes.push(Shape::line_segment([a, b], stroke));
    }

    /// A vertical dashed line at `x`.
    pub fn dashed_vline(
        &mut self,
        x: f32,
        top: f32,
        bottom: f32,
        stroke: Stroke,
        dash_px: f32,
        gap_px: f32,
    ) {
        self.shapes.extend(Shape::dashed_line(
            &[pos2(x, top), pos2(x, bottom)],
            stroke,
            dash_px,
            gap_px,
        ));
    }

    /// The outline of `rect`, dashed.
    pub fn dashed_rect(&mut self, rect: Rect, stroke: Stroke, dash_px: f32, gap_px: f32) {
        self.shapes.extend(Shape::dashed_line(
            &[
                rect.left_top(),
                rect.right_top(),
                rect.right_bottom(),
                rect.left_bottom(),
                rect.left_top(),
            ],
            stroke,
            dash_px,
            gap_px,
        ));
    }

    /// Diagonal hatching over `rect` (clipped by the plot).
    pub fn hatch(&mut self, rect: Rect, color: Color32, spacing_px: f32) {
        let stroke = Stroke::new(1.0, color);
        let h = rect.height();
        let mut x = rect.left() - h;
        while x < rect.right() {
            let a = pos2(x.max(rect.left()), rect.bottom() - (x.max(rect.left()) - x));
            let b_x = (x + h).min(rect.right());
            let b = pos2(b_x, rect.bottom() - (b_x - x));
            self.shapes.push(Shape::line_segment([a, b], stroke));
            x += spacing_px;
        }
    }
}

/// `text` whole when it fits in `max_width_px`, else as many whole words as fit with an ellipsis (never cut
/// mid-word); `None` when not even the first word fits.
pub fn fit_text(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    max_width_px: f32,
) -> Option<String> {
    let width = |s: &str| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(s.to_owned(), font.clone(), Color32::BLACK)
                .size()
                .x
        })
    };
    let room = crate::model::label_fit::LabelRoom {
        inside: max_width_px,
        beside: 0.0,
    };
    crate::model::label_fit::place_label(text, None, room, width)
        .text()
        .map(str::to_owned)
}
