//! Share links: plain links to each service's own share page, built from the page's address
//! and title. No third-party script runs and nothing is sent until the reader follows one.

use crate::links::encode_component;

/// The services a page can be shared to, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    Email,
    Telegram,
    Facebook,
    X,
}

impl Service {
    pub const ALL: [Service; 4] = [Self::Email, Self::Telegram, Self::Facebook, Self::X];

    /// The service's name, the same in every language (except e-mail, which is translated).
    pub fn name(self) -> Option<&'static str> {
        match self {
            Self::Email => None,
            Self::Telegram => Some("Telegram"),
            Self::Facebook => Some("Facebook"),
            Self::X => Some("X"),
        }
    }

    /// The link that shares `url` with `title` on this service.
    pub fn href(self, url: &str, title: &str) -> String {
        let (u, t) = (encode_component(url), encode_component(title));
        match self {
            Self::Email => format!("mailto:?subject={t}&body={u}"),
            Self::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
            Self::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            Self::X => format!("https://x.com/intent/post?url={u}&text={t}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::links::encode_component;

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(encode_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(
            encode_component("Новости"),
            "%D0%9D%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"
        );
        assert_eq!(encode_component("O‘zbekiston"), "O%E2%80%98zbekiston");
    }

    #[test]
    fn builds_share_links() {
        let url = "https://portal.example/ru/news/1?x=1#a";
        let title = "Узбекистан & Казахстан";
        let mail = Service::Email.href(url, title);
        assert!(mail.starts_with("mailto:?subject=%D0%A3%D0%B7"));
        assert!(mail.ends_with("&body=https%3A%2F%2Fportal.example%2Fru%2Fnews%2F1%3Fx%3D1%23a"));
        assert!(Service::Telegram
            .href(url, title)
            .starts_with("https://t.me/share/url?url=https%3A%2F%2F"));
        assert!(Service::Telegram.href(url, title).contains("&text=%D0%A3"));
        assert!(!Service::Facebook.href(url, title).contains("text="));
        assert!(Service::X.href(url, title).contains("%20%26%20"));
    }
}
