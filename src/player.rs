//! The player: moves a cursor over a trace's events. Play/pause, step, scrub, speed,
//! start/end; keys Space, ←/→, Home/End and PageUp/PageDown (presentation clickers).
//!
//! The step lives in `AppState` (and so in the URL); the player only asks for a new
//! step through `on_step`. Autoplay arms one timer per step: no per-frame state ticks.

use crate::i18n::{t, tf, Lang};
use crate::widgets::num::{ratio, short};
use yew::prelude::*;

/// Playback speeds offered, as multiples of the base pace.
pub const SPEEDS: [f64; 4] = [0.5, 1.0, 2.0, 4.0];
/// Time between two steps at 1×, ms.
pub const BASE_STEP_MS: f64 = 900.0;

/// What a key press asks of the player, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Space: play or pause.
    Toggle,
    /// → or PageDown: one step forward.
    Next,
    /// ← or PageUp: one step back.
    Prev,
    /// Home: the first step.
    First,
    /// End: the last step.
    Last,
}

impl KeyAction {
    /// Maps a `KeyboardEvent.key` value to an action.
    #[must_use]
    pub fn from_key(key: &str) -> Option<KeyAction> {
        match key {
            " " | "Spacebar" => Some(KeyAction::Toggle),
            "ArrowRight" | "PageDown" => Some(KeyAction::Next),
            "ArrowLeft" | "PageUp" => Some(KeyAction::Prev),
            "Home" => Some(KeyAction::First),
            "End" => Some(KeyAction::Last),
            _ => None,
        }
    }

    /// The step this action leads to from `step` within `min..=max` (`None` for Toggle).
    #[must_use]
    pub fn target(self, step: usize, min: usize, max: usize) -> Option<usize> {
        match self {
            KeyAction::Toggle => None,
            KeyAction::Next => Some((step + 1).min(max)),
            KeyAction::Prev => Some(step.saturating_sub(1).max(min)),
            KeyAction::First => Some(min),
            KeyAction::Last => Some(max),
        }
    }
}

/// A step the player asked for by key or swipe, and the `step` prop it was asked from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// The `step` prop when the step was asked for.
    pub seen: usize,
    /// The step asked for.
    pub to: usize,
}

impl Asked {
    /// Where the next key press starts: the step asked for while the page has not
    /// rendered it yet (the prop is still the one it was asked from), else `step`.
    #[must_use]
    pub fn from(self, step: usize) -> usize {
        if self.seen == step {
            self.to
        } else {
            step
        }
    }
}

/// Shortest horizontal swipe that steps the player, CSS px.
pub const SWIPE_MIN_PX: f64 = 48.0;

/// What a finished touch swipe (`dx`, `dy` in CSS px) asks of the player: a swipe to the
/// left shows the next step (as turning a page), to the right the previous one. A swipe
/// that is short or mostly vertical (scrolling the page) asks nothing.
#[must_use]
pub fn swipe_action(dx: f64, dy: f64) -> Option<KeyAction> {
    if !dx.is_finite() || !dy.is_finite() || dx.abs() < SWIPE_MIN_PX || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 {
        KeyAction::Next
    } else {
        KeyAction::Prev
    })
}

/// A player button's icon, drawn (symbol fonts differ between machines).
fn icon(kind: &str) -> Html {
    let d = match kind {
        "first" => "M3 2h2v12H3zM14 2v12L6 8z",
        "prev" => "M12 2v12L4 8z",
        "next" => "M4 2v12l8-6z",
        "last" => "M11 2h2v12h-2zM2 2v12l8-6z",
        "pause" => "M4 2h3v12H4zM9 2h3v12H9z",
        _ => "M4 2v12l10-6z",
    };
    html! {
        <svg class="ww-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={d} fill="currentColor" />
        </svg>
    }
}

/// Props of the player bar.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PlayerProps {
    /// Display language.
    pub lang: Lang,
    /// Current step (number of events applied).
    pub step: usize,
    /// First allowed step (an embed's `from`).
    pub min: usize,
    /// Last allowed step.
    pub max: usize,
    /// Virtual time at the current step, µs, shown beside the counter; `None` for
    /// scenes whose steps are not moments in a simulation.
    #[prop_or_default]
    pub time_us: Option<u64>,
    /// The furthest step the player may move to now (predict mode holds it at an open
    /// question); `None`: `max`.
    #[prop_or_default]
    pub stop: Option<usize>,
    /// Asks for another step.
    pub on_step: Callback<usize>,
}

/// The player bar.
#[function_component(Player)]
pub fn player(props: &PlayerProps) -> Html {
    let PlayerProps {
        lang,
        step,
        min,
        max,
        time_us,
        stop,
        ..
    } = props.clone();
    // Where moving forward ends: `max`, or sooner while a question is open.
    let reach = stop.map_or(max, |s| s.clamp(min, max));
    let playing = use_state_eq(|| false);
    let speed = use_state_eq(|| 1usize);
    // The step last asked for, and the `step` prop it was asked from: two key presses
    // quicker than a render both count (the second starts where the first went).
    let asked = use_mut_ref(|| Asked {
        seen: step,
        to: step,
    });
    // Where a touch on the drawing began: kept across renders, so a swipe whose start
    // and end straddle a render (the listeners are re-made each step) still counts.
    let touch_start = use_mut_ref(|| None::<(f64, f64)>);

    // Autoplay: one timer per step; stops at the end.
    {
        let on_step = props.on_step.clone();
        let playing_h = playing.clone();
        let delay = (BASE_STEP_MS / SPEEDS[*speed]).round() as u32;
        use_effect_with(
            (*playing, step, reach, delay),
            move |&(is_playing, step, reach, delay)| {
                let timer = arm_timer(is_playing, step, reach, delay, on_step, playing_h);
                move || {
                    // Dropping the timer cancels it.
                    let _cancel = timer;
                }
            },
        );
    }
    // Keyboard and clicker keys, anywhere but in a form field.
    {
        let on_step = props.on_step.clone();
        let playing_h = playing.clone();
        let asked = asked.clone();
        let touch_start = touch_start.clone();
        use_effect_with(
            (step, min, max, reach, *playing),
            move |&(step, min, max, reach, is_playing)| {
                // A rendered step is where presses start again.
                *asked.borrow_mut() = Asked {
                    seen: step,
                    to: step,
                };
                let act = std::rc::Rc::new(move |action: KeyAction| {
                    let from = asked.borrow().from(step);
                    match action.target(from, min, reach) {
                        Some(s) => {
                            playing_h.set(false);
                            if s != from {
                                *asked.borrow_mut() = Asked { seen: step, to: s };
                                on_step.emit(s);
                            }
                        }
                        None if is_playing => playing_h.set(false),
                        None => {
                            // Playing from the end starts over, as the play button does.
                            if step >= max {
                                on_step.emit(min);
                            }
                            playing_h.set(true);
                        }
                    }
                });
                let keys = {
                    let act = act.clone();
                    listen_keys(move |a| act(a))
                };
                // A left/right swipe on a drawing (`data-swipe`) steps like ←/→.
                let swipes = listen_swipes(touch_start, move |a| act(a));
                move || {
                    // Dropping the listeners unsubscribes.
                    let _unsubscribe = (keys, swipes);
                }
            },
        );
    }

    let go = |s: usize| {
        let on_step = props.on_step.clone();
        let playing = playing.clone();
        Callback::from(move |_: MouseEvent| {
            playing.set(false);
            on_step.emit(s);
        })
    };
    let toggle = {
        let playing = playing.clone();
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| {
            if !*playing && step >= max {
                on_step.emit(min);
            }
            playing.set(!*playing);
        })
    };
    let scrub = {
        let on_step = props.on_step.clone();
        let playing = playing.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = crate::platform::field_value(&e).and_then(|v| v.parse::<usize>().ok())
            {
                playing.set(false);
                let to = v.clamp(min, reach);
                if to != v {
                    // Dragged before an embed's first step or past an open question: the
                    // knob goes back to the step it stops at (a re-render with the same
                    // step would leave it where it was dropped).
                    crate::platform::set_field_value(&e, &to.to_string());
                }
                on_step.emit(to);
            }
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = crate::platform::select_index(&e) {
                speed.set(i.min(SPEEDS.len() - 1));
            }
        })
    };
    let clock = time_us.map(|us| tf(lang, "player.clock", &[&ratio(us, 6, 3)]));
    html! {
        <div class="ww-player" role="group" aria-label={t(lang, "player.label")}>
            <div class="ww-player-buttons">
                <button type="button" class="ww-pbtn" data-act="first" onclick={go(min)} disabled={step <= min}
                        title={t(lang, "player.first")} aria-label={t(lang, "player.first")}>{ icon("first") }</button>
                <button type="button" class="ww-pbtn" data-act="prev" onclick={go(step.saturating_sub(1).max(min))} disabled={step <= min}
                        title={t(lang, "player.prev")} aria-label={t(lang, "player.prev")}>{ icon("prev") }</button>
                <button type="button" class="ww-pbtn ww-pbtn-play" data-act="play" onclick={toggle}
                        aria-pressed={playing.to_string()}
                        title={t(lang, if *playing { "player.pause" } else { "player.play" })}
                        aria-label={t(lang, if *playing { "player.pause" } else { "player.play" })}>
                    { icon(if *playing { "pause" } else { "play" }) }
                </button>
                <button type="button" class="ww-pbtn" data-act="next" onclick={go((step + 1).min(reach))} disabled={step >= reach}
                        title={t(lang, "player.next")} aria-label={t(lang, "player.next")}>{ icon("next") }</button>
                <button type="button" class="ww-pbtn" data-act="last" onclick={go(reach)} disabled={step >= reach}
                        title={t(lang, "player.last")} aria-label={t(lang, "player.last")}>{ icon("last") }</button>
            </div>
            // The track spans step 0 to `max`, as the counter counts, even in an embed's
            // range (`min` > 0): a knob at the far left reading "step 38 of 39" misled.
            <input type="range" class="ww-scrub" min="0" max={max.to_string()} value={step.to_string()}
                   aria-label={t(lang, "player.scrub")} oninput={scrub} />
            <span class="ww-step-count" aria-live="off">
                { tf(lang, "player.step_of", &[&step.to_string(), &max.to_string()]) }
                if let Some(c) = clock {
                    <span class="ww-clock">{ c }</span>
                }
            </span>
            <label class="ww-speed">
                <span class="ww-visually-hidden">{ t(lang, "player.speed") }</span>
                <select onchange={on_speed} aria-label={t(lang, "player.speed")}>
                    { for SPEEDS.iter().enumerate().map(|(i, s)| html! {
                        <option key={i} value={i.to_string()} selected={i == *speed}>{ format!("{}×", short(*s)) }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}

#[cfg(target_arch = "wasm32")]
fn arm_timer(
    playing: bool,
    step: usize,
    max: usize,
    delay: u32,
    on_step: Callback<usize>,
    playing_h: UseStateHandle<bool>,
) -> Option<gloo::timers::callback::Timeout> {
    if !playing {
        return None;
    }
    if step >= max {
        playing_h.set(false);
        return None;
    }
    Some(gloo::timers::callback::Timeout::new(delay, move || {
        on_step.emit(step + 1)
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn arm_timer(
    _playing: bool,
    _step: usize,
    _max: usize,
    _delay: u32,
    _on_step: Callback<usize>,
    _playing_h: UseStateHandle<bool>,
) -> Option<()> {
    None
}

#[cfg(target_arch = "wasm32")]
fn listen_keys(f: impl Fn(KeyAction) + 'static) -> Option<gloo::events::EventListener> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let opts = gloo::events::EventListenerOptions::enable_prevent_default();
    Some(gloo::events::EventListener::new_with_options(
        &window,
        "keydown",
        opts,
        move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if e.ctrl_key() || e.alt_key() || e.meta_key() || e.default_prevented() {
                return;
            }
            // Keys typed into a form field belong to the field (a focused button keeps Space).
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(
                        el.tag_name().as_str(),
                        "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON"
                    )
                });
            if in_field {
                return;
            }
            if let Some(action) = KeyAction::from_key(&e.key()) {
                e.prevent_default();
                f(action);
            }
        },
    ))
}

#[cfg(not(target_arch = "wasm32"))]
fn listen_keys(_f: impl Fn(KeyAction) + 'static) -> Option<()> {
    None
}

/// Where the current touch on a drawing began (client x, y), if it began on one.
type TouchStart = std::rc::Rc<std::cell::RefCell<Option<(f64, f64)>>>;

/// Touch swipes that start inside an element marked `data-swipe` (a scene's drawing).
#[cfg(target_arch = "wasm32")]
fn listen_swipes(
    start: TouchStart,
    f: impl Fn(KeyAction) + 'static,
) -> Option<(gloo::events::EventListener, gloo::events::EventListener)> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let begin = {
        let start = start.clone();
        gloo::events::EventListener::new(&document, "touchstart", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::TouchEvent>() else {
                return;
            };
            let on_drawing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-swipe]").ok().flatten())
                .is_some();
            let touch = e.touches().get(0).filter(|_| e.touches().length() == 1);
            *start.borrow_mut() = touch
                .filter(|_| on_drawing)
                .map(|t| (f64::from(t.client_x()), f64::from(t.client_y())));
        })
    };
    let end = gloo::events::EventListener::new(&document, "touchend", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::TouchEvent>() else {
            return;
        };
        let began = start.borrow_mut().take();
        let (Some((x0, y0)), Some(t)) = (began, e.changed_touches().get(0)) else {
            return;
        };
        let (dx, dy) = (f64::from(t.client_x()) - x0, f64::from(t.client_y()) - y0);
        if let Some(action) = swipe_action(dx, dy) {
            f(action);
        }
    });
    Some((begin, end))
}

#[cfg(not(target_arch = "wasm32"))]
fn listen_swipes(_start: TouchStart, _f: impl Fn(KeyAction) + 'static) -> Option<()> {
    None
}

/// The step a scene opens at and the player's range: the URL's `step`, clamped to
/// `0..=last` (a trace's event count, or a scene's last step) and to an embed's
/// `from`/`to`. Returns `(step, min, max)`.
#[must_use]
pub fn clamp_step(
    step: Option<usize>,
    from: Option<usize>,
    to: Option<usize>,
    last: usize,
) -> (usize, usize, usize) {
    let max = to.unwrap_or(last).min(last);
    let min = from.unwrap_or(0).min(max);
    let step = step.unwrap_or(min).clamp(min, max);
    (step, min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swipes_step_only_when_long_and_mostly_sideways() {
        assert_eq!(swipe_action(-120.0, 10.0), Some(KeyAction::Next));
        assert_eq!(swipe_action(120.0, -30.0), Some(KeyAction::Prev));
        assert_eq!(swipe_action(-20.0, 0.0), None, "a tap or a short drag");
        assert_eq!(swipe_action(-100.0, 80.0), None, "a diagonal scroll");
        assert_eq!(swipe_action(0.0, -300.0), None, "a vertical scroll");
        assert_eq!(swipe_action(f64::NAN, 0.0), None);
    }

    #[test]
    fn keys_map_to_actions_and_clickers_page() {
        assert_eq!(KeyAction::from_key(" "), Some(KeyAction::Toggle));
        assert_eq!(KeyAction::from_key("PageDown"), Some(KeyAction::Next));
        assert_eq!(KeyAction::from_key("PageUp"), Some(KeyAction::Prev));
        assert_eq!(KeyAction::from_key("a"), None);
    }

    #[test]
    fn a_press_before_the_render_starts_where_the_last_one_went() {
        let asked = Asked { seen: 3, to: 4 };
        assert_eq!(
            asked.from(3),
            4,
            "step 3 is still shown: the press goes on from 4"
        );
        assert_eq!(asked.from(4), 4);
        assert_eq!(
            asked.from(7),
            7,
            "another step was rendered since: start there"
        );
    }

    #[test]
    fn targets_stay_within_the_range() {
        assert_eq!(KeyAction::Next.target(9, 3, 9), Some(9));
        assert_eq!(KeyAction::Prev.target(3, 3, 9), Some(3));
        assert_eq!(KeyAction::Prev.target(0, 0, 9), Some(0));
        assert_eq!(KeyAction::First.target(7, 3, 9), Some(3));
        assert_eq!(KeyAction::Last.target(4, 3, 9), Some(9));
        assert_eq!(KeyAction::Toggle.target(4, 3, 9), None);
    }

    #[test]
    fn step_is_clamped_to_the_trace_and_the_embed_range() {
        assert_eq!(clamp_step(None, None, None, 10), (0, 0, 10));
        assert_eq!(clamp_step(Some(99), None, None, 10), (10, 0, 10));
        assert_eq!(clamp_step(Some(1), Some(3), Some(8), 10), (3, 3, 8));
        assert_eq!(clamp_step(None, Some(30), Some(40), 10), (10, 10, 10));
    }
}
