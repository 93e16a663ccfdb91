/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/serde-a9be0fabbee7489d.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/integer128.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/de.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/ser.rs /work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/build/serde-38b1bbfa5f7d82db/out/private.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libserde-a9be0fabbee7489d.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/integer128.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/de.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/ser.rs /work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/build/serde-38b1bbfa5f7d82db/out/private.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libserde-a9be0fabbee7489d.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/integer128.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/de.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/ser.rs /work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/build/serde-38b1bbfa5f7d82db/out/private.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/integer128.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/mod.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/de.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.229/src/private/ser.rs:
/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/build/serde-38b1bbfa5f7d82db/out/private.rs:

# env-dep:OUT_DIR=/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/build/serde-38b1bbfa5f7d82db/out
