//! The phone ladder draws a few rows around the current frame, with a cue for the frames
//! it leaves out; the desktop's draws every frame. Rendered natively through Yew's SSR
//! renderer.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use wirewalk::i18n::{tf, Lang};
use wirewalk::widgets::ladder::{Ladder, LadderProps, PHONE_ROWS};
use wirewalk_engine::scenario::Scenario;
use wirewalk_engine::trace::{EventKind, Trace};
use yew::{Callback, LocalServerRenderer};

async fn render(trace: &Rc<Trace>, cursor: usize, narrow: bool, window: Option<usize>) -> String {
    render_all(trace, cursor, narrow, window, false).await
}

async fn render_all(
    trace: &Rc<Trace>,
    cursor: usize,
    narrow: bool,
    window: Option<usize>,
    all_rows: bool,
) -> String {
    let frame_event: Vec<usize> = trace
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| matches!(e.kind, EventKind::Frame { .. }).then_some(i))
        .collect();
    LocalServerRenderer::<Ladder>::with_props(LadderProps {
        lang: Lang::En,
        trace: trace.clone(),
        frame_event: Rc::new(frame_event),
        cursor,
        selected: None,
        on_select: Callback::noop(),
        left: "client".into(),
        right: "server".into(),
        narrow,
        window,
        preview: false,
        all_rows,
    })
    .render()
    .await
}

/// The frames drawn, by index.
fn drawn(html: &str) -> Vec<usize> {
    html.split("data-frame=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect()
}

#[tokio::test]
async fn a_phone_draws_a_few_rows_and_counts_the_rest() {
    let trace = Rc::new(wirewalk_engine::run(&Scenario::named("tcp").unwrap()).unwrap());
    let n = trace.frames.len();
    assert!(n > 2 * PHONE_ROWS, "{n} frames");
    let later = |k: usize| tf(Lang::En, "scene.tcp.ladder.later", &[&k.to_string()]);
    let earlier = |k: usize| tf(Lang::En, "scene.tcp.ladder.earlier", &[&k.to_string()]);
    // Step 0: the first rows, every other frame counted under them.
    let html = render(&trace, 0, true, None).await;
    assert_eq!(drawn(&html), (0..PHONE_ROWS).collect::<Vec<_>>());
    assert!(html.contains(&later(n - PHONE_ROWS)), "{html}");
    assert!(!html.contains("ww-ladder-cue is-earlier"));
    // Half-way: the frame just played is second from the bottom, frames above counted.
    let mid = trace.events.len() / 2;
    let played = trace
        .events
        .iter()
        .take(mid)
        .filter(|e| matches!(e.kind, EventKind::Frame { .. }))
        .count();
    let html = render(&trace, mid, true, None).await;
    let rows = drawn(&html);
    assert_eq!(rows.len(), PHONE_ROWS);
    assert_eq!(rows[PHONE_ROWS - 2], played - 1);
    assert!(
        html.contains(&earlier(rows[0])) && html.contains(&later(n - rows[PHONE_ROWS - 1] - 1))
    );
    // The end: the last rows, nothing to come.
    let html = render(&trace, trace.events.len(), true, None).await;
    assert_eq!(drawn(&html), (n - PHONE_ROWS..n).collect::<Vec<_>>());
    assert!(!html.contains("ww-ladder-cue is-later"));
    // The desktop and a slide are as before: every row, or the slide's window, no cue.
    let html = render(&trace, mid, false, None).await;
    assert_eq!(drawn(&html), (0..n).collect::<Vec<_>>());
    assert!(!html.contains("ww-ladder-cue") && !html.contains("ww-ladder-all"));
    let html = render(&trace, mid, true, Some(5)).await;
    assert_eq!(drawn(&html).len(), 5);
    assert!(!html.contains("ww-ladder-cue") && !html.contains("ww-ladder-all"));
    // While an export is taken, the phone draws every row (the file holds the exchange).
    let html = render_all(&trace, mid, true, None, true).await;
    assert_eq!(drawn(&html), (0..n).collect::<Vec<_>>());
}
