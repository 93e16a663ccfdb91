/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/bitflags-43a73461fbbfee33.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libbitflags-43a73461fbbfee33.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libbitflags-43a73461fbbfee33.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/bitflags-1.3.2/src/lib.rs:
