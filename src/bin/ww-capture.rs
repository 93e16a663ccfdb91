//! The page with only the capture scene (see `wirewalk::bundle`); built by the release
//! build's post-build hook, loaded by the inline loader for `#/capture`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wirewalk::start_bundle(&wirewalk::bundle::CAPTURE);
}
