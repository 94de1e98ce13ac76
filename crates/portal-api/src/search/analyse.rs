//! From text to index keys: the words of a text, folded, transliterated where the language
//! has two scripts, and stemmed by the language's rules. The index builder and the query
//! both go through [`Analyser`], so a word and its forms meet on one key.

use super::fold::{fold, APOSTROPHE};
use super::stem::{english, russian, uzbek};
use super::translit::{self, Script};

/// Shortest and longest word, in characters: shorter words are not indexed, longer ones
/// are cut (they are rarely words).
pub const MIN_TOKEN_CHARS: usize = 2;
pub const MAX_TOKEN_CHARS: usize = 40;

/// How one language turns text into keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Analyser {
    /// Snowball English.
    English,
    /// Snowball Russian for Cyrillic words, English for Latin ones (names, loans). Russian
    /// stays in Cyrillic.
    Russian,
    /// Uzbek in either script: Cyrillic to Latin, then the suffix stripper; apostrophes
    /// are dropped from keys, so `o'qituvchi`, `oʻqituvchi` and `oqituvchi` meet.
    Uzbek,
    /// Karakalpak in either script, as Uzbek with its own letters and suffixes.
    Karakalpak,
}

/// One word of a text: where it is (byte range in the text) and its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub key: String,
}

impl Analyser {
    /// The analyser of the site language `lang` (a URL code); English for any other.
    pub fn of(lang: &str) -> Self {
        match lang {
            "ru" => Self::Russian,
            "oz" | "uz" => Self::Uzbek,
            "qr" => Self::Karakalpak,
            _ => Self::English,
        }
    }

    /// The analyser of a text on the site of `site`: English for a text served in English
    /// there (`lang` set, as in [`crate::NewsSummary::lang`]), else the site's.
    pub fn of_text(site: &str, lang: Option<&str>) -> Self {
        Self::of(lang.unwrap_or(site))
    }

    /// The analysers a query on the site of `site` goes through: the site's, and English
    /// (articles not yet translated are served in English everywhere).
    pub fn for_query(site: &str) -> Vec<Self> {
        let own = Self::of(site);
        if own == Self::English {
            vec![own]
        } else {
            vec![own, Self::English]
        }
    }

    /// The key of one word (any case, any script).
    pub fn key(self, word: &str) -> String {
        let folded = self.normalise(word);
        let w = folded.trim_matches(APOSTROPHE);
        self.stem(w)
    }

    /// The key of a word already normalised (folded, transliterated) and trimmed.
    fn stem(self, w: &str) -> String {
        let w: String = w.chars().take(MAX_TOKEN_CHARS).collect();
        match self {
            Self::English => english::stem(&w),
            Self::Russian if w.chars().any(is_cyrillic) => russian::stem(&w),
            Self::Russian => english::stem(&w),
            Self::Uzbek => drop_apostrophes(&uzbek::stem(&w, uzbek::Language::Uzbek)),
            Self::Karakalpak => drop_apostrophes(&uzbek::stem(&w, uzbek::Language::Karakalpak)),
        }
    }

    /// Text folded as this language compares it: case, diacritics, apostrophes, and for
    /// Uzbek and Karakalpak the Latin script.
    pub fn normalise(self, text: &str) -> String {
        match self {
            Self::English | Self::Russian => fold(text),
            Self::Uzbek => fold(&translit::to_latin(text, Script::Uzbek)),
            Self::Karakalpak => fold(&translit::to_latin(text, Script::Karakalpak)),
        }
    }

    /// The words of `text` with their keys, in text order (duplicates kept): runs of letters,
    /// digits and apostrophes (inside a word: `o'zbekiston` is one word, `'quoted'` is
    /// `quoted`) of at least [`MIN_TOKEN_CHARS`] characters.
    pub fn words(self, text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        for (start, end) in spans(text) {
            let folded = self.normalise(&text[start..end]);
            let w = folded.trim_matches(APOSTROPHE);
            if w.chars().count() < MIN_TOKEN_CHARS {
                continue;
            }
            out.push(Word {
                start,
                end,
                key: self.stem(w),
            });
        }
        out
    }

    /// The keys of `text`, in text order.
    pub fn keys(self, text: &str) -> impl Iterator<Item = String> {
        self.words(text).into_iter().map(|w| w.key)
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

fn drop_apostrophes(s: &str) -> String {
    s.chars().filter(|c| *c != APOSTROPHE).collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | 'ʻ' | 'ʼ' | '`' | 'ʹ' | '′')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_apostrophe(c) || matches!(c, '\u{0300}'..='\u{036F}')
}

/// Byte ranges of the words of `text`: runs of letters, digits, combining marks and
/// apostrophes, without apostrophes at either end.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut push = |s: usize, e: usize| {
        let word = &text[s..e];
        let trimmed_start = word.len() - word.trim_start_matches(is_apostrophe).len();
        let trimmed = word.trim_matches(is_apostrophe);
        if !trimmed.is_empty() {
            let s = s + trimmed_start;
            out.push((s, s + trimmed.len()));
        }
    };
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(a: Analyser, text: &str) -> Vec<String> {
        a.keys(text).collect()
    }

    #[test]
    fn words_are_runs_of_letters_digits_and_inner_apostrophes() {
        let t = keys(
            Analyser::English,
            "A “quoted” word, 'single', e-mail: x@y.uz — 1000 and 2017-11-01",
        );
        assert_eq!(
            t,
            ["quot", "word", "singl", "mail", "uz", "1000", "and", "2017", "11", "01"]
        );
        let text = "‘Oʻzbekiston’ Respublikasi";
        let spans: Vec<&str> = spans(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(spans, ["Oʻzbekiston", "Respublikasi"]);
        let long = "a".repeat(100);
        assert!(Analyser::Russian.key(&long).chars().count() <= MAX_TOKEN_CHARS);
    }

    #[test]
    fn both_uzbek_scripts_and_every_apostrophe_give_one_key() {
        let a = Analyser::Uzbek;
        for w in ["soliq", "СОЛИҚ", "Soliqni", "солиқлар", "soliqlarning"] {
            assert_eq!(a.key(w), "soliq", "{w}");
        }
        for w in [
            "o'qituvchi",
            "oʻqituvchi",
            "O‘qituvchi",
            "ўқитувчи",
            "oqituvchi",
        ] {
            assert_eq!(a.key(w), "oqituvchi", "{w}");
        }
        assert_eq!(a.key("Қозоғистоннинг"), a.key("Qozog'iston"));
        assert_eq!(a.key("маълумотлар"), a.key("ma’lumot"));
    }

    #[test]
    fn both_karakalpak_scripts_give_one_key() {
        let a = Analyser::Karakalpak;
        assert_eq!(a.key("Қарақалпақстан"), a.key("Qaraqalpaqstan"));
        assert_eq!(a.key("жаңалықлар"), a.key("Jańalıqlar"));
        assert_eq!(a.key("ҳүкимет"), a.key("húkimet"));
        assert_eq!(a.key("ўатан"), a.key("watan"));
    }

    #[test]
    fn russian_stays_cyrillic_and_stems_both_scripts() {
        let a = Analyser::Russian;
        assert_eq!(a.key("пенсию"), a.key("пенсии"));
        assert_eq!(a.key("Министерства"), a.key("министерство"));
        assert!(a.key("налог").starts_with("налог"));
        assert_eq!(a.key("Kazakhstan's"), "kazakhstan");
    }

    #[test]
    fn queries_go_through_the_site_language_and_english() {
        assert_eq!(Analyser::for_query("en"), [Analyser::English]);
        assert_eq!(
            Analyser::for_query("uz"),
            [Analyser::Uzbek, Analyser::English]
        );
        assert_eq!(Analyser::of_text("ru", Some("en")), Analyser::English);
        assert_eq!(Analyser::of_text("ru", None), Analyser::Russian);
    }
}
