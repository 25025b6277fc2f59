//! Where a work package's name goes, one rule for the timeline, presentation and Appendix A: inside the bar when it
//! fits; otherwise beside it, where the row has room before the next item; otherwise the short form the plan may set
//! (`short_name`), inside or beside; otherwise as many whole words of the name as fit inside, with "…"; otherwise
//! nothing — never a stub cut mid-word. The full name is always in the tooltip, the side panel and the
//! presentation card.
//!
//! Widths are in whatever unit the caller draws in (pixels on screen, millimetres on paper); the caller measures
//! text in that unit.

/// Where a label goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelPlace {
    /// Inside the bar.
    Inside(String),
    /// To the right of the bar.
    Beside(String),
    /// Nowhere: nothing fits.
    Hidden,
}

impl LabelPlace {
    /// The text, when it is drawn.
    pub fn text(&self) -> Option<&str> {
        match self {
            LabelPlace::Inside(t) | LabelPlace::Beside(t) => Some(t),
            LabelPlace::Hidden => None,
        }
    }
}

/// The space a bar's label may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRoom {
    /// Inside the bar, less its padding.
    pub inside: f32,
    /// After the bar, up to the next item on the row (less a gap); zero when something is right there.
    pub beside: f32,
}

/// Places `name` (or `short_name`) in `room`; `width` measures a text.
///
/// ```
/// use sec_timetable::model::label_fit::{LabelPlace, LabelRoom, place_label};
///
/// let width = |t: &str| t.chars().count() as f32;
/// let room = LabelRoom { inside: 6.0, beside: 0.0 };
/// let place = place_label("DCC Preliminary Assessment", Some("DCC PA"), room, width);
/// assert_eq!(place, LabelPlace::Inside("DCC PA".into()));
/// ```
pub fn place_label(
    name: &str,
    short_name: Option<&str>,
    room: LabelRoom,
    width: impl Fn(&str) -> f32,
) -> LabelPlace {
    let candidates = std::iter::once(name).chain(short_name.filter(|s| !s.trim().is_empty()));
    for text in candidates {
        let w = width(text);
        if w <= room.inside {
            return LabelPlace::Inside(text.to_owned());
        }
        if w <= room.beside {
            return LabelPlace::Beside(text.to_owned());
        }
    }
    // The longest run of whole words that fits, marked as cut.
    let mut best = None;
    for (end, _) in name.char_indices().filter(|&(_, ch)| ch == ' ') {
        let words = name[..end].trim_end().trim_end_matches([';', ',', ':']);
        if words.is_empty() {
            continue;
        }
        let text = format!("{words}…");
        if width(&text) <= room.inside {
            best = Some(text);
        } else {
            break;
        }
    }
    best.map_or(LabelPlace::Hidden, LabelPlace::Inside)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character is one unit wide.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    const NAME: &str = "DCC Preliminary Assessment";

    #[test]
    fn the_name_goes_inside_when_it_fits() {
        let room = LabelRoom {
            inside: 30.0,
            beside: 100.0,
        };
        assert_eq!(
            place_label(NAME, Some("DCC PA"), room, chars),
            LabelPlace::Inside(NAME.into())
        );
    }

    #[test]
    fn otherwise_beside_where_the_row_has_room() {
        let room = LabelRoom {
            inside: 10.0,
            beside: 26.0,
        };
        assert_eq!(
            place_label(NAME, Some("DCC PA"), room, chars),
            LabelPlace::Beside(NAME.into())
        );
    }

    #[test]
    fn otherwise_the_short_form_inside_or_beside() {
        let inside = LabelRoom {
            inside: 8.0,
            beside: 5.0,
        };
        assert_eq!(
            place_label(NAME, Some("DCC PA"), inside, chars),
            LabelPlace::Inside("DCC PA".into())
        );
        let beside = LabelRoom {
            inside: 2.0,
            beside: 7.0,
        };
        assert_eq!(
            place_label(NAME, Some("DCC PA"), beside, chars),
            LabelPlace::Beside("DCC PA".into())
        );
    }

    #[test]
    fn then_whole_words_with_an_ellipsis() {
        let room = LabelRoom {
            inside: 17.0,
            beside: 0.0,
        };
        assert_eq!(
            place_label(NAME, None, room, chars),
            LabelPlace::Inside("DCC Preliminary…".into())
        );
        // The short form comes first when it fits.
        assert_eq!(
            place_label(NAME, Some("DCC PA"), room, chars),
            LabelPlace::Inside("DCC PA".into())
        );
        // Never part of a word: "DCC Prelim…" would fit in 11, but only "DCC…" is whole.
        let narrow = LabelRoom {
            inside: 11.0,
            beside: 0.0,
        };
        assert_eq!(
            place_label(NAME, None, narrow, chars),
            LabelPlace::Inside("DCC…".into())
        );
    }

    #[test]
    fn nothing_rather_than_a_stub() {
        let room = LabelRoom {
            inside: 3.0,
            beside: 4.0,
        };
        assert_eq!(
            place_label(NAME, Some("DCC PA"), room, chars),
            LabelPlace::Hidden
        );
        assert_eq!(place_label(NAME, None, room, chars), LabelPlace::Hidden);
        // A blank short form is no short form.
        assert_eq!(
            place_label(NAME, Some("  "), room, chars),
            LabelPlace::Hidden
        );
        assert_eq!(LabelPlace::Hidden.text(), None);
    }
}
