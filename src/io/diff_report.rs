//! What `sec-timetable diff` prints: the changes from one paper to the next ([`crate::model::compare`]) as JSON,
//! `{"changes": [{"modification", "kind", "from", "to"}]}`, as a Markdown draft of the cover note for the Panel, or as
//! plain lines.

use jiff::civil::Date;
use serde::Serialize;

use crate::model::compare::Change;

/// The JSON document.
#[derive(Debug, Serialize)]
struct DiffReport<'a> {
    changes: &'a [Change],
}

/// The changes as pretty JSON.
pub fn changes_json(changes: &[Change]) -> String {
    serde_json::to_string_pretty(&DiffReport { changes })
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One line per change: "SECMP0010: Panel return moves from April to May 2019 (+25 working days)."
pub fn changes_text(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "No changes.\n".to_owned();
    }
    changes.iter().map(|c| format!("{}\n", c.line())).collect()
}

/// A paper as the cover note names it: its reference and status date.
#[derive(Debug, Clone, Copy)]
pub struct PaperName<'a> {
    /// Paper reference (may be empty).
    pub paper_ref: &'a str,
    /// Status date.
    pub status_date: Date,
}

impl PaperName<'_> {
    fn text(self) -> String {
        let date = self.status_date.strftime("%-d %B %Y");
        if self.paper_ref.trim().is_empty() {
            format!("the timetable of {date}")
        } else {
            format!("{} (status date {date})", self.paper_ref.trim())
        }
    }
}

/// The cover note's draft: a heading naming the older paper, a sentence, then one bullet per change, plan-wide
/// changes first.
pub fn changes_markdown(older: PaperName<'_>, newer: PaperName<'_>, changes: &[Change]) -> String {
    let mut out = format!("# Changes since {}\n\n", older.text());
    if changes.is_empty() {
        out.push_str(&format!(
            "No timetable has changed between {} and {}.\n",
            older.text(),
            newer.text()
        ));
        return out;
    }
    out.push_str(&format!(
        "{} updates the timetables of {}. Since then:\n\n",
        capitalised(&newer.text()),
        older.text()
    ));
    for c in changes {
        out.push_str(&format!("- {}\n", c.line()));
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
