//! Entry point: on wasm32 mount the app; natively there is nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wirewalk::start();
}
