//! The mark of an error answer, in its response's extensions, with the map that holds it
//! used again.
//!
//! A fresh map costs an answer three allocations (the map, its table, the boxed mark):
//! about 600 instructions, a twentieth of a whole request over loopback. So the layer,
//! once it has read a mark and nothing after it needs the map, keeps the map, and the
//! next answer made on that thread overwrites the mark in it. Only a map that holds our
//! mark and nothing else is kept, at most [`SPARE_MAPS`] per thread; what an answer
//! means never depends on whether its map is new or used.

use std::cell::RefCell;

use http::Extensions;

use crate::answer::Mark;

/// The most maps a thread keeps: answers made on one thread and kept by a layer on
/// another (a spawned task's) would otherwise pile maps up there.
const SPARE_MAPS: usize = 32;

thread_local! {
    static SPARE: RefCell<Vec<Extensions>> = const { RefCell::new(Vec::new()) };
}

/// Extensions that hold `mark` alone: a kept map with its mark overwritten, else a new one.
pub(super) fn extensions_with(mark: Mark) -> Extensions {
    let spare = SPARE
        .try_with(|spare| spare.borrow_mut().pop())
        .ok()
        .flatten();
    if let Some(mut extensions) = spare
        && let Some(kept) = extensions.get_mut::<Mark>()
    {
        *kept = mark;
        return extensions;
    }
    let mut extensions = Extensions::new();
    extensions.insert(mark);
    extensions
}

/// Takes `extensions` to be used again if they hold a mark and nothing else, leaving
/// them empty; else leaves them as they are.
pub(super) fn reclaim(extensions: &mut Extensions) {
    if extensions.len() != 1 || extensions.get::<Mark>().is_none() {
        return;
    }
    let map = std::mem::take(extensions);
    let _ = SPARE.try_with(|spare| {
        let mut spare = spare.borrow_mut();
        if spare.len() < SPARE_MAPS {
            spare.push(map);
        }
    });
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
        assert_eq!(extensions.len(), 2);
        let mut unmarked = Extensions::new();
        unmarked.insert(7_u32);
        reclaim(&mut unmarked);
        assert_eq!(unmarked.get::<u32>(), Some(&7));
    }
}
