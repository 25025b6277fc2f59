//! Every user action — menu item, toolbar button, shortcut, presentation key — with its text, tooltip and
//! shortcuts in one place (rerun's `UICommand`). Menus, the toolbar and keyboard handling are generated from this
//! list; what a command does is in `dispatch.rs`, applied after the frame's UI.

use std::sync::LazyLock;

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator;

use crate::io::export::ExportKind;

/// A user command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Command {
    /// Start a new, empty plan.
    New,
    /// Open a plan file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Keep this timetable as a baseline and date the plan for the next paper.
    StartNextPaper,
    /// Compare the plan with another plan file.
    CompareWithFile,
    /// Export Appendix A as SVG.
    ExportAppendixSvg,
    /// Export Appendix A as PNG.
    ExportAppendixPng,
    /// Export Appendix A as PDF.
    ExportAppendixPdf,
    /// Export the timetable as CSV.
    ExportTimetableCsv,
    /// Export the timetable as a Markdown table.
    ExportTimetableMarkdown,
    /// Export a draft of the paper's section 3.
    ExportSection3,
    /// Export the meetings and their deadlines as an iCalendar file.
    ExportCalendar,
    /// Quit the app.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Add an empty modification.
    AddModification,
    /// Store the current timetable as the agreed baseline.
    SetBaseline,
    /// Drop the baseline.
    ClearBaseline,
    /// Show every row and the whole date range.
    FitAll,
    /// Centre the view on the status date.
    GoToStatusDate,
    /// Zoom in on the date axis.
    ZoomIn,
    /// Zoom out on the date axis.
    ZoomOut,
    /// Show earlier dates.
    PanEarlier,
    /// Show later dates.
    PanLater,
    /// Scroll up a screen of rows.
    PageUp,
    /// Scroll down a screen of rows.
    PageDown,
    /// Select the next modification.
    SelectNext,
    /// Select the previous modification.
    SelectPrevious,
    /// Select the first modification.
    SelectFirst,
    /// Select the last modification.
    SelectLast,
    /// Snap drags to working days and meetings, or not.
    ToggleSnap,
    /// Show or hide the warnings, meetings and slippage panel.
    ToggleBottomPanel,
    /// Show or hide closed modifications.
    ToggleClosed,
    /// Show what changed since a baseline or another paper.
    ShowChanges,
    /// Enter or leave presentation mode.
    TogglePresentation,
}

/// Which set of keys is live: presentation mode gives arrows, Page Up/Down, Space, Home and End to stepping through
/// the modifications (what a presentation clicker sends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum KeyMode {
    /// At the desk.
    Desktop,
    /// Presenting in a Panel meeting.
    Presentation,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Command {
    /// Menu text.
    pub fn text(self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::StartNextPaper => "Start next paper…",
            Command::CompareWithFile => "Compare with a plan file…",
            Command::ExportAppendixSvg => "Appendix A as SVG…",
            Command::ExportAppendixPng => "Appendix A as PNG…",
            Command::ExportAppendixPdf => "Appendix A as PDF…",
            Command::ExportTimetableCsv => "Timetable as CSV…",
            Command::ExportTimetableMarkdown => "Timetable as Markdown…",
            Command::ExportSection3 => "Section 3 draft (Markdown)…",
            Command::ExportCalendar => "Meetings as a calendar (iCalendar)…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::AddModification => "Add modification",
            Command::SetBaseline => "Set baseline",
            Command::ClearBaseline => "Clear baseline",
            Command::TogglePresentation => "Presentation mode",
            Command::FitAll => "Fit all",
            Command::GoToStatusDate => "Go to status date",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::PanEarlier => "Earlier dates",
            Command::PanLater => "Later dates",
            Command::PageUp => "Page up",
            Command::PageDown => "Page down",
            Command::SelectNext => "Next modification",
            Command::SelectPrevious => "Previous modification",
            Command::SelectFirst => "First modification",
            Command::SelectLast => "Last modification",
            Command::ToggleSnap => "Snap to working days and meetings",
            Command::ToggleBottomPanel => "Warnings, meetings and slippage panel",
            Command::ToggleClosed => "Show closed modifications",
            Command::ShowChanges => "Changes since…",
        }
    }

    /// What it does, for tooltips.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::New => "Start a new, empty plan",
            Command::Open => "Open a plan file",
            Command::Save => "Save the plan to its file",
            Command::SaveAs => "Save the plan to a new file",
            Command::StartNextPaper => {
                "Keep this timetable as a baseline, give the plan the next paper's status date and reference, then tick off what fell due since"
            }
            Command::CompareWithFile => {
                "Show what changed since another plan file, e.g. the last paper's: moves in working days, new and closed modifications"
            }
            Command::ExportAppendixSvg => {
                "The whole timeline as an SVG drawing, for the paper's Appendix A"
            }
            Command::ExportAppendixPng => {
                "The whole timeline as a PNG image, for the paper's Appendix A"
            }
            Command::ExportAppendixPdf => {
                "The whole timeline as a PDF for the Panel paper: vector, text searchable, further pages for long plans"
            }
            Command::ExportTimetableCsv => "One row per modification, for a spreadsheet",
            Command::ExportTimetableMarkdown => "One row per modification, as a Markdown table",
            Command::ExportSection3 => "A paragraph per modification in the paper's own style",
            Command::ExportCalendar => {
                "Every meeting, with its agenda and papers deadlines, for Outlook or any calendar; importing again updates the events"
            }
            Command::Quit => "Close SEC Timetable",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::AddModification => {
                "Add a modification with the paper's standard first steps (business requirements, DCC Preliminary Assessment, review, Working Group, Panel) and select it"
            }
            Command::SetBaseline => {
                "Store the current timetable as the one the Panel agreed, to measure slippage against"
            }
            Command::ClearBaseline => "Forget the newest stored baseline",
            Command::TogglePresentation => {
                "Full screen for the Panel meeting: larger type, no editing chrome"
            }
            Command::FitAll => "Show every row and date",
            Command::GoToStatusDate => "Centre on the status date",
            Command::ZoomIn => "Zoom in on the date axis",
            Command::ZoomOut => "Zoom out on the date axis",
            Command::PanEarlier => "Move the date axis to earlier dates",
            Command::PanLater => "Move the date axis to later dates",
            Command::PageUp => "Scroll up a screen of rows",
            Command::PageDown => "Scroll down a screen of rows",
            Command::SelectNext => "Select the next modification",
            Command::SelectPrevious => "Select the previous modification",
            Command::SelectFirst => "Select the first modification",
            Command::SelectLast => "Select the last modification",
            Command::ToggleSnap => {
                "Snap drags to working days, and Working Group / Panel milestones to meetings"
            }
            Command::ToggleBottomPanel => "Show or hide the warnings, meetings and slippage panel",
            Command::ToggleClosed => {
                "Show modifications that are rejected, withdrawn, implemented or closed (hidden by default)"
            }
            Command::ShowChanges => {
                "What changed since a stored baseline or another plan file, in working days"
            }
        }
    }

    /// Text on the toolbar, for the commands that have a toolbar button.
    pub fn toolbar_text(self) -> Option<&'static str> {
        Some(match self {
            Command::FitAll => "⛶ Fit all",
            Command::GoToStatusDate => "⏵ Status date",
            Command::ZoomIn => " + ",
            Command::ZoomOut => " − ",
            Command::ToggleSnap => "Snap",
            Command::TogglePresentation => "Present",
            _ => return None,
        })
    }

    /// The commands on the toolbar, in order.
    pub fn toolbar() -> impl Iterator<Item = Command> {
        Command::iter().filter(|c| c.toolbar_text().is_some())
    }

    /// The export commands, in menu order.
    pub fn iter_exports() -> impl Iterator<Item = Command> {
        Command::iter().filter(|c| c.export_kind().is_some())
    }

    /// The export this command writes, for the export commands.
    pub fn export_kind(self) -> Option<ExportKind> {
        Some(match self {
            Command::ExportAppendixSvg => ExportKind::AppendixSvg,
            Command::ExportAppendixPng => ExportKind::AppendixPng,
            Command::ExportAppendixPdf => ExportKind::AppendixPdf,
            Command::ExportTimetableCsv => ExportKind::TimetableCsv,
            Command::ExportTimetableMarkdown => ExportKind::TimetableMarkdown,
            Command::ExportSection3 => ExportKind::Section3,
            Command::ExportCalendar => ExportKind::Calendar,
            _ => return None,
        })
    }

    /// The keys that run this command in `mode`, main one first.
    pub fn shortcuts(self, mode: KeyMode) -> Vec<KeyboardShortcut> {
        let presenting = mode == KeyMode::Presentation;
        match self {
            Command::New => vec![cmd(Key::N)],
            Command::Open => vec![cmd(Key::O)],
            Command::Save => vec![cmd(Key::S)],
            Command::SaveAs => vec![cmd_shift(Key::S)],
            Command::Quit => vec![cmd(Key::Q)],
            Command::Undo => vec![cmd(Key::Z)],
            Command::Redo => vec![cmd_shift(Key::Z), cmd(Key::Y)],
            Command::TogglePresentation if presenting => vec![plain(Key::F5), plain(Key::Escape)],
            Command::TogglePresentation => vec![plain(Key::F5)],
            Command::FitAll => vec![plain(Key::F)],
            Command::ZoomIn => vec![plain(Key::Plus), plain(Key::Equals)],
            Command::ZoomOut => vec![plain(Key::Minus)],
            Command::GoToStatusDate if !presenting => vec![plain(Key::Home)],
            Command::PanEarlier if !presenting => vec![plain(Key::ArrowLeft)],
            Command::PanLater if !presenting => vec![plain(Key::ArrowRight)],
            Command::PageUp if !presenting => vec![plain(Key::PageUp)],
            Command::PageDown if !presenting => vec![plain(Key::PageDown)],
            Command::SelectNext if presenting => vec![
                plain(Key::ArrowDown),
                plain(Key::ArrowRight),
                plain(Key::PageDown),
                plain(Key::Space),
            ],
            Command::SelectNext => vec![plain(Key::ArrowDown)],
            Command::SelectPrevious if presenting => vec![
                plain(Key::ArrowUp),
                plain(Key::ArrowLeft),
                plain(Key::PageUp),
            ],
            Command::SelectPrevious => vec![plain(Key::ArrowUp)],
            Command::SelectFirst if presenting => vec![plain(Key::Home)],
            Command::SelectLast if presenting => vec![plain(Key::End)],
            _ => Vec::new(),
        }
    }

    /// The main shortcut at the desk, as menus show it ("Ctrl+S").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts(KeyMode::Desktop)
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// "What it does (Ctrl+S)".
    pub fn tooltip_with_shortcut(self, ctx: &egui::Context) -> String {
        let keys = self.shortcut_text(ctx);
        if keys.is_empty() {
            self.tooltip().to_owned()
        } else {
            format!("{} ({keys})", self.tooltip())
        }
    }
}

/// Every (shortcut, command) pair live in `mode`, with more modifiers first: egui matches Ctrl+Z against
/// Ctrl+Shift+Z too, so the longer chord must be tried first. Built once per mode, not per frame.
pub fn shortcut_table(mode: KeyMode) -> &'static [(KeyboardShortcut, Command)] {
    static DESKTOP: LazyLock<Vec<(KeyboardShortcut, Command)>> =
        LazyLock::new(|| build_shortcut_table(KeyMode::Desktop));
    static PRESENTATION: LazyLock<Vec<(KeyboardShortcut, Command)>> =
        LazyLock::new(|| build_shortcut_table(KeyMode::Presentation));
    match mode {
        KeyMode::Desktop => &DESKTOP,
        KeyMode::Presentation => &PRESENTATION,
    }
}

fn build_shortcut_table(mode: KeyMode) -> Vec<(KeyboardShortcut, Command)> {
    let mut table: Vec<(KeyboardShortcut, Command)> = Command::iter()
        .flat_map(|c| c.shortcuts(mode).into_iter().map(move |s| (s, c)))
        .collect();
    let weight = |m: Modifiers| u8::from(m.command) + u8::from(m.shift) + u8::from(m.alt);
    table.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers)));
    table
}

/// What decides which keys are live this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyContext {
    /// Desk or presentation keys.
    pub mode: KeyMode,
    /// A text field has focus: it keeps plain keys (letters, arrows, Home) for itself.
    pub typing: bool,
    /// A drag is in progress: Esc cancels it instead of leaving presentation mode.
    pub dragging: bool,
}

/// Consumes the shortcuts pressed this frame and returns their commands (once per press).
pub fn commands_from_input(ctx: &egui::Context, keys: KeyContext) -> Vec<Command> {
    let table = shortcut_table(keys.mode);
    let mut fired = Vec::new();
    ctx.input_mut(|i| {
        for (shortcut, command) in table {
            let plain_key = shortcut.modifiers.is_none();
            if (plain_key && keys.typing) || (keys.dragging && shortcut.logical_key == Key::Escape)
            {
                continue;
            }
            let presses = i.count_and_consume_key(shortcut.modifiers, shortcut.logical_key);
            fired.extend(std::iter::repeat_n(*command, presses));
        }
    });
    fired
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame in which `shortcut` is pressed, and returns the commands it fired.
    fn press(shortcut: KeyboardShortcut, keys: KeyContext) -> Vec<Command> {
        let ctx = egui::Context::default();
        let key = |pressed| egui::Event::Key {
            key: shortcut.logical_key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: shortcut.modifiers,
        };
        let input = egui::RawInput {
            events: vec![key(true), key(false)],
            ..Default::default()
        };
        let mut fired = Vec::new();
        let mut output = ctx.run_ui(input, |ui| {
            fired = commands_from_input(ui.ctx(), keys);
        });
        output.textures_delta.clear();
        fired
    }

    fn keys(mode: KeyMode) -> KeyContext {
        KeyContext {
            mode,
            typing: false,
            dragging: false,
        }
    }

    #[test]
    fn every_shortcut_reaches_its_command_and_only_it() {
        let mut checked = 0;
        for mode in KeyMode::iter() {
            for command in Command::iter() {
                for shortcut in command.shortcuts(mode) {
                    assert_eq!(
                        press(shortcut, keys(mode)),
                        vec![command],
                        "{mode:?}: {shortcut:?} should run {command:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 30, "only {checked} shortcuts");
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        for mode in KeyMode::iter() {
            let table = shortcut_table(mode);
            for (i, (a, ca)) in table.iter().enumerate() {
                for (b, cb) in &table[i + 1..] {
                    assert!(a != b, "{mode:?}: {a:?} is both {ca:?} and {cb:?}");
                }
            }
        }
    }

    #[test]
    fn the_usual_commands_have_their_usual_keys() {
        let desk = |c: Command| c.shortcuts(KeyMode::Desktop);
        assert_eq!(desk(Command::Save), vec![cmd(Key::S)]);
        assert_eq!(desk(Command::Redo), vec![cmd_shift(Key::Z), cmd(Key::Y)]);
        assert_eq!(desk(Command::TogglePresentation), vec![plain(Key::F5)]);
        // A presentation clicker sends Page Down and arrows: they step through the modifications.
        let present = Command::SelectNext.shortcuts(KeyMode::Presentation);
        assert!(present.contains(&plain(Key::PageDown)));
        assert!(present.contains(&plain(Key::ArrowRight)));
        assert!(
            Command::PageDown
                .shortcuts(KeyMode::Presentation)
                .is_empty()
        );
        // Every command has text and a tooltip.
        for c in Command::iter() {
            assert!(!c.text().is_empty() && !c.tooltip().is_empty(), "{c:?}");
        }
    }

    #[test]
    fn text_fields_keep_plain_keys_and_esc_cancels_a_drag_first() {
        let typing = KeyContext {
            typing: true,
            ..keys(KeyMode::Desktop)
        };
        assert!(press(plain(Key::F), typing).is_empty());
        assert!(press(plain(Key::ArrowDown), typing).is_empty());
        assert_eq!(press(cmd(Key::S), typing), vec![Command::Save]);
        let dragging = KeyContext {
            dragging: true,
            ..keys(KeyMode::Presentation)
        };
        assert!(press(plain(Key::Escape), dragging).is_empty());
        assert_eq!(
            press(plain(Key::Escape), keys(KeyMode::Presentation)),
            vec![Command::TogglePresentation]
        );
    }

    #[test]
    fn the_toolbar_and_export_menu_are_generated_from_the_commands() {
        let toolbar: Vec<Command> = Command::toolbar().collect();
        assert_eq!(
            toolbar,
            vec![
                Command::FitAll,
                Command::GoToStatusDate,
                Command::ZoomIn,
                Command::ZoomOut,
                Command::ToggleSnap,
                Command::TogglePresentation,
            ]
        );
        assert_eq!(Command::iter_exports().count(), 7);
    }
}
