//! The shell: product name, scene navigation, language and theme switches, the URL
//! notice, embed chrome, and the scene itself.

use crate::i18n::strings::{self, StringsError};
use crate::i18n::{t, tf, Lang};
use crate::platform;
use crate::route::Theme;
use crate::scenes::{self, PageAction, PageProps, Scene};
use crate::state::{Action, AppState};
use crate::widgets::later;
use std::rc::Rc;
use yew::prelude::*;

/// Problems the URL notice lists one by one; the rest are counted ("N more").
pub const NOTICE_SHOWN: usize = 5;

/// Props of the shell: the start-up state (read from the URL by `main`, or given by a test).
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ShellProps {
    /// State to start from.
    pub initial: AppState,
}

/// The whole app.
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer_eq(move || initial);

    // Over the build's pre-rendered first paint, the app builds hidden (inert, see
    // through) until its later parts are in (widgets::later); then the pre-rendered page
    // goes and the app shows, in one task, so no frame shows both or neither.
    let building = use_state_eq(platform::has_prepaint);
    // Behind the pre-rendered page, the shell's first task draws the header only, and
    // the scene comes in the next (embeds render at once, widgets::later).
    let scene_in = later::use_later(props.initial.embed || !*building, true);
    {
        let building = building.clone();
        use_effect_with((), move |()| {
            if *building {
                later::when_settled(move || {
                    platform::remove_prepaint();
                    building.set(false);
                });
            } else {
                platform::remove_prepaint();
            }
        });
    }
    // Phones: the one-row tab strip shows the current scene's tab (its labels change
    // width with the language).
    use_effect_with((state.scene, state.lang), |_| {
        platform::reveal_current_tab()
    });
    // Browser → state: hash changes (links, back/forward, a teacher's edited URL).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let listener = platform::on_hashchange(move |search, hash| {
                dispatcher.dispatch(Action::Navigate { search, hash });
            });
            move || {
                // Dropping the listener unsubscribes.
                let _unsubscribe = listener;
            }
        });
    }
    // State → browser: URL, title, <html lang>, theme, panic overlay language. A scene
    // the running bundle lacks (a nav link, back/forward, an edited URL) instead reloads
    // the page at the URL as it is (its problems, if any, still in it), so the page's
    // loader fetches that scene's bundle. Never for the scene the page started with, so a
    // loader that picked the wrong bundle shows the loading line instead of reloading
    // forever.
    let start_scene = *use_state(|| state.scene);
    // The words shown: the state's language once its strings file is loaded
    // (i18n::strings), until then the other one, which the page started with.
    let loading = use_state_eq(|| None::<Lang>);
    let strings_error = use_state_eq(|| None::<StringsError>);
    let lang = if strings::loaded(state.lang) {
        state.lang
    } else {
        state.lang.other()
    };
    // A language whose file is not loaded (the switch, a link, back/forward): fetch it
    // and show the loading line meanwhile; if that fails, say so in the shown language
    // and go back to it (the page keeps working).
    {
        let dispatcher = state.dispatcher();
        let (loading, strings_error) = (loading.clone(), strings_error.clone());
        use_effect_with(state.lang, move |&wanted| {
            if strings::loaded(wanted) {
                loading.set(None);
            } else {
                loading.set(Some(wanted));
                strings_error.set(None);
                #[cfg(target_arch = "wasm32")]
                wasm_bindgen_futures::spawn_local(async move {
                    let result = strings::load(wanted).await;
                    loading.set(None);
                    if let Err(e) = result {
                        platform::store(platform::STORE_LANG, wanted.other().code());
                        strings_error.set(Some(e));
                        dispatcher.dispatch(Action::SetLang(wanted.other()));
                    }
                });
                #[cfg(not(target_arch = "wasm32"))]
                let _ = dispatcher;
            }
        });
    }
    {
        let route_hash = state.route().to_hash();
        let (theme, scene) = (state.theme, state.scene);
        use_effect_with(
            (route_hash, lang, theme, scene),
            move |(hash, lang, theme, scene)| {
                if *scene != start_scene && !scenes::has_page(*scene) {
                    platform::reload();
                    return;
                }
                platform::replace_hash(hash);
                platform::set_panic_text(panic_text(*lang));
                let title = format!("{} · {}", scene.title(*lang), t(*lang, "app.name"));
                platform::set_document(lang.html_tag(), theme.code(), &title);
            },
        );
    }

    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |l: Lang| {
            platform::store(platform::STORE_LANG, l.code());
            dispatcher.dispatch(Action::SetLang(l));
        })
    };
    let on_theme = {
        let dispatcher = state.dispatcher();
        Callback::from(move |th: Theme| {
            platform::store(platform::STORE_THEME, th.code());
            dispatcher.dispatch(Action::SetTheme(th));
        })
    };
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: PageAction| dispatcher.dispatch(Action::from(a)))
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::DismissNotice))
    };

    let on_error_dismiss = {
        let strings_error = strings_error.clone();
        Callback::from(move |_: MouseEvent| strings_error.set(None))
    };

    let scene = state.scene;
    let ready = scenes::has_page(scene) && loading.is_none() && !*building && scene_in;
    html! {
        <div class={classes!("ww-app", state.embed.then_some("ww-embed"))}
             data-theme={state.theme.code()} lang={lang.html_tag()}
             data-building={building.then_some("")} inert={*building}>
            if !state.embed {
                <a class="ww-skip" href="#scene" onclick={skip_to_scene()}>{ t(lang, "app.skip") }</a>
                { header(&state, lang, &on_lang, &on_theme) }
            }
            if let Some(e) = &*strings_error {
                <div class="ww-notice ww-strings-error" role="alert">
                    <p>{ e.message(lang) }</p>
                    <button type="button" class="ww-notice-dismiss" onclick={on_error_dismiss}>
                        { t(lang, "notice.dismiss") }
                    </button>
                </div>
            }
            if !state.problems.is_empty() {
                <div class="ww-notice" role="status" aria-live="polite">
                    <strong class="ww-notice-title">{ t(lang, "notice.title") }</strong>
                    <ul>
                        { for state.problems.iter().take(NOTICE_SHOWN).enumerate().map(|(i, p)| html! {
                            <li key={i}>{ p.message(lang) }</li>
                        }) }
                        if state.problems.len() > NOTICE_SHOWN {
                            <li key="more" class="ww-notice-more" data-more={(state.problems.len() - NOTICE_SHOWN).to_string()}>
                                { tf(lang, "notice.more", &[&(state.problems.len() - NOTICE_SHOWN).to_string()]) }
                            </li>
                        }
                    </ul>
                    <button type="button" class="ww-notice-dismiss" onclick={on_dismiss}>
                        { t(lang, "notice.dismiss") }
                    </button>
                </div>
            }
            <main id="scene" class="ww-scene" data-scene={scene.slug()} data-ready={if ready { "true" } else { "false" }} tabindex="-1">
                if let Some(l) = *loading {
                    <p class="ww-loading" role="status" data-loading-lang={l.code()}>
                        { t(lang, if l == Lang::Zh { "lang.loading.zh" } else { "lang.loading.en" }) }
                    </p>
                }
                if scene_in {
                { scenes::page(scene, PageProps {
                    lang,
                    step: state.step,
                    from: state.from,
                    to: state.to,
                    embed: state.embed,
                    predict: state.predict,
                    seed: state.seed,
                    params: Rc::new(state.params.clone()),
                    dispatch: dispatch.clone(),
                }) }
                }
                if state.debug_panic {
                    <PanicProbe />
                }
            </main>
            if !state.embed {
                <footer class="ww-footer">
                    // A capture's frames are the student's file, not our stack's.
                    <p>{ t(lang, if scene == Scene::Capture { "footer.truth_capture" } else { "footer.truth" }) }</p>
                    <p class="ww-footer-meta">
                        { t(lang, "footer.source") }
                        { " · " }
                        { tf(lang, "footer.version", &[wirewalk_engine::VERSION]) }
                    </p>
                    // The one-file build (scripts/onefile.mjs) sits next to index.html; inside
                    // it, <html data-onefile> hides this paragraph (styles/shell.css).
                    <p class="ww-footer-offline">
                        <a href="wirewalk.html" download="wirewalk.html">{ t(lang, "footer.offline") }</a>
                    </p>
                </footer>
            }
        </div>
    }
}

/// The panic overlay's words in `lang`.
#[must_use]
pub fn panic_text(lang: Lang) -> platform::PanicText {
    platform::PanicText {
        title: t(lang, "panic.title"),
        body: t(lang, "panic.body"),
        reload: t(lang, "panic.reload"),
        details: t(lang, "panic.details"),
    }
}

/// The skip link moves focus without touching the hash (the hash is the route).
fn skip_to_scene() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("scene"))
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        }
    })
}

fn header(
    state: &AppState,
    lang: Lang,
    on_lang: &Callback<Lang>,
    on_theme: &Callback<Theme>,
) -> Html {
    let nav_hash = |s: Scene| {
        let mut r = state.route();
        r.scene = s;
        r.step = None;
        r.from = None;
        r.to = None;
        r.params.clear();
        r.to_hash()
    };
    let theme_change = {
        let on_theme = on_theme.clone();
        Callback::from(move |e: Event| {
            if let Some(th) = platform::field_value(&e)
                .as_deref()
                .and_then(Theme::from_code)
            {
                on_theme.emit(th);
            }
        })
    };
    html! {
        <header class="ww-header">
            <div class="ww-brand">
                <span class="ww-logo" aria-hidden="true">{ "⇄" }</span>
                <span class="ww-name">{ t(lang, "app.name") }</span>
                <span class="ww-tagline">{ t(lang, "app.tagline") }</span>
            </div>
            <nav class="ww-nav" aria-label={t(lang, "nav.label")}>
                <ol>
                { for Scene::ALL.iter().enumerate().map(|(i, &s)| {
                    let current = s == state.scene;
                    html! {
                        <li key={s.slug()}>
                            <a href={nav_hash(s)} data-scene={s.slug()}
                               class={classes!("ww-nav-link", current.then_some("is-current"))}
                               aria-current={current.then_some("page")}>
                                <span class="ww-nav-num" aria-hidden="true">{ i + 1 }</span>
                                { s.nav_label(lang) }
                            </a>
                        </li>
                    }
                }) }
                </ol>
            </nav>
            <div class="ww-controls">
                <div class="ww-lang" role="group" aria-label={t(lang, "lang.label")}>
                    { for Lang::ALL.iter().map(|&l| {
                        let on_lang = on_lang.clone();
                        let key = if l == Lang::Zh { "lang.zh" } else { "lang.en" };
                        html! {
                            <button type="button" key={l.code()} data-lang={l.code()} lang={l.html_tag()}
                                    class="ww-lang-btn" aria-pressed={(l == lang).to_string()}
                                    onclick={Callback::from(move |_: MouseEvent| on_lang.emit(l))}>
                                { t(lang, key) }
                            </button>
                        }
                    }) }
                </div>
                <label class="ww-theme">
                    <span class="ww-theme-label">{ t(lang, "theme.label") }</span>
                    <select class="ww-theme-select" onchange={theme_change}>
                        { for Theme::ALL.iter().map(|&th| html! {
                            <option key={th.code()} value={th.code()} selected={th == state.theme}>
                                { t(lang, th.label_key()) }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
        </header>
    }
}

/// Panics after mounting; only rendered when the test-only session switch
/// ([`crate::platform::PANIC_PROBE`]) is set, to prove the overlay works. No link can set it.
#[function_component(PanicProbe)]
fn panic_probe() -> Html {
    use_effect_with((), |()| -> () {
        deliberate_panic();
    });
    Html::default()
}

/// The one deliberate panic in the app: it proves the error overlay works.
#[allow(clippy::panic)]
fn deliberate_panic() -> ! {
    panic!("deliberate panic requested by the test-only panic probe");
}
