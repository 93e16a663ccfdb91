//! The addresses scene: an IPv4 converter (dotted decimal ⇄ 32-bit binary ⇄ integer,
//! with clickable bits, ranges, loopback and one IPv6 address for contrast), a MAC
//! explorer (vendor OUI vs serial, I/G and U/L bits, broadcast), ports (ranges, the
//! course's advice, its default-ports quiz) and the 4-tuple of two real connections.

pub mod model;
mod tuple_section;

use super::PageAction;
use super::PageProps;
use crate::i18n::{t, tf, Lang};
use crate::platform;
use crate::widgets::break_after_colons;
use crate::widgets::num::fixed;
use model::{
    advice_key, binary, card_verdict, classify, default_program, dotted, host_verdict, ipv6_full,
    mac_info, parse_ip, parse_mac, parse_port, parse_quiz, port_range, quiz_correct, quiz_value,
    IpForm, PortRange, DEFAULTS, IPV6_EXAMPLE, QUIZ_PORTS,
};
use std::collections::BTreeMap;
use std::rc::Rc;
use tuple_section::TupleSection;
use yew::prelude::*;

/// URL keys this scene reads.
pub const PARAM_KEYS: &[&str] = &[
    "ip", "mac", "port", "quiz", "a.ip", "a.port", "b.ip", "b.port",
];

/// The address shown when the URL names none.
pub const DEFAULT_IP: &str = "192.168.1.10";
/// The MAC shown when the URL names none.
pub const DEFAULT_MAC: &str = "3c:22:fb:12:34:56";
/// The port shown when the URL names none.
pub const DEFAULT_PORT: u16 = 8080;

const IP_PICKS: [&str; 7] = [
    "0.0.0.0",
    "127.0.0.1",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.10",
    "114.114.114.114",
    "255.255.255.255",
];
const MAC_PICKS: [&str; 4] = [
    "3c:22:fb:12:34:56",
    "02:00:00:00:00:0a",
    "01:00:5e:00:00:01",
    "ff:ff:ff:ff:ff:ff",
];
const PORT_PICKS: [u16; 6] = [22, 80, 443, 3306, 8001, 50123];

/// A labelled text input with its error beside it.
#[allow(clippy::too_many_arguments)]
pub(super) fn text_input(
    id: &str,
    label: &str,
    value: String,
    error: Option<String>,
    oninput: Callback<InputEvent>,
    numeric: bool,
    class: &'static str,
    placeholder: Option<String>,
) -> Html {
    let err_id = format!("{id}-error");
    html! {
        <div class={classes!("ww-field-input", class, error.is_some().then_some("has-error"))}>
            <label for={id.to_owned()}>{ label.to_owned() }</label>
            <input id={id.to_owned()} type="text" inputmode={numeric.then_some("numeric")} {value} {oninput} {placeholder}
                   aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then(|| err_id.clone())}
                   spellcheck="false" autocomplete="off" />
            if let Some(e) = error {
                <p class="ww-field-error" id={err_id} role="alert">{ e }</p>
            }
        </div>
    }
}

/// Props of a section: the language, the URL parameters and the dispatcher.
#[derive(Clone, PartialEq, Properties)]
pub(super) struct SectionProps {
    pub(super) lang: Lang,
    pub(super) params: Rc<BTreeMap<String, String>>,
    pub(super) dispatch: Callback<PageAction>,
    pub(super) embed: bool,
}

pub(super) fn set_param(dispatch: &Callback<PageAction>, key: &str, value: String) {
    dispatch.emit(PageAction::SetParam(key.to_owned(), Some(value)));
}

/// The IPv4 ranges to remember and the IPv6 comparison: a card of their own under the
/// others, so the IPv4 card is about as tall as the MAC card beside it.
fn ip_more(lang: Lang) -> Html {
    html! {
        <section class="ww-addr-card ww-addr-more" aria-labelledby="addr-ranges-title">
            <div class="ww-ranges">
                <h3 id="addr-ranges-title">{ t(lang, "scene.addresses.ip.ranges") }</h3>
                <ul>
                    <li><span class="ww-mono">{ "0.0.0.0 – 255.255.255.255" }</span>{ " " }{ t(lang, "scene.addresses.ip.range_all") }</li>
                    <li><span class="ww-mono">{ "127.0.0.1 = localhost" }</span>{ " " }{ t(lang, "scene.addresses.ip.range_loopback") }</li>
                    <li><span class="ww-mono">{ "10.0.0.0/8 · 172.16.0.0/12 · 192.168.0.0/16" }</span>{ " " }{ t(lang, "scene.addresses.ip.range_private") }</li>
                </ul>
            </div>
            <div class="ww-ipv6">
                <h3>{ t(lang, "scene.addresses.ipv6.title") }</h3>
                <p>{ t(lang, "scene.addresses.ipv6.text") }</p>
                <p class="ww-mono ww-ipv6-addr">{ break_after_colons(IPV6_EXAMPLE) }</p>
                <p class="ww-mono ww-ipv6-full">{ break_after_colons(&ipv6_full(IPV6_EXAMPLE).unwrap_or_default()) }</p>
                <p class="ww-addr-hint">{ t(lang, "scene.addresses.ipv6.count") }</p>
            </div>
        </section>
    }
}

/// The IPv4 converter.
#[function_component(IpSection)]
fn ip_section(props: &SectionProps) -> Html {
    let lang = props.lang;
    // What is being typed into one of the three fields: (form, text, error).
    let draft = use_state_eq(|| None::<(IpFormKey, String, Option<String>)>);
    let url_value = props.params.get("ip").cloned();
    let (ip, url_error) = match url_value.as_deref().map(|v| parse_ip(IpForm::Dotted, v)) {
        None => (parse_ip(IpForm::Dotted, DEFAULT_IP).unwrap_or(0), None),
        Some(Ok(ip)) => (ip, None),
        Some(Err(e)) => (
            parse_ip(IpForm::Dotted, DEFAULT_IP).unwrap_or(0),
            Some(e.message(lang)),
        ),
    };
    let on_form = |form: IpForm| {
        let draft = draft.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let Some(v) = platform::field_value(&e) else {
                return;
            };
            match parse_ip(form, &v) {
                Ok(ip) => {
                    draft.set(Some((IpFormKey(form), v, None)));
                    set_param(&dispatch, "ip", dotted(ip));
                }
                Err(err) => draft.set(Some((IpFormKey(form), v, Some(err.message(lang))))),
            }
        })
    };
    let shown = |form: IpForm, derived: String| -> (String, Option<String>) {
        match &*draft {
            // A valid draft is shown only while it still says what the URL says (back/forward
            // or a pick may have changed it since).
            Some((IpFormKey(f), text, err))
                if *f == form && (err.is_some() || parse_ip(form, text).ok() == Some(ip)) =>
            {
                (text.clone(), err.clone())
            }
            _ if form == IpForm::Dotted && url_error.is_some() => {
                (url_value.clone().unwrap_or_default(), url_error.clone())
            }
            _ => (derived, None),
        }
    };
    let pick = |value: String| {
        let draft = draft.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(None);
            set_param(&dispatch, "ip", value.clone());
        })
    };
    let (dv, de) = shown(IpForm::Dotted, dotted(ip));
    let (bv, be) = shown(IpForm::Binary, binary(ip));
    let (iv, ie) = shown(IpForm::Integer, ip.to_string());
    let kind = classify(ip);
    let verdict = host_verdict(ip, lang);
    let octets = ip.to_be_bytes();
    let bit = |i: u32| {
        let bit = 31 - i;
        let on = ip >> bit & 1 == 1;
        let toggled = ip ^ (1 << bit);
        html! {
            <button type="button" key={i} class={classes!("ww-ipbit", on.then_some("is-on"))}
                    data-bit={i.to_string()} aria-pressed={on.to_string()}
                    title={tf(lang, "scene.addresses.ip.bit_title", &[&bit.to_string(), &(1u64 << bit).to_string()])}
                    onclick={pick(dotted(toggled))} disabled={props.embed}>
                { if on { "1" } else { "0" } }
            </button>
        }
    };
    // While a field holds input that is not an address, everything derived from the last
    // valid one (the other forms, the bit grid, the facts) is greyed out and says so.
    let stale = matches!(&*draft, Some((_, _, Some(_)))) || url_error.is_some();
    let localhost = draft
        .as_ref()
        .is_some_and(|(_, text, e)| e.is_none() && text.trim().eq_ignore_ascii_case("localhost"));
    html! {
        <section class={classes!("ww-addr-card", "ww-addr-ip", stale.then_some("is-stale"))} aria-labelledby="addr-ip-title"
                 data-kind={kind.id()} data-stale={stale.to_string()}>
            <h2 id="addr-ip-title">{ t(lang, "scene.addresses.ip.title") }</h2>
            <p class="ww-addr-lead">{ t(lang, "scene.addresses.ip.lead") }</p>
            if !props.embed {
                <div class="ww-addr-fields">
                    { text_input("addr-ip-dotted", t(lang, "scene.addresses.ip.dotted"), dv, de, on_form(IpForm::Dotted), false, "is-dotted", None) }
                    { text_input("addr-ip-binary", t(lang, "scene.addresses.ip.binary"), bv, be, on_form(IpForm::Binary), true, "is-binary", None) }
                    { text_input("addr-ip-integer", t(lang, "scene.addresses.ip.integer"), iv, ie, on_form(IpForm::Integer), true, "is-integer", None) }
                </div>
                <div class="ww-picks" role="group" aria-label={t(lang, "scene.addresses.picks")}>
                    { for IP_PICKS.iter().map(|p| html! {
                        <button type="button" key={*p} class="ww-addr-chip" data-pick={*p} onclick={pick((*p).to_owned())}>{ *p }</button>
                    }) }
                </div>
            }
            if stale {
                <p class="ww-addr-stale" role="status">{ t(lang, "scene.addresses.ip.stale") }</p>
            }
            <div class="ww-octets" role="group" aria-label={t(lang, "scene.addresses.ip.bits_label")}>
                { for octets.iter().enumerate().map(|(i, o)| html! {
                    <div key={i} class={classes!("ww-octet", format!("octet-{i}"))}>
                        <span class="ww-octet-dec">{ o.to_string() }</span>
                        <span class="ww-octet-bits">{ for (0..8).map(|b| bit(i as u32 * 8 + b)) }</span>
                    </div>
                }) }
            </div>
            <p class="ww-addr-hint">{ t(lang, "scene.addresses.ip.bits_hint") }</p>
            <div class="ww-addr-facts">
                <p class="ww-ip-value" data-ip={dotted(ip)}>
                    <strong>{ dotted(ip) }</strong>{ "\u{a0}= " }
                    // The exponents in proportional type: in the code font each superscript
                    // digit took a full cell, so "2²⁴" read as "2² ⁴".
                    <span class="ww-mono">
                        { format!("{}×2", octets[0]) }<span class="ww-addr-exp">{ "²⁴" }</span>
                        { format!(" + {}×2", octets[1]) }<span class="ww-addr-exp">{ "¹⁶" }</span>
                        { format!(" + {}×2", octets[2]) }<span class="ww-addr-exp">{ "⁸" }</span>
                        { format!(" + {} = {}", octets[3], ip) }
                    </span>
                </p>
                if localhost {
                    <p class="ww-addr-note">{ t(lang, "scene.addresses.ip.localhost") }</p>
                }
                <p class={classes!("ww-ip-kind", format!("kind-{}", kind.id()))}>
                    // The range inside the tag's box (beside it, it read as spilt out of it).
                    <span class="ww-addr-tag">
                        { t(lang, kind.key()) }
                        if !kind.cidr().is_empty() { { " " }<span class="ww-mono ww-addr-cidr">{ kind.cidr() }</span> }
                    </span>
                </p>
                <p class="ww-addr-verdict" data-host-ok={(verdict.is_ok()).to_string()}>
                    { match &verdict {
                        Ok(()) => t(lang, "scene.addresses.ip.host_ok").to_owned(),
                        Err(m) => tf(lang, "scene.addresses.ip.host_no", &[m]),
                    } }
                </p>
            </div>
        </section>
    }
}

/// `IpForm` as a state value (Copy + PartialEq).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IpFormKey(IpForm);

/// Draft text and error of a single-field section, or the URL's refused value.
fn single_field(
    draft: Option<&(String, Option<String>)>,
    url: Option<&String>,
    url_error: Option<String>,
    derived: String,
) -> (String, Option<String>) {
    match (draft, url_error) {
        (Some((text, err)), _) => (text.clone(), err.clone()),
        (None, Some(e)) => (url.cloned().unwrap_or_default(), Some(e)),
        (None, None) => (derived, None),
    }
}

/// The MAC explorer.
#[function_component(MacSection)]
fn mac_section(props: &SectionProps) -> Html {
    let lang = props.lang;
    let draft = use_state_eq(|| None::<(String, Option<String>)>);
    let url = props.params.get("mac");
    let default = parse_mac(DEFAULT_MAC).unwrap_or([0; 6]);
    let (mac, url_error) = match url.map(|v| parse_mac(v)) {
        None => (default, None),
        Some(Ok(m)) => (m, None),
        Some(Err(e)) => (default, Some(e.message(lang))),
    };
    let info = mac_info(mac);
    let (value, error) = single_field(
        draft
            .as_ref()
            .filter(|(text, err)| err.is_some() || parse_mac(text).ok() == Some(mac)),
        url,
        url_error,
        info.text.clone(),
    );
    let oninput = {
        let draft = draft.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = platform::field_value(&e) {
                match parse_mac(&v) {
                    Ok(m) => {
                        draft.set(Some((v, None)));
                        set_param(&dispatch, "mac", mac_info(m).text);
                    }
                    Err(err) => draft.set(Some((v, Some(err.message(lang))))),
                }
            }
        })
    };
    let pick = |value: &'static str| {
        let draft = draft.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(None);
            set_param(&dispatch, "mac", value.to_owned());
        })
    };
    let verdict = card_verdict(&info, lang);
    let first_bits = format!("{:08b}", mac[0]);
    let kind_key = if info.broadcast {
        "scene.addresses.mac.kind.broadcast"
    } else if info.group {
        "scene.addresses.mac.kind.multicast"
    } else {
        "scene.addresses.mac.kind.unicast"
    };
    html! {
        <section class="ww-addr-card ww-addr-mac" aria-labelledby="addr-mac-title">
            <h2 id="addr-mac-title">{ t(lang, "scene.addresses.mac.title") }</h2>
            <p class="ww-addr-lead">{ t(lang, "scene.addresses.mac.lead") }</p>
            if !props.embed {
                { text_input("addr-mac", t(lang, "scene.addresses.mac.field"), value, error, oninput, false, "is-mac", None) }
                <div class="ww-picks" role="group" aria-label={t(lang, "scene.addresses.picks")}>
                    { for MAC_PICKS.iter().map(|p| html! {
                        <button type="button" key={*p} class="ww-addr-chip" data-pick={*p} onclick={pick(p)}>{ *p }</button>
                    }) }
                </div>
            }
            <div class="ww-mac-bytes" data-mac={info.text.clone()}>
                if info.broadcast {
                    // All 48 bits are 1: no vendor number, no serial (as the inspector says).
                    <div class="ww-mac-half is-broadcast">
                        <span class="ww-mono ww-mac-hex">{ info.text.to_ascii_uppercase() }</span>
                        <span class="ww-mac-label">{ t(lang, "scene.addresses.mac.all_ones") }</span>
                    </div>
                } else {
                    <div class="ww-mac-half is-oui">
                        <span class="ww-mono ww-mac-hex">{ info.oui.to_ascii_uppercase() }</span>
                        <span class="ww-mac-label">{ t(lang, "scene.addresses.mac.oui") }</span>
                    </div>
                    <div class="ww-mac-half is-serial">
                        <span class="ww-mono ww-mac-hex">{ info.serial.to_ascii_uppercase() }</span>
                        <span class="ww-mac-label">{ t(lang, "scene.addresses.mac.serial") }</span>
                    </div>
                }
            </div>
            <p class="ww-addr-hint">{ t(lang, "scene.addresses.mac.bits48") }</p>
            <div class="ww-mac-first">
                <span class="ww-addr-hint">{ tf(lang, "scene.addresses.mac.first_byte", &[&format!("{:02X}", mac[0])]) }</span>
                <span class="ww-mono ww-mac-firstbits">
                    { for first_bits.chars().enumerate().map(|(i, c)| html! {
                        <span key={i} class={classes!("ww-mbit", (i == 7).then_some("is-ig"), (i == 6).then_some("is-ul"))}>{ c.to_string() }</span>
                    }) }
                </span>
            </div>
            <ul class="ww-mac-flags">
                <li class="is-ig" data-group={info.group.to_string()}>
                    <strong>{ "I/G = " }{ u8::from(info.group) }</strong>{ " " }
                    { t(lang, if info.group { "scene.addresses.mac.ig1" } else { "scene.addresses.mac.ig0" }) }
                </li>
                <li class="is-ul" data-local={info.local.to_string()}>
                    <strong>{ "U/L = " }{ u8::from(info.local) }</strong>{ " " }
                    { t(lang, match (info.broadcast, info.local) {
                        // Set only because every bit is: no verdict on who assigned it.
                        (true, _) => "scene.addresses.mac.ul_broadcast",
                        (false, true) => "scene.addresses.mac.ul1",
                        (false, false) => "scene.addresses.mac.ul0",
                    }) }
                </li>
            </ul>
            <p class="ww-mac-kind"><span class="ww-addr-tag">{ t(lang, kind_key) }</span></p>
            <p class="ww-addr-verdict" data-card-ok={(verdict.is_ok()).to_string()}>
                { match &verdict {
                    Ok(()) => t(lang, "scene.addresses.mac.card_ok").to_owned(),
                    Err(m) => tf(lang, "scene.addresses.mac.card_no", &[m]),
                } }
            </p>
        </section>
    }
}

/// Ports: ranges, the course's advice, and the default-ports quiz.
#[function_component(PortSection)]
fn port_section(props: &SectionProps) -> Html {
    let lang = props.lang;
    let draft = use_state_eq(|| None::<(String, Option<String>)>);
    let url = props.params.get("port");
    let (port, url_error) = match url.map(|v| parse_port(v)) {
        None => (DEFAULT_PORT, None),
        Some(Ok(p)) => (p, None),
        Some(Err(e)) => (DEFAULT_PORT, Some(e.message(lang))),
    };
    let (value, error) = single_field(
        draft
            .as_ref()
            .filter(|(text, err)| err.is_some() || parse_port(text).ok() == Some(port)),
        url,
        url_error,
        port.to_string(),
    );
    let oninput = {
        let draft = draft.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = platform::field_value(&e) {
                match parse_port(&v) {
                    Ok(p) => {
                        draft.set(Some((v, None)));
                        set_param(&dispatch, "port", p.to_string());
                    }
                    Err(err) => draft.set(Some((v, Some(err.message(lang))))),
                }
            }
        })
    };
    let pick = |p: u16| {
        let draft = draft.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(None);
            set_param(&dispatch, "port", p.to_string());
        })
    };
    let range = port_range(port);
    // The scale: three equal blocks (one per range, named with its bounds), the marker
    // placed proportionally inside its block.
    let (lo, hi) = PortRange::ALL
        .iter()
        .find(|x| x.0 == range)
        .map_or((0, 1), |x| (x.1, x.2));
    let frac = f64::from(port - lo) / f64::from(hi - lo).max(1.0);
    let answers = parse_quiz(props.params.get("quiz").map_or("", String::as_str));
    let score = answers
        .iter()
        .enumerate()
        .filter(|(i, a)| a.is_some_and(|a| quiz_correct(*i, a)))
        .count();
    let answer = |i: usize| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = platform::field_value(&e) {
                let mut a = answers;
                a[i] = DEFAULTS.iter().find(|d| d.0 == v).map(|d| d.0);
                let value = quiz_value(&a);
                dispatch.emit(PageAction::SetParam(
                    "quiz".to_owned(),
                    (!value.is_empty()).then_some(value),
                ));
            }
        })
    };
    html! {
        <section class="ww-addr-card ww-addr-port" aria-labelledby="addr-port-title">
            <h2 id="addr-port-title">{ t(lang, "scene.addresses.port.title") }</h2>
            <p class="ww-addr-lead">{ t(lang, "scene.addresses.port.lead") }</p>
            if !props.embed {
                { text_input("addr-port", t(lang, "scene.addresses.port.field"), value, error, oninput, true, "is-port", None) }
                <div class="ww-picks" role="group" aria-label={t(lang, "scene.addresses.picks")}>
                    { for PORT_PICKS.iter().map(|p| html! {
                        <button type="button" key={*p} class="ww-addr-chip" data-pick={p.to_string()} onclick={pick(*p)}>{ p.to_string() }</button>
                    }) }
                </div>
            }
            <div class="ww-port-scale" role="img" aria-label={tf(lang, "scene.addresses.port.bar_label", &[&port.to_string(), t(lang, range.key())])}>
                { for PortRange::ALL.iter().map(|(r, _, _)| html! {
                    <div key={r.id()} class={classes!("ww-port-block", format!("range-{}", r.id()), (*r == range).then_some("is-current"))}>
                        <span class="ww-port-block-name">{ t(lang, r.key()) }</span>
                        if *r == range {
                            <span class="ww-port-marker" data-style={format!("left: {}%", fixed(frac * 100.0, 1))}>
                                <span class="ww-port-marker-label ww-mono">{ port.to_string() }</span>
                            </span>
                        }
                    </div>
                }) }
            </div>
            <p class="ww-port-range" data-range={range.id()}>
                { tf(lang, "scene.addresses.port.in_range", &[&port.to_string(), t(lang, range.key())]) }
            </p>
            <p class="ww-port-advice">{ t(lang, advice_key(port)) }</p>
            if let Some(prog) = default_program(port) {
                <p class="ww-port-default">{ tf(lang, "scene.addresses.port.default_of", &[&port.to_string(), prog]) }</p>
            }
            <div class="ww-quiz" data-score={score.to_string()}>
                <h3>{ t(lang, "scene.addresses.quiz.title") }</h3>
                <p class="ww-addr-hint">{ t(lang, "scene.addresses.quiz.lead") }</p>
                <ol class="ww-quiz-list">
                    { for QUIZ_PORTS.iter().enumerate().map(|(i, p)| {
                        let a = answers[i];
                        let verdict = a.map(|a| quiz_correct(i, a));
                        let id = format!("addr-quiz-{i}");
                        html! {
                            <li key={i} class={classes!("ww-quiz-item", verdict.map(|ok| if ok { "is-right" } else { "is-wrong" }))}>
                                <label for={id.clone()} class="ww-mono ww-quiz-port">{ p.to_string() }</label>
                                <select id={id} onchange={answer(i)} disabled={props.embed}>
                                    <option value="" selected={a.is_none()}>{ t(lang, "scene.addresses.quiz.choose") }</option>
                                    { for DEFAULTS.iter().map(|d| html! {
                                        <option key={d.0} value={d.0} selected={a == Some(d.0)}>{ d.1 }</option>
                                    }) }
                                </select>
                                <span class="ww-quiz-feedback" role="status">
                                    { match verdict {
                                        Some(true) => t(lang, "scene.addresses.quiz.right").to_owned(),
                                        Some(false) => tf(lang, "scene.addresses.quiz.wrong", &[
                                            DEFAULTS.iter().find(|d| Some(d.0) == a).map_or("", |d| d.1),
                                            &DEFAULTS.iter().find(|d| Some(d.0) == a).map_or(0, |d| d.2).to_string(),
                                        ]),
                                        None => String::new(),
                                    } }
                                </span>
                            </li>
                        }
                    }) }
                </ol>
                // The score appears with the first answer ("0 of 6 right" stood under an
                // untouched quiz); the live region is there from the start.
                <p class="ww-quiz-score" role="status">
                    if answers.iter().any(Option::is_some) {
                        { tf(lang, "scene.addresses.quiz.score", &[&score.to_string(), &QUIZ_PORTS.len().to_string()]) }
                    }
                </p>
                if score == QUIZ_PORTS.len() {
                    <p class="ww-quiz-done">{ t(lang, "scene.addresses.quiz.done") }</p>
                }
            </div>
        </section>
    }
}

/// The addresses scene.
#[function_component(AddressesScene)]
pub fn addresses_scene(props: &PageProps) -> Html {
    let lang = props.lang;
    let section = SectionProps {
        lang,
        params: props.params.clone(),
        dispatch: props.dispatch.clone(),
        embed: props.embed,
    };
    html! {
        <div class={classes!("ww-addresses", props.embed.then_some("is-embed"))}>
            if !props.embed {
                <h1 id="scene-title" class="ww-scene-title">{ t(lang, "scene.addresses.title") }</h1>
                <p class="ww-scene-intro">{ t(lang, "scene.addresses.intro") }</p>
            }
            <div class="ww-addr-grid">
                <IpSection ..section.clone() />
                <MacSection ..section.clone() />
                <PortSection ..section.clone() />
                <TupleSection ..section />
                { ip_more(lang) }
            </div>
            <p class="ww-addr-summary">{ t(lang, "scene.addresses.summary") }</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse() {
        assert!(parse_ip(IpForm::Dotted, DEFAULT_IP).is_ok());
        assert!(parse_mac(DEFAULT_MAC).is_ok());
        for p in IP_PICKS {
            assert!(parse_ip(IpForm::Dotted, p).is_ok(), "{p}");
        }
        for m in MAC_PICKS {
            assert!(parse_mac(m).is_ok(), "{m}");
        }
    }
}
