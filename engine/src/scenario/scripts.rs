//! The client's and the server's programs for each scenario, as socket scripts.

use super::validate::Resolved;
use super::Scenario;
use super::MAX_PAYLOAD;
use crate::program::{Call, Script, Transport};

/// The `bufsize` of every `recv()`/`recvfrom()`: at least [`MAX_PAYLOAD`], so one call
/// takes a whole request or answer (each fits one segment or datagram). With a smaller
/// buffer a long payload would be read in two calls, the server's second `recv()` would
/// not see the FIN, and the teardown would no longer be the one the narration tells.
pub(super) const RECV_BUFSIZE: usize = 2048;
const _: () = assert!(RECV_BUFSIZE >= MAX_PAYLOAD);

/// How the server's TCP program ends.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ending {
    /// recv → b'' (client's FIN), think, close: four-way teardown.
    FourWay,
    /// recv → b'', close at once: FIN rides with the ACK, three segments.
    ThreeWay,
    /// Both close together after the exchange: FINs cross, CLOSING on both sides.
    Simultaneous,
}

/// The client's first calls: `socket()`, then `bind()` when it asked for a fixed port.
fn client_opening(transport: Transport, s: &Scenario, r: &Resolved) -> Vec<Call> {
    let mut calls = vec![Call::Socket { transport }];
    if let Some(port) = s.params.client_port {
        calls.push(Call::Bind {
            ip: r.client_ip.octets(),
            port,
        });
    }
    calls
}

/// The server's first calls: `socket()` and `bind()` to its address and port.
fn server_opening(transport: Transport, s: &Scenario, r: &Resolved) -> Vec<Call> {
    vec![
        Call::Socket { transport },
        Call::Bind {
            ip: r.server_ip.octets(),
            port: s.params.server_port,
        },
    ]
}

/// The client's and the server's scripts, named as in their Python programs.
fn scripts(client: Vec<Call>, server: Vec<Call>) -> (Script, Script) {
    (
        Script {
            var: "client".into(),
            calls: client,
        },
        Script {
            var: "server".into(),
            calls: server,
        },
    )
}

pub(super) fn tcp_scripts(s: &Scenario, r: &Resolved, ending: Ending) -> (Script, Script) {
    let p = &s.params;
    let sip = r.server_ip.octets();
    let client_think = p.client_think_ms.saturating_mul(1000);
    let server_think = p.server_think_ms.saturating_mul(1000);
    let mut client = client_opening(Transport::Tcp, s, r);
    client.push(Call::Connect {
        ip: sip,
        port: p.server_port,
    });
    if client_think > 0 {
        // Without a pause smoltcp lets the third handshake segment ride on the data.
        client.push(Call::Sleep { us: client_think });
    }
    client.push(Call::Send {
        data: p.client_payload.clone(),
    });
    client.push(Call::Recv {
        bufsize: RECV_BUFSIZE,
    });
    if client_think > 0 {
        client.push(Call::Sleep { us: client_think });
    }
    client.push(Call::Close);

    let mut server = server_opening(Transport::Tcp, s, r);
    server.extend([
        Call::Listen { backlog: 5 },
        Call::Accept,
        Call::Recv {
            bufsize: RECV_BUFSIZE,
        },
    ]);
    if server_think > 0 {
        server.push(Call::Sleep { us: server_think });
    }
    server.push(Call::Send {
        data: p.server_payload.clone(),
    });
    match ending {
        Ending::FourWay => {
            server.push(Call::Recv {
                bufsize: RECV_BUFSIZE,
            });
            if server_think > 0 {
                server.push(Call::Sleep { us: server_think });
            }
        }
        Ending::ThreeWay => server.push(Call::Recv {
            bufsize: RECV_BUFSIZE,
        }),
        Ending::Simultaneous => {
            // The client closes `client_think` after HELLO reaches it, one link latency
            // after the server sent it: sleeping that long makes both FINs leave at once.
            server.push(Call::Sleep {
                us: client_think.saturating_add(p.latency_us).max(1),
            });
        }
    }
    server.push(Call::Close);
    scripts(client, server)
}

pub(super) fn udp_scripts(s: &Scenario, r: &Resolved) -> (Script, Script) {
    let p = &s.params;
    let sip = r.server_ip.octets();
    let mut client = client_opening(Transport::Udp, s, r);
    client.push(Call::SendTo {
        data: p.client_payload.clone(),
        to: Some((sip, p.server_port)),
    });
    client.push(Call::RecvFrom {
        bufsize: RECV_BUFSIZE,
    });
    client.push(Call::Close);
    let mut server = server_opening(Transport::Udp, s, r);
    server.push(Call::RecvFrom {
        bufsize: RECV_BUFSIZE,
    });
    if p.server_think_ms > 0 {
        server.push(Call::Sleep {
            us: p.server_think_ms.saturating_mul(1000),
        });
    }
    server.push(Call::SendTo {
        data: p.server_payload.clone(),
        to: None,
    });
    server.push(Call::Close);
    scripts(client, server)
}
