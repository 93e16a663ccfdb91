//! Build-time writer of the strings files (run by `scripts/bundles.mjs`, Trunk's
//! post-build hook): for every bundle and language, the text of the bundle's tables in
//! their key order, with the header the wasm checks (`wirewalk::i18n::strings`).
//!
//! `cargo run --example strings -- OUT_DIR` writes `OUT_DIR/<bundle>-<lang>.txt` for
//! every scene bundle and the full one (the one-file build's).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use wirewalk::bundle::{FULL, SCENE_BUNDLES};
    use wirewalk::i18n::{strings, Lang, SHELL_TABLES};

    pub fn main() -> ExitCode {
        let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
            eprintln!("usage: strings OUT_DIR");
            return ExitCode::from(2);
        };
        for bundle in SCENE_BUNDLES.iter().copied().chain([&FULL]) {
            let tables = SHELL_TABLES.iter().chain(bundle.tables).map(|(_, t)| *t);
            for lang in Lang::ALL {
                let text = match strings::write(lang, tables.clone()) {
                    Ok(text) => text,
                    Err(why) => {
                        eprintln!("strings: {}: {why}", bundle.name);
                        return ExitCode::FAILURE;
                    }
                };
                let path = dir.join(format!("{}-{}.txt", bundle.name, lang.code()));
                if let Err(e) = std::fs::write(&path, text) {
                    eprintln!("strings: {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
            }
        }
        ExitCode::SUCCESS
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// Nothing to write inside the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
