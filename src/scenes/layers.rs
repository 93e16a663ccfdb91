//! The layers scene: the OSI 7-layer model beside the TCP/IP 5-layer model (or, toggled,
//! the 4-layer one), aligned row by row and numbered bottom-up; for each of the course's
//! five layers its PDU, what it adds, example protocols and devices, and the course's
//! notes. Every layer links to the encapsulation step that shows it.

pub mod model;

use super::PageAction;
use super::PageProps;
use crate::i18n::{t, t_dyn, Lang};
use model::{encapsulation_href, grid_rows, tcpip, Layer, TcpIp, FIVE, OSI};
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &["model"];

fn cell(lang: Lang, l: &Layer, column: &str, course: bool) -> Html {
    let (from, to) = grid_rows(l);
    let col = if column == "osi" { 1 } else { 2 };
    let href = encapsulation_href(l.course, lang.code());
    let desc = format!("scene.layers.desc.{}", l.id);
    html! {
        <a class={classes!("ww-layer-cell", format!("col-{column}"), format!("lvl-{}", l.course), course.then_some("is-course"))}
           data-style={format!("grid-column:{col};grid-row:{} / {}", from + 1, to + 1)} href={href} data-layer={l.id} data-course={l.course.to_string()}>
            <span class="ww-layer-num" aria-hidden="true">{ l.num }</span>
            <span class="ww-layer-title">{ t_dyn(lang, &format!("scene.layers.name.{}", l.id)) }</span>
            if crate::i18n::lookup(lang, &desc).is_some() {
                <span class="ww-layer-desc">{ t_dyn(lang, &desc) }</span>
            }
            // A TCP/IP layer over several OSI rows: on phones, its facts fill the cell (they
            // left 110-130 px of it blank); its card under the models says them to readers.
            if column == "tcpip" && l.osi.1 > l.osi.0 {
                { tall_facts(lang, l) }
            }
            // Where the link goes, for screen readers; the visible words stay the name's
            // start (WCAG 2.5.3, label in name).
            <span class="ww-visually-hidden">{ format!(" · {}", t(lang, "scene.layers.goto")) }</span>
        </a>
    }
}

/// A tall TCP/IP cell's facts (shown on phones only): PDU, protocols and devices over
/// three OSI rows; the protocols alone over two (all three made the OSI data link and
/// physical cells beside the 4-layer model's network access 50-60 px blank).
fn tall_facts(lang: Lang, l: &Layer) -> Html {
    let Some(id) = FIVE.iter().find(|f| f.course == l.course).map(|f| f.id) else {
        return Html::default();
    };
    let parts: &[(&str, &str)] = if l.osi.1 - l.osi.0 >= 2 {
        &[
            ("scene.layers.col.pdu", "pdu"),
            ("scene.layers.col.protocols", "proto"),
            ("scene.layers.col.devices", "dev"),
        ]
    } else {
        &[("scene.layers.col.protocols", "proto")]
    };
    html! {
        <dl class="ww-layer-facts" aria-hidden="true">
            { for parts.iter().map(|(label, part)| html! {
                <div><dt>{ t(lang, label) }</dt><dd>{ t_dyn(lang, &format!("scene.layers.{part}.{id}")) }</dd></div>
            }) }
        </dl>
    }
}

fn details(lang: Lang, l: &Layer) -> Html {
    let (from, to) = grid_rows(l);
    let k = |part: &str| t_dyn(lang, &format!("scene.layers.{part}.{}", l.id));
    html! {
        <div class={classes!("ww-layer-details", format!("lvl-{}", l.course))} data-style={format!("grid-column:3;grid-row:{} / {}", from + 1, to + 1)}
             data-layer={l.id}>
            // Which layer these facts are about: beside its row on wide screens (read by
            // screen readers only), a heading over its card where phones stack the cards
            // under the two models.
            <h2 class="ww-layer-details-name">
                <span class="ww-layer-num" aria-hidden="true">{ l.num }</span>
                { t_dyn(lang, &format!("scene.layers.name.{}", l.id)) }
            </h2>
            <dl>
                <div><dt>{ t(lang, "scene.layers.col.pdu") }</dt><dd class="ww-pdu">{ k("pdu") }</dd></div>
                <div><dt>{ t(lang, "scene.layers.col.adds") }</dt><dd>{ k("adds") }</dd></div>
                <div><dt>{ t(lang, "scene.layers.col.protocols") }</dt><dd>{ k("proto") }</dd></div>
                <div><dt>{ t(lang, "scene.layers.col.devices") }</dt><dd>{ k("dev") }</dd></div>
            </dl>
            <p class="ww-layer-note">{ k("note") }</p>
        </div>
    }
}

/// The layers scene.
#[function_component(LayersScene)]
pub fn layers_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    let model = TcpIp::from_param(props.params.get("model").map(String::as_str));
    let pick = |m: &'static str| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(PageAction::SetParam("model".to_owned(), Some(m.to_owned())))
        })
    };
    let five = model == TcpIp::Five;
    html! {
        <div class={classes!("ww-layers", props.embed.then_some("is-embed"))} data-model={if five { "5" } else { "4" }}>
            if !props.embed {
                <h1 id="scene-title" class="ww-scene-title">{ t(lang, if five { "scene.layers.title" } else { "scene.layers.title4" }) }</h1>
                <p class="ww-scene-intro">{ t(lang, "scene.layers.intro") }</p>
            }
            <div class="ww-layers-bar">
                <div class="ww-seg" role="group" aria-label={t(lang, "scene.layers.toggle")}>
                    <button type="button" class={classes!("ww-seg-btn", five.then_some("is-on"))} aria-pressed={five.to_string()}
                            data-model="5" onclick={pick("5")}>{ t(lang, "scene.layers.model5") }</button>
                    <button type="button" class={classes!("ww-seg-btn", (!five).then_some("is-on"))} aria-pressed={(!five).to_string()}
                            data-model="4" onclick={pick("4")}>{ t(lang, "scene.layers.model4") }</button>
                </div>
                <p class="ww-layers-hint">{ t(lang, "scene.layers.hint") }</p>
            </div>
            <div class="ww-layers-grid">
                <div class="ww-layers-head col-osi">{ t(lang, "scene.layers.osi") }</div>
                <div class="ww-layers-head col-tcpip">{ t(lang, if five { "scene.layers.model5" } else { "scene.layers.model4" }) }</div>
                <div class="ww-layers-head col-details">{ t(lang, "scene.layers.col.details") }</div>
                { for OSI.iter().map(|l| cell(lang, l, "osi", false)) }
                { for tcpip(model).iter().map(|l| cell(lang, l, "tcpip", five)) }
                { for FIVE.iter().map(|l| details(lang, l)) }
            </div>
            <aside class="ww-layers-course">
                <h2>{ t(lang, "scene.layers.course.title") }</h2>
                <p>{ t(lang, "scene.layers.course.body") }</p>
                <ol class="ww-layers-path" reversed=true>
                    { for FIVE.iter().map(|l| html! {
                        <li key={l.id} class={format!("lvl-{}", l.course)}>
                            <a href={encapsulation_href(l.course, lang.code())} data-course={l.course.to_string()}>
                                { t_dyn(lang, &format!("scene.layers.name.{}", l.id)) }
                            </a>
                        </li>
                    }) }
                </ol>
            </aside>
        </div>
    }
}
