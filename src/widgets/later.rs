//! The lower part of a long page, rendered in a task after the first one. Mounting a whole
//! scene in one task kept the browser busy for over 100 ms at start (the landing page's
//! longest task); the first task now builds the first screen, and the rest follows in the
//! next, with a placeholder a screen tall in between, so the footer below it never moves
//! in view (no layout shift). Server-side rendering and embeds render everything at once.

use crate::platform;
use yew::prelude::*;

/// `false` during the first render of a page that splits its mount, `true` from the next
/// task on (and always when `now`, or natively).
#[hook]
pub fn use_later(now: bool) -> bool {
    let shown = use_state_eq(|| now || !platform::SPLITS_TASKS);
    {
        let shown = shown.clone();
        use_effect_with((), move |()| {
            if !*shown {
                platform::next_task(move || shown.set(true));
            }
        });
    }
    *shown
}

/// What stands for the lower part until it is rendered: empty, a screen tall.
pub fn placeholder() -> Html {
    html! { <div class="ww-later" aria-busy="true"></div> }
}
