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

/// Starts a part of a bundle (a wasm loaded on demand, `src/bin/wwp-*.rs`): its tables
/// and the panic overlay; the part mounts what it is asked to show.
#[cfg(target_arch = "wasm32")]
pub fn start_part(part: &'static bundle::Bundle) {
    part.register();
    platform::install_panic_hook();
    let (search, hash) = platform::location();
    let initial = state::AppState::from_url(&search, &hash, &platform::environment());
    platform::set_panic_text(app::panic_text(initial.lang));
}

/// Registers `bundle`, reads the URL and the browser, installs the panic overlay, waits
/// for the strings file of the page's language (fetched by the page's loader alongside
/// the wasm, [`i18n::strings`]) and mounts the app; the pre-painted page shows meanwhile.
/// A file that cannot be loaded or does not match is shown in the error box, in the
/// page's language (its words are resident).
#[cfg(target_arch = "wasm32")]
pub fn start_bundle(bundle: &'static bundle::Bundle) {
    bundle.register();
    platform::set_panic_text(app::panic_text(i18n::Lang::default()));
    platform::install_panic_hook();
    platform::install_data_styles();
    let (search, hash) = platform::location();
    let initial = state::AppState::from_url(&search, &hash, &platform::environment());
    let lang = initial.lang;
    platform::set_panic_text(app::panic_text(lang));
    wasm_bindgen_futures::spawn_local(async move {
        match i18n::strings::load(lang).await {
            // The first render in a task of its own, after the one that compiled and
            // started the wasm: two shorter tasks instead of one long one.
            Ok(()) => platform::next_task(move || {
                if let Some(host) = platform::app_host() {
                    let props = app::ShellProps { initial };
                    yew::Renderer::<app::Shell>::with_root_and_props(host, props).render();
                }
            }),
            Err(e) => platform::show_error(
                i18n::t(lang, "strings.error.title"),
                &e.message(lang),
                &format!("{e:?}"),
            ),
        }
    });
}
