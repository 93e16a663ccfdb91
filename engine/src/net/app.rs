//! The door between a host and the program it runs.
//!
//! A [`HostApp`] is whatever plays the host's side of the story: today the scripted socket
//! programs of `crate::program`, tomorrow an interpreter of the student's own Python. The
//! host gives it the smoltcp interface and socket set at every step; the app creates and
//! drives its sockets and reports each socket call as an [`EventKind::SocketCall`].

use core::fmt::Debug;

use smoltcp::iface::{Interface, SocketHandle, SocketSet};
use smoltcp::wire::Ipv4Address;

use crate::trace::EventKind;

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
    /// made progress (entered or left a call). Socket-call events go to `events`.
    fn poll(
        &mut self,
        now_us: u64,
        ctx: &HostCtx,
        iface: &mut Interface,
        sockets: &mut SocketSet<'static>,
        events: &mut Vec<EventKind>,
    ) -> bool;

    /// When the program wants to run again without network input (the end of a sleep, or
    /// now if it can go on), if ever.
    fn wake_at(&self) -> Option<u64>;

    /// The program's TCP socket, once it created one (the host reports its state changes).
    fn tcp_handle(&self) -> Option<SocketHandle>;
}
