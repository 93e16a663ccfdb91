//! Chinese typography scanners shared by the wording tests (the i18n tables) and the
#![allow(dead_code)]
//! decoder-wide test (the words the app builds at run time).

/// Chinese characters and the marks that belong to Chinese text.
pub fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' // Han
        | '\u{3000}'..='\u{303f}'                        // 。、《》「」…
        | '\u{ff00}'..='\u{ffef}'                        // full-width forms
        | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}') // “ ” ‘ ’
}

/// Char indices covered by code calls such as `send(b'')`, `{1}()` or `socket({2})`: an
/// opening parenthesis right after a lower-case identifier or a placeholder, to its
/// matching close, with no Han character inside.
pub fn code_spans(chars: &[char]) -> Vec<bool> {
    let mut code = vec![false; chars.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(a) = open.pop() {
                    let callee = a
                        .checked_sub(1)
                        .and_then(|p| chars.get(p))
                        .is_some_and(|p| p.is_ascii_lowercase() || *p == '}' || *p == '_');
                    let han = chars[a + 1..i]
                        .iter()
                        .any(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                    if callee && !han {
                        code[a..=i].iter_mut().for_each(|x| *x = true);
                    }
                }
            }
            _ => {}
        }
    }
    code
}

/// Every ASCII `, : ; ? ! ( )` that touches a Chinese character, outside code, with its context.
pub fn ascii_punctuation_touching_chinese(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let code = code_spans(&chars);
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let after = chars.get(i + 1).copied();
        // An IPv6 address such as `::` or `::1` keeps its colons.
        let ipv6 = c == ':' && (before == Some(':') || after == Some(':'));
        if !",:;?!()".contains(c) || code[i] || ipv6 {
            continue;
        }
        if before.is_some_and(is_chinese) || after.is_some_and(is_chinese) {
            let from = i.saturating_sub(8);
            let to = (i + 9).min(chars.len());
            found.push(chars[from..to].iter().collect());
        }
    }
    found
}

/// ASCII sentence punctuation inside a Chinese sentence that no Chinese character
/// touches: `? ! ;` anywhere outside code (`谁有 {0}?`), and a `:` after a word of two
/// letters or more that is not a hex group of an address (`ECE:ECN`, `ECE: ECN`).
pub fn ascii_punctuation_in_chinese_sentence(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    if !chars.iter().any(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
        return Vec::new();
    }
    let code = code_spans(&chars);
    let word = |range: &mut dyn Iterator<Item = usize>| -> String {
        range
            .map_while(|j| chars.get(j).filter(|c| c.is_ascii_alphanumeric()).copied())
            .collect()
    };
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if code[i] {
            continue;
        }
        let bad = match c {
            '?' | '!' | ';' => true,
            ':' => {
                let before: String = word(&mut (0..i).rev());
                let after: String = word(&mut (i + 1..chars.len()));
                let hex = |w: &str| w.chars().all(|c| c.is_ascii_hexdigit());
                let lettered = before.chars().filter(char::is_ascii_alphabetic).count() >= 2;
                let spaced = chars.get(i + 1) == Some(&' ');
                lettered && (spaced || (after.len() >= 2 && !(hex(&before) && hex(&after))))
            }
            _ => false,
        };
        if bad {
            let from = i.saturating_sub(8);
            let to = (i + 9).min(chars.len());
            found.push(chars[from..to].iter().collect());
        }
    }
    found
}

/// A space right after a full-width mark (`。 下一句`): Chinese sets none.
pub fn space_after_full_width_mark(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .enumerate()
        .filter(|(_, w)| "。，、；：？！".contains(w[0]) && w[1] == ' ')
        .map(|(i, _)| {
            chars[i.saturating_sub(8)..(i + 4).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

/// A symbol such as `·` set right after a full-width mark (`FIN；· 表示`): it reads as a
/// stray mark of the sentence, not as the thing the sentence talks about. Quote it.
pub fn symbol_after_full_width_mark(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .enumerate()
        .filter(|(_, w)| "。，、；：？！".contains(w[0]) && "·•×→=".contains(w[1]))
        .map(|(i, _)| {
            chars[i.saturating_sub(8)..(i + 4).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}

/// A plain space before an `=` or `→` that a space follows (`C = the client's state`): a
/// line may break there and start with the operator. A no-break space (U+00A0) before it
/// keeps the operator at the end of the line instead.
pub fn operator_may_start_a_line(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .enumerate()
        .filter(|(_, w)| w[0] == ' ' && (w[1] == '=' || w[1] == '→') && w[2] == ' ')
        .map(|(i, _)| {
            chars[i.saturating_sub(8)..(i + 8).min(chars.len())]
                .iter()
                .collect()
        })
        .collect()
}
