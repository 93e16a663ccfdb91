//! The tshark oracle: every annotated field must equal what tshark 4.0 shows.
//!
//! Frames go through [`write_pcap`] into tshark (`-T pdml` for `pos`/`size`/`show`,
//! `-T json -x` for bit masks) with IP/TCP/UDP checksum validation on. For every frame:
//! - tshark reports no malformed packet, no error-level expert info, no bad checksum;
//! - every field we annotate (children included) exists in tshark's tree at the same
//!   position with the same size and the same `show` value, and its mask equals tshark's;
//! - every field tshark shows at the top level of `eth`, `arp`, `ip`, `tcp`, `udp`
//!   (and `data.data`) is in our annotation, except the generated ones in [`GENERATED`];
//! - our one-line summary equals tshark's Info column (`-T fields -e _ws.col.Info`), once
//!   tshark's TCP analysis prefixes such as `[TCP Retransmission] ` are taken off (that
//!   analysis is the narrator's, not the annotator's).
//!
//! tshark is required: a missing tshark fails the test; there is no switch to skip it.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use wirewalk_engine::pcap::write_pcap;
use wirewalk_engine::wire::{AnnotatedFrame, Annotator, LayerId};

/// tshark fields that are computed by tshark rather than read from the header (or are the
/// payload, which we show as `data.data`); the completeness check skips them.
const GENERATED: &[&str] = &[
    "ip.checksum_calculated",
    "tcp.window_size",
    "tcp.window_size_scalefactor",
    "tcp.checksum_calculated",
    "tcp.segment_data",
    "udp.checksum_calculated",
];

/// Our `data.data` is the payload; depending on its conversation tshark 4.0 hands a TCP
/// payload to the data dissector (`data.data`) or only shows `tcp.payload`. Both are the
/// same bytes with the same `show` format, so either one matches.
const PAYLOAD_ALIASES: &[&str] = &["data.data", "tcp.payload", "udp.payload"];

/// Whether tshark's field `name` stands for our field `id`.
fn same_field(id: &str, name: &str) -> bool {
    id == name || (id == "data.data" && PAYLOAD_ALIASES.contains(&name))
}

/// Fields whose tshark JSON mask is 0 although they are nibbles (we give the real mask).
const MASK_QUIRKS: &[&str] = &["ip.version", "ip.hdr_len", "tcp.hdr_len"];

/// Protocols whose top-level fields must all be annotated.
const CHECKED_PROTOS: &[&str] = &["eth", "arp", "ip", "tcp", "udp"];

/// One field of tshark's PDML.
#[derive(Debug, Clone)]
struct TsField {
    name: String,
    pos: usize,
    size: usize,
    show: String,
    /// Protocol element it sits in.
    proto: String,
    /// Direct child of its protocol element.
    top: bool,
}

/// What tshark said about one packet.
#[derive(Debug, Default)]
struct TsPacket {
    fields: Vec<TsField>,
    protos: Vec<String>,
    problems: Vec<String>,
}

fn tshark_present() -> bool {
    Command::new("tshark")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Panics when tshark is missing: the oracle never skips.
fn require_tshark() {
    assert!(
        tshark_present(),
        "tshark not found: the tshark oracle needs it (Debian: `DEBIAN_FRONTEND=noninteractive apt-get install -y tshark`)"
    );
}

/// tshark's Info column without its leading TCP analysis flags (`[TCP Retransmission] `,
/// `[TCP Previous segment not captured] `, …), which the annotator does not compute.
fn strip_analysis(info: &str) -> &str {
    let mut rest = info;
    while let Some(after) = rest.strip_prefix("[TCP ") {
        match after.find("] ") {
            Some(end) => rest = &after[end + 2..],
            None => break,
        }
    }
    rest
}

/// Protocols tshark dissects on its own that the oracle keeps.
const KEPT_PROTOCOLS: &[&str] = &[
    "frame",
    "eth",
    "ethertype",
    "arp",
    "ip",
    "tcp",
    "udp",
    "data",
];

/// Every tshark protocol but [`KEPT_PROTOCOLS`] and tshark's own `_ws.*` (from `tshark -G protocols`).
fn other_protocols() -> &'static [String] {
    static LIST: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let out = Command::new("tshark")
            .args(["-G", "protocols"])
            .output()
            .expect("run tshark -G protocols");
        let text = String::from_utf8_lossy(&out.stdout);
        let list: Vec<String> = text
            .lines()
            .filter_map(|l| l.split('\t').nth(2))
            .filter(|p| !p.starts_with("_ws") && !KEPT_PROTOCOLS.contains(p))
            .map(str::to_string)
            .collect();
        assert!(
            list.len() > 100,
            "tshark -G protocols listed too few protocols"
        );
        list
    })
}

fn run_tshark(pcap: &PathBuf, format: &[&str]) -> String {
    let mut cmd = Command::new("tshark");
    cmd.arg("-n")
        .arg("-r")
        .arg(pcap)
        .args(["-o", "tcp.check_checksum:TRUE"])
        .args(["-o", "ip.check_checksum:TRUE"])
        .args(["-o", "udp.check_checksum:TRUE"])
        .args(["-o", "tcp.relative_sequence_numbers:TRUE"])
        .args(format);
    // Only the layers we annotate, so payloads are shown as `data` like ours (tshark 4.0
    // has no working `--disable-protocol ALL`: name every other protocol).
    for p in other_protocols() {
        cmd.args(["--disable-protocol", p]);
    }
    let out = cmd.output().expect("run tshark");
    assert!(
        out.status.success(),
        "tshark failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tshark output is UTF-8")
}

fn collect_fields(node: roxmltree::Node<'_, '_>, proto: &str, depth: usize, pkt: &mut TsPacket) {
    for child in node.children().filter(|n| n.is_element()) {
        match child.tag_name().name() {
            "proto" => {
                let name = child.attribute("name").unwrap_or_default().to_string();
                if name == "_ws.malformed" {
                    pkt.problems.push("malformed packet".into());
                }
                pkt.protos.push(name.clone());
                collect_fields(child, &name, 0, pkt);
            }
            "field" => {
                let name = child.attribute("name").unwrap_or_default();
                let show = child.attribute("show").unwrap_or_default();
                if name == "_ws.expert.severity" && show == "8388608" {
                    pkt.problems
                        .push(format!("error-level expert info in {proto}"));
                }
                if name.ends_with("checksum.status") && show == "0" {
                    pkt.problems.push(format!("bad checksum: {name}"));
                }
                let hidden = child.attribute("hide") == Some("yes");
                let pos = child.attribute("pos").and_then(|p| p.parse().ok());
                let size = child.attribute("size").and_then(|p| p.parse().ok());
                if let (false, Some(pos), Some(size)) = (hidden, pos, size) {
                    if !name.is_empty() {
                        pkt.fields.push(TsField {
                            name: name.to_string(),
                            pos,
                            size,
                            show: show.to_string(),
                            proto: proto.to_string(),
                            top: depth == 0,
                        });
                    }
                }
                collect_fields(child, proto, depth + 1, pkt);
            }
            _ => {}
        }
    }
}

fn parse_pdml(xml: &str) -> Vec<TsPacket> {
    let doc = roxmltree::Document::parse(xml).expect("PDML parses");
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name("packet"))
        .map(|p| {
            let mut pkt = TsPacket::default();
            collect_fields(p, "", 0, &mut pkt);
            pkt
        })
        .collect()
}

/// `(name, pos, len) -> masks` from `-T json -x --no-duplicate-keys` `_raw` arrays.
type Masks = HashMap<(String, usize, usize), Vec<u64>>;

fn raw_entry(v: &serde_json::Value) -> Option<(usize, usize, u64)> {
    let a = v.as_array()?;
    if a.len() != 5 || !a[0].is_string() {
        return None;
    }
    Some((
        usize::try_from(a[1].as_u64()?).ok()?,
        usize::try_from(a[2].as_u64()?).ok()?,
        a[3].as_u64()?,
    ))
}

fn collect_masks(v: &serde_json::Value, out: &mut Masks) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if let Some(name) = k.strip_suffix("_raw") {
                    let entries: Vec<&serde_json::Value> = match raw_entry(v) {
                        Some(_) => vec![v],
                        None => v.as_array().map(|a| a.iter().collect()).unwrap_or_default(),
                    };
                    for e in entries {
                        if let Some((pos, len, mask)) = raw_entry(e) {
                            out.entry((name.to_string(), pos, len))
                                .or_default()
                                .push(mask);
                        }
                    }
                }
                collect_masks(v, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_masks(x, out)),
        _ => {}
    }
}

fn parse_json(text: &str) -> Vec<Masks> {
    let v: serde_json::Value = serde_json::from_str(text).expect("tshark JSON parses");
    v.as_array()
        .expect("JSON array of packets")
        .iter()
        .map(|p| {
            let mut m = Masks::new();
            collect_masks(&p["_source"]["layers"], &mut m);
            m
        })
        .collect()
}

fn temp_pcap(label: &str, bytes: &[u8]) -> PathBuf {
    let safe: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let path = std::env::temp_dir().join(format!(
        "wirewalk-oracle-{}-{safe}.pcap",
        std::process::id()
    ));
    std::fs::write(&path, bytes).expect("write pcap");
    path
}

/// Checks one frame against tshark; returns the mismatches.
fn compare(
    i: usize,
    ours: &AnnotatedFrame,
    ts: &TsPacket,
    masks: &Masks,
    stats: &mut Stats,
) -> Vec<String> {
    let mut errs: Vec<String> = ts
        .problems
        .iter()
        .map(|p| format!("frame {i}: {p}"))
        .collect();
    let mine = ours.all_fields();
    for f in &mine {
        let Some(t) = ts
            .fields
            .iter()
            .find(|t| same_field(&f.id, &t.name) && t.pos == f.offset)
        else {
            errs.push(format!(
                "frame {i}: {} at {} not in tshark's tree",
                f.id, f.offset
            ));
            continue;
        };
        if t.size != f.len {
            errs.push(format!(
                "frame {i}: {} size: ours {} tshark {}",
                f.id, f.len, t.size
            ));
        }
        stats.fields += 1;
        if t.show != f.show {
            errs.push(format!(
                "frame {i}: {} show: ours {:?} tshark {:?}",
                f.id, f.show, t.show
            ));
        }
        if MASK_QUIRKS.contains(&f.id.as_str()) {
            continue;
        }
        if f.id == "data.data" {
            continue;
        }
        match masks.get(&(f.id.clone(), f.offset, f.len)) {
            Some(ms) if ms.contains(&f.mask) => stats.masks += 1,
            Some(ms) => errs.push(format!(
                "frame {i}: {} mask: ours {:#x} tshark {ms:x?}",
                f.id, f.mask
            )),
            // tshark's JSON loses a few raw entries to key clashes (tcp.seq_raw); a bit
            // field must still be there.
            None if f.mask != 0 => errs.push(format!("frame {i}: {} has no JSON mask", f.id)),
            None => {}
        }
    }
    for t in &ts.fields {
        let checked = (t.top && CHECKED_PROTOS.contains(&t.proto.as_str()))
            || PAYLOAD_ALIASES.contains(&t.name.as_str());
        if !checked || t.size == 0 || GENERATED.contains(&t.name.as_str()) {
            continue;
        }
        if !mine
            .iter()
            .any(|f| same_field(&f.id, &t.name) && f.offset == t.pos)
        {
            errs.push(format!(
                "frame {i}: tshark's {} at {} ({:?}) missing from our table",
                t.name, t.pos, t.show
            ));
        }
    }
    errs
}

/// How much the oracle compared.
#[derive(Debug, Default)]
struct Stats {
    fields: usize,
    masks: usize,
}

/// Annotates `frames` in order, lets `tamper` change the annotation (for the self-test),
/// and returns every disagreement with tshark.
fn oracle_errors(
    label: &str,
    frames: &[(u64, Vec<u8>)],
    tamper: impl FnOnce(&mut Vec<AnnotatedFrame>),
) -> (Vec<String>, Stats) {
    let mut annotator = Annotator::new();
    let mut annotated: Vec<AnnotatedFrame> = frames
        .iter()
        .enumerate()
        .map(|(i, (_, f))| {
            annotator
                .annotate(f)
                .unwrap_or_else(|e| panic!("{label}: frame {i} does not annotate: {e}"))
        })
        .collect();
    tamper(&mut annotated);
    let pcap = write_pcap(frames.iter().map(|(t, f)| (*t, f.as_slice())));
    let path = temp_pcap(label, &pcap);
    let pdml = parse_pdml(&run_tshark(&path, &["-T", "pdml"]));
    let json = parse_json(&run_tshark(
        &path,
        &["-T", "json", "-x", "--no-duplicate-keys"],
    ));
    let infos: Vec<String> = run_tshark(&path, &["-T", "fields", "-e", "_ws.col.Info"])
        .lines()
        .map(str::to_string)
        .collect();
    if std::env::var_os("WIREWALK_KEEP_PCAP").is_none() {
        let _ = std::fs::remove_file(&path);
    } else {
        eprintln!("{label}: pcap kept at {}", path.display());
    }
    assert_eq!(
        pdml.len(),
        frames.len(),
        "{label}: tshark saw another number of packets"
    );
    assert_eq!(
        json.len(),
        frames.len(),
        "{label}: tshark JSON has another number of packets"
    );
    assert_eq!(
        infos.len(),
        frames.len(),
        "{label}: tshark printed another number of Info lines"
    );
    let mut errs = Vec::new();
    let mut stats = Stats::default();
    for (i, ours) in annotated.iter().enumerate() {
        let theirs = strip_analysis(&infos[i]);
        if ours.summary.info != theirs {
            errs.push(format!(
                "frame {i}: info: ours {:?} tshark {:?}",
                ours.summary.info, infos[i]
            ));
        }
        for id in [
            LayerId::Eth,
            LayerId::Ip,
            LayerId::Arp,
            LayerId::Tcp,
            LayerId::Udp,
        ] {
            let p = id.as_str();
            if ours.layer(id).is_some() != pdml[i].protos.iter().any(|x| x == p) {
                errs.push(format!(
                    "frame {i}: layer {p}: ours {} tshark {:?}",
                    ours.layer(id).is_some(),
                    pdml[i].protos
                ));
            }
        }
        errs.extend(compare(i, ours, &pdml[i], &json[i], &mut stats));
    }
    (errs, stats)
}

/// Annotates `frames` in order and checks every one against tshark.
fn check_frames(label: &str, frames: &[(u64, Vec<u8>)]) {
    let (errs, stats) = oracle_errors(label, frames, |_| {});
    assert!(
        errs.is_empty(),
        "{label}: {} mismatches with tshark:\n{}",
        errs.len(),
        errs.join("\n")
    );
    assert!(
        stats.fields >= frames.len() * 10,
        "{label}: too few fields compared: {stats:?}"
    );
    assert!(stats.masks > 0, "{label}: no bit mask compared: {stats:?}");
    eprintln!(
        "{label}: {} frames, {} fields and {} masks equal tshark's",
        frames.len(),
        stats.fields,
        stats.masks
    );
}

#[test]
fn oracle_hand_built_frames() {
    require_tshark();
    check_frames("hand-built", &common::hand_built_frames());
}

#[test]
fn oracle_odd_conversations() {
    require_tshark();
    // Sequence numbers wrapping through 2^32, one-byte and empty payloads, another subnet.
    let c = common::Ep::new([0x02, 0xaa, 0, 0, 0, 0x10], [10, 1, 2, 3], 61000);
    let s = common::Ep::new([0x02, 0xbb, 0, 0, 0, 0x20], [10, 1, 2, 254], 7);
    let mut frames = common::conversation(&c, &s, u32::MAX, u32::MAX - 3, b"x", "ÿ".as_bytes());
    frames.extend(common::conversation(
        &c,
        &s,
        0,
        0,
        &[0u8; 1459],
        &[0xffu8; 3],
    ));
    check_frames("odd", &frames);
}

#[test]
fn oracle_catches_wrong_annotations() {
    require_tshark();
    let frames = common::hand_built_frames();
    let (errs, _) = oracle_errors("tampered", &frames[..6], |a| {
        let tcp = a[2]
            .layers
            .iter_mut()
            .find(|l| l.id == LayerId::Tcp)
            .expect("tcp");
        tcp.fields[0].show = "1".into(); // tcp.srcport
        tcp.fields[2].offset += 1; // tcp.seq
        tcp.fields.retain(|f| f.id != "tcp.urgent_pointer");
        let ip = a[3]
            .layers
            .iter_mut()
            .find(|l| l.id == LayerId::Ip)
            .expect("ip");
        ip.fields[5].children[1].mask = 0x20; // ip.flags.df
    });
    let joined = errs.join("\n");
    for needle in [
        "tcp.srcport show",
        "tcp.seq at 39 not in tshark",
        "tcp.urgent_pointer at 52",
        "ip.flags.df mask",
    ] {
        assert!(
            joined.contains(needle),
            "oracle missed {needle:?}:\n{joined}"
        );
    }
}

/// Parameter sets every catalogue scenario is run with (besides its defaults): non-ASCII
/// and odd-length payloads, high and low ports, other address ranges and MACs, other seeds.
const PARAM_SETS: &[&[(&str, &str)]] = &[
    &[
        ("client.payload", "héllo wörld ✓"),
        ("server.payload", "你好，世界！"),
    ],
    &[
        ("client.payload", "x"),
        ("server.payload", "ÿ"),
        ("seed", "7"),
    ],
    &[
        ("client.port", "65535"),
        ("server.port", "8080"),
        ("seed", "12345"),
    ],
    &[
        ("client.port", "1024"),
        ("server.port", "53"),
        ("client.payload", "こんにちは!"),
    ],
    &[
        ("client.mac", "00:1b:21:3a:4b:5c"),
        ("server.mac", "ac:de:48:00:11:22"),
        ("client.ip", "10.20.30.40"),
        ("server.ip", "10.20.30.41"),
    ],
    &[
        ("client.ip", "172.16.254.1"),
        ("server.ip", "172.16.254.200"),
        ("delayed_ack", "true"),
    ],
    &[
        ("server.think_ms", "0"),
        ("client.think_ms", "0"),
        ("seed", "99"),
    ],
    &[
        ("client.switch_port", "2"),
        ("server.switch_port", "0"),
        ("storm.pulled", "true"),
        ("router.udp", "true"),
    ],
];

/// Runs one scenario and checks every frame of its trace against tshark, using the
/// annotation stored in the trace (what the UI shows).
fn check_scenario(label: &str, scenario: &wirewalk_engine::scenario::Scenario) {
    let trace = wirewalk_engine::run(scenario)
        .unwrap_or_else(|e| panic!("{label}: scenario does not run: {e:?}"));
    assert!(!trace.frames.is_empty(), "{label}: no frames");
    let frames: Vec<(u64, Vec<u8>)> = trace
        .frames
        .iter()
        .map(|f| (f.time_us, f.bytes.clone()))
        .collect();
    let stored: Vec<AnnotatedFrame> = trace
        .frames
        .iter()
        .map(|f| {
            f.annotated
                .clone()
                .unwrap_or_else(|| panic!("{label}: frame {} has no annotation", f.index))
        })
        .collect();
    let (errs, stats) = oracle_errors(label, &frames, |a| {
        assert_eq!(
            *a, stored,
            "{label}: the trace's annotation differs from a fresh Annotator's"
        );
    });
    assert!(
        errs.is_empty(),
        "{label}: {} mismatches with tshark:\n{}",
        errs.len(),
        errs.join("\n")
    );
    eprintln!(
        "{label}: {} frames, {} fields, {} masks equal tshark's",
        frames.len(),
        stats.fields,
        stats.masks
    );
}

#[test]
fn oracle_every_catalogue_scenario() {
    require_tshark();
    use wirewalk_engine::scenario::{Scenario, ScenarioName};
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        let scenario = Scenario::named(name).expect("catalogue name");
        check_scenario(name, &scenario);
    }
}

#[test]
fn oracle_catalogue_with_varied_parameters() {
    require_tshark();
    use wirewalk_engine::scenario::{Scenario, ScenarioName};
    let mut ran = 0;
    for name in ScenarioName::ALL.iter().map(|n| n.as_str()) {
        for (k, set) in PARAM_SETS.iter().enumerate() {
            let mut scenario = Scenario::named(name).expect("catalogue name");
            let applied = set
                .iter()
                .try_for_each(|(key, value)| scenario.set(key, value));
            if let Err(e) = applied.and_then(|()| scenario.validate()) {
                // Some sets do not fit some scenarios (e.g. one subnet for the router).
                eprintln!("{name} with set {k}: not applicable ({e:?})");
                continue;
            }
            check_scenario(&format!("{name}-set{k}"), &scenario);
            ran += 1;
        }
    }
    assert!(
        ran >= ScenarioName::ALL.len() * 3,
        "only {ran} parameterised runs applied"
    );
}
