//! Port numbers: ranges (well-known, registered, ephemeral), the course's advice, its
//! default ports and the quiz on them.

use super::ConvError;

/// Parses a port number 0–65535 (0 is a number the converter shows, though no program
/// can listen on it).
///
/// # Errors
/// [`ConvError::Empty`], [`ConvError::PortNotNumber`] or [`ConvError::PortRange`].
pub fn parse_port(s: &str) -> Result<u16, ConvError> {
    let v = s.trim();
    if v.is_empty() {
        return Err(ConvError::Empty);
    }
    if !v.bytes().all(|c| c.is_ascii_digit()) {
        return Err(ConvError::PortNotNumber(v.to_owned()));
    }
    let digits = v.trim_start_matches('0');
    if digits.len() > 5 {
        return Err(ConvError::PortRange(v.to_owned()));
    }
    let n: u32 = digits.parse().unwrap_or(0);
    u16::try_from(n).map_err(|_| ConvError::PortRange(v.to_owned()))
}

/// The IANA range a port is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortRange {
    /// 0–1023: well-known (system) ports.
    WellKnown,
    /// 1024–49151: registered ports.
    Registered,
    /// 49152–65535: dynamic / ephemeral ports.
    Ephemeral,
}

impl PortRange {
    /// Every range, low to high, with its bounds.
    pub const ALL: [(PortRange, u16, u16); 3] = [
        (PortRange::WellKnown, 0, 1023),
        (PortRange::Registered, 1024, 49151),
        (PortRange::Ephemeral, 49152, 65535),
    ];

    /// The i18n key of its name.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            PortRange::WellKnown => "scene.addresses.port.range.well_known",
            PortRange::Registered => "scene.addresses.port.range.registered",
            PortRange::Ephemeral => "scene.addresses.port.range.ephemeral",
        }
    }

    /// A short id for CSS and tests.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            PortRange::WellKnown => "well_known",
            PortRange::Registered => "registered",
            PortRange::Ephemeral => "ephemeral",
        }
    }
}

/// The range of `port`.
#[must_use]
pub fn port_range(port: u16) -> PortRange {
    match port {
        0..=1023 => PortRange::WellKnown,
        1024..=49151 => PortRange::Registered,
        _ => PortRange::Ephemeral,
    }
}

/// The course's advice for a port you pick for your own server: the well-known ports 0–1023
/// (IANA; the course note writes 0–1024) are taken by the system, 8000 and above is the safe
/// habit. Port 1024 is the first registered port, so it is in one group only.
#[must_use]
pub fn advice_key(port: u16) -> &'static str {
    match port {
        0..=1023 => "scene.addresses.port.advice.avoid",
        1024..=7999 => "scene.addresses.port.advice.ok",
        _ => "scene.addresses.port.advice.good",
    }
}

/// The course's table of default ports: (id, program, port).
pub const DEFAULTS: [(&str, &str, u16); 6] = [
    ("mysql", "MySQL", 3306),
    ("mongodb", "MongoDB", 27017),
    ("django", "Django", 8000),
    ("tomcat", "Tomcat", 8080),
    ("flask", "Flask", 5000),
    ("redis", "Redis", 6379),
];

/// The program that listens on `port` by default, from the course's table.
#[must_use]
pub fn default_program(port: u16) -> Option<&'static str> {
    DEFAULTS.iter().find(|d| d.2 == port).map(|d| d.1)
}

/// The quiz asks the ports in this order (not the table's, so it is not a copy).
pub const QUIZ_PORTS: [u16; 6] = [6379, 8000, 3306, 5000, 27017, 8080];

/// The quiz answers from the URL value (`redis..mysql.…`: one program id per question,
/// empty for unanswered; unknown ids count as unanswered).
#[must_use]
pub fn parse_quiz(s: &str) -> [Option<&'static str>; 6] {
    let mut out = [None; 6];
    for (slot, part) in out.iter_mut().zip(s.split('.')) {
        *slot = DEFAULTS.iter().find(|d| d.0 == part.trim()).map(|d| d.0);
    }
    out
}

/// The URL value for quiz answers (dot-separated, which URLs keep as it is; trailing unanswered questions dropped).
#[must_use]
pub fn quiz_value(answers: &[Option<&'static str>; 6]) -> String {
    let parts: Vec<&str> = answers.iter().map(|a| a.unwrap_or("")).collect();
    parts.join(".").trim_end_matches('.').to_owned()
}

/// Whether `answer` is the program listening on quiz question `i`'s port.
#[must_use]
pub fn quiz_correct(i: usize, answer: &str) -> bool {
    QUIZ_PORTS
        .get(i)
        .is_some_and(|&p| DEFAULTS.iter().any(|d| d.0 == answer && d.2 == p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_ranges_advice_and_defaults() {
        assert_eq!(parse_port("0"), Ok(0));
        assert_eq!(parse_port("65535"), Ok(65535));
        assert_eq!(port_range(1023), PortRange::WellKnown);
        assert_eq!(port_range(1024), PortRange::Registered);
        assert_eq!(port_range(49151), PortRange::Registered);
        assert_eq!(port_range(49152), PortRange::Ephemeral);
        assert_eq!(advice_key(80), "scene.addresses.port.advice.avoid");
        assert_eq!(advice_key(1023), "scene.addresses.port.advice.avoid");
        assert_eq!(advice_key(1024), "scene.addresses.port.advice.ok");
        assert_eq!(advice_key(5000), "scene.addresses.port.advice.ok");
        assert_eq!(advice_key(8001), "scene.addresses.port.advice.good");
        assert_eq!(default_program(27017), Some("MongoDB"));
        assert_eq!(default_program(1), None);
    }

    #[test]
    fn the_quiz_round_trips_through_the_url_and_judges() {
        let a = parse_quiz("redis..mysql.nope");
        assert_eq!(a, [Some("redis"), None, Some("mysql"), None, None, None]);
        assert_eq!(quiz_value(&a), "redis..mysql");
        assert!(quiz_correct(0, "redis"));
        assert!(quiz_correct(1, "django"));
        assert!(!quiz_correct(1, "tomcat"));
        for (i, &p) in QUIZ_PORTS.iter().enumerate() {
            let id = DEFAULTS.iter().find(|d| d.2 == p).unwrap().0;
            assert!(quiz_correct(i, id));
        }
    }
}
