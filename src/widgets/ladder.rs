//! The ladder (sequence) diagram: two lifelines, one arrow per frame, state changes
//! written beside the lifelines, ARP broadcasts dashed, dropped frames crossed out
//! half-way, retransmissions marked. Rows follow trace order (not time: an RTO of a
//! second beside a 1 ms hop would squash everything else).

use crate::i18n::{t, t_dyn, tf, Lang};
use crate::widgets::frame_text::{frame_label, payload_text, retransmission_timeout_us};
use crate::widgets::num::{ratio, short};
use std::rc::Rc;
use wirewalk_engine::trace::{EventKind, Trace};
use yew::prelude::*;

/// The ladder's geometry in SVG units: wide (desktop, projector) or narrow (phones,
/// where the drawing is about as many CSS pixels wide as it has units, so 14-unit type
/// renders at a readable size and the host names sit at the edges, outside the lifelines).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Diagram width.
    pub width: f64,
    /// Left lifeline x.
    pub left_x: f64,
    /// Right lifeline x.
    pub right_x: f64,
    /// Top of the first row.
    top: f64,
    /// Height of a row with one line of text (its label).
    row: f64,
    /// Height of each further line under an arrow (payload, timeout note).
    line: f64,
    /// How far an arrow drops from one lifeline to the other.
    slope: f64,
    /// How far under the arrow's end the payload's baseline sits. The payload is centred
    /// under the sloping arrow, so its top must clear the arrow's stroke over its whole
    /// width: the phone's 14 px type needs more room than the desktop's 11 px.
    under: f64,
    /// Host names and state changes drawn inside the lifelines (narrow) or outside.
    inside: bool,
    /// Widest label on one line, in half-width character cells (a CJK character takes
    /// two) at the geometry's type size; a wider one takes two lines.
    label_cells: usize,
}

/// The desktop ladder.
pub const WIDE: Geometry = Geometry {
    width: 600.0,
    left_x: 120.0,
    right_x: 480.0,
    top: 56.0,
    row: 56.0,
    line: 14.0,
    slope: 24.0,
    under: 4.0,
    inside: false,
    // 11.5 px monospace type, about 7 units a cell: 48 cells leave 18 units or more on
    // each side between lifelines 360 units apart (the en ARP request's 52 cells ran
    // to within 2 px of both).
    label_cells: 48,
};

/// The ladder of a slide, drawn a few rows at a time ([`LadderProps::window`]): the
/// desktop's lines with room for larger type (`styles/ladder.css`, `.is-window`), as the
/// drawing is scaled to the slide's frame.
pub const SLIDE: Geometry = Geometry {
    width: 600.0,
    left_x: 120.0,
    right_x: 480.0,
    top: 60.0,
    row: 62.0,
    line: 18.0,
    slope: 24.0,
    under: 4.0,
    inside: false,
    // 14 px type between lifelines 360 units apart.
    label_cells: 40,
};

/// The phone ladder (`styles/ladder.css` gives `.is-narrow` its larger type).
pub const NARROW: Geometry = Geometry {
    width: 360.0,
    left_x: 30.0,
    right_x: 330.0,
    // The top row's state names are written at the lifelines under the host addresses
    // (14 px type): 76 leaves them about 14 px apart (64 left 2 px, one crammed stack).
    top: 76.0,
    row: 72.0,
    line: 18.0,
    slope: 20.0,
    under: 9.0,
    inside: true,
    label_cells: 38,
};

/// Rows a phone draws at once (the played ones just before the current frame, the
/// current one, the next one faint): the whole ladder, 1,000–1,400 px of mostly future
/// arrows, put the player and the narration far from the current arrow. A cue under the
/// drawing counts the frames left out, and a button draws them all.
pub const PHONE_ROWS: usize = 4;

/// The diagram's style sheet (`styles/ladder.css`, linked by the page). The SVG export
/// embeds the same text, so an exported SVG looks the same standalone; it is not put
/// inside the live SVG, where the content security policy would refuse an inline style.
pub const STYLE: &str = include_str!("../../styles/ladder.css");

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
    /// Phone layout ([`NARROW`]) instead of [`WIDE`].
    #[prop_or_default]
    pub narrow: bool,
    /// Draw at most this many rows, around the current frame (a slide, where the whole
    /// ladder would be scaled down to unreadable type). `None` draws every row.
    #[prop_or_default]
    pub window: Option<usize>,
    /// Label the frames not played yet too, greyed (a loaded capture, where nothing is
    /// to be predicted: its many unlabelled arrows under the current one said nothing).
    #[prop_or_default]
    pub preview: bool,
    /// Draw every row whatever the layout: an export is being taken (a phone shows a few
    /// rows, and the exported diagram must hold the whole exchange).
    #[prop_or_default]
    pub all_rows: bool,
}

/// The rows drawn, `first..end`, when at most `size` of `total` rows fit: the last frame
/// shown (`shown` frames are) sits second from the bottom, so the next frame shows
/// faintly under it, and the window never runs past either end.
#[must_use]
pub fn window_rows(total: usize, shown: usize, size: Option<usize>) -> (usize, usize) {
    match size {
        Some(n) if n > 0 && n < total => {
            let first = (shown + 1).saturating_sub(n).min(total - n);
            (first, first + n)
        }
        _ => (0, total),
    }
}

/// Extra text lines of a frame's row: its payload and its timeout/loss note under the
/// arrow, and a second label line over it when the label is too long for the geometry.
fn extra_lines(trace: &Trace, i: usize, g: Geometry, lang: Lang) -> usize {
    let f = &trace.frames[i];
    let retrans = f
        .role
        .is_some_and(|r| r.as_str().contains("retransmission"));
    let split = is_split(trace, i, g, lang);
    usize::from(payload_text(f).is_some()) + usize::from(retrans || f.dropped) + usize::from(split)
}

/// A frame's label as drawn: retransmissions marked with ↻.
fn shown_label(f: &wirewalk_engine::trace::Frame, lang: Lang) -> String {
    let label = frame_label(f, lang);
    let retrans = f
        .role
        .is_some_and(|r| r.as_str().contains("retransmission"));
    if retrans {
        format!("↻ {label}")
    } else {
        label
    }
}

/// Whether row `i`'s label takes two lines.
fn is_split(trace: &Trace, i: usize, g: Geometry, lang: Lang) -> bool {
    trace
        .frames
        .get(i)
        .is_some_and(|f| split_label(&shown_label(f, lang), g).1.is_some())
}

/// Width of `s` in half-width character cells.
fn cells(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A label as one line, or two lines split at the space nearest its middle when it is
/// wider than the geometry allows (narrow and slide only). A label with no space stays whole.
fn split_label(label: &str, g: Geometry) -> (String, Option<String>) {
    if cells(label) <= g.label_cells {
        return (label.to_owned(), None);
    }
    let half = cells(label) / 2;
    let mut best: Option<(usize, usize)> = None;
    let mut at = 0usize;
    for (i, c) in label.char_indices() {
        if c == ' ' {
            let d = at.abs_diff(half);
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((i, d));
            }
        }
        at += cells(c.encode_utf8(&mut [0; 4]));
    }
    match best {
        Some((i, _)) => (
            label[..i].trim_end().to_owned(),
            Some(label[i..].trim_start().to_owned()),
        ),
        None => (label.to_owned(), None),
    }
}

/// Each state change: its event's index, the row it is written above (the number of
/// frames sent before it), its host and the state entered. A frame sent at the same
/// instant, though listed earlier, does not count: at time 0 the server's listen()
/// returns after the client's ARP request is listed, yet LISTEN comes before any frame
/// has arrived, so it is written at the top of the server's lifeline, not where the
/// ARP request arrives.
fn state_rows(trace: &Trace) -> Vec<(usize, usize, &str, &'static str)> {
    let mut sent: Vec<u64> = Vec::new();
    let mut out = Vec::new();
    for (i, e) in trace.events.iter().enumerate() {
        match &e.kind {
            EventKind::Frame { .. } => sent.push(e.time_us),
            EventKind::StateChange { host, to, .. } => {
                let row = sent.iter().filter(|&&t| t < e.time_us).count();
                out.push((i, row.min(trace.frames.len()), host.as_str(), to.name()));
            }
            _ => {}
        }
    }
    out
}

/// For each row (and the end, after the last frame), the most state changes one host
/// makes between the frame before it and its own: each is written on its own line.
fn mark_lines(trace: &Trace) -> Vec<usize> {
    let mut out = vec![0; trace.frames.len() + 1];
    // Rows never go back (frames are listed in time order): count each host's run.
    let mut run: Vec<(usize, &str, usize)> = Vec::new();
    for (_, row, host, _) in state_rows(trace) {
        run.retain(|r| r.0 == row);
        let n = match run.iter_mut().find(|r| r.1 == host) {
            Some(r) => {
                r.2 += 1;
                r.2
            }
            None => {
                run.push((row, host, 1));
                1
            }
        };
        out[row] = out[row].max(n);
    }
    out
}

/// How far row `i`'s arrow sits below the top of its row: a second label line, and one
/// line for each further state change of one host written above it.
fn row_lead(trace: &Trace, i: usize, g: Geometry, lang: Lang, marks: &[usize]) -> f64 {
    let split = usize::from(is_split(trace, i, g, lang));
    let stacked = marks.get(i).map_or(0, |n| n.saturating_sub(1));
    g.line * (split + stacked) as f64
}

/// The y of each row's arrow start, and the diagram's height. A row grows by one line
/// for each text under its arrow, so a timeout note never runs into the next arrow, and
/// by one line for each further state change of a host written above it.
pub fn row_ys(trace: &Trace, g: Geometry, lang: Lang) -> (Vec<f64>, f64) {
    let marks = mark_lines(trace);
    let mut ys = Vec::with_capacity(trace.frames.len() + 1);
    let mut y = g.top + 18.0;
    for i in 0..trace.frames.len() {
        let split = is_split(trace, i, g, lang);
        // A label on two lines pushes its own arrow down by one line.
        y += row_lead(trace, i, g, lang, &marks);
        ys.push(y);
        y += g.row + g.line * (extra_lines(trace, i, g, lang) - usize::from(split)) as f64;
    }
    y += row_lead(trace, trace.frames.len(), g, lang, &marks);
    ys.push(y);
    (ys, y + 2.0)
}

/// The note under a lost or retransmitted frame: which timeout fired, and whether it
/// was lost (again).
fn ladder_note(trace: &Trace, i: usize, dropped: bool, retrans: bool, lang: Lang) -> String {
    let lost = t(lang, "scene.tcp.ladder.lost");
    let rto = retrans.then(|| {
        let secs = ratio(retransmission_timeout_us(trace, i).unwrap_or(0), 6, 3);
        tf(lang, "scene.tcp.ladder.rto", &[&secs])
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
        narrow,
        window,
        preview,
        all_rows,
        ..
    } = props;
    let lang = *lang;
    // A phone shows a few rows around the current frame, unless asked for all of them.
    let all = use_state_eq(|| false);
    let phone = *narrow && window.is_none();
    let rows = if phone && !*all && !*all_rows {
        Some(PHONE_ROWS)
    } else {
        *window
    };
    let g = match (*narrow, window.is_some()) {
        (true, _) => NARROW,
        (false, true) => SLIDE,
        (false, false) => WIDE,
    };
    let (ys, height) = row_ys(trace, g, lang);
    let row_y = |row: usize| ys.get(row).copied().unwrap_or(height);
    let shown_frames = frame_event.iter().filter(|&&ev| ev < *cursor).count();
    let (first, end) = window_rows(trace.frames.len(), shown_frames, rows);
    // A window's view starts its header (host names) that far down the full drawing.
    let marks = mark_lines(trace);
    let row_start = |row: usize| row_y(row) - row_lead(trace, row, g, lang, &marks);
    let top = row_start(first) - row_start(0);
    let bottom = if end < trace.frames.len() {
        row_start(end)
    } else {
        height
    };
    let side_x = |host: &str| {
        if host == left.as_str() {
            g.left_x
        } else if host == right.as_str() {
            g.right_x
        } else {
            (g.left_x + g.right_x) / 2.0
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
    let states = state_rows(trace);

    let arrows = trace.frames.iter().enumerate().skip(first).take(end - first).map(|(i, f)| {
        let ev = frame_event.get(i).copied().unwrap_or(usize::MAX);
        let shown = ev < *cursor;
        let x1 = side_x(&f.from);
        let x2 = side_x(&f.to);
        let y1 = row_y(i);
        // A frame not played yet is drawn whole and plain: a ✕ half-way or a dashed resend
        // ahead of the cursor would give the loss away before it happens.
        let dropped = f.dropped && shown;
        let (xe, ye) = if dropped { ((x1 + x2) / 2.0, y1 + g.slope / 2.0) } else { (x2, y1 + g.slope) };
        let role = f.role.map(|r| r.as_str()).unwrap_or_default();
        let broadcast = f.annotated.as_ref().is_some_and(|a| a.summary.broadcast);
        let retrans = role.contains("retransmission") && shown;
        let class = classes!(
            "ww-arrow",
            (x2 < x1).then_some("is-leftward"),
            broadcast.then_some("is-broadcast"),
            dropped.then_some("is-dropped"),
            retrans.then_some("is-retrans"),
            (!shown).then_some("is-future"),
            (current_frame == Some(i)).then_some("is-current"),
            (*selected == Some(i)).then_some("is-selected"),
            format!("role-{}", role.replace('*', "")),
        );
        // The head in its line's colour (a shared marker cannot follow the stroke).
        let head = match role {
            _ if !shown => "url(#ww-head-future)",
            r if r.starts_with("arp") => "url(#ww-head-eth)",
            "udp" => "url(#ww-head-app)",
            "rst" => "url(#ww-head-rst)",
            _ => "url(#ww-head)",
        };
        let label = frame_label(f, lang);
        let (first, second) = split_label(&shown_label(f, lang), g);
        let has_payload = payload_text(f).is_some();
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
        let aria = tf(lang, "scene.tcp.ladder.arrow", &[&(i + 1).to_string(), &role_name, &label]);
        html! {
            <g key={i} class={class} data-frame={i.to_string()} data-role={role}
               tabindex={if shown { "0" } else { "-1" }} role="button" aria-label={aria}
               aria-hidden={(!shown).then_some("true")} {onclick} {onkeydown}>
                <title>{ format!("#{} {} · {}", i + 1, role_name, label) }</title>
                <line class="ww-arrow-hit" x1={short(x1)} y1={short(y1)} x2={short(xe)} y2={short(ye)} />
                <line class="ww-arrow-line" x1={short(x1)} y1={short(y1)} x2={short(xe)} y2={short(ye)}
                      marker-end={(!dropped).then_some(head)} pathLength="100" />
                if dropped {
                    <g class="ww-drop-x">
                        <line x1={short(xe - 7.0)} y1={short(ye - 7.0)} x2={short(xe + 7.0)} y2={short(ye + 7.0)} />
                        <line x1={short(xe - 7.0)} y1={short(ye + 7.0)} x2={short(xe + 7.0)} y2={short(ye - 7.0)} />
                    </g>
                }
                <text class="ww-arrow-label" x={short(mx)} y={(y1 - 5.0 - if second.is_some() { g.line } else { 0.0 }).to_string()} text-anchor="middle">
                    // The space between the lines stays in the text, so the visible words
                    // read as the accessible name does.
                    { if second.is_some() { format!("{first} ") } else { first } }
                    if let Some(rest) = second {
                        <tspan x={short(mx)} dy={short(g.line)}>{ rest }</tspan>
                    }
                </text>
                if let Some(p) = payload {
                    // A lost frame's ✕ is at the middle: its payload goes half-way to it.
                    <text class="ww-arrow-payload" x={(if dropped { (x1 + xe) / 2.0 } else { mx }).to_string()} y={short(y1 + g.slope + g.under)} text-anchor="middle">{ p }</text>
                }
                if retrans || dropped {
                    <text class="ww-arrow-note" x={(if x2 > x1 { x1 + 6.0 } else { x1 - 6.0 }).to_string()} y={short(y1 + g.slope + g.under + g.line * f64::from(u8::from(has_payload)))}
                          text-anchor={if x2 > x1 { "start" } else { "end" }}>
                        { ladder_note(trace, i, dropped, retrans, lang) }
                    </text>
                }
            </g>
        }
    });

    let state_marks = states.iter().enumerate().filter(|(_, s)| (first..=end).contains(&s.1)).map(|(k, (ev, row, host, name))| {
        // Several changes of one host between two frames: the later ones lower down.
        let later = states[k + 1..].iter().filter(|s| s.1 == *row && s.2 == *host).count();
        let shown = *ev < *cursor;
        let on_left = *host == left.as_str();
        let x = match (on_left, g.inside) {
            (true, false) => g.left_x - 8.0,
            (false, false) => g.right_x + 8.0,
            (true, true) => g.left_x + 6.0,
            (false, true) => g.right_x - 6.0,
        };
        // Above the row's label (both lines of a split one).
        let above = if is_split(trace, *row, g, lang) { g.line } else { 0.0 };
        // The first row's mark sits lower in the wide ladder, clear of the host address;
        // a slide's larger label type needs the same room as any other row.
        let first_low = *row == 0 && !g.inside && window.is_none();
        let y = row_y(*row) - 2.0 - above - g.line * later as f64 - if first_low { 14.0 } else { g.row * 0.35 };
        let anchor = if on_left != g.inside { "end" } else { "start" };
        let current = cursor.checked_sub(1) == Some(*ev);
        html! {
            <text key={format!("s{ev}")} class={classes!("ww-state-mark", (!shown).then_some("is-future"), current.then_some("is-current"))}
                  data-host={host.to_string()} x={short(x)} y={short(y)} text-anchor={anchor}>
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
    // Host names: over their lifelines (wide), or at the edges of a narrow drawing.
    let (lx, la, rx, ra) = if g.inside {
        (4.0, "start", g.width - 4.0, "end")
    } else {
        (g.left_x, "middle", g.right_x, "middle")
    };
    let total = trace.frames.len();
    let cue = |n: usize, key: &'static str, class: &'static str| {
        (phone && n > 0).then(|| {
            html! { <p class={classes!("ww-ladder-cue", class)}>{ tf(lang, key, &[&n.to_string()]) }</p> }
        })
    };
    let toggle = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    let more = (phone && (*all || end - first < total)).then(|| {
        let label = if *all {
            t(lang, "scene.tcp.ladder.fewer").to_owned()
        } else {
            tf(lang, "scene.tcp.ladder.all", &[&total.to_string()])
        };
        html! {
            <div class="ww-ladder-more">
                { cue(total - end, "scene.tcp.ladder.later", "is-later") }
                <button type="button" class="ww-btn ww-ladder-all" data-all={all.to_string()} onclick={toggle}>{ label }</button>
            </div>
        }
    });
    html! {
      <>
        { cue(first, "scene.tcp.ladder.earlier", "is-earlier") }
        <svg class={classes!("ww-ladder", narrow.then_some("is-narrow"), window.is_some().then_some("is-window"), preview.then_some("is-preview"))}
             viewBox={format!("0 {} {} {}", short(top), short(g.width), short(bottom - top))} role="group"
             data-rows={format!("{first}-{end}")}
             aria-label={t(lang, "scene.tcp.ladder.title")} xmlns="http://www.w3.org/2000/svg">
            <defs>
                { for [("ww-head", "ww-head"), ("ww-head-eth", "ww-head-eth"), ("ww-head-app", "ww-head-app"), ("ww-head-rst", "ww-head-rst"), ("ww-head-future", "ww-head-future")].map(|(id, class)| html! {
                    <marker {id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" {class} />
                    </marker>
                }) }
            </defs>
            <text class="ww-host-name" x={short(lx)} y={short(top + 18.0)} text-anchor={la}>{ host_label(left) }</text>
            <text class="ww-host-ip" x={short(lx)} y={short(top + 36.0)} text-anchor={la}>{ ip_of(left) }</text>
            <text class="ww-host-name" x={short(rx)} y={short(top + 18.0)} text-anchor={ra}>{ host_label(right) }</text>
            <text class="ww-host-ip" x={short(rx)} y={short(top + 36.0)} text-anchor={ra}>{ ip_of(right) }</text>
            <line class="ww-lifeline" x1={short(g.left_x)} y1={short(top + 44.0)} x2={short(g.left_x)} y2={short(bottom)} />
            <line class="ww-lifeline" x1={short(g.right_x)} y1={short(top + 44.0)} x2={short(g.right_x)} y2={short(bottom)} />
            { for state_marks }
            { for arrows }
        </svg>
        { more }
      </>
    }
}

#[cfg(test)]
#[path = "ladder_tests.rs"]
mod tests;
