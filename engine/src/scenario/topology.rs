//! Topologies: the nodes and cables of each scenario, and [`simulate`], which runs them.

use std::net::Ipv4Addr;

use smoltcp::wire::EthernetAddress;

use super::scripts::{tcp_scripts, udp_scripts, Ending};
use super::validate::Resolved;
use super::{Scenario, ScenarioError, ScenarioName, ROUTER_MACS, SWITCH_PORTS};
use crate::net::{HostApp, HostConfig, Limits, Network, Router, RouterPort, SplitMix64, Switch};
use crate::program::{Script, ScriptRunner};
use crate::trace::Trace;

/// The first address of `base`'s /24 (from `.start` up) that is not in `used`.
///
/// # Errors
/// [`ScenarioError::Network`] if every host address of the /24 is used.
fn free_host(base: Ipv4Addr, start: u8, used: &[Ipv4Addr]) -> Result<Ipv4Addr, ScenarioError> {
    let o = base.octets();
    (start..255)
        .chain(1..start)
        .map(|last| Ipv4Addr::new(o[0], o[1], o[2], last))
        .find(|ip| !used.contains(ip))
        .ok_or_else(|| {
            ScenarioError::Network(format!(
                "no free address in {}.{}.{}.0/24",
                o[0], o[1], o[2]
            ))
        })
}

/// The first MAC `02:00:00:00:00:xx` (from `start` up) not in `used`.
///
/// # Errors
/// [`ScenarioError::Network`] if all 255 are used.
fn free_mac(start: u8, used: &[EthernetAddress]) -> Result<EthernetAddress, ScenarioError> {
    (start..=255)
        .chain(1..start)
        .map(|b| EthernetAddress([2, 0, 0, 0, 0, b]))
        .find(|m| !used.contains(m))
        .ok_or_else(|| ScenarioError::Network("no free MAC 02:00:00:00:00:xx".into()))
}

/// Validate `s`, build its network and run it: the bare trace, with no annotation
/// (every [`crate::trace::Frame::annotated`] is `None`) and no notes.
///
/// # Errors
/// Any [`ScenarioError`] [`Scenario::validate`] reports; [`ScenarioError::Network`] if
/// the network cannot be built.
pub fn simulate(s: &Scenario) -> Result<Trace, ScenarioError> {
    let r = s.resolve()?;
    let p = &s.params;
    let (client_script, server_script) = match s.name {
        ScenarioName::TcpServerClose => {
            let (c, s2) = tcp_scripts(s, &r, Ending::ThreeWay);
            (Some(c), Some(s2))
        }
        ScenarioName::TcpSimultaneousClose => {
            let (c, s2) = tcp_scripts(s, &r, Ending::Simultaneous);
            (Some(c), Some(s2))
        }
        ScenarioName::Refused => {
            let (c, _) = tcp_scripts(s, &r, Ending::FourWay);
            (Some(c), None)
        }
        ScenarioName::Udp | ScenarioName::Switch | ScenarioName::Storm => {
            let (c, s2) = udp_scripts(s, &r);
            (Some(c), Some(s2))
        }
        ScenarioName::Router if p.router_udp => {
            let (c, s2) = udp_scripts(s, &r);
            (Some(c), Some(s2))
        }
        ScenarioName::Tcp
        | ScenarioName::TcpLoss
        | ScenarioName::TcpLossTwice
        | ScenarioName::Router => {
            let (c, s2) = tcp_scripts(s, &r, Ending::FourWay);
            (Some(c), Some(s2))
        }
    };
    let app = |name: &str, script: Option<Script>| {
        script.map(|sc| Box::new(ScriptRunner::new(name, sc)) as Box<dyn HostApp>)
    };
    build_and_run(
        s,
        &r,
        app("client", client_script),
        app("server", server_script),
        None,
    )
}

/// Validate `s` and run its network with the given programs on the client and the
/// server instead of the scenario's own (the socket playground), stopping at
/// `time_limit_us` of virtual time. The bare trace, as [`simulate`].
///
/// # Errors
/// As [`simulate`].
pub fn simulate_with(
    s: &Scenario,
    client_app: Box<dyn HostApp>,
    server_app: Box<dyn HostApp>,
    time_limit_us: u64,
) -> Result<Trace, ScenarioError> {
    let r = s.resolve()?;
    build_and_run(
        s,
        &r,
        Some(client_app),
        Some(server_app),
        Some(time_limit_us),
    )
}

fn build_and_run(
    s: &Scenario,
    r: &Resolved,
    client_app: Option<Box<dyn HostApp>>,
    server_app: Option<Box<dyn HostApp>>,
    time_limit_us: Option<u64>,
) -> Result<Trace, ScenarioError> {
    let p = &s.params;
    let mut rng = SplitMix64::new(p.seed);
    let client_seed = rng.next_u64();
    let server_seed = rng.next_u64();
    let ephemeral = rng.ephemeral_port();
    let lat = p.latency_us;
    let routed = s.name == ScenarioName::Router;
    let gw = |ip: Ipv4Addr| {
        let o = ip.octets();
        Ipv4Addr::new(o[0], o[1], o[2], 1)
    };
    let host = |name: &str, mac, ip: Ipv4Addr, seed| HostConfig {
        name: name.to_string(),
        mac,
        ip,
        prefix_len: 24,
        gateway: routed.then(|| gw(ip)),
        smoltcp_seed: seed,
        ephemeral_port: ephemeral,
        delayed_ack: p.delayed_ack,
    };
    let mut net = Network::new();
    let client = net.add_host(
        host("client", r.client_mac, r.client_ip, client_seed),
        client_app,
    )?;
    let server = net.add_host(
        host("server", r.server_mac, r.server_ip, server_seed),
        server_app,
    )?;
    let mut limits = Limits::default();
    if let Some(t) = time_limit_us {
        limits.max_time_us = t;
    }
    match s.name {
        ScenarioName::Switch => {
            let (cp, sp) = (
                usize::from(p.client_switch_port),
                usize::from(p.server_switch_port),
            );
            // The idle host takes the port left over, and the address its port suggests
            // (port 0 → .10 and …:0a, port 1 → .20 and …:14, port 2 → .30 and …:1e).
            let idle_port = (0..SWITCH_PORTS).find(|&q| q != cp && q != sp).unwrap_or(2);
            let tens = u8::try_from(10 * (idle_port + 1)).unwrap_or(30);
            let idle_ip = free_host(r.client_ip, tens, &[r.client_ip, r.server_ip])?;
            let idle_mac = free_mac(tens, &[r.client_mac, r.server_mac])?;
            let idle_name = format!("pc{}", idle_port + 1);
            let idle = net.add_host(host(&idle_name, idle_mac, idle_ip, rng.next_u64()), None)?;
            let sw = net.add_switch(Switch::new("switch", SWITCH_PORTS));
            // The client's cable first (link 0 carries the loss rule), then in port order.
            net.connect((client, 0), (sw, cp), lat)?;
            let mut rest = [(sp, server), (idle_port, idle)];
            rest.sort_by_key(|&(q, _)| q);
            for (q, node) in rest {
                net.connect((sw, q), (node, 0), lat)?;
            }
        }
        ScenarioName::Router => {
            let rt = net.add_router(Router::new(
                "router",
                vec![
                    RouterPort {
                        mac: EthernetAddress(ROUTER_MACS[0]),
                        ip: gw(r.client_ip),
                        prefix_len: 24,
                    },
                    RouterPort {
                        mac: EthernetAddress(ROUTER_MACS[1]),
                        ip: gw(r.server_ip),
                        prefix_len: 24,
                    },
                ],
            ));
            net.connect((client, 0), (rt, 0), lat)?;
            net.connect((rt, 1), (server, 0), lat)?;
        }
        ScenarioName::Storm => {
            let s1 = net.add_switch(Switch::new("switch1", 3));
            let s2 = net.add_switch(Switch::new("switch2", 3));
            net.connect((client, 0), (s1, 0), lat)?;
            net.connect((s1, 1), (s2, 1), lat)?;
            if !p.storm_pulled {
                net.connect((s1, 2), (s2, 2), lat)?;
            }
            net.connect((s2, 0), (server, 0), lat)?;
            if !p.storm_pulled {
                limits = Limits {
                    max_time_us: lat.saturating_mul(STORM_TICKS),
                    max_frames: STORM_MAX_FRAMES,
                };
            }
        }
        ScenarioName::Tcp
        | ScenarioName::TcpLoss
        | ScenarioName::TcpLossTwice
        | ScenarioName::TcpServerClose
        | ScenarioName::TcpSimultaneousClose
        | ScenarioName::Refused
        | ScenarioName::Udp => {
            net.connect((client, 0), (server, 0), lat)?;
        }
    }
    net.set_loss(0, r.loss.clone());
    net.set_limits(limits);
    let out = net.run();
    let mut trace = Trace {
        hosts: out.hosts,
        links: out.links,
        frames: out.frames,
        events: out.events,
        end_us: out.end_us,
        tick_us: lat,
        frames_per_tick: Vec::new(),
        capped: out.capped,
    };
    if s.name == ScenarioName::Storm {
        trace.frames_per_tick = frames_per_tick(&trace);
    }
    Ok(trace)
}

/// Ticks the storm scenario runs before it is cut off.
const STORM_TICKS: u64 = 40;
/// Frames the storm scenario may put on links before it is cut off.
const STORM_MAX_FRAMES: usize = 600;

fn frames_per_tick(t: &Trace) -> Vec<usize> {
    let tick = t.tick_us.max(1);
    let mut counts: Vec<usize> = Vec::new();
    for f in &t.frames {
        let i = usize::try_from(f.time_us / tick).unwrap_or(usize::MAX);
        if i >= 1_000_000 {
            break;
        }
        if counts.len() <= i {
            counts.resize(i + 1, 0);
        }
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
        }
    }
    counts
}
