//! Predict mode's questions for the LAN scene, read from the trace: what the switch writes
//! in its MAC table, whether it floods or forwards a frame and out of which ports (switch
//! view); the TTL and the MAC addresses the router writes (router view). The storm view
//! asks nothing.

use super::{copies, forwarding, hop_pair, is_switch, Forwarding};
use crate::scenes::predict::{Arg, Question, Words};
use wirewalk_engine::trace::{EventKind, Frame, Trace};

/// The switch's port (1-based, as drawn) on `link`.
fn port_on(trace: &Trace, link: usize, switch: &str) -> Option<usize> {
    let l = trace.links.get(link)?;
    if l.a == switch {
        Some(l.a_port + 1)
    } else if l.b == switch {
        Some(l.b_port + 1)
    } else {
        None
    }
}

fn ports_list(ports: &[usize]) -> Arg {
    Arg::List(ports.iter().map(usize::to_string).collect())
}

fn out_words(flood: bool, ports: &[usize]) -> Words {
    if flood {
        Words::with("predict.lan.flood", vec![ports_list(ports)])
    } else {
        Words::with("predict.lan.forward", vec![ports_list(ports)])
    }
}

/// Where the switch sends the first frame it forwards as `want`.
fn where_question(trace: &Trace, want: Forwarding, kind: &'static str) -> Option<Question> {
    let first = trace
        .frames
        .iter()
        .find(|f| forwarding(trace, f.index) == Some(want))?;
    let sw = first.from.clone();
    let all = copies(trace, first.index);
    let mut out: Vec<usize> = all
        .iter()
        .filter_map(|&i| port_on(trace, trace.frames[i].link, &sw))
        .collect();
    out.sort_unstable();
    // The copy that came in: the last frame into the switch with the same bytes.
    let inbound: &Frame = trace.frames[..first.index]
        .iter()
        .rev()
        .find(|f| f.to == sw && f.bytes == first.bytes)?;
    let in_port = port_on(trace, inbound.link, &sw)?;
    let ports = trace
        .hosts
        .iter()
        .find(|h| h.name == sw)
        .map_or(0, |h| h.ports);
    let others: Vec<usize> = (1..=ports).filter(|&p| p != in_port).collect();
    let flood = want != Forwarding::Unicast;
    let mut candidates: Vec<Words> = Vec::new();
    if flood {
        candidates.extend(others.iter().map(|&p| out_words(false, &[p])));
    } else {
        candidates.push(out_words(true, &others));
        candidates.extend(
            others
                .iter()
                .filter(|p| !out.contains(p))
                .map(|&p| out_words(false, &[p])),
        );
    }
    candidates.push(Words::new("predict.lan.back", &[&in_port.to_string()]));
    let s = &first.annotated.as_ref()?.summary;
    let why = match want {
        Forwarding::FloodBroadcast => "predict.lan.why.broadcast",
        Forwarding::FloodUnknown => "predict.lan.why.unknown",
        Forwarding::Unicast => "predict.lan.why.unicast",
    };
    Question::new(
        kind,
        trace.event_of_frame(first.index)?,
        Words::new(
            "predict.lan.where",
            &[&s.src_mac, &s.dst_mac, &in_port.to_string()],
        ),
        out_words(flood, &out),
        candidates,
        Words::with(why, vec![Arg::Lit(s.dst_mac.clone()), ports_list(&out)]),
    )
}

/// What the switch writes in its table the first time it learns.
fn learn_question(trace: &Trace) -> Option<Question> {
    let (at, switch, mac, port) =
        trace
            .events
            .iter()
            .enumerate()
            .find_map(|(i, e)| match &e.kind {
                EventKind::SwitchLearn { switch, mac, port } => {
                    Some((i, switch.clone(), mac.clone(), *port + 1))
                }
                _ => None,
            })?;
    let ports = trace
        .hosts
        .iter()
        .find(|h| h.name == switch)
        .map_or(0, |h| h.ports);
    // The frame it learned from: the last one into the switch before this event.
    let dst = trace
        .frames_until(at)
        .filter(|f| f.to == switch)
        .last()
        .and_then(|f| f.annotated.as_ref().map(|a| a.summary.dst_mac.clone()))?;
    let entry = |m: &str, p: usize| Words::new("predict.lan.entry", &[m, &p.to_string()]);
    let mut candidates: Vec<Words> = (1..=ports)
        .filter(|&p| p != port)
        .map(|p| entry(&mac, p))
        .collect();
    candidates.insert(0, entry(&dst, port));
    Question::new(
        "lan.learn",
        at,
        Words::new("predict.lan.learn", &[&mac]),
        entry(&mac, port),
        candidates,
        Words::new("predict.lan.why.learn", &[&mac, &port.to_string()]),
    )
}

/// The router's first forwarded copy of an IP packet: the TTL it writes.
fn ttl_question(trace: &Trace) -> Option<Question> {
    let (a, b) = hop_pair(trace, None)?;
    let (fa, fb) = (&trace.frames[a], &trace.frames[b]);
    let before = u32::from(fa.annotated.as_ref()?.summary.ttl?);
    let after = u32::from(fb.annotated.as_ref()?.summary.ttl?);
    let lit = |v: u32| Words::lit(v.to_string());
    Question::new(
        "lan.ttl",
        trace.event_of_frame(b)?,
        Words::new("predict.lan.ttl", &[&before.to_string()]),
        lit(after),
        vec![lit(before), lit(before.saturating_sub(2)), lit(before + 1)],
        Words::new(
            "predict.lan.why.ttl",
            &[&before.to_string(), &after.to_string()],
        ),
    )
}

/// The second packet through the router (the other way): the MACs it writes.
fn macs_question(trace: &Trace) -> Option<Question> {
    let (first, _) = hop_pair(trace, None)?;
    // The next packet that enters the router from the other side.
    let next = trace.frames.iter().skip(first + 1).find(|f| {
        f.to == "router"
            && f.link != trace.frames[first].link
            && f.annotated
                .as_ref()
                .is_some_and(|a| a.summary.src_ip.is_some() && a.summary.protocol.as_str() != "ARP")
    })?;
    let (a, b) = hop_pair(trace, Some(next.index))?;
    let sa = &trace.frames[a].annotated.as_ref()?.summary;
    let sb = &trace.frames[b].annotated.as_ref()?.summary;
    let pair = |s: &str, d: &str| Words::new("predict.lan.mac_pair", &[s, d]);
    Question::new(
        "lan.macs",
        trace.event_of_frame(b)?,
        Words::new(
            "predict.lan.macs",
            &[&sa.src_mac, &sa.dst_mac, sb.dst_ip.as_deref().unwrap_or("")],
        ),
        pair(&sb.src_mac, &sb.dst_mac),
        vec![
            pair(&sa.src_mac, &sa.dst_mac),
            pair(&sa.src_mac, &sb.dst_mac),
            pair(&sb.dst_mac, &sb.src_mac),
        ],
        Words::new("predict.lan.why.macs", &[&sb.src_mac, &sb.dst_mac]),
    )
}

/// Every question the LAN scene asks of `trace`, in step order.
#[must_use]
pub fn questions(trace: &Trace) -> Vec<Question> {
    let switches = trace
        .hosts
        .iter()
        .filter(|h| is_switch(trace, &h.name))
        .count();
    let mut out: Vec<Question> = if switches == 1 {
        [
            learn_question(trace),
            where_question(trace, Forwarding::FloodBroadcast, "lan.flood"),
            where_question(trace, Forwarding::Unicast, "lan.unicast"),
        ]
        .into_iter()
        .flatten()
        .collect()
    } else if trace.hosts.iter().any(|h| h.name == "router") {
        [ttl_question(trace), macs_question(trace)]
            .into_iter()
            .flatten()
            .collect()
    } else {
        Vec::new()
    };
    out.sort_by_key(|q| q.at);
    out.dedup_by_key(|q| q.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::scenes::lan::model::{build, PC_IDS};
    use crate::scenes::params::url_params as params;
    use crate::scenes::predict::answer_of as answer;

    #[test]
    fn port_lists_are_set_as_each_language_lists() {
        // A Chinese sentence lists with 、, never an ASCII comma.
        assert_eq!(
            out_words(true, &[2, 3]).render(Lang::Zh),
            "泛洪：从端口 2、3 发出"
        );
        assert_eq!(
            out_words(true, &[2, 3]).render(Lang::En),
            "Flood: out of ports 2, 3"
        );
        assert_eq!(
            out_words(false, &[1]).render(Lang::Zh),
            "转发：只从端口 1 发出"
        );
    }

    #[test]
    fn the_switch_answers_follow_sender_and_receiver() {
        for s in 1..=3usize {
            for r in (1..=3usize).filter(|&r| r != s) {
                let b = build(&params(&[
                    ("sender", &s.to_string()),
                    ("receiver", &r.to_string()),
                ]))
                .unwrap();
                let qs = questions(&b.trace);
                assert_eq!(qs.len(), 3, "{s}->{r}");
                // PC n sits on port n: the sender's MAC is learned on its port; its
                // broadcast floods to the other two ports; the reply goes out of the
                // sender's port only.
                assert_eq!(
                    answer(&qs, "lan.learn"),
                    format!("{}\u{a0}→ port {s}", PC_IDS[s - 1].0)
                );
                let others: Vec<String> =
                    (1..=3).filter(|&p| p != s).map(|p| p.to_string()).collect();
                assert_eq!(
                    answer(&qs, "lan.flood"),
                    format!("Flood: out of ports {}", others.join(", "))
                );
                assert_eq!(
                    answer(&qs, "lan.unicast"),
                    format!("Forward: out of port {s} only")
                );
                for q in &qs {
                    // The step after the question shows what it asked about.
                    let next = &b.trace.events[q.at].kind;
                    match q.kind {
                        "lan.learn" => assert!(matches!(next, EventKind::SwitchLearn { .. })),
                        _ => assert!(
                            matches!(next, EventKind::Frame { frame } if b.trace.frames[*frame].from == "switch")
                        ),
                    }
                    for lang in Lang::ALL {
                        for d in &q.distractors {
                            assert_ne!(d.render(lang), q.answer.render(lang));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_router_answers_come_from_the_frames_bytes() {
        let b = build(&params(&[("view", "router")])).unwrap();
        let qs = questions(&b.trace);
        assert_eq!(qs.len(), 2);
        let tr = &b.trace;
        let ttl = qs.iter().find(|q| q.kind == "lan.ttl").unwrap();
        let EventKind::Frame { frame } = tr.events[ttl.at].kind else {
            panic!()
        };
        // The IPv4 TTL byte (Ethernet 14 + 8) on the router's copy is one less than on the way in.
        let out = tr.frames[frame].bytes[22];
        assert_eq!(ttl.answer.render(Lang::En), out.to_string());
        assert!(tr
            .frames
            .iter()
            .any(|f| f.to == "router" && f.bytes.get(22) == Some(&(out + 1))));
        let macs = qs.iter().find(|q| q.kind == "lan.macs").unwrap();
        let EventKind::Frame { frame } = tr.events[macs.at].kind else {
            panic!()
        };
        let f = &tr.frames[frame];
        let hex = |r: std::ops::Range<usize>| {
            f.bytes[r]
                .iter()
                .map(|x| format!("{x:02x}"))
                .collect::<Vec<_>>()
                .join(":")
        };
        assert_eq!(f.from, "router");
        assert_eq!(
            macs.answer.render(Lang::En),
            format!("source {}\u{a0}→ destination {}", hex(6..12), hex(0..6))
        );
        // The storm asks nothing.
        assert!(questions(&build(&params(&[("view", "storm")])).unwrap().trace).is_empty());
    }
}
