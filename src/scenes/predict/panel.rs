//! The predict panel: the open question as a radio group with a check button, the verdict
//! in a live region, the score and "Try again"; and [`use_predict`], the hook a scene
//! calls to hold its player at the open question.

use super::{gate, open_at, score, verdict, Answers, Question, DEFAULT_SEED};
use crate::i18n::{t, tf, Lang};
use crate::player::clamp_step;
use crate::scenes::{PageAction, PageProps};
use std::rc::Rc;
use yew::prelude::*;

/// The student's answers for one set of questions (`key`: the seed and the questions).
#[derive(Debug, Clone, PartialEq, Default)]
struct Quiz {
    key: String,
    answers: Answers,
    last: Option<usize>,
}

/// What a scene in predict mode gets back.
pub struct Predict {
    /// The step to show (the URL's, clamped to `min..=max` and held at the open question).
    pub step: usize,
    /// The first step the player shows (an embed's `from`, else 0).
    pub min: usize,
    /// The last step the player shows (an embed's `to`, else the scene's last).
    pub max: usize,
    /// The furthest step the player may move to (`None`: predict mode is off).
    pub stop: Option<usize>,
    /// The panel to draw under the player (empty when predict mode is off).
    pub panel: Html,
}

/// Clamps the page's URL step to its embed range and the scene's `last_step`, holds the
/// player at the open question of `questions` (in predict mode) and draws the panel.
/// Every scene with a player calls it on every render (it is a hook).
#[hook]
pub fn use_predict(props: &PageProps, questions: Rc<Vec<Question>>, last_step: usize) -> Predict {
    let quiz = use_state_eq(Quiz::default);
    let (lang, dispatch) = (props.lang, props.dispatch.clone());
    let (step, min, max) = clamp_step(props.step, props.from, props.to, last_step);
    if !props.predict {
        return Predict {
            step,
            min,
            max,
            stop: None,
            panel: Html::default(),
        };
    }
    let seed = props.seed.unwrap_or(DEFAULT_SEED);
    let key = format!(
        "{seed}|{min}|{max}|{}",
        questions
            .iter()
            .map(|q| format!("{}@{}={}", q.kind, q.at, q.answer.render(Lang::En)))
            .collect::<Vec<_>>()
            .join(",")
    );
    let (answers, last) = if quiz.key == key {
        (quiz.answers.clone(), quiz.last)
    } else {
        (vec![None; questions.len()], None)
    };
    let stop = gate(&questions, &answers, min, max);
    let step = step.min(stop);
    let open = open_at(&questions, &answers, step, min, max);
    let on_check = {
        let quiz = quiz.clone();
        let answers = answers.clone();
        let questions = questions.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |(i, ok): (usize, bool)| {
            let mut a = answers.clone();
            if let Some(slot) = a.get_mut(i) {
                *slot = Some(ok);
            }
            quiz.set(Quiz {
                key: key.clone(),
                answers: a,
                last: Some(i),
            });
            // Then the step plays.
            if let Some(q) = questions.get(i) {
                dispatch.emit(PageAction::SetStep(Some((q.at + 1).min(max))));
            }
        })
    };
    let on_retry = {
        let quiz = quiz.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            quiz.set(Quiz::default());
            dispatch.emit(PageAction::SetSeed(Some(super::next_seed(seed))));
            dispatch.emit(PageAction::SetStep(Some(min)));
        })
    };
    let asked = super::in_range(&questions, min, max);
    // The last verdict stays in the live region until the next check (or a step back).
    let result = last
        .and_then(|i| Some((i, questions.get(i)?, answers.get(i).copied().flatten()?)))
        .filter(|(_, q, _)| step > q.at);
    let score = score(&questions, &answers, min, max).filter(|_| step >= max);
    let panel = html! {
        <section class="ww-predict" aria-labelledby="predict-title" data-seed={seed.to_string()}>
            <h2 id="predict-title" class="ww-predict-title">{ t(lang, "predict.title") }</h2>
            if asked.is_empty() {
                <p class="ww-predict-none">{ t(lang, "predict.none") }</p>
            } else if let Some(i) = open {
                <Ask key={format!("{seed}-{i}")} {lang} question={questions[i].clone()} index={i}
                     number={asked.iter().position(|&j| j == i).unwrap_or(0) + 1} total={asked.len()}
                     {seed} on_check={on_check} />
            } else if score.is_none() {
                <p class="ww-predict-hint">{ t(lang, "predict.hint") }</p>
            }
            <p class={classes!("ww-predict-result", result.map(|(_, _, ok)| if ok { "is-correct" } else { "is-wrong" }))}
               role="status" aria-live="polite">
                if let Some((_, q, ok)) = result {
                    { verdict(q, ok, lang) }
                }
            </p>
            if let Some((right, total)) = score {
                <p class="ww-predict-score" data-right={right.to_string()} data-total={total.to_string()}>
                    { tf(lang, "predict.score", &[&right.to_string(), &total.to_string()]) }
                </p>
                <button type="button" class="ww-btn ww-predict-retry" onclick={on_retry}>{ t(lang, "predict.retry") }</button>
            }
        </section>
    };
    Predict {
        step,
        min,
        max,
        stop: Some(stop),
        panel,
    }
}

#[derive(Properties, PartialEq)]
struct AskProps {
    lang: Lang,
    question: Question,
    index: usize,
    number: usize,
    total: usize,
    seed: u64,
    on_check: Callback<(usize, bool)>,
}

/// One open question: its choices as radio buttons and the check button.
#[function_component(Ask)]
fn ask(props: &AskProps) -> Html {
    let lang = props.lang;
    let chosen = use_state_eq(|| None::<usize>);
    let choices = props.question.choices(props.seed, props.index);
    let name = format!("predict-q{}", props.index);
    let check = {
        let chosen = chosen.clone();
        let on_check = props.on_check.clone();
        let index = props.index;
        let right: Vec<bool> = choices.iter().map(|c| c.1).collect();
        Callback::from(move |_: MouseEvent| {
            if let Some(ok) = (*chosen).and_then(|c| right.get(c).copied()) {
                on_check.emit((index, ok));
            }
        })
    };
    html! {
        <div class="ww-predict-ask" data-kind={props.question.kind} data-at={props.question.at.to_string()}>
            <p class="ww-predict-count">{ tf(lang, "predict.count", &[&props.number.to_string(), &props.total.to_string()]) }</p>
            <p class="ww-predict-prompt" id={format!("{name}-prompt")}>{ props.question.prompt.render(lang) }</p>
            <div class="ww-predict-choices" role="radiogroup" aria-labelledby={format!("{name}-prompt")}>
                { for choices.iter().enumerate().map(|(i, (w, _))| {
                    let set = chosen.clone();
                    let onchange = Callback::from(move |_: Event| set.set(Some(i)));
                    html! {
                        <label class={classes!("ww-predict-choice", (*chosen == Some(i)).then_some("is-chosen"))} key={i}>
                            <input type="radio" name={name.clone()} value={i.to_string()} checked={*chosen == Some(i)} {onchange} />
                            <span>{ w.render(lang) }</span>
                        </label>
                    }
                }) }
            </div>
            <button type="button" class="ww-btn ww-predict-check" onclick={check} disabled={chosen.is_none()}>
                { t(lang, "predict.check") }
            </button>
        </div>
    }
}

/// The switch that turns predict mode on and off, for a scene's controls.
#[derive(Properties, PartialEq)]
pub struct SwitchProps {
    /// Display language.
    pub lang: Lang,
    /// Whether predict mode is on.
    pub on: bool,
    /// Sends the page's requests to the app.
    pub dispatch: Callback<PageAction>,
}

/// The predict-mode switch.
#[function_component(PredictSwitch)]
pub fn predict_switch(props: &SwitchProps) -> Html {
    let dispatch = props.dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(on) = crate::platform::field_checked(&e) {
            dispatch.emit(PageAction::SetPredict(on));
        }
    });
    html! {
        <label class="ww-check-input ww-predict-switch">
            <input type="checkbox" checked={props.on} {onchange} />
            { t(props.lang, "predict.switch") }
        </label>
    }
}
