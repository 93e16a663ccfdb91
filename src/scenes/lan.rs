//! The LAN scene: three PCs on a learning switch (the MAC table fills frame by frame, an
//! ARP broadcast floods, the reply is unicast), a loop of two switches (a broadcast
//! storm, stopped by pulling a cable), and two LANs joined by a router (per hop the MACs
//! change, IPs and ports don't, TTL 64 → 63). All traffic is the engine's trace.

pub mod model;
mod path;
mod topology;

use super::predict::panel::{use_predict, PredictSwitch};
use super::PageAction;
use super::PageProps;
use crate::i18n::{error_message, t, tf, Lang};
use crate::platform;
use crate::player::Player;
use crate::widgets::break_after_colons;
use crate::widgets::frame_list::FrameList;
use crate::widgets::frame_text::frame_label;
use crate::widgets::inspector::Inspector;
use crate::widgets::narrow::{use_media, use_narrow, SQUARISH, WIDE_SLIDE};
use model::{
    arp_by_link, build, current_frame, hop_diff, hop_pair, host_label, mac_seen_on_link, narration,
    questions, tables_at, tick_at, View, PCS,
};
use path::fmt_n;
use std::rc::Rc;
use topology::{topology, Shape};
use wirewalk_engine::trace::Trace;
use yew::prelude::*;

/// URL keys this scene reads (besides the engine's scenario keys).
pub const PARAM_KEYS: &[&str] = &model::SCENE_KEYS;

/// The MAC table(s) at the cursor.
fn mac_tables(trace: &Trace, lang: Lang, step: usize) -> Html {
    let tables = tables_at(trace, step);
    let many = tables.len() > 1;
    html! {
        <div class="ww-lan-tables">
            { for tables.into_iter().map(|(sw, rows)| {
                let title = if many {
                    tf(lang, "scene.lan.table.title_of", &[&host_label(trace, lang, &sw)])
                } else {
                    t(lang, "scene.lan.table.title").to_owned()
                };
                let shown = rows.len();
                html! {
                    <section key={sw.clone()} class="ww-lan-table" data-switch={sw.clone()}>
                        <h2>{ title }</h2>
                        <table>
                            <thead><tr>
                                <th scope="col">{ t(lang, "scene.lan.table.mac") }</th>
                                <th scope="col">{ t(lang, "scene.lan.table.port") }</th>
                                if many { <th scope="col">{ t(lang, "scene.lan.table.learned") }</th> }
                            </tr></thead>
                            <tbody>
                                { for rows.into_iter().map(|r| html! {
                                    <tr key={r.mac.clone()} class={classes!(r.fresh.then_some("is-fresh"))} data-mac={r.mac.clone()} data-port={r.port.to_string()}>
                                        <td class="ww-mono">{ r.mac.clone() }</td>
                                        <td>{ (r.port + 1).to_string() }</td>
                                        if many { <td>{ r.learned.to_string() }</td> }
                                    </tr>
                                }) }
                                if shown == 0 {
                                    <tr class="ww-lan-table-empty"><td colspan={if many { "3" } else { "2" }}>{ t(lang, "scene.lan.table.empty") }</td></tr>
                                }
                            </tbody>
                        </table>
                    </section>
                }
            }) }
        </div>
    }
}

/// The storm's frames-per-tick chart, the current tick marked. Long runs are binned: at
/// most [`model::MAX_BARS`] bars, each summing an equal number of ticks. `wide`: drawn
/// wider, for a wide slide; `tall`: narrower and taller, for a 4:3 slide.
fn storm_chart(
    trace: &Trace,
    other: Option<&Trace>,
    lang: Lang,
    step: usize,
    wide: bool,
    tall: bool,
) -> Html {
    let ticks = &trace.frames_per_tick;
    let (per, bars) = model::bin_ticks(ticks, model::MAX_BARS);
    // The axis fits this run's own bars (a quiet network's 1 frame a tick stays visible);
    // the other case's total is written under the chart for comparison.
    let max = bars.iter().copied().max().unwrap_or(1).max(1);
    let now = tick_at(trace, step) / per;
    // A wide slide (1280×720) draws it wider: its box there is 2.6 (zh) to 3.5 (en) times
    // as wide as tall, and the 360-unit chart, bound by the height, left 85-89 px blank on
    // each side in en.
    // A 4:3 slide (1024×768) gives it a box 1.2 (zh) to 1.6 (en) times as wide as tall:
    // the 360×150 chart, bound by the width, left 40-80 px blank above and below it.
    let (cw, ch) = match (wide, tall) {
        (true, _) => (480.0, 150.0),
        (false, true) => (300.0, 215.0),
        (false, false) => (360.0, 150.0),
    };
    let (left, bottom) = (34.0, 22.0);
    let n = bars.len().max(1) as f64;
    let bw = (cw - left - 4.0) / n;
    let total: usize = ticks.iter().sum();
    let bar_us = trace.tick_us.saturating_mul(per as u64);
    let verdict = match model::storm_verdict(trace) {
        model::StormVerdict::Storm => ("is-bad", "storm", "scene.lan.storm.capped"),
        model::StormVerdict::LoopBroken => ("is-good", "quiet", "scene.lan.storm.quiet"),
        model::StormVerdict::NoStorm => ("is-good", "no-storm", "scene.lan.storm.no_storm"),
    };
    html! {
        <section class="ww-lan-chart" data-total={total.to_string()} data-max={max.to_string()}
                 data-ticks-per-bar={per.to_string()}>
            <h2>{ t(lang, "scene.lan.storm.chart") }</h2>
            <svg viewBox={format!("0 0 {} {}", fmt_n(cw), fmt_n(ch))} role="img" aria-label={t(lang, "scene.lan.storm.chart")}>
                <line class="ww-lan-axis" x1={fmt_n(left)} y1="6" x2={fmt_n(left)} y2={fmt_n(ch - bottom)} />
                <line class="ww-lan-axis" x1={fmt_n(left)} y1={fmt_n(ch - bottom)} x2={fmt_n(cw)} y2={fmt_n(ch - bottom)} />
                <text class="ww-lan-tick" x={fmt_n(left - 4.0)} y="14" text-anchor="end">{ max.to_string() }</text>
                <text class="ww-lan-tick" x={fmt_n(left - 4.0)} y={fmt_n(ch - bottom)} text-anchor="end">{ "0" }</text>
                <text class="ww-lan-tick" x={fmt_n(cw - 2.0)} y={fmt_n(ch - 6.0)} text-anchor="end">{ tf(lang, "scene.lan.storm.axis", &[&model::ms_label(bar_us)]) }</text>
                { for bars.iter().enumerate().map(|(i, &c)| {
                    let h = (ch - bottom - 8.0) * c as f64 / max as f64;
                    html! {
                        <rect key={i} class={classes!("ww-lan-bar", (i == now && step > 0).then_some("is-now"), (i > now || step == 0).then_some("is-future"))}
                              data-count={c.to_string()}
                              x={fmt_n(left + 2.0 + bw * i as f64)} y={fmt_n(ch - bottom - h)} width={fmt_n((bw - 1.0).max(1.0))} height={fmt_n(h)} />
                    }
                }) }
            </svg>
            <p class="ww-lan-chart-total">{ tf(lang, "scene.lan.storm.total", &[&total.to_string(), &ticks.len().to_string()]) }</p>
            if let Some(o) = other {
                <p class="ww-lan-chart-other" data-other-total={(o.frames.len()).to_string()}>
                    { tf(lang, match model::storm_verdict(o) {
                            model::StormVerdict::Storm => "scene.lan.storm.other_loop",
                            model::StormVerdict::LoopBroken => "scene.lan.storm.other_pulled",
                            model::StormVerdict::NoStorm => "scene.lan.storm.other_no_storm",
                         }, &[&o.frames.len().to_string(), &o.frames_per_tick.len().to_string()]) }
                </p>
            }
            <p class={classes!("ww-lan-verdict", verdict.0)} data-verdict={verdict.1}>{ t(lang, verdict.2) }</p>
        </section>
    }
}

/// Fields the course says a router leaves alone, shown beside the changed ones.
const KEPT: [&str; 6] = [
    "ip.src",
    "ip.dst",
    "tcp.srcport",
    "tcp.dstport",
    "udp.srcport",
    "udp.dstport",
];

/// The hop pair at the cursor: the packet nearest the current frame.
fn hop_at(trace: &Trace, step: usize) -> Option<(usize, usize)> {
    let near =
        current_frame(trace, step).or_else(|| trace.frames_until(step).last().map(|f| f.index));
    hop_pair(trace, near)
}

/// The router's hop diff: the changed and the kept fields, every other field folded away.
fn router_diff(trace: &Trace, lang: Lang, step: usize) -> Html {
    let Some((x, y)) = hop_at(trace, step) else {
        return Html::default();
    };
    let rows = hop_diff(&trace.frames[x], &trace.frames[y]);
    let hop = |i: usize| {
        let f = &trace.frames[i];
        format!(
            "#{} {}\u{a0}→ {}",
            i + 1,
            host_label(trace, lang, &f.from),
            host_label(trace, lang, &f.to)
        )
    };
    // Each value cell carries its column's name: on a phone the table is one card per
    // field, each value under its hop's name (styles/lan.css).
    let (hop1, hop2) = (
        t(lang, "scene.lan.diff.hop1").to_owned(),
        t(lang, "scene.lan.diff.hop2").to_owned(),
    );
    let row = |r: &model::DiffRow| {
        let layer = r.id.split('.').next().unwrap_or("").to_owned();
        html! {
            <tr key={r.id.clone()} class={classes!(r.changed.then_some("is-changed"), format!("layer-{layer}"))} data-field={r.id.clone()}>
                <th scope="row" class="ww-mono">{ r.id.clone() }</th>
                <td class="ww-mono" data-label={hop1.clone()}>{ break_after_colons(&r.before) }</td>
                <td class="ww-mono" data-label={hop2.clone()}>{ break_after_colons(&r.after) }</td>
            </tr>
        }
    };
    let head = html! {
        <thead><tr>
            <th scope="col">{ t(lang, "scene.lan.diff.field") }</th>
            <th scope="col">{ t(lang, "scene.lan.diff.hop1") }</th>
            <th scope="col">{ t(lang, "scene.lan.diff.hop2") }</th>
        </tr></thead>
    };
    let (main, rest): (Vec<_>, Vec<_>) = rows
        .iter()
        .partition(|r| r.changed || KEPT.contains(&r.id.as_str()));
    html! {
        <section class="ww-lan-diff" data-before={x.to_string()} data-after={y.to_string()}>
            <h2>{ t(lang, "scene.lan.diff.title") }</h2>
            <p class="ww-lan-diff-frames">{ tf(lang, "scene.lan.diff.frames", &[&hop(x), &hop(y)]) }</p>
            <div class="ww-lan-diff-wrap">
                <table>
                    { head.clone() }
                    <tbody>{ for main.iter().map(|r| row(r)) }</tbody>
                </table>
            </div>
            <p class="ww-lan-diff-note">{ t(lang, "scene.lan.diff.note") }</p>
            <details class="ww-lan-diff-rest">
                <summary>{ tf(lang, "scene.lan.diff.rest", &[&rest.len().to_string()]) }</summary>
                <div class="ww-lan-diff-wrap">
                    <table>
                        { head }
                        <tbody>{ for rest.iter().map(|r| row(r)) }</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// The router's ARP on each side, and whether the client's MAC ever crossed.
fn router_panel(trace: &Trace, lang: Lang, step: usize, on_pick: Callback<usize>) -> Html {
    let arps = arp_by_link(trace);
    let client_mac = trace
        .hosts
        .iter()
        .find(|h| h.name == "client")
        .and_then(|h| h.macs.first().cloned())
        .unwrap_or_default();
    let crosses = trace
        .links
        .iter()
        .filter(|l| l.a != "client" && l.b != "client")
        .any(|l| mac_seen_on_link(trace, &client_mac, l.index));
    html! {
        <div class="ww-lan-router">
            <section class="ww-lan-arp">
                <h2>{ t(lang, "scene.lan.arp.title") }</h2>
                { for arps.iter().enumerate().map(|(side, (link, frames))| html! {
                    <div key={*link} class="ww-lan-arp-side" data-link={link.to_string()}>
                        <h3>{ tf(lang, "scene.lan.router.lan", &[&(side + 1).to_string(), ""]) }</h3>
                        <ul>
                            { for frames.iter().map(|&i| {
                                let f = &trace.frames[i];
                                let seen = frames_seen(trace, step, i);
                                let pick = { let on_pick = on_pick.clone(); Callback::from(move |_: MouseEvent| on_pick.emit(i)) };
                                html! {
                                    <li key={i} class={classes!(seen.then_some("is-seen"))} data-frame={i.to_string()}>
                                        <button type="button" class="ww-linkish" onclick={pick}>
                                            { tf(lang, "scene.lan.frame_item", &[&(i + 1).to_string(), &host_label(trace, lang, &f.from), &host_label(trace, lang, &f.to), &frame_label(f, lang)]) }
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                }) }
            </section>
            <p class={classes!("ww-lan-verdict", if crosses { "is-bad" } else { "is-good" })} data-verdict="no-cross">
                { tf(lang, if crosses { "scene.lan.router.crossed" } else { "scene.lan.router.no_cross" }, &[&client_mac]) }
            </p>
        </div>
    }
}

fn frames_seen(trace: &Trace, step: usize, frame: usize) -> bool {
    trace.frames_until(step).any(|f| f.index == frame)
}

/// The LAN scene.
#[function_component(LanScene)]
pub fn lan_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    let built = use_memo(props.params.clone(), |p| {
        build(p).map(|b| {
            let q = Rc::new(questions(&b.trace));
            (Rc::new(b), q)
        })
    });
    let selected = use_state_eq(|| None::<usize>);
    // Predict mode holds the player at an open question (a hook: called on every render).
    let (qs, last_step) = match &*built {
        Ok((b, q)) => (q.clone(), b.trace.events.len()),
        Err(_) => (Rc::new(Vec::new()), 0),
    };
    let predict = use_predict(props, qs, last_step);
    let (step, min, max) = (predict.step, predict.min, predict.max);
    let narrow = use_narrow();
    let squarish = use_media(SQUARISH);
    let wide_slide = use_media(WIDE_SLIDE) && props.embed;
    let built = match &*built {
        Ok((b, _)) => b.clone(),
        Err(e) => {
            return html! { <p class="ww-error" role="alert">{ error_message(lang, e) }</p> };
        }
    };
    let trace = built.trace.clone();
    let view = built.view;
    // A slide's box is a little wider than tall: the upright (phone) layout spread
    // sideways fills it (the wide one left a third of it blank above and below, the
    // upright one about 110 px on each side at 960×540).
    // A 4:3 frame (1024×768) gives the switch the wide drawing across the frame, its MAC
    // table and explanation under it side by side: the upright one beside them, bound by
    // the column's width, left 270-370 px blank under the explanation. A large 16:9 frame
    // (1280×720) gives the storm a broader drawing: the slide's, bound by the height of a box
    // shortened by the en explanation under it, left 79 px blank on each side.
    let shape = match (narrow, props.embed) {
        (true, _) => Shape::Upright,
        (false, true) if squarish && view == View::Switch => Shape::Across,
        (false, true) if wide_slide && view == View::Storm => Shape::Broad,
        (false, true) => Shape::Slide,
        (false, false) => Shape::Wide,
    };
    let pulled = built.scenario.params.storm_pulled;
    let udp = built.scenario.params.router_udp;

    let on_step = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |s: usize| dispatch.emit(PageAction::SetStep(Some(s))))
    };
    let set = {
        let dispatch = props.dispatch.clone();
        let selected = selected.clone();
        Rc::new(move |pairs: Vec<(&'static str, Option<String>)>| {
            selected.set(None);
            for (k, v) in pairs {
                dispatch.emit(PageAction::SetParam(k.to_owned(), v));
            }
            dispatch.emit(PageAction::SetStep(None));
        })
    };
    let view_tab = |v: View| {
        let set = set.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            set(vec![
                ("storm.pulled", None),
                ("router.udp", None),
                ("view", (v != View::Switch).then(|| v.slug().to_owned())),
            ]);
        });
        html! {
            <button key={v.slug()} type="button" role="tab" class={classes!("ww-lan-tab", (v == view).then_some("is-active"))}
                    aria-selected={(v == view).to_string()} data-view={v.slug()} {onclick}>{ t(lang, v.label_key()) }</button>
        }
    };
    let pc_select = |key: &'static str, label: &'static str, current: usize, other: usize| {
        let set = set.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                let n: usize = v.parse().unwrap_or(1);
                let mut pairs = vec![(key, Some(v.clone()))];
                if n == other {
                    // Picking the other end's PC swaps the two.
                    let other_key = if key == "sender" {
                        "receiver"
                    } else {
                        "sender"
                    };
                    pairs.push((other_key, Some(current.to_string())));
                }
                set(pairs);
            }
        });
        let id = format!("lan-{key}");
        html! {
            <div class="ww-field-input">
                <label for={id.clone()}>{ t(lang, label) }</label>
                <select {id} {onchange}>
                    { for (1..=PCS).map(|n| html! {
                        <option key={n} value={n.to_string()} selected={n == current}>
                            { format!("{} ({})", tf(lang, "scene.lan.pc", &[&n.to_string()]), model::PC_IDS[n - 1].0) }
                        </option>
                    }) }
                </select>
            </div>
        }
    };
    let toggle_pull = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| {
            set(vec![("storm.pulled", (!pulled).then(|| "true".to_owned()))]);
        })
    };
    let udp_change = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                set(vec![(
                    "router.udp",
                    (v == "udp").then(|| "true".to_owned()),
                )]);
            }
        })
    };
    let on_pick = {
        let selected = selected.clone();
        let dispatch = props.dispatch.clone();
        let frame_event = built.frame_event.clone();
        Callback::from(move |i: usize| {
            selected.set(Some(i));
            if let Some(&e) = frame_event.get(i) {
                dispatch.emit(PageAction::SetStep(Some(e + 1)));
            }
        })
    };
    let errors: Vec<String> = built
        .errors
        .iter()
        .map(|(k, e)| format!("{k}: {}", error_message(lang, e)))
        .collect();
    let now_us = step
        .checked_sub(1)
        .and_then(|i| trace.events.get(i))
        .map_or(0, |e| e.time_us);
    let shown_frame = (*selected)
        .filter(|&i| frames_seen(&trace, step, i))
        .or_else(|| current_frame(&trace, step))
        .or_else(|| trace.frames_until(step).last().map(|f| f.index));
    // Every node a frame leaves or reaches, by the name the drawing gives it.
    let mut nodes: Vec<&str> = trace
        .frames
        .iter()
        .flat_map(|f| [f.from.as_str(), f.to.as_str()])
        .collect();
    nodes.sort_unstable();
    nodes.dedup();
    let host_names = Rc::new(
        nodes
            .into_iter()
            .map(|n| (n.to_owned(), host_label(&trace, lang, n)))
            .collect::<Vec<_>>(),
    );
    let lesson_key = match view {
        View::Switch => "scene.lan.lesson.switch",
        View::Storm => "scene.lan.lesson.storm",
        View::Router => "scene.lan.lesson.router",
    };
    let lesson = html! { <p class="ww-lan-lesson">{ t(lang, lesson_key) }</p> };
    // The switch view's side column holds one short MAC table: its lesson goes under the
    // table, so the two columns end near each other instead of the table standing alone
    // beside the drawing and its lesson.
    let side = match view {
        View::Switch => html! { <>{ mac_tables(&trace, lang, step) }{ lesson.clone() }</> },
        View::Storm => {
            html! { <>{ storm_chart(&trace, built.other.as_deref(), lang, step, wide_slide, squarish && props.embed) }{ mac_tables(&trace, lang, step) }</> }
        }
        View::Router => router_panel(&trace, lang, step, on_pick),
    };

    html! {
        <div class={classes!("ww-lan", props.embed.then_some("is-embed"))} data-view={view.slug()}
             role="region" aria-label={t(lang, "scene.lan.title")}>
            if !props.embed {
                <h1 id="scene-title" class="ww-scene-title">{ t(lang, "scene.lan.title") }</h1>
                <p class="ww-scene-intro">{ t(lang, "scene.lan.intro") }</p>
                <div class="ww-lan-tabs" role="tablist" aria-label={t(lang, "scene.lan.view.label")}>
                    { for View::ALL.into_iter().map(view_tab) }
                </div>
                <form class="ww-lan-controls" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    if view == View::Switch {
                        { pc_select("sender", "scene.lan.field.sender", built.sender, built.receiver) }
                        { pc_select("receiver", "scene.lan.field.receiver", built.receiver, built.sender) }
                    }
                    if view == View::Storm {
                        <button type="button" id="lan-pull" class={classes!("ww-btn", pulled.then_some("is-on"))} aria-pressed={pulled.to_string()} onclick={toggle_pull.clone()}>
                            { t(lang, if pulled { "scene.lan.storm.replug" } else { "scene.lan.storm.pull" }) }
                        </button>
                    }
                    if view == View::Router {
                        <div class="ww-field-input">
                            <label for="lan-transport">{ t(lang, "scene.lan.field.transport") }</label>
                            <select id="lan-transport" onchange={udp_change}>
                                <option value="tcp" selected={!udp}>{ "TCP" }</option>
                                <option value="udp" selected={udp}>{ "UDP" }</option>
                            </select>
                        </div>
                    }
                    { for errors.iter().map(|e| html! { <p class="ww-field-error" role="alert">{ e.clone() }</p> }) }
                    <PredictSwitch {lang} on={props.predict} dispatch={props.dispatch.clone()} />
                </form>
            }
            <Player {lang} {step} {min} {max} stop={predict.stop} time_us={Some(now_us)} {on_step} />
            { predict.panel }
            <div class="ww-narration" role="status" aria-live="polite">
                { for narration(&trace, step, lang).iter().map(|s| html! { <p>{ s }</p> }) }
            </div>
            <div class="ww-lan-main">
                <div class="ww-lan-stage" data-swipe="step">
                    <div class="ww-lan-scroll" tabindex="0" role="region" aria-label={t(lang, "scene.lan.topology")}>{ topology(&trace, &built, lang, step, pulled, (!props.embed).then_some(toggle_pull), shape) }</div>
                    <FrameList {lang} trace={trace.clone()} cursor={step} names={host_names}
                               title={t(lang, "scene.lan.topology")} />
                    if view != View::Switch {
                        { lesson }
                    }
                </div>
                <div class="ww-lan-side">{ side }</div>
            </div>
            if view == View::Router {
                { router_diff(&trace, lang, step) }
            }
            if !props.embed {
                <section class="ww-lan-inspector" aria-labelledby="lan-inspector-title">
                    <h2 id="lan-inspector-title">{ t(lang, "scene.lan.inspector.title") }</h2>
                    if let Some(f) = shown_frame.and_then(|i| trace.frames.get(i)) {
                        <p class="ww-lan-inspector-which">{ format!("#{} {}\u{a0}→ {}", f.index + 1, host_label(&trace, lang, &f.from), host_label(&trace, lang, &f.to)) }</p>
                        <Inspector {lang} frame={f.clone()} />
                    } else {
                        <p class="ww-inspector-empty">{ t(lang, "scene.lan.inspector.hint") }</p>
                    }
                </section>
            }
        </div>
    }
}
