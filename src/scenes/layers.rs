//! The layers scene (being built: shows its introduction and plan for now).

use super::{PageProps, Scene, SceneView};
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &[];

/// The layers scene.
#[function_component(LayersScene)]
pub fn layers_scene(props: &PageProps) -> Html {
    html! { <SceneView scene={Scene::Layers} lang={props.lang} /> }
}
