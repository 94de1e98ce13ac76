//! `portal-content sample --articles N --seed S <source dir>`: writes N synthetic articles
//! into `<source dir>/en/news/`, to try the build, the app and the search at scale.
//!
//! The articles are deterministic (the same N and seed give the same bytes), marked
//! `sample: true`, spread over the categories of `en/site.json` and over dates ending at
//! the newest existing article, with ids above every existing one. Their words follow a
//! skewed (Zipf-like) distribution over a large made-up vocabulary, as real text does, so
//! that the size of a search index built from them is realistic.
//!
//! Run it on a copy of `content/`, never on `content/` itself.

use crate::source::{self, SourceError};
use portal_api::Date;
use std::fs;
use std::path::{Path, PathBuf};

/// What [`write()`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleReport {
    pub articles: usize,
    pub first_id: u32,
    pub last_id: u32,
    pub first_date: Date,
    pub last_date: Date,
    pub folder: PathBuf,
}

/// SplitMix64: a tiny, good-enough, dependency-free generator; determinism is all we need.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Common words of news text, drawn often.
const COMMON: [&str; 64] = [
    "government",
    "ministry",
    "region",
    "district",
    "citizens",
    "programme",
    "public",
    "services",
    "new",
    "national",
    "project",
    "development",
    "reform",
    "education",
    "health",
    "roads",
    "water",
    "schools",
    "hospitals",
    "youth",
    "farmers",
    "business",
    "investment",
    "trade",
    "exports",
    "culture",
    "museum",
    "festival",
    "sport",
    "team",
    "championship",
    "university",
    "students",
    "teachers",
    "digital",
    "online",
    "portal",
    "application",
    "housing",
    "energy",
    "transport",
    "railway",
    "airport",
    "tourism",
    "heritage",
    "agriculture",
    "cotton",
    "harvest",
    "science",
    "research",
    "library",
    "court",
    "law",
    "draft",
    "council",
    "meeting",
    "agreement",
    "cooperation",
    "support",
    "families",
    "children",
    "pensions",
    "employment",
    "safety",
];

const PLACES: [&str; 14] = [
    "Tashkent",
    "Samarkand",
    "Bukhara",
    "Khiva",
    "Andijan",
    "Namangan",
    "Fergana",
    "Nukus",
    "Karshi",
    "Termez",
    "Jizzakh",
    "Gulistan",
    "Navoi",
    "Urgench",
];

const VERBS: [&str; 12] = [
    "opens",
    "launches",
    "expands",
    "completes",
    "announces",
    "supports",
    "improves",
    "modernises",
    "discusses",
    "approves",
    "welcomes",
    "presents",
];

const SYLLABLES: [&str; 24] = [
    "ba", "ko", "ri", "ta", "mu", "sa", "le", "no", "gu", "zi", "pe", "da", "ka", "lo", "mi", "ra",
    "shu", "to", "ve", "ya", "ni", "ro", "qa", "bek",
];

/// Size of the made-up vocabulary.
const VOCABULARY: u64 = 60_000;

/// Made-up word number `n`: `n` in base 24, at least two digits, one syllable a digit, so
/// every `n` gives another word of at least four letters.
fn made_up_word(mut n: u64) -> String {
    let mut word = String::new();
    let mut syllables = 0;
    while n > 0 || syllables < 2 {
        word.push_str(SYLLABLES[(n % 24) as usize]);
        n /= 24;
        syllables += 1;
    }
    word
}

/// One word: often a common one, else a made-up one with a Zipf-like skew (rank
/// `V^u`), so that a few made-up words are frequent and most are rare.
fn word(rng: &mut Rng) -> String {
    if rng.below(3) == 0 {
        rng.pick(&COMMON).to_string()
    } else {
        let rank = (VOCABULARY as f64).powf(rng.unit()) as u64;
        made_up_word(rank)
    }
}

fn words(rng: &mut Rng, n: usize) -> Vec<String> {
    (0..n).map(|_| word(rng)).collect()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sentence(rng: &mut Rng, min: usize, spread: u64) -> String {
    let n = min + rng.below(spread) as usize;
    let mut w = words(rng, n);
    let at = rng.below(n as u64) as usize;
    w[at] = format!("in {}", rng.pick(&PLACES));
    format!("{}.", capitalised(&w.join(" ")))
}

/// The text of sample article `id`.
fn article(rng: &mut Rng, id: u32, date: Date, category: &str) -> String {
    let (place, subject, verb) = (rng.pick(&PLACES), word(rng), rng.pick(&VERBS));
    let n = 2 + rng.below(4) as usize;
    let title = format!("{place} {subject} {verb} {}", words(rng, n).join(" "));
    let lead = sentence(rng, 14, 10);
    let mut body = Vec::new();
    for _ in 0..2 + rng.below(3) {
        let sentences: Vec<String> = (0..2 + rng.below(3))
            .map(|_| sentence(rng, 8, 12))
            .collect();
        body.push(sentences.join(" "));
    }
    if rng.below(4) == 0 {
        body.insert(1, format!("## {}", capitalised(&words(rng, 3).join(" "))));
    }
    if rng.below(5) == 0 {
        let items: Vec<String> = (0..3)
            .map(|_| format!("- {}", words(rng, 4).join(" ")))
            .collect();
        body.push(items.join("\n"));
    }
    format!(
        "id: {id}\ntitle: {title}\ndate: {date}\ncategory: {category}\nlead: {lead}\nbyline: Portal editorial team (sample)\nsample: true\n---\n{}\n",
        body.join("\n\n")
    )
}

/// Writes `count` sample articles into `source/en/news/`: ids from one above the highest
/// existing id, dates spread evenly at random over a span that grows with `count` (up to
/// ten years) and ends on the newest existing article's date, categories drawn from
/// `en/site.json`.
pub fn write(source: &Path, count: usize, seed: u64) -> Result<SampleReport, SourceError> {
    let en = source.join(portal_api::FALLBACK_LANGUAGE);
    let site_file = en.join("site.json");
    let text = fs::read_to_string(&site_file).map_err(|e| {
        SourceError::new(
            &site_file,
            None,
            format!(
                "cannot read: {e}: is {} a content folder?",
                source.display()
            ),
        )
    })?;
    let site = source::parse_site(&site_file, portal_api::FALLBACK_LANGUAGE, &text)?;
    let news = en.join("news");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| SourceError::new(&path, None, format!("cannot write: {e}"))
    };
    fs::create_dir_all(&news).map_err(io(&news))?;

    // The highest id and the newest date among the existing articles.
    let mut max_id = 0;
    let mut newest: Option<Date> = None;
    for entry in fs::read_dir(&news).map_err(io(&news))? {
        let path = entry.map_err(io(&news))?.path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some(id) = name.split('-').next().and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        max_id = max_id.max(id);
        if let Ok(text) = fs::read_to_string(&path) {
            let date = text
                .lines()
                .find_map(|l| l.strip_prefix("date:"))
                .and_then(|d| d.trim().parse::<Date>().ok());
            newest = newest.max(date);
        }
    }
    let last = newest.unwrap_or_else(|| Date::new(2018, 1, 31).expect("a valid date"));
    let span = (count as i64 / 4).clamp(30, 3650);
    let last_day = last.day_number();

    let categories: Vec<&str> = site.categories.iter().map(|c| c.slug.as_str()).collect();
    let mut rng = Rng(seed);
    let first_id = max_id + 1;
    let (mut first_date, mut last_date) = (
        last,
        Date::from_day_number(last_day - span + 1).expect("a date after the year 0"),
    );
    for i in 0..count {
        let id = first_id + i as u32;
        let date = Date::from_day_number(last_day - rng.below(span as u64) as i64)
            .expect("a date after the year 0");
        first_date = first_date.min(date);
        last_date = last_date.max(date);
        let category = rng.pick(&categories);
        let text = article(&mut rng, id, date, category);
        let file = news.join(format!("{id}-sample-article.txt"));
        fs::write(&file, text).map_err(io(&file))?;
    }
    Ok(SampleReport {
        articles: count,
        first_id,
        last_id: first_id + count.saturating_sub(1) as u32,
        first_date,
        last_date,
        folder: news,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_words_are_distinct_slug_safe_and_long_enough() {
        let words: std::collections::BTreeSet<String> = (0..VOCABULARY).map(made_up_word).collect();
        assert_eq!(words.len(), VOCABULARY as usize);
        assert!(words
            .iter()
            .all(|w| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn articles_parse_and_are_deterministic() {
        let mut a = Rng(7);
        let mut b = Rng(7);
        let date: Date = "2017-11-01".parse().unwrap();
        let text = article(&mut a, 100, date, "sport");
        assert_eq!(text, article(&mut b, 100, date, "sport"));
        let parsed = source::parse_article(Path::new("100-sample-article.txt"), &text).unwrap();
        assert!(parsed.sample);
        assert_eq!(
            (parsed.id, parsed.date, parsed.category.as_str()),
            (100, date, "sport")
        );
        assert!(!parsed.body.is_empty());
    }
}
