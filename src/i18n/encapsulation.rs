//! Messages of the encapsulation scene, zh and en (the inspector's explanations are in
//! `widgets.rs`),
//! sorted by key (keys under `scene.encapsulation.`, beyond the title, intro and plan kept
//! in `catalogue.rs`).

use super::{m, Msg};

/// This scene's messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m(
        "scene.encapsulation.added",
        "新加上",
        "added",
    ),
    m(
        "scene.encapsulation.block.data",
        "数据",
        "Data",
    ),
    m(
        "scene.encapsulation.block.eth",
        "以太网首部",
        "Ethernet header",
    ),
    m(
        "scene.encapsulation.block.fcs",
        "FCS 尾部",
        "FCS trailer",
    ),
    m(
        "scene.encapsulation.block.ip",
        "IPv4 首部",
        "IPv4 header",
    ),
    m(
        "scene.encapsulation.block.padding",
        "填充",
        "Padding",
    ),
    m(
        "scene.encapsulation.block.tcp",
        "TCP 首部",
        "TCP header",
    ),
    m(
        "scene.encapsulation.block.udp",
        "UDP 首部",
        "UDP header",
    ),
    m(
        "scene.encapsulation.bytes",
        "{0} 字节",
        "{0} B",
    ),
    m(
        "scene.encapsulation.check.bad",
        "✗ 不是发给我的：丢弃。",
        "✗ Not for me: dropped.",
    ),
    m(
        "scene.encapsulation.check.ok",
        "✓ 是发给我的：交给上一层。",
        "✓ For me: handed up to the next layer.",
    ),
    m(
        "scene.encapsulation.dir.down",
        "封装：自上而下，每层加一个首部",
        "Encapsulation: down the stack, each layer adds a header",
    ),
    m(
        "scene.encapsulation.dir.up",
        "解封装：自下而上，每层检查并去掉自己的首部",
        "Decapsulation: up the stack, each layer checks and removes its header",
    ),
    m(
        "scene.encapsulation.field.auto",
        "自动（临时端口）",
        "auto (ephemeral)",
    ),
    m(
        "scene.encapsulation.field.dst_ip",
        "目的 IP（服务端）",
        "Destination IP (server)",
    ),
    m(
        "scene.encapsulation.field.dst_mac",
        "目的 MAC（服务端网卡）",
        "Destination MAC (server's card)",
    ),
    m(
        "scene.encapsulation.field.dst_port",
        "目的端口（服务端）",
        "Destination port (server)",
    ),
    m(
        "scene.encapsulation.field.payload",
        "要发送的数据",
        "Data to send",
    ),
    m(
        "scene.encapsulation.field.port_picks",
        "常用默认端口",
        "Common default ports",
    ),
    m(
        "scene.encapsulation.field.proto",
        "传输层协议",
        "Transport protocol",
    ),
    m(
        "scene.encapsulation.field.src_ip",
        "源 IP（客户端）",
        "Source IP (client)",
    ),
    m(
        "scene.encapsulation.field.src_mac",
        "源 MAC（客户端网卡）",
        "Source MAC (client's card)",
    ),
    m(
        "scene.encapsulation.field.src_port",
        "源端口（客户端）",
        "Source port (client)",
    ),
    m(
        "scene.encapsulation.fields",
        "修改要发送的数据（协议、地址、端口、消息）",
        "Change what is sent (protocol, addresses, ports, message)",
    ),
    m(
        "scene.encapsulation.here",
        "当前",
        "here",
    ),
    m(
        "scene.encapsulation.inspector_title",
        "这一帧的每个字节",
        "Every byte of this frame",
    ),
    m(
        "scene.encapsulation.level.app",
        "应用层",
        "Application layer",
    ),
    m(
        "scene.encapsulation.level.link",
        "数据链路层",
        "Data link layer",
    ),
    m(
        "scene.encapsulation.level.net",
        "网络层",
        "Network layer",
    ),
    m(
        "scene.encapsulation.level.phy",
        "物理层",
        "Physical layer",
    ),
    m(
        "scene.encapsulation.level.transport",
        "传输层",
        "Transport layer",
    ),
    m(
        "scene.encapsulation.narr.recv_app",
        "服务端程序 {1} 返回 {0}：就是客户端发出的那些字节。{3}",
        "The server's {1} returns {0}: the bytes the client sent. {3}",
    ),
    // Source: Python socket docs (recvfrom) and RFC 768: one datagram per call, boundaries kept.
    m(
        "scene.encapsulation.narr.recv_datagram",
        "UDP 保留消息的边界：一次 recvfrom() 正好取出一个完整的数据报。",
        "UDP keeps message boundaries: one recvfrom() takes exactly one whole datagram.",
    ),
    // Source: IEEE 802.3 clause 3.2.9 and 3.4 (the MAC checks the FCS and discards invalid frames), clause 3.2.3 (destination address).
    m(
        "scene.encapsulation.narr.recv_link",
        "网卡对帧重新算 CRC-32 得 {4}，和帧尾的 FCS {5} 比对；再看目的 MAC：{0}，本机 MAC：{1}。类型 {2} 表示里面是 IPv4，交给网络层。{3}",
        "The card recomputes the CRC-32 over the frame ({4}) and compares it with the FCS trailer {5}, then reads the destination MAC: {0}; this host's MAC: {1}. Type {2} says IPv4 is inside, so it goes to the network layer. {3}",
    ),
    m(
        "scene.encapsulation.narr.recv_net",
        "网络层看目的 IP：{0}，本机 IP：{1}；首部校验和正确。协议 {2}，交给传输层。{3}",
        "The network layer reads the destination IP: {0}; this host's IP: {1}; the header checksum is right. Protocol {2}: handed to the transport layer. {3}",
    ),
    // Source: IEEE 802.3 clause 3.2.1-3.2.2 (preamble and SFD mark where the frame starts).
    m(
        "scene.encapsulation.narr.recv_phy",
        "网卡把网线上的电信号还原成比特，认出前导码和 SFD（{0}），把后面的 {1} 字节作为帧交给数据链路层。{3}",
        "The card turns the signals on the cable back into bits, finds the preamble and SFD ({0}) and hands the {1} bytes after them to the data link layer as a frame. {3}",
    ),
    // Source: RFC 9293 §2.2 (a byte-stream service) and the Python Socket Programming HOWTO (no message boundaries; recv may return less).
    m(
        "scene.encapsulation.narr.recv_stream",
        "TCP 是流式协议：一次 recv() 不一定对应一次 send()，数据可能被拆开，也可能和前后的数据连在一起（粘包），程序要自己划分消息。",
        "TCP is a byte stream: one recv() need not match one send(). The data may arrive split, or run together with what came before or after (message “sticking”), so the program must mark where each message ends.",
    ),
    m(
        "scene.encapsulation.narr.recv_transport",
        "传输层看目的端口 {0}：本机在端口 {1} 上有 socket({2})，校验和也正确。{3}",
        "The transport layer reads destination port {0}: this host has a socket on port {1} ({2}), and the checksum is right. {3}",
    ),
    m(
        "scene.encapsulation.narr.send_app",
        "客户端程序执行 {0}，把 {1} 字节交给操作系统。应用层的数据就是这些字节本身。",
        "The client program runs {0} and hands {1} bytes to the operating system. At the application layer the data is just those bytes.",
    ),
    m(
        "scene.encapsulation.narr.send_link",
        "加上以太网首部（{0}\u{a0}→ {1}，这一跳的网卡地址）和尾部的 FCS 校验码 {2}：成为帧。",
        "The Ethernet header goes on ({0}\u{a0}→ {1}, the cards of this hop) and the FCS trailer {2}: a frame.",
    ),
    m(
        "scene.encapsulation.narr.send_net",
        "加上 {0} 字节的 IPv4 首部：源 IP {1}\u{a0}→ 目的 IP {2}，TTL {3}：成为 IP 数据报。",
        "A {0}-byte IPv4 header goes on: source IP {1}\u{a0}→ destination IP {2}, TTL {3}: a packet.",
    ),
    m(
        "scene.encapsulation.narr.send_phy",
        "网卡把帧加上前导码和 SFD，共 {0} 字节\u{a0}= {1} 个比特，一位一位送上网线。",
        "The card adds the preamble and SFD: {0} bytes\u{a0}= {1}\u{a0}bits go onto the cable one by one.",
    ),
    m(
        "scene.encapsulation.narr.send_transport",
        "加上 {1} 字节的 {0} 首部：源端口 {2}\u{a0}→ 目的端口 {3}。",
        "A {1}-byte {0} header goes on: source port {2}\u{a0}→ destination port {3}.",
    ),
    m(
        "scene.encapsulation.pdu.bits",
        "比特",
        "bits",
    ),
    m(
        "scene.encapsulation.pdu.data",
        "数据",
        "data",
    ),
    m(
        "scene.encapsulation.pdu.datagram",
        "数据报",
        "datagram",
    ),
    m(
        "scene.encapsulation.pdu.frame",
        "帧",
        "frame",
    ),
    m(
        "scene.encapsulation.pdu.packet",
        "IP 数据报",
        "packet",
    ),
    m(
        "scene.encapsulation.pdu.segment",
        "报文段",
        "segment",
    ),
    m(
        "scene.encapsulation.pdu_total",
        "{0}：共 {1} 字节",
        "{0}: {1} bytes in all",
    ),
    m(
        "scene.encapsulation.pdu_total_bits",
        "线缆上：{0} 字节，逐个比特发送",
        "On the cable: {0} bytes, sent bit by bit",
    ),
    m(
        "scene.encapsulation.receiver",
        "接收方（服务端）",
        "Receiver (server)",
    ),
    m(
        "scene.encapsulation.removed",
        "检查后去掉",
        "checked, removed",
    ),
    m(
        "scene.encapsulation.sender",
        "发送方（客户端）",
        "Sender (client)",
    ),
    m(
        "scene.encapsulation.step_head",
        "{0} · 第 {1} 层 {2} · {3}",
        "{0} · {2} (layer {1}) · {3}",
    ),
    m(
        "scene.encapsulation.why.recv_app",
        "应用层不再有首部：剩下的就是数据。一端 send，另一端 recv。",
        "The application layer has no header left to remove: what remains is the data. One side sends, the other receives.",
    ),
    // Source: IEEE 802.3 clause 3.4 (invalid MAC frames, FCS error) and clause 3.2.3 (addresses).
    m(
        "scene.encapsulation.why.recv_link",
        "FCS 对不上说明传输中有比特出错，整帧丢弃。MAC 地址标识一块网卡：目的 MAC 不是自己（也不是广播）的帧，网卡也直接丢掉。",
        "If the FCS does not match, a bit went wrong on the way and the whole frame is dropped. A MAC address names one network card: a frame whose destination MAC is not this card (nor broadcast) is dropped here too.",
    ),
    m(
        "scene.encapsulation.why.recv_net",
        "IP 地址标识网络中的一台计算机。",
        "An IP address names one computer on the network.",
    ),
    m(
        "scene.encapsulation.why.recv_phy",
        "物理层只管比特：它不看帧的内容，帧有没有出错由数据链路层检查。",
        "The physical layer only deals in bits: it does not look inside the frame; the data link layer checks it for errors.",
    ),
    m(
        "scene.encapsulation.why.recv_transport",
        "端口标识计算机上的一个应用程序：IP + 端口\u{a0}= 世界上某台电脑上的某个软件。",
        "A port names one program on the computer: IP + port\u{a0}= one program on one computer in the world.",
    ),
    m(
        "scene.encapsulation.why.send_app",
        "应用层协议（如 HTTP、FTP）规定数据的格式；socket 把下面各层的工作都封装好了。",
        "Application protocols (HTTP, FTP…) define what the data looks like; the socket hides the work of every layer below.",
    ),
    m(
        "scene.encapsulation.why.send_link",
        "以太网协议规定电信号如何分组；MAC 是网卡的 12 位十六进制编号：前 6 位厂商号，后 6 位流水号。",
        "Ethernet defines how electrical signals are grouped; a MAC is the card's 12-hex-digit number: first 6 the vendor, last 6 the serial.",
    ),
    m(
        "scene.encapsulation.why.send_net",
        "IP 地址用点分十进制表示，最小 0.0.0.0，最大 255.255.255.255。",
        "An IP address is written in dotted decimal, from 0.0.0.0 to 255.255.255.255.",
    ),
    m(
        "scene.encapsulation.why.send_phy",
        "物理层基于电信号发送二进制数据 0101…。",
        "The physical layer sends binary data 0101… as electrical signals.",
    ),
    // Source: RFC 6335 §6 (0-1023 system ports; the course note writes 0-1024).
    m(
        "scene.encapsulation.why.send_transport",
        "TCP/UDP 都基于端口工作，端口范围 0\u{2060}–\u{2060}65535；0\u{2060}–\u{2060}1023 是知名端口，一般被系统占用（课程笔记写作 0\u{2060}–\u{2060}1024），自己的程序尽量用 8000 以后的端口。",
        "TCP and UDP both work with ports, 0\u{2060}–\u{2060}65535; 0\u{2060}–\u{2060}1023 are the well-known ports, usually taken by the system (the course note writes 0\u{2060}–\u{2060}1024), so pick ports above 8000 for your own programs.",
    ),
];
