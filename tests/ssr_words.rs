//! Every zh page as rendered (text and attributes such as a ladder arrow's aria-label)
//! keeps Chinese typography where the app joins words itself: no ASCII `: ; ? ! ,` right
//! after a Chinese character. Rendered natively through Yew's SSR renderer.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/typography.rs"]
mod typography;

use typography::space_after_full_width_mark;
use wirewalk::app::{Shell, ShellProps};
use wirewalk::platform::Environment;
use wirewalk::state::AppState;
use yew::LocalServerRenderer;

async fn render(hash: &str) -> String {
    let initial = AppState::from_url("", hash, &Environment::default());
    LocalServerRenderer::<Shell>::with_props(ShellProps { initial })
        .render()
        .await
}

/// The page's text as the reader meets it: the tags dropped, adjacent text nodes joined.
fn page_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Each ASCII mark that follows a Chinese character, with some context.
fn ascii_after_chinese(html: &str) -> Vec<String> {
    let chars: Vec<char> = html.chars().collect();
    chars
        .windows(2)
        .enumerate()
        .filter(|(_, w)| ('\u{4e00}'..='\u{9fff}').contains(&w[0]) && ":;?!,".contains(w[1]))
        .map(|(i, _)| {
            chars[i.saturating_sub(12)..(i + 8).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn zh_pages_put_no_ascii_mark_after_chinese() {
    let mut bad = Vec::new();
    for hash in [
        "#/tcp?lang=zh&step=1000",
        "#/tcp?lang=zh&variant=tcp_loss&step=1000",
        "#/lan?lang=zh&view=switch&step=1000",
        "#/lan?lang=zh&view=router&step=1000",
        "#/lan?lang=zh&view=storm&step=40",
        "#/encapsulation?lang=zh&step=6",
        "#/architecture?lang=zh",
        "#/layers?lang=zh",
        "#/addresses?lang=zh",
    ] {
        let html = render(hash).await;
        assert!(
            html.contains("lang=\"zh") || html.contains("客户端"),
            "{hash}: not zh"
        );
        for ctx in ascii_after_chinese(&html) {
            bad.push(format!("{hash}: …{ctx}…"));
        }
        // Text nodes the app sets side by side ("8001。" " " "请求") join in the page.
        for ctx in space_after_full_width_mark(&page_text(&html)) {
            bad.push(format!("{hash}: space after …{ctx}…"));
        }
    }
    assert!(
        bad.is_empty(),
        "ASCII mark after Chinese:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scan_finds_a_planted_mark() {
    assert_eq!(
        ascii_after_chinese("<g aria-label=\"1 第一次握手: SYN\">").len(),
        1
    );
    assert!(ascii_after_chinese("<p>客户端：SYN_SENT, 02:00</p>").is_empty());
    let joined = page_text("<p>服务端端口 8001。 请求</p><p>下一段。</p><p>再一段</p>");
    assert_eq!(space_after_full_width_mark(&joined).len(), 1);
}

/// Each `send(` that is not `sendto(` / `sendall(`, with some context. A general note
/// that names sendto() for UDP right after it ("send()（UDP 是 sendto()）") says both.
fn bare_send(text: &str) -> Vec<String> {
    text.match_indices("send(")
        .filter(|(i, _)| !text[..*i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
        .filter(|(i, _)| {
            !text[*i + 5..]
                .chars()
                .take(16)
                .collect::<String>()
                .contains("sendto(")
        })
        .map(|(i, _)| {
            let from = text[..i].char_indices().rev().nth(16).map_or(0, |(j, _)| j);
            text[from..(i + 12).min(text.len())].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn udp_words_name_the_calls_the_programs_make() {
    // The UDP programs call sendto(): no label, note or narration of the UDP variant says
    // send(), and the state cards say that UDP has no connection state instead of a dash.
    let mut bad = Vec::new();
    for lang in ["zh", "en"] {
        for step in 0..=40 {
            let hash = format!("#/tcp?lang={lang}&variant=udp&step={step}");
            let text = page_text(&render(&hash).await);
            for ctx in bare_send(&text) {
                bad.push(format!("{hash}: …{ctx}…"));
            }
            if step == 0 {
                assert!(text.contains("sendto()"), "{hash}: no sendto()");
                let none = if lang == "zh" {
                    "UDP：无连接，没有状态"
                } else {
                    "UDP: no connection, no state"
                };
                assert_eq!(text.matches(none).count(), 2, "{hash}: state cards {text}");
            }
        }
    }
    bad.dedup();
    assert!(
        bad.is_empty(),
        "send() in the UDP variant:\n{}",
        bad.join("\n")
    );
    assert_eq!(
        bare_send(
            "a send(b'') and more words; sendto(x) sendall(y) s.send(z) send()（UDP 是 sendto()）"
        )
        .len(),
        2
    );
}
