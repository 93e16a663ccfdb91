//! The layers scene's data: the OSI 7, TCP/IP 5 and TCP/IP 4 models, each layer's place
//! (numbered bottom-up, as the course learns them), which of the course's five layers it
//! maps to, and the encapsulation step that shows it.

/// A layer of a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layer {
    /// i18n key suffix (`scene.layers.name.<id>`).
    pub id: &'static str,
    /// Number in its model, bottom-up (1 = physical).
    pub num: u8,
    /// OSI rows it spans, bottom-up, inclusive (`(5, 7)` = session to application).
    pub osi: (u8, u8),
    /// The course's five-layer level it belongs to (1 physical .. 5 application); for the
    /// 4-layer model's network access layer, its top one (link).
    pub course: u8,
}

/// Which TCP/IP model is shown beside OSI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TcpIp {
    /// Five layers (the course's).
    Five,
    /// Four layers (RFC 1122).
    Four,
}

impl TcpIp {
    /// From the URL's `model` value (`4` or `5`; anything else is 5).
    #[must_use]
    pub fn from_param(v: Option<&str>) -> TcpIp {
        if v == Some("4") {
            TcpIp::Four
        } else {
            TcpIp::Five
        }
    }
}

/// OSI's seven layers, top first.
pub const OSI: [Layer; 7] = [
    Layer {
        id: "osi_app",
        num: 7,
        osi: (7, 7),
        course: 5,
    },
    Layer {
        id: "osi_pres",
        num: 6,
        osi: (6, 6),
        course: 5,
    },
    Layer {
        id: "osi_sess",
        num: 5,
        osi: (5, 5),
        course: 5,
    },
    Layer {
        id: "transport",
        num: 4,
        osi: (4, 4),
        course: 4,
    },
    Layer {
        id: "network",
        num: 3,
        osi: (3, 3),
        course: 3,
    },
    Layer {
        id: "link",
        num: 2,
        osi: (2, 2),
        course: 2,
    },
    Layer {
        id: "physical",
        num: 1,
        osi: (1, 1),
        course: 1,
    },
];

/// The course's five layers, top first.
pub const FIVE: [Layer; 5] = [
    Layer {
        id: "app",
        num: 5,
        osi: (5, 7),
        course: 5,
    },
    Layer {
        id: "transport",
        num: 4,
        osi: (4, 4),
        course: 4,
    },
    Layer {
        id: "network",
        num: 3,
        osi: (3, 3),
        course: 3,
    },
    Layer {
        id: "link",
        num: 2,
        osi: (2, 2),
        course: 2,
    },
    Layer {
        id: "physical",
        num: 1,
        osi: (1, 1),
        course: 1,
    },
];

/// The four-layer TCP/IP model, top first.
pub const FOUR: [Layer; 4] = [
    Layer {
        id: "app",
        num: 4,
        osi: (5, 7),
        course: 5,
    },
    Layer {
        id: "transport",
        num: 3,
        osi: (4, 4),
        course: 4,
    },
    Layer {
        id: "internet",
        num: 2,
        osi: (3, 3),
        course: 3,
    },
    Layer {
        id: "net_access",
        num: 1,
        osi: (1, 2),
        course: 2,
    },
];

/// The layers of a TCP/IP model, top first.
#[must_use]
pub fn tcpip(model: TcpIp) -> &'static [Layer] {
    match model {
        TcpIp::Five => &FIVE,
        TcpIp::Four => &FOUR,
    }
}

/// The encapsulation step where the sender handles course level `course`
/// (application 0, transport 1, network 2, link 3, physical 4).
#[must_use]
pub fn encapsulation_step(course: u8) -> usize {
    5usize.saturating_sub(usize::from(course.clamp(1, 5)))
}

/// The link to the encapsulation scene at that step.
#[must_use]
pub fn encapsulation_href(course: u8, lang: &str) -> String {
    format!(
        "#/encapsulation?step={}&lang={lang}",
        encapsulation_step(course)
    )
}

/// Grid rows (1-based, top = 1) a layer spans in a 7-row grid aligned on OSI.
#[must_use]
pub fn grid_rows(l: &Layer) -> (u8, u8) {
    (8 - l.osi.1, 9 - l.osi.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiles(layers: &[Layer]) {
        // Top to bottom, the layers cover OSI 7..1 with no gap or overlap.
        let mut next = 7u8;
        for l in layers {
            assert_eq!(l.osi.1, next, "{}", l.id);
            next = l.osi.0 - 1;
        }
        assert_eq!(next, 0);
        // Numbered bottom-up, consecutively.
        let nums: Vec<u8> = layers.iter().rev().map(|l| l.num).collect();
        assert_eq!(nums, (1..=layers.len() as u8).collect::<Vec<_>>());
    }

    #[test]
    fn every_model_tiles_osi_and_counts_bottom_up() {
        tiles(&OSI);
        tiles(&FIVE);
        tiles(&FOUR);
        assert_eq!(TcpIp::from_param(Some("4")), TcpIp::Four);
        assert_eq!(TcpIp::from_param(Some("x")), TcpIp::Five);
        assert_eq!(tcpip(TcpIp::Four).len(), 4);
    }

    #[test]
    fn layers_link_to_the_step_that_shows_them() {
        assert_eq!(encapsulation_step(5), 0);
        assert_eq!(encapsulation_step(4), 1);
        assert_eq!(encapsulation_step(1), 4);
        assert_eq!(
            encapsulation_href(3, "zh"),
            "#/encapsulation?step=2&lang=zh"
        );
        // The course's five layers are the five-layer model, one level each.
        let course: Vec<u8> = FIVE.iter().map(|l| l.course).collect();
        assert_eq!(course, [5, 4, 3, 2, 1]);
        for l in OSI.iter().chain(&FOUR) {
            let same = FIVE.iter().find(|f| f.course == l.course).unwrap();
            assert!(same.osi.0 <= l.osi.0.max(same.osi.0) && l.osi.1 <= 7);
        }
    }

    #[test]
    fn grid_rows_align_on_osi() {
        assert_eq!(grid_rows(&OSI[0]), (1, 2));
        assert_eq!(grid_rows(&FIVE[0]), (1, 4));
        assert_eq!(grid_rows(&FOUR[3]), (6, 8));
        assert_eq!(grid_rows(&FIVE[4]), (7, 8));
    }
}
