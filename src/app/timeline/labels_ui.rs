//! The label column beside the plot: each row's id, title, on-hold mark, slippage and warning count, on the same
//! rows as the plot. Clicking a label selects its modification.

use egui::{Align2, Color32, FontId, Id, Painter, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::geometry::Geometry;
use super::paint::{Scene, fit_text};
use super::tooltip_ui::row_tooltip_ui;
use crate::app::theme;
use crate::model::{Modification, Status};

/// The label column in `label_rect`, rows aligned with the plot's geometry `g`; returns a clicked modification.
pub fn row_labels_ui(
    ui: &mut Ui,
    label_rect: Rect,
    g: &Geometry,
    scene: &Scene<'_>,
) -> Option<usize> {
    let header = Rect::from_min_max(
        label_rect.min,
        pos2(label_rect.right(), label_rect.top() + g.style.header_px()),
    );
    let painter = ui.painter().with_clip_rect(label_rect);
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
    let (r0, r1) = g.visible_rows(scene.analysis.rows.len())?;
    let mut clicked = None;
    for r in r0..=r1 {
        let m = scene.analysis.rows[r];
        let band = g.row_rect(r, label_rect.left(), label_rect.right() - 1.0);
        let slip_badge = paint_label(ui.ctx(), &painter, g, scene, r, band);
        let visible = band.intersect(body);
        if !visible.is_positive() {
            continue;
        }
        let modification = &scene.plan.modifications[m];
        if let Some((rect, days)) = slip_badge {
            slip_badge_ui(ui, rect.intersect(body), m, days);
        }
        let response = ui.interact(visible, Id::unique(("row-label", m)), Sense::click());
        let label = format!("Row {}", modification.id);
        let is_selected = Some(m) == scene.selected;
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &label)
        });
        if response.clicked() {
            clicked = Some(m);
        }
        response.on_hover_ui(|ui| row_tooltip_ui(ui, scene.plan, scene.analysis, m));
    }
    clicked
}

/// The slippage badge as something a pointer (and a screen reader) can ask about.
fn slip_badge_ui(ui: &mut Ui, rect: Rect, m: usize, days: i64) {
    if !rect.is_positive() {
        return;
    }
    let response = ui.interact(rect, Id::unique(("row-slip", m)), Sense::hover());
    let text = format!("{days:+}d");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
    response.on_hover_text(format!(
        "The Panel return moved {days:+} working days since the baseline"
    ));
}

/// Badges at the right of a label: slippage in working days and the warning count.
struct Badges {
    warnings: usize,
    slip_days: Option<i64>,
}

impl Badges {
    fn of(scene: &Scene<'_>, m: usize) -> Self {
        let a = scene.analysis;
        Badges {
            warnings: a.warnings_by_mod.get(m).map_or(0, Vec::len),
            slip_days: a
                .slippage
                .get(m)
                .and_then(Option::as_ref)
                .and_then(|s| s.panel_return_days)
                .map(i64::from)
                .filter(|&d| d != 0),
        }
    }

    fn width_px(&self) -> f32 {
        let warnings = if self.warnings > 0 { 30.0 } else { 0.0 };
        let slip = if self.slip_days.is_some() { 40.0 } else { 0.0 };
        warnings + slip
    }
}

/// One row's label: background, group bracket, id, title cut to fit, badges, bottom rule. Returns where the
/// slippage badge went, with its working days.
fn paint_label(
    ctx: &egui::Context,
    painter: &Painter,
    g: &Geometry,
    scene: &Scene<'_>,
    r: usize,
    band: Rect,
) -> Option<(Rect, i64)> {
    let m = scene.analysis.rows[r];
    let modification: &Modification = &scene.plan.modifications[m];
    let bg = if Some(m) == scene.selected {
        Color32::from_rgb(0xD6, 0xE6, 0xF5)
    } else if r % 2 == 1 {
        Color32::from_gray(246)
    } else {
        Color32::WHITE
    };
    painter.rect_filled(band, 0.0, bg);
    if modification.group.is_some() {
        painter.rect_filled(
            Rect::from_min_size(band.min, vec2(4.0, band.height())),
            0.0,
            theme::GROUP,
        );
    }
    let id_galley = painter.layout_no_wrap(
        modification.id.clone(),
        FontId::monospace(g.style.id_font_px),
        Color32::from_gray(10),
    );
    let id_w = id_galley.size().x;
    painter.galley(
        pos2(
            band.left() + 9.0,
            band.center().y - id_galley.size().y / 2.0,
        ),
        id_galley,
        Color32::BLACK,
    );
    let badges = Badges::of(scene, m);
    let on_hold = modification.status == Status::OnHold;
    let hold_w = if on_hold { 18.0 } else { 0.0 };
    let title_left = band.left() + 9.0 + id_w + 8.0;
    let title_max = band.right() - title_left - badges.width_px() - hold_w - 6.0;
    if g.style.high_contrast {
        paint_wrapped_title(
            painter,
            &modification.title,
            g,
            band,
            (title_left, title_max),
        );
    } else {
        let title_font = FontId::proportional(g.style.title_font_px);
        if let Some(t) = fit_text(ctx, &modification.title, &title_font, title_max) {
            painter.text(
                pos2(title_left, band.center().y),
                Align2::LEFT_CENTER,
                t,
                title_font,
                Color32::from_gray(70),
            );
        }
    }
    let right = |inset: f32| pos2(band.right() - inset, band.center().y);
    if on_hold {
        painter.text(
            right(badges.width_px() + 4.0),
            Align2::RIGHT_CENTER,
            "⏸",
            FontId::proportional(g.style.id_font_px),
            Color32::from_gray(90),
        );
    }
    let slip_badge = badges.slip_days.map(|days| {
        let colour = if days > 0 {
            theme::WARNING
        } else {
            Color32::from_gray(90)
        };
        let rect = painter.text(
            right(if badges.warnings > 0 { 34.0 } else { 4.0 }),
            Align2::RIGHT_CENTER,
            format!("{days:+}d"),
            FontId::proportional(g.style.small_font_px),
            colour,
        );
        (rect, days)
    });
    if badges.warnings > 0 {
        painter.text(
            right(4.0),
            Align2::RIGHT_CENTER,
            format!("⚠{}", badges.warnings),
            FontId::proportional(g.style.id_font_px),
            theme::WARNING,
        );
    }
    painter.line_segment(
        [
            pos2(band.left(), band.bottom()),
            pos2(band.right(), band.bottom()),
        ],
        Stroke::new(1.0, Color32::from_gray(232)),
    );
    slip_badge
}

/// Presenting: the title on up to two lines, wrapped between words, in a size the row has room for, rather than
/// cut short on one line.
fn paint_wrapped_title(
    painter: &Painter,
    title: &str,
    g: &Geometry,
    band: Rect,
    (left, max_px): (f32, f32),
) {
    if max_px < 20.0 {
        return;
    }
    let size_px = g.style.title_font_px.min(band.height() / 2.4).max(9.0);
    let mut job = egui::text::LayoutJob::single_section(
        title.to_owned(),
        egui::TextFormat::simple(FontId::proportional(size_px), Color32::from_gray(60)),
    );
    job.wrap = egui::text::TextWrapping {
        max_width: max_px,
        max_rows: 2,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = painter.layout_job(job);
    let top = band.center().y - galley.size().y / 2.0;
    painter.galley(pos2(left, top), galley, Color32::from_gray(60));
}
