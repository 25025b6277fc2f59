//! What the pointer does on the timeline: one invisible widget per bar, bar end and milestone (hover, click, drag,
//! AccessKit labels), the drag from start to release, and panning and zooming with the mouse.

use egui::{CursorIcon, Id, Pos2, Rect, Response, Sense, Ui, pos2};

use super::geometry::{Geometry, Hit};
use super::paint::Scene;
use super::state::{DragState, TimelineState};
use super::tooltip_ui::{drag_label_ui, item_tooltip_ui};
use crate::model::drag::{self, DragMode, DragPart, DragTarget, Known};
use crate::model::{Edit, edit::set_modification};

/// What the item widgets saw this frame.
#[derive(Debug, Default)]
pub struct ItemEvents {
    /// A bar or milestone was clicked (or began to be dragged): select its modification.
    pub select: Option<usize>,
    /// A drag began on this item, at this pointer position.
    pub drag_started: Option<(DragTarget, Pos2)>,
}

/// One widget per visible hit: hover cursor, tooltip, click and drag start.
pub fn item_widgets_ui(
    ui: &mut Ui,
    state: &TimelineState,
    hits: &[Hit],
    g: &Geometry,
    scene: &Scene<'_>,
) -> ItemEvents {
    let mut events = ItemEvents::default();
    let rows_area = Rect::from_min_max(pos2(g.rect.left(), g.rows_top), g.rect.max);
    for hit in hits {
        let visible = hit.rect.intersect(rows_area);
        if !visible.is_positive() {
            continue;
        }
        let response = ui.interact(visible, widget_id(hit.target), Sense::click_and_drag());
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
            events.select = Some(hit.target.modification());
        }
        if response.drag_started() && !state.swallow_until_release {
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .unwrap_or_else(|| response.rect.center());
            events.drag_started = Some((hit.target, origin));
        }
        if state.drag.is_none() && response.hovered() && !response.dragged() {
            response.on_hover_ui(|ui| item_tooltip_ui(ui, scene.plan, scene.analysis, hit.target));
        }
    }
    events
}

/// One widget per meeting label on the axis; returns the id of the meeting clicked, to edit it.
pub fn meeting_widgets_ui(ui: &mut Ui, hits: &[(Rect, String, String)]) -> Option<String> {
    let mut clicked = None;
    for (rect, id, name) in hits {
        let response = ui.interact(*rect, Id::unique(("timeline-meeting", id)), Sense::click());
        let label = format!("Meeting {name}");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let response = response
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text(format!("{name}: click to edit"));
        if response.clicked() {
            clicked = Some(id.clone());
        }
    }
    clicked
}

/// The widget id of an item: stable across frames while the plan keeps its order.
fn widget_id(target: DragTarget) -> Id {
    match target {
        DragTarget::WorkPackage { m, w, part } => {
            let part_index: u8 = match part {
                DragPart::Body => 0,
                DragPart::Start => 1,
                DragPart::End => 2,
            };
            Id::unique(("timeline-wp", m, w, part_index))
        }
        DragTarget::Milestone { m, k } => Id::unique(("timeline-ms", m, k)),
    }
}

/// Follows the pointer while dragging; on release returns the edit (one undo step), on Esc cancels.
pub fn update_drag(
    ui: &Ui,
    state: &mut TimelineState,
    g: &Geometry,
    scene: &Scene<'_>,
) -> Option<(Edit, String)> {
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
        return None;
    }
    let a = scene.analysis;
    let drag = state.drag.as_mut()?;
    if escape || drag.revision != a.revision {
        state.cancel_drag();
        return None;
    }
    if let Some(p) = pointer {
        follow_pointer(drag, p.x, g, scene, state.snap, shift);
    }
    if released || !down {
        let drag = state.drag.take()?;
        if drag.proposed.is_empty() {
            return None;
        }
        // Everything that moved, as one edit: one undo step.
        let edits: Vec<Edit> = drag
            .proposed
            .into_iter()
            .map(|(m, proposed)| set_modification(m, proposed))
            .collect();
        return Some((
            Edit::Batch(edits),
            drag::edit_label(scene.plan, drag.target),
        ));
    }
    if let (Some(p), Some(drag)) = (pointer, state.drag.as_ref()) {
        drag_label_ui(ui.ctx(), p, drag);
    }
    None
}

/// Recomputes the drag's proposal when the pointer has moved a whole day (or Shift changed).
fn follow_pointer(
    drag: &mut DragState,
    pointer_x_px: f32,
    g: &Geometry,
    scene: &Scene<'_>,
    snap: bool,
    shift: bool,
) {
    let px_per_day = g.transform.dpos_dvalue_x().max(1e-6);
    let delta = ((pointer_x_px - drag.origin_x_px) as f64 / px_per_day).round() as i32;
    let follow = drag.follow || shift;
    if delta == drag.delta_days && !drag.proposed.is_empty() && follow == drag.follow {
        return;
    }
    drag.delta_days = delta;
    drag.follow = follow;
    let (plan, a) = (scene.plan, scene.analysis);
    let mode = DragMode { snap, follow };
    drag.proposed = drag::propose_cascade(plan, &a.schedule, &a.index, drag.target, delta, mode);
    drag.cascade = drag::describe_cascade(plan, &a.schedule, drag.target, &drag.proposed);
    let m = drag.target.modification();
    match drag.proposed.first().filter(|(j, _)| *j == m) {
        Some((_, proposed)) => {
            drag.description = drag::describe(plan, drag.target, proposed);
            let known = Known {
                schedule: &a.schedule,
                index: &a.index,
                warnings: &a.warnings,
                dependents: &a.dependents,
            };
            drag.new_warnings = drag::new_warnings(plan, known, m, proposed);
        }
        _ => {
            drag.description = drag::describe(plan, drag.target, &plan.modifications[m]);
            drag.new_warnings.clear();
        }
    }
}

/// Dragging empty space pans; the wheel scrolls rows (Shift: dates); Ctrl+wheel or pinch zooms the date axis.
pub fn pan_and_zoom(
    ui: &Ui,
    state: &mut TimelineState,
    g: &Geometry,
    response: &Response,
    n_rows: usize,
) {
    let before = state.view.clone();
    let days_per_px = 1.0 / state.px_per_day.max(1e-6);
    if state.drag.is_none() && response.dragged_by(egui::PointerButton::Primary) {
        let d = response.drag_delta();
        state.view.pan_days(-(d.x as f64) * days_per_px);
        state.view.first_row -= (d.y / state.view.row_height_px) as f64;
    }
    if response.hovered() {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if zoom != 1.0 {
            let c = pointer.map_or(state.view.center_days(), |p| g.day_at(p.x));
            state.view.zoom_around(1.0 / zoom as f64, c);
        }
        state.view.pan_days(-(scroll.x as f64) * days_per_px);
        state.view.first_row -= (scroll.y / state.view.row_height_px) as f64;
    }
    if state.view != before {
        state.view.fitted = false;
    }
    state.view.clamp_rows(n_rows, state.rows_visible);
}
