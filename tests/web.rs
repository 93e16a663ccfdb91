//! Component tests in headless Chromium: the shell mounted into a real DOM, clicked,
//! and read back.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};
use wirewalk::app::{Shell, ShellProps};
use wirewalk::i18n::{t, Lang};
use wirewalk::scenes::Scene;
use wirewalk::state::{AppState, Environment};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(hash: &str) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let initial = AppState::from_url("", hash, &Environment::default());
    yew::Renderer::<Shell>::with_root_and_props(root.clone(), ShellProps { initial }).render();
    yew::scheduler::flush().await;
    root
}

fn text(root: &Element, sel: &str) -> String {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .text_content()
        .unwrap_or_default()
}

async fn click(root: &Element, sel: &str) {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn language_switch_retranslates_and_updates_the_document() {
    let root = mount("#/tcp?lang=zh").await;
    assert_eq!(text(&root, "#scene-title"), Scene::Tcp.title(Lang::Zh));
    click(&root, "button[data-lang=en]").await;
    assert_eq!(text(&root, "#scene-title"), Scene::Tcp.title(Lang::En));
    assert_eq!(
        root.query_selector("button[data-lang=en]")
            .unwrap()
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        doc.document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    assert!(doc.title().contains(Scene::Tcp.title(Lang::En)));
    // The URL follows the state, and the choice is remembered.
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#/tcp?lang=en");
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("wirewalk.lang")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("en"));
    root.remove();
}

#[wasm_bindgen_test]
async fn theme_select_sets_the_document_theme() {
    let root = mount("#/layers?lang=en").await;
    let select: HtmlSelectElement = root
        .query_selector(".ww-theme-select")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value("projector");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        doc.document_element()
            .unwrap()
            .get_attribute("data-theme")
            .as_deref(),
        Some("projector")
    );
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#/layers?lang=en&theme=projector"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn notice_is_translated_and_dismissable() {
    let root = mount("#/nowhere?lang=en").await;
    assert!(text(&root, ".ww-notice").contains("nowhere"));
    assert!(text(&root, ".ww-notice").contains(t(Lang::En, "notice.title")));
    assert_eq!(
        root.query_selector("main")
            .unwrap()
            .unwrap()
            .get_attribute("data-scene")
            .as_deref(),
        Some(Scene::default().slug())
    );
    click(&root, ".ww-notice-dismiss").await;
    assert!(root.query_selector(".ww-notice").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn nav_links_carry_the_language_and_mark_the_current_scene() {
    let root = mount("#/lan?lang=en").await;
    let links = root.query_selector_all(".ww-nav a").unwrap();
    assert_eq!(links.length() as usize, Scene::ALL.len());
    let current = root
        .query_selector(".ww-nav a[aria-current=page]")
        .unwrap()
        .unwrap();
    assert_eq!(current.get_attribute("data-scene").as_deref(), Some("lan"));
    let tcp = root
        .query_selector(".ww-nav a[data-scene=tcp]")
        .unwrap()
        .unwrap();
    assert_eq!(tcp.get_attribute("href").as_deref(), Some("#/tcp?lang=en"));
    root.remove();
}
