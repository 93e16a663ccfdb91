//! A compact RFC 9293 TCP state diagram: the eleven states, the transitions a
//! connection takes, both ends' current states marked, the last transition lit.

use crate::i18n::{t, Lang};
use wirewalk_engine::trace::TcpState;
use yew::prelude::*;

/// Where each state's box sits (centre x, centre y) in a 360 × 330 view.
fn place(s: TcpState) -> (f64, f64) {
    match s {
        TcpState::Closed => (180.0, 20.0),
        TcpState::Listen => (75.0, 70.0),
        TcpState::SynSent => (285.0, 70.0),
        TcpState::SynReceived => (75.0, 125.0),
        TcpState::Established => (180.0, 175.0),
        TcpState::FinWait1 => (70.0, 225.0),
        TcpState::CloseWait => (290.0, 225.0),
        TcpState::FinWait2 => (60.0, 275.0),
        TcpState::Closing => (180.0, 262.0),
        TcpState::LastAck => (290.0, 275.0),
        TcpState::TimeWait => (130.0, 312.0),
    }
}

/// Where a line from the centre of a `bw` × `bh` box at `from` towards `to` leaves it.
fn box_exit(from: (f64, f64), to: (f64, f64), bw: f64, bh: f64) -> (f64, f64) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let k = ((bw / 2.0 + 3.0) / dx.abs().max(1e-9)).min((bh / 2.0 + 3.0) / dy.abs().max(1e-9));
    (from.0 + dx * k, from.1 + dy * k)
}

/// The SVG path of a transition. Edges back to CLOSED from the bottom of the diagram
/// run round its sides; an edge whose reverse is also drawn bends to one side, so the
/// pair reads as two arrows.
fn edge_path(a: TcpState, b: TcpState, bw: f64, bh: f64) -> String {
    let (pa, pb) = (place(a), place(b));
    match (a, b) {
        (TcpState::TimeWait, TcpState::Closed) => {
            let (x0, y0) = (pa.0 - bw / 2.0 - 3.0, pa.1);
            let (x1, y1) = (pb.0 - bw / 2.0 - 3.0, pb.1);
            format!("M{x0},{y0} C6,{y0} 6,{y1} {x1},{y1}")
        }
        (TcpState::LastAck, TcpState::Closed) => {
            let (x0, y0) = (pa.0 + bw / 2.0 + 3.0, pa.1);
            let (x1, y1) = (pb.0 + bw / 2.0 + 3.0, pb.1);
            format!("M{x0},{y0} C354,{y0} 354,{y1} {x1},{y1}")
        }
        _ => {
            let (s0, s1) = (box_exit(pa, pb, bw, bh), box_exit(pb, pa, bw, bh));
            if EDGES.contains(&(b, a)) {
                // Bend to the right of the direction of travel.
                let (mx, my) = ((s0.0 + s1.0) / 2.0, (s0.1 + s1.1) / 2.0);
                let (dx, dy) = (s1.0 - s0.0, s1.1 - s0.1);
                let len = (dx * dx + dy * dy).sqrt().max(1e-9);
                let (cx, cy) = (mx - dy / len * 14.0, my + dx / len * 14.0);
                format!("M{},{} Q{cx},{cy} {},{}", s0.0, s0.1, s1.0, s1.1)
            } else {
                format!("M{},{} L{},{}", s0.0, s0.1, s1.0, s1.1)
            }
        }
    }
}

/// The transitions drawn (RFC 9293 figure 5, the paths a teaching exchange takes).
pub const EDGES: [(TcpState, TcpState); 18] = [
    (TcpState::Closed, TcpState::Listen),
    (TcpState::Closed, TcpState::SynSent),
    (TcpState::Listen, TcpState::SynReceived),
    (TcpState::SynSent, TcpState::SynReceived),
    (TcpState::SynSent, TcpState::Established),
    (TcpState::SynReceived, TcpState::Established),
    (TcpState::SynSent, TcpState::Closed),
    (TcpState::Established, TcpState::FinWait1),
    (TcpState::Established, TcpState::CloseWait),
    (TcpState::FinWait1, TcpState::FinWait2),
    (TcpState::FinWait1, TcpState::Closing),
    (TcpState::FinWait1, TcpState::TimeWait),
    (TcpState::FinWait2, TcpState::TimeWait),
    (TcpState::Closing, TcpState::TimeWait),
    (TcpState::CloseWait, TcpState::LastAck),
    (TcpState::LastAck, TcpState::Closed),
    (TcpState::TimeWait, TcpState::Closed),
    (TcpState::SynReceived, TcpState::Listen),
];

/// Props of the state diagram.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct StateDiagramProps {
    /// Display language.
    pub lang: Lang,
    /// The client's state.
    pub client: TcpState,
    /// The server's state.
    pub server: TcpState,
    /// The most recent transition at the cursor, if any.
    pub last: Option<(TcpState, TcpState)>,
}

/// The diagram.
#[function_component(StateDiagram)]
pub fn state_diagram(props: &StateDiagramProps) -> Html {
    let StateDiagramProps {
        lang,
        client,
        server,
        last,
    } = props;
    let (bw, bh) = (96.0, 20.0);
    let edges = EDGES.iter().map(|&(a, b)| {
        let lit = *last == Some((a, b));
        html! {
            <path key={format!("{}-{}", a.name(), b.name())} class={classes!("ww-sd-edge", lit.then_some("is-lit"))}
                  data-edge={format!("{}>{}", a.name(), b.name())} d={edge_path(a, b, bw, bh)} marker-end="url(#ww-sd-head)" />
        }
    });
    let nodes = TcpState::ALL.iter().map(|&s| {
        let (x, y) = place(s);
        let is_c = s == *client;
        let is_s = s == *server;
        html! {
            <g key={s.name()} class={classes!("ww-sd-node", is_c.then_some("is-client"), is_s.then_some("is-server"))} data-state={s.name()}>
                <rect x={(x - bw / 2.0).to_string()} y={(y - bh / 2.0).to_string()} width={bw.to_string()} height={bh.to_string()} rx="5" />
                <text x={x.to_string()} y={(y + 4.0).to_string()} text-anchor="middle">{ s.name() }</text>
                if is_c {
                    <text class="ww-sd-who is-client" x={(x - bw / 2.0 - 3.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ "C" }</text>
                }
                if is_s {
                    <text class="ww-sd-who is-server" x={(x + bw / 2.0 + 3.0).to_string()} y={(y + 4.0).to_string()} text-anchor="start">{ "S" }</text>
                }
            </g>
        }
    });
    html! {
        <figure class="ww-sd">
            <svg viewBox="0 0 360 330" role="img" aria-label={t(*lang, "scene.tcp.sd.title")} xmlns="http://www.w3.org/2000/svg">
                <defs>
                    <marker id="ww-sd-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
                            markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="ww-sd-headpath" />
                    </marker>
                </defs>
                { for edges }
                { for nodes }
            </svg>
            <figcaption>{ t(*lang, "scene.tcp.sd.caption") }</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_placed_once_and_every_edge_joins_two_states() {
        let mut spots: Vec<(i64, i64)> = TcpState::ALL
            .iter()
            .map(|&s| (place(s).0 as i64, place(s).1 as i64))
            .collect();
        spots.sort_unstable();
        spots.dedup();
        assert_eq!(spots.len(), TcpState::ALL.len());
        for (a, b) in EDGES {
            assert_ne!(a, b);
        }
    }
}
