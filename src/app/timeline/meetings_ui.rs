//! Meetings, the status date and release cut-offs: vertical lines across the rows, labelled on the header's
//! third line, most important labels first where they would overlap.

use egui::{Color32, FontId, Stroke, pos2};

use super::paint::{Canvas, Scene};
use crate::app::theme;
use crate::model::{MeetingKind, ScheduledMeeting};

/// A label on the meetings line: lower `priority` claims space first.
struct AxisLabel {
    priority: u8,
    x: f32,
    text: String,
    colour: Color32,
    /// The meeting's id and name, for a meeting's label (it can be clicked to edit the meeting).
    meeting: Option<(String, String)>,
}

/// Meeting lines, the status-date line and cut-off lines, then their labels.
pub fn paint_meetings(c: &mut Canvas<'_>, scene: &Scene<'_>) {
    let mut labels = Vec::new();
    let (first, last) = c.days;
    let meetings = &scene.analysis.schedule.meetings;
    let lo = meetings.partition_point(|m| m.date < first);
    for m in meetings[lo..].iter().take_while(|m| m.date <= last) {
        if let Some(label) = paint_meeting_line(c, m) {
            labels.push(label);
        }
    }
    let plan = scene.plan;
    let top = c.g.rect.top() + c.g.style.header_line_px() * 2.0;
    let bottom = c.g.rect.bottom();
    let ls = c.g.style.line_scale();
    let status_x = c.g.x_mid(plan.meta.status_date);
    c.line(
        pos2(status_x, top),
        pos2(status_x, bottom),
        Stroke::new(2.0 * ls, theme::STATUS_DATE),
    );
    labels.push(AxisLabel {
        priority: 0,
        x: status_x,
        text: format!("Status {}", plan.meta.status_date.strftime("%-d %b")),
        colour: theme::STATUS_DATE,
        meeting: None,
    });
    for r in &plan.releases {
        if let Some(cut) = scene.analysis.schedule.by_id(&r.cutoff_meeting) {
            let x = c.g.x_after(cut.date) + 2.0;
            c.dashed_vline(
                x,
                top,
                bottom,
                Stroke::new(2.5 * ls, theme::CUTOFF),
                8.0,
                4.0,
            );
            labels.push(AxisLabel {
                priority: 0,
                x,
                text: r.cutoff_label(),
                colour: theme::CUTOFF,
                meeting: None,
            });
        }
    }
    paint_labels(c, labels);
}

/// One meeting's line; its label, unless zoomed out so far that the meeting is left out.
fn paint_meeting_line(c: &mut Canvas<'_>, m: &ScheduledMeeting) -> Option<AxisLabel> {
    let style = c.g.style;
    let month_px = c.g.px_per_day() * 30.4;
    // Zoomed out, monthly meetings would wash the chart: Working Group lines go, dashes become plain lines
    // (which also keeps the frame cheap: a dashed line is dozens of segments).
    if month_px < 30.0 && m.kind != MeetingKind::Panel {
        return None;
    }
    let x = c.g.x_mid(m.date);
    let colour = theme::meeting_colour(m.kind);
    let top = c.g.rect.top() + style.header_line_px() * 2.0;
    let bottom = c.g.rect.bottom();
    let ls = style.line_scale();
    let dashes = month_px >= 80.0;
    let (stroke, dash, gap) = match m.kind {
        MeetingKind::Panel => (
            Stroke::new(1.6 * ls, colour.gamma_multiply(style.fade(0.75))),
            6.0,
            3.0,
        ),
        MeetingKind::WorkingGroup => (
            Stroke::new(1.3 * ls, colour.gamma_multiply(style.fade(0.8))),
            5.0,
            4.0,
        ),
        MeetingKind::SubCommittee | MeetingKind::Other => (
            Stroke::new(ls, colour.gamma_multiply(style.fade(0.7))),
            2.0,
            3.0,
        ),
    };
    let solid = m.kind == MeetingKind::Panel && !m.approximate;
    if dashes && !solid {
        c.dashed_vline(x, top, bottom, stroke, dash, gap);
    } else {
        let stroke = if solid || dashes {
            stroke
        } else {
            Stroke::new(
                stroke.width * 0.8,
                stroke.color.gamma_multiply(style.fade(0.6)),
            )
        };
        c.line(pos2(x, top), pos2(x, bottom), stroke);
    }
    let priority = match m.kind {
        MeetingKind::Panel => 1,
        MeetingKind::WorkingGroup => 2,
        MeetingKind::SubCommittee => 3,
        MeetingKind::Other => 4,
    };
    let text = m.axis_label();
    Some(AxisLabel {
        priority,
        x,
        text,
        colour,
        meeting: Some((m.id.clone(), m.name.clone())),
    })
}

/// Places labels centred on their lines, most important first, dropping any that would overlap one placed. A
/// meeting's label placed is recorded as something to click.
fn paint_labels(c: &mut Canvas<'_>, mut labels: Vec<AxisLabel>) {
    let rect = c.g.rect;
    let label_y = rect.top() + c.g.style.header_line_px() * 2.5;
    let font = FontId::proportional(c.g.style.small_font_px);
    labels.sort_by(|a, b| a.priority.cmp(&b.priority).then(a.x.total_cmp(&b.x)));
    let mut taken: Vec<(f32, f32)> = Vec::new();
    for label in labels {
        let galley = c
            .ctx
            .fonts_mut(|f| f.layout_no_wrap(label.text, font.clone(), label.colour));
        let w = galley.size().x;
        let (l, r) = (label.x - w / 2.0 - 3.0, label.x + w / 2.0 + 3.0);
        if r < rect.left() || l > rect.right() || taken.iter().any(|&(a, b)| l < b && r > a) {
            continue;
        }
        taken.push((l, r));
        let min = pos2(label.x - w / 2.0, label_y - galley.size().y / 2.0);
        if let Some((id, name)) = label.meeting {
            let rect = egui::Rect::from_min_size(min, galley.size()).expand(2.0);
            c.meeting_hits.push((rect, id, name));
        }
        c.add(egui::Shape::galley(min, galley, label.colour));
    }
}
