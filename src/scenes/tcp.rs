//! The TCP scene: the handshake, data, loss and teardown between two smoltcp hosts,
//! as a ladder diagram with both ends' TCP states, their Python socket programs, a
//! narration of every step, a frame inspector, and pcap / SVG export.

pub mod model;
pub mod play;
pub mod run;

use super::params::{field_error, use_param_setter, LastRun, PORT_PICKS};
use super::predict::panel::{use_predict, PredictSwitch};
use super::PageAction;
use super::PageProps;
use crate::i18n::{error_message, t};
use crate::platform;
use crate::widgets::code::CodePane;
use model::{
    build_with, check, loss_key, questions, variant_key, variant_short_key, wants_playground,
    HostAt, LOSSES, PROGRAM_KEYS, VARIANTS,
};
use run::RunView;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// URL keys this scene reads (besides the engine's scenario keys).
pub const PARAM_KEYS: &[&str] = &["variant", "client", "server"];

/// The TCP scene.
#[function_component(TcpScene)]
pub fn tcp_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    // The playground is on when the URL carries a program, or once switched on here.
    let opened = use_state_eq(|| false);
    let playing = *opened || wants_playground(&props.params);
    // A typed value's check runs the engine once; the rebuild from the URL takes that run.
    let last = use_memo((), |()| LastRun::default());
    let built = {
        let last = last.clone();
        use_memo(props.params.clone(), move |p| {
            build_with(p, &last).map(|b| {
                let q = Rc::new(questions(&b.trace));
                (Rc::new(b), q)
            })
        })
    };

    // Valid input goes straight to the URL; what the engine rejects stays beside its field.
    let scenario = (*built).as_ref().ok().map(|(b, _)| b.scenario.clone());
    let valid = Rc::new(move |key: &str, value: &str| match &scenario {
        Some(s) => check(s, key, value, &last),
        None => Ok(()),
    });
    let (drafts, set_param) = use_param_setter(lang, props.dispatch.clone(), valid);
    // Predict mode holds the player at an open question (a hook: called on every render).
    let (qs, last_step) = match &*built {
        Ok((b, q)) => (q.clone(), b.trace.events.len()),
        Err(_) => (Rc::new(Vec::new()), 0),
    };
    let predict = use_predict(props, qs, last_step);
    let (step, min, max) = (predict.step, predict.min, predict.max);
    let built = match &*built {
        Ok((b, _)) => b.clone(),
        Err(e) => {
            return html! { <p class="ww-error" role="alert">{ error_message(lang, e) }</p> };
        }
    };
    let trace = built.trace.clone();
    let frame_event = Rc::new(built.frame_event.clone());
    let on_step = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |s: usize| dispatch.emit(PageAction::SetStep(Some(s))))
    };
    let code_of = |name: &str| {
        trace
            .hosts
            .iter()
            .find(|h| h.name == name)
            .map(|h| h.code.clone())
            .unwrap_or_default()
    };
    let is_udp = built.variant == "udp";
    let code = {
        let (client_code, server_code) = (code_of("client"), code_of("server"));
        Callback::from(move |(client, server): (HostAt, HostAt)| {
            html! {
                <>
                    <CodePane {lang} host="client" title={t(lang, "scene.tcp.code.client")} lines={client_code.clone()} line={client.line}
                              blocked_in={client.blocked_in.clone()} returned={client.returned.clone()} />
                    <CodePane {lang} host="server" title={t(lang, "scene.tcp.code.server")} lines={server_code.clone()} line={server.line}
                              blocked_in={server.blocked_in.clone()} returned={server.returned.clone()} />
                </>
            }
        })
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
    let toggle = {
        let dispatch = props.dispatch.clone();
        let opened = opened.clone();
        Callback::from(move |_: MouseEvent| {
            opened.set(!playing);
            if playing {
                for k in PROGRAM_KEYS {
                    dispatch.emit(PageAction::SetParam(k.to_owned(), None));
                }
            }
        })
    };
    let p = &built.scenario.params;
    // The settings: the run view places them (before the player, or after the states on a phone).
    let controls = if props.embed {
        Html::default()
    } else {
        html! {
            <form class="ww-tcp-controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                if !playing {
                <div class="ww-field-input">
                    <label for="tcp-variant">{ t(lang, "scene.tcp.variant.label") }</label>
                    <select id="tcp-variant" onchange={variant_change} aria-describedby="tcp-variant-desc">
                        { for VARIANTS.iter().map(|v| html! {
                            <option key={*v} value={*v} selected={*v == built.variant}>{ t(lang, variant_short_key(v)) }</option>
                        }) }
                    </select>
                    <p id="tcp-variant-desc" class="ww-variant-desc">{ t(lang, variant_key(&built.variant)) }</p>
                    if let Some(e) = field_error(&built.errors, "variant", lang) {
                        <p class="ww-field-error" role="alert">{ e }</p>
                    }
                </div>
                }
                if playing || (!is_udp && built.variant != "refused") {
                    <div class="ww-field-input">
                        <label for="tcp-loss">{ t(lang, "scene.tcp.loss.label") }</label>
                        <select id="tcp-loss" onchange={select_param("loss")}>
                            { for LOSSES.iter().map(|l| html! {
                                <option key={*l} value={*l} selected={*l == p.loss}>{ t(lang, loss_key(l)) }</option>
                            }) }
                        </select>
                    </div>
                }
                if !playing {
                // The words name the call the programs make: sendto() over UDP.
                { text_field("client.payload", if is_udp { "scene.tcp.field.client_payload_udp" } else { "scene.tcp.field.client_payload" }, p.client_payload.clone(), false) }
                { text_field("server.payload", if is_udp { "scene.tcp.field.server_payload_udp" } else { "scene.tcp.field.server_payload" }, p.server_payload.clone(), false) }
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
                }
                if playing || !is_udp {
                    <label class="ww-check-input">
                        <input type="checkbox" checked={p.delayed_ack} onchange={delayed_change} />
                        { t(lang, "scene.tcp.field.delayed_ack") }
                    </label>
                }
                <PredictSwitch {lang} on={props.predict} dispatch={props.dispatch.clone()} />
            </form>
        }
    };
    html! {
        <div class={classes!("ww-tcp", props.embed.then_some("is-embed"))} data-variant={built.variant.clone()}>
            if !props.embed {
                <h1 id="scene-title" class="ww-scene-title">{ t(lang, "scene.tcp.title") }</h1>
                <p class="ww-scene-intro">{ t(lang, if playing { "play.intro" } else { "scene.tcp.intro" }) }</p>
                <p class="ww-play-switch">
                    <button type="button" class="ww-play-toggle" data-play="toggle" aria-pressed={playing.to_string()} onclick={toggle}>
                        { t(lang, if playing { "play.toggle_off" } else { "play.toggle" }) }
                    </button>
                </p>
            }
            if playing {
                { controls }
                <play::Playground ..props.clone() />
            } else {
                <RunView {lang} embed={props.embed} {trace} {frame_event} {step} {min} {max}
                         name={built.variant.clone()} {is_udp} {on_step} {code} {controls}
                         stop={predict.stop} panel={predict.panel} />
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
