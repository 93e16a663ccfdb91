//! The physical layer as a bit strip: preamble, SFD, frame, padding and FCS of a frame as
//! the 0s and 1s that travel as electrical signals, in transmission order (each byte least
//! significant bit first), with a drawn signal for the bits around the start delimiter.

use crate::i18n::{t, t_dyn, tf, Lang};
use crate::widgets::num::short;
use wirewalk_engine::wire::physical::wire_bits;
use wirewalk_engine::wire::PhysicalFrame;
use yew::prelude::*;

/// Props of the bit strip.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct BitStripProps {
    /// Display language.
    pub lang: Lang,
    /// The frame as transmitted.
    pub phys: PhysicalFrame,
}

/// Index of the segment holding byte `i`.
fn segment_of(p: &PhysicalFrame, i: usize) -> &str {
    p.segments
        .iter()
        .find(|s| (s.offset..s.offset + s.len).contains(&i))
        .map_or("frame", |s| s.id.as_str())
}

/// The signal path for `bits`: high for 1, low for 0, `w` units per bit.
#[must_use]
pub fn signal_path(bits: &[u8], w: f64, high: f64, low: f64) -> String {
    let mut d = String::new();
    let mut y: Option<f64> = None;
    for (i, &b) in bits.iter().enumerate() {
        let ny = if b == 1 { high } else { low };
        let x = i as f64 * w;
        match y {
            None => d.push_str(&format!("M{} {}", short(x), short(ny))),
            Some(py) if (py - ny).abs() > f64::EPSILON => d.push_str(&format!(
                " L{0} {1} L{0} {2}",
                short(x),
                short(py),
                short(ny)
            )),
            _ => {}
        }
        y = Some(ny);
    }
    if let Some(py) = y {
        d.push_str(&format!(" L{} {}", short(bits.len() as f64 * w), short(py)));
    }
    d
}

/// The bit strip.
#[function_component(BitStrip)]
pub fn bit_strip(props: &BitStripProps) -> Html {
    let BitStripProps { lang, phys } = props;
    let lang = *lang;
    // The signal drawing: the last preamble byte, the SFD and the first two frame bytes.
    let sfd = phys.segment("sfd").map_or(7, |s| s.offset);
    let from = sfd.saturating_sub(1);
    let shown: Vec<u8> = phys
        .bytes
        .iter()
        .skip(from)
        .take(4)
        .flat_map(|&b| wire_bits(b))
        .collect();
    let w = 10.0;
    let width = shown.len() as f64 * w;
    let total_bits = phys.bytes.len() * 8;
    html! {
        <figure class="ww-bits" aria-label={t(lang, "scene.encapsulation.bits.label")}>
            <figcaption class="ww-bits-caption">
                { tf(lang, "scene.encapsulation.bits.caption", &[&phys.bytes.len().to_string(), &total_bits.to_string()]) }
            </figcaption>
            <svg class="ww-signal" viewBox={format!("-2 0 {} 46", short(width + 4.0))} role="img"
                 aria-label={t(lang, "scene.encapsulation.bits.signal")} preserveAspectRatio="none">
                { for (0..4).map(|k| {
                    let id = segment_of(phys, from + k).to_owned();
                    html! { <rect key={k} class={classes!("ww-signal-seg", format!("seg-{id}"))}
                                  x={short(k as f64 * 8.0 * w)} y="0" width={short(8.0 * w)} height="30" /> }
                }) }
                <path class="ww-signal-line" d={signal_path(&shown, w, 4.0, 26.0)} />
                { for shown.iter().enumerate().map(|(i, b)| html! {
                    <text key={i} class="ww-signal-bit" x={short(i as f64 * w + w / 2.0)} y="42" text-anchor="middle">{ b.to_string() }</text>
                }) }
            </svg>
            <p class="ww-bits-signal-note">{ t(lang, "scene.encapsulation.bits.signal_note") }</p>
            <div class="ww-bits-stream" role="list">
                { for phys.bytes.iter().enumerate().map(|(i, &b)| {
                    let seg = segment_of(phys, i).to_owned();
                    let bits: String = wire_bits(b).iter().map(|v| if *v == 1 { '1' } else { '0' }).collect();
                    html! {
                        <span key={i} role="listitem" class={classes!("ww-bits-byte", format!("seg-{seg}"))}
                              data-offset={i.to_string()} title={format!("0x{b:02x}")}>{ bits }</span>
                    }
                }) }
            </div>
            <dl class="ww-bits-legend">
                { for phys.segments.iter().map(|s| html! {
                    <div key={s.id.clone()} class={classes!("ww-bits-legend-item", format!("seg-{}", s.id))} data-segment={s.id.clone()}>
                        <dt><span class="ww-swatch" aria-hidden="true"></span>
                            { tf(lang, "scene.encapsulation.bits.segment", &[&t_dyn(lang, &format!("scene.encapsulation.seg.{}", s.id)), &s.len.to_string()]) }</dt>
                        <dd>{ t_dyn(lang, &s.meaning) }</dd>
                    </div>
                }) }
            </dl>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signal_steps_between_levels() {
        assert_eq!(
            signal_path(&[1, 1, 0], 10.0, 4.0, 26.0),
            "M0 4 L20 4 L20 26 L30 26"
        );
        assert_eq!(signal_path(&[], 10.0, 4.0, 26.0), "");
    }
}
