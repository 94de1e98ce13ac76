//! Russian: the Snowball Russian stemmer of `rust-stemmers`.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The stem of a folded (lowercase, `ё` → `е`) Russian word: `пенсию` → `пенси`.
pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::Russian))
        .stem(word)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_forms_share_a_stem() {
        let groups: [&[&str]; 5] = [
            &["пенсия", "пенсию", "пенсии", "пенсией", "пенсиях"],
            &[
                "министерство",
                "министерства",
                "министерству",
                "министерством",
            ],
            &["налог", "налоги", "налогов", "налогами"],
            &["вопрос", "вопроса", "вопросы", "вопросов"],
            &["гражданин", "гражданина", "гражданину"],
        ];
        for g in groups {
            let stems: Vec<String> = g.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{g:?}: {stems:?}");
        }
        assert_ne!(stem("налог"), stem("наличные"));
    }
}
