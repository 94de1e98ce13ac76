//! Relevance: BM25 over the fields of a document, precomputed at index time as one impact
//! per posting (the part of BM25 that depends on the document), so that the query only sums
//! impact × idf (the part that depends on the collection).
//!
//! Fields are weighted before BM25's saturation (as BM25F does): a word of the title counts
//! [`TITLE_WEIGHT`] times, of the lead (the answer's start, a helpline's description)
//! [`LEAD_WEIGHT`] times, of the body once. A query word's score is that of its best key:
//! its own forms ([`EXACT`]) rank above the words it begins ([`PREFIX`]) and those one typo
//! away ([`TYPO`]). Documents with more of the query's words (weighted by idf) come first;
//! equal scores keep document order, which puts the newest news first.

/// BM25's term-frequency saturation and length normalisation.
pub const K1: f32 = 1.2;
pub const B: f32 = 0.75;

pub const TITLE_WEIGHT: u32 = 5;
pub const LEAD_WEIGHT: u32 = 2;
pub const BODY_WEIGHT: u32 = 1;

/// Weights of a key by how it matched the query word.
pub const EXACT: f32 = 1.0;
pub const PREFIX: f32 = 0.7;
pub const TYPO: f32 = 0.5;

/// The largest impact: impacts are stored as `1..=MAX_IMPACT`.
pub const MAX_IMPACT: u32 = 255;

/// The stored impact of a key with weighted frequency `tf` in a document of weighted length
/// `len`, in a collection of average length `avg_len`.
pub fn impact(tf: u32, len: u32, avg_len: f32) -> u32 {
    let tf = tf as f32;
    let norm = 1.0 - B + B * len as f32 / avg_len.max(1.0);
    let score = tf * (K1 + 1.0) / (tf + K1 * norm);
    let q = (score / (K1 + 1.0) * MAX_IMPACT as f32).round() as u32;
    q.clamp(1, MAX_IMPACT)
}

/// BM25's inverse document frequency of a key in `df` of `docs` documents.
pub fn idf(df: u32, docs: u32) -> f32 {
    let (df, n) = (df as f32, docs.max(1) as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The score of one posting: its impact back in BM25's scale, times the key's idf and the
/// weight of the match.
pub fn score(impact: u32, idf: f32, weight: f32) -> f32 {
    impact as f32 / MAX_IMPACT as f32 * (K1 + 1.0) * idf * weight
}

/// A document's final score: the sum of its words' scores, times the square of the share of
/// the query's idf it covers (a document with all the words before one with some).
pub fn combine(sum: f32, covered_idf: f32, total_idf: f32) -> f32 {
    let coverage = if total_idf > 0.0 {
        covered_idf / total_idf
    } else {
        1.0
    };
    sum * coverage * coverage
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impact_grows_with_frequency_and_shrinks_with_length() {
        assert!(impact(TITLE_WEIGHT, 20, 100.0) > impact(BODY_WEIGHT, 20, 100.0));
        assert!(impact(1, 20, 100.0) > impact(1, 2000, 100.0));
        assert!(impact(1000, 10, 100.0) <= MAX_IMPACT);
        assert!(impact(1, 1_000_000, 1.0) >= 1);
    }

    #[test]
    fn rare_keys_weigh_more_and_matches_rank_exact_stem_prefix_typo() {
        assert!(idf(1, 1000) > idf(500, 1000));
        assert!(idf(1000, 1000) > 0.0);
        let i = idf(3, 100);
        assert!(score(200, i, EXACT) > score(200, i, PREFIX));
        assert!(score(200, i, PREFIX) > score(200, i, TYPO));
        // All words, even with a lower sum, before some of them.
        assert!(combine(3.0, 2.0, 2.0) > combine(5.0, 1.0, 2.0));
    }
}
