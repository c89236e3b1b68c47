//! The mark of an error answer, in its response's extensions, with the map that holds it
//! used again.
//!
//! A fresh map costs an answer three allocations (the map, its table, the boxed mark):
//! about 600 instructions, a twentieth of a whole request over loopback. So the layer,
//! once it has read a mark and nothing after it needs the map, keeps the map, and the
//! next answer made on that thread overwrites the mark in it. Only a map that holds our
//! mark and nothing else is kept, one per thread: a handler's answer is usually read by
//! its layer in the same poll, before the thread makes another. What an answer means
//! never depends on whether its map is new or used.

use std::cell::Cell;

use http::Extensions;

use crate::answer::Mark;

thread_local! {
    /// A map that holds a mark and nothing else, kept by the last layer on this thread.
    static SPARE: Cell<Option<Extensions>> = const { Cell::new(None) };
}

/// Extensions that hold `mark` alone: the kept map with its mark overwritten, else a new
/// one.
pub(super) fn extensions_with(mark: Mark) -> Extensions {
    let mut extensions = SPARE
        .try_with(Cell::take)
        .ok()
        .flatten()
        .unwrap_or_default();
    match extensions.get_mut::<Mark>() {
        Some(kept) => *kept = mark,
        None => {
            extensions.insert(mark);
        }
    }
    extensions
}

/// Takes `extensions`, which hold a mark the layer has read, to be used again if they hold
/// nothing else, leaving them empty; else leaves them as they are.
pub(super) fn reclaim(extensions: &mut Extensions) {
    debug_assert!(
        extensions.get::<Mark>().is_some(),
        "reclaimed a map without a mark"
    );
    if extensions.len() == 1 {
        let map = std::mem::take(extensions);
        // A map kept before is dropped: one per thread is enough.
        let _ = SPARE.try_with(|spare| spare.set(Some(map)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Failure;

    #[test]
    fn a_reclaimed_map_carries_the_next_mark_alone() {
        let mut first = extensions_with(Mark::Rejected(Failure::NotFound));
        reclaim(&mut first);
        assert!(first.is_empty(), "the map was taken");
        let next = extensions_with(Mark::Recorded);
        assert_eq!(next.len(), 1);
        assert!(matches!(next.get::<Mark>(), Some(Mark::Recorded)));
    }

    #[test]
    fn a_map_with_anything_else_is_left_alone() {
        let mut extensions = extensions_with(Mark::Recorded);
        extensions.insert("the app's own");
        reclaim(&mut extensions);
        assert_eq!(extensions.len(), 2, "the map was left alone");
        assert_eq!(extensions.get::<&str>(), Some(&"the app's own"));
    }
}
