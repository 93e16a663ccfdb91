//! Wirewalk, the app: a Yew single-page app over the `wirewalk-engine` crate.
//!
//! `main.rs` mounts [`app::Shell`] with the state read from the URL; everything below
//! it is a pure view of [`state::AppState`] and can be rendered natively in tests.

pub mod app;
pub mod bundle;
pub mod i18n;
pub mod platform;
pub mod player;
#[cfg(not(target_arch = "wasm32"))]
pub mod prepaint;
pub mod route;
pub mod scenes;
pub mod state;
pub mod tools;
pub mod widgets;

/// Mounts the full app (every scene): the one-file build.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    start_bundle(&bundle::FULL);
}

/// Registers `bundle`, reads the URL and the browser, installs the panic overlay and
/// mounts the app.
#[cfg(target_arch = "wasm32")]
pub fn start_bundle(bundle: &'static bundle::Bundle) {
    bundle.register();
    platform::set_panic_text(app::panic_text(i18n::Lang::default()));
    platform::install_panic_hook();
    platform::install_data_styles();
    let (search, hash) = platform::location();
    let initial = state::AppState::from_url(&search, &hash, &platform::environment());
    platform::set_panic_text(app::panic_text(initial.lang));
    yew::Renderer::<app::Shell>::with_props(app::ShellProps { initial }).render();
}
