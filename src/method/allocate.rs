//! Where new posts go (study-format §7.2): max-min allocation, one post at a time, pure.
//!
//! ```text
//! candidate   a facility × cadre with required_staff > 0 (in the pool's group and types)
//! target      required_rounded; a candidate receives posts only while staff + given < target
//! each post   to the candidate with the smallest (staff + given) / required_staff
//! ties        the larger required_staff, then the smaller facility_id (bytes),
//!             then (budget form) the smaller cadre name (bytes)
//! budget      only candidates whose cadre's annual cost fits in what is left of the budget
//! stop        when the pool's posts are all given, or no candidate below its target (and
//!             affordable) is left; posts left are unallocated
//! ```
//!
//! The process never looks ahead, so allocating N + 1 posts gives the same first N posts as
//! allocating N, and the smallest ratio among the candidates never decreases.
//!
//! Staff may be part-time (decimals): a candidate with 1.5 staff and a target of 2 is below its
//! target and receives a post (2.5); with whole staff, no candidate ends above its target.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A facility × cadre that may receive posts.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub facility_id: String,
    /// The cadre name as first written in `standards` (the budget form's last tie-break).
    pub cadre: String,
    /// Staff in post before any pool.
    pub staff: f64,
    /// `required_staff`, unrounded (> 0 for a candidate).
    pub required: f64,
    /// `required_rounded`: the candidate receives posts only while staff + given < target.
    pub target: f64,
    /// Annual cost of one post of the cadre (budget form; `None` when unknown).
    pub cost: Option<f64>,
}

/// How much a pool hands out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// A number of posts.
    Posts(u64),
    /// An amount of money: each post costs its slot's `cost`.
    Budget(f64),
}

/// One post given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Post {
    /// The slot that received it.
    pub slot: usize,
    /// Its ratio just before this post: (staff + posts given so far) / required.
    pub ratio: f64,
}

/// What one pool did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PoolResult {
    /// The posts, in the order they were given.
    pub posts: Vec<Post>,
    /// Money spent (budget form; 0 otherwise).
    pub spent: f64,
}

/// The ratio of a slot after `given` posts.
pub fn ratio(slot: &Slot, given: u64) -> f64 {
    (slot.staff + given as f64) / slot.required
}

/// Whether a slot is still below its target after `given` posts.
pub fn below_target(slot: &Slot, given: u64) -> bool {
    slot.staff + (given as f64) < slot.target
}

/// The order in which candidates are served: smallest ratio first, then larger required, then
/// smaller facility_id, then smaller cadre name (both by bytes). `Less` means `a` is served first.
pub fn serve_order(a: (&Slot, u64), b: (&Slot, u64)) -> Ordering {
    ratio(a.0, a.1)
        .total_cmp(&ratio(b.0, b.1))
        .then_with(|| b.0.required.total_cmp(&a.0.required))
        .then_with(|| a.0.facility_id.as_bytes().cmp(b.0.facility_id.as_bytes()))
        .then_with(|| a.0.cadre.as_bytes().cmp(b.0.cadre.as_bytes()))
}

/// A heap entry: the key of a slot in its current state. The heap is a max-heap of `Reverse`,
/// so the smallest key (the next to serve) is on top.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    ratio: f64,
    required: f64,
    /// Rank of (facility_id, cadre) in byte order among the pool's members.
    rank: usize,
    slot: usize,
}

impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then_with(|| other.required.total_cmp(&self.required))
            .then_with(|| self.rank.cmp(&other.rank))
    }
}

/// Allocates one pool over `members` (indexes into `slots`), given the posts earlier pools gave
/// (`given`, per slot, updated in place). Members with required ≤ 0 are skipped. In the budget
/// form a member without a cost never receives a post.
pub fn allocate_pool(
    slots: &[Slot],
    given: &mut [u64],
    members: &[usize],
    limit: Limit,
) -> PoolResult {
    let mut ranked: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&s| slots[s].required > 0.0)
        .collect();
    ranked.sort_by(|&a, &b| {
        slots[a]
            .facility_id
            .as_bytes()
            .cmp(slots[b].facility_id.as_bytes())
            .then_with(|| slots[a].cadre.as_bytes().cmp(slots[b].cadre.as_bytes()))
            .then(a.cmp(&b))
    });
    ranked.dedup();
    let key = |slot: usize, rank: usize, given: &[u64]| Key {
        ratio: ratio(&slots[slot], given[slot]),
        required: slots[slot].required,
        rank,
        slot,
    };
    let mut heap: BinaryHeap<Reverse<Key>> = ranked
        .iter()
        .enumerate()
        .filter(|(_, &s)| below_target(&slots[s], given[s]))
        .map(|(rank, &s)| Reverse(key(s, rank, given)))
        .collect();
    let mut result = PoolResult::default();
    let (mut posts_left, mut budget_left) = match limit {
        Limit::Posts(n) => (n, f64::INFINITY),
        Limit::Budget(b) => (u64::MAX, b),
    };
    let budget_form = matches!(limit, Limit::Budget(_));
    while posts_left > 0 {
        let Some(Reverse(top)) = heap.pop() else {
            break;
        };
        let s = top.slot;
        if budget_form {
            // What is left of the budget only shrinks: a candidate it cannot pay for now it
            // never can.
            match slots[s].cost {
                Some(c) if c <= budget_left => {
                    budget_left -= c;
                    result.spent += c;
                }
                _ => continue,
            }
        }
        result.posts.push(Post {
            slot: s,
            ratio: top.ratio,
        });
        given[s] += 1;
        posts_left -= 1;
        if below_target(&slots[s], given[s]) {
            heap.push(Reverse(key(s, top.rank, given)));
        }
    }
    result
}

/// The smallest ratio among the members (required > 0) after `given` posts; `None` without one.
pub fn min_ratio(slots: &[Slot], given: &[u64], members: &[usize]) -> Option<f64> {
    members
        .iter()
        .filter(|&&s| slots[s].required > 0.0)
        .map(|&s| ratio(&slots[s], given[s]))
        .min_by(f64::total_cmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: &str, staff: f64, required: f64, target: f64) -> Slot {
        Slot {
            facility_id: id.into(),
            cadre: "Sage-femme".into(),
            staff,
            required,
            target,
            cost: None,
        }
    }

    fn order(slots: &[Slot], posts: u64) -> Vec<&str> {
        let mut given = vec![0; slots.len()];
        let members: Vec<usize> = (0..slots.len()).collect();
        allocate_pool(slots, &mut given, &members, Limit::Posts(posts))
            .posts
            .iter()
            .map(|p| slots[p.slot].facility_id.as_str())
            .collect()
    }

    /// Hand-computed: A 1/2 = 0.5, B 1/4 = 0.25, C 3/4 = 0.75.
    /// Post 1: B (0.25) → 2/4 = 0.5. Post 2: A and B tie at 0.5; B has the larger required (4).
    /// Post 3: A 0.5 < B 0.75 → A. Post 4: B 0.75 = C 0.75, same required 4, B < C → B (4/4,
    /// at target). Post 5: C (0.75). Post 6: C is 4/4 at target, A 2/2 at target: unallocated.
    #[test]
    fn smallest_ratio_then_larger_required_then_smaller_id() {
        let slots = [
            slot("A", 1.0, 2.0, 2.0),
            slot("B", 1.0, 4.0, 4.0),
            slot("C", 3.0, 4.0, 4.0),
        ];
        assert_eq!(order(&slots, 6), ["B", "B", "A", "B", "C"]);
    }

    /// Equal ratio and equal required: the smaller facility_id by bytes ("Z" < "a").
    #[test]
    fn facility_id_by_bytes() {
        let slots = [slot("a-1", 0.0, 2.0, 2.0), slot("Z-9", 0.0, 2.0, 2.0)];
        assert_eq!(order(&slots, 1), ["Z-9"]);
    }

    /// Target is required_rounded: 1.4 rounds to 1, so a facility with 1 in post gets nothing
    /// even though its ratio (0.71) is below 1; required 0 is never a candidate.
    #[test]
    fn target_and_required_zero() {
        let slots = [slot("A", 1.0, 1.4, 1.0), slot("B", 0.0, 0.0, 0.0)];
        assert!(order(&slots, 3).is_empty());
    }

    /// Budget: Médecin 2 000 000, Sage-femme 1 000 000, budget 2 500 000.
    /// M at 0/1 (ratio 0) and S at 0/1 (ratio 0): tie on ratio and required (1), same facility
    /// "F": cadre name by bytes, "Médecin" < "Sage-femme" → M (2 000 000 spent, 500 000 left).
    /// Then S costs 1 000 000 > 500 000: stop.
    #[test]
    fn budget_cadre_tie_and_affordability() {
        let mut m = slot("F", 0.0, 1.0, 1.0);
        m.cadre = "Médecin".into();
        m.cost = Some(2_000_000.0);
        let mut s = slot("F", 0.0, 1.0, 1.0);
        s.cost = Some(1_000_000.0);
        let slots = [s, m];
        let mut given = vec![0; 2];
        let r = allocate_pool(&slots, &mut given, &[0, 1], Limit::Budget(2_500_000.0));
        assert_eq!(r.posts.len(), 1);
        assert_eq!(slots[r.posts[0].slot].cadre, "Médecin");
        assert_eq!(r.spent, 2_000_000.0);
        // With 3 000 000 both fit.
        let mut given = vec![0; 2];
        let r = allocate_pool(&slots, &mut given, &[0, 1], Limit::Budget(3_000_000.0));
        assert_eq!(r.posts.len(), 2);
        assert_eq!(r.spent, 3_000_000.0);
    }

    /// An unaffordable candidate with the smallest ratio is passed over for an affordable one.
    #[test]
    fn budget_skips_what_it_cannot_pay() {
        let mut a = slot("A", 0.0, 2.0, 2.0);
        a.cost = Some(5.0);
        let mut b = slot("B", 1.0, 2.0, 2.0);
        b.cost = Some(1.0);
        let slots = [a, b];
        let mut given = vec![0; 2];
        let r = allocate_pool(&slots, &mut given, &[0, 1], Limit::Budget(3.0));
        let ids: Vec<&str> = r
            .posts
            .iter()
            .map(|p| slots[p.slot].facility_id.as_str())
            .collect();
        assert_eq!(ids, ["B"]);
        assert_eq!(r.spent, 1.0);
    }

    /// A later pool sees what an earlier one gave.
    #[test]
    fn pools_share_given() {
        let slots = [slot("A", 0.0, 2.0, 2.0), slot("B", 0.0, 3.0, 3.0)];
        let mut given = vec![0; 2];
        allocate_pool(&slots, &mut given, &[0], Limit::Posts(1));
        assert_eq!(given, [1, 0]);
        // Now A is 1/2 = 0.5, B 0/3 = 0: B first, then B 1/3 = 0.33, then A 0.5 vs B 2/3: A.
        let r = allocate_pool(&slots, &mut given, &[0, 1], Limit::Posts(3));
        let ids: Vec<usize> = r.posts.iter().map(|p| p.slot).collect();
        assert_eq!(ids, [1, 1, 0]);
        assert_eq!(given, [2, 2]);
        assert_eq!(min_ratio(&slots, &given, &[0, 1]), Some(2.0 / 3.0));
    }
}
