//! The architecture scene: C/S and B/S side by side (the course's pros, cons and
//! examples), the same request made by a native client and by a browser as real engine
//! traffic, and the costs the course names — every C/S client re-downloads each release,
//! every B/S page view fetches the interface, and a bad network stalls the page.

pub mod model;

use super::PageAction;
use super::PageProps;
use crate::i18n::{sentence_gap, t, t_dyn, tf, Lang};
use crate::platform;
use crate::widgets::frame_text::{frame_label, payload_text};
use crate::widgets::inspector_part;
use crate::widgets::later::{self, use_later};
use crate::widgets::num::{fixed, short};
use model::{
    bytes_after_arp, costs, daily_bytes, frames_after_arp, human_bytes, ms, net_key, parse_count,
    run_resources, run_side, update_bytes, view_us, visible_crlf, Run, Side, BS_HOST, BS_PORT,
    BS_RESOURCES, COST_INPUTS, CS_PORT, NETS,
};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &["net", "users", "size", "releases", "visits"];

/// Device icons drawn at most in the update illustration.
const MAX_ICONS: u64 = 40;

/// The C/S diagram: four native programs on one device, each talking to its own server.
fn cs_diagram(lang: Lang) -> Html {
    let apps = [
        "QQ",
        t(lang, "scene.architecture.app.wechat"),
        "PyCharm",
        t(lang, "scene.architecture.app.honor"),
    ];
    html! {
        <svg class="ww-arch-svg" viewBox="0 0 320 200" role="img" aria-label={t(lang, "scene.architecture.cs.svg_label")}>
            <rect class="ww-arch-device" x="8" y="8" width="124" height="184" rx="14" />
            <text class="ww-arch-caption" x="70" y="28" text-anchor="middle">{ t(lang, "scene.architecture.device") }</text>
            { for apps.iter().enumerate().map(|(i, name)| {
                let y = 40.0 + i as f64 * 37.0;
                html! {
                    <g key={i} class="ww-arch-app">
                        <rect x="20" y={short(y)} width="100" height="29" rx="6" />
                        <text x="70" y={short(y + 19.0)} text-anchor="middle">{ *name }</text>
                        <line class="ww-arch-link" x1="120" y1={short(y + 14.5)} x2="228" y2={short(y + 14.5)} />
                        <rect class="ww-arch-server" x="228" y={short(y + 2.0)} width="84" height="25" rx="4" />
                        <text class="ww-arch-server-text" x="270" y={short(y + 19.0)} text-anchor="middle">{ t(lang, "scene.architecture.server") }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// The B/S diagram: one browser with tabs, each tab a different server's site.
fn bs_diagram(lang: Lang) -> Html {
    html! {
        <svg class="ww-arch-svg" viewBox="0 0 320 200" role="img" aria-label={t(lang, "scene.architecture.bs.svg_label")}>
            <rect class="ww-arch-device" x="8" y="8" width="124" height="184" rx="14" />
            <text class="ww-arch-caption" x="70" y="28" text-anchor="middle">{ t(lang, "scene.architecture.device") }</text>
            <g class="ww-arch-browser">
                <rect x="18" y="40" width="104" height="140" rx="6" />
                <line x1="18" y1="60" x2="122" y2="60" />
                { for (0..4).map(|i| html! {
                    <rect key={i} class="ww-arch-tab" x={(22 + i * 25).to_string()} y="45" width="21" height="11" rx="2" />
                }) }
                <text x="70" y="116" text-anchor="middle">{ t(lang, "scene.architecture.browser") }</text>
            </g>
            { for (0..4).map(|i| {
                let y = 40.0 + f64::from(i) * 37.0;
                html! {
                    <g key={i}>
                        <line class="ww-arch-link" x1="122" y1="110" x2="228" y2={short(y + 14.5)} />
                        <rect class="ww-arch-server" x="228" y={short(y + 2.0)} width="84" height="25" rx="4" />
                        <text class="ww-arch-server-text" x="270" y={short(y + 19.0)} text-anchor="middle">{ t(lang, "scene.architecture.server") }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// One side's card: diagram, meaning, pros, cons, examples, what the course builds.
fn side_card(lang: Lang, side: Side) -> Html {
    let k = |suffix: &str| t_dyn(lang, &format!("scene.architecture.{}.{suffix}", side.id()));
    html! {
        <section class={classes!("ww-arch-card", format!("is-{}", side.id()))} aria-labelledby={format!("arch-{}-title", side.id())}>
            <h2 id={format!("arch-{}-title", side.id())}>{ k("title") }</h2>
            <p class="ww-arch-def">{ k("def") }</p>
            { if side == Side::Cs { cs_diagram(lang) } else { bs_diagram(lang) } }
            <h3 class="ww-arch-pro-h">{ t(lang, "scene.architecture.pros") }</h3>
            <ul class="ww-arch-pros"><li>{ k("pro1") }</li></ul>
            <h3 class="ww-arch-con-h">{ t(lang, "scene.architecture.cons") }</h3>
            <ul class="ww-arch-cons">
                <li>{ k("con1") }</li>
                if side == Side::Cs { <li>{ k("con2") }</li> }
            </ul>
            <h3>{ t(lang, "scene.architecture.examples") }</h3>
            <p class="ww-arch-examples">{ k("examples") }</p>
            <p class="ww-arch-later">{ k("later") }</p>
        </section>
    }
}

/// A horizontal bar: a label, a fill of `frac` (0–1) of the track, and its value.
fn hbar(class: &'static str, label: &'static str, frac: f64, value: String) -> Html {
    let width = format!("width: {}%", fixed(1.0 + 64.0 * frac.clamp(0.0, 1.0), 1));
    html! {
        <div class={classes!("ww-arch-hbar", class)}>
            <span class="ww-arch-hbar-name">{ label }</span>
            <span class="ww-arch-hbar-track">
                <span class="ww-arch-hbar-fill" data-style={width}></span>
                <span class="ww-arch-hbar-value ww-mono">{ value }</span>
            </span>
        </div>
    }
}

/// The frame list of one side's run.
fn frame_list(
    lang: Lang,
    side: Side,
    run: &Run,
    selected: Option<(Side, usize)>,
    on_select: &Callback<(Side, usize)>,
) -> Html {
    let rows = run.trace.frames.iter().enumerate().map(|(i, f)| {
        let to_server = f.to == "server";
        let role = f.role.map_or("frame", |r| r.as_str()).to_owned();
        let payload = payload_text(f);
        let onclick = {
            let on_select = on_select.clone();
            Callback::from(move |_: MouseEvent| on_select.emit((side, i)))
        };
        html! {
            <li key={i} class={classes!("ww-arch-frame", f.dropped.then_some("is-dropped"),
                        (selected == Some((side, i))).then_some("is-selected"), payload.is_some().then_some("has-data"))}
                data-frame={i.to_string()} data-role={role.clone()} data-len={(f.bytes.len()).to_string()}>
                <button type="button" class="ww-arch-frame-row" {onclick}>
                    <span class="ww-arch-dir">{ if to_server { "C → S" } else { "C ← S" } }</span>
                    <span class="ww-arch-role">{ t_dyn(lang, &format!("role.{role}")) }</span>
                    <span class="ww-arch-label ww-mono">{ frame_label(f, lang) }</span>
                    <span class="ww-arch-len ww-mono">{ tf(lang, "scene.architecture.bytes", &[&f.bytes.len().to_string()]) }</span>
                </button>
                if f.dropped {
                    <p class="ww-arch-lost">{ t(lang, "scene.architecture.lost") }</p>
                }
                if let Some(p) = payload.filter(|_| f.role.map(|r| r.as_str()) == Some("data")) {
                    <pre class="ww-arch-payload" tabindex="0">{ visible_crlf(&p) }</pre>
                }
            </li>
        }
    });
    html! { <ol class="ww-arch-frames">{ for rows }</ol> }
}

/// The costs' inputs with their errors.
#[derive(Clone, PartialEq, Properties)]
struct CostProps {
    lang: Lang,
    params: Rc<BTreeMap<String, String>>,
    dispatch: Callback<PageAction>,
    embed: bool,
    /// Bytes on the wire of one C/S use and one B/S page view (from the engine).
    per_use: [usize; 2],
}

/// The update and traffic illustrations.
#[function_component(CostSection)]
fn cost_section(props: &CostProps) -> Html {
    let lang = props.lang;
    let drafts = use_state_eq(BTreeMap::<&'static str, (String, String)>::new);
    let (c, url_errors) = costs(&props.params);
    let input = |key: &'static str, label: &'static str, current: u64| {
        let (value, error) = match drafts.get(key) {
            Some((v, e)) => (v.clone(), Some(e.clone())),
            None => match url_errors.iter().find(|(k, _)| *k == key) {
                Some((_, e)) => (
                    props.params.get(key).cloned().unwrap_or_default(),
                    Some(e.message(lang)),
                ),
                None => (current.to_string(), None),
            },
        };
        let &(_, _, min, max) = COST_INPUTS
            .iter()
            .find(|c| c.0 == key)
            .unwrap_or(&COST_INPUTS[0]);
        let oninput = {
            let drafts = drafts.clone();
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: InputEvent| {
                let Some(v) = platform::field_value(&e) else {
                    return;
                };
                let mut d = (*drafts).clone();
                match parse_count(&v, min, max) {
                    Ok(n) => {
                        d.remove(key);
                        drafts.set(d);
                        dispatch.emit(PageAction::SetParam(key.to_owned(), Some(n.to_string())));
                    }
                    Err(err) => {
                        d.insert(key, (v, err.message(lang)));
                        drafts.set(d);
                    }
                }
            })
        };
        let id = format!("arch-{key}");
        let err_id = format!("{id}-error");
        html! {
            <div class={classes!("ww-field-input", error.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ t(lang, label) }</label>
                <input id={id} type="text" inputmode="numeric" {value} {oninput} spellcheck="false" autocomplete="off"
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then(|| err_id.clone())} />
                if let Some(e) = error {
                    <p class="ww-field-error" id={err_id} role="alert">{ e }</p>
                }
            </div>
        }
    };
    let update = update_bytes(&c);
    let icons = c.users.min(MAX_ICONS);
    let [cs_use, bs_use] = props.per_use;
    let (cs_day, bs_day) = (daily_bytes(&c, cs_use), daily_bytes(&c, bs_use));
    let max_use = cs_use.max(bs_use).max(1) as f64;
    let bar = |class: &'static str, label: &'static str, value: usize| {
        hbar(
            class,
            label,
            value as f64 / max_use,
            tf(lang, "scene.architecture.bytes", &[&value.to_string()]),
        )
    };
    html! {
        <section class="ww-arch-costs" aria-labelledby="arch-costs-title">
            <h2 id="arch-costs-title">{ t(lang, "scene.architecture.costs.title") }</h2>
            if !props.embed {
                <form class="ww-arch-inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { input("users", "scene.architecture.costs.users", c.users) }
                    { input("size", "scene.architecture.costs.size", c.size_mb) }
                    { input("releases", "scene.architecture.costs.releases", c.releases) }
                    { input("visits", "scene.architecture.costs.visits", c.visits) }
                </form>
            }
            <div class="ww-arch-cost-grid">
                <div class="ww-arch-cost is-update" data-update-bytes={update.to_string()}>
                    <h3>{ t(lang, "scene.architecture.costs.update_title") }</h3>
                    <svg class="ww-arch-devices" viewBox="0 0 400 92" role="img"
                         aria-label={tf(lang, "scene.architecture.costs.devices_label", &[&c.users.to_string()])}>
                        { for (0..icons).map(|i| {
                            let x = 4.0 + (i % 20) as f64 * 19.8;
                            let y = 6.0 + (i / 20) as f64 * 44.0;
                            html! {
                                <g key={i} class="ww-arch-phone">
                                    <rect x={short(x)} y={short(y + 10.0)} width="14" height="26" rx="3" />
                                    <path d={format!("M{} {} v7 m-3.5 -3.5 l3.5 3.5 l3.5 -3.5", short(x + 7.0), short(y))} />
                                </g>
                            }
                        }) }
                    </svg>
                    <p class="ww-arch-formula">
                        { tf(lang, "scene.architecture.costs.update_formula", &[&c.users.to_string(), &c.size_mb.to_string(), &c.releases.to_string()]) }
                        <strong class="ww-arch-total">{ human_bytes(update) }</strong>
                    </p>
                    if c.users > MAX_ICONS {
                        <p class="ww-addr-hint">{ tf(lang, "scene.architecture.costs.icons_note", &[&MAX_ICONS.to_string(), &c.users.to_string()]) }</p>
                    }
                    <p class="ww-arch-bs-update">{ t(lang, "scene.architecture.costs.bs_update") }</p>
                </div>
                <div class="ww-arch-cost is-traffic" data-cs-use={cs_use.to_string()} data-bs-use={bs_use.to_string()}>
                    <h3>{ t(lang, "scene.architecture.costs.traffic_title") }</h3>
                    <div class="ww-arch-bars">
                        { bar("is-cs", "C/S", cs_use) }
                        { bar("is-bs", "B/S", bs_use) }
                    </div>
                    <p>{ tf(lang, "scene.architecture.costs.per_use", &[&cs_use.to_string(), &bs_use.to_string(), &fixed(bs_use as f64 / cs_use.max(1) as f64, 1)]) }</p>
                    <p class="ww-arch-formula">
                        { tf(lang, "scene.architecture.costs.daily", &[&c.users.to_string(), &c.visits.to_string(), &human_bytes(cs_day), &human_bytes(bs_day)]) }
                    </p>
                    <p class="ww-addr-hint">{ t(lang, "scene.architecture.costs.real_pages") }</p>
                </div>
            </div>
        </section>
    }
}

/// The architecture scene.
#[function_component(ArchitectureScene)]
pub fn architecture_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    let net = props
        .params
        .get("net")
        .filter(|n| NETS.contains(&n.as_str()))
        .cloned()
        .unwrap_or_else(|| "none".to_owned());
    let bad_net = props
        .params
        .get("net")
        .is_some_and(|n| !NETS.contains(&n.as_str()));
    // The frame lists, timings and costs are below the first screen: mounted in the next
    // task, so the first one stays short (widgets/later.rs). The first one runs no
    // simulation either: the runs below are made with the lower part, in its task.
    let lower_part = use_later(props.embed, true);
    // The costs' section comes in a task of its own after the frame lists.
    let cost_part = use_later(props.embed, lower_part);
    let runs = use_memo((net.clone(), lower_part), |(net, lower)| {
        if !*lower {
            return Ok(Rc::new(Vec::new()));
        }
        Side::ALL
            .iter()
            .map(|&s| run_side(s, net))
            .collect::<Result<Vec<_>, _>>()
            .map(Rc::new)
    });
    // The files the page links, fetched over the same link under the same condition.
    let resources = use_memo((net.clone(), lower_part), |(net, lower)| {
        lower
            .then(|| run_resources(net).unwrap_or_default())
            .unwrap_or_default()
    });
    let more_bytes: usize = resources.iter().map(bytes_after_arp).sum();
    let more_frames: usize = resources.iter().map(frames_after_arp).sum();
    // How long the user waits under every network condition, for both sides.
    let timings = use_memo(lower_part, |&lower| {
        NETS.iter()
            .filter(|_| lower)
            .map(|n| {
                let at = |s| view_us(s, n).unwrap_or(0);
                (*n, at(Side::Cs), at(Side::Bs))
            })
            .collect::<Vec<_>>()
    });
    let selected = use_state_eq(|| None::<(Side, usize)>);
    let runs = match &*runs {
        Ok(r) => r.clone(),
        Err(e) => {
            return html! { <p class="ww-error" role="alert">{ t(lang, e.key()) }</p> };
        }
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |s: (Side, usize)| selected.set(Some(s)))
    };
    let net_change = {
        let dispatch = props.dispatch.clone();
        let selected = selected.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                selected.set(None);
                dispatch.emit(PageAction::SetParam(
                    "net".to_owned(),
                    (v != "none").then_some(v),
                ));
            }
        })
    };
    let shown = selected.and_then(|(side, i)| {
        let run = runs.get(usize::from(side == Side::Bs))?;
        run.trace.frames.get(i).map(|_| (side, i))
    });
    let max_t = timings
        .iter()
        .map(|t| t.1.max(t.2))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let column = |side: Side| {
        let run = &runs[usize::from(side == Side::Bs)];
        let k = |suffix: &str| {
            t_dyn(
                lang,
                &format!("scene.architecture.wire.{}_{suffix}", side.id()),
            )
        };
        let port = if side == Side::Cs { CS_PORT } else { BS_PORT };
        html! {
            <div class={classes!("ww-arch-wire-col", format!("is-{}", side.id()))} data-side={side.id()}
                 data-wire-bytes={run.wire_bytes.to_string()} data-answer-us={run.answer_us.to_string()}>
                <h3>{ k("title") }</h3>
                <p class="ww-arch-wire-sub">{ tf(lang, "scene.architecture.wire.port", &[&port.to_string()]) }{ sentence_gap(lang) }{ k("sub") }</p>
                { frame_list(lang, side, run, *selected, &on_select) }
                <p class="ww-arch-wire-total">
                    { tf(lang, "scene.architecture.wire.total", &[&run.trace.frames.len().to_string(), &run.wire_bytes.to_string(), &run.app_bytes.to_string()]) }
                </p>
                <p class="ww-arch-wire-time">
                    { tf(lang, "scene.architecture.wire.answer", &[&ms(run.answer_us - run.request_us)]) }
                </p>
                if side == Side::Bs {
                    <p class="ww-arch-wire-more" data-more-bytes={more_bytes.to_string()} data-more-frames={more_frames.to_string()}>
                        { tf(lang, "scene.architecture.wire.bs_more", &[&BS_RESOURCES.len().to_string(), &more_frames.to_string(), &more_bytes.to_string()]) }
                    </p>
                }
            </div>
        }
    };
    html! {
        <div class={classes!("ww-architecture", props.embed.then_some("is-embed"))} data-net={net.clone()}>
            if !props.embed {
                <h1 id="scene-title" class="ww-scene-title">{ t(lang, "scene.architecture.title") }</h1>
                <p class="ww-scene-intro">{ t(lang, "scene.architecture.intro") }</p>
            }
            <div class="ww-arch-roles">
                <p><strong>{ t(lang, "scene.architecture.server") }</strong>{ t(lang, "scene.architecture.role_server") }</p>
                <p><strong>{ t(lang, "scene.architecture.client") }</strong>{ t(lang, "scene.architecture.role_client") }</p>
            </div>
            <div class="ww-arch-sides">
                { side_card(lang, Side::Cs) }
                { side_card(lang, Side::Bs) }
            </div>
            if !lower_part {
                { later::placeholder() }
            } else {
                <section class="ww-arch-wire" aria-labelledby="arch-wire-title">
                    <h2 id="arch-wire-title">{ t(lang, "scene.architecture.wire.title") }</h2>
                    <p class="ww-arch-lead">{ tf(lang, "scene.architecture.wire.lead", &[BS_HOST]) }</p>
                    if !props.embed {
                        <div class="ww-field-input ww-arch-net">
                            <label for="arch-net">{ t(lang, "scene.architecture.net.label") }</label>
                            <select id="arch-net" onchange={net_change}>
                                { for NETS.iter().map(|n| html! {
                                    <option key={*n} value={*n} selected={*n == net}>{ t(lang, net_key(n)) }</option>
                                }) }
                            </select>
                            if bad_net {
                                <p class="ww-field-error" role="alert">{ t(lang, "scene.architecture.net.unknown") }</p>
                            }
                        </div>
                    }
                    // The C/S list is the shorter one: the timings on unstable networks go under
                    // it, beside the B/S list (styles/architecture.css), not under both.
                    <div class="ww-arch-wire-grid">
                        { column(Side::Cs) }
                        { column(Side::Bs) }
                        if !props.embed {
                            <div class="ww-arch-inspector">
                                if let Some((side, i)) = shown {
                                    <h3>{ tf(lang, "scene.architecture.inspector", &[if side == Side::Cs { "C/S" } else { "B/S" }, &(i + 1).to_string()]) }</h3>
                                    { inspector_part::show(lang, &runs[usize::from(side == Side::Bs)].trace.frames, i) }
                                } else {
                                    <p class="ww-addr-hint">{ t(lang, "scene.architecture.inspector_hint") }</p>
                                }
                            </div>
                        }
                        <section class="ww-arch-unstable" aria-labelledby="arch-unstable-title">
                            <h2 id="arch-unstable-title">{ t(lang, "scene.architecture.unstable.title") }</h2>
                            <p>{ t(lang, "scene.architecture.unstable.lead") }</p>
                            <div class="ww-arch-timing">
                                { for timings.iter().map(|(n, cs, bs)| html! {
                                    <div key={*n} class={classes!("ww-arch-timing-row", (*n == net).then_some("is-current"))} data-net={*n}
                                         data-cs-us={cs.to_string()} data-bs-us={bs.to_string()}>
                                        <span class="ww-arch-timing-name">{ t(lang, net_key(n)) }</span>
                                        <div class="ww-arch-timing-bars">
                                            { hbar("is-cs", "C/S", *cs as f64 / max_t, format!("{} ms", ms(*cs))) }
                                            { hbar("is-bs", "B/S", *bs as f64 / max_t, format!("{} ms", ms(*bs))) }
                                        </div>
                                    </div>
                                }) }
                            </div>
                            <p>{ t(lang, "scene.architecture.unstable.why") }</p>
                        </section>
                    </div>
                </section>
                if cost_part {
                    <CostSection {lang} params={props.params.clone()} dispatch={props.dispatch.clone()} embed={props.embed}
                                 per_use={[runs[0].wire_bytes, runs[1].wire_bytes + more_bytes]} />
                } else {
                    { later::placeholder() }
                }
            }
        </div>
    }
}
