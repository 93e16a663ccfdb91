//! The encapsulation scene's pure logic: the scenario from URL parameters (validated by
//! the engine), the client's first data frame, the physical-layer view of it, and what
//! each of the ten steps shows — the sender wrapping the payload layer by layer down to
//! bits, then the receiver peeling each header off and checking what it owns.
//! Every value comes from the engine's frame; nothing is made up.

pub mod questions;

pub use questions::*;

use crate::scenes::params::{self, apply_and_run, choice, LastRun};
use std::collections::BTreeMap;
use std::rc::Rc;
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::{CallPhase, EventKind, Frame, Trace};
use wirewalk_engine::wire::{physical, PhysicalFrame};

/// The transports offered (engine catalogue names).
pub const PROTOS: [&str; 2] = ["tcp", "udp"];

/// The editable engine keys, in form order.
pub const FIELDS: [&str; 7] = [
    "client.payload",
    "client.port",
    "server.port",
    "client.ip",
    "server.ip",
    "client.mac",
    "server.mac",
];

/// The last step (steps run `0..=LAST_STEP`).
pub const LAST_STEP: usize = 9;

/// Which host's stack a step is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The client: wrapping, top to bottom.
    Sender,
    /// The server: unwrapping, bottom to top.
    Receiver,
}

/// A layer of the course's five-layer model, numbered bottom-up as the course learns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// 1 物理层: bits as electrical signals.
    Physical = 1,
    /// 2 数据链路层: Ethernet, MAC addresses.
    Link = 2,
    /// 3 网络层: IP addresses.
    Network = 3,
    /// 4 传输层: TCP/UDP, ports.
    Transport = 4,
    /// 5 应用层: the program's data.
    Application = 5,
}

impl Level {
    /// Every level, top (application) first.
    pub const TOP_DOWN: [Level; 5] = [
        Level::Application,
        Level::Transport,
        Level::Network,
        Level::Link,
        Level::Physical,
    ];

    /// Short id used in CSS classes and i18n keys.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Level::Physical => "phy",
            Level::Link => "link",
            Level::Network => "net",
            Level::Transport => "transport",
            Level::Application => "app",
        }
    }

    /// The step at which the sender handles this level.
    #[must_use]
    pub fn sender_step(self) -> usize {
        5 - self as usize
    }
}

/// Side and level of a step.
#[must_use]
pub fn at_step(step: usize) -> (Side, Level) {
    let step = step.min(LAST_STEP);
    if step <= 4 {
        (Side::Sender, Level::TOP_DOWN[step])
    } else {
        (Side::Receiver, Level::TOP_DOWN[LAST_STEP - step])
    }
}

/// A computed scene.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// `"tcp"` or `"udp"`.
    pub proto: String,
    /// The scenario run, with every accepted parameter.
    pub scenario: Scenario,
    /// Its trace.
    pub trace: Rc<Trace>,
    /// Rejected parameters with the engine's error (shown beside their field).
    pub errors: Vec<(String, ScenarioError)>,
    /// Index in `trace.frames` of the client's first data frame.
    pub frame: usize,
    /// That frame as it crosses the cable.
    pub phys: PhysicalFrame,
}

impl Built {
    /// The data frame shown.
    #[must_use]
    pub fn data_frame(&self) -> &Frame {
        &self.trace.frames[self.frame]
    }
}

/// The client's first frame carrying data (TCP `data` or the first UDP datagram).
#[must_use]
pub fn first_data_frame(trace: &Trace) -> Option<usize> {
    trace.frames.iter().position(|f| {
        f.from == "client" && matches!(f.role.map(|r| r.as_str()), Some("data") | Some("udp"))
    })
}

fn run(s: &Scenario) -> Result<(Trace, usize), ScenarioError> {
    let t = wirewalk_engine::run(s)?;
    let i = first_data_frame(&t).ok_or_else(|| ScenarioError::Network("no data frame".into()))?;
    Ok((t, i))
}

/// Builds and runs the scenario for `params` (`proto` plus engine keys). A rejected value
/// is reported and left at its default, so there is always a frame to show.
///
/// # Errors
/// Only when even the defaults fail to run (an engine bug): the engine's error.
pub fn build(params: &BTreeMap<String, String>) -> Result<Built, ScenarioError> {
    build_with(params, &LastRun::default())
}

/// [`build`], taking the run that [`check`] kept for this scenario, if any.
///
/// # Errors
/// As [`build`].
pub fn build_with(
    params: &BTreeMap<String, String>,
    last: &LastRun<(Trace, usize)>,
) -> Result<Built, ScenarioError> {
    let mut errors = Vec::new();
    let proto = choice(params, "proto", &PROTOS, "tcp", &mut errors);
    let defaults = Scenario::named(&proto)?;
    let pairs = params.iter().filter(|(k, _)| FIELDS.contains(&k.as_str()));
    let kept_or_run = |s: &Scenario| last.run(s, run);
    let (scenario, (trace, frame)) = apply_and_run(&defaults, pairs, kept_or_run, &mut errors)?;
    let phys = physical(&trace.frames[frame].bytes);
    Ok(Built {
        proto,
        scenario,
        trace: Rc::new(trace),
        errors,
        frame,
        phys,
    })
}

/// Checks one field's new value against the current scenario, as this scene runs it;
/// the run is kept in `last` for the rebuild that follows.
///
/// # Errors
/// The engine's error for this value.
pub fn check(
    scenario: &Scenario,
    key: &str,
    value: &str,
    last: &LastRun<(Trace, usize)>,
) -> Result<(), ScenarioError> {
    params::check(scenario, key, value, run, last)
}

/// The current text of an editable field.
#[must_use]
pub fn field_value(s: &Scenario, key: &str) -> String {
    let p = &s.params;
    match key {
        "client.payload" => p.client_payload.clone(),
        "client.port" => p.client_port.map(|v| v.to_string()).unwrap_or_default(),
        "server.port" => p.server_port.to_string(),
        "client.ip" => p.client_ip.clone(),
        "server.ip" => p.server_ip.clone(),
        "client.mac" => p.client_mac.clone(),
        "server.mac" => p.server_mac.clone(),
        _ => String::new(),
    }
}

/// One block of the PDU drawing: a header, the payload, or a trailer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// `"eth"`, `"ip"`, `"tcp"`, `"udp"`, `"data"`, `"padding"` or `"fcs"`.
    pub id: String,
    /// The level that adds it.
    pub level: Level,
    /// Bytes.
    pub len: usize,
}

/// The blocks of the PDU at `level`, outermost first: data at the application level, then
/// the transport header, the IP header, and at the link level the Ethernet header, the
/// padding (if the frame is short) and the FCS trailer.
#[must_use]
pub fn blocks(built: &Built, level: Level) -> Vec<Block> {
    let frame = built.data_frame();
    let Some(a) = &frame.annotated else {
        return Vec::new();
    };
    let level_of = |id: &str| match id {
        "eth" | "padding" => Level::Link,
        "ip" => Level::Network,
        "tcp" | "udp" => Level::Transport,
        _ => Level::Application,
    };
    let mut out: Vec<Block> = a
        .layers()
        .iter()
        .filter(|l| l.id.as_str() != "padding")
        .map(|l| Block {
            id: l.id.to_string(),
            level: level_of(l.id.as_str()),
            len: l.len,
        })
        .collect();
    for seg in built
        .phys
        .segments
        .iter()
        .filter(|s| s.id.as_str() == "padding" || s.id == "fcs")
    {
        out.push(Block {
            id: seg.id.clone(),
            level: Level::Link,
            len: seg.len,
        });
    }
    out.retain(|b| b.level >= level.max(Level::Link) || level == Level::Physical);
    out
}

/// A check the receiving layer makes, with the values it compares (all from the trace).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What the frame says (e.g. the destination MAC).
    pub seen: String,
    /// What this host has (e.g. its own MAC).
    pub mine: String,
    /// Whether they match.
    pub ok: bool,
    /// What the layer hands the rest to (EtherType, IP protocol, socket line), if any.
    pub next: String,
}

fn host<'a>(trace: &'a Trace, name: &str) -> Option<&'a wirewalk_engine::trace::HostInfo> {
    trace.hosts.iter().find(|h| h.name == name)
}

/// The code line of `host`'s first call named one of `calls`, trimmed.
#[must_use]
pub fn call_line(trace: &Trace, host_name: &str, calls: &[&str]) -> Option<String> {
    let line = trace.events.iter().find_map(|e| match &e.kind {
        EventKind::SocketCall {
            host, call, line, ..
        } if host == host_name && calls.contains(&call.as_str()) => Some(*line),
        _ => None,
    })?;
    let code = &host(trace, host_name)?.code;
    line.checked_sub(1)
        .and_then(|i| code.get(i))
        .map(|l| l.trim().to_owned())
}

/// What the server's first `recv`/`recvfrom` returned.
#[must_use]
pub fn recv_result(trace: &Trace) -> Option<String> {
    trace.events.iter().find_map(|e| match &e.kind {
        EventKind::SocketCall {
            host,
            call,
            phase: CallPhase::Returned,
            result,
            ..
        } if host == "server" && (call == "recv" || call == "recvfrom") => Some(result.clone()),
        _ => None,
    })
}

/// The receiver's check at `level`.
#[must_use]
pub fn receiver_check(built: &Built, level: Level) -> Option<Check> {
    let trace = &built.trace;
    let frame = built.data_frame();
    let s = &frame.annotated.as_ref()?.summary;
    let server = host(trace, "server")?;
    let strip = |v: &str| v.split('/').next().unwrap_or(v).to_owned();
    Some(match level {
        // The physical layer only finds where the frame starts: preamble and SFD.
        Level::Physical => {
            use wirewalk_engine::wire::physical::{PREAMBLE_BYTE, PREAMBLE_LEN, SFD};
            let preamble = built.phys.segment_bytes("preamble");
            let sfd = built.phys.segment_bytes("sfd");
            let after = built
                .phys
                .bytes
                .len()
                .saturating_sub(preamble.len() + sfd.len());
            Check {
                seen: preamble
                    .iter()
                    .chain(sfd)
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                mine: after.to_string(),
                ok: preamble.len() == PREAMBLE_LEN
                    && preamble.iter().all(|&b| b == PREAMBLE_BYTE)
                    && sfd == [SFD],
                next: String::new(),
            }
        }
        // The data link layer (the card's MAC) checks the FCS, then the destination MAC.
        Level::Link => {
            let mine = server.macs.first().cloned().unwrap_or_default();
            Check {
                ok: s.dst_mac.eq_ignore_ascii_case(&mine) && built.phys.fcs_ok(),
                seen: s.dst_mac.clone(),
                mine,
                next: format!("0x{:04x}", s.ethertype),
            }
        }
        Level::Network => {
            let mine = server.ips.first().map(|v| strip(v)).unwrap_or_default();
            let seen = s.dst_ip.clone().unwrap_or_default();
            Check {
                ok: seen == mine && s.ip_checksum_ok == Some(true),
                seen,
                mine,
                next: s.protocol.to_string(),
            }
        }
        Level::Transport => {
            let seen = s.dst_port.map(|p| p.to_string()).unwrap_or_default();
            let line = call_line(trace, "server", &["bind"]).unwrap_or_default();
            Check {
                ok: s.dst_port == Some(built.scenario.params.server_port)
                    && s.l4_checksum_ok != Some(false),
                mine: built.scenario.params.server_port.to_string(),
                seen,
                next: line,
            }
        }
        Level::Application => Check {
            seen: recv_result(trace).unwrap_or_default(),
            mine: call_line(trace, "server", &["recv", "recvfrom"]).unwrap_or_default(),
            ok: recv_result(trace).is_some(),
            next: String::new(),
        },
    })
}

/// The data link layer's FCS check: `seen` is the FCS trailer, `mine` the CRC-32 the
/// receiver computes over the frame and its padding.
#[must_use]
pub fn fcs_check(built: &Built) -> Check {
    let covered: Vec<u8> = built
        .phys
        .segment_bytes("frame")
        .iter()
        .chain(built.phys.segment_bytes("padding"))
        .copied()
        .collect();
    Check {
        seen: format!("0x{:08x}", built.phys.fcs),
        mine: format!("0x{:08x}", wirewalk_engine::wire::physical::crc32(&covered)),
        ok: built.phys.fcs_ok(),
        next: String::new(),
    }
}

/// `b` as 8 binary digits.
#[must_use]
pub fn bin8(b: u8) -> String {
    format!("{b:08b}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::player::clamp_step;
    use crate::scenes::params::url_params as params;

    #[test]
    fn steps_go_down_the_sender_and_up_the_receiver() {
        let seq: Vec<_> = (0..=LAST_STEP).map(at_step).collect();
        assert_eq!(seq[0], (Side::Sender, Level::Application));
        assert_eq!(seq[4], (Side::Sender, Level::Physical));
        assert_eq!(seq[5], (Side::Receiver, Level::Physical));
        assert_eq!(seq[9], (Side::Receiver, Level::Application));
        for l in Level::TOP_DOWN {
            assert_eq!(at_step(l.sender_step()), (Side::Sender, l));
        }
    }

    #[test]
    fn the_frame_is_the_clients_first_data_frame_for_both_transports() {
        for proto in PROTOS {
            let b = build(&params(&[("proto", proto)])).unwrap();
            assert!(b.errors.is_empty());
            let f = b.data_frame();
            assert_eq!(f.from, "client");
            let a = f.annotated.as_ref().unwrap();
            assert_eq!(a.summary.protocol.as_str(), proto.to_uppercase());
            assert_eq!(a.summary.payload_len, 5);
            assert!(b.phys.fcs_ok());
            assert_eq!(b.phys.segment_bytes("frame"), f.bytes.as_slice());
        }
    }

    #[test]
    fn blocks_grow_from_data_to_frame() {
        let b = build(&BTreeMap::new()).unwrap();
        let ids = |l| blocks(&b, l).into_iter().map(|b| b.id).collect::<Vec<_>>();
        assert_eq!(ids(Level::Application), ["data"]);
        assert_eq!(ids(Level::Transport), ["tcp", "data"]);
        assert_eq!(ids(Level::Network), ["ip", "tcp", "data"]);
        // 14 + 20 + 20 + 5 = 59 bytes: one byte of padding to reach 60, then the FCS.
        assert_eq!(
            ids(Level::Link),
            ["eth", "ip", "tcp", "data", "padding", "fcs"]
        );
        let total: usize = blocks(&b, Level::Link).iter().map(|b| b.len).sum();
        assert_eq!(total, 64);
        let u = build(&params(&[("proto", "udp")])).unwrap();
        assert_eq!(
            blocks(&u, Level::Link)
                .iter()
                .map(|b| b.id.as_str())
                .collect::<Vec<_>>(),
            ["eth", "ip", "udp", "data", "padding", "fcs"]
        );
    }

    #[test]
    fn inputs_reach_the_frame_and_bad_ones_are_reported() {
        let b = build(&params(&[
            ("server.port", "3306"),
            ("client.port", "50000"),
            ("client.payload", "hi there"),
            ("server.ip", "192.168.1.99"),
            ("server.mac", "aa:bb:cc:00:11:22"),
        ]))
        .unwrap();
        assert!(b.errors.is_empty(), "{:?}", b.errors);
        let s = &b.data_frame().annotated.as_ref().unwrap().summary;
        assert_eq!(s.dst_port, Some(3306));
        assert_eq!(s.src_port, Some(50000));
        assert_eq!(s.payload_len, 8);
        assert_eq!(s.dst_ip.as_deref(), Some("192.168.1.99"));
        assert_eq!(s.dst_mac, "aa:bb:cc:00:11:22");
        let bad = build(&params(&[
            ("client.ip", "192.168.1.256"),
            ("server.port", "80"),
        ]))
        .unwrap();
        assert_eq!(bad.errors.len(), 1);
        assert_eq!(bad.errors[0].0, "client.ip");
        assert!(params::field_error(&bad.errors, "client.ip", Lang::En)
            .is_some_and(|m| m.contains("256")));
        assert_eq!(
            bad.data_frame()
                .annotated
                .as_ref()
                .unwrap()
                .summary
                .dst_port,
            Some(80)
        );
        let last = LastRun::default();
        let base = build(&BTreeMap::new()).unwrap();
        assert!(check(&base.scenario, "client.mac", "zz", &last).is_err());
        assert!(check(&base.scenario, "client.mac", "02:00:00:00:00:33", &last).is_ok());
        // The rebuild with the accepted value takes the checked run.
        let again = build_with(&params(&[("client.mac", "02:00:00:00:00:33")]), &last).unwrap();
        assert_eq!(last.hits(), 1);
        assert!(again.errors.is_empty());
        assert_eq!(
            again.trace,
            build(&params(&[("client.mac", "02:00:00:00:00:33")]))
                .unwrap()
                .trace
        );
    }

    #[test]
    fn the_receiver_checks_what_it_owns() {
        for proto in PROTOS {
            let b = build(&params(&[("proto", proto), ("server.port", "6379")])).unwrap();
            for l in Level::TOP_DOWN {
                let c = receiver_check(&b, l).unwrap();
                assert!(c.ok, "{proto} {l:?} {c:?}");
            }
            let link = receiver_check(&b, Level::Link).unwrap();
            assert_eq!(link.seen, "02:00:00:00:00:14");
            assert_eq!(link.next, "0x0800");
            let tr = receiver_check(&b, Level::Transport).unwrap();
            assert_eq!(tr.seen, "6379");
            assert!(
                tr.next.contains("bind") && tr.next.contains("6379"),
                "{}",
                tr.next
            );
            let app = receiver_check(&b, Level::Application).unwrap();
            assert!(app.seen.contains("b'hello'"), "{}", app.seen);
            let phy = receiver_check(&b, Level::Physical).unwrap();
            assert_eq!(phy.seen, "55 55 55 55 55 55 55 d5");
            assert_eq!(phy.mine, (b.phys.bytes.len() - 8).to_string());
            let fcs = fcs_check(&b);
            assert_eq!(fcs.seen, fcs.mine);
        }
    }

    #[test]
    fn steps_clamp_to_the_embed_range() {
        assert_eq!(clamp_step(None, None, None, LAST_STEP), (0, 0, 9));
        assert_eq!(clamp_step(Some(42), None, None, LAST_STEP), (9, 0, 9));
        assert_eq!(clamp_step(Some(1), Some(5), Some(8), LAST_STEP), (5, 5, 8));
        assert_eq!(bin8(192), "11000000");
    }
}
