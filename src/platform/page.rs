//! The page around the app: the element it mounts into, the build's pre-rendered first
//! paint it builds behind and then removes, and the phone tab strip's scroll.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    /// Scrolls the app's scene tab strip (not the pre-rendered page's) sideways (on phones it is one row that scrolls) so
    /// the current scene's tab sits in its middle. Does nothing when the strip fits.
    pub fn reveal_current_tab() {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let nav = doc.query_selector(".ww-host .ww-nav").ok().flatten();
        let link = doc
            .query_selector(".ww-host .ww-nav-link.is-current")
            .ok()
            .flatten();
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

    /// The element the app mounts into: a `<div>` at the end of `<body>`, so mounting
    /// (which empties its host) leaves the pre-rendered page beside it in place.
    pub fn app_host() -> Option<web_sys::Element> {
        let doc = window()?.document()?;
        let host = doc.create_element("div").ok()?;
        host.set_class_name("ww-host");
        doc.body()?.append_child(&host).ok()?;
        Some(host)
    }

    /// Whether the build's pre-rendered first paint (`#ww-pre`) is on the page: the app
    /// then builds behind it ([`crate::widgets::later::when_settled`]).
    pub fn has_prepaint() -> bool {
        window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.get_element_by_id("ww-pre").is_some())
    }

    /// Removes the pre-rendered first paint (`#ww-pre`, which the build's inline script
    /// put there) and its templates, once the app has rendered in its place, and shows
    /// the app if it was built behind it: all at once, so no moment (not even one a
    /// script could see) has both or neither.
    pub fn remove_prepaint() {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(app)) = doc.query_selector(".ww-host > .ww-app[data-building]") {
            let _ = app.remove_attribute("data-building");
            let _ = app.remove_attribute("inert");
        }
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
    pub fn has_prepaint() -> bool {
        false
    }
    /// No pre-rendered page natively.
    pub fn remove_prepaint() {}
    /// No tab strip natively.
    pub fn reveal_current_tab() {}
}

pub use imp::*;
