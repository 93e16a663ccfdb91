//! The few things the shell asks of the browser: URL, storage, document, panic overlay.
//!
//! On wasm32 these talk to `web-sys`; natively (tests, server-side rendering) they are
//! inert, so every view and the reducer can be tested without a browser.
//!
//! This is the bottom of the app: it imports no module of ours and speaks in plain
//! strings, so the layers above decide what the strings mean (language, theme, text).

use std::cell::Cell;

mod deflate;
pub mod file;
mod page;
mod task;
pub mod worker;

pub use deflate::{deflate_raw, inflate_raw};
#[cfg(target_arch = "wasm32")]
pub use page::app_host;
pub use page::{has_prepaint, remove_prepaint, reveal_current_tab};
pub use task::{next_task, SPLITS_TASKS};

/// What the browser tells us at start-up besides the URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// `localStorage["wirewalk.lang"]`.
    pub stored_lang: Option<String>,
    /// `localStorage["wirewalk.theme"]`.
    pub stored_theme: Option<String>,
    /// `navigator.languages`.
    pub browser_langs: Vec<String>,
    /// Test-only: `sessionStorage["wirewalk.panic-probe"]` was `"1"` (consumed when read).
    /// A link cannot set it, so no shared URL can crash the app on purpose.
    pub panic_probe: bool,
}

/// The already translated words of the panic overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanicText {
    /// Heading.
    pub title: &'static str,
    /// What happened and what to do.
    pub body: &'static str,
    /// The reload link.
    pub reload: &'static str,
    /// The summary of the technical details.
    pub details: &'static str,
}

thread_local! {
    /// Words of the panic overlay: set before the hook is installed, and again by the
    /// shell whenever the language changes.
    static PANIC_TEXT: Cell<Option<PanicText>> = const { Cell::new(None) };
}

/// Remembers the words the panic overlay will show (in the current language).
pub fn set_panic_text(text: PanicText) {
    PANIC_TEXT.with(|t| t.set(Some(text)));
}

/// The words the panic overlay will show, if they were set.
#[must_use]
pub fn panic_text() -> Option<PanicText> {
    PANIC_TEXT.with(Cell::get)
}

/// localStorage key of the remembered language.
pub const STORE_LANG: &str = "wirewalk.lang";
/// localStorage key of the remembered theme.
pub const STORE_THEME: &str = "wirewalk.theme";
/// sessionStorage key of the test-only panic switch (`"1"` = panic once after mounting).
pub const PANIC_PROBE: &str = "wirewalk.panic-probe";

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{panic_text, set_panic_text, Environment, PANIC_PROBE, STORE_LANG, STORE_THEME};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    /// `(location.search, location.hash)`.
    pub fn location() -> (String, String) {
        let Some(loc) = window().map(|w| w.location()) else {
            return (String::new(), String::new());
        };
        (
            loc.search().unwrap_or_default(),
            loc.hash().unwrap_or_default(),
        )
    }

    /// Storage and browser language preferences.
    pub fn environment() -> Environment {
        let storage = window().and_then(|w| w.local_storage().ok().flatten());
        let get = |k: &str| storage.as_ref().and_then(|s| s.get_item(k).ok().flatten());
        let browser_langs = window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default();
        Environment {
            stored_lang: get(STORE_LANG),
            stored_theme: get(STORE_THEME),
            browser_langs,
            panic_probe: take_panic_probe(),
        }
    }

    /// Reads and clears the test-only panic switch in sessionStorage, so it fires once.
    fn take_panic_probe() -> bool {
        let Some(s) = window().and_then(|w| w.session_storage().ok().flatten()) else {
            return false;
        };
        let on = s.get_item(PANIC_PROBE).ok().flatten().as_deref() == Some("1");
        if on {
            let _ = s.remove_item(PANIC_PROBE);
        }
        on
    }

    /// Writes to localStorage; storage may be unavailable (private mode, sandboxed iframe).
    pub fn store(key: &str, value: &str) {
        if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.set_item(key, value);
        }
    }

    /// Reloads the page at the current URL.
    pub fn reload() {
        if let Some(w) = window() {
            let _ = w.location().reload();
        }
    }

    /// Replaces the hash without a new history entry, when it differs.
    pub fn replace_hash(hash: &str) {
        let Some(w) = window() else { return };
        if w.location().hash().unwrap_or_default() == hash {
            return;
        }
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    }

    /// `<html lang>` (a BCP 47 tag), `data-theme` (a theme code) and the document title.
    pub fn set_document(lang_tag: &str, theme_code: &str, title: &str) {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        doc.set_title(title);
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang_tag);
            let _ = root.set_attribute("data-theme", theme_code);
        }
    }

    /// Sets the value of the `<input>` that fired `e`.
    pub fn set_field_value(e: &web_sys::Event, value: &str) {
        if let Some(i) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            i.set_value(value);
        }
    }

    /// The value of the `<input>` or `<select>` that fired `e`.
    pub fn field_value(e: &web_sys::Event) -> Option<String> {
        let target = e.target()?;
        if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            return Some(i.value());
        }
        if let Some(a) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            return Some(a.value());
        }
        target
            .dyn_ref::<web_sys::HtmlSelectElement>()
            .map(web_sys::HtmlSelectElement::value)
    }

    /// Whether the checkbox that fired `e` is checked.
    pub fn field_checked(e: &web_sys::Event) -> Option<bool> {
        e.target()?
            .dyn_ref::<web_sys::HtmlInputElement>()
            .map(web_sys::HtmlInputElement::checked)
    }

    /// The selected index of the `<select>` that fired `e`.
    pub fn select_index(e: &web_sys::Event) -> Option<usize> {
        let s = e.target()?.dyn_into::<web_sys::HtmlSelectElement>().ok()?;
        usize::try_from(s.selected_index()).ok()
    }

    /// Offers `bytes` to the user as a downloaded file.
    pub fn download(name: &str, bytes: &[u8], mime: &str) {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(a) = doc
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }

    /// Offers the SVG element matching `selector` as a PNG drawn at `scale`× on a white
    /// background (for slides). Calls `on_error` when it cannot (the image does not load,
    /// or the canvas refuses); the object URL is released either way.
    pub fn download_svg_as_png(
        selector: &str,
        name: &str,
        scale: f64,
        css: &str,
        on_error: impl Fn() + 'static,
    ) {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return on_error();
        };
        let Some(svg) = doc.query_selector(selector).ok().flatten() else {
            return on_error();
        };
        let viewbox: Vec<f64> = svg
            .get_attribute("viewBox")
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|v| v.parse().ok())
            .collect();
        let (w, h) = match viewbox.as_slice() {
            [_, _, w, h]
                if *w > 0.0 && *h > 0.0 && *w * scale <= 16_384.0 && *h * scale <= 16_384.0 =>
            {
                (*w * scale, *h * scale)
            }
            _ => return on_error(),
        };
        let Some(xml) = serialize(&svg, css) else {
            return on_error();
        };
        let parts = js_sys::Array::of1(&xml.into());
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("image/svg+xml");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
            return on_error();
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return on_error();
        };
        let Ok(img) = web_sys::HtmlImageElement::new() else {
            let _ = web_sys::Url::revoke_object_url(&url);
            return on_error();
        };
        let on_error = std::rc::Rc::new(on_error);
        let failed = on_error.clone();
        let url3 = url.clone();
        gloo::events::EventListener::once(&img, "error", move |_| {
            let _ = web_sys::Url::revoke_object_url(&url3);
            failed();
        })
        .forget();
        let name = name.to_owned();
        let img2 = img.clone();
        let url2 = url.clone();
        gloo::events::EventListener::once(&img, "load", move |_| {
            let draw = || -> Option<String> {
                let doc = window()?.document()?;
                let canvas: web_sys::HtmlCanvasElement =
                    doc.create_element("canvas").ok()?.dyn_into().ok()?;
                canvas.set_width(w.round() as u32);
                canvas.set_height(h.round() as u32);
                let ctx: web_sys::CanvasRenderingContext2d =
                    canvas.get_context("2d").ok()??.dyn_into().ok()?;
                ctx.set_fill_style_str("#ffffff");
                ctx.fill_rect(0.0, 0.0, w, h);
                ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w, h)
                    .ok()?;
                canvas.to_data_url_with_type("image/png").ok()
            };
            if let Some(data) = draw() {
                if let Some(a) = window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("a").ok())
                    .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
                {
                    a.set_href(&data);
                    a.set_download(&name);
                    a.click();
                }
            } else {
                on_error();
            }
            let _ = web_sys::Url::revoke_object_url(&url2);
        })
        .forget();
        img.set_src(&url);
    }

    /// The first element matching `selector` (an SVG) as XML, with `css` as its first
    /// child in a `<style>` element. `XMLSerializer`, not `outerHTML`, which writes HTML
    /// entities such as `&nbsp;` that XML does not know.
    pub fn element_xml(selector: &str, css: &str) -> Option<String> {
        let doc = window()?.document()?;
        serialize(&doc.query_selector(selector).ok()??, css)
    }

    /// Serialises a detached copy of `e` with a `<style>` added: the copy never joins
    /// the page, so the page's content security policy has no inline style to refuse.
    fn serialize(e: &web_sys::Element, css: &str) -> Option<String> {
        let copy: web_sys::Element = e.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        let doc = window()?.document()?;
        let style = doc
            .create_element_ns(Some("http://www.w3.org/2000/svg"), "style")
            .ok()?;
        style.set_text_content(Some(css));
        copy.prepend_with_node_1(&style).ok()?;
        web_sys::XmlSerializer::new()
            .ok()?
            .serialize_to_string(&copy)
            .ok()
    }

    /// Keeps a browser event subscription alive; dropping it unsubscribes.
    pub struct Listener(#[allow(dead_code)] gloo::events::EventListener);

    /// Calls `f(search, hash)` whenever the hash changes (links, back/forward).
    pub fn on_hashchange(f: impl Fn(String, String) + 'static) -> Option<Listener> {
        let w = window()?;
        Some(Listener(gloo::events::EventListener::new(
            &w,
            "hashchange",
            move |_| {
                let (s, h) = location();
                f(s, h);
            },
        )))
    }

    /// Whether a CSS media query matches now (`false` when the browser cannot say).
    pub fn media_matches(query: &str) -> bool {
        window()
            .and_then(|w| w.match_media(query).ok().flatten())
            .is_some_and(|m| m.matches())
    }

    /// Calls `f(matches)` whenever the answer to a CSS media query changes.
    pub fn on_media_change(query: &str, f: impl Fn(bool) + 'static) -> Option<Listener> {
        let list = window()?.match_media(query).ok().flatten()?;
        let read = list.clone();
        Some(Listener(gloo::events::EventListener::new(
            &list,
            "change",
            move |_| f(read.matches()),
        )))
    }

    /// Applies every `data-style="…"` attribute, now and whenever one appears or changes,
    /// as the element's inline style through the CSSOM. Views write `data-style` instead
    /// of `style`: the content security policy (`style-src 'self'`) refuses `style`
    /// attributes in markup, but not styles set through the CSSOM.
    pub fn install_data_styles() {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let Some(root) = doc.document_element() else {
            return;
        };
        let apply = |e: &web_sys::Element| {
            if let (Some(h), Some(css)) = (
                e.dyn_ref::<web_sys::HtmlElement>(),
                e.get_attribute("data-style"),
            ) {
                h.style().set_css_text(&css);
            }
        };
        let apply_within = move |e: &web_sys::Element| {
            apply(e);
            if let Ok(list) = e.query_selector_all("[data-style]") {
                for i in 0..list.length() {
                    if let Some(el) = list.item(i).and_then(|n| n.dyn_into().ok()) {
                        apply(&el);
                    }
                }
            }
        };
        apply_within(&root);
        let observed = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            for r in records.iter() {
                let Ok(r) = r.dyn_into::<web_sys::MutationRecord>() else {
                    continue;
                };
                if r.type_() == "attributes" {
                    if let Some(e) = r.target().and_then(|t| t.dyn_into().ok()) {
                        apply(&e);
                    }
                } else {
                    let added = r.added_nodes();
                    for i in 0..added.length() {
                        if let Some(e) = added.item(i).and_then(|n| n.dyn_into().ok()) {
                            apply_within(&e);
                        }
                    }
                }
            }
        });
        let Ok(observer) = web_sys::MutationObserver::new(observed.as_ref().unchecked_ref()) else {
            return;
        };
        let opts = web_sys::MutationObserverInit::new();
        opts.set_subtree(true);
        opts.set_child_list(true);
        opts.set_attribute_filter(&js_sys::Array::of1(&"data-style".into()));
        if observer.observe_with_options(&root, &opts).is_ok() {
            // Lives as long as the page.
            observed.forget();
        }
    }

    /// Replaces the page with a readable, translated error box and a reload link.
    /// Installed through Yew, which would otherwise put its own console-only hook in place.
    pub fn install_panic_hook() {
        yew::set_custom_panic_hook(Box::new(|info| {
            let detail = info.to_string();
            web_sys::console::error_1(&format!("Wirewalk panic: {detail}").into());
            show_overlay(&detail);
        }));
    }

    /// Replaces the page with the error box (as after a panic) headed `title`, saying
    /// `body`, with `detail` folded away: for an app that cannot start.
    pub fn show_error(title: &'static str, body: &str, detail: &str) {
        let Some(text) = panic_text() else { return };
        let body: &'static str = Box::leak(body.to_owned().into_boxed_str());
        set_panic_text(super::PanicText {
            title,
            body,
            ..text
        });
        show_overlay(detail);
    }

    fn show_overlay(detail: &str) {
        // `start` sets the words before it installs the hook, so they are always there.
        let Some(text) = panic_text() else { return };
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = doc.body() else { return };
        let build = || -> Result<web_sys::Element, wasm_bindgen::JsValue> {
            // Appends <tag class=..>text</tag> to `parent` and returns it.
            let add = |parent: &web_sys::Element, tag: &str, class: &str, text: &str| {
                let e = doc.create_element(tag)?;
                e.set_class_name(class);
                e.set_text_content(Some(text));
                parent.append_child(&e)?;
                Ok::<_, wasm_bindgen::JsValue>(e)
            };
            let boxed = doc.create_element("div")?;
            boxed.set_class_name("ww-panic");
            boxed.set_attribute("role", "alert")?;
            boxed.set_attribute("id", "ww-panic")?;
            add(&boxed, "h1", "ww-panic-title", text.title)?;
            add(&boxed, "p", "ww-panic-body", text.body)?;
            let link = add(&boxed, "a", "ww-panic-reload", text.reload)?;
            let href = window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            link.set_attribute("href", &href)?;
            // The hash alone would not reload the page: reload on click, with no inline
            // handler (the content security policy forbids those).
            let reload = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
                e.prevent_default();
                if let Some(w) = window() {
                    let _ = w.location().reload();
                }
            });
            link.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())?;
            reload.forget();
            let details = add(&boxed, "details", "ww-panic-details", "")?;
            add(&details, "summary", "", text.details)?;
            add(&details, "pre", "", detail)?;
            Ok(boxed)
        };
        if let Ok(boxed) = build() {
            body.set_inner_html("");
            let _ = body.append_child(&boxed);
            if let Some(a) = boxed
                .query_selector(".ww-panic-reload")
                .ok()
                .flatten()
                .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = a.focus();
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Environment;

    /// Natively there is no URL.
    pub fn location() -> (String, String) {
        (String::new(), String::new())
    }
    /// Natively there is no storage or browser.
    pub fn environment() -> Environment {
        Environment::default()
    }
    /// No-op natively.
    pub fn store(_key: &str, _value: &str) {}
    /// No-op natively.
    pub fn replace_hash(_hash: &str) {}

    pub fn reload() {}
    /// No-op natively.
    pub fn set_document(_lang_tag: &str, _theme_code: &str, _title: &str) {}
    /// No-op natively (server-side rendering keeps `data-style` as it is).
    pub fn install_data_styles() {}
    /// No-op natively.
    pub fn install_panic_hook() {}
    /// No form fields natively.
    pub fn set_field_value(_e: &yew::Event, _value: &str) {}
    /// No form fields natively.
    pub fn field_value(_e: &yew::Event) -> Option<String> {
        None
    }
    /// No form fields natively.
    pub fn field_checked(_e: &yew::Event) -> Option<bool> {
        None
    }
    /// No form fields natively.
    pub fn select_index(_e: &yew::Event) -> Option<usize> {
        None
    }
    /// No downloads natively.
    pub fn download(_name: &str, _bytes: &[u8], _mime: &str) {}
    /// No downloads natively.
    pub fn download_svg_as_png(
        _selector: &str,
        _name: &str,
        _scale: f64,
        _css: &str,
        _on_error: impl Fn() + 'static,
    ) {
    }
    /// No document natively.
    pub fn element_xml(_selector: &str, _css: &str) -> Option<String> {
        None
    }
    /// A subscription that never fires natively.
    pub struct Listener;
    /// No hash changes natively.
    pub fn on_hashchange(_f: impl Fn(String, String) + 'static) -> Option<Listener> {
        None
    }
    /// No media natively: server-side rendering draws the wide layout.
    pub fn media_matches(_query: &str) -> bool {
        false
    }
    /// No media changes natively.
    pub fn on_media_change(_query: &str, _f: impl Fn(bool) + 'static) -> Option<Listener> {
        None
    }
}

pub use imp::*;
