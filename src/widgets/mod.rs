//! Shared pieces of the scenes: ladder (sequence) diagram, code pane, frame inspector.

pub mod bitstrip;
pub mod code;
pub mod inspector;
pub mod ladder;
pub mod state_diagram;
