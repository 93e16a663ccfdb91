//! The addresses scene's 4-tuple section: two clients typed by the student, both
//! connected to the same server port through the engine, told apart by their frames.

use super::model::{self, *};
use super::PageAction;
use super::{text_input, SectionProps};
use crate::i18n::{t, tf};
use crate::platform;
use crate::scenes::params::LastRun;
use crate::widgets::narrow::use_narrow;
use crate::widgets::num::short;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The 4-tuple: two clients connected to the same server port, from two engine runs.
#[function_component(TupleSection)]
pub(super) fn tuple_section(props: &SectionProps) -> Html {
    let narrow = use_narrow();
    let lang = props.lang;
    let drafts = use_state_eq(BTreeMap::<String, (String, String)>::new);
    // A typed value's check runs the engine once; the rebuild from the URL takes that run.
    let last = use_memo((), |()| LastRun::default());
    let pair = {
        let last = last.clone();
        use_memo(props.params.clone(), move |p| {
            build_pair_with(p, &last).map(Rc::new)
        })
    };
    let pair = match &*pair {
        Ok(p) => p.clone(),
        Err(e) => {
            return html! { <p class="ww-error" role="alert">{ crate::i18n::error_message(lang, e) }</p> }
        }
    };
    let field = |key: &'static str, label: &'static str, current: String, auto: Option<u16>| {
        let (value, error) = match drafts.get(key) {
            Some((v, e)) => (v.clone(), Some(e.clone())),
            None => (current, pair_error(&pair, key, lang)),
        };
        let oninput = {
            let drafts = drafts.clone();
            let dispatch = props.dispatch.clone();
            let params = props.params.clone();
            let last = last.clone();
            Callback::from(move |e: InputEvent| {
                let Some(v) = platform::field_value(&e) else {
                    return;
                };
                let mut d = (*drafts).clone();
                match check_client(&params, key, &v, &last) {
                    Ok(()) => {
                        d.remove(key);
                        drafts.set(d);
                        dispatch.emit(PageAction::SetParam(key.to_owned(), Some(v)));
                    }
                    Err(err) => {
                        d.insert(key.to_owned(), (v, crate::i18n::error_message(lang, &err)));
                        drafts.set(d);
                    }
                }
            })
        };
        let id = format!("addr-{}", key.replace('.', "-"));
        text_input(
            &id,
            t(lang, label),
            value,
            error,
            oninput,
            key.ends_with("port"),
            "is-tuple",
            auto.map(|p| tf(lang, "scene.addresses.tuple.auto", &[&p.to_string()])),
        )
    };
    let p = &props.params;
    let [a, b] = &pair.conns;
    let ok = distinct(&pair);
    let cells = |c: &model::Conn, other: &model::Conn| {
        let d_ip = c.client_ip != other.client_ip;
        let d_port = c.client_port != other.client_port;
        html! {
            <>
                <td class={classes!("ww-mono", d_ip.then_some("is-diff"))} data-label={t(lang, "scene.addresses.tuple.col_src_ip")}>{ c.client_ip.clone() }</td>
                <td class={classes!("ww-mono", d_port.then_some("is-diff"))} data-label={t(lang, "scene.addresses.tuple.col_src_port")}>{ c.client_port.to_string() }</td>
                <td class="ww-mono" data-label={t(lang, "scene.addresses.tuple.col_dst_ip")}>{ c.server_ip.clone() }</td>
                <td class="ww-mono" data-label={t(lang, "scene.addresses.tuple.col_dst_port")}>{ c.server_port.to_string() }</td>
            </>
        }
    };
    // Wide: the two clients on the left, the server on the right. Narrow (phones): the
    // clients side by side above the server, a gap between them, each address on two
    // lines (IP, then :port), so the boxes keep readable type and their text a margin.
    let (bw, bh) = if narrow { (140.0, 70.0) } else { (190.0, 52.0) };
    let box_text = |x: f64, y: f64, name: String, ip: &str, port: u16, class: &'static str| {
        let cx = short(x + bw / 2.0);
        html! {
            <g class={classes!("ww-tuple-node", class)}>
                <rect x={short(x)} y={short(y)} width={short(bw)} height={short(bh)} rx="8" />
                <text x={cx.clone()} y={short(y + 21.0)} text-anchor="middle" class="ww-tuple-name">{ name }</text>
                if narrow {
                    <text x={cx.clone()} y={short(y + 41.0)} text-anchor="middle" class="ww-tuple-addr">{ ip.to_owned() }</text>
                    <text x={cx} y={short(y + 60.0)} text-anchor="middle" class="ww-tuple-addr">{ format!(":{port}") }</text>
                } else {
                    <text x={cx} y={short(y + 41.0)} text-anchor="middle" class="ww-tuple-addr">{ format!("{ip}:{port}") }</text>
                }
            </g>
        }
    };
    let (view, a_at, b_at, s_at, a_line, b_line) = if narrow {
        (
            "0 0 300 196",
            (4.0, 2.0),
            (156.0, 2.0),
            (80.0, 124.0),
            (74.0, 72.0, 130.0, 124.0),
            (226.0, 72.0, 170.0, 124.0),
        )
    } else {
        (
            "0 0 560 150",
            (10.0, 10.0),
            (10.0, 88.0),
            (360.0, 49.0),
            (200.0, 36.0, 360.0, 75.0),
            (200.0, 114.0, 360.0, 75.0),
        )
    };
    let line = |(x1, y1, x2, y2): (f64, f64, f64, f64), class: &'static str| {
        html! { <line class={classes!("ww-tuple-link", class)} x1={short(x1)} y1={short(y1)} x2={short(x2)} y2={short(y2)} /> }
    };
    html! {
        <section class="ww-addr-card ww-addr-tuple" aria-labelledby="addr-tuple-title" data-distinct={ok.to_string()}>
            <h2 id="addr-tuple-title">{ t(lang, "scene.addresses.tuple.title") }</h2>
            <p class="ww-addr-lead">{ t(lang, "scene.addresses.tuple.lead") }</p>
            if !props.embed {
                <div class="ww-tuple-fields">
                    { field("a.ip", "scene.addresses.tuple.a_ip", p.get("a.ip").cloned().unwrap_or_else(|| a.client_ip.clone()), None) }
                    { field("a.port", "scene.addresses.tuple.a_port", p.get("a.port").cloned().unwrap_or_default(), Some(a.client_port)) }
                    { field("b.ip", "scene.addresses.tuple.b_ip", p.get("b.ip").cloned().unwrap_or_else(|| b.client_ip.clone()), None) }
                    { field("b.port", "scene.addresses.tuple.b_port", p.get("b.port").cloned().unwrap_or_default(), Some(b.client_port)) }
                </div>
                <p class="ww-addr-hint">{ t(lang, "scene.addresses.tuple.port_hint") }</p>
            }
            <svg class={classes!("ww-tuple-svg", narrow.then_some("is-narrow"))} viewBox={view} role="img" aria-label={t(lang, "scene.addresses.tuple.svg_label")}>
                { line(a_line, "is-a") }
                { line(b_line, "is-b") }
                { box_text(a_at.0, a_at.1, t(lang, "scene.addresses.tuple.client_a").to_owned(), &a.client_ip, a.client_port, "is-a") }
                { box_text(b_at.0, b_at.1, t(lang, "scene.addresses.tuple.client_b").to_owned(), &b.client_ip, b.client_port, "is-b") }
                { box_text(s_at.0, s_at.1, t(lang, "scene.addresses.tuple.server").to_owned(), &a.server_ip, a.server_port, "is-server") }
            </svg>
            <div class="ww-table-wrap" tabindex="0" role="region" aria-labelledby="addr-tuple-title">
                <table class="ww-tuple-table">
                    <thead><tr>
                        <th></th>
                        <th>{ t(lang, "scene.addresses.tuple.col_src_ip") }</th>
                        <th>{ t(lang, "scene.addresses.tuple.col_src_port") }</th>
                        <th>{ t(lang, "scene.addresses.tuple.col_dst_ip") }</th>
                        <th>{ t(lang, "scene.addresses.tuple.col_dst_port") }</th>
                    </tr></thead>
                    <tbody>
                        <tr data-client="a" data-tuple={tuple_text(a)}><th>{ "A" }</th>{ cells(a, b) }</tr>
                        <tr data-client="b" data-tuple={tuple_text(b)}><th>{ "B" }</th>{ cells(b, a) }</tr>
                    </tbody>
                </table>
            </div>
            <p class="ww-addr-hint">{ t(lang, "scene.addresses.tuple.from_frames") }</p>
            // "#\u{a0}A\u{a0}→": a narrow pane wraps before the comment, not after its "#".
            <pre class="ww-tuple-accept">{ format!("conn, addr = server.accept()   #\u{a0}A\u{a0}→ {}\nconn, addr = server.accept()   #\u{a0}B\u{a0}→ {}", a.accept, b.accept) }</pre>
            <p class={classes!("ww-tuple-verdict", (!ok).then_some("is-bad"))} role="status">{ difference_sentence(&pair, lang) }</p>
        </section>
    }
}
