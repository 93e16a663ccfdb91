//! The inspector rendered natively through Yew's SSR renderer, for the tests that read
//! its HTML (the stack-specific notes, the words built at run time).

use wirewalk::i18n::Lang;
use wirewalk::widgets::inspector::{Inspector, InspectorProps};
use wirewalk_engine::trace::Frame;
use yew::LocalServerRenderer;

/// The inspector's HTML for `frame` in `lang`, no field focused.
pub async fn render(lang: Lang, frame: &Frame) -> String {
    LocalServerRenderer::<Inspector>::with_props(InspectorProps {
        lang,
        frame: frame.clone(),
        focus: Vec::new(),
    })
    .render()
    .await
}
