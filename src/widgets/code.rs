//! The code pane: a host's Python `socket` program with the current line lit, and
//! whether the program is blocked in a call or what the last call returned.

use crate::i18n::{t, tf, Lang};
use yew::prelude::*;

/// Props of the code pane.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct CodeProps {
    /// Display language.
    pub lang: Lang,
    /// Heading (host name, translated).
    pub title: AttrValue,
    /// The program's lines.
    pub lines: Vec<String>,
    /// 1-based current line.
    pub line: Option<usize>,
    /// The call the program waits in, if any.
    pub blocked_in: Option<String>,
    /// The last call that returned and its result.
    pub returned: Option<(String, String)>,
    /// Whose program: "client" or "server" (the pane takes the host's colour).
    #[prop_or_default]
    pub host: AttrValue,
}

/// One host's program.
#[function_component(CodePane)]
pub fn code_pane(props: &CodeProps) -> Html {
    let CodeProps {
        lang,
        title,
        lines,
        line,
        blocked_in,
        returned,
        host,
    } = props;
    let status = match (blocked_in, returned) {
        (Some(call), _) => {
            html! { <p class="ww-code-status is-blocked">{ tf(*lang, "scene.tcp.code.blocked", &[call]) }</p> }
        }
        (None, Some((call, result))) => {
            html! { <p class="ww-code-status">{ tf(*lang, "scene.tcp.code.returned", &[call, result]) }</p> }
        }
        (None, None) => {
            html! { <p class="ww-code-status">{ t(*lang, "scene.tcp.code.not_started") }</p> }
        }
    };
    html! {
        <section class="ww-code" aria-label={title.clone()} data-host={(!host.is_empty()).then(|| host.clone())}>
            <h3 class="ww-code-title">{ title.clone() }</h3>
            <pre class="ww-code-body" tabindex="0"><code>
                { for lines.iter().enumerate().map(|(i, l)| {
                    let current = *line == Some(i + 1);
                    html! {
                        <span key={i} class={classes!("ww-code-line", current.then_some("is-current"), (current && blocked_in.is_some()).then_some("is-blocked"))}
                              data-line={(i + 1).to_string()} aria-current={current.then_some("step")}>
                            <span class="ww-code-num" aria-hidden="true">{ i + 1 }</span>
                            // A blank line is empty (its number keeps its height), as the program has it.
                            { l.clone() }
                        </span>
                    }
                }) }
            </code></pre>
            { status }
        </section>
    }
}
