//! Filter-as-you-type matching, forgiving the way readers type: case, diacritics and the many
//! apostrophes of Uzbek (o' o‘ oʻ o` are the same letter) do not matter.

/// One character as matching sees it. One char in, one char out, so that positions in the
/// folded text are positions in the original.
pub fn fold(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ń' | 'ñ' => 'n',
        'ǵ' | 'ğ' => 'g',
        'ё' => 'е',
        _ => c,
    }
}

/// The words of a query, folded; empty words dropped.
pub fn query_words(query: &str) -> Vec<Vec<char>> {
    query
        .split_whitespace()
        .map(|w| w.chars().map(fold).collect())
        .filter(|w: &Vec<char>| !w.is_empty())
        .collect()
}

/// Char ranges of `text` where any of `words` occurs, sorted and merged.
pub fn find(text: &str, words: &[Vec<char>]) -> Vec<(usize, usize)> {
    let folded: Vec<char> = text.chars().map(fold).collect();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for word in words {
        if word.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - word.len() {
            if folded[start..start + word.len()] == word[..] {
                ranges.push((start, start + word.len()));
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// True when every word occurs in at least one of `texts`.
pub fn matches_all<'a>(
    texts: impl IntoIterator<Item = &'a str> + Clone,
    words: &[Vec<char>],
) -> bool {
    words.iter().all(|w| {
        texts
            .clone()
            .into_iter()
            .any(|t| !find(t, std::slice::from_ref(w)).is_empty())
    })
}

/// `text` cut into pieces, each marked as a match or not, for highlighting.
pub fn split(text: &str, words: &[Vec<char>]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (s, e) in find(text, words) {
        if s > at {
            pieces.push((chars[at..s].iter().collect(), false));
        }
        pieces.push((chars[s..e].iter().collect(), true));
        at = e;
    }
    if at < chars.len() || pieces.is_empty() {
        pieces.push((chars[at..].iter().collect(), false));
    }
    pieces
}

/// The digits of `s` (`+998 71 100` → `99871100`).
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_case_and_diacritics_do_not_matter() {
        let w = query_words("O'ZBEKISTON");
        assert!(matches_all(["Oʻzbekiston Respublikasi"], &w));
        assert!(matches_all(["O‘zbekiston"], &w));
        assert!(matches_all(["o`zbekiston"], &w));
        assert!(matches_all(
            ["Ózbekstan húkimet"],
            &query_words("ozbekstan hukimet")
        ));
        assert!(matches_all(["Ещё"], &query_words("еще")));
        assert!(!matches_all(["Toshkent"], &w));
    }

    #[test]
    fn every_word_must_occur_somewhere() {
        let w = query_words("passport  renew");
        assert!(matches_all(["How do I renew", "my passport?"], &w));
        assert!(!matches_all(["How do I renew my ID card?"], &w));
        assert!(matches_all(["anything"], &query_words("   ")));
    }

    #[test]
    fn splits_text_for_highlighting() {
        let w = query_words("pass");
        assert_eq!(
            split("Passport pass", &w),
            vec![
                ("Pass".into(), true),
                ("port ".into(), false),
                ("pass".into(), true)
            ]
        );
        assert_eq!(
            split("Oʻzbek", &query_words("o'z")),
            vec![("Oʻz".into(), true), ("bek".into(), false)]
        );
        assert_eq!(split("abc", &[]), vec![("abc".into(), false)]);
        assert_eq!(split("", &w), vec![(String::new(), false)]);
    }

    #[test]
    fn digits_of_a_phone_number() {
        assert_eq!(digits("+998 71 100-00-00"), "998711000000");
        assert_eq!(digits("1 00"), "100");
    }
}
