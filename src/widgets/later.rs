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
use std::cell::Cell;
use yew::prelude::*;

thread_local! {
    /// Later parts mounted and not rendered yet.
    static PENDING: Cell<usize> = const { Cell::new(0) };
}

/// `false` during the first render of a page that splits its mount, `true` from the next
/// task on (and always when `now`, or natively).
#[hook]
pub fn use_later(now: bool) -> bool {
    let shown = use_state_eq(|| {
        let now = now || !platform::SPLITS_TASKS;
        if !now {
            PENDING.with(|p| p.set(p.get() + 1));
        }
        now
    });
    {
        let shown = shown.clone();
        use_effect_with((), move |()| {
            if !*shown {
                platform::next_task(move || {
                    PENDING.with(|p| p.set(p.get().saturating_sub(1)));
                    shown.set(true);
                });
            }
        });
    }
    *shown
}

/// Most tasks [`when_settled`] waits: a page has a handful of later parts, each in a task
/// of its own; past this it gives up waiting and calls `done` anyway.
const MAX_WAIT_TASKS: u32 = 64;

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
