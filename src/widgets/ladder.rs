//! The ladder (sequence) diagram: two lifelines, one arrow per frame, state changes
//! written beside the lifelines, ARP broadcasts dashed, dropped frames crossed out
//! half-way, retransmissions marked. Rows follow trace order (not time: an RTO of a
//! second beside a 1 ms hop would squash everything else).

use crate::i18n::{t, t_dyn, tf, Lang};
use crate::widgets::frame_text::{frame_label, payload_text, retransmission_timeout_us};
use std::rc::Rc;
use wirewalk_engine::trace::{EventKind, Trace};
use yew::prelude::*;

/// Diagram width in SVG units.
pub const WIDTH: f64 = 600.0;
/// Left lifeline x.
pub const LEFT_X: f64 = 120.0;
/// Right lifeline x.
pub const RIGHT_X: f64 = 480.0;
const TOP: f64 = 56.0;

/// The diagram's style sheet (`styles/ladder.css`, linked by the page). The SVG export
/// embeds the same text, so an exported SVG looks the same standalone; it is not put
/// inside the live SVG, where the content security policy would refuse an inline style.
pub const STYLE: &str = include_str!("../../styles/ladder.css");
const ROW: f64 = 56.0;
const SLOPE: f64 = 24.0;

/// Props of the ladder.
#[derive(Clone, PartialEq, Properties)]
pub struct LadderProps {
    /// Display language.
    pub lang: Lang,
    /// The trace drawn.
    pub trace: Rc<Trace>,
    /// For each frame, the index of its event.
    pub frame_event: Rc<Vec<usize>>,
    /// Events applied.
    pub cursor: usize,
    /// Frame shown in the inspector.
    pub selected: Option<usize>,
    /// A frame arrow was clicked (or activated with the keyboard).
    pub on_select: Callback<usize>,
    /// Host drawn on the left.
    pub left: AttrValue,
    /// Host drawn on the right.
    pub right: AttrValue,
}

/// The y of a row's arrow start.
fn row_y(row: usize) -> f64 {
    TOP + row as f64 * ROW + 18.0
}

/// The note under a lost or retransmitted frame: which timeout fired, and whether it
/// was lost (again).
fn ladder_note(trace: &Trace, i: usize, dropped: bool, retrans: bool, lang: Lang) -> String {
    let lost = t(lang, "scene.tcp.ladder.lost");
    let rto = retrans.then(|| {
        let secs = retransmission_timeout_us(trace, i).map_or(0.0, |us| us as f64 / 1e6);
        tf(lang, "scene.tcp.ladder.rto", &[&format!("{secs:.3}")])
    });
    match (rto, dropped) {
        (Some(r), true) => format!("{r} · {lost}"),
        (Some(r), false) => r,
        (None, _) => lost.to_owned(),
    }
}

/// The ladder diagram.
#[function_component(Ladder)]
pub fn ladder(props: &LadderProps) -> Html {
    let LadderProps {
        lang,
        trace,
        frame_event,
        cursor,
        selected,
        left,
        right,
        ..
    } = props;
    let lang = *lang;
    let rows = trace.frames.len();
    let height = row_y(rows) + 20.0;
    let side_x = |host: &str| {
        if host == left.as_str() {
            LEFT_X
        } else if host == right.as_str() {
            RIGHT_X
        } else {
            (LEFT_X + RIGHT_X) / 2.0
        }
    };
    let current_frame = cursor
        .checked_sub(1)
        .and_then(|i| trace.events.get(i))
        .and_then(|e| match e.kind {
            EventKind::Frame { frame } => Some(frame),
            _ => None,
        });

    // State changes, written beside the lifeline between the frames they fall between.
    let mut frames_seen = 0usize;
    let mut states = Vec::new();
    for (i, e) in trace.events.iter().enumerate() {
        match &e.kind {
            EventKind::Frame { .. } => frames_seen += 1,
            EventKind::StateChange { host, to, .. } => {
                states.push((i, frames_seen, host.clone(), to.name()))
            }
            _ => {}
        }
    }

    let arrows = trace.frames.iter().enumerate().map(|(i, f)| {
        let ev = frame_event.get(i).copied().unwrap_or(usize::MAX);
        let shown = ev < *cursor;
        let x1 = side_x(&f.from);
        let x2 = side_x(&f.to);
        let y1 = row_y(i);
        let (xe, ye) = if f.dropped { ((x1 + x2) / 2.0, y1 + SLOPE / 2.0) } else { (x2, y1 + SLOPE) };
        let role = f.role.map(|r| r.as_str()).unwrap_or_default();
        let broadcast = f.annotated.as_ref().is_some_and(|a| a.summary.broadcast);
        let retrans = role.contains("retransmission");
        let class = classes!(
            "ww-arrow",
            (x2 < x1).then_some("is-leftward"),
            broadcast.then_some("is-broadcast"),
            f.dropped.then_some("is-dropped"),
            retrans.then_some("is-retrans"),
            (!shown).then_some("is-future"),
            (current_frame == Some(i)).then_some("is-current"),
            (*selected == Some(i)).then_some("is-selected"),
            format!("role-{}", role.replace('*', "")),
        );
        let label = frame_label(f, lang);
        let payload = payload_text(f).map(|p| {
            let short: String = p.chars().take(24).collect();
            if p.chars().count() > 24 { format!("“{short}…”") } else { format!("“{short}”") }
        });
        let role_name = t_dyn(lang, &format!("role.{role}"));
        let mx = (x1 + x2) / 2.0;
        let on_select = props.on_select.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_select.emit(i));
        let on_select = props.on_select.clone();
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                on_select.emit(i);
            }
        });
        let aria = format!("{} {}: {}", i + 1, role_name, label);
        html! {
            <g key={i} class={class} data-frame={i.to_string()} data-role={role}
               tabindex={if shown { "0" } else { "-1" }} role="button" aria-label={aria}
               aria-hidden={(!shown).then_some("true")} {onclick} {onkeydown}>
                <title>{ format!("#{} {} · {}", i + 1, role_name, label) }</title>
                <line class="ww-arrow-hit" x1={x1.to_string()} y1={y1.to_string()} x2={xe.to_string()} y2={ye.to_string()} />
                <line class="ww-arrow-line" x1={x1.to_string()} y1={y1.to_string()} x2={xe.to_string()} y2={ye.to_string()}
                      marker-end={(!f.dropped).then_some("url(#ww-head)")} pathLength="100" />
                if f.dropped {
                    <g class="ww-drop-x">
                        <line x1={(xe - 7.0).to_string()} y1={(ye - 7.0).to_string()} x2={(xe + 7.0).to_string()} y2={(ye + 7.0).to_string()} />
                        <line x1={(xe - 7.0).to_string()} y1={(ye + 7.0).to_string()} x2={(xe + 7.0).to_string()} y2={(ye - 7.0).to_string()} />
                    </g>
                }
                <text class="ww-arrow-label" x={mx.to_string()} y={(y1 - 5.0).to_string()} text-anchor="middle">
                    { if retrans { format!("↻ {label}") } else { label } }
                </text>
                if let Some(p) = payload {
                    <text class="ww-arrow-payload" x={mx.to_string()} y={(y1 + SLOPE + 4.0).to_string()} text-anchor="middle">{ p }</text>
                }
                if retrans || f.dropped {
                    <text class="ww-arrow-note" x={(if x2 > x1 { x1 + 6.0 } else { x1 - 6.0 }).to_string()} y={(y1 + SLOPE + 16.0).to_string()}
                          text-anchor={if x2 > x1 { "start" } else { "end" }}>
                        { ladder_note(trace, i, f.dropped, retrans, lang) }
                    </text>
                }
            </g>
        }
    });

    let state_marks = states.iter().map(|(ev, row, host, name)| {
        let shown = *ev < *cursor;
        let on_left = host == left.as_str();
        let x = if on_left { LEFT_X - 8.0 } else { RIGHT_X + 8.0 };
        let y = row_y(*row) - 2.0 - if *row > 0 { ROW * 0.35 } else { 14.0 };
        let current = cursor.checked_sub(1) == Some(*ev);
        html! {
            <text key={format!("s{ev}")} class={classes!("ww-state-mark", (!shown).then_some("is-future"), current.then_some("is-current"))}
                  x={x.to_string()} y={y.to_string()} text-anchor={if on_left { "end" } else { "start" }}>
                { *name }
            </text>
        }
    });

    let host_label = |host: &str| match host {
        "client" => t(lang, "scene.tcp.client"),
        "server" => t(lang, "scene.tcp.server"),
        _ => "",
    };
    let ip_of = |host: &str| {
        trace
            .hosts
            .iter()
            .find(|h| h.name == host)
            .and_then(|h| h.ips.first())
            .map(|ip| ip.split('/').next().unwrap_or("").to_owned())
            .unwrap_or_default()
    };
    html! {
        <svg class="ww-ladder" viewBox={format!("0 0 {WIDTH} {height}")} role="group"
             aria-label={t(lang, "scene.tcp.ladder.title")} xmlns="http://www.w3.org/2000/svg">
            <defs>
                <marker id="ww-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" class="ww-head" />
                </marker>
            </defs>
            <text class="ww-host-name" x={LEFT_X.to_string()} y="18" text-anchor="middle">{ host_label(left) }</text>
            <text class="ww-host-ip" x={LEFT_X.to_string()} y="34" text-anchor="middle">{ ip_of(left) }</text>
            <text class="ww-host-name" x={RIGHT_X.to_string()} y="18" text-anchor="middle">{ host_label(right) }</text>
            <text class="ww-host-ip" x={RIGHT_X.to_string()} y="34" text-anchor="middle">{ ip_of(right) }</text>
            <line class="ww-lifeline" x1={LEFT_X.to_string()} y1="42" x2={LEFT_X.to_string()} y2={height.to_string()} />
            <line class="ww-lifeline" x1={RIGHT_X.to_string()} y1="42" x2={RIGHT_X.to_string()} y2={height.to_string()} />
            { for state_marks }
            { for arrows }
        </svg>
    }
}
