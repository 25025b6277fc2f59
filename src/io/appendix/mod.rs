//! Appendix A of the Panel paper: the whole timeline — every row, not only what is on screen — as SVG, and as PNG
//! rasterised by resvg. Title, status date, month axis, meetings, cut-offs and a legend; A4 landscape by default.

mod layout;
mod pdf;
mod portable;
mod rows;

pub use pdf::{MIN_ROW_H_MM, PdfError, appendix_pdf, rows_per_sheet};
pub use portable::portable_svg;

use jiff::civil::Date;
use svg::Document;
use svg::node::element::{
    Definitions, Group, Line, Marker, Path, Pattern, Polygon, Rectangle, Text,
};
use thiserror::Error;

use crate::legend::{self, ChartLine, Swatch};
use crate::model::label_fit::{LabelRoom, place_label};
use crate::model::{MeetingKind, Plan, Schedule, Status, Warning, format_date};
use crate::palette::{self, hex};
use layout::Layout;

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

/// Why the appendix could not be rasterised.
#[derive(Debug, Error)]
pub enum RasterError {
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

/// `text` whole when it fits in `max` mm, else whole words with "…" (the shared rule, inside only); `None` when not
/// even a word fits.
fn shorten(text: &str, size: f64, max: f64) -> Option<String> {
    let room = LabelRoom {
        inside: max as f32,
        beside: 0.0,
    };
    place_label(text, None, room, |t| text_width(t, size) as f32)
        .text()
        .map(str::to_owned)
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
    sheet_svg(input, page, None)
}

/// One sheet of the appendix: `input.rows` only, with `note` ("page 2 of 7") after the status line.
fn sheet_svg(input: &AppendixInput<'_>, page: Page, note: Option<&str>) -> String {
    let sheet = Sheet {
        input,
        layout: Layout::new(input.plan, input.rows.len(), page),
        note,
    };
    let l = &sheet.layout;
    let (w, h) = (l.width_mm, l.height_mm);
    let doc = Document::new()
        .set("xmlns", "http://www.w3.org/2000/svg")
        .set("width", format!("{w}mm"))
        .set("height", format!("{h}mm"))
        .set("viewBox", (0, 0, w, h))
        .add(defs())
        .add(
            Rectangle::new()
                .set("width", w)
                .set("height", h)
                .set("fill", "#ffffff"),
        );
    let [title, subtitle] = sheet.title_block();
    let (bands, labels) = sheet.row_labels();
    let (arrows, items) = sheet.row_items();
    doc.add(title)
        .add(subtitle)
        .add(bands)
        .add(labels)
        .add(sheet.month_axis())
        .add(sheet.chart_lines())
        .add(arrows)
        .add(items)
        .add(legend(
            l.margin_mm,
            h - l.margin_mm - l.legend_h_mm + 4.0,
            w - 2.0 * l.margin_mm,
        ))
        .to_string()
}

/// The plan and its layout: each method draws one area of the page.
struct Sheet<'a> {
    input: &'a AppendixInput<'a>,
    layout: Layout,
    /// Said after the status line, e.g. which page of several this is.
    note: Option<&'a str>,
}

/// Labels on the axis' second line, each kept only where it overlaps none placed before it.
struct AxisLabels {
    y_mm: f64,
    /// Labels may run this far right.
    right_mm: f64,
    /// Spans already taken.
    taken: Vec<(f64, f64)>,
}

impl AxisLabels {
    const SIZE_MM: f64 = 2.4;

    fn add(&mut self, g: Group, x: f64, t: String, colour: &str) -> Group {
        let half = text_width(&t, Self::SIZE_MM) / 2.0 + 0.6;
        if self
            .taken
            .iter()
            .any(|&(a, b)| x - half < b && x + half > a)
            || x + half > self.right_mm
        {
            return g;
        }
        self.taken.push((x - half, x + half));
        g.add(
            text(x, self.y_mm, Self::SIZE_MM, t)
                .set("text-anchor", "middle")
                .set("fill", colour.to_owned()),
        )
    }
}

/// The dash pattern of a chart line, `None` for a solid line.
fn dash_array(line: ChartLine, approximate: bool) -> Option<&'static str> {
    if !line.dashed(approximate) {
        return None;
    }
    Some(match line {
        ChartLine::ReleaseCutoff => "2,1",
        ChartLine::Meeting(MeetingKind::Panel) => "1.6,0.8",
        ChartLine::Meeting(MeetingKind::WorkingGroup) => "1.2,1",
        ChartLine::Meeting(_) | ChartLine::StatusDate => "0.4,0.8",
    })
}

/// The corners of a diamond around (`cx`, `cy`), as SVG points.
fn diamond_points(cx: f64, cy: f64, rad: f64) -> String {
    format!(
        "{},{} {},{} {},{} {},{}",
        mm(cx),
        mm(cy - rad),
        mm(cx + rad),
        mm(cy),
        mm(cx),
        mm(cy + rad),
        mm(cx - rad),
        mm(cy)
    )
}

impl Sheet<'_> {
    /// Title and status line.
    fn title_block(&self) -> [Text; 2] {
        let meta = &self.input.plan.meta;
        let margin = self.layout.margin_mm;
        let title = format!("Appendix A: {}", meta.title);
        let mut sub = format!("Status as of {}", format_date(meta.status_date));
        if !meta.paper_ref.is_empty() {
            sub = format!("{} · {sub}", meta.paper_ref);
        }
        if let Some(note) = self.note {
            sub = format!("{sub} · {note}");
        }
        [
            text(margin, margin + 5.0, 6.0, title).set("font-weight", "bold"),
            text(margin, margin + 11.0, 3.6, sub).set("fill", "#444444"),
        ]
    }

    /// Row bands (alternate shading, group marks, on-hold hatching) and the label column.
    fn row_labels(&self) -> (Group, Group) {
        let AppendixInput {
            plan,
            warnings,
            rows,
            ..
        } = *self.input;
        let l = &self.layout;
        let (margin, label_size) = (l.margin_mm, l.label_size_mm);
        let band = |x: f64, y: f64, width: f64| {
            Rectangle::new()
                .set("x", mm(x))
                .set("y", mm(y))
                .set("width", width)
                .set("height", mm(l.row_h_mm))
        };
        let mut bands = Group::new();
        let mut labels = Group::new();
        for (r, &mi) in rows.iter().enumerate() {
            let m = &plan.modifications[mi];
            let y = l.row_y(r);
            if r % 2 == 1 {
                bands = bands
                    .add(band(margin, y, mm(l.chart_right_mm - margin)).set("fill", "#f3f3f3"));
            }
            if m.group.is_some() {
                bands = bands.add(band(margin, y, 1.2).set("fill", hex(palette::GREEN)));
            }
            if m.status == Status::OnHold {
                bands = bands.add(
                    band(l.chart_left_mm, y, mm(l.chart_right_mm - l.chart_left_mm))
                        .set("fill", "url(#hatch)"),
                );
            }
            let baseline = y + l.row_h_mm / 2.0 + label_size * 0.35;
            labels = labels.add(
                text(margin + 2.0, baseline, label_size, m.id.clone()).set("font-weight", "bold"),
            );
            // Bold digits run wider than the estimate for light text.
            let title_x = margin + 2.0 + text_width(&m.id, label_size) * 1.2 + label_size * 0.8;
            let warn = warnings.iter().filter(|x| x.index == mi).count();
            let room = l.chart_left_mm - title_x - 2.0 - if warn > 0 { 5.0 } else { 0.0 };
            if let Some(t) = shorten(&m.title, label_size, room) {
                labels = labels.add(text(title_x, baseline, label_size, t).set("fill", "#444444"));
            }
            if warn > 0 {
                labels = labels.add(
                    text(
                        l.chart_left_mm - 2.0,
                        baseline,
                        label_size,
                        format!("⚠{warn}"),
                    )
                    .set("text-anchor", "end")
                    .set("fill", hex(palette::WARNING)),
                );
            }
        }
        (bands, labels)
    }

    /// Month lines down the chart, month names along the top, and the axis line.
    fn month_axis(&self) -> Group {
        let l = &self.layout;
        let mut axis = Group::new();
        let month_w = (l.chart_right_mm - l.chart_left_mm) / ((l.end_day - l.first_day) / 30.4);
        let mut d = l.first;
        while d <= l.last {
            let Some(next) = crate::model::next_month_start(d) else {
                break;
            };
            let (xa, xb) = (l.x_of(d), l.x_of(next));
            axis = axis.add(
                Line::new()
                    .set("x1", mm(xa))
                    .set("y1", mm(l.axis_top_mm))
                    .set("x2", mm(xa))
                    .set("y2", mm(l.rows_bottom_mm))
                    .set("stroke", if d.month() == 1 { "#999999" } else { "#d0d0d0" })
                    .set("stroke-width", 0.2),
            );
            if month_w >= 5.0 {
                axis = axis.add(
                    text(
                        (xa + xb) / 2.0,
                        l.axis_top_mm + 4.0,
                        3.0,
                        month_label(d, month_w),
                    )
                    .set("text-anchor", "middle"),
                );
            }
            d = next;
        }
        axis.add(
            Line::new()
                .set("x1", mm(l.chart_left_mm))
                .set("y1", mm(l.rows_top_mm))
                .set("x2", mm(l.chart_right_mm))
                .set("y2", mm(l.rows_top_mm))
                .set("stroke", "#999999")
                .set("stroke-width", 0.25),
        )
    }

    /// The status date, release cut-offs and meetings: lines down the chart with labels on the axis' second line.
    /// Labels claim space in that order (Panels before other meetings), so a crowded axis keeps the important ones.
    fn chart_lines(&self) -> Group {
        let AppendixInput { plan, schedule, .. } = *self.input;
        let l = &self.layout;
        let line = |x: f64, kind: ChartLine, width: f64, approximate: bool| {
            let dash = dash_array(kind, approximate);
            vline(
                x,
                l.rows_top_mm,
                l.rows_bottom_mm,
                &hex(kind.colour()),
                width,
                dash,
            )
        };
        let mut labels = AxisLabels {
            y_mm: l.axis_top_mm + 9.5,
            right_mm: l.chart_right_mm + 5.0,
            taken: Vec::new(),
        };
        let mut lines = Group::new();
        let status_x = l.x_mid(plan.meta.status_date);
        lines = lines.add(line(status_x, ChartLine::StatusDate, 0.5, false));
        lines = labels.add(
            lines,
            status_x,
            format!("Status {}", plan.meta.status_date.strftime("%-d %b")),
            &hex(ChartLine::StatusDate.colour()),
        );
        for rel in &plan.releases {
            if let Some(cut) = schedule.by_id(&rel.cutoff_meeting)
                && l.shows(cut.date)
            {
                let x = l.x_after(cut.date) + 0.4;
                lines = lines.add(line(x, ChartLine::ReleaseCutoff, 0.6, false));
                let colour = hex(ChartLine::ReleaseCutoff.colour());
                lines = labels.add(lines, x, rel.cutoff_label(), &colour);
            }
        }
        let mut ordered: Vec<_> = schedule
            .meetings
            .iter()
            .filter(|m| l.shows(m.date))
            .collect();
        ordered.sort_by_key(|m| (m.kind != MeetingKind::Panel, m.date));
        for m in ordered {
            let x = l.x_mid(m.date);
            let width = if m.kind == MeetingKind::Panel {
                0.35
            } else {
                0.25
            };
            let kind = ChartLine::Meeting(m.kind);
            lines = lines.add(line(x, kind, width, m.approximate).set("opacity", 0.7));
            lines = labels.add(lines, x, m.axis_label(), &hex(kind.colour()));
        }
        lines
    }
}

/// The month's name on the axis, as long as `month_w` (mm) allows.
fn month_label(d: Date, month_w: f64) -> String {
    let format = if month_w >= 22.0 {
        "%B %Y"
    } else if month_w >= 10.0 {
        "%b %y"
    } else {
        "%b"
    };
    d.strftime(format).to_string()
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

/// The shared legend ([`crate::legend`]) in one or two rows, then its footnote.
fn legend(x: f64, y: f64, width: f64) -> Group {
    let mut g = Group::new();
    let size = 2.6;
    let mut cx = x;
    let mut cy = y;
    let mut next = |w: f64| {
        if cx + w > x + width {
            cx = x;
            cy += 5.0;
        }
        let at = (cx, cy);
        cx += w;
        at
    };
    for entry in legend::entries() {
        let colour = hex(entry.colour);
        let text_at = match entry.swatch {
            Swatch::Bar => {
                let (lx, ly) = next(6.0 + text_width(entry.text, size) + 3.0);
                g = g.add(
                    Rectangle::new()
                        .set("x", mm(lx))
                        .set("y", mm(ly - 2.2))
                        .set("width", 5)
                        .set("height", 2.6)
                        .set("rx", 0.5)
                        .set("fill", colour),
                );
                (lx + 6.0, ly)
            }
            Swatch::Diamond => {
                let (lx, ly) = next(4.5 + text_width(entry.text, size) + 3.0);
                let points = diamond_points(lx + 1.5, ly - 0.9, 1.4);
                g = g.add(Polygon::new().set("points", points).set("fill", colour));
                (lx + 4.5, ly)
            }
            Swatch::Actual => {
                let (lx, ly) = next(6.0 + text_width(entry.text, size) + 3.0);
                g = g
                    .add(
                        Polygon::new()
                            .set("points", diamond_points(lx + 0.8, ly - 0.9, 0.8))
                            .set("fill", "#c8c8c8"),
                    )
                    .add(
                        Line::new()
                            .set("x1", mm(lx + 0.8))
                            .set("y1", mm(ly - 0.9))
                            .set("x2", mm(lx + 4.2))
                            .set("y2", mm(ly - 0.9))
                            .set("stroke", colour.clone())
                            .set("stroke-width", 0.35),
                    )
                    .add(
                        Polygon::new()
                            .set("points", diamond_points(lx + 4.2, ly - 0.9, 0.8))
                            .set("fill", colour),
                    );
                (lx + 6.0, ly)
            }
            Swatch::Line(line) => {
                let (lx, ly) = next(6.0 + text_width(entry.text, size) + 3.0);
                let mut l = Line::new()
                    .set("x1", mm(lx))
                    .set("y1", mm(ly - 0.9))
                    .set("x2", mm(lx + 5.0))
                    .set("y2", mm(ly - 0.9))
                    .set("stroke", colour)
                    .set("stroke-width", 0.5);
                if let Some(d) = dash_array(line, false) {
                    l = l.set("stroke-dasharray", d);
                }
                g = g.add(l);
                (lx + 6.0, ly)
            }
        };
        g = g.add(text(text_at.0, text_at.1, size, entry.text));
    }
    let (lx, ly) = next(text_width(legend::FOOTNOTE, size));
    g.add(text(lx, ly, size, legend::FOOTNOTE).set("fill", "#555555"))
}

/// usvg options that find the app's own fonts (Ubuntu Light, Noto Emoji) and no system font, so the drawing is the
/// same on every machine.
fn app_font_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
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
    options
}

/// Rasterises an appendix SVG to a PNG of `width_px` × `height_px`, using the app's own font (no system fonts, so
/// the result is the same on every machine).
pub fn svg_to_png(svg_text: &str, width_px: u32, height_px: u32) -> Result<Vec<u8>, RasterError> {
    use resvg::{tiny_skia, usvg};
    if width_px == 0 || height_px == 0 || (width_px as u64) * (height_px as u64) > 200_000_000 {
        return Err(RasterError::Size(width_px, height_px));
    }
    let options = app_font_options();
    let tree =
        usvg::Tree::from_str(svg_text, &options).map_err(|e| RasterError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(width_px, height_px)
        .ok_or(RasterError::Size(width_px, height_px))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width_px as f32 / size.width(),
        height_px as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| RasterError::Png(e.to_string()))
}
