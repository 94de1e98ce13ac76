//! Sending a reader's feedback to the endpoint set in `<meta name="portal-feedback">`.

use super::ApiError;
use serde::Serialize;

/// What the endpoint receives, as JSON. Only what the reader typed, the page and its language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Feedback {
    /// The page's full address.
    pub page: String,
    pub lang: String,
    /// The answer to "Is this page useful?", if that is what was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub useful: Option<bool>,
    /// "What were you doing?"
    pub doing: String,
    /// "What went wrong?"
    pub wrong: String,
}

/// POSTs `feedback` as JSON; any 2xx answer is success.
#[cfg(target_arch = "wasm32")]
pub async fn send_feedback(endpoint: &str, feedback: &Feedback) -> Result<(), ApiError> {
    let body = serde_json::to_string(feedback).map_err(|e| ApiError::Decode(e.to_string()))?;
    let request = gloo_net::http::Request::post(endpoint)
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|_| ApiError::Network)?;
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    match response.status() {
        200..=299 => Ok(()),
        404 => Err(ApiError::NotFound),
        status => Err(ApiError::Status(status)),
    }
}

/// Nothing is sent outside the browser.
#[cfg(not(target_arch = "wasm32"))]
pub async fn send_feedback(_: &str, _: &Feedback) -> Result<(), ApiError> {
    Err(ApiError::Network)
}
