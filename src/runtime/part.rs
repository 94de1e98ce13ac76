//! Hydrates a part of a prerendered page in a task of its own, after the rest.
//!
//! Hydration runs on the main thread in one piece, and on a phone it is long enough to hold
//! the page up (Lighthouse counts it as Total Blocking Time). A part cuts it: what it wraps
//! keeps its prerendered HTML and is made and hydrated in a following task, so the browser can
//! handle input and paint in between. Links in it work meanwhile (until the page is hydrated,
//! the browser follows links as it does before the app has started: `start`); its buttons
//! work once its task has run, a fraction of a second later. The parts' tasks run in the
//! order they were met; `<html data-app>` is set when the last has run (`start`).
//!
//! The part's components are made in its task too, so that their effects run after it has
//! been hydrated, as they would with the rest of the page: an effect that changes what the part
//! shows (the page's address in the share links, from the browser) must not run before the
//! part is hydrated, or hydration, which takes the prerendered HTML as it is, would miss it.
//!
//! Rules:
//! - A part is the only child of its element (the element is where it starts and ends); a
//!   debug build warns otherwise.
//! - A task must not create resources or transitions after a part that creates some (the
//!   runtime's rule, checked by `order`). On the home page each block is a part and creates
//!   its own resources; on the feed, the category filter and the list are parts, and the page
//!   creates its resources before them.
//! - Parts nest: a part's own parts wait for tasks after its task, so after every part that
//!   was waiting then (the footer's). The home page, the feed and an article are each a part
//!   as a whole (`src/lib.rs`), around their blocks.
//!
//! Rendering anew (client-side navigation, no prerendered HTML) builds the part at once.

#[cfg(target_arch = "wasm32")]
use super::order;
use leptos::prelude::*;
use leptos::tachys::{
    html::attribute::{any_attribute::AnyAttribute, Attribute},
    hydration::Cursor,
    ssr::StreamBuilder,
    view::{
        add_attr::AddAnyAttr, any_view::AnyViewState, Mountable, Position, PositionState, Render,
        RenderFlags, RenderHtml,
    },
};
use std::{
    cell::{Cell, RefCell},
    rc::Rc,
    task::{Poll, Waker},
};

thread_local! {
    /// Parts waiting for their task.
    static WAITING: Cell<usize> = const { Cell::new(0) };
    /// Who awaits [`all_hydrated`], woken when the last waiting part has been hydrated.
    static AWAITING: RefCell<Vec<Waker>> = const { RefCell::new(Vec::new()) };
}

/// Whether parts of the page are still waiting to be hydrated.
pub fn parts_waiting() -> bool {
    WAITING.with(Cell::get) > 0
}

/// Resolves once no part of the page waits for its task. A part counts its own parts in
/// before it counts itself out, so the count reaches zero only after the last.
pub async fn all_hydrated() {
    std::future::poll_fn(|cx| {
        if !parts_waiting() {
            return Poll::Ready(());
        }
        AWAITING.with(|a| a.borrow_mut().push(cx.waker().clone()));
        Poll::Pending
    })
    .await;
}

/// A part has been hydrated (or its page has gone).
#[cfg(target_arch = "wasm32")]
fn one_less_waiting() {
    let left = WAITING.with(|w| {
        w.set(w.get() - 1);
        w.get()
    });
    if left == 0 {
        for waker in AWAITING.with(|a| std::mem::take(&mut *a.borrow_mut())) {
            waker.wake();
        }
    }
}

/// `<Part>…</Part>`: its children, made and hydrated after the rest of the page; the only
/// child of its element.
#[component]
pub fn Part(children: Children) -> impl IntoView {
    PartView::Waiting(children)
}

/// The view `make` makes, made and hydrated after the rest of the page (a route's view:
/// `view=|| part(HomePage)`); the only child of its element.
pub fn part<V: IntoView + 'static>(make: impl FnOnce() -> V + Send + 'static) -> PartView {
    PartView::Waiting(Box::new(move || make().into_any()))
}

/// See [`part`].
pub enum PartView {
    Waiting(Box<dyn FnOnce() -> AnyView + Send>),
    Made(AnyView),
}

impl PartView {
    fn into_view(self) -> AnyView {
        match self {
            PartView::Waiting(make) => make(),
            PartView::Made(view) => view,
        }
    }
}

pub struct PartState {
    /// None until the part's task has run.
    view: Rc<RefCell<Option<AnyViewState>>>,
    /// The element the part is the only child of, while it waits.
    parent: Option<leptos::tachys::renderer::types::Element>,
    /// Set when the page goes before the part's task has run.
    gone: Rc<Cell<bool>>,
}

impl Drop for PartState {
    fn drop(&mut self) {
        self.gone.set(true);
    }
}

impl PartState {
    fn now(state: AnyViewState) -> Self {
        Self {
            view: Rc::new(RefCell::new(Some(state))),
            parent: None,
            gone: Rc::default(),
        }
    }
}

impl Render for PartView {
    type State = PartState;

    fn build(self) -> PartState {
        PartState::now(self.into_view().build())
    }

    fn rebuild(self, state: &mut PartState) {
        let mut slot = state.view.borrow_mut();
        if let Some(view) = slot.as_mut() {
            self.into_view().rebuild(view);
        } else if let Some(parent) = &state.parent {
            // Changed before its task has run: the new view replaces the prerendered part.
            state.gone.set(true);
            parent.set_text_content(None);
            let mut view = self.into_view().build();
            view.mount(parent, None);
            *slot = Some(view);
        }
    }
}

impl Mountable for PartState {
    fn unmount(&mut self) {
        if let Some(view) = self.view.borrow_mut().as_mut() {
            view.unmount();
        }
    }

    fn mount(
        &mut self,
        parent: &leptos::tachys::renderer::types::Element,
        marker: Option<&leptos::tachys::renderer::types::Node>,
    ) {
        if let Some(view) = self.view.borrow_mut().as_mut() {
            view.mount(parent, marker);
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.view
            .borrow()
            .as_ref()
            .is_some_and(|view| view.insert_before_this(child))
    }

    fn elements(&self) -> Vec<leptos::tachys::renderer::types::Element> {
        self.view
            .borrow()
            .as_ref()
            .map(|view| view.elements())
            .unwrap_or_default()
    }
}

impl AddAnyAttr for PartView {
    type Output<SomeNewAttr: Attribute> = PartView;

    /// A part is an element's only child: the attributes belong on that element.
    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> PartView {
        self
    }
}

impl RenderHtml for PartView {
    type AsyncOutput = AnyView;
    type Owned = Self;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {
        if let PartView::Waiting(make) = self {
            let make = std::mem::replace(make, Box::new(|| ().into_any()));
            *self = PartView::Made(make());
        }
        if let PartView::Made(view) = self {
            view.dry_resolve();
        }
    }

    async fn resolve(self) -> AnyView {
        self.into_view().resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        flags: RenderFlags,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.into_view()
            .to_html_with_buf(buf, position, flags, extra_attrs);
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        flags: RenderFlags,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.into_view()
            .to_html_async_with_buf::<OUT_OF_ORDER>(buf, position, flags, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> PartState {
        // As the only child of its element, the part is everything in it: the element is where
        // the cursor stands, and the element's own hydration moves past it whatever its
        // children do.
        #[cfg(target_arch = "wasm32")]
        if position.get() == Position::FirstChild {
            use wasm_bindgen::JsCast;
            if let Ok(parent) = cursor.current().dyn_into::<web_sys::Element>() {
                let state = PartState {
                    view: Rc::default(),
                    parent: Some(parent.clone()),
                    gone: Rc::default(),
                };
                let (slot, gone) = (state.view.clone(), state.gone.clone());
                let owner = Owner::current();
                let place = order::part_met();
                WAITING.with(|w| w.set(w.get() + 1));
                leptos::task::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    if !gone.get() {
                        let hydrate = || {
                            self.into_view().hydrate::<FROM_SERVER>(
                                &Cursor::new(parent),
                                &PositionState::new(Position::FirstChild),
                            )
                        };
                        let view = order::in_part(place, || match owner {
                            Some(owner) => owner.with(hydrate),
                            None => hydrate(),
                        });
                        *slot.borrow_mut() = Some(view);
                    }
                    one_less_waiting();
                });
                return state;
            }
        }
        #[cfg(debug_assertions)]
        leptos::logging::warn!("a part is not the only child of its element: hydrated at once");
        PartState::now(self.into_view().hydrate::<FROM_SERVER>(cursor, position))
    }

    fn into_owned(self) -> Self {
        self
    }
}
