//! The rule codes, as a type: a finding cannot carry a code the catalogue
//! does not know (ARCHITECTURE.md, "Findings as data").

use serde::{Serialize, Serializer};

/// A rule's code, in catalogue order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    S001,
    S002,
    S003,
    S004,
    S005,
    S006,
    S007,
    C001,
    C002,
    C003,
    C004,
    C005,
    C006,
    C007,
    C008,
    C009,
    C010,
    C011,
    C012,
    C013,
    C014,
    C015,
    K001,
    K002,
    K003,
    K004,
    K005,
    K006,
    K007,
    K008,
    K009,
    K010,
    K011,
    K012,
    K013,
    K014,
    G001,
    G002,
    G003,
    G004,
    G005,
    G006,
    G007,
    G008,
    G009,
    G010,
    F001,
    F002,
    F003,
    F004,
    L001,
    L002,
    L003,
    L004,
    L005,
    L006,
    L007,
    L008,
}

impl Code {
    /// Every code, in catalogue order (the order of [`super::CATALOGUE`]).
    pub const ALL: [Code; 58] = [
        Code::S001,
        Code::S002,
        Code::S003,
        Code::S004,
        Code::S005,
        Code::S006,
        Code::S007,
        Code::C001,
        Code::C002,
        Code::C003,
        Code::C004,
        Code::C005,
        Code::C006,
        Code::C007,
        Code::C008,
        Code::C009,
        Code::C010,
        Code::C011,
        Code::C012,
        Code::C013,
        Code::C014,
        Code::C015,
        Code::K001,
        Code::K002,
        Code::K003,
        Code::K004,
        Code::K005,
        Code::K006,
        Code::K007,
        Code::K008,
        Code::K009,
        Code::K010,
        Code::K011,
        Code::K012,
        Code::K013,
        Code::K014,
        Code::G001,
        Code::G002,
        Code::G003,
        Code::G004,
        Code::G005,
        Code::G006,
        Code::G007,
        Code::G008,
        Code::G009,
        Code::G010,
        Code::F001,
        Code::F002,
        Code::F003,
        Code::F004,
        Code::L001,
        Code::L002,
        Code::L003,
        Code::L004,
        Code::L005,
        Code::L006,
        Code::L007,
        Code::L008,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::S001 => "S001",
            Code::S002 => "S002",
            Code::S003 => "S003",
            Code::S004 => "S004",
            Code::S005 => "S005",
            Code::S006 => "S006",
            Code::S007 => "S007",
            Code::C001 => "C001",
            Code::C002 => "C002",
            Code::C003 => "C003",
            Code::C004 => "C004",
            Code::C005 => "C005",
            Code::C006 => "C006",
            Code::C007 => "C007",
            Code::C008 => "C008",
            Code::C009 => "C009",
            Code::C010 => "C010",
            Code::C011 => "C011",
            Code::C012 => "C012",
            Code::C013 => "C013",
            Code::C014 => "C014",
            Code::C015 => "C015",
            Code::K001 => "K001",
            Code::K002 => "K002",
            Code::K003 => "K003",
            Code::K004 => "K004",
            Code::K005 => "K005",
            Code::K006 => "K006",
            Code::K007 => "K007",
            Code::K008 => "K008",
            Code::K009 => "K009",
            Code::K010 => "K010",
            Code::K011 => "K011",
            Code::K012 => "K012",
            Code::K013 => "K013",
            Code::K014 => "K014",
            Code::G001 => "G001",
            Code::G002 => "G002",
            Code::G003 => "G003",
            Code::G004 => "G004",
            Code::G005 => "G005",
            Code::G006 => "G006",
            Code::G007 => "G007",
            Code::G008 => "G008",
            Code::G009 => "G009",
            Code::G010 => "G010",
            Code::F001 => "F001",
            Code::F002 => "F002",
            Code::F003 => "F003",
            Code::F004 => "F004",
            Code::L001 => "L001",
            Code::L002 => "L002",
            Code::L003 => "L003",
            Code::L004 => "L004",
            Code::L005 => "L005",
            Code::L006 => "L006",
            Code::L007 => "L007",
            Code::L008 => "L008",
        }
    }

    /// The code written `code` (any case), if there is one.
    pub fn parse(code: &str) -> Option<Code> {
        let code = code.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(code))
    }

    /// Its rank in [`Code::ALL`] and in the catalogue.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether it is a structure rule (S): the file could not be read as a
    /// convention.
    pub fn is_structure(self) -> bool {
        self.as_str().starts_with('S')
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_in_order_and_read_back() {
        assert!(Code::ALL.windows(2).all(|w| w[0] < w[1]));
        for (i, c) in Code::ALL.iter().enumerate() {
            assert_eq!(c.index(), i);
            assert_eq!(Code::parse(c.as_str()), Some(*c));
            assert_eq!(Code::parse(&c.as_str().to_lowercase()), Some(*c));
        }
        assert_eq!(Code::parse("X001"), None);
    }
}
