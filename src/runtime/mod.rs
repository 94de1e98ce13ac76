//! How the app runs a prerendered page: everything here is scheduling, none of it is UI.
//!
//! - [`start`]: hydrate the page when it was prerendered for this address, render it from
//!   scratch otherwise, and say when the app has taken over (`<html data-app>`).
//! - [`Part`] / [`part`]: a piece of the page hydrated in a task of its own, after the rest,
//!   so that no single task holds a phone's main thread for long.
//! - [`Awaited`] (one type-erased `Transition` for the whole app) and [`Loaded`] (a resource
//!   shown through the shared states: skeleton, error with "Try again", not found).
//! - [`resource`]: every resource of the app, made in one place.
//! - [`chunks`]: the pages few readers open, each in a wasm chunk of its own.
//! - [`prerendered`]: what a prerendered page tells the app.
//!
//! One rule holds it together, and [`order`] checks it: the browser must create resources and
//! transitions in the order the server did, because that order is how each finds its
//! prerendered data. The server creates them in page order; the browser creates a part's in its
//! task, after the rest. So a task must not create any after a part that creates some. The test
//! build checks every page it hydrates and reports where the rule was broken.

mod awaited;
pub mod chunks;
mod loaded;
pub mod order;
mod part;
pub mod prerendered;
mod resource;
mod start;

pub use awaited::{Awaited, Content};
pub use loaded::Loaded;
pub use part::{all_hydrated, part, parts_waiting, Part};
pub use resource::resource;
#[cfg(target_arch = "wasm32")]
pub use start::start;
