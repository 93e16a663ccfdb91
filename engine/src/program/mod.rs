//! The programs the hosts run: socket scripts, shown as Python.
//!
//! A [`Script`] is a list of [`Call`]s — `socket`, `bind`, `listen`, `accept`, `connect`,
//! `send`, `recv`, `close`, `sendto`, `recvfrom`, plus `time.sleep` for think time. The
//! same script renders as the equivalent Python `socket` program ([`python_source`]) and
//! runs against the host's smoltcp sockets ([`ScriptRunner`], a [`crate::net::HostApp`]),
//! emitting a [`crate::trace::EventKind::SocketCall`] when a call is entered and when it
//! returns, each carrying the 1-based Python line. Blocking follows Python's: `accept()`
//! returns once the handshake is complete, `recv()` waits for data (or returns `b''` after
//! the peer's FIN), `connect()` returns on ESTABLISHED or raises `ConnectionRefusedError`
//! after a RST.

mod python;
mod runner;

use serde::{Deserialize, Serialize};

pub use python::{py_bytes, python_source};
pub use runner::{ScriptRunner, CONNECTION_REFUSED};

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
