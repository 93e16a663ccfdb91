/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/wirewalk_engine-049ce452b3e1b630.d: /work/wt-codec/engine/src/lib.rs /work/wt-codec/engine/src/capture/mod.rs /work/wt-codec/engine/src/capture/file.rs /work/wt-codec/engine/src/capture/infer.rs /work/wt-codec/engine/src/job.rs /work/wt-codec/engine/src/job/codec.rs /work/wt-codec/engine/src/json.rs /work/wt-codec/engine/src/narrate.rs /work/wt-codec/engine/src/net/mod.rs /work/wt-codec/engine/src/net/app.rs /work/wt-codec/engine/src/net/device.rs /work/wt-codec/engine/src/net/host.rs /work/wt-codec/engine/src/net/link.rs /work/wt-codec/engine/src/net/rng.rs /work/wt-codec/engine/src/net/router.rs /work/wt-codec/engine/src/net/switch.rs /work/wt-codec/engine/src/pcap.rs /work/wt-codec/engine/src/program/mod.rs /work/wt-codec/engine/src/program/python.rs /work/wt-codec/engine/src/program/runner.rs /work/wt-codec/engine/src/python/mod.rs /work/wt-codec/engine/src/python/ast.rs /work/wt-codec/engine/src/python/builtins.rs /work/wt-codec/engine/src/python/compile.rs /work/wt-codec/engine/src/python/compile/expr.rs /work/wt-codec/engine/src/python/lexer.rs /work/wt-codec/engine/src/python/ops.rs /work/wt-codec/engine/src/python/parser.rs /work/wt-codec/engine/src/python/parser/expr.rs /work/wt-codec/engine/src/python/presets.rs /work/wt-codec/engine/src/python/runner.rs /work/wt-codec/engine/src/python/socket.rs /work/wt-codec/engine/src/python/socket/dgram.rs /work/wt-codec/engine/src/python/socket/stream.rs /work/wt-codec/engine/src/python/value.rs /work/wt-codec/engine/src/python/vm.rs /work/wt-codec/engine/src/scenario/mod.rs /work/wt-codec/engine/src/scenario/error.rs /work/wt-codec/engine/src/scenario/parse.rs /work/wt-codec/engine/src/scenario/scripts.rs /work/wt-codec/engine/src/scenario/topology.rs /work/wt-codec/engine/src/scenario/validate.rs /work/wt-codec/engine/src/trace.rs /work/wt-codec/engine/src/wire/mod.rs /work/wt-codec/engine/src/wire/arp.rs /work/wt-codec/engine/src/wire/checksum.rs /work/wt-codec/engine/src/wire/conversation.rs /work/wt-codec/engine/src/wire/ethernet.rs /work/wt-codec/engine/src/wire/field_ids.rs /work/wt-codec/engine/src/wire/ipv4.rs /work/wt-codec/engine/src/wire/link.rs /work/wt-codec/engine/src/wire/physical.rs /work/wt-codec/engine/src/wire/role.rs /work/wt-codec/engine/src/wire/tcp.rs /work/wt-codec/engine/src/wire/udp.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libwirewalk_engine-049ce452b3e1b630.rlib: /work/wt-codec/engine/src/lib.rs /work/wt-codec/engine/src/capture/mod.rs /work/wt-codec/engine/src/capture/file.rs /work/wt-codec/engine/src/capture/infer.rs /work/wt-codec/engine/src/job.rs /work/wt-codec/engine/src/job/codec.rs /work/wt-codec/engine/src/json.rs /work/wt-codec/engine/src/narrate.rs /work/wt-codec/engine/src/net/mod.rs /work/wt-codec/engine/src/net/app.rs /work/wt-codec/engine/src/net/device.rs /work/wt-codec/engine/src/net/host.rs /work/wt-codec/engine/src/net/link.rs /work/wt-codec/engine/src/net/rng.rs /work/wt-codec/engine/src/net/router.rs /work/wt-codec/engine/src/net/switch.rs /work/wt-codec/engine/src/pcap.rs /work/wt-codec/engine/src/program/mod.rs /work/wt-codec/engine/src/program/python.rs /work/wt-codec/engine/src/program/runner.rs /work/wt-codec/engine/src/python/mod.rs /work/wt-codec/engine/src/python/ast.rs /work/wt-codec/engine/src/python/builtins.rs /work/wt-codec/engine/src/python/compile.rs /work/wt-codec/engine/src/python/compile/expr.rs /work/wt-codec/engine/src/python/lexer.rs /work/wt-codec/engine/src/python/ops.rs /work/wt-codec/engine/src/python/parser.rs /work/wt-codec/engine/src/python/parser/expr.rs /work/wt-codec/engine/src/python/presets.rs /work/wt-codec/engine/src/python/runner.rs /work/wt-codec/engine/src/python/socket.rs /work/wt-codec/engine/src/python/socket/dgram.rs /work/wt-codec/engine/src/python/socket/stream.rs /work/wt-codec/engine/src/python/value.rs /work/wt-codec/engine/src/python/vm.rs /work/wt-codec/engine/src/scenario/mod.rs /work/wt-codec/engine/src/scenario/error.rs /work/wt-codec/engine/src/scenario/parse.rs /work/wt-codec/engine/src/scenario/scripts.rs /work/wt-codec/engine/src/scenario/topology.rs /work/wt-codec/engine/src/scenario/validate.rs /work/wt-codec/engine/src/trace.rs /work/wt-codec/engine/src/wire/mod.rs /work/wt-codec/engine/src/wire/arp.rs /work/wt-codec/engine/src/wire/checksum.rs /work/wt-codec/engine/src/wire/conversation.rs /work/wt-codec/engine/src/wire/ethernet.rs /work/wt-codec/engine/src/wire/field_ids.rs /work/wt-codec/engine/src/wire/ipv4.rs /work/wt-codec/engine/src/wire/link.rs /work/wt-codec/engine/src/wire/physical.rs /work/wt-codec/engine/src/wire/role.rs /work/wt-codec/engine/src/wire/tcp.rs /work/wt-codec/engine/src/wire/udp.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libwirewalk_engine-049ce452b3e1b630.rmeta: /work/wt-codec/engine/src/lib.rs /work/wt-codec/engine/src/capture/mod.rs /work/wt-codec/engine/src/capture/file.rs /work/wt-codec/engine/src/capture/infer.rs /work/wt-codec/engine/src/job.rs /work/wt-codec/engine/src/job/codec.rs /work/wt-codec/engine/src/json.rs /work/wt-codec/engine/src/narrate.rs /work/wt-codec/engine/src/net/mod.rs /work/wt-codec/engine/src/net/app.rs /work/wt-codec/engine/src/net/device.rs /work/wt-codec/engine/src/net/host.rs /work/wt-codec/engine/src/net/link.rs /work/wt-codec/engine/src/net/rng.rs /work/wt-codec/engine/src/net/router.rs /work/wt-codec/engine/src/net/switch.rs /work/wt-codec/engine/src/pcap.rs /work/wt-codec/engine/src/program/mod.rs /work/wt-codec/engine/src/program/python.rs /work/wt-codec/engine/src/program/runner.rs /work/wt-codec/engine/src/python/mod.rs /work/wt-codec/engine/src/python/ast.rs /work/wt-codec/engine/src/python/builtins.rs /work/wt-codec/engine/src/python/compile.rs /work/wt-codec/engine/src/python/compile/expr.rs /work/wt-codec/engine/src/python/lexer.rs /work/wt-codec/engine/src/python/ops.rs /work/wt-codec/engine/src/python/parser.rs /work/wt-codec/engine/src/python/parser/expr.rs /work/wt-codec/engine/src/python/presets.rs /work/wt-codec/engine/src/python/runner.rs /work/wt-codec/engine/src/python/socket.rs /work/wt-codec/engine/src/python/socket/dgram.rs /work/wt-codec/engine/src/python/socket/stream.rs /work/wt-codec/engine/src/python/value.rs /work/wt-codec/engine/src/python/vm.rs /work/wt-codec/engine/src/scenario/mod.rs /work/wt-codec/engine/src/scenario/error.rs /work/wt-codec/engine/src/scenario/parse.rs /work/wt-codec/engine/src/scenario/scripts.rs /work/wt-codec/engine/src/scenario/topology.rs /work/wt-codec/engine/src/scenario/validate.rs /work/wt-codec/engine/src/trace.rs /work/wt-codec/engine/src/wire/mod.rs /work/wt-codec/engine/src/wire/arp.rs /work/wt-codec/engine/src/wire/checksum.rs /work/wt-codec/engine/src/wire/conversation.rs /work/wt-codec/engine/src/wire/ethernet.rs /work/wt-codec/engine/src/wire/field_ids.rs /work/wt-codec/engine/src/wire/ipv4.rs /work/wt-codec/engine/src/wire/link.rs /work/wt-codec/engine/src/wire/physical.rs /work/wt-codec/engine/src/wire/role.rs /work/wt-codec/engine/src/wire/tcp.rs /work/wt-codec/engine/src/wire/udp.rs

/work/wt-codec/engine/src/lib.rs:
/work/wt-codec/engine/src/capture/mod.rs:
/work/wt-codec/engine/src/capture/file.rs:
/work/wt-codec/engine/src/capture/infer.rs:
/work/wt-codec/engine/src/job.rs:
/work/wt-codec/engine/src/job/codec.rs:
/work/wt-codec/engine/src/json.rs:
/work/wt-codec/engine/src/narrate.rs:
/work/wt-codec/engine/src/net/mod.rs:
/work/wt-codec/engine/src/net/app.rs:
/work/wt-codec/engine/src/net/device.rs:
/work/wt-codec/engine/src/net/host.rs:
/work/wt-codec/engine/src/net/link.rs:
/work/wt-codec/engine/src/net/rng.rs:
/work/wt-codec/engine/src/net/router.rs:
/work/wt-codec/engine/src/net/switch.rs:
/work/wt-codec/engine/src/pcap.rs:
/work/wt-codec/engine/src/program/mod.rs:
/work/wt-codec/engine/src/program/python.rs:
/work/wt-codec/engine/src/program/runner.rs:
/work/wt-codec/engine/src/python/mod.rs:
/work/wt-codec/engine/src/python/ast.rs:
/work/wt-codec/engine/src/python/builtins.rs:
/work/wt-codec/engine/src/python/compile.rs:
/work/wt-codec/engine/src/python/compile/expr.rs:
/work/wt-codec/engine/src/python/lexer.rs:
/work/wt-codec/engine/src/python/ops.rs:
/work/wt-codec/engine/src/python/parser.rs:
/work/wt-codec/engine/src/python/parser/expr.rs:
/work/wt-codec/engine/src/python/presets.rs:
/work/wt-codec/engine/src/python/runner.rs:
/work/wt-codec/engine/src/python/socket.rs:
/work/wt-codec/engine/src/python/socket/dgram.rs:
/work/wt-codec/engine/src/python/socket/stream.rs:
/work/wt-codec/engine/src/python/value.rs:
/work/wt-codec/engine/src/python/vm.rs:
/work/wt-codec/engine/src/scenario/mod.rs:
/work/wt-codec/engine/src/scenario/error.rs:
/work/wt-codec/engine/src/scenario/parse.rs:
/work/wt-codec/engine/src/scenario/scripts.rs:
/work/wt-codec/engine/src/scenario/topology.rs:
/work/wt-codec/engine/src/scenario/validate.rs:
/work/wt-codec/engine/src/trace.rs:
/work/wt-codec/engine/src/wire/mod.rs:
/work/wt-codec/engine/src/wire/arp.rs:
/work/wt-codec/engine/src/wire/checksum.rs:
/work/wt-codec/engine/src/wire/conversation.rs:
/work/wt-codec/engine/src/wire/ethernet.rs:
/work/wt-codec/engine/src/wire/field_ids.rs:
/work/wt-codec/engine/src/wire/ipv4.rs:
/work/wt-codec/engine/src/wire/link.rs:
/work/wt-codec/engine/src/wire/physical.rs:
/work/wt-codec/engine/src/wire/role.rs:
/work/wt-codec/engine/src/wire/tcp.rs:
/work/wt-codec/engine/src/wire/udp.rs:

# env-dep:CARGO_PKG_VERSION=0.1.0
