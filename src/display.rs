//! The version for the visually impaired: text size, colour scheme, images and spacing, as the
//! reader chooses them. They apply to the whole page as data attributes on `<html>`
//! (`style/display.css`) and are remembered in local storage. An inline script in `index.html`
//! applies the remembered ones before the first paint; the app applies the reader's changes.

/// One setting: its key (the `data-{key}` attribute) and its values, the standard one first.
pub struct Setting {
    pub key: &'static str,
    pub values: &'static [&'static str],
}

pub const SETTINGS: [Setting; 4] = [
    Setting {
        key: "text",
        values: &["standard", "large", "larger", "largest"],
    },
    Setting {
        key: "scheme",
        values: &[
            "standard",
            "black-on-white",
            "white-on-black",
            "yellow-on-blue",
        ],
    },
    Setting {
        key: "images",
        values: &["shown", "grey", "hidden"],
    },
    Setting {
        key: "spacing",
        values: &["standard", "wide"],
    },
];

/// The reader's choice: for each of [`SETTINGS`], the index of its value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Display(pub [usize; 4]);

impl Display {
    pub fn is_standard(self) -> bool {
        self == Self::default()
    }

    /// `text=large;scheme=white-on-black`: the standard values are left out. Unknown keys and
    /// values are ignored, so an old or tampered entry never breaks the page.
    pub fn parse(stored: &str) -> Self {
        let mut display = Self::default();
        for pair in stored.split(';') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            for (i, setting) in SETTINGS.iter().enumerate() {
                if setting.key == key {
                    if let Some(v) = setting.values.iter().position(|v| *v == value) {
                        display.0[i] = v;
                    }
                }
            }
        }
        display
    }

    pub fn encode(self) -> String {
        SETTINGS
            .iter()
            .zip(self.0)
            .filter(|(_, v)| *v != 0)
            .map(|(s, v)| format!("{}={}", s.key, s.values[v]))
            .collect::<Vec<_>>()
            .join(";")
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Display, SETTINGS};

    const STORAGE_KEY: &str = "portal.display";

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn remembered() -> Display {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|s| Display::parse(&s))
            .unwrap_or_default()
    }

    /// Sets the page's data attributes and remembers the choice.
    pub fn apply(display: Display) {
        if let Some(html) = leptos::prelude::document().document_element() {
            for (setting, value) in SETTINGS.iter().zip(display.0) {
                let attr = format!("data-{}", setting.key);
                let _ = if value == 0 {
                    html.remove_attribute(&attr)
                } else {
                    html.set_attribute(&attr, setting.values[value])
                };
            }
        }
        if let Some(s) = storage() {
            // Storage may be full or disabled: the choice then lasts for this visit only.
            let _ = if display.is_standard() {
                s.remove_item(STORAGE_KEY)
            } else {
                s.set_item(STORAGE_KEY, &display.encode())
            };
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{apply, remembered};

/// Outside the browser there is nothing to remember or apply.
#[cfg(not(target_arch = "wasm32"))]
pub fn remembered() -> Display {
    Display::default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn apply(_: Display) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_leaves_out_the_standard() {
        assert_eq!(Display::default().encode(), "");
        let d = Display([2, 1, 0, 1]);
        assert_eq!(d.encode(), "text=larger;scheme=black-on-white;spacing=wide");
        assert_eq!(Display::parse(&d.encode()), d);
    }

    #[test]
    fn ignores_what_it_does_not_know() {
        assert_eq!(Display::parse(""), Display::default());
        assert_eq!(
            Display::parse("text=huge;colour=red;;=;scheme=white-on-black;<script>"),
            Display([0, 2, 0, 0])
        );
    }

    /// The inline script of `index.html` applies the same attributes before the first paint:
    /// it must accept every value the app writes.
    #[test]
    fn the_early_script_accepts_every_value() {
        let html = include_str!("../index.html");
        for s in SETTINGS {
            assert!(html.contains(s.key), "index.html does not know `{}`", s.key);
            for v in s.values {
                assert!(
                    v.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                    "{v} must match the script's pattern"
                );
            }
        }
    }
}
