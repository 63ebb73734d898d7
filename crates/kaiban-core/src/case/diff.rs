//! What a corrected resubmission changed since the version the registrar returned: field by
//! field, in the paths findings use (people by id, so a reordered list of people is no change),
//! with the value before and after as text.

use crate::model::Application;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every leaf of `value` under `at`, into `out`. Arrays of objects with an `id` are keyed by it.
fn leaves(value: &Value, at: &str, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                let next = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                leaves(item, &next, out);
            }
        }
        Value::Array(items) if items.is_empty() => {
            out.insert(at.to_string(), "[]".into());
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let key = item
                    .get("id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| i.to_string());
                leaves(item, &format!("{at}[{key}]"), out);
            }
        }
        Value::Null => {}
        leaf => {
            out.insert(at.to_string(), text(leaf));
        }
    }
}

/// The fields that differ between `before` and `after`, in path order.
pub fn diff(before: &Application, after: &Application) -> Vec<Change> {
    let flat = |app: &Application| {
        let mut out = BTreeMap::new();
        leaves(
            &serde_json::to_value(app).expect("an application serialises"),
            "",
            &mut out,
        );
        out
    };
    let (old, new) = (flat(before), flat(after));
    let mut paths: Vec<&String> = old.keys().chain(new.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|p| old.get(*p) != new.get(*p))
        .map(|p| Change {
            path: p.clone(),
            before: old.get(p).cloned(),
            after: new.get(p).cloned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::example;

    #[test]
    fn a_correction_shows_the_fields_it_changed_and_nothing_else() {
        let before = example("llc");
        assert!(diff(&before, &before).is_empty());
        let mut after = before.clone();
        after.domicile.detail = "长岭北路贵阳国际金融中心一期10号楼1502室".into();
        after.persons.reverse();
        after.persons[0].mobile = "13900000000".into();
        let id = after.persons[0].id.clone();
        let changes = diff(&before, &after);
        let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["domicile.detail", &format!("persons[{id}].mobile")]);
        assert_eq!(
            changes[0].before.as_deref(),
            Some(before.domicile.detail.as_str())
        );
        assert!(changes[0].after.as_deref().unwrap().ends_with("1502室"));
        let mut fewer = before.clone();
        fewer.business_scope.items.pop();
        let removed = diff(&before, &fewer);
        assert!(
            removed
                .iter()
                .all(|c| c.path.starts_with("business_scope.items[2]") && c.after.is_none()),
            "{removed:?}"
        );
    }
}
