//! Messages of the layers scene, zh and en, sorted by key (keys under `scene.layers.`,
//! beyond the title, intro and plan kept in `catalogue.rs`).

use super::{m, Msg};

/// This scene's messages, sorted by key.
pub static MESSAGES: &[Msg] = &[
    m(
        "scene.layers.adds.app",
        "程序自己的数据（如一个 HTTP 请求）",
        "the program's own data (e.g. an HTTP request)",
    ),
    // Source: IEEE 802.3 clause 3.2 (MAC frame: addresses, type, FCS).
    m(
        "scene.layers.adds.link",
        "MAC 地址（源、目的）和 FCS 校验码",
        "MAC addresses (source, destination) and the FCS",
    ),
    m(
        "scene.layers.adds.network",
        "IP 地址（源、目的）和 TTL",
        "IP addresses (source, destination) and TTL",
    ),
    m(
        "scene.layers.adds.physical",
        "电信号（0 和 1）、前导码",
        "electrical signals (0s and 1s), preamble",
    ),
    m(
        "scene.layers.adds.transport",
        "端口号（源、目的）",
        "port numbers (source, destination)",
    ),
    m(
        "scene.layers.col.adds",
        "加上什么",
        "Adds",
    ),
    m(
        "scene.layers.col.details",
        "这一层做什么",
        "What the layer does",
    ),
    m(
        "scene.layers.col.devices",
        "设备",
        "Devices",
    ),
    m(
        "scene.layers.col.pdu",
        "数据单位",
        "PDU",
    ),
    m(
        "scene.layers.col.protocols",
        "协议举例",
        "Protocols",
    ),
    m(
        "scene.layers.course.body",
        "OSI 有七层，课程先学 TCP/IP 五层，由下往上：物理层\u{a0}→ 数据链路层\u{a0}→ 网络层\u{a0}→ 传输层\u{a0}→ 应用层。点任意一层，看真实的帧在这一层是什么样。",
        "OSI has seven layers; the course learns the five TCP/IP layers, bottom-up: physical\u{a0}→ data link\u{a0}→ network\u{a0}→ transport\u{a0}→ application. Click any layer to see the real frame at that layer.",
    ),
    m(
        "scene.layers.course.title",
        "课程先学的五层（由下往上）",
        "The five layers the course learns first (bottom-up)",
    ),
    m(
        "scene.layers.desc.app",
        "含 OSI 的应用层、表示层、会话层",
        "OSI's application, presentation and session layers",
    ),
    m(
        "scene.layers.desc.internet",
        "即五层模型的\u{200b}网络层",
        "the five-layer model's network layer",
    ),
    m(
        "scene.layers.desc.net_access",
        "数据链路层 + 物理层",
        "data link + physical",
    ),
    m(
        "scene.layers.desc.osi_pres",
        "数据格式、编码、加密",
        "data formats, encoding, encryption",
    ),
    m(
        "scene.layers.desc.osi_sess",
        "建立、管理、结束会话",
        "opens, manages and ends sessions",
    ),
    m(
        "scene.layers.dev.app",
        "主机（电脑、手机）上的程序",
        "programs on hosts (computers, phones)",
    ),
    m(
        "scene.layers.dev.link",
        "交换机、网卡",
        "switch, network card (NIC)",
    ),
    m(
        "scene.layers.dev.network",
        "路由器",
        "router",
    ),
    m(
        "scene.layers.dev.physical",
        "网线、光纤、集\u{2060}线\u{2060}器、网卡",
        "cable, fibre, hub, NIC",
    ),
    m(
        "scene.layers.dev.transport",
        "主机的操作系统",
        "the host's operating system",
    ),
    m(
        "scene.layers.goto",
        "看封装过程中的这一层",
        "see this layer in the encapsulation",
    ),
    m(
        "scene.layers.hint",
        "左边是 OSI 七层，中间是 TCP/IP 模型，同一行是同一层，编号都从下往上数。",
        "OSI's seven layers on the left, the TCP/IP model in the middle; layers on the same row match, and every model counts from the bottom.",
    ),
    m(
        "scene.layers.model4",
        "TCP/IP 四层",
        "TCP/IP 4 layers",
    ),
    m(
        "scene.layers.model5",
        "TCP/IP 五层",
        "TCP/IP 5 layers",
    ),
    m(
        "scene.layers.name.app",
        "应用层",
        "Application",
    ),
    m(
        "scene.layers.name.internet",
        "网际层",
        "Internet",
    ),
    m(
        "scene.layers.name.link",
        "数据链路层",
        "Data link",
    ),
    m(
        "scene.layers.name.net_access",
        "网络接口层",
        "Network access",
    ),
    m(
        "scene.layers.name.network",
        "网络层",
        "Network",
    ),
    m(
        "scene.layers.name.osi_app",
        "应用层",
        "Application",
    ),
    m(
        "scene.layers.name.osi_pres",
        "表示层",
        "Presentation",
    ),
    m(
        "scene.layers.name.osi_sess",
        "会话层",
        "Session",
    ),
    m(
        "scene.layers.name.physical",
        "物理层",
        "Physical",
    ),
    m(
        "scene.layers.name.transport",
        "传输层",
        "Transport",
    ),
    m(
        "scene.layers.note.app",
        "课程：应用层协议如 HTTP、FTP。",
        "Course: application protocols such as HTTP and FTP.",
    ),
    m(
        "scene.layers.note.link",
        "课程：以太网协议规定电信号的分组方式；每块网卡有全球唯一的 12 位 MAC 地址（前 6 位厂商号，后 6 位流水号）；交换机把电脑连在一起，以太网靠广播和单播通信。",
        "Course: Ethernet defines how electrical signals are grouped; every card has a unique 12-digit MAC (first 6 vendor, last 6 serial); a switch connects computers; Ethernet talks by broadcast and unicast.",
    ),
    m(
        "scene.layers.note.network",
        "课程：IP 地址唯一标识一台计算机，点分十进制 0.0.0.0 到 255.255.255.255；本机回环地址 127.0.0.1（localhost）。",
        "Course: an IP address identifies one computer, dotted decimal from 0.0.0.0 to 255.255.255.255; this machine's loopback is 127.0.0.1 (localhost).",
    ),
    m(
        "scene.layers.note.physical",
        "课程：基于电信号发送二进制数据 0101…。",
        "Course: sends binary data 0101… as electrical signals.",
    ),
    m(
        "scene.layers.note.transport",
        "课程：TCP/UDP 基于端口工作，端口 0\u{2060}–\u{2060}65535，标识电脑上的一个软件；常用默认端口 MySQL 3306、MongoDB 27017、Django 8000、Tomcat 8080、Flask 5000、Redis 6379。",
        "Course: TCP and UDP work with ports, 0\u{2060}–\u{2060}65535, each naming a program; common defaults MySQL 3306, MongoDB 27017, Django 8000, Tomcat 8080, Flask 5000, Redis 6379.",
    ),
    m(
        "scene.layers.osi",
        "OSI 七层",
        "OSI 7 layers",
    ),
    m(
        "scene.layers.pdu.app",
        "数据",
        "data",
    ),
    m(
        "scene.layers.pdu.link",
        "帧",
        "frame",
    ),
    m(
        "scene.layers.pdu.network",
        "IP 数据报（数据包）",
        "packet",
    ),
    m(
        "scene.layers.pdu.physical",
        "比特",
        "bits",
    ),
    m(
        "scene.layers.pdu.transport",
        "报文段（TCP）/ 数据报（UDP）",
        "segment (TCP) / datagram (UDP)",
    ),
    m(
        "scene.layers.proto.app",
        "HTTP、HTTPS、FTP",
        "HTTP, HTTPS, FTP",
    ),
    m(
        "scene.layers.proto.link",
        "以太网（Ethernet）、ARP",
        "Ethernet, ARP",
    ),
    m(
        "scene.layers.proto.network",
        "IP（IPv4、IPv6）",
        "IP (IPv4, IPv6)",
    ),
    m(
        "scene.layers.proto.physical",
        "双绞线、光纤、无线电上的信号标准",
        "signal standards for twisted pair, fibre, radio",
    ),
    m(
        "scene.layers.proto.transport",
        "TCP、UDP",
        "TCP, UDP",
    ),
    m(
        "scene.layers.toggle",
        "TCP/IP 模型",
        "TCP/IP model",
    ),
];
