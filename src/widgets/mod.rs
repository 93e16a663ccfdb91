//! Shared pieces of the scenes. They read the engine's trace and frames and know no
//! scene: a scene passes them plain values and callbacks.
//!
//! - [`bitstrip`]: a field's bits, with its mask, under the inspector;
//! - [`code`]: the client's and server's socket programs, the current line marked;
//! - [`editor`]: the same program, editable (the socket playground), errors at their lines;
//! - [`frame_list`]: the frames sent so far as a table, the drawings' text alternative;
//! - [`frame_bytes`]: pure readings of frame bytes (field at a byte, bits, MAC, checksum);
//! - [`frame_text`]: one frame's label, payload text and retransmission timeout;
//! - [`inspector`]: hex dump and field tree of one frame, highlighted both ways;
//! - [`inspector_part`]: the inspector linked in, or loaded on demand as a wasm of its own;
//! - [`ladder`]: the sequence diagram of a two-host exchange;
//! - [`later`]: the lower part of a long page, mounted in a task after the first;
//! - [`num`]: numbers as text without the float formatter (coordinates, fixed-point figures);
//! - [`narrow`]: whether the page is phone-narrow (drawings that re-lay themselves out);
//! - [`state_diagram`]: the TCP state machine with the current states marked.

pub mod bitstrip;
pub mod code;
pub mod editor;
pub mod frame_bytes;
pub mod frame_list;
pub mod frame_text;
pub mod inspector;
pub mod inspector_part;
pub mod ladder;
pub mod later;
pub mod narrow;
pub mod num;
pub mod state_diagram;

use yew::prelude::*;

/// An address (IPv6, MAC) that a narrow line may break only after a colon, never inside a
/// group ("0370:7/334" or "02:00:00:/00:00:0a" on a phone).
pub fn break_after_colons(addr: &str) -> Html {
    let groups: Vec<&str> = addr.split(':').collect();
    let last = groups.len().saturating_sub(1);
    html! {
        <>{ for groups.iter().enumerate().map(|(i, g)| html! {
            <>{ *g }if i < last { { ":" }<wbr /> }</>
        }) }</>
    }
}
