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

/// The page of `scene`.
pub fn page(scene: Scene, props: PageProps) -> Html {
    match scene {
        Scene::Architecture => html! { <architecture::ArchitectureScene ..props /> },
        Scene::Layers => html! { <layers::LayersScene ..props /> },
        Scene::Encapsulation => html! { <encapsulation::EncapsulationScene ..props /> },
        Scene::Lan => html! { <lan::LanScene ..props /> },
        Scene::Tcp => html! { <tcp::TcpScene ..props /> },
        Scene::Addresses => html! { <addresses::AddressesScene ..props /> },
        Scene::Capture => html! { <capture::CaptureScene ..props /> },
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
}
