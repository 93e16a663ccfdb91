//! The page with only the tcp scene (see `wirewalk::bundle`); built by the release
//! build's post-build hook, loaded by the inline loader for `#/tcp`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wirewalk::start_bundle(&wirewalk::bundle::TCP);
}
