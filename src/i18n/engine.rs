//! Messages for the keys the engine emits that every bundle needs: parameter errors
//! (`error.*`), field meanings (`field.*`), layer and physical-segment names (`layer.*`,
//! `phy.*`) and frame roles (`role.*`). The narration words (notes, TCP states, program
//! and capture errors) are in `narration.rs`, held by the bundles that narrate.
//!
//! `tests/engine_keys.rs` runs every scenario and checks that every key it meets has words.

use wirewalk_engine::scenario::{Ipv4Problem, ScenarioError, ScenarioName, KEYS};

#[cfg(test)]
use super::ECHO_MAX;
use super::{echo, fill, lookup, m, Lang, Msg};

/// All engine messages, sorted by key (a test checks the order, so lookups can binary-search).
pub static ENGINE_MESSAGES: &[Msg] = &[
    m(
        "error.bad_bool",
        "“{0}”不是开关值：请用 true 或 false（也可以写 on/off、yes/no、1/0）。",
        "“{0}” is not an on/off value: use true or false (on/off, yes/no and 1/0 also work).",
    ),
    m(
        "error.bad_ipv4",
        "“{0}”不是 IPv4 地址：应是用点隔开的 4 个 0\u{2060}–\u{2060}255 的十进制数，例如 192.168.1.10。",
        "“{0}” is not an IPv4 address: it should be four decimal numbers 0\u{2060}–\u{2060}255 separated by dots, like 192.168.1.10.",
    ),
    m(
        "error.bad_ipv4_octet",
        "“{1}”中的 {0} 不是有效的八位组：每一段只能是 0\u{2060}–\u{2060}255。",
        "{0} is not a valid octet (0\u{2060}–\u{2060}255) in “{1}”: each of the four numbers must be 0\u{2060}–\u{2060}255.",
    ),
    m(
        "error.bad_loss",
        "“{0}”不是丢包规则。可用：none；一个帧的角色（syn、syn_ack、handshake_ack、data、ack、fin、ack_fin、final_ack、udp、arp_request、arp_reply），后面可加 *N 表示丢掉前 N 个（N 为 1\u{2060}–\u{2060}10）；或 c2s:N / s2c:N，丢掉客户端那根网线上由客户端发出 / 发往客户端的第 N 帧（N 为 1\u{2060}–\u{2060}10000）。",
        "“{0}” is not a loss rule. Use none; a frame role (syn, syn_ack, handshake_ack, data, ack, fin, ack_fin, final_ack, udp, arp_request, arp_reply), optionally followed by *N to lose the first N of them (N 1\u{2060}–\u{2060}10); or c2s:N / s2c:N to lose the Nth frame the client sends / receives on its cable (N 1\u{2060}–\u{2060}10000).",
    ),
    m(
        "error.bad_mac",
        "“{0}”不是 MAC 地址：应是 6 组两位十六进制数，用 : 或 - 隔开，例如 02:00:00:00:00:0a。",
        "“{0}” is not a MAC address: it should be six pairs of hex digits separated by : or -, like 02:00:00:00:00:0a.",
    ),
    m(
        "error.bad_number",
        "“{0}”不是有效的整数：只能用数字 0\u{2060}–\u{2060}9（不带正负号和小数点）。",
        "“{0}” is not a valid whole number: use only the digits 0\u{2060}–\u{2060}9 (no sign, no decimal point).",
    ),
    m(
        "error.bad_port",
        "“{0}”不是有效端口：端口必须是 1\u{2060}–\u{2060}65535 之间的整数。",
        "“{0}” is not a valid port: a port is a whole number from 1 to 65535.",
    ),
    m(
        "error.different_subnet",
        "“{0}”与客户端不在同一个 /24 网段（前三段必须相同）。这里没有路由器，两台主机无法直接通信；要跨网段，请看路由器场景。",
        "“{0}” is not in the client's /24 subnet (the first three numbers must match). There is no router here, so the hosts cannot reach each other; to cross subnets, use the router scenario.",
    ),
    m(
        "error.duplicate_address",
        "“{0}”已被{1}使用：同一网络中两个设备的地址不能相同。",
        "“{0}” is already used by {1}: two devices on one network cannot share an address.",
    ),
    m(
        "error.ipv4_loopback",
        "“{0}”是回环地址（127.x.x.x）：发往它的数据不会离开本机，所以不可能出现在网线上。请换一个地址，例如 192.168.1.10。",
        "“{0}” is a loopback address (127.x.x.x): traffic to it never leaves the computer, so it can never appear on a wire. Pick another address, such as 192.168.1.10.",
    ),
    m(
        "error.ipv4_network_or_broadcast",
        "“{0}”是所在 /24 网段的网络地址（最后一段为 0）或广播地址（最后一段为 255），不能分给主机；最后一段请用 1\u{2060}–\u{2060}254。",
        "“{0}” is the network address (last number 0) or the broadcast address (last number 255) of its /24 subnet and cannot belong to a host; use 1\u{2060}–\u{2060}254 for the last number.",
    ),
    m(
        "error.ipv4_reserved",
        "“{0}”不能作为主机地址：第一段为 0、组播地址（224\u{2060}–\u{2060}239）和保留地址（240\u{2060}–\u{2060}255）都不行；第一段请用 1\u{2060}–\u{2060}223（127 除外）。",
        "“{0}” cannot be a host address: a first number of 0, multicast (224\u{2060}–\u{2060}239) and reserved (240\u{2060}–\u{2060}255) addresses are not allowed; use 1\u{2060}–\u{2060}223 for the first number (except 127).",
    ),
    m(
        "error.mac_multicast",
        "“{0}”是组播地址：第一个字节的最低位为 1。网卡自己的地址这一位必须是 0（首字节 02 可以，01 不行）。",
        "“{0}” is a multicast (group) address: the lowest bit of its first byte is 1. A network card's own address has that bit 0 (a first byte of 02 works, 01 does not).",
    ),
    m(
        "error.mac_zero",
        "“{0}”全为 0，不是任何网卡的地址。",
        "“{0}” is all zeros, which is no network card's address.",
    ),
    m(
        "error.network",
        "无法搭建模拟网络：{0}。这是程序的缺陷，请告诉老师或开发者。",
        "The simulated network could not be built: {0}. This is a bug; please tell your teacher or the developers.",
    ),
    m(
        "error.out_of_range",
        "{0} 超出范围：允许 {1}\u{2060}–\u{2060}{2}。",
        "{0} is out of range: it must be {1}\u{2060}–\u{2060}{2}.",
    ),
    // Source: Python socket docs: socket.send() returns the bytes sent (0 for b''); sendto(b'') sends a zero-length UDP datagram (RFC 768: length 8 = header only).
    m(
        "error.payload_empty",
        "内容不能为空：用 TCP 时 send(b'') 什么也不发；UDP 的 sendto(b'') 会发出一个空数据报，但这个演示需要有数据可看。",
        "The message cannot be empty: over TCP, send(b'') sends nothing; over UDP, sendto(b'') sends an empty datagram, but this demo needs some data to show.",
    ),
    // Source: RFC 9293 §3.7 (segmentation) and §3.7.1 (MSS option): TCP splits data into segments; smoltcp announces MSS 1460 (1500 - 20 - 20).
    m(
        "error.payload_too_long",
        "内容有 {0} 字节（UTF-8 编码，一个汉字占 3 字节），超过了 {1} 字节。真实的 TCP 会把长数据拆成多个报文段发送；这个演示只让数据装进一个报文段（MSS {1} 字节），UDP 也用同样的上限。",
        "The message is {0} bytes (UTF-8; a Chinese character takes 3), more than {1}. Real TCP splits long data into several segments; this demo keeps the data to one segment (MSS {1} bytes), and uses the same limit for UDP.",
    ),
    m(
        "error.same_subnet",
        "“{0}”与客户端在同一个 /24 网段；路由器场景需要两台主机位于不同网段（前三段不同）。",
        "“{0}” is in the client's /24 subnet; the router scenario needs the two hosts in different subnets (the first three numbers must differ).",
    ),
    m(
        "error.unknown_key",
        "没有参数“{0}”。可用的参数：{1}。",
        "There is no parameter “{0}”. Known parameters: {1}.",
    ),
    m(
        "error.unknown_scenario",
        "没有名为“{0}”的实验场景。可用的场景：{1}。",
        "There is no scenario called “{0}”. Known scenarios: {1}.",
    ),
    m(
        "error.who.client",
        "客户端",
        "the client",
    ),
    m(
        "error.who.router",
        "路由器",
        "the router",
    ),
    m(
        "error.who.server",
        "服务器",
        "the server",
    ),
    // Source (field.arp.*): RFC 826 ("Packet format"); opcode 1 = request, 2 = reply.
    m(
        "field.arp.dst.hw_mac",
        "目标 MAC 地址：请求里发送方还不知道它（这正是要问的），这个字段的值没有意义：RFC 826 没有规定填什么，Linux 填全 0；应答里是提问者的 MAC。",
        "Target MAC address: in a request the sender does not know it yet (that is the question), so its value means nothing: RFC 826 does not say what to put there (Linux sends all zeros). In a reply it is the asker's MAC.",
    ),
    // `.here` notes: what this app's stack (smoltcp) puts in the field, shown only beside
    // frames the app produced, never beside a loaded capture.
    m(
        "field.arp.dst.hw_mac.here",
        "这里的协议栈（smoltcp）在请求里填全 1（ff:ff:ff:ff:ff:ff）。",
        "The stack here (smoltcp) puts all ones (ff:ff:ff:ff:ff:ff) in a request.",
    ),
    m(
        "field.arp.dst.proto_ipv4",
        "目标 IP 地址：请求里是“要找的那台主机”的 IP。",
        "Target IP address: in a request, the IP of the host being looked for.",
    ),
    m(
        "field.arp.hw.size",
        "硬件地址长度：MAC 地址为 6 字节。",
        "Hardware address size: a MAC address is 6 bytes.",
    ),
    m(
        "field.arp.hw.type",
        "硬件类型：1 表示以太网。",
        "Hardware type: 1 means Ethernet.",
    ),
    m(
        "field.arp.opcode",
        "操作码：1\u{a0}= 请求（“谁有这个 IP？”），2\u{a0}= 应答（“这个 IP 在这个 MAC”）。",
        "Opcode: 1\u{a0}= request (“who has this IP?”), 2\u{a0}= reply (“this IP is at this MAC”).",
    ),
    m(
        "field.arp.proto.size",
        "协议地址长度：IPv4 地址为 4 字节。",
        "Protocol address size: an IPv4 address is 4 bytes.",
    ),
    m(
        "field.arp.proto.type",
        "协议类型：0x0800 表示要解析的是 IPv4 地址。",
        "Protocol type: 0x0800 means the addresses being resolved are IPv4.",
    ),
    m(
        "field.arp.src.hw_mac",
        "发送方 MAC 地址：提问者（或回答者）自己的 MAC。",
        "Sender MAC address: the asker's (or answerer's) own MAC.",
    ),
    m(
        "field.arp.src.proto_ipv4",
        "发送方 IP 地址：收到的一方会顺便记下“这个 IP 对应这个 MAC”。",
        "Sender IP address: whoever receives it also notes “this IP belongs to this MAC”.",
    ),
    // Source: Python socket docs: send()/sendall() bytes appear unchanged as the TCP/UDP payload.
    m(
        "field.data.data",
        "数据（载荷）：应用程序交给 send()（UDP 是 sendto()）的字节原样出现在这里；下面各层只负责运送，不关心它的含义。",
        "Data (payload): the bytes the program passed to send() (sendto() over UDP), exactly as they were; the layers below only carry them and do not care what they mean.",
    ),
    // Source (field.eth.*): IEEE 802.3 clause 3.2.3-3.2.6 (addresses, I/G and U/L bits, Length/Type); broadcast = all ones (clause 3.2.3).
    m(
        "field.eth.dst",
        "目的 MAC 地址：这一跳要交给哪块网卡；ff:ff:ff:ff:ff:ff 是广播，局域网里人人都收。",
        "Destination MAC address: which network card gets the frame on this hop; ff:ff:ff:ff:ff:ff is broadcast, received by everyone on the LAN.",
    ),
    m(
        "field.eth.dst.ig",
        "I/G 位（首字节最低位）：0\u{a0}= 单播，发给一块网卡；1\u{a0}= 组播或广播。",
        "I/G bit (lowest bit of the first byte): 0\u{a0}= unicast, for one card; 1\u{a0}= multicast or broadcast.",
    ),
    m(
        "field.eth.dst.lg",
        "U/L 位（首字节倒数第二位）：0\u{a0}= 厂商分配的全球唯一地址（前 3 字节是厂商号 OUI）；1\u{a0}= 本地分配的地址。",
        "U/L bit (second-lowest bit of the first byte): 0\u{a0}= a globally unique address from the vendor (the first 3 bytes are its OUI); 1\u{a0}= a locally administered address.",
    ),
    // Source: IEEE 802.3 clause 3.2.8 (Pad): minFrameSize 64 bytes with the FCS, so 60 without it.
    m(
        "field.eth.padding",
        "填充：以太网帧（不含 FCS）至少 60 字节，不够时在末尾补 0。",
        "Padding: an Ethernet frame (without the FCS) is at least 60 bytes; shorter ones get zeros at the end.",
    ),
    m(
        "field.eth.src",
        "源 MAC 地址：发出这一帧的网卡。",
        "Source MAC address: the network card that sent this frame.",
    ),
    m(
        "field.eth.src.ig",
        "I/G 位（首字节最低位）：源地址总是单播，所以为 0。",
        "I/G bit (lowest bit of the first byte): a source address is always unicast, so it is 0.",
    ),
    m(
        "field.eth.src.lg",
        "U/L 位（首字节倒数第二位）：0\u{a0}= 厂商分配的全球唯一地址；1\u{a0}= 本地分配的地址。",
        "U/L bit (second-lowest bit of the first byte): 0\u{a0}= a globally unique vendor address; 1\u{a0}= a locally administered one.",
    ),
    m(
        "field.eth.src.lg.here",
        "这里的模拟网络用的 02:… 地址就是本地分配的。",
        "The 02:… addresses of this simulated network are locally administered.",
    ),
    m(
        "field.eth.trailer",
        "尾部：最后一个协议结束之后、超过最短 60 字节的多余字节。",
        "Trailer: extra bytes after the last protocol, beyond the 60-byte minimum.",
    ),
    m(
        "field.eth.type",
        "类型（EtherType）：载荷是哪种协议；0x0800\u{a0}= IPv4，0x0806\u{a0}= ARP。",
        "Type (EtherType): which protocol the payload is; 0x0800\u{a0}= IPv4, 0x0806\u{a0}= ARP.",
    ),
    // Source (field.ip.*): RFC 791 §3.1 (header format; TTL, DF/MF, fragment offset, header checksum); DSCP RFC 2474 §3; ECN RFC 3168 §5.
    m(
        "field.ip.checksum",
        "首部校验和：只校验 IP 首部；路由器改了 TTL 后必须重新计算。",
        "Header checksum: covers the IP header only; a router must recompute it after changing the TTL.",
    ),
    m(
        "field.ip.dsfield",
        "区分服务字段：DSCP（服务等级）和 ECN（拥塞通知），普通流量为 0。",
        "Differentiated services field: DSCP (class of service) and ECN (congestion notification); 0 for ordinary traffic.",
    ),
    m(
        "field.ip.dsfield.dscp",
        "DSCP：告诉路由器这个数据包的服务等级（优先级），普通流量为 0。",
        "DSCP: tells routers the packet's class of service (priority); 0 for ordinary traffic.",
    ),
    m(
        "field.ip.dsfield.ecn",
        "ECN（显式拥塞通知）：0 表示不使用。",
        "ECN (explicit congestion notification): 0 means not used.",
    ),
    m(
        "field.ip.dst",
        "目的 IP 地址：最终要到达的主机。经过路由器时它不变，变的是 MAC 地址。",
        "Destination IP address: the host the packet must finally reach. It stays the same across routers; the MAC addresses change.",
    ),
    m(
        "field.ip.flags",
        "标志：3 位，依次为保留位、DF（不要分片）、MF（还有分片）。",
        "Flags: 3\u{a0}bits, in order reserved, DF (don't fragment) and MF (more fragments).",
    ),
    m(
        "field.ip.flags.df",
        "DF（Don't Fragment）：1 表示路上不许把这个数据包切成分片，太大时宁可丢弃。",
        "DF (Don't Fragment): 1 means the packet must not be split into fragments on the way; if too big, it is dropped instead.",
    ),
    m(
        "field.ip.flags.mf",
        "MF（More Fragments）：1 表示后面还有分片；没有分片的数据包为 0。",
        "MF (More Fragments): 1 means more fragments follow; 0 for a packet that is not fragmented.",
    ),
    m(
        "field.ip.flags.rb",
        "保留位：必须为 0。",
        "Reserved bit: must be 0.",
    ),
    m(
        "field.ip.frag_offset",
        "片偏移：这一片在原始数据包中的位置，以 8 字节为单位；不分片时为 0。",
        "Fragment offset: where this fragment sits in the original packet, in units of 8 bytes; 0 when not fragmented.",
    ),
    m(
        "field.ip.hdr_len",
        "首部长度：线上以 4 字节为单位存放（IHL），这里显示字节数；没有选项时是 20 字节。",
        "Header length: stored in units of 4 bytes (IHL), shown here in bytes; 20 bytes without options.",
    ),
    m(
        "field.ip.id",
        "标识：一个数据包被分片时，各分片带同样的标识，以便接收方重新拼起来。",
        "Identification: when a packet is fragmented, all fragments carry the same value so the receiver can put them back together.",
    ),
    m(
        "field.ip.len",
        "总长度：IP 首部加上载荷的字节数（不含以太网首部）。",
        "Total length: bytes of IP header plus payload (the Ethernet header not included).",
    ),
    m(
        "field.ip.options",
        "IP 选项：首部中 20 字节之后的可选部分，很少使用。",
        "IP options: an optional part of the header after the first 20 bytes, rarely used.",
    ),
    m(
        "field.ip.proto",
        "协议：载荷交给哪个协议；6\u{a0}= TCP，17\u{a0}= UDP。",
        "Protocol: which protocol the payload belongs to; 6\u{a0}= TCP, 17\u{a0}= UDP.",
    ),
    m(
        "field.ip.src",
        "源 IP 地址：发出这个数据包的主机，经过路由器也不变。",
        "Source IP address: the host that sent the packet; it stays the same across routers.",
    ),
    m(
        "field.ip.ttl",
        "TTL（生存时间）：每经过一个路由器减 1，减到 0 就被丢弃，防止数据包在环路里永远转圈。",
        "TTL (time to live): every router subtracts 1 and drops the packet at 0, so no packet circles forever in a loop.",
    ),
    m(
        "field.ip.ttl.here",
        "smoltcp 发出时为 64。",
        "smoltcp sends 64.",
    ),
    m(
        "field.ip.version",
        "版本：4 表示 IPv4。",
        "Version: 4 means IPv4.",
    ),
    m(
        "field.null.family",
        "地址族：下一层是什么协议，2 表示 IPv4。这是 BSD/macOS 回环接口（lo0）抓包的首部，按抓包机器的字节序存放。",
        "Address family: which protocol comes next; 2 is IPv4. This is the header of captures on the BSD/macOS loopback interface (lo0), stored in the capturing machine's byte order.",
    ),
    m(
        "field.sll.etype",
        "协议：下一层的 EtherType，0x0800 表示 IPv4（和以太网的类型字段一样）。",
        "Protocol: the next layer's EtherType; 0x0800 is IPv4 (as in Ethernet's type field).",
    ),
    m(
        "field.sll.halen",
        "链路层地址长度：后面的源地址用了几个字节（以太网为 6）。",
        "Link-layer address length: how many bytes of the source address that follows are used (6 for Ethernet).",
    ),
    m(
        "field.sll.hatype",
        "链路层地址类型（ARPHRD_*）：1 是以太网，772 是回环接口。",
        "Link-layer address type (ARPHRD_*): 1 is Ethernet, 772 the loopback interface.",
    ),
    m(
        "field.sll.ifindex",
        "接口编号：Linux 在哪个网络接口上抓到这一帧（tcpdump -i any 同时抓所有接口）。",
        "Interface index: the Linux network interface the frame was captured on (tcpdump -i any captures all of them).",
    ),
    m(
        "field.sll.pkttype",
        "分组类型：0 发给本机，1 广播，2 组播，3 发给别的主机，4 由本机发出。",
        "Packet type: 0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us.",
    ),
    m(
        "field.sll.src.eth",
        "源 MAC 地址：发出这一帧的网卡。Linux cooked 首部只记录源地址，不记录目的地址。",
        "Source MAC address: the card that sent the frame. A Linux cooked header keeps only the source, not the destination.",
    ),
    m(
        "field.sll.src.other",
        "源链路层地址：不是 6 字节的地址，按原样显示。",
        "Source link-layer address: an address that is not 6 bytes long, shown as it is.",
    ),
    m(
        "field.sll.unused",
        "未用：地址槽共 8 字节，这是地址没有用到的部分。",
        "Unused: the part of the 8-byte address slot the address does not fill.",
    ),
    // Source (field.tcp.*): RFC 9293 §3.1 (header format, control bits) and §3.4 (sequence numbers: SYN and FIN each take one).
    m(
        "field.tcp.ack",
        "确认号（相对值）：“到这里之前的字节我都收到了，下一个想要这个编号”；只在 ACK 位为 1 时有效。",
        "Acknowledgment number (relative): “I have every byte before this one; send me this one next”; valid only when the ACK bit is 1.",
    ),
    m(
        "field.tcp.ack_raw",
        "确认号（原始值）：线上真实的 32 位数字，等于对方的初始序号 + 1（对方的 SYN 占一个序号）+ 已收到的数据字节数；收到对方的 FIN 之后再 + 1。",
        "Acknowledgment number (raw): the real 32-bit number on the wire: the peer's initial sequence number, + 1 for its SYN, + the data bytes received; + 1 more once its FIN has arrived.",
    ),
    m(
        "field.tcp.checksum",
        "校验和：覆盖伪首部（源和目的 IP、协议、长度）、TCP 首部和数据；不对的报文段会被丢弃。",
        "Checksum: covers a pseudo-header (source and destination IP, protocol, length), the TCP header and the data; a segment that fails it is dropped.",
    ),
    m(
        "field.tcp.dstport",
        "目的端口：接收方程序的端口，例如服务端 bind() 的 8080。",
        "Destination port: the receiving program's port, such as the 8080 the server bound to.",
    ),
    m(
        "field.tcp.flags",
        "标志位：12 个开关位，常用的是 SYN、ACK、PSH、FIN、RST。",
        "Flags: 12 on/off bits; the common ones are SYN, ACK, PSH, FIN and RST.",
    ),
    m(
        "field.tcp.flags.ack",
        "ACK：确认号有效。除了最初的 SYN，连接中几乎每个报文段都带 ACK。",
        "ACK: the acknowledgment number is valid. Apart from the very first SYN, almost every segment of a connection carries it.",
    ),
    // Source (field.tcp.flags.ae, .cwr, .ece): ECE/CWR: RFC 3168 §6.1; AE: the former NS bit (RFC 3540, historic), Wireshark tcp.flags.ae.
    m(
        "field.tcp.flags.ae",
        "AE（精确 ECN，原来的 NS 位）：普通连接为 0。",
        "AE (accurate ECN, formerly the NS bit): 0 in ordinary connections.",
    ),
    m(
        "field.tcp.flags.cwr",
        "CWR：发送方表示已因拥塞而减速（配合 ECN 使用）。",
        "CWR: the sender says it has slowed down because of congestion (used with ECN).",
    ),
    m(
        "field.tcp.flags.ece",
        "ECE：ECN 回显，告诉对方路上发生了拥塞。",
        "ECE: ECN echo, telling the peer that the network reported congestion.",
    ),
    m(
        "field.tcp.flags.fin",
        "FIN：我这一方的数据发完了，请求关闭这个方向；四次挥手由它开始。",
        "FIN: this side has no more data and closes its direction; the four-way teardown starts with it.",
    ),
    m(
        "field.tcp.flags.push",
        "PSH：请接收方尽快把数据交给应用程序；带数据的报文段通常置位。",
        "PSH: asks the receiver to hand the data to the program right away; usually set on segments that carry data.",
    ),
    m(
        "field.tcp.flags.res",
        "保留位：必须为 0。",
        "Reserved bits: must be 0.",
    ),
    m(
        "field.tcp.flags.reset",
        "RST：立即终止连接，例如连接一个没有程序在监听的端口时。",
        "RST: aborts the connection at once, for example when connecting to a port where no program listens.",
    ),
    m(
        "field.tcp.flags.str",
        "标志摘要（Wireshark 的写法）：每位一个字母，从左到右依次是 3 个保留位 R、AE、CWR、ECE、URG、ACK、PSH、RST、SYN、FIN；某位为 0 时写作“·”。",
        "Flag summary (Wireshark's notation): one letter per bit, left to right the 3 reserved bits R, AE, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN; a bit that is 0 is written “·”.",
    ),
    m(
        "field.tcp.flags.syn",
        "SYN：同步序号，请求建立连接；只出现在三次握手的前两个报文段里。",
        "SYN: synchronize sequence numbers, asking to open a connection; only the first two segments of the three-way handshake carry it.",
    ),
    m(
        "field.tcp.flags.urg",
        "URG：紧急指针有效；现在几乎不用。",
        "URG: the urgent pointer is valid; hardly used today.",
    ),
    m(
        "field.tcp.hdr_len",
        "首部长度（数据偏移）：线上以 4 字节为单位存放，这里显示字节数；20 字节加上选项。",
        "Header length (data offset): stored in units of 4 bytes, shown here in bytes; 20 bytes plus the options.",
    ),
    // Source (field.tcp.option*): TCP options: RFC 9293 §3.2 (EOL, NOP, MSS); window scale and timestamps RFC 7323 §2-§3; SACK RFC 2018.
    m(
        "field.tcp.option_kind",
        "选项类型：0\u{a0}= 选项结束，1\u{a0}= 空操作，2\u{a0}= MSS，3\u{a0}= 窗口扩大，4\u{a0}= 允许 SACK，5\u{a0}= SACK，8\u{a0}= 时间戳。",
        "Option kind: 0\u{a0}= end of options, 1\u{a0}= no-operation, 2\u{a0}= MSS, 3\u{a0}= window scale, 4\u{a0}= SACK permitted, 5\u{a0}= SACK, 8\u{a0}= timestamps.",
    ),
    m(
        "field.tcp.option_len",
        "选项长度：这个选项的总字节数，包括类型和长度这两个字节。",
        "Option length: the option's total size in bytes, counting the kind and length bytes.",
    ),
    m(
        "field.tcp.options",
        "选项：需要时才出现，例如 SYN 里的 MSS、窗口扩大、允许 SACK；总长度要补齐到 4 字节的倍数。",
        "Options: present only when needed, such as MSS, window scale and SACK permitted in a SYN; padded to a multiple of 4 bytes.",
    ),
    m(
        "field.tcp.options.eol",
        "选项结束（EOL，类型 0）：后面剩下的字节只是把首部补齐到 4 字节的倍数。",
        "End of options (EOL, kind 0): the bytes left after it only pad the header to a multiple of 4 bytes.",
    ),
    m(
        "field.tcp.options.mss",
        "MSS 选项：告诉对方“每个报文段最多给我发这么多字节的数据”。",
        "MSS option: tells the peer “send me at most this many data bytes per segment”.",
    ),
    m(
        "field.tcp.options.mss_val",
        "MSS 值：发出这个 SYN 的一方每个报文段最多收多少字节的数据；以太网上常见的是 MTU 1500 − IP 首部 20 − TCP 首部 20\u{a0}= 1460 字节。",
        "MSS value: the most data bytes the sender of this SYN takes in one segment; on Ethernet it is commonly MTU 1500 − IP header 20 − TCP header 20\u{a0}= 1460 bytes.",
    ),
    m(
        "field.tcp.options.mss_val.here",
        "smoltcp 宣告 1460。",
        "smoltcp announces 1460.",
    ),
    m(
        "field.tcp.options.nop",
        "空操作（NOP，类型 1）：只占 1 字节，用来让下一个选项对齐。",
        "No-operation (NOP, kind 1): one byte used to align the next option.",
    ),
    m(
        "field.tcp.options.sack",
        "SACK（选择确认）：列出已经收到的不连续数据块，让对方只重传缺少的部分。",
        "SACK (selective acknowledgment): lists the separate blocks of data already received, so the peer resends only what is missing.",
    ),
    m(
        "field.tcp.options.sack_le",
        "SACK 块左边界：已收到的一块数据的第一个序号（相对值）。",
        "SACK left edge: the first sequence number of a received block (relative).",
    ),
    m(
        "field.tcp.options.sack_perm",
        "允许 SACK：表示“我懂选择确认”，之后双方可以用 SACK 报告收到了哪些不连续的数据块。",
        "SACK permitted: says “I understand selective acknowledgments”, so later either side may report which separate blocks it received.",
    ),
    m(
        "field.tcp.options.sack_re",
        "SACK 块右边界：这块数据之后的下一个序号（相对值）。",
        "SACK right edge: the sequence number just after the block (relative).",
    ),
    m(
        "field.tcp.options.timestamp",
        "时间戳选项：用来测量往返时间（RTT），并防止高速连接中序号绕回后新旧数据混淆。",
        "Timestamps option: used to measure the round-trip time (RTT) and to keep old and new data apart when sequence numbers wrap on fast links.",
    ),
    m(
        "field.tcp.options.timestamp.tsecr",
        "时间戳回显（TSecr）：原样带回对方最近发来的时间戳值。",
        "Timestamp echo reply (TSecr): the peer's latest timestamp value, sent back unchanged.",
    ),
    m(
        "field.tcp.options.timestamp.tsval",
        "时间戳值（TSval）：发送方此刻的时钟读数。",
        "Timestamp value (TSval): the sender's clock reading at this moment.",
    ),
    m(
        "field.tcp.options.unknown",
        "本程序不解析的选项（或损坏的选项字节）。",
        "An option this program does not decode (or broken option bytes).",
    ),
    m(
        "field.tcp.options.unknown.payload",
        "该选项的内容字节。",
        "The option's content bytes.",
    ),
    m(
        "field.tcp.options.wscale",
        "窗口扩大选项：把 16 位的窗口字段左移若干位，使窗口可以超过 64\u{a0}KB；只能在 SYN 里协商。",
        "Window scale option: shifts the 16-bit window field left by some bits so the window can exceed 64\u{a0}KB; it can only be agreed in the SYN.",
    ),
    m(
        "field.tcp.options.wscale.multiplier",
        "倍数\u{a0}= 2 的移位数次方；为 1 表示窗口字段就是实际字节数。",
        "Multiplier\u{a0}= 2 to the power of the shift; 1 means the window field is the real number of bytes.",
    ),
    m(
        "field.tcp.options.wscale.shift",
        "移位数：窗口值要左移的位数；0 表示不放大。",
        "Shift count: how many bits the window value is shifted left; 0 means no scaling.",
    ),
    m(
        "field.tcp.options.wscale.shift.here",
        "smoltcp 发 0。",
        "smoltcp sends 0.",
    ),
    m(
        "field.tcp.seq",
        "序号（相对值）：本报文段第一个字节的编号，从本方向的初始序号算起；Wireshark 默认显示相对值，所以 SYN 是 0。",
        "Sequence number (relative): the number of this segment's first byte, counted from this direction's initial sequence number; Wireshark shows relative numbers by default, so the SYN is 0.",
    ),
    m(
        "field.tcp.seq_raw",
        "序号（原始值）：线上真实的 32 位数字，从随机选出的初始序号（ISN）开始。",
        "Sequence number (raw): the real 32-bit number on the wire, starting from a randomly chosen initial sequence number (ISN).",
    ),
    // Source: Port ranges: RFC 6335 §6 (0-1023 system, 1024-49151 user, 49152-65535 dynamic); Linux net.ipv4.ip_local_port_range defaults to 32768 60999 (kernel ip-sysctl docs).
    m(
        "field.tcp.srcport",
        "源端口：发送方程序的端口；客户端通常用系统分配的临时端口：IANA 规定的范围是 49152\u{2060}–\u{2060}65535，Linux 默认用 32768\u{2060}–\u{2060}60999，所以 netstat 里会看到别的端\u{2060}口\u{2060}号。",
        "Source port: the sending program's port; a client usually gets a temporary (ephemeral) port from the system: IANA's range is 49152\u{2060}–\u{2060}65535, but Linux uses 32768\u{2060}–\u{2060}60999 by default, so netstat may show other numbers.",
    ),
    m(
        "field.tcp.urgent_pointer",
        "紧急指针：只有 URG 位为 1 时才有意义，通常为 0。",
        "Urgent pointer: meaningful only when the URG bit is 1; usually 0.",
    ),
    m(
        "field.tcp.window_size_value",
        "窗口：发送方的接收缓冲区还能再收多少字节，对方未被确认的数据不能超过它（流量控制）。",
        "Window: how many more bytes the sender's receive buffer can take; the peer must not have more unacknowledged data in flight (flow control).",
    ),
    // Source (field.udp.*): RFC 768.
    m(
        "field.udp.checksum",
        "校验和：覆盖伪首部（源和目的 IP、协议、长度）、UDP 首部和数据；在 IPv4 中为 0 表示没有计算。",
        "Checksum: covers a pseudo-header (source and destination IP, protocol, length), the UDP header and the data; in IPv4, 0 means none was computed.",
    ),
    m(
        "field.udp.dstport",
        "目的端口：接收方程序的端口。",
        "Destination port: the receiving program's port.",
    ),
    m(
        "field.udp.length",
        "长度：UDP 首部（8 字节）加上数据的字节数。",
        "Length: bytes of UDP header (8 bytes) plus data.",
    ),
    m(
        "field.udp.srcport",
        "源端口：发送方程序的端口，对方回复时就发到这里。",
        "Source port: the sending program's port; replies are sent back to it.",
    ),
    m("layer.arp", "ARP（地址解析）", "ARP (address resolution)"),
    m("layer.data", "应用数据", "Application data"),
    m("layer.eth", "以太网（链路层）", "Ethernet (link layer)"),
    m("layer.ip", "IPv4（网络层）", "IPv4 (network layer)"),
    m(
        "layer.null",
        "BSD 回环抓包首部（macOS lo0）",
        "BSD loopback header (macOS lo0)",
    ),
    m("layer.padding", "以太网填充", "Ethernet padding"),
    m(
        "layer.sll",
        "Linux cooked 抓包首部（tcpdump -i any）",
        "Linux cooked capture header (tcpdump -i any)",
    ),
    m("layer.tcp", "TCP（传输层）", "TCP (transport layer)"),
    m("layer.udp", "UDP（传输层）", "UDP (transport layer)"),
    // Source: RFC 826: the request is broadcast, the reply goes back unicast to the asker.
    m(
        "phy.fcs",
        "帧校验序列（FCS）：对目的 MAC 到填充的所有字节算出的 CRC-32，接收方据此丢掉损坏的帧；网卡收帧时就校验并去掉它，所以抓包里一般看不到。",
        "Frame check sequence (FCS): a CRC-32 over every byte from the destination MAC to the padding, used by the receiver to drop damaged frames; the card checks and strips it on arrival, so captures usually do not show it.",
    ),
    m(
        "phy.frame",
        "帧：抓包看到的部分，从目的 MAC 到数据的最后一个字节。",
        "Frame: the part a capture shows, from the destination MAC to the last data byte.",
    ),
    m(
        "phy.padding",
        "填充：帧不足 60 字节时网卡补上的 0，抓包里看不到。",
        "Padding: zeros the card adds when a frame is shorter than 60 bytes; captures do not show them.",
    ),
    m(
        "phy.preamble",
        "前导码：7 个 0x55（比特 1010… 交替），让接收方的时钟和信号同步；抓包里看不到。",
        "Preamble: 7 bytes of 0x55 (alternating bits 1010…) that let the receiver's clock lock onto the signal; captures do not show it.",
    ),
    m(
        "phy.sfd",
        "帧起始定界符（SFD）0xd5：宣告“下一个比特就是目的 MAC 了”。",
        "Start frame delimiter (SFD) 0xd5: announces that the next bit begins the destination MAC.",
    ),
    m("role.ack", "ACK（确认）", "ACK"),
    m("role.ack_fin", "ACK（确认对方的 FIN）", "ACK of the FIN"),
    m("role.arp", "ARP 报文", "ARP packet"),
    m("role.arp_reply", "ARP 应答（单播）", "ARP reply (unicast)"),
    m("role.arp_request", "ARP 请求（广播）", "ARP request (broadcast)"),
    m("role.data", "数据", "data"),
    m(
        "role.dup_ack",
        "重复 ACK",
        "duplicate ACK",
    ),
    m("role.fin", "FIN（关闭连接）", "FIN (closing)"),
    m("role.fin_retransmission", "重传的 FIN", "FIN retransmission"),
    m("role.final_ack", "最后的 ACK（确认第二个 FIN）", "final ACK (of the second FIN)"),
    m("role.frame", "帧", "frame"),
    m("role.handshake_ack", "ACK（第三次握手）", "ACK (handshake 3/3)"),
    m("role.ipv4", "IPv4 数据报", "IPv4 packet"),
    m(
        "role.out_of_order",
        "乱序的数据",
        "out-of-order data",
    ),
    m("role.retransmission", "重传的数据", "retransmitted data"),
    m("role.rst", "RST（重置连接）", "RST (reset)"),
    m("role.syn", "SYN（第一次握手）", "SYN (handshake 1/3)"),
    m("role.syn_ack", "SYN-ACK（第二次握手）", "SYN-ACK (handshake 2/3)"),
    m("role.syn_ack_retransmission", "重传的 SYN-ACK", "SYN-ACK retransmission"),
    m("role.syn_retransmission", "重传的 SYN", "SYN retransmission"),
    m("role.udp", "UDP 数据报", "UDP datagram"),
    // Source (state.*): TCP states: RFC 9293 §3.3.2 (state machine overview, Figure 5), named as netstat prints them.
];

/// The name of whoever already uses an address, for `error.duplicate_address`.
fn who(lang: Lang, other: &str) -> String {
    let key = if other == "router" {
        "error.who.router"
    } else if other.starts_with("client") {
        "error.who.client"
    } else if other.starts_with("server") {
        "error.who.server"
    } else {
        return other.to_owned();
    };
    lookup(lang, key).unwrap_or(other).to_owned()
}

/// The message for a [`ScenarioError`] in `lang`, with its value, limits and the like filled in.
#[must_use]
pub fn error_message(lang: Lang, e: &ScenarioError) -> String {
    let key = e.message_key();
    let template = lookup(lang, key).unwrap_or(key);
    // Every value from the user is cut to a bounded length before it is echoed.
    let value = echo(e.value().unwrap_or(""));
    let args: Vec<String> = match e {
        ScenarioError::UnknownScenario(name) => vec![
            echo(name),
            ScenarioName::ALL
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ],
        ScenarioError::UnknownKey(k) => vec![echo(k), KEYS.join(", ")],
        ScenarioError::BadIpv4 {
            detail: Ipv4Problem::Octet(n),
            ..
        } => vec![n.to_string(), value],
        ScenarioError::PayloadTooLong { len, max, .. } => vec![len.to_string(), max.to_string()],
        ScenarioError::EmptyPayload { .. } => Vec::new(),
        ScenarioError::DuplicateAddress { other, .. } => vec![value, who(lang, other)],
        ScenarioError::OutOfRange { min, max, .. } => {
            vec![value, min.to_string(), max.to_string()]
        }
        ScenarioError::Network(msg) => vec![echo(msg)],
        _ => vec![value],
    };
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    fill(template, &refs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirewalk_engine::scenario::Scenario;

    #[test]
    fn field_errors_echo_a_bounded_part_of_the_value() {
        let huge = "9".repeat(100_000);
        let mut s = Scenario::named("tcp").expect("tcp is in the catalogue");
        for key in [
            "server.port",
            "client.ip",
            "client.mac",
            "latency_us",
            "loss",
        ] {
            let e = s
                .set(key, &huge)
                .expect_err("a 100,000-digit value is refused");
            for lang in [Lang::Zh, Lang::En] {
                let m = error_message(lang, &e);
                assert!(m.chars().count() < 400, "{key}: {m}");
                assert!(m.contains(&echo(&huge)) || !m.contains("999"), "{key}: {m}");
            }
        }
        let e = ScenarioError::UnknownKey("k".repeat(5000));
        assert!(error_message(Lang::En, &e).contains(&echo(&"k".repeat(5000))));
        assert!(!error_message(Lang::En, &e).contains(&"k".repeat(ECHO_MAX + 1)));
    }
}
