//! The course's scenes: their identities (slug, titles, URL keys), the props and requests
//! every scene page shares, and one module per scene (its page and its `model`).
//!
//! Scenes never import each other; what two scenes share lives in [`params`] (scene
//! parameters through the engine) or lower, in `widgets`, `player` or the engine.

pub mod addresses;
pub mod architecture;
pub mod capture;
pub mod encapsulation;
pub mod lan;
pub mod layers;
pub mod params;
pub mod predict;
pub mod tcp;

use crate::i18n::{t, Lang};
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::OnceLock;
use yew::prelude::*;

/// A scene of the course, in the course's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scene {
    /// C/S vs B/S.
    #[default]
    Architecture,
    /// OSI 7 / TCP/IP 5 layers.
    Layers,
    /// Port → IP → MAC → bits, wrapped and unwrapped.
    Encapsulation,
    /// Switch, broadcast, storm, router.
    Lan,
    /// Handshake, data, loss, teardown.
    Tcp,
    /// IPv4, MAC, ports.
    Addresses,
    /// The student's own capture file.
    Capture,
}

impl Scene {
    /// Every scene, in navigation order.
    pub const ALL: [Scene; 7] = [
        Scene::Architecture,
        Scene::Layers,
        Scene::Encapsulation,
        Scene::Lan,
        Scene::Tcp,
        Scene::Addresses,
        Scene::Capture,
    ];

    /// The URL slug (`#/tcp`).
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Scene::Architecture => "architecture",
            Scene::Layers => "layers",
            Scene::Encapsulation => "encapsulation",
            Scene::Lan => "lan",
            Scene::Tcp => "tcp",
            Scene::Addresses => "addresses",
            Scene::Capture => "capture",
        }
    }

    /// The scene for a slug (case-insensitive).
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<Scene> {
        Scene::ALL
            .into_iter()
            .find(|s| s.slug().eq_ignore_ascii_case(slug))
    }

    /// The i18n keys of the scene's navigation label and full title.
    fn keys(self) -> [&'static str; 2] {
        match self {
            Scene::Architecture => ["scene.architecture.nav", "scene.architecture.title"],
            Scene::Layers => ["scene.layers.nav", "scene.layers.title"],
            Scene::Encapsulation => ["scene.encapsulation.nav", "scene.encapsulation.title"],
            Scene::Lan => ["scene.lan.nav", "scene.lan.title"],
            Scene::Tcp => ["scene.tcp.nav", "scene.tcp.title"],
            Scene::Addresses => ["scene.addresses.nav", "scene.addresses.title"],
            Scene::Capture => ["scene.capture.nav", "scene.capture.title"],
        }
    }

    /// Short label for the navigation bar.
    #[must_use]
    pub fn nav_label(self, lang: Lang) -> &'static str {
        t(lang, self.keys()[0])
    }

    /// The URL keys this scene reads (besides `step`, `from`, `to` and the engine's
    /// scenario keys, which every scene may use).
    #[must_use]
    pub fn param_keys(self) -> &'static [&'static str] {
        match self {
            Scene::Architecture => architecture::PARAM_KEYS,
            Scene::Layers => layers::PARAM_KEYS,
            Scene::Encapsulation => encapsulation::PARAM_KEYS,
            Scene::Lan => lan::PARAM_KEYS,
            Scene::Tcp => tcp::PARAM_KEYS,
            Scene::Addresses => addresses::PARAM_KEYS,
            Scene::Capture => capture::PARAM_KEYS,
        }
    }

    /// Full title (heading, document title).
    #[must_use]
    pub fn title(self, lang: Lang) -> &'static str {
        t(lang, self.keys()[1])
    }
}

/// What a scene page may ask of the app: move its player, or change one of its URL
/// parameters. The app turns these into its own actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageAction {
    /// Move the player (`None`: back to the scene's default step).
    SetStep(Option<usize>),
    /// Set (`Some`) or clear (`None`) one scene parameter; the step is kept (the scene
    /// clamps it to the new trace).
    SetParam(String, Option<String>),
    /// Turn predict mode on or off.
    SetPredict(bool),
    /// The seed that orders predict mode's choices (`None`: the default).
    SetSeed(Option<u64>),
}

/// Props every scene page gets: plain values and a callback for its requests.
#[derive(Clone, PartialEq, Properties)]
pub struct PageProps {
    /// Display language.
    pub lang: Lang,
    /// Player step from the URL.
    pub step: Option<usize>,
    /// Embed step range start.
    pub from: Option<usize>,
    /// Embed step range end.
    pub to: Option<usize>,
    /// Embed mode: no controls, only the scene.
    pub embed: bool,
    /// Predict mode (`predict=1`): the scene asks before chosen steps.
    pub predict: bool,
    /// `seed=`: the order of predict mode's choices.
    pub seed: Option<u64>,
    /// Scene parameters from the URL (as typed; the scene validates them).
    pub params: Rc<BTreeMap<String, String>>,
    /// Sends the page's requests to the app.
    pub dispatch: Callback<PageAction>,
}

/// A scene's page, as a plain function (what a bundle lists, [`crate::bundle`]).
pub type PageFn = fn(PageProps) -> Html;

fn architecture_page(p: PageProps) -> Html {
    html! { <architecture::ArchitectureScene ..p /> }
}
fn layers_page(p: PageProps) -> Html {
    html! { <layers::LayersScene ..p /> }
}
fn encapsulation_page(p: PageProps) -> Html {
    html! { <encapsulation::EncapsulationScene ..p /> }
}
fn lan_page(p: PageProps) -> Html {
    html! { <lan::LanScene ..p /> }
}
fn tcp_page(p: PageProps) -> Html {
    html! { <tcp::TcpScene ..p /> }
}
fn addresses_page(p: PageProps) -> Html {
    html! { <addresses::AddressesScene ..p /> }
}
fn capture_page(p: PageProps) -> Html {
    html! { <capture::CaptureScene ..p /> }
}

/// Each scene's page, in [`Scene::ALL`] order. Only what a bin names is linked into its
/// wasm, so a one-scene bundle lists one of these ([`crate::bundle`]).
pub static PAGES: [(Scene, PageFn); 7] = [
    (Scene::Architecture, architecture_page),
    (Scene::Layers, layers_page),
    (Scene::Encapsulation, encapsulation_page),
    (Scene::Lan, lan_page),
    (Scene::Tcp, tcp_page),
    (Scene::Addresses, addresses_page),
    (Scene::Capture, capture_page),
];

static REGISTERED: OnceLock<&'static [(Scene, PageFn)]> = OnceLock::new();

/// Makes `pages` the scenes this page can show (the running bundle's); the first call
/// wins. Natively, and in a test that registers nothing, every scene is there in the
/// native build and none in the browser (so no bin links scenes it did not ask for).
pub fn register_pages(pages: &'static [(Scene, PageFn)]) {
    let _first = REGISTERED.set(pages);
}

fn pages() -> &'static [(Scene, PageFn)] {
    #[cfg(not(target_arch = "wasm32"))]
    let unregistered: &'static [(Scene, PageFn)] = &PAGES;
    #[cfg(target_arch = "wasm32")]
    let unregistered: &'static [(Scene, PageFn)] = &[];
    REGISTERED.get().copied().unwrap_or(unregistered)
}

/// Whether this page can show `scene` (else the app reloads the page for its bundle).
#[must_use]
pub fn has_page(scene: Scene) -> bool {
    pages().iter().any(|(s, _)| *s == scene)
}

/// The page of `scene`. A scene this page's bundle lacks shows a short loading line:
/// the app reloads the page at the new URL, and the loader picks that scene's bundle.
pub fn page(scene: Scene, props: PageProps) -> Html {
    let lang = props.lang;
    match pages().iter().find(|(s, _)| *s == scene) {
        Some((_, page)) => page(props),
        None => html! { <p class="ww-loading" role="status">{ t(lang, "app.loading") }</p> },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for s in Scene::ALL {
            assert_eq!(Scene::from_slug(s.slug()), Some(s));
            assert_eq!(Scene::from_slug(&s.slug().to_uppercase()), Some(s));
        }
        let mut slugs: Vec<_> = Scene::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Scene::ALL.len());
        assert_eq!(Scene::from_slug("nope"), None);
    }

    #[test]
    fn every_scene_has_its_page_in_order_and_natively_all_are_there() {
        let scenes: Vec<_> = PAGES.iter().map(|(s, _)| *s).collect();
        assert_eq!(scenes, Scene::ALL);
        assert!(Scene::ALL.into_iter().all(has_page));
    }
}
