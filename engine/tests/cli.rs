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
        (&[], "--scenario or --read is required"),
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

fn capture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/captures")
        .join(name)
}

#[test]
fn reads_a_capture_and_writes_a_conversation() {
    let json = tmp("capture.json");
    let out = bin()
        .arg("--read")
        .arg(capture_path("sll2.pcap"))
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("18 frames, 2 conversations"), "{text}");
    assert!(
        text.contains("TCP  10.0.0.1:40000 → 10.0.0.2:8080  15 frames"),
        "{text}"
    );
    assert!(
        text.contains("UDP  10.0.0.1:50000 → 10.0.0.2:50001  2 frames"),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    // The same shape as a scenario's: frames with layers and fields, events.
    assert!(v["scenario"].is_null());
    assert_eq!(v["capture"]["conversation"], 0);
    assert_eq!(v["capture"]["states_inferred"], true);
    let frames = v["frames"].as_array().unwrap();
    assert_eq!(frames.len(), 15);
    assert_eq!(frames[0]["layers"][0]["id"], "sll");
    assert_eq!(frames[0]["role"], "syn");
    assert_eq!(frames[0]["from"], "client");
    let hosts: Vec<&str> = v["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap())
        .collect();
    assert_eq!(hosts, ["client", "server"]);
    let changes: Vec<(String, String)> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "state_change" && e["host"] == "client")
        .map(|e| (e["from"].to_string(), e["to"].to_string()))
        .collect();
    assert_eq!(changes[0], ("\"CLOSED\"".into(), "\"SYN_SENT\"".into()));
    assert_eq!(changes.last().unwrap().1, "\"TIME_WAIT\"");
    // The UDP conversation.
    let out = bin()
        .arg("--read")
        .arg(capture_path("sll2.pcap"))
        .args(["--conversation", "1", "--json"])
        .arg(&json)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["capture"]["transport"], "udp");
    assert_eq!(v["frames"].as_array().unwrap().len(), 2);
}

#[test]
fn damaged_captures_exit_non_zero_with_the_reason() {
    let garbage = tmp("garbage.pcap");
    std::fs::write(&garbage, b"this is not a capture file at all").unwrap();
    let full = std::fs::read(capture_path("ethernet.pcapng")).unwrap();
    let cut = tmp("cut.pcapng");
    std::fs::write(&cut, &full[..full.len() - 10]).unwrap();
    let mut wifi = std::fs::read(capture_path("sll.pcap")).unwrap();
    wifi[20..24].copy_from_slice(&105u32.to_le_bytes());
    let wifi_path = tmp("wifi.pcap");
    std::fs::write(&wifi_path, &wifi).unwrap();
    for (path, reason) in [
        (
            &garbage,
            "not a pcap or pcapng file [capture.error.not_a_capture]",
        ),
        (&cut, "cut short"),
        (&wifi_path, "link type 105 is not supported"),
    ] {
        let out = bin()
            .arg("--read")
            .arg(path)
            .arg("--json")
            .arg(tmp("never.json"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(reason), "{}: {err}", path.display());
        assert!(
            !err.contains("usage:"),
            "the reason, not the usage text: {err}"
        );
    }
    let out = bin()
        .arg("--read")
        .arg(capture_path("sll.pcap"))
        .args(["--conversation", "7", "--json"])
        .arg(tmp("never.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such conversation (there are 2)"));
    for bad in [
        vec!["--read", "x.pcap", "--scenario", "tcp"],
        vec!["--conversation", "1"],
        vec!["--read", "x.pcap", "--conversation", "one"],
    ] {
        let out = bin().args(&bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let out = bin()
        .args(["--read", "/no/such/file.pcap"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("reading /no/such/file.pcap"));
}

/// Writes `text` to a fresh file named `name` and returns its path.
fn program(name: &str, text: &str) -> std::path::PathBuf {
    let p = tmp(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn runs_two_programs_into_pcap_and_json_with_python_reprs() {
    let preset = wirewalk_engine::python::PRESETS[0];
    let c = program("one_c.py", preset.client);
    let s = program("one_s.py", preset.server);
    let (pcap, json) = (tmp("prog.pcap"), tmp("prog.json"));
    let out = bin()
        .arg("--client-program")
        .arg(&c)
        .arg("--server-program")
        .arg(&s)
        .args(["--set", "seed=3", "--pcap"])
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
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        &std::fs::read(&pcap).unwrap()[..4],
        &[0xd4, 0xc3, 0xb2, 0xa1]
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["scenario"]["params"]["seed"], 3);
    let events = v["events"].as_array().unwrap();
    let recv: Vec<&str> = events
        .iter()
        .filter(|e| e["kind"] == "socket_call" && e["call"] == "recv" && e["phase"] == "returned")
        .map(|e| e["result"].as_str().unwrap())
        .collect();
    assert_eq!(recv, ["b'hello'", "b'HELLO'"]);
    assert!(events.iter().any(|e| e["kind"] == "print"
        && e["host"] == "client"
        && e["text"] == "reply: b'HELLO'\n"));
}

#[test]
fn a_program_that_cannot_run_says_file_line_and_exits_2() {
    let c = program("bad_c.py", "import socket\n\ndef main():\n    pass\n");
    let s = program("bad_s.py", "import socket\nx = (1,\n");
    let out = bin()
        .arg("--client-program")
        .arg(&c)
        .arg("--server-program")
        .arg(&s)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("{}:3: ", c.display())) && lines[0].contains("def"),
        "{err}"
    );
    assert!(lines[1].starts_with(&format!("{}:", s.display())), "{err}");
    // Only one program given, or one that does not exist: a usage error.
    let out = bin().arg("--client-program").arg(&c).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["--client-program", "/nonexistent/c.py", "--server-program"])
        .arg(&s)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/c.py"));
}

#[test]
fn a_raised_exception_is_a_trace_with_its_traceback_on_stderr() {
    let c = program(
        "refused_c.py",
        "import socket\n\nc = socket.socket()\nc.connect(('192.168.1.20', 9999))\nprint('never')\n",
    );
    let s = program("refused_s.py", "import time\ntime.sleep(1)\n");
    let json = tmp("refused.json");
    let out = bin()
        .arg("--client-program")
        .arg(&c)
        .arg("--server-program")
        .arg(&s)
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Traceback (most recent call last):\n  File \"client.py\", line 4, in <module>\n    c.connect(('192.168.1.20', 9999))\nConnectionRefusedError: [Errno 111] Connection refused\n"
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let exc: Vec<_> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "exception")
        .collect();
    assert_eq!(exc.len(), 1);
    assert_eq!(exc[0]["name"], "ConnectionRefusedError");
    assert_eq!(exc[0]["line"], 4);
    assert!(!v["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "print"));
}
