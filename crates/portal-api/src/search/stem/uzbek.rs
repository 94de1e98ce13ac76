//! Uzbek and Karakalpak: a suffix stripper for the inflection at the end of a noun.
//!
//! Both languages are agglutinative: a noun takes, in this order, the plural, a possessive
//! and a case suffix (`soliq·lar·imiz·ning`, "of our taxes"). The stripper removes them from
//! the end in the reverse order, each step at most once:
//! 1. a case suffix (genitive, accusative, dative, locative, ablative, and `-dagi`; in
//!    Karakalpak also their forms after a third person possessive, `-n -na -nda -nan`);
//! 2. a possessive suffix (`-imiz`, `-ingiz`, `-lari`, `-si`, `-i`, …);
//! 3. the plural (`-lar`; Karakalpak also `-ler -dar -der -tar -ter`).
//!
//! The longest suffix of a step is tried first. A suffix is removed only if at least
//! [`MIN_ROOT`] letters remain (apostrophes do not count), so short roots stay whole
//! (`uy`, `ona`, `kun`, `bola`). Suffixes whose form depends on the root are only removed
//! where they fit it: the dative `-ka`/`-qa` after `k`/`q` (`vazirlikka`, `tarmoqqa`), the
//! possessive `-si` after a vowel (`bolasi`), and `-i` after a consonant (not `ch`) with at
//! least four letters left (`xizmati` → `xizmat`, but `kuni` and `o'qituvchi` stay). Derivational suffixes (`-lik`,
//! `-chi`) are kept: they make other words.
//!
//! It works on folded Latin text (Cyrillic is transliterated first, [`super::super::translit`]),
//! so both scripts give one key.

/// Fewest letters left after removing a suffix.
pub const MIN_ROOT: usize = 3;

/// The language whose suffixes to strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Uzbek,
    Karakalpak,
}

/// A suffix and what the root must be like for it to be removed.
#[derive(Clone, Copy)]
enum Fit {
    Any,
    /// The root ends in this letter (the dative `-ka`/`-qa`).
    After(char),
    /// The root ends in a vowel.
    AfterVowel,
    /// The root ends in a consonant and keeps at least four letters.
    AfterConsonant4,
    /// The root ends in the third person possessive `-i`/`-si` and keeps at least four
    /// letters: Karakalpak's case forms after it (`pensiyası·n`, `·na`, `·nda`, `·nan`).
    AfterPossessive,
}

const UZ_CASE: &[(&str, Fit)] = &[
    ("gacha", Fit::Any),
    ("ning", Fit::Any),
    ("dagi", Fit::Any),
    ("dan", Fit::Any),
    ("dek", Fit::Any),
    ("ni", Fit::Any),
    ("ga", Fit::Any),
    ("ka", Fit::After('k')),
    ("qa", Fit::After('q')),
    ("da", Fit::Any),
];
const UZ_POSSESSIVE: &[(&str, Fit)] = &[
    ("ingiz", Fit::Any),
    ("imiz", Fit::Any),
    ("ngiz", Fit::AfterVowel),
    ("lari", Fit::Any),
    ("miz", Fit::AfterVowel),
    ("ing", Fit::Any),
    ("si", Fit::AfterVowel),
    ("i", Fit::AfterConsonant4),
];
const UZ_PLURAL: &[(&str, Fit)] = &[("lar", Fit::Any)];

// Karakalpak after folding: `ı` → `i`, `ń` → `n`, `ǵ` → `g`, so `-nıń` is `-nin`.
const QR_CASE: &[(&str, Fit)] = &[
    ("dagi", Fit::Any),
    ("degi", Fit::Any),
    ("nin", Fit::Any),
    ("nan", Fit::AfterPossessive),
    ("nda", Fit::AfterPossessive),
    ("din", Fit::Any),
    ("tin", Fit::Any),
    ("dan", Fit::Any),
    ("den", Fit::Any),
    ("tan", Fit::Any),
    ("ten", Fit::Any),
    ("ga", Fit::Any),
    ("ge", Fit::Any),
    ("qa", Fit::Any),
    ("ke", Fit::Any),
    ("da", Fit::Any),
    ("de", Fit::Any),
    ("ta", Fit::Any),
    ("te", Fit::Any),
    ("ni", Fit::Any),
    ("di", Fit::Any),
    ("ti", Fit::Any),
    ("na", Fit::AfterPossessive),
    ("n", Fit::AfterPossessive),
];
const QR_POSSESSIVE: &[(&str, Fit)] = &[
    ("iniz", Fit::Any),
    ("imiz", Fit::Any),
    ("lari", Fit::Any),
    ("leri", Fit::Any),
    ("miz", Fit::AfterVowel),
    ("si", Fit::AfterVowel),
    ("i", Fit::AfterConsonant4),
];
const QR_PLURAL: &[(&str, Fit)] = &[
    ("lar", Fit::Any),
    ("ler", Fit::Any),
    ("dar", Fit::Any),
    ("der", Fit::Any),
    ("tar", Fit::Any),
    ("ter", Fit::Any),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// `word` without the first suffix of `step` that it ends with and that fits its root.
fn strip<'a>(word: &'a str, step: &[(&str, Fit)]) -> &'a str {
    for (suffix, fit) in step {
        let Some(root) = word.strip_suffix(suffix) else {
            continue;
        };
        let last = root.chars().last();
        let fits = match fit {
            Fit::Any => true,
            Fit::After(c) => last == Some(*c),
            Fit::AfterVowel => last.is_some_and(is_vowel),
            // Not after `ch`: `-chi` makes nouns of agents (`o'qituvchi`), whose `-i` is
            // not a possessive (their possessive is `-si`: `o'qituvchisi`).
            Fit::AfterConsonant4 => {
                last.is_some_and(|c| c.is_alphabetic() && !is_vowel(c))
                    && !root.ends_with("ch")
                    && letters(root) >= 4
            }
            Fit::AfterPossessive => last == Some('i') && letters(root) >= 4,
        };
        if fits && letters(root) >= MIN_ROOT {
            return root;
        }
    }
    word
}

/// The root of a folded Latin word: case, possessive and plural suffixes removed.
pub fn stem(word: &str, language: Language) -> String {
    let (case, possessive, plural) = match language {
        Language::Uzbek => (UZ_CASE, UZ_POSSESSIVE, UZ_PLURAL),
        Language::Karakalpak => (QR_CASE, QR_POSSESSIVE, QR_PLURAL),
    };
    if !word.chars().all(|c| c.is_ascii_alphanumeric() || c == '\'') {
        return word.to_string();
    }
    let w = strip(word, case);
    let w = strip(w, possessive);
    let w = strip(w, plural);
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uz(w: &str) -> String {
        stem(w, Language::Uzbek)
    }

    #[test]
    fn uzbek_chains_reduce_to_the_root() {
        let words = [
            ("soliq", "soliq"),
            ("soliqni", "soliq"),
            ("soliqlar", "soliq"),
            ("soliqlarni", "soliq"),
            ("soliqlarning", "soliq"),
            ("soliqlari", "soliq"),
            ("soliqlarimiz", "soliq"),
            ("soliqda", "soliq"),
            ("soliqdan", "soliq"),
            ("soliqqa", "soliq"),
            ("soliqlardagi", "soliq"),
            ("vazirlikka", "vazirlik"),
            ("vazirliklari", "vazirlik"),
            ("xizmati", "xizmat"),
            ("xizmatlari", "xizmat"),
            ("kitobini", "kitob"),
            ("bolasi", "bola"),
            ("bolalarga", "bola"),
            ("toshkentda", "toshkent"),
            ("toshkentdagi", "toshkent"),
            ("qozog'istonning", "qozog'iston"),
            ("o'zbekistonga", "o'zbekiston"),
            ("fuqarolarimizning", "fuqaro"),
            ("o'qituvchi", "o'qituvchi"),
            ("o'qituvchisi", "o'qituvchi"),
            ("o'qituvchilarga", "o'qituvchi"),
        ];
        for (w, root) in words {
            assert_eq!(uz(w), root, "{w}");
        }
    }

    #[test]
    fn short_roots_are_not_over_stemmed() {
        for w in [
            "uy", "ona", "ota", "kun", "kuni", "non", "bola", "suv", "ish", "yil", "oila", "qora",
            "dala", "lar", "ular", "shu", "ga", "dan", "da",
        ] {
            assert_eq!(uz(w), w, "{w}");
        }
        // Two letters are too few a root: `uyda` ("at home") keeps its ending.
        assert_eq!(uz("uyda"), "uyda");
        // `-ka` and `-qa` only after `k` and `q`.
        assert_eq!(uz("fabrika"), "fabrika");
        assert_eq!(uz("amerika"), "amerika");
        // Words in other scripts or with other letters are left as they are.
        assert_eq!(uz("налогами"), "налогами");
    }

    #[test]
    fn karakalpak_suffixes_follow_its_vowel_harmony() {
        let qr = |w| stem(w, Language::Karakalpak);
        let words = [
            ("janaliqlar", "janaliq"),
            ("janaliqlardi", "janaliq"),
            ("qaraqalpaqstanda", "qaraqalpaqstan"),
            ("qaraqalpaqstannin", "qaraqalpaqstan"),
            ("mektepler", "mektep"),
            ("mekteplerde", "mektep"),
            ("mektepke", "mektep"),
            ("xaliqtin", "xaliq"),
            ("xaliqqa", "xaliq"),
            ("hukimetler", "hukimet"),
            // After the third person possessive: accusative, dative, locative, ablative.
            ("pensiyasin", "pensiya"),
            ("pensiyasina", "pensiya"),
            ("pensiyasinda", "pensiya"),
            ("pensiyasinan", "pensiya"),
            ("pensiyasinin", "pensiya"),
            ("konstituciyanin", "konstituciya"),
            ("kitabin", "kitab"),
            ("ata", "ata"),
            ("ana", "ana"),
            ("suw", "suw"),
        ];
        for (w, root) in words {
            assert_eq!(qr(w), root, "{w}");
        }
    }
}
