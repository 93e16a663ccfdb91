//! The resident words: those the page may need before (or without) its strings file
//! ([`super::strings`]), so every build keeps their text. The panic overlay's, and what
//! to say when a strings file cannot be loaded. Keep it short: every bundle carries it.

use super::Text;

const fn r(key: &'static str, zh: &'static str, en: &'static str) -> Text {
    Text { key, zh, en }
}

/// The resident words, sorted by key.
pub static RESIDENT: &[Text] = &[
    r(
        "panic.body",
        "应用遇到了内部错误，已经停止运行。重新加载页面即可继续；如果反复出现，请把下面的信息告诉老师或开发者。",
        "The app hit an internal error and stopped. Reload the page to carry on; if it happens again, please pass the details below to your teacher or the developers.",
    ),
    r("panic.details", "技术细节", "Technical details"),
    r("panic.reload", "重新加载", "Reload"),
    r("panic.title", "Wirewalk 出错了", "Wirewalk stopped with an error"),
    r(
        "strings.error.fetch",
        "无法载入{0}界面文字（{1}）。请检查网络后再试；页面仍可继续使用。",
        "Could not load the {0} words ({1}). Check the network and try again; the page keeps working.",
    ),
    r(
        "strings.error.lang_name.en",
        "英文",
        "English",
    ),
    r(
        "strings.error.lang_name.zh",
        "中文",
        "Chinese",
    ),
    r(
        "strings.error.mismatch",
        "界面文字文件与这个版本的应用不匹配（{0}）。请重新加载页面；如果反复出现，请清除浏览器缓存。",
        "The words file does not belong to this version of the app ({0}). Reload the page; if it happens again, clear the browser's cache.",
    ),
    r(
        "strings.error.title",
        "界面文字载入失败",
        "The page's words could not be loaded",
    ),
];
