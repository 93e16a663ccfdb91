//! Scenarios: the catalogue of named experiments, their parameters, validation, and `run`.
//!
//! A [`Scenario`] is plain serde data — a catalogue name and [`Params`] — so it fits in a
//! URL. [`Scenario::set`] takes `key=value` strings (from the UI's fields, the URL or the
//! CLI's `--set`) and answers a bad value with a typed [`ScenarioError`] that names the
//! key, the value and an i18n message key; it never panics. [`run`] validates, builds the
//! topology in [`crate::net`], runs it on the virtual clock and returns the
//! [`Trace`]. Addresses use /24 subnets throughout.

use core::fmt;
use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};
use smoltcp::wire::EthernetAddress;

use crate::net::{
    Direction, HostConfig, Limits, LossRule, NetError, Network, Router, RouterPort, SplitMix64,
    Switch,
};
use crate::socket::{Call, Script, Transport};
use crate::trace::Trace;

/// The largest payload: one TCP segment of smoltcp's MSS (1500 − 20 − 20 = 1460 bytes).
pub const MAX_PAYLOAD: usize = 1460;

/// The named scenarios, in the order the UI lists them.
pub fn catalogue() -> Vec<&'static str> {
    vec![
        "tcp",
        "tcp_loss",
        "tcp_loss_twice",
        "tcp_server_close",
        "tcp_simultaneous_close",
        "refused",
        "udp",
        "switch",
        "router",
        "storm",
    ]
}

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

/// Every i18n key [`ScenarioError::message_key`] can return, for the UI's catalogue.
pub const ERROR_KEYS: &[&str] = &[
    "error.unknown_scenario",
    "error.unknown_key",
    "error.bad_mac",
    "error.mac_multicast",
    "error.mac_zero",
    "error.bad_ipv4",
    "error.bad_ipv4_octet",
    "error.ipv4_loopback",
    "error.ipv4_network_or_broadcast",
    "error.ipv4_reserved",
    "error.bad_port",
    "error.payload_too_long",
    "error.payload_empty",
    "error.duplicate_address",
    "error.different_subnet",
    "error.same_subnet",
    "error.bad_number",
    "error.out_of_range",
    "error.bad_bool",
    "error.bad_loss",
    "error.network",
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
    /// A name from [`catalogue`].
    pub name: String,
    /// Its parameters.
    pub params: Params,
}

/// Why an IPv4 address was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ipv4Problem {
    /// Not four dot-separated decimal numbers.
    Syntax,
    /// An octet above 255 (the number as typed, saturated to `u32`).
    Octet(u32),
    /// 127.0.0.0/8: loopback never leaves the host, so it never appears on a wire.
    Loopback,
    /// The /24's network (`.0`) or broadcast (`.255`) address.
    NetworkOrBroadcast,
    /// 0.0.0.0/8, multicast 224.0.0.0/4 or reserved 240.0.0.0/4.
    Reserved,
}

/// Why a MAC address was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MacProblem {
    /// Not six hex pairs separated by `:` or `-`.
    Syntax,
    /// The group (multicast) bit of the first byte is set: not a card's address.
    Multicast,
    /// All zeros.
    Zero,
}

/// A parameter or scenario the engine refuses, with the key and value to show beside the
/// field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScenarioError {
    /// No scenario with this name.
    UnknownScenario(String),
    /// No parameter with this key.
    UnknownKey(String),
    /// A MAC address that is not a usable card address.
    BadMac {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
        /// What is wrong.
        problem: MacProblem,
    },
    /// An IPv4 address that is not a usable host address.
    BadIpv4 {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
        /// What is wrong.
        detail: Ipv4Problem,
    },
    /// A port that is not 1–65535.
    BadPort {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
    },
    /// A payload longer than one segment.
    PayloadTooLong {
        /// Parameter key.
        key: String,
        /// Its length in UTF-8 bytes.
        len: usize,
        /// The maximum ([`MAX_PAYLOAD`]).
        max: usize,
    },
    /// An empty payload (`send(b'')` sends nothing).
    EmptyPayload {
        /// Parameter key.
        key: String,
    },
    /// Two nodes with the same address.
    DuplicateAddress {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
        /// The key (or node) already using it.
        other: String,
    },
    /// Client and server must share a /24 here (no router in this scenario).
    DifferentSubnet {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
    },
    /// The `router` scenario needs client and server in different /24s.
    SameSubnet {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
    },
    /// Not a number.
    BadNumber {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
    },
    /// A number outside its range.
    OutOfRange {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
        /// Smallest allowed.
        min: u64,
        /// Largest allowed.
        max: u64,
    },
    /// Not `true`/`false` (or `on`/`off`, `1`/`0`).
    BadBool {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
    },
    /// Not a loss rule.
    BadLoss {
        /// Parameter key.
        key: String,
        /// Value as typed.
        value: String,
    },
    /// The network could not be built (should not happen after validation).
    Network(String),
}

impl ScenarioError {
    /// The i18n message key for the UI.
    pub fn message_key(&self) -> &'static str {
        match self {
            ScenarioError::UnknownScenario(_) => "error.unknown_scenario",
            ScenarioError::UnknownKey(_) => "error.unknown_key",
            ScenarioError::BadMac { problem, .. } => match problem {
                MacProblem::Syntax => "error.bad_mac",
                MacProblem::Multicast => "error.mac_multicast",
                MacProblem::Zero => "error.mac_zero",
            },
            ScenarioError::BadIpv4 { detail, .. } => match detail {
                Ipv4Problem::Syntax => "error.bad_ipv4",
                Ipv4Problem::Octet(_) => "error.bad_ipv4_octet",
                Ipv4Problem::Loopback => "error.ipv4_loopback",
                Ipv4Problem::NetworkOrBroadcast => "error.ipv4_network_or_broadcast",
                Ipv4Problem::Reserved => "error.ipv4_reserved",
            },
            ScenarioError::BadPort { .. } => "error.bad_port",
            ScenarioError::PayloadTooLong { .. } => "error.payload_too_long",
            ScenarioError::EmptyPayload { .. } => "error.payload_empty",
            ScenarioError::DuplicateAddress { .. } => "error.duplicate_address",
            ScenarioError::DifferentSubnet { .. } => "error.different_subnet",
            ScenarioError::SameSubnet { .. } => "error.same_subnet",
            ScenarioError::BadNumber { .. } => "error.bad_number",
            ScenarioError::OutOfRange { .. } => "error.out_of_range",
            ScenarioError::BadBool { .. } => "error.bad_bool",
            ScenarioError::BadLoss { .. } => "error.bad_loss",
            ScenarioError::Network(_) => "error.network",
        }
    }

    /// The parameter key the error is about, if any.
    pub fn key(&self) -> Option<&str> {
        match self {
            ScenarioError::UnknownScenario(_) | ScenarioError::Network(_) => None,
            ScenarioError::UnknownKey(k) => Some(k),
            ScenarioError::BadMac { key, .. }
            | ScenarioError::BadIpv4 { key, .. }
            | ScenarioError::BadPort { key, .. }
            | ScenarioError::PayloadTooLong { key, .. }
            | ScenarioError::EmptyPayload { key }
            | ScenarioError::DuplicateAddress { key, .. }
            | ScenarioError::DifferentSubnet { key, .. }
            | ScenarioError::SameSubnet { key, .. }
            | ScenarioError::BadNumber { key, .. }
            | ScenarioError::OutOfRange { key, .. }
            | ScenarioError::BadBool { key, .. }
            | ScenarioError::BadLoss { key, .. } => Some(key),
        }
    }

    /// The offending value as typed, if any.
    pub fn value(&self) -> Option<&str> {
        match self {
            ScenarioError::UnknownScenario(v) => Some(v),
            ScenarioError::BadMac { value, .. }
            | ScenarioError::BadIpv4 { value, .. }
            | ScenarioError::BadPort { value, .. }
            | ScenarioError::DuplicateAddress { value, .. }
            | ScenarioError::DifferentSubnet { value, .. }
            | ScenarioError::SameSubnet { value, .. }
            | ScenarioError::BadNumber { value, .. }
            | ScenarioError::OutOfRange { value, .. }
            | ScenarioError::BadBool { value, .. }
            | ScenarioError::BadLoss { value, .. } => Some(value),
            _ => None,
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::UnknownScenario(n) => write!(
                f,
                "unknown scenario {n:?} (known: {})",
                catalogue().join(", ")
            ),
            ScenarioError::UnknownKey(k) => {
                write!(f, "unknown parameter {k:?} (known: {})", KEYS.join(", "))
            }
            ScenarioError::BadMac { key, value, problem } => match problem {
                MacProblem::Syntax => write!(
                    f,
                    "{key}: {value:?} is not a MAC address (six hex pairs like 02:00:00:00:00:0a)"
                ),
                MacProblem::Multicast => write!(
                    f,
                    "{key}: {value:?} is a group (multicast) address; a card's address has the lowest bit of its first byte clear"
                ),
                MacProblem::Zero => write!(f, "{key}: {value:?} is all zeros"),
            },
            ScenarioError::BadIpv4 { key, value, detail } => match detail {
                Ipv4Problem::Syntax => write!(
                    f,
                    "{key}: {value:?} is not an IPv4 address (four numbers 0-255 like 192.168.1.10)"
                ),
                Ipv4Problem::Octet(n) => write!(
                    f,
                    "{key}: {value:?} has octet {n}; each of the four numbers must be 0-255"
                ),
                Ipv4Problem::Loopback => write!(
                    f,
                    "{key}: {value:?} is a loopback address (127.x.x.x); it never leaves the host, so it cannot be on a wire"
                ),
                Ipv4Problem::NetworkOrBroadcast => write!(
                    f,
                    "{key}: {value:?} is the network (.0) or broadcast (.255) address of its /24"
                ),
                Ipv4Problem::Reserved => write!(
                    f,
                    "{key}: {value:?} is not a host address (0.x, multicast or reserved)"
                ),
            },
            ScenarioError::BadPort { key, value } => {
                write!(f, "{key}: {value:?} is not a port; ports are 1-65535")
            }
            ScenarioError::PayloadTooLong { key, len, max } => write!(
                f,
                "{key}: {len} bytes is more than one segment holds ({max} bytes, the MSS)"
            ),
            ScenarioError::EmptyPayload { key } => {
                write!(f, "{key}: empty payload; send(b'') sends nothing")
            }
            ScenarioError::DuplicateAddress { key, value, other } => {
                write!(f, "{key}: {value:?} is already used by {other}")
            }
            ScenarioError::DifferentSubnet { key, value } => write!(
                f,
                "{key}: {value:?} is not in the client's /24; without a router they cannot talk (try the router scenario)"
            ),
            ScenarioError::SameSubnet { key, value } => write!(
                f,
                "{key}: {value:?} is in the client's /24; the router scenario needs two different subnets"
            ),
            ScenarioError::BadNumber { key, value } => {
                write!(f, "{key}: {value:?} is not a whole number")
            }
            ScenarioError::OutOfRange { key, value, min, max } => {
                write!(f, "{key}: {value} is outside {min}-{max}")
            }
            ScenarioError::BadBool { key, value } => {
                write!(f, "{key}: {value:?} is not true or false")
            }
            ScenarioError::BadLoss { key, value } => write!(
                f,
                "{key}: {value:?} is not a loss rule (none, data, data*2, syn, syn_ack, handshake_ack, fin, final_ack, c2s:N, s2c:N)"
            ),
            ScenarioError::Network(m) => write!(f, "network: {m}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

impl From<NetError> for ScenarioError {
    fn from(e: NetError) -> Self {
        ScenarioError::Network(e.to_string())
    }
}

/// Parse a MAC address (`02:00:00:00:00:0a` or `02-00-00-00-00-0A`).
///
/// # Errors
/// [`ScenarioError::BadMac`] if it is not six hex pairs, is multicast, or is all zeros.
pub fn parse_mac(key: &str, value: &str) -> Result<EthernetAddress, ScenarioError> {
    let err = |problem| ScenarioError::BadMac {
        key: key.to_string(),
        value: value.to_string(),
        problem,
    };
    let v = value.trim();
    let sep = if v.contains('-') { '-' } else { ':' };
    let parts: Vec<&str> = v.split(sep).collect();
    if parts.len() != 6 {
        return Err(err(MacProblem::Syntax));
    }
    let mut bytes = [0u8; 6];
    for (b, p) in bytes.iter_mut().zip(&parts) {
        if p.len() != 2 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(err(MacProblem::Syntax));
        }
        *b = u8::from_str_radix(p, 16).map_err(|_| err(MacProblem::Syntax))?;
    }
    if bytes == [0; 6] {
        return Err(err(MacProblem::Zero));
    }
    if bytes[0] & 1 != 0 {
        return Err(err(MacProblem::Multicast));
    }
    Ok(EthernetAddress(bytes))
}

/// Parse a host IPv4 address in dotted decimal, refusing what cannot be a host on a /24.
///
/// # Errors
/// [`ScenarioError::BadIpv4`] with the precise [`Ipv4Problem`].
pub fn parse_ipv4(key: &str, value: &str) -> Result<Ipv4Addr, ScenarioError> {
    let err = |detail| ScenarioError::BadIpv4 {
        key: key.to_string(),
        value: value.to_string(),
        detail,
    };
    let parts: Vec<&str> = value.trim().split('.').collect();
    if parts.len() != 4 {
        return Err(err(Ipv4Problem::Syntax));
    }
    let mut o = [0u8; 4];
    for (b, p) in o.iter_mut().zip(&parts) {
        if p.is_empty() || p.len() > 12 || !p.bytes().all(|c| c.is_ascii_digit()) {
            return Err(err(Ipv4Problem::Syntax));
        }
        let n: u64 = p.parse().map_err(|_| err(Ipv4Problem::Syntax))?;
        *b = u8::try_from(n)
            .map_err(|_| err(Ipv4Problem::Octet(u32::try_from(n).unwrap_or(u32::MAX))))?;
    }
    let ip = Ipv4Addr::from(o);
    if o[0] == 127 {
        return Err(err(Ipv4Problem::Loopback));
    }
    if o[0] == 0 || o[0] >= 224 {
        return Err(err(Ipv4Problem::Reserved));
    }
    if o[3] == 0 || o[3] == 255 {
        return Err(err(Ipv4Problem::NetworkOrBroadcast));
    }
    Ok(ip)
}

fn parse_port(key: &str, value: &str) -> Result<u16, ScenarioError> {
    let err = || ScenarioError::BadPort {
        key: key.to_string(),
        value: value.to_string(),
    };
    let v = value.trim();
    if v.is_empty() || v.len() > 12 || !v.bytes().all(|c| c.is_ascii_digit()) {
        return Err(err());
    }
    let n: u64 = v.parse().map_err(|_| err())?;
    match u16::try_from(n) {
        Ok(p) if p != 0 => Ok(p),
        _ => Err(err()),
    }
}

fn parse_u64(key: &str, value: &str, min: u64, max: u64) -> Result<u64, ScenarioError> {
    let v = value.trim();
    let n: u64 = v.parse().map_err(|_| ScenarioError::BadNumber {
        key: key.to_string(),
        value: value.to_string(),
    })?;
    if n < min || n > max {
        return Err(ScenarioError::OutOfRange {
            key: key.to_string(),
            value: value.to_string(),
            min,
            max,
        });
    }
    Ok(n)
}

fn parse_bool(key: &str, value: &str) -> Result<bool, ScenarioError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "1" | "yes" => Ok(true),
        "false" | "off" | "0" | "no" => Ok(false),
        _ => Err(ScenarioError::BadBool {
            key: key.to_string(),
            value: value.to_string(),
        }),
    }
}

fn check_payload(key: &str, value: &str) -> Result<(), ScenarioError> {
    if value.is_empty() {
        return Err(ScenarioError::EmptyPayload {
            key: key.to_string(),
        });
    }
    if value.len() > MAX_PAYLOAD {
        return Err(ScenarioError::PayloadTooLong {
            key: key.to_string(),
            len: value.len(),
            max: MAX_PAYLOAD,
        });
    }
    Ok(())
}

/// Roles a `loss` rule may name.
const LOSS_ROLES: &[&str] = &[
    "syn",
    "syn_ack",
    "handshake_ack",
    "data",
    "ack",
    "fin",
    "ack_fin",
    "final_ack",
    "udp",
    "arp_request",
    "arp_reply",
];

/// Parse a `loss` rule (see [`Params::loss`]).
///
/// # Errors
/// [`ScenarioError::BadLoss`] if it is none of the forms.
pub fn parse_loss(key: &str, value: &str) -> Result<LossRule, ScenarioError> {
    let err = || ScenarioError::BadLoss {
        key: key.to_string(),
        value: value.to_string(),
    };
    let v = value.trim().to_ascii_lowercase();
    if v.is_empty() || v == "none" {
        return Ok(LossRule::None);
    }
    for (prefix, dir) in [("c2s:", Direction::AtoB), ("s2c:", Direction::BtoA)] {
        if let Some(n) = v.strip_prefix(prefix) {
            let n: usize = n.parse().map_err(|_| err())?;
            if n == 0 || n > 10_000 {
                return Err(err());
            }
            return Ok(LossRule::Nth { dir, n });
        }
    }
    let (role, count) = match v.split_once('*') {
        Some((r, c)) => (r.to_string(), c.parse::<usize>().map_err(|_| err())?),
        None => (v.clone(), 1),
    };
    if !LOSS_ROLES.contains(&role.as_str()) || count == 0 || count > 10 {
        return Err(err());
    }
    Ok(LossRule::Role { role, count })
}

fn same_24(a: Ipv4Addr, b: Ipv4Addr) -> bool {
    a.octets()[..3] == b.octets()[..3]
}

fn known(name: &str) -> bool {
    catalogue().contains(&name)
}

impl Scenario {
    /// A catalogue scenario with its default parameters.
    ///
    /// # Errors
    /// [`ScenarioError::UnknownScenario`] if `name` is not in [`catalogue`].
    pub fn named(name: &str) -> Result<Scenario, ScenarioError> {
        if !known(name) {
            return Err(ScenarioError::UnknownScenario(name.to_string()));
        }
        let mut params = Params::default();
        match name {
            "tcp_loss" => params.loss = "data".into(),
            "tcp_loss_twice" => params.loss = "data*2".into(),
            "router" => params.server_ip = "192.168.2.20".into(),
            _ => {}
        }
        Ok(Scenario {
            name: name.to_string(),
            params,
        })
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

    /// Check every parameter and the rules between them.
    ///
    /// # Errors
    /// The first problem found, as a [`ScenarioError`].
    pub fn validate(&self) -> Result<(), ScenarioError> {
        self.resolve().map(|_| ())
    }

    fn resolve(&self) -> Result<Resolved, ScenarioError> {
        if !known(&self.name) {
            return Err(ScenarioError::UnknownScenario(self.name.clone()));
        }
        let p = &self.params;
        let client_mac = parse_mac("client.mac", &p.client_mac)?;
        let server_mac = parse_mac("server.mac", &p.server_mac)?;
        let client_ip = parse_ipv4("client.ip", &p.client_ip)?;
        let server_ip = parse_ipv4("server.ip", &p.server_ip)?;
        if let Some(port) = p.client_port {
            parse_port("client.port", &port.to_string())?;
        }
        parse_port("server.port", &p.server_port.to_string())?;
        check_payload("client.payload", &p.client_payload)?;
        check_payload("server.payload", &p.server_payload)?;
        let loss = parse_loss("loss", &p.loss)?;
        for (key, v) in [
            ("client.think_ms", p.client_think_ms),
            ("server.think_ms", p.server_think_ms),
        ] {
            parse_u64(key, &v.to_string(), 0, 60_000)?;
        }
        parse_u64("latency_us", &p.latency_us.to_string(), 1, 1_000_000)?;
        for (key, v) in [
            ("client.switch_port", p.client_switch_port),
            ("server.switch_port", p.server_switch_port),
        ] {
            parse_u64(key, &v.to_string(), 0, SWITCH_PORTS as u64 - 1)?;
        }
        if p.client_switch_port == p.server_switch_port {
            return Err(ScenarioError::DuplicateAddress {
                key: "server.switch_port".into(),
                value: p.server_switch_port.to_string(),
                other: "client.switch_port".into(),
            });
        }
        if server_mac == client_mac {
            return Err(ScenarioError::DuplicateAddress {
                key: "server.mac".into(),
                value: p.server_mac.clone(),
                other: "client.mac".into(),
            });
        }
        if server_ip == client_ip {
            return Err(ScenarioError::DuplicateAddress {
                key: "server.ip".into(),
                value: p.server_ip.clone(),
                other: "client.ip".into(),
            });
        }
        let routed = self.name == "router";
        if routed {
            if same_24(client_ip, server_ip) {
                return Err(ScenarioError::SameSubnet {
                    key: "server.ip".into(),
                    value: p.server_ip.clone(),
                });
            }
            for (key, ip, v) in [
                ("client.ip", client_ip, &p.client_ip),
                ("server.ip", server_ip, &p.server_ip),
            ] {
                if ip.octets()[3] == 1 {
                    return Err(ScenarioError::DuplicateAddress {
                        key: key.into(),
                        value: v.clone(),
                        other: "router".into(),
                    });
                }
            }
            for (key, mac, v) in [
                ("client.mac", client_mac, &p.client_mac),
                ("server.mac", server_mac, &p.server_mac),
            ] {
                if ROUTER_MACS.contains(&mac.0) {
                    return Err(ScenarioError::DuplicateAddress {
                        key: key.into(),
                        value: v.clone(),
                        other: "router".into(),
                    });
                }
            }
        } else if !same_24(client_ip, server_ip) {
            return Err(ScenarioError::DifferentSubnet {
                key: "server.ip".into(),
                value: p.server_ip.clone(),
            });
        }
        Ok(Resolved {
            client_mac,
            server_mac,
            client_ip,
            server_ip,
            loss,
        })
    }
}

/// Ports of the `switch` scenario's switch.
const SWITCH_PORTS: usize = 3;

const ROUTER_MACS: [[u8; 6]; 2] = [[2, 0, 0, 0, 1, 1], [2, 0, 0, 0, 2, 1]];

/// Parameters after validation.
struct Resolved {
    client_mac: EthernetAddress,
    server_mac: EthernetAddress,
    client_ip: Ipv4Addr,
    server_ip: Ipv4Addr,
    loss: LossRule,
}

/// How the server's TCP program ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// recv → b'' (client's FIN), think, close: four-way teardown.
    FourWay,
    /// recv → b'', close at once: FIN rides with the ACK, three segments.
    ThreeWay,
    /// Both close together after the exchange: FINs cross, CLOSING on both sides.
    Simultaneous,
}

/// The client's first calls: `socket()`, then `bind()` when it asked for a fixed port.
fn client_opening(transport: Transport, s: &Scenario, r: &Resolved) -> Vec<Call> {
    let mut calls = vec![Call::Socket { transport }];
    if let Some(port) = s.params.client_port {
        calls.push(Call::Bind {
            ip: r.client_ip.octets(),
            port,
        });
    }
    calls
}

/// The server's first calls: `socket()` and `bind()` to its address and port.
fn server_opening(transport: Transport, s: &Scenario, r: &Resolved) -> Vec<Call> {
    vec![
        Call::Socket { transport },
        Call::Bind {
            ip: r.server_ip.octets(),
            port: s.params.server_port,
        },
    ]
}

/// The client's and the server's scripts, named as in their Python programs.
fn scripts(client: Vec<Call>, server: Vec<Call>) -> (Script, Script) {
    (
        Script {
            var: "client".into(),
            calls: client,
        },
        Script {
            var: "server".into(),
            calls: server,
        },
    )
}

fn tcp_scripts(s: &Scenario, r: &Resolved, ending: Ending) -> (Script, Script) {
    let p = &s.params;
    let sip = r.server_ip.octets();
    let client_think = p.client_think_ms.saturating_mul(1000);
    let server_think = p.server_think_ms.saturating_mul(1000);
    let mut client = client_opening(Transport::Tcp, s, r);
    client.push(Call::Connect {
        ip: sip,
        port: p.server_port,
    });
    if client_think > 0 {
        // Without a pause smoltcp lets the third handshake segment ride on the data.
        client.push(Call::Sleep { us: client_think });
    }
    client.push(Call::Send {
        data: p.client_payload.clone(),
    });
    client.push(Call::Recv { bufsize: 1024 });
    if client_think > 0 {
        client.push(Call::Sleep { us: client_think });
    }
    client.push(Call::Close);

    let mut server = server_opening(Transport::Tcp, s, r);
    server.extend([
        Call::Listen { backlog: 5 },
        Call::Accept,
        Call::Recv { bufsize: 1024 },
    ]);
    if server_think > 0 {
        server.push(Call::Sleep { us: server_think });
    }
    server.push(Call::Send {
        data: p.server_payload.clone(),
    });
    match ending {
        Ending::FourWay => {
            server.push(Call::Recv { bufsize: 1024 });
            if server_think > 0 {
                server.push(Call::Sleep { us: server_think });
            }
        }
        Ending::ThreeWay => server.push(Call::Recv { bufsize: 1024 }),
        Ending::Simultaneous => {
            // The client closes `client_think` after HELLO reaches it, one link latency
            // after the server sent it: sleeping that long makes both FINs leave at once.
            server.push(Call::Sleep {
                us: client_think.saturating_add(p.latency_us).max(1),
            });
        }
    }
    server.push(Call::Close);
    scripts(client, server)
}

fn udp_scripts(s: &Scenario, r: &Resolved) -> (Script, Script) {
    let p = &s.params;
    let sip = r.server_ip.octets();
    let mut client = client_opening(Transport::Udp, s, r);
    client.push(Call::SendTo {
        data: p.client_payload.clone(),
        to: Some((sip, p.server_port)),
    });
    client.push(Call::RecvFrom { bufsize: 1024 });
    client.push(Call::Close);
    let mut server = server_opening(Transport::Udp, s, r);
    server.push(Call::RecvFrom { bufsize: 1024 });
    if p.server_think_ms > 0 {
        server.push(Call::Sleep {
            us: p.server_think_ms.saturating_mul(1000),
        });
    }
    server.push(Call::SendTo {
        data: p.server_payload.clone(),
        to: None,
    });
    server.push(Call::Close);
    scripts(client, server)
}

/// The first address of `base`'s /24 (from `.start` up) that is not in `used`.
fn free_host(base: Ipv4Addr, start: u8, used: &[Ipv4Addr]) -> Ipv4Addr {
    let o = base.octets();
    (start..255)
        .chain(1..start)
        .map(|last| Ipv4Addr::new(o[0], o[1], o[2], last))
        .find(|ip| !used.contains(ip))
        .unwrap_or(base)
}

/// The first MAC `02:00:00:00:00:xx` (from `start` up) not in `used`.
fn free_mac(start: u8, used: &[EthernetAddress]) -> EthernetAddress {
    (start..=255)
        .chain(1..start)
        .map(|b| EthernetAddress([2, 0, 0, 0, 0, b]))
        .find(|m| !used.contains(m))
        .unwrap_or(EthernetAddress([2, 0, 0, 0, 0xff, 0xfe]))
}

/// Compute the trace of a scenario.
///
/// # Errors
/// Any [`ScenarioError`] [`Scenario::validate`] reports; [`ScenarioError::Network`] if
/// the network cannot be built.
pub fn run(s: &Scenario) -> Result<Trace, ScenarioError> {
    let mut trace = run_unannotated(s)?;
    annotate(&mut trace);
    Ok(trace)
}

/// [`run`] without the field-by-field annotation: every [`crate::trace::Frame::annotated`]
/// is `None`. For benchmarks, and for callers that annotate lazily (feed the frames to one
/// [`crate::wire::Annotator`] in trace order to get Wireshark's relative numbers).
///
/// # Errors
/// As [`run`].
pub fn run_unannotated(s: &Scenario) -> Result<Trace, ScenarioError> {
    let r = s.resolve()?;
    let p = &s.params;
    let mut rng = SplitMix64::new(p.seed);
    let client_seed = rng.next_u64();
    let server_seed = rng.next_u64();
    let ephemeral = rng.ephemeral_port();
    let lat = p.latency_us;
    let (client_script, server_script) = match s.name.as_str() {
        "tcp_server_close" => {
            let (c, s2) = tcp_scripts(s, &r, Ending::ThreeWay);
            (Some(c), Some(s2))
        }
        "tcp_simultaneous_close" => {
            let (c, s2) = tcp_scripts(s, &r, Ending::Simultaneous);
            (Some(c), Some(s2))
        }
        "refused" => {
            let (c, _) = tcp_scripts(s, &r, Ending::FourWay);
            (Some(c), None)
        }
        "udp" | "switch" | "storm" => {
            let (c, s2) = udp_scripts(s, &r);
            (Some(c), Some(s2))
        }
        "router" if p.router_udp => {
            let (c, s2) = udp_scripts(s, &r);
            (Some(c), Some(s2))
        }
        _ => {
            let (c, s2) = tcp_scripts(s, &r, Ending::FourWay);
            (Some(c), Some(s2))
        }
    };
    let routed = s.name == "router";
    let gw = |ip: Ipv4Addr| {
        let o = ip.octets();
        Ipv4Addr::new(o[0], o[1], o[2], 1)
    };
    let host = |name: &str, mac, ip: Ipv4Addr, seed, script| HostConfig {
        name: name.to_string(),
        mac,
        ip,
        prefix_len: 24,
        gateway: routed.then(|| gw(ip)),
        smoltcp_seed: seed,
        ephemeral_port: ephemeral,
        delayed_ack: p.delayed_ack,
        script,
    };
    let mut net = Network::new();
    let client = net.add_host(host(
        "client",
        r.client_mac,
        r.client_ip,
        client_seed,
        client_script,
    ))?;
    let server = net.add_host(host(
        "server",
        r.server_mac,
        r.server_ip,
        server_seed,
        server_script,
    ))?;
    let mut limits = Limits::default();
    match s.name.as_str() {
        "switch" => {
            let (cp, sp) = (
                usize::from(p.client_switch_port),
                usize::from(p.server_switch_port),
            );
            // The idle host takes the port left over, and the address its port suggests
            // (port 0 → .10 and …:0a, port 1 → .20 and …:14, port 2 → .30 and …:1e).
            let idle_port = (0..SWITCH_PORTS).find(|&q| q != cp && q != sp).unwrap_or(2);
            let tens = u8::try_from(10 * (idle_port + 1)).unwrap_or(30);
            let idle_ip = free_host(r.client_ip, tens, &[r.client_ip, r.server_ip]);
            let idle_mac = free_mac(tens, &[r.client_mac, r.server_mac]);
            let idle_name = format!("pc{}", idle_port + 1);
            let idle = net.add_host(host(&idle_name, idle_mac, idle_ip, rng.next_u64(), None))?;
            let sw = net.add_switch(Switch::new("switch", SWITCH_PORTS));
            // The client's cable first (link 0 carries the loss rule), then in port order.
            net.connect((client, 0), (sw, cp), lat)?;
            let mut rest = [(sp, server), (idle_port, idle)];
            rest.sort_by_key(|&(q, _)| q);
            for (q, node) in rest {
                net.connect((sw, q), (node, 0), lat)?;
            }
        }
        "router" => {
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
        "storm" => {
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
        _ => {
            net.connect((client, 0), (server, 0), lat)?;
        }
    }
    net.set_loss(0, r.loss);
    net.set_delayed_ack(p.delayed_ack);
    net.set_limits(limits);
    let out = net.run();
    let mut trace = Trace {
        scenario: s.clone(),
        hosts: out.hosts,
        links: out.links,
        frames: out.frames,
        events: out.events,
        end_us: out.end_us,
        tick_us: lat,
        frames_per_tick: Vec::new(),
        capped: out.capped,
    };
    if s.name == "storm" && trace.capped {
        trace.events.push(crate::trace::Event {
            time_us: trace.end_us,
            kind: crate::trace::EventKind::Note {
                key: "note.storm_capped".into(),
            },
        });
    }
    if s.name == "storm" {
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

/// Annotate every frame in trace order (the annotator numbers TCP sequence numbers
/// relative to each direction's first, as Wireshark does).
fn annotate(t: &mut Trace) {
    let mut annotator = crate::wire::Annotator::new();
    for f in &mut t.frames {
        f.annotated = annotator.annotate(&f.bytes).ok();
    }
}
