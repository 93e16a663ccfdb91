//! Bundles: which scenes (and which of their i18n tables) one build of the page holds.
//!
//! The release build makes one wasm per scene (`src/bin/ww-<scene>.rs`, built by
//! `scripts/bundles.mjs`) plus the full one (`src/main.rs`, every scene: the one-file
//! build). Each bin starts its bundle ([`crate::start_bundle`]), which registers the
//! bundle's pages ([`scenes::register_pages`]) and scene tables
//! ([`i18n::register_scene_tables`]); only the bin names its bundle, so the linker drops
//! every other scene's view and words from that wasm. The shell's tables are in every
//! bundle. Natively (tests, the server-side renderer, the build's pre-render) nothing is
//! registered and every scene and table is there.

use crate::i18n::{self, Msg};
use crate::scenes::{self, PageFn, Scene};
use crate::widgets::inspector_part::{self, InspectorFn};

/// One build of the page: its scenes' pages and the scene tables they need.
#[derive(Debug)]
pub struct Bundle {
    /// The bundle's name: the bin is `ww-<name>` and its files `ww-<name>-<hash>.*`.
    pub name: &'static str,
    /// The scenes it shows, each with its page.
    pub pages: &'static [(Scene, PageFn)],
    /// The scene tables its scenes ask for, with their file names (for test messages).
    pub tables: &'static [(&'static str, &'static [Msg])],
    /// How its scenes show the frame inspector where they may load it on demand
    /// ([`inspector_part`]; only the architecture scene does: [`inspector_part::none`] for
    /// bundles without it, so they do not link the inspector through this pointer).
    pub inspector: InspectorFn,
}

impl Bundle {
    /// Whether this bundle shows `scene`.
    #[must_use]
    pub fn has(&self, scene: Scene) -> bool {
        self.pages.iter().any(|(s, _)| *s == scene)
    }

    /// Makes this the page's bundle (the first registration wins).
    pub fn register(&'static self) {
        scenes::register_pages(self.pages);
        i18n::register_scene_tables(self.tables);
        inspector_part::register(self.inspector);
    }
}

const fn page(i: usize) -> (Scene, PageFn) {
    scenes::PAGES[i]
}

const T_ARCHITECTURE: (&str, &[Msg]) = ("architecture.rs", i18n::architecture::MESSAGES);
const T_LAYERS: (&str, &[Msg]) = ("layers.rs", i18n::layers::MESSAGES);
const T_ENCAPSULATION: (&str, &[Msg]) = ("encapsulation.rs", i18n::encapsulation::MESSAGES);
const T_LAN: (&str, &[Msg]) = ("lan.rs", i18n::lan::MESSAGES);
const T_ADDRESSES: (&str, &[Msg]) = ("addresses.rs", i18n::addresses::MESSAGES);
const T_PLAYGROUND: (&str, &[Msg]) = ("playground.rs", i18n::playground::MESSAGES);
const T_QUIZ: (&str, &[Msg]) = ("quiz.rs", i18n::quiz::MESSAGES);
const T_CAPTURE: (&str, &[Msg]) = ("capture_scene.rs", i18n::capture_scene::MESSAGES);
const T_TCP: (&str, &[Msg]) = ("tcp.rs", i18n::tcp::MESSAGES);
const T_NARRATION: (&str, &[Msg]) = ("narration.rs", i18n::narration::MESSAGES);

/// C/S vs B/S (the default scene).
pub static ARCHITECTURE: Bundle = Bundle {
    name: "architecture",
    pages: &[page(0)],
    tables: &[T_ARCHITECTURE],
    inspector: inspector_part::remote,
};
/// The layer models.
pub static LAYERS: Bundle = Bundle {
    name: "layers",
    pages: &[page(1)],
    tables: &[T_LAYERS],
    inspector: inspector_part::none,
};
/// Encapsulation (with predict mode).
pub static ENCAPSULATION: Bundle = Bundle {
    name: "encapsulation",
    pages: &[page(2)],
    tables: &[T_ENCAPSULATION, T_QUIZ],
    inspector: inspector_part::none,
};
/// Switch, broadcast, router (with predict mode).
pub static LAN: Bundle = Bundle {
    name: "lan",
    pages: &[page(3)],
    tables: &[T_LAN, T_QUIZ, T_NARRATION],
    inspector: inspector_part::none,
};
/// TCP, with the playground and predict mode.
pub static TCP: Bundle = Bundle {
    name: "tcp",
    pages: &[page(4)],
    tables: &[T_TCP, T_PLAYGROUND, T_QUIZ, T_NARRATION],
    inspector: inspector_part::none,
};
/// Addresses and ports.
pub static ADDRESSES: Bundle = Bundle {
    name: "addresses",
    pages: &[page(5)],
    tables: &[T_ADDRESSES],
    inspector: inspector_part::none,
};
/// The student's capture file.
pub static CAPTURE: Bundle = Bundle {
    name: "capture",
    pages: &[page(6)],
    tables: &[T_CAPTURE, T_NARRATION],
    inspector: inspector_part::none,
};

/// The architecture scene's inspector, a wasm of its own (`src/bin/wwp-inspector.rs`,
/// [`inspector_part`]): no page, the architecture bundle's tables (it reads that bundle's
/// strings file).
pub static INSPECTOR_PART: Bundle = Bundle {
    name: "inspector",
    pages: &[],
    tables: &[T_ARCHITECTURE],
    inspector: inspector_part::none,
};

/// Every scene and every table: the one-file build and the browser tests.
pub static FULL: Bundle = Bundle {
    name: "full",
    pages: &scenes::PAGES,
    tables: i18n::SCENE_TABLES,
    inspector: inspector_part::inline,
};

/// The one-scene bundles, in navigation order.
pub static SCENE_BUNDLES: [&Bundle; 7] = [
    &ARCHITECTURE,
    &LAYERS,
    &ENCAPSULATION,
    &LAN,
    &TCP,
    &ADDRESSES,
    &CAPTURE,
];

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
    use crate::i18n::{strings, Lang};

    #[test]
    fn the_inspector_part_reads_the_architecture_bundles_strings_file() {
        // The part asks the page for its language's strings file (`wwStrings`), which on
        // the architecture page is that bundle's: the keys must be the same.
        let names = |b: &Bundle| b.tables.iter().map(|(n, _)| *n).collect::<Vec<_>>();
        assert_eq!(names(&INSPECTOR_PART), names(&ARCHITECTURE));
        assert!(INSPECTOR_PART.pages.is_empty());
    }

    #[test]
    fn each_scene_is_in_exactly_one_scene_bundle_named_after_it() {
        for scene in Scene::ALL {
            let holders: Vec<_> = SCENE_BUNDLES
                .iter()
                .filter(|b| b.has(scene))
                .map(|b| b.name)
                .collect();
            assert_eq!(holders, vec![scene.slug()], "{scene:?}");
            assert!(FULL.has(scene), "{scene:?}");
        }
        for b in SCENE_BUNDLES {
            assert_eq!(b.pages.len(), 1, "{}", b.name);
        }
    }

    #[test]
    #[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
    fn the_full_bundle_has_every_scene_table_and_each_scene_table_is_in_some_bundle() {
        assert_eq!(FULL.tables.len(), i18n::SCENE_TABLES.len());
        for (name, _) in i18n::SCENE_TABLES {
            assert!(
                SCENE_BUNDLES
                    .iter()
                    .any(|b| b.tables.iter().any(|(n, _)| n == name)),
                "{name} is in no scene bundle"
            );
        }
        // Every table but the resident one (whose text every build keeps).
        let shell = i18n::SHELL_TABLES.len() + i18n::SCENE_TABLES.len();
        assert_eq!(shell + 1, i18n::TABLES.len());
    }

    /// A bundle's tables in its strings file's order (`i18n::bundle_tables` once registered).
    #[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
    fn tables(b: &'static Bundle) -> impl Iterator<Item = &'static [Msg]> + Clone {
        i18n::SHELL_TABLES.iter().chain(b.tables).map(|(_, t)| *t)
    }

    #[test]
    #[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
    fn a_written_file_reads_back_as_its_tables_text_in_key_order() {
        for b in SCENE_BUNDLES.iter().copied().chain([&FULL]) {
            for lang in Lang::ALL {
                let file = strings::write(lang, tables(b)).unwrap();
                let lines = strings::parse(lang, tables(b), &file).unwrap();
                let want: Vec<&str> = tables(b).flatten().map(|m| m.get(lang)).collect();
                assert_eq!(lines, want, "{} {lang:?}", b.name);
            }
        }
    }

    #[test]
    #[cfg(any(not(target_arch = "wasm32"), feature = "inline-text"))]
    fn another_bundle_language_or_a_damaged_file_is_a_mismatch() {
        let tcp = strings::write(Lang::En, tables(&TCP)).unwrap();
        let is_mismatch = |r: Result<Vec<&str>, strings::StringsError>| {
            matches!(r, Err(strings::StringsError::Mismatch { .. }))
        };
        assert!(is_mismatch(strings::parse(Lang::En, tables(&LAN), &tcp)));
        assert!(is_mismatch(strings::parse(Lang::Zh, tables(&TCP), &tcp)));
        let half: String = tcp.lines().take(50).map(|l| format!("{l}\n")).collect();
        assert!(is_mismatch(strings::parse(Lang::En, tables(&TCP), &half)));
        let extra = format!("{tcp}one more\n");
        assert!(is_mismatch(strings::parse(Lang::En, tables(&TCP), &extra)));
        assert!(is_mismatch(strings::parse(Lang::En, tables(&TCP), "")));
        assert!(is_mismatch(strings::parse(
            Lang::En,
            tables(&TCP),
            "<!doctype html>"
        )));
        // A renamed key changes the checksum, though the count is the same.
        assert_ne!(
            strings::checksum(["a.b", "c"]),
            strings::checksum(["a.c", "c"])
        );
        assert_ne!(
            strings::checksum(["ab", "c"]),
            strings::checksum(["a", "bc"])
        );
    }
}
