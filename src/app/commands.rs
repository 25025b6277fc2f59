//! Every command the user can give, with its menu text and shortcut in one place (the `UICommand` pattern).

use egui::{Key, KeyboardShortcut, Modifiers};

/// A user command: from a menu, a shortcut, or a button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new, empty plan.
    New,
    /// Open a plan file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Quit the app.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show every row and the whole date range.
    FitAll,
    /// Centre the view on the status date.
    GoToStatusDate,
    /// Zoom in on the date axis.
    ZoomIn,
    /// Zoom out on the date axis.
    ZoomOut,
    /// Select the next modification.
    SelectNext,
    /// Select the previous modification.
    SelectPrevious,
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Store the current timetable as the agreed baseline.
    SetBaseline,
}

impl Command {
    /// Commands with a keyboard shortcut, checked every frame.
    /// Shortcuts with more modifiers come first: egui matches Ctrl+Z against Ctrl+Shift+Z too.
    pub const WITH_SHORTCUTS: [Command; 14] = [
        Command::TogglePresentation,
        Command::New,
        Command::Open,
        Command::SaveAs,
        Command::Save,
        Command::Quit,
        Command::Redo,
        Command::Undo,
        Command::SelectNext,
        Command::SelectPrevious,
        Command::FitAll,
        Command::GoToStatusDate,
        Command::ZoomIn,
        Command::ZoomOut,
    ];

    /// Menu text.
    pub fn text(self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::FitAll => "Fit all",
            Command::GoToStatusDate => "Go to status date",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::SelectNext => "Next modification",
            Command::SelectPrevious => "Previous modification",
            Command::TogglePresentation => "Presentation mode",
            Command::SetBaseline => "Set baseline",
        }
    }

    /// The main shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let cmd_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        Some(match self {
            Command::New => cmd(Key::N),
            Command::Open => cmd(Key::O),
            Command::Save => cmd(Key::S),
            Command::SaveAs => cmd_shift(Key::S),
            Command::Quit => cmd(Key::Q),
            Command::Undo => cmd(Key::Z),
            Command::Redo => cmd_shift(Key::Z),
            Command::FitAll => plain(Key::F),
            Command::GoToStatusDate => plain(Key::Home),
            Command::ZoomIn => plain(Key::Plus),
            Command::ZoomOut => plain(Key::Minus),
            Command::SelectNext => plain(Key::ArrowDown),
            Command::SelectPrevious => plain(Key::ArrowUp),
            Command::TogglePresentation => plain(Key::F5),
            Command::SetBaseline => return None,
        })
    }

    /// Other shortcuts that do the same (Ctrl+Y for redo, = for zoom in).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const ZOOM_IN: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Equals)];
        match self {
            Command::Redo => &REDO,
            Command::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// True for shortcuts without modifiers, which must not fire while the user types in a text field.
    pub fn is_plain_key(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }

    /// Shortcut as text for menus ("Ctrl+S").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }
}
