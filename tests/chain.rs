//! The chain as a property: on the linked bundled plan, any sequence of moves leaves a plan that is its own schedule
//! (rescheduling changes nothing), and undoing them all returns the plan as loaded.

use proptest::prelude::*;
use sec_timetable::io::bundled_plan;
use sec_timetable::model::chain::{Scope, reschedule};
use sec_timetable::model::edit::set_modification;
use sec_timetable::model::{Document, add_days};

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn moves_keep_a_fixed_point_and_undo_all_restores(
        moves in prop::collection::vec((0..18usize, 0..4usize, -40..40i32, any::<bool>()), 1..12),
    ) {
        let original = bundled_plan();
        let mut doc = Document::new(original.clone());
        let mut applied = 0;
        for (m, w, days, whole) in moves {
            let mut changed = doc.plan().modifications[m].clone();
            let n = changed.work_packages.len().max(1);
            let Some(wp) = changed.work_packages.get_mut(w % n) else {
                continue;
            };
            // Move the whole bar, or only its end (never before its start).
            if whole {
                wp.start = add_days(wp.start, days);
            }
            wp.end = add_days(wp.end, days).max(wp.start);
            if doc.apply(set_modification(m, changed), "move").is_ok() {
                applied += 1;
            }
            let mut again = doc.plan().clone();
            prop_assert!(reschedule(&mut again, &Scope::All).is_empty(), "not a fixed point");
        }
        for _ in 0..applied {
            prop_assert!(doc.undo());
        }
        prop_assert!(doc.plan() == &original, "undo all restores the plan as loaded");
    }
}
