//! Parts of a page rendered in a task after the first one. Mounting a whole scene in one
//! task kept the browser busy for over 100 ms at start (the landing page's and the TCP
//! scene's longest task); the first task builds the top of the page, and each later part
//! follows in a task of its own, with a placeholder a screen tall in between, so the footer
//! below it never moves in view (no layout shift). Server-side rendering and embeds render
//! everything at once.
//!
//! While the build's pre-rendered page is on screen, the app is built behind it
//! ([`when_settled`]): the pre-rendered page stays until no part is left to render, so the
//! visitor never sees a placeholder.

use crate::platform;
use std::cell::{Cell, RefCell};
use yew::prelude::*;

thread_local! {
    /// Later parts mounted and not rendered yet.
    static PENDING: Cell<usize> = const { Cell::new(0) };
}

/// `false` during the first render of a page that splits its mount, `true` from the next
/// task on (and always when `now`, or natively).
///
/// The part counts as pending (for [`when_settled`]) until it has rendered: the count
/// drops in the effect that follows the render with the part in, which Yew runs after the
/// first renders of everything the part mounted (so their own later parts are counted by
/// then). Dropping it in the task that asks for the render would be too early: Yew 0.23's
/// scheduler yields to the browser every 16 ms of work, so other tasks (the poll of
/// [`when_settled`]) may run between a state change and its render. A part unmounted
/// before it rendered stops counting too.
///
/// A part that follows another passes the earlier part's `use_later` as `after` (others
/// pass `true`): its task is only asked for once that is `true`, in the effect after the
/// earlier part rendered. Two parts asked for at once could render together: when the
/// first one's render outlasts Yew's 16 ms slice, the scheduler yields, the second part's
/// task runs, and the rest of both renders comes in one task (a longer task, and the parts
/// out of order). The part counts as pending from the start.
#[hook]
pub fn use_later(now: bool, after: bool) -> bool {
    let counted = use_mut_ref(|| false);
    let shown = use_state_eq(|| {
        let now = now || !platform::SPLITS_TASKS;
        if !now {
            PENDING.with(|p| p.set(p.get() + 1));
            *counted.borrow_mut() = true;
        }
        now
    });
    use_effect_with(*shown, move |&is_shown| {
        if is_shown {
            uncount(&counted);
        }
        // Runs after the render that brings the part in (before the effect above runs
        // again), or when the part goes before it rendered.
        move || uncount(&counted)
    });
    {
        let shown = shown.clone();
        use_effect_with((*shown, after), move |&(is_shown, after)| {
            if !is_shown && after {
                platform::next_task(move || shown.set(true));
            }
        });
    }
    *shown
}

/// The part no longer counts as pending (once only).
fn uncount(counted: &RefCell<bool>) {
    if counted.replace(false) {
        PENDING.with(|p| p.set(p.get().saturating_sub(1)));
    }
}

/// Most tasks [`when_settled`] waits: a page has a handful of later parts, each in a task
/// of its own (and Yew may split a long render into several); past this (at least 4 s, as
/// browsers wait 4 ms between deeply nested timers) it gives up and calls `done` anyway,
/// so a part that never renders cannot hide the app for good.
const MAX_WAIT_TASKS: u32 = 1000;

/// Calls `done` in a task after every later part mounted so far (and any they mount in
/// turn) has rendered: at once natively.
pub fn when_settled(done: impl FnOnce() + 'static) {
    if !platform::SPLITS_TASKS {
        done();
        return;
    }
    wait(done, MAX_WAIT_TASKS);
}

fn wait(done: impl FnOnce() + 'static, left: u32) {
    platform::next_task(move || {
        if left == 0 || PENDING.with(Cell::get) == 0 {
            done();
        } else {
            wait(done, left - 1);
        }
    });
}

/// What stands for the lower part until it is rendered: empty, a screen tall.
pub fn placeholder() -> Html {
    html! { <div class="ww-later" aria-busy="true"></div> }
}
