//! Where a bundle's frame inspector comes from: linked into its wasm, or a part of its own
//! loaded on demand.
//!
//! The landing page (the architecture scene) shows the inspector only once a frame is
//! clicked, and the inspector with its field tables is a sixth of that page's wasm. So the
//! architecture bundle links none: [`remote`] renders an empty host element and asks the
//! page for the `inspector` part (`wwPart`, scripts/loader.js), a wasm of its own
//! (`src/bin/wwp-inspector.rs`, built by scripts/bundles.mjs and fetched ahead while the
//! page idles), which mounts the same [`Inspector`] into that host as a Yew app of its
//! own ([`part_show`]). Every other bundle, the one-file build and the tests show it
//! inline ([`inline`]).
//!
//! The part is given the frames up to the one shown, not the frame alone: it annotates
//! them in order as the page does, so TCP numbers are relative to the same conversation.

use crate::i18n::Lang;
use crate::widgets::inspector::Inspector;
use std::cell::Cell;
use wirewalk_engine::trace::Frame;
use yew::prelude::*;

/// Shows frame `index` of `frames` (the frames before it give TCP's relative numbers).
pub type InspectorFn = fn(Lang, &[Frame], usize) -> Html;

thread_local! {
    static SHOWN_BY: Cell<Option<InspectorFn>> = const { Cell::new(None) };
}

/// Makes `f` the way this page shows the inspector (the first registration wins;
/// [`crate::bundle::Bundle::register`]).
pub fn register(f: InspectorFn) {
    SHOWN_BY.with(|s| {
        if s.get().is_none() {
            s.set(Some(f));
        }
    });
}

/// The inspector on frame `index` of `frames`, as this page shows it.
pub fn show(lang: Lang, frames: &[Frame], index: usize) -> Html {
    match SHOWN_BY.with(Cell::get) {
        Some(f) => f(lang, frames, index),
        None => unregistered(lang, frames, index),
    }
}

// Natively (tests, the server-side renderer) no bundle is registered: inline. In wasm every
// bin registers one, and naming the inline inspector here would link it into every wasm.
#[cfg(not(target_arch = "wasm32"))]
fn unregistered(lang: Lang, frames: &[Frame], index: usize) -> Html {
    inline(lang, frames, index)
}
#[cfg(target_arch = "wasm32")]
fn unregistered(_lang: Lang, _frames: &[Frame], _index: usize) -> Html {
    Html::default()
}

/// The inspector linked into this wasm.
pub fn inline(lang: Lang, frames: &[Frame], index: usize) -> Html {
    match frames.get(index) {
        Some(f) => html! { <Inspector {lang} frame={f.clone()} /> },
        None => Html::default(),
    }
}

/// For bundles whose scenes never call [`show`]: nothing.
pub fn none(_lang: Lang, _frames: &[Frame], _index: usize) -> Html {
    Html::default()
}

/// Frames as the part takes them: each frame's length, and their bytes one after another.
#[cfg(any(target_arch = "wasm32", test))]
fn pack(frames: &[Frame]) -> (Vec<u32>, Vec<u8>) {
    let lens = frames
        .iter()
        .map(|f| u32::try_from(f.bytes.len()).unwrap_or(u32::MAX))
        .collect();
    let bytes = frames
        .iter()
        .flat_map(|f| f.bytes.iter().copied())
        .collect();
    (lens, bytes)
}

/// Why the part cannot show what it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartError {
    /// More frames than any page shows.
    TooManyFrames(usize),
    /// The lengths do not add up to the bytes given.
    Lengths,
    /// The index names no frame given.
    Index(u32),
}

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartError::TooManyFrames(n) => write!(f, "{n} frames"),
            PartError::Lengths => f.write_str("frame lengths"),
            PartError::Index(i) => write!(f, "frame {i}"),
        }
    }
}

/// Most frames the part takes (a page shows a few dozen).
pub const MAX_FRAMES: usize = 4096;

/// Frame `index` of the packed frames, annotated after the ones before it (as the page
/// annotates a trace); the inspector reads its index, bytes and annotation.
///
/// # Errors
/// A [`PartError`] when the lengths and bytes disagree or `index` is past the last frame.
pub fn unpack(index: u32, lens: &[u32], bytes: &[u8]) -> Result<Frame, PartError> {
    if lens.len() > MAX_FRAMES {
        return Err(PartError::TooManyFrames(lens.len()));
    }
    let last = usize::try_from(index).map_err(|_| PartError::Index(index))?;
    if last >= lens.len() {
        return Err(PartError::Index(index));
    }
    let total = lens
        .iter()
        .try_fold(0usize, |n, l| n.checked_add(usize::try_from(*l).ok()?));
    if total != Some(bytes.len()) {
        return Err(PartError::Lengths);
    }
    let mut annotator = wirewalk_engine::wire::Annotator::new();
    let mut at = 0usize;
    for (i, len) in lens.iter().take(last + 1).enumerate() {
        let end = at.saturating_add(usize::try_from(*len).unwrap_or(usize::MAX));
        let b = bytes.get(at..end).ok_or(PartError::Lengths)?;
        at = end;
        let annotated = annotator.annotate(b);
        if i == last {
            let (annotated, annotation_error) = match annotated {
                Ok(a) => (Some(a), None),
                Err(e) => (None, Some(e.to_string())),
            };
            return Ok(Frame {
                index: last,
                time_us: 0,
                arrive_us: 0,
                link: 0,
                from: String::new(),
                to: String::new(),
                dropped: false,
                bytes: b.to_vec(),
                annotated,
                annotation_error,
                role: None,
            });
        }
    }
    Err(PartError::Lengths)
}

#[cfg(not(target_arch = "wasm32"))]
pub use inline as remote;
#[cfg(target_arch = "wasm32")]
pub use remote_imp::remote;

#[cfg(target_arch = "wasm32")]
pub use part_imp::{part_forget, part_show};

#[cfg(target_arch = "wasm32")]
mod remote_imp {
    use super::pack;
    use crate::i18n::{t, tf, Lang};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use wirewalk_engine::trace::Frame;
    use yew::prelude::*;

    #[wasm_bindgen::prelude::wasm_bindgen]
    extern "C" {
        /// The page's parts loader (scripts/loader.js): a promise of the part's module,
        /// initialised.
        #[wasm_bindgen(catch, js_name = wwPart)]
        fn ww_part(name: &str) -> Result<js_sys::Promise, JsValue>;
    }

    fn detail(e: &JsValue) -> String {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_default()
    }

    /// Calls the part's export `name` with `args`, awaiting the promise it returns.
    async fn call(name: &str, args: &js_sys::Array) -> Result<(), String> {
        let promise = ww_part("inspector").map_err(|e| detail(&e))?;
        let module = JsFuture::from(promise).await.map_err(|e| detail(&e))?;
        let f: js_sys::Function = js_sys::Reflect::get(&module, &JsValue::from_str(name))
            .map_err(|e| detail(&e))?
            .dyn_into()
            .map_err(|_| format!("no {name}"))?;
        let out = f.apply(&module, args).map_err(|e| detail(&e))?;
        if let Ok(p) = out.dyn_into::<js_sys::Promise>() {
            JsFuture::from(p).await.map_err(|e| detail(&e))?;
        }
        Ok(())
    }

    #[derive(Debug, Clone, PartialEq, Properties)]
    struct Props {
        lang: Lang,
        index: u32,
        lens: Vec<u32>,
        bytes: Vec<u8>,
    }

    #[derive(Debug, Clone, PartialEq)]
    enum Status {
        Loading,
        Shown,
        Failed(String),
    }

    #[function_component]
    fn PartHost(props: &Props) -> Html {
        let host = use_node_ref();
        let status = use_state_eq(|| Status::Loading);
        let attempt = use_state_eq(|| 0u32);
        {
            let host = host.clone();
            let status = status.clone();
            use_effect_with((props.clone(), *attempt), move |(p, _)| {
                if let Some(el) = host.cast::<web_sys::Element>() {
                    // Another attempt (Try again, or another frame) after a failure: the
                    // failure is no longer news until this one fails too.
                    if matches!(*status, Status::Failed(_)) {
                        status.set(Status::Loading);
                    }
                    let args = js_sys::Array::new();
                    args.push(&el);
                    args.push(&JsValue::from_str(p.lang.code()));
                    args.push(&JsValue::from(p.index));
                    args.push(&js_sys::Uint32Array::from(p.lens.as_slice()));
                    args.push(&js_sys::Uint8Array::from(p.bytes.as_slice()));
                    wasm_bindgen_futures::spawn_local(async move {
                        status.set(match call("show", &args).await {
                            Ok(()) => Status::Shown,
                            Err(e) => Status::Failed(e),
                        });
                    });
                }
            });
        }
        {
            let host = host.clone();
            use_effect_with((), move |()| {
                // The host as mounted (its node ref may be cleared before this cleanup).
                let mounted = host.cast::<web_sys::Element>();
                move || {
                    if let Some(el) = mounted {
                        let args = js_sys::Array::of1(&el);
                        wasm_bindgen_futures::spawn_local(async move {
                            // Nothing to tell: the host is gone with its page.
                            let _ = call("forget", &args).await;
                        });
                    }
                }
            });
        }
        let retry = {
            let attempt = attempt.clone();
            Callback::from(move |_: MouseEvent| attempt.set(attempt.wrapping_add(1)))
        };
        let lang = props.lang;
        html! {
            <>
                if *status == Status::Loading {
                    <p class="ww-inspector-empty" role="status">{ t(lang, "inspector.part.loading") }</p>
                }
                if let Status::Failed(e) = &*status {
                    <p class="ww-error" role="alert">
                        { tf(lang, "inspector.part.error", &[e]) }{ " " }
                        <button type="button" onclick={retry}>{ t(lang, "inspector.part.retry") }</button>
                    </p>
                }
                <div class="ww-inspector-part" ref={host}></div>
            </>
        }
    }

    /// The inspector from the part, on frame `index` of `frames`.
    pub fn remote(lang: Lang, frames: &[Frame], index: usize) -> Html {
        let (Some(upto), Ok(i)) = (frames.get(..=index), u32::try_from(index)) else {
            return Html::default();
        };
        let (lens, bytes) = pack(upto);
        html! { <PartHost {lang} index={i} {lens} {bytes} /> }
    }
}

#[cfg(target_arch = "wasm32")]
mod part_imp {
    use super::unpack;
    use crate::i18n::{strings, Lang};
    use crate::widgets::inspector::Inspector;
    use std::cell::RefCell;
    use wirewalk_engine::trace::Frame;
    use yew::prelude::*;

    #[derive(Debug, Clone, PartialEq, Properties)]
    struct Props {
        lang: Lang,
        frame: Frame,
    }

    #[function_component]
    fn Shown(props: &Props) -> Html {
        html! {
            <div data-index={props.frame.index.to_string()}>
                <Inspector lang={props.lang} frame={props.frame.clone()} />
            </div>
        }
    }

    #[function_component]
    fn Nothing() -> Html {
        Html::default()
    }

    thread_local! {
        static APPS: RefCell<Vec<(web_sys::Element, yew::AppHandle<Shown>)>> = const { RefCell::new(Vec::new()) };
    }

    /// Yew marks each app's elements with the app's number, counted from 1 in every wasm,
    /// and the page's app (number 1) sees the part's events first (its listeners sit
    /// higher up): were the numbers equal, it would take the part's elements for its own.
    /// The part skips the numbers the page can have (one app, no portals) by making and
    /// dropping empty apps first.
    const PAGE_APPS: usize = 15;

    fn skip_page_numbers() {
        for _ in 0..PAGE_APPS {
            if let Ok(el) = gloo::utils::document().create_element("div") {
                yew::Renderer::<Nothing>::with_root(el).render().destroy();
            }
        }
    }

    /// Shows frame `index` of the packed frames in `host`, in `lang` (the part's export).
    ///
    /// # Errors
    /// The words file or the frames could not be read: a message for the page to show.
    pub async fn part_show(
        host: web_sys::Element,
        lang: &str,
        index: u32,
        lens: &[u32],
        bytes: &[u8],
    ) -> Result<(), String> {
        let lang = Lang::from_code(lang).ok_or_else(|| lang.chars().take(8).collect::<String>())?;
        strings::load(lang).await.map_err(|e| e.message(lang))?;
        let frame = unpack(index, lens, bytes).map_err(|e| e.to_string())?;
        let props = Props { lang, frame };
        APPS.with(|apps| {
            let mut apps = apps.borrow_mut();
            if let Some((_, app)) = apps.iter_mut().find(|(h, _)| *h == host) {
                app.update(props);
            } else {
                if apps.is_empty() {
                    skip_page_numbers();
                }
                let app = yew::Renderer::<Shown>::with_root_and_props(host.clone(), props).render();
                apps.push((host, app));
            }
        });
        Ok(())
    }

    /// Drops the app shown in `host` (its host left the page).
    pub fn part_forget(host: &web_sys::Element) {
        let app = APPS.with(|apps| {
            let mut apps = apps.borrow_mut();
            let i = apps.iter().position(|(h, _)| h == host)?;
            Some(apps.swap_remove(i).1)
        });
        if let Some(app) = app {
            app.destroy();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames() -> Vec<Frame> {
        // The loss variant: a retransmission, so relative numbers matter across frames.
        let scenario = wirewalk_engine::scenario::Scenario::named("tcp_loss").expect("scenario");
        wirewalk_engine::run(&scenario).expect("run").frames
    }

    #[test]
    fn a_packed_frame_unpacks_as_the_page_annotated_it() {
        let frames = frames();
        for f in &frames {
            let (lens, bytes) = pack(&frames[..=f.index]);
            let got =
                unpack(u32::try_from(f.index).expect("index"), &lens, &bytes).expect("unpack");
            assert_eq!(got.index, f.index);
            assert_eq!(got.bytes, f.bytes);
            let (a, b) = (
                got.annotated.expect("annotated"),
                f.annotated.clone().expect("annotated"),
            );
            // Relative TCP numbers need the frames before: the layers match the page's.
            assert_eq!(a.layers(), b.layers(), "frame {}", f.index);
            assert_eq!(a.summary, b.summary, "frame {}", f.index);
        }
    }

    #[test]
    fn bad_packs_are_errors() {
        let frames = frames();
        let (lens, bytes) = pack(&frames);
        let n = u32::try_from(lens.len()).expect("n");
        assert_eq!(unpack(n, &lens, &bytes).err(), Some(PartError::Index(n)));
        assert_eq!(
            unpack(0, &lens, &bytes[..bytes.len() - 1]).err(),
            Some(PartError::Lengths)
        );
        assert_eq!(
            unpack(0, &[u32::MAX], &bytes).err(),
            Some(PartError::Lengths)
        );
        assert_eq!(unpack(0, &[], &[]).err(), Some(PartError::Index(0)));
        let many = vec![0u32; MAX_FRAMES + 1];
        assert_eq!(
            unpack(0, &many, &[]).err(),
            Some(PartError::TooManyFrames(MAX_FRAMES + 1))
        );
    }
}
