//! The capture scene, "open your own capture": drop or pick a .pcap/.pcapng file, see its
//! TCP and UDP conversations, and step through the one picked with the same ladder,
//! state diagram and inspector as the TCP scene. States are inferred from the capture
//! and marked so. The file is read in the page and handed to the tools worker
//! (`crate::tools::read_capture`); nothing is uploaded.

pub mod model;

use super::PageAction;
use super::PageProps;
use crate::i18n::{t, tf, Lang};
use crate::platform::file::{allow_drop, read_dropped_file, read_input_file, FileRead};
use crate::player::{clamp_step, Player};
use crate::tools::{self, ToolsError};
use crate::widgets::inspector::inspector_section;
use crate::widgets::ladder::Ladder;
use crate::widgets::narrow::use_narrow;
use crate::widgets::state_diagram::StateDiagram;
use crate::widgets::state_diagram::{last_transition, last_transition_host};
use model::{conversation_label, error_text, narration, shown, Shown, MAX_LISTED};
use std::rc::Rc;
use wirewalk_engine::capture::{CaptureError, Transport, MAX_BYTES};
use wirewalk_engine::job::CaptureSummary;
use wirewalk_engine::trace::TcpState;
use yew::prelude::*;

/// URL keys this scene reads: none (the file lives in the page, never in the URL).
pub const PARAM_KEYS: &[&str] = &[];

/// What the page asks of the reader: a new file (its name and bytes), or another
/// conversation of the file read last.
#[derive(Debug, Clone, PartialEq)]
enum Request {
    File(String, Rc<Vec<u8>>),
    Conversation(usize),
}

type Load = Callback<Request>;

/// Why the last file shows nothing.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    Capture(CaptureError),
    Tools(ToolsError),
    Unreadable,
}

/// The file read, and what the reader made of it.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    name: String,
    bytes: Rc<Vec<u8>>,
    summary: Rc<CaptureSummary>,
    chosen: Option<usize>,
    shown: Option<Rc<Shown>>,
}

fn flat<T>(r: Result<Result<T, CaptureError>, ToolsError>) -> Result<T, Problem> {
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(Problem::Capture(e)),
        Err(e) => Err(Problem::Tools(e)),
    }
}

/// Conversation `n` as the page shows it; a worker that lost the file (it was restarted)
/// gets it again.
async fn conversation(bytes: &Rc<Vec<u8>>, n: usize) -> Result<Rc<Shown>, Problem> {
    let trace = match tools::capture_trace(n).await {
        Err(ToolsError::Stopped) => {
            flat(tools::read_capture((**bytes).clone()).await)?;
            flat(tools::capture_trace(n).await)?
        }
        other => flat(other)?,
    };
    Ok(Rc::new(shown(trace)))
}

/// Does `request` against `current` (the file read last).
async fn fetch(request: Request, current: Option<Rc<Loaded>>) -> Result<Loaded, Problem> {
    match request {
        Request::File(name, bytes) => {
            let summary = flat(tools::read_capture((*bytes).clone()).await)?;
            let chosen = summary
                .conversations
                .iter()
                .position(|c| c.transport == Transport::Tcp)
                .or((!summary.conversations.is_empty()).then_some(0));
            let shown = match chosen {
                Some(n) => Some(conversation(&bytes, n).await?),
                None => None,
            };
            Ok(Loaded {
                name,
                bytes,
                summary: Rc::new(summary),
                chosen,
                shown,
            })
        }
        Request::Conversation(n) => {
            let Some(l) = current else {
                return Err(Problem::Unreadable);
            };
            let shown = conversation(&l.bytes, n).await?;
            Ok(Loaded {
                chosen: Some(n),
                shown: Some(shown),
                ..(*l).clone()
            })
        }
    }
}

/// The capture scene.
#[function_component(CaptureScene)]
pub fn capture_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    let loaded = use_state(|| None::<Rc<Loaded>>);
    let problem = use_state(|| None::<Problem>);
    let busy = use_state(|| false);
    let selected = use_state_eq(|| None::<usize>);
    // Phones draw the TCP scene's narrow ladder (readable type), not the wide one scaled down.
    let narrow = use_narrow();

    let load: Load = {
        let (loaded, problem, busy, selected) = (
            loaded.clone(),
            problem.clone(),
            busy.clone(),
            selected.clone(),
        );
        let dispatch = props.dispatch.clone();
        Callback::from(move |request: Request| {
            busy.set(true);
            let (loaded, problem, busy, selected, dispatch) = (
                loaded.clone(),
                problem.clone(),
                busy.clone(),
                selected.clone(),
                dispatch.clone(),
            );
            let current = (*loaded).clone();
            let new_file = matches!(request, Request::File(..));
            yew::platform::spawn_local(async move {
                let answer = fetch(request, current).await;
                busy.set(false);
                match answer {
                    Ok(l) => {
                        loaded.set(Some(Rc::new(l)));
                        problem.set(None);
                        selected.set(None);
                        dispatch.emit(PageAction::SetStep(Some(0)));
                    }
                    Err(p) => {
                        if new_file {
                            loaded.set(None);
                        }
                        problem.set(Some(p));
                    }
                }
            });
        })
    };
    let on_read = {
        let (load, problem) = (load.clone(), problem.clone());
        Rc::new(move |r: FileRead| match r {
            FileRead::Bytes(name, bytes) => load.emit(Request::File(name, Rc::new(bytes))),
            FileRead::TooBig(_) => problem.set(Some(Problem::Capture(CaptureError::TooBig {
                limit: MAX_BYTES,
            }))),
            FileRead::Failed => problem.set(Some(Problem::Unreadable)),
        })
    };
    let on_pick = {
        let on_read = on_read.clone();
        Callback::from(move |e: Event| {
            let on_read = on_read.clone();
            read_input_file(&e, MAX_BYTES, move |r| on_read(r));
        })
    };
    let on_drop = {
        let on_read = on_read.clone();
        Callback::from(move |e: DragEvent| {
            let on_read = on_read.clone();
            read_dropped_file(&e, MAX_BYTES, move |r| on_read(r));
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| allow_drop(&e));

    let message = (*problem).as_ref().map(|p| match p {
        Problem::Capture(e) => error_text(lang, e),
        Problem::Tools(e) => t(lang, e.key()).to_owned(),
        Problem::Unreadable => t(lang, "scene.capture.error.failed").to_owned(),
    });

    let drop_zone = html! {
        <div class="ww-capture-drop" ondrop={on_drop} ondragover={on_dragover}>
            <p>
                { t(lang, "scene.capture.drop") }{ " " }
                <label class="ww-btn ww-capture-pick">
                    { t(lang, "scene.capture.pick") }
                    <input type="file" id="capture-file" accept=".pcap,.pcapng,.cap,.dmp" onchange={on_pick}
                           aria-describedby="capture-limits" />
                </label>
            </p>
            <p class="ww-capture-limits" id="capture-limits">{ t(lang, "scene.capture.limits") }</p>
            if *busy {
                <p class="ww-capture-busy" role="status">{ t(lang, "scene.capture.reading") }</p>
            }
            if let Some(m) = message {
                <p class="ww-field-error ww-capture-error" role="alert" data-capture-error="">{ m }</p>
            }
        </div>
    };

    let body = match &*loaded {
        None => Html::default(),
        Some(l) => conversation_view(props, l, &load, &selected, narrow),
    };

    html! {
        <div class={classes!("ww-capture", props.embed.then_some("is-embed"))}>
            <h1 id="scene-title" class="ww-scene-title">{ t(lang, "scene.capture.title") }</h1>
            <p class="ww-scene-intro">{ intro(lang) }</p>
            { drop_zone }
            { body }
        </div>
    }
}

/// The intro, its example command set as code that breaks only between its words, an
/// option kept with its value ("-w my.pcap", "port 8080"): a line once ended at "-".
fn intro(lang: Lang) -> Html {
    let text = t(lang, "scene.capture.intro");
    let Some((before, after)) = text.split_once("{0}") else {
        return html! { { text } };
    };
    let mut parts: Vec<String> = Vec::new();
    let mut joins_next = false;
    for word in t(lang, "scene.capture.intro.command").split(' ') {
        match parts.last_mut() {
            Some(last) if joins_next || word.starts_with(|c: char| c.is_ascii_digit()) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => parts.push(word.to_owned()),
        }
        joins_next = word.starts_with('-');
    }
    let last = parts.len().saturating_sub(1);
    html! {
        <>
            { before }
            <code class="ww-cmd">
                { for parts.into_iter().enumerate().map(|(i, p)| html! {
                    <><span class="ww-cmd-part">{ p }</span>{ if i < last { " " } else { "" } }</>
                }) }
            </code>
            { after }
        </>
    }
}

/// The conversation list and the chosen conversation.
fn conversation_view(
    props: &PageProps,
    l: &Rc<Loaded>,
    load: &Load,
    selected: &UseStateHandle<Option<usize>>,
    narrow: bool,
) -> Html {
    let lang = props.lang;
    let view = &l.summary;
    let n = view.conversations.len();
    let list = html! {
        <section class="ww-capture-convs" aria-labelledby="capture-convs-title">
            <h2 id="capture-convs-title">{ t(lang, "scene.capture.convs") }</h2>
            <p class="ww-capture-summary">
                { tf(lang, "scene.capture.summary", &[&l.name, &view.frames.to_string(), &n.to_string()]) }
            </p>
            if n == 0 {
                <p>{ t(lang, "scene.capture.none") }</p>
            }
            <ol>
                { for view.conversations.iter().take(MAX_LISTED).enumerate().map(|(i, c)| {
                    let chosen = l.chosen == Some(i);
                    let onclick = {
                        let load = load.clone();
                        Callback::from(move |_: MouseEvent| load.emit(Request::Conversation(i)))
                    };
                    html! {
                        <li key={i}>
                            <button type="button" class={classes!("ww-capture-conv", chosen.then_some("is-chosen"))}
                                    aria-pressed={if chosen { "true" } else { "false" }} data-conversation={i.to_string()} {onclick}>
                                <code>{ conversation_label(c) }</code>
                                <span>{ tf(lang, "scene.capture.conv_row", &[&c.frames.len().to_string(), &c.bytes.to_string()]) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if n > MAX_LISTED {
                <p>{ tf(lang, "scene.capture.more", &[&MAX_LISTED.to_string(), &n.to_string()]) }</p>
            }
        </section>
    };
    let Some(s) = &l.shown else {
        return list;
    };
    let trace = Rc::new(s.trace.clone());
    let frame_event = Rc::new(s.frame_event.clone());
    let (step, min, max) = clamp_step(props.step, props.from, props.to, trace.events.len());
    let current = (0..trace.frames.len())
        .rev()
        .find(|&i| frame_event[i] < step);
    let shown_frame = (**selected)
        .filter(|&i| frame_event.get(i).is_some_and(|&e| e < step))
        .or(current);
    let on_step = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |s: usize| dispatch.emit(PageAction::SetStep(Some(s))))
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };
    let now = step
        .checked_sub(1)
        .and_then(|i| trace.events.get(i))
        .map_or(0, |e| e.time_us);
    let (client, server) = (
        trace.tcp_state_at("client", step),
        trace.tcp_state_at("server", step),
    );
    let badge = |who: &'static str, state: TcpState| {
        html! {
            <div class={classes!("ww-state", format!("state-{}", state.name().to_ascii_lowercase()))} data-host={who}>
                <span class="ww-state-who">{ t(lang, if who == "client" { "scene.tcp.client" } else { "scene.tcp.server" }) }</span>
                <span class="ww-state-name" data-state={state.name()}>{ if s.tcp { state.name() } else { "—" } }</span>
                if s.tcp {
                    <span class="ww-capture-inferred" title={t(lang, "scene.capture.inferred_title")}>{ t(lang, "scene.capture.inferred") }</span>
                }
            </div>
        }
    };
    html! {
        <>
            { list }
            if let Some(total) = s.cut_from {
                <p class="ww-capture-cut">{ tf(lang, "scene.capture.cut", &[&total.to_string(), &trace.frames.len().to_string()]) }</p>
            }
            <Player {lang} {step} {min} {max} time_us={Some(now)} {on_step} />
            <div class="ww-narration" role="status" aria-live="polite">
                <p>{ narration(&trace, step, lang) }</p>
                if !s.tcp {
                    <p class="ww-narration-states is-prose">{ t(lang, "scene.capture.udp_no_state") }</p>
                }
            </div>
            <div class="ww-tcp-main">
                <div class="ww-tcp-ladder">
                    <Ladder {lang} trace={trace.clone()} frame_event={frame_event.clone()} cursor={step}
                            selected={shown_frame} {on_select} left="client" right="server" {narrow} preview=true />
                </div>
                <div class="ww-tcp-side">
                    <div class="ww-states">
                        { badge("client", client) }
                        { badge("server", server) }
                    </div>
                    if s.tcp {
                        <StateDiagram {lang} {client} {server} last={last_transition(&trace, step)} last_host={last_transition_host(&trace, step)} />
                    }
                </div>
            </div>
            { inspector_section(lang, "capture-inspector-title", "scene.capture.inspector.title",
                                shown_frame.and_then(|i| trace.frames.get(i))) }
        </>
    }
}
