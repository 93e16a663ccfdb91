//! The socket playground: the TCP scene's two programs, editable. Every edit (after
//! 300 ms of quiet) runs both programs through [`crate::tools::run_programs`] and shows
//! the new trace with the same view as the scene; until it arrives the last one stays on
//! screen with a busy sign. The programs live in the URL (`client`, `server`:
//! raw DEFLATE + base64url, see `model::share`), so a link carries them.

use super::model::{
    at_sticky, errors_of, exception_at, from_url_value, output_at, play_scenario, side_host,
    sticky_lines, to_source, to_url_value, HostAt, Output, OutputLine, ShareError, PROGRAM_KEYS,
};
use super::run::RunView;
use crate::i18n::{t, t_dyn, tf, Lang};
use crate::platform;
use crate::player::clamp_step;
use crate::scenes::params::{field_error, frame_events};
use crate::scenes::{PageAction, PageProps};
use crate::tools;
use crate::widgets::code::CodePane;
use crate::widgets::editor::Editor;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wirewalk_engine::python::{PresetId, ProgramError, Side, PRESETS};
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::Trace;
use wirewalk_engine::ProgramsError;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Quiet time after an edit before the programs run again, ms.
pub const DEBOUNCE_MS: u64 = 300;

/// A run on screen.
#[derive(Clone, PartialEq)]
struct Shown {
    trace: Rc<Trace>,
    frame_event: Rc<Vec<usize>>,
}

/// The preset texts of `id`.
fn preset_texts(id: PresetId) -> (String, String) {
    let p = PRESETS.iter().find(|p| p.id == id).or(PRESETS.first());
    p.map(|p| (p.client.to_owned(), p.server.to_owned()))
        .unwrap_or_default()
}

/// The program in one URL value (`None`: not given).
async fn decode(value: Option<String>) -> Result<Option<String>, ShareError> {
    let Some(v) = value else { return Ok(None) };
    let bytes = from_url_value(&v)?;
    let inflated = platform::inflate_raw(bytes)
        .await
        .ok_or(ShareError::Undecodable)?;
    to_source(inflated).map(Some)
}

/// The URL value of one program.
async fn encode(text: &str) -> Result<String, ShareError> {
    let packed = platform::deflate_raw(text.as_bytes().to_vec())
        .await
        .ok_or(ShareError::Unavailable)?;
    to_url_value(&packed)
}

/// Everything one run request needs, shared by the edit, preset, decode and scenario
/// paths.
#[derive(Clone)]
struct Runner {
    generation: Rc<RefCell<u64>>,
    /// The URL values this page last read or wrote (`None` before the first read).
    written: Rc<RefCell<Option<[Option<String>; 2]>>>,
    shown: UseStateHandle<Option<Shown>>,
    errors: UseStateHandle<Vec<ProgramError>>,
    refused: UseStateHandle<Option<ScenarioError>>,
    failed: UseStateHandle<Option<tools::ToolsError>>,
    busy: UseStateHandle<bool>,
    share: UseStateHandle<[Option<ShareError>; 2]>,
    dispatch: Callback<PageAction>,
}

impl Runner {
    /// Runs `texts` on `scenario` after `delay_ms`, unless a newer request comes first;
    /// then, when `write_url`, puts the programs in the URL.
    fn request(&self, scenario: Scenario, texts: (String, String), delay_ms: u64, write_url: bool) {
        let my = {
            let mut g = self.generation.borrow_mut();
            *g = g.wrapping_add(1);
            *g
        };
        self.busy.set(true);
        let this = self.clone();
        spawn_local(async move {
            if delay_ms > 0 {
                yew::platform::time::sleep(Duration::from_millis(delay_ms)).await;
            }
            if *this.generation.borrow() != my {
                return;
            }
            let result = tools::run_programs(scenario, texts.0.clone(), texts.1.clone()).await;
            if *this.generation.borrow() != my {
                return;
            }
            let result = match result {
                Ok(r) => {
                    this.failed.set(None);
                    r
                }
                Err(e) => {
                    this.failed.set(Some(e));
                    this.busy.set(false);
                    return;
                }
            };
            match result {
                Ok(trace) => {
                    if let Ok(fe) = frame_events(&trace) {
                        this.shown.set(Some(Shown {
                            trace: Rc::new(trace),
                            frame_event: Rc::new(fe),
                        }));
                    }
                    this.errors.set(Vec::new());
                    this.refused.set(None);
                }
                Err(ProgramsError::Programs(es)) => {
                    this.errors.set(es);
                    this.refused.set(None);
                }
                Err(ProgramsError::Scenario(e)) => this.refused.set(Some(e)),
            }
            this.busy.set(false);
            if write_url {
                this.write_url(&texts).await;
            }
        });
    }

    /// Puts both programs in the URL (each only if it changed and fits).
    async fn write_url(&self, texts: &(String, String)) {
        let mut problems = [None, None];
        for (i, text) in [&texts.0, &texts.1].into_iter().enumerate() {
            match encode(text).await {
                Ok(v) => {
                    problems[i] = None;
                    let mut written = self.written.borrow_mut();
                    let w = written.get_or_insert_with(Default::default);
                    if w[i].as_deref() != Some(v.as_str()) {
                        w[i] = Some(v.clone());
                        drop(written);
                        self.dispatch
                            .emit(PageAction::SetParam(PROGRAM_KEYS[i].to_owned(), Some(v)));
                    }
                }
                Err(e) => problems[i] = Some(e),
            }
        }
        self.share.set(problems);
    }
}

/// The playground page (inside the TCP scene, which draws its title and switch).
#[function_component(Playground)]
pub fn playground(props: &PageProps) -> Html {
    let lang = props.lang;
    let texts = use_state(|| None::<(String, String)>);
    let preset = use_state_eq(|| PresetId::OneRequest);
    let runner = Runner {
        generation: use_mut_ref(|| 0u64),
        written: use_mut_ref(|| None),
        shown: use_state(|| None),
        errors: use_state(Vec::new),
        refused: use_state(|| None),
        failed: use_state(|| None),
        busy: use_state_eq(|| false),
        share: use_state_eq(|| [None, None]),
        dispatch: props.dispatch.clone(),
    };
    let setup = use_memo(props.params.clone(), |p| play_scenario(p));
    let (scenario, rejected) = match &*setup {
        Ok((s, r)) => (s.clone(), r.clone()),
        Err(e) => {
            return html! { <p class="ww-error" role="alert">{ crate::i18n::error_message(lang, e) }</p> };
        }
    };

    // A program from the URL that is not the one this page wrote: decode it and run it.
    {
        let runner = runner.clone();
        let texts = texts.clone();
        let preset = *preset;
        let scenario = scenario.clone();
        let values = [
            props.params.get("client").cloned(),
            props.params.get("server").cloned(),
        ];
        use_effect_with(values, move |values| {
            if runner.written.borrow().as_ref() != Some(values) {
                let values = values.clone();
                spawn_local(async move {
                    let (pc, ps) = preset_texts(preset);
                    let mut problems = [None, None];
                    let mut got = [pc, ps];
                    for i in 0..2 {
                        match decode(values[i].clone()).await {
                            Ok(Some(text)) => got[i] = text,
                            Ok(None) => {}
                            Err(e) => problems[i] = Some(e),
                        }
                    }
                    let [c, s] = got;
                    // What stands in the URL now (a bad value is replaced on the next write).
                    *runner.written.borrow_mut() = Some(values);
                    runner.share.set(problems);
                    texts.set(Some((c.clone(), s.clone())));
                    // A bad value stays in the URL, with its message, until the next edit.
                    let clean = problems.iter().all(Option::is_none);
                    runner.request(scenario, (c, s), 0, clean);
                });
            }
        });
    }
    // A changed scenario parameter (loss, delayed ACK…) runs the current programs again.
    {
        let runner = runner.clone();
        let texts = (*texts).clone();
        use_effect_with(scenario.clone(), move |s| {
            if let Some(t) = texts {
                runner.request(s.clone(), t, 0, false);
            }
        });
    }

    let on_edit = |side: Side| {
        let runner = runner.clone();
        let texts = texts.clone();
        let scenario = scenario.clone();
        Callback::from(move |text: String| {
            let (mut c, mut s) = (*texts).clone().unwrap_or_default();
            match side {
                Side::Client => c = text,
                Side::Server => s = text,
            }
            texts.set(Some((c.clone(), s.clone())));
            runner.request(scenario.clone(), (c, s), DEBOUNCE_MS, true);
        })
    };
    let load_preset = {
        let runner = runner.clone();
        let texts = texts.clone();
        let scenario = scenario.clone();
        let preset = preset.clone();
        Rc::new(move |id: PresetId| {
            let pair = preset_texts(id);
            preset.set(id);
            texts.set(Some(pair.clone()));
            runner.request(scenario.clone(), pair, 0, true);
        })
    };
    let on_preset = {
        let load_preset = load_preset.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = platform::select_index(&e) {
                if let Some(p) = PRESETS.get(i) {
                    load_preset(p.id);
                }
            }
        })
    };
    let on_reset = {
        let id = *preset;
        Callback::from(move |_: MouseEvent| load_preset(id))
    };

    let (client_text, server_text) = (*texts).clone().unwrap_or_default();
    let shown = (*runner.shown).clone();
    let errors = (*runner.errors).clone();
    let busy = *runner.busy;
    let share = *runner.share;
    let embed = props.embed;

    let editors = {
        let shown = shown.clone();
        let (client_text, server_text) = (client_text.clone(), server_text.clone());
        let errors = errors.clone();
        let (on_client, on_server) = (on_edit(Side::Client), on_edit(Side::Server));
        move |client: HostAt, server: HostAt, step: usize| -> Html {
            let trace = shown.as_ref().map(|s| s.trace.clone());
            let side_view = |side: Side, h: &HostAt, text: &str, on_input: Callback<String>| {
                let host = side_host(side);
                let mut errs = errors_of(lang, &errors, side);
                let mut marked = Vec::new();
                if let Some(tr) = &trace {
                    if errs.is_empty() {
                        errs.extend(exception_at(tr, host, step));
                    }
                    marked = sticky_lines(tr, host, step);
                }
                let title = t(
                    lang,
                    if side == Side::Client {
                        "play.code.client"
                    } else {
                        "play.code.server"
                    },
                );
                let status = match (&h.blocked_in, &h.returned) {
                    (Some(call), _) => Some(tf(lang, "scene.tcp.code.blocked", &[call])),
                    (None, Some((call, result))) => {
                        Some(tf(lang, "scene.tcp.code.returned", &[call, result]))
                    }
                    (None, None) => None,
                };
                let share_msg = share[if side == Side::Client { 0 } else { 1 }].map(|e| {
                    let (key, arg) = e.message();
                    crate::i18n::fill(&t_dyn(lang, key), &[&arg])
                });
                html! {
                    <div class="ww-play-side" data-side={host}>
                        if embed {
                            <CodePane {lang} host={host} title={title} lines={text.split('\n').map(str::to_owned).collect::<Vec<_>>()}
                                      line={h.line} blocked_in={h.blocked_in.clone()} returned={h.returned.clone()} />
                        } else {
                            <Editor {lang} id={format!("play-{host}")} title={title} text={text.to_owned()}
                                    line={h.line} blocked={h.blocked_in.is_some()} errors={errs} {marked}
                                    status={status.map(AttrValue::from)} {on_input} />
                        }
                        if let Some(m) = share_msg {
                            <p class="ww-field-error" role="alert" data-share-error={host}>{ m }</p>
                        }
                    </div>
                }
            };
            let lines = trace
                .as_ref()
                .map(|tr| output_at(tr, step))
                .unwrap_or_default();
            html! {
                <>
                    { side_view(Side::Client, &client, &client_text, on_client.clone()) }
                    { side_view(Side::Server, &server, &server_text, on_server.clone()) }
                    { output_pane(lang, &lines) }
                </>
            }
        }
    };

    let status = status_key(
        busy,
        !errors.is_empty() || runner.failed.is_some() || runner.refused.is_some(),
        shown.is_some(),
    );
    let bar = html! {
        if !embed {
            <div class="ww-play-bar">
                <div class="ww-field-input">
                    <label for="play-preset">{ t(lang, "play.preset.label") }</label>
                    <select id="play-preset" onchange={on_preset}>
                        { for PRESETS.iter().map(|p| html! {
                            <option key={p.id.as_str()} value={p.id.as_str()} selected={p.id == *preset}>{ t_dyn(lang, p.id.as_str()) }</option>
                        }) }
                    </select>
                </div>
                <button type="button" class="ww-btn" data-play="reset" onclick={on_reset}>{ t(lang, "play.reset") }</button>
                <p class="ww-play-busy" data-busy={busy.to_string()} data-status={status} role="status">
                    { t(lang, status) }
                </p>
                if !errors.is_empty() {
                    <p class="ww-field-error ww-play-share" role="alert" data-play-errors="true">{ t(lang, "play.errors") }</p>
                }
                if let Some(e) = &*runner.failed {
                    <p class="ww-field-error ww-play-share" role="alert">{ t(lang, e.key()) }</p>
                }
                if let Some(e) = &*runner.refused {
                    <p class="ww-field-error ww-play-share" role="alert">{ crate::i18n::error_message(lang, e) }</p>
                }
                { for rejected.iter().map(|(k, _)| html! {
                    if let Some(m) = field_error(&rejected, k, lang) {
                        <p key={k.clone()} class="ww-field-error ww-play-share" role="alert">{ m }</p>
                    }
                }) }
            </div>
        }
    };
    let subset = html! {
        if !embed {
            <details class="ww-subset">
                <summary>{ t(lang, "play.subset.title") }</summary>
                <ul>
                    <li>{ t(lang, "play.subset.1") }</li>
                    <li>{ t(lang, "play.subset.2") }</li>
                    <li>{ t(lang, "play.subset.3") }</li>
                    <li>{ t(lang, "play.subset.4") }</li>
                    <li>{ t(lang, "play.subset.5") }</li>
                </ul>
            </details>
        }
    };

    let Some(shown) = shown else {
        // Nothing has run yet (the first run, or programs that never ran): the editors alone.
        let idle = HostAt {
            state: wirewalk_engine::trace::TcpState::Closed,
            line: None,
            blocked_in: None,
            returned: None,
            time_wait_left_us: None,
        };
        return html! {
            <>
                { bar }
                <div class="ww-play-idle">{ editors(idle.clone(), idle, 0) }</div>
                { subset }
            </>
        };
    };
    let trace = shown.trace.clone();
    let (step, min, max) = clamp_step(props.step, props.from, props.to, trace.events.len());
    let on_step = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |s: usize| dispatch.emit(PageAction::SetStep(Some(s))))
    };
    let is_udp = !trace.events.iter().any(|e| {
        matches!(
            e.kind,
            wirewalk_engine::trace::EventKind::StateChange { .. }
        )
    });
    let hot = at_sticky(&trace, step);
    let extra = if hot {
        vec![(t(lang, "play.sticky").to_owned(), true)]
    } else {
        Vec::new()
    };
    let code = Callback::from(move |(c, s): (HostAt, HostAt)| editors(c, s, step));
    html! {
        <>
            { bar }
            <RunView {lang} {embed} {trace} frame_event={shown.frame_event.clone()} {step} {min} {max}
                     name="playground" {is_udp} {extra} {on_step} {code} />
            { subset }
        </>
    }
}

/// The one status message for the run on screen: running; the run of the programs in
/// the editors; the last run that worked (the programs now in the editors cannot run:
/// they have errors, the network refuses them, or the run failed); or none yet.
fn status_key(busy: bool, stale: bool, shown: bool) -> &'static str {
    match (busy, shown, stale) {
        (true, _, _) => "play.busy",
        (false, false, _) => "play.none",
        (false, true, false) => "play.ready",
        (false, true, true) => "play.kept",
    }
}

/// The output pane: what the programs printed or raised up to the step, the newest last.
fn output_pane(lang: Lang, lines: &[OutputLine]) -> Html {
    let last = lines.last().map(|l| l.event);
    html! {
        <section class="ww-output" aria-labelledby="play-output-title">
            <h3 class="ww-code-title" id="play-output-title">{ t(lang, "play.output.title") }</h3>
            <pre class="ww-output-body" data-output="true">
                if lines.is_empty() {
                    <span class="ww-output-empty">{ t(lang, "play.output.empty") }</span>
                }
                { for lines.iter().map(|l| {
                    let who = t(lang, if l.host == "client" { "scene.tcp.client" } else { "scene.tcp.server" });
                    let (text, error) = match &l.what {
                        Output::Print(s) => (s.trim_end_matches('\n').to_owned(), false),
                        Output::Traceback(s) => (s.trim_end_matches('\n').to_owned(), true),
                        Output::Stopped(limit) => (t_dyn(lang, limit.as_str()), true),
                    };
                    html! {
                        <span key={l.event} data-host={l.host.clone()} data-line={l.line.to_string()}
                              class={classes!("ww-output-line", error.then_some("is-error"), (Some(l.event) == last).then_some("is-latest"))}>
                            <span class="ww-output-who">{ format!("[{who}]") }</span>
                            { text }
                        </span>
                    }
                }) }
            </pre>
        </section>
    }
}

#[cfg(test)]
mod status_tests {
    use super::status_key;
    use crate::i18n::{t, Lang};

    #[test]
    fn one_status_says_which_run_is_on_screen() {
        assert_eq!(status_key(true, true, true), "play.busy");
        assert_eq!(status_key(false, false, true), "play.ready");
        // A failing edit keeps the last good run: the status says so, never "latest".
        assert_eq!(status_key(false, true, true), "play.kept");
        assert_eq!(status_key(false, true, false), "play.none");
        assert_eq!(status_key(false, false, false), "play.none");
        for lang in Lang::ALL {
            let errors = t(lang, "play.errors");
            let kept = t(lang, "play.kept");
            // The error alert beside the kept status tells what is wrong, not which run
            // is shown: the two never say the run twice or contradict each other.
            assert!(!errors.contains(t(lang, "play.ready")), "{errors}");
            assert!(
                !errors.contains("run that worked") && !errors.contains("成功运行"),
                "{errors}"
            );
            assert_ne!(kept, t(lang, "play.ready"));
        }
    }
}
