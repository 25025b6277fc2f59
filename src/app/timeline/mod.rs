//! The timeline: rows of modifications, work packages as bars, milestones as diamonds, meetings as lines.
//!
//! egui_plot supplies the frame, bounds and transform; we set the bounds ourselves every frame (so zoom and scroll
//! are ours, persist, and work from the keyboard), draw only what is on screen, and register one invisible widget
//! per visible bar, bar end and milestone so that hover, drag and AccessKit labels come from egui itself.
//!
//! Layers, bottom first (each file uses only those above it in this list):
//! - [`style`], [`view`], [`state`]: sizes, the visible window, what lives between frames;
//! - [`geometry`], [`paint`]: days and rows to pixels; the canvas and scene the painters share;
//! - [`axis_ui`], [`meetings_ui`], [`arrows_ui`], [`items_ui`], [`rows_ui`], [`tooltip_ui`], [`labels_ui`]:
//!   one area each;
//! - [`interaction`]: widgets for the items, the drag, panning and zooming;
//! - this file: lays the timeline out for one frame.

pub mod arrows_ui;
pub mod axis_ui;
pub mod geometry;
pub mod interaction;
pub mod items_ui;
pub mod labels_ui;
pub mod meetings_ui;
pub mod paint;
pub mod rows_ui;
pub mod state;
pub mod style;
pub mod tooltip_ui;
pub mod view;

use egui::{Color32, Rect, Shape, Ui, pos2};
use egui_plot::{PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};

use crate::app::analysis::Analysis;
use crate::model::{Edit, Plan, date_from_day_number};
use geometry::{Geometry, Hit};
use paint::{Canvas, Scene};
pub use state::{DragState, TimelineState};
pub use style::TimelineStyle;
pub use view::ViewState;

/// What the timeline asks the app to do.
#[derive(Debug, Default)]
pub struct TimelineOutput {
    /// Select this modification.
    pub select: Option<usize>,
    /// Apply this edit (a finished drag).
    pub edit: Option<(Edit, String)>,
    /// A meeting's label on the axis was clicked: edit that meeting (its id on the schedule).
    pub meeting: Option<String>,
}

/// A plot item holding shapes already in screen space (we compute the same transform egui_plot will use).
struct ShapesItem {
    base: PlotItemBase,
    shapes: Vec<Shape>,
}

impl PlotItem for ShapesItem {
    fn shapes(&self, _ui: &Ui, _transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        shapes.extend(self.shapes.iter().cloned());
    }

    fn initialize(&mut self, _x_range: std::ops::RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        Color32::TRANSPARENT
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        PlotBounds::NOTHING
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }
}

/// Everything in the plot, bottom first; returns what the pointer can act on.
fn paint_plot(c: &mut Canvas<'_>, scene: &Scene<'_>) -> Vec<Hit> {
    let rows = c.g.visible_rows(scene.analysis.rows.len());
    if let Some(rows) = rows {
        rows_ui::paint_row_backgrounds(c, scene, rows);
    }
    axis_ui::paint_non_working_days(c, scene.plan);
    axis_ui::paint_header_and_grid(c);
    meetings_ui::paint_meetings(c, scene);
    let Some(rows) = rows else {
        return Vec::new();
    };
    // Arrows before the bars, so they pass underneath.
    arrows_ui::paint_arrows(c, scene, rows);
    rows_ui::paint_rows(c, scene, rows)
}

/// The timeline for one frame.
pub fn timeline_ui(
    ui: &mut Ui,
    state: &mut TimelineState,
    plan: &Plan,
    a: &Analysis,
    selected: Option<usize>,
) -> TimelineOutput {
    let full = ui.available_rect_before_wrap();
    let style = state.style;
    let label_rect = Rect::from_min_max(
        full.min,
        pos2(full.min.x + style.label_column_px, full.max.y),
    );
    let plot_outer = Rect::from_min_max(pos2(label_rect.right(), full.min.y), full.max);
    let rows_px = (plot_outer.height() - style.header_px()).max(style.min_row_px);
    state.rows_visible =
        state
            .pending
            .apply(&mut state.view, a.rows.len(), a.date_range, rows_px, &style);

    let scene = Scene {
        plan,
        analysis: a,
        selected,
        preview: &[],
        dragging: None,
    };
    let (g, (hits, meeting_hits), plot_response) = {
        let drawn = Scene {
            preview: state.drag.as_ref().map_or(&[], |d| d.proposed.as_slice()),
            dragging: state.drag.as_ref().map(|d| d.target),
            ..scene
        };
        plot_ui(ui, plot_outer, state, &drawn)
    };
    state.px_per_day = g.transform.dpos_dvalue_x();

    let mut out = TimelineOutput {
        select: labels_ui::row_labels_ui(ui, label_rect, &g, &scene),
        edit: None,
        meeting: interaction::meeting_widgets_ui(ui, &meeting_hits),
    };
    let events = interaction::item_widgets_ui(ui, state, &hits, &g, &scene);
    out.select = events.select.or(out.select);
    if let Some((target, origin)) = events.drag_started {
        let follow = ui.input(|i| i.modifiers.shift);
        state.drag = Some(DragState::new(target, origin.x, follow, a.revision));
        out.select = Some(target.modification());
    }
    state.item_rects.clear();
    state
        .item_rects
        .extend(hits.iter().map(|h| (h.target, h.rect)));
    out.edit = interaction::update_drag(ui, state, &g, &scene);
    interaction::pan_and_zoom(ui, state, &g, &plot_response, a.rows.len());
    state.hovered_day = plot_response
        .hover_pos()
        .map(|p| date_from_day_number(g.day_at(p.x).floor() as i32));
    out
}

/// What the pointer can act on: items, and meeting labels (where, id, name).
type Hits = (Vec<Hit>, Vec<(Rect, String, String)>);

/// The plot with our bounds and our shapes; returns its geometry, the hits and its response.
fn plot_ui(
    ui: &mut Ui,
    plot_outer: Rect,
    state: &TimelineState,
    scene: &Scene<'_>,
) -> (Geometry, Hits, egui::Response) {
    let view = state.view.clone();
    let style = state.style;
    let plot = egui_plot::Plot::new("timeline")
        .width(plot_outer.width())
        .height(plot_outer.height())
        .show_axes([false, false])
        .show_grid([false, false])
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_background(true);
    let plot_response = ui
        .scope_builder(egui::UiBuilder::new().max_rect(plot_outer), |ui| {
            plot.show(ui, |plot_ui| {
                let rect = plot_ui.response().rect;
                let row_px = view.row_height_px;
                let y_top = -view.first_row + 0.5 + (style.header_px() / row_px) as f64;
                let y_bottom = y_top - (rect.height() / row_px) as f64;
                let bounds = PlotBounds::from_min_max(
                    [view.x_min_days, y_bottom],
                    [view.x_max_days.max(view.x_min_days + 1.0), y_top],
                );
                plot_ui.set_plot_bounds(bounds);
                let g = Geometry {
                    transform: PlotTransform::new(rect, bounds, false),
                    rect,
                    rows_top: rect.top() + style.header_px(),
                    row_px,
                    style,
                };
                let mut canvas = Canvas::new(plot_ui.ctx(), g);
                let hits = paint_plot(&mut canvas, scene);
                let meeting_hits = std::mem::take(&mut canvas.meeting_hits);
                plot_ui.add(ShapesItem {
                    base: PlotItemBase::new("timeline".into()),
                    shapes: canvas.shapes,
                });
                (g, (hits, meeting_hits))
            })
        })
        .inner;
    let (g, hits) = plot_response.inner;
    (g, hits, plot_response.response)
}
