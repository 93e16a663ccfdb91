//! The program editor: a plain `<textarea>` laid over a copy of its own text drawn line
//! by line, so the lines can carry numbers, the player's current line, error marks and
//! other highlights while the browser does all the editing (caret, selection, IME,
//! undo, phone keyboards). No editor library.
//!
//! Both layers sit in one box sized by the drawn copy, so they never scroll apart: the
//! box scrolls sideways inside the pane, never the page.

use crate::i18n::{t, tf, Lang};
use crate::platform;
use yew::prelude::*;

/// The longest program the editor takes, in characters (beyond it input is cut here;
/// the engine refuses long programs with its own message before that).
pub const MAX_CHARS: usize = 32 * 1024;

/// Props of the editor.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct EditorProps {
    /// Display language.
    pub lang: Lang,
    /// `id` of the textarea (labels and tests find it by this).
    pub id: AttrValue,
    /// Heading (whose program, translated).
    pub title: AttrValue,
    /// The text.
    pub text: AttrValue,
    /// 1-based line the player is on.
    #[prop_or_default]
    pub line: Option<usize>,
    /// The program waits in a call at `line`.
    #[prop_or_default]
    pub blocked: bool,
    /// Errors: 1-based line and the translated message.
    #[prop_or_default]
    pub errors: Vec<(usize, String)>,
    /// Lines to highlight as the moment the narration points at (1-based).
    #[prop_or_default]
    pub marked: Vec<usize>,
    /// A line under the text (what the program is doing, or a message).
    #[prop_or_default]
    pub status: Option<AttrValue>,
    /// The new text after each edit.
    pub on_input: Callback<String>,
}

/// Cuts `text` to at most [`MAX_CHARS`] characters.
#[must_use]
pub fn bounded(text: String) -> String {
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => text[..cut].to_owned(),
        None => text,
    }
}

/// An editable program.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let EditorProps {
        lang,
        id,
        title,
        text,
        line,
        blocked,
        errors,
        marked,
        status,
        on_input,
    } = props;
    let oninput = {
        let on_input = on_input.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = platform::field_value(&e) {
                on_input.emit(bounded(v));
            }
        })
    };
    // `split('\n')` keeps a last empty line after a final newline, as the textarea shows.
    let lines: Vec<&str> = text.split('\n').collect();
    let errors_id = format!("{id}-errors");
    let has_errors = !errors.is_empty();
    html! {
        <section class={classes!("ww-code", "ww-editor", has_errors.then_some("has-error"))}>
            <h3 class="ww-code-title"><label for={id.clone()}>{ title.clone() }</label></h3>
            <div class="ww-editor-scroll">
                <div class="ww-editor-area">
                    <pre class="ww-editor-layer" aria-hidden="true"><code>
                        { for lines.iter().enumerate().map(|(i, l)| {
                            let n = i + 1;
                            let current = *line == Some(n);
                            let error = errors.iter().any(|(el, _)| *el == n);
                            html! {
                                <span key={i} data-line={n.to_string()} class={classes!(
                                    "ww-code-line",
                                    current.then_some("is-current"),
                                    (current && *blocked).then_some("is-blocked"),
                                    marked.contains(&n).then_some("is-marked"),
                                    error.then_some("has-error"),
                                )}>
                                    <span class="ww-code-num">{ n }</span>
                                    { if l.is_empty() { " " } else { l } }
                                </span>
                            }
                        }) }
                    </code></pre>
                    <textarea id={id.clone()} class="ww-editor-input" value={text.clone()} {oninput}
                              spellcheck="false" autocomplete="off" autocapitalize="off" autocorrect="off"
                              wrap="off" rows={lines.len().to_string()}
                              aria-invalid={has_errors.then_some("true")}
                              aria-describedby={has_errors.then(|| errors_id.clone())} />
                </div>
            </div>
            if has_errors {
                <ul class="ww-editor-errors" id={errors_id} role="alert">
                    { for errors.iter().map(|(n, msg)| html! {
                        <li key={format!("{n}-{msg}")} data-error-line={n.to_string()}>
                            <span class="ww-editor-error-at">{ tf(*lang, "editor.error_at", &[&n.to_string()]) }</span>
                            { msg.clone() }
                        </li>
                    }) }
                </ul>
            }
            if let Some(s) = status {
                <p class={classes!("ww-code-status", blocked.then_some("is-blocked"))}>{ s.clone() }</p>
            } else if !has_errors && text.trim().is_empty() {
                <p class="ww-code-status">{ t(*lang, "editor.empty") }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_is_bounded_on_a_character_boundary() {
        assert_eq!(bounded("abc".to_owned()), "abc");
        let long = "界".repeat(MAX_CHARS + 5);
        let cut = bounded(long);
        assert_eq!(cut.chars().count(), MAX_CHARS);
        assert!(cut.chars().all(|c| c == '界'));
    }
}
