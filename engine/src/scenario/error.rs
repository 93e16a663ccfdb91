//! [`ScenarioError`]: every way a scenario or one of its parameters can be refused, with
//! the key, the value as typed and an i18n message key for the UI.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::{ScenarioName, KEYS};
use crate::net::NetError;
use crate::trace::TraceError;

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
                ScenarioName::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
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

/// A trace that breaks its own rules is an engine bug; it reaches the user as
/// [`ScenarioError::Network`] ("this is a bug, please tell…") instead of a wrong picture.
impl From<TraceError> for ScenarioError {
    fn from(e: TraceError) -> Self {
        ScenarioError::Network(e.to_string())
    }
}

impl From<NetError> for ScenarioError {
    fn from(e: NetError) -> Self {
        ScenarioError::Network(e.to_string())
    }
}
