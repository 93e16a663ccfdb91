//! The frame inspector: a field tree by layer (like Wireshark's details pane) beside a
//! hex dump with offsets and ASCII. Hovering or focusing a field lights its bytes, and
//! hovering a byte lights the field it belongs to. Checksums carry a verified mark.

use crate::i18n::{t, t_dyn, tf, Lang};
use wirewalk_engine::trace::Frame;
use wirewalk_engine::wire::Field;
use yew::prelude::*;

/// Props of the inspector.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct InspectorProps {
    /// Display language.
    pub lang: Lang,
    /// The frame shown.
    pub frame: Frame,
}

/// The deepest field whose bytes contain `offset`.
fn field_at(fields: &[Field], offset: usize) -> Option<&Field> {
    fields
        .iter()
        .find(|f| f.len > 0 && (f.offset..f.offset + f.len).contains(&offset))
        .map(|f| field_at(&f.children, offset).unwrap_or(f))
}

/// The frame inspector.
#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let InspectorProps { lang, frame } = props;
    let lang = *lang;
    // The highlighted byte range, and the field id it came from.
    let lit = use_state_eq(|| None::<(usize, usize, String)>);
    let Some(a) = &frame.annotated else {
        return html! { <p class="ww-inspector-empty">{ t(lang, "scene.tcp.inspector.unparsed") }</p> };
    };
    let lit_range = lit.as_ref().map(|(o, l, _)| (*o, *l));
    let lit_id = lit.as_ref().map(|(_, _, id)| id.clone());
    let verified = |f: &Field| -> Option<bool> {
        match f.id.as_str() {
            "ip.checksum" => a.summary.ip_checksum_ok,
            "tcp.checksum" | "udp.checksum" => a.summary.l4_checksum_ok,
            _ => None,
        }
    };

    fn field_rows(
        fields: &[Field],
        lang: Lang,
        lit: &UseStateHandle<Option<(usize, usize, String)>>,
        lit_id: &Option<String>,
        verified: &dyn Fn(&Field) -> Option<bool>,
    ) -> Html {
        html! {
            { for fields.iter().map(|f| {
                let enter = {
                    let lit = lit.clone();
                    let v = (f.offset, f.len, f.id.clone());
                    Callback::from(move |_: MouseEvent| lit.set(Some(v.clone())))
                };
                let focus = {
                    let lit = lit.clone();
                    let v = (f.offset, f.len, f.id.clone());
                    Callback::from(move |_: FocusEvent| lit.set(Some(v.clone())))
                };
                let meaning = t_dyn(lang, &f.meaning);
                let is_lit = lit_id.as_deref() == Some(f.id.as_str());
                let bits = (f.mask != 0).then(|| format!(" · mask 0x{:x}", f.mask));
                html! {
                    <li key={format!("{}@{}", f.id, f.offset)} role="treeitem" tabindex="-1"
                        aria-expanded={(!f.children.is_empty()).then_some("true")}
                        class={classes!("ww-field", is_lit.then_some("is-lit"))} data-field={f.id.clone()}>
                        <span class="ww-field-row" tabindex="0" onmouseenter={enter} onfocus={focus}>
                            <code class="ww-field-id">{ &f.id }</code>
                            <span class="ww-field-show">{ &f.show }</span>
                            if let Some(ok) = verified(f) {
                                <span class={classes!("ww-check", if ok { "is-ok" } else { "is-bad" })}>
                                    { if ok { t(lang, "inspector.checksum_ok") } else { t(lang, "inspector.checksum_bad") } }
                                </span>
                            }
                            <span class="ww-field-pos">{ format!("[{}..{}]{}", f.offset, f.offset + f.len, bits.unwrap_or_default()) }</span>
                            if meaning != f.meaning {
                                <span class="ww-field-meaning">{ meaning }</span>
                            }
                        </span>
                        if !f.children.is_empty() {
                            <ul role="group">{ field_rows(&f.children, lang, lit, lit_id, verified) }</ul>
                        }
                    </li>
                }
            }) }
        }
    }

    let all_fields: Vec<Field> = a
        .layers
        .iter()
        .flat_map(|l| l.fields.iter().cloned())
        .collect();
    let layer_of = |o: usize| {
        a.layers
            .iter()
            .rev()
            .find(|l| o >= l.offset && o < l.offset + l.len)
            .map(|l| l.id.clone())
    };
    let hex_rows = frame.bytes.chunks(16).enumerate().map(|(r, chunk)| {
        let base = r * 16;
        html! {
            <div key={r} class="ww-hex-row">
                <span class="ww-hex-off" aria-hidden="true">{ format!("{base:04x}") }</span>
                <span class="ww-hex-bytes">
                { for chunk.iter().enumerate().map(|(i, b)| {
                    let o = base + i;
                    let in_lit = lit_range.is_some_and(|(lo, ll)| o >= lo && o < lo + ll);
                    let f = field_at(&all_fields, o).map(|f| (f.offset, f.len, f.id.clone()));
                    let lit = lit.clone();
                    let enter = Callback::from(move |_: MouseEvent| lit.set(f.clone()));
                    html! {
                        <span key={i} class={classes!("ww-byte", layer_of(o).map(|l| format!("layer-{l}")), in_lit.then_some("is-lit"))}
                              data-offset={o.to_string()} onmouseenter={enter}>{ format!("{b:02x}") }</span>
                    }
                }) }
                </span>
                <span class="ww-hex-ascii" aria-hidden="true">
                    { chunk.iter().map(|b| if b.is_ascii_graphic() || *b == b' ' { *b as char } else { '·' }).collect::<String>() }
                </span>
            </div>
        }
    });
    html! {
        <div class="ww-inspector">
            <p class="ww-inspector-summary">
                { tf(lang, "inspector.summary", &[&(frame.index + 1).to_string(), &frame.bytes.len().to_string(), &a.summary.info]) }
            </p>
            <div class="ww-inspector-panes">
                <ul class="ww-tree" role="tree" aria-label={t(lang, "inspector.tree")}>
                    { for a.layers.iter().map(|l| html! {
                        <li key={l.id.clone()} role="treeitem" aria-expanded="true" class={classes!("ww-layer", format!("layer-{}", l.id))}>
                            <span class="ww-layer-name">{ t_dyn(lang, &format!("layer.{}", l.id)) }
                                <span class="ww-field-pos">{ format!(" [{}..{}]", l.offset, l.offset + l.len) }</span></span>
                            <ul role="group">{ field_rows(&l.fields, lang, &lit, &lit_id, &verified) }</ul>
                        </li>
                    }) }
                </ul>
                <div class="ww-hex" role="group" aria-label={t(lang, "inspector.hex")}>{ for hex_rows }</div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(id: &str, offset: usize, len: usize, children: Vec<Field>) -> Field {
        Field {
            id: id.into(),
            offset,
            len,
            mask: 0,
            show: String::new(),
            meaning: String::new(),
            children,
        }
    }

    #[test]
    fn a_byte_maps_to_its_deepest_field() {
        let fields = vec![
            f("tcp.srcport", 34, 2, vec![]),
            f("tcp.flags", 46, 2, vec![f("tcp.flags.syn", 47, 1, vec![])]),
        ];
        assert_eq!(
            field_at(&fields, 35).map(|f| f.id.as_str()),
            Some("tcp.srcport")
        );
        assert_eq!(
            field_at(&fields, 47).map(|f| f.id.as_str()),
            Some("tcp.flags.syn")
        );
        assert_eq!(
            field_at(&fields, 46).map(|f| f.id.as_str()),
            Some("tcp.flags")
        );
        assert_eq!(field_at(&fields, 10), None);
    }
}
