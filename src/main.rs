//! Entry point of the browser build: mounts the app, nothing else.

fn main() {
    #[cfg(target_arch = "wasm32")]
    portal::mount();
}
