//! Appendix A as PDF: vector, with the app's font embedded so the text can be selected and searched. A plan whose
//! rows would be squeezed below [`MIN_ROW_H_MM`] flows onto further pages, each a whole sheet (title block, month
//! axis, meeting lines and legend); pages listing every work package's full name follow the chart.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};
use svg::Document;
use svg::node::element::Rectangle;
use svg2pdf::usvg;
use thiserror::Error;

use super::layout::Layout;
use super::{AppendixInput, Page, sheet_svg, text};
use crate::model::format_date;

/// The lowest row the PDF draws: labels are then 2.5 mm (about 7 pt), still readable on paper. More rows than fit
/// at this height go onto another page.
pub const MIN_ROW_H_MM: f64 = 5.0;

/// Why the PDF could not be made (a bug: the appendix's SVG is always well formed).
#[derive(Debug, Error)]
pub enum PdfError {
    /// A page's SVG could not be read back.
    #[error("cannot read back page {page}'s drawing: {message}")]
    Svg {
        /// Which page, from 1.
        page: usize,
        /// The parser's message.
        message: String,
    },
    /// A page could not be converted to PDF.
    #[error("cannot convert page {page} to PDF: {message}")]
    Convert {
        /// Which page, from 1.
        page: usize,
        /// The converter's message.
        message: String,
    },
}

/// How many rows one sheet of `page` holds at [`MIN_ROW_H_MM`] or more (at least one).
pub fn rows_per_sheet(page: Page) -> usize {
    ((Layout::rows_area_mm(page) / MIN_ROW_H_MM).floor() as usize).max(1)
}

/// Appendix A as a PDF on pages of `page`: the chart over as many sheets as its rows need, then the key.
pub fn appendix_pdf(input: &AppendixInput<'_>, page: Page) -> Result<Vec<u8>, PdfError> {
    let per_sheet = rows_per_sheet(page);
    let chunks: Vec<&[usize]> = if input.rows.is_empty() {
        vec![&[]]
    } else {
        input.rows.chunks(per_sheet).collect()
    };
    let mut svgs = Vec::new();
    for (k, rows) in chunks.iter().enumerate() {
        let sheet = AppendixInput { rows, ..*input };
        let note = (chunks.len() > 1).then(|| format!("page {} of {}", k + 1, chunks.len()));
        svgs.push(sheet_svg(&sheet, page, note.as_deref()));
    }
    svgs.extend(key_pages(input, page));
    pages_to_pdf(&svgs, page)
}

/// Pages listing every modification and its work packages in full, for the names the bars had to shorten.
fn key_pages(input: &AppendixInput<'_>, page: Page) -> Vec<String> {
    const MARGIN_MM: f64 = 10.0;
    const LINE_MM: f64 = 4.6;
    let mut lines: Vec<(bool, String)> = Vec::new();
    for &mi in input.rows {
        let m = &input.plan.modifications[mi];
        lines.push((true, format!("{}  {}", m.id, m.title)));
        for wp in &m.work_packages {
            let dates = format!("{} – {}", format_date(wp.start), format_date(wp.end));
            lines.push((false, format!("{} ({dates})", wp.name)));
        }
    }
    let per_page = (((page.height_mm - 2.0 * MARGIN_MM - 14.0) / LINE_MM).floor() as usize).max(1);
    let title = format!("Appendix A: {} — work packages", input.plan.meta.title);
    lines
        .chunks(per_page)
        .map(|page_lines| {
            let mut doc = Document::new()
                .set("xmlns", "http://www.w3.org/2000/svg")
                .set("width", format!("{}mm", page.width_mm))
                .set("height", format!("{}mm", page.height_mm))
                .set("viewBox", (0, 0, page.width_mm, page.height_mm))
                .add(
                    Rectangle::new()
                        .set("width", page.width_mm)
                        .set("height", page.height_mm)
                        .set("fill", "#ffffff"),
                )
                .add(
                    text(MARGIN_MM, MARGIN_MM + 5.0, 5.0, title.clone()).set("font-weight", "bold"),
                );
            for (i, (heading, line)) in page_lines.iter().enumerate() {
                let y = MARGIN_MM + 14.0 + i as f64 * LINE_MM;
                let t = if *heading {
                    text(MARGIN_MM, y, 3.2, line.clone()).set("font-weight", "bold")
                } else {
                    text(MARGIN_MM + 6.0, y, 3.0, line.clone()).set("fill", "#333333")
                };
                doc = doc.add(t);
            }
            doc.to_string()
        })
        .collect()
}

/// Millimetres to PDF points.
fn pt(mm: f64) -> f32 {
    (mm / 25.4 * 72.0) as f32
}

/// One PDF page per SVG, each drawn as a form XObject filling the page.
fn pages_to_pdf(svgs: &[String], page: Page) -> Result<Vec<u8>, PdfError> {
    let mut options = usvg::Options::default();
    let db = options.fontdb_mut();
    db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    db.load_font_data(epaint_default_fonts::NOTO_EMOJI_REGULAR.to_vec());
    let family = options
        .fontdb
        .faces()
        .next()
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_else(|| "Ubuntu".into());
    options.fontdb_mut().set_sans_serif_family(family.clone());
    options.font_family = family;

    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let tree_id = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::new();
    let (w_pt, h_pt) = (pt(page.width_mm), pt(page.height_mm));
    for (k, svg_text) in svgs.iter().enumerate() {
        let tree = usvg::Tree::from_str(svg_text, &options).map_err(|e| PdfError::Svg {
            page: k + 1,
            message: e.to_string(),
        })?;
        let (chunk, svg_id) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| PdfError::Convert {
                page: k + 1,
                message: e.to_string(),
            })?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let svg_id = map.get(&svg_id).copied().unwrap_or(svg_id);
        let (page_id, content_id) = (alloc.bump(), alloc.bump());
        page_ids.push(page_id);
        let name = Name(b"S1");
        let mut pdf_page = pdf.page(page_id);
        pdf_page.media_box(Rect::new(0.0, 0.0, w_pt, h_pt));
        pdf_page.parent(tree_id);
        pdf_page.contents(content_id);
        pdf_page.resources().x_objects().pair(name, svg_id);
        pdf_page.finish();
        let mut content = Content::new();
        content
            .transform([w_pt, 0.0, 0.0, h_pt, 0.0, 0.0])
            .x_object(name);
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
    }
    pdf.catalog(catalog_id).pages(tree_id);
    let count = page_ids.len() as i32;
    pdf.pages(tree_id).kids(page_ids).count(count);
    Ok(pdf.finish())
}
