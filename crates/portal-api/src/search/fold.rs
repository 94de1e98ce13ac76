//! Case and diacritics: text as the index compares it, in every language.

/// The apostrophe every Uzbek and Karakalpak Latin apostrophe variant folds to.
pub const APOSTROPHE: char = '\'';

/// Text as the index compares it: lowercase (Latin and Cyrillic), Latin letters without
/// diacritics (`é` → `e`, Karakalpak `á ó ú ı ń ǵ` → `a o u i n g`), the apostrophes of
/// Uzbek Latin (`'` `‘` `’` `ʻ` `ʼ` `` ` ``) all [`APOSTROPHE`], Cyrillic `ё` → `е` (`й`
/// and the Uzbek and Karakalpak letters `ў қ ғ ҳ ә ө ү ң` are kept: they are letters of
/// their own; [`super::translit`] maps them to Latin where the language has two scripts).
/// Combining marks are dropped, so decomposed input folds the same.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\'' | '‘' | '’' | 'ʻ' | 'ʼ' | '`' | 'ʹ' | '′' => out.push(APOSTROPHE),
            // Combining diacritical marks.
            '\u{0300}'..='\u{036F}' => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => {
                for l in c.to_lowercase() {
                    match fold_letter(l) {
                        Some(s) => out.push_str(s),
                        None => out.push(l),
                    }
                }
            }
        }
    }
    out
}

/// A lowercase letter without its diacritics, where it has some.
fn fold_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǵ' | 'ǧ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ё' => "е",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uzbek_apostrophes_and_case_fold_the_same() {
        let forms = [
            "O'zbekiston",
            "Oʻzbekiston",
            "O‘ZBEKISTON",
            "O’zbekiston",
            "Oʼzbekiston",
            "O`zbekiston",
        ];
        for f in forms {
            assert_eq!(fold(f), "o'zbekiston", "{f}");
        }
    }

    #[test]
    fn cyrillic_folds_case_and_yo_but_keeps_its_letters() {
        assert_eq!(fold("ЎЗБЕКИСТОН Ёшлар"), "ўзбекистон ешлар");
        assert_eq!(
            fold("Йўл ҚАРАҚАЛПАҚСТАН Ғалаба Ҳукумат"),
            "йўл қарақалпақстан ғалаба ҳукумат"
        );
        assert_eq!(fold("ӘӨҮҢ"), "әөүң");
        assert_eq!(fold("Правительство"), fold("ПРАВИТЕЛЬСТВО"));
    }

    #[test]
    fn latin_diacritics_are_stripped() {
        assert_eq!(
            fold("Ózbekstan Húkimet Jańalıqlar ǴÁRREZSIZ"),
            "ozbekstan hukimet janaliqlar garrezsiz"
        );
        assert_eq!(fold("Café NAÏVE Straße"), "cafe naive strasse");
        // Decomposed: e + combining acute.
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }
}
