//! Scene parameters through the engine, shared by every scene that runs a scenario.
//!
//! URL values are applied one at a time, each set and validated by the engine on a
//! copy; a rejected value is reported with the engine's error and left at its default,
//! so a scene always has a trace to show. Typed input is checked the same way before
//! it reaches the URL; what the engine rejects stays in a draft beside its field.

use super::PageAction;
use crate::i18n::{error_message, Lang};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use wirewalk_engine::scenario::{Scenario, ScenarioError};
use wirewalk_engine::trace::Trace;
use yew::prelude::*;

/// Rejected parameters: each key with the engine's error.
pub type Rejected = Vec<(String, ScenarioError)>;

/// The value of `key` if it is one of `allowed`, else `default` (an unknown value is
/// reported as an unknown scenario, which lists the names).
pub fn choice(
    params: &BTreeMap<String, String>,
    key: &str,
    allowed: &[&str],
    default: &str,
    errors: &mut Rejected,
) -> String {
    match params.get(key) {
        Some(v) if allowed.contains(&v.as_str()) => v.clone(),
        Some(v) => {
            errors.push((key.to_owned(), ScenarioError::UnknownScenario(v.clone())));
            default.to_owned()
        }
        None => default.to_owned(),
    }
}

/// Applies the `(key, value)` pairs to `defaults` and runs the result with `run`.
/// A value the engine rejects is reported and skipped; if the combination then fails to
/// run, every pair is reported with that error and `defaults` runs instead.
///
/// # Errors
/// Only when `defaults` itself fails to run (an engine bug).
pub fn apply_and_run<'a, T>(
    defaults: &Scenario,
    pairs: impl Iterator<Item = (&'a String, &'a String)> + Clone,
    run: impl Fn(&Scenario) -> Result<T, ScenarioError>,
    errors: &mut Rejected,
) -> Result<(Scenario, T), ScenarioError> {
    let mut s = defaults.clone();
    for (k, v) in pairs.clone() {
        let mut candidate = s.clone();
        match candidate.set(k, v).and_then(|()| candidate.validate()) {
            Ok(()) => s = candidate,
            Err(e) => errors.push((k.clone(), e)),
        }
    }
    match run(&s) {
        Ok(t) => Ok((s, t)),
        Err(e) => {
            for (k, _) in pairs {
                errors.push((k.clone(), e.clone()));
            }
            let t = run(defaults)?;
            Ok((defaults.clone(), t))
        }
    }
}

/// The engine run made while checking a typed value, kept for the build that follows.
///
/// A value the engine accepts goes to the URL, and the scene then rebuilds from the URL;
/// the scenario that build arrives at is the one just checked, so it takes this run
/// instead of making it again. One slot, taken once; a newer check replaces it.
pub struct LastRun<T> {
    kept: RefCell<Option<(Scenario, T)>>,
    hits: Cell<usize>,
}

impl<T> Default for LastRun<T> {
    fn default() -> Self {
        LastRun {
            kept: RefCell::new(None),
            hits: Cell::new(0),
        }
    }
}

impl<T> LastRun<T> {
    /// Runs `s` with `run`, unless the kept run is of this very scenario: then takes it.
    ///
    /// # Errors
    /// The engine's error for `s`.
    pub fn run(
        &self,
        s: &Scenario,
        run: impl Fn(&Scenario) -> Result<T, ScenarioError>,
    ) -> Result<T, ScenarioError> {
        let mut kept = self.kept.borrow_mut();
        if kept.as_ref().is_some_and(|(k, _)| k == s) {
            if let Some((_, t)) = kept.take() {
                self.hits.set(self.hits.get() + 1);
                return Ok(t);
            }
        }
        drop(kept);
        run(s)
    }

    /// Keeps the run `t` of `s` for the next [`LastRun::run`].
    pub fn keep(&self, s: Scenario, t: T) {
        *self.kept.borrow_mut() = Some((s, t));
    }

    /// How many runs were taken instead of made.
    #[must_use]
    pub fn hits(&self) -> usize {
        self.hits.get()
    }
}

/// Checks one field's new value against `scenario`: set, validate, and run with `run`
/// as the scene would. A successful run is kept in `last` for the rebuild that follows.
///
/// # Errors
/// The engine's error for this value.
pub fn check<T>(
    scenario: &Scenario,
    key: &str,
    value: &str,
    run: impl Fn(&Scenario) -> Result<T, ScenarioError>,
    last: &LastRun<T>,
) -> Result<(), ScenarioError> {
    let mut s = scenario.clone();
    s.set(key, value)?;
    s.validate()?;
    let t = run(&s)?;
    last.keep(s, t);
    Ok(())
}

/// The translated error for `key`, if it was rejected.
#[must_use]
pub fn field_error(errors: &Rejected, key: &str, lang: Lang) -> Option<String> {
    errors
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, e)| error_message(lang, e))
}

/// For each frame of `trace`, the index of its event.
///
/// # Errors
/// The engine's error (shown like any other) if a frame has no event: no step could show it.
pub fn frame_events(trace: &Trace) -> Result<Vec<usize>, ScenarioError> {
    Ok(trace.frame_events()?)
}

/// Text typed into fields that the engine rejected: key → (text, translated error).
pub type Drafts = BTreeMap<String, (String, String)>;

/// Asks the engine whether `value` is acceptable for `key`.
pub type Validator = Rc<dyn Fn(&str, &str) -> Result<(), ScenarioError>>;

/// Sets `key` to `value` if the engine accepts it, else keeps it as a draft.
pub type Setter = Rc<dyn Fn(&str, String)>;

/// A field setter for a scene: a value the engine accepts (checked by `valid`) goes to
/// the URL through `dispatch`; one it rejects stays in the returned drafts, with its
/// message, beside its field.
#[hook]
pub fn use_param_setter(
    lang: Lang,
    dispatch: Callback<PageAction>,
    valid: Validator,
) -> (UseStateHandle<Drafts>, Setter) {
    let drafts = use_state_eq(Drafts::new);
    let setter = {
        let drafts = drafts.clone();
        Rc::new(move |key: &str, value: String| {
            let mut d = (*drafts).clone();
            match valid(key, &value) {
                Ok(()) => {
                    d.remove(key);
                    dispatch.emit(PageAction::SetParam(key.to_owned(), Some(value)));
                }
                Err(e) => {
                    d.insert(key.to_owned(), (value, error_message(lang, &e)));
                }
            }
            drafts.set(d);
        }) as Setter
    };
    (drafts, setter)
}

/// The common default ports of the course, offered as quick picks.
pub const PORT_PICKS: [(&str, u16); 9] = [
    ("MySQL", 3306),
    ("MongoDB", 27017),
    ("Django", 8000),
    ("Tomcat", 8080),
    ("Flask", 5000),
    ("Redis", 6379),
    ("HTTP", 80),
    ("HTTPS", 443),
    ("FTP", 21),
];

/// URL parameters from `(key, value)` pairs, as the scenes' tests write them.
#[cfg(test)]
#[must_use]
pub fn url_params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirewalk_engine::run;

    use super::url_params as p;

    #[test]
    fn a_rejected_value_is_reported_and_the_others_apply() {
        let defaults = Scenario::named("tcp").unwrap();
        let params = p(&[("server.port", "0"), ("client.payload", "hi")]);
        let mut errors = Vec::new();
        let (s, t) = apply_and_run(&defaults, params.iter(), run, &mut errors).unwrap();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, "server.port");
        assert_eq!(s.params.client_payload, "hi");
        assert_eq!(s.params.server_port, defaults.params.server_port);
        assert!(!t.frames.is_empty());
        assert!(field_error(&errors, "server.port", Lang::Zh).is_some());
        assert!(field_error(&errors, "client.payload", Lang::Zh).is_none());
    }

    #[test]
    fn choice_falls_back_and_reports() {
        let mut errors = Vec::new();
        assert_eq!(
            choice(
                &p(&[("v", "udp")]),
                "v",
                &["tcp", "udp"],
                "tcp",
                &mut errors
            ),
            "udp"
        );
        assert_eq!(
            choice(
                &p(&[("v", "warp")]),
                "v",
                &["tcp", "udp"],
                "tcp",
                &mut errors
            ),
            "tcp"
        );
        assert_eq!(choice(&p(&[]), "v", &["tcp"], "tcp", &mut errors), "tcp");
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn frame_events_point_at_frame_events() {
        let t = run(&Scenario::named("tcp").unwrap()).unwrap();
        for (f, &e) in frame_events(&t).unwrap().iter().enumerate() {
            assert_eq!(
                t.events[e].kind,
                wirewalk_engine::trace::EventKind::Frame { frame: f }
            );
        }
        let last = LastRun::default();
        let tcp = Scenario::named("tcp").unwrap();
        assert!(check(&tcp, "server.port", "70000", run, &last).is_err());
        assert!(check(&tcp, "server.port", "3306", run, &last).is_ok());
    }

    #[test]
    fn a_checked_value_is_run_once() {
        use std::cell::Cell;
        let runs = Cell::new(0);
        let counted = |s: &Scenario| {
            runs.set(runs.get() + 1);
            run(s)
        };
        let last = LastRun::default();
        let tcp = Scenario::named("tcp").unwrap();
        check(&tcp, "server.port", "3306", counted, &last).unwrap();
        assert_eq!(runs.get(), 1);
        // The rebuild from the URL reaches the same scenario: no second run.
        let mut errors = Vec::new();
        let (s, t) = apply_and_run(
            &tcp,
            p(&[("server.port", "3306")]).iter(),
            |s: &Scenario| last.run(s, counted),
            &mut errors,
        )
        .unwrap();
        assert!(errors.is_empty());
        assert_eq!((runs.get(), last.hits()), (1, 1));
        assert_eq!(
            t,
            run(&s).unwrap(),
            "the kept run is the run of this scenario"
        );
        // Only once: the next build of the same scenario runs the engine.
        let _ = last.run(&s, counted).unwrap();
        assert_eq!((runs.get(), last.hits()), (2, 1));
        // A different scenario never takes a kept run.
        check(&tcp, "server.port", "3306", counted, &last).unwrap();
        let _ = last.run(&tcp, counted).unwrap();
        assert_eq!((runs.get(), last.hits()), (4, 1));
    }
}
