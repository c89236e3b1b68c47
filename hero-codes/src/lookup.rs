//! Finding a variant by its code in constant time, whatever the catalog's size.
//!
//! Each generated enum holds its codes in an array and, built by `const` evaluation at
//! compile time, an open-addressing table of twice the codes' count, rounded up to a power
//! of two: a code hashes to a slot and is found in one or two probes on average, for 14
//! codes as for 10,000. The hash lives here only, used both to build and to search.

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

/// The table for `codes`: each slot holds 0 (empty) or a code's index plus one. `SLOTS`
/// must be `slot_count(codes.len())`; codes are unique (the catalog checks see to it).
pub const fn build_index<const SLOTS: usize>(codes: &[&str]) -> [u32; SLOTS] {
    let count = codes.len();
    assert!(
        SLOTS == slot_count(count),
        "SLOTS must be slot_count(codes.len())"
    );
    let mut slots = [0u32; SLOTS];
    let mask = SLOTS - 1;
    let mut index = 0;
    while index < count {
        let mut slot = hash(codes[index].as_bytes()) as usize & mask;
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index as u32 + 1;
        index += 1;
    }
    slots
}

/// The index of `code` in `codes`, searching `slots` built by [`build_index`].
pub fn find(slots: &[u32], codes: &[&str], code: &str) -> Option<usize> {
    let mask = slots.len() - 1;
    let mut slot = hash(code.as_bytes()) as usize & mask;
    loop {
        let entry = slots[slot] as usize;
        if entry == 0 {
            return None;
        }
        if codes[entry - 1] == code {
            return Some(entry - 1);
        }
        slot = (slot + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_code_and_no_other() {
        const CODES: [&str; 5] = ["0", "10000", "10400", "E_AUTH", "码"];
        const SLOTS: [u32; slot_count(5)] = build_index(&CODES);
        for (index, code) in CODES.iter().enumerate() {
            assert_eq!(find(&SLOTS, &CODES, code), Some(index));
        }
        for missing in ["", "1", "10401", "10400 ", "e_auth"] {
            assert_eq!(find(&SLOTS, &CODES, missing), None);
        }
    }

    #[test]
    fn an_empty_catalog_finds_nothing() {
        const CODES: [&str; 0] = [];
        const SLOTS: [u32; slot_count(0)] = build_index(&CODES);
        assert_eq!(find(&SLOTS, &CODES, "0"), None);
    }

    #[test]
    fn a_full_range_of_numeric_codes() {
        let codes: Vec<String> = (0..10_000).map(|n| (10_000 + n).to_string()).collect();
        let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
        let codes: &[&str; 10_000] = codes.as_slice().try_into().unwrap();
        let slots: Box<[u32; slot_count(10_000)]> = Box::new(build_index(codes));
        assert!(
            codes
                .iter()
                .enumerate()
                .all(|(i, code)| find(&*slots, codes, code) == Some(i))
        );
        assert_eq!(find(&*slots, codes, "9999"), None);
    }
}
