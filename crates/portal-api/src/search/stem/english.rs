//! English: the Snowball English (Porter2) stemmer of `rust-stemmers`.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The stem of a folded (lowercase) English word: `schools` → `school`,
/// `kazakhstan's` → `kazakhstan`.
pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_a_word_share_a_stem() {
        let groups: [&[&str]; 5] = [
            &["school", "schools", "school's"],
            &["pension", "pensions"],
            &["reform", "reforms", "reformed", "reforming"],
            &["kazakhstan", "kazakhstan's"],
            &["citizen", "citizens"],
        ];
        for g in groups {
            let stems: Vec<String> = g.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{g:?}: {stems:?}");
        }
        assert_ne!(stem("tax"), stem("taxi"));
    }
}
