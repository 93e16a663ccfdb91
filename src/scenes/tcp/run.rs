//! One run on screen: the player, the narration, the ladder with its exports, both
//! ends' states and the state diagram, the programs (read-only panes or the
//! playground's editors, given by the caller) and the frame inspector. The TCP scene and
//! its playground show their traces through this one view.

use super::model::{host_at, narration, now_us, HostAt};
use crate::i18n::{t, tf, Lang};
use crate::platform;
use crate::player::Player;
use crate::widgets::frame_list::FrameList;
use crate::widgets::inspector::inspector_section;
use crate::widgets::ladder::{self, Ladder};
use crate::widgets::later::{placeholder, use_later};
use crate::widgets::narrow::{use_media, use_narrow, SQUARISH};
use crate::widgets::num::ratio;
use crate::widgets::state_diagram::StateDiagram;
use crate::widgets::state_diagram::{last_transition, last_transition_host};
use std::rc::Rc;
use wirewalk_engine::trace::Trace;
use yew::prelude::*;

/// Rows of the ladder an embed (a slide) draws around the current frame: with all of
/// them, the drawing is scaled to the frame until its type is 5–7 px tall.
const LADDER_SLIDE_ROWS: usize = 5;

/// Rows of the ladder in a 4:3 frame (1024×768): its column is taller for its width, and
/// five rows, bound by the width, left 100 px blank above and below them.
const LADDER_SQUARISH_ROWS: usize = 8;

/// A desktop ladder shorter than this (in its SVG units, about a pixel each at 1280 px)
/// is shorter than the states and the state machine beside it: about seven plain rows.
const SHORT_LADDER: f64 = 480.0;

/// A file made from the ladder as drawn.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Export {
    Svg,
    Png,
}

/// Props of a run.
#[derive(Clone, PartialEq, Properties)]
pub struct RunProps {
    /// Display language.
    pub lang: Lang,
    /// Embed mode: no exports, no inspector.
    pub embed: bool,
    /// The trace.
    pub trace: Rc<Trace>,
    /// For each frame, the index of its event.
    pub frame_event: Rc<Vec<usize>>,
    /// Current step and its allowed range.
    pub step: usize,
    /// First allowed step.
    pub min: usize,
    /// Last allowed step.
    pub max: usize,
    /// File name stem of the exports (`wirewalk-<name>.pcap`).
    pub name: AttrValue,
    /// No TCP here (UDP): no states, no state diagram.
    pub is_udp: bool,
    /// Extra sentences after the narration, each with whether it is highlighted.
    #[prop_or_default]
    pub extra: Vec<(String, bool)>,
    /// Predict mode: the furthest step the player may move to now (`None`: off).
    #[prop_or_default]
    pub stop: Option<usize>,
    /// Predict mode's panel, drawn under the player.
    #[prop_or_default]
    pub panel: Html,
    /// The scene's settings: before the player on a wide page, after the states on a
    /// phone, where they show there (styles/tcp.css), so the focus order and a screen
    /// reader meet them where the eye does.
    #[prop_or_default]
    pub controls: Html,
    /// Asks for another step.
    pub on_step: Callback<usize>,
    /// The programs' column below the states: given both ends at the cursor.
    pub code: Callback<(HostAt, HostAt), Html>,
}

/// The view of one run.
#[function_component(RunView)]
pub fn run_view(props: &RunProps) -> Html {
    let RunProps {
        lang,
        embed,
        trace,
        frame_event,
        step,
        min,
        max,
        name,
        is_udp,
        extra,
        on_step,
        code,
        stop,
        panel,
        controls,
    } = props.clone();
    let selected = use_state_eq(|| None::<usize>);
    let png_failed = use_state_eq(|| false);
    let narrow = use_narrow();
    let squarish = use_media(SQUARISH);
    let slide_rows = if squarish {
        LADDER_SQUARISH_ROWS
    } else {
        LADDER_SLIDE_ROWS
    };
    // At start the ladder comes first; the state machine, the programs, the frame list
    // and the inspector each follow in a task of their own, in this order
    // (widgets::later). In pairs (state machine and programs, list and inspector) each of
    // the two later tasks ran past 50 ms on 2 cores, much of it compiling the code the
    // part runs for the first time. Behind the build's pre-rendered page, which already
    // shows a ladder, the ladder too comes in a task after the player and the narration:
    // with it, the scene's first task took 110-130 ms with the CPU slowed 4x (half of it
    // compiling), the longest of the start.
    let ladder_in = use_later(embed || !platform::has_prepaint(), true);
    let states_in = use_later(embed, ladder_in);
    let code_in = use_later(embed, states_in);
    let list_in = use_later(embed, code_in);
    let inspector_in = use_later(embed, list_in);
    let current_frame = (0..trace.frames.len())
        .rev()
        .find(|&i| frame_event.get(i).is_some_and(|&e| e < step));
    let shown_frame = (*selected)
        .filter(|&i| frame_event.get(i).is_some_and(|&e| e < step))
        .or(current_frame);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };
    let (client, server) = (
        host_at(&trace, "client", step),
        host_at(&trace, "server", step),
    );
    let sentences = narration(&trace, step, lang);
    let states_line = if is_udp {
        t(lang, "scene.tcp.narr.udp_no_state").to_owned()
    } else {
        tf(
            lang,
            "scene.tcp.narr.states",
            &[client.state.name(), server.state.name()],
        )
    };
    let export_pcap = {
        let trace = trace.clone();
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            platform::download(
                &format!("wirewalk-{name}.pcap"),
                &wirewalk_engine::to_pcap(&trace),
                "application/vnd.tcpdump.pcap",
            );
        })
    };
    // An export is taken in the effect after a render that draws every row: a phone's
    // ladder shows only a few of them, and the file must hold the whole exchange.
    let export = use_state_eq(|| None::<Export>);
    {
        let export = export.clone();
        let name = name.clone();
        let png_failed = png_failed.clone();
        use_effect_with(*export, move |kind| {
            match kind {
                Some(Export::Svg) => {
                    if let Some(svg) = platform::element_xml(".ww-ladder", ladder::STYLE) {
                        platform::download(
                            &format!("wirewalk-{name}.svg"),
                            svg.as_bytes(),
                            "image/svg+xml",
                        );
                    }
                }
                Some(Export::Png) => {
                    png_failed.set(false);
                    let failed = png_failed.clone();
                    platform::download_svg_as_png(
                        ".ww-ladder",
                        &format!("wirewalk-{name}.png"),
                        2.0,
                        ladder::STYLE,
                        move || failed.set(true),
                    );
                }
                None => {}
            }
            if kind.is_some() {
                export.set(None);
            }
        });
    }
    let export_svg = {
        let export = export.clone();
        Callback::from(move |_: MouseEvent| export.set(Some(Export::Svg)))
    };
    let export_png = {
        let export = export.clone();
        Callback::from(move |_: MouseEvent| export.set(Some(Export::Png)))
    };
    let state_badge = |who: &'static str, h: &HostAt| {
        html! {
            <div class={classes!("ww-state", format!("state-{}", h.state.name().to_ascii_lowercase()))} data-host={who}>
                <span class="ww-state-who">{ t(lang, if who == "client" { "scene.tcp.client" } else { "scene.tcp.server" }) }</span>
                if is_udp {
                    <span class="ww-state-name is-none" data-state={h.state.name()}>{ t(lang, "scene.tcp.state.udp") }</span>
                } else {
                    <span class="ww-state-name" data-state={h.state.name()}>{ h.state.name() }</span>
                }
                if let Some(left) = h.time_wait_left_us {
                    <span class="ww-state-timer">{ tf(lang, "scene.tcp.time_wait_left", &[&ratio(left, 6, 3)]) }</span>
                }
            </div>
        }
    };
    let last = last_transition(&trace, step);
    let last_host = last_transition_host(&trace, step);
    let host_names = Rc::new(vec![
        ("client".to_owned(), t(lang, "scene.tcp.client").to_owned()),
        ("server".to_owned(), t(lang, "scene.tcp.server").to_owned()),
    ]);
    let code_html = code.emit((client.clone(), server.clone()));
    // A short ladder (a refused connection: four frames) beside the states, the state
    // machine and both programs would leave a tall blank under it: the programs then go
    // under the ladder and the state machine, side by side (styles/tcp.css, `.is-short`).
    let short = !embed && !is_udp && ladder::row_ys(&trace, ladder::WIDE, lang).1 < SHORT_LADDER;
    let (controls_first, controls_after_states) = if narrow {
        (Html::default(), controls)
    } else {
        (controls, Html::default())
    };

    html! {
        <>
            { controls_first }
            <Player {lang} {step} {min} {max} {stop} time_us={Some(now_us(&trace, step))} {on_step} />
            { panel }
            <div class="ww-narration" role="status" aria-live="polite">
                if step == 0 {
                    // Keys on a keyboard, taps and swipes on a touch screen (styles/shell.css).
                    <p>
                        <span class="ww-for-keys">{ t(lang, "scene.tcp.narr.start") }</span>
                        <span class="ww-for-touch">{ t(lang, "scene.tcp.narr.start_touch") }</span>
                    </p>
                } else {
                    { for sentences.iter().map(|s| html! { <p>{ s }</p> }) }
                }
                { for extra.iter().map(|(s, hot)| html! { <p class={classes!(hot.then_some("is-sticky"))}>{ s }</p> }) }
                // UDP's line is a sentence, not the two state names: the UI's type (styles/tcp.css).
                <p class={classes!("ww-narration-states", is_udp.then_some("is-prose"))}>{ states_line }</p>
            </div>
            <div class={classes!("ww-tcp-main", short.then_some("is-short"))}>
                <div class="ww-tcp-ladder" data-swipe="step">
                    if ladder_in {
                        <Ladder {lang} trace={trace.clone()} frame_event={frame_event.clone()} cursor={step}
                                selected={shown_frame} {on_select} left="client" right="server" {narrow}
                                window={embed.then_some(slide_rows)} all_rows={export.is_some()} />
                    } else {
                        { placeholder() }
                    }
                    if list_in {
                        <FrameList {lang} trace={trace.clone()} cursor={step} names={host_names}
                                   title={t(lang, "scene.tcp.ladder.title")} />
                    }
                    if !embed {
                        <div class="ww-export">
                            <button type="button" class="ww-btn" data-export="pcap" onclick={export_pcap}>{ t(lang, "scene.tcp.export.pcap") }</button>
                            <button type="button" class="ww-btn" data-export="svg" onclick={export_svg}>{ t(lang, "scene.tcp.export.svg") }</button>
                            <button type="button" class="ww-btn" data-export="png" onclick={export_png}>{ t(lang, "scene.tcp.export.png") }</button>
                            if *png_failed {
                                <p class="ww-field-error" role="alert" data-export-error="png">{ t(lang, "scene.tcp.export.png_failed") }</p>
                            }
                        </div>
                    }
                </div>
                <div class="ww-tcp-side">
                    <div class="ww-states">
                        { state_badge("client", &client) }
                        { state_badge("server", &server) }
                    </div>
                    { controls_after_states }
                    if states_in && !is_udp {
                        <StateDiagram {lang} client={client.state} server={server.state} {last} {last_host} />
                    }
                    if code_in {
                        { code_html }
                    }
                </div>
            </div>
            if !embed && inspector_in {
                { inspector_section(lang, "tcp-inspector-title", "scene.tcp.inspector.title",
                                    shown_frame.and_then(|i| trace.frames.get(i))) }
            }
        </>
    }
}
