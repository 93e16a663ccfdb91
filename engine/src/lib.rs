//! Wirewalk engine: everything the app shows is computed here.
//!
//! A [`scenario::Scenario`] (plain serde data) goes in, a whole [`trace::Trace`]
//! comes out. Hosts run the real smoltcp TCP/IP stack inside a discrete-event
//! network (`net`); every frame is annotated field by field (`wire`) and can be
//! exported as pcap (`pcap`). This crate knows no screen: it depends on no yew,
//! web-sys, js-sys or gloo, builds and tests natively, and compiles to wasm32.

pub mod net;
pub mod pcap;
pub mod scenario;
pub mod socket;
pub mod trace;
pub mod wire;

/// The engine's version, shown in the app's about box.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
