//! Scenarios: the catalogue of named experiments, their parameters and validation, and the
//! topology each one builds.
//!
//! A [`Scenario`] is plain serde data — a [`ScenarioName`] and [`Params`] — so it fits in a
//! URL. [`Scenario::set`] takes `key=value` strings (from the UI's fields, the URL or the
//! CLI's `--set`) and answers a bad value with a typed [`ScenarioError`] that names the
//! key, the value and an i18n message key; it never panics. [`simulate`] validates, builds
//! the topology in [`crate::net`] with the programs of [`crate::program`], runs it on the
//! virtual clock and returns the bare [`crate::trace::Trace`] (no annotation, no notes:
//! `crate::run` adds those). Addresses use /24 subnets throughout.
//!
//! Files: `error` (the error type), `parse` (one value at a time), `validate` (the rules
//! between values), `scripts` (the client's and server's programs), `topology` (nodes,
//! cables and the run).

mod error;
mod parse;
mod scripts;
mod topology;
mod validate;

use serde::{Deserialize, Serialize};

pub use error::{Ipv4Problem, MacProblem, ScenarioError, ERROR_KEYS};
pub use parse::{parse_ipv4, parse_loss, parse_mac, LOSS_ROLES};
pub use topology::{simulate, simulate_with};

use crate::wire::role::named_enum;
use parse::{check_payload, parse_bool, parse_port, parse_u64};

/// Ports of the `switch` scenario's switch.
const SWITCH_PORTS: usize = 3;

/// The router's MACs, one per port.
const ROUTER_MACS: [[u8; 6]; 2] = [[2, 0, 0, 0, 1, 1], [2, 0, 0, 0, 2, 1]];

/// The largest payload: one TCP segment of smoltcp's MSS (1500 − 20 − 20 = 1460 bytes).
pub const MAX_PAYLOAD: usize = 1460;

/// The named scenarios, in the order the UI lists them ([`ScenarioName::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioName {
    /// Handshake, one request and answer, four-way teardown.
    Tcp,
    /// As `tcp`, losing the first data segment.
    TcpLoss,
    /// As `tcp`, losing the first data segment and its first retransmission.
    TcpLossTwice,
    /// The server closes at once after the client's FIN: three segments.
    TcpServerClose,
    /// Both sides close at the same time: CLOSING on both.
    TcpSimultaneousClose,
    /// A SYN to a port nobody listens on: RST.
    Refused,
    /// One UDP request and answer.
    Udp,
    /// Three hosts on a learning switch.
    Switch,
    /// Two subnets joined by a router.
    Router,
    /// A switching loop: a broadcast storm (or, pulled, a broken loop).
    Storm,
}

named_enum!(ScenarioName {
    Tcp => "tcp",
    TcpLoss => "tcp_loss",
    TcpLossTwice => "tcp_loss_twice",
    TcpServerClose => "tcp_server_close",
    TcpSimultaneousClose => "tcp_simultaneous_close",
    Refused => "refused",
    Udp => "udp",
    Switch => "switch",
    Router => "router",
    Storm => "storm",
});

/// Every parameter key [`Scenario::set`] accepts.
pub const KEYS: &[&str] = &[
    "client.mac",
    "client.ip",
    "client.port",
    "server.mac",
    "server.ip",
    "server.port",
    "client.payload",
    "server.payload",
    "loss",
    "client.think_ms",
    "server.think_ms",
    "delayed_ack",
    "seed",
    "latency_us",
    "client.switch_port",
    "server.switch_port",
    "storm.pulled",
    "router.udp",
];

/// Scenario parameters. Addresses stay strings (as typed) so any deserialized value can be
/// validated with a precise error; [`Scenario::validate`] checks them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Params {
    /// Client MAC. Default `02:00:00:00:00:0a`: the `02` sets the "locally administered"
    /// bit, the range IEEE leaves for addresses not bought with a vendor OUI, so the
    /// example impersonates no real vendor (a real card's first three bytes are its
    /// vendor's OUI, the last three its serial number).
    pub client_mac: String,
    /// Client IPv4 address. Default `192.168.1.10`.
    pub client_ip: String,
    /// Client port; `None` = an ephemeral port (49152–65535) drawn from the seed.
    pub client_port: Option<u16>,
    /// Server MAC. Default `02:00:00:00:00:14`.
    pub server_mac: String,
    /// Server IPv4 address. Default `192.168.1.20` (`192.168.2.20` in `router`).
    pub server_ip: String,
    /// Server port. Default 8080 (Tomcat's default port in the course's list).
    pub server_port: u16,
    /// What the client sends (UTF-8). Default `hello`.
    pub client_payload: String,
    /// What the server answers (UTF-8). Default `HELLO`.
    pub server_payload: String,
    /// Loss rule on the client's link: `none`, `data` (the first data segment), `data*2`
    /// (it and its first retransmission), `syn`, `syn_ack`, `handshake_ack`, `fin`,
    /// `final_ack`, or `c2s:N` / `s2c:N` (the Nth frame from / to the client).
    pub loss: String,
    /// Client pause (`time.sleep`) after `connect()` and before `close()`, ms. Default 100.
    /// 0 lets the handshake ACK ride on the data and the ACK of the answer on the FIN.
    pub client_think_ms: u64,
    /// Server pause before it answers and before it closes, ms. Default 100.
    pub server_think_ms: u64,
    /// smoltcp's delayed ACK (10 ms) on or off. Default on, smoltcp's default.
    pub delayed_ack: bool,
    /// Seed of every random choice (ISNs, ephemeral port). Default 1.
    pub seed: u64,
    /// One-way latency of every link, µs. Default 1000.
    pub latency_us: u64,
    /// `switch` only: the switch port (0–2) the client is plugged into. Default 0.
    pub client_switch_port: u8,
    /// `switch` only: the switch port (0–2) the server is plugged into. Default 1. The
    /// port left over gets an idle host, `pc1`–`pc3` after its port.
    pub server_switch_port: u8,
    /// `storm` only: the second cable between the two switches is pulled, so the loop is
    /// broken and the broadcast dies out. Default false.
    pub storm_pulled: bool,
    /// `router` only: the exchange across the router is UDP instead of TCP. Default false.
    pub router_udp: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            client_mac: "02:00:00:00:00:0a".into(),
            client_ip: "192.168.1.10".into(),
            client_port: None,
            server_mac: "02:00:00:00:00:14".into(),
            server_ip: "192.168.1.20".into(),
            server_port: 8080,
            client_payload: "hello".into(),
            server_payload: "HELLO".into(),
            loss: "none".into(),
            client_think_ms: 100,
            server_think_ms: 100,
            delayed_ack: true,
            seed: 1,
            latency_us: 1000,
            client_switch_port: 0,
            server_switch_port: 1,
            storm_pulled: false,
            router_udp: false,
        }
    }
}

/// A named scenario with its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    /// Which scenario.
    pub name: ScenarioName,
    /// Its parameters.
    pub params: Params,
}

impl Scenario {
    /// The catalogue scenario called `name` (as typed in a URL or on the command line) with
    /// its default parameters.
    ///
    /// # Errors
    /// [`ScenarioError::UnknownScenario`] if no [`ScenarioName`] is called `name`.
    pub fn named(name: &str) -> Result<Scenario, ScenarioError> {
        ScenarioName::parse(name)
            .map(Scenario::new)
            .ok_or_else(|| ScenarioError::UnknownScenario(name.to_string()))
    }

    /// A catalogue scenario with its default parameters.
    pub fn new(name: ScenarioName) -> Scenario {
        let mut params = Params::default();
        match name {
            ScenarioName::TcpLoss => params.loss = "data".into(),
            ScenarioName::TcpLossTwice => params.loss = "data*2".into(),
            ScenarioName::Router => params.server_ip = "192.168.2.20".into(),
            _ => {}
        }
        Scenario { name, params }
    }

    /// Set one parameter from text, checking the value on its own (cross-field rules are
    /// [`Scenario::validate`]'s).
    ///
    /// # Errors
    /// [`ScenarioError::UnknownKey`], or the value's own error (bad MAC, IPv4, port,
    /// payload, number, bool, loss rule).
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ScenarioError> {
        let p = &mut self.params;
        match key {
            "client.mac" | "server.mac" => {
                parse_mac(key, value)?;
                let v = value.trim().to_string();
                if key == "client.mac" {
                    p.client_mac = v;
                } else {
                    p.server_mac = v;
                }
            }
            "client.ip" | "server.ip" => {
                parse_ipv4(key, value)?;
                let v = value.trim().to_string();
                if key == "client.ip" {
                    p.client_ip = v;
                } else {
                    p.server_ip = v;
                }
            }
            "client.port" => {
                let v = value.trim();
                p.client_port = if v.is_empty() || v.eq_ignore_ascii_case("auto") {
                    None
                } else {
                    Some(parse_port(key, value)?)
                };
            }
            "server.port" => p.server_port = parse_port(key, value)?,
            "client.payload" => {
                check_payload(key, value)?;
                p.client_payload = value.to_string();
            }
            "server.payload" => {
                check_payload(key, value)?;
                p.server_payload = value.to_string();
            }
            "loss" => {
                parse_loss(key, value)?;
                p.loss = value.trim().to_ascii_lowercase();
            }
            "client.think_ms" => p.client_think_ms = parse_u64(key, value, 0, 60_000)?,
            "server.think_ms" => p.server_think_ms = parse_u64(key, value, 0, 60_000)?,
            "delayed_ack" => p.delayed_ack = parse_bool(key, value)?,
            "seed" => p.seed = parse_u64(key, value, 0, u64::MAX)?,
            "latency_us" => p.latency_us = parse_u64(key, value, 1, 1_000_000)?,
            "client.switch_port" | "server.switch_port" => {
                let port = parse_u64(key, value, 0, SWITCH_PORTS as u64 - 1)? as u8;
                if key == "client.switch_port" {
                    p.client_switch_port = port;
                } else {
                    p.server_switch_port = port;
                }
            }
            "storm.pulled" => p.storm_pulled = parse_bool(key, value)?,
            "router.udp" => p.router_udp = parse_bool(key, value)?,
            _ => return Err(ScenarioError::UnknownKey(key.to_string())),
        }
        Ok(())
    }
}
