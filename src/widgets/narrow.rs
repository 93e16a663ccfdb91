//! Whether the page is phone-narrow, for drawings whose geometry (not only their type
//! size) changes on a phone: the ladder and the LAN topology lay themselves out again.
//! Server-side rendering (the pre-rendered first paint) always draws the wide layout.

use crate::platform;
use yew::prelude::*;

/// The media query of a phone-narrow page; the same width as the stylesheets' phone rules.
pub const NARROW: &str = "(max-width: 640px)";

/// `true` while the page is phone-narrow; follows rotation and window resizes.
#[hook]
pub fn use_narrow() -> bool {
    let narrow = use_state_eq(|| platform::media_matches(NARROW));
    {
        let narrow = narrow.clone();
        use_effect_with((), move |()| {
            let listener = platform::on_media_change(NARROW, move |m| narrow.set(m));
            move || {
                // Dropping the listener unsubscribes.
                let _unsubscribe = listener;
            }
        });
    }
    *narrow
}
