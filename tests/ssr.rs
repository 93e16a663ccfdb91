//! Renders the shell natively through Yew's server-side renderer and checks the HTML.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use wirewalk::app::{Shell, ShellProps};
use wirewalk::i18n::{t, Lang};
use wirewalk::platform::Environment;
use wirewalk::scenes::Scene;
use wirewalk::state::AppState;
use yew::LocalServerRenderer;

/// Text as it appears in rendered HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn render(hash: &str, browser: &[&str]) -> String {
    let env = Environment {
        browser_langs: browser.iter().map(|s| (*s).to_owned()).collect(),
        ..Environment::default()
    };
    let initial = AppState::from_url("", hash, &env);
    LocalServerRenderer::<Shell>::with_props(ShellProps { initial })
        .render()
        .await
}

#[tokio::test]
async fn nav_lists_every_scene_and_marks_the_current_one() {
    let html = render("#/tcp?lang=en", &[]).await;
    for s in Scene::ALL {
        assert!(
            html.contains(&format!("data-scene=\"{}\"", s.slug())),
            "{s:?} missing"
        );
        assert!(html.contains(&esc(s.nav_label(Lang::En))));
    }
    assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
    // The link marked current is the TCP one, and links keep the language.
    let current = current_link(&html);
    assert!(current.contains("data-scene=\"tcp\""), "{current}");
    assert!(current.contains("href=\"#/tcp?lang=en\""), "{current}");
    assert!(html.contains("href=\"#/layers?lang=en\""));
    assert!(html.contains(Scene::Tcp.title(Lang::En)));
    // Another scene moves the mark.
    let layers = render("#/layers?lang=en", &[]).await;
    assert_eq!(layers.matches("aria-current=\"page\"").count(), 1);
    assert!(current_link(&layers).contains("data-scene=\"layers\""));
}

/// The opening tag of the element that carries `aria-current="page"`.
fn current_link(html: &str) -> &str {
    let at = html.find("aria-current=\"page\"").expect("no aria-current");
    let start = html[..at].rfind('<').expect("no tag start");
    let end = at + html[at..].find('>').expect("no tag end");
    &html[start..=end]
}

#[tokio::test]
async fn chinese_is_the_default_for_chinese_browsers_and_english_otherwise() {
    let zh = render("#/layers", &["zh-CN", "en"]).await;
    assert!(zh.contains(Scene::Layers.title(Lang::Zh)));
    assert!(zh.contains(t(Lang::Zh, "footer.truth")));
    let en = render("#/layers", &["de-DE"]).await;
    assert!(en.contains(Scene::Layers.title(Lang::En)));
    assert!(!en.contains(Scene::Layers.title(Lang::Zh)));
}

#[tokio::test]
async fn embed_mode_shows_only_the_scene() {
    let html = render("#/lan?embed=1&lang=en", &[]).await;
    assert!(html.contains("data-scene=\"lan\""));
    assert!(html.contains(Scene::Lan.title(Lang::En)));
    assert!(!html.contains("ww-header"));
    assert!(!html.contains("ww-nav"));
    assert!(!html.contains("ww-footer"));
    assert!(!html.contains("wirewalk.html"));
    let full = render("#/lan?lang=en", &[]).await;
    assert!(full.contains("ww-header") && full.contains("ww-footer"));
}

#[tokio::test]
async fn the_footer_offers_the_one_file_build_for_offline_use() {
    for (lang, hash) in [(Lang::En, "#/tcp?lang=en"), (Lang::Zh, "#/tcp?lang=zh")] {
        let html = render(hash, &[]).await;
        let link = format!(
            "<a href=\"wirewalk.html\" download=\"wirewalk.html\">{}</a>",
            esc(t(lang, "footer.offline"))
        );
        assert!(html.contains(&link), "{lang:?}: no offline link in {html}");
    }
}

#[tokio::test]
async fn a_bad_url_shows_the_default_scene_with_a_translated_notice() {
    let html = render("#/warp-drive?lang=en&step=x", &[]).await;
    assert!(html.contains(&format!("data-scene=\"{}\"", Scene::default().slug())));
    assert!(html.contains("role=\"status\""));
    assert!(html.contains(t(Lang::En, "notice.title")));
    assert!(html.contains("warp-drive"));
    let zh = render("#/warp-drive?lang=zh", &[]).await;
    assert!(zh.contains(t(Lang::Zh, "notice.title")));
    let clean = render("#/tcp?lang=en", &[]).await;
    assert!(!clean.contains("ww-notice"));
}

#[tokio::test]
async fn a_flood_of_junk_keys_lists_a_few_and_counts_the_rest() {
    use wirewalk::app::NOTICE_SHOWN;
    let junk = vec!["x"; 50_000].join("&");
    let html = render(&format!("#/tcp?lang=en&{junk}"), &[]).await;
    assert_eq!(
        html.matches("<li").count() - render("#/tcp?lang=en", &[]).await.matches("<li").count(),
        NOTICE_SHOWN + 1
    );
    let more = (50_000 - NOTICE_SHOWN).to_string();
    assert!(html.contains(&format!("data-more=\"{more}\"")));
    assert!(html.contains(&format!("…and {more} more.")));
    // Exactly as many as shown: no "more" line.
    let few = ["y"; NOTICE_SHOWN].join("&");
    let html = render(&format!("#/tcp?lang=zh&{few}"), &[]).await;
    assert!(!html.contains("ww-notice-more"));
}

#[tokio::test]
async fn theme_from_the_url_is_applied_and_selected() {
    let html = render("#/tcp?lang=en&theme=projector", &[]).await;
    assert!(html.contains("data-theme=\"projector\""));
    assert!(html.contains("value=\"projector\" selected"));
}

#[tokio::test]
async fn predict_mode_holds_the_tcp_player_at_its_first_question_in_both_languages() {
    // The URL asks for step 30; the first question (the server's state) holds it at 20.
    let en = render("#/tcp?predict=1&step=30&lang=en", &[]).await;
    assert!(en.contains("role=\"radiogroup\""), "no radio group");
    assert!(en.contains(&esc(t(Lang::En, "predict.title"))));
    assert!(en.contains("Question 1 of 7"), "count");
    assert!(en.contains("Next step: which TCP state does the server enter?"));
    assert!(
        en.contains("step 20 of 68"),
        "the step is held at the question"
    );
    assert_eq!(en.matches("type=\"radio\"").count(), 4);
    assert!(
        en.contains("SYN_RECEIVED") && en.contains("class=\"ww-check-input ww-predict-switch\"")
    );
    let zh = render("#/tcp?predict=1&step=99&lang=zh", &[]).await;
    let at = zh.find("ww-predict-count").unwrap();
    assert!(zh.contains("第 1 题，共 7 题"), "{}", &zh[at..at + 300]);
    assert!(zh.contains("下一步，服务端进入哪个 TCP 状态？"));
    // Without predict=1, no question.
    assert!(!render("#/tcp?step=30&lang=en", &[])
        .await
        .contains("radiogroup"));
}

#[tokio::test]
async fn an_embed_range_asks_the_one_question_inside_it() {
    let html = render("#/tcp?predict=1&embed=1&from=38&to=39&lang=en", &[]).await;
    assert!(html.contains("Question 1 of 1"), "one question");
    assert!(html.contains("data-kind=\"tcp.data_ack\""));
    assert!(
        !html.contains("ww-predict-switch"),
        "no controls in an embed"
    );
}

/// The part of `html` from the element marked `from` to the next `to` after it.
fn slice<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let s = &html[html.find(from).unwrap_or_else(|| panic!("no {from}"))..];
    &s[..s.find(to).unwrap_or(s.len())]
}

#[tokio::test]
async fn the_addresses_scene_gives_the_broadcast_mac_no_vendor_and_no_ul_verdict() {
    for lang in Lang::ALL {
        let code = lang.code();
        // ff:ff:ff:ff:ff:ff: one block of all ones, as the inspector shows it; I/G = 1
        // (a group address) holds, but U/L is 1 only because every bit is.
        let html = render(
            &format!("#/addresses?lang={code}&mac=ff:ff:ff:ff:ff:ff"),
            &[],
        )
        .await;
        let bytes = slice(&html, "class=\"ww-mac-bytes\"", "class=\"ww-addr-hint\"");
        assert!(bytes.contains("is-broadcast"), "{code}: {bytes}");
        assert!(bytes.contains("FF:FF:FF:FF:FF:FF"), "{code}: {bytes}");
        for gone in ["is-oui", "is-serial", "OUI"] {
            assert!(!bytes.contains(gone), "{code}: {gone} in {bytes}");
        }
        let ul = slice(&html, "class=\"is-ul\"", "</li>");
        assert!(
            ul.contains(&esc(t(lang, "scene.addresses.mac.ul_broadcast"))),
            "{code}: {ul}"
        );
        for verdict in ["scene.addresses.mac.ul0", "scene.addresses.mac.ul1"] {
            assert!(
                !ul.contains(&esc(t(lang, verdict))),
                "{code}: {verdict} in {ul}"
            );
        }
        // A card's address keeps its vendor/serial split and its U/L verdict.
        let html = render(
            &format!("#/addresses?lang={code}&mac=3c:22:fb:ab:cd:ef"),
            &[],
        )
        .await;
        let bytes = slice(&html, "class=\"ww-mac-bytes\"", "class=\"ww-addr-hint\"");
        assert!(
            bytes.contains("is-oui") && bytes.contains("3C:22:FB"),
            "{code}: {bytes}"
        );
        let ul = slice(&html, "class=\"is-ul\"", "</li>");
        assert!(
            ul.contains(&esc(t(lang, "scene.addresses.mac.ul0"))),
            "{code}: {ul}"
        );
    }
}
