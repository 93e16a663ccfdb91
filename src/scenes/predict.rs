//! Predict mode (`predict=1`): the TCP, encapsulation and LAN scenes stop at chosen steps
//! and ask what the next step will do. This is the model the three scenes share: a
//! [`Question`] (prompt, answer, distractors, why, all as message templates filled with
//! values from the trace), the seeded order of its choices, the step the player may not
//! pass while a question is open, and the score. Each scene builds its own questions from
//! its trace (`<scene>/model/questions.rs`); the answers are read from the trace, never
//! written by hand. The panel that asks them is in [`panel`].

pub mod panel;

use crate::i18n::{t_dyn, tf, Lang};

/// The seed used when the URL gives none.
pub const DEFAULT_SEED: u64 = 1;
/// Largest seed the URL accepts (and "Try again" writes).
pub const MAX_SEED: u64 = 999_999;
/// At most this many choices per question (the answer and three distractors).
pub const MAX_CHOICES: usize = 4;

/// A value inside a message: a literal from the trace (a number, a MAC, a state name), or
/// a word to translate (a message key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is.
    Lit(String),
    /// A message key, translated.
    Key(String),
    /// A list of values (port numbers), joined as the language lists them: "2、3" in a
    /// Chinese sentence, "2, 3" in English.
    List(Vec<String>),
}

/// A message template and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The template's key.
    pub key: &'static str,
    /// Its `{0}`, `{1}`, … values.
    pub args: Vec<Arg>,
}

impl Words {
    /// A template with literal values.
    #[must_use]
    pub fn new(key: &'static str, args: &[&str]) -> Words {
        Words {
            key,
            args: args.iter().map(|a| Arg::Lit((*a).to_owned())).collect(),
        }
    }

    /// A template with any values.
    #[must_use]
    pub fn with(key: &'static str, args: Vec<Arg>) -> Words {
        Words { key, args }
    }

    /// A literal value on its own (a number, a state name, an address).
    #[must_use]
    pub fn lit(value: impl Into<String>) -> Words {
        Words {
            key: "predict.value",
            args: vec![Arg::Lit(value.into())],
        }
    }

    /// The text in `lang`.
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|a| match a {
                Arg::Lit(s) => s.clone(),
                Arg::Key(k) => t_dyn(lang, k),
                Arg::List(items) => items.join(match lang {
                    Lang::Zh => "、",
                    Lang::En => ", ",
                }),
            })
            .collect();
        let mut template = t_dyn(lang, self.key);
        // A word from the catalogue ("the client") that opens an English sentence takes
        // its capital there, and only there ("The client sends…", "…does the client…").
        if lang == Lang::En {
            for (i, a) in self.args.iter().enumerate() {
                if let (Arg::Key(_), Some(text)) = (a, args.get(i)) {
                    template = capitalized_at_sentence_start(&template, i, text);
                }
            }
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        crate::i18n::fill(&template, &refs)
    }

    /// Same text in every language.
    fn same_as(&self, other: &Words) -> bool {
        Lang::ALL.iter().all(|&l| self.render(l) == other.render(l))
    }
}

/// `template` with each `{i}` that starts a sentence (the template's start, or after
/// ". ", "? ", "! ") replaced by `text` with its first letter in capitals.
fn capitalized_at_sentence_start(template: &str, i: usize, text: &str) -> String {
    let mark = format!("{{{i}}}");
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find(&mark) {
        let before = format!("{out}{}", &rest[..at]);
        let starts = before.trim_end().is_empty() || before.trim_end().ends_with(['.', '?', '!']);
        out.push_str(&rest[..at]);
        if starts {
            let mut chars = text.chars();
            // ASCII only: `char::to_uppercase` links Unicode's case table (6-7 KB brotli
            // in each bundle with predict mode), and the hosts' English words are ASCII.
            if let Some(c) = chars.next() {
                out.push(c.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&mark);
        }
        rest = &rest[at + mark.len()..];
    }
    out.push_str(rest);
    out
}

/// One question: asked when the player stands at step `at`; the step after it shows the
/// answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// What kind of question (stable, for tests and the page's `data-kind`).
    pub kind: &'static str,
    /// The step at which it is asked (the next step reveals the answer).
    pub at: usize,
    /// The question.
    pub prompt: Words,
    /// The right answer (read from the trace).
    pub answer: Words,
    /// Wrong but plausible answers, none equal to the answer, none repeated.
    pub distractors: Vec<Words>,
    /// Why the answer is right (shown after checking).
    pub why: Words,
}

impl Question {
    /// A question, or `None` when no distractor is left once those equal to the answer
    /// (or to each other) are dropped. Keeps at most `MAX_CHOICES - 1` distractors.
    #[must_use]
    pub fn new(
        kind: &'static str,
        at: usize,
        prompt: Words,
        answer: Words,
        candidates: Vec<Words>,
        why: Words,
    ) -> Option<Question> {
        let mut distractors: Vec<Words> = Vec::new();
        for c in candidates {
            if distractors.len() + 1 >= MAX_CHOICES {
                break;
            }
            if !c.same_as(&answer) && !distractors.iter().any(|d| d.same_as(&c)) {
                distractors.push(c);
            }
        }
        (!distractors.is_empty()).then_some(Question {
            kind,
            at,
            prompt,
            answer,
            distractors,
            why,
        })
    }

    /// The choices in the order `seed` gives this question (`index` is its place in the
    /// list), each with whether it is the answer. Same seed, same order.
    #[must_use]
    pub fn choices(&self, seed: u64, index: usize) -> Vec<(Words, bool)> {
        let mut all: Vec<(Words, bool)> = std::iter::once((self.answer.clone(), true))
            .chain(self.distractors.iter().cloned().map(|d| (d, false)))
            .collect();
        let mut rng = SplitMix(seed ^ (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        for i in (1..all.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            all.swap(i, j);
        }
        all
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small, good, seedable generator.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The seed "Try again" moves to from `seed`: another one in `1..=MAX_SEED`.
#[must_use]
pub fn next_seed(seed: u64) -> u64 {
    SplitMix(seed).next() % MAX_SEED + 1
}

/// The questions that fit the player's range: asked at a step in `min..max` (so the step
/// that answers it is in range too). Their indices into `questions`.
#[must_use]
pub fn in_range(questions: &[Question], min: usize, max: usize) -> Vec<usize> {
    (0..questions.len())
        .filter(|&i| questions[i].at >= min && questions[i].at < max)
        .collect()
}

/// What the student chose for each question: `Some(correct)` once checked.
pub type Answers = Vec<Option<bool>>;

/// The furthest step the player may reach: the first unanswered question in range holds
/// it; with none open, `max`.
#[must_use]
pub fn gate(questions: &[Question], answers: &Answers, min: usize, max: usize) -> usize {
    in_range(questions, min, max)
        .into_iter()
        .filter(|&i| answers.get(i).copied().flatten().is_none())
        .map(|i| questions[i].at)
        .min()
        .unwrap_or(max)
}

/// The open question at `step`, if the player stands where an unanswered one is asked.
#[must_use]
pub fn open_at(
    questions: &[Question],
    answers: &Answers,
    step: usize,
    min: usize,
    max: usize,
) -> Option<usize> {
    in_range(questions, min, max)
        .into_iter()
        .find(|&i| questions[i].at == step && answers.get(i).copied().flatten().is_none())
}

/// `(right, asked)` over the questions in range, once every one of them is answered.
#[must_use]
pub fn score(
    questions: &[Question],
    answers: &Answers,
    min: usize,
    max: usize,
) -> Option<(usize, usize)> {
    let asked = in_range(questions, min, max);
    let done: Vec<bool> = asked
        .iter()
        .filter_map(|&i| answers.get(i).copied().flatten())
        .collect();
    (!asked.is_empty() && done.len() == asked.len())
        .then(|| (done.iter().filter(|&&ok| ok).count(), asked.len()))
}

/// The sentence for a checked answer: correct or not, the answer, and why.
#[must_use]
pub fn verdict(q: &Question, correct: bool, lang: Lang) -> String {
    let key = if correct {
        "predict.correct"
    } else {
        "predict.incorrect"
    };
    tf(lang, key, &[&q.answer.render(lang), &q.why.render(lang)])
}

/// The answer (in English) to the first question of `kind`: for the scenes' question tests.
#[cfg(test)]
#[allow(clippy::panic)]
pub fn answer_of(qs: &[Question], kind: &str) -> String {
    qs.iter()
        .find(|q| q.kind == kind)
        .map(|q| q.answer.render(Lang::En))
        .unwrap_or_else(|| panic!("no {kind}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(at: usize, answer: &str, others: &[&str]) -> Option<Question> {
        Question::new(
            "test",
            at,
            Words::lit("?"),
            Words::lit(answer),
            others.iter().map(|o| Words::lit(*o)).collect(),
            Words::lit("because"),
        )
    }

    #[test]
    fn distractors_never_equal_the_answer_or_each_other() {
        let x = q(3, "6", &["6", "5", "5", "7", "1024", "0"]).unwrap();
        let d: Vec<String> = x.distractors.iter().map(|w| w.render(Lang::En)).collect();
        assert_eq!(d, ["5", "7", "1024"]);
        assert!(q(3, "6", &["6"]).is_none());
    }

    #[test]
    fn the_same_seed_gives_the_same_order_and_seeds_differ() {
        let x = q(3, "a", &["b", "c", "d"]).unwrap();
        assert_eq!(x.choices(7, 0), x.choices(7, 0));
        let orders: std::collections::BTreeSet<Vec<String>> = (1..40)
            .map(|s| {
                x.choices(s, 0)
                    .iter()
                    .map(|c| c.0.render(Lang::En))
                    .collect()
            })
            .collect();
        assert!(orders.len() > 6, "{orders:?}");
        for s in 1..40 {
            let c = x.choices(s, 2);
            assert_eq!(c.len(), 4);
            assert_eq!(c.iter().filter(|c| c.1).count(), 1);
            assert!(c.iter().any(|c| c.1 && c.0.render(Lang::En) == "a"));
        }
        let mut s = DEFAULT_SEED;
        for _ in 0..100 {
            let n = next_seed(s);
            assert!((1..=MAX_SEED).contains(&n) && n != s);
            s = n;
        }
    }

    #[test]
    fn an_open_question_holds_the_player_until_it_is_answered() {
        let qs = vec![q(2, "a", &["b"]).unwrap(), q(5, "a", &["b"]).unwrap()];
        let mut answers: Answers = vec![None, None];
        assert_eq!(gate(&qs, &answers, 0, 9), 2);
        assert_eq!(open_at(&qs, &answers, 2, 0, 9), Some(0));
        assert_eq!(open_at(&qs, &answers, 1, 0, 9), None);
        answers[0] = Some(false);
        assert_eq!(gate(&qs, &answers, 0, 9), 5);
        assert_eq!(score(&qs, &answers, 0, 9), None);
        answers[1] = Some(true);
        assert_eq!(gate(&qs, &answers, 0, 9), 9);
        assert_eq!(score(&qs, &answers, 0, 9), Some((1, 2)));
        // An embed range holds only the questions it can answer.
        let none: Answers = vec![None, None];
        assert_eq!(in_range(&qs, 5, 6), vec![1]);
        assert_eq!(gate(&qs, &none, 5, 6), 5);
        assert_eq!(in_range(&qs, 3, 5), Vec::<usize>::new());
        assert_eq!(gate(&qs, &none, 3, 5), 5);
        assert_eq!(score(&qs, &none, 3, 5), None);
    }

    #[test]
    fn verdicts_say_right_or_wrong_the_answer_and_why_in_both_languages() {
        let x = q(1, "SYN_SENT", &["LISTEN"]).unwrap();
        for lang in Lang::ALL {
            let good = verdict(&x, true, lang);
            let bad = verdict(&x, false, lang);
            assert_ne!(good, bad);
            for v in [good, bad] {
                assert!(v.contains("SYN_SENT") && v.contains("because"), "{v}");
                assert!(!v.contains("predict."), "{v}");
            }
        }
    }
}
