//! SVG path pieces for the LAN drawing (plain geometry: points, Bézier
//! curves, rounded outlines), apart from where the topology places things.

use crate::widgets::num::fixed;

/// A number in an SVG attribute: one decimal.
pub(super) fn fmt_n(x: f64) -> String {
    fixed(x, 1)
}

/// A point as an SVG path's coordinates: "x y".
pub(super) fn pt(p: (f64, f64)) -> String {
    format!("{} {}", fmt_n(p.0), fmt_n(p.1))
}

/// A quadratic Bézier segment of an SVG path, from where the path is: control point `c`,
/// end `b`.
pub(super) fn quad(c: (f64, f64), b: (f64, f64)) -> String {
    format!("Q{} {}", pt(c), pt(b))
}

/// A link's curve: its two ends and, for a bowed cable, the control point of its
/// quadratic Bézier.
#[derive(Clone, Copy)]
pub(super) struct Curve {
    pub(super) a: (f64, f64),
    pub(super) c: Option<(f64, f64)>,
    pub(super) b: (f64, f64),
}

impl Curve {
    /// The point at `t` (0 at `a`, 1 at `b`).
    pub(super) fn at(&self, t: f64) -> (f64, f64) {
        let (a, b) = (self.a, self.b);
        match self.c {
            None => (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t),
            Some(c) => {
                let u = 1.0 - t;
                (
                    u * u * a.0 + 2.0 * u * t * c.0 + t * t * b.0,
                    u * u * a.1 + 2.0 * u * t * c.1 + t * t * b.1,
                )
            }
        }
    }

    /// The SVG path.
    pub(super) fn d(&self) -> String {
        let (a, b) = (self.a, self.b);
        match self.c {
            None => format!("M{} L{}", pt(a), pt(b)),
            Some(c) => format!("M{} {}", pt(a), quad(c, b)),
        }
    }

    /// The first `t` going from the end `from_a` (true: `a`) towards the other end where
    /// `outside` holds, in steps of 1/200; the far end when it never does.
    pub(super) fn leave(&self, from_a: bool, outside: impl Fn((f64, f64)) -> bool) -> f64 {
        (0..=200)
            .map(|k| {
                let t = f64::from(k) / 200.0;
                if from_a {
                    t
                } else {
                    1.0 - t
                }
            })
            .find(|&t| outside(self.at(t)))
            .unwrap_or(if from_a { 1.0 } else { 0.0 })
    }
}

/// A closed path through `points`, each corner rounded off by its radius in `radii`.
pub(super) fn rounded(points: &[(f64, f64)], radii: &[f64]) -> String {
    let n = points.len();
    let mut d = String::new();
    for i in 0..n {
        let (p, c, q) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n]);
        let r = radii.get(i).copied().unwrap_or(0.0);
        let towards = |o: (f64, f64)| {
            let len = (o.0 - c.0).hypot(o.1 - c.1).max(1e-9);
            let k = r.min(len / 2.0) / len;
            (c.0 + (o.0 - c.0) * k, c.1 + (o.1 - c.1) * k)
        };
        let (a, b) = (towards(p), towards(q));
        let verb = if i == 0 { "M" } else { "L" };
        d.push_str(&format!("{verb}{} {} ", pt(a), quad(c, b)));
    }
    d.push('Z');
    d
}
