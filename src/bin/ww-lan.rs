//! The page with only the lan scene (see `wirewalk::bundle`); built by the release
//! build's post-build hook, loaded by the inline loader for `#/lan`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wirewalk::start_bundle(&wirewalk::bundle::LAN);
}
