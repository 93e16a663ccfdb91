//! The drawings' text alternative for screen readers: a table of the frames sent so far
//! (time, from → to, label), the latest one marked `aria-current`, following the player.
//! It is visually hidden: the ladder or topology shows the same to the eye.

use crate::i18n::{t, tf, Lang};
use crate::widgets::frame_text::frame_label;
use crate::widgets::num::ratio;
use std::rc::Rc;
use wirewalk_engine::trace::Trace;
use yew::prelude::*;

/// Rows listed at most: the latest ones (a storm sends thousands of frames; the DOM
/// stays small and the rest is counted).
pub const MAX_ROWS: usize = 40;

/// Props of the frame list.
#[derive(Clone, PartialEq, Properties)]
pub struct FrameListProps {
    /// Display language.
    pub lang: Lang,
    /// The trace played.
    pub trace: Rc<Trace>,
    /// Events applied (the player's step).
    pub cursor: usize,
    /// Name shown for each node of the trace (host, switch, router); others as is.
    pub names: Rc<Vec<(String, String)>>,
    /// What the list is the text of (e.g. the ladder's title).
    pub title: AttrValue,
}

/// The frames sent up to the cursor, as a table for assistive technology.
#[function_component(FrameList)]
pub fn frame_list(props: &FrameListProps) -> Html {
    let FrameListProps {
        lang,
        trace,
        cursor,
        names,
        title,
    } = props;
    let lang = *lang;
    let sent: Vec<_> = trace.frames_until(*cursor).collect();
    let skipped = sent.len().saturating_sub(MAX_ROWS);
    let latest = sent.last().map(|f| f.index);
    let name = |n: &str| {
        names
            .iter()
            .find(|(k, _)| k == n)
            .map_or_else(|| n.to_owned(), |(_, v)| v.clone())
    };
    let rows = sent.iter().skip(skipped).map(|f| {
        let current = Some(f.index) == latest;
        let mut label = frame_label(f, lang);
        if f.dropped {
            label = format!("{label} · {}", t(lang, "scene.tcp.ladder.lost"));
        }
        html! {
            <tr key={f.index} data-frame={f.index.to_string()} aria-current={current.then_some("step")}>
                <td>{ ratio(f.time_us, 6, 3) }</td>
                <td>{ format!("{}\u{a0}→ {}", name(&f.from), name(&f.to)) }</td>
                <td>{ format!("#{} {label}", f.index + 1) }</td>
            </tr>
        }
    });
    html! {
        <section class="ww-frame-list ww-visually-hidden" aria-label={tf(lang, "frames.list.title", &[title.as_str()])}>
            if sent.is_empty() {
                <p>{ t(lang, "frames.list.none") }</p>
            } else {
                <table>
                    <caption>{ tf(lang, "frames.list.count", &[&sent.len().to_string(), &trace.frames.len().to_string()]) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, "frames.list.time") }</th>
                        <th scope="col">{ t(lang, "frames.list.path") }</th>
                        <th scope="col">{ t(lang, "frames.list.frame") }</th>
                    </tr></thead>
                    <tbody>
                        if skipped > 0 {
                            <tr key="earlier"><td colspan="3">{ tf(lang, "frames.list.earlier", &[&skipped.to_string()]) }</td></tr>
                        }
                        { for rows }
                    </tbody>
                </table>
            }
        </section>
    }
}
