//! The search index of one language (format in `portal_api::search` and `docs/API.md`):
//! every word of the news (title, lead, body, byline), FAQ questions and answers, helplines
//! and agencies (names, groups, numbers, descriptions, topics) and static pages, as keys of
//! the language's [`Analyser`], each posting with its BM25 impact.

use crate::tree::Listed;
use portal_api::search::mark::{cut, SNIPPET_CHARS};
use portal_api::search::rank::{self, BODY_WEIGHT, LEAD_WEIGHT, TITLE_WEIGHT};
use portal_api::search::typo::reversed;
use portal_api::search::{
    block_texts, Analyser, DocKind, DocRange, SearchDoc, SearchDocs, SearchIndex, SearchShard,
    SearchVocab, Term, DOCS_PER_CHUNK, MAX_POSTINGS, SHARD_BYTES, VOCAB_BYTES,
};
use portal_api::{Agencies, Article, Faq, Helplines, StaticPage};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (as in rustc): a fast, non-cryptographic hash for the key map, which takes
/// millions of short keys from our own sources (no untrusted input to defend against).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The texts of a document by field, from the most weighty.
struct Fields<'a> {
    title: Vec<&'a str>,
    lead: Vec<&'a str>,
    body: Vec<&'a str>,
}

/// A document's distinct keys with their weighted frequency, and its weighted length.
fn analyse(fields: &Fields, analyser: Analyser) -> (Vec<(String, u32)>, u32) {
    let mut tf: FastMap<String, u32> = FastMap::default();
    let mut len = 0;
    for (texts, weight) in [
        (&fields.title, TITLE_WEIGHT),
        (&fields.lead, LEAD_WEIGHT),
        (&fields.body, BODY_WEIGHT),
    ] {
        for text in texts {
            for key in analyser.keys(text) {
                *tf.entry(key).or_default() += weight;
                len += weight;
            }
        }
    }
    let mut keys: Vec<(String, u32)> = tf.into_iter().collect();
    keys.sort_unstable();
    (keys, len)
}

/// The keys of every article, once per analyser: the five languages list mostly the same
/// (English) articles, so each is analysed once, and its keys are numbered, so that a
/// language's index is built by pushing numbers, not by hashing strings.
pub struct TokenTable {
    /// Key by id.
    keys: Vec<String>,
    id: FastMap<String, u32>,
    /// (Article by address, analyser) → row `i`: its key ids and weighted frequencies are
    /// `ids[offsets[i]..offsets[i + 1]]` and `tfs[…]`, its weighted length `lens[i]`.
    row: FastMap<(usize, Analyser), usize>,
    offsets: Vec<usize>,
    ids: Vec<u32>,
    tfs: Vec<u16>,
    lens: Vec<u32>,
}

fn article_fields(a: &Article) -> Fields<'_> {
    let mut body = block_texts(&a.body);
    body.extend(a.byline.as_deref());
    Fields {
        title: vec![a.title.as_str()],
        lead: vec![a.lead.as_str()],
        body,
    }
}

impl TokenTable {
    /// Analyses `articles`, each as it is served on the site of `site` (its own language,
    /// or English when it is a fallback), each (article, analyser) once however often it is
    /// given, in parallel.
    pub fn new<'a>(articles: impl IntoIterator<Item = (&'a str, &'a Listed<'a>)>) -> Self {
        let mut unique: Vec<(&Article, Analyser)> = Vec::new();
        let mut row: FastMap<(usize, Analyser), usize> = FastMap::default();
        for (site, l) in articles {
            let analyser = Analyser::of_text(site, l.lang);
            let key = (l.article as *const Article as usize, analyser);
            row.entry(key).or_insert_with(|| {
                unique.push((l.article, analyser));
                unique.len() - 1
            });
        }
        let mut table = Self {
            keys: Vec::new(),
            id: FastMap::default(),
            row,
            offsets: vec![0],
            ids: Vec::new(),
            tfs: Vec::new(),
            lens: Vec::new(),
        };
        // By blocks, so that the strings of only one block are in memory at once.
        for block in unique.chunks(16_384) {
            let analysed: Vec<(Vec<(String, u32)>, u32)> = block
                .par_iter()
                .map(|(a, analyser)| analyse(&article_fields(a), *analyser))
                .collect();
            for (keys, len) in analysed {
                for (k, tf) in keys {
                    let id = table.intern(k);
                    table.ids.push(id);
                    table.tfs.push(tf.min(u32::from(u16::MAX)) as u16);
                }
                table.offsets.push(table.ids.len());
                table.lens.push(len);
            }
        }
        table
    }

    fn intern(&mut self, k: String) -> u32 {
        match self.id.get(&k) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.keys.push(k.clone());
                self.id.insert(k, id);
                id
            }
        }
    }

    /// The row of an article listed on the site of `site`, which must have been given to
    /// `new`.
    fn row(&self, site: &str, l: &Listed) -> usize {
        let analyser = Analyser::of_text(site, l.lang);
        self.row[&(l.article as *const Article as usize, analyser)]
    }
}

/// The index of one language: its directory documents (FAQ, helplines, agencies, pages;
/// numbers `0..directory.len()`), then its news (in feed order: newest first), its shards
/// and its vocabulary by last letters.
pub struct Index {
    directory: Vec<SearchDoc>,
    news: usize,
    ranges: Vec<DocRange>,
    /// Where each shard begins, and its terms: key, df and [`pack`]ed postings (half the
    /// memory of [`Term`]'s pairs: five languages of 100,000 articles are held at once).
    shards: Vec<(String, Vec<PackedTerm>)>,
    vocab: Vec<(String, SearchVocab)>,
}

type PackedTerm = (Box<str>, u32, Box<[u32]>);

/// The most documents of one language: a posting packs its document in 24 bits.
pub const MAX_DOCS: usize = 1 << 24;

/// A posting in one `u32`: the document in the high 24 bits, the impact (1..=255) in the
/// low 8, so that packed postings sort by document.
fn pack(doc: u32, impact: u32) -> u32 {
    doc << 8 | impact.min(255)
}

fn unpack(p: u32) -> (u32, u32) {
    (p >> 8, p & 0xff)
}

fn news_doc(lang: &str, l: &Listed) -> SearchDoc {
    SearchDoc {
        kind: DocKind::News,
        route: format!("{lang}/news/{}/", l.article.id),
        title: l.article.title.clone(),
        snippet: cut(&l.article.lead, SNIPPET_CHARS),
        body: None,
        date: Some(l.article.date),
        lang: l.lang.map(str::to_string),
    }
}

/// The directory documents of a language, with their fields, in document order.
fn directory_docs<'a>(
    lang: &str,
    faq: Option<&'a Faq>,
    helplines: Option<&'a Helplines>,
    agencies: Option<&'a Agencies>,
    pages: &'a [StaticPage],
) -> Vec<(SearchDoc, Fields<'a>)> {
    let mut out = Vec::new();
    for topic in faq.iter().flat_map(|f| &f.topics) {
        for q in &topic.questions {
            let doc = SearchDoc {
                kind: DocKind::Faq,
                route: format!("{lang}/faq/#{}", q.id),
                title: q.question.clone(),
                snippet: cut(
                    q.answer.first().map(String::as_str).unwrap_or(""),
                    SNIPPET_CHARS,
                ),
                body: Some(q.answer.join("\n")).filter(|b| b.chars().count() > SNIPPET_CHARS),
                date: None,
                lang: q.lang.clone(),
            };
            let fields = Fields {
                title: vec![q.question.as_str()],
                lead: q.answer.iter().take(1).map(String::as_str).collect(),
                body: q
                    .answer
                    .iter()
                    .skip(1)
                    .map(String::as_str)
                    .chain([topic.title.as_str()])
                    .chain(q.keywords.iter().map(String::as_str))
                    .collect(),
            };
            out.push((doc, fields));
        }
    }
    for group in helplines.iter().flat_map(|h| &h.groups) {
        for h in &group.entries {
            let numbers: Vec<&str> = h
                .short_number
                .iter()
                .chain(&h.phones)
                .map(String::as_str)
                .collect();
            let mut contact = numbers.join(", ");
            if let Some(hours) = &h.hours {
                contact = format!("{contact} · {hours}");
            }
            let snippet = match &h.about {
                Some(about) => format!("{about} · {contact}"),
                None => contact,
            };
            let doc = SearchDoc {
                kind: DocKind::Helpline,
                route: format!("{lang}/helplines/#{}", h.id),
                title: h.name.clone(),
                snippet: cut(&snippet, SNIPPET_CHARS),
                body: (!h.topics.is_empty()).then(|| h.topics.join(", ")),
                date: None,
                lang: None,
            };
            let mut body: Vec<&str> = vec![group.name.as_str()];
            body.extend(h.topics.iter().map(String::as_str));
            body.extend(numbers);
            let fields = Fields {
                title: vec![h.name.as_str()],
                lead: h.about.iter().map(String::as_str).collect(),
                body,
            };
            out.push((doc, fields));
        }
    }
    for a in agencies.iter().flat_map(|a| &a.agencies) {
        let snippet = match &a.about {
            Some(about) => format!("{about} · {}", a.address),
            None => a.address.clone(),
        };
        let doc = SearchDoc {
            kind: DocKind::Agency,
            route: format!("{lang}/agencies/#{}", a.id),
            title: a.name.clone(),
            snippet: cut(&snippet, SNIPPET_CHARS),
            body: (!a.topics.is_empty()).then(|| a.topics.join(", ")),
            date: None,
            lang: None,
        };
        let mut body: Vec<&str> = vec![a.address.as_str()];
        body.extend(a.topics.iter().map(String::as_str));
        let fields = Fields {
            title: vec![a.name.as_str()],
            lead: a.about.iter().map(String::as_str).collect(),
            body,
        };
        out.push((doc, fields));
    }
    for p in pages {
        let texts = block_texts(&p.body);
        let doc = SearchDoc {
            kind: DocKind::Page,
            route: format!("{lang}/pages/{}/", p.slug),
            title: p.title.clone(),
            snippet: cut(texts.first().copied().unwrap_or(""), SNIPPET_CHARS),
            body: Some(texts.join("\n")).filter(|b| b.chars().count() > SNIPPET_CHARS),
            date: None,
            lang: p.lang.clone(),
        };
        let fields = Fields {
            title: vec![p.title.as_str()],
            lead: texts.iter().take(1).copied().collect(),
            body: texts.into_iter().skip(1).collect(),
        };
        out.push((doc, fields));
    }
    out
}

/// Consecutive documents of one kind (and year) as ranges.
fn ranges(kinds: impl IntoIterator<Item = (DocKind, Option<u16>)>) -> Vec<DocRange> {
    let mut out: Vec<DocRange> = Vec::new();
    for (i, (kind, year)) in kinds.into_iter().enumerate() {
        let i = i as u32;
        match out.last_mut() {
            Some(r) if r.kind == kind && r.year == year => r.end = i + 1,
            _ => out.push(DocRange {
                kind,
                year,
                first: i,
                end: i + 1,
            }),
        }
    }
    out
}

/// The shortest beginning of `next` that sorts after `last` (`last < next`): the first key
/// of a file as `index.json` lists it, all that a query needs to find the file.
fn separator(last: &str, next: &str) -> String {
    next.char_indices()
        .map(|(i, c)| &next[..i + c.len_utf8()])
        .find(|p| *p > last)
        .unwrap_or(next)
        .to_string()
}

/// The JSON length of a number.
fn digits(n: u32) -> usize {
    n.checked_ilog10().unwrap_or(0) as usize + 1
}

impl Index {
    /// Indexes the directory files and static pages of `lang` and its news, `news` in feed
    /// order (their keys in `table`).
    pub fn new(
        lang: &str,
        faq: Option<&Faq>,
        helplines: Option<&Helplines>,
        agencies: Option<&Agencies>,
        pages: &[StaticPage],
        news: &[Listed],
        table: &TokenTable,
    ) -> Self {
        let directory = directory_docs(lang, faq, helplines, agencies, pages);
        let analysed: Vec<(Vec<(String, u32)>, u32)> = directory
            .iter()
            .map(|(doc, fields)| analyse(fields, Analyser::of_text(lang, doc.lang.as_deref())))
            .collect();
        let rows: Vec<usize> = news.iter().map(|l| table.row(lang, l)).collect();
        let docs = directory.len() + news.len();
        assert!(
            docs < MAX_DOCS,
            "{lang}: {docs} documents, more than the search index's {MAX_DOCS}"
        );
        let total_len: u64 = analysed.iter().map(|a| u64::from(a.1)).sum::<u64>()
            + rows.iter().map(|&r| u64::from(table.lens[r])).sum::<u64>();
        let avg_len = total_len as f32 / docs.max(1) as f32;

        // Key id → postings (document, impact), ascending by document: documents are added
        // in order. Keys of the directory that no article has get ids past the table's.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); table.keys.len()];
        let mut own: FastMap<String, u32> = FastMap::default();
        let mut own_keys: Vec<String> = Vec::new();
        for (d, (keys, len)) in analysed.into_iter().enumerate() {
            for (k, tf) in keys {
                let id = match table.id.get(&k) {
                    Some(&id) => id as usize,
                    None => {
                        let next = table.keys.len() + own_keys.len();
                        let id = *own.entry(k.clone()).or_insert_with(|| {
                            own_keys.push(k);
                            postings.push(Vec::new());
                            next as u32
                        });
                        id as usize
                    }
                };
                postings[id].push(pack(d as u32, rank::impact(tf, len, avg_len)));
            }
        }
        let base = directory.len() as u32;
        for (i, &r) in rows.iter().enumerate() {
            let len = table.lens[r];
            for j in table.offsets[r]..table.offsets[r + 1] {
                let impact = rank::impact(u32::from(table.tfs[j]), len, avg_len);
                postings[table.ids[j] as usize].push(pack(base + i as u32, impact));
            }
        }

        // Terms in key order; a common key keeps its postings of highest impact.
        let key_of = |id: usize| -> &str {
            match table.keys.get(id) {
                Some(k) => k,
                None => &own_keys[id - table.keys.len()],
            }
        };
        let mut ids: Vec<usize> = (0..postings.len())
            .filter(|&id| !postings[id].is_empty())
            .collect();
        ids.par_sort_unstable_by(|&a, &b| key_of(a).cmp(key_of(b)));
        let mut shards: Vec<(String, Vec<PackedTerm>)> = Vec::new();
        let mut bytes = 0;
        let mut vocab_keys: Vec<&str> = Vec::with_capacity(ids.len());
        for id in ids {
            let list = &mut postings[id];
            let df = list.len() as u32;
            if list.len() > MAX_POSTINGS {
                // Highest impact first, then the newest (lowest) document.
                list.sort_unstable_by_key(|&p| (std::cmp::Reverse(p & 0xff), p));
                list.truncate(MAX_POSTINGS);
                list.sort_unstable();
            }
            let key = key_of(id);
            vocab_keys.push(key);
            let size = key.len()
                + digits(df)
                + 8
                + list
                    .iter()
                    .map(|&p| {
                        let (d, i) = unpack(p);
                        digits(d) + digits(i) + 2
                    })
                    .sum::<usize>();
            if shards.is_empty() || bytes + size > SHARD_BYTES {
                let first = match shards.last().and_then(|(_, s)| s.last()) {
                    Some(last) => separator(&last.0, key),
                    None => key.to_string(),
                };
                shards.push((first, Vec::new()));
                bytes = 0;
            }
            bytes += size;
            let packed = std::mem::take(list).into_boxed_slice();
            if let Some((_, s)) = shards.last_mut() {
                s.push((key.into(), df, packed));
            }
        }
        let mut by_end: Vec<(String, &str)> =
            vocab_keys.into_iter().map(|k| (reversed(k), k)).collect();
        by_end.par_sort_unstable();
        let mut vocab: Vec<(String, SearchVocab)> = Vec::new();
        let mut bytes = 0;
        let mut last_rev: Option<String> = None;
        for (rev, key) in by_end {
            let size = key.len() + 3;
            if vocab.is_empty() || bytes + size > VOCAB_BYTES {
                let first = match &last_rev {
                    Some(last) => separator(last, &rev),
                    None => rev.clone(),
                };
                vocab.push((first, SearchVocab::default()));
                bytes = 0;
            }
            bytes += size;
            if let Some((_, v)) = vocab.last_mut() {
                v.keys.push(key.to_string());
            }
            last_rev = Some(rev);
        }

        let ranges = ranges(
            directory.iter().map(|(d, _)| (d.kind, None)).chain(
                news.iter()
                    .map(|l| (DocKind::News, Some(l.article.date.year()))),
            ),
        );
        Self {
            directory: directory.into_iter().map(|(d, _)| d).collect(),
            news: news.len(),
            ranges,
            shards,
            vocab,
        }
    }

    pub fn docs(&self) -> u32 {
        (self.directory.len() + self.news) as u32
    }

    pub fn chunks(&self) -> u32 {
        self.docs().div_ceil(DOCS_PER_CHUNK)
    }

    pub fn shard_count(&self) -> usize {
        self.shards.len()
    }

    /// Shard `i`, as its file holds it.
    pub fn shard(&self, i: usize) -> SearchShard {
        let terms = self.shards[i]
            .1
            .iter()
            .map(|(key, df, packed)| {
                let postings: Vec<(u32, u32)> = packed.iter().map(|&p| unpack(p)).collect();
                Term::new(key.to_string(), *df, &postings)
            })
            .collect();
        SearchShard { terms }
    }

    pub fn vocab(&self) -> &[(String, SearchVocab)] {
        &self.vocab
    }

    pub fn meta(&self) -> SearchIndex {
        SearchIndex {
            docs: self.docs(),
            docs_per_chunk: DOCS_PER_CHUNK,
            max_postings: MAX_POSTINGS as u32,
            shards: self.shards.iter().map(|(n, _)| n.clone()).collect(),
            vocab: self.vocab.iter().map(|(n, _)| n.clone()).collect(),
            ranges: self.ranges.clone(),
        }
    }

    /// Chunk `chunk` of the documents; `news` as given to [`Index::new`].
    pub fn chunk(&self, lang: &str, chunk: u32, news: &[Listed]) -> SearchDocs {
        let first = chunk * DOCS_PER_CHUNK;
        let end = (first + DOCS_PER_CHUNK).min(self.docs());
        let d = self.directory.len() as u32;
        let docs = (first..end)
            .map(|r| match r < d {
                true => self.directory[r as usize].clone(),
                false => news_doc(lang, &news[(r - d) as usize]),
            })
            .collect();
        SearchDocs { first, docs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_kinds_and_years_make_ranges() {
        let r = ranges([
            (DocKind::Faq, None),
            (DocKind::Faq, None),
            (DocKind::Page, None),
            (DocKind::News, Some(2018)),
            (DocKind::News, Some(2017)),
            (DocKind::News, Some(2017)),
        ]);
        let spans: Vec<(DocKind, Option<u16>, u32, u32)> =
            r.iter().map(|r| (r.kind, r.year, r.first, r.end)).collect();
        assert_eq!(
            spans,
            [
                (DocKind::Faq, None, 0, 2),
                (DocKind::Page, None, 2, 3),
                (DocKind::News, Some(2018), 3, 4),
                (DocKind::News, Some(2017), 4, 6)
            ]
        );
        assert_eq!(
            (digits(0), digits(9), digits(10), digits(255)),
            (1, 1, 2, 3)
        );
        assert_eq!(
            unpack(pack(MAX_DOCS as u32 - 1, 255)),
            (MAX_DOCS as u32 - 1, 255)
        );
        assert!(pack(3, 255) < pack(4, 1));
    }

    #[test]
    fn files_are_listed_by_their_shortest_first_key() {
        assert_eq!(separator("kazakh", "kazakhstan"), "kazakhs");
        assert_eq!(separator("apple", "banana"), "b");
        assert_eq!(separator("сол", "солиқ"), "соли");
        let s = separator("tax", "taxes");
        assert!("tax" < s.as_str() && s.as_str() <= "taxes");
    }
}
