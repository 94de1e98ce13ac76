//! What a result shows of its text: the words that matched the query marked (stem and typo
//! matches too, since the text's words go through the same [`Analyser`]), and a snippet cut
//! from where those words are.

use super::Analyser;
use std::collections::BTreeSet;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 160;

/// `text` in pieces, each `(piece, matched)`: a word whose key is in `keys` is a piece of its
/// own, marked.
pub fn pieces(text: &str, analyser: Analyser, keys: &BTreeSet<String>) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut at = 0;
    for w in analyser.words(text) {
        if keys.contains(&w.key) {
            if w.start > at {
                out.push((text[at..w.start].to_string(), false));
            }
            out.push((text[w.start..w.end].to_string(), true));
            at = w.end;
        }
    }
    if at < text.len() || out.is_empty() {
        out.push((text[at..].to_string(), false));
    }
    out
}

/// Whether any word of `text` has a key in `keys`.
pub fn has_match(text: &str, analyser: Analyser, keys: &BTreeSet<String>) -> bool {
    analyser.words(text).iter().any(|w| keys.contains(&w.key))
}

/// At most [`SNIPPET_CHARS`] of `text` around its first word with a key in `keys` (from the
/// start of its sentence when that is near), cut at word boundaries, with `…` where cut;
/// `None` if no word matches.
pub fn snippet_around(text: &str, analyser: Analyser, keys: &BTreeSet<String>) -> Option<String> {
    let hit = analyser
        .words(text)
        .into_iter()
        .find(|w| keys.contains(&w.key))?;
    // Start: the sentence's start if within 60 characters before the word, else a word
    // boundary about 40 characters before it.
    let before: Vec<(usize, char)> = text[..hit.start].char_indices().collect();
    let back = before.len().saturating_sub(60);
    let sentence = before[back..]
        .iter()
        .rev()
        .find(|(i, c)| matches!(c, '.' | '!' | '?' | '\n') && *i + 1 < hit.start)
        .map(|(i, c)| i + c.len_utf8());
    let start = match sentence {
        Some(s) => s,
        None if before.len() <= 40 => 0,
        None => {
            let from = before[before.len() - 40].0;
            text[from..hit.start]
                .find(char::is_whitespace)
                .map(|w| from + w)
                .unwrap_or(from)
        }
    };
    let rest = text[start..].trim_start();
    let start = text.len() - rest.len();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&cut(rest, SNIPPET_CHARS - out.chars().count()));
    Some(out)
}

/// `text` cut to `max` characters at a word boundary, with `…` when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max).collect();
    let end = head.rfind(char::is_whitespace).unwrap_or(head.len());
    format!(
        "{}…",
        head[..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(a: Analyser, words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| a.key(w)).collect()
    }

    #[test]
    fn marks_every_form_of_the_query_words() {
        let a = Analyser::Uzbek;
        let p = pieces("Soliqlar va soliqni to‘lash", a, &keys(a, &["soliq"]));
        assert_eq!(
            p,
            [
                ("Soliqlar".to_string(), true),
                (" va ".to_string(), false),
                ("soliqni".to_string(), true),
                (" to‘lash".to_string(), false)
            ]
        );
        // The other script of the text is marked too.
        let p = pieces("Солиқ тўлаш", a, &keys(a, &["soliq"]));
        assert_eq!(p[0], ("Солиқ".to_string(), true));
        let none = pieces("Nothing here", a, &keys(a, &["soliq"]));
        assert_eq!(none, [("Nothing here".to_string(), false)]);
    }

    #[test]
    fn snippets_come_from_where_the_word_is() {
        let a = Analyser::English;
        let text = format!(
            "{} The delegation visited the Maktaaral district. {}",
            "Opening words of a long article. ".repeat(10),
            "More text follows. ".repeat(10)
        );
        let s = snippet_around(&text, a, &keys(a, &["maktaaral"])).unwrap();
        assert!(s.starts_with("…The delegation"), "{s}");
        assert!(
            s.contains("Maktaaral") && s.chars().count() <= SNIPPET_CHARS + 1,
            "{s}"
        );
        assert!(snippet_around(&text, a, &keys(a, &["absent"])).is_none());
        let short = snippet_around("Pensions and taxes.", a, &keys(a, &["tax"])).unwrap();
        assert_eq!(short, "Pensions and taxes.");
    }

    #[test]
    fn cuts_at_a_word() {
        assert_eq!(cut("Short.", 10), "Short.");
        let s = cut(&"word ".repeat(50), SNIPPET_CHARS);
        assert!(
            s.ends_with("word…") && s.chars().count() <= SNIPPET_CHARS + 1,
            "{s}"
        );
    }
}
