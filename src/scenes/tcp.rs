//! The TCP scene: the handshake, data, loss and teardown between two smoltcp hosts,
//! as a ladder diagram with both ends' TCP states, their Python socket programs, a
//! narration of every step, a frame inspector, and pcap / SVG export.

pub mod model;

use super::params::{field_error, use_param_setter, LastRun, PORT_PICKS};
use super::PageAction;
use super::PageProps;
use crate::i18n::{error_message, t, tf};
use crate::platform;
use crate::player::{clamp_step, Player};
use crate::widgets::code::CodePane;
use crate::widgets::frame_list::FrameList;
use crate::widgets::inspector::Inspector;
use crate::widgets::ladder::{self, Ladder};
use crate::widgets::state_diagram::StateDiagram;
use model::{
    build_with, check, host_at, last_transition, loss_key, narration, now_us, variant_key, LOSSES,
    VARIANTS,
};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// URL keys this scene reads (besides the engine's scenario keys).
pub const PARAM_KEYS: &[&str] = &["variant"];

/// The TCP scene.
#[function_component(TcpScene)]
pub fn tcp_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    // A typed value's check runs the engine once; the rebuild from the URL takes that run.
    let last = use_memo((), |()| LastRun::default());
    let built = {
        let last = last.clone();
        use_memo(props.params.clone(), move |p| {
            build_with(p, &last).map(Rc::new)
        })
    };
    let selected = use_state_eq(|| None::<usize>);
    let png_failed = use_state_eq(|| false);

    // Valid input goes straight to the URL; what the engine rejects stays beside its field.
    let scenario = (*built).as_ref().ok().map(|b| b.scenario.clone());
    let valid = Rc::new(move |key: &str, value: &str| match &scenario {
        Some(s) => check(s, key, value, &last),
        None => Ok(()),
    });
    let (drafts, set_param) = use_param_setter(lang, props.dispatch.clone(), valid);
    let built = match &*built {
        Ok(b) => b.clone(),
        Err(e) => {
            return html! { <p class="ww-error" role="alert">{ error_message(lang, e) }</p> };
        }
    };
    let trace = built.trace.clone();
    let (step, min, max) = clamp_step(props.step, props.from, props.to, trace.events.len());
    let frame_event = Rc::new(built.frame_event.clone());
    let current_frame = (0..trace.frames.len())
        .rev()
        .find(|&i| frame_event[i] < step);
    let shown_frame = (*selected)
        .filter(|&i| frame_event.get(i).is_some_and(|&e| e < step))
        .or(current_frame);

    let host_names = Rc::new(vec![
        ("client".to_owned(), t(lang, "scene.tcp.client").to_owned()),
        ("server".to_owned(), t(lang, "scene.tcp.server").to_owned()),
    ]);

    let on_step = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |s: usize| dispatch.emit(PageAction::SetStep(Some(s))))
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };

    let (client, server) = (
        host_at(&trace, "client", step),
        host_at(&trace, "server", step),
    );
    let code_of = |name: &str| {
        trace
            .hosts
            .iter()
            .find(|h| h.name == name)
            .map(|h| h.code.clone())
            .unwrap_or_default()
    };
    let sentences = narration(&trace, step, lang);
    let is_udp = built.variant == "udp";
    let states_line = if is_udp {
        t(lang, "scene.tcp.narr.udp_no_state").to_owned()
    } else {
        tf(
            lang,
            "scene.tcp.narr.states",
            &[client.state.name(), server.state.name()],
        )
    };

    let text_field = |key: &'static str, label: &'static str, current: String, numeric: bool| {
        let set_param = set_param.clone();
        let (value, error) = match drafts.get(key) {
            Some((v, e)) => (v.clone(), Some(e.clone())),
            None => (current, field_error(&built.errors, key, lang)),
        };
        let id = format!("tcp-{}", key.replace('.', "-"));
        let err_id = format!("{id}-error");
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(v) = platform::field_value(&e) {
                set_param(key, v);
            }
        });
        html! {
            <div class={classes!("ww-field-input", error.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ t(lang, label) }</label>
                <input id={id} type="text" inputmode={numeric.then_some("numeric")} value={value} {oninput}
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then(|| err_id.clone())}
                       spellcheck="false" autocomplete="off" />
                if let Some(e) = error {
                    <p class="ww-field-error" id={err_id} role="alert">{ e }</p>
                }
            </div>
        }
    };
    let select_param = |key: &'static str| {
        let set_param = set_param.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                set_param(key, v);
            }
        })
    };
    let variant_change = {
        let dispatch = props.dispatch.clone();
        let drafts = drafts.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                drafts.set(BTreeMap::new());
                dispatch.emit(PageAction::SetParam("loss".to_owned(), None));
                dispatch.emit(PageAction::SetParam("variant".to_owned(), Some(v)));
            }
        })
    };
    let delayed_change = {
        let set_param = set_param.clone();
        Callback::from(move |e: Event| {
            if let Some(on) = platform::field_checked(&e) {
                set_param("delayed_ack", on.to_string());
            }
        })
    };
    let export_pcap = {
        let trace = trace.clone();
        let variant = built.variant.clone();
        Callback::from(move |_: MouseEvent| {
            platform::download(
                &format!("wirewalk-{variant}.pcap"),
                &wirewalk_engine::to_pcap(&trace),
                "application/vnd.tcpdump.pcap",
            );
        })
    };
    let export_svg = {
        let variant = built.variant.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = platform::element_xml(".ww-ladder", ladder::STYLE) {
                platform::download(
                    &format!("wirewalk-{variant}.svg"),
                    svg.as_bytes(),
                    "image/svg+xml",
                );
            }
        })
    };
    let export_png = {
        let variant = built.variant.clone();
        let png_failed = png_failed.clone();
        Callback::from(move |_: MouseEvent| {
            png_failed.set(false);
            let failed = png_failed.clone();
            platform::download_svg_as_png(
                ".ww-ladder",
                &format!("wirewalk-{variant}.png"),
                2.0,
                ladder::STYLE,
                move || failed.set(true),
            );
        })
    };
    let p = &built.scenario.params;
    let state_badge = |who: &'static str, h: &model::HostAt| {
        html! {
            <div class={classes!("ww-state", format!("state-{}", h.state.name().to_ascii_lowercase()))} data-host={who}>
                <span class="ww-state-who">{ t(lang, if who == "client" { "scene.tcp.client" } else { "scene.tcp.server" }) }</span>
                <span class="ww-state-name" data-state={h.state.name()}>{ if is_udp { "—" } else { h.state.name() } }</span>
                if let Some(left) = h.time_wait_left_us {
                    <span class="ww-state-timer">{ tf(lang, "scene.tcp.time_wait_left", &[&format!("{:.3}", left as f64 / 1e6)]) }</span>
                }
            </div>
        }
    };

    html! {
        <div class={classes!("ww-tcp", props.embed.then_some("is-embed"))} data-variant={built.variant.clone()}>
            if !props.embed {
                <h1 id="scene-title" class="ww-scene-title">{ t(lang, "scene.tcp.title") }</h1>
                <p class="ww-scene-intro">{ t(lang, "scene.tcp.intro") }</p>
                <form class="ww-tcp-controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <div class="ww-field-input">
                        <label for="tcp-variant">{ t(lang, "scene.tcp.variant.label") }</label>
                        <select id="tcp-variant" onchange={variant_change}>
                            { for VARIANTS.iter().map(|v| html! {
                                <option key={*v} value={*v} selected={*v == built.variant}>{ t(lang, variant_key(v)) }</option>
                            }) }
                        </select>
                        if let Some(e) = field_error(&built.errors, "variant", lang) {
                            <p class="ww-field-error" role="alert">{ e }</p>
                        }
                    </div>
                    if !is_udp && built.variant != "refused" {
                        <div class="ww-field-input">
                            <label for="tcp-loss">{ t(lang, "scene.tcp.loss.label") }</label>
                            <select id="tcp-loss" onchange={select_param("loss")}>
                                { for LOSSES.iter().map(|l| html! {
                                    <option key={*l} value={*l} selected={*l == p.loss}>{ t(lang, loss_key(l)) }</option>
                                }) }
                            </select>
                        </div>
                    }
                    { text_field("client.payload", "scene.tcp.field.client_payload", p.client_payload.clone(), false) }
                    { text_field("server.payload", "scene.tcp.field.server_payload", p.server_payload.clone(), false) }
                    { text_field("server.port", "scene.tcp.field.server_port", p.server_port.to_string(), true) }
                    <div class="ww-field-input">
                        <label for="tcp-port-pick">{ t(lang, "scene.tcp.field.port_picks") }</label>
                        <select id="tcp-port-pick" onchange={select_param("server.port")}>
                            <option value={p.server_port.to_string()} selected=true>{ "—" }</option>
                            { for PORT_PICKS.iter().map(|(name, port)| html! {
                                <option key={*port} value={port.to_string()}>{ format!("{name} {port}") }</option>
                            }) }
                        </select>
                    </div>
                    if !is_udp {
                        <label class="ww-check-input">
                            <input type="checkbox" checked={p.delayed_ack} onchange={delayed_change} />
                            { t(lang, "scene.tcp.field.delayed_ack") }
                        </label>
                    }
                </form>
            }
            <Player {lang} {step} {min} {max} time_us={Some(now_us(&trace, step))} {on_step} />
            <div class="ww-narration" role="status" aria-live="polite">
                { for sentences.iter().map(|s| html! { <p>{ s }</p> }) }
                <p class="ww-narration-states">{ states_line }</p>
            </div>
            <div class="ww-tcp-main">
                <div class="ww-tcp-ladder">
                    <Ladder {lang} trace={trace.clone()} frame_event={frame_event.clone()} cursor={step}
                            selected={shown_frame} {on_select} left="client" right="server" />
                    <FrameList {lang} trace={trace.clone()} cursor={step} names={host_names}
                               title={t(lang, "scene.tcp.ladder.title")} />
                    if !props.embed {
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
                    if !is_udp {
                        <StateDiagram {lang} client={client.state} server={server.state} last={last_transition(&trace, step)} />
                    }
                    <CodePane {lang} title={t(lang, "scene.tcp.code.client")} lines={code_of("client")} line={client.line}
                              blocked_in={client.blocked_in.clone()} returned={client.returned.clone()} />
                    <CodePane {lang} title={t(lang, "scene.tcp.code.server")} lines={code_of("server")} line={server.line}
                              blocked_in={server.blocked_in.clone()} returned={server.returned.clone()} />
                </div>
            </div>
            if !props.embed {
                <section class="ww-tcp-inspector" aria-labelledby="tcp-inspector-title">
                    <h2 id="tcp-inspector-title">{ t(lang, "scene.tcp.inspector.title") }</h2>
                    if let Some(f) = shown_frame.and_then(|i| trace.frames.get(i)) {
                        <Inspector {lang} frame={f.clone()} />
                    } else {
                        <p class="ww-inspector-empty">{ t(lang, "scene.tcp.inspector.hint") }</p>
                    }
                </section>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::model::{build, VARIANTS};
    use crate::widgets::state_diagram::EDGES;

    #[test]
    fn the_engine_only_takes_drawn_transitions() {
        for v in VARIANTS {
            let p = [("variant".to_owned(), v.to_owned())].into_iter().collect();
            let b = build(&p).unwrap();
            for e in &b.trace.events {
                if let wirewalk_engine::trace::EventKind::StateChange { from, to, .. } = e.kind {
                    assert!(
                        EDGES.contains(&(from, to)),
                        "{v}: {from:?} -> {to:?} is not drawn"
                    );
                }
            }
        }
    }
}
