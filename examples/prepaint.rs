//! Build-time pre-render of the first paint (run by `scripts/prepaint.mjs`, Trunk's
//! post-build hook): for every language and scene, the shell's header and the scene's
//! opening (title and intro) as rendered by the real components through Yew's
//! server-side renderer, so the page shows them before any WebAssembly arrives.
//!
//! `cargo run --example prepaint -- OUT_DIR` writes `OUT_DIR/{lang}-header.html` and
//! `OUT_DIR/{lang}-{scene}.html`, and the default scene's slug in `default-scene.txt`.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use wirewalk::app::{Shell, ShellProps};
    use wirewalk::i18n::Lang;
    use wirewalk::platform::Environment;
    use wirewalk::prepaint::{header_of, scene_main_of, scene_opening_of};
    use wirewalk::scenes::Scene;
    use wirewalk::state::AppState;
    use yew::LocalServerRenderer;

    /// Scenes whose default page (no parameters, not embedded) is pre-rendered whole, so
    /// its drawing shows before any WebAssembly: the TCP ladder, the course's centrepiece.
    /// Each is a file of its own per language (about 4 KB brotli), which the pre-paint
    /// picker fetches on that route only (scripts/prepaint.mjs).
    const FULL: &[Scene] = &[Scene::Tcp];

    #[tokio::main(flavor = "current_thread")]
    pub async fn main() -> ExitCode {
        let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
            eprintln!("usage: prepaint OUT_DIR");
            return ExitCode::from(2);
        };
        for lang in Lang::ALL {
            for scene in Scene::ALL {
                let hash = format!("#/{}?lang={}", scene.slug(), lang.code());
                let initial = AppState::from_url("", &hash, &Environment::default());
                let html = LocalServerRenderer::<Shell>::with_props(ShellProps { initial })
                    .render()
                    .await;
                let mut pieces = vec![
                    (format!("{}-header.html", lang.code()), header_of(&html)),
                    (
                        format!("{}-{}.html", lang.code(), scene.slug()),
                        scene_opening_of(&html),
                    ),
                ];
                if FULL.contains(&scene) {
                    pieces.push((
                        format!("{}-{}-full.html", lang.code(), scene.slug()),
                        scene_main_of(&html),
                    ));
                }
                for (name, piece) in pieces {
                    let Some(piece) = piece else {
                        eprintln!("prepaint: {name}: the rendered page lacks the expected markup");
                        return ExitCode::FAILURE;
                    };
                    if let Err(e) = std::fs::write(dir.join(&name), piece) {
                        eprintln!("prepaint: {name}: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
        if let Err(e) = std::fs::write(dir.join("default-scene.txt"), Scene::default().slug()) {
            eprintln!("prepaint: default-scene.txt: {e}");
            return ExitCode::FAILURE;
        }
        ExitCode::SUCCESS
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// Nothing to pre-render inside the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
