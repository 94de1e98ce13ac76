//! Uzbek and Karakalpak Cyrillic to Latin, so that a word typed in either script finds the
//! other: the index and the query of `oz`, `uz` and `qr` both hold the Latin form.
//!
//! Uzbek follows the official correspondence of the Cyrillic and Latin alphabets (the Latin
//! alphabet of 1995 and its rules of spelling):
//! - `ў ғ` → `oʻ gʻ` (here `o' g'`: apostrophes fold to one), `қ ҳ` → `q h`, `ш ч` → `sh ch`,
//!   `ж` → `j`, `х` → `x`, `й` → `y`, `ъ` → `ʼ` (the tutuq belgisi, here `'`);
//! - `е` → `ye` at the start of a word and after a vowel, `ъ` or `ь`, else `e`
//!   (`ер` → `yer`, `поезд` → `poyezd`, `кел` → `kel`); `э` → `e`;
//! - `ё ю я` → `yo yu ya`;
//! - `ц` → `ts` after a vowel, else `s` (`цирк` → `sirk`, `милиция` → `militsiya`);
//! - `щ` → `sh`, `ь` is not written, `ы` → `i`.
//!
//! Karakalpak (the Latin alphabet of 2016) shares these and has its own letters: `ә ө ү`
//! → `á ó ú`, `ң` → `ń`, `ғ` → `ǵ`, `ў` → `w`, `ы` → `ı`, and it writes `ц` as `c`
//! (`Конституция` → `Konstituciya`); the index then drops the diacritics
//! ([`super::fold`]), so `ә` and `á` both become `a`.

/// Which alphabet correspondence to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Uzbek,
    Karakalpak,
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'а'
            | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'э'
            | 'ю'
            | 'я'
            | 'ў'
            | 'ы'
            | 'ә'
            | 'ө'
            | 'ү'
    )
}

/// `text` with every Cyrillic letter of `script` written in Latin; other characters as
/// they are (lowercase first: the rules look at the letter before).
pub fn to_latin(text: &str, script: Script) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut previous: Option<char> = None;
    for c in text.chars().flat_map(char::to_lowercase) {
        let word_start = previous.is_none_or(|p| !p.is_alphabetic());
        let after_vowel = previous.is_some_and(is_vowel);
        let s: &str = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' if word_start || after_vowel || matches!(previous, Some('ъ' | 'ь')) => "ye",
            'е' | 'э' => "e",
            'ё' => "yo",
            'ж' => "j",
            'з' => "z",
            'и' => "i",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "x",
            'ц' if script == Script::Karakalpak => "c",
            'ц' if after_vowel => "ts",
            'ц' => "s",
            'ч' => "ch",
            'ш' | 'щ' => "sh",
            'ъ' => "'",
            'ь' => "",
            'ю' => "yu",
            'я' => "ya",
            'қ' => "q",
            'ҳ' => "h",
            'ғ' if script == Script::Uzbek => "g'",
            'ғ' => "ǵ",
            'ў' if script == Script::Uzbek => "o'",
            'ў' => "w",
            'ы' if script == Script::Uzbek => "i",
            'ы' => "ı",
            'ә' => "á",
            'ө' => "ó",
            'ү' => "ú",
            'ң' => "ń",
            _ => {
                out.push(c);
                previous = Some(c);
                continue;
            }
        };
        out.push_str(s);
        previous = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uz(s: &str) -> String {
        to_latin(s, Script::Uzbek)
    }

    #[test]
    fn uzbek_letters_follow_the_official_correspondence() {
        let words = [
            ("Ўзбекистон", "o'zbekiston"),
            ("ғалаба", "g'alaba"),
            ("солиқ", "soliq"),
            ("ҳукумат", "hukumat"),
            ("шаҳар", "shahar"),
            ("чет", "chet"),
            ("жамият", "jamiyat"),
            ("хизмат", "xizmat"),
            ("маълумот", "ma'lumot"),
            ("съезд", "s'yezd"),
            ("йўл", "yo'l"),
            ("ёшлар", "yoshlar"),
            ("юрт", "yurt"),
            ("янги", "yangi"),
            ("эълон", "e'lon"),
            ("шьёр", "shyor"),
        ];
        for (cyr, lat) in words {
            assert_eq!(uz(cyr), lat, "{cyr}");
        }
    }

    #[test]
    fn ye_at_the_start_and_after_vowels_else_e() {
        assert_eq!(uz("ер"), "yer");
        assert_eq!(uz("Европа"), "yevropa");
        assert_eq!(uz("поезд"), "poyezd");
        assert_eq!(uz("кел"), "kel");
        assert_eq!(uz("шеър"), "she'r");
        assert_eq!(uz("объект"), "ob'yekt");
        assert_eq!(uz("мен ер"), "men yer");
    }

    #[test]
    fn ts_after_vowels_else_s() {
        assert_eq!(uz("цирк"), "sirk");
        assert_eq!(uz("милиция"), "militsiya");
        assert_eq!(uz("концерт"), "konsert");
        assert_eq!(uz("щётка"), "shyotka");
    }

    #[test]
    fn latin_and_other_text_pass_through() {
        assert_eq!(uz("Soliq 2017, o'zbek!"), "soliq 2017, o'zbek!");
    }

    #[test]
    fn karakalpak_has_its_own_letters() {
        let qr = |s| to_latin(s, Script::Karakalpak);
        assert_eq!(qr("Қарақалпақстан"), "qaraqalpaqstan");
        assert_eq!(qr("әдебият"), "ádebiyat");
        assert_eq!(qr("өзгерис"), "ózgeris");
        assert_eq!(qr("үлкен"), "úlken");
        assert_eq!(qr("жаңалық"), "jańalıq");
        assert_eq!(qr("ғәрезсиз"), "ǵárezsiz");
        assert_eq!(qr("ўатан"), "watan");
        assert_eq!(qr("Конституция"), "konstituciya");
        assert_eq!(qr("цирк"), "cirk");
    }
}
