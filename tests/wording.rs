//! The teaching text keeps its typography and its terms: every zh message uses full-width
//! punctuation next to Chinese characters and in Chinese sentences, sets no space after a
//! full-width mark, calls the server program 服务端 (the course's word), and no message
//! uses a variant that `docs/GLOSSARY.md` rules out (the test reads the glossary's table:
//! one source of truth).

// Test helpers outside #[test] functions may unwrap: a failure is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use wirewalk::i18n::TABLES;

#[path = "support/typography.rs"]
mod typography;
use typography::{
    ascii_punctuation_in_chinese_sentence, ascii_punctuation_touching_chinese, is_chinese,
    space_after_full_width_mark, symbol_after_full_width_mark,
};

/// One row of the glossary's "Ruled out" table.
struct RuledOut {
    lang: String,
    variant: String,
    instead: String,
}

/// The rows of the `## Ruled out` table of `docs/GLOSSARY.md`.
fn ruled_out(glossary: &str) -> Vec<RuledOut> {
    let section = glossary
        .split("\n## Ruled out")
        .nth(1)
        .expect("GLOSSARY.md has a '## Ruled out' section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let variant = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some(RuledOut {
                lang: (*cells.first()?).to_owned(),
                variant: variant.to_owned(),
                instead: (*cells.get(2)?).to_owned(),
            })
        })
        .collect()
}

fn glossary() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/GLOSSARY.md"))
        .expect("read docs/GLOSSARY.md")
}

#[test]
fn zh_punctuation_is_full_width_next_to_chinese() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for &(table, msgs) in TABLES {
        for m in msgs {
            checked += 1;
            for ctx in ascii_punctuation_touching_chinese(m.zh) {
                bad.push(format!("{table} {}: …{ctx}…", m.key));
            }
        }
    }
    assert!(
        checked > 500,
        "only {checked} messages: is the scan still finding them?"
    );
    assert!(
        bad.is_empty(),
        "ASCII punctuation next to Chinese (use ，：；？！（）):\n{}",
        bad.join("\n")
    );
}

#[test]
fn zh_sentences_use_full_width_marks_and_no_space_after_them() {
    let mut bad = Vec::new();
    for &(table, msgs) in TABLES {
        for m in msgs {
            for ctx in ascii_punctuation_in_chinese_sentence(m.zh) {
                bad.push(format!("{table} {}: ASCII mark in …{ctx}…", m.key));
            }
            for ctx in space_after_full_width_mark(m.zh) {
                bad.push(format!("{table} {}: space after …{ctx}…", m.key));
            }
            for ctx in symbol_after_full_width_mark(m.zh) {
                bad.push(format!("{table} {}: symbol after …{ctx}…", m.key));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "zh typography (use ？！；：, no space after 。，、；：？！):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_server_program_is_always_fu_wu_duan() {
    // The course says 服务端 for the program (seeds: "Server: 服务端"); 服务器 is kept for
    // the machine only. 服务器 followed by a program's word is the program misnamed.
    let mut bad = Vec::new();
    for &(table, msgs) in TABLES {
        for m in msgs {
            for (i, _) in m.zh.match_indices("服务器") {
                let next: String = m.zh[i + "服务器".len()..].chars().take(9).collect();
                let program = [
                    "程序",
                    "执行",
                    "调用",
                    "收到",
                    "的程序",
                    "的 Python",
                    " bind",
                    "bind",
                ]
                .iter()
                .any(|w| next.starts_with(w));
                if program {
                    bad.push(format!("{table} {}: 服务器{next}…", m.key));
                }
            }
        }
    }
    assert!(bad.is_empty(), "服务端 is the program:\n{}", bad.join("\n"));
}

#[test]
fn no_message_uses_a_ruled_out_term() {
    let rules = ruled_out(&glossary());
    assert!(
        rules.len() >= 20,
        "the glossary's table has only {} rows",
        rules.len()
    );
    let mut bad = Vec::new();
    for r in &rules {
        assert!(
            r.lang == "zh" || r.lang == "en",
            "unknown language {:?} for {:?}",
            r.lang,
            r.variant
        );
        assert!(!r.variant.is_empty() && !r.instead.is_empty());
        for &(table, msgs) in TABLES {
            for m in msgs {
                let text = if r.lang == "zh" { m.zh } else { m.en };
                if text.contains(&r.variant) {
                    bad.push(format!(
                        "{table} {} ({}): {:?} — write {} instead",
                        m.key, r.lang, r.variant, r.instead
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "ruled-out terms:\n{}", bad.join("\n"));
}

/// Chinese words of two or three characters written three times or more in a row, the
/// mark of an edit applied again and again ("报文报文报文段").
fn stuttered_words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for len in 2..=3 {
        for i in 0..chars.len().saturating_sub(3 * len - 1) {
            let word = &chars[i..i + len];
            if word.iter().all(|&c| is_chinese(c))
                && chars[i + len..i + 2 * len] == *word
                && chars[i + 2 * len..i + 3 * len] == *word
            {
                found.push(word.iter().collect());
            }
        }
    }
    found
}

#[test]
fn no_zh_message_stutters() {
    let mut bad = Vec::new();
    for &(table, msgs) in TABLES {
        for m in msgs {
            for w in stuttered_words(m.zh) {
                bad.push(format!("{table} {}: {w:?} repeated in {:?}", m.key, m.zh));
            }
        }
    }
    assert!(bad.is_empty(), "repeated words:\n{}", bad.join("\n"));
}

#[test]
fn the_checks_catch_planted_mistakes() {
    // A stutter is found; a word said twice, as Chinese often does, is not.
    assert_eq!(stuttered_words("报文报文报文段（TCP）"), vec!["报文"]);
    assert!(stuttered_words("看看，谢谢谢谢").is_empty());
    // Punctuation: flagged next to Chinese, left alone in code, addresses and numbers.
    assert_eq!(
        ascii_punctuation_touching_chinese("你好,世界"),
        vec!["你好,世界"]
    );
    assert_eq!(
        ascii_punctuation_touching_chinese("端口(例如 8001)。").len(),
        2
    );
    assert_eq!(ascii_punctuation_touching_chinese("谁有这个 IP?”").len(), 1);
    for fine in [
        "调用 {1}()。",
        "用 TCP 时 send(b'') 什么也不发",
        "有 socket({2})，校验和",
        "广播地址 ff:ff:ff:ff:ff:ff",
        "省略成 ::（",
        "用 RST,ACK 拒绝",
        "你好，世界（例如 8001）",
    ] {
        assert!(
            ascii_punctuation_touching_chinese(fine).is_empty(),
            "{fine} flagged"
        );
    }
    // Marks inside a Chinese sentence, and spaces after full-width marks.
    assert_eq!(
        ascii_punctuation_in_chinese_sentence("ARP 请求：谁有 {0}? 请告诉 {1}").len(),
        1
    );
    assert_eq!(
        ascii_punctuation_in_chinese_sentence("ECE:ECN 回显").len(),
        1
    );
    assert_eq!(
        ascii_punctuation_in_chinese_sentence("ECE: ECN 回显").len(),
        1
    );
    assert_eq!(
        ascii_punctuation_in_chinese_sentence("先发 SYN; 再等").len(),
        1
    );
    for fine in [
        "广播地址 ff:ff:ff:ff:ff:ff：交换机",
        "例如 02:00:00:00:00:0a。",
        "或 c2s:N / s2c:N，丢掉",
        "例如 http://oldboyedu.com",
        "省略成 ::）。回环地址是 ::1。",
        "地址 {0}:{1} 上",
        "Who has 10.0.0.2? Tell 10.0.0.1",
    ] {
        assert!(
            ascii_punctuation_in_chinese_sentence(fine).is_empty(),
            "{fine} flagged"
        );
    }
    assert_eq!(space_after_full_width_mark("第一句。 第二句").len(), 1);
    assert_eq!(
        symbol_after_full_width_mark("SYN、FIN；· 表示该位为 0").len(),
        1
    );
    assert!(symbol_after_full_width_mark("FIN；某位为 0 时写作“·”。").is_empty());
    assert!(space_after_full_width_mark("第一句。第二句（TCP） 和").is_empty());
    // Terms: the table parses, and a planted variant is found.
    let rules = ruled_out(
        "# G\n\n## Ruled out\n\n| lang | ruled out | use instead | why |\n|---|---|---|---|\n| zh | `头部` | 首部 | x |\n\n## Next\n| zh | `不算` | x | x |\n",
    );
    assert_eq!(rules.len(), 1);
    assert!("TCP 头部".contains(&rules[0].variant));
    assert_eq!(rules[0].instead, "首部");
}

#[test]
fn the_arp_target_mac_note_names_the_bytes_the_engine_sends() {
    // An ARP request's target hardware address has no prescribed value (RFC 826): the
    // stack note (shown beside the app's own frames) must say what our stack puts
    // there, as the frame's bytes show it.
    use wirewalk::i18n::{t, Lang};
    use wirewalk_engine::scenario::Scenario;
    let trace = wirewalk_engine::run(&Scenario::named("tcp").unwrap()).unwrap();
    let request = trace
        .frames
        .iter()
        .find(|f| {
            f.bytes.len() >= 42 && f.bytes[12..14] == [0x08, 0x06] && f.bytes[20..22] == [0, 1]
        })
        .expect("the tcp scenario starts with an ARP request");
    let target: Vec<String> = request.bytes[32..38]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let target = target.join(":");
    for lang in Lang::ALL {
        let note = t(lang, "field.arp.dst.hw_mac.here");
        assert!(
            note.contains(&target),
            "{lang:?}: {note} does not name {target}"
        );
    }
}

#[test]
fn frame_labels_have_single_spaces() {
    // A frame's one-line label (ladder, frame lists, narration, the architecture
    // exchange) is words and values separated by one space: "SYN  seq=0" set two, which
    // showed in the zh narration and labels and in every copy of them.
    use wirewalk::i18n::Lang;
    use wirewalk::widgets::frame_text::frame_label;
    use wirewalk_engine::scenario::{Scenario, ScenarioName};
    let mut bad = Vec::new();
    for &name in ScenarioName::ALL {
        let trace = wirewalk_engine::run(&Scenario::new(name)).unwrap();
        for f in &trace.frames {
            for lang in Lang::ALL {
                let label = frame_label(f, lang);
                if label.contains("  ") || label.trim() != label {
                    bad.push(format!("{} {lang:?}: {label:?}", name.as_str()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Protocol names written in lower case as words of a sentence (`如 http、ftp`), not in a
/// URL (`http://`), a field id (`tcp.srcport`), a file name or code.
fn lowercase_protocol_names(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for name in [
        "http", "https", "ftp", "tcp", "udp", "dns", "arp", "smtp", "ssh",
    ] {
        for (i, _) in text.match_indices(name) {
            let before = text[..i].chars().next_back();
            let after = text[i + name.len()..].chars().next();
            let in_word = |c: Option<char>| {
                c.is_some_and(|c| c.is_ascii_alphanumeric() || "_./:-{}'\"=".contains(c))
            };
            if !in_word(before) && !in_word(after) {
                found.push(text[i..].chars().take(12).collect());
            }
        }
    }
    found
}

#[test]
fn protocol_names_are_in_capitals_and_check_marks_read_as_sentences() {
    assert_eq!(
        lowercase_protocol_names("应用层协议如 http、ftp。").len(),
        2
    );
    for fine in [
        "http://oldboyedu.com",
        "tcp.srcport",
        "socket.SOCK_STREAM",
        "HTTP、FTP",
        "a.udp",
    ] {
        assert!(lowercase_protocol_names(fine).is_empty(), "{fine}");
    }
    let mut bad = Vec::new();
    for &(table, msgs) in TABLES {
        for m in msgs {
            // The loss rule's values are typed as they are (`udp`, `arp_request`).
            let values = m.key == "error.bad_loss";
            for text in [m.zh, m.en].into_iter().filter(|_| !values) {
                for ctx in lowercase_protocol_names(text) {
                    bad.push(format!("{table} {}: {ctx}", m.key));
                }
            }
            // A verdict after ✓ / ✗ that says why ("mine: handed up") is a sentence: a
            // capital in English, 。 in Chinese. A one-word badge ("✓ verified") is not.
            let verdict = m.en.strip_prefix("✓ ").or_else(|| m.en.strip_prefix("✗ "));
            if let Some(rest) = verdict.filter(|r| r.contains(':')) {
                if rest.starts_with(|c: char| c.is_ascii_lowercase()) || !m.zh.ends_with('。') {
                    bad.push(format!("{table} {}: {} / {}", m.key, m.en, m.zh));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Review 5 (item 21): "课程：基于电信号发送二进制数据 0101…" and "物理层基于电信号发送二进制
/// 数据 0101…" ended without "。" where their English ends with a full stop. A zh message
/// whose English is a sentence (ends with "." after a word, not "…" or "...") ends with a
/// full-width sentence mark, or one inside a closing quote or bracket.
#[test]
fn a_zh_sentence_ends_with_a_full_width_mark_where_its_english_does() {
    let ends_sentence = |zh: &str| {
        let t = zh.trim_end_matches(['”', '’', '）', '」', '》']);
        t.ends_with(['。', '！', '？'])
    };
    let mut bad = Vec::new();
    for &(table, msgs) in TABLES {
        for m in msgs {
            let en = m.en.trim_end();
            let sentence = en.ends_with('.') && !en.ends_with("..") && en.contains(' ');
            if sentence && m.zh.chars().any(is_chinese) && !ends_sentence(m.zh) {
                bad.push(format!("{table} {}: {}", m.key, m.zh));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "zh sentences with no final 。:\n{}",
        bad.join("\n")
    );
}

/// Review 5 (item 22): the switch lesson quoted an ARP request with straight quotes
/// ("who has this IP?") while the frame details quote it with curly ones (“who has this
/// IP?”). English quotes in words shown are curly, as everywhere else.
#[test]
fn english_quotes_are_curly() {
    let mut bad = Vec::new();
    for &(table, msgs) in TABLES {
        for m in msgs {
            if m.en.contains('"') {
                bad.push(format!("{table} {}: {}", m.key, m.en));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "straight quotes in English (use “ ”):\n{}",
        bad.join("\n")
    );
}

/// Phone review (issue 16): at the encapsulation's physical-layer step the narration said
/// the same thing twice: "… sent as electrical signals on the cable." and then the layer's
/// own sentence, "The physical layer sends binary data 0101… as electrical signals." A
/// step's sentence (`narr.*`) and the layer's sentence shown under it (`why.*`) share no
/// run of three words, unless the run only names a layer ("the data link layer").
#[test]
fn a_step_and_its_layers_sentence_do_not_repeat_each_other() {
    const NAMES: [&str; 8] = [
        "the",
        "data",
        "link",
        "layer",
        "network",
        "transport",
        "application",
        "physical",
    ];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let msgs: Vec<_> = TABLES.iter().flat_map(|&(_, m)| m.iter()).collect();
    let mut bad = Vec::new();
    let mut pairs = 0;
    for narr in &msgs {
        let Some((scene, step)) = narr.key.split_once(".narr.") else {
            continue;
        };
        let why_key = format!("{scene}.why.{step}");
        let Some(why) = msgs.iter().find(|m| m.key == why_key) else {
            continue;
        };
        pairs += 1;
        let (a, b) = (words(narr.en), words(why.en));
        for run in a.windows(3) {
            if run.iter().all(|w| NAMES.contains(&w.as_str())) {
                continue;
            }
            if b.windows(3).any(|r| r == run) {
                bad.push(format!("{} / {}: \"{}\"", narr.key, why.key, run.join(" ")));
            }
        }
    }
    assert!(pairs >= 10, "only {pairs} step/layer sentence pairs found");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
