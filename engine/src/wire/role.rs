//! Typed names of the wire: what a frame does in the story ([`FrameRole`]), its innermost
//! protocol ([`Protocol`]) and the layers of an annotated frame ([`LayerId`]), each with an
//! `ALL` list so the app can check that every one has a translation.
//!
//! [`super::classify`] gives a frame its role.

use serde::{Deserialize, Serialize};

/// Writes `ALL`, `as_str` and `Display` for a fieldless enum from `Variant => "name"` pairs.
macro_rules! named_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The stable name (used in URLs, JSON, i18n keys).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// The value with this [`Self::as_str`] name.
            pub fn parse(name: &str) -> Option<$ty> {
                Self::ALL.iter().copied().find(|v| v.as_str() == name)
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use named_enum;

/// What a frame does in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameRole {
    /// ARP request (broadcast: "who has …?").
    ArpRequest,
    /// ARP reply (unicast: "… is at …").
    ArpReply,
    /// Another ARP operation.
    Arp,
    /// First handshake segment.
    Syn,
    /// Second handshake segment.
    SynAck,
    /// Third handshake segment: the ACK of the SYN-ACK.
    HandshakeAck,
    /// A segment carrying new data.
    Data,
    /// A data segment sent again.
    Retransmission,
    /// A pure ACK.
    Ack,
    /// A segment with FIN.
    Fin,
    /// The ACK of the first FIN.
    AckFin,
    /// The ACK of the second FIN.
    FinalAck,
    /// A reset.
    Rst,
    /// A SYN sent again.
    SynRetransmission,
    /// A SYN-ACK sent again.
    SynAckRetransmission,
    /// A FIN sent again.
    FinRetransmission,
    /// A data segment that fills a range its sender skipped earlier: sent in order,
    /// overtaken on the way or captured late (capture analysis only).
    OutOfOrder,
    /// A pure ACK repeating the previous one while the peer has sent more: the receiver
    /// is missing a segment (capture analysis only).
    DupAck,
    /// A UDP datagram.
    Udp,
    /// Another IPv4 packet.
    Ipv4,
}

named_enum!(FrameRole {
    ArpRequest => "arp_request",
    ArpReply => "arp_reply",
    Arp => "arp",
    Syn => "syn",
    SynAck => "syn_ack",
    HandshakeAck => "handshake_ack",
    Data => "data",
    Retransmission => "retransmission",
    Ack => "ack",
    Fin => "fin",
    AckFin => "ack_fin",
    FinalAck => "final_ack",
    Rst => "rst",
    SynRetransmission => "syn_retransmission",
    SynAckRetransmission => "syn_ack_retransmission",
    FinRetransmission => "fin_retransmission",
    OutOfOrder => "out_of_order",
    DupAck => "dup_ack",
    Udp => "udp",
    Ipv4 => "ipv4",
});

impl FrameRole {
    /// A segment sent again by a retransmission timer.
    pub fn is_retransmission(self) -> bool {
        matches!(
            self,
            FrameRole::Retransmission
                | FrameRole::SynRetransmission
                | FrameRole::SynAckRetransmission
                | FrameRole::FinRetransmission
        )
    }

    /// An ARP frame.
    pub fn is_arp(self) -> bool {
        matches!(
            self,
            FrameRole::ArpRequest | FrameRole::ArpReply | FrameRole::Arp
        )
    }

    /// A TCP segment that occupies sequence space (SYN, FIN or data, first sending or
    /// again): TCP keeps it until it is acknowledged and resends it on a timer.
    pub fn occupies_sequence_space(self) -> bool {
        matches!(
            self,
            FrameRole::Syn
                | FrameRole::SynAck
                | FrameRole::Data
                | FrameRole::OutOfOrder
                | FrameRole::Fin
                | FrameRole::Retransmission
                | FrameRole::SynRetransmission
                | FrameRole::SynAckRetransmission
                | FrameRole::FinRetransmission
        )
    }

    /// A TCP segment with no data, SYN or FIN: TCP never resends it on a timer.
    pub fn is_pure_ack(self) -> bool {
        matches!(
            self,
            FrameRole::Ack
                | FrameRole::DupAck
                | FrameRole::HandshakeAck
                | FrameRole::AckFin
                | FrameRole::FinalAck
        )
    }
}

/// The innermost protocol of a frame, as tshark's Protocol column names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Protocol {
    /// Nothing recognised above Ethernet.
    #[default]
    #[serde(rename = "Ethernet")]
    Ethernet,
    /// ARP.
    #[serde(rename = "ARP")]
    Arp,
    /// IPv4 carrying something other than TCP or UDP (or a fragment).
    #[serde(rename = "IPv4")]
    Ipv4,
    /// TCP.
    #[serde(rename = "TCP")]
    Tcp,
    /// UDP.
    #[serde(rename = "UDP")]
    Udp,
}

named_enum!(Protocol {
    Ethernet => "Ethernet",
    Arp => "ARP",
    Ipv4 => "IPv4",
    Tcp => "TCP",
    Udp => "UDP",
});

/// A layer of an annotated frame, named by its tshark protocol id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerId {
    /// Ethernet II header.
    Eth,
    /// ARP packet.
    Arp,
    /// IPv4 header.
    Ip,
    /// TCP header with options.
    Tcp,
    /// UDP header.
    Udp,
    /// Payload bytes.
    Data,
    /// Ethernet padding and trailer.
    Padding,
    /// Linux cooked capture header, v1 or v2 (`tcpdump -i any`).
    Sll,
    /// BSD null/loopback header (macOS `lo0`).
    Null,
}

named_enum!(LayerId {
    Eth => "eth",
    Arp => "arp",
    Ip => "ip",
    Tcp => "tcp",
    Udp => "udp",
    Data => "data",
    Padding => "padding",
    Sll => "sll",
    Null => "null",
});
