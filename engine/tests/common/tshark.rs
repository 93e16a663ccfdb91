//! The tshark oracle's machinery, shared by `tshark_oracle.rs` (frames the engine builds)
//! and `capture.rs` (capture files): run tshark with checksum validation on, read its PDML,
//! JSON masks and Info column, and list every disagreement with our annotation.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use wirewalk_engine::pcap::write_pcap;
use wirewalk_engine::wire::{AnnotatedFrame, Annotator, Layer, LayerId};

/// tshark fields that are computed by tshark rather than read from the header (or are the
/// payload, which we show as `data.data`); the completeness check skips them.
pub const GENERATED: &[&str] = &[
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
pub const PAYLOAD_ALIASES: &[&str] = &["data.data", "tcp.payload", "udp.payload"];

/// Whether tshark's field `name` stands for our field `id`.
pub fn same_field(id: &str, name: &str) -> bool {
    id == name || (id == "data.data" && PAYLOAD_ALIASES.contains(&name))
}

/// Fields whose tshark JSON mask is 0 although they are nibbles (we give the real mask).
pub const MASK_QUIRKS: &[&str] = &["ip.version", "ip.hdr_len", "tcp.hdr_len"];

/// Protocols whose top-level fields must all be annotated.
pub const CHECKED_PROTOS: &[&str] = &["eth", "arp", "ip", "tcp", "udp"];

/// One field of tshark's PDML.
#[derive(Debug, Clone)]
pub struct TsField {
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
pub struct TsPacket {
    fields: Vec<TsField>,
    protos: Vec<String>,
    problems: Vec<String>,
}

pub fn tshark_present() -> bool {
    Command::new("tshark")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Panics when tshark is missing: the oracle never skips.
pub fn require_tshark() {
    assert!(
        tshark_present(),
        "tshark not found: the tshark oracle needs it (Debian: `DEBIAN_FRONTEND=noninteractive apt-get install -y tshark`)"
    );
}

/// tshark's Info column without its leading TCP analysis flags (`[TCP Retransmission] `,
/// `[TCP Previous segment not captured] `, …), which the annotator does not compute.
pub fn strip_analysis(info: &str) -> &str {
    let mut rest = info;
    while let Some(after) = rest.strip_prefix("[TCP ") {
        match after.find("] ") {
            Some(end) => rest = &after[end + 2..],
            None => break,
        }
    }
    rest
}

/// tshark's Info without the `[TCP CHECKSUM INCORRECT] ` / ` [UDP CHECKSUM INCORRECT]` it
/// adds for a bad checksum (the oracle checks checksums through their status fields).
pub fn strip_checksum_flags(info: &str) -> String {
    info.replace("[TCP CHECKSUM INCORRECT] ", "")
        .replace(" [UDP CHECKSUM INCORRECT]", "")
}

/// Protocols tshark dissects on its own that the oracle keeps.
pub const KEPT_PROTOCOLS: &[&str] = &[
    "frame",
    "eth",
    "ethertype",
    "arp",
    "ip",
    "tcp",
    "udp",
    "data",
    "sll",
    "null",
    "raw",
];

/// Every tshark protocol but [`KEPT_PROTOCOLS`] and tshark's own `_ws.*` (from `tshark -G protocols`).
pub fn other_protocols() -> &'static [String] {
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

pub fn run_tshark(pcap: &std::path::Path, format: &[&str]) -> String {
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

pub fn collect_fields(
    node: roxmltree::Node<'_, '_>,
    proto: &str,
    depth: usize,
    pkt: &mut TsPacket,
) {
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

pub fn parse_pdml(xml: &str) -> Vec<TsPacket> {
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
pub type Masks = HashMap<(String, usize, usize), Vec<u64>>;

pub fn raw_entry(v: &serde_json::Value) -> Option<(usize, usize, u64)> {
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

pub fn collect_masks(v: &serde_json::Value, out: &mut Masks) {
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

pub fn parse_json(text: &str) -> Vec<Masks> {
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

pub fn temp_pcap(label: &str, bytes: &[u8]) -> PathBuf {
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
pub fn compare(
    i: usize,
    ours: &AnnotatedFrame,
    ts: &TsPacket,
    masks: &Masks,
    stats: &mut Stats,
) -> Vec<String> {
    // A checksum we also call wrong is no disagreement (a capture's offloaded checksums).
    let agreed = |p: &str| {
        let s = &ours.summary;
        (p.starts_with("bad checksum: ip.") && s.ip_checksum_ok == Some(false))
            || ((p.starts_with("bad checksum: tcp.")
                || p.starts_with("bad checksum: udp.")
                || p.starts_with("error-level expert info in tcp")
                || p.starts_with("error-level expert info in udp"))
                && s.l4_checksum_ok == Some(false))
    };
    let mut errs: Vec<String> = ts
        .problems
        .iter()
        .filter(|p| !agreed(p))
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
pub struct Stats {
    pub fields: usize,
    pub masks: usize,
}

/// Annotates `frames` in order, lets `tamper` change the annotation (for the self-test),
/// and returns every disagreement with tshark.
pub fn oracle_errors(
    label: &str,
    frames: &[(u64, Vec<u8>)],
    tamper: impl FnOnce(&mut Vec<Vec<Layer>>),
) -> (Vec<String>, Stats) {
    let mut annotator = Annotator::new();
    let annotated: Vec<AnnotatedFrame> = frames
        .iter()
        .enumerate()
        .map(|(i, (_, f))| {
            annotator
                .annotate(f)
                .unwrap_or_else(|e| panic!("{label}: frame {i} does not annotate: {e}"))
        })
        .collect();
    let mut layers: Vec<Vec<Layer>> = annotated.iter().map(|a| a.layers().to_vec()).collect();
    tamper(&mut layers);
    let annotated: Vec<AnnotatedFrame> = annotated
        .into_iter()
        .zip(layers)
        .map(|(a, l)| AnnotatedFrame::with_layers(a.len, l, a.summary))
        .collect();
    let pcap = write_pcap(frames.iter().map(|(t, f)| (*t, f.as_slice())));
    let path = temp_pcap(label, &pcap);
    let out = file_errors(label, &path, &annotated);
    if std::env::var_os("WIREWALK_KEEP_PCAP").is_none() {
        let _ = std::fs::remove_file(&path);
    } else {
        eprintln!("{label}: pcap kept at {}", path.display());
    }
    out
}

/// tshark's three outputs for one capture file: PDML, JSON with raw entries, Info column.
pub struct TsharkOutputs {
    pub pdml: String,
    pub json: String,
    pub infos: String,
}

/// tshark's outputs for the capture file at `path`, run once per distinct file content in
/// this test process. tshark's output depends only on the file's bytes (the options are
/// fixed), and many scenario runs write the same bytes (a catalogue scenario, and the same
/// scenario with a parameter set that does not change its frames): 20 of the oracle's 126
/// captures. Each tshark run is about 0.3 s of CPU, nearly all start-up.
pub fn tshark_outputs(path: &std::path::Path) -> std::sync::Arc<TsharkOutputs> {
    use std::sync::{Arc, Mutex, OnceLock};
    type Cache = Mutex<HashMap<Vec<u8>, Arc<TsharkOutputs>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let bytes = std::fs::read(path).expect("read the capture file");
    if let Some(hit) = cache.lock().expect("tshark cache").get(&bytes) {
        return Arc::clone(hit);
    }
    let out = Arc::new(TsharkOutputs {
        pdml: run_tshark(path, &["-T", "pdml"]),
        json: run_tshark(path, &["-T", "json", "-x", "--no-duplicate-keys"]),
        infos: run_tshark(path, &["-T", "fields", "-e", "_ws.col.Info"]),
    });
    cache
        .lock()
        .expect("tshark cache")
        .insert(bytes, Arc::clone(&out));
    out
}

/// Compares `annotated` (one per packet, in file order) with tshark reading the capture
/// file at `path`; returns every disagreement.
pub fn file_errors(
    label: &str,
    path: &std::path::Path,
    annotated: &[AnnotatedFrame],
) -> (Vec<String>, Stats) {
    let out = tshark_outputs(path);
    let pdml = parse_pdml(&out.pdml);
    let json = parse_json(&out.json);
    let infos: Vec<String> = out.infos.lines().map(str::to_string).collect();
    assert_eq!(
        pdml.len(),
        annotated.len(),
        "{label}: tshark saw another number of packets"
    );
    assert_eq!(
        json.len(),
        annotated.len(),
        "{label}: tshark JSON has another number of packets"
    );
    assert_eq!(
        infos.len(),
        annotated.len(),
        "{label}: tshark printed another number of Info lines"
    );
    let mut errs = Vec::new();
    let mut stats = Stats::default();
    for (i, ours) in annotated.iter().enumerate() {
        let theirs = strip_checksum_flags(strip_analysis(&infos[i]));
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
