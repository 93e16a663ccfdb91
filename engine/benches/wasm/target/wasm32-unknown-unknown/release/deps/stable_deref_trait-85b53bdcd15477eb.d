/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/stable_deref_trait-85b53bdcd15477eb.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/stable_deref_trait-1.2.1/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libstable_deref_trait-85b53bdcd15477eb.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/stable_deref_trait-1.2.1/src/lib.rs

/work/wt-codec/engine/benches/wasm/target/wasm32-unknown-unknown/release/deps/libstable_deref_trait-85b53bdcd15477eb.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/stable_deref_trait-1.2.1/src/lib.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/stable_deref_trait-1.2.1/src/lib.rs:
