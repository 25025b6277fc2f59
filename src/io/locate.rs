//! Where in a plan file an integrity error is: the line of the item it names, found by its `id: "..."` and the
//! field after it.

use super::plan_file::{Location, location_at_byte};
use crate::model::IntegrityError;

/// Finds the line of the item an integrity error names, by looking for its `id: "..."`.
pub(super) fn locate(text: &str, error: &IntegrityError) -> Option<Location> {
    let (needle, then) = match error {
        IntegrityError::DuplicateId { id, .. } => {
            // Point at the second occurrence: the duplicate.
            let needle = format!("id: \"{id}\"");
            let first = text.find(&needle)?;
            let second = text[first + needle.len()..].find(&needle)? + first + needle.len();
            return Some(location_at_byte(&text.as_bytes()[..second]));
        }
        IntegrityError::EndBeforeStart {
            modification,
            work_package,
            ..
        } => (
            format!("id: \"{modification}\""),
            Some(format!("name: \"{work_package}\"")),
        ),
        IntegrityError::UnknownDependency { modification, on } => (
            format!("id: \"{modification}\""),
            Some(format!("on: \"{on}\"")),
        ),
        IntegrityError::UnknownGroup {
            modification,
            group,
        } => (
            format!("id: \"{modification}\""),
            Some(format!("group: Some(\"{group}\")")),
        ),
        IntegrityError::UnknownRelease {
            modification,
            release,
        } => (
            format!("id: \"{modification}\""),
            Some(format!("target_release: Some(\"{release}\")")),
        ),
        IntegrityError::UnknownCutoffMeeting { release, .. } => {
            (format!("id: \"{release}\""), Some("cutoff_meeting".into()))
        }
        IntegrityError::BadSeries { series, .. } => (format!("id: \"{series}\""), None),
        IntegrityError::DuplicateItemId { modification, id } => {
            // The second item with the id, after the modification's own.
            let start = text.find(&format!("id: \"{modification}\""))?;
            let needle = format!("id: \"{id}\"");
            let first = text[start..].find(&needle)? + start + needle.len();
            let second = text[first..].find(&needle)? + first;
            return Some(location_at_byte(&text.as_bytes()[..second]));
        }
        IntegrityError::UnknownLinkTarget {
            modification, on, ..
        }
        | IntegrityError::BadLinkLag {
            modification, on, ..
        } => (
            format!("id: \"{modification}\""),
            Some(format!("on: \"{on}\"")),
        ),
        IntegrityError::LinkCycle {
            modification,
            item,
            on,
        } => {
            // The link itself: the item's `after` entry naming `on`.
            let start = text.find(&format!("id: \"{modification}\""))?;
            let at_item = text[start..].find(&format!("id: \"{item}\""))? + start;
            let at_link = text[at_item..].find(&format!("on: \"{on}\""))? + at_item;
            return Some(location_at_byte(&text.as_bytes()[..at_link]));
        }
        IntegrityError::AutoMeetingWithoutInput {
            modification,
            milestone,
        } => (
            format!("id: \"{modification}\""),
            Some(format!("label: \"{milestone}\"")),
        ),
        IntegrityError::UnknownMeeting {
            modification,
            meeting,
            ..
        } => (
            format!("id: \"{modification}\""),
            Some(format!("meeting(\"{meeting}\")")),
        ),
        IntegrityError::UnknownUntil {
            modification,
            until,
            ..
        } => (
            format!("id: \"{modification}\""),
            Some(format!("until: Some(\"{until}\")")),
        ),
        IntegrityError::NoWorkingDays => ("working_days".into(), None),
        other => (format!("id: \"{}\"", other.modification()?), None),
    };
    let mut at = text.find(&needle)?;
    if let Some(then) = then
        && let Some(offset) = text[at..].find(&then)
    {
        at += offset;
    }
    Some(location_at_byte(&text.as_bytes()[..at]))
}
