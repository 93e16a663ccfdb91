//! Parsers for one parameter value at a time: MAC, IPv4, port, number, bool, payload and
//! loss rule. Each answers a bad value with the precise [`ScenarioError`].

use std::net::Ipv4Addr;

use smoltcp::wire::EthernetAddress;

use super::{Ipv4Problem, MacProblem, ScenarioError, MAX_PAYLOAD};
use crate::net::{Direction, LossRule};
use crate::wire::FrameRole;

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

pub(super) fn parse_port(key: &str, value: &str) -> Result<u16, ScenarioError> {
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

pub(super) fn parse_u64(key: &str, value: &str, min: u64, max: u64) -> Result<u64, ScenarioError> {
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

pub(super) fn parse_bool(key: &str, value: &str) -> Result<bool, ScenarioError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "1" | "yes" => Ok(true),
        "false" | "off" | "0" | "no" => Ok(false),
        _ => Err(ScenarioError::BadBool {
            key: key.to_string(),
            value: value.to_string(),
        }),
    }
}

pub(super) fn check_payload(key: &str, value: &str) -> Result<(), ScenarioError> {
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
pub const LOSS_ROLES: &[FrameRole] = &[
    FrameRole::Syn,
    FrameRole::SynAck,
    FrameRole::HandshakeAck,
    FrameRole::Data,
    FrameRole::Ack,
    FrameRole::Fin,
    FrameRole::AckFin,
    FrameRole::FinalAck,
    FrameRole::Udp,
    FrameRole::ArpRequest,
    FrameRole::ArpReply,
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
        Some((r, c)) => (r, c.parse::<usize>().map_err(|_| err())?),
        None => (v.as_str(), 1),
    };
    let role = FrameRole::parse(role)
        .filter(|r| LOSS_ROLES.contains(r))
        .ok_or_else(err)?;
    if count == 0 || count > 10 {
        return Err(err());
    }
    Ok(LossRule::Role { role, count })
}

pub(super) fn same_24(a: Ipv4Addr, b: Ipv4Addr) -> bool {
    a.octets()[..3] == b.octets()[..3]
}
