//! Sizes and strength of the timeline: one set for the desk, one for a Panel meeting's shared screen.

/// Width of the grab zone at each end of a bar.
pub const HANDLE_PX: f32 = 7.0;
/// Half-diagonal of a milestone diamond.
pub const DIAMOND_PX: f32 = 7.0;

/// Sizes and strength of the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineStyle {
    /// Width of the row label column.
    pub label_column_px: f32,
    /// Modification ids in the label column.
    pub id_font_px: f32,
    /// Titles in the label column.
    pub title_font_px: f32,
    /// Text in bars and on rows.
    pub bar_font_px: f32,
    /// Month and week labels.
    pub header_font_px: f32,
    /// Meeting labels and small print.
    pub small_font_px: f32,
    /// Smallest row height "fit all" uses; below it the view scrolls.
    pub min_row_px: f32,
    /// Largest row height "fit all" uses.
    pub max_row_px: f32,
    /// Row height when the rows cannot all fit.
    pub default_row_px: f32,
    /// Full-strength colours and thicker lines, to survive projectors and video compression.
    pub high_contrast: bool,
}

impl TimelineStyle {
    /// For working at a desk.
    pub const DESKTOP: TimelineStyle = TimelineStyle {
        label_column_px: 280.0,
        id_font_px: 13.0,
        title_font_px: 12.5,
        bar_font_px: 12.5,
        header_font_px: 12.5,
        small_font_px: 11.5,
        min_row_px: 20.0,
        max_row_px: 44.0,
        default_row_px: 28.0,
        high_contrast: false,
    };

    /// For presenting: larger type, stronger colours.
    pub const PRESENTATION: TimelineStyle = TimelineStyle {
        label_column_px: 330.0,
        id_font_px: 16.0,
        title_font_px: 14.0,
        bar_font_px: 14.0,
        header_font_px: 14.0,
        small_font_px: 13.0,
        min_row_px: 24.0,
        max_row_px: 56.0,
        default_row_px: 34.0,
        high_contrast: true,
    };

    /// Height of one header line (months, weeks, meetings).
    pub fn header_line_px(&self) -> f32 {
        self.header_font_px + 5.5
    }

    /// The header strip: two lines of dates, one of meeting labels.
    pub fn header_px(&self) -> f32 {
        3.0 * self.header_line_px()
    }

    /// Line widths multiply by this.
    pub fn line_scale(&self) -> f32 {
        if self.high_contrast { 1.6 } else { 1.0 }
    }

    /// `fraction` of full strength at the desk; full strength when presenting.
    pub fn fade(&self, fraction: f32) -> f32 {
        if self.high_contrast { 1.0 } else { fraction }
    }
}
