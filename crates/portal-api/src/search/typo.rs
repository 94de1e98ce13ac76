//! One typo: the words of the index that a query word may be a slip of the keyboard for.
//!
//! A typo is one letter inserted, deleted or substituted, or two neighbours swapped
//! (Damerau–Levenshtein distance 1). Only words of [`MIN_TYPO_CHARS`] letters or more are
//! corrected: shorter ones have too many neighbours. A typo can be anywhere, the first two
//! letters included: the query looks for candidates among the keys that begin like the word
//! (the shard that holds it) and among those that end like it (the vocabulary by last
//! letters, [`super::SearchVocab`]); in a word of five letters or more one typo leaves the
//! first two or the last two letters intact.

/// Fewest letters of a word that a typo is corrected in.
pub const MIN_TYPO_CHARS: usize = 5;

/// Whether `a` and `b` differ by exactly one typo.
pub fn one_typo(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            // Substitution, or a swap of two neighbours.
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

/// `word` reversed: the vocabulary by last letters is sorted by it.
pub fn reversed(word: &str) -> String {
    word.chars().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_of_each_kind() {
        assert!(one_typo("kazahstan", "kazakhstan")); // deletion
        assert!(one_typo("kazakkhstan", "kazakhstan")); // insertion
        assert!(one_typo("kazakhstam", "kazakhstan")); // substitution
        assert!(one_typo("kazakhtsan", "kazakhstan")); // swap
        assert!(one_typo("akzakhstan", "kazakhstan")); // swap of the first two
        assert!(one_typo("qazakhstan", "kazakhstan")); // the first letter
        assert!(one_typo("azakhstan", "kazakhstan")); // the first letter missing
        assert!(one_typo("пеннсия", "пенсия"));
    }

    #[test]
    fn not_zero_or_two() {
        assert!(!one_typo("kazakhstan", "kazakhstan"));
        assert!(!one_typo("kazahstam", "kazakhstan"));
        assert!(!one_typo("kazakh", "kazakhstan"));
        assert!(!one_typo("akzakhtsan", "kazakhstan"));
        assert!(!one_typo("abcde", "edcba"));
    }

    #[test]
    fn reverses_by_character() {
        assert_eq!(reversed("солиқ"), "қилос");
    }
}
