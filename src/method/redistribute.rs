//! Transfers from excess to shortage within one group and cadre (study-format §7.3), pure.
//!
//! ```text
//! members     the group's facilities of the cadre with required_staff > 0
//! donor       status excess (ratio above the high band), decided before any move; it can give
//!             up to floor(current − required) whole persons, even once its ratio is in the band
//! receiver    status shortage (ratio below the low band), decided before any move; it stays one
//!             while (current + received) / required is below the low band
//! each move   one person, from the donor that can still give with the highest
//!             (current − given) / required (ties: the larger current − required − given, then
//!             the smaller facility_id by bytes) to the receiver with the lowest
//!             (current + received) / required (ties: the larger required, then the smaller
//!             facility_id by bytes)
//! stop        when no donor can give or no receiver is left
//! ```
//! A donor never falls below its requirement, and the group's total staff never changes.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::results::Bands;

/// A facility of the group and cadre.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub facility_id: String,
    pub current: f64,
    /// `required_staff` (members have required > 0).
    pub required: f64,
}

/// The plan for one group and cadre.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Each move (donor, receiver), indexes into the members, in order.
    pub moves: Vec<(usize, usize)>,
    /// Per member: whether it is a donor, a receiver (decided before any move).
    pub donor: Vec<bool>,
    pub receiver: Vec<bool>,
    /// Per member: persons given and received.
    pub given: Vec<u64>,
    pub received: Vec<u64>,
}

impl Plan {
    /// A member's staff after the moves.
    pub fn staff_after(&self, members: &[Member], i: usize) -> f64 {
        members[i].current - self.given[i] as f64 + self.received[i] as f64
    }
}

/// Whole persons a donor can give: floor(current − required), a value within 1e-9 of a whole
/// number counting as that number (floating-point noise must not cost a person), never below 0.
pub fn can_give(current: f64, required: f64) -> u64 {
    let d = current - required;
    let whole = d.round();
    let n = if (d - whole).abs() <= 1e-9 {
        whole
    } else {
        d.floor()
    };
    if n > 0.0 {
        n as u64
    } else {
        0
    }
}

/// The roles, decided before any move (study-format §7.7): who is a donor (status `excess`) and
/// how many whole persons it can give, and who is a receiver (ratio below the low band). A member
/// with no requirement is neither.
fn roles(members: &[Member], bands: &Bands) -> (Vec<bool>, Vec<bool>, Vec<u64>) {
    let usable = |m: &Member| m.required > 0.0;
    let donor: Vec<bool> = members
        .iter()
        .map(|m| usable(m) && m.current / m.required > bands.high)
        .collect();
    let receiver: Vec<bool> = members
        .iter()
        .map(|m| usable(m) && m.current / m.required < bands.low)
        .collect();
    let capacity: Vec<u64> = members
        .iter()
        .zip(&donor)
        .map(|(m, &d)| {
            if d {
                can_give(m.current, m.required)
            } else {
                0
            }
        })
        .collect();
    (donor, receiver, capacity)
}

/// Plans the transfers of one group and cadre. Donors and receivers wait in two heaps ordered by
/// the rules (so a move costs a logarithm of the group's size, not a scan of it); only the donor
/// and the receiver of a move change, so only they go back in.
pub fn redistribute(members: &[Member], bands: &Bands) -> Plan {
    let n = members.len();
    let (donor, receiver, capacity) = roles(members, bands);
    // Rank of each member's facility_id in byte order (the last tie-break of both sides).
    let mut by_code: Vec<usize> = (0..n).collect();
    by_code.sort_by(|&a, &b| by_id(members, a, b).then(a.cmp(&b)));
    let mut rank = vec![0; n];
    for (r, &i) in by_code.iter().enumerate() {
        rank[i] = r;
    }
    let donor_key = |i: usize, given: u64| DonorKey {
        ratio: (members[i].current - given as f64) / members[i].required,
        left: members[i].current - members[i].required - given as f64,
        rank: rank[i],
        member: i,
    };
    let receiver_key = |i: usize, received: u64| ReceiverKey {
        ratio: (members[i].current + received as f64) / members[i].required,
        required: members[i].required,
        rank: rank[i],
        member: i,
    };
    let mut donors: BinaryHeap<DonorKey> = (0..n)
        .filter(|&i| donor[i] && capacity[i] > 0)
        .map(|i| donor_key(i, 0))
        .collect();
    let mut receivers: BinaryHeap<Reverse<ReceiverKey>> = (0..n)
        .filter(|&i| receiver[i])
        .map(|i| Reverse(receiver_key(i, 0)))
        .collect();
    let mut plan = Plan {
        moves: Vec::new(),
        donor,
        receiver,
        given: vec![0; n],
        received: vec![0; n],
    };
    while !donors.is_empty() && !receivers.is_empty() {
        let (Some(d), Some(Reverse(r))) = (donors.pop(), receivers.pop()) else {
            break;
        };
        let (from, to) = (d.member, r.member);
        plan.given[from] += 1;
        plan.received[to] += 1;
        plan.moves.push((from, to));
        if plan.given[from] < capacity[from] {
            donors.push(donor_key(from, plan.given[from]));
        }
        let next = receiver_key(to, plan.received[to]);
        if next.ratio < bands.low {
            receivers.push(Reverse(next));
        }
    }
    plan
}

/// A donor in the heap: the greatest is served first (highest ratio, then most left above its
/// requirement, then the smallest code).
#[derive(Debug, Clone, Copy, PartialEq)]
struct DonorKey {
    ratio: f64,
    left: f64,
    rank: usize,
    member: usize,
}

impl Eq for DonorKey {}
impl PartialOrd for DonorKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for DonorKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then_with(|| self.left.total_cmp(&other.left))
            .then_with(|| other.rank.cmp(&self.rank))
    }
}

/// A receiver in the heap (under `Reverse`): the smallest is served first (lowest ratio, then the
/// larger requirement, then the smallest code).
#[derive(Debug, Clone, Copy, PartialEq)]
struct ReceiverKey {
    ratio: f64,
    required: f64,
    rank: usize,
    member: usize,
}

impl Eq for ReceiverKey {}
impl PartialOrd for ReceiverKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for ReceiverKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then_with(|| other.required.total_cmp(&self.required))
            .then_with(|| self.rank.cmp(&other.rank))
    }
}

/// The rules as written, by scanning every member at each move: the reference the heap version
/// is tested against.
#[cfg(test)]
fn redistribute_by_scan(members: &[Member], bands: &Bands) -> Plan {
    let n = members.len();
    let (donor, receiver, capacity) = roles(members, bands);
    let mut plan = Plan {
        moves: Vec::new(),
        donor,
        receiver,
        given: vec![0; n],
        received: vec![0; n],
    };
    loop {
        let given = &plan.given;
        let received = &plan.received;
        let donor_ratio = |i: usize| (members[i].current - given[i] as f64) / members[i].required;
        let left = |i: usize| members[i].current - members[i].required - given[i] as f64;
        let from = (0..n)
            .filter(|&i| plan.donor[i] && given[i] < capacity[i])
            .min_by(|&a, &b| {
                donor_ratio(b)
                    .total_cmp(&donor_ratio(a))
                    .then_with(|| left(b).total_cmp(&left(a)))
                    .then_with(|| by_id(members, a, b))
            });
        let receiver_ratio =
            |i: usize| (members[i].current + received[i] as f64) / members[i].required;
        let to = (0..n)
            .filter(|&i| plan.receiver[i] && receiver_ratio(i) < bands.low)
            .min_by(|&a, &b| {
                receiver_ratio(a)
                    .total_cmp(&receiver_ratio(b))
                    .then_with(|| members[b].required.total_cmp(&members[a].required))
                    .then_with(|| by_id(members, a, b))
            });
        let (Some(from), Some(to)) = (from, to) else {
            break;
        };
        plan.given[from] += 1;
        plan.received[to] += 1;
        plan.moves.push((from, to));
    }
    plan
}

fn by_id(members: &[Member], a: usize, b: usize) -> Ordering {
    members[a]
        .facility_id
        .as_bytes()
        .cmp(members[b].facility_id.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, current: f64, required: f64) -> Member {
        Member {
            facility_id: id.into(),
            current,
            required,
        }
    }

    fn ids<'a>(members: &'a [Member], plan: &Plan) -> Vec<(&'a str, &'a str)> {
        plan.moves
            .iter()
            .map(|&(f, t)| {
                (
                    members[f].facility_id.as_str(),
                    members[t].facility_id.as_str(),
                )
            })
            .collect()
    }

    /// Hand-computed. D1 5/2 = 2.5 (can give floor(3) = 3), D2 4/2 = 2.0 (can give 2),
    /// R1 0/2 = 0, R2 1/4 = 0.25.
    /// Move 1: donor D1 (2.5 > 2.0); receiver R1 (0) → D1 4/2 = 2.0, R1 1/2 = 0.5.
    /// Move 2: D1 2.0 = D2 2.0; left D1 5−2−1 = 2 = D2 4−2 = 2: smaller id D1 → 3/2 = 1.5;
    ///         receiver R2 0.25 → 2/4 = 0.5.
    /// Move 3: donor D2 (2.0 > 1.5); R1 0.5 = R2 0.5: larger required R2 → 3/4 = 0.75.
    /// Move 4: D1 1.5 = D2 1.5, left D1 1 = D2 1, id D1 (can give: 2 of 3 given) → 2/2;
    ///         receiver R1 0.5 → 2/2 = 1.0 (leaves).
    /// Move 5: D1 has given its 3 → D2 (2 of 2 given: done); receiver R2 0.75 → 1.0 (leaves).
    /// No receiver is left.
    #[test]
    fn hand_computed_ties() {
        let members = [
            m("D1", 5.0, 2.0),
            m("D2", 4.0, 2.0),
            m("R1", 0.0, 2.0),
            m("R2", 1.0, 4.0),
        ];
        let plan = redistribute(&members, &Bands::default());
        assert_eq!(
            ids(&members, &plan),
            [
                ("D1", "R1"),
                ("D1", "R2"),
                ("D2", "R2"),
                ("D1", "R1"),
                ("D2", "R2")
            ]
        );
        assert_eq!(plan.given, [3, 2, 0, 0]);
        assert_eq!(plan.received, [0, 0, 2, 3]);
    }

    /// A donor keeps its requirement: 2.6 in post, 1.2 required → floor(1.4) = 1 person.
    /// Balanced facilities neither give nor receive.
    #[test]
    fn donor_keeps_its_requirement() {
        let members = [m("D", 2.6, 1.2), m("B", 1.0, 1.0), m("R", 0.0, 5.0)];
        let plan = redistribute(&members, &Bands::default());
        assert_eq!(ids(&members, &plan), [("D", "R")]);
        assert!(plan.staff_after(&members, 0) >= members[0].required);
        assert!(!plan.donor[1] && !plan.receiver[1]);
    }

    /// A donor in excess with nothing to give (1 in post, 0.8 required: ratio 1.25) is still a
    /// donor, and gives 0.
    #[test]
    fn donor_with_nothing_to_give() {
        let members = [m("D", 1.0, 0.8), m("R", 0.0, 1.0)];
        let plan = redistribute(&members, &Bands::default());
        assert!(plan.donor[0]);
        assert!(plan.moves.is_empty());
    }

    /// Donors tied on ratio (A 2/1 = 2, Z 4/2 = 2): the one with more left above its requirement
    /// gives first (Z: 2 left, A: 1), although "A" is the smaller code.
    #[test]
    fn donor_tie_on_ratio_goes_to_more_left() {
        let members = [m("A", 2.0, 1.0), m("Z", 4.0, 2.0), m("R", 0.0, 3.0)];
        let plan = redistribute(&members, &Bands::default());
        assert_eq!(ids(&members, &plan)[0], ("Z", "R"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// The heaps give exactly the moves of the rules applied by scanning.
        #[test]
        fn heaps_move_as_the_scan(v in proptest::collection::vec((0u32..9, 1u32..40, 0u8..3), 1..14)) {
            let members: Vec<Member> = v
                .iter()
                .enumerate()
                .map(|(i, (c, r, id))| m(&format!("F{id}{}", i % 3), f64::from(*c), f64::from(*r) / 8.0))
                .collect();
            let b = Bands::default();
            proptest::prop_assert_eq!(redistribute(&members, &b), redistribute_by_scan(&members, &b));
        }
    }

    #[test]
    fn can_give_noise() {
        assert_eq!(can_give(3.0, 0.9999999999999), 2);
        assert_eq!(can_give(3.0, 1.0000000000001), 2);
        assert_eq!(can_give(3.0, 1.5), 1);
        assert_eq!(can_give(1.0, 2.0), 0);
    }
}
