//! The calls of a TCP socket: `listen`, `accept`, `connect`, `send`, `sendall`, `recv`,
//! `shutdown`.

use smoltcp::socket::tcp;
use smoltcp::wire::{IpAddress, IpEndpoint};

use super::super::value::Value;
use super::super::vm::SysOutcome;
use super::super::MAX_SOCKETS;
use super::{
    data_arg, endpoint, errno, ip_text, new_tcp, raise, size_arg, Done, Pending, PySock,
    SockResult, Table, World, WAIT,
};
use crate::program::{Transport, SOCKET_BUFFER};
use crate::trace::RunLimit;

impl Table {
    pub(super) fn tcp_method(
        &mut self,
        i: usize,
        sock: &PySock,
        name: &str,
        args: &[Value],
        p: &mut Pending,
        w: &mut World<'_>,
    ) -> SockResult {
        let a0 = args.first();
        match name {
            "listen" => {
                let port = match sock.port {
                    Some(port) => port,
                    None => self.ephemeral(w.ctx),
                };
                let s = w.sockets.get_mut::<tcp::Socket>(sock.handle);
                if !sock.listening && s.listen(port).is_err() {
                    return errno("OSError", 22, "Invalid argument");
                }
                if let Some(s) = self.socks.get_mut(i) {
                    s.port = Some(port);
                    s.listening = true;
                }
                Done::of(Value::None)
            }
            "accept" => {
                if !sock.listening {
                    return errno("OSError", 22, "Invalid argument");
                }
                let s = w.sockets.get_mut::<tcp::Socket>(sock.handle);
                match s.state() {
                    tcp::State::Listen | tcp::State::SynReceived => return WAIT,
                    tcp::State::Closed => {
                        // A handshake reset before it completed: listen again and wait.
                        let _ = s.listen(sock.port.unwrap_or(0));
                        return WAIT;
                    }
                    _ => {}
                }
                let (Some(local), Some(remote)) = (s.local_endpoint(), s.remote_endpoint()) else {
                    return WAIT;
                };
                // The connection keeps the smoltcp socket; the listener gets a fresh one.
                let fresh = new_tcp(w.ctx, w.sockets);
                let _ = w
                    .sockets
                    .get_mut::<tcp::Socket>(fresh)
                    .listen(sock.port.unwrap_or(local.port));
                if let Some(l) = self.socks.get_mut(i) {
                    l.handle = fresh;
                }
                if self.socks.len() >= MAX_SOCKETS {
                    return SockResult::Other(SysOutcome::Limit(RunLimit::Sockets));
                }
                self.socks.push(PySock {
                    kind: Transport::Tcp,
                    handle: sock.handle,
                    port: Some(local.port),
                    timeout_us: None,
                    closed: false,
                    listening: false,
                    connected: true,
                    peer: None,
                });
                let addr = Value::addr(&ip_text(remote.addr), remote.port);
                let shown = format!(
                    "(<socket.socket laddr=('{}', {}) raddr={}>, {})",
                    ip_text(local.addr),
                    local.port,
                    addr.repr(),
                    addr.repr()
                );
                SockResult::Done(Done {
                    value: Value::Tuple(vec![Value::Socket(self.socks.len() - 1), addr].into()),
                    shown,
                    nbytes: None,
                })
            }
            "connect" => {
                let (ip, port) = match endpoint(a0, w.ctx) {
                    Ok(e) => e,
                    Err(e) => return e,
                };
                if sock.listening || sock.connected && !p.started {
                    return errno("OSError", 106, "Transport endpoint is already connected");
                }
                if !p.started {
                    // 127.0.0.1 (or the host itself) is this computer: nothing listens
                    // there, and the refusal never reaches the wire.
                    if ip.is_loopback() || ip == w.ctx.ip || ip.is_unspecified() {
                        return errno("ConnectionRefusedError", 111, "Connection refused");
                    }
                    let local = match sock.port {
                        Some(port) => port,
                        None => self.ephemeral(w.ctx),
                    };
                    if let Some(s) = self.socks.get_mut(i) {
                        s.port = Some(local);
                    }
                    let remote = IpEndpoint::new(IpAddress::Ipv4(ip), port);
                    let s = w.sockets.get_mut::<tcp::Socket>(sock.handle);
                    if s.connect(w.iface.context(), remote, local).is_err() {
                        return errno("OSError", 101, "Network is unreachable");
                    }
                    p.started = true;
                    return WAIT;
                }
                match w.sockets.get_mut::<tcp::Socket>(sock.handle).state() {
                    tcp::State::SynSent | tcp::State::SynReceived => WAIT,
                    tcp::State::Closed => {
                        errno("ConnectionRefusedError", 111, "Connection refused")
                    }
                    _ => {
                        if let Some(s) = self.socks.get_mut(i) {
                            s.connected = true;
                        }
                        Done::of(Value::None)
                    }
                }
            }
            "send" | "sendall" => {
                let data = match data_arg(a0) {
                    Ok(d) => d,
                    Err(e) => return e,
                };
                let s = w.sockets.get_mut::<tcp::Socket>(sock.handle);
                if !sock.connected {
                    return errno("OSError", 107, "Transport endpoint is not connected");
                }
                if !s.may_send() {
                    return errno("BrokenPipeError", 32, "Broken pipe");
                }
                let rest = data.get(p.sent..).unwrap_or_default();
                if rest.is_empty() {
                    return if name == "send" {
                        Done::moved(Value::Int(0), 0)
                    } else {
                        Done::moved(Value::None, data.len())
                    };
                }
                if !s.can_send() {
                    return WAIT;
                }
                let n = s.send_slice(rest).unwrap_or(0);
                p.sent += n;
                if name == "send" {
                    return Done::moved(Value::Int(i64::try_from(n).unwrap_or(0)), n);
                }
                if p.sent >= data.len() {
                    Done::moved(Value::None, data.len())
                } else {
                    WAIT
                }
            }
            "recv" => {
                let n = match size_arg(a0) {
                    Ok(n) => n,
                    Err(e) => return e,
                };
                if !sock.connected {
                    return errno("OSError", 107, "Transport endpoint is not connected");
                }
                let s = w.sockets.get_mut::<tcp::Socket>(sock.handle);
                if n == 0 {
                    return Done::moved(Value::bytes(b""), 0);
                }
                if s.can_recv() {
                    let mut buf = vec![0u8; n.min(SOCKET_BUFFER)];
                    let got = s.recv_slice(&mut buf).unwrap_or(0);
                    let data = buf.get(..got).unwrap_or_default();
                    return Done::moved(Value::bytes(data), got);
                }
                if s.may_recv() {
                    return WAIT;
                }
                match s.state() {
                    tcp::State::Closed if s.remote_endpoint().is_none() => {
                        errno("ConnectionResetError", 104, "Connection reset by peer")
                    }
                    _ => Done::moved(Value::bytes(b""), 0),
                }
            }
            "shutdown" => {
                let how = match a0 {
                    Some(Value::Int(h @ 0..=2)) => *h,
                    _ => return errno("OSError", 22, "Invalid argument"),
                };
                if !sock.connected {
                    return errno("OSError", 107, "Transport endpoint is not connected");
                }
                if how >= 1 {
                    w.sockets.get_mut::<tcp::Socket>(sock.handle).close();
                }
                Done::of(Value::None)
            }
            "sendto" | "recvfrom" => {
                errno("OSError", 95, "Operation not supported on a TCP socket")
            }
            _ => raise(
                "AttributeError",
                &format!("'socket' object has no attribute '{name}'"),
            ),
        }
    }
}
