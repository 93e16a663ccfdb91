//! The network card each simulated host hands to smoltcp: two frame queues.
//!
//! smoltcp reads frames from `rx` (filled by the network when a frame arrives over a link)
//! and writes frames into `tx` (drained by the network, which puts them on the link).
//! Checksums are computed by smoltcp in software, as the frames are shown byte for byte.

use smoltcp::phy::{self, Device, DeviceCapabilities, Medium};
use smoltcp::time::Instant;
use std::collections::VecDeque;

/// Ethernet MTU as smoltcp counts it for `Medium::Ethernet`: the 1500-byte IP MTU plus the
/// 14-byte Ethernet header. smoltcp derives the MSS it announces from it: 1500 − 20 − 20 = 1460.
pub const ETHERNET_MTU: usize = 1514;

/// A queue-backed Ethernet device.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct QueueDevice {
    /// Frames waiting to be read by the stack.
    pub rx: VecDeque<Vec<u8>>,
    /// Frames the stack has sent, waiting to be put on the wire.
    pub tx: Vec<Vec<u8>>,
}

impl QueueDevice {
    /// An empty device.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Device for QueueDevice {
    type RxToken<'a> = RxToken;
    type TxToken<'a> = TxToken<'a>;

    fn receive(&mut self, _timestamp: Instant) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)> {
        let frame = self.rx.pop_front()?;
        Some((RxToken { frame }, TxToken { tx: &mut self.tx }))
    }

    fn transmit(&mut self, _timestamp: Instant) -> Option<Self::TxToken<'_>> {
        Some(TxToken { tx: &mut self.tx })
    }

    fn capabilities(&self) -> DeviceCapabilities {
        let mut caps = DeviceCapabilities::default();
        caps.medium = Medium::Ethernet;
        caps.max_transmission_unit = ETHERNET_MTU;
        caps
    }
}

/// A received frame handed to smoltcp.
#[derive(Debug)]
pub struct RxToken {
    frame: Vec<u8>,
}

impl phy::RxToken for RxToken {
    fn consume<R, F>(self, f: F) -> R
    where
        F: FnOnce(&[u8]) -> R,
    {
        f(&self.frame)
    }
}

/// A slot for one frame smoltcp wants to send.
#[derive(Debug)]
pub struct TxToken<'a> {
    tx: &'a mut Vec<Vec<u8>>,
}

impl phy::TxToken for TxToken<'_> {
    fn consume<R, F>(self, len: usize, f: F) -> R
    where
        F: FnOnce(&mut [u8]) -> R,
    {
        let mut frame = vec![0u8; len];
        let r = f(&mut frame);
        self.tx.push(frame);
        r
    }
}
