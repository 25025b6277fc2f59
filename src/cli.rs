//! Command line: `sec-timetable [PLAN]` opens the app; subcommands work headless.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use strum::IntoEnumIterator;

use crate::io::appendix::PaperSize;
use crate::io::diff_report::{PaperName, changes_json, changes_markdown, changes_text};
use crate::io::export::{
    ExportError, ExportInput, ExportKind, ExportSettings, export_to_path, render,
};
use crate::io::export_text::agenda_text;
use crate::io::json_report::report_json;
use crate::io::plan_file::write_atomically;
use crate::io::{load_plan, plan_to_string};
use crate::model::agenda::agendas;
use crate::model::chain::Item;
use crate::model::compare::{Older, compare};
use crate::model::progress::since_last_paper;
use crate::model::roll::{NextPaper, rolled};
use crate::model::{Schedule, format_date, validate};

/// Exit code for a file that cannot be loaded, or a command that failed. (Wrong usage exits 2, from clap.)
pub const EXIT_LOAD_ERROR: i32 = 1;

/// `writeln!` to the command's output or error stream, ignoring failure: a closed stream (`… | head`) changes
/// neither what the command did nor its exit code.
macro_rules! say {
    ($stream:expr, $($arg:tt)*) => {
        writeln!($stream, $($arg)*).ok()
    };
}

/// SEC Timetable: plan and present SEC Modification Proposal timetables.
#[derive(Debug, Parser)]
#[command(
    name = "sec-timetable",
    version,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Plan file to open in the app (default: the last file, or the bundled Panel plan).
    pub plan: Option<PathBuf>,
    /// A headless command.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate a plan: exit 0 if valid (warnings are printed), 1 if it cannot be loaded.
    Check {
        /// The plan file.
        plan: PathBuf,
        /// Print one JSON document (plan, meetings, releases, warnings) on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Export Appendix A (SVG, PNG, PDF), the timetable (CSV, Markdown), a draft of section 3 (Markdown) or the
    /// meetings as a calendar (iCalendar). Give one or more outputs; `-` writes a text output to stdout.
    #[command(group(clap::ArgGroup::new("outputs").required(true).multiple(true)))]
    Export {
        /// The plan file.
        plan: PathBuf,
        /// Appendix A as SVG.
        #[arg(long, group = "outputs")]
        svg: Option<PathBuf>,
        /// Appendix A as PNG.
        #[arg(long, group = "outputs")]
        png: Option<PathBuf>,
        /// Appendix A as PDF (vector, text selectable; long plans run onto further pages).
        #[arg(long, group = "outputs")]
        pdf: Option<PathBuf>,
        /// The timetable as CSV, one row per modification.
        #[arg(long, group = "outputs")]
        csv: Option<PathBuf>,
        /// The timetable as a Markdown table.
        #[arg(long, group = "outputs")]
        md: Option<PathBuf>,
        /// A Markdown draft of the paper's section 3, one paragraph per modification.
        #[arg(long, group = "outputs")]
        section3: Option<PathBuf>,
        /// Every meeting, with the agenda and papers deadlines, as an iCalendar file for Outlook.
        #[arg(long, group = "outputs")]
        ics: Option<PathBuf>,
        /// Paper size of the appendix.
        #[arg(long, value_enum, default_value_t = PaperSize::A4)]
        size: PaperSize,
        /// Portrait instead of landscape.
        #[arg(long)]
        portrait: bool,
        /// Resolution of the PNG, in dots per inch.
        #[arg(long, default_value_t = 150.0, value_parser = parse_dpi)]
        dpi: f64,
    },
    /// What is due at each meeting, and why, with agenda and paper deadlines.
    Agenda {
        /// The plan file.
        plan: PathBuf,
        /// Only the meeting(s) on this day (YYYY-MM-DD).
        #[arg(long)]
        meeting: Option<jiff::civil::Date>,
        /// Include meetings before the status date and meetings with nothing due.
        #[arg(long)]
        all: bool,
    },
    /// Start the next paper: keep the current timetable as a baseline (named by its paper reference and status
    /// date), give the plan the new status date (and reference), and write it to OUT atomically. A status date
    /// before the plan's is refused: exit 1, nothing written.
    Roll {
        /// The plan file.
        plan: PathBuf,
        /// The next paper's status date (YYYY-MM-DD), on or after the plan's.
        #[arg(long, value_name = "YYYY-MM-DD")]
        status_date: jiff::civil::Date,
        /// The next paper's reference (default: keep the current one).
        #[arg(long, value_name = "REF")]
        paper_ref: Option<String>,
        /// Where to write the rolled plan (may be PLAN itself).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
    },
    /// What changed from one paper to the next: modifications added, removed, with a new status; Working Group,
    /// Panel return and Modification Report moved (in working days); work packages, dependencies and costs.
    Diff {
        /// The older plan (the last paper).
        old: PathBuf,
        /// The newer plan.
        new: PathBuf,
        /// Print `{"changes": [{"modification", "kind", "from", "to"}]}` on stdout.
        #[arg(long, conflicts_with = "md")]
        json: bool,
        /// Print a Markdown draft of the cover note for the Panel.
        #[arg(long)]
        md: bool,
    },
    /// Test helper: saves two synthetic plans to PATH in turn, forever, so a test can kill it mid-save.
    #[command(name = "__save-loop", hide = true)]
    SaveLoop {
        /// Where to save.
        path: PathBuf,
    },
    /// Rewrite a plan file in canonical form (the form the app saves), like a code formatter.
    Format {
        /// The plan file.
        plan: PathBuf,
        /// Only check: exit 1 if the file is not in canonical form, write nothing.
        #[arg(long)]
        check: bool,
    },
}

/// Runs a headless command; returns the process exit code. Output goes to the given writers.
pub fn run_command(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command {
        Command::Check { plan, json } => check(&plan, json, out, err),
        Command::Format { plan, check } => format(&plan, check, out, err),
        Command::Export {
            plan,
            svg,
            png,
            pdf,
            csv,
            md,
            section3,
            ics,
            size,
            portrait,
            dpi,
        } => {
            let outputs = ExportOutputs {
                svg,
                png,
                pdf,
                csv,
                md,
                section3,
                ics,
            };
            let settings = ExportSettings {
                paper: size,
                portrait,
                dpi,
            };
            export(&plan, &outputs, &settings, out, err)
        }
        Command::Agenda { plan, meeting, all } => agenda(&plan, meeting, all, out, err),
        Command::Roll {
            plan,
            status_date,
            paper_ref,
            output,
        } => {
            let next = NextPaper {
                status_date,
                paper_ref,
            };
            roll(&plan, &next, &output, out, err)
        }
        Command::Diff { old, new, json, md } => {
            let format = match (json, md) {
                (true, _) => DiffFormat::Json,
                (_, true) => DiffFormat::Markdown,
                _ => DiffFormat::Text,
            };
            diff(&old, &new, format, out, err)
        }
        Command::SaveLoop { path } => {
            let plans = [
                crate::synthetic::generate(400, 1),
                crate::synthetic::generate(400, 2),
            ];
            for plan in plans.iter().cycle() {
                if let Err(e) = crate::io::save_plan(plan, &path) {
                    say!(err, "error: {e}");
                    return EXIT_LOAD_ERROR;
                }
            }
            0
        }
    }
}

/// Loads `path`, or writes the error to `err` and gives the exit code for it.
fn load_or_report(path: &Path, err: &mut dyn Write) -> Result<crate::model::Plan, i32> {
    load_plan(path).map_err(|e| {
        say!(err, "error: {e}");
        EXIT_LOAD_ERROR
    })
}

fn parse_dpi(s: &str) -> Result<f64, String> {
    let dpi: f64 = s.parse().map_err(|e| format!("not a number: {s} ({e})"))?;
    if (10.0..=1200.0).contains(&dpi) {
        Ok(dpi)
    } else {
        Err("expected a resolution from 10 to 1200 dpi".into())
    }
}

/// Where each export goes; `-` is standard output.
struct ExportOutputs {
    svg: Option<PathBuf>,
    png: Option<PathBuf>,
    pdf: Option<PathBuf>,
    csv: Option<PathBuf>,
    md: Option<PathBuf>,
    section3: Option<PathBuf>,
    ics: Option<PathBuf>,
}

impl ExportOutputs {
    /// Where `kind` goes, if it was asked for.
    fn target(&self, kind: ExportKind) -> Option<&Path> {
        match kind {
            ExportKind::AppendixSvg => self.svg.as_deref(),
            ExportKind::AppendixPng => self.png.as_deref(),
            ExportKind::AppendixPdf => self.pdf.as_deref(),
            ExportKind::TimetableCsv => self.csv.as_deref(),
            ExportKind::TimetableMarkdown => self.md.as_deref(),
            ExportKind::Section3 => self.section3.as_deref(),
            ExportKind::Calendar => self.ics.as_deref(),
        }
    }
}

/// Writes every output asked for, in menu order; stops at the first failure.
fn export(
    path: &Path,
    outputs: &ExportOutputs,
    settings: &ExportSettings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let plan = match load_or_report(path, err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    let input = ExportInput {
        plan: &plan,
        schedule: &schedule,
        warnings: &warnings,
    };
    for kind in ExportKind::iter() {
        let Some(target) = outputs.target(kind) else {
            continue;
        };
        let result = if target.as_os_str() == "-" {
            render(kind, &input, settings).and_then(|bytes| {
                out.write_all(&bytes)
                    .map_err(|source| ExportError::Stdout { kind, source })
            })
        } else {
            export_to_path(kind, &input, settings, target)
        };
        if let Err(e) = result {
            say!(err, "error: {e}");
            return EXIT_LOAD_ERROR;
        }
    }
    0
}

fn agenda(
    path: &Path,
    meeting: Option<jiff::civil::Date>,
    all: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let plan = match load_or_report(path, err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let schedule = Schedule::build(&plan);
    let status = plan.meta.status_date;
    let entries: Vec<_> = agendas(&plan, &schedule)
        .into_iter()
        .filter(|e| match meeting {
            Some(day) => e.meeting.date == day,
            None => all || (e.meeting.date >= status && !e.items.is_empty()),
        })
        .collect();
    if entries.is_empty() {
        match meeting {
            Some(day) => say!(out, "No meeting on {}.", format_date(day)),
            None => say!(
                out,
                "No meeting from {} has anything due.",
                format_date(status)
            ),
        };
        return 0;
    }
    // As with `say!`, a closed stdout does not change the exit code.
    out.write_all(agenda_text(&plan, &entries).as_bytes()).ok();
    0
}

fn format(path: &Path, check_only: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = load_plan(path).map_err(|e| e.to_string()).and_then(|plan| {
        let text = plan_to_string(&plan).map_err(|e| e.to_string())?;
        let current = std::fs::read(path).map_err(|e| e.to_string())?;
        Ok((text, current))
    });
    match result {
        Err(e) => {
            say!(err, "error: {e}");
            EXIT_LOAD_ERROR
        }
        Ok((text, current)) if text.as_bytes() == current.as_slice() => {
            say!(out, "{}: already canonical", path.display());
            0
        }
        Ok(_) if check_only => {
            say!(
                err,
                "{}: not in canonical form (run `sec-timetable format` on it)",
                path.display()
            );
            EXIT_LOAD_ERROR
        }
        Ok((text, _)) => match write_atomically(path, text.as_bytes()) {
            Ok(()) => {
                say!(out, "{}: rewritten in canonical form", path.display());
                0
            }
            Err(e) => {
                say!(err, "error: {e}");
                EXIT_LOAD_ERROR
            }
        },
    }
}

fn check(path: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let plan = match load_or_report(path, err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let schedule = Schedule::build(&plan);
    let warnings = validate(&plan, &schedule);
    if json {
        say!(out, "{}", report_json(&plan, &schedule, &warnings));
    } else {
        say!(
            out,
            "{}: valid — {} modifications, {} meetings, {} warning{}",
            path.display(),
            plan.modifications.len(),
            schedule.meetings.len(),
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        );
        for w in &warnings {
            say!(
                out,
                "warning[{}] {}: {}",
                w.code.as_str(),
                w.modification,
                w.message
            );
        }
    }
    0
}

/// `roll`: the plan rolled forward to `next`, written to `output`; then the checklist of what fell due since the last
/// paper and is not done.
fn roll(
    path: &Path,
    next: &NextPaper,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let plan = match load_or_report(path, err) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let rolled = match rolled(&plan, next) {
        Ok(p) => p,
        Err(e) => {
            say!(err, "error: {}: {e}; nothing written", path.display());
            return EXIT_LOAD_ERROR;
        }
    };
    if let Err(e) = crate::io::save_plan(&rolled, output) {
        say!(err, "error: {e}");
        return EXIT_LOAD_ERROR;
    }
    let kept = rolled.latest_baseline().map_or("", |b| b.name.as_str());
    say!(
        out,
        "{}: status date {}, paper {}; the timetable of {} kept as baseline “{kept}”",
        output.display(),
        format_date(rolled.meta.status_date),
        if rolled.meta.paper_ref.is_empty() {
            "(no reference)"
        } else {
            &rolled.meta.paper_ref
        },
        format_date(plan.meta.status_date),
    );
    if let Some((from, items)) = since_last_paper(&rolled) {
        let open: Vec<_> = items.iter().filter(|d| !d.done).collect();
        say!(
            out,
            "Since the last paper ({} to {}), {} item{} not marked done:",
            format_date(from),
            format_date(rolled.meta.status_date),
            open.len(),
            if open.len() == 1 { " is" } else { "s are" }
        );
        for d in open {
            let m = &rolled.modifications[d.modification];
            let name = match d.item {
                Item::WorkPackage(w) => format!("work package “{}”", m.work_packages[w].name),
                Item::Milestone(k) => format!("“{}”", m.milestones[k].label),
            };
            say!(out, "  {} {}: {name}", format_date(d.planned), m.id);
        }
    }
    0
}

fn paper_name(p: &crate::model::Plan) -> PaperName<'_> {
    PaperName {
        paper_ref: &p.meta.paper_ref,
        status_date: p.meta.status_date,
    }
}

/// How `diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DiffFormat {
    Text,
    Json,
    Markdown,
}

/// `diff`: the changes from `old` to `new`.
fn diff(
    old: &Path,
    new: &Path,
    format: DiffFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (older, newer) = match (load_or_report(old, err), load_or_report(new, err)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let changes = compare(Older::Plan(&older), &newer);
    let text = match format {
        DiffFormat::Text => changes_text(&changes),
        DiffFormat::Json => format!("{}\n", changes_json(&changes)),
        DiffFormat::Markdown => changes_markdown(paper_name(&older), paper_name(&newer), &changes),
    };
    // As with `say!`, a closed stdout does not change the exit code.
    out.write_all(text.as_bytes()).ok();
    0
}
