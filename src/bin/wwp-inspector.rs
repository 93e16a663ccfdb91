//! The frame inspector as a wasm of its own, for the architecture bundle, which links none
//! (`wirewalk::widgets::inspector_part`); built by the release build's post-build hook
//! (scripts/bundles.mjs) and loaded by the page's parts loader (`wwPart`, scripts/loader.js)
//! on the first click on a frame, or ahead while the page idles.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Shows frame `index` of the packed frames (`lens`: each frame's length; `bytes`: theirs,
/// one after another) in `host`, in the language with code `lang`. Resolves when shown;
/// rejects with a message in that language.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn show(
    host: web_sys::Element,
    lang: String,
    index: u32,
    lens: Vec<u32>,
    bytes: Vec<u8>,
) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        wirewalk::widgets::inspector_part::part_show(host, &lang, index, &lens, &bytes)
            .await
            .map(|()| JsValue::UNDEFINED)
            .map_err(|e| JsValue::from_str(&e))
    })
}

/// Drops what [`show`] put in `host`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn forget(host: web_sys::Element) {
    wirewalk::widgets::inspector_part::part_forget(&host);
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    wirewalk::start_part(&wirewalk::bundle::INSPECTOR_PART);
}
