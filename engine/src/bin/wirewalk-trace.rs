//! `wirewalk-trace`: compute a catalogue scenario and write pcap + JSON (in progress).
fn main() {}
