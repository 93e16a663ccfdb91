//! The encapsulation scene (being built: shows its introduction and plan for now).

use super::{PageProps, Scene, SceneView};
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &[];

/// The encapsulation scene.
#[function_component(EncapsulationScene)]
pub fn encapsulation_scene(props: &PageProps) -> Html {
    html! { <SceneView scene={Scene::Encapsulation} lang={props.lang} /> }
}
