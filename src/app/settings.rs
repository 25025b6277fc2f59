//! What persists between runs (window size and panel widths persist through eframe and egui's memory).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::timeline::ViewState;

/// Key of the app's settings in eframe's storage.
pub const SETTINGS_KEY: &str = "sec-timetable-settings";

/// What persists between runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The file open at exit.
    pub last_file: Option<PathBuf>,
    /// Timeline zoom and scroll.
    pub view: Option<ViewState>,
    /// Snap drags to working days and meetings.
    pub snap: Option<bool>,
    /// Show closed modifications on the timeline.
    pub show_closed: Option<bool>,
    /// The stored baseline "Changes since" compares with (oldest first); `None` for the newest.
    pub compare_baseline: Option<usize>,
}
