//! Run-time configuration, read from the page so one build can be re-pointed by editing
//! `index.html` in `dist/`: the base path the app is hosted under (`<base href>`, set by
//! `trunk build --public-url`), the API base (`<meta name="portal-api">`) and where readers'
//! feedback goes (`<meta name="portal-feedback">`, `<meta name="portal-feedback-email">`).

/// Where the app lives and where its content comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Path prefix of the app without a trailing slash: `""` at the root, `"/portal"` under a sub-path.
    pub base: String,
    /// Absolute URL of the API root without a trailing slash.
    pub api: String,
    /// The site's origin (`https://example.uz`) for canonical and alternate links, from
    /// `<meta name="portal-origin">`; empty when not configured (links stay path-absolute).
    pub origin: String,
    /// Absolute URL the feedback form POSTs to; `None`: the form opens an e-mail instead.
    pub feedback: Option<String>,
    /// The address of that e-mail (and of "or write to"); with neither setting, no form is
    /// offered: a default build names no made-up address.
    pub feedback_email: Option<String>,
    /// How long a request to the API may take before it is aborted
    /// (`<meta name="portal-timeout">`, in milliseconds).
    pub timeout_ms: u32,
}

/// Long enough for a slow mobile network, short enough that a dead request does not leave the
/// reader waiting without a way out.
const DEFAULT_TIMEOUT_MS: u32 = 10_000;

impl Default for Config {
    fn default() -> Self {
        Self {
            base: String::new(),
            api: "/api/v1".into(),
            origin: String::new(),
            feedback: None,
            feedback_email: None,
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }
}

impl Config {
    /// Reads the configuration from the current document.
    #[cfg(target_arch = "wasm32")]
    pub fn from_document() -> Self {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return Self::default();
        };
        let base_uri = doc.base_uri().ok().flatten().unwrap_or_default();
        let base = web_sys::Url::new(&base_uri)
            .map(|u| u.pathname())
            .unwrap_or_default();
        let api_setting = doc
            .query_selector("meta[name=portal-api]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_else(|| "api/v1".into());
        // A relative API setting is relative to the app's base, like every asset.
        let api = web_sys::Url::new_with_base(&api_setting, &base_uri)
            .map(|u| u.href())
            .unwrap_or(api_setting);
        let meta = |name: &str| {
            doc.query_selector(&format!("meta[name={name}]"))
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
                .filter(|c| !c.trim().is_empty())
        };
        let origin = meta("portal-origin").unwrap_or_default();
        // Relative to the base too; only http(s) (the CSP allows its origin, see prerender).
        let feedback = meta("portal-feedback")
            .and_then(|f| web_sys::Url::new_with_base(&f, &base_uri).ok())
            .filter(|u| matches!(u.protocol().as_str(), "https:" | "http:"))
            .map(|u| u.href());
        let feedback_email = meta("portal-feedback-email").filter(|e| is_email_address(e));
        let timeout_ms = meta("portal-timeout")
            .and_then(|t| t.parse().ok())
            .filter(|&t| t >= 100)
            .unwrap_or(DEFAULT_TIMEOUT_MS);
        Self {
            base: base.trim_end_matches('/').to_string(),
            api: api.trim_end_matches('/').to_string(),
            origin: origin.trim_end_matches('/').to_string(),
            feedback,
            feedback_email,
            timeout_ms,
        }
    }

    /// Whether readers are offered "Is this page useful?" and "Report a problem": only where
    /// the host has set where reports go.
    pub fn offers_feedback(&self) -> bool {
        self.feedback.is_some() || self.feedback_email.is_some()
    }

    /// The `href` of an app path (`/en/news`) under the base path.
    pub fn href(&self, app_path: &str) -> String {
        format!("{}{}", self.base, app_path)
    }

    /// The Atom feed of a language's news, or of one category's (a file of the API).
    pub fn news_feed(&self, lang: crate::i18n::Lang, category: Option<&str>) -> String {
        format!(
            "{}/{}",
            self.api,
            portal_api::paths::news_feed(lang.code(), category)
        )
    }

    /// The full URL of an app path, for canonical and alternate links.
    pub fn absolute(&self, app_path: &str) -> String {
        format!("{}{}{}", self.origin, self.base, app_path)
    }
}

/// An address for a `mailto:` link: something with an `@` and nothing that would end the
/// address or start its query.
pub fn is_email_address(setting: &str) -> bool {
    let at = setting.find('@');
    at.is_some_and(|at| at > 0 && at + 1 < setting.len())
        && !setting.contains(['?', '&', '<', '>', '"', '#', ' ', '/'])
}

/// The configuration provided by `App`, or the default (in component tests).
pub fn use_config() -> Config {
    leptos::prelude::use_context::<Config>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feedback_address_is_an_address_and_no_setting_offers_no_form() {
        assert!(is_email_address("feedback@gov.uz"));
        for bad in [
            "", "@", "a@", "@b", "nobody", "a@b?cc=x", "a b@c", "a@b#x", "<a@b>",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
        let default = Config::default();
        assert!(!default.offers_feedback());
        let mail = Config {
            feedback_email: Some("feedback@gov.uz".into()),
            ..Config::default()
        };
        assert!(mail.offers_feedback());
        let endpoint = Config {
            feedback: Some("https://gov.uz/feedback".into()),
            ..Config::default()
        };
        assert!(endpoint.offers_feedback());
    }
}
