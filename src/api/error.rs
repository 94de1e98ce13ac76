//! What can go wrong when loading content, in terms a page can act on.

use crate::i18n::Texts;
use serde::{Deserialize, Serialize};

/// A failed request. Serializable so that it can travel with hydration data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS, connection reset).
    #[error("network error")]
    Network,
    /// No answer within the client's time limit; the request was aborted.
    #[error("timed out")]
    Timeout,
    /// HTTP 404: the item does not exist.
    #[error("not found")]
    NotFound,
    /// Any other non-success HTTP status.
    #[error("HTTP status {0}")]
    Status(u16),
    /// The body is not the JSON the contract describes.
    #[error("undecodable response: {0}")]
    Decode(String),
    /// The answer is larger than the client accepts (see `transport::MAX_BODY`).
    #[error("response too large")]
    TooLarge,
}

impl ApiError {
    /// Whether two errors have the same cause for the reader (one message can speak for both):
    /// the same kind, and the same status for an HTTP status.
    pub fn same_reason(&self, other: &ApiError) -> bool {
        match (self, other) {
            (Self::Status(a), Self::Status(b)) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }

    /// What went wrong, for the reader.
    pub fn describe(&self, t: &Texts) -> String {
        match self {
            Self::Network => t.error_network.to_string(),
            Self::Timeout => t.error_timeout.to_string(),
            Self::NotFound => (t.error_status)(404),
            Self::Status(code) => (t.error_status)(*code),
            Self::Decode(_) => t.error_decode.to_string(),
            Self::TooLarge => t.error_too_large.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ApiError;

    #[test]
    fn same_reason_is_the_kind_and_the_status() {
        assert!(ApiError::Network.same_reason(&ApiError::Network));
        assert!(ApiError::Decode("a".into()).same_reason(&ApiError::Decode("b".into())));
        assert!(ApiError::Status(503).same_reason(&ApiError::Status(503)));
        assert!(!ApiError::Status(503).same_reason(&ApiError::Status(500)));
        assert!(!ApiError::Network.same_reason(&ApiError::Timeout));
    }
}
