//! Word endings: each language's stemmer maps the forms of a word to one key, at index time
//! and at query time alike.

pub mod english;
pub mod russian;
pub mod uzbek;
