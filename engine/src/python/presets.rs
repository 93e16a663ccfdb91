//! The course's example programs, offered by the playground's editor. Each runs on the
//! TCP scene's network (client 192.168.1.10, server 192.168.1.20, port 8080) and stays
//! inside the subset (a test compiles and runs every one).

use serde::{Deserialize, Serialize};

use crate::wire::role::named_enum;

/// Which example; its title's i18n key is [`PresetId::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetId {
    /// One request, one reply, close.
    OneRequest,
    /// The server echoes every message until the client closes.
    EchoLoop,
    /// Two quick sends, one recv: message boundaries are not kept (粘包).
    StickyPackets,
    /// A UDP request and its answer: no connection.
    Udp,
}

named_enum!(PresetId {
    OneRequest => "program.preset.one_request",
    EchoLoop => "program.preset.echo_loop",
    StickyPackets => "program.preset.sticky_packets",
    Udp => "program.preset.udp",
});

/// An example: both programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Preset {
    /// Which one.
    pub id: PresetId,
    /// `client.py`.
    pub client: &'static str,
    /// `server.py`.
    pub server: &'static str,
}

impl Preset {
    /// The preset with this id.
    pub fn get(id: PresetId) -> Preset {
        PRESETS
            .iter()
            .copied()
            .find(|p| p.id == id)
            .unwrap_or(PRESETS[0])
    }
}

/// Every example, in the order the editor offers them.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: PresetId::OneRequest,
        client: "\
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(('192.168.1.20', 8080))
client.sendall(b'hello')
reply = client.recv(1024)
print('reply:', reply)
client.close()
",
        server: "\
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('192.168.1.20', 8080))
server.listen(1)
conn, addr = server.accept()
print('connected by', addr)
data = conn.recv(1024)
print('received:', data)
conn.sendall(data.upper())
conn.close()
server.close()
",
    },
    Preset {
        id: PresetId::EchoLoop,
        client: "\
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect(('192.168.1.20', 8080))
    for word in ['one', 'two', 'three']:
        s.sendall(word.encode())
        data = s.recv(1024)
        print(f'sent {word}, got {data.decode()}')
print('done')
",
        server: "\
import socket

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(('192.168.1.20', 8080))
    s.listen(1)
    conn, addr = s.accept()
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data)
print('client closed the connection')
",
    },
    Preset {
        id: PresetId::StickyPackets,
        client: "\
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(('192.168.1.20', 8080))
client.send(b'one')
client.send(b'two')
client.close()
",
        server: "\
import socket
import time

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('192.168.1.20', 8080))
server.listen(1)
conn, addr = server.accept()
time.sleep(1)
data = conn.recv(1024)
print('one recv returned', data)
conn.close()
server.close()
",
    },
    Preset {
        id: PresetId::Udp,
        client: "\
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.sendto(b'hello', ('192.168.1.20', 8080))
data, addr = client.recvfrom(1024)
print('reply from', addr, data)
client.close()
",
        server: "\
import socket

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(('192.168.1.20', 8080))
data, addr = server.recvfrom(1024)
print('datagram from', addr, data)
server.sendto(data.upper(), addr)
server.close()
",
    },
];
