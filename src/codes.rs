//! Code lists of the standards the format names: ISO 3166-1 alpha-2
//! countries (`convention.jurisdiction`) and the historic ISO 4217
//! currencies (ISO 4217 list three), which the current list does not hold.

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted.
pub const COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Historic ISO 4217 codes (withdrawn currencies and funds): accepted as a
/// `convention.currency` with 2 decimals (FORMAT.md, revision 1.1), sorted.
pub const HISTORIC_CURRENCIES: &[&str] = &[
    "ADF", "ADP", "AFA", "ALK", "AOK", "AON", "AOR", "ARA", "ARP", "ARY", "ATS", "AYM", "AZM",
    "BAD", "BEC", "BEF", "BEL", "BGJ", "BGK", "BGL", "BOP", "BRB", "BRC", "BRE", "BRN", "BRR",
    "BUK", "BYB", "BYR", "CHC", "CSD", "CSJ", "CSK", "CYP", "DDM", "DEM", "ECS", "ECV", "EEK",
    "ESA", "ESB", "ESP", "FIM", "FRF", "GEK", "GHC", "GHP", "GNE", "GNS", "GQE", "GRD", "GWE",
    "GWP", "HRD", "HRK", "IEP", "ILP", "ILR", "ISJ", "ITL", "LAJ", "LSM", "LTL", "LTT", "LUC",
    "LUF", "LUL", "LVL", "LVR", "MAF", "MCF", "MGF", "MLF", "MRO", "MTL", "MTP", "MVQ", "MXP",
    "MZE", "MZM", "NIC", "NLG", "PEH", "PEI", "PES", "PLZ", "PTE", "RHD", "ROK", "ROL", "RUR",
    "SDD", "SDP", "SIT", "SKK", "SLL", "SRG", "STD", "SUR", "TJR", "TMM", "TPE", "TRL", "UAK",
    "UGS", "UGW", "USS", "UYN", "UYP", "VEB", "VEF", "VNC", "XEU", "XFO", "XFU", "XRE", "YDD",
    "YUD", "YUM", "YUN", "ZAL", "ZMK", "ZRN", "ZRZ", "ZWC", "ZWD", "ZWN", "ZWR",
];

/// Whether `code` is an ISO 3166-1 alpha-2 code (in capitals).
pub fn is_country(code: &str) -> bool {
    COUNTRIES.binary_search(&code).is_ok()
}

/// The historic ISO 4217 code equal to `code`, as a static string.
pub fn historic_currency(code: &str) -> Option<&'static str> {
    HISTORIC_CURRENCIES
        .binary_search(&code)
        .ok()
        .map(|i| HISTORIC_CURRENCIES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(COUNTRIES.windows(2).all(|w| w[0] < w[1]));
        assert!(HISTORIC_CURRENCIES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(COUNTRIES.len(), 249);
    }

    #[test]
    fn knows_countries_and_old_currencies() {
        assert!(is_country("FR") && is_country("SN") && is_country("SS"));
        assert!(!is_country("fr") && !is_country("XX") && !is_country("FRA"));
        assert_eq!(historic_currency("FRF"), Some("FRF"));
        assert_eq!(historic_currency("NLG"), Some("NLG"));
        assert_eq!(historic_currency("XEU"), Some("XEU"));
        assert_eq!(historic_currency("EUR"), None);
    }
}
