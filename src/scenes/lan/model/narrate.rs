//! The LAN scene's narration: one or two plain sentences on what the last applied event
//! did (a frame on a cable, a flood, a switch learning, a socket call, a state change).

use super::{forwarding, host_label, scenario_of, storm_verdict, Forwarding, StormVerdict};
use crate::i18n::{t, t_dyn, tf, Lang};
use crate::widgets::frame_text::frame_label;
use wirewalk_engine::trace::{CallPhase, EventKind, Frame, NoteKey, Trace};

/// One or two plain sentences on what the last applied event did.
#[must_use]
pub fn narration(trace: &Trace, cursor: usize, lang: Lang) -> Vec<String> {
    let Some(event) = cursor.checked_sub(1).and_then(|i| trace.events.get(i)) else {
        let key = match scenario_of(trace).as_str() {
            "storm" => "scene.lan.narr.start_storm",
            "router" => "scene.lan.narr.start_router",
            _ => "scene.lan.narr.start_switch",
        };
        return vec![t_dyn(lang, key)];
    };
    let name = |n: &str| host_label(trace, lang, n);
    // Who calls, returns and changes state is the program: 服务端 in Chinese, where the
    // drawing's machine is 服务器 (docs/GLOSSARY.md).
    // (The switch view names its computers PC 1-3 whatever they run.)
    let switch_view = scenario_of(trace).as_str() == "switch";
    let program = |n: &str| match n {
        "server" if !switch_view => t(lang, "scene.tcp.server").to_owned(),
        "client" if !switch_view => t(lang, "scene.tcp.client").to_owned(),
        _ => name(n),
    };
    match &event.kind {
        EventKind::Frame { frame } => {
            let Some(f) = trace.frames.get(*frame) else {
                return Vec::new();
            };
            let (src, dst) = f
                .annotated
                .as_ref()
                .map(|a| (a.summary.src_mac.clone(), a.summary.dst_mac.clone()))
                .unwrap_or_default();
            let mut out = vec![tf(
                lang,
                "scene.lan.narr.frame",
                &[
                    &name(&f.from),
                    &name(&f.to),
                    &frame_label(f, lang),
                    &src,
                    &dst,
                ],
            )];
            match forwarding(trace, *frame) {
                Some(Forwarding::FloodBroadcast) => {
                    out.push(t(lang, "scene.lan.narr.flood").to_owned())
                }
                Some(Forwarding::FloodUnknown) => {
                    out.push(t(lang, "scene.lan.narr.flood_unknown").to_owned());
                }
                Some(Forwarding::Unicast) => out.push(tf(
                    lang,
                    "scene.lan.narr.unicast",
                    &[&dst, &(switch_out_port(trace, f) + 1).to_string()],
                )),
                None => {}
            }
            out
        }
        EventKind::SwitchLearn { switch, mac, port } => vec![tf(
            lang,
            "scene.lan.narr.learn",
            &[&name(switch), mac, &(port + 1).to_string()],
        )],
        // The engine notes every capped storm run; one that only hit the time cap with a
        // quiet network is told as what it is.
        EventKind::Note { key } if *key == NoteKey::StormCapped => {
            if storm_verdict(trace) == StormVerdict::Storm {
                vec![t_dyn(lang, key.as_str())]
            } else {
                vec![t(lang, "scene.lan.storm.no_storm").to_owned()]
            }
        }
        // The note the narrator puts right after it says why.
        EventKind::RouterDrop { .. } => Vec::new(),
        // Playground programs: their own output, Python's traceback, the engine's limit.
        EventKind::Print { text, .. } => vec![text.trim_end().to_owned()],
        EventKind::Exception { traceback, .. } => vec![traceback.clone()],
        EventKind::Stopped { limit, .. } => vec![t_dyn(lang, limit.as_str())],
        EventKind::Note { key } => vec![t_dyn(lang, key.as_str())],
        EventKind::SocketCall {
            host,
            call,
            phase,
            result,
            ..
        } => match phase {
            CallPhase::Blocked => vec![tf(lang, "scene.lan.narr.call", &[&program(host), call])],
            CallPhase::Returned => vec![tf(
                lang,
                "scene.lan.narr.returned",
                &[&program(host), call, result],
            )],
        },
        EventKind::StateChange { host, from, to } => vec![tf(
            lang,
            "scene.lan.narr.state",
            &[&program(host), from.name(), to.name()],
        )],
    }
}

/// The port a switch sent frame `f` out of (0-based).
fn switch_out_port(trace: &Trace, f: &Frame) -> usize {
    trace
        .links
        .get(f.link)
        .map_or(0, |l| if l.a == f.from { l.a_port } else { l.b_port })
}

#[cfg(test)]
mod tests {
    use super::super::{build, tables_at, View};
    use super::*;
    use crate::scenes::params::url_params as params;

    #[test]
    fn narration_exists_for_every_step_in_both_languages() {
        for v in View::ALL {
            let b = build(&params(&[("view", v.slug())])).unwrap();
            let n = b.trace.events.len();
            for c in (0..=n).step_by(if v == View::Storm { 7 } else { 1 }) {
                for lang in Lang::ALL {
                    let lines = narration(&b.trace, c, lang);
                    assert!(!lines.is_empty());
                    for l in lines {
                        assert!(!l.contains("scene.") && !l.contains("note."), "{l}");
                    }
                }
            }
        }
    }

    /// A program's doings (its socket calls, what they return, its TCP state) are told of
    /// 服务端, the course's word for the server program; 服务器 is the machine on the
    /// drawing ("服务器调用 listen()" read in the router view).
    #[test]
    fn the_server_program_is_fu_wu_duan_in_the_narration() {
        let mut bad = Vec::new();
        for v in View::ALL {
            let b = build(&params(&[("view", v.slug())])).unwrap();
            let n = b.trace.events.len();
            for c in 1..=n.min(400) {
                let program = matches!(
                    b.trace.events[c - 1].kind,
                    EventKind::SocketCall { .. } | EventKind::StateChange { .. }
                );
                // The switch view's computers are PC 1-3, whatever they run.
                let pcs = v == View::Switch && program;
                for l in narration(&b.trace, c, Lang::Zh) {
                    if pcs && !l.starts_with("PC") {
                        bad.push(format!("switch step {c}: {l}"));
                    }
                    if program && l.contains("服务器") {
                        bad.push(format!("{} step {c}: {l}", v.slug()));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn flood_words_follow_the_frame_and_the_table() {
        // What the narration says about a switch's frame is what its bytes and the
        // switch's MAC table at that step say: a broadcast destination floods, a unicast
        // one the table holds goes out of one port, an unknown one floods.
        let mut told = [0usize; 3];
        for v in View::ALL {
            let b = build(&params(&[("view", v.slug())])).unwrap();
            let tr = &b.trace;
            for f in tr
                .frames
                .iter()
                .filter(|f| super::super::is_switch(tr, &f.from))
            {
                let step = b.frame_event[f.index] + 1;
                let text = narration(tr, step, Lang::En).join(" ");
                let dst = &f.bytes[..6];
                let dst_text = wirewalk_engine::wire::fmt_mac(dst.try_into().unwrap());
                let held = tables_at(tr, step)
                    .into_iter()
                    .find(|(n, _)| *n == f.from)
                    .is_some_and(|(_, rows)| rows.iter().any(|r| r.mac == dst_text));
                let what = format!("{v:?} frame {} to {dst_text}: {text}", f.index);
                let broadcast = text.contains("A broadcast:");
                let unknown = text.contains("does not know this destination");
                if dst == [0xff; 6] {
                    assert!(broadcast && !unknown, "{what}");
                    told[0] += 1;
                } else if held {
                    assert!(!broadcast && !unknown, "{what}");
                    assert!(text.contains("Unicast: the switch looks up"), "{what}");
                    told[1] += 1;
                } else {
                    assert!(unknown && !broadcast, "{what}");
                    told[2] += 1;
                }
                // The zh sentence is the same choice.
                let zh = narration(tr, step, Lang::Zh).join("");
                assert_eq!(zh.contains("这是广播帧"), broadcast, "{what}");
                assert_eq!(zh.contains("还不知道这个目的 MAC"), unknown, "{what}");
            }
        }
        // The storm's ARP replies (two copies at one instant, to a MAC both tables hold)
        // are unicasts; broadcasts flood in every view.
        assert!(told[0] > 0 && told[1] > 0, "{told:?}");
    }
}
