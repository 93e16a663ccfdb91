//! The architecture scene (being built: shows its introduction and plan for now).

use super::{PageProps, Scene, SceneView};
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &[];

/// The architecture scene.
#[function_component(ArchitectureScene)]
pub fn architecture_scene(props: &PageProps) -> Html {
    html! { <SceneView scene={Scene::Architecture} lang={props.lang} /> }
}
