//! "Did you mean" suggestions for misspelt keys and codes.

/// The candidate closest to `input`, if one is close enough to be a likely misspelling:
/// the first of [`nearest`].
///
/// ```
/// use hero_codes_catalog::closest;
/// assert_eq!(closest("stauts", ["code", "status", "desc"]), Some("status"));
/// assert_eq!(closest("10401", ["1001", "10001", "10301", "10400"]), Some("10400"));
/// assert_eq!(closest("colour", ["code", "status"]), None);
/// ```
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest(input, candidates).into_iter().next()
}

/// Every candidate that is a likely misspelling of `input` (at most one edit in three
/// characters, and at least one) and as close as the closest one: as few edits, and as
/// near in length. Nearest first: for numbers, the numerically nearest, else in the order
/// given. So `10401` suggests `10400` before `10001`, and `A0401` is `A0400`, `A0404` or
/// `A0410`, each one slip away.
///
/// ```
/// use hero_codes_catalog::nearest;
/// assert_eq!(nearest("A0401", ["00000", "A0400", "A0404", "A0410", "B0001"]), ["A0400", "A0404", "A0410"]);
/// assert_eq!(nearest("10401", ["1001", "10001", "10301", "10400"]), ["10400", "10301", "10001"]);
/// assert!(nearest("colour", ["code", "status"]).is_empty());
/// ```
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let length = input.chars().count();
    let allowed = (length / 3).max(1);
    let number = input.parse::<u64>().ok();
    let mut ranked: Vec<_> = candidates
        .into_iter()
        .map(|candidate| {
            let distance = edit_distance(input, candidate);
            let length_gap = length.abs_diff(candidate.chars().count());
            let number_gap = number
                .zip(candidate.parse::<u64>().ok())
                .map_or(u64::MAX, |(a, b)| a.abs_diff(b));
            ((distance, length_gap, number_gap), candidate)
        })
        .filter(|&((distance, _, _), _)| distance <= allowed)
        .collect();
    ranked.sort_by_key(|&(rank, _)| rank); // stable: equal ranks keep the order given
    let best = ranked
        .first()
        .map(|&((distance, length_gap, _), _)| (distance, length_gap));
    let mut picked: Vec<&str> = Vec::new();
    for ((distance, length_gap, _), candidate) in ranked {
        if Some((distance, length_gap)) == best && !picked.contains(&candidate) {
            picked.push(candidate);
        }
    }
    picked
}

/// Levenshtein distance in characters, with an adjacent swap counted as one edit
/// (`stauts` is one slip away from `status`, not two).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: distance between a[..i] and b[..j]; three rows are enough for swaps.
    let mut before_previous: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before_previous[j - 2] + 1);
            }
        }
        before_previous = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn counts_edits() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("code", "code"), 0);
        assert_eq!(edit_distance("code", "cod"), 1);
        assert_eq!(edit_distance("stauts", "status"), 1);
        assert_eq!(edit_distance("10400", "10500"), 1);
        assert_eq!(edit_distance("成功", "成"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
