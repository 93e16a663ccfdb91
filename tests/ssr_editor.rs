//! The playground's editor and page, rendered natively through Yew's server-side renderer.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use wirewalk::app::{Shell, ShellProps};
use wirewalk::i18n::Lang;
use wirewalk::platform::Environment;
use wirewalk::state::AppState;
use wirewalk::widgets::editor::{Editor, EditorProps};
use yew::{Callback, LocalServerRenderer};

async fn editor(props: EditorProps) -> String {
    LocalServerRenderer::<Editor>::with_props(props)
        .render()
        .await
}

fn props(text: &str) -> EditorProps {
    EditorProps {
        lang: Lang::En,
        id: "play-client".into(),
        title: "Client".into(),
        text: text.to_owned().into(),
        line: None,
        blocked: false,
        errors: Vec::new(),
        marked: Vec::new(),
        status: None,
        on_input: Callback::noop(),
    }
}

/// The drawn line `n` (its opening tag).
fn line_tag(html: &str, n: usize) -> &str {
    let at = html
        .find(&format!("data-line=\"{n}\""))
        .unwrap_or_else(|| panic!("no line {n} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

#[tokio::test]
async fn every_line_is_drawn_numbered_under_the_textarea() {
    let html = editor(props("import socket\n\ns = socket.socket()\n")).await;
    // A final newline gives an empty fourth line, as the textarea shows it.
    for n in 1..=4 {
        assert!(line_tag(&html, n).contains("ww-code-line"));
        assert!(html.contains(&format!("<span class=\"ww-code-num\">{n}</span>")));
    }
    assert!(!html.contains("data-line=\"5\""));
    assert!(html.contains("<textarea"), "{html}");
    assert!(html.contains("id=\"play-client\""));
    assert!(html.contains("for=\"play-client\""));
    assert!(html.contains("spellcheck=\"false\""));
    assert!(html.contains("s = socket.socket()"));
    assert!(!html.contains("aria-invalid"));
    // The drawn copy is hidden from screen readers: they read the textarea.
    let layer = html.find("ww-editor-layer").unwrap();
    let start = html[..layer].rfind('<').unwrap();
    let end = layer + html[layer..].find('>').unwrap();
    assert!(html[start..end].contains("aria-hidden=\"true\""), "{html}");
}

#[tokio::test]
async fn the_current_line_errors_and_marks_are_on_their_lines() {
    let mut p = props("a\nb\nc\nd");
    p.line = Some(2);
    p.blocked = true;
    p.errors = vec![(3, "bad <thing>".to_owned())];
    p.marked = vec![4];
    p.status = Some("Blocked in recv()".into());
    let html = editor(p).await;
    let l2 = line_tag(&html, 2);
    assert!(
        l2.contains("is-current") && l2.contains("is-blocked"),
        "{l2}"
    );
    assert!(line_tag(&html, 3).contains("has-error"));
    assert!(line_tag(&html, 4).contains("is-marked"));
    let l1 = line_tag(&html, 1);
    assert!(!l1.contains("is-current") && !l1.contains("has-error") && !l1.contains("is-marked"));
    // The message sits under the editor, tied to the textarea, with its line, escaped.
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("aria-describedby=\"play-client-errors\""));
    assert!(html.contains("id=\"play-client-errors\""));
    assert!(html.contains("data-error-line=\"3\""));
    assert!(html.contains("Line 3:"));
    assert!(html.contains("bad &lt;thing&gt;"));
    assert!(!html.contains("<thing>"));
    assert!(html.contains("Blocked in recv()"));
}

#[tokio::test]
async fn a_link_with_a_program_opens_the_playground() {
    let initial = AppState::from_url("", "#/tcp?lang=zh&client=AAAA", &Environment::default());
    let html = LocalServerRenderer::<Shell>::with_props(ShellProps { initial })
        .render()
        .await;
    assert!(
        html.contains("data-play=\"toggle\" aria-pressed=\"true\""),
        "{html}"
    );
    assert!(html.contains("id=\"play-client\"") && html.contains("id=\"play-server\""));
    assert!(html.contains("这里能运行哪些 Python？"));
    assert!(html.contains("id=\"play-preset\""));
    // The textbook controls for payloads and ports are gone; the loss choice stays.
    assert!(!html.contains("id=\"tcp-variant\""));
    assert!(html.contains("id=\"tcp-loss\""));
    // Without a program in the link, the textbook scene.
    let initial = AppState::from_url("", "#/tcp?lang=zh", &Environment::default());
    let plain = LocalServerRenderer::<Shell>::with_props(ShellProps { initial })
        .render()
        .await;
    assert!(plain.contains("data-play=\"toggle\" aria-pressed=\"false\""));
    assert!(plain.contains("id=\"tcp-variant\"") && !plain.contains("id=\"play-client\""));
}
