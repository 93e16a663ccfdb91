//! Socket scripts: the little programs the hosts run, shown as Python.
//!
//! A [`Script`] is a list of [`Call`]s — `socket`, `bind`, `listen`, `accept`, `connect`,
//! `send`, `recv`, `close`, `sendto`, `recvfrom`, plus `time.sleep` for think time. The
//! same script renders as the equivalent Python `socket` program ([`python_source`]) and
//! runs against the host's smoltcp sockets ([`ScriptRunner`]), emitting a
//! [`EventKind::SocketCall`] when a call is entered and when it returns, each carrying the
//! 1-based Python line. Blocking follows Python's: `accept()` returns once the handshake
//! is complete, `recv()` waits for data (or returns `b''` after the peer's FIN),
//! `connect()` returns on ESTABLISHED or raises `ConnectionRefusedError` after a RST.

use serde::{Deserialize, Serialize};
use smoltcp::iface::{Interface, SocketHandle, SocketSet};
use smoltcp::socket::{tcp, udp};
use smoltcp::wire::{IpAddress, IpEndpoint, Ipv4Address};

use crate::trace::{CallPhase, EventKind};

/// Receive and send buffer size of every socket. It is below 65 535, so smoltcp announces
/// window scale 0, and the window it advertises is the free part of this buffer.
pub const SOCKET_BUFFER: usize = 8192;

/// Transport of a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transport {
    /// `SOCK_STREAM`: TCP.
    Tcp,
    /// `SOCK_DGRAM`: UDP.
    Udp,
}

/// One socket call of a script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Call {
    /// `s = socket.socket(AF_INET, SOCK_STREAM | SOCK_DGRAM)`.
    Socket {
        /// TCP or UDP.
        transport: Transport,
    },
    /// `s.bind((ip, port))`.
    Bind {
        /// Local address (the host's own).
        ip: [u8; 4],
        /// Local port.
        port: u16,
    },
    /// `s.listen(backlog)`.
    Listen {
        /// Backlog (shown only; a smoltcp socket serves one connection).
        backlog: u8,
    },
    /// `conn, addr = s.accept()`.
    Accept,
    /// `s.connect((ip, port))`.
    Connect {
        /// Server address.
        ip: [u8; 4],
        /// Server port.
        port: u16,
    },
    /// `s.send(data)`.
    Send {
        /// Payload.
        data: String,
    },
    /// `data = s.recv(bufsize)`.
    Recv {
        /// Maximum bytes returned.
        bufsize: usize,
    },
    /// `s.close()`.
    Close,
    /// `s.sendto(data, (ip, port))`, or `s.sendto(data, addr)` to answer the last `recvfrom`.
    SendTo {
        /// Payload.
        data: String,
        /// Destination; `None` = the `addr` the last `recvfrom` returned.
        to: Option<([u8; 4], u16)>,
    },
    /// `data, addr = s.recvfrom(bufsize)`.
    RecvFrom {
        /// Maximum bytes returned.
        bufsize: usize,
    },
    /// `time.sleep(seconds)`: think time.
    Sleep {
        /// Microseconds.
        us: u64,
    },
}

impl Call {
    /// The call's name as shown in events: `"connect"`, `"recv"`, `"sleep"`...
    pub fn name(&self) -> &'static str {
        match self {
            Call::Socket { .. } => "socket",
            Call::Bind { .. } => "bind",
            Call::Listen { .. } => "listen",
            Call::Accept => "accept",
            Call::Connect { .. } => "connect",
            Call::Send { .. } => "send",
            Call::Recv { .. } => "recv",
            Call::Close => "close",
            Call::SendTo { .. } => "sendto",
            Call::RecvFrom { .. } => "recvfrom",
            Call::Sleep { .. } => "sleep",
        }
    }
}

/// A host's program: the variable name of its socket and its calls in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Script {
    /// Python variable of the socket: `"client"` or `"server"`.
    pub var: String,
    /// The calls, in order.
    pub calls: Vec<Call>,
}

impl Script {
    /// Number of header lines (`import socket`, maybe `import time`, a blank line).
    fn header_len(&self) -> usize {
        if self.uses_time() {
            3
        } else {
            2
        }
    }

    fn uses_time(&self) -> bool {
        self.calls.iter().any(|c| matches!(c, Call::Sleep { .. }))
    }

    /// The 1-based Python line of call `i`.
    pub fn line_of(&self, i: usize) -> usize {
        self.header_len() + i + 1
    }
}

fn ip_str(ip: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])
}

/// A Python bytes literal for `data`: `b'hello'` for printable ASCII, otherwise
/// `'你好'.encode()` (UTF-8, as Python 3 encodes by default).
pub fn py_bytes(data: &[u8]) -> String {
    if data.iter().all(|b| (0x20..0x7f).contains(b)) {
        let mut s = String::from("b'");
        for &b in data {
            match b {
                b'\'' => s.push_str("\\'"),
                b'\\' => s.push_str("\\\\"),
                _ => s.push(b as char),
            }
        }
        s.push('\'');
        s
    } else {
        match core::str::from_utf8(data) {
            Ok(text) => {
                let mut s = String::from("'");
                for c in text.chars() {
                    match c {
                        '\'' => s.push_str("\\'"),
                        '\\' => s.push_str("\\\\"),
                        '\n' => s.push_str("\\n"),
                        '\r' => s.push_str("\\r"),
                        '\t' => s.push_str("\\t"),
                        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                            s.push_str(&format!("\\x{:02x}", c as u32))
                        }
                        c => s.push(c),
                    }
                }
                s.push_str("'.encode()");
                s
            }
            Err(_) => {
                let mut s = String::from("b'");
                for &b in data {
                    if (0x20..0x7f).contains(&b) && b != b'\'' && b != b'\\' {
                        s.push(b as char);
                    } else {
                        s.push_str(&format!("\\x{b:02x}"));
                    }
                }
                s.push('\'');
                s
            }
        }
    }
}

fn py_seconds(us: u64) -> String {
    if us.is_multiple_of(1_000_000) {
        format!("{}", us / 1_000_000)
    } else {
        let s = format!("{}.{:06}", us / 1_000_000, us % 1_000_000);
        s.trim_end_matches('0').to_string()
    }
}

/// The script as the equivalent Python 3 program, one string per line; call `i` is on
/// line [`Script::line_of`]`(i)` (1-based).
pub fn python_source(script: &Script) -> Vec<String> {
    let mut lines = vec!["import socket".to_string()];
    if script.uses_time() {
        lines.push("import time".to_string());
    }
    lines.push(String::new());
    let v = &script.var;
    let mut conn = v.clone();
    for call in &script.calls {
        let line = match call {
            Call::Socket { transport } => format!(
                "{v} = socket.socket(socket.AF_INET, socket.{})",
                match transport {
                    Transport::Tcp => "SOCK_STREAM",
                    Transport::Udp => "SOCK_DGRAM",
                }
            ),
            Call::Bind { ip, port } => format!("{v}.bind(('{}', {port}))", ip_str(*ip)),
            Call::Listen { backlog } => format!("{v}.listen({backlog})"),
            Call::Accept => {
                conn = "conn".to_string();
                format!("conn, addr = {v}.accept()")
            }
            Call::Connect { ip, port } => format!("{v}.connect(('{}', {port}))", ip_str(*ip)),
            Call::Send { data } => format!("{conn}.send({})", py_bytes(data.as_bytes())),
            Call::Recv { bufsize } => format!("data = {conn}.recv({bufsize})"),
            Call::Close => format!("{conn}.close()"),
            Call::SendTo { data, to } => format!(
                "{v}.sendto({}, {})",
                py_bytes(data.as_bytes()),
                match to {
                    Some((ip, port)) => format!("('{}', {port})", ip_str(*ip)),
                    None => "addr".to_string(),
                }
            ),
            Call::RecvFrom { bufsize } => format!("data, addr = {v}.recvfrom({bufsize})"),
            Call::Sleep { us } => format!("time.sleep({})", py_seconds(*us)),
        };
        lines.push(line);
    }
    lines
}

/// Python's message for a refused connection.
pub const CONNECTION_REFUSED: &str = "ConnectionRefusedError: [Errno 111] Connection refused";

/// What the runner needs to know about its host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostCtx {
    /// The host's address.
    pub ip: Ipv4Address,
    /// Port used when the program never binds (drawn from the seed).
    pub ephemeral_port: u16,
    /// Delayed ACK on (smoltcp's default, 10 ms) or off.
    pub delayed_ack: bool,
}

/// Progress of the current call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Progress {
    /// Not entered yet.
    Idle,
    /// Entered; `started` says whether its network side has begun (e.g. SYN queued).
    Entered { started: bool },
}

/// Runs a [`Script`] step by step against smoltcp sockets.
#[derive(Debug)]
pub struct ScriptRunner {
    host: String,
    script: Script,
    pc: usize,
    progress: Progress,
    wake_us: u64,
    tcp: Option<SocketHandle>,
    udp: Option<SocketHandle>,
    local_port: Option<u16>,
    last_addr: Option<IpEndpoint>,
}

/// Outcome of trying the current call.
enum Outcome {
    Return(String),
    Raise(String),
    Wait,
}

impl ScriptRunner {
    /// A runner for `script` on host `host`.
    pub fn new(host: &str, script: Script) -> Self {
        ScriptRunner {
            host: host.to_string(),
            script,
            pc: 0,
            progress: Progress::Idle,
            wake_us: 0,
            tcp: None,
            udp: None,
            local_port: None,
            last_addr: None,
        }
    }

    /// The script being run.
    pub fn script(&self) -> &Script {
        &self.script
    }

    /// The TCP socket, once `socket()` created one.
    pub fn tcp_handle(&self) -> Option<SocketHandle> {
        self.tcp
    }

    /// All calls returned (or one raised).
    pub fn finished(&self) -> bool {
        self.pc >= self.script.calls.len()
    }

    /// When the runner wants to run again without any network input: the end of a
    /// `time.sleep`, or now if the next call has not been entered yet.
    pub fn wake_at(&self) -> Option<u64> {
        if self.finished() {
            return None;
        }
        match (self.script.calls.get(self.pc), self.progress) {
            (Some(Call::Sleep { .. }), Progress::Entered { .. }) => Some(self.wake_us),
            (_, Progress::Idle) => Some(self.wake_us),
            _ => None,
        }
    }

    /// Run calls at virtual time `now_us` until one blocks or the script ends. Returns
    /// whether any call was entered or returned. Events go to `events`.
    pub fn run(
        &mut self,
        now_us: u64,
        ctx: &HostCtx,
        iface: &mut Interface,
        sockets: &mut SocketSet<'static>,
        events: &mut Vec<EventKind>,
    ) -> bool {
        let mut progressed = false;
        while let Some(call) = self.script.calls.get(self.pc).cloned() {
            let line = self.script.line_of(self.pc);
            if self.progress == Progress::Idle {
                if now_us < self.wake_us {
                    break;
                }
                events.push(EventKind::SocketCall {
                    host: self.host.clone(),
                    call: call.name().to_string(),
                    line,
                    phase: CallPhase::Blocked,
                    result: String::new(),
                });
                self.progress = Progress::Entered { started: false };
                progressed = true;
            }
            let (result, raised) = match self.try_call(&call, now_us, ctx, iface, sockets) {
                Outcome::Wait => break,
                Outcome::Return(result) => (result, false),
                Outcome::Raise(result) => (result, true),
            };
            {
                {
                    events.push(EventKind::SocketCall {
                        host: self.host.clone(),
                        call: call.name().to_string(),
                        line,
                        phase: CallPhase::Returned,
                        result,
                    });
                    progressed = true;
                    self.progress = Progress::Idle;
                    self.wake_us = now_us;
                    // An exception ends a Python program that does not catch it.
                    self.pc = if raised {
                        self.script.calls.len()
                    } else {
                        self.pc + 1
                    };
                }
            }
        }
        progressed
    }

    fn started(&self) -> bool {
        matches!(self.progress, Progress::Entered { started: true })
    }

    fn try_call(
        &mut self,
        call: &Call,
        now_us: u64,
        ctx: &HostCtx,
        iface: &mut Interface,
        sockets: &mut SocketSet<'static>,
    ) -> Outcome {
        match call {
            Call::Socket { transport } => {
                match transport {
                    Transport::Tcp => {
                        let mut s = tcp::Socket::new(
                            tcp::SocketBuffer::new(vec![0; SOCKET_BUFFER]),
                            tcp::SocketBuffer::new(vec![0; SOCKET_BUFFER]),
                        );
                        if !ctx.delayed_ack {
                            s.set_ack_delay(None);
                        }
                        self.tcp = Some(sockets.add(s));
                    }
                    Transport::Udp => {
                        let s = udp::Socket::new(
                            udp::PacketBuffer::new(
                                vec![udp::PacketMetadata::EMPTY; 8],
                                vec![0; SOCKET_BUFFER],
                            ),
                            udp::PacketBuffer::new(
                                vec![udp::PacketMetadata::EMPTY; 8],
                                vec![0; SOCKET_BUFFER],
                            ),
                        );
                        self.udp = Some(sockets.add(s));
                    }
                }
                Outcome::Return(format!(
                    "<socket.socket family=AF_INET type={}>",
                    match transport {
                        Transport::Tcp => "SOCK_STREAM",
                        Transport::Udp => "SOCK_DGRAM",
                    }
                ))
            }
            Call::Bind { port, .. } => {
                self.local_port = Some(*port);
                if let Some(h) = self.udp {
                    let s = sockets.get_mut::<udp::Socket>(h);
                    if s.bind(*port).is_err() {
                        return Outcome::Raise("OSError: [Errno 22] Invalid argument".into());
                    }
                }
                Outcome::Return("None".into())
            }
            Call::Listen { .. } => {
                let Some(h) = self.tcp else {
                    return Outcome::Raise("OSError: [Errno 95] Operation not supported".into());
                };
                let port = self.local_port.unwrap_or(ctx.ephemeral_port);
                match sockets.get_mut::<tcp::Socket>(h).listen(port) {
                    Ok(()) => Outcome::Return("None".into()),
                    Err(_) => Outcome::Raise("OSError: [Errno 22] Invalid argument".into()),
                }
            }
            Call::Accept => {
                let Some(h) = self.tcp else {
                    return Outcome::Raise("OSError: [Errno 22] Invalid argument".into());
                };
                let s = sockets.get_mut::<tcp::Socket>(h);
                match s.state() {
                    tcp::State::Listen | tcp::State::SynReceived => Outcome::Wait,
                    tcp::State::Closed => {
                        Outcome::Raise("OSError: [Errno 22] Invalid argument".into())
                    }
                    _ => {
                        let peer = s
                            .remote_endpoint()
                            .map(|e| format!("('{}', {})", e.addr, e.port))
                            .unwrap_or_else(|| "None".into());
                        Outcome::Return(format!("(<socket.socket conn>, {peer})"))
                    }
                }
            }
            Call::Connect { ip, port } => {
                let Some(h) = self.tcp else {
                    return Outcome::Raise("OSError: [Errno 22] Invalid argument".into());
                };
                if !self.started() {
                    let local = self.local_port.unwrap_or(ctx.ephemeral_port);
                    self.local_port = Some(local);
                    let remote = IpEndpoint::new(
                        IpAddress::Ipv4(Ipv4Address::new(ip[0], ip[1], ip[2], ip[3])),
                        *port,
                    );
                    let s = sockets.get_mut::<tcp::Socket>(h);
                    if s.connect(iface.context(), remote, local).is_err() {
                        return Outcome::Raise(
                            "OSError: [Errno 101] Network is unreachable".into(),
                        );
                    }
                    self.progress = Progress::Entered { started: true };
                    return Outcome::Wait;
                }
                let s = sockets.get_mut::<tcp::Socket>(h);
                match s.state() {
                    tcp::State::SynSent | tcp::State::SynReceived => Outcome::Wait,
                    tcp::State::Closed => Outcome::Raise(CONNECTION_REFUSED.into()),
                    _ => Outcome::Return("None".into()),
                }
            }
            Call::Send { data } => {
                let Some(h) = self.tcp else {
                    return Outcome::Raise("OSError: [Errno 32] Broken pipe".into());
                };
                let s = sockets.get_mut::<tcp::Socket>(h);
                if !s.may_send() {
                    return Outcome::Raise("BrokenPipeError: [Errno 32] Broken pipe".into());
                }
                if !s.can_send() {
                    return Outcome::Wait;
                }
                match s.send_slice(data.as_bytes()) {
                    Ok(n) => Outcome::Return(n.to_string()),
                    Err(_) => Outcome::Raise("BrokenPipeError: [Errno 32] Broken pipe".into()),
                }
            }
            Call::Recv { bufsize } => {
                let Some(h) = self.tcp else {
                    return Outcome::Raise(
                        "OSError: [Errno 107] Transport endpoint is not connected".into(),
                    );
                };
                let s = sockets.get_mut::<tcp::Socket>(h);
                if s.can_recv() {
                    let mut buf = vec![0u8; (*bufsize).clamp(1, SOCKET_BUFFER)];
                    match s.recv_slice(&mut buf) {
                        Ok(n) => Outcome::Return(py_bytes(buf.get(..n).unwrap_or_default())),
                        Err(_) => Outcome::Return("b''".into()),
                    }
                } else if s.may_recv() {
                    Outcome::Wait
                } else {
                    match s.state() {
                        tcp::State::Listen | tcp::State::SynSent | tcp::State::SynReceived => {
                            Outcome::Wait
                        }
                        tcp::State::Closed if s.remote_endpoint().is_none() => Outcome::Raise(
                            "ConnectionResetError: [Errno 104] Connection reset by peer".into(),
                        ),
                        _ => Outcome::Return("b''".into()),
                    }
                }
            }
            Call::Close => {
                if let Some(h) = self.tcp {
                    sockets.get_mut::<tcp::Socket>(h).close();
                }
                if let Some(h) = self.udp {
                    sockets.get_mut::<udp::Socket>(h).close();
                }
                Outcome::Return("None".into())
            }
            Call::SendTo { data, to } => {
                let Some(h) = self.udp else {
                    return Outcome::Raise("OSError: [Errno 22] Invalid argument".into());
                };
                let dest = match to {
                    Some((ip, port)) => IpEndpoint::new(
                        IpAddress::Ipv4(Ipv4Address::new(ip[0], ip[1], ip[2], ip[3])),
                        *port,
                    ),
                    None => match self.last_addr {
                        Some(a) => a,
                        None => {
                            return Outcome::Raise("NameError: name 'addr' is not defined".into())
                        }
                    },
                };
                let s = sockets.get_mut::<udp::Socket>(h);
                if self.started() {
                    // Python's sendto returns once the datagram is handed to the network;
                    // here: once smoltcp has put it on the wire (after ARP if needed).
                    return if s.send_queue() == 0 {
                        Outcome::Return(data.len().to_string())
                    } else {
                        Outcome::Wait
                    };
                }
                if !s.is_open() {
                    let port = self.local_port.unwrap_or(ctx.ephemeral_port);
                    self.local_port = Some(port);
                    if s.bind(port).is_err() {
                        return Outcome::Raise("OSError: [Errno 22] Invalid argument".into());
                    }
                }
                match s.send_slice(data.as_bytes(), dest) {
                    Ok(()) => {
                        self.progress = Progress::Entered { started: true };
                        Outcome::Wait
                    }
                    Err(udp::SendError::BufferFull) => Outcome::Wait,
                    Err(udp::SendError::Unaddressable) => {
                        Outcome::Raise("OSError: [Errno 101] Network is unreachable".into())
                    }
                }
            }
            Call::RecvFrom { bufsize } => {
                let Some(h) = self.udp else {
                    return Outcome::Raise("OSError: [Errno 22] Invalid argument".into());
                };
                let s = sockets.get_mut::<udp::Socket>(h);
                if !s.can_recv() {
                    return Outcome::Wait;
                }
                let mut buf = vec![0u8; (*bufsize).clamp(1, SOCKET_BUFFER)];
                match s.recv_slice(&mut buf) {
                    Ok((n, meta)) => {
                        self.last_addr = Some(meta.endpoint);
                        Outcome::Return(format!(
                            "({}, ('{}', {}))",
                            py_bytes(buf.get(..n).unwrap_or_default()),
                            meta.endpoint.addr,
                            meta.endpoint.port
                        ))
                    }
                    Err(_) => Outcome::Wait,
                }
            }
            Call::Sleep { us } => {
                if !self.started() {
                    self.wake_us = now_us.saturating_add(*us);
                    self.progress = Progress::Entered { started: true };
                }
                if now_us >= self.wake_us {
                    Outcome::Return("None".into())
                } else {
                    Outcome::Wait
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_lines_and_numbers() {
        let s = Script {
            var: "server".into(),
            calls: vec![
                Call::Socket {
                    transport: Transport::Tcp,
                },
                Call::Bind {
                    ip: [192, 168, 1, 20],
                    port: 8080,
                },
                Call::Listen { backlog: 5 },
                Call::Accept,
                Call::Recv { bufsize: 1024 },
                Call::Send {
                    data: "HELLO".into(),
                },
                Call::Sleep { us: 100_000 },
                Call::Close,
            ],
        };
        let src = python_source(&s);
        assert_eq!(src[0], "import socket");
        assert_eq!(src[1], "import time");
        assert_eq!(src[s.line_of(1) - 1], "server.bind(('192.168.1.20', 8080))");
        assert_eq!(src[s.line_of(3) - 1], "conn, addr = server.accept()");
        assert_eq!(src[s.line_of(5) - 1], "conn.send(b'HELLO')");
        assert_eq!(src[s.line_of(6) - 1], "time.sleep(0.1)");
        assert_eq!(src[s.line_of(7) - 1], "conn.close()");
    }

    #[test]
    fn bytes_literals() {
        assert_eq!(py_bytes(b"hello"), "b'hello'");
        assert_eq!(py_bytes(b"it's"), "b'it\\'s'");
        assert_eq!(py_bytes("你好".as_bytes()), "'你好'.encode()");
        assert_eq!(py_bytes(&[0xff]), "b'\\xff'");
    }
}
