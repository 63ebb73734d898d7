//! Guizhou administrative divisions (GB/T 2260 sample) and the functional zones that are
//! not divisions but matter for routing.

use super::csv;
use std::sync::OnceLock;

pub const BUNDLED_CSV: &str = include_str!("../../data/divisions.csv");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DivisionLevel {
    Province,
    Prefecture,
    County,
    /// A development zone: not a GB/T 2260 division.
    FunctionalZone,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Division {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub level: DivisionLevel,
    pub parent_code: String,
}

impl Division {
    /// The name without its level suffix (观山湖区 → 观山湖, 贵阳市 → 贵阳).
    pub fn short_name(&self) -> &str {
        let name = self.name_zh.as_str();
        if name.chars().count() <= 2 {
            return name;
        }
        for suffix in ["布依族苗族自治州", "苗族侗族自治州", "省", "市", "区", "县"]
        {
            if let Some(short) = name.strip_suffix(suffix) {
                if short.chars().count() >= 2 {
                    return short;
                }
            }
        }
        name
    }
}

pub fn all() -> &'static [Division] {
    static DIVISIONS: OnceLock<Vec<Division>> = OnceLock::new();
    DIVISIONS.get_or_init(|| {
        csv::records(BUNDLED_CSV)
            .into_iter()
            .skip(1)
            .filter(|r| r.len() >= 5)
            .map(|r| Division {
                code: r[0].clone(),
                name_zh: r[1].clone(),
                name_en: r[2].clone(),
                level: match r[3].as_str() {
                    "province" => DivisionLevel::Province,
                    "prefecture" => DivisionLevel::Prefecture,
                    "county" => DivisionLevel::County,
                    _ => DivisionLevel::FunctionalZone,
                },
                parent_code: r[4].clone(),
            })
            .collect()
    })
}

pub fn find(code: &str) -> Option<&'static Division> {
    all().iter().find(|d| d.code == code)
}

/// Counties (districts, counties, county-level cities) an address can be in.
pub fn counties() -> impl Iterator<Item = &'static Division> {
    all().iter().filter(|d| d.level == DivisionLevel::County)
}

pub fn functional_zones() -> impl Iterator<Item = &'static Division> {
    all()
        .iter()
        .filter(|d| d.level == DivisionLevel::FunctionalZone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guiyang_districts_are_counties_with_short_names() {
        let gsh = find("520115").unwrap();
        assert_eq!(gsh.level, DivisionLevel::County);
        assert_eq!(gsh.short_name(), "观山湖");
        assert_eq!(find("520100").unwrap().short_name(), "贵阳");
        assert_eq!(find("520000").unwrap().short_name(), "贵州");
        assert_eq!(counties().count(), 10);
        assert_eq!(find("520198").unwrap().level, DivisionLevel::FunctionalZone);
    }
}
