//! Component tests in headless Chromium: the shell mounted into a real DOM, clicked,
//! and read back.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};
use wirewalk::app::{Shell, ShellProps};
use wirewalk::i18n::{t, Lang};
use wirewalk::platform::Environment;
use wirewalk::scenes::Scene;
use wirewalk::state::AppState;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(hash: &str) -> Element {
    wirewalk::bundle::FULL.register();
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

/// Mounts the frame inspector on the SYN of a real engine run (computed in wasm).
async fn mount_inspector() -> Element {
    use wirewalk::widgets::inspector::{Inspector, InspectorProps};
    use wirewalk_engine::run;
    use wirewalk_engine::scenario::Scenario;
    let trace = run(&Scenario::named("tcp").unwrap()).unwrap();
    let frame = trace
        .frames
        .iter()
        .find(|f| f.role.map(|r| r.as_str()) == Some("syn"))
        .unwrap()
        .clone();
    wirewalk::bundle::FULL.register();
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Inspector>::with_root_and_props(
        root.clone(),
        InspectorProps {
            lang: Lang::En,
            frame,
            focus: Vec::new(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

async fn hover(root: &Element, sel: &str) {
    let el = root
        .query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"));
    el.dispatch_event(&web_sys::MouseEvent::new("mouseenter").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

fn lit_offsets(root: &Element) -> Vec<String> {
    let lit = root.query_selector_all(".ww-byte.is-lit").unwrap();
    (0..lit.length())
        .filter_map(|i| lit.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-offset"))
        .collect()
}

#[wasm_bindgen_test]
async fn inspector_field_lights_exactly_its_bytes() {
    let root = mount_inspector().await;
    assert!(lit_offsets(&root).is_empty());
    // Ethernet 14 + IPv4 20: the TCP source port is bytes 34 and 35.
    hover(
        &root,
        ".ww-field[data-field=\"tcp.srcport\"] > .ww-field-row",
    )
    .await;
    assert_eq!(lit_offsets(&root), ["34", "35"]);
    hover(&root, ".ww-field[data-field=\"ip.ttl\"] > .ww-field-row").await;
    assert_eq!(lit_offsets(&root), ["22"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn inspector_byte_lights_its_deepest_field() {
    let root = mount_inspector().await;
    hover(&root, ".ww-byte[data-offset=\"23\"]").await;
    let lit = root
        .query_selector(".ww-field.is-lit")
        .unwrap()
        .expect("a lit field");
    assert_eq!(lit.get_attribute("data-field").as_deref(), Some("ip.proto"));
    // And the field's bytes light with it (two-way).
    assert_eq!(lit_offsets(&root), ["23"]);
    hover(&root, ".ww-byte[data-offset=\"0\"]").await;
    let lit = root
        .query_selector(".ww-field.is-lit")
        .unwrap()
        .expect("a lit field");
    assert!(lit
        .get_attribute("data-field")
        .unwrap()
        .starts_with("eth.dst"));
    root.remove();
}
