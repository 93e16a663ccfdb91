//! URL ⇄ route: the URL is the state worth sharing.
//!
//! `#/tcp?step=4&lang=en` (and the same keys in `?…` before the hash, which the
//! hash overrides) parse into a [`Route`] plus a list of [`UrlProblem`]s; bad parts
//! are dropped with a problem each, never a panic. [`Route::to_hash`] writes it back.

use crate::i18n::{echo, tf, Lang};
use crate::scenes::Scene;
use std::collections::BTreeMap;

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// High contrast, large type, for a projector.
    Projector,
}

impl Theme {
    /// Every theme, in menu order.
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Projector];

    /// Code for URLs, storage and the `data-theme` attribute.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }

    /// Parses a code (case-insensitive).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL
            .into_iter()
            .find(|t| t.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The i18n key of the theme's name.
    #[must_use]
    pub fn label_key(self) -> &'static str {
        match self {
            Theme::Auto => "theme.auto",
            Theme::Light => "theme.light",
            Theme::Dark => "theme.dark",
            Theme::Projector => "theme.projector",
        }
    }
}

/// Everything the URL says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    /// The scene shown.
    pub scene: Scene,
    /// `lang=` if given.
    pub lang: Option<Lang>,
    /// `theme=` if given.
    pub theme: Option<Theme>,
    /// `embed=1`: only the scene, no chrome.
    pub embed: bool,
    /// `step=`: the player's step (an event index).
    pub step: Option<usize>,
    /// `from=`: first step an embed may show.
    pub from: Option<usize>,
    /// `to=`: last step an embed may show.
    pub to: Option<usize>,
    /// `predict=1`: predict mode (questions before chosen steps).
    pub predict: bool,
    /// `seed=`: the order of predict mode's choices (a shared link keeps it).
    pub seed: Option<u64>,
    /// Scene parameters: `variant` and the engine's scenario keys (`server.port`, …),
    /// kept as typed; the scene validates them through the engine.
    pub params: BTreeMap<String, String>,
}

/// Whether `key` is a scene parameter: one a scene declares, or an engine scenario key
/// (validated later by the scene, through the engine).
#[must_use]
pub fn is_scene_key(key: &str) -> bool {
    Scene::ALL.iter().any(|s| s.param_keys().contains(&key))
        || wirewalk_engine::scenario::KEYS.contains(&key)
}

/// Characters left as they are in a URL value; everything else is percent-encoded.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:*".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Something in the URL that was ignored, with what to tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// `#/nope`.
    UnknownScene(String),
    /// `lang=fr`.
    UnknownLang(String),
    /// `theme=neon`.
    UnknownTheme(String),
    /// A known key with a value that does not parse (`step=abc`).
    BadValue {
        /// The key.
        key: String,
        /// The value as given.
        value: String,
    },
    /// A key no scene knows.
    UnknownKey(String),
    /// Percent-escapes that are not valid UTF-8.
    BadEncoding,
    /// `from=9&to=3`: a range given backwards, read as `from=3&to=9`.
    RangeReversed {
        /// `from` as given.
        from: usize,
        /// `to` as given.
        to: usize,
    },
}

impl UrlProblem {
    /// The translated sentence shown in the notice.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            UrlProblem::UnknownScene(s) => tf(lang, "notice.unknown_scene", &[s]),
            UrlProblem::UnknownLang(s) => tf(lang, "notice.unknown_lang", &[s]),
            UrlProblem::UnknownTheme(s) => tf(lang, "notice.unknown_theme", &[s]),
            UrlProblem::BadValue { key, value } => tf(lang, "notice.bad_value", &[key, value]),
            UrlProblem::UnknownKey(k) => tf(lang, "notice.unknown_key", &[k]),
            UrlProblem::BadEncoding => tf(lang, "notice.bad_encoding", &[]),
            UrlProblem::RangeReversed { from, to } => tf(
                lang,
                "notice.range_reversed",
                &[&from.to_string(), &to.to_string()],
            ),
        }
    }
}

/// Decodes `%XX` escapes (and `+` as space when `plus_is_space`). Invalid UTF-8 is
/// replaced and reported as `Err` together with the lossy text.
fn percent_decode(s: &str, plus_is_space: bool) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn parse_index(key: &str, value: &str, problems: &mut Vec<UrlProblem>) -> Option<usize> {
    match value.trim().parse::<usize>() {
        Ok(n) if n <= 1_000_000 => Some(n),
        _ => {
            problems.push(UrlProblem::BadValue {
                key: key.to_owned(),
                value: echo(value),
            });
            None
        }
    }
}

impl Route {
    /// Parses `location.search` and `location.hash` (each with or without its leading
    /// `?` / `#`). Never fails: what cannot be used is dropped and reported.
    #[must_use]
    pub fn parse(search: &str, hash: &str) -> (Route, Vec<UrlProblem>) {
        let mut route = Route::default();
        let mut problems = Vec::new();

        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, hash_query) = hash.split_once('?').unwrap_or((hash, ""));
        let search = search.strip_prefix('?').unwrap_or(search);

        let path = match percent_decode(path, false) {
            Ok(p) => p,
            Err(lossy) => {
                problems.push(UrlProblem::BadEncoding);
                lossy
            }
        };
        let slug = path.trim().trim_matches('/');
        if !slug.is_empty() {
            match Scene::from_slug(slug) {
                Some(scene) => route.scene = scene,
                None => problems.push(UrlProblem::UnknownScene(echo(slug))),
            }
        }

        for pair in search.split('&').chain(hash_query.split('&')) {
            if pair.is_empty() {
                continue;
            }
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = match (percent_decode(k, true), percent_decode(v, true)) {
                (Ok(k), Ok(v)) => (k, v),
                (k, v) => {
                    problems.push(UrlProblem::BadEncoding);
                    (k.unwrap_or_else(|e| e), v.unwrap_or_else(|e| e))
                }
            };
            route.apply(&k, &v, &mut problems);
        }
        // A backwards range is the same range: swap it and say so.
        if let (Some(from), Some(to)) = (route.from, route.to) {
            if from > to {
                problems.push(UrlProblem::RangeReversed { from, to });
                (route.from, route.to) = (Some(to), Some(from));
            }
        }
        (route, problems)
    }

    fn apply(&mut self, key: &str, value: &str, problems: &mut Vec<UrlProblem>) {
        match key {
            "lang" => match Lang::from_code(value) {
                Some(l) => self.lang = Some(l),
                None => problems.push(UrlProblem::UnknownLang(echo(value))),
            },
            "theme" => match Theme::from_code(value) {
                Some(t) => self.theme = Some(t),
                None => problems.push(UrlProblem::UnknownTheme(echo(value))),
            },
            "embed" => match value {
                "1" | "true" | "yes" | "" => self.embed = true,
                "0" | "false" | "no" => self.embed = false,
                _ => problems.push(UrlProblem::BadValue {
                    key: key.to_owned(),
                    value: echo(value),
                }),
            },
            "predict" => match value {
                "1" | "true" | "yes" | "" => self.predict = true,
                "0" | "false" | "no" => self.predict = false,
                _ => problems.push(UrlProblem::BadValue {
                    key: key.to_owned(),
                    value: echo(value),
                }),
            },
            "seed" => match value.trim().parse::<u64>() {
                Ok(n) if (1..=crate::scenes::predict::MAX_SEED).contains(&n) => {
                    self.seed = Some(n);
                }
                _ => problems.push(UrlProblem::BadValue {
                    key: key.to_owned(),
                    value: echo(value),
                }),
            },
            "step" => self.step = parse_index(key, value, problems),
            "from" => self.from = parse_index(key, value, problems),
            "to" => self.to = parse_index(key, value, problems),
            k if is_scene_key(k) => {
                self.params.insert(k.to_owned(), value.to_owned());
            }
            _ => problems.push(UrlProblem::UnknownKey(echo(key))),
        }
    }

    /// The hash that reproduces this route, e.g. `#/tcp?step=4&lang=en`.
    #[must_use]
    pub fn to_hash(&self) -> String {
        let mut q: Vec<String> = Vec::new();
        if let Some(s) = self.step {
            q.push(format!("step={s}"));
        }
        if let Some(f) = self.from {
            q.push(format!("from={f}"));
        }
        if let Some(t) = self.to {
            q.push(format!("to={t}"));
        }
        for (k, v) in &self.params {
            q.push(format!("{}={}", encode(k), encode(v)));
        }
        if self.predict {
            q.push("predict=1".to_owned());
        }
        if let Some(s) = self.seed {
            q.push(format!("seed={s}"));
        }
        if let Some(l) = self.lang {
            q.push(format!("lang={}", l.code()));
        }
        if let Some(t) = self.theme {
            if t != Theme::Auto {
                q.push(format!("theme={}", t.code()));
            }
        }
        if self.embed {
            q.push("embed=1".to_owned());
        }
        let mut h = format!("#/{}", self.scene.slug());
        if !q.is_empty() {
            h.push('?');
            h.push_str(&q.join("&"));
        }
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_scene_step_and_lang_from_the_hash() {
        let (r, p) = Route::parse("", "#/tcp?step=4&lang=en");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(r.scene, Scene::Tcp);
        assert_eq!(r.step, Some(4));
        assert_eq!(r.lang, Some(Lang::En));
        assert_eq!(r.to_hash(), "#/tcp?step=4&lang=en");
    }

    #[test]
    fn search_params_apply_and_the_hash_overrides_them() {
        let (r, p) = Route::parse("?lang=zh&embed=1&theme=projector", "#/lan?lang=en");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(r.scene, Scene::Lan);
        assert_eq!(r.lang, Some(Lang::En));
        assert!(r.embed);
        assert_eq!(r.theme, Some(Theme::Projector));
        assert_eq!(r.to_hash(), "#/lan?lang=en&theme=projector&embed=1");
    }

    #[test]
    fn empty_url_is_the_default_scene_without_problems() {
        for h in ["", "#", "#/", "#//"] {
            let (r, p) = Route::parse("", h);
            assert_eq!(r, Route::default(), "{h}");
            assert!(p.is_empty(), "{h}: {p:?}");
        }
    }

    #[test]
    fn unknown_scene_falls_back_with_a_problem() {
        let (r, p) = Route::parse("", "#/nosuch?step=2");
        assert_eq!(r.scene, Scene::default());
        assert_eq!(r.step, Some(2));
        assert_eq!(p, vec![UrlProblem::UnknownScene("nosuch".into())]);
        assert!(p[0].message(Lang::En).contains("nosuch"));
        assert!(p[0].message(Lang::Zh).contains("nosuch"));
    }

    #[test]
    fn each_bad_part_is_reported_and_dropped() {
        let (r, p) = Route::parse(
            "?lang=fr&zzz=1",
            "#/tcp?step=abc&theme=neon&embed=maybe&from=-1&to=99999999999",
        );
        assert_eq!(r.scene, Scene::Tcp);
        assert_eq!(
            (r.lang, r.theme, r.step, r.from, r.to),
            (None, None, None, None, None)
        );
        assert!(!r.embed);
        assert_eq!(p.len(), 7, "{p:?}");
        assert!(p.contains(&UrlProblem::UnknownLang("fr".into())));
        assert!(p.contains(&UrlProblem::UnknownKey("zzz".into())));
        assert!(p.contains(&UrlProblem::UnknownTheme("neon".into())));
    }

    #[test]
    fn garbage_never_panics_and_echoes_are_short() {
        let long = "x".repeat(500);
        let inputs = [
            "#%",
            "#/%zz",
            "#/%ff%fe?%ff=%fe",
            "#?&&&==&=",
            "#/tcp?step=%E4%BD%A0",
            "#/\u{1F600}?lang=\u{1F600}",
            &format!("#/{long}"),
        ];
        for h in inputs {
            let (_r, p) = Route::parse("?%", h);
            for prob in &p {
                assert!(
                    prob.message(Lang::En).chars().count() < 200,
                    "{h}: {prob:?}"
                );
            }
        }
        let (_r, p) = Route::parse("", "#/%ff%fe");
        assert!(p.contains(&UrlProblem::BadEncoding));
    }

    #[test]
    fn a_backwards_range_is_swapped_and_reported() {
        let (r, p) = Route::parse("", "#/tcp?embed=1&step=1000000&from=999999&to=3");
        assert_eq!((r.from, r.to), (Some(3), Some(999_999)));
        assert_eq!(
            p,
            vec![UrlProblem::RangeReversed {
                from: 999_999,
                to: 3
            }]
        );
        for lang in [Lang::Zh, Lang::En] {
            let m = p[0].message(lang);
            assert!(m.contains("999999") && m.contains('3'), "{m}");
        }
        assert_eq!(r.to_hash(), "#/tcp?step=1000000&from=3&to=999999&embed=1");
        // Equal ends and a forward range are fine as they are.
        for h in [
            "#/tcp?from=4&to=4",
            "#/tcp?from=2&to=9",
            "#/tcp?from=9",
            "#/tcp?to=1",
        ] {
            let (_, p) = Route::parse("", h);
            assert!(p.is_empty(), "{h}: {p:?}");
        }
    }

    #[test]
    fn percent_escapes_and_case_are_accepted() {
        let (r, p) = Route::parse("", "#/%54CP?lang=EN");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(r.scene, Scene::Tcp);
        assert_eq!(r.lang, Some(Lang::En));
    }

    #[test]
    fn scene_parameters_are_kept_as_typed_for_the_scene_to_validate() {
        let (r, p) = Route::parse(
            "",
            "#/tcp?variant=refused&server.port=99999&client.payload=hi%20there",
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(r.params.get("variant").map(String::as_str), Some("refused"));
        assert_eq!(
            r.params.get("server.port").map(String::as_str),
            Some("99999")
        );
        assert_eq!(
            r.params.get("client.payload").map(String::as_str),
            Some("hi there")
        );
    }

    #[test]
    fn predict_mode_and_its_seed_are_app_wide_keys() {
        let (r, p) = Route::parse("", "#/tcp?predict=1&seed=77&lang=en");
        assert!(p.is_empty(), "{p:?}");
        assert!(r.predict);
        assert_eq!(r.seed, Some(77));
        assert_eq!(r.to_hash(), "#/tcp?predict=1&seed=77&lang=en");
        let (r, p) = Route::parse("", "#/lan?predict=maybe&seed=0&seed=x&seed=9999999");
        assert!(!r.predict && r.seed.is_none());
        assert_eq!(p.len(), 4, "{p:?}");
        let (r, _) = Route::parse("?predict", "#/encapsulation?predict=0");
        assert!(!r.predict);
    }

    #[test]
    fn to_hash_round_trips() {
        let r = Route {
            scene: Scene::Encapsulation,
            lang: Some(Lang::Zh),
            theme: Some(Theme::Dark),
            embed: true,
            step: Some(3),
            from: Some(1),
            to: Some(9),
            predict: true,
            seed: Some(42),
            params: [
                ("variant".to_owned(), "tcp_loss".to_owned()),
                ("client.payload".to_owned(), "你好 & bye=1".to_owned()),
            ]
            .into_iter()
            .collect(),
        };
        let (back, p) = Route::parse("", &r.to_hash());
        assert!(p.is_empty());
        assert_eq!(back, r);
    }
}
