//! The `socket` calls of a Python program against the host's smoltcp sockets, with
//! CPython-on-Linux results and exceptions. A blocking call returns [`SysOutcome::Wait`]
//! and is tried again at the host's next step; [`Pending`] keeps what it already did.

use smoltcp::iface::{Interface, SocketHandle, SocketSet};
use smoltcp::socket::{tcp, udp};
use smoltcp::wire::{IpAddress, IpEndpoint, Ipv4Address};

use super::value::{Exc, Value};
use super::vm::SysOutcome;
use super::MAX_SOCKETS;
use crate::net::HostCtx;
use crate::program::{Transport, SOCKET_BUFFER};
use crate::trace::RunLimit;

mod dgram;
mod stream;

/// One Python socket object.
#[derive(Debug, Clone)]
pub struct PySock {
    /// TCP or UDP.
    pub kind: Transport,
    /// Its smoltcp socket.
    pub handle: SocketHandle,
    /// Local port, once bound or used.
    pub port: Option<u16>,
    /// `settimeout`: None = block forever.
    pub timeout_us: Option<u64>,
    /// `close()` was called.
    pub closed: bool,
    /// `listen()` was called.
    pub listening: bool,
    /// Ever connected or accepted (for the error of a later send).
    pub connected: bool,
    /// A UDP socket's `connect` address.
    pub peer: Option<IpEndpoint>,
}

/// Progress of the call being made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// Its entry event was recorded.
    pub announced: bool,
    /// Its network side began (SYN queued, datagram queued, sleep started).
    pub started: bool,
    /// When a timeout (or a sleep) ends, µs.
    pub deadline: Option<u64>,
    /// Bytes `sendall` already handed over.
    pub sent: usize,
}

/// What a finished socket call returns: the Python value, the text of the event's
/// result, and the payload bytes it moved.
pub struct Done {
    /// The value.
    pub value: Value,
    /// `result` of the return event (Python's repr).
    pub shown: String,
    /// Payload bytes sent or received.
    pub nbytes: Option<usize>,
}

impl Done {
    fn of(value: Value) -> SockResult {
        let shown = value.repr();
        SockResult::Done(Done {
            value,
            shown,
            nbytes: None,
        })
    }

    fn moved(value: Value, n: usize) -> SockResult {
        let shown = value.repr();
        SockResult::Done(Done {
            value,
            shown,
            nbytes: Some(n),
        })
    }
}

/// Outcome of one try of a socket call.
pub enum SockResult {
    /// Returned.
    Done(Done),
    /// Try again later, or the outcome (raise/limit) as it is.
    Other(SysOutcome),
}

fn raise(name: &'static str, msg: &str) -> SockResult {
    SockResult::Other(SysOutcome::Raise(Exc::new(name, msg)))
}

fn errno(name: &'static str, code: i32, text: &str) -> SockResult {
    raise(name, &format!("[Errno {code}] {text}"))
}

const WAIT: SockResult = SockResult::Other(SysOutcome::Wait);

/// The host's sockets as the program sees them.
pub struct World<'a> {
    /// Virtual time, µs.
    pub now: u64,
    /// The host.
    pub ctx: &'a HostCtx,
    /// Its interface.
    pub iface: &'a mut Interface,
    /// Its smoltcp sockets.
    pub sockets: &'a mut SocketSet<'static>,
}

/// The socket table of one program.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Every socket the program created, by index.
    pub socks: Vec<PySock>,
    /// Ephemeral ports handed out so far.
    pub ephemeral_used: u16,
    /// The TCP socket whose states the host reports.
    pub main_tcp: Option<SocketHandle>,
}

fn new_tcp(ctx: &HostCtx, sockets: &mut SocketSet<'static>) -> SocketHandle {
    let mut s = tcp::Socket::new(
        tcp::SocketBuffer::new(vec![0; SOCKET_BUFFER]),
        tcp::SocketBuffer::new(vec![0; SOCKET_BUFFER]),
    );
    if !ctx.delayed_ack {
        s.set_ack_delay(None);
    }
    sockets.add(s)
}

fn new_udp(sockets: &mut SocketSet<'static>) -> SocketHandle {
    sockets.add(udp::Socket::new(
        udp::PacketBuffer::new(vec![udp::PacketMetadata::EMPTY; 8], vec![0; SOCKET_BUFFER]),
        udp::PacketBuffer::new(vec![udp::PacketMetadata::EMPTY; 8], vec![0; SOCKET_BUFFER]),
    ))
}

/// `(host, port)` → an endpoint; `Err` is the exception to raise.
fn endpoint(v: Option<&Value>, ctx: &HostCtx) -> Result<(Ipv4Address, u16), SockResult> {
    let bad = || raise("TypeError", "AF_INET address must be a tuple (host, port)");
    let Some(Value::Tuple(t)) = v else {
        return Err(bad());
    };
    let (Some(Value::Str(host)), Some(Value::Int(port))) = (t.first(), t.get(1)) else {
        return Err(bad());
    };
    if t.len() != 2 {
        return Err(bad());
    }
    let Ok(port) = u16::try_from(*port) else {
        return Err(raise("OverflowError", "connect(): port must be 0-65535."));
    };
    let ip = match &**host {
        "" | "0.0.0.0" => Ipv4Address::UNSPECIFIED,
        "localhost" => Ipv4Address::new(127, 0, 0, 1),
        h => match h.parse::<std::net::Ipv4Addr>() {
            Ok(a) => a,
            Err(_) => {
                return Err(raise(
                    "OSError",
                    "[Errno -2] Name or service not known (use an IPv4 address)",
                ))
            }
        },
    };
    let _ = ctx;
    Ok((ip, port))
}

fn data_arg(v: Option<&Value>) -> Result<Vec<u8>, SockResult> {
    match v {
        Some(Value::Bytes(b)) => Ok(b.to_vec()),
        Some(other) => Err(raise(
            "TypeError",
            &format!(
                "a bytes-like object is required, not '{}'",
                other.type_name()
            ),
        )),
        None => Err(raise(
            "TypeError",
            "function takes exactly 1 argument (0 given)",
        )),
    }
}

fn size_arg(v: Option<&Value>) -> Result<usize, SockResult> {
    match v {
        Some(Value::Int(n)) if *n >= 0 => Ok(usize::try_from(*n).unwrap_or(usize::MAX)),
        Some(Value::Int(_)) => Err(raise("ValueError", "negative buffersize in recv")),
        _ => Err(raise("TypeError", "an integer is required")),
    }
}

fn ip_text(ip: IpAddress) -> String {
    ip.to_string()
}

impl Table {
    fn ephemeral(&mut self, ctx: &HostCtx) -> u16 {
        let p = ctx.ephemeral_port.wrapping_add(self.ephemeral_used);
        self.ephemeral_used = self.ephemeral_used.wrapping_add(1);
        p
    }

    fn port_in_use(&self, kind: Transport, port: u16) -> bool {
        self.socks
            .iter()
            .any(|s| s.kind == kind && !s.closed && s.port == Some(port))
    }

    /// `socket.socket(family, type)`.
    pub fn create(&mut self, args: &[Value], w: &mut World<'_>) -> SockResult {
        let family = args.first().cloned().unwrap_or(Value::Int(2));
        let kind = args.get(1).cloned().unwrap_or(Value::Int(1));
        if family != Value::Int(2) {
            return errno("OSError", 97, "Address family not supported by protocol");
        }
        let kind = match kind {
            Value::Int(1) => Transport::Tcp,
            Value::Int(2) => Transport::Udp,
            _ => return errno("OSError", 22, "Invalid argument"),
        };
        if self.socks.len() >= MAX_SOCKETS {
            return SockResult::Other(SysOutcome::Limit(RunLimit::Sockets));
        }
        let handle = match kind {
            Transport::Tcp => new_tcp(w.ctx, w.sockets),
            Transport::Udp => new_udp(w.sockets),
        };
        if kind == Transport::Tcp && self.main_tcp.is_none() {
            self.main_tcp = Some(handle);
        }
        self.socks.push(PySock {
            kind,
            handle,
            port: None,
            timeout_us: None,
            closed: false,
            listening: false,
            connected: false,
            peer: None,
        });
        let value = Value::Socket(self.socks.len() - 1);
        SockResult::Done(Done {
            value,
            shown: format!(
                "<socket.socket family=AF_INET type={}>",
                match kind {
                    Transport::Tcp => "SOCK_STREAM",
                    Transport::Udp => "SOCK_DGRAM",
                }
            ),
            nbytes: None,
        })
    }

    /// A socket method.
    pub fn method(
        &mut self,
        i: usize,
        name: &str,
        args: &[Value],
        p: &mut Pending,
        w: &mut World<'_>,
    ) -> SockResult {
        let Some(sock) = self.socks.get(i).cloned() else {
            return errno("OSError", 9, "Bad file descriptor");
        };
        if sock.closed && name != "close" {
            return errno("OSError", 9, "Bad file descriptor");
        }
        let a0 = args.first();
        let r = match (sock.kind, name) {
            (_, "close") => {
                self.close(i, w);
                return Done::of(Value::None);
            }
            (_, "settimeout") => {
                let t = match a0 {
                    Some(Value::None) => None,
                    Some(Value::Int(n)) if *n >= 0 => {
                        Some(u64::try_from(*n).unwrap_or(0).saturating_mul(1_000_000))
                    }
                    Some(Value::Float(f)) if *f >= 0.0 && f.is_finite() =>
                    {
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        Some((f * 1e6).round() as u64)
                    }
                    Some(Value::Int(_) | Value::Float(_)) => {
                        return raise("ValueError", "Timeout value out of range")
                    }
                    _ => return raise("TypeError", "Timeout value must be int, float or None"),
                };
                if let Some(s) = self.socks.get_mut(i) {
                    s.timeout_us = t;
                }
                return Done::of(Value::None);
            }
            (_, "setsockopt") => {
                let opt = (args.first(), args.get(1));
                match opt {
                    (Some(Value::Int(1)), Some(Value::Int(2))) => {}
                    (Some(Value::Int(6)), Some(Value::Int(1))) if sock.kind == Transport::Tcp => {
                        let on = args.get(2).is_some_and(Value::truthy);
                        w.sockets
                            .get_mut::<tcp::Socket>(sock.handle)
                            .set_nagle_enabled(!on);
                    }
                    _ => return errno("OSError", 92, "Protocol not available"),
                }
                return Done::of(Value::None);
            }
            (_, "bind") => {
                let (ip, port) = match endpoint(a0, w.ctx) {
                    Ok(e) => e,
                    Err(e) => return e,
                };
                if !ip.is_unspecified() && ip != w.ctx.ip {
                    return errno("OSError", 99, "Cannot assign requested address");
                }
                if sock.port.is_some() {
                    return errno("OSError", 22, "Invalid argument");
                }
                let port = if port == 0 {
                    self.ephemeral(w.ctx)
                } else {
                    port
                };
                if self.port_in_use(sock.kind, port) {
                    return errno("OSError", 98, "Address already in use");
                }
                if sock.kind == Transport::Udp
                    && w.sockets
                        .get_mut::<udp::Socket>(sock.handle)
                        .bind(port)
                        .is_err()
                {
                    return errno("OSError", 22, "Invalid argument");
                }
                if let Some(s) = self.socks.get_mut(i) {
                    s.port = Some(port);
                }
                return Done::of(Value::None);
            }
            (Transport::Tcp, _) => self.tcp_method(i, &sock, name, args, p, w),
            (Transport::Udp, _) => self.udp_method(i, &sock, name, args, p, w),
        };
        // A blocking call past its timeout raises `TimeoutError: timed out`.
        if matches!(r, SockResult::Other(SysOutcome::Wait)) {
            if sock.timeout_us == Some(0) {
                return errno("BlockingIOError", 11, "Resource temporarily unavailable");
            }
            if let Some(t) = sock.timeout_us {
                let deadline = *p.deadline.get_or_insert(w.now.saturating_add(t));
                if w.now >= deadline {
                    return raise("TimeoutError", "timed out");
                }
            }
        }
        r
    }

    /// `close()`, or the end of the program: a socket with unread data resets the
    /// connection (as Linux does), otherwise it sends its FIN.
    pub fn close(&mut self, i: usize, w: &mut World<'_>) {
        let Some(sock) = self.socks.get_mut(i) else {
            return;
        };
        if sock.closed {
            return;
        }
        sock.closed = true;
        match sock.kind {
            Transport::Tcp => {
                let s = w.sockets.get_mut::<tcp::Socket>(sock.handle);
                if s.recv_queue() > 0 {
                    s.abort();
                } else {
                    s.close();
                }
            }
            Transport::Udp => w.sockets.get_mut::<udp::Socket>(sock.handle).close(),
        }
    }

    /// Close every socket still open (the program ended).
    pub fn close_all(&mut self, w: &mut World<'_>) {
        for i in 0..self.socks.len() {
            self.close(i, w);
        }
    }
}
