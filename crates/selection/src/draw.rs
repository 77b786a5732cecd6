//! The verifiable draw: a published lottery (integer tickets per panel) and
//! a seed-derived stream of random numbers that anyone can recompute. The
//! procedure is specified in the crate documentation.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::PersonId;

/// Domain separator, so this stream cannot collide with other uses of the seed.
const DOMAIN: &[u8] = b"withus-selection-draw-v1";

/// Total tickets of a published lottery.
pub const TOTAL_TICKETS: u64 = 1_000_000_000;

/// SHA-256 in counter mode: block `i` is
/// `SHA-256(DOMAIN || 0x00 || seed || 0x00 || i as 8-byte big-endian)`,
/// read as four big-endian `u64`s in order.
#[derive(Debug, Clone)]
pub struct SeedStream {
    seed: Vec<u8>,
    counter: u64,
    buffer: [u64; 4],
    used: usize,
}

impl SeedStream {
    pub fn new(seed: &str) -> Self {
        SeedStream {
            seed: seed.as_bytes().to_vec(),
            counter: 0,
            buffer: [0; 4],
            used: 4,
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        if self.used == 4 {
            let mut h = Sha256::new();
            h.update(DOMAIN);
            h.update([0u8]);
            h.update(&self.seed);
            h.update([0u8]);
            h.update(self.counter.to_be_bytes());
            let digest = h.finalize();
            for (i, chunk) in digest.chunks_exact(8).enumerate() {
                let mut b = [0u8; 8];
                b.copy_from_slice(chunk);
                self.buffer[i] = u64::from_be_bytes(b);
            }
            self.counter += 1;
            self.used = 0;
        }
        let v = self.buffer[self.used];
        self.used += 1;
        v
    }

    /// Uniform integer in `[0, n)` by rejection, so there is no modulo bias:
    /// draw `x`; accept if `x < n·⌊2⁶⁴/n⌋`, returning `x mod n`.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "range must be non-empty");
        let zone = (u64::MAX / n) * n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// One panel of the published lottery: how many seats go to each group of
/// interchangeable people, and its tickets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LotteryPanel {
    /// (index into [`Lottery::groups`], seats).
    pub seats: Vec<(usize, u32)>,
    pub tickets: u64,
    pub probability: f64,
}

/// Everything the draw needs, fixed and publishable before the seed is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lottery {
    /// Interchangeable people, each list sorted by id.
    pub groups: Vec<Vec<PersonId>>,
    /// Panels in canonical order (lexicographic by `seats`); tickets sum to
    /// [`TOTAL_TICKETS`].
    pub panels: Vec<LotteryPanel>,
}

impl Lottery {
    /// Turns probabilities into tickets by largest remainder (ties go to the
    /// earlier panel), so the tickets sum exactly to [`TOTAL_TICKETS`].
    pub(crate) fn new(
        groups: Vec<Vec<PersonId>>,
        mut panels: Vec<(Vec<(usize, u32)>, f64)>,
    ) -> Self {
        panels.sort_by(|a, b| a.0.cmp(&b.0));
        let total: f64 = panels.iter().map(|p| p.1).sum();
        let exact: Vec<f64> = panels
            .iter()
            .map(|p| p.1 / total * TOTAL_TICKETS as f64)
            .collect();
        let mut tickets: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
        let assigned: u64 = tickets.iter().sum();
        let mut order: Vec<usize> = (0..panels.len()).collect();
        order.sort_by(|a, b| {
            let ra = exact[*a] - exact[*a].floor();
            let rb = exact[*b] - exact[*b].floor();
            rb.total_cmp(&ra).then(a.cmp(b))
        });
        for &i in order.iter().take((TOTAL_TICKETS - assigned) as usize) {
            tickets[i] += 1;
        }
        let panels = panels
            .into_iter()
            .zip(tickets)
            .map(|((seats, p), tickets)| LotteryPanel {
                seats,
                tickets,
                probability: p / total,
            })
            .collect();
        Lottery { groups, panels }
    }

    /// Draws one panel: ticket `r = below(total)`; the panel is the first
    /// whose running ticket total exceeds `r`; then, for each of its groups
    /// in order, `s` members by a partial Fisher–Yates shuffle of the group
    /// list (`for j in 0..s: swap j with j + below(len − j)`). Returns the
    /// chosen panel's index and the ids, sorted.
    pub fn draw(&self, seed: &str) -> (usize, Vec<PersonId>) {
        let mut rng = SeedStream::new(seed);
        let total: u64 = self.panels.iter().map(|p| p.tickets).sum();
        let r = rng.below(total.max(1));
        let mut acc = 0;
        let mut index = self.panels.len().saturating_sub(1);
        for (i, p) in self.panels.iter().enumerate() {
            acc += p.tickets;
            if acc > r {
                index = i;
                break;
            }
        }
        let mut chosen = Vec::new();
        if let Some(panel) = self.panels.get(index) {
            for &(g, seats) in &panel.seats {
                let mut members = self.groups[g].clone();
                let len = members.len() as u64;
                for j in 0..seats as u64 {
                    let pick = j + rng.below(len - j);
                    members.swap(j as usize, pick as usize);
                }
                chosen.extend(members.into_iter().take(seats as usize));
            }
        }
        chosen.sort();
        (index, chosen)
    }
}

/// A draw and everything needed to check it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrawRecord {
    pub engine_version: String,
    pub lottery: Lottery,
    pub seed: String,
    pub panel_index: usize,
    pub selected: Vec<PersonId>,
}

impl DrawRecord {
    /// Re-runs the draw from the record and checks it gives the same panel.
    pub fn verify(&self) -> bool {
        let (index, selected) = self.lottery.draw(&self.seed);
        index == self.panel_index && selected == self.selected
    }
}
