//! The message catalogue: every visible word, in zh and en, sorted by key.
//!
//! Protocol terms keep their standard names in both languages
//! (三次握手 / three-way handshake, 四次挥手 / four-way teardown, 封装 / encapsulation).

use super::Msg;

const fn m(key: &'static str, zh: &'static str, en: &'static str) -> Msg {
    Msg { key, zh, en }
}

/// All messages, sorted by key (a test checks the order, so lookups can binary-search).
pub static CATALOGUE: &[Msg] = &[
    m("app.name", "Wirewalk 网线漫步", "Wirewalk"),
    m("app.skip", "跳到场景内容", "Skip to the scene"),
    m(
        "app.tagline",
        "看见一次 socket 调用如何变成网线上的比特,又如何变回来",
        "See how a socket call becomes bits on a wire, and back",
    ),
    m("footer.source", "课程笔记:网络编程第一课", "Course note: the first lesson of network programming"),
    m(
        "footer.truth",
        "画面上的每一帧都来自在模拟网络中运行的真实 TCP/IP 协议栈 (smoltcp),每个校验和都是计算出来的。",
        "Every frame on screen comes from a real TCP/IP stack (smoltcp) running in a simulated network; every checksum is computed.",
    ),
    m("footer.version", "版本 {0}", "version {0}"),
    m("lang.en", "English", "English"),
    m("lang.label", "语言", "Language"),
    m("lang.zh", "中文", "中文"),
    m("nav.label", "课程场景", "Course scenes"),
    m("notice.bad_encoding", "链接中有无法解码的字符,已忽略。", "The link contains characters that cannot be decoded; they were ignored."),
    m("notice.bad_value", "参数 {0} 的值“{1}”无效,已忽略。", "Ignored {0}=“{1}”: not a valid value."),
    m("notice.dismiss", "知道了", "Dismiss"),
    m("notice.title", "链接有问题", "Problem with the link"),
    m("notice.unknown_key", "已忽略未知参数“{0}”。", "Ignored the unknown parameter “{0}”."),
    m("notice.unknown_lang", "不支持语言“{0}”(可选 zh 或 en)。", "Language “{0}” is not available (use zh or en)."),
    m("notice.unknown_scene", "没有名为“{0}”的场景,已显示默认场景。", "There is no scene called “{0}”; showing the default scene."),
    m(
        "notice.unknown_theme",
        "没有名为“{0}”的主题(可选 auto、light、dark、projector)。",
        "There is no theme called “{0}” (use auto, light, dark or projector).",
    ),
    m(
        "panic.body",
        "应用遇到了内部错误,已经停止运行。重新加载页面即可继续;如果反复出现,请把下面的信息告诉老师或开发者。",
        "The app hit an internal error and stopped. Reload the page to carry on; if it happens again, please pass the details below to your teacher or the developers.",
    ),
    m("panic.details", "技术细节", "Technical details"),
    m("panic.reload", "重新加载", "Reload"),
    m("panic.title", "Wirewalk 出错了", "Wirewalk stopped with an error"),
    m("scene.addresses.intro", "IP 地址用于唯一标识一台计算机,端口用于标识这台计算机上的一个应用软件:IP + 端口 = 世界上某一台电脑上的某一个软件。", "An IP address identifies one computer; a port identifies one program on it: IP + port = one program on one computer in the world."),
    m("scene.addresses.nav", "地址与端口", "Addresses & ports"),
    m("scene.addresses.plan", "点分十进制 ⇄ 32 位二进制 ⇄ 整数;回环地址 127.0.0.1;MAC 的厂商号与流水号;端口范围与常用默认端口(MySQL 3306、MongoDB 27017、Django 8000、Tomcat 8080、Flask 5000、Redis 6379);四元组。", "Dotted decimal ⇄ 32-bit binary ⇄ integer; loopback 127.0.0.1; a MAC's vendor and serial halves; port ranges and common default ports (MySQL 3306, MongoDB 27017, Django 8000, Tomcat 8080, Flask 5000, Redis 6379); the 4-tuple."),
    m("scene.addresses.title", "IP 地址、MAC 地址与端口", "IP addresses, MAC addresses and ports"),
    m("scene.architecture.intro", "开发一套软件,必须同时开发客户端与服务端:服务端 24 小时不间断地提供服务,客户端去寻找服务并享受服务。", "Every piece of networked software comes as a client and a server: the server offers its service around the clock, the client finds it and uses it."),
    m("scene.architecture.nav", "软件架构", "Architecture"),
    m("scene.architecture.plan", "C/S 与 B/S 并排对比:优缺点与例子(QQ、PyCharm、微信、王者荣耀 对比 浏览器中的网站),同一个请求分别以原生客户端和浏览器 HTTP 的形式出现在网线上。", "C/S and B/S side by side: pros, cons and examples (QQ, PyCharm, WeChat, a game client vs a website in a browser), and the same request as traffic from a native client and from a browser speaking HTTP."),
    m("scene.architecture.title", "软件开发架构:C/S 与 B/S", "Software architecture: C/S vs B/S"),
    m("scene.coming", "这个场景正在建设中。它将展示:", "This scene is being built. It will show:"),
    m("scene.encapsulation.intro", "发送方的数据自上而下逐层加上首部:端口、IP 地址、MAC 地址,最后变成网线上的电信号;接收方自下而上逐层拆开。", "On the way down, each layer wraps the sender's data in a header: ports, then IP addresses, then MAC addresses, until it is an electrical signal on the wire; the receiver unwraps it on the way up."),
    m("scene.encapsulation.nav", "封装", "Encapsulation"),
    m("scene.encapsulation.plan", "真实帧的逐层封装与解封装动画,可编辑载荷、端口、IP 和 MAC;类似 Wireshark 的字段树与十六进制视图;前导码、帧校验序列 (FCS) 与比特流。", "A real frame wrapped and unwrapped layer by layer, with editable payload, ports, IPs and MACs; a Wireshark-like field tree and hex dump; preamble, FCS and the bit stream."),
    m("scene.encapsulation.title", "封装与解封装", "Encapsulation and decapsulation"),
    m("scene.lan.intro", "交换机让多台电脑连在一起;以太网靠广播找人、靠单播说话。广播会带来广播风暴,而且以太网不能跨局域网通信——这要靠路由器。", "A switch joins computers into a LAN; Ethernet finds a host by broadcast and talks to it by unicast. Broadcasts can become a storm, and Ethernet alone cannot cross LANs: that takes a router."),
    m("scene.lan.nav", "局域网", "LAN"),
    m("scene.lan.plan", "交换机的 MAC 地址表逐帧学习;ARP 广播泛洪、应答单播;两台交换机成环时的广播风暴;路由器转发时 MAC 改变而 IP 和端口不变、TTL 64 → 63。", "A switch's MAC table learning frame by frame; an ARP broadcast flooded and its reply unicast; a broadcast storm when two switches form a loop; a router hop where the MACs change while IPs and ports don't, TTL 64 → 63."),
    m("scene.lan.title", "局域网:交换机、广播与路由器", "The LAN: switch, broadcast and router"),
    m("scene.layers.intro", "互联网协议又称 OSI 七层协议。学习由下到上:物理层、数据链路层、网络层、传输层、应用层这五层需要优先了解。", "The Internet's protocols are described by the OSI 7-layer model. Learn bottom-up: physical, data link, network, transport and application come first."),
    m("scene.layers.nav", "分层", "Layers"),
    m("scene.layers.plan", "OSI 七层与 TCP/IP 五层并排:每层的数据单元、它加上的东西(端口、IP、MAC、电信号)、协议与设备。", "OSI 7 and TCP/IP 5 side by side: each layer's data unit, what it adds (port, IP, MAC, signal), its protocols and its devices."),
    m("scene.layers.title", "网络分层:OSI 七层与 TCP/IP 五层", "Network layers: OSI 7 and TCP/IP 5"),
    m("scene.tcp.intro", "TCP 是可靠的流式协议:三次握手建立双向通道,发送的数据要等对方确认才从内存中释放,没有确认就重传;四次挥手断开连接,主动关闭的一方进入 TIME_WAIT。", "TCP is a reliable stream protocol: a three-way handshake opens a two-way channel, sent data stays in memory until the peer acknowledges it and is retransmitted if it doesn't, and a four-way teardown closes it, leaving the active closer in TIME_WAIT."),
    m("scene.tcp.nav", "TCP", "TCP"),
    m("scene.tcp.plan", "客户端与服务端之间的时序图:三次握手、数据与 ACK、丢包重传、四次挥手与 TIME_WAIT;两端的 TCP 状态与对应的 Python socket 代码(一端 send,另一端 recv)。", "A ladder diagram between client and server: three-way handshake, data and ACK, loss and retransmission, four-way teardown and TIME_WAIT; both ends' TCP states and the Python socket code behind them (one side sends, the other receives)."),
    m("scene.tcp.title", "TCP:三次握手、数据传输与四次挥手", "TCP: three-way handshake, data and four-way teardown"),
    m("theme.auto", "跟随系统", "System"),
    m("theme.dark", "深色", "Dark"),
    m("theme.label", "主题", "Theme"),
    m("theme.light", "浅色", "Light"),
    m("theme.projector", "投影(高对比大字)", "Projector (high contrast)"),
];
