//! The inspector's field notes tell this app's stack's values (smoltcp sends TTL 64,
//! window scale 0, MSS 1460, ff:ff:ff:ff:ff:ff as an ARP request's target) only beside
//! frames the app produced. A capture the student loaded was never produced by smoltcp:
//! its fields get the general notes only. Rendered natively through Yew's SSR renderer.

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/inspector.rs"]
mod inspector;

use inspector::render;
use wirewalk::i18n::{lookup, Lang};
use wirewalk::widgets::inspector::field_note;
use wirewalk_engine::scenario::Scenario;
use wirewalk_engine::trace::Frame;
use wirewalk_engine::wire::FIELD_IDS;

fn role(f: &Frame) -> &str {
    f.role.map_or("", |r| r.as_str())
}

/// The words of the stack-specific notes, as they appear in rendered HTML.
fn here_notes(lang: Lang) -> Vec<String> {
    FIELD_IDS
        .iter()
        .filter_map(|id| lookup(lang, &format!("field.{id}.here")))
        .map(|h| h.replace('&', "&amp;"))
        .collect()
}

#[test]
fn stack_values_live_only_in_the_here_notes() {
    let mut here = 0;
    for lang in Lang::ALL {
        for id in FIELD_IDS {
            let key = format!("field.{id}");
            if let Some(general) = lookup(lang, &key) {
                assert!(!general.contains("smoltcp"), "{key}: {general}");
            }
            if let Some(h) = lookup(lang, &format!("{key}.here")) {
                here += 1;
                let ours = field_note(lang, &key, false).unwrap();
                let theirs = field_note(lang, &key, true).unwrap();
                assert!(ours.ends_with(h), "{ours}");
                assert!(!theirs.contains(h), "{theirs}");
                assert_eq!(Some(theirs.as_str()), lookup(lang, &key));
            }
        }
    }
    assert!(here >= 8, "only {here} stack notes found");
}

#[tokio::test]
async fn our_syn_names_smoltcp_a_loaded_capture_does_not() {
    let ours = wirewalk_engine::run(&Scenario::named("tcp").unwrap()).unwrap();
    let capture =
        wirewalk_engine::capture::read(include_bytes!("../engine/tests/captures/ethernet.pcapng"))
            .unwrap();
    let theirs = capture.trace(0).unwrap();
    for lang in Lang::ALL {
        // Our SYN and ARP request: the notes say what smoltcp put in those bytes.
        for r in ["syn", "arp_request"] {
            let f = ours.frames.iter().find(|f| role(f) == r).unwrap();
            assert!(!f.annotated.as_ref().unwrap().summary.captured);
            let html = render(lang, f).await;
            assert!(html.contains("smoltcp"), "{lang:?} {r}: no stack note");
        }
        // The student's capture (a Linux-like SYN with window scale 7): no note of
        // smoltcp's, in any frame; the general notes are there.
        let syn = theirs.frames.iter().find(|f| role(f) == "syn").unwrap();
        assert!(syn.annotated.as_ref().unwrap().summary.captured);
        let html = render(lang, syn).await;
        let shift = lookup(lang, "field.tcp.options.wscale.shift").unwrap();
        assert!(html.contains(shift), "{lang:?}: general note missing");
        for f in &theirs.frames {
            let html = render(lang, f).await;
            assert!(!html.contains("smoltcp"), "{lang:?} frame {}", f.index);
            for h in here_notes(lang) {
                assert!(!html.contains(&h), "{lang:?} frame {}: {h}", f.index);
            }
        }
    }
}

#[tokio::test]
async fn the_broadcast_address_is_no_vendors_and_bit_fields_name_their_byte() {
    let trace = wirewalk_engine::run(&Scenario::named("tcp").unwrap()).unwrap();
    let arp = trace
        .frames
        .iter()
        .find(|f| role(f) == "arp_request")
        .unwrap();
    for lang in Lang::ALL {
        let html = render(lang, arp).await;
        // The broadcast destination: no vendor (OUI) or serial split, no U/L verdict.
        let dst = &html[html.find("data-field=\"eth.dst\"").unwrap()..];
        let dst = &dst[..dst.find("data-field=\"eth.dst.").unwrap()];
        assert!(dst.contains("is-broadcast"), "{lang:?}: {dst}");
        for gone in ["is-oui", "is-serial", "data-bit=\"lg\"", "OUI"] {
            assert!(!dst.contains(gone), "{lang:?}: {gone} in {dst}");
        }
        // The source (02:00:00:…) keeps its split.
        let src = &html[html.find("data-field=\"eth.src\"").unwrap()..];
        assert!(src.contains("is-oui"), "{lang:?}");
        // I/G and U/L are bits of the MAC's first byte: [0..1] and [6..7], not tshark's
        // three bytes [0..3].
        for (id, pos) in [
            ("eth.dst.ig", "[0..1]"),
            ("eth.dst.lg", "[0..1]"),
            ("eth.src.ig", "[6..7]"),
            ("eth.src.lg", "[6..7]"),
        ] {
            let row = &html[html.find(&format!("data-field=\"{id}\"")).unwrap()..];
            let row = &row[..row.find("</li>").unwrap()];
            assert!(row.contains(pos), "{lang:?} {id}: {row}");
        }
    }
}
