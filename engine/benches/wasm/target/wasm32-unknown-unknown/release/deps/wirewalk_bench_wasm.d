/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/wirewalk_bench_wasm.d: src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/wirewalk_bench_wasm.wasm: src/lib.rs

src/lib.rs:
