//! Whether the page is phone-narrow, for drawings whose geometry (not only their type
//! size) changes on a phone: the ladder and the LAN topology lay themselves out again.
//! A slide's LAN drawing also follows the frame's shape (4:3 or 16:9).
//! Server-side rendering (the pre-rendered first paint) always draws the wide layout.

use crate::platform;
use yew::prelude::*;

/// The media query of a phone-narrow page; the same width as the stylesheets' phone rules.
pub const NARROW: &str = "(max-width: 640px)";

/// The media query of a frame about as tall as wide (a 4:3 projector's 1024×768, not a
/// 16:9 slide's 960×540 or 1280×720); the same as the slide stylesheet's 4:3 rules.
pub const SQUARISH: &str = "(min-width: 641px) and (max-aspect-ratio: 3/2)";

/// The media query of a wide slide (1280×720); the same as the slide stylesheet's rules
/// that give the storm's chart the width the topology leaves.
pub const WIDE_SLIDE: &str = "(min-width: 1100px) and (min-height: 601px)";

/// `true` while the page is phone-narrow; follows rotation and window resizes.
#[hook]
pub fn use_narrow() -> bool {
    use_media(NARROW)
}

/// `true` while `query` matches; follows rotation and window resizes.
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let matches = use_state_eq(|| platform::media_matches(query));
    {
        let matches = matches.clone();
        use_effect_with((), move |()| {
            let listener = platform::on_media_change(query, move |m| matches.set(m));
            move || {
                // Dropping the listener unsubscribes.
                let _unsubscribe = listener;
            }
        });
    }
    *matches
}
