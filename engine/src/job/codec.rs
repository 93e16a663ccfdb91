//! The tools worker's wire format: a compact, versioned binary form of [`Job`] and
//! [`JobOutput`], written by hand so the page's wasm carries no serde deserializer.
//!
//! A message is the [`VERSION`] byte followed by one value. Values are written field by
//! field in declaration order, with no names:
//! - unsigned integers (`u16`, `u32`, `u64`, `usize`) as LEB128 (7 bits a byte, low
//!   first, at most 10 bytes); `u8` and `bool` as one byte;
//! - a string, a list: its length as LEB128, then its UTF-8 bytes or its items;
//! - `Option`, `Result` and enums: one tag byte (`Option`: 0 none, 1 some; `Result`: 0 ok,
//!   1 err; an enum: the variant's number), then the variant's fields.
//!
//! Reading is bounds-checked and never panics: a length is checked against the bytes that
//! are left before anything is allocated for it, nesting ([`Field::children`]) is limited
//! to [`MAX_DEPTH`], and every malformed input is a [`CodecError`].

use core::fmt;

use super::{CaptureSummary, Job, JobOutput};
use crate::capture::{CaptureError, Conversation, Format, Transport};
use crate::python::{ProgramError, ProgramErrorKind, Side};
use crate::scenario::{Ipv4Problem, MacProblem, Params, Scenario, ScenarioError, ScenarioName};
use crate::trace::{
    CallPhase, DropReason, Event, EventKind, Frame, HostInfo, HostKind, LinkInfo, NoteKey,
    RunLimit, TcpState, Trace,
};
use crate::wire::{AnnotatedFrame, Field, FrameRole, FrameSummary, Layer, LayerId, Protocol};
use crate::ProgramsError;

/// The format's version, the first byte of every message. A page and a worker from two
/// builds with different formats refuse each other's messages ([`CodecError::Version`]).
pub const VERSION: u8 = 1;

/// How deep [`Field::children`] may nest (tshark's deepest is 2).
pub const MAX_DEPTH: usize = 8;

/// Why bytes are not a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodecError {
    /// The bytes end inside a value.
    Truncated,
    /// The message is of another version of the format.
    Version(u8),
    /// A tag byte that no variant has.
    Tag(u8),
    /// A number too large for its field (or a LEB128 number longer than 10 bytes).
    Number,
    /// A string that is not UTF-8.
    Utf8,
    /// Fields nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Bytes left over after the message.
    Trailing,
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::Truncated => f.write_str("the message is cut short"),
            CodecError::Version(v) => write!(f, "format version {v}, expected {VERSION}"),
            CodecError::Tag(t) => write!(f, "unknown tag {t}"),
            CodecError::Number => f.write_str("a number out of range"),
            CodecError::Utf8 => f.write_str("a string that is not UTF-8"),
            CodecError::TooDeep => f.write_str("fields nested too deeply"),
            CodecError::Trailing => f.write_str("bytes after the message"),
        }
    }
}

impl std::error::Error for CodecError {}

/// Reads values off a byte slice, front to back.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    depth: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, CodecError> {
        let (&b, rest) = self.bytes.split_first().ok_or(CodecError::Truncated)?;
        self.bytes = rest;
        Ok(b)
    }

    fn slice(&mut self, n: usize) -> Result<&'a [u8], CodecError> {
        if n > self.bytes.len() {
            return Err(CodecError::Truncated);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn varint(&mut self) -> Result<u64, CodecError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            // The tenth byte may only hold the top bit of a u64.
            if shift == 63 && bits > 1 {
                return Err(CodecError::Number);
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(CodecError::Number)
    }

    /// A length, checked against the bytes left: every item takes at least one byte, so
    /// a length larger than that is a damaged message, refused before any allocation.
    fn len(&mut self) -> Result<usize, CodecError> {
        let n = usize::take(self)?;
        if n > self.bytes.len() {
            return Err(CodecError::Truncated);
        }
        Ok(n)
    }
}

/// A value that can cross to and from the worker.
pub(crate) trait Codec: Sized {
    /// Append the value.
    fn put(&self, w: &mut Vec<u8>);
    /// Read one value.
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError>;
}

fn put_varint(w: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        // The low seven bits with the continuation bit; truncation is the point.
        w.push((v & 0x7f) as u8 | 0x80);
        v >>= 7;
    }
    w.push(v as u8);
}

impl Codec for u8 {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        r.byte()
    }
}

impl Codec for bool {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            t => Err(CodecError::Tag(t)),
        }
    }
}

macro_rules! varint_number {
    ($($t:ty),*) => {$(
        impl Codec for $t {
            fn put(&self, w: &mut Vec<u8>) {
                // Lossless: every one of these fits in a u64.
                put_varint(w, *self as u64);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
                <$t>::try_from(r.varint()?).map_err(|_| CodecError::Number)
            }
        }
    )*};
}
varint_number!(u16, u32, u64, usize);

impl Codec for String {
    fn put(&self, w: &mut Vec<u8>) {
        self.len().put(w);
        w.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let n = r.len()?;
        let bytes = r.slice(n)?;
        core::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| CodecError::Utf8)
    }
}

/// A slice as a `Vec<T>` is written: its length, then each item.
fn put_slice<T: Codec>(items: &[T], w: &mut Vec<u8>) {
    items.len().put(w);
    for item in items {
        item.put(w);
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        put_slice(self, w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let n = r.len()?;
        // `n` is at most the bytes left; an item may be much larger than one byte, so
        // the first allocation is capped too and the vector grows as items are read.
        let mut out = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            out.push(T::take(r)?);
        }
        Ok(out)
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(v) => {
                w.push(1);
                v.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        match r.byte()? {
            0 => Ok(None),
            1 => T::take(r).map(Some),
            t => Err(CodecError::Tag(t)),
        }
    }
}

impl<T: Codec, E: Codec> Codec for Result<T, E> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            Ok(v) => {
                w.push(0);
                v.put(w);
            }
            Err(e) => {
                w.push(1);
                e.put(w);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        match r.byte()? {
            0 => T::take(r).map(Ok),
            1 => E::take(r).map(Err),
            t => Err(CodecError::Tag(t)),
        }
    }
}

impl<T: Codec> Codec for Box<T> {
    fn put(&self, w: &mut Vec<u8>) {
        (**self).put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        T::take(r).map(Box::new)
    }
}

/// A struct, field by field. `put` destructures without `..`, so a field added to the
/// struct and not here does not compile.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Codec for $t {
            fn put(&self, w: &mut Vec<u8>) {
                let $t { $($f),* } = self;
                $($f.put(w);)*
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
                Ok($t { $($f: Codec::take(r)?),* })
            }
        }
    };
}

/// An enum: each variant with its tag, then its named `{ .. }` or positional `( .. )`
/// fields. `put` matches exhaustively, so a new variant does not compile until it has a
/// tag here.
macro_rules! tagged {
    ($t:ident { $($tag:literal => $v:ident $({ $($f:ident),* })? $(( $($p:ident),* ))?),* $(,)? }) => {
        impl Codec for $t {
            fn put(&self, w: &mut Vec<u8>) {
                match self {
                    $($t::$v $({ $($f),* })? $(( $($p),* ))? => {
                        w.push($tag);
                        $($($f.put(w);)*)?
                        $($($p.put(w);)*)?
                    })*
                }
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
                match r.byte()? {
                    $($tag => Ok($t::$v
                        $({ $($f: Codec::take(r)?),* })?
                        $(( $({ let $p = Codec::take(r)?; $p }),* ))?
                    ),)*
                    t => Err(CodecError::Tag(t)),
                }
            }
        }
    };
}

/// A fieldless enum with an `ALL` list in declaration order: its index there.
macro_rules! listed {
    ($($t:ident),* $(,)?) => {$(
        impl Codec for $t {
            fn put(&self, w: &mut Vec<u8>) {
                // A fieldless enum's discriminant is its declaration index, which is its
                // index in `ALL` (the round-trip test of every value checks it).
                w.push(*self as u8);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
                let t = r.byte()?;
                $t::ALL.get(usize::from(t)).copied().ok_or(CodecError::Tag(t))
            }
        }
    )*};
}

listed!(
    NoteKey,
    RunLimit,
    TcpState,
    FrameRole,
    Protocol,
    LayerId,
    ScenarioName,
    Side,
    ProgramErrorKind,
);

tagged!(DropReason { 0 => TtlExpired, 1 => NoRoute });
tagged!(HostKind { 0 => Host, 1 => Switch, 2 => Router });
tagged!(CallPhase { 0 => Blocked, 1 => Returned });
tagged!(Format { 0 => Pcap, 1 => Pcapng });
tagged!(Transport { 0 => Tcp, 1 => Udp });
tagged!(MacProblem { 0 => Syntax, 1 => Multicast, 2 => Zero });
tagged!(Ipv4Problem {
    0 => Syntax,
    1 => Octet(octet),
    2 => Loopback,
    3 => NetworkOrBroadcast,
    4 => Reserved,
});

record!(HostInfo {
    name,
    kind,
    macs,
    ips,
    gateway,
    ports,
    code
});
record!(LinkInfo {
    index,
    a,
    a_port,
    b,
    b_port,
    latency_us
});
record!(Frame {
    index,
    time_us,
    arrive_us,
    link,
    from,
    to,
    dropped,
    bytes,
    annotated,
    annotation_error,
    role,
});
record!(Event { time_us, kind });
tagged!(EventKind {
    0 => Frame { frame },
    1 => SocketCall { host, call, line, phase, result, args, nbytes },
    2 => Print { host, line, text },
    3 => Exception { host, line, name, message, traceback },
    4 => Stopped { host, line, limit },
    5 => StateChange { host, from, to },
    6 => SwitchLearn { switch, mac, port },
    7 => RouterDrop { router, reason },
    8 => Note { key },
});
record!(Trace {
    hosts,
    links,
    frames,
    events,
    end_us,
    tick_us,
    frames_per_tick,
    capped,
});

/// `len`, the layers (decoded here if the frame has not yet), `summary`.
impl Codec for AnnotatedFrame {
    fn put(&self, w: &mut Vec<u8>) {
        self.len.put(w);
        put_slice(self.layers(), w);
        self.summary.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        let len = Codec::take(r)?;
        let layers = Codec::take(r)?;
        let summary = Codec::take(r)?;
        Ok(AnnotatedFrame::with_layers(len, layers, summary))
    }
}
record!(Layer {
    id,
    offset,
    len,
    fields
});
record!(FrameSummary {
    protocol,
    src_mac,
    dst_mac,
    ethertype,
    broadcast,
    src_ip,
    dst_ip,
    ttl,
    ip_checksum_ok,
    l4_checksum_ok,
    src_port,
    dst_port,
    tcp_flags,
    tcp_flags_text,
    seq,
    ack,
    seq_raw,
    ack_raw,
    next_seq,
    payload_len,
    window,
    mss,
    wscale,
    sack_perm,
    arp_op,
    arp_text,
    info,
    captured,
});

// Not `record!`: its children nest, and a damaged message must not nest deeper than the
// stack allows.
impl Codec for Field {
    fn put(&self, w: &mut Vec<u8>) {
        let Field {
            id,
            offset,
            len,
            mask,
            show,
            meaning,
            children,
        } = self;
        id.put(w);
        offset.put(w);
        len.put(w);
        mask.put(w);
        show.put(w);
        meaning.put(w);
        children.put(w);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CodecError> {
        if r.depth >= MAX_DEPTH {
            return Err(CodecError::TooDeep);
        }
        r.depth += 1;
        let field = (|| {
            Ok(Field {
                id: Codec::take(r)?,
                offset: Codec::take(r)?,
                len: Codec::take(r)?,
                mask: Codec::take(r)?,
                show: Codec::take(r)?,
                meaning: Codec::take(r)?,
                children: Codec::take(r)?,
            })
        })();
        r.depth -= 1;
        field
    }
}

tagged!(ScenarioError {
    0 => UnknownScenario(name),
    1 => UnknownKey(key),
    2 => BadMac { key, value, problem },
    3 => BadIpv4 { key, value, detail },
    4 => BadPort { key, value },
    5 => PayloadTooLong { key, len, max },
    6 => EmptyPayload { key },
    7 => DuplicateAddress { key, value, other },
    8 => DifferentSubnet { key, value },
    9 => SameSubnet { key, value },
    10 => BadNumber { key, value },
    11 => OutOfRange { key, value, min, max },
    12 => BadBool { key, value },
    13 => BadLoss { key, value },
    14 => Network(why),
});
record!(ProgramError {
    side,
    line,
    column,
    kind,
    detail
});
tagged!(ProgramsError { 0 => Programs(errors), 1 => Scenario(error) });
tagged!(CaptureError {
    0 => Truncated { at },
    1 => NotACapture,
    2 => UnsupportedLinkType { link_type },
    3 => TooBig { limit },
    4 => TooManyFrames { limit },
    5 => Malformed { at },
    6 => NoSuchConversation { count },
});
record!(Conversation {
    transport,
    client_ip,
    client_port,
    server_ip,
    server_port,
    frames,
    bytes,
});
record!(CaptureSummary {
    format,
    frames,
    conversations
});

record!(Params {
    client_mac,
    client_ip,
    client_port,
    server_mac,
    server_ip,
    server_port,
    client_payload,
    server_payload,
    loss,
    client_think_ms,
    server_think_ms,
    delayed_ack,
    seed,
    latency_us,
    client_switch_port,
    server_switch_port,
    storm_pulled,
    router_udp,
});
record!(Scenario { name, params });
tagged!(Job {
    0 => Run(scenario),
    1 => Programs { scenario, client, server },
    2 => ReadCapture,
    3 => CaptureTrace(n),
});
tagged!(JobOutput {
    0 => Run(result),
    1 => Programs(result),
    2 => ReadCapture(result),
    3 => CaptureTrace(result),
    4 => NoCapture,
    5 => Unreadable(why),
});

fn encode<T: Codec>(value: &T) -> Vec<u8> {
    let mut w = vec![VERSION];
    value.put(&mut w);
    w
}

fn decode<T: Codec>(bytes: &[u8]) -> Result<T, CodecError> {
    let mut r = Reader { bytes, depth: 0 };
    let version = r.byte()?;
    if version != VERSION {
        return Err(CodecError::Version(version));
    }
    let value = T::take(&mut r)?;
    if !r.bytes.is_empty() {
        return Err(CodecError::Trailing);
    }
    Ok(value)
}

/// A job as the bytes the worker reads.
#[must_use]
pub fn encode_job(job: &Job) -> Vec<u8> {
    encode(job)
}

/// The job in bytes the page wrote with [`encode_job`].
///
/// # Errors
/// A [`CodecError`] when the bytes are not a job of this [`VERSION`].
pub fn decode_job(bytes: &[u8]) -> Result<Job, CodecError> {
    decode(bytes)
}

/// A job's output as the bytes the page reads.
#[must_use]
pub fn encode_output(output: &JobOutput) -> Vec<u8> {
    encode(output)
}

/// The output in bytes the worker wrote with [`encode_output`].
///
/// # Errors
/// A [`CodecError`] when the bytes are not an output of this [`VERSION`].
pub fn decode_output(bytes: &[u8]) -> Result<JobOutput, CodecError> {
    decode(bytes)
}

/// Traces as bytes, for runs computed at build time and shipped with the page (the
/// architecture scene's: its runs have no parameter a student can change, so the page
/// needs no simulator for them). Unannotated traces are the compact form.
#[must_use]
pub fn encode_traces(traces: &[Trace]) -> Vec<u8> {
    let mut w = vec![VERSION];
    put_slice(traces, &mut w);
    w
}

/// The traces in bytes written with [`encode_traces`].
///
/// # Errors
/// A [`CodecError`] when the bytes are not traces of this [`VERSION`].
pub fn decode_traces(bytes: &[u8]) -> Result<Vec<Trace>, CodecError> {
    decode(bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::python::PRESETS;
    use proptest::prelude::*;

    fn round_trip(output: &JobOutput) -> Vec<u8> {
        let bytes = encode_output(output);
        assert_eq!(decode_output(&bytes).as_ref(), Ok(output));
        bytes
    }

    /// Every strict prefix of a message is refused (a message knows where it ends).
    fn every_prefix_fails(bytes: &[u8], step: usize) {
        for n in (0..bytes.len()).step_by(step) {
            assert!(decode_output(&bytes[..n]).is_err(), "prefix of {n} bytes");
        }
    }

    #[test]
    fn every_scenario_round_trips_annotated_and_not() {
        for &name in ScenarioName::ALL {
            let s = Scenario::new(name);
            let job = Job::Run(Box::new(s.clone()));
            assert_eq!(decode_job(&encode_job(&job)), Ok(job));
            let bare = round_trip(&JobOutput::Run(crate::run_unannotated(&s)));
            let full = crate::run(&s);
            assert!(full.is_ok(), "{name}");
            round_trip(&JobOutput::Run(full));
            every_prefix_fails(&bare, if bare.len() > 4000 { 7 } else { 1 });
        }
    }

    #[test]
    fn traces_round_trip_and_a_damaged_list_is_an_error() {
        let traces: Vec<Trace> = ["tcp", "udp", "tcp_loss"]
            .iter()
            .map(|n| crate::run_unannotated(&Scenario::named(n).unwrap()).unwrap())
            .collect();
        let bytes = encode_traces(&traces);
        assert_eq!(decode_traces(&bytes).unwrap(), traces);
        for n in (0..bytes.len()).step_by(97) {
            assert!(decode_traces(&bytes[..n]).is_err(), "prefix of {n} bytes");
        }
        let mut other = bytes.clone();
        other[0] = VERSION.wrapping_add(1);
        assert_eq!(decode_traces(&other), Err(CodecError::Version(other[0])));
    }

    #[test]
    fn every_playground_preset_round_trips() {
        let s = Scenario::new(ScenarioName::Tcp);
        for p in PRESETS {
            let job = Job::Programs {
                scenario: Box::new(s.clone()),
                client: p.client.to_owned(),
                server: p.server.to_owned(),
            };
            assert_eq!(decode_job(&encode_job(&job)), Ok(job));
            let bare = crate::run_programs_unannotated(&s, p.client, p.server);
            assert!(bare.is_ok(), "{:?}", p.id);
            round_trip(&JobOutput::Programs(bare));
            round_trip(&JobOutput::Programs(crate::run_programs(
                &s, p.client, p.server,
            )));
        }
    }

    #[test]
    fn every_committed_capture_round_trips() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/captures");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext != "pcap" && ext != "pcapng" {
                continue;
            }
            let capture = crate::capture::read(&std::fs::read(&path).unwrap()).unwrap();
            let conversations = capture.conversations();
            let summary = JobOutput::ReadCapture(Ok(CaptureSummary {
                format: capture.format,
                frames: capture.packets.len(),
                conversations: conversations.clone(),
            }));
            every_prefix_fails(&round_trip(&summary), 1);
            for n in 0..=conversations.len() {
                // The last one is past the end: its error round-trips too.
                round_trip(&JobOutput::CaptureTrace(capture.trace(n)));
            }
            read += 1;
        }
        assert!(read >= 8, "only {read} captures in {dir}");
    }

    #[test]
    fn jobs_without_a_scenario_and_every_error_round_trip() {
        for job in [
            Job::ReadCapture,
            Job::CaptureTrace(0),
            Job::CaptureTrace(usize::MAX),
        ] {
            assert_eq!(decode_job(&encode_job(&job)), Ok(job));
        }
        let kv = || ("client.ip".to_owned(), "1.2.3.x".to_owned());
        let (key, value) = kv();
        let scenario_errors = vec![
            ScenarioError::UnknownScenario("tcpp".into()),
            ScenarioError::UnknownKey("mtu".into()),
            ScenarioError::BadMac {
                key: key.clone(),
                value: value.clone(),
                problem: MacProblem::Syntax,
            },
            ScenarioError::BadMac {
                key: key.clone(),
                value: value.clone(),
                problem: MacProblem::Multicast,
            },
            ScenarioError::BadMac {
                key: key.clone(),
                value: value.clone(),
                problem: MacProblem::Zero,
            },
            ScenarioError::BadIpv4 {
                key: key.clone(),
                value: value.clone(),
                detail: Ipv4Problem::Syntax,
            },
            ScenarioError::BadIpv4 {
                key: key.clone(),
                value: value.clone(),
                detail: Ipv4Problem::Octet(u32::MAX),
            },
            ScenarioError::BadIpv4 {
                key: key.clone(),
                value: value.clone(),
                detail: Ipv4Problem::Loopback,
            },
            ScenarioError::BadIpv4 {
                key: key.clone(),
                value: value.clone(),
                detail: Ipv4Problem::NetworkOrBroadcast,
            },
            ScenarioError::BadIpv4 {
                key: key.clone(),
                value: value.clone(),
                detail: Ipv4Problem::Reserved,
            },
            ScenarioError::BadPort {
                key: key.clone(),
                value: value.clone(),
            },
            ScenarioError::PayloadTooLong {
                key: key.clone(),
                len: 2000,
                max: 1460,
            },
            ScenarioError::EmptyPayload { key: key.clone() },
            ScenarioError::DuplicateAddress {
                key: key.clone(),
                value: value.clone(),
                other: "server.ip".into(),
            },
            ScenarioError::DifferentSubnet {
                key: key.clone(),
                value: value.clone(),
            },
            ScenarioError::SameSubnet {
                key: key.clone(),
                value: value.clone(),
            },
            ScenarioError::BadNumber {
                key: key.clone(),
                value: value.clone(),
            },
            ScenarioError::OutOfRange {
                key: key.clone(),
                value: value.clone(),
                min: 0,
                max: u64::MAX,
            },
            ScenarioError::BadBool {
                key: key.clone(),
                value: value.clone(),
            },
            ScenarioError::BadLoss { key, value },
            ScenarioError::Network("网络".into()),
        ];
        for e in &scenario_errors {
            round_trip(&JobOutput::Run(Err(e.clone())));
            round_trip(&JobOutput::Programs(Err(ProgramsError::Scenario(
                e.clone(),
            ))));
        }
        let program_errors = ProgramErrorKind::ALL
            .iter()
            .zip(Side::ALL.iter().cycle())
            .enumerate()
            .map(|(i, (&kind, &side))| ProgramError {
                side,
                line: i + 1,
                column: usize::MAX - i,
                kind,
                detail: format!("detail {i} 细节"),
            })
            .collect();
        round_trip(&JobOutput::Programs(Err(ProgramsError::Programs(
            program_errors,
        ))));
        for e in [
            CaptureError::Truncated { at: 1 << 40 },
            CaptureError::NotACapture,
            CaptureError::UnsupportedLinkType {
                link_type: u32::MAX,
            },
            CaptureError::TooBig { limit: 50_000_000 },
            CaptureError::TooManyFrames { limit: 100_000 },
            CaptureError::Malformed { at: 24 },
            CaptureError::NoSuchConversation { count: 3 },
        ] {
            round_trip(&JobOutput::ReadCapture(Err(e.clone())));
            round_trip(&JobOutput::CaptureTrace(Err(e)));
        }
        round_trip(&JobOutput::NoCapture);
        round_trip(&JobOutput::Unreadable("why".into()));
    }

    /// A trace with every event kind and every value of every listed enum, some of which
    /// no catalogue run produces (router drops, stopped programs, every note).
    #[test]
    fn every_event_kind_and_enum_value_round_trips() {
        let mut trace = crate::run(&Scenario::new(ScenarioName::Tcp)).unwrap();
        let host = || "client".to_owned();
        let mut kinds = vec![
            EventKind::Print {
                host: host(),
                line: 3,
                text: "hi\n".into(),
            },
            EventKind::Exception {
                host: host(),
                line: 4,
                name: "ConnectionRefusedError".into(),
                message: "[Errno 111] Connection refused".into(),
                traceback: "Traceback (most recent call last):\n".into(),
            },
            EventKind::SwitchLearn {
                switch: "switch".into(),
                mac: "02:00:00:00:00:0a".into(),
                port: 2,
            },
            EventKind::RouterDrop {
                router: "router".into(),
                reason: DropReason::TtlExpired,
            },
            EventKind::RouterDrop {
                router: "router".into(),
                reason: DropReason::NoRoute,
            },
            EventKind::SocketCall {
                host: host(),
                call: "recv".into(),
                line: 9,
                phase: CallPhase::Returned,
                result: "b'HELLO'".into(),
                args: "(1024,)".into(),
                nbytes: Some(5),
            },
        ];
        kinds.extend(RunLimit::ALL.iter().map(|&limit| EventKind::Stopped {
            host: host(),
            line: 1,
            limit,
        }));
        kinds.extend(NoteKey::ALL.iter().map(|&key| EventKind::Note { key }));
        kinds.extend(
            TcpState::ALL
                .iter()
                .zip(TcpState::ALL.iter().rev())
                .map(|(&from, &to)| EventKind::StateChange {
                    host: host(),
                    from,
                    to,
                }),
        );
        trace.events.extend(kinds.into_iter().map(|kind| Event {
            time_us: u64::MAX,
            kind,
        }));
        for (i, f) in trace.frames.iter_mut().enumerate() {
            f.role = FrameRole::ALL.get(i % FrameRole::ALL.len()).copied();
        }
        let mut frame = trace.frames[0].clone();
        frame.annotation_error = Some("truncated".into());
        frame.annotated = None;
        trace.frames.push(frame);
        let annotated = trace.frames[0].annotated.as_mut().unwrap();
        let mut layers = annotated.layers().to_vec();
        for (layer, &id) in layers.iter_mut().zip(LayerId::ALL.iter().cycle()) {
            layer.id = id;
        }
        let mut summary = annotated.summary.clone();
        summary.protocol = Protocol::Udp;
        *annotated = AnnotatedFrame::with_layers(annotated.len, layers, summary);
        trace.hosts[0].kind = HostKind::Router;
        trace.hosts[1].kind = HostKind::Switch;
        round_trip(&JobOutput::CaptureTrace(Ok(trace)));
        for &p in Protocol::ALL {
            let mut s = FrameSummary {
                protocol: p,
                ..FrameSummary::default()
            };
            s.captured = true;
            let frame = AnnotatedFrame::with_layers(0, Vec::new(), s);
            let mut w = Vec::new();
            frame.put(&mut w);
            let mut r = Reader {
                bytes: &w,
                depth: 0,
            };
            assert_eq!(AnnotatedFrame::take(&mut r), Ok(frame));
        }
        for &name in ScenarioName::ALL {
            let job = Job::Run(Box::new(Scenario::new(name)));
            assert_eq!(decode_job(&encode_job(&job)), Ok(job));
        }
        for f in [Format::Pcap, Format::Pcapng] {
            round_trip(&JobOutput::ReadCapture(Ok(CaptureSummary {
                format: f,
                frames: 0,
                conversations: Vec::new(),
            })));
        }
    }

    #[test]
    fn damaged_messages_are_typed_errors() {
        assert_eq!(decode_output(&[]), Err(CodecError::Truncated));
        assert_eq!(
            decode_output(&[VERSION + 1, 4]),
            Err(CodecError::Version(VERSION + 1))
        );
        assert_eq!(decode_output(&[VERSION, 4, 0]), Err(CodecError::Trailing));
        assert_eq!(decode_output(&[VERSION, 99]), Err(CodecError::Tag(99)));
        // A string of 2^63 bytes in a message of a few: refused before any allocation.
        let mut huge = vec![VERSION, 5];
        put_varint(&mut huge, 1 << 63);
        assert_eq!(decode_output(&huge), Err(CodecError::Truncated));
        // An eleven-byte number, and a ten-byte one above u64::MAX.
        let mut long = vec![VERSION, 3, 0, 0];
        long.extend([0xff; 10]);
        long.push(0);
        assert_eq!(decode_output(&long), Err(CodecError::Number));
        let mut over = vec![VERSION, 3, 1, 6];
        over.extend([0xff; 9]);
        over.push(0x02);
        assert_eq!(decode_output(&over), Err(CodecError::Number));
        // u64::MAX itself is a number.
        let max = encode_output(&JobOutput::CaptureTrace(Err(CaptureError::TooBig {
            limit: u64::MAX,
        })));
        assert!(decode_output(&max).is_ok());
        // A u16 above 65535.
        let mut port = encode_output(&JobOutput::ReadCapture(Ok(CaptureSummary {
            format: Format::Pcap,
            frames: 1,
            conversations: vec![Conversation {
                transport: Transport::Udp,
                client_ip: "10.0.0.1".into(),
                client_port: u16::MAX,
                server_ip: "10.0.0.2".into(),
                server_port: 53,
                frames: vec![0],
                bytes: 60,
            }],
        })));
        let at = port
            .windows(3)
            .position(|w| w == [0xff, 0xff, 0x03])
            .unwrap();
        port[at + 2] = 0x04;
        assert_eq!(decode_output(&port), Err(CodecError::Number));
        // Not UTF-8.
        let mut text = encode_output(&JobOutput::Unreadable("ab".into()));
        *text.last_mut().unwrap() = 0xff;
        assert_eq!(decode_output(&text), Err(CodecError::Utf8));
    }

    #[test]
    fn fields_nested_too_deep_are_refused_not_a_stack_overflow() {
        let mut field = Field::new("x", 0, 1, 0, "0");
        for _ in 0..MAX_DEPTH - 1 {
            field = Field::new("x", 0, 1, 0, "0").with_children(vec![field]);
        }
        let mut ok = Vec::new();
        field.put(&mut ok);
        assert_eq!(
            Field::take(&mut Reader {
                bytes: &ok,
                depth: 0
            }),
            Ok(field.clone())
        );
        let deeper = Field::new("x", 0, 1, 0, "0").with_children(vec![field]);
        let mut w = Vec::new();
        deeper.put(&mut w);
        assert_eq!(
            Field::take(&mut Reader {
                bytes: &w,
                depth: 0
            }),
            Err(CodecError::TooDeep)
        );
        // A million nested fields in a crafted message: refused at depth MAX_DEPTH.
        let mut bomb = Vec::new();
        for _ in 0..1_000_000 {
            bomb.extend([1, b'x', 0, 1, 0, 0, 0, 1]);
        }
        assert_eq!(
            Field::take(&mut Reader {
                bytes: &bomb,
                depth: 0
            }),
            Err(CodecError::TooDeep)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn random_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut bytes = vec![VERSION];
            bytes.extend(&tail);
            let _ = decode_output(&bytes);
            let _ = decode_job(&bytes);
            let _ = decode_output(&tail);
        }

        #[test]
        fn damaged_answers_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
            let s = Scenario::new(ScenarioName::Udp);
            let mut bytes = encode_output(&JobOutput::Run(crate::run(&s)));
            for (at, b) in flips {
                let n = bytes.len();
                bytes[at % n] = b;
            }
            let _ = decode_output(&bytes);
        }
    }
}
