//! The page around the app: the build's pre-rendered first paint it removes, and the
//! phone tab strip's scroll.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    /// Scrolls the scene tab strip sideways (on phones it is one row that scrolls) so
    /// the current scene's tab sits in its middle. Does nothing when the strip fits.
    pub fn reveal_current_tab() {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let nav = doc.query_selector(".ww-nav").ok().flatten();
        let link = doc.query_selector(".ww-nav-link.is-current").ok().flatten();
        let (Some(nav), Some(link)) = (nav, link) else {
            return;
        };
        let (Ok(nav), Ok(link)) = (
            nav.dyn_into::<web_sys::HtmlElement>(),
            link.dyn_into::<web_sys::HtmlElement>(),
        ) else {
            return;
        };
        if nav.scroll_width() <= nav.client_width() {
            return;
        }
        // The strip is the links' offset parent (position: relative).
        let left = link.offset_left() - (nav.client_width() - link.offset_width()) / 2;
        nav.set_scroll_left(left.max(0));
    }

    /// Removes the pre-rendered first paint (`#ww-pre`, which the build's inline script
    /// put there) and its templates, once the app has rendered in its place.
    pub fn remove_prepaint() {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(nodes) = doc.query_selector_all("#ww-pre, template[id^='ww-pre-']") {
            for i in 0..nodes.length() {
                if let Some(el) = nodes
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    el.remove();
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// No pre-rendered page natively.
    pub fn remove_prepaint() {}
    /// No tab strip natively.
    pub fn reveal_current_tab() {}
}

pub use imp::*;
