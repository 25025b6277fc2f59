//! Appendix A of the Panel paper: the whole timeline — every row, not only what is on screen — as SVG, and as PNG
//! rasterised by resvg. Title, status date, month axis, meetings, cut-offs and a legend; A4 landscape by default.

use jiff::civil::Date;
use strum::IntoEnumIterator;
use svg::Document;
use svg::node::element::{
    Definitions, Group, Line, Marker, Path, Pattern, Polygon, Polyline, Rectangle, Text,
};
use thiserror::Error;

use crate::model::{
    MeetingKind, MilestoneKind, Owner, Plan, Precision, Schedule, Status, Subject, Warning,
    add_days, day_number, format_date,
};
use crate::palette::{self, hex};

/// Paper sizes, in millimetres (portrait width × height).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PaperSize {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 297 × 420 mm.
    A3,
    /// US Letter, 216 × 279 mm.
    Letter,
}

impl PaperSize {
    fn portrait_mm(self) -> (f64, f64) {
        match self {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::A3 => (297.0, 420.0),
            PaperSize::Letter => (215.9, 279.4),
        }
    }
}

/// The page the appendix is laid out on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    /// Width in millimetres.
    pub width_mm: f64,
    /// Height in millimetres.
    pub height_mm: f64,
}

impl Page {
    /// A paper size, landscape unless `portrait`.
    pub fn paper(size: PaperSize, portrait: bool) -> Self {
        let (w, h) = size.portrait_mm();
        if portrait {
            Page {
                width_mm: w,
                height_mm: h,
            }
        } else {
            Page {
                width_mm: h,
                height_mm: w,
            }
        }
    }

    /// Pixel size of the page at `dpi` dots per inch.
    pub fn pixels(&self, dpi: f64) -> (u32, u32) {
        let px = |mm: f64| ((mm / 25.4 * dpi).round() as u32).max(1);
        (px(self.width_mm), px(self.height_mm))
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::paper(PaperSize::A4, false)
    }
}

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The SVG could not be parsed back for rasterising (a bug).
    #[error("cannot rasterise the appendix: {0}")]
    Svg(String),
    /// The requested image is too large or empty.
    #[error("cannot make a {0}×{1} pixel image; choose a smaller page or resolution")]
    Size(u32, u32),
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Png(String),
}

/// Font family used by the SVG; the PNG renderer provides it from the app's own font.
const FONT: &str = "Ubuntu, 'Ubuntu Light', sans-serif";

/// Rough width of `text` at `size` (mm): the SVG writer has no font metrics, so labels are shortened by this.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.52
}

fn shorten(text: &str, size: f64, max: f64) -> Option<String> {
    if text_width(text, size) <= max {
        return Some(text.to_owned());
    }
    let keep = ((max / (size * 0.52)) as usize).saturating_sub(1);
    (keep >= 3).then(|| text.chars().take(keep).collect::<String>() + "…")
}

fn text(x: f64, y: f64, size: f64, content: impl Into<String>) -> Text {
    Text::new(content)
        .set("x", mm(x))
        .set("y", mm(y))
        .set("font-size", mm(size))
        .set("font-family", FONT)
}

/// Rounds to 0.01 mm so files stay short and stable.
fn mm(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Everything the appendix draws, derived from the plan.
pub struct AppendixInput<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its meetings.
    pub schedule: &'a Schedule,
    /// Its warnings (marked on rows).
    pub warnings: &'a [Warning],
    /// Row order: modification indices.
    pub rows: &'a [usize],
}

/// The appendix as an SVG document (millimetre units).
pub fn appendix_svg(input: &AppendixInput<'_>, page: Page) -> String {
    let AppendixInput {
        plan,
        schedule,
        warnings,
        rows,
    } = *input;
    let (w, h) = (page.width_mm, page.height_mm);
    let margin = 10.0;
    let mut doc = Document::new()
        .set("xmlns", "http://www.w3.org/2000/svg")
        .set("width", format!("{w}mm"))
        .set("height", format!("{h}mm"))
        .set("viewBox", (0, 0, w, h));
    doc = doc.add(defs());
    doc = doc.add(
        Rectangle::new()
            .set("width", w)
            .set("height", h)
            .set("fill", "#ffffff"),
    );

    // Title and status.
    let title = format!("Appendix A: {}", plan.meta.title);
    doc = doc.add(text(margin, margin + 5.0, 6.0, title).set("font-weight", "bold"));
    let mut sub = format!("Status as of {}", format_date(plan.meta.status_date));
    if !plan.meta.paper_ref.is_empty() {
        sub = format!("{} · {sub}", plan.meta.paper_ref);
    }
    doc = doc.add(text(margin, margin + 11.0, 3.6, sub).set("fill", "#444444"));

    // Layout.
    let legend_h = 16.0;
    let top = margin + 16.0;
    let axis_h = 12.0;
    let label_w = (w * 0.27).min(80.0);
    let chart_left = margin + label_w;
    let chart_right = w - margin;
    let rows_top = top + axis_h;
    let rows_bottom = h - margin - legend_h;
    let n = rows.len().max(1);
    let row_h = (rows_bottom - rows_top) / n as f64;

    // Date range: whole months around everything dated in the plan.
    let (first, last) = crate::model::layout::date_range(plan);
    let first = first.first_of_month();
    let last = last.last_of_month();
    let (d0, d1) = (day_number(first) as f64, day_number(last) as f64 + 1.0);
    let x_of =
        |d: Date| chart_left + (day_number(d) as f64 - d0) / (d1 - d0) * (chart_right - chart_left);
    let x_after = |d: Date| x_of(add_days(d, 1));
    let x_mid = |d: Date| (x_of(d) + x_after(d)) / 2.0;
    let row_y = |r: usize| rows_top + r as f64 * row_h;

    // Row bands and labels.
    let label_size = (row_h * 0.5).clamp(1.2, 3.4);
    let mut bands = Group::new();
    let mut labels = Group::new();
    for (r, &mi) in rows.iter().enumerate() {
        let m = &plan.modifications[mi];
        let y = row_y(r);
        if r % 2 == 1 {
            bands = bands.add(
                Rectangle::new()
                    .set("x", mm(margin))
                    .set("y", mm(y))
                    .set("width", mm(chart_right - margin))
                    .set("height", mm(row_h))
                    .set("fill", "#f3f3f3"),
            );
        }
        if m.group.is_some() {
            bands = bands.add(
                Rectangle::new()
                    .set("x", mm(margin))
                    .set("y", mm(y))
                    .set("width", 1.2)
                    .set("height", mm(row_h))
                    .set("fill", hex(palette::GREEN)),
            );
        }
        if m.status == Status::OnHold {
            bands = bands.add(
                Rectangle::new()
                    .set("x", mm(chart_left))
                    .set("y", mm(y))
                    .set("width", mm(chart_right - chart_left))
                    .set("height", mm(row_h))
                    .set("fill", "url(#hatch)"),
            );
        }
        let baseline = y + row_h / 2.0 + label_size * 0.35;
        labels = labels
            .add(text(margin + 2.0, baseline, label_size, m.id.clone()).set("font-weight", "bold"));
        // Bold digits run wider than the estimate for light text.
        let title_x = margin + 2.0 + text_width(&m.id, label_size) * 1.2 + label_size * 0.8;
        let warn = warnings.iter().filter(|x| x.index == mi).count();
        let room = chart_left - title_x - 2.0 - if warn > 0 { 5.0 } else { 0.0 };
        if let Some(t) = shorten(&m.title, label_size, room) {
            labels = labels.add(text(title_x, baseline, label_size, t).set("fill", "#444444"));
        }
        if warn > 0 {
            labels = labels.add(
                text(chart_left - 2.0, baseline, label_size, format!("⚠{warn}"))
                    .set("text-anchor", "end")
                    .set("fill", hex(palette::WARNING)),
            );
        }
    }
    doc = doc.add(bands).add(labels);

    // Month axis and grid.
    let mut axis = Group::new();
    let mut d = first;
    let month_w = (chart_right - chart_left) / ((d1 - d0) / 30.4);
    while d <= last {
        let Some(next) = crate::model::next_month_start(d) else {
            break;
        };
        let (xa, xb) = (x_of(d), x_of(next));
        axis = axis.add(
            Line::new()
                .set("x1", mm(xa))
                .set("y1", mm(top))
                .set("x2", mm(xa))
                .set("y2", mm(rows_bottom))
                .set("stroke", if d.month() == 1 { "#999999" } else { "#d0d0d0" })
                .set("stroke-width", 0.2),
        );
        let label = if month_w >= 22.0 {
            d.strftime("%B %Y").to_string()
        } else if month_w >= 10.0 {
            d.strftime("%b %y").to_string()
        } else {
            d.strftime("%b").to_string()
        };
        if month_w >= 5.0 {
            axis =
                axis.add(text((xa + xb) / 2.0, top + 4.0, 3.0, label).set("text-anchor", "middle"));
        }
        d = next;
    }
    axis = axis.add(
        Line::new()
            .set("x1", mm(chart_left))
            .set("y1", mm(rows_top))
            .set("x2", mm(chart_right))
            .set("y2", mm(rows_top))
            .set("stroke", "#999999")
            .set("stroke-width", 0.25),
    );
    doc = doc.add(axis);

    // Meetings, status date, cut-offs, with labels on the axis' second line.
    let mut lines = Group::new();
    let mut taken: Vec<(f64, f64)> = Vec::new();
    let label = |g: Group, x: f64, t: String, colour: &str, taken: &mut Vec<(f64, f64)>| -> Group {
        let half = text_width(&t, 2.4) / 2.0 + 0.6;
        if taken.iter().any(|&(a, b)| x - half < b && x + half > a) || x + half > chart_right + 5.0
        {
            return g;
        }
        taken.push((x - half, x + half));
        g.add(
            text(x, top + 9.5, 2.4, t)
                .set("text-anchor", "middle")
                .set("fill", colour.to_owned()),
        )
    };
    let status_x = x_mid(plan.meta.status_date);
    lines = lines.add(vline(
        status_x,
        rows_top,
        rows_bottom,
        &hex(palette::STATUS_DATE),
        0.5,
        None,
    ));
    lines = label(
        lines,
        status_x,
        format!("Status {}", plan.meta.status_date.strftime("%-d %b")),
        &hex(palette::STATUS_DATE),
        &mut taken,
    );
    for rel in &plan.releases {
        if let Some(cut) = schedule.by_id(&rel.cutoff_meeting)
            && cut.date >= first
            && cut.date <= last
        {
            let x = x_after(cut.date) + 0.4;
            lines = lines.add(vline(
                x,
                rows_top,
                rows_bottom,
                &hex(palette::CUTOFF),
                0.6,
                Some("2,1"),
            ));
            lines = label(
                lines,
                x,
                format!("{} cut-off", rel.name.replace(" SEC Release", "")),
                &hex(palette::CUTOFF),
                &mut taken,
            );
        }
    }
    let mut ordered: Vec<_> = schedule
        .meetings
        .iter()
        .filter(|m| m.date >= first && m.date <= last)
        .collect();
    ordered.sort_by_key(|m| (m.kind != MeetingKind::Panel, m.date));
    for m in ordered {
        let x = x_mid(m.date);
        let colour = hex(palette::meeting(m.kind));
        let dash = match m.kind {
            MeetingKind::Panel if !m.approximate => None,
            MeetingKind::Panel => Some("1.6,0.8"),
            MeetingKind::WorkingGroup => Some("1.2,1"),
            _ => Some("0.4,0.8"),
        };
        let width = if m.kind == MeetingKind::Panel {
            0.35
        } else {
            0.25
        };
        lines =
            lines.add(vline(x, rows_top, rows_bottom, &colour, width, dash).set("opacity", 0.7));
        let t = match m.kind {
            MeetingKind::Panel => format!(
                "{}{}",
                m.name.replace("Panel ", "P"),
                if m.approximate { "?" } else { "" }
            ),
            MeetingKind::WorkingGroup => "WG".to_owned(),
            _ => m.name.clone(),
        };
        lines = label(lines, x, t, &colour, &mut taken);
    }
    doc = doc.add(lines);

    // Bars, milestones, arrows.
    let mut items = Group::new();
    let mut arrows = Group::new();
    let row_of: std::collections::HashMap<usize, usize> =
        rows.iter().enumerate().map(|(r, &m)| (m, r)).collect();
    for (r, &mi) in rows.iter().enumerate() {
        let m = &plan.modifications[mi];
        let lanes = crate::model::layout::lanes_for(m);
        let bar_total = row_h * 0.7;
        let lane_h = bar_total / lanes.count as f64;
        let y0 = row_y(r) + (row_h - bar_total) / 2.0;
        for (k, wp) in m.work_packages.iter().enumerate() {
            let lane = lanes.lane_of[k];
            let (x0, x1) = (x_of(wp.start), x_after(wp.end).max(x_of(wp.start) + 0.3));
            let y = y0 + lane as f64 * lane_h;
            let fill = hex(palette::owner(wp.owner));
            let warned = warnings
                .iter()
                .any(|x| x.index == mi && x.subject == Subject::WorkPackage(k));
            let mut solid = (x0, x1);
            for (date, precision, is_end) in [
                (wp.start, wp.start_precision, false),
                (wp.end, wp.end_precision, true),
            ] {
                if precision == Precision::Exact {
                    continue;
                }
                let (a, b) = precision.window(date);
                let (sa, sb) = if is_end {
                    (x_of(a).max(solid.0), x_after(b))
                } else {
                    (x_of(a), x_after(b).min(x1))
                };
                items = items.add(
                    Rectangle::new()
                        .set("x", mm(sa))
                        .set("y", mm(y + lane_h * 0.05))
                        .set("width", mm((sb - sa).max(0.1)))
                        .set("height", mm(lane_h * 0.9))
                        .set("fill", fill.clone())
                        .set("fill-opacity", 0.35)
                        .set("stroke", fill.clone())
                        .set("stroke-width", 0.2)
                        .set("stroke-dasharray", "0.8,0.5"),
                );
                if is_end {
                    solid.1 = sa.min(solid.1);
                } else {
                    solid.0 = sb.max(solid.0);
                }
            }
            if solid.1 > solid.0 {
                let mut rect = Rectangle::new()
                    .set("x", mm(solid.0))
                    .set("y", mm(y + lane_h * 0.05))
                    .set("width", mm(solid.1 - solid.0))
                    .set("height", mm(lane_h * 0.9))
                    .set("rx", 0.6)
                    .set("fill", fill.clone());
                if warned {
                    rect = rect
                        .set("stroke", hex(palette::STATUS_DATE))
                        .set("stroke-width", 0.4);
                }
                items = items.add(rect);
            }
            let size = (lane_h * 0.55).min(2.6);
            // Below about 5 pt the names are unreadable on paper: leave them to the legend and the table.
            if size >= 1.75
                && let Some(t) = shorten(&wp.name, size, x1 - x0 - 1.2)
            {
                items = items.add(
                    text(x0 + 0.6, y + lane_h / 2.0 + size * 0.35, size, t)
                        .set("fill", hex(palette::text_on(palette::owner(wp.owner)))),
                );
            }
        }
        let cy = row_y(r) + row_h / 2.0;
        let rad = (row_h * 0.3).clamp(0.6, 2.2);
        for (k, x) in m.milestones.iter().enumerate() {
            let cx = x_mid(x.date);
            let colour = hex(palette::milestone(x.kind));
            let approximate_meeting = x
                .kind
                .meeting_kind()
                .and_then(|kind| schedule.on(x.date, kind))
                .is_some_and(|mt| mt.approximate);
            let soft = x.precision != Precision::Exact || approximate_meeting;
            if x.precision != Precision::Exact {
                let (a, b) = x.precision.window(x.date);
                items = items.add(
                    Line::new()
                        .set("x1", mm(x_of(a)))
                        .set("y1", mm(cy))
                        .set("x2", mm(x_after(b)))
                        .set("y2", mm(cy))
                        .set("stroke", colour.clone())
                        .set("stroke-opacity", 0.5)
                        .set("stroke-width", 0.4),
                );
            }
            let points = format!(
                "{},{} {},{} {},{} {},{}",
                mm(cx),
                mm(cy - rad),
                mm(cx + rad),
                mm(cy),
                mm(cx),
                mm(cy + rad),
                mm(cx - rad),
                mm(cy)
            );
            let mut diamond = Polygon::new().set("points", points);
            diamond = if soft {
                diamond
                    .set("fill", "#ffffff")
                    .set("stroke", colour)
                    .set("stroke-width", 0.4)
            } else {
                diamond
                    .set("fill", colour)
                    .set("stroke", "#ffffff")
                    .set("stroke-width", 0.15)
            };
            if x.done {
                diamond = diamond.set("opacity", 0.4);
            }
            items = items.add(diamond);
            if warnings
                .iter()
                .any(|w| w.index == mi && w.subject == Subject::Milestone(k))
            {
                items = items.add(
                    svg::node::element::Circle::new()
                        .set("cx", mm(cx))
                        .set("cy", mm(cy))
                        .set("r", mm(rad + 0.6))
                        .set("fill", "none")
                        .set("stroke", hex(palette::STATUS_DATE))
                        .set("stroke-width", 0.35),
                );
            }
        }
        // Dependencies: from the blocker's last activity to this row.
        for d in &m.dependencies {
            if !d.kind.is_ordering() {
                continue;
            }
            let Some((bi, blocker)) = plan
                .modifications
                .iter()
                .enumerate()
                .find(|(_, b)| b.id == d.on)
            else {
                continue;
            };
            let (Some(&rb), Some((_, end))) = (row_of.get(&bi), blocker.date_range()) else {
                continue;
            };
            let from = (x_after(end) + 0.4, row_y(rb) + row_h / 2.0);
            let elbow = from.0 + 1.5;
            let to_y = cy + if r > rb { -row_h * 0.36 } else { row_h * 0.36 };
            let target = m.date_range().map_or(elbow, |(s, _)| x_of(s)).max(elbow);
            let pts = format!(
                "{},{} {},{} {},{} {},{}",
                mm(from.0),
                mm(from.1),
                mm(elbow),
                mm(from.1),
                mm(elbow),
                mm(to_y),
                mm(target),
                mm(to_y)
            );
            arrows = arrows.add(
                Polyline::new()
                    .set("points", pts)
                    .set("fill", "none")
                    .set("stroke", "#444444")
                    .set("stroke-width", 0.3)
                    .set("marker-end", "url(#arrow)"),
            );
        }
        if let Some(t) = m.on_hold_text() {
            let x = m
                .date_range()
                .map_or(x_of(plan.meta.status_date) + 1.0, |(_, e)| x_after(e) + 3.0);
            items = items
                .add(text(x, cy + label_size * 0.35, label_size * 0.9, t).set("fill", "#333333"));
        }
    }
    doc = doc.add(arrows).add(items);
    doc = doc.add(legend(
        margin,
        h - margin - legend_h + 4.0,
        w - 2.0 * margin,
    ));
    doc.to_string()
}

fn vline(x: f64, y0: f64, y1: f64, colour: &str, width: f64, dash: Option<&str>) -> Line {
    let mut l = Line::new()
        .set("x1", mm(x))
        .set("y1", mm(y0))
        .set("x2", mm(x))
        .set("y2", mm(y1))
        .set("stroke", colour.to_owned())
        .set("stroke-width", width);
    if let Some(d) = dash {
        l = l.set("stroke-dasharray", d);
    }
    l
}

fn defs() -> Definitions {
    let hatch = Pattern::new()
        .set("id", "hatch")
        .set("width", 2)
        .set("height", 2)
        .set("patternUnits", "userSpaceOnUse")
        .set("patternTransform", "rotate(45)")
        .add(
            Line::new()
                .set("x1", 0)
                .set("y1", 0)
                .set("x2", 0)
                .set("y2", 2)
                .set("stroke", "#888888")
                .set("stroke-width", 0.3),
        );
    let arrow = Marker::new()
        .set("id", "arrow")
        .set("viewBox", "0 0 10 10")
        .set("refX", 9)
        .set("refY", 5)
        .set("markerWidth", 5)
        .set("markerHeight", 5)
        .set("orient", "auto")
        .add(
            Path::new()
                .set("d", "M0,0 L10,5 L0,10 z")
                .set("fill", "#444444"),
        );
    Definitions::new().add(hatch).add(arrow)
}

/// Owners, milestone kinds and line styles, in one or two rows.
fn legend(x: f64, y: f64, width: f64) -> Group {
    let mut g = Group::new();
    let size = 2.6;
    let mut cx = x;
    let mut cy = y;
    let next = |w: f64, cx: &mut f64, cy: &mut f64| {
        if *cx + w > x + width {
            *cx = x;
            *cy += 5.0;
        }
        let at = (*cx, *cy);
        *cx += w;
        at
    };
    for o in Owner::iter() {
        let label = o.label();
        let (lx, ly) = next(6.0 + text_width(label, size) + 3.0, &mut cx, &mut cy);
        g = g.add(
            Rectangle::new()
                .set("x", mm(lx))
                .set("y", mm(ly - 2.2))
                .set("width", 5)
                .set("height", 2.6)
                .set("rx", 0.5)
                .set("fill", hex(palette::owner(o))),
        );
        g = g.add(text(lx + 6.0, ly, size, label));
    }
    for k in MilestoneKind::LEGEND {
        let label = k.label();
        let (lx, ly) = next(4.5 + text_width(label, size) + 3.0, &mut cx, &mut cy);
        let (mx, my, rad) = (lx + 1.5, ly - 0.9, 1.4);
        g = g.add(
            Polygon::new()
                .set(
                    "points",
                    format!(
                        "{},{} {},{} {},{} {},{}",
                        mm(mx),
                        mm(my - rad),
                        mm(mx + rad),
                        mm(my),
                        mm(mx),
                        mm(my + rad),
                        mm(mx - rad),
                        mm(my)
                    ),
                )
                .set("fill", hex(palette::milestone(k))),
        );
        g = g.add(text(lx + 4.5, ly, size, label));
    }
    let extras = [
        ("Status date", hex(palette::STATUS_DATE), None),
        ("Release cut-off", hex(palette::CUTOFF), Some("2,1")),
        (
            "Panel (dashed: date not published)",
            hex(palette::INK),
            None,
        ),
        ("Working Group", hex(palette::GREEN), Some("1.2,1")),
    ];
    for (label, colour, dash) in extras {
        let (lx, ly) = next(6.0 + text_width(label, size) + 3.0, &mut cx, &mut cy);
        let mut l = Line::new()
            .set("x1", mm(lx))
            .set("y1", mm(ly - 0.9))
            .set("x2", mm(lx + 5.0))
            .set("y2", mm(ly - 0.9))
            .set("stroke", colour)
            .set("stroke-width", 0.5);
        if let Some(d) = dash {
            l = l.set("stroke-dasharray", d);
        }
        g = g.add(l).add(text(lx + 6.0, ly, size, label));
    }
    let note = "Hollow diamonds and faded bar ends: approximate dates. Hatched rows: on hold.";
    let (lx, ly) = next(text_width(note, size), &mut cx, &mut cy);
    g.add(text(lx, ly, size, note).set("fill", "#555555"))
}

/// Rasterises an appendix SVG to a PNG of `width_px` × `height_px`, using the app's own font (no system fonts, so
/// the result is the same on every machine).
pub fn svg_to_png(svg_text: &str, width_px: u32, height_px: u32) -> Result<Vec<u8>, ExportError> {
    use resvg::{tiny_skia, usvg};
    if width_px == 0 || height_px == 0 || (width_px as u64) * (height_px as u64) > 200_000_000 {
        return Err(ExportError::Size(width_px, height_px));
    }
    let mut options = usvg::Options::default();
    options
        .fontdb_mut()
        .load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    options
        .fontdb_mut()
        .load_font_data(epaint_default_fonts::NOTO_EMOJI_REGULAR.to_vec());
    let family = options
        .fontdb
        .faces()
        .next()
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_else(|| "Ubuntu".into());
    options.fontdb_mut().set_sans_serif_family(family.clone());
    options.font_family = family;
    let tree =
        usvg::Tree::from_str(svg_text, &options).map_err(|e| ExportError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(width_px, height_px)
        .ok_or(ExportError::Size(width_px, height_px))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width_px as f32 / size.width(),
        height_px as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))
}
