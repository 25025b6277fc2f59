//! The rows of the appendix: work package bars, milestones, dependency arrows and on-hold notes.

use std::collections::HashMap;

use svg::node::element::{Circle, Group, Line, Polygon, Polyline, Rectangle};

use super::{AppendixInput, Sheet, diamond_points, mm, text, text_width};
use crate::model::label_fit::{LabelPlace, LabelRoom, place_label};
use crate::model::{Precision, Subject, WorkPackage};
use crate::palette::{self, hex};

impl Sheet<'_> {
    /// What is drawn in the rows: dependency arrows (beneath) and bars, milestones and on-hold notes (on top).
    pub(super) fn row_items(&self) -> (Group, Group) {
        let rows = self.input.rows;
        let row_of: HashMap<usize, usize> = rows.iter().enumerate().map(|(r, &m)| (m, r)).collect();
        let mut items = Group::new();
        let mut arrows = Group::new();
        for (r, &mi) in rows.iter().enumerate() {
            items = self.bars(items, r, mi);
            items = self.milestones(items, r, mi);
            arrows = self.dependency_arrows(arrows, r, mi, &row_of);
            items = self.on_hold_note(items, r, mi);
        }
        (arrows, items)
    }

    /// The work package bars of row `r` (modification `mi`), one lane each where they overlap.
    fn bars(&self, mut items: Group, r: usize, mi: usize) -> Group {
        let l = &self.layout;
        let m = &self.input.plan.modifications[mi];
        let lanes = crate::model::layout::lanes_for(m);
        let bar_total = l.row_h_mm * 0.7;
        let lane_h = bar_total / lanes.count as f64;
        let y0 = l.row_y(r) + (l.row_h_mm - bar_total) / 2.0;
        // What a name beside a bar must not run into: the other bars of its lane, and the row's diamonds.
        let rad = (l.row_h_mm * 0.3).clamp(0.6, 2.2);
        let row = RowItems {
            bars: m
                .work_packages
                .iter()
                .enumerate()
                .map(|(k, wp)| (lanes.lane_of[k], l.x_of(wp.start), l.x_after(wp.end)))
                .collect(),
            diamonds: m
                .milestones
                .iter()
                .map(|x| (l.x_mid(x.date) - rad, l.x_mid(x.date) + rad))
                .collect(),
            right_mm: l.chart_right_mm,
        };
        for (k, wp) in m.work_packages.iter().enumerate() {
            let y = y0 + lanes.lane_of[k] as f64 * lane_h;
            let warned = self
                .input
                .warnings
                .iter()
                .any(|x| x.index == mi && x.subject == Subject::WorkPackage(k));
            items = self.bar(items, wp, (y, lane_h), warned);
            items = self.actual_end(items, wp, (y, lane_h));
            items = self.bar_name(items, wp, (y, lane_h), row.beside(lanes.lane_of[k], k));
        }
        items
    }

    /// The bar's name by the shared rule (`model::label_fit`): inside, beside, its short form, or whole words with
    /// "…" — never a stub. `beside` is where a name beside the bar may start, and how long it may be.
    fn bar_name(
        &self,
        items: Group,
        wp: &WorkPackage,
        (y, lane_h): (f64, f64),
        beside: (f64, f64),
    ) -> Group {
        let l = &self.layout;
        let (x0, x1) = (
            l.x_of(wp.start),
            l.x_after(wp.end).max(l.x_of(wp.start) + 0.3),
        );
        let size = (lane_h * 0.55).min(2.6);
        // Below about 5 pt the names are unreadable on paper: leave them to the key and the table.
        if size < 1.75 {
            return items;
        }
        let room = LabelRoom {
            inside: (x1 - x0 - 1.2) as f32,
            beside: beside.1 as f32,
        };
        let baseline = y + lane_h / 2.0 + size * 0.35;
        match place_label(&wp.name, wp.short_name.as_deref(), room, |t| {
            text_width(t, size) as f32
        }) {
            LabelPlace::Inside(t) => items.add(
                text(x0 + 0.6, baseline, size, t)
                    .set("fill", hex(palette::text_on(palette::owner(wp.owner)))),
            ),
            LabelPlace::Beside(t) => {
                items.add(text(beside.0, baseline, size, t).set("fill", "#333333"))
            }
            LabelPlace::Hidden => items,
        }
    }

    /// One work package's bar in the lane at `y` of height `lane_h`: faded where its ends are approximate, outlined
    /// when it carries a warning, named when the name fits and is readable on paper.
    fn bar(
        &self,
        mut items: Group,
        wp: &WorkPackage,
        (y, lane_h): (f64, f64),
        warned: bool,
    ) -> Group {
        let l = &self.layout;
        let (x0, x1) = (
            l.x_of(wp.start),
            l.x_after(wp.end).max(l.x_of(wp.start) + 0.3),
        );
        let fill = hex(palette::owner(wp.owner));
        let mut solid = (x0, x1);
        for (date, precision, is_end) in [
            (wp.start, wp.start_precision, false),
            (wp.end, wp.end_precision, true),
        ] {
            if precision == Precision::Exact {
                continue;
            }
            let (a, b) = precision.window(date);
            let (sa, sb) = if is_end {
                (l.x_of(a).max(solid.0), l.x_after(b))
            } else {
                (l.x_of(a), l.x_after(b).min(x1))
            };
            items = items.add(
                Rectangle::new()
                    .set("x", mm(sa))
                    .set("y", mm(y + lane_h * 0.05))
                    .set("width", mm((sb - sa).max(0.1)))
                    .set("height", mm(lane_h * 0.9))
                    .set("fill", fill.clone())
                    .set("fill-opacity", 0.35)
                    .set("stroke", fill.clone())
                    .set("stroke-width", 0.2)
                    .set("stroke-dasharray", "0.8,0.5"),
            );
            if is_end {
                solid.1 = sa.min(solid.1);
            } else {
                solid.0 = sb.max(solid.0);
            }
        }
        if solid.1 > solid.0 {
            let mut rect = Rectangle::new()
                .set("x", mm(solid.0))
                .set("y", mm(y + lane_h * 0.05))
                .set("width", mm(solid.1 - solid.0))
                .set("height", mm(lane_h * 0.9))
                .set("rx", 0.6)
                .set("fill", fill);
            if warned {
                rect = rect
                    .set("stroke", hex(palette::STATUS_DATE))
                    .set("stroke-width", 0.4);
            }
            items = items.add(rect);
        }
        items
    }

    /// A done work package: the planned bar faded, and a black line from its start to the black mark of the day it
    /// really finished (as on screen).
    fn actual_end(&self, items: Group, wp: &WorkPackage, (y, lane_h): (f64, f64)) -> Group {
        if !wp.done {
            return items;
        }
        let l = &self.layout;
        let (x0, x1) = (
            l.x_of(wp.start),
            l.x_after(wp.end).max(l.x_of(wp.start) + 0.3),
        );
        let ink = hex(palette::INK);
        let cy = y + lane_h / 2.0;
        let end = l.x_after(wp.actual_end.unwrap_or(wp.end)).max(x0 + 0.3);
        items
            .add(
                Rectangle::new()
                    .set("x", mm(x0))
                    .set("y", mm(y + lane_h * 0.05))
                    .set("width", mm(x1 - x0))
                    .set("height", mm(lane_h * 0.9))
                    .set("fill", "#ffffff")
                    .set("fill-opacity", 0.6),
            )
            .add(
                Line::new()
                    .set("x1", mm(x0))
                    .set("y1", mm(cy))
                    .set("x2", mm(end))
                    .set("y2", mm(cy))
                    .set("stroke", ink.clone())
                    .set("stroke-width", 0.4),
            )
            .add(
                Polygon::new()
                    .set(
                        "points",
                        diamond_points(end, cy, (lane_h * 0.3).clamp(0.4, 1.2)),
                    )
                    .set("fill", ink),
            )
    }

    /// A done milestone's black mark on the day it really happened, joined to the planned day when that differs.
    fn actual_day(
        &self,
        items: Group,
        x: &crate::model::Milestone,
        (cx, cy): (f64, f64),
        rad: f64,
    ) -> Group {
        if !x.done {
            return items;
        }
        let ink = hex(palette::INK);
        let ax = self.layout.x_mid(x.actual.unwrap_or(x.date));
        let items = if (ax - cx).abs() > 1e-6 {
            items.add(
                Line::new()
                    .set("x1", mm(cx))
                    .set("y1", mm(cy))
                    .set("x2", mm(ax))
                    .set("y2", mm(cy))
                    .set("stroke", ink.clone())
                    .set("stroke-width", 0.3),
            )
        } else {
            items
        };
        items.add(
            Polygon::new()
                .set("points", diamond_points(ax, cy, rad * 0.55))
                .set("fill", ink),
        )
    }

    /// The milestones of row `r` (modification `mi`): hollow when the date, or the meeting's day, is approximate;
    /// faded when done, with the black mark of the day it happened; ringed when they carry a warning.
    fn milestones(&self, mut items: Group, r: usize, mi: usize) -> Group {
        let AppendixInput {
            plan,
            schedule,
            warnings,
            ..
        } = *self.input;
        let l = &self.layout;
        let cy = l.row_y(r) + l.row_h_mm / 2.0;
        let rad = (l.row_h_mm * 0.3).clamp(0.6, 2.2);
        for (k, x) in plan.modifications[mi].milestones.iter().enumerate() {
            let cx = l.x_mid(x.date);
            let colour = hex(palette::milestone(x.kind));
            let approximate_meeting = x
                .kind
                .meeting_kind()
                .and_then(|kind| schedule.on(x.date, kind))
                .is_some_and(|mt| mt.approximate);
            let soft = x.precision != Precision::Exact || approximate_meeting;
            if x.precision != Precision::Exact {
                let (a, b) = x.precision.window(x.date);
                items = items.add(
                    Line::new()
                        .set("x1", mm(l.x_of(a)))
                        .set("y1", mm(cy))
                        .set("x2", mm(l.x_after(b)))
                        .set("y2", mm(cy))
                        .set("stroke", colour.clone())
                        .set("stroke-opacity", 0.5)
                        .set("stroke-width", 0.4),
                );
            }
            let mut diamond = Polygon::new().set("points", diamond_points(cx, cy, rad));
            diamond = if soft {
                diamond
                    .set("fill", "#ffffff")
                    .set("stroke", colour)
                    .set("stroke-width", 0.4)
            } else {
                diamond
                    .set("fill", colour)
                    .set("stroke", "#ffffff")
                    .set("stroke-width", 0.15)
            };
            if x.done {
                diamond = diamond.set("opacity", 0.4);
            }
            items = items.add(diamond);
            items = self.actual_day(items, x, (cx, cy), rad);
            if warnings
                .iter()
                .any(|w| w.index == mi && w.subject == Subject::Milestone(k))
            {
                items = items.add(
                    Circle::new()
                        .set("cx", mm(cx))
                        .set("cy", mm(cy))
                        .set("r", mm(rad + 0.6))
                        .set("fill", "none")
                        .set("stroke", hex(palette::STATUS_DATE))
                        .set("stroke-width", 0.35),
                );
            }
        }
        items
    }

    /// Arrows into row `r` (modification `mi`) from the last activity of each modification it must wait for.
    fn dependency_arrows(
        &self,
        mut arrows: Group,
        r: usize,
        mi: usize,
        row_of: &HashMap<usize, usize>,
    ) -> Group {
        let plan = self.input.plan;
        let l = &self.layout;
        let m = &plan.modifications[mi];
        let cy = l.row_y(r) + l.row_h_mm / 2.0;
        for d in m.dependencies.iter().filter(|d| d.kind.is_ordering()) {
            let Some((bi, blocker)) = plan
                .modifications
                .iter()
                .enumerate()
                .find(|(_, b)| b.id == d.on)
            else {
                continue;
            };
            let (Some(&rb), Some((_, end))) = (row_of.get(&bi), blocker.date_range()) else {
                continue;
            };
            let from = (l.x_after(end) + 0.4, l.row_y(rb) + l.row_h_mm / 2.0);
            let elbow = from.0 + 1.5;
            let to_y = cy
                + if r > rb {
                    -l.row_h_mm * 0.36
                } else {
                    l.row_h_mm * 0.36
                };
            let target = m.date_range().map_or(elbow, |(s, _)| l.x_of(s)).max(elbow);
            let pts = format!(
                "{},{} {},{} {},{} {},{}",
                mm(from.0),
                mm(from.1),
                mm(elbow),
                mm(from.1),
                mm(elbow),
                mm(to_y),
                mm(target),
                mm(to_y)
            );
            arrows = arrows.add(
                Polyline::new()
                    .set("points", pts)
                    .set("fill", "none")
                    .set("stroke", "#444444")
                    .set("stroke-width", 0.3)
                    .set("marker-end", "url(#arrow)"),
            );
        }
        arrows
    }

    /// "On hold — pending …" after the row's last activity.
    fn on_hold_note(&self, items: Group, r: usize, mi: usize) -> Group {
        let plan = self.input.plan;
        let l = &self.layout;
        let m = &plan.modifications[mi];
        let Some(t) = m.on_hold_text() else {
            return items;
        };
        let cy = l.row_y(r) + l.row_h_mm / 2.0;
        let x = m
            .date_range()
            .map_or(l.x_of(plan.meta.status_date) + 1.0, |(_, e)| {
                l.x_after(e) + 3.0
            });
        let size = l.label_size_mm;
        items.add(text(x, cy + size * 0.35, size * 0.9, t).set("fill", "#333333"))
    }
}

/// A row's items, in millimetres: each bar's lane and span, each diamond's span.
struct RowItems {
    bars: Vec<(usize, f64, f64)>,
    diamonds: Vec<(f64, f64)>,
    /// The chart's right edge: nothing is written past it.
    right_mm: f64,
}

impl RowItems {
    /// Where a name beside bar `k` (in `lane`) would start — after any diamond on its end — and how long it may
    /// run before the next bar of its lane or the next diamond.
    fn beside(&self, lane: usize, k: usize) -> (f64, f64) {
        const GAP_MM: f64 = 0.8;
        let end = self.bars[k].2;
        let mut start = end + GAP_MM;
        for &(left, right) in &self.diamonds {
            if left < start && right > end - 0.2 {
                start = start.max(right + GAP_MM);
            }
        }
        let next_bar = self
            .bars
            .iter()
            .filter(|&&(l, x0, _)| l == lane && x0 >= end)
            .map(|&(_, x0, _)| x0);
        let next_diamond = self
            .diamonds
            .iter()
            .map(|&(l, _)| l)
            .filter(|&l| l >= start);
        let limit = next_bar.chain(next_diamond).fold(self.right_mm, f64::min);
        (start, (limit - GAP_MM - start).max(0.0))
    }
}
