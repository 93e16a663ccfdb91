//! The rules between parameters: [`Scenario::validate`] and the resolved addresses and
//! loss rule the topology is built from.

use std::net::Ipv4Addr;

use smoltcp::wire::EthernetAddress;

use super::parse::{
    check_payload, parse_ipv4, parse_loss, parse_mac, parse_port, parse_u64, same_24,
};
use super::{Scenario, ScenarioError, ScenarioName, ROUTER_MACS, SWITCH_PORTS};
use crate::net::LossRule;

/// Parameters after validation.
pub(super) struct Resolved {
    pub(super) client_mac: EthernetAddress,
    pub(super) server_mac: EthernetAddress,
    pub(super) client_ip: Ipv4Addr,
    pub(super) server_ip: Ipv4Addr,
    pub(super) loss: LossRule,
}

impl Scenario {
    /// Check every parameter and the rules between them.
    ///
    /// # Errors
    /// The first problem found, as a [`ScenarioError`].
    pub fn validate(&self) -> Result<(), ScenarioError> {
        self.resolve().map(|_| ())
    }

    pub(super) fn resolve(&self) -> Result<Resolved, ScenarioError> {
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
        let routed = self.name == ScenarioName::Router;
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
