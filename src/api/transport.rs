//! How the API's files are read: over HTTP in the browser (with a timeout, and aborted when the
//! reader leaves the page), from the API tree on disk when prerendering natively.

use super::ApiError;

/// The largest answer the client reads. The biggest file of the API (a directory of every
/// agency) is ~50 KB; a much larger answer is a broken API, and decoding it would freeze a
/// cheap phone.
pub const MAX_BODY: usize = 2 * 1024 * 1024;

/// One API file to read.
pub struct Source {
    #[cfg(target_arch = "wasm32")]
    url: String,
    #[cfg(target_arch = "wasm32")]
    timeout_ms: u32,
    #[cfg(not(target_arch = "wasm32"))]
    file: std::path::PathBuf,
}

/// The root of the API tree on disk, provided by the prerender step (native builds only).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug)]
pub struct ApiRoot(pub std::path::PathBuf);

#[cfg(target_arch = "wasm32")]
impl Source {
    /// A request must be started inside the reactive owner of the page that needs it.
    pub fn current(path: &str) -> Self {
        let config = crate::config::use_config();
        Self {
            url: format!("{}/{path}", config.api),
            timeout_ms: config.timeout_ms,
        }
    }

    /// The cache key.
    pub fn key(&self) -> String {
        self.url.clone()
    }

    /// GETs the file and returns its body.
    pub async fn read(&self) -> Result<String, ApiError> {
        use std::cell::Cell;
        use std::rc::Rc;

        let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
        let signal = controller.signal();
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            // A request without an answer in time is aborted and reported as `Timeout`.
            gloo_timers::callback::Timeout::new(self.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        // The reader left the page that asked: nobody waits for this answer any more.
        let on_leave = send_wrapper::SendWrapper::new(controller);
        leptos::prelude::on_cleanup(move || on_leave.abort());

        let failed = |_| {
            if timed_out.get() {
                ApiError::Timeout
            } else {
                ApiError::Network
            }
        };
        let response = gloo_net::http::Request::get(&self.url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(failed)?;
        match response.status() {
            200..=299 => {}
            404 => return Err(ApiError::NotFound),
            status => return Err(ApiError::Status(status)),
        }
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|l| l.parse::<usize>().ok());
        if declared.is_some_and(|l| l > MAX_BODY) {
            return Err(ApiError::TooLarge);
        }
        let body = response.text().await.map_err(failed)?;
        drop(timer);
        if body.len() > MAX_BODY {
            return Err(ApiError::TooLarge);
        }
        Ok(body)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Source {
    pub fn current(path: &str) -> Self {
        let root = leptos::prelude::use_context::<ApiRoot>()
            .map(|r| r.0)
            .unwrap_or_else(|| "public/api/v1".into());
        Self {
            file: root.join(path),
        }
    }

    pub fn key(&self) -> String {
        self.file.to_string_lossy().into_owned()
    }

    pub async fn read(&self) -> Result<String, ApiError> {
        match std::fs::read_to_string(&self.file) {
            Ok(body) if body.len() > MAX_BODY => Err(ApiError::TooLarge),
            Ok(body) => Ok(body),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ApiError::NotFound),
            Err(_) => Err(ApiError::Status(500)),
        }
    }
}
