//! Links (cables) with a latency and a loss rule.
//!
//! A [`LossRule`] drops the Nth frame in one direction, or the first `count` frames with a
//! given [`FrameRole`] ("the first data segment", "the SYN-ACK", "the final ACK"). Roles
//! come from [`crate::wire::classify`] with one conversation tracker per link, which tells
//! a retransmission from new data and the ACK of the second FIN from any other ACK.

use serde::{Deserialize, Serialize};

use crate::wire::FrameRole;

/// Which way a frame crosses a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Direction {
    /// From end A to end B (on the client's link: client → server).
    AtoB,
    /// From end B to end A.
    BtoA,
}

/// When a link loses a frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LossRule {
    /// Never.
    None,
    /// The `n`th frame (1-based) crossing in `dir`.
    Nth {
        /// Direction counted.
        dir: Direction,
        /// 1-based frame number in that direction.
        n: usize,
    },
    /// The first `count` frames whose role is `role` (`"data"` also matches its
    /// retransmissions, so `count` 2 loses a segment and its first retransmission).
    Role {
        /// The role lost.
        role: FrameRole,
        /// How many to lose.
        count: usize,
    },
}

/// A cable between two node ports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Node index and port at end A.
    pub a: (usize, usize),
    /// Node index and port at end B.
    pub b: (usize, usize),
    /// One-way latency, µs (at least 1).
    pub latency_us: u64,
    /// Loss rule.
    pub loss: LossRule,
    sent: [usize; 2],
    role_losses: usize,
}

impl Link {
    /// A link without loss.
    pub fn new(a: (usize, usize), b: (usize, usize), latency_us: u64) -> Self {
        Link {
            a,
            b,
            latency_us: latency_us.max(1),
            loss: LossRule::None,
            sent: [0; 2],
            role_losses: 0,
        }
    }

    /// Count a frame entering the link and decide whether the link loses it.
    pub fn admit(&mut self, dir: Direction, role: Option<FrameRole>) -> bool {
        let i = match dir {
            Direction::AtoB => 0,
            Direction::BtoA => 1,
        };
        self.sent[i] += 1;
        match &self.loss {
            LossRule::None => false,
            LossRule::Nth { dir: d, n } => *d == dir && self.sent[i] == *n,
            LossRule::Role { role: want, count } => {
                let matches = match role {
                    Some(r) => {
                        r == *want || (*want == FrameRole::Data && r == FrameRole::Retransmission)
                    }
                    None => false,
                };
                if matches && self.role_losses < *count {
                    self.role_losses += 1;
                    true
                } else {
                    false
                }
            }
        }
    }
}
