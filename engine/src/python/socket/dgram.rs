//! The calls of a UDP socket: `connect` (a default destination), `sendto`, `send`,
//! `recvfrom`, `recv`.

use smoltcp::socket::udp;
use smoltcp::wire::{IpAddress, IpEndpoint};

use super::super::value::Value;
use super::{
    data_arg, endpoint, errno, ip_text, raise, size_arg, Done, Pending, PySock, SockResult, Table,
    World, WAIT,
};

impl Table {
    pub(super) fn udp_method(
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
            "connect" => {
                let (ip, port) = match endpoint(a0, w.ctx) {
                    Ok(e) => e,
                    Err(e) => return e,
                };
                if let Some(s) = self.socks.get_mut(i) {
                    s.peer = Some(IpEndpoint::new(IpAddress::Ipv4(ip), port));
                }
                Done::of(Value::None)
            }
            "sendto" | "send" | "sendall" => {
                let data = match data_arg(a0) {
                    Ok(d) => d,
                    Err(e) => return e,
                };
                let dest = if name == "sendto" {
                    match endpoint(args.get(1), w.ctx) {
                        Ok((ip, port)) => IpEndpoint::new(IpAddress::Ipv4(ip), port),
                        Err(e) => return e,
                    }
                } else {
                    match sock.peer {
                        Some(d) => d,
                        None => return errno("OSError", 89, "Destination address required"),
                    }
                };
                let done = |n: usize| {
                    if name == "sendall" {
                        Done::moved(Value::None, n)
                    } else {
                        Done::moved(Value::Int(i64::try_from(n).unwrap_or(0)), n)
                    }
                };
                let s = w.sockets.get_mut::<udp::Socket>(sock.handle);
                if p.started {
                    // Returned once smoltcp has put it on the wire (after ARP if needed).
                    return if s.send_queue() == 0 {
                        done(data.len())
                    } else {
                        WAIT
                    };
                }
                if dest.addr == IpAddress::Ipv4(w.ctx.ip)
                    || matches!(dest.addr, IpAddress::Ipv4(a) if a.is_loopback())
                {
                    // This computer: the datagram never reaches the wire.
                    return done(data.len());
                }
                if !s.is_open() {
                    let port = self.ephemeral(w.ctx);
                    if s.bind(port).is_err() {
                        return errno("OSError", 22, "Invalid argument");
                    }
                    if let Some(x) = self.socks.get_mut(i) {
                        x.port = Some(port);
                    }
                }
                let s = w.sockets.get_mut::<udp::Socket>(sock.handle);
                match s.send_slice(&data, dest) {
                    Ok(()) => {
                        p.started = true;
                        WAIT
                    }
                    Err(udp::SendError::BufferFull) => WAIT,
                    Err(udp::SendError::Unaddressable) => {
                        errno("OSError", 101, "Network is unreachable")
                    }
                }
            }
            "recvfrom" | "recv" => {
                let n = match size_arg(a0) {
                    Ok(n) => n,
                    Err(e) => return e,
                };
                let s = w.sockets.get_mut::<udp::Socket>(sock.handle);
                if !s.is_open() || !s.can_recv() {
                    return WAIT;
                }
                match s.recv() {
                    Ok((payload, meta)) => {
                        // Python returns at most n bytes and drops the rest of the datagram.
                        let got = payload.len().min(n);
                        let data = Value::bytes(payload.get(..got).unwrap_or_default());
                        let from = meta.endpoint;
                        if name == "recv" {
                            return Done::moved(data, got);
                        }
                        let from = Value::addr(&ip_text(from.addr), from.port);
                        Done::moved(Value::Tuple(vec![data, from].into()), got)
                    }
                    Err(_) => WAIT,
                }
            }
            "listen" | "accept" => errno("OSError", 95, "Operation not supported"),
            "shutdown" => errno("OSError", 107, "Transport endpoint is not connected"),
            _ => raise(
                "AttributeError",
                &format!("'socket' object has no attribute '{name}'"),
            ),
        }
    }
}
