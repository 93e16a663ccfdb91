//! Decoding a frame: [`Annotator`] (conversation tracking and the summary, in trace order)
//! and the one decoder behind both the summary and the layers ([`super::AnnotatedFrame::layers`]).

use std::sync::OnceLock;

use super::{
    arp, ethernet, fmt_hex_colon, fmt_ipv4, fmt_mac, ipv4, link, tcp, udp, AnnotatedFrame,
    Conversations, Field, FrameSummary, Layer, LayerId, LayerSource, LinkType, Protocol, WireError,
};

/// Annotates frames one after another, remembering TCP conversations like Wireshark does.
#[derive(Debug, Clone, Default)]
pub struct Annotator {
    conversations: Conversations,
}

impl Annotator {
    /// A fresh annotator that has seen no frame.
    pub fn new() -> Self {
        Self::default()
    }

    /// Annotates one Ethernet II frame (as captured: no preamble, no FCS).
    ///
    /// # Errors
    /// [`WireError::Truncated`] when a header is cut short, [`WireError::Malformed`] when its
    /// fields contradict each other, [`WireError::Unsupported`] for IP versions other than 4
    /// and ARP for other than Ethernet/IPv4. Unknown EtherTypes and IP protocols are not
    /// errors: their bytes become a `data` layer, as tshark shows them.
    pub fn annotate(&mut self, frame: &[u8]) -> Result<AnnotatedFrame, WireError> {
        self.annotate_link(frame, LinkType::Ethernet)
    }

    /// Annotates one frame that starts with the link header `link` (a capture file's link
    /// type): Ethernet as [`Annotator::annotate`]; Linux cooked v1/v2 and BSD null headers
    /// as their own layer before the network layer; raw IP straight from the IP header.
    ///
    /// The summary is made now, the layers on first use ([`AnnotatedFrame::layers`]), from
    /// the relative numbers this annotator gives the frame now.
    ///
    /// # Errors
    /// As [`Annotator::annotate`]; a link header cut short is [`WireError::Truncated`].
    pub fn annotate_link(
        &mut self,
        frame: &[u8],
        link: LinkType,
    ) -> Result<AnnotatedFrame, WireError> {
        let mut d = Decoder {
            tcp: TcpNumbers::Track(&mut self.conversations),
            layers: None,
            tcp_out: None,
        };
        let summary = d.frame(frame, link)?;
        Ok(AnnotatedFrame {
            len: frame.len(),
            summary,
            source: Some(LayerSource {
                bytes: frame.to_vec(),
                link,
                tcp: d.tcp_out,
                decode: LayerSource::decode_layers,
            }),
            layers: OnceLock::new(),
        })
    }
}

/// Where a TCP segment's relative numbers come from.
pub(super) enum TcpNumbers<'a> {
    /// From the conversation tracker, which this segment then updates.
    Track(&'a mut Conversations),
    /// Given: the tracker's answer when the frame was first decoded.
    Known(Option<tcp::Relative>),
}

/// One pass over a frame: the summary always, the layers only if `layers` is `Some`. The
/// summary pass and the layer pass are this same code, so they check the same things.
pub(super) struct Decoder<'a> {
    pub(super) tcp: TcpNumbers<'a>,
    pub(super) layers: Option<Vec<Layer>>,
    /// The relative numbers of the TCP segment decoded, if any.
    pub(super) tcp_out: Option<tcp::Relative>,
}

impl Decoder<'_> {
    /// Adds a layer when layers are wanted (`make` is not called otherwise).
    fn push(&mut self, make: impl FnOnce() -> Layer) {
        if let Some(l) = &mut self.layers {
            l.push(make());
        }
    }

    /// Adds a `data` layer for `payload` at `offset` when layers are wanted.
    fn data(&mut self, payload: &[u8], offset: usize) {
        if let Some(l) = &mut self.layers {
            push_data(l, payload, offset);
        }
    }

    pub(super) fn frame(
        &mut self,
        frame: &[u8],
        link: LinkType,
    ) -> Result<FrameSummary, WireError> {
        let mut s = FrameSummary {
            protocol: Protocol::Ethernet,
            ..FrameSummary::default()
        };
        match link {
            LinkType::Ethernet => {
                let eth = ethernet::Frame::new_checked(frame)?;
                self.push(|| ethernet::annotate(&eth));
                s.src_mac = fmt_mac(eth.src());
                s.dst_mac = fmt_mac(eth.dst());
                s.broadcast = eth.dst() == [0xff; 6];
                s.ethertype = eth.ethertype();
                let end = self.ethertype(frame, ethernet::HEADER_LEN, eth.ethertype(), &mut s)?;
                // What follows the bytes a protocol claims is padding/trailer.
                if let Some(l) = &mut self.layers {
                    if let Some(pad) = ethernet::annotate_padding(frame, end) {
                        l.push(pad);
                    }
                }
            }
            LinkType::Sll | LinkType::Sll2 | LinkType::Null => {
                let (layer, next) = match link {
                    LinkType::Sll => link::annotate_sll(frame)?,
                    LinkType::Sll2 => link::annotate_sll2(frame)?,
                    _ => link::annotate_null(frame)?,
                };
                let off = layer.len;
                self.push(|| layer);
                match next {
                    link::Next::EtherType(t) => {
                        s.ethertype = t;
                        self.ethertype(frame, off, t, &mut s)?;
                    }
                    link::Next::Family(link::AF_INET) => {
                        s.ethertype = ethernet::ETHERTYPE_IPV4;
                        self.ipv4(frame, off, &mut s)?;
                    }
                    link::Next::Family(f) => {
                        self.data(&frame[off..], off);
                        s.payload_len = frame.len() - off;
                        s.info = format!("Address family {f}");
                    }
                }
            }
            LinkType::RawIp => {
                if frame.first().map(|b| b >> 4) == Some(4) {
                    s.ethertype = ethernet::ETHERTYPE_IPV4;
                    self.ipv4(frame, 0, &mut s)?;
                } else {
                    self.data(frame, 0);
                    s.payload_len = frame.len();
                    s.info = "Raw packet data".into();
                }
            }
        }
        Ok(s)
    }

    /// Decodes what an EtherType announces at `body_off`; returns where its bytes end.
    fn ethertype(
        &mut self,
        frame: &[u8],
        body_off: usize,
        ethertype: u16,
        s: &mut FrameSummary,
    ) -> Result<usize, WireError> {
        let body = frame.get(body_off..).unwrap_or_default();
        match ethertype {
            ethernet::ETHERTYPE_ARP => {
                let pkt = arp::Packet::new_checked(body)?;
                self.push(|| arp::annotate(&pkt, body_off));
                s.protocol = Protocol::Arp;
                s.arp_op = Some(pkt.opcode());
                let text = arp::info(&pkt);
                s.info = text.clone();
                s.arp_text = Some(text);
                Ok(body_off + arp::PACKET_LEN)
            }
            ethernet::ETHERTYPE_IPV4 => self.ipv4(frame, body_off, s),
            other => {
                self.data(body, body_off);
                s.payload_len = body.len();
                s.info = format!("EtherType 0x{other:04x}");
                Ok(frame.len())
            }
        }
    }

    /// Decodes an IPv4 packet at `body_off` and what it carries; returns where it ends.
    fn ipv4(
        &mut self,
        frame: &[u8],
        body_off: usize,
        s: &mut FrameSummary,
    ) -> Result<usize, WireError> {
        let ip = ipv4::Packet::new_checked(frame.get(body_off..).unwrap_or_default())?;
        self.push(|| ipv4::annotate(&ip, body_off));
        s.protocol = Protocol::Ipv4;
        s.src_ip = Some(fmt_ipv4(ip.src()));
        s.dst_ip = Some(fmt_ipv4(ip.dst()));
        s.ttl = Some(ip.ttl());
        s.ip_checksum_ok = Some(ip.verify_checksum());
        let end = body_off + usize::from(ip.total_len());
        let l4_off = body_off + ip.header_len();
        let l4 = ip.payload();
        if ip.is_fragment() {
            self.data(l4, l4_off);
            s.payload_len = l4.len();
            s.info = format!(
                "Fragmented IP protocol (proto={}, off={}, ID={:04x})",
                ipv4::protocol_name(ip.protocol()),
                u32::from(ip.frag_offset()) * 8,
                ip.ident()
            );
        } else {
            match ip.protocol() {
                ipv4::PROTO_TCP => {
                    let seg = tcp::Segment::new_checked(l4)?;
                    let rel = match &mut self.tcp {
                        TcpNumbers::Track(c) => {
                            c.track((ip.src(), seg.src_port()), (ip.dst(), seg.dst_port()), &seg)
                                .relative
                        }
                        TcpNumbers::Known(Some(r)) => *r,
                        TcpNumbers::Known(None) => {
                            return Err(WireError::Malformed {
                                layer: "tcp",
                                reason: "no conversation numbers".into(),
                            })
                        }
                    };
                    self.tcp_out = Some(rel);
                    self.push(|| tcp::layer(&seg, l4_off, rel));
                    self.data(seg.payload(), l4_off + seg.header_len());
                    let n = tcp::numbers(&seg, rel);
                    s.info = tcp::info(&seg, &n);
                    s.protocol = Protocol::Tcp;
                    s.src_port = Some(seg.src_port());
                    s.dst_port = Some(seg.dst_port());
                    s.tcp_flags = seg.flags();
                    s.tcp_flags_text = tcp::flags_text(seg.flags());
                    s.seq = Some(n.rel_seq);
                    s.ack = n.rel_ack;
                    s.seq_raw = Some(seg.seq());
                    s.ack_raw = Some(seg.ack());
                    s.next_seq = Some(n.next_rel_seq);
                    s.payload_len = seg.payload().len();
                    s.window = Some(seg.window());
                    s.mss = n.mss;
                    s.wscale = n.wscale;
                    s.sack_perm = n.sack_perm;
                    s.l4_checksum_ok = Some(seg.verify_checksum(ip.src(), ip.dst()));
                }
                ipv4::PROTO_UDP => {
                    let dgram = udp::Datagram::new_checked(l4)?;
                    self.push(|| udp::annotate(&dgram, l4_off));
                    self.data(dgram.payload(), l4_off + udp::HEADER_LEN);
                    s.protocol = Protocol::Udp;
                    s.src_port = Some(dgram.src_port());
                    s.dst_port = Some(dgram.dst_port());
                    s.payload_len = dgram.payload().len();
                    s.l4_checksum_ok = dgram.verify_checksum(ip.src(), ip.dst());
                    s.info = format!(
                        "{} → {} Len={}",
                        dgram.src_port(),
                        dgram.dst_port(),
                        dgram.payload().len()
                    );
                }
                _ => {
                    self.data(l4, l4_off);
                    s.payload_len = l4.len();
                    // tshark's Info when it does not dissect the protocol.
                    s.info = match ip.protocol() {
                        1 => "ICMP (1)".to_string(),
                        2 => "IGMP (2)".to_string(),
                        n => format!("IPv4 protocol {n}"),
                    };
                }
            }
        }
        Ok(end)
    }
}

/// Pushes a `data` layer (`data.data`) when `payload` is not empty.
fn push_data(layers: &mut Vec<Layer>, payload: &[u8], offset: usize) {
    if payload.is_empty() {
        return;
    }
    layers.push(Layer {
        id: LayerId::Data,
        offset,
        len: payload.len(),
        fields: vec![Field::new(
            "data.data",
            offset,
            payload.len(),
            0,
            fmt_hex_colon(payload),
        )],
    });
}
