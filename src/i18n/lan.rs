//! Messages of the LAN and router scene, zh and en, sorted by key (keys under `scene.lan.`,
//! beyond the title, intro and plan kept in `catalogue.rs`).

use super::Msg;

#[allow(dead_code)]
const fn m(key: &'static str, zh: &'static str, en: &'static str) -> Msg {
    Msg { key, zh, en }
}

/// This scene's messages, sorted by key.
pub static MESSAGES: &[Msg] = &[];
