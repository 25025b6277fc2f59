//! One way to export: Appendix A (SVG, PNG), the timetable (CSV, Markdown), the section 3 draft or the meetings as a
//! calendar, rendered to bytes and written atomically. The app's File > Export and `sec-timetable export` both come here.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::appendix::{
    AppendixInput, Page, PaperSize, PdfError, RasterError, appendix_pdf, appendix_svg,
    portable_svg, svg_to_png,
};
use super::export_text::{section3_markdown, timetable_csv, timetable_markdown, timetable_rows};
use super::ics::meetings_ics;
use super::plan_file::{SaveError, write_atomically};
use crate::model::layout::row_order;
use crate::model::{Plan, Schedule, Warning};

/// Something that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum ExportKind {
    /// Appendix A as SVG.
    AppendixSvg,
    /// Appendix A as PNG.
    AppendixPng,
    /// Appendix A as PDF: vector, text selectable, as many pages as its rows need.
    AppendixPdf,
    /// The timetable as CSV.
    TimetableCsv,
    /// The timetable as a Markdown table.
    TimetableMarkdown,
    /// A draft of the paper's section 3, as Markdown.
    Section3,
    /// Every meeting and its agenda and papers deadlines, as an iCalendar file.
    Calendar,
}

/// The UTF-8 byte-order mark the CSV starts with: without it Excel reads the file in the local code page, and "£"
/// arrives as "Â£".
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl ExportKind {
    /// Menu text.
    pub fn text(self) -> &'static str {
        match self {
            ExportKind::AppendixSvg => "Appendix A as SVG…",
            ExportKind::AppendixPng => "Appendix A as PNG…",
            ExportKind::AppendixPdf => "Appendix A as PDF…",
            ExportKind::TimetableCsv => "Timetable as CSV…",
            ExportKind::TimetableMarkdown => "Timetable as Markdown…",
            ExportKind::Section3 => "Section 3 draft (Markdown)…",
            ExportKind::Calendar => "Meetings as a calendar (iCalendar)…",
        }
    }

    /// What it is, for messages: "Appendix A (SVG)".
    pub fn description(self) -> &'static str {
        match self {
            ExportKind::AppendixSvg => "Appendix A (SVG)",
            ExportKind::AppendixPng => "Appendix A (PNG)",
            ExportKind::AppendixPdf => "Appendix A (PDF)",
            ExportKind::TimetableCsv => "the timetable (CSV)",
            ExportKind::TimetableMarkdown => "the timetable (Markdown)",
            ExportKind::Section3 => "the section 3 draft (Markdown)",
            ExportKind::Calendar => "the meetings calendar (iCalendar)",
        }
    }

    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::AppendixSvg => "svg",
            ExportKind::AppendixPng => "png",
            ExportKind::AppendixPdf => "pdf",
            ExportKind::TimetableCsv => "csv",
            ExportKind::TimetableMarkdown | ExportKind::Section3 => "md",
            ExportKind::Calendar => "ics",
        }
    }

    /// Suggested file name for a plan called `stem`.
    pub fn file_name(self, stem: &str) -> String {
        let suffix = match self {
            ExportKind::AppendixSvg | ExportKind::AppendixPng | ExportKind::AppendixPdf => {
                "appendix_a"
            }
            ExportKind::TimetableCsv | ExportKind::TimetableMarkdown => "timetable",
            ExportKind::Section3 => "section_3",
            ExportKind::Calendar => "meetings",
        };
        format!("{stem}_{suffix}.{}", self.extension())
    }
}

/// How Appendix A is laid out and rasterised; the other kinds ignore these.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportSettings {
    /// Paper size.
    pub paper: PaperSize,
    /// Portrait instead of landscape.
    pub portrait: bool,
    /// Resolution of the PNG, in dots per inch.
    pub dpi: f64,
}

impl Default for ExportSettings {
    /// A4 landscape, 150 dpi.
    fn default() -> Self {
        ExportSettings {
            paper: PaperSize::A4,
            portrait: false,
            dpi: 150.0,
        }
    }
}

impl ExportSettings {
    /// The page the appendix is laid out on.
    pub fn page(&self) -> Page {
        Page::paper(self.paper, self.portrait)
    }
}

/// What an export is made from: the plan and what was derived from it.
#[derive(Debug, Clone, Copy)]
pub struct ExportInput<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its meetings.
    pub schedule: &'a Schedule,
    /// Its warnings.
    pub warnings: &'a [Warning],
}

/// Why an export failed; the message says what could not be made or written, and where.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The appendix's text could not be outlined for the SVG.
    #[error("cannot make Appendix A (SVG): {0}")]
    Svg(#[source] RasterError),
    /// The appendix could not be made as PDF.
    #[error("cannot make Appendix A (PDF): {0}")]
    Pdf(#[source] PdfError),
    /// The appendix could not be rasterised to PNG.
    #[error("cannot make Appendix A (PNG): {0}")]
    Png(#[source] RasterError),
    /// The timetable could not be written as CSV.
    #[error("cannot make the timetable (CSV): {0}")]
    Csv(#[source] csv::Error),
    /// The file could not be written; any previous file there is untouched.
    #[error("cannot write {} to {}: {source}", kind.description(), path.display())]
    Write {
        /// What was being written.
        kind: ExportKind,
        /// Where.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Standard output refused the bytes (the command line's `-`).
    #[error("cannot write {} to standard output: {source}", kind.description())]
    Stdout {
        /// What was being written.
        kind: ExportKind,
        /// The OS error.
        source: std::io::Error,
    },
}

/// `kind` made from `input`, as the bytes of its file.
pub fn render(
    kind: ExportKind,
    input: &ExportInput<'_>,
    settings: &ExportSettings,
) -> Result<Vec<u8>, ExportError> {
    let ExportInput {
        plan,
        schedule,
        warnings,
    } = *input;
    Ok(match kind {
        ExportKind::AppendixSvg | ExportKind::AppendixPng | ExportKind::AppendixPdf => {
            // Closed modifications leave the paper.
            let mut rows = row_order(plan);
            rows.retain(|&i| !plan.modifications[i].status.is_closed());
            let appendix = AppendixInput {
                plan,
                schedule,
                warnings,
                rows: &rows,
            };
            let page = settings.page();
            if kind == ExportKind::AppendixPdf {
                return appendix_pdf(&appendix, page).map_err(ExportError::Pdf);
            }
            let svg = appendix_svg(&appendix, page);
            if kind == ExportKind::AppendixSvg {
                portable_svg(&svg).map_err(ExportError::Svg)?.into_bytes()
            } else {
                let (w, h) = page.pixels(settings.dpi);
                svg_to_png(&svg, w, h).map_err(ExportError::Png)?
            }
        }
        ExportKind::TimetableCsv => {
            let csv = timetable_csv(&timetable_rows(plan, warnings)).map_err(ExportError::Csv)?;
            [UTF8_BOM, csv.as_bytes()].concat()
        }
        ExportKind::TimetableMarkdown => {
            timetable_markdown(plan, &timetable_rows(plan, warnings)).into_bytes()
        }
        ExportKind::Section3 => section3_markdown(plan, schedule, warnings).into_bytes(),
        ExportKind::Calendar => meetings_ics(plan, schedule).into_bytes(),
    })
}

/// Renders `kind` and writes it to `path` atomically ([`write_atomically`]): on failure the previous file, if any,
/// is untouched.
pub fn export_to_path(
    kind: ExportKind,
    input: &ExportInput<'_>,
    settings: &ExportSettings,
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = render(kind, input, settings)?;
    write_atomically(path, &bytes).map_err(|e| match e {
        SaveError::Write { path, source } => ExportError::Write { kind, path, source },
        // Only saving a plan serialises; keep the message should that ever change.
        SaveError::Serialize(message) => ExportError::Write {
            kind,
            path: path.to_owned(),
            source: std::io::Error::other(message),
        },
    })
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;
    use crate::model::validate;

    fn bundled() -> (Plan, Schedule, Vec<Warning>) {
        let plan = crate::io::bundled_plan();
        let schedule = Schedule::build(&plan);
        let warnings = validate(&plan, &schedule);
        (plan, schedule, warnings)
    }

    #[test]
    fn kinds_are_in_menu_order_with_names_and_extensions() {
        let kinds: Vec<_> = ExportKind::iter().collect();
        assert_eq!(
            kinds,
            [
                ExportKind::AppendixSvg,
                ExportKind::AppendixPng,
                ExportKind::AppendixPdf,
                ExportKind::TimetableCsv,
                ExportKind::TimetableMarkdown,
                ExportKind::Section3,
                ExportKind::Calendar,
            ]
        );
        let names: Vec<_> = kinds.iter().map(|k| k.file_name("plan")).collect();
        assert_eq!(
            names,
            [
                "plan_appendix_a.svg",
                "plan_appendix_a.png",
                "plan_appendix_a.pdf",
                "plan_timetable.csv",
                "plan_timetable.md",
                "plan_section_3.md",
                "plan_meetings.ics",
            ]
        );
        assert!(kinds.iter().all(|k| k.text().ends_with('…')));
    }

    #[test]
    fn default_settings_are_a4_landscape_at_150_dpi() {
        let settings = ExportSettings::default();
        assert_eq!(settings.page(), Page::paper(PaperSize::A4, false));
        assert_eq!(settings.page().pixels(settings.dpi), (1754, 1240));
    }

    #[test]
    fn every_kind_renders_in_its_format() {
        let (plan, schedule, warnings) = bundled();
        let input = ExportInput {
            plan: &plan,
            schedule: &schedule,
            warnings: &warnings,
        };
        let settings = ExportSettings {
            dpi: 30.0,
            ..ExportSettings::default()
        };
        let text = |kind| String::from_utf8(render(kind, &input, &settings).unwrap()).unwrap();
        assert!(text(ExportKind::AppendixSvg).starts_with("<svg"));
        assert!(text(ExportKind::TimetableCsv).starts_with("\u{feff}id,title,status"));
        assert!(text(ExportKind::TimetableMarkdown).contains("| SECMP0067 |"));
        assert!(text(ExportKind::Section3).contains("### SECMP0067"));
        assert!(text(ExportKind::Calendar).starts_with("BEGIN:VCALENDAR\r\n"));
        let png = render(ExportKind::AppendixPng, &input, &settings).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        let pdf = render(ExportKind::AppendixPdf, &input, &settings).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn svg_and_png_follow_the_settings() {
        let (plan, schedule, warnings) = bundled();
        let input = ExportInput {
            plan: &plan,
            schedule: &schedule,
            warnings: &warnings,
        };
        let settings = ExportSettings {
            paper: PaperSize::A3,
            portrait: true,
            dpi: 20.0,
        };
        let svg =
            String::from_utf8(render(ExportKind::AppendixSvg, &input, &settings).unwrap()).unwrap();
        assert!(svg.contains(r#"width="297mm""#) && svg.contains(r#"height="420mm""#));
        let png = render(ExportKind::AppendixPng, &input, &settings).unwrap();
        let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!(
            (image.width(), image.height()),
            settings.page().pixels(20.0)
        );
    }

    #[test]
    fn export_to_path_writes_the_rendered_bytes() {
        let (plan, schedule, warnings) = bundled();
        let input = ExportInput {
            plan: &plan,
            schedule: &schedule,
            warnings: &warnings,
        };
        let settings = ExportSettings::default();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.md");
        export_to_path(ExportKind::TimetableMarkdown, &input, &settings, &path).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            render(ExportKind::TimetableMarkdown, &input, &settings).unwrap()
        );
    }

    #[test]
    fn a_failed_write_names_the_export_and_the_path() {
        let (plan, schedule, warnings) = bundled();
        let input = ExportInput {
            plan: &plan,
            schedule: &schedule,
            warnings: &warnings,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("t.csv");
        let err = export_to_path(
            ExportKind::TimetableCsv,
            &input,
            &ExportSettings::default(),
            &path,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ExportError::Write {
                kind: ExportKind::TimetableCsv,
                ..
            }
        ));
        let message = err.to_string();
        assert!(
            message.starts_with(&format!(
                "cannot write the timetable (CSV) to {}: ",
                path.display()
            )),
            "{message}"
        );
        assert!(message.contains("does not exist"), "{message}");
    }

    #[test]
    fn an_impossible_png_says_so() {
        let (plan, schedule, warnings) = bundled();
        let input = ExportInput {
            plan: &plan,
            schedule: &schedule,
            warnings: &warnings,
        };
        let settings = ExportSettings {
            paper: PaperSize::A3,
            portrait: false,
            dpi: 100_000.0,
        };
        let err = render(ExportKind::AppendixPng, &input, &settings).unwrap_err();
        assert!(matches!(err, ExportError::Png(RasterError::Size(..))));
        assert!(
            err.to_string()
                .starts_with("cannot make Appendix A (PNG): ")
        );
    }
}
