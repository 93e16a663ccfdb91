/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/byteorder-fd42ef7d3caa4bb6.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/byteorder-1.5.0/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libbyteorder-fd42ef7d3caa4bb6.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/byteorder-1.5.0/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libbyteorder-fd42ef7d3caa4bb6.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/byteorder-1.5.0/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/byteorder-1.5.0/src/lib.rs:
