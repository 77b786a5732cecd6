//! Small-number suppression for counts of people, so that no one can be picked out from a table.
//!
//! The rule (domain reference §7, following NHS Digital, the GP Patient Survey and ONS practice):
//! - a count under 10 (including none at all) is not shown: it reads "fewer than 10";
//! - secondary suppression: where counts add up to a total that is shown, a single hidden count could be
//!   worked out by subtraction, so the next-smallest count in that sum is hidden too;
//! - every count that is shown is rounded to the nearest 5;
//! - percentages are worked out from the rounded counts, never from the true ones.

/// Counts below this are never shown.
pub const THRESHOLD: i64 = 10;
/// Shown counts are rounded to a multiple of this.
pub const ROUNDING_BASE: i64 = 5;

/// What a table cell may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// At least 10 people, rounded to the nearest 5.
    Count(i64),
    /// Fewer than 10 people, or hidden so that a small count cannot be worked out.
    Suppressed,
}

impl Shown {
    pub fn count(self) -> Option<i64> {
        match self {
            Shown::Count(n) => Some(n),
            Shown::Suppressed => None,
        }
    }

    pub fn is_suppressed(self) -> bool {
        self == Shown::Suppressed
    }
}

/// Cells that add up: `cells[total]` is the sum of `cells[parts]`. Only a sum that holds exactly (a
/// single-answer question, with "prefer not to say" and "not answered" among the parts) allows
/// subtraction, but treating any group of counts this way is only more careful.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Rounds a count to the nearest multiple of 5 (13 → 15, 12 → 10).
pub fn round(count: i64) -> i64 {
    let count = count.max(0);
    (count + ROUNDING_BASE / 2) / ROUNDING_BASE * ROUNDING_BASE
}

/// A count shown on its own, with no other cells to subtract it from.
pub fn protect_one(count: i64) -> Shown {
    if count < THRESHOLD {
        Shown::Suppressed
    } else {
        Shown::Count(round(count))
    }
}

/// Protects a table of counts: primary suppression of small cells, then secondary suppression until no
/// sum has exactly one hidden cell, then rounding of what remains.
pub fn protect(counts: &[i64], relations: &[Relation]) -> Vec<Shown> {
    let mut hidden: Vec<bool> = counts.iter().map(|&c| c < THRESHOLD).collect();
    loop {
        let mut changed = false;
        for relation in relations {
            let members = || std::iter::once(relation.total).chain(relation.parts.iter().copied());
            if members().filter(|&i| hidden[i]).count() != 1 {
                continue;
            }
            // The next-smallest part; the total only when every part is already hidden.
            let next = relation
                .parts
                .iter()
                .copied()
                .filter(|&i| !hidden[i])
                .min_by_key(|&i| (counts[i], i))
                .or(Some(relation.total).filter(|&i| !hidden[i]));
            if let Some(i) = next {
                hidden[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    counts
        .iter()
        .zip(hidden)
        .map(|(&count, hidden)| {
            if hidden {
                Shown::Suppressed
            } else {
                Shown::Count(round(count))
            }
        })
        .collect()
}

/// A share in tenths of a percent (125 = 12.5%), from shown (rounded) counts only.
pub fn share_tenths(part: Shown, whole: Shown) -> Option<i64> {
    match (part, whole) {
        (Shown::Count(part), Shown::Count(whole)) if whole > 0 => {
            Some((part * 1000 + whole / 2) / whole)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether any hidden cell can be worked out by subtraction, chaining sums, even by someone who
    /// knew the exact value behind every shown (rounded) cell.
    fn recoverable(shown: &[Shown], relations: &[Relation]) -> bool {
        let mut known: Vec<bool> = shown.iter().map(|s| !s.is_suppressed()).collect();
        loop {
            let mut learned = false;
            for relation in relations {
                let members: Vec<usize> = std::iter::once(relation.total)
                    .chain(relation.parts.iter().copied())
                    .collect();
                let unknown: Vec<usize> = members.iter().copied().filter(|&i| !known[i]).collect();
                if unknown.len() == 1 {
                    known[unknown[0]] = true;
                    learned = true;
                }
            }
            if !learned {
                break;
            }
        }
        known
            .iter()
            .zip(shown)
            .any(|(known, shown)| *known && shown.is_suppressed())
    }

    /// A question: total, then its parts, adding up.
    fn question(parts: &[i64]) -> (Vec<i64>, Vec<Relation>) {
        let mut counts = vec![parts.iter().sum()];
        counts.extend_from_slice(parts);
        let relation = Relation {
            total: 0,
            parts: (1..counts.len()).collect(),
        };
        (counts, vec![relation])
    }

    /// A small deterministic generator, so the property tests need no extra crate.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    #[test]
    fn counts_round_to_the_nearest_five() {
        let rounded: Vec<i64> = [10, 11, 12, 13, 14, 15, 17, 18, 22, 23, 0]
            .into_iter()
            .map(round)
            .collect();
        assert_eq!(rounded, vec![10, 10, 10, 15, 15, 15, 15, 20, 20, 25, 0]);
    }

    #[test]
    fn small_counts_are_never_shown() {
        for count in 0..THRESHOLD {
            assert_eq!(protect_one(count), Shown::Suppressed, "{count}");
        }
        assert_eq!(protect_one(10), Shown::Count(10));
        assert_eq!(protect_one(12), Shown::Count(10));
        assert_eq!(protect_one(13), Shown::Count(15));
    }

    #[test]
    fn one_small_cell_hides_the_next_smallest_too() {
        // 43 people: 17, 12, 3 and 11.
        let (counts, relations) = question(&[17, 12, 3, 11]);
        let shown = protect(&counts, &relations);
        assert_eq!(
            shown,
            vec![
                Shown::Count(45),
                Shown::Count(15),
                Shown::Count(10),
                Shown::Suppressed,
                Shown::Suppressed,
            ]
        );
        // Without the 11 hidden as well, 43 - 17 - 12 - 11 would give away the 3.
        assert!(!recoverable(&shown, &relations));
    }

    #[test]
    fn two_small_cells_need_no_more() {
        let (counts, relations) = question(&[25, 12, 3, 0]);
        let shown = protect(&counts, &relations);
        assert_eq!(
            shown,
            vec![
                Shown::Count(40),
                Shown::Count(25),
                Shown::Count(10),
                Shown::Suppressed,
                Shown::Suppressed,
            ]
        );
    }

    #[test]
    fn the_total_is_hidden_only_when_every_part_is() {
        let (counts, relations) = question(&[5, 6]);
        let shown = protect(&counts, &relations);
        assert_eq!(
            shown,
            vec![Shown::Count(10), Shown::Suppressed, Shown::Suppressed]
        );
        let (counts, relations) = question(&[12, 3]);
        let shown = protect(&counts, &relations);
        assert_eq!(
            shown,
            vec![Shown::Count(15), Shown::Suppressed, Shown::Suppressed]
        );
    }

    #[test]
    fn nested_sums_are_protected_at_every_level() {
        // Total; groups A and B; A's categories a1, a2; B's categories b1, b2.
        let counts = vec![60, 33, 27, 30, 3, 14, 13];
        let relations = vec![
            Relation {
                total: 0,
                parts: vec![1, 2],
            },
            Relation {
                total: 1,
                parts: vec![3, 4],
            },
            Relation {
                total: 2,
                parts: vec![5, 6],
            },
            Relation {
                total: 0,
                parts: vec![3, 4, 5, 6],
            },
        ];
        let shown = protect(&counts, &relations);
        assert!(shown[4].is_suppressed());
        assert!(!recoverable(&shown, &relations), "{shown:?}");
    }

    #[test]
    fn no_hidden_cell_can_be_worked_out_from_the_total_and_the_others() {
        let mut random = Lcg(20261124);
        for _ in 0..5_000 {
            let parts: Vec<i64> = (0..2 + random.below(8))
                .map(|_| {
                    // Mostly small numbers, where suppression matters.
                    if random.below(3) == 0 {
                        random.below(10) as i64
                    } else {
                        random.below(60) as i64
                    }
                })
                .collect();
            let (counts, relations) = question(&parts);
            let shown = protect(&counts, &relations);
            assert!(!recoverable(&shown, &relations), "{counts:?} → {shown:?}");
            for (count, cell) in counts.iter().zip(&shown) {
                match cell {
                    Shown::Count(n) => {
                        assert!(*n >= THRESHOLD && n % ROUNDING_BASE == 0, "{n}");
                        assert!((n - count).abs() <= 2, "{count} shown as {n}");
                    }
                    Shown::Suppressed => {}
                }
                if *count < THRESHOLD {
                    assert_eq!(*cell, Shown::Suppressed, "{counts:?}");
                }
            }
        }
    }

    #[test]
    fn shares_come_from_rounded_counts() {
        // True 12 of 43 is 27.9%; shown as 10 of 45, 22.2%.
        let part = protect_one(12);
        let whole = protect_one(43);
        assert_eq!(share_tenths(part, whole), Some(222));
        assert_eq!(share_tenths(Shown::Suppressed, whole), None);
        assert_eq!(share_tenths(part, Shown::Suppressed), None);
    }
}
