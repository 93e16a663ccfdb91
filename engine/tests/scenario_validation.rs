//! One test per validation error: every bad input gets its typed error, its i18n key and
//! the offending key and value — never a panic.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wirewalk_engine::run;
use wirewalk_engine::scenario::{
    Ipv4Problem, MacProblem, Scenario, ScenarioError, ScenarioName, MAX_PAYLOAD,
};

fn tcp() -> Scenario {
    Scenario::named("tcp").expect("tcp is in the catalogue")
}

#[test]
fn every_catalogue_name_is_known_and_valid() {
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        let s = Scenario::named(name).expect(name);
        assert_eq!(s.validate(), Ok(()), "{name}");
    }
}

#[test]
fn unknown_scenario() {
    let e = Scenario::named("tcp_turbo").unwrap_err();
    assert_eq!(e, ScenarioError::UnknownScenario("tcp_turbo".into()));
    assert_eq!(e.message_key(), "error.unknown_scenario");
    assert_eq!(e.value(), Some("tcp_turbo"));
    // The name is typed: a serialized scenario with a bad name does not even deserialize.
    let bad = serde_json::from_str::<Scenario>(r#"{"name":"nope","params":{}}"#);
    assert!(bad.unwrap_err().to_string().contains("nope"));
    let good = serde_json::from_str::<Scenario>(r#"{"name":"tcp_loss","params":{}}"#);
    assert_eq!(good.unwrap().name, ScenarioName::TcpLoss);
}

#[test]
fn unknown_key() {
    let e = tcp().set("client.colour", "blue").unwrap_err();
    assert_eq!(e, ScenarioError::UnknownKey("client.colour".into()));
    assert_eq!(e.message_key(), "error.unknown_key");
    assert_eq!(e.key(), Some("client.colour"));
}

#[test]
fn bad_mac_syntax() {
    let e = tcp().set("client.mac", "02:00:00:00:00").unwrap_err();
    assert_eq!(
        e,
        ScenarioError::BadMac {
            key: "client.mac".into(),
            value: "02:00:00:00:00".into(),
            problem: MacProblem::Syntax
        }
    );
    assert_eq!(e.message_key(), "error.bad_mac");
    assert!(tcp().set("server.mac", "02:00:00:00:00:zz").is_err());
}

#[test]
fn multicast_mac() {
    let e = tcp().set("server.mac", "01:00:5e:00:00:01").unwrap_err();
    assert_eq!(e.message_key(), "error.mac_multicast");
    let e = tcp().set("server.mac", "ff:ff:ff:ff:ff:ff").unwrap_err();
    assert_eq!(e.message_key(), "error.mac_multicast");
}

#[test]
fn zero_mac() {
    let e = tcp().set("client.mac", "00:00:00:00:00:00").unwrap_err();
    assert_eq!(e.message_key(), "error.mac_zero");
}

#[test]
fn mac_with_dashes_and_capitals_is_fine() {
    let mut s = tcp();
    s.set("client.mac", "3C-97-0E-12-34-56").unwrap();
    assert!(run(&s).is_ok());
}

#[test]
fn bad_ipv4_octet() {
    let e = tcp().set("client.ip", "192.168.1.256").unwrap_err();
    assert_eq!(
        e,
        ScenarioError::BadIpv4 {
            key: "client.ip".into(),
            value: "192.168.1.256".into(),
            detail: Ipv4Problem::Octet(256)
        }
    );
    assert_eq!(e.message_key(), "error.bad_ipv4_octet");
    assert!(e.to_string().contains("256"));
}

#[test]
fn bad_ipv4_syntax() {
    for v in [
        "192.168.1",
        "a.b.c.d",
        "1..2.3",
        "192.168.1.10.5",
        "",
        "-1.2.3.4",
    ] {
        let e = tcp().set("server.ip", v).unwrap_err();
        assert_eq!(e.message_key(), "error.bad_ipv4", "{v:?}");
    }
}

#[test]
fn loopback_ipv4() {
    let e = tcp().set("server.ip", "127.0.0.1").unwrap_err();
    assert_eq!(e.message_key(), "error.ipv4_loopback");
}

#[test]
fn network_and_broadcast_ipv4() {
    for v in ["192.168.1.0", "192.168.1.255"] {
        let e = tcp().set("server.ip", v).unwrap_err();
        assert_eq!(e.message_key(), "error.ipv4_network_or_broadcast");
    }
}

#[test]
fn reserved_ipv4() {
    for v in ["0.1.2.3", "224.0.0.5", "255.255.255.254"] {
        let e = tcp().set("client.ip", v).unwrap_err();
        assert_eq!(e.message_key(), "error.ipv4_reserved", "{v}");
    }
}

#[test]
fn port_zero() {
    let e = tcp().set("server.port", "0").unwrap_err();
    assert_eq!(
        e,
        ScenarioError::BadPort {
            key: "server.port".into(),
            value: "0".into()
        }
    );
    assert_eq!(e.message_key(), "error.bad_port");
    // Deserialized data with port 0 is caught by validate.
    let mut s = tcp();
    s.params.server_port = 0;
    assert!(matches!(s.validate(), Err(ScenarioError::BadPort { .. })));
}

#[test]
fn port_above_65535() {
    for v in ["65536", "99999999999999999999", "-1", "80a"] {
        let e = tcp().set("client.port", v).unwrap_err();
        assert_eq!(e.message_key(), "error.bad_port", "{v}");
    }
    let mut s = tcp();
    s.set("client.port", "65535").unwrap();
    s.set("client.port", "auto").unwrap();
    assert_eq!(s.params.client_port, None);
}

#[test]
fn payload_too_long() {
    let long = "x".repeat(MAX_PAYLOAD + 1);
    let e = tcp().set("client.payload", &long).unwrap_err();
    assert_eq!(
        e,
        ScenarioError::PayloadTooLong {
            key: "client.payload".into(),
            len: MAX_PAYLOAD + 1,
            max: MAX_PAYLOAD
        }
    );
    assert_eq!(e.message_key(), "error.payload_too_long");
    // Length counts UTF-8 bytes: 487 × "你" = 1461 bytes.
    let e = tcp().set("server.payload", &"你".repeat(487)).unwrap_err();
    assert!(matches!(e, ScenarioError::PayloadTooLong { len: 1461, .. }));
    tcp().set("server.payload", &"你".repeat(486)).unwrap();
}

#[test]
fn empty_payload() {
    let e = tcp().set("client.payload", "").unwrap_err();
    assert_eq!(e.message_key(), "error.payload_empty");
}

#[test]
fn duplicate_ip() {
    let mut s = tcp();
    s.set("server.ip", "192.168.1.10").unwrap();
    let e = s.validate().unwrap_err();
    assert_eq!(
        e,
        ScenarioError::DuplicateAddress {
            key: "server.ip".into(),
            value: "192.168.1.10".into(),
            other: "client.ip".into()
        }
    );
    assert_eq!(e.message_key(), "error.duplicate_address");
    assert!(run(&s).is_err());
}

#[test]
fn duplicate_mac() {
    let mut s = tcp();
    s.set("server.mac", "02:00:00:00:00:0a").unwrap();
    let e = s.validate().unwrap_err();
    assert_eq!(e.message_key(), "error.duplicate_address");
    assert_eq!(e.key(), Some("server.mac"));
}

#[test]
fn router_address_is_taken() {
    let mut s = Scenario::named("router").unwrap();
    s.set("client.ip", "192.168.1.1").unwrap();
    let e = s.validate().unwrap_err();
    assert_eq!(e.message_key(), "error.duplicate_address");
    assert!(e.to_string().contains("router"));
}

#[test]
fn different_subnet_without_router() {
    let mut s = tcp();
    s.set("server.ip", "10.0.0.20").unwrap();
    let e = s.validate().unwrap_err();
    assert_eq!(e.message_key(), "error.different_subnet");
}

#[test]
fn same_subnet_with_router() {
    let mut s = Scenario::named("router").unwrap();
    s.set("server.ip", "192.168.1.20").unwrap();
    let e = s.validate().unwrap_err();
    assert_eq!(e.message_key(), "error.same_subnet");
}

#[test]
fn bad_number_and_range() {
    let e = tcp().set("seed", "lots").unwrap_err();
    assert_eq!(e.message_key(), "error.bad_number");
    let e = tcp().set("client.think_ms", "600000").unwrap_err();
    assert_eq!(e.message_key(), "error.out_of_range");
    let e = tcp().set("latency_us", "0").unwrap_err();
    assert_eq!(e.message_key(), "error.out_of_range");
}

#[test]
fn bad_bool() {
    let e = tcp().set("delayed_ack", "maybe").unwrap_err();
    assert_eq!(e.message_key(), "error.bad_bool");
    let mut s = tcp();
    s.set("delayed_ack", "off").unwrap();
    assert!(!s.params.delayed_ack);
}

#[test]
fn bad_loss() {
    for v in ["sometimes", "c2s:0", "data*0", "s2c:x"] {
        let e = tcp().set("loss", v).unwrap_err();
        assert_eq!(e.message_key(), "error.bad_loss", "{v}");
    }
    let mut s = tcp();
    for v in [
        "none",
        "data",
        "data*2",
        "syn_ack",
        "final_ack",
        "c2s:3",
        "s2c:1",
    ] {
        s.set("loss", v).unwrap();
    }
}

#[test]
fn errors_display_and_are_std_errors() {
    let e: Box<dyn std::error::Error> = Box::new(tcp().set("server.port", "0").unwrap_err());
    assert!(e.to_string().contains("1-65535"));
}

#[test]
fn every_message_key_is_listed_for_the_ui() {
    use wirewalk_engine::scenario::ERROR_KEYS;
    let k = || "k".to_string();
    let v = || "v".to_string();
    let all = [
        ScenarioError::UnknownScenario(v()),
        ScenarioError::UnknownKey(k()),
        ScenarioError::BadMac {
            key: k(),
            value: v(),
            problem: MacProblem::Syntax,
        },
        ScenarioError::BadMac {
            key: k(),
            value: v(),
            problem: MacProblem::Multicast,
        },
        ScenarioError::BadMac {
            key: k(),
            value: v(),
            problem: MacProblem::Zero,
        },
        ScenarioError::BadIpv4 {
            key: k(),
            value: v(),
            detail: Ipv4Problem::Syntax,
        },
        ScenarioError::BadIpv4 {
            key: k(),
            value: v(),
            detail: Ipv4Problem::Octet(300),
        },
        ScenarioError::BadIpv4 {
            key: k(),
            value: v(),
            detail: Ipv4Problem::Loopback,
        },
        ScenarioError::BadIpv4 {
            key: k(),
            value: v(),
            detail: Ipv4Problem::NetworkOrBroadcast,
        },
        ScenarioError::BadIpv4 {
            key: k(),
            value: v(),
            detail: Ipv4Problem::Reserved,
        },
        ScenarioError::BadPort {
            key: k(),
            value: v(),
        },
        ScenarioError::PayloadTooLong {
            key: k(),
            len: 2000,
            max: MAX_PAYLOAD,
        },
        ScenarioError::EmptyPayload { key: k() },
        ScenarioError::DuplicateAddress {
            key: k(),
            value: v(),
            other: "client.ip".into(),
        },
        ScenarioError::DifferentSubnet {
            key: k(),
            value: v(),
        },
        ScenarioError::SameSubnet {
            key: k(),
            value: v(),
        },
        ScenarioError::BadNumber {
            key: k(),
            value: v(),
        },
        ScenarioError::OutOfRange {
            key: k(),
            value: v(),
            min: 0,
            max: 1,
        },
        ScenarioError::BadBool {
            key: k(),
            value: v(),
        },
        ScenarioError::BadLoss {
            key: k(),
            value: v(),
        },
        ScenarioError::Network("x".into()),
    ];
    let keys: Vec<&str> = all.iter().map(ScenarioError::message_key).collect();
    assert_eq!(keys, ERROR_KEYS);
    for e in &all {
        assert!(!e.to_string().is_empty());
    }
}
