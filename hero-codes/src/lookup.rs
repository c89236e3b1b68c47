//! Finding a variant by its code in constant time, whatever the catalog's size.
//!
//! Each generated enum holds its codes in its table's identities and, built by `const`
//! evaluation at compile time, an open-addressing table of twice the codes' count, rounded
//! up to a power of two: a code hashes to a slot and is found in one or two probes on
//! average, for 14 codes as for 10,000. The hash lives here only, used both to build and
//! to search.

use crate::CodeIdentity;

/// FNV-1a over the code's bytes: a few nanoseconds for a short code, and `const`.
const fn hash(code: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < code.len() {
        hash ^= code[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The number of slots for `codes` codes: a power of two at least twice the count, so the
/// table is at most half full.
pub const fn slot_count(codes: usize) -> usize {
    (codes * 2).next_power_of_two()
}

/// The table for the codes of `codes`: each slot holds 0 (empty) or a code's index plus
/// one. `SLOTS` must be `slot_count(codes.len())`; codes are unique (the catalog checks see
/// to it).
pub const fn build_index<const SLOTS: usize>(codes: &[CodeIdentity]) -> [u32; SLOTS] {
    let count = codes.len();
    assert!(
        SLOTS == slot_count(count),
        "SLOTS must be slot_count(codes.len())"
    );
    let mut slots = [0u32; SLOTS];
    let mask = SLOTS - 1;
    let mut index = 0;
    while index < count {
        let mut slot = hash(codes[index].code().as_bytes()) as usize & mask;
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index as u32 + 1;
        index += 1;
    }
    slots
}

/// The index of `code` in `codes`, searching `slots` built by [`build_index`].
pub fn find(slots: &[u32], codes: &[CodeIdentity], code: &str) -> Option<usize> {
    let mask = slots.len() - 1;
    let mut slot = hash(code.as_bytes()) as usize & mask;
    loop {
        let entry = slots[slot] as usize;
        if entry == 0 {
            return None;
        }
        if codes[entry - 1].code() == code {
            return Some(entry - 1);
        }
        slot = (slot + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::identity;

    /// Identities of `codes`, in order: what a table holds.
    fn identities(codes: &[&'static str]) -> Vec<CodeIdentity> {
        let row = |code| identity("Codes", code, 404, false, 5, "NOT_FOUND", "Codes");
        codes.iter().map(|code| row(*code)).collect()
    }

    #[test]
    fn finds_every_code_and_no_other() {
        let codes = ["0", "10000", "10400", "E_AUTH", "码"];
        let rows = identities(&codes);
        let slots: [u32; slot_count(5)] = build_index(&rows);
        for (index, code) in codes.iter().enumerate() {
            assert_eq!(find(&slots, &rows, code), Some(index));
        }
        for missing in ["", "1", "10401", "10400 ", "e_auth"] {
            assert_eq!(find(&slots, &rows, missing), None);
        }
    }

    #[test]
    fn an_empty_catalog_finds_nothing() {
        let slots: [u32; slot_count(0)] = build_index(&[]);
        assert_eq!(find(&slots, &[], "0"), None);
    }

    #[test]
    fn a_full_range_of_numeric_codes() {
        let codes: Vec<&'static str> = (0..10_000)
            .map(|n| &*String::leak((10_000 + n).to_string()))
            .collect();
        let rows = identities(&codes);
        let slots: Box<[u32; slot_count(10_000)]> = Box::new(build_index(&rows));
        assert!(
            codes
                .iter()
                .enumerate()
                .all(|(i, code)| find(&*slots, &rows, code) == Some(i))
        );
        assert_eq!(find(&*slots, &rows, "9999"), None);
    }
}
