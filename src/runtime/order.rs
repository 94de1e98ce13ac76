//! Checks the runtime's rule as the page is hydrated: resources and transitions must be created
//! in page order.
//!
//! Each takes its prerendered data by the order of creation (`SharedContext::next_id`). The
//! server creates them in page order; the browser creates a part's in the part's task, after
//! the rest of the task that met the part. Every creation gets its place in the page: the
//! place of the task it ran in, then how many creations and parts that task had met before. In
//! page order the places are sorted; if the browser created one after another that comes later
//! in the page, the second one took the first one's data.
//!
//! Only in debug builds and the test build (feature `hydration-order`): it reports by a console
//! error, which fails the end-to-end tests of every page they hydrate. Readers' builds carry
//! none of it.

#[cfg(any(debug_assertions, feature = "hydration-order"))]
mod check {
    use std::cell::{Cell, RefCell};
    use std::panic::Location;

    /// A place in the page: sorted as `Vec`s are, element by element.
    pub type Place = Vec<u32>;

    thread_local! {
        /// True from the start of hydration until its last part.
        static CHECKING: Cell<bool> = const { Cell::new(false) };
        /// The place of the task running now (empty: the first pass).
        static TASK: RefCell<Place> = const { RefCell::new(Vec::new()) };
        /// How many creations and parts the task has met.
        static MET: Cell<u32> = const { Cell::new(0) };
        /// Each creation's place and source location, in the order the browser made them.
        static MADE: RefCell<Vec<(Place, &'static Location<'static>)>> =
            const { RefCell::new(Vec::new()) };
    }

    fn next_place() -> Place {
        let mut place = TASK.with(|t| t.borrow().clone());
        place.push(MET.with(|m| m.replace(m.get() + 1)));
        place
    }

    #[cfg(any(target_arch = "wasm32", test))]
    pub fn begin() {
        CHECKING.with(|c| c.set(true));
        TASK.with(|t| t.borrow_mut().clear());
        MET.with(|m| m.set(0));
        MADE.with(|m| m.borrow_mut().clear());
    }

    /// Called by what takes prerendered data; `#[track_caller]` up to the page's code.
    #[track_caller]
    pub fn taken() {
        let at = Location::caller();
        if CHECKING.with(Cell::get) {
            let place = next_place();
            MADE.with(|m| m.borrow_mut().push((place, at)));
        }
    }

    #[cfg(any(target_arch = "wasm32", test))]
    pub fn part_met() -> Place {
        if CHECKING.with(Cell::get) {
            next_place()
        } else {
            Place::new()
        }
    }

    #[cfg(any(target_arch = "wasm32", test))]
    pub fn in_part<R>(place: Place, hydrate: impl FnOnce() -> R) -> R {
        TASK.with(|t| *t.borrow_mut() = place);
        MET.with(|m| m.set(0));
        hydrate()
    }

    #[cfg(any(target_arch = "wasm32", test))]
    /// The first creation made after one that comes later in the page, with that one.
    pub fn first_out_of_order(
        made: &[(Place, &'static Location<'static>)],
    ) -> Option<(Made, Made)> {
        made.windows(2)
            .find(|pair| pair[1].0 < pair[0].0)
            .map(|pair| (Made(pair[1].1), Made(pair[0].1)))
    }

    #[cfg(any(target_arch = "wasm32", test))]
    /// What took prerendered data, by where: a resource by the page code that made it
    /// (`resource` is `#[track_caller]`), a transition by its component.
    pub struct Made(&'static Location<'static>);

    #[cfg(any(target_arch = "wasm32", test))]
    impl std::fmt::Display for Made {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            if self.0.file().ends_with("runtime/awaited.rs") {
                write!(
                    f,
                    "the transition (`Awaited` or `Loaded`) made at {}",
                    self.0
                )
            } else {
                write!(f, "the resource made at {}", self.0)
            }
        }
    }

    #[cfg(any(target_arch = "wasm32", test))]
    /// Err: what was made out of order, and what to do.
    pub fn end() -> Result<(), String> {
        CHECKING.with(|c| c.set(false));
        let made = MADE.with(|m| std::mem::take(&mut *m.borrow_mut()));
        match first_out_of_order(&made) {
            None => Ok(()),
            Some((late, early)) => Err(format!(
                "Hydration order: {late} comes before {early} in the page, but the browser made \
                 it after, in a part's task, so it took the other's prerendered data. A task must \
                 not make resources or transitions after a part (`<Part>`) that makes some: make \
                 them before the part, or in a part of their own (src/runtime/mod.rs)."
            )),
        }
    }
}

#[cfg(any(debug_assertions, feature = "hydration-order"))]
pub(super) use check::taken;
#[cfg(all(
    target_arch = "wasm32",
    any(debug_assertions, feature = "hydration-order")
))]
pub(super) use check::{begin, end, in_part, part_met};

#[cfg(not(any(debug_assertions, feature = "hydration-order")))]
mod off {
    pub type Place = ();
    pub fn begin() {}
    pub fn end() -> Result<(), String> {
        Ok(())
    }
    pub fn taken() {}
    pub fn part_met() {}
    pub fn in_part<R>((): Place, hydrate: impl FnOnce() -> R) -> R {
        hydrate()
    }
}

#[cfg(not(any(debug_assertions, feature = "hydration-order")))]
pub(super) use off::taken;
#[cfg(all(
    target_arch = "wasm32",
    not(any(debug_assertions, feature = "hydration-order"))
))]
pub(super) use off::{begin, end, in_part, part_met};

#[cfg(all(test, any(debug_assertions, feature = "hydration-order")))]
mod tests {
    use super::check::*;
    use std::panic::Location;

    #[test]
    fn a_part_that_makes_resources_before_the_rest_of_its_task_is_out_of_order() {
        let here = Location::caller();
        let place = |p: &[u32]| (p.to_vec(), here);
        // The page: resource 0, a part (1) with a resource inside, resource 2.
        // The browser: 0 and 2 in the first pass, then the part's.
        assert!(first_out_of_order(&[place(&[0]), place(&[2]), place(&[1, 0])]).is_some());
        // The same page without resource 2: in order.
        assert!(first_out_of_order(&[place(&[0]), place(&[1, 0])]).is_none());
        // Two parts whose own parts make resources: the second part's resource first.
        assert!(first_out_of_order(&[place(&[1, 0]), place(&[0, 0, 0])]).is_some());
    }

    #[test]
    fn a_hydration_is_checked_in_the_order_its_tasks_ran() {
        // The first pass makes a resource, meets a part, makes another; then the part's task
        // makes one: it comes before the second in the page.
        begin();
        taken();
        let part = part_met();
        taken();
        in_part(part, taken);
        let error = end().expect_err("out of order");
        assert!(
            error.contains("the resource made at src/runtime/order.rs:"),
            "{error}"
        );
        // The same without the second: in order.
        begin();
        taken();
        let part = part_met();
        in_part(part, taken);
        assert_eq!(end(), Ok(()));
        // Not hydrating (a client-side navigation): nothing is recorded.
        taken();
        let part = part_met();
        taken();
        in_part(part, taken);
        assert_eq!(end(), Ok(()));
    }
}
