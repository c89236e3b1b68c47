//! Timing two operations against each other on a noisy machine: in alternating rounds, so
//! that the machine's drift touches both alike, and by the median round of each.

use std::time::Instant;

/// The median of `values` (the upper one of an even count).
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Nanoseconds per operation of `ours` and `baseline`, each the median of `rounds` rounds
/// of `iterations` calls of `run`; the side that goes first alternates from round to
/// round.
///
/// ```
/// let (ours, baseline) = hero_codes_bench::rounds::interleaved(3, 10, 1u8, 2u8, |op| {
///     std::hint::black_box(op);
/// });
/// assert!(ours >= 0.0 && baseline >= 0.0);
/// ```
pub fn interleaved<T: Copy>(
    rounds: usize,
    iterations: u32,
    ours: T,
    baseline: T,
    mut run: impl FnMut(T),
) -> (f64, f64) {
    let mut time = |op: T| {
        let start = Instant::now();
        for _ in 0..iterations {
            run(op);
        }
        start.elapsed().as_secs_f64() * 1e9 / f64::from(iterations)
    };
    let (mut ours_ns, mut baseline_ns) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        if round % 2 == 0 {
            ours_ns.push(time(ours));
            baseline_ns.push(time(baseline));
        } else {
            baseline_ns.push(time(baseline));
            ours_ns.push(time(ours));
        }
    }
    (median(&mut ours_ns), median(&mut baseline_ns))
}
