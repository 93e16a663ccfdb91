//! The encapsulation scene: the client's real data frame (from the engine) wrapped step by
//! step — payload, TCP/UDP header with the ports, IPv4 header with the addresses,
//! Ethernet header with the MACs and the FCS trailer, bits on the wire — then peeled by
//! the server's stack, each layer checking what it owns. Every input recomputes the frame
//! through the engine; a bad value shows the engine's error beside its field.

pub mod model;

use super::params::{field_error, use_param_setter, LastRun, PORT_PICKS};
use super::predict::panel::{use_predict, PredictSwitch};
use super::PageAction;
use super::PageProps;
use crate::i18n::{error_message, t, t_dyn, tf, Lang};
use crate::platform;
use crate::player::Player;
use crate::widgets::bitstrip::BitStrip;
use crate::widgets::inspector::Inspector;
use crate::widgets::narrow::use_narrow;
use crate::widgets::num::fixed;
use model::{
    at_step, blocks, build_with, check, field_value, questions, receiver_check, Built, Level, Side,
    FIELDS, PROTOS,
};
use std::rc::Rc;
use yew::prelude::*;

/// URL keys this scene reads (besides the engine's scenario keys).
pub const PARAM_KEYS: &[&str] = &["proto"];

fn level_key(l: Level) -> &'static str {
    match l {
        Level::Application => "scene.encapsulation.level.app",
        Level::Transport => "scene.encapsulation.level.transport",
        Level::Network => "scene.encapsulation.level.net",
        Level::Link => "scene.encapsulation.level.link",
        Level::Physical => "scene.encapsulation.level.phy",
    }
}

fn pdu_key(l: Level, proto: &str) -> &'static str {
    match l {
        Level::Application => "scene.encapsulation.pdu.data",
        Level::Transport if proto == "udp" => "scene.encapsulation.pdu.datagram",
        Level::Transport => "scene.encapsulation.pdu.segment",
        Level::Network => "scene.encapsulation.pdu.packet",
        Level::Link => "scene.encapsulation.pdu.frame",
        Level::Physical => "scene.encapsulation.pdu.bits",
    }
}

fn field_label(key: &str) -> &'static str {
    match key {
        "client.payload" => "scene.encapsulation.field.payload",
        "client.port" => "scene.encapsulation.field.src_port",
        "server.port" => "scene.encapsulation.field.dst_port",
        "client.ip" => "scene.encapsulation.field.src_ip",
        "server.ip" => "scene.encapsulation.field.dst_ip",
        "client.mac" => "scene.encapsulation.field.src_mac",
        _ => "scene.encapsulation.field.dst_mac",
    }
}

/// The label and values of one block of the PDU drawing.
/// A value pair keeps its arrow after the source (a no-break space before it): a narrow
/// block put "→" alone on a line between two MACs.
fn block_text(built: &Built, id: &str, lang: Lang) -> (String, String) {
    let f = built.data_frame();
    let Some(a) = &f.annotated else {
        return (id.to_owned(), String::new());
    };
    let s = &a.summary;
    let name = t_dyn(lang, &format!("scene.encapsulation.block.{id}"));
    let detail = match id {
        "data" => a
            .layer(wirewalk_engine::wire::LayerId::Data)
            .and_then(|l| f.bytes.get(l.offset..l.offset + l.len))
            .map(|b| format!("\u{201c}{}\u{201d}", String::from_utf8_lossy(b)))
            .unwrap_or_default(),
        "tcp" | "udp" => format!(
            "{}\u{a0}→ {}",
            s.src_port.unwrap_or_default(),
            s.dst_port.unwrap_or_default()
        ),
        "ip" => format!(
            "{}\u{a0}→ {}",
            s.src_ip.clone().unwrap_or_default(),
            s.dst_ip.clone().unwrap_or_default()
        ),
        "eth" => format!("{}\u{a0}→ {}", s.src_mac, s.dst_mac),
        "fcs" => format!("0x{:08x}", built.phys.fcs),
        _ => String::new(),
    };
    (name, detail)
}

/// The narration of a step: a heading and what happens, with the frame's real values.
fn narration(built: &Built, step: usize, lang: Lang) -> (String, Vec<String>) {
    let (side, level) = at_step(step);
    let who = t(
        lang,
        if side == Side::Sender {
            "scene.encapsulation.sender"
        } else {
            "scene.encapsulation.receiver"
        },
    );
    let head = tf(
        lang,
        "scene.encapsulation.step_head",
        &[
            who,
            &(level as u8).to_string(),
            t(lang, level_key(level)),
            t(lang, pdu_key(level, &built.proto)),
        ],
    );
    let f = built.data_frame();
    let Some(a) = &f.annotated else {
        return (head, Vec::new());
    };
    let s = &a.summary;
    let l4 = if built.proto == "udp" { "UDP" } else { "TCP" };
    let l4_len = wirewalk_engine::wire::LayerId::parse(&built.proto)
        .and_then(|id| a.layer(id))
        .map_or(0, |l| l.len)
        .to_string();
    let ip_len = a
        .layer(wirewalk_engine::wire::LayerId::Ip)
        .map_or(0, |l| l.len)
        .to_string();
    let mut out = Vec::new();
    match side {
        Side::Sender => {
            let line = model::call_line(&built.trace, "client", &["send", "sendall", "sendto"])
                .unwrap_or_default();
            match level {
                Level::Application => out.push(tf(
                    lang,
                    "scene.encapsulation.narr.send_app",
                    &[&line, &s.payload_len.to_string()],
                )),
                Level::Transport => out.push(tf(
                    lang,
                    "scene.encapsulation.narr.send_transport",
                    &[
                        l4,
                        &l4_len,
                        &s.src_port.unwrap_or_default().to_string(),
                        &s.dst_port.unwrap_or_default().to_string(),
                    ],
                )),
                Level::Network => out.push(tf(
                    lang,
                    "scene.encapsulation.narr.send_net",
                    &[
                        &ip_len,
                        s.src_ip.as_deref().unwrap_or(""),
                        s.dst_ip.as_deref().unwrap_or(""),
                        &s.ttl.unwrap_or_default().to_string(),
                    ],
                )),
                Level::Link => out.push(tf(
                    lang,
                    "scene.encapsulation.narr.send_link",
                    &[&s.src_mac, &s.dst_mac, &format!("0x{:08x}", built.phys.fcs)],
                )),
                Level::Physical => out.push(tf(
                    lang,
                    "scene.encapsulation.narr.send_phy",
                    &[
                        &built.phys.bytes.len().to_string(),
                        &(built.phys.bytes.len() * 8).to_string(),
                    ],
                )),
            }
        }
        Side::Receiver => {
            if let Some(c) = receiver_check(built, level) {
                let verdict = t(
                    lang,
                    if c.ok {
                        "scene.encapsulation.check.ok"
                    } else {
                        "scene.encapsulation.check.bad"
                    },
                );
                let key = match level {
                    Level::Physical => "scene.encapsulation.narr.recv_phy",
                    Level::Link => "scene.encapsulation.narr.recv_link",
                    Level::Network => "scene.encapsulation.narr.recv_net",
                    Level::Transport => "scene.encapsulation.narr.recv_transport",
                    Level::Application => "scene.encapsulation.narr.recv_app",
                };
                let fcs = model::fcs_check(built);
                out.push(tf(
                    lang,
                    key,
                    &[&c.seen, &c.mine, &c.next, verdict, &fcs.mine, &fcs.seen],
                ));
                if level == Level::Application {
                    out.push(
                        t(
                            lang,
                            if built.proto == "udp" {
                                "scene.encapsulation.narr.recv_datagram"
                            } else {
                                "scene.encapsulation.narr.recv_stream"
                            },
                        )
                        .to_owned(),
                    );
                }
            }
        }
    }
    out.push(
        t(
            lang,
            match (side, level) {
                (Side::Sender, Level::Application) => "scene.encapsulation.why.send_app",
                (Side::Sender, Level::Transport) => "scene.encapsulation.why.send_transport",
                (Side::Sender, Level::Network) => "scene.encapsulation.why.send_net",
                (Side::Sender, Level::Link) => "scene.encapsulation.why.send_link",
                (Side::Sender, Level::Physical) => "scene.encapsulation.why.send_phy",
                (Side::Receiver, Level::Physical) => "scene.encapsulation.why.recv_phy",
                (Side::Receiver, Level::Link) => "scene.encapsulation.why.recv_link",
                (Side::Receiver, Level::Network) => "scene.encapsulation.why.recv_net",
                (Side::Receiver, Level::Transport) => "scene.encapsulation.why.recv_transport",
                (Side::Receiver, Level::Application) => "scene.encapsulation.why.recv_app",
            },
        )
        .to_owned(),
    );
    (head, out)
}

/// One host's five-layer stack, with the step's layer marked.
fn stack(lang: Lang, side: Side, step: usize, on_step: &Callback<usize>) -> Html {
    let (cur_side, cur_level) = at_step(step);
    let title = t(
        lang,
        if side == Side::Sender {
            "scene.encapsulation.sender"
        } else {
            "scene.encapsulation.receiver"
        },
    );
    let cls = if side == Side::Sender {
        "is-sender"
    } else {
        "is-receiver"
    };
    html! {
        <ol class={classes!("ww-enc-stack", cls)} aria-label={title}>
            <li class="ww-enc-stack-title" aria-hidden="true">{ title }</li>
            { for Level::TOP_DOWN.iter().map(|&l| {
                let target = if side == Side::Sender { l.sender_step() } else { model::LAST_STEP - l.sender_step() };
                let current = cur_side == side && cur_level == l;
                let done = match side {
                    Side::Sender => cur_side == Side::Receiver || l > cur_level,
                    Side::Receiver => cur_side == Side::Receiver && l < cur_level,
                };
                let go = { let on_step = on_step.clone(); Callback::from(move |_: MouseEvent| on_step.emit(target)) };
                html! {
                    <li key={l.id()} class={classes!("ww-enc-layer", format!("lvl-{}", l.id()), current.then_some("is-current"), done.then_some("is-done"))}>
                        <button type="button" class="ww-enc-layer-btn" onclick={go} data-step={target.to_string()}
                                aria-current={current.then_some("step")}>
                            <span class="ww-enc-layer-num">{ l as u8 }</span>
                            // The badge flows after the name's last word (in a slide's narrow
                            // stack, beside "layer" on the name's second line), instead of
                            // taking its own column and squeezing the name onto three lines.
                            <span class="ww-enc-layer-name">
                                { t(lang, level_key(l)) }
                                if current { { " " }<span class="ww-enc-here">{ t(lang, "scene.encapsulation.here") }</span> }
                            </span>
                        </button>
                    </li>
                }
            }) }
        </ol>
    }
}

/// The PDU at the step's level as blocks sized by their bytes.
fn pdu(built: &Built, step: usize, lang: Lang) -> Html {
    let (side, level) = at_step(step);
    let shown = blocks(built, level);
    let total: usize = shown.iter().map(|b| b.len).sum();
    let head = if level == Level::Physical {
        tf(
            lang,
            "scene.encapsulation.pdu_total_bits",
            &[&built.phys.bytes.len().to_string()],
        )
    } else {
        tf(
            lang,
            "scene.encapsulation.pdu_total",
            &[t(lang, pdu_key(level, &built.proto)), &total.to_string()],
        )
    };
    html! {
        <div class="ww-enc-pdu-wrap">
            <p class="ww-enc-pdu-head">{ head }</p>
            if level == Level::Physical {
                <BitStrip {lang} phys={built.phys.clone()} />
            } else {
                <ol class="ww-enc-pdu" data-level={l_id(level)}>
                    { for shown.iter().map(|b| {
                        let (name, detail) = block_text(built, &b.id, lang);
                        let new = side == Side::Sender && b.level == level;
                        let peel = side == Side::Receiver && b.level == level && level != Level::Application;
                        let grow = (b.len as f64).sqrt().max(1.5);
                        html! {
                            <li key={b.id.clone()} data-block={b.id.clone()} data-style={format!("flex-grow:{}", fixed(grow, 2))}
                                class={classes!("ww-enc-block", format!("blk-{}", b.id), new.then_some("is-new"), peel.then_some("is-peel"))}>
                                <span class="ww-enc-block-name">{ name }</span>
                                <span class="ww-enc-block-len">{ tf(lang, "scene.encapsulation.bytes", &[&b.len.to_string()]) }</span>
                                if !detail.is_empty() { <span class="ww-enc-block-detail">{ detail }</span> }
                                if new { <span class="ww-enc-tag">{ t(lang, "scene.encapsulation.added") }</span> }
                                if peel { <span class="ww-enc-tag">{ t(lang, "scene.encapsulation.removed") }</span> }
                            </li>
                        }
                    }) }
                </ol>
            }
        </div>
    }
}

fn l_id(l: Level) -> &'static str {
    l.id()
}

/// The layers of the inspector to light at a level.
fn focus_layers(level: Level, proto: &str) -> Vec<String> {
    match level {
        Level::Application => vec!["data".into()],
        Level::Transport => vec![proto.to_owned()],
        Level::Network => vec!["ip".into()],
        Level::Link => vec!["eth".into(), "padding".into()],
        Level::Physical => Vec::new(),
    }
}

/// The encapsulation scene.
#[function_component(EncapsulationScene)]
pub fn encapsulation_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    let narrow = use_narrow();
    // A typed value's check runs the engine once; the rebuild from the URL takes that run.
    let last = use_memo((), |()| LastRun::default());
    let built = {
        let last = last.clone();
        use_memo(props.params.clone(), move |p| {
            build_with(p, &last).map(|b| {
                let q = Rc::new(questions(&b));
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
    let qs = match &*built {
        Ok((_, q)) => q.clone(),
        Err(_) => Rc::new(Vec::new()),
    };
    let predict = use_predict(props, qs, model::LAST_STEP);
    let (step, min, max) = (predict.step, predict.min, predict.max);
    let built = match &*built {
        Ok((b, _)) => b.clone(),
        Err(e) => return html! { <p class="ww-error" role="alert">{ error_message(lang, e) }</p> },
    };
    let (side, level) = at_step(step);
    let on_step = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |s: usize| dispatch.emit(PageAction::SetStep(Some(s))))
    };

    let text_field = |key: &'static str| {
        let set_param = set_param.clone();
        let (value, error) = match drafts.get(key) {
            Some((v, e)) => (v.clone(), Some(e.clone())),
            None => (
                field_value(&built.scenario, key),
                field_error(&built.errors, key, lang),
            ),
        };
        let id = format!("enc-{}", key.replace('.', "-"));
        let err_id = format!("{id}-error");
        let numeric = key.ends_with(".port");
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(v) = platform::field_value(&e) {
                set_param(key, v);
            }
        });
        let placeholder = (key == "client.port").then(|| t(lang, "scene.encapsulation.field.auto"));
        html! {
            <div class={classes!("ww-field-input", error.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ t(lang, field_label(key)) }</label>
                <input id={id} type="text" inputmode={numeric.then_some("numeric")} value={value} {oninput} placeholder={placeholder}
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then(|| err_id.clone())}
                       spellcheck="false" autocomplete="off" />
                if let Some(e) = error {
                    <p class="ww-field-error" id={err_id} role="alert">{ e }</p>
                }
            </div>
        }
    };
    let pick_port = {
        let set_param = set_param.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                if !v.is_empty() {
                    set_param("server.port", v);
                }
            }
        })
    };
    let proto_change = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                dispatch.emit(PageAction::SetParam("proto".to_owned(), Some(v)));
            }
        })
    };
    let (head, sentences) = narration(&built, step, lang);
    let frame = built.data_frame().clone();
    let server_port = built.scenario.params.server_port;
    html! {
        <div class={classes!("ww-enc", props.embed.then_some("is-embed"))} data-proto={built.proto.clone()}
             data-side={if side == Side::Sender { "sender" } else { "receiver" }} data-level={level.id()}>
            if !props.embed {
                <h1 id="scene-title" class="ww-scene-title">{ t(lang, "scene.encapsulation.title") }</h1>
                <p class="ww-scene-intro">{ t(lang, "scene.encapsulation.intro") }</p>
                // Phones: the fields start folded, so the player and the stacks come first
                // (open when a value has a problem, so its message is seen).
                <details class="ww-enc-controls-box" open={!narrow || !built.errors.is_empty()}>
                <summary class="ww-enc-controls-summary">{ t(lang, "scene.encapsulation.fields") }</summary>
                <form class="ww-enc-controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset class="ww-enc-proto">
                        <legend>{ t(lang, "scene.encapsulation.field.proto") }</legend>
                        { for PROTOS.iter().map(|p| html! {
                            <label key={*p} class="ww-enc-radio">
                                <input type="radio" name="enc-proto" id={format!("enc-proto-{p}")} value={*p}
                                       checked={*p == built.proto} onchange={proto_change.clone()} />
                                { p.to_ascii_uppercase() }
                            </label>
                        }) }
                        if let Some(e) = field_error(&built.errors, "proto", lang) {
                            <p class="ww-field-error" role="alert">{ e }</p>
                        }
                    </fieldset>
                    { for FIELDS.iter().take(3).map(|k| text_field(k)) }
                    <div class="ww-field-input">
                        <label for="enc-port-pick">{ t(lang, "scene.encapsulation.field.port_picks") }</label>
                        <select id="enc-port-pick" onchange={pick_port}>
                            <option value="" selected={!PORT_PICKS.iter().any(|(_, p)| *p == server_port)}>{ "—" }</option>
                            { for PORT_PICKS.iter().map(|(name, port)| html! {
                                <option key={*port} value={port.to_string()} selected={*port == server_port}>{ format!("{name} {port}") }</option>
                            }) }
                        </select>
                    </div>
                    { for FIELDS.iter().skip(3).map(|k| text_field(k)) }
                    <PredictSwitch {lang} on={props.predict} dispatch={props.dispatch.clone()} />
                </form>
                </details>
            }
            <Player {lang} {step} {min} {max} stop={predict.stop} on_step={on_step.clone()} />
            { predict.panel }
            <div class="ww-narration ww-enc-narration" role="status" aria-live="polite">
                <p class="ww-enc-step-head"><strong>{ head }</strong></p>
                { for sentences.iter().map(|s| html! { <p>{ s }</p> }) }
            </div>
            <div class="ww-enc-stage" data-swipe="step">
                { stack(lang, Side::Sender, step, &on_step) }
                <div class="ww-enc-center">
                    <div class={classes!("ww-enc-dir", if side == Side::Sender { "is-down" } else { "is-up" })} aria-hidden="true">
                        <svg viewBox="0 0 24 24" width="20" height="20"><path d={if side == Side::Sender { "M12 3v15M5 12l7 8 7-8" } else { "M12 21V6M5 12l7-8 7 8" }} /></svg>
                        <span>{ t(lang, if side == Side::Sender { "scene.encapsulation.dir.down" } else { "scene.encapsulation.dir.up" }) }</span>
                    </div>
                    { pdu(&built, step, lang) }
                </div>
                { stack(lang, Side::Receiver, step, &on_step) }
            </div>
            <section class="ww-enc-inspector" aria-labelledby="enc-inspector-title">
                <h2 id="enc-inspector-title">{ t(lang, "scene.encapsulation.inspector_title") }</h2>
                <Inspector {lang} frame={frame} focus={focus_layers(level, &built.proto)} />
            </section>
        </div>
    }
}
