//! The timeline: rows of modifications, work packages as bars, milestones as diamonds, meetings as lines.
//!
//! egui_plot supplies the frame, bounds and transform; we set the bounds ourselves every frame (so zoom and scroll
//! are ours, persist, and work from the keyboard), draw only what is on screen, and register one invisible widget
//! per visible bar, bar end and milestone so that hover, drag and AccessKit labels come from egui itself.

use egui::{
    Align2, Color32, CornerRadius, CursorIcon, FontId, Id, Pos2, Rect, Sense, Shape, Stroke,
    StrokeKind, Ui, pos2, vec2,
};
use egui_plot::{PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotTransform};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::analysis::Analysis;
use super::drag::{DragMode, DragPart, DragTarget, describe, propose};
use super::theme;
use crate::model::{
    Edit, MeetingKind, Modification, Plan, Precision, Status, Subject, Warning, add_days,
    date_from_day_number, day_number, edit::set_modification, format_approx, format_date,
    validate_with,
};

/// Sizes and strength of the timeline: one set for the desk, one for a Panel meeting's shared screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineStyle {
    /// Width of the row label column.
    pub label_column_px: f32,
    /// Modification ids in the label column.
    pub id_font_px: f32,
    /// Titles in the label column.
    pub title_font_px: f32,
    /// Text in bars and on rows.
    pub bar_font_px: f32,
    /// Month and week labels.
    pub header_font_px: f32,
    /// Meeting labels and small print.
    pub small_font_px: f32,
    /// Smallest row height "fit all" uses; below it the view scrolls.
    pub min_row_px: f32,
    /// Largest row height "fit all" uses.
    pub max_row_px: f32,
    /// Row height when the rows cannot all fit.
    pub default_row_px: f32,
    /// Full-strength colours and thicker lines, to survive projectors and video compression.
    pub high_contrast: bool,
}

impl TimelineStyle {
    /// For working at a desk.
    pub const DESKTOP: TimelineStyle = TimelineStyle {
        label_column_px: 280.0,
        id_font_px: 13.0,
        title_font_px: 12.5,
        bar_font_px: 12.5,
        header_font_px: 12.5,
        small_font_px: 11.5,
        min_row_px: 20.0,
        max_row_px: 44.0,
        default_row_px: 28.0,
        high_contrast: false,
    };

    /// For presenting: larger type, stronger colours.
    pub const PRESENTATION: TimelineStyle = TimelineStyle {
        label_column_px: 330.0,
        id_font_px: 16.0,
        title_font_px: 14.0,
        bar_font_px: 14.0,
        header_font_px: 14.0,
        small_font_px: 13.0,
        min_row_px: 24.0,
        max_row_px: 56.0,
        default_row_px: 34.0,
        high_contrast: true,
    };

    /// Height of one header line (months, weeks, meetings).
    pub fn header_line_px(&self) -> f32 {
        self.header_font_px + 5.5
    }

    /// The header strip: two lines of dates, one of meeting labels.
    pub fn header_px(&self) -> f32 {
        3.0 * self.header_line_px()
    }

    /// Line widths multiply by this.
    pub fn line_scale(&self) -> f32 {
        if self.high_contrast { 1.6 } else { 1.0 }
    }
}
/// Width of the grab zone at each end of a bar.
const HANDLE_PX: f32 = 7.0;
/// Half-diagonal of a milestone diamond.
const DIAMOND_PX: f32 = 7.0;
/// Narrowest and widest date ranges the view allows, in days.
const MIN_SPAN_DAYS: f64 = 7.0;
const MAX_SPAN_DAYS: f64 = 365.0 * 12.0;

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

/// A drag in progress.
#[derive(Debug, Clone)]
pub struct DragState {
    /// What is dragged.
    pub target: DragTarget,
    /// Pointer x where the drag began. Movement is measured in pixels from here, so a panel that changes width
    /// mid-drag does not move the item.
    origin_x: f32,
    /// Shift was held at the start: move everything after, too.
    follow: bool,
    /// Plan revision the drag started on; if the plan changes underneath (an undo by keyboard), the drag is dropped.
    revision: u64,
    /// Calendar days moved so far (rounded).
    delta_days: i32,
    /// The modification as it would be, when the drag changes anything.
    pub proposed: Option<Modification>,
    /// What the proposal means, for the floating label.
    pub description: String,
    /// Warnings the proposal would add.
    pub new_warnings: Vec<Warning>,
}

/// Timeline state that lives in the app, not in the plan.
#[derive(Debug, Clone)]
pub struct TimelineState {
    /// Zoom and scroll.
    pub view: ViewState,
    /// Snap drags to working days and meetings.
    pub snap: bool,
    /// The drag in progress.
    pub drag: Option<DragState>,
    /// Set by Esc during a drag: ignore the pointer until it is released.
    swallow_until_release: bool,
    fit_pending: bool,
    /// Space for rows when the view was last fitted.
    fitted_rows_px: f32,
    reveal_row: Option<usize>,
    center_on: Option<Date>,
    zoom_pending: Option<f64>,
    /// Pixels per day in the last frame.
    pub px_per_day: f64,
    /// Rows visible in the last frame.
    pub rows_visible: f64,
    /// Day under the pointer in the last frame.
    pub hovered_day: Option<Date>,
    /// Screen rectangles of the items drawn in the last frame.
    item_rects: Vec<(DragTarget, Rect)>,
    /// Sizes and strength.
    pub style: TimelineStyle,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            view: ViewState::default(),
            snap: true,
            drag: None,
            swallow_until_release: false,
            fit_pending: false,
            fitted_rows_px: 0.0,
            reveal_row: None,
            center_on: None,
            zoom_pending: None,
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
        self.fit_pending = true;
    }

    /// Scroll so `row` is visible on the next frame.
    pub fn reveal_row(&mut self, row: usize) {
        self.reveal_row = Some(row);
    }

    /// Centre the date axis on `date` on the next frame.
    pub fn center_on(&mut self, date: Date) {
        self.view.fitted = false;
        self.center_on = Some(date);
    }

    /// Zoom the date axis by `factor` (below 1 zooms in) around the centre.
    pub fn zoom_by(&mut self, factor: f64) {
        self.view.fitted = false;
        *self.zoom_pending.get_or_insert(1.0) *= factor;
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

    fn zoom_x_around(&mut self, factor: f64, center_days: f64) {
        let v = &mut self.view;
        let span = ((v.x_max_days - v.x_min_days) * factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let t = if v.x_max_days > v.x_min_days {
            ((center_days - v.x_min_days) / (v.x_max_days - v.x_min_days)).clamp(0.0, 1.0)
        } else {
            0.5
        };
        v.x_min_days = center_days - t * span;
        v.x_max_days = v.x_min_days + span;
    }

    fn clamp_rows(&mut self, n_rows: usize) {
        let max_first = (n_rows as f64 - self.rows_visible.floor()).max(0.0);
        self.view.first_row = self.view.first_row.clamp(0.0, max_first);
    }

    fn apply_pending(&mut self, a: &Analysis, rows_px: f32) {
        let n_rows = a.rows.len();
        let space_changed = (rows_px - self.fitted_rows_px).abs() > 0.5;
        if self.fit_pending || (self.view.fitted && space_changed) {
            self.fit_pending = false;
            self.view.fitted = true;
            self.fitted_rows_px = rows_px;
            if let Some((first, last)) = a.date_range {
                let (x0, x1) = (day_number(first) as f64, day_number(last) as f64);
                let margin = ((x1 - x0) * 0.03).max(3.0);
                self.view.x_min_days = x0 - margin;
                self.view.x_max_days = (x1 + margin).max(self.view.x_min_days + MIN_SPAN_DAYS);
            }
            let fit = rows_px / n_rows.max(1) as f32;
            let style = self.style;
            self.view.row_height_px = fit.clamp(style.min_row_px, style.max_row_px);
            if fit < style.min_row_px {
                self.view.row_height_px = style.default_row_px;
            }
            self.view.first_row = 0.0;
        }
        if let Some(date) = self.center_on.take() {
            let half = (self.view.x_max_days - self.view.x_min_days) / 2.0;
            let c = day_number(date) as f64;
            self.view.x_min_days = c - half;
            self.view.x_max_days = c + half;
        }
        if let Some(factor) = self.zoom_pending.take() {
            let c = (self.view.x_min_days + self.view.x_max_days) / 2.0;
            self.zoom_x_around(factor, c);
        }
        self.rows_visible = (rows_px / self.view.row_height_px) as f64;
        if let Some(row) = self.reveal_row.take() {
            let r = row as f64;
            if r < self.view.first_row {
                self.view.first_row = r;
            } else if r + 1.0 > self.view.first_row + self.rows_visible {
                self.view.first_row = r + 1.0 - self.rows_visible.floor().max(1.0);
            }
        }
        self.clamp_rows(n_rows);
    }
}

/// What the timeline asks the app to do.
#[derive(Debug, Default)]
pub struct TimelineOutput {
    /// Select this modification.
    pub select: Option<usize>,
    /// Apply this edit (a finished drag).
    pub edit: Option<(Edit, String)>,
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

/// Something on screen the pointer can act on.
#[derive(Debug, Clone)]
struct Hit {
    rect: Rect,
    target: DragTarget,
    label: String,
}

/// Maps days and rows to the screen for one frame.
#[derive(Clone, Copy)]
struct Geometry {
    transform: PlotTransform,
    rows_top: f32,
    row_px: f32,
    style: TimelineStyle,
}

impl Geometry {
    fn x(&self, days: f64) -> f32 {
        self.transform.position_from_point_x(days)
    }

    /// Left edge of a day's column.
    fn x_of(&self, date: Date) -> f32 {
        self.x(day_number(date) as f64)
    }

    /// Right edge of a day's column (an inclusive end date covers its whole day).
    fn x_after(&self, date: Date) -> f32 {
        self.x(day_number(date) as f64 + 1.0)
    }

    /// Centre of a day's column.
    fn x_mid(&self, date: Date) -> f32 {
        self.x(day_number(date) as f64 + 0.5)
    }

    fn row_center(&self, row: usize) -> f32 {
        self.transform.position_from_point_y(-(row as f64))
    }

    fn row_rect(&self, row: usize, left: f32, right: f32) -> Rect {
        let c = self.row_center(row);
        Rect::from_min_max(
            pos2(left, c - self.row_px / 2.0),
            pos2(right, c + self.row_px / 2.0),
        )
    }

    fn day_at(&self, x: f32) -> f64 {
        self.transform.value_from_position(pos2(x, self.rows_top)).x
    }
}

fn bar_rect(g: &Geometry, row: usize, lane: usize, lanes: usize, start: Date, end: Date) -> Rect {
    let c = g.row_center(row);
    let total = g.row_px * 0.72;
    let lane_h = total / lanes.max(1) as f32;
    let top = c - total / 2.0 + lane as f32 * lane_h;
    Rect::from_min_max(
        pos2(g.x_of(start), top + 0.5),
        pos2(g.x_after(end).max(g.x_of(start) + 2.0), top + lane_h - 0.5),
    )
}

fn text_shape(
    ctx: &egui::Context,
    pos: Pos2,
    anchor: Align2,
    text: impl ToString,
    font: FontId,
    color: Color32,
) -> Shape {
    let galley = ctx.fonts_mut(|f| f.layout_no_wrap(text.to_string(), font, color));
    let rect = anchor.anchor_size(pos, galley.size());
    Shape::galley(rect.min, galley, color)
}

fn dashed_vline(
    shapes: &mut Vec<Shape>,
    x: f32,
    top: f32,
    bottom: f32,
    stroke: Stroke,
    dash: f32,
    gap: f32,
) {
    shapes.extend(Shape::dashed_line(
        &[pos2(x, top), pos2(x, bottom)],
        stroke,
        dash,
        gap,
    ));
}

/// Diagonal hatching over `rect` (clipped by the plot).
fn hatch(shapes: &mut Vec<Shape>, rect: Rect, color: Color32, spacing: f32) {
    let stroke = Stroke::new(1.0, color);
    let h = rect.height();
    let mut x = rect.left() - h;
    while x < rect.right() {
        let a = pos2(x.max(rect.left()), rect.bottom() - (x.max(rect.left()) - x));
        let b_x = (x + h).min(rect.right());
        let b = pos2(b_x, rect.bottom() - (b_x - x));
        shapes.push(Shape::line_segment([a, b], stroke));
        x += spacing;
    }
}

/// The timeline for one frame.
pub fn timeline_ui(
    ui: &mut Ui,
    state: &mut TimelineState,
    plan: &Plan,
    a: &Analysis,
    selected: Option<usize>,
) -> TimelineOutput {
    let mut out = TimelineOutput::default();
    let full = ui.available_rect_before_wrap();
    let style = state.style;
    let label_rect = Rect::from_min_max(
        full.min,
        pos2(full.min.x + style.label_column_px, full.max.y),
    );
    let plot_outer = Rect::from_min_max(pos2(label_rect.right(), full.min.y), full.max);
    let rows_px = (plot_outer.height() - style.header_px()).max(style.min_row_px);
    state.apply_pending(a, rows_px);

    let preview: Option<(usize, &Modification)> = state
        .drag
        .as_ref()
        .and_then(|d| d.proposed.as_ref().map(|m| (d.target.modification(), m)));
    let dragging = state.drag.as_ref().map(|d| d.target);

    let view = state.view.clone();
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
                    rows_top: rect.top() + style.header_px(),
                    row_px,
                    style,
                };
                let mut shapes = Vec::new();
                let hits = paint_plot(
                    plot_ui.ctx(),
                    &mut shapes,
                    &g,
                    rect,
                    plan,
                    a,
                    selected,
                    preview,
                    dragging,
                );
                plot_ui.add(ShapesItem {
                    base: PlotItemBase::new("timeline".into()),
                    shapes,
                });
                (g, hits)
            })
        })
        .inner;
    let (g, hits) = plot_response.inner;
    let plot_rect = plot_response.response.rect;
    state.px_per_day = g.transform.dpos_dvalue_x();

    // Row labels, beside the plot, on the same rows.
    rows_label_ui(ui, label_rect, &g, plan, a, selected, &mut out);

    // One widget per bar, bar end and milestone: hover, drag and AccessKit labels.
    let mut started: Option<(DragTarget, Pos2)> = None;
    for hit in &hits {
        let part_id = match hit.target {
            DragTarget::WorkPackage { m, w, part } => {
                Id::unique(("timeline-wp", m, w, part_index(part)))
            }
            DragTarget::Milestone { m, k } => Id::unique(("timeline-ms", m, k)),
        };
        let visible = hit.rect.intersect(Rect::from_min_max(
            pos2(plot_rect.left(), g.rows_top),
            plot_rect.max,
        ));
        if !visible.is_positive() {
            continue;
        }
        let response = ui.interact(visible, part_id, Sense::click_and_drag());
        let label = hit.label.clone();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let cursor = match hit.target {
            DragTarget::WorkPackage {
                part: DragPart::Start | DragPart::End,
                ..
            } => CursorIcon::ResizeHorizontal,
            _ if state.drag.is_some() => CursorIcon::Grabbing,
            _ => CursorIcon::Grab,
        };
        let response = response.on_hover_cursor(cursor);
        if response.clicked() {
            out.select = Some(hit.target.modification());
        }
        if response.drag_started() && !state.swallow_until_release {
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .unwrap_or_else(|| response.rect.center());
            started = Some((hit.target, origin));
        }
        if state.drag.is_none() && response.hovered() && !response.dragged() {
            response.on_hover_ui(|ui| item_tooltip_ui(ui, plan, a, hit.target));
        }
    }

    if let Some((target, origin)) = started {
        let follow = ui.input(|i| i.modifiers.shift);
        state.drag = Some(DragState {
            target,
            origin_x: origin.x,
            follow,
            revision: a.revision,
            delta_days: 0,
            proposed: None,
            description: String::new(),
            new_warnings: Vec::new(),
        });
        out.select = Some(target.modification());
    }

    state.item_rects.clear();
    state
        .item_rects
        .extend(hits.iter().map(|h| (h.target, h.rect)));
    update_drag(ui, state, &g, plan, a, &mut out);
    pan_and_zoom(ui, state, &g, &plot_response.response, a.rows.len());
    state.hovered_day = plot_response
        .response
        .hover_pos()
        .map(|p| date_from_day_number(g.day_at(p.x).floor() as i32));
    out
}

fn part_index(part: DragPart) -> u8 {
    match part {
        DragPart::Body => 0,
        DragPart::Start => 1,
        DragPart::End => 2,
    }
}

/// Follows the pointer while dragging; commits on release, cancels on Esc.
fn update_drag(
    ui: &Ui,
    state: &mut TimelineState,
    g: &Geometry,
    plan: &Plan,
    a: &Analysis,
    out: &mut TimelineOutput,
) {
    let (pointer, released, down, escape, shift) = ui.input(|i| {
        (
            i.pointer.interact_pos(),
            i.pointer.primary_released(),
            i.pointer.primary_down(),
            i.key_pressed(egui::Key::Escape),
            i.modifiers.shift,
        )
    });
    if state.swallow_until_release {
        if !down {
            state.swallow_until_release = false;
        }
        return;
    }
    let Some(drag) = state.drag.as_mut() else {
        return;
    };
    if escape || drag.revision != a.revision {
        state.cancel_drag();
        return;
    }
    if let Some(p) = pointer {
        let px_per_day = g.transform.dpos_dvalue_x().max(1e-6);
        let delta = ((p.x - drag.origin_x) as f64 / px_per_day).round() as i32;
        let follow = drag.follow || shift;
        if delta != drag.delta_days || drag.proposed.is_none() || follow != drag.follow {
            drag.delta_days = delta;
            drag.follow = follow;
            let mode = DragMode {
                snap: state.snap,
                follow,
            };
            drag.proposed = propose(plan, &a.schedule, drag.target, delta, mode);
            let m = drag.target.modification();
            match &drag.proposed {
                Some(proposed) => {
                    drag.description = describe(plan, drag.target, proposed);
                    drag.new_warnings = preview_warnings(plan, a, m, proposed);
                }
                None => {
                    drag.description = describe(plan, drag.target, &plan.modifications[m]);
                    drag.new_warnings.clear();
                }
            }
        }
    }
    if released || !down {
        let drag = state.drag.take();
        if let Some(DragState {
            target,
            proposed: Some(proposed),
            ..
        }) = drag
        {
            let m = target.modification();
            let what = match target {
                DragTarget::WorkPackage { w, part, .. } => {
                    let name = &plan.modifications[m].work_packages[w].name;
                    match part {
                        DragPart::Body => format!("Move “{name}”"),
                        DragPart::Start => format!("Change start of “{name}”"),
                        DragPart::End => format!("Change end of “{name}”"),
                    }
                }
                DragTarget::Milestone { k, .. } => {
                    format!("Move “{}”", plan.modifications[m].milestones[k].label)
                }
            };
            out.edit = Some((
                set_modification(m, proposed),
                format!("{what} ({})", plan.modifications[m].id),
            ));
        }
        return;
    }
    // Floating label: proposed dates and what the move would break.
    if let (Some(p), Some(drag)) = (pointer, state.drag.as_ref()) {
        egui::Area::new(Id::unique("drag-label"))
            .order(egui::Order::Tooltip)
            .fixed_pos(p + vec2(16.0, 18.0))
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(egui::RichText::new(&drag.description).strong());
                    if drag.follow {
                        ui.label(egui::RichText::new("Moving everything after it too").weak());
                    }
                    for w in &drag.new_warnings {
                        ui.label(
                            egui::RichText::new(format!("⚠ {}", w.message))
                                .color(theme::WARNING_OUTLINE),
                        );
                    }
                    ui.label(egui::RichText::new("Esc cancels").weak().small());
                });
            });
    }
}

/// Warnings the proposed modification would have (on itself and on what depends on it) that the plan does not
/// have now.
fn preview_warnings(plan: &Plan, a: &Analysis, m: usize, proposed: &Modification) -> Vec<Warning> {
    let mut affected = vec![m];
    affected.extend(a.dependents.get(m).into_iter().flatten().copied());
    let after = validate_with(
        plan,
        &a.schedule,
        &a.index,
        affected.iter().copied(),
        Some((m, proposed)),
    );
    after
        .into_iter()
        .filter(|w| {
            !a.warnings_of(w.index)
                .any(|old| old.code == w.code && old.subject == w.subject)
        })
        .collect()
}

fn pan_and_zoom(
    ui: &Ui,
    state: &mut TimelineState,
    g: &Geometry,
    response: &egui::Response,
    n_rows: usize,
) {
    let before = state.view.clone();
    let days_per_px = 1.0 / state.px_per_day.max(1e-6);
    if state.drag.is_none() && response.dragged_by(egui::PointerButton::Primary) {
        let d = response.drag_delta();
        state.view.x_min_days -= d.x as f64 * days_per_px;
        state.view.x_max_days -= d.x as f64 * days_per_px;
        state.view.first_row -= (d.y / state.view.row_height_px) as f64;
    }
    if response.hovered() {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if zoom != 1.0 {
            let c = pointer.map_or((state.view.x_min_days + state.view.x_max_days) / 2.0, |p| {
                g.day_at(p.x)
            });
            state.zoom_x_around(1.0 / zoom as f64, c);
        }
        state.view.x_min_days -= scroll.x as f64 * days_per_px;
        state.view.x_max_days -= scroll.x as f64 * days_per_px;
        state.view.first_row -= (scroll.y / state.view.row_height_px) as f64;
    }
    // Keyboard: left/right pan, page up/down scroll (up/down select rows; see commands).
    if !ui.ctx().egui_wants_keyboard_input() {
        let (left, right, page_up, page_down) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowLeft),
                i.key_pressed(egui::Key::ArrowRight),
                i.key_pressed(egui::Key::PageUp),
                i.key_pressed(egui::Key::PageDown),
            )
        });
        let step = (state.view.x_max_days - state.view.x_min_days) * 0.15;
        if left {
            state.view.x_min_days -= step;
            state.view.x_max_days -= step;
        }
        if right {
            state.view.x_min_days += step;
            state.view.x_max_days += step;
        }
        if page_up {
            state.view.first_row -= state.rows_visible.floor().max(1.0);
        }
        if page_down {
            state.view.first_row += state.rows_visible.floor().max(1.0);
        }
    }
    if state.view != before {
        state.view.fitted = false;
    }
    state.clamp_rows(n_rows);
}

/// Rows on screen: first and last (inclusive), clamped to the plan.
fn visible_rows(g: &Geometry, rect: Rect, n_rows: usize) -> Option<(usize, usize)> {
    if n_rows == 0 {
        return None;
    }
    let top = g
        .transform
        .value_from_position(pos2(rect.left(), g.rows_top))
        .y;
    let bottom = g
        .transform
        .value_from_position(pos2(rect.left(), rect.bottom()))
        .y;
    let first = (-top - 0.5).floor().max(0.0) as usize;
    let last = ((-bottom + 0.5).ceil().max(0.0) as usize).min(n_rows - 1);
    (first <= last).then_some((first, last))
}

#[allow(clippy::too_many_arguments)]
fn paint_plot(
    ctx: &egui::Context,
    shapes: &mut Vec<Shape>,
    g: &Geometry,
    rect: Rect,
    plan: &Plan,
    a: &Analysis,
    selected: Option<usize>,
    preview: Option<(usize, &Modification)>,
    dragging: Option<DragTarget>,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let x0 = g.day_at(rect.left()).floor() as i32 - 1;
    let x1 = g.day_at(rect.right()).ceil() as i32 + 1;
    let (first_day, last_day) = (date_from_day_number(x0), date_from_day_number(x1));
    let px_per_day = g.transform.dpos_dvalue_x() as f32;
    let rows_area = Rect::from_min_max(pos2(rect.left(), g.rows_top), rect.max);
    let rows = visible_rows(g, rect, a.rows.len());

    // Row backgrounds: alternate shading, groups, selection, on hold.
    if let Some((r0, r1)) = rows {
        for r in r0..=r1 {
            let m = a.rows[r];
            let rr = g.row_rect(r, rect.left(), rect.right());
            let base = if r % 2 == 1 {
                Color32::from_gray(246)
            } else {
                Color32::WHITE
            };
            shapes.push(Shape::rect_filled(rr, 0.0, base));
            if plan.modifications[m].group.is_some() {
                shapes.push(Shape::rect_filled(rr, 0.0, theme::GROUP_BAND));
            }
            if Some(m) == selected {
                shapes.push(Shape::rect_filled(rr, 0.0, theme::SELECTED_ROW));
            }
            if plan.modifications[m].status == Status::OnHold {
                shapes.push(Shape::rect_filled(rr, 0.0, theme::ON_HOLD_WASH));
                hatch(shapes, rr.shrink2(vec2(0.0, 2.0)), theme::ON_HOLD, 9.0);
            }
        }
    }

    // Non-working days, when there is room to see them.
    if px_per_day >= 5.0 {
        let mut d = first_day;
        while d <= last_day {
            if !plan.calendar.is_working_day(d) {
                let r = Rect::from_min_max(
                    pos2(g.x_of(d), g.rows_top),
                    pos2(g.x_after(d), rect.bottom()),
                );
                shapes.push(Shape::rect_filled(r, 0.0, Color32::from_black_alpha(10)));
            }
            let next = add_days(d, 1);
            if next <= d {
                break;
            }
            d = next;
        }
    }

    paint_header_and_grid(ctx, shapes, g, rect, first_day, last_day, px_per_day);
    paint_meetings(ctx, shapes, g, rect, plan, a, first_day, last_day);

    // Dependency arrows, before the bars so they pass underneath.
    if let Some((r0, r1)) = rows {
        for arrow in &a.arrows {
            let (Some(rd), Some(rb)) = (a.row_of[arrow.dependent], a.row_of[arrow.blocker]) else {
                continue;
            };
            if rd.max(rb) < r0 || rd.min(rb) > r1 || !arrow.kind.is_ordering() {
                continue;
            }
            let get = |i: usize| match preview {
                Some((j, m)) if j == i => m,
                _ => &plan.modifications[i],
            };
            let blocker = get(arrow.blocker);
            let dependent = get(arrow.dependent);
            let Some((_, blocker_end)) = blocker.date_range() else {
                continue;
            };
            let violated = a.has_warning(arrow.dependent, Subject::Dependency(arrow.dependency));
            let colour = if violated {
                theme::WARNING_OUTLINE
            } else {
                theme::ARROW
            };
            let stroke = Stroke::new(1.5, colour);
            let from = pos2(g.x_after(blocker_end) + 2.0, g.row_center(rb));
            let elbow_x = from.x + 10.0;
            let to_y = g.row_center(rd)
                + if rd > rb {
                    -g.row_px * 0.36
                } else {
                    g.row_px * 0.36
                };
            let target_x = dependent
                .date_range()
                .map(|(s, _)| g.x_of(s))
                .unwrap_or(elbow_x)
                .max(elbow_x);
            let points = vec![
                from,
                pos2(elbow_x, from.y),
                pos2(elbow_x, to_y),
                pos2(target_x, to_y),
            ];
            shapes.push(Shape::line(points, stroke));
            let tip = pos2(target_x, to_y);
            let dir = if (target_x - elbow_x).abs() < 1.0 {
                vec2(0.0, (to_y - from.y).signum())
            } else {
                vec2(1.0, 0.0)
            };
            let normal = vec2(-dir.y, dir.x);
            shapes.push(Shape::convex_polygon(
                vec![
                    tip,
                    tip - dir * 7.0 + normal * 4.0,
                    tip - dir * 7.0 - normal * 4.0,
                ],
                colour,
                Stroke::NONE,
            ));
        }
    }

    // Bars and milestones.
    let font = FontId::proportional(g.style.bar_font_px);
    if let Some((r0, r1)) = rows {
        for r in r0..=r1 {
            let m_index = a.rows[r];
            let original = &plan.modifications[m_index];
            let (m, is_preview) = match preview {
                Some((j, p)) if j == m_index => (p, true),
                _ => (original, false),
            };
            let lanes = if is_preview {
                super::analysis::lanes_for(m)
            } else {
                a.lanes[m_index].clone()
            };
            // The agreed baseline, behind the current bars.
            if let (Some(b), Some((k, ghost_lanes))) = (
                &plan.baseline,
                a.baseline_of.get(m_index).and_then(Option::as_ref),
            ) {
                let entry = &b.modifications[*k];
                let stroke = Stroke::new(1.0, Color32::from_gray(120));
                for (w, wp) in entry.work_packages.iter().enumerate() {
                    if wp.end < first_day || wp.start > last_day {
                        continue;
                    }
                    let br = bar_rect(
                        g,
                        r,
                        ghost_lanes.lane_of[w],
                        ghost_lanes.count,
                        wp.start,
                        wp.end,
                    );
                    shapes.push(Shape::rect_filled(br, 3.0, Color32::from_black_alpha(22)));
                    shapes.extend(Shape::dashed_line(
                        &[
                            br.left_top(),
                            br.right_top(),
                            br.right_bottom(),
                            br.left_bottom(),
                            br.left_top(),
                        ],
                        stroke,
                        4.0,
                        3.0,
                    ));
                }
                for x in &entry.milestones {
                    if x.date < first_day || x.date > last_day {
                        continue;
                    }
                    let c = pos2(g.x_mid(x.date), g.row_center(r));
                    let radius = DIAMOND_PX.min(g.row_px * 0.4);
                    shapes.push(theme::diamond(
                        c,
                        radius,
                        Color32::TRANSPARENT,
                        Stroke::new(1.2, Color32::from_gray(140)),
                    ));
                }
            }
            if is_preview {
                // Ghost of where things were.
                for (w, wp) in original.work_packages.iter().enumerate() {
                    let lane = a.lanes[m_index].lane_of.get(w).copied().unwrap_or(0);
                    let br = bar_rect(g, r, lane, a.lanes[m_index].count, wp.start, wp.end);
                    shapes.push(Shape::rect_stroke(
                        br,
                        3.0,
                        Stroke::new(1.0, Color32::from_gray(150)),
                        StrokeKind::Inside,
                    ));
                }
            }
            for (w, wp) in m.work_packages.iter().enumerate() {
                if wp.end < first_day || wp.start > last_day {
                    continue;
                }
                let lane = lanes.lane_of.get(w).copied().unwrap_or(0);
                let br = bar_rect(g, r, lane, lanes.count, wp.start, wp.end);
                let fill = theme::owner_colour(wp.owner);
                paint_bar(
                    shapes,
                    g,
                    br,
                    fill,
                    wp.start,
                    wp.start_precision,
                    wp.end,
                    wp.end_precision,
                );
                let warned = a.has_warning(m_index, Subject::WorkPackage(w));
                let dragged = matches!(dragging, Some(DragTarget::WorkPackage { m: dm, w: dw, .. }) if dm == m_index && dw == w);
                if g.style.high_contrast && !warned {
                    shapes.push(Shape::rect_stroke(
                        br,
                        3.0,
                        Stroke::new(1.0, Color32::from_black_alpha(160)),
                        StrokeKind::Inside,
                    ));
                }
                if warned || dragged || Some(m_index) == selected {
                    let stroke = if warned {
                        Stroke::new(2.0, theme::WARNING_OUTLINE)
                    } else {
                        Stroke::new(1.5, Color32::from_gray(20))
                    };
                    shapes.push(Shape::rect_stroke(br, 3.0, stroke, StrokeKind::Outside));
                }
                if br.height() >= 13.0
                    && let Some(text) = fit_text(ctx, &wp.name, &font, br.width() - 8.0)
                {
                    let text_rect = br.intersect(rows_area);
                    let pos = pos2(text_rect.left().max(br.left()) + 4.0, br.center().y);
                    shapes.push(text_shape(
                        ctx,
                        pos,
                        Align2::LEFT_CENTER,
                        text,
                        font.clone(),
                        theme::text_on(fill),
                    ));
                }
                let label = format!("{}: {}", original.id, wp.name);
                hits.push(Hit {
                    rect: br,
                    target: DragTarget::WorkPackage {
                        m: m_index,
                        w,
                        part: DragPart::Body,
                    },
                    label: label.clone(),
                });
                let handle = HANDLE_PX.min(br.width() / 3.0);
                hits.push(Hit {
                    rect: Rect::from_min_max(
                        br.min - vec2(2.0, 0.0),
                        pos2(br.left() + handle, br.bottom()),
                    ),
                    target: DragTarget::WorkPackage {
                        m: m_index,
                        w,
                        part: DragPart::Start,
                    },
                    label: format!("{label} (start)"),
                });
                hits.push(Hit {
                    rect: Rect::from_min_max(
                        pos2(br.right() - handle, br.top()),
                        br.max + vec2(2.0, 0.0),
                    ),
                    target: DragTarget::WorkPackage {
                        m: m_index,
                        w,
                        part: DragPart::End,
                    },
                    label: format!("{label} (end)"),
                });
            }
            for (k, x) in m.milestones.iter().enumerate() {
                if x.date < first_day || x.date > last_day {
                    continue;
                }
                let c = pos2(g.x_mid(x.date), g.row_center(r));
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
                    shapes.push(Shape::line_segment(
                        [pos2(g.x_of(w0), c.y), pos2(g.x_after(w1), c.y)],
                        whisker,
                    ));
                    for end in [g.x_of(w0), g.x_after(w1)] {
                        shapes.push(Shape::line_segment(
                            [pos2(end, c.y - 4.0), pos2(end, c.y + 4.0)],
                            whisker,
                        ));
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
                let radius = DIAMOND_PX.min(g.row_px * 0.4);
                shapes.push(theme::diamond(c, radius, fill, stroke));
                if a.has_warning(m_index, Subject::Milestone(k)) {
                    shapes.push(Shape::circle_stroke(
                        c,
                        radius + 3.0,
                        Stroke::new(2.0, theme::WARNING_OUTLINE),
                    ));
                }
                hits.push(Hit {
                    rect: Rect::from_center_size(c, vec2(radius * 2.0 + 4.0, radius * 2.0 + 4.0)),
                    target: DragTarget::Milestone { m: m_index, k },
                    label: format!("{}: {}", original.id, x.label),
                });
            }
            // An on-hold modification says what it waits for.
            if let Some(text) = m.on_hold_text() {
                let x = m
                    .date_range()
                    .map_or(g.x_of(plan.meta.status_date), |(_, end)| {
                        g.x_after(end) + 14.0
                    })
                    .max(rect.left() + 6.0);
                let pos = pos2(x, g.row_center(r));
                let galley_font = FontId::proportional(g.style.bar_font_px);
                shapes.push(text_shape(
                    ctx,
                    pos,
                    Align2::LEFT_CENTER,
                    text,
                    galley_font,
                    Color32::from_gray(60),
                ));
            }
        }
    }
    hits
}

/// Text clipped to `max_width` with an ellipsis; `None` when not even a few letters fit.
fn fit_text(ctx: &egui::Context, text: &str, font: &FontId, max_width: f32) -> Option<String> {
    if max_width < 12.0 {
        return None;
    }
    let width = |s: &str| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(s.to_owned(), font.clone(), Color32::BLACK)
                .size()
                .x
        })
    };
    if width(text) <= max_width {
        return Some(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if width(&candidate) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo >= 3).then(|| chars[..lo].iter().collect::<String>() + "…")
}

/// A bar with soft ends where the dates are approximate: the uncertain part fades out across the precision window.
#[allow(clippy::too_many_arguments)]
fn paint_bar(
    shapes: &mut Vec<Shape>,
    g: &Geometry,
    br: Rect,
    fill: Color32,
    start: Date,
    start_precision: Precision,
    end: Date,
    end_precision: Precision,
) {
    let radius = CornerRadius::same(3);
    let mut solid = br;
    let faded = fill.gamma_multiply(0.35);
    if start_precision != Precision::Exact {
        let (w0, w1) = start_precision.window(start);
        let soft = Rect::from_min_max(
            pos2(g.x_of(w0), br.top()),
            pos2(g.x_after(w1).min(br.right()), br.bottom()),
        );
        shapes.push(Shape::rect_filled(soft, radius, faded));
        shapes.push(Shape::rect_stroke(
            soft,
            radius,
            Stroke::new(1.0, fill),
            StrokeKind::Inside,
        ));
        solid.min.x = soft.right().max(br.left());
    }
    if end_precision != Precision::Exact {
        let (w0, w1) = end_precision.window(end);
        let soft = Rect::from_min_max(
            pos2(g.x_of(w0).max(solid.left()), br.top()),
            pos2(g.x_after(w1), br.bottom()),
        );
        shapes.push(Shape::rect_filled(soft, radius, faded));
        let dashes = Shape::dashed_line(
            &[
                soft.left_top(),
                soft.right_top(),
                soft.right_bottom(),
                soft.left_bottom(),
            ],
            Stroke::new(1.0, fill),
            4.0,
            3.0,
        );
        shapes.extend(dashes);
        solid.max.x = soft.left().min(br.right());
    }
    if solid.width() > 0.0 {
        shapes.push(Shape::rect_filled(solid, radius, fill));
    }
}

#[allow(clippy::too_many_arguments)]
fn paint_header_and_grid(
    ctx: &egui::Context,
    shapes: &mut Vec<Shape>,
    g: &Geometry,
    rect: Rect,
    first_day: Date,
    last_day: Date,
    px_per_day: f32,
) {
    let header = Rect::from_min_max(
        rect.min,
        pos2(rect.right(), rect.top() + g.style.header_px()),
    );
    shapes.push(Shape::rect_filled(header, 0.0, Color32::from_gray(238)));
    shapes.push(Shape::line_segment(
        [
            pos2(rect.left(), header.bottom()),
            pos2(rect.right(), header.bottom()),
        ],
        Stroke::new(1.0, Color32::from_gray(180)),
    ));
    let line1 = rect.top() + g.style.header_line_px() * 0.5;
    let line2 = rect.top() + g.style.header_line_px() * 1.5;
    let text_colour = Color32::from_gray(40);
    let font = FontId::proportional(g.style.header_font_px);
    let small = FontId::proportional(g.style.small_font_px);
    let month_px = px_per_day * 30.4;

    // Top line: months (or quarters when months are narrow); lines at each period start.
    let mut d = first_day.first_of_month();
    while d <= last_day {
        let Some(next) = crate::model::next_month_start(d) else {
            break;
        };
        let (xa, xb) = (g.x_of(d), g.x_of(next));
        let quarter_start = (d.month() - 1) % 3 == 0;
        let strong = d.month() == 1 || (month_px < 40.0 && quarter_start);
        let grid = if strong {
            Color32::from_gray(150)
        } else {
            Color32::from_gray(200)
        };
        shapes.push(Shape::line_segment(
            [pos2(xa, rect.top()), pos2(xa, rect.bottom())],
            Stroke::new(1.0, grid),
        ));
        let text = if month_px >= 90.0 {
            d.strftime("%B %Y").to_string()
        } else if month_px >= 40.0 {
            d.strftime("%b %y").to_string()
        } else if quarter_start {
            format!("Q{} {}", (d.month() - 1) / 3 + 1, d.year())
        } else {
            String::new()
        };
        if !text.is_empty() {
            // Centre the label in the visible part of its period; drop it when it does not fit there.
            let span_end = if month_px >= 40.0 {
                xb
            } else {
                g.x_of(crate::model::add_days(d, 91))
            };
            let (left, right) = (xa.max(rect.left()), span_end.min(rect.right()));
            let width = ctx.fonts_mut(|f| {
                f.layout_no_wrap(text.clone(), font.clone(), text_colour)
                    .size()
                    .x
            });
            if right - left >= width + 8.0 {
                let pos = pos2((left + right) / 2.0, line1);
                shapes.push(text_shape(
                    ctx,
                    pos,
                    Align2::CENTER_CENTER,
                    text,
                    font.clone(),
                    text_colour,
                ));
            }
        }
        d = next;
    }

    // Second line: week starts (Mondays) when there is room, else month initials.
    if px_per_day * 7.0 >= 22.0 {
        let mut d = first_day;
        for _ in 0..7 {
            if d.weekday() == jiff::civil::Weekday::Monday {
                break;
            }
            d = add_days(d, 1);
        }
        while d <= last_day {
            let x = g.x_of(d);
            shapes.push(Shape::line_segment(
                [
                    pos2(x, rect.top() + g.style.header_line_px()),
                    pos2(x, rect.bottom()),
                ],
                Stroke::new(1.0, Color32::from_gray(228)),
            ));
            let text = if px_per_day * 7.0 >= 44.0 {
                d.strftime("%-d %b").to_string()
            } else {
                d.strftime("%-d").to_string()
            };
            shapes.push(text_shape(
                ctx,
                pos2(x + 3.0, line2),
                Align2::LEFT_CENTER,
                text,
                small.clone(),
                Color32::from_gray(90),
            ));
            let next = add_days(d, 7);
            if next <= d {
                break;
            }
            d = next;
        }
    } else if (12.0..40.0).contains(&month_px) {
        // Under the quarters: month names where they fit, else their initials.
        let initial = month_px < 30.0;
        let mut d = first_day.first_of_month();
        while d <= last_day {
            let x = g.x_mid(add_days(d, 14));
            let name = d.strftime("%b").to_string();
            let text = if initial {
                name.chars().take(1).collect()
            } else {
                name
            };
            shapes.push(text_shape(
                ctx,
                pos2(x, line2),
                Align2::CENTER_CENTER,
                text,
                small.clone(),
                Color32::from_gray(90),
            ));
            match crate::model::next_month_start(d) {
                Some(next) => d = next,
                None => break,
            }
        }
    }
}

/// Meetings, status date and release cut-offs: vertical lines with labels on the third header line.
#[allow(clippy::too_many_arguments)]
fn paint_meetings(
    ctx: &egui::Context,
    shapes: &mut Vec<Shape>,
    g: &Geometry,
    rect: Rect,
    plan: &Plan,
    a: &Analysis,
    first_day: Date,
    last_day: Date,
) {
    let label_y = rect.top() + g.style.header_line_px() * 2.5;
    let font = FontId::proportional(g.style.small_font_px);
    let month_px = g.transform.dpos_dvalue_x() as f32 * 30.4;
    let ls = g.style.line_scale();
    let fade = |f: f32| if g.style.high_contrast { 1.0 } else { f };
    // (priority, x, text, colour): lower priority numbers claim space first.
    let mut labels: Vec<(u8, f32, String, Color32)> = Vec::new();
    let lo = a.schedule.meetings.partition_point(|m| m.date < first_day);
    for m in a.schedule.meetings[lo..]
        .iter()
        .take_while(|m| m.date <= last_day)
    {
        let x = g.x_mid(m.date);
        let colour = theme::meeting_colour(m.kind);
        let top = rect.top() + g.style.header_line_px() * 2.0;
        // Zoomed out, monthly meetings would wash the chart: Working Group lines go, dashes become plain lines
        // (which also keeps the frame cheap: a dashed line is dozens of segments).
        if month_px < 30.0 && m.kind != MeetingKind::Panel {
            continue;
        }
        let dashes = month_px >= 80.0;
        let (stroke, dash, gap) = match m.kind {
            MeetingKind::Panel => (
                Stroke::new(1.6 * ls, colour.gamma_multiply(fade(0.75))),
                6.0,
                3.0,
            ),
            MeetingKind::WorkingGroup => (
                Stroke::new(1.3 * ls, colour.gamma_multiply(fade(0.8))),
                5.0,
                4.0,
            ),
            _ => (
                Stroke::new(1.0 * ls, colour.gamma_multiply(fade(0.7))),
                2.0,
                3.0,
            ),
        };
        let solid = m.kind == MeetingKind::Panel && !m.approximate;
        if dashes && !solid {
            dashed_vline(shapes, x, top, rect.bottom(), stroke, dash, gap);
        } else {
            let stroke = if solid || dashes {
                stroke
            } else {
                Stroke::new(stroke.width * 0.8, stroke.color.gamma_multiply(fade(0.6)))
            };
            shapes.push(Shape::line_segment(
                [pos2(x, top), pos2(x, rect.bottom())],
                stroke,
            ));
        }
        let (priority, text) = match m.kind {
            MeetingKind::Panel => (
                1,
                format!(
                    "{}{}",
                    m.name.replace("Panel ", "P"),
                    if m.approximate { "?" } else { "" }
                ),
            ),
            MeetingKind::WorkingGroup => (2, "WG".to_owned()),
            MeetingKind::SubCommittee => (3, m.name.clone()),
            MeetingKind::Other => (4, m.name.clone()),
        };
        labels.push((priority, x, text, colour));
    }
    let status_x = g.x_mid(plan.meta.status_date);
    shapes.push(Shape::line_segment(
        [
            pos2(status_x, rect.top() + g.style.header_line_px() * 2.0),
            pos2(status_x, rect.bottom()),
        ],
        Stroke::new(2.0 * ls, theme::STATUS_DATE),
    ));
    labels.push((
        0,
        status_x,
        format!("Status {}", plan.meta.status_date.strftime("%-d %b")),
        theme::STATUS_DATE,
    ));
    for r in &plan.releases {
        if let Some(cut) = a.schedule.by_id(&r.cutoff_meeting) {
            let x = g.x_after(cut.date) + 2.0;
            dashed_vline(
                shapes,
                x,
                rect.top() + g.style.header_line_px() * 2.0,
                rect.bottom(),
                Stroke::new(2.5 * ls, theme::CUTOFF),
                8.0,
                4.0,
            );
            labels.push((
                0,
                x,
                format!("{} cut-off", r.name.replace(" SEC Release", "")),
                theme::CUTOFF,
            ));
        }
    }
    labels.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut taken: Vec<(f32, f32)> = Vec::new();
    for (_, x, text, colour) in labels {
        let galley = ctx.fonts_mut(|f| f.layout_no_wrap(text, font.clone(), colour));
        let w = galley.size().x;
        let (l, r) = (x - w / 2.0 - 3.0, x + w / 2.0 + 3.0);
        if r < rect.left() || l > rect.right() || taken.iter().any(|&(a, b)| l < b && r > a) {
            continue;
        }
        taken.push((l, r));
        shapes.push(Shape::galley(
            pos2(x - w / 2.0, label_y - galley.size().y / 2.0),
            galley,
            colour,
        ));
    }
}

/// The label column: id, short title, warning count; click selects.
fn rows_label_ui(
    ui: &mut Ui,
    label_rect: Rect,
    g: &Geometry,
    plan: &Plan,
    a: &Analysis,
    selected: Option<usize>,
    out: &mut TimelineOutput,
) {
    let painter = ui.painter().with_clip_rect(label_rect);
    let header = Rect::from_min_max(
        label_rect.min,
        pos2(label_rect.right(), label_rect.top() + g.style.header_px()),
    );
    painter.rect_filled(header, 0.0, Color32::from_gray(238));
    painter.text(
        pos2(
            header.left() + 8.0,
            header.bottom() - g.style.header_line_px() * 0.5,
        ),
        Align2::LEFT_CENTER,
        "Modification",
        FontId::proportional(g.style.header_font_px),
        Color32::from_gray(60),
    );
    let body = Rect::from_min_max(pos2(label_rect.left(), g.rows_top), label_rect.max);
    let painter = ui.painter().with_clip_rect(body);
    let Some((r0, r1)) = visible_rows(
        g,
        Rect::from_min_max(pos2(label_rect.left(), label_rect.top()), label_rect.max),
        a.rows.len(),
    ) else {
        return;
    };
    let id_font = FontId::monospace(g.style.id_font_px);
    let title_font = FontId::proportional(g.style.title_font_px);
    for r in r0..=r1 {
        let m_index = a.rows[r];
        let m = &plan.modifications[m_index];
        let rr = g.row_rect(r, label_rect.left(), label_rect.right() - 1.0);
        let is_selected = Some(m_index) == selected;
        let bg = if is_selected {
            Color32::from_rgb(0xD6, 0xE6, 0xF5)
        } else if r % 2 == 1 {
            Color32::from_gray(246)
        } else {
            Color32::WHITE
        };
        painter.rect_filled(rr, 0.0, bg);
        if m.group.is_some() {
            painter.rect_filled(
                Rect::from_min_size(rr.min, vec2(4.0, rr.height())),
                0.0,
                theme::GROUP,
            );
        }
        let id_galley =
            painter.layout_no_wrap(m.id.clone(), id_font.clone(), Color32::from_gray(10));
        let id_w = id_galley.size().x;
        painter.galley(
            pos2(rr.left() + 9.0, rr.center().y - id_galley.size().y / 2.0),
            id_galley,
            Color32::BLACK,
        );
        let warnings = a.warnings_by_mod.get(m_index).map_or(0, Vec::len);
        let slip = a
            .slippage
            .get(m_index)
            .and_then(Option::as_ref)
            .and_then(|s| s.panel_return_days)
            .filter(|&d| d != 0);
        let badge_w =
            if warnings > 0 { 30.0 } else { 0.0 } + if slip.is_some() { 40.0 } else { 0.0 };
        let hold_w = if m.status == Status::OnHold {
            18.0
        } else {
            0.0
        };
        let title_left = rr.left() + 9.0 + id_w + 8.0;
        let title_max = rr.right() - title_left - badge_w - hold_w - 6.0;
        if let Some(t) = fit_text(ui.ctx(), &m.title, &title_font, title_max) {
            painter.text(
                pos2(title_left, rr.center().y),
                Align2::LEFT_CENTER,
                t,
                title_font.clone(),
                Color32::from_gray(70),
            );
        }
        if m.status == Status::OnHold {
            painter.text(
                pos2(rr.right() - badge_w - 4.0, rr.center().y),
                Align2::RIGHT_CENTER,
                "⏸",
                FontId::proportional(g.style.id_font_px),
                Color32::from_gray(90),
            );
        }
        if let Some(days) = slip {
            painter.text(
                pos2(
                    rr.right() - if warnings > 0 { 34.0 } else { 4.0 },
                    rr.center().y,
                ),
                Align2::RIGHT_CENTER,
                format!("{days:+}d"),
                FontId::proportional(g.style.small_font_px),
                if days > 0 {
                    theme::WARNING
                } else {
                    Color32::from_gray(90)
                },
            );
        }
        if warnings > 0 {
            painter.text(
                pos2(rr.right() - 4.0, rr.center().y),
                Align2::RIGHT_CENTER,
                format!("⚠{warnings}"),
                FontId::proportional(g.style.id_font_px),
                theme::WARNING,
            );
        }
        painter.line_segment(
            [pos2(rr.left(), rr.bottom()), pos2(rr.right(), rr.bottom())],
            Stroke::new(1.0, Color32::from_gray(232)),
        );
        let visible = rr.intersect(body);
        if !visible.is_positive() {
            continue;
        }
        let response = ui.interact(visible, Id::unique(("row-label", m_index)), Sense::click());
        let label = format!("Row {}", m.id);
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &label)
        });
        if response.clicked() {
            out.select = Some(m_index);
        }
        response.on_hover_ui(|ui| {
            ui.strong(format!("{} {}", m.id, m.title));
            ui.label(format!("Status: {}", m.status.label()));
            if let Some(gid) = &m.group {
                ui.label(format!(
                    "Group: {}",
                    plan.group(gid).map_or(gid.as_str(), |g| g.name.as_str())
                ));
            }
            for w in a.warnings_of(m_index) {
                ui.colored_label(theme::WARNING, format!("⚠ {}", w.message));
            }
        });
    }
}

/// Tooltip for a bar or milestone: dates, working days, notes.
fn item_tooltip_ui(ui: &mut Ui, plan: &Plan, a: &Analysis, target: DragTarget) {
    let m = &plan.modifications[target.modification()];
    match target {
        DragTarget::WorkPackage { w, .. } => {
            let Some(wp) = m.work_packages.get(w) else {
                return;
            };
            ui.strong(&wp.name);
            ui.label(format!("{} · {}", m.id, wp.owner.label()));
            ui.label(format!(
                "{} – {} · {} working days",
                format_approx(wp.start, wp.start_precision),
                format_approx(wp.end, wp.end_precision),
                plan.calendar.working_days_in(wp.start, wp.end)
            ));
            if !wp.notes.is_empty() {
                ui.label(&wp.notes);
            }
            for warning in a
                .warnings_of(target.modification())
                .filter(|x| x.subject == Subject::WorkPackage(w))
            {
                ui.colored_label(theme::WARNING_OUTLINE, format!("⚠ {}", warning.message));
            }
            ui.label(
                egui::RichText::new(
                    "Drag to move · drag an end to resize · Shift-drag moves what follows",
                )
                .weak()
                .small(),
            );
        }
        DragTarget::Milestone { k, .. } => {
            let Some(x) = m.milestones.get(k) else { return };
            ui.strong(&x.label);
            ui.label(format!("{} · {}", m.id, x.kind.label()));
            let mut when = format!("{} {}", x.date.strftime("%A"), format_date(x.date));
            if x.precision != Precision::Exact {
                when = format!(
                    "{} (drawn on {})",
                    format_approx(x.date, x.precision),
                    format_date(x.date)
                );
            }
            ui.label(when);
            let days = plan
                .calendar
                .working_days_between(plan.meta.status_date, x.date);
            ui.label(format!("{days} working days from the status date"));
            if let Some(meeting) = x
                .kind
                .meeting_kind()
                .and_then(|kind| a.schedule.on(x.date, kind))
            {
                let approx = if meeting.approximate {
                    " (date approximate)"
                } else {
                    ""
                };
                ui.label(format!("At {}{approx}", meeting.name));
                if let (Some(agenda), Some(papers)) = (meeting.agenda_due, meeting.papers_due) {
                    ui.label(format!(
                        "Agenda by {}, papers by {}",
                        format_date(agenda),
                        format_date(papers)
                    ));
                }
            }
            if x.done {
                ui.label("✔ Done");
            }
            for warning in a
                .warnings_of(target.modification())
                .filter(|w| w.subject == Subject::Milestone(k))
            {
                ui.colored_label(theme::WARNING_OUTLINE, format!("⚠ {}", warning.message));
            }
        }
    }
}
