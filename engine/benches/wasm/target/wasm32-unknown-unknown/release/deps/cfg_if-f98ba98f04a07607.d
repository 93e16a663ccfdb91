/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/cfg_if-f98ba98f04a07607.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libcfg_if-f98ba98f04a07607.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libcfg_if-f98ba98f04a07607.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/cfg-if-1.0.5/src/lib.rs:
