//! The addresses scene (being built: shows its introduction and plan for now).

use super::{PageProps, Scene, SceneView};
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &[];

/// The addresses scene.
#[function_component(AddressesScene)]
pub fn addresses_scene(props: &PageProps) -> Html {
    html! { <SceneView scene={Scene::Addresses} lang={props.lang} /> }
}
