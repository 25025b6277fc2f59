//! Plan files: RON format v1. Loading reports `path:line:column: what was expected`; saving is atomic and
//! canonical, so `load → save` of a saved file reproduces it byte for byte.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

pub use super::atomic_save::{write_atomically, write_atomically_with};
use super::locate::locate;
use crate::model::{FORMAT_VERSION, IntegrityError, Plan, chain, check_integrity};

/// Files larger than this are refused before parsing (the 10,000-modification test plan is about 6 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Deepest nesting the parser follows; a plan needs about 8.
const RECURSION_LIMIT: usize = 64;

/// First line of every saved plan.
const HEADER: &str =
    "// SEC Timetable plan (RON, format version 2). See README.md, \"Plan files\".\n";

/// A line and column in a file, both starting at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// An integrity error with the place in the file it was found, when it can be pointed at.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedError {
    /// Where, if known.
    pub location: Option<Location>,
    /// What.
    pub error: IntegrityError,
}

/// Why a plan file could not be loaded. The display form starts with `path:line:column:` where a position applies.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is too large to be a plan.
    #[error("{}: the file is {size} bytes; plans over {max} bytes are refused", path.display(), max = MAX_FILE_BYTES)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// The bytes are not UTF-8 text.
    #[error("{}:{location}: the file is not UTF-8 text (byte 0x{byte:02x}); expected a RON plan file", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the first bad byte is.
        location: Location,
        /// The bad byte.
        byte: u8,
    },
    /// The text is not a well-formed plan: bad syntax, wrong type, unknown field, invalid date.
    #[error("{}:{location}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Where.
        location: Location,
        /// What was expected.
        message: String,
    },
    /// Written by a newer version of the app.
    #[error("{}: plan format version {found} is newer than this app understands (up to {FORMAT_VERSION}); update SEC Timetable to open it", path.display())]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
    /// A version number that never existed.
    #[error("{}: plan format version {found} is not a known version (expected {FORMAT_VERSION})", path.display())]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
    /// Well-formed but inconsistent: every problem, each naming its item.
    #[error("{}", invalid_message(path, errors))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// All problems.
        errors: Vec<LocatedError>,
    },
}

fn invalid_message(path: &Path, errors: &[LocatedError]) -> String {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| match e.location {
            Some(loc) => format!("{}:{loc}: {}", path.display(), e.error),
            None => format!("{}: {}", path.display(), e.error),
        })
        .collect();
    lines.join("\n")
}

impl LoadError {
    /// Where in the file the (first) problem is, if known.
    pub fn location(&self) -> Option<Location> {
        match self {
            LoadError::NotUtf8 { location, .. } | LoadError::Syntax { location, .. } => {
                Some(*location)
            }
            LoadError::Invalid { errors, .. } => errors.iter().find_map(|e| e.location),
            _ => None,
        }
    }
}

/// Why a plan could not be saved. The old file, if any, is untouched.
#[derive(Debug, Error)]
pub enum SaveError {
    /// Turning the plan into RON failed (cannot happen for valid plans).
    #[error("cannot write the plan as RON: {0}")]
    Serialize(String),
    /// The file system refused.
    #[error("{}: cannot save: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

fn ron_options() -> ron::Options {
    let mut options = ron::Options::default();
    options.recursion_limit = Some(RECURSION_LIMIT);
    options
}

/// Character column (1-based) of byte offset `byte` within the line starting at `line_start`.
pub(super) fn location_at_byte(text_prefix: &[u8]) -> Location {
    let line = text_prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = text_prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&text_prefix[line_start..])
        .chars()
        .count()
        + 1;
    Location { line, column }
}

/// The UTF-8 byte-order mark, which Windows Notepad writes at the start of a file.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Parses plan text. `path` is only used in messages. A UTF-8 byte-order mark at the start is skipped (editors do
/// not show it, so positions count from after it); UTF-16 is refused as not UTF-8.
pub fn parse_plan(bytes: &[u8], path: &Path) -> Result<Plan, LoadError> {
    parse_plan_reporting(bytes, path).map(|loaded| loaded.plan)
}

/// A plan as read, with what happened on the way in.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The plan, migrated to the current format and rescheduled.
    pub plan: Plan,
    /// The format version the file had, when it was older than this app's (it is saved as the current one).
    pub migrated_from: Option<u32>,
}

/// [`parse_plan`], also telling whether the file was in an older format.
pub fn parse_plan_reporting(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        LoadError::NotUtf8 {
            path: path.to_owned(),
            location: location_at_byte(&bytes[..at]),
            byte: bytes[at],
        }
    })?;
    let syntax = |e: ron::error::SpannedError| {
        let location = Location {
            line: e.span.start.line,
            column: e.span.start.col,
        };
        // ron reports a file cut short as whatever it expected next; say what happened first.
        let rest = text
            .split_inclusive('\n')
            .skip(location.line.saturating_sub(1))
            .flat_map(str::chars)
            .skip(location.column.saturating_sub(1));
        let at_end = rest.filter(|c| !c.is_whitespace()).take(2).count() <= 1;
        let message = match (&e.code, at_end) {
            (ron::Error::Eof, _) => describe(&e.code),
            (code, true) => format!("{} ({})", describe(&ron::Error::Eof), describe(code)),
            (code, false) => describe(code),
        };
        LoadError::Syntax {
            path: path.to_owned(),
            location,
            message,
        }
    };
    let options = ron_options();

    // Read the version first, so a newer file is refused for what it is rather than for its new fields.
    #[derive(Deserialize)]
    struct VersionProbe {
        version: u32,
    }
    if let Ok(probe) = options.from_str::<VersionProbe>(text) {
        if probe.version > FORMAT_VERSION {
            return Err(LoadError::NewerVersion {
                path: path.to_owned(),
                found: probe.version,
            });
        }
        if probe.version == 0 {
            return Err(LoadError::UnknownVersion {
                path: path.to_owned(),
                found: probe.version,
            });
        }
    }

    let mut plan: Plan = options.from_str(text).map_err(syntax)?;
    let migrated_from = plan.migrate();
    plan.calendar.normalize();
    let errors = check_integrity(&plan);
    if errors.is_empty() {
        // Dates edited by hand in the file propagate along the links, as they would in the app.
        chain::reschedule(&mut plan, &chain::Scope::All);
        Ok(Loaded {
            plan,
            migrated_from,
        })
    } else {
        Err(LoadError::Invalid {
            path: path.to_owned(),
            errors: errors
                .into_iter()
                .map(|error| LocatedError {
                    location: locate(text, &error),
                    error,
                })
                .collect(),
        })
    }
}

/// ron's messages, reworded where they would puzzle a planner.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "unexpected end of file; the plan is cut short (expected more fields or a closing bracket)".into(),
        ron::Error::ExceededRecursionLimit => {
            format!("nesting deeper than {RECURSION_LIMIT} levels; a plan file never nests this deep")
        }
        other => {
            let s = other.to_string();
            // jiff's date errors come through as plain messages.
            if s.contains("failed to parse") || s.contains("invalid") && s.contains("date") {
                format!("invalid date: {s} (expected \"YYYY-MM-DD\", a real day)")
            } else {
                s
            }
        }
    }
}

/// Reads and parses a plan file.
pub fn load_plan(path: &Path) -> Result<Plan, LoadError> {
    load_plan_reporting(path).map(|loaded| loaded.plan)
}

/// [`load_plan`], also telling whether the file was in an older format.
pub fn load_plan_reporting(path: &Path) -> Result<Loaded, LoadError> {
    let read_err = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let size = fs::metadata(path).map_err(read_err)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    let bytes = fs::read(path).map_err(read_err)?;
    parse_plan_reporting(&bytes, path)
}

fn ron_error(e: ron::Error) -> SaveError {
    SaveError::Serialize(e.to_string())
}

/// One value on one line.
fn compact<T: serde::Serialize>(value: &T) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("")
        .indentor("")
        .separator(" ")
        .struct_names(false)
        .separate_tuple_members(false)
        .compact_arrays(true)
        .compact_structs(true)
        .compact_maps(true);
    ron::ser::to_string_pretty(value, config).map_err(ron_error)
}

/// A value over several lines, nested values deeper than `depth` on one line, every line indented by `indent`
/// levels after the first.
fn pretty<T: serde::Serialize>(
    value: &T,
    depth: usize,
    indent: usize,
) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(depth)
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false);
    let text = ron::ser::to_string_pretty(value, config).map_err(ron_error)?;
    let pad = "    ".repeat(indent);
    Ok(text.replace('\n', &format!("\n{pad}")))
}

/// `name: [` then one compact item per line, then `],`.
fn list<T: serde::Serialize>(out: &mut String, name: &str, items: &[T]) -> Result<(), SaveError> {
    out.push_str(&format!("    {name}: [\n"));
    for item in items {
        out.push_str(&format!("        {},\n", compact(item)?));
    }
    out.push_str("    ],\n");
    Ok(())
}

/// The canonical text of a plan: what [`save_plan`] writes. Stable field order; one meeting, release, group, holiday,
/// work package or milestone per line, so that files diff well.
pub fn plan_to_string(plan: &Plan) -> Result<String, SaveError> {
    // Destructured so that a new field cannot be forgotten here.
    let Plan {
        version: _,
        meta,
        calendar,
        meeting_series,
        meetings,
        releases,
        groups,
        modifications,
        baselines,
        legacy_baseline: _,
    } = plan;
    let crate::model::Calendar {
        working_days,
        holidays,
    } = calendar;
    let mut out = String::from(HEADER);
    out.push_str("(\n");
    // Always the current version: an older file is migrated when it is read.
    out.push_str(&format!("    version: {FORMAT_VERSION},\n"));
    out.push_str(&format!("    meta: {},\n", pretty(meta, 1, 1)?));
    out.push_str("    calendar: (\n");
    out.push_str(&format!(
        "        working_days: {},\n",
        compact(working_days)?
    ));
    out.push_str("        holidays: [\n");
    for h in holidays {
        out.push_str(&format!("            {},\n", compact(h)?));
    }
    out.push_str("        ],\n    ),\n");
    list(&mut out, "meeting_series", meeting_series)?;
    list(&mut out, "meetings", meetings)?;
    list(&mut out, "releases", releases)?;
    list(&mut out, "groups", groups)?;
    out.push_str("    modifications: [\n");
    for m in modifications {
        out.push_str(&format!("        {},\n", pretty(m, 2, 2)?));
    }
    out.push_str("    ],\n");
    if !baselines.is_empty() {
        out.push_str("    baselines: [\n");
        for b in baselines {
            out.push_str(&format!("        {},\n", pretty(b, 4, 2)?));
        }
        out.push_str("    ],\n");
    }
    out.push_str(")\n");
    // ron escapes apostrophes, which RON does not require; "Panel's" reads better than "Panel\\'s".
    Ok(out.replace("\\'", "'"))
}

/// Saves `plan` to `path` with a custom write step (see [`write_atomically_with`]).
pub fn save_plan_with(
    plan: &Plan,
    path: &Path,
    write: impl FnOnce(&mut fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let text = plan_to_string(plan)?;
    write_atomically_with(path, text.as_bytes(), write)
}

/// Saves `plan` to `path` atomically in canonical form.
pub fn save_plan(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    let text = plan_to_string(plan)?;
    write_atomically(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;
    use std::io::Write;

    fn sample() -> Plan {
        let mut p = Plan::new_empty(date(2019, 3, 8));
        p.calendar.holidays.truncate(2);
        let mut m = Modification::new("SECMP0007");
        m.title = "Firmware updates to IHDs and PPMIDs".into();
        m.work_packages.push(WorkPackage {
            name: "Review".into(),
            short_name: None,
            start: date(2019, 3, 18),
            start_precision: Precision::Exact,
            end: date(2019, 3, 29),
            end_precision: Precision::Late,
            owner: Owner::Secas,
            notes: String::new(),
            ..Default::default()
        });
        p.modifications.push(m);
        p
    }

    fn parse(text: &str) -> Result<Plan, LoadError> {
        parse_plan(text.as_bytes(), Path::new("plan.ron"))
    }

    #[test]
    fn round_trip_is_byte_stable() {
        let text = plan_to_string(&sample()).unwrap();
        let again = plan_to_string(&parse(&text).unwrap()).unwrap();
        assert_eq!(text, again);
        assert!(text.starts_with("// SEC Timetable plan"));
        // One work package per line.
        assert!(
            text.contains("(name: \"Review\", start: \"2019-03-18\", end: \"2019-03-29\", end_precision: late, owner: secas)"),
            "{text}"
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let text = plan_to_string(&sample()).unwrap();
        let broken = text.replacen("title: \"Untitled plan\",", "title: \"Untitled plan\"", 1);
        let e = parse(&broken).unwrap_err();
        let msg = e.to_string();
        // The comma is missing at the end of line 5; the parser notices at the next field.
        assert!(msg.starts_with("plan.ron:6:9: Expected comma"), "{msg}");
        assert!(matches!(e, LoadError::Syntax { .. }));
    }

    #[test]
    fn unknown_fields_wrong_types_and_bad_dates_are_errors() {
        let text = plan_to_string(&sample()).unwrap();
        let unknown = text.replacen(
            "status: in_refinement,",
            "status: in_refinement, colour: 3,",
            1,
        );
        let msg = parse(&unknown).unwrap_err().to_string();
        assert!(msg.contains("colour"), "{msg}");

        let wrong = text.replacen("version: 2,", "version: \"one\",", 1);
        let msg = parse(&wrong).unwrap_err().to_string();
        assert!(msg.starts_with("plan.ron:3:"), "{msg}");

        let bad_date = text.replacen("\"2019-03-18\"", "\"2019-02-30\"", 1);
        let e = parse(&bad_date).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("invalid date"), "{msg}");
        let line = text.lines().position(|l| l.contains("2019-03-18")).unwrap() + 1;
        assert_eq!(e.location().unwrap().line, line, "{msg}");
    }

    #[test]
    fn truncated_and_binary_files() {
        let text = plan_to_string(&sample()).unwrap();
        let e = parse(&text[..text.len() / 2]).unwrap_err();
        assert!(e.to_string().contains("plan.ron:"), "{e}");
        let e = parse_plan(b"(\n  version: 1,\xff\xfe", Path::new("x.ron")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.ron:2:14: the file is not UTF-8 text (byte 0xff); expected a RON plan file"
        );
    }

    #[test]
    fn a_utf8_byte_order_mark_is_skipped() {
        let text = plan_to_string(&sample()).unwrap();
        let with_bom = [UTF8_BOM, text.as_bytes()].concat();
        let plan = parse_plan(&with_bom, Path::new("notepad.ron")).unwrap();
        assert_eq!(plan, sample());
        // Positions are where the user sees them: line 6, column 9, as without the mark.
        let broken = text.replacen("title: \"Untitled plan\",", "title: \"Untitled plan\"", 1);
        let e =
            parse_plan(&[UTF8_BOM, broken.as_bytes()].concat(), Path::new("p.ron")).unwrap_err();
        assert!(
            e.to_string().starts_with("p.ron:6:9: Expected comma"),
            "{e}"
        );
        // A mark followed by an error on the first line: column 1 is the first character after it.
        let e = parse_plan(b"\xef\xbb\xbfx", Path::new("p.ron")).unwrap_err();
        assert_eq!(e.location(), Some(Location { line: 1, column: 1 }), "{e}");
        let e = parse_plan(b"\xef\xbb\xbf(\xff", Path::new("p.ron")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.ron:1:2: the file is not UTF-8 text (byte 0xff); expected a RON plan file"
        );
    }

    #[test]
    fn utf16_is_refused_as_not_utf8() {
        let text = plan_to_string(&sample()).unwrap();
        for (bom, units, byte) in [
            (
                [0xff, 0xfe],
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<_>>(),
                0xff,
            ),
            (
                [0xfe, 0xff],
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                0xfe,
            ),
        ] {
            let e = parse_plan(&[&bom[..], &units].concat(), Path::new("u.ron")).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "u.ron:1:1: the file is not UTF-8 text (byte 0x{byte:02x}); expected a RON plan file"
                )
            );
        }
    }

    #[test]
    fn versions() {
        let text = plan_to_string(&sample()).unwrap();
        let newer = text.replacen("version: 2,", "version: 3,\n    new_thing: 5,", 1);
        assert!(matches!(
            parse(&newer).unwrap_err(),
            LoadError::NewerVersion { found: 3, .. }
        ));
        let zero = text.replacen("version: 2,", "version: 0,", 1);
        assert!(matches!(
            parse(&zero).unwrap_err(),
            LoadError::UnknownVersion { found: 0, .. }
        ));
    }

    #[test]
    fn semantic_errors_are_all_reported_with_lines() {
        let mut p = sample();
        let mut dup = p.modifications[0].clone();
        dup.dependencies.push(Dependency {
            kind: DependencyKind::OnHoldPending,
            on: "SECMP9999".into(),
            lag_days: 0,
            notes: String::new(),
            ..Default::default()
        });
        p.modifications.push(dup);
        let text = plan_to_string(&p).unwrap();
        let e = parse(&text).unwrap_err();
        let LoadError::Invalid { errors, .. } = &e else {
            panic!("{e}")
        };
        assert_eq!(errors.len(), 2);
        let msg = e.to_string();
        let lines: Vec<_> = msg.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("duplicate modification id \"SECMP0007\""));
        assert!(lines[1].contains("SECMP0007: depends on unknown modification \"SECMP9999\""));
        let second_id_line = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("id: \"SECMP0007\""))
            .nth(1)
            .unwrap()
            .0
            + 1;
        assert!(
            lines[0].starts_with(&format!("plan.ron:{second_id_line}:")),
            "{msg}"
        );
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = parse(&deep).unwrap_err();
        assert!(matches!(e, LoadError::Syntax { .. }), "{e}");
    }

    #[test]
    fn saving_is_atomic_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        save_plan(&sample(), &path).unwrap();
        let first = fs::read_to_string(&path).unwrap();
        let mut p = sample();
        p.meta.title = "Second".into();
        save_plan(&p, &path).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap(),
            first
        );
        assert_eq!(load_plan(&path).unwrap().meta.title, "Second");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_failed_save_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        save_plan(&sample(), &path).unwrap();
        let old = fs::read(&path).unwrap();
        let mut changed = sample();
        changed.meta.title = "Changed".into();
        // The write fails after some of the new bytes are out.
        let e = save_plan_with(&changed, &path, |file, bytes| {
            file.write_all(&bytes[..bytes.len() / 3])?;
            Err(std::io::Error::other("the device went away"))
        })
        .unwrap_err();
        assert!(e.to_string().contains("cannot save"), "{e}");
        assert_eq!(fs::read(&path).unwrap(), old, "the old file is unchanged");
        let temporaries: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert_eq!(
            temporaries,
            Vec::<String>::new(),
            "the temporary is removed"
        );
    }

    #[test]
    fn saving_into_a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("plan.ron");
        let e = save_plan(&sample(), &missing).unwrap_err();
        assert!(e.to_string().contains("cannot save"), "{e}");
        assert!(!dir.path().join("no-such-dir").exists());
    }

    #[test]
    fn format_1_files_migrate_and_say_so() {
        let v2 = plan_to_string(&sample()).unwrap();
        let v1 = v2.replacen("version: 2,", "version: 1,", 1).replacen(
            "\n)\n",
            "\n    baseline: Some((date: \"2019-02-15\", name: \"February\", modifications: [])),\n)\n",
            1,
        );
        let loaded = parse_plan_reporting(v1.as_bytes(), Path::new("old.ron")).unwrap();
        assert_eq!(loaded.migrated_from, Some(1));
        assert_eq!(loaded.plan.version, FORMAT_VERSION);
        assert_eq!(
            loaded.plan.baselines.len(),
            1,
            "the single baseline joins the list"
        );
        assert_eq!(loaded.plan.baselines[0].name, "February");
        // Saved in the current format; read back, nothing to migrate.
        let again = plan_to_string(&loaded.plan).unwrap();
        assert!(
            again.contains("version: 2,") && again.contains("baselines: ["),
            "{again}"
        );
        let reread = parse_plan_reporting(again.as_bytes(), Path::new("new.ron")).unwrap();
        assert_eq!(reread.migrated_from, None);
    }

    #[test]
    fn a_cycle_of_links_is_a_load_error_at_one_link() {
        let mut p = sample();
        let m = &mut p.modifications[0];
        m.work_packages[0].id = "a".into();
        m.work_packages.push(WorkPackage {
            id: "b".into(),
            name: "Second".into(),
            start: m.work_packages[0].start,
            end: m.work_packages[0].end,
            after: vec![crate::model::Link {
                on: "a".into(),
                lag_days: 0,
            }],
            ..Default::default()
        });
        m.work_packages[0].after = vec![crate::model::Link {
            on: "b".into(),
            lag_days: 0,
        }];
        // Written by hand: the writer would refuse nothing, but the reader must.
        let text = ron::ser::to_string(&p).unwrap();
        let text = plan_to_string(&p).unwrap_or(text);
        let e = parse(&text).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("the links loop back"), "{msg}");
        let at = e.location().expect("a position");
        let line = text.lines().nth(at.line - 1).unwrap();
        assert!(line.contains("after: [(on: \""), "{msg}\n{line}");
    }
}
