//! [`ScriptRunner`]: plays a [`Script`] against the host's smoltcp sockets, one call at a
//! time, as the host's [`HostApp`].

use smoltcp::iface::{Interface, SocketHandle, SocketSet};
use smoltcp::socket::{tcp, udp};
use smoltcp::wire::{IpAddress, IpEndpoint, Ipv4Address};

use super::{py_bytes, python_source, Call, Script, Transport, SOCKET_BUFFER};
use crate::net::{HostApp, HostCtx, StateWatch};
use crate::trace::{CallPhase, EventKind};

/// Python's message for a refused connection.
pub const CONNECTION_REFUSED: &str = "ConnectionRefusedError: [Errno 111] Connection refused";

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
    /// whether any call was entered or returned. Events go to `events`; the TCP socket
    /// is shown to `watch` after every call that returns.
    pub fn run(
        &mut self,
        now_us: u64,
        ctx: &HostCtx,
        iface: &mut Interface,
        sockets: &mut SocketSet<'static>,
        events: &mut Vec<EventKind>,
        watch: &mut StateWatch,
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
                    args: String::new(),
                    nbytes: None,
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
                        args: String::new(),
                        nbytes: None,
                    });
                    watch.observe_socket(sockets, self.tcp, events);
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

impl HostApp for ScriptRunner {
    fn code(&self) -> Vec<String> {
        python_source(&self.script)
    }

    fn poll(
        &mut self,
        now_us: u64,
        ctx: &HostCtx,
        iface: &mut Interface,
        sockets: &mut SocketSet<'static>,
        events: &mut Vec<EventKind>,
        watch: &mut StateWatch,
    ) -> bool {
        self.run(now_us, ctx, iface, sockets, events, watch)
    }

    fn wake_at(&self) -> Option<u64> {
        ScriptRunner::wake_at(self)
    }

    fn tcp_handle(&self) -> Option<SocketHandle> {
        ScriptRunner::tcp_handle(self)
    }
}
