//! The `wirewalk-trace` command: files written, typed errors on bad input, non-zero exit.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wirewalk-trace"))
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wirewalk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn writes_pcap_and_json() {
    let (pcap, json) = (tmp("tcp.pcap"), tmp("tcp.json"));
    let out = bin()
        .args([
            "--scenario",
            "tcp",
            "--set",
            "client.payload=hi",
            "--set",
            "seed=7",
        ])
        .arg("--pcap")
        .arg(&pcap)
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pcap).unwrap();
    assert_eq!(
        &bytes[..4],
        &[0xd4, 0xc3, 0xb2, 0xa1],
        "pcap magic, little-endian µs"
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["scenario"]["params"]["client_payload"], "hi");
    assert_eq!(v["scenario"]["params"]["seed"], 7);
    assert!(v["frames"].as_array().unwrap().len() > 10);
    // Same command, same bytes.
    let pcap2 = tmp("tcp2.pcap");
    let out = bin()
        .args([
            "--scenario",
            "tcp",
            "--set",
            "client.payload=hi",
            "--set",
            "seed=7",
            "--pcap",
        ])
        .arg(&pcap2)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(bytes, std::fs::read(&pcap2).unwrap());
}

#[test]
fn every_catalogue_scenario_runs() {
    for name in wirewalk_engine::scenario::ScenarioName::ALL
        .iter()
        .map(|n| n.as_str())
    {
        let out = bin().args(["--scenario", name]).output().unwrap();
        assert!(out.status.success(), "{name}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with(name));
    }
}

#[test]
fn bad_set_prints_the_typed_error_and_fails() {
    let out = bin()
        .args(["--scenario", "tcp", "--set", "server.ip=192.168.1.300"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("server.ip"), "{err}");
    assert!(err.contains("300"), "{err}");
    assert!(err.contains("error.bad_ipv4_octet"), "{err}");
}

#[test]
fn cross_field_errors_fail_too() {
    let out = bin()
        .args(["--scenario", "tcp", "--set", "server.ip=192.168.1.10"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error.duplicate_address"));
}

#[test]
fn unknown_scenario_key_and_usage_errors() {
    let out = bin().args(["--scenario", "tcp_turbo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error.unknown_scenario"));
    let out = bin()
        .args(["--scenario", "tcp", "--set", "colour=red"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error.unknown_key"));
    let out = bin()
        .args(["--scenario", "tcp", "--set", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    let out = bin().arg("--list").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("storm"));
}

#[test]
fn help_succeeds_on_stdout() {
    for flag in ["--help", "-h"] {
        let out = bin().arg(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("usage") && text.contains("--set"), "{text}");
        assert!(out.stderr.is_empty());
    }
}

#[test]
fn options_take_their_value_after_an_equals_sign_too() {
    let json = tmp("eq.json");
    let out = bin()
        .arg("--scenario=tcp")
        .arg("--set=client.payload=hi=there")
        .arg(format!("--json={}", json.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["scenario"]["params"]["client_payload"], "hi=there");
}

#[test]
fn every_bad_invocation_says_why_and_exits_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["--list", "--bogus"], "unknown argument \"--bogus\""),
        (
            &["--list", "--scenario", "tcp"],
            "--list takes no other options",
        ),
        (
            &["--scenario", "tcp", "--scenario", "udp"],
            "--scenario given twice",
        ),
        (&["--scenario", "tcp", "--pcap"], "--pcap needs a value"),
        (&["--scenario", "tcp", "--pcap="], "--pcap needs a value"),
        (&["--scenario="], "--scenario needs a value"),
        (&["--list=yes"], "--list takes no value"),
        (
            &["--scenario", "tcp", "--set=nonsense"],
            "expected key=value",
        ),
        (&["tcp"], "unknown argument \"tcp\""),
        (&[], "--scenario is required"),
    ];
    for (args, why) in cases {
        let out = bin().args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(why), "{args:?}: {err}");
        assert!(err.contains("usage"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_an_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"tc\xffp");
    for args in [vec![std::ffi::OsStr::new("--scenario"), bad], vec![bad]] {
        let out = bin().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not valid UTF-8"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_or_full_stdout_is_an_error_not_a_panic() {
    use std::process::Stdio;
    // Full: /dev/full refuses every write.
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        for args in [&["--scenario", "tcp"][..], &["--list"], &["--help"]] {
            let out = bin()
                .args(args)
                .stdout(Stdio::from(full.try_clone().unwrap()))
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("writing to standard output"), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    // Closed: the reading end of the pipe is gone before the command writes.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = bin()
        .arg("--list")
        .stdout(Stdio::from(writer))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("writing to standard output"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
