//! The door between a host and the program it runs.
//!
//! A [`HostApp`] is whatever plays the host's side of the story: today the scripted socket
//! programs of `crate::program`, tomorrow an interpreter of the student's own Python. The
//! host gives it the smoltcp interface and socket set at every step; the app creates and
//! drives its sockets and reports each socket call as an [`EventKind::SocketCall`].

use core::fmt::Debug;

use smoltcp::iface::{Interface, SocketHandle, SocketSet};
use smoltcp::socket::tcp;
use smoltcp::wire::Ipv4Address;

use crate::trace::{EventKind, TcpState};

/// What a program needs to know about the host it runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostCtx {
    /// The host's address.
    pub ip: Ipv4Address,
    /// Port used when the program never binds (drawn from the seed).
    pub ephemeral_port: u16,
    /// Delayed ACK on (smoltcp's default, 10 ms) or off.
    pub delayed_ack: bool,
}

/// A program running on a simulated host.
pub trait HostApp: Debug {
    /// The program's source, one string per line (shown beside the trace; may be empty).
    fn code(&self) -> Vec<String>;

    /// Run at virtual time `now_us` until the program blocks or ends. Returns whether it
    /// made progress (entered or left a call). Socket-call events go to `events`; after
    /// every call that returns, the program shows its TCP socket to `watch`, so a state a
    /// call sets (`listen()` → LISTEN, `close()` → FIN_WAIT_1) is recorded right after
    /// that call, before the next one blocks.
    fn poll(
        &mut self,
        now_us: u64,
        ctx: &HostCtx,
        iface: &mut Interface,
        sockets: &mut SocketSet<'static>,
        events: &mut Vec<EventKind>,
        watch: &mut StateWatch,
    ) -> bool;

    /// When the program wants to run again without network input (the end of a sleep, or
    /// now if it can go on), if ever.
    fn wake_at(&self) -> Option<u64>;

    /// The program's TCP socket, once it created one (the host reports its state changes).
    fn tcp_handle(&self) -> Option<SocketHandle>;
}

/// Records a host's TCP state changes as [`EventKind::StateChange`] events: the host
/// shows it the socket after every step of smoltcp, the program after every call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateWatch {
    host: String,
    last: Option<TcpState>,
}

impl StateWatch {
    /// A watch for host `host`, whose socket does not exist yet.
    pub fn new(host: &str) -> Self {
        StateWatch {
            host: host.to_string(),
            last: None,
        }
    }

    /// Look at the program's TCP socket `handle` (none yet: nothing to record).
    pub fn observe_socket(
        &mut self,
        sockets: &SocketSet<'static>,
        handle: Option<SocketHandle>,
        events: &mut Vec<EventKind>,
    ) {
        let now = handle.map(|h| sockets.get::<tcp::Socket>(h).state().into());
        self.observe(now, events);
    }

    /// Record the change from the last state seen to `now`, if any.
    pub fn observe(&mut self, now: Option<TcpState>, events: &mut Vec<EventKind>) {
        let Some(to) = now else {
            return;
        };
        let mut from = self.last.unwrap_or(TcpState::Closed);
        // One segment can carry the handshake's ACK and a FIN (a program that sends
        // and closes at once): RFC 9293 passes through ESTABLISHED before CLOSE-WAIT
        // (§3.10.7.4, the ACK then the FIN), which smoltcp does within one call.
        if matches!(from, TcpState::SynSent | TcpState::SynReceived)
            && matches!(to, TcpState::CloseWait | TcpState::LastAck)
        {
            events.push(EventKind::StateChange {
                host: self.host.clone(),
                from,
                to: TcpState::Established,
            });
            from = TcpState::Established;
        }
        if from != to {
            events.push(EventKind::StateChange {
                host: self.host.clone(),
                from,
                to,
            });
        }
        self.last = Some(to);
    }
}
