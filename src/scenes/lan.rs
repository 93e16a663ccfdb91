//! The lan scene (being built: shows its introduction and plan for now).

use super::{PageProps, Scene, SceneView};
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &[];

/// The lan scene.
#[function_component(LanScene)]
pub fn lan_scene(props: &PageProps) -> Html {
    html! { <SceneView scene={Scene::Lan} lang={props.lang} /> }
}
