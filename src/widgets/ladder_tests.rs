//! Tests of the ladder's geometry: label splits, windows, state marks and row heights.
use super::*;

#[test]
fn long_labels_split_near_the_middle() {
    let arp = "ARP 请求：谁有 192.168.1.20？请告诉 192.168.1.10";
    assert!(cells(arp) > NARROW.label_cells && cells(arp) > SLIDE.label_cells);
    let en = "ARP request: who has 192.168.1.20? Tell 192.168.1.10";
    let (a, b) = split_label(en, WIDE);
    assert!(b.is_some_and(|b| cells(&b) <= WIDE.label_cells) && cells(&a) <= WIDE.label_cells);
    let syn = "SYN seq=0 win=64240 mss=1460";
    assert_eq!(split_label(syn, WIDE), (syn.to_owned(), None));
    let (a, b) = split_label(arp, NARROW);
    let b = b.expect("split");
    assert_eq!(format!("{a} {b}"), arp);
    assert!(cells(&a) <= NARROW.label_cells && cells(&b) <= NARROW.label_cells);
    let (c, d) = split_label(arp, SLIDE);
    assert!(d.is_some() && cells(&c) <= SLIDE.label_cells);
    assert_eq!(
        split_label("SYN seq=0", NARROW),
        ("SYN seq=0".to_owned(), None)
    );
    let unbroken = "x".repeat(60);
    assert_eq!(split_label(&unbroken, NARROW), (unbroken.clone(), None));
}

#[test]
fn a_window_follows_the_last_frame_shown_and_stays_inside_the_ladder() {
    // No window, or one as tall as the ladder: every row.
    assert_eq!(window_rows(12, 3, None), (0, 12));
    assert_eq!(window_rows(12, 3, Some(12)), (0, 12));
    assert_eq!(window_rows(12, 3, Some(0)), (0, 12));
    // At the start: the first rows.
    assert_eq!(window_rows(12, 0, Some(5)), (0, 5));
    assert_eq!(window_rows(12, 4, Some(5)), (0, 5));
    // Frame 6 (the 6th shown) second from the bottom, frame 7 under it.
    assert_eq!(window_rows(12, 6, Some(5)), (2, 7));
    // At the end: the last rows, never past them.
    assert_eq!(window_rows(12, 12, Some(5)), (7, 12));
    for shown in 0..=12 {
        let (a, b) = window_rows(12, shown, Some(5));
        assert_eq!(b - a, 5);
        assert!(b <= 12);
        // The last frame shown is inside the window.
        if shown > 0 {
            assert!((a..b).contains(&(shown - 1)), "{shown}");
        }
    }
}

#[test]
fn two_state_changes_of_one_host_between_frames_take_a_line_each() {
    // A simultaneous close ends with both hosts going TIME_WAIT, then CLOSED, after
    // the last frame: two marks beside each lifeline, one above the other.
    let s = wirewalk_engine::scenario::Scenario::named("tcp_simultaneous_close").expect("scenario");
    let trace = wirewalk_engine::run(&s).expect("run");
    let n = trace.frames.len();
    let marks = mark_lines(&trace);
    assert_eq!(marks.len(), n + 1);
    assert_eq!(marks[n], 2);
    // No host changes state twice before the first SYN.
    assert_eq!(marks[0], 1);
    let plain =
        wirewalk_engine::run(&wirewalk_engine::scenario::Scenario::named("tcp").expect("scenario"))
            .expect("run");
    for g in [WIDE, SLIDE, NARROW] {
        let (ys, _) = row_ys(&trace, g, Lang::En);
        assert!(ys[n] - ys[n - 1] >= g.row + g.line, "{g:?}");
        // The normal exchange's last row has one mark per host: no extra line.
        let m = plain.frames.len();
        let (ys, _) = row_ys(&plain, g, Lang::En);
        assert_eq!(mark_lines(&plain)[m], 1);
        assert!((ys[m] - ys[m - 1] - g.row).abs() < 1e-9, "{g:?}");
    }
}

#[test]
fn listen_is_written_before_the_first_frame_not_where_arp_arrives() {
    // The trace lists the server's listen() after the client's ARP request (both at
    // time 0): LISTEN still belongs above the first row, at the top of the lifeline.
    for name in [
        "tcp",
        "tcp_loss",
        "tcp_server_close",
        "tcp_simultaneous_close",
    ] {
        let s = wirewalk_engine::scenario::Scenario::named(name).expect("scenario");
        let trace = wirewalk_engine::run(&s).expect("run");
        let rows = state_rows(&trace);
        let listen = rows
            .iter()
            .find(|s| s.2 == "server" && s.3 == "LISTEN")
            .expect("LISTEN");
        assert_eq!(listen.1, 0, "{name}");
        let syn_sent = rows.iter().find(|s| s.3 == "SYN_SENT").expect("SYN_SENT");
        assert_eq!(syn_sent.1, 0, "{name}");
        // Every other change stays after the frame that caused it: SYN_RECEIVED
        // under the SYN, ESTABLISHED under the SYN-ACK.
        let syn = trace
            .frames
            .iter()
            .position(|f| f.role.is_some_and(|r| r.as_str() == "syn"))
            .expect("SYN");
        let rcvd = rows
            .iter()
            .find(|s| s.3 == "SYN_RECEIVED")
            .expect("SYN_RECEIVED");
        assert_eq!(rcvd.1, syn + 1, "{name}");
    }
}

#[test]
fn rows_with_notes_are_taller_and_rows_never_overlap() {
    let s = wirewalk_engine::scenario::Scenario::named("tcp_loss").expect("scenario");
    let trace = wirewalk_engine::run(&s).expect("run");
    for g in [WIDE, SLIDE, NARROW] {
        let (ys, height) = row_ys(&trace, g, Lang::Zh);
        assert_eq!(ys.len(), trace.frames.len() + 1);
        for (i, w) in ys.windows(2).enumerate() {
            let f = &trace.frames[i];
            let noted = f.dropped
                || f.role
                    .is_some_and(|r| r.as_str().contains("retransmission"));
            assert!(
                w[1] - w[0] >= g.row + if noted { g.line } else { 0.0 },
                "row {i}"
            );
        }
        assert!(height > ys[ys.len() - 1]);
    }
}
