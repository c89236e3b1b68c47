//! Each code's [`Handles`], found from its [`CodeIdentity`] at every answer with no label
//! formatted or hashed.
//!
//! An identity is a row of its type's table, constant data that constants read, so it
//! holds nothing mutable; its handles live here instead, keyed by the identity's address.
//! The key picks one of [`BUCKETS`] buckets, and each bucket is a chain of entries that
//! only grows: finding a registered code is a multiplication, an atomic load and a
//! comparison or two (as many as the codes whose addresses share its bucket, one for a
//! catalog of hundreds), with no lock, and entries are written once, so their cache lines
//! are never moved between cores by answers. A code's first answer registers its handles
//! with the recorder and appends its entry.
//!
//! A table is a constant, whose data the compiler may copy into each crate (or codegen
//! unit) that uses it, so one code can have a few addresses, each with its entry: each
//! registers the same labels, which a recorder counts as one series (the `metrics`
//! facade's contract: a key names one metric).

use std::sync::OnceLock;

use super::Handles;
use crate::observe::CodeIdentity;

/// Buckets: a power of two, more than the codes of most services.
const BUCKETS: usize = 1 << 10;

/// A registered code: its identity's address, its handles, and the next entry of its
/// bucket.
struct Entry {
    key: usize,
    handles: Handles,
    next: Chain,
}

/// A bucket's first entry, or an entry's next: set once, by the first answer that needs it.
type Chain = OnceLock<&'static Entry>;

static CHAINS: [Chain; BUCKETS] = [const { OnceLock::new() }; BUCKETS];

/// The handles of `identity`'s code, registered with the current recorder at its first
/// answer.
pub(super) fn handles(identity: &'static CodeIdentity) -> &'static Handles {
    let key = std::ptr::from_ref(identity) as usize;
    let mut chain = &CHAINS[bucket(key)];
    loop {
        // Only the thread that sets an entry registers it; one that finds another code's
        // entry there follows it.
        let entry = chain.get_or_init(|| {
            Box::leak(Box::new(Entry {
                key,
                handles: Handles::register(identity),
                next: OnceLock::new(),
            }))
        });
        if entry.key == key {
            return &entry.handles;
        }
        chain = &entry.next;
    }
}

/// The bucket of the address `key`: Fibonacci hashing of the address without its
/// alignment bits, which spreads the rows of one table (a few dozen bytes apart) over
/// distinct buckets.
fn bucket(key: usize) -> usize {
    let spread = ((key >> 3) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (spread >> (64 - BUCKETS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::identity;

    #[test]
    fn each_code_has_its_own_handles_whatever_its_bucket() {
        // More codes than buckets, so that chains are followed.
        let codes: Vec<&'static CodeIdentity> = (0..3 * BUCKETS)
            .map(|_| &*Box::leak(Box::new(identity("Many", "1", 404, false, 5, "R", "Many"))))
            .collect();
        let first: Vec<*const Handles> =
            codes.iter().map(|code| handles(code) as *const _).collect();
        let again: Vec<*const Handles> =
            codes.iter().map(|code| handles(code) as *const _).collect();
        assert_eq!(first, again);
        let mut distinct = first.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), codes.len());
    }

    #[test]
    fn a_code_at_two_addresses_is_counted_as_one_series() {
        let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
        let [one, copy] = [(); 2].map(|()| {
            &*Box::leak(Box::new(identity(
                "Twice", "10400", 404, false, 5, "R", "Twice",
            )))
        });
        metrics::with_local_recorder(&recorder, || {
            handles(one).hand_over(0.5);
            handles(copy).hand_over(0.25);
        });
        let text = recorder.handle().render();
        let series: Vec<&str> = text
            .lines()
            .filter(|line| line.starts_with("hero_codes_answers_total{catalog=\"Twice\""))
            .collect();
        assert_eq!(series.len(), 1, "{text}");
        assert!(series[0].ends_with(" 2"), "{text}");
    }
}
