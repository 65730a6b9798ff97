//! Amounts, numbers, shares and dates written for a language.

use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Currency, Lang};

/// Narrow no-break space: the French thousands separator.
pub const NNBSP: char = '\u{202F}';
/// No-break space: before a currency symbol or code in French.
pub const NBSP: char = '\u{00A0}';

/// Groups the digits of a whole number written in ASCII digits.
fn group(digits: &str, sep: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn separators(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => ("\u{202F}", ","),
        Lang::En => (",", "."),
    }
}

/// A decimal with exactly `decimals` fraction digits (`None`: as written,
/// trailing zeros dropped), grouped; the sign is returned apart.
fn digits(value: Decimal, decimals: Option<u32>, lang: Lang) -> (bool, String) {
    let v = match decimals {
        Some(d) => value.round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero),
        None => value.normalize(),
    };
    let negative = v.is_sign_negative() && !v.is_zero();
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (text, String::new()),
    };
    let frac = match decimals {
        Some(d) => {
            let mut f = frac;
            while (f.len() as u32) < d {
                f.push('0');
            }
            f
        }
        None => frac,
    };
    let (thousands, point) = separators(lang);
    let mut out = group(&int, thousands);
    if !frac.is_empty() {
        out.push_str(point);
        out.push_str(&frac);
    }
    (negative, out)
}

/// A decimal with exactly `decimals` fraction digits (`None`: as written,
/// trailing zeros dropped), grouped and signed: `-1 234,50`, `1,234.5`.
pub fn decimal(value: Decimal, decimals: Option<u32>, lang: Lang) -> String {
    let (negative, d) = digits(value, decimals, lang);
    if negative {
        format!("-{d}")
    } else {
        d
    }
}

/// The symbol written for a currency in a language, when there is one.
fn symbol(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match (code, lang) {
        ("EUR", _) => "€",
        ("GBP", _) => "£",
        ("USD", Lang::En) => "$",
        ("USD", Lang::Fr) => "$\u{00A0}US",
        ("JPY", _) => "¥",
        _ => return None,
    })
}

/// An amount in the convention's currency: `42 000,00 €`, `€42,000.00`,
/// `18 500 000 XOF`, `XOF 18,500,000`; without a currency, the number alone.
pub fn amount(value: Decimal, currency: Option<&Currency>, lang: Lang) -> String {
    let Some(cur) = currency else {
        let (neg, d) = digits(value, None, lang);
        return format!("{}{d}", if neg { "-" } else { "" });
    };
    let (neg, d) = digits(value, Some(cur.minor_unit), lang);
    let sign = if neg { "-" } else { "" };
    let code = cur.code();
    match (lang, symbol(code, lang)) {
        (Lang::Fr, Some(s)) => format!("{sign}{d}{NBSP}{s}"),
        (Lang::Fr, None) => format!("{sign}{d}{NBSP}{code}"),
        (Lang::En, Some(s)) => format!("{sign}{s}{d}"),
        (Lang::En, None) => format!("{sign}{code}{NBSP}{d}"),
    }
}

/// A plain number (indicator targets, baselines, weights): `1 500`, `1,500`.
pub fn number(value: Decimal, lang: Lang) -> String {
    let (neg, d) = digits(value, None, lang);
    format!("{}{d}", if neg { "-" } else { "" })
}

/// A share (0.66) as a percentage: `66 %` (French, narrow no-break space), `66%`.
pub fn percent(share: Decimal, lang: Lang) -> String {
    let p = number(share * Decimal::ONE_HUNDRED, lang);
    match lang {
        Lang::Fr => format!("{p}{NNBSP}%"),
        Lang::En => format!("{p}%"),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in words: `1er mars 2026`, `1 March 2026`.
pub fn date(d: Date, lang: Lang) -> String {
    let m = usize::try_from(d.month() - 1).unwrap_or(0).min(11);
    match lang {
        Lang::Fr => {
            let day = if d.day() == 1 {
                "1er".to_string()
            } else {
                d.day().to_string()
            };
            format!("{day} {} {}", MONTHS_FR[m], d.year())
        }
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn cur(code: &str) -> Currency {
        let c = iso_currency::Currency::from_code(code).unwrap();
        Currency {
            code: c.code(),
            minor_unit: c.exponent().unwrap_or(0) as u32,
        }
    }

    #[test]
    fn amounts() {
        let eur = cur("EUR");
        let xof = cur("XOF");
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(
            amount(d("42000"), Some(&eur), Lang::Fr),
            "42\u{202F}000,00\u{A0}€"
        );
        assert_eq!(amount(d("42000"), Some(&eur), Lang::En), "€42,000.00");
        assert_eq!(
            amount(d("18500000"), Some(&xof), Lang::Fr),
            "18\u{202F}500\u{202F}000\u{A0}XOF"
        );
        assert_eq!(
            amount(d("18500000"), Some(&xof), Lang::En),
            "XOF\u{A0}18,500,000"
        );
        assert_eq!(amount(d("999.5"), Some(&eur), Lang::En), "€999.50");
        assert_eq!(amount(d("-1200"), Some(&eur), Lang::En), "-€1,200.00");
        assert_eq!(percent(d("0.66"), Lang::Fr), "66\u{202F}%");
        assert_eq!(number(d("1500"), Lang::Fr), "1\u{202F}500");
    }

    #[test]
    fn dates() {
        let d: Date = "2026-03-01".parse().unwrap();
        assert_eq!(date(d, Lang::Fr), "1er mars 2026");
        assert_eq!(date(d, Lang::En), "1 March 2026");
    }
}
