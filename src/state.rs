//! `AppState` and its actions: the one reducer the views read and dispatch to.
//!
//! State flows one way: URL → [`AppState::from_url`] → views → [`Action`] →
//! [`AppState::reduce`] → URL (written back by the shell).

use crate::i18n::Lang;
use crate::platform::Environment;
use crate::route::{Route, Theme, UrlProblem};
use crate::scenes::{PageAction, Scene};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// The whole application state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppState {
    /// Scene shown.
    pub scene: Scene,
    /// Display language.
    pub lang: Lang,
    /// Colour theme.
    pub theme: Theme,
    /// Embed mode: only the scene.
    pub embed: bool,
    /// Player step, if the URL or the player set one.
    pub step: Option<usize>,
    /// Embed step range start.
    pub from: Option<usize>,
    /// Embed step range end.
    pub to: Option<usize>,
    /// Predict mode: questions before chosen steps.
    pub predict: bool,
    /// The seed that orders predict mode's choices.
    pub seed: Option<u64>,
    /// Problems found in the URL, shown as a notice until dismissed.
    pub problems: Vec<UrlProblem>,
    /// Deliberate panic requested by the test-only [`Environment::panic_probe`].
    pub debug_panic: bool,
    /// Scene parameters (`variant`, engine scenario keys), as in the URL.
    pub params: BTreeMap<String, String>,
}

impl AppState {
    /// The start-up state: the URL first, then what was remembered, then the browser's
    /// language preference.
    #[must_use]
    pub fn from_url(search: &str, hash: &str, env: &Environment) -> AppState {
        let (route, problems) = Route::parse(search, hash);
        let lang = route
            .lang
            .or_else(|| env.stored_lang.as_deref().and_then(Lang::from_code))
            .unwrap_or_else(|| {
                Lang::from_preferences(env.browser_langs.iter().map(String::as_str))
            });
        let theme = route
            .theme
            .or_else(|| env.stored_theme.as_deref().and_then(Theme::from_code))
            .unwrap_or_default();
        let mut s = AppState {
            lang,
            theme,
            debug_panic: env.panic_probe,
            ..AppState::default()
        };
        s.apply_route(route, problems);
        s
    }

    fn apply_route(&mut self, route: Route, problems: Vec<UrlProblem>) {
        self.scene = route.scene;
        self.embed = route.embed;
        self.step = route.step;
        self.from = route.from;
        self.to = route.to;
        self.predict = route.predict;
        self.seed = route.seed;
        self.params = route.params;
        if let Some(l) = route.lang {
            self.lang = l;
        }
        if let Some(t) = route.theme {
            self.theme = t;
        }
        self.problems = problems;
    }

    /// The route that reproduces this state (language always included, so a shared
    /// link opens in the language the teacher saw).
    #[must_use]
    pub fn route(&self) -> Route {
        Route {
            scene: self.scene,
            lang: Some(self.lang),
            theme: Some(self.theme),
            embed: self.embed,
            step: self.step,
            from: self.from,
            to: self.to,
            predict: self.predict,
            seed: self.seed,
            params: self.params.clone(),
        }
    }
}

/// Everything a view can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The URL changed (hashchange, back/forward).
    Navigate {
        /// Search part.
        search: String,
        /// Hash part.
        hash: String,
    },
    /// Switch language.
    SetLang(Lang),
    /// Switch theme.
    SetTheme(Theme),
    /// Go to a scene (its step starts over).
    SetScene(Scene),
    /// Move the player.
    SetStep(Option<usize>),
    /// Set (`Some`) or clear (`None`) one scene parameter; the step is kept (the scene
    /// clamps it to the new trace).
    SetParam(String, Option<String>),
    /// Turn predict mode on or off (app-wide: it stays on from scene to scene).
    SetPredict(bool),
    /// Set the seed of predict mode's choice order.
    SetSeed(Option<u64>),
    /// Hide the URL notice.
    DismissNotice,
}

impl From<PageAction> for Action {
    fn from(a: PageAction) -> Action {
        match a {
            PageAction::SetStep(s) => Action::SetStep(s),
            PageAction::SetParam(k, v) => Action::SetParam(k, v),
            PageAction::SetPredict(on) => Action::SetPredict(on),
            PageAction::SetSeed(s) => Action::SetSeed(s),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate { search, hash } => {
                let (route, problems) = Route::parse(&search, &hash);
                // The URL we wrote ourselves comes back through hashchange: no change then.
                if route == self.route() && problems.is_empty() {
                    return self;
                }
                next.apply_route(route, problems);
            }
            Action::SetLang(l) => next.lang = l,
            Action::SetTheme(t) => next.theme = t,
            Action::SetScene(s) => {
                if s != self.scene {
                    next.scene = s;
                    next.step = None;
                    next.from = None;
                    next.to = None;
                    next.params.clear();
                }
            }
            Action::SetParam(k, v) => match v {
                Some(v) => {
                    next.params.insert(k, v);
                }
                None => {
                    next.params.remove(&k);
                }
            },
            Action::SetStep(s) => next.step = s,
            Action::SetPredict(on) => {
                next.predict = on;
                if !on {
                    next.seed = None;
                }
            }
            Action::SetSeed(s) => next.seed = s,
            Action::DismissNotice => next.problems.clear(),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(stored: Option<&str>, browser: &[&str]) -> Environment {
        Environment {
            stored_lang: stored.map(str::to_owned),
            stored_theme: None,
            browser_langs: browser.iter().map(|s| (*s).to_owned()).collect(),
            panic_probe: false,
        }
    }

    #[test]
    fn only_the_session_switch_arms_the_panic_probe_never_a_link() {
        let e = env(None, &[]);
        let s = AppState::from_url("?debug=panic", "#/tcp?debug=panic", &e);
        assert!(!s.debug_panic);
        assert!(s.route().to_hash().find("debug").is_none());
        let armed = Environment {
            panic_probe: true,
            ..env(None, &[])
        };
        assert!(AppState::from_url("", "#/tcp", &armed).debug_panic);
    }

    #[test]
    fn language_comes_from_url_then_storage_then_browser() {
        let e = env(Some("en"), &["zh-CN"]);
        assert_eq!(AppState::from_url("", "#/tcp?lang=zh", &e).lang, Lang::Zh);
        assert_eq!(AppState::from_url("", "#/tcp", &e).lang, Lang::En);
        assert_eq!(
            AppState::from_url("", "", &env(None, &["zh-CN", "en"])).lang,
            Lang::Zh
        );
        assert_eq!(
            AppState::from_url("", "", &env(None, &["fr"])).lang,
            Lang::En
        );
        assert_eq!(
            AppState::from_url("", "", &env(Some("garbage"), &["zh"])).lang,
            Lang::Zh
        );
    }

    #[test]
    fn no_op_actions_return_the_same_rc() {
        let s = Rc::new(AppState::from_url(
            "",
            "#/tcp?lang=en",
            &Environment::default(),
        ));
        let same = s.clone().reduce(Action::SetLang(Lang::En));
        assert!(Rc::ptr_eq(&s, &same));
        let same = s.clone().reduce(Action::SetScene(Scene::Tcp));
        assert!(Rc::ptr_eq(&s, &same));
        let hash = s.route().to_hash();
        let same = s.clone().reduce(Action::Navigate {
            search: String::new(),
            hash,
        });
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn scene_change_resets_the_step_and_url_follows_state() {
        let s = Rc::new(AppState::from_url(
            "",
            "#/tcp?step=7&lang=zh",
            &Environment::default(),
        ));
        assert_eq!(s.step, Some(7));
        let s = s.reduce(Action::SetScene(Scene::Lan));
        assert_eq!(s.step, None);
        assert_eq!(s.route().to_hash(), "#/lan?lang=zh");
        let s = s.reduce(Action::SetTheme(Theme::Projector));
        assert_eq!(s.route().to_hash(), "#/lan?lang=zh&theme=projector");
    }

    #[test]
    fn navigate_reports_problems_until_dismissed() {
        let s = Rc::new(AppState::default());
        let s = s.reduce(Action::Navigate {
            search: String::new(),
            hash: "#/bogus?lang=xx".into(),
        });
        assert_eq!(s.scene, Scene::default());
        assert_eq!(s.problems.len(), 2);
        let s = s.reduce(Action::DismissNotice);
        assert!(s.problems.is_empty());
    }
}
