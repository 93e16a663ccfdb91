//! An end host: a smoltcp [`Interface`] on a [`QueueDevice`], its sockets, and the
//! [`HostApp`] that plays its program.
//!
//! Each [`Host::step`] does what a real kernel plus program would do at one instant, in
//! the order that makes the textbook visible: every queued incoming frame is processed
//! (ingress), then the program runs as far as it can, then everything smoltcp wants to
//! send goes out (egress). So a program that reacts at once (close right after `recv()`
//! returned `b''`) rides on the same segment — the 3-segment close — while one that sleeps
//! first produces separate segments. TCP state changes are observed after every single
//! step of smoltcp so none is missed.

use smoltcp::iface::{Config, Interface, SocketSet};
use smoltcp::socket::tcp;
use smoltcp::time::Instant;
use smoltcp::wire::{EthernetAddress, HardwareAddress, IpCidr, Ipv4Address};

use super::app::{HostApp, HostCtx, StateWatch};
use super::device::QueueDevice;
use super::NetError;
use crate::trace::{EventKind, TcpState};

/// How to build a host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostConfig {
    /// Host name (`"client"`).
    pub name: String,
    /// Its MAC address (unicast).
    pub mac: EthernetAddress,
    /// Its IPv4 address.
    pub ip: Ipv4Address,
    /// Prefix length of its subnet.
    pub prefix_len: u8,
    /// Default gateway, if any.
    pub gateway: Option<Ipv4Address>,
    /// Seed for smoltcp's own generator (ISNs).
    pub smoltcp_seed: u64,
    /// Port used when the program never binds.
    pub ephemeral_port: u16,
    /// Delayed ACK on or off.
    pub delayed_ack: bool,
}

/// Microseconds of the virtual clock as smoltcp's [`Instant`].
pub fn instant(us: u64) -> Instant {
    Instant::from_micros(i64::try_from(us).unwrap_or(i64::MAX))
}

/// A simulated end host.
pub struct Host {
    /// Host name.
    pub name: String,
    /// Its configuration.
    pub config: HostConfig,
    iface: Interface,
    device: QueueDevice,
    sockets: SocketSet<'static>,
    app: Option<Box<dyn HostApp>>,
    ctx: HostCtx,
    watch: StateWatch,
}

impl core::fmt::Debug for Host {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Host")
            .field("name", &self.name)
            .field("config", &self.config)
            .field("tcp_state", &self.tcp_state())
            .finish_non_exhaustive()
    }
}

impl Host {
    /// Build a host running `app` at virtual time `now_us` (a host without a program still
    /// answers ARP and sends RST).
    ///
    /// # Errors
    /// [`NetError::BadAddress`] if the MAC is not unicast or the address cannot be
    /// configured, [`NetError::RouteTable`] if the gateway cannot be added.
    pub fn new(
        config: HostConfig,
        app: Option<Box<dyn HostApp>>,
        now_us: u64,
    ) -> Result<Host, NetError> {
        if !config.mac.is_unicast() {
            return Err(NetError::BadAddress(format!(
                "{} MAC {}",
                config.name, config.mac
            )));
        }
        let mut device = QueueDevice::new();
        let mut cfg = Config::new(HardwareAddress::Ethernet(config.mac));
        cfg.random_seed = config.smoltcp_seed;
        let mut iface = Interface::new(cfg, &mut device, instant(now_us));
        let mut pushed = true;
        iface.update_ip_addrs(|addrs| {
            pushed = addrs
                .push(IpCidr::new(config.ip.into(), config.prefix_len))
                .is_ok();
        });
        if !pushed {
            return Err(NetError::BadAddress(format!(
                "{} IP {}",
                config.name, config.ip
            )));
        }
        if let Some(gw) = config.gateway {
            iface
                .routes_mut()
                .add_default_ipv4_route(gw)
                .map_err(|_| NetError::RouteTable(config.name.clone()))?;
        }
        let ctx = HostCtx {
            ip: config.ip,
            ephemeral_port: config.ephemeral_port,
            delayed_ack: config.delayed_ack,
        };
        let watch = StateWatch::new(&config.name);
        Ok(Host {
            name: config.name.clone(),
            config,
            iface,
            device,
            sockets: SocketSet::new(Vec::new()),
            app,
            ctx,
            watch,
        })
    }

    /// A frame arrived from the wire.
    pub fn receive(&mut self, frame: Vec<u8>) {
        self.device.rx.push_back(frame);
    }

    /// The host's TCP state, if its program created a TCP socket.
    pub fn tcp_state(&self) -> Option<TcpState> {
        let h = self.app.as_ref()?.tcp_handle()?;
        Some(self.sockets.get::<tcp::Socket>(h).state().into())
    }

    fn observe_state(&mut self, events: &mut Vec<EventKind>) {
        let now = self.tcp_state();
        self.watch.observe(now, events);
    }

    fn run_program(&mut self, now_us: u64, events: &mut Vec<EventKind>) -> bool {
        let Some(app) = self.app.as_mut() else {
            return false;
        };
        let progressed = app.poll(
            now_us,
            &self.ctx,
            &mut self.iface,
            &mut self.sockets,
            events,
            &mut self.watch,
        );
        self.observe_state(events);
        progressed
    }

    /// Everything the host does at `now_us`: ingress, program, egress (repeated while the
    /// program makes progress). Returns the frames it sent; events go to `events`.
    pub fn step(&mut self, now_us: u64, events: &mut Vec<EventKind>) -> Vec<Vec<u8>> {
        let now = instant(now_us);
        self.iface.poll_maintenance(now);
        // Ingress, one frame at a time, so every state is seen.
        for _ in 0..10_000 {
            match self
                .iface
                .poll_ingress_single(now, &mut self.device, &mut self.sockets)
            {
                smoltcp::iface::PollIngressSingleResult::None => break,
                _ => self.observe_state(events),
            }
        }
        // Program, then egress; again while the program moves (bounded).
        for _ in 0..16 {
            let progressed = self.run_program(now_us, events);
            for _ in 0..10_000 {
                match self
                    .iface
                    .poll_egress(now, &mut self.device, &mut self.sockets)
                {
                    smoltcp::iface::PollResult::None => break,
                    smoltcp::iface::PollResult::SocketStateChanged => self.observe_state(events),
                }
            }
            self.observe_state(events);
            if !progressed {
                break;
            }
        }
        std::mem::take(&mut self.device.tx)
    }

    /// The next instant the host needs to run without network input (a smoltcp timer or
    /// the end of a `time.sleep`), strictly after `now_us`, if any.
    pub fn next_wake(&mut self, now_us: u64) -> Option<u64> {
        let stack = self
            .iface
            .poll_at(instant(now_us), &self.sockets)
            .map(|t| u64::try_from(t.total_micros()).unwrap_or(0));
        let program = self.app.as_ref().and_then(|a| a.wake_at());
        let wake = match (stack, program) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }?;
        Some(wake.max(now_us + 1))
    }

    /// The source lines of the host's program (empty without one).
    pub fn code(&self) -> Vec<String> {
        self.app.as_ref().map(|a| a.code()).unwrap_or_default()
    }
}
