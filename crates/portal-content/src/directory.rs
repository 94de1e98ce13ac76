//! The FAQ (`content/{lang}/faq.json`), the helplines (`content/{lang}/helplines.json`) and
//! the agencies (`content/{lang}/agencies.json`) of one language, written by editors as JSON
//! in the shapes of the contract ([`Faq`], [`Helplines`], [`Agencies`]), format in
//! `content/README.md`.
//!
//! [`parse_faq`], [`parse_helplines`] and [`parse_agencies`] check everything one file can
//! tell about itself and report every problem found, each at the line of the item it
//! concerns. [`complete_faq`], [`complete_helplines`] and [`complete_agencies`] check a
//! translation against the fallback language's file and fill in what it lacks from it.

use crate::source::{is_slug, line_of, line_of_nth, SourceError};
use portal_api::{
    Agencies, Agency, Faq, FaqQuestion, FaqTopic, Helpline, HelplineGroup, Helplines,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A parsed source file, with its text, to locate errors found later (across languages).
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFile<T> {
    pub file: PathBuf,
    pub text: String,
    pub value: T,
}

/// The problems of one file, each located at the line of a needle (an item's quoted id).
struct Problems<'a> {
    file: &'a Path,
    text: &'a str,
    errors: Vec<SourceError>,
}

impl<'a> Problems<'a> {
    fn new(file: &'a Path, text: &'a str) -> Self {
        Self {
            file,
            text,
            errors: Vec::new(),
        }
    }

    /// A problem at the line of occurrence `nth` (from 0) of `"{id}"`.
    fn at_nth(&mut self, id: &str, nth: usize, message: String) {
        let line = line_of_nth(self.text, &format!("\"{id}\""), nth);
        self.errors
            .push(SourceError::new(self.file, Some(line), message));
    }

    /// A problem at the line where `"{id}"` first appears.
    fn at(&mut self, id: &str, message: String) {
        self.at_nth(id, 0, message);
    }

    /// A problem at the line where `needle` first appears (a key such as `"topics"`).
    fn at_key(&mut self, needle: &str, message: String) {
        let line = line_of(self.text, needle);
        self.errors
            .push(SourceError::new(self.file, Some(line), message));
    }

    fn slug(&mut self, what: &str, id: &str) {
        if !is_slug(id) {
            self.at(
                id,
                format!("bad {what} id `{id}`: lowercase letters (a–z), digits and single hyphens"),
            );
        }
    }

    fn text(&mut self, id: &str, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.at(id, format!("{what} is empty"));
        }
    }

    fn finish<T>(self, value: T) -> Result<T, Vec<SourceError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
}

fn decode<T: serde::de::DeserializeOwned>(file: &Path, text: &str) -> Result<T, Vec<SourceError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text)
        .map_err(|e| vec![SourceError::new(file, Some(e.line()), e.to_string())])
}

/// `ids` seen so far, each with how often: the occurrence of `id` now being checked.
fn occurrence(seen: &mut BTreeMap<String, usize>, id: &str) -> usize {
    let n = seen.entry(id.to_string()).or_insert(0);
    *n += 1;
    *n - 1
}

/// Parses and checks a `faq.json`: at least one topic, at least one question per topic;
/// topic ids and question ids are slugs, unique in the file; no empty title, question or
/// answer paragraph; no `lang` (the tool sets it on fallback questions); `keywords` as
/// [`keywords_problems`] says.
pub fn parse_faq(file: &Path, text: &str) -> Result<Faq, Vec<SourceError>> {
    let faq: Faq = decode(file, text)?;
    let mut p = Problems::new(file, text);
    if faq.topics.is_empty() {
        p.at_key("\"topics\"", "there are no topics".into());
    }
    let mut topic_ids = BTreeMap::new();
    let mut question_ids = BTreeMap::new();
    let mut topic_of: BTreeMap<&str, &str> = BTreeMap::new();
    for topic in &faq.topics {
        let t = topic.id.as_str();
        p.slug("topic", t);
        if let n @ 1.. = occurrence(&mut topic_ids, t) {
            p.at_nth(t, n, format!("topic id `{t}` repeated"));
        }
        p.text(t, &format!("the title of topic `{t}`"), &topic.title);
        if topic.questions.is_empty() {
            p.at(t, format!("topic `{t}` has no questions"));
        }
        for q in &topic.questions {
            let id = q.id.as_str();
            p.slug("question", id);
            if let n @ 1.. = occurrence(&mut question_ids, id) {
                let first = topic_of.get(id).copied().unwrap_or_default();
                let message = format!(
                    "question id `{id}` repeated (first in topic `{first}`): a question id is unique in the file"
                );
                p.at_nth(id, n, message);
            } else {
                topic_of.insert(id, t);
            }
            p.text(id, &format!("the question of `{id}`"), &q.question);
            if q.answer.is_empty() {
                p.at(id, format!("question `{id}` has no answer"));
            }
            if q.answer.iter().any(|a| a.trim().is_empty()) {
                p.at(id, format!("question `{id}`: an answer paragraph is empty"));
            }
            if q.lang.is_some() {
                let message = format!(
                    "question `{id}`: remove `lang`: the tool sets it on questions served from another language"
                );
                p.at(id, message);
            }
            for problem in keywords_problems(id, &q.keywords) {
                p.at(id, problem);
            }
        }
    }
    p.finish(faq)
}

/// The longest `about` of a helpline or agency, in characters: one line on a phone.
pub const ABOUT_MAX_CHARS: usize = 160;
/// The longest topic, in characters: a word or two that a reader types.
pub const TOPIC_MAX_CHARS: usize = 40;
/// The most topics of one helpline or agency: more would be a description, not keywords.
pub const TOPICS_MAX: usize = 12;

/// What is wrong with `text` as one line of plain text of at most `max` characters: empty,
/// more than one line, markup (the app shows text, never HTML), too long.
pub fn plain_line_problem(text: &str, max: usize) -> Option<String> {
    let chars = text.chars().count();
    if text.trim().is_empty() {
        Some("is empty".into())
    } else if text.contains(['\n', '\r']) {
        Some("is more than one line".into())
    } else if text.contains(['<', '>']) {
        Some("contains `<` or `>`: write plain text, not HTML".into())
    } else if text.trim() != text {
        Some("starts or ends with spaces".into())
    } else if chars > max {
        Some(format!("is {chars} characters long, more than {max}"))
    } else {
        None
    }
}

/// The problems of a helpline's or agency's `about` and `topics`, each as a message that
/// names `id`: see [`plain_line_problem`]; topics are at most [`TOPICS_MAX`], and none is
/// repeated (case aside).
pub fn about_and_topics_problems(id: &str, about: Option<&str>, topics: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(problem) = about.and_then(|a| plain_line_problem(a, ABOUT_MAX_CHARS)) {
        problems.push(format!("`{id}`: the description (`about`) {problem}"));
    }
    problems.extend(word_list_problems(id, ("topic", "topics"), topics));
    problems
}

/// The problems of a FAQ question's `keywords`, as for a helpline's topics: at most
/// [`TOPICS_MAX`], each one short line of plain text, none repeated (case aside).
pub fn keywords_problems(id: &str, keywords: &[String]) -> Vec<String> {
    word_list_problems(id, ("keyword", "keywords"), keywords)
}

/// At most [`TOPICS_MAX`] `words`, each a short line of plain text, none repeated (case
/// aside); `what` names one and many of them.
fn word_list_problems(id: &str, (what, whats): (&str, &str), words: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    if words.len() > TOPICS_MAX {
        problems.push(format!(
            "`{id}` has {} {whats}, more than {TOPICS_MAX}: keep the words readers type",
            words.len()
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for word in words {
        if let Some(problem) = plain_line_problem(word, TOPIC_MAX_CHARS) {
            problems.push(format!("`{id}`: {what} `{word}` {problem}"));
        } else if !seen.insert(word.to_lowercase()) {
            problems.push(format!("`{id}`: {what} `{word}` repeated"));
        }
    }
    problems
}

/// Whether `phone` is `+998` and 9 digits.
pub fn is_phone(phone: &str) -> bool {
    phone
        .strip_prefix("+998")
        .is_some_and(|d| d.len() == 9 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `email` is `local@domain`: one `@`, text on both sides, no spaces.
pub fn is_email(email: &str) -> bool {
    let parts: Vec<&str> = email.split('@').collect();
    parts.len() == 2 && parts.iter().all(|p| !p.is_empty()) && !email.contains(char::is_whitespace)
}

/// Whether `url` is an `https://` address with a host and no spaces.
pub fn is_website(url: &str) -> bool {
    url.strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
        && !url.contains(char::is_whitespace)
}

/// Parses and checks a `helplines.json`: at least one group, at least one entry per group;
/// group ids and helpline ids are slugs, unique in the file; no empty name or hours; `about`
/// and `topics` are short lines of plain text ([`about_and_topics_problems`]); every
/// helpline has a phone or a short number; phones are `+998` and 9 digits, a short number
/// is digits, an e-mail has one `@`, a website starts with `https://`.
pub fn parse_helplines(file: &Path, text: &str) -> Result<Helplines, Vec<SourceError>> {
    let helplines: Helplines = decode(file, text)?;
    let mut p = Problems::new(file, text);
    if helplines.groups.is_empty() {
        p.at_key("\"groups\"", "there are no groups".into());
    }
    let mut group_ids = BTreeMap::new();
    let mut entry_ids = BTreeMap::new();
    let mut group_of: BTreeMap<&str, &str> = BTreeMap::new();
    for group in &helplines.groups {
        let g = group.id.as_str();
        p.slug("group", g);
        if let n @ 1.. = occurrence(&mut group_ids, g) {
            p.at_nth(g, n, format!("group id `{g}` repeated"));
        }
        p.text(g, &format!("the name of group `{g}`"), &group.name);
        if group.entries.is_empty() {
            p.at(g, format!("group `{g}` has no entries"));
        }
        for h in &group.entries {
            let id = h.id.as_str();
            p.slug("helpline", id);
            if let n @ 1.. = occurrence(&mut entry_ids, id) {
                let first = group_of.get(id).copied().unwrap_or_default();
                let message = format!(
                    "helpline id `{id}` repeated (first in group `{first}`): a helpline id is unique in the file"
                );
                p.at_nth(id, n, message);
            } else {
                group_of.insert(id, g);
            }
            p.text(id, &format!("the name of `{id}`"), &h.name);
            for problem in about_and_topics_problems(id, h.about.as_deref(), &h.topics) {
                p.at(id, problem);
            }
            if h.phones.is_empty() && h.short_number.is_none() {
                p.at(id, format!("`{id}` has neither a phone nor a short number"));
            }
            for phone in &h.phones {
                if !is_phone(phone) {
                    let message = format!(
                        "`{id}`: bad phone `{phone}`: write +998 and 9 digits, with no spaces, e.g. +998710000000"
                    );
                    p.at(id, message);
                }
            }
            if let Some(short) = &h.short_number {
                if short.is_empty() || !short.bytes().all(|b| b.is_ascii_digit()) {
                    p.at(
                        id,
                        format!("`{id}`: bad short number `{short}`: digits only"),
                    );
                }
            }
            if let Some(hours) = &h.hours {
                p.text(id, &format!("the hours of `{id}`"), hours);
            }
            if let Some(email) = &h.email {
                if !is_email(email) {
                    let message = format!(
                        "`{id}`: bad e-mail `{email}`: one `@` with text on both sides, no spaces"
                    );
                    p.at(id, message);
                }
            }
            if let Some(url) = &h.website {
                if !is_website(url) {
                    let message =
                        format!("`{id}`: bad website `{url}`: an address starting with https://");
                    p.at(id, message);
                }
            }
        }
    }
    p.finish(helplines)
}

/// Parses and checks an `agencies.json`: at least one agency; ids are slugs, unique in the
/// file; no empty name or address; `about` and `topics` as for a helpline; phones are `+998`
/// and 9 digits, an e-mail has one `@`, a website starts with `https://`.
pub fn parse_agencies(file: &Path, text: &str) -> Result<Agencies, Vec<SourceError>> {
    let agencies: Agencies = decode(file, text)?;
    let mut p = Problems::new(file, text);
    if agencies.agencies.is_empty() {
        p.at_key("\"agencies\"", "there are no agencies".into());
    }
    let mut ids = BTreeMap::new();
    for a in &agencies.agencies {
        let id = a.id.as_str();
        p.slug("agency", id);
        if let n @ 1.. = occurrence(&mut ids, id) {
            p.at_nth(id, n, format!("agency id `{id}` repeated"));
        }
        p.text(id, &format!("the name of `{id}`"), &a.name);
        p.text(id, &format!("the address of `{id}`"), &a.address);
        for problem in about_and_topics_problems(id, a.about.as_deref(), &a.topics) {
            p.at(id, problem);
        }
        for phone in &a.phones {
            if !is_phone(phone) {
                let message = format!(
                    "`{id}`: bad phone `{phone}`: write +998 and 9 digits, with no spaces, e.g. +998710000000"
                );
                p.at(id, message);
            }
        }
        if let Some(email) = &a.email {
            if !is_email(email) {
                let message = format!(
                    "`{id}`: bad e-mail `{email}`: one `@` with text on both sides, no spaces"
                );
                p.at(id, message);
            }
        }
        if let Some(url) = &a.website {
            if !is_website(url) {
                let message =
                    format!("`{id}`: bad website `{url}`: an address starting with https://");
                p.at(id, message);
            }
        }
    }
    p.finish(agencies)
}

/// The agencies of a language, completed from the fallback language's `fallback` as
/// [`complete_helplines`] does: the agencies of `fallback`, in its order; one the language
/// lacks is the fallback's (the contract has no `lang` on an agency: its name and address
/// stay in the fallback language). Returns the agencies and how many were taken from the
/// fallback.
///
/// Errors: an id the fallback lacks, and a translated agency whose phones, e-mail, website
/// or `sample` flag differ from the original's (only the name and the address are
/// translated).
pub fn complete_agencies(
    own: Option<&SourceFile<Agencies>>,
    fallback: &SourceFile<Agencies>,
    fallback_lang: &str,
) -> Result<(Agencies, usize), Vec<SourceError>> {
    let originals: BTreeMap<&str, &Agency> = fallback
        .value
        .agencies
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let of = fallback.file.display();
    let mut own_agencies: BTreeMap<&str, &Agency> = BTreeMap::new();
    if let Some(own) = own {
        let mut p = Problems::new(&own.file, &own.text);
        for a in &own.value.agencies {
            let Some(original) = originals.get(a.id.as_str()) else {
                let message = format!(
                    "agency `{}` does not exist in {of}: every agency is first written in `{fallback_lang}`, then translated",
                    a.id
                );
                p.at(&a.id, message);
                continue;
            };
            let mut differs = Vec::new();
            if a.phones != original.phones {
                differs.push("phones");
            }
            if a.email != original.email {
                differs.push("e-mail");
            }
            if a.website != original.website {
                differs.push("website");
            }
            if a.sample != original.sample {
                differs.push("sample flag");
            }
            if !differs.is_empty() {
                let message = format!(
                    "agency `{}`: {} differ from the original in {of}: a translation changes only the name, the address, the description and the topics",
                    a.id,
                    differs.join(", ")
                );
                p.at(&a.id, message);
            }
            own_agencies.insert(&a.id, a);
        }
        if !p.errors.is_empty() {
            return Err(p.errors);
        }
    }
    let mut fallbacks = 0;
    let agencies = fallback
        .value
        .agencies
        .iter()
        .map(|a| match own_agencies.get(a.id.as_str()) {
            Some(mine) => (*mine).clone(),
            None => {
                fallbacks += 1;
                a.clone()
            }
        })
        .collect();
    Ok((Agencies { agencies }, fallbacks))
}

/// The FAQ of a language, completed from the fallback language's FAQ `fallback` (whose
/// language is `fallback_lang`): the topics and questions of `fallback`, in its order; a
/// question the language has is its own, one it lacks is the fallback's, marked `lang`; a
/// topic keeps the language's title if the language has it, else the fallback's.
/// `own: None` (no file) serves the whole fallback FAQ. Returns the FAQ and how many
/// questions were taken from the fallback.
///
/// Errors: a topic or question id the fallback lacks, a question in another topic than in
/// the fallback, a `sample` flag differing from the original's.
pub fn complete_faq(
    own: Option<&SourceFile<Faq>>,
    fallback: &SourceFile<Faq>,
    fallback_lang: &str,
) -> Result<(Faq, usize), Vec<SourceError>> {
    let mut originals: BTreeMap<&str, (&FaqTopic, &FaqQuestion)> = BTreeMap::new();
    for topic in &fallback.value.topics {
        for q in &topic.questions {
            originals.insert(&q.id, (topic, q));
        }
    }
    let of = fallback.file.display();
    let mut own_topics: BTreeMap<&str, &FaqTopic> = BTreeMap::new();
    let mut own_questions: BTreeMap<&str, &FaqQuestion> = BTreeMap::new();
    if let Some(own) = own {
        let mut p = Problems::new(&own.file, &own.text);
        for topic in &own.value.topics {
            if !fallback.value.topics.iter().any(|t| t.id == topic.id) {
                let message = format!(
                    "topic `{}` does not exist in {of}: every topic is first written in `{fallback_lang}`, then translated",
                    topic.id
                );
                p.at(&topic.id, message);
            }
            own_topics.insert(&topic.id, topic);
            for q in &topic.questions {
                let Some((original_topic, original)) = originals.get(q.id.as_str()) else {
                    let message = format!(
                        "question `{}` does not exist in {of}: every question is first written in `{fallback_lang}`, then translated",
                        q.id
                    );
                    p.at(&q.id, message);
                    continue;
                };
                if original_topic.id != topic.id {
                    let message = format!(
                        "question `{}` is in topic `{}`, but in topic `{}` in {of}: a translation keeps the topic of its original",
                        q.id, topic.id, original_topic.id
                    );
                    p.at(&q.id, message);
                }
                if q.sample != original.sample {
                    let message = format!(
                        "question `{}`: sample {} differs from sample {} of the original in {of}",
                        q.id, q.sample, original.sample
                    );
                    p.at(&q.id, message);
                }
                own_questions.insert(&q.id, q);
            }
        }
        if !p.errors.is_empty() {
            return Err(p.errors);
        }
    }
    let mut fallbacks = 0;
    let topics = fallback
        .value
        .topics
        .iter()
        .map(|topic| FaqTopic {
            id: topic.id.clone(),
            title: own_topics
                .get(topic.id.as_str())
                .map_or(&topic.title, |t| &t.title)
                .clone(),
            questions: topic
                .questions
                .iter()
                .map(|q| match own_questions.get(q.id.as_str()) {
                    Some(mine) => (*mine).clone(),
                    None => {
                        fallbacks += 1;
                        FaqQuestion {
                            lang: Some(fallback_lang.to_string()),
                            ..q.clone()
                        }
                    }
                })
                .collect(),
        })
        .collect();
    Ok((Faq { topics }, fallbacks))
}

/// The helplines of a language, completed from the fallback language's `fallback` as
/// [`complete_faq`] does: the groups and entries of `fallback`, in its order; an entry the
/// language lacks is the fallback's (the contract has no `lang` on a helpline: its name and
/// hours stay in the fallback language); a group keeps the language's name if it has it.
/// Returns the helplines and how many entries were taken from the fallback.
///
/// Errors: a group or helpline id the fallback lacks, a helpline in another group than in
/// the fallback, and a translated helpline whose phones, short number, e-mail, website or
/// `sample` flag differ from the original's (only names, hours, `about` and `topics` are
/// translated).
pub fn complete_helplines(
    own: Option<&SourceFile<Helplines>>,
    fallback: &SourceFile<Helplines>,
    fallback_lang: &str,
) -> Result<(Helplines, usize), Vec<SourceError>> {
    let mut originals: BTreeMap<&str, (&HelplineGroup, &Helpline)> = BTreeMap::new();
    for group in &fallback.value.groups {
        for h in &group.entries {
            originals.insert(&h.id, (group, h));
        }
    }
    let of = fallback.file.display();
    let mut own_groups: BTreeMap<&str, &HelplineGroup> = BTreeMap::new();
    let mut own_entries: BTreeMap<&str, &Helpline> = BTreeMap::new();
    if let Some(own) = own {
        let mut p = Problems::new(&own.file, &own.text);
        for group in &own.value.groups {
            if !fallback.value.groups.iter().any(|g| g.id == group.id) {
                let message = format!(
                    "group `{}` does not exist in {of}: every group is first written in `{fallback_lang}`, then translated",
                    group.id
                );
                p.at(&group.id, message);
            }
            own_groups.insert(&group.id, group);
            for h in &group.entries {
                let Some((original_group, original)) = originals.get(h.id.as_str()) else {
                    let message = format!(
                        "helpline `{}` does not exist in {of}: every helpline is first written in `{fallback_lang}`, then translated",
                        h.id
                    );
                    p.at(&h.id, message);
                    continue;
                };
                if original_group.id != group.id {
                    let message = format!(
                        "helpline `{}` is in group `{}`, but in group `{}` in {of}: a translation keeps the group of its original",
                        h.id, group.id, original_group.id
                    );
                    p.at(&h.id, message);
                }
                let mut differs = Vec::new();
                if h.phones != original.phones {
                    differs.push("phones");
                }
                if h.short_number != original.short_number {
                    differs.push("short number");
                }
                if h.email != original.email {
                    differs.push("e-mail");
                }
                if h.website != original.website {
                    differs.push("website");
                }
                if h.sample != original.sample {
                    differs.push("sample flag");
                }
                if !differs.is_empty() {
                    let message = format!(
                        "helpline `{}`: {} differ from the original in {of}: a translation changes only the name, the hours, the description and the topics",
                        h.id,
                        differs.join(", ")
                    );
                    p.at(&h.id, message);
                }
                own_entries.insert(&h.id, h);
            }
        }
        if !p.errors.is_empty() {
            return Err(p.errors);
        }
    }
    let mut fallbacks = 0;
    let groups = fallback
        .value
        .groups
        .iter()
        .map(|group| HelplineGroup {
            id: group.id.clone(),
            name: own_groups
                .get(group.id.as_str())
                .map_or(&group.name, |g| &g.name)
                .clone(),
            entries: group
                .entries
                .iter()
                .map(|h| match own_entries.get(h.id.as_str()) {
                    Some(mine) => (*mine).clone(),
                    None => {
                        fallbacks += 1;
                        h.clone()
                    }
                })
                .collect(),
        })
        .collect();
    Ok((Helplines { groups }, fallbacks))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAQ: &str = r#"{
  "topics": [
    {
      "id": "portal",
      "title": "Using the portal",
      "questions": [
        {
          "id": "what-is-it",
          "question": "What is the portal?",
          "answer": ["The official portal.", "Second paragraph."],
          "sample": true
        },
        {
          "id": "languages",
          "question": "Which languages?",
          "answer": ["Five."],
          "sample": true
        }
      ]
    },
    {
      "id": "taxes",
      "title": "Taxes",
      "questions": [
        {
          "id": "pay-tax",
          "question": "How do I pay?",
          "answer": ["Online."],
          "sample": true
        }
      ]
    }
  ]
}"#;

    const LINES: &str = r#"{
  "groups": [
    {
      "id": "ministries",
      "name": "Ministries",
      "entries": [
        {
          "id": "health",
          "name": "Ministry of Health",
          "short_number": "0012",
          "phones": ["+998000120034"],
          "hours": "Mon–Fri 9:00–18:00",
          "email": "health@example.uz",
          "website": "https://example.uz/health",
          "sample": true
        }
      ]
    },
    {
      "id": "agencies",
      "name": "Agencies",
      "entries": [
        {
          "id": "public-services",
          "name": "Agency for Public Services",
          "phones": ["+998000120035", "+998000120036"],
          "sample": true
        }
      ]
    }
  ]
}"#;

    const AGENCIES: &str = r#"{
  "agencies": [
    {
      "id": "public-services",
      "name": "Agency for Public Services",
      "address": "Sample address: 1 Example Street, Tashkent",
      "phones": ["+998000700001"],
      "email": "public-services@example.uz",
      "website": "https://example.uz/public-services",
      "sample": true
    },
    {
      "id": "statistics",
      "name": "Statistics Agency",
      "address": "Sample address: 2 Example Street, Tashkent",
      "phones": [],
      "sample": true
    }
  ]
}"#;

    fn agency_errors(text: &str) -> Vec<String> {
        parse_agencies(Path::new("en/agencies.json"), text)
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    fn agencies(lang: &str, text: &str) -> SourceFile<Agencies> {
        let value = parse_agencies(Path::new("agencies.json"), text).unwrap();
        source(lang, "agencies.json", text, value)
    }

    #[test]
    fn agencies_are_checked() {
        let a = parse_agencies(Path::new("en/agencies.json"), AGENCIES).unwrap();
        assert_eq!(a.agencies.len(), 2);
        assert_eq!(a.agencies[1].email, None);
        let cases = [
            (
                "\"statistics\"",
                "\"public-services\"",
                13,
                "agency id `public-services` repeated",
            ),
            (
                "\"statistics\"",
                "\"Statistics\"",
                13,
                "bad agency id `Statistics`",
            ),
            (
                "\"Statistics Agency\"",
                "\" \"",
                13,
                "the name of `statistics` is empty",
            ),
            (
                "\"Sample address: 2 Example Street, Tashkent\"",
                "\"\"",
                13,
                "the address of `statistics` is empty",
            ),
            (
                "\"+998000700001\"",
                "\"+998 00 070 00 01\"",
                4,
                "bad phone `+998 00 070 00 01`",
            ),
            ("\"+998000700001\"", "\"+99800070000\"", 4, "bad phone"),
            (
                "public-services@example.uz",
                "a@b@example.uz",
                4,
                "bad e-mail",
            ),
            ("public-services@example.uz", "example.uz", 4, "bad e-mail"),
            (
                "https://example.uz/public-services",
                "http://example.uz",
                4,
                "bad website",
            ),
        ];
        for (from, to, line, want) in cases {
            let e = agency_errors(&AGENCIES.replace(from, to));
            assert_eq!(e.len(), 1, "{to}: {e:?}");
            assert!(
                e[0].starts_with(&format!("en/agencies.json:{line}: ")) && e[0].contains(want),
                "{to}: {e:?}"
            );
        }
        assert_eq!(
            agency_errors(r#"{"agencies": []}"#),
            ["en/agencies.json:1: there are no agencies"]
        );
        let many = AGENCIES
            .replace("\"+998000700001\"", "\"+1\"")
            .replace("\"Statistics Agency\"", "\"\"");
        assert_eq!(agency_errors(&many).len(), 2);
    }

    #[test]
    fn translated_agencies_keep_their_names_and_the_rest_falls_back() {
        let en = agencies("en", AGENCIES);
        let ru_text = r#"{"agencies": [{"id": "statistics", "name": "Агентство статистики",
            "address": "Пример адреса: ул. Примерная, 2, Ташкент", "phones": [], "sample": true}]}"#;
        let (done, fallbacks) =
            complete_agencies(Some(&agencies("ru", ru_text)), &en, "en").unwrap();
        assert_eq!(fallbacks, 1);
        let names: Vec<&str> = done.agencies.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            ["Agency for Public Services", "Агентство статистики"]
        );
        let (all, fallbacks) = complete_agencies(None, &en, "en").unwrap();
        assert_eq!((all, fallbacks), (en.value.clone(), 2));
    }

    #[test]
    fn translated_agencies_must_match_the_original() {
        let en = agencies("en", AGENCIES);
        let text = r#"{"agencies": [
  {"id": "public-services", "name": "P", "address": "A", "phones": ["+998000700009"], "email": "x@example.uz", "website": "https://example.uz/public-services", "sample": true},
  {"id": "statistics", "name": "S", "address": "A", "phones": [], "sample": false},
  {"id": "new-one", "name": "N", "address": "A", "phones": [], "sample": true}]}"#;
        let e: Vec<String> = complete_agencies(Some(&agencies("oz", text)), &en, "en")
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(e[0].starts_with("oz/agencies.json:2: agency `public-services`: phones, e-mail differ from the original in en/agencies.json"), "{}", e[0]);
        assert!(
            e[1].starts_with("oz/agencies.json:3: agency `statistics`: sample flag differ"),
            "{}",
            e[1]
        );
        assert!(
            e[2].starts_with(
                "oz/agencies.json:4: agency `new-one` does not exist in en/agencies.json"
            ),
            "{}",
            e[2]
        );
    }

    fn faq_errors(text: &str) -> Vec<String> {
        parse_faq(Path::new("en/faq.json"), text)
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    fn line_errors(text: &str) -> Vec<String> {
        parse_helplines(Path::new("en/helplines.json"), text)
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    fn source<T>(lang: &str, name: &str, text: &str, value: T) -> SourceFile<T> {
        SourceFile {
            file: PathBuf::from(format!("{lang}/{name}")),
            text: text.to_string(),
            value,
        }
    }

    fn faq(lang: &str, text: &str) -> SourceFile<Faq> {
        let value = parse_faq(Path::new("faq.json"), text).unwrap();
        source(lang, "faq.json", text, value)
    }

    fn lines(lang: &str, text: &str) -> SourceFile<Helplines> {
        let value = parse_helplines(Path::new("helplines.json"), text).unwrap();
        source(lang, "helplines.json", text, value)
    }

    #[test]
    fn reads_valid_sources() {
        let f = parse_faq(Path::new("faq.json"), FAQ).unwrap();
        assert_eq!(f.topics.len(), 2);
        assert_eq!(f.topics[0].questions[0].answer.len(), 2);
        assert_eq!(f.topics[0].questions[0].lang, None);
        let h = parse_helplines(Path::new("helplines.json"), LINES).unwrap();
        assert_eq!(h.groups[0].entries[0].short_number.as_deref(), Some("0012"));
        assert_eq!(h.groups[1].entries[0].email, None);
    }

    #[test]
    fn bad_json_is_located() {
        let e = faq_errors(&FAQ.replace("\"answer\": [\"Five.\"],", ""));
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("en/faq.json:"), "{}", e[0]);
        assert!(e[0].contains("missing field `answer`"), "{}", e[0]);
    }

    #[test]
    fn faq_ids_must_be_unique_slugs() {
        let e = faq_errors(&FAQ.replace("\"taxes\"", "\"portal\""));
        assert_eq!(e, ["en/faq.json:22: topic id `portal` repeated"]);

        let e = faq_errors(&FAQ.replace("\"pay-tax\"", "\"languages\""));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with(
                "en/faq.json:26: question id `languages` repeated (first in topic `portal`)"
            ),
            "{}",
            e[0]
        );

        for bad in ["Pay-tax", "pay_tax", "pay tax", "-pay", "pay--tax", ""] {
            let e = faq_errors(&FAQ.replace("\"pay-tax\"", &format!("\"{bad}\"")));
            assert!(e[0].contains(&format!("bad question id `{bad}`")), "{e:?}");
        }
        let e = faq_errors(&FAQ.replace("\"taxes\"", "\"Taxes!\""));
        assert!(
            e[0].starts_with("en/faq.json:22: bad topic id `Taxes!`"),
            "{e:?}"
        );
    }

    #[test]
    fn faq_keywords_are_short_plain_words() {
        let with = |keywords: &str| {
            FAQ.replace(
                "\"Five.\"],",
                &format!("\"Five.\"], \"keywords\": {keywords},"),
            )
        };
        let f = parse_faq(Path::new("faq.json"), &with(r#"["tax debt", "arrears"]"#)).unwrap();
        let q = f
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .find(|q| q.id == "languages");
        assert_eq!(q.unwrap().keywords, ["tax debt", "arrears"]);
        for (keywords, problem) in [
            (
                r#"["<b>debt</b>"]"#,
                "keyword `<b>debt</b>` contains `<` or `>`",
            ),
            (r#"["debt", "Debt"]"#, "keyword `Debt` repeated"),
            (r#"[" "]"#, "keyword ` ` is empty"),
            (r#"["two\nlines"]"#, "is more than one line"),
            (
                &format!("[\"{}\"]", "x".repeat(41)),
                "41 characters long, more than 40",
            ),
            (
                &format!(
                    "[{}]",
                    (0..13)
                        .map(|i| format!("\"w{i}\""))
                        .collect::<Vec<_>>()
                        .join(",")
                ),
                "13 keywords, more than 12",
            ),
        ] {
            let e = faq_errors(&with(keywords));
            assert_eq!(e.len(), 1, "{keywords}: {e:?}");
            assert!(
                e[0].contains("`languages`") && e[0].contains(problem),
                "{keywords}: {e:?}"
            );
        }
    }

    #[test]
    fn faq_texts_must_not_be_empty() {
        let e = faq_errors(&FAQ.replace("\"Taxes\"", "\" \""));
        assert_eq!(e, ["en/faq.json:22: the title of topic `taxes` is empty"]);
        let e = faq_errors(&FAQ.replace("\"Which languages?\"", "\"\""));
        assert_eq!(e, ["en/faq.json:14: the question of `languages` is empty"]);
        let e = faq_errors(&FAQ.replace("[\"Five.\"]", "[]"));
        assert_eq!(e, ["en/faq.json:14: question `languages` has no answer"]);
        let e = faq_errors(&FAQ.replace("\"Second paragraph.\"", "\"\""));
        assert_eq!(
            e,
            ["en/faq.json:8: question `what-is-it`: an answer paragraph is empty"]
        );
        let e = faq_errors(&FAQ.replace("\"Five.\"],", "\"Five.\"], \"lang\": \"en\","));
        assert!(e[0].contains("remove `lang`"), "{e:?}");
        let e = faq_errors(r#"{"topics": []}"#);
        assert_eq!(e, ["en/faq.json:1: there are no topics"]);
        let e = faq_errors(r#"{"topics": [{"id": "a", "title": "A", "questions": []}]}"#);
        assert_eq!(e, ["en/faq.json:1: topic `a` has no questions"]);
    }

    #[test]
    fn helpline_ids_must_be_unique_slugs() {
        let e = line_errors(&LINES.replace("\"agencies\"", "\"ministries\""));
        assert_eq!(e, ["en/helplines.json:20: group id `ministries` repeated"]);
        let e = line_errors(&LINES.replace("\"public-services\"", "\"health\""));
        assert_eq!(
            e,
            ["en/helplines.json:24: helpline id `health` repeated (first in group `ministries`): a helpline id is unique in the file"]
        );
        let e = line_errors(&LINES.replace("\"health\"", "\"Health\""));
        assert!(e[0].contains("bad helpline id `Health`"), "{e:?}");
        let e = line_errors(&LINES.replace("\"agencies\"", "\"agen cies\""));
        assert!(e[0].contains("bad group id `agen cies`"), "{e:?}");
    }

    #[test]
    fn helpline_values_are_checked() {
        let cases = [
            (
                "\"+998000120034\"",
                "\"+998 00 012 00 34\"",
                "bad phone `+998 00 012 00 34`",
            ),
            (
                "\"+998000120034\"",
                "\"+99800012003\"",
                "bad phone `+99800012003`",
            ),
            (
                "\"+998000120034\"",
                "\"+7000120034\"",
                "bad phone `+7000120034`",
            ),
            (
                "\"+998000120034\"",
                "\"998000120034\"",
                "bad phone `998000120034`",
            ),
            ("\"0012\"", "\"00-12\"", "bad short number `00-12`"),
            ("\"0012\"", "\"\"", "bad short number ``"),
            ("health@example.uz", "health.example.uz", "bad e-mail"),
            ("health@example.uz", "a@b@example.uz", "bad e-mail"),
            ("health@example.uz", "@example.uz", "bad e-mail"),
            (
                "https://example.uz/health",
                "http://example.uz/health",
                "bad website",
            ),
            ("https://example.uz/health", "example.uz", "bad website"),
            ("https://example.uz/health", "https://", "bad website"),
            (
                "\"Mon–Fri 9:00–18:00\"",
                "\"\"",
                "the hours of `health` is empty",
            ),
            (
                "\"Ministry of Health\"",
                "\"\"",
                "the name of `health` is empty",
            ),
            (
                "\"Ministries\"",
                "\"  \"",
                "the name of group `ministries` is empty",
            ),
        ];
        for (from, to, want) in cases {
            let e = line_errors(&LINES.replace(from, to));
            assert_eq!(e.len(), 1, "{to}: {e:?}");
            assert!(e[0].contains(want), "{to}: {e:?}");
            let line = if want.contains("group") { 4 } else { 8 };
            assert!(
                e[0].starts_with(&format!("en/helplines.json:{line}: ")),
                "{to}: {e:?}"
            );
        }
        let none = LINES.replace(
            "\"phones\": [\"+998000120035\", \"+998000120036\"],",
            "\"phones\": [],",
        );
        let e = line_errors(&none);
        assert_eq!(
            e,
            ["en/helplines.json:24: `public-services` has neither a phone nor a short number"]
        );
        // Every problem of the file is reported, not only the first.
        let many = LINES
            .replace("\"+998000120035\"", "\"+1\"")
            .replace("health@example.uz", "x");
        assert_eq!(line_errors(&many).len(), 2);
    }

    #[test]
    fn about_and_topics_are_short_plain_lines() {
        let with = |about: &str, topics: &str| {
            LINES.replace(
                "\"name\": \"Ministry of Health\",",
                &format!(
                    "\"name\": \"Ministry of Health\", \"about\": {about}, \"topics\": {topics},"
                ),
            )
        };
        let h = parse_helplines(
            Path::new("en/helplines.json"),
            &with("\"Ambulance and hospitals\"", "[\"doctor\", \"medicine\"]"),
        )
        .unwrap();
        let health = &h.groups[0].entries[0];
        assert_eq!(health.about.as_deref(), Some("Ambulance and hospitals"));
        assert_eq!(health.topics, ["doctor", "medicine"]);
        // Both are optional: the entry without them reads as before.
        assert_eq!(h.groups[1].entries[0].about, None);
        assert!(h.groups[1].entries[0].topics.is_empty());

        let long = format!("\"{}\"", "a".repeat(ABOUT_MAX_CHARS + 1));
        let many = format!(
            "[{}]",
            (0..=TOPICS_MAX)
                .map(|i| format!("\"t{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let cases = [
            (with("\" \"", "[]"), "the description (`about`) is empty"),
            (with("\"<b>Ambulance</b>\"", "[]"), "not HTML"),
            (with("\"One\\nTwo\"", "[]"), "more than one line"),
            (with("\" Ambulance\"", "[]"), "starts or ends with spaces"),
            (with(&long, "[]"), "161 characters long, more than 160"),
            (with("\"A\"", "[\"\"]"), "topic `` is empty"),
            (with("\"A\"", "[\"<i>x</i>\"]"), "not HTML"),
            (
                with("\"A\"", "[\"Doctor\", \"doctor\"]"),
                "topic `doctor` repeated",
            ),
            (with("\"A\"", &many), "13 topics, more than 12"),
        ];
        for (text, want) in cases {
            let e = line_errors(&text);
            assert_eq!(e.len(), 1, "{want}: {e:?}");
            assert!(e[0].starts_with("en/helplines.json:8: `health`"), "{e:?}");
            assert!(e[0].contains(want), "{want}: {e:?}");
        }
        let bad_agency = AGENCIES.replace(
            "\"name\": \"Statistics Agency\",",
            "\"name\": \"Statistics Agency\", \"about\": \"<p>Figures</p>\",",
        );
        let e = agency_errors(&bad_agency);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with("en/agencies.json:13: `statistics`: the description"),
            "{e:?}"
        );
    }

    #[test]
    fn a_translation_may_change_about_and_topics() {
        let described = LINES.replace(
            "\"name\": \"Ministry of Health\",",
            "\"name\": \"Ministry of Health\", \"about\": \"Ambulance\", \"topics\": [\"doctor\"],",
        );
        let en = lines("en", &described);
        let ru_text = r#"{"groups": [{"id": "ministries", "name": "Министерства", "entries": [
            {"id": "health", "name": "Минздрав", "about": "Скорая помощь", "topics": ["врач"],
             "short_number": "0012", "phones": ["+998000120034"], "email": "health@example.uz",
             "website": "https://example.uz/health", "sample": true}]}]}"#;
        let (done, _) = complete_helplines(Some(&lines("ru", ru_text)), &en, "en").unwrap();
        let health = &done.groups[0].entries[0];
        assert_eq!(health.about.as_deref(), Some("Скорая помощь"));
        assert_eq!(health.topics, ["врач"]);
    }

    #[test]
    fn value_rules() {
        assert!(is_phone("+998000120034"));
        assert!(!is_phone("+998０00120034"));
        assert!(is_email("a.b@example.uz") && !is_email("a b@example.uz"));
        assert!(is_website("https://example.uz") && !is_website("https:///x"));
    }

    #[test]
    fn a_translated_faq_keeps_its_own_text_and_the_rest_falls_back() {
        let en = faq("en", FAQ);
        // ru translates the topic `portal` and one of its questions only.
        let ru_text = r#"{"topics": [{"id": "portal", "title": "О портале", "questions": [
            {"id": "languages", "question": "Какие языки?", "answer": ["Пять."], "sample": true}]}]}"#;
        let ru = faq("ru", ru_text);
        let (done, fallbacks) = complete_faq(Some(&ru), &en, "en").unwrap();
        assert_eq!(fallbacks, 2);
        let topics: Vec<(&str, &str)> = done
            .topics
            .iter()
            .map(|t| (t.id.as_str(), t.title.as_str()))
            .collect();
        assert_eq!(topics, [("portal", "О портале"), ("taxes", "Taxes")]);
        let questions: Vec<(&str, &str, Option<&str>)> = done
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .map(|q| (q.id.as_str(), q.question.as_str(), q.lang.as_deref()))
            .collect();
        assert_eq!(
            questions,
            [
                ("what-is-it", "What is the portal?", Some("en")),
                ("languages", "Какие языки?", None),
                ("pay-tax", "How do I pay?", Some("en")),
            ]
        );
        // No file at all: the whole English FAQ, every question marked.
        let (all, fallbacks) = complete_faq(None, &en, "en").unwrap();
        assert_eq!(fallbacks, 3);
        assert!(all
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .all(|q| q.lang.as_deref() == Some("en")));
    }

    #[test]
    fn a_translated_faq_must_match_the_original() {
        let en = faq("en", FAQ);
        let text = r#"{"topics": [
{"id": "portal", "title": "P", "questions": [
  {"id": "pay-tax", "question": "Q", "answer": ["A"], "sample": true},
  {"id": "new-one", "question": "Q", "answer": ["A"], "sample": true},
  {"id": "languages", "question": "Q", "answer": ["A"]}]},
{"id": "weather", "title": "W", "questions": [
  {"id": "what-is-it", "question": "Q", "answer": ["A"], "sample": true}]}]}"#;
        let e: Vec<String> = complete_faq(Some(&faq("oz", text)), &en, "en")
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(e.len(), 5, "{e:#?}");
        assert!(e[0].starts_with("oz/faq.json:3: question `pay-tax` is in topic `portal`, but in topic `taxes` in en/faq.json"), "{}", e[0]);
        assert!(
            e[1].starts_with("oz/faq.json:4: question `new-one` does not exist in en/faq.json"),
            "{}",
            e[1]
        );
        assert!(
            e[2].starts_with("oz/faq.json:5: question `languages`: sample false differs"),
            "{}",
            e[2]
        );
        assert!(
            e[3].starts_with("oz/faq.json:6: topic `weather` does not exist in en/faq.json"),
            "{}",
            e[3]
        );
        assert!(
            e[4].starts_with("oz/faq.json:7: question `what-is-it` is in topic `weather`"),
            "{}",
            e[4]
        );
    }

    #[test]
    fn translated_helplines_keep_their_names_and_the_rest_falls_back() {
        let en = lines("en", LINES);
        let qr_text = r#"{"groups": [{"id": "ministries", "name": "Ministrlikler", "entries": [
            {"id": "health", "name": "Densawlıqtı saqlaw ministrligi", "short_number": "0012",
             "phones": ["+998000120034"], "hours": "Dú–Juma 9:00–18:00",
             "email": "health@example.uz", "website": "https://example.uz/health", "sample": true}]}]}"#;
        let (done, fallbacks) = complete_helplines(Some(&lines("qr", qr_text)), &en, "en").unwrap();
        assert_eq!(fallbacks, 1);
        let names: Vec<(&str, &str, Vec<&str>)> = done
            .groups
            .iter()
            .map(|g| {
                (
                    g.id.as_str(),
                    g.name.as_str(),
                    g.entries.iter().map(|h| h.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                (
                    "ministries",
                    "Ministrlikler",
                    vec!["Densawlıqtı saqlaw ministrligi"]
                ),
                ("agencies", "Agencies", vec!["Agency for Public Services"]),
            ]
        );
        assert_eq!(
            done.groups[0].entries[0].hours.as_deref(),
            Some("Dú–Juma 9:00–18:00")
        );
        let (all, fallbacks) = complete_helplines(None, &en, "en").unwrap();
        assert_eq!((all, fallbacks), (en.value.clone(), 2));
    }

    #[test]
    fn translated_helplines_must_match_the_original() {
        let en = lines("en", LINES);
        let text = r#"{"groups": [
{"id": "ministries", "name": "M", "entries": [
  {"id": "health", "name": "H", "short_number": "0013", "phones": ["+998000120099"], "email": "health@example.uz", "website": "https://example.uz/health", "sample": true},
  {"id": "public-services", "name": "P", "phones": ["+998000120035", "+998000120036"], "sample": true}]},
{"id": "committees", "name": "C", "entries": [
  {"id": "tax", "name": "T", "phones": ["+998000120037"], "sample": true}]}]}"#;
        let e: Vec<String> = complete_helplines(Some(&lines("ru", text)), &en, "en")
            .unwrap_err()
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(e.len(), 4, "{e:#?}");
        assert!(e[0].starts_with("ru/helplines.json:3: helpline `health`: phones, short number differ from the original in en/helplines.json"), "{}", e[0]);
        assert!(e[1].starts_with("ru/helplines.json:4: helpline `public-services` is in group `ministries`, but in group `agencies`"), "{}", e[1]);
        assert!(
            e[2].starts_with(
                "ru/helplines.json:5: group `committees` does not exist in en/helplines.json"
            ),
            "{}",
            e[2]
        );
        assert!(
            e[3].starts_with(
                "ru/helplines.json:6: helpline `tax` does not exist in en/helplines.json"
            ),
            "{}",
            e[3]
        );
    }
}
