//! Upgrades application JSON written by older versions of Kaiban to the current model.
//!
//! Schema history:
//! - 0 (prototype, no `schema_version`): `type`, `company_name`, `registered_capital_wan`
//!   (text in 万元), `address {district, street, postcode}`, `shareholders[] {name,
//!   id_number, mobile, amount_wan, method, due_date}`, `legal_rep` (a shareholder's name),
//!   `scope[]`.
//! - 1: the current [`Application`], people stored once in `persons`, money in fen.

use crate::model::{Application, SCHEMA_VERSION};
use crate::money::parse_wan;
use serde_json::{json, Map, Value};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    /// Not JSON, or JSON that does not match the model; with the position when known.
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    NotAnObject,
    /// Neither a `schema_version` nor the fields of a version-0 document.
    MissingVersion,
    /// Written by a newer Kaiban: refuse rather than drop fields we do not know.
    NewerVersion(u64),
    /// A field of an old document could not be converted.
    Field {
        path: String,
        message: String,
    },
}

impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrateError::Syntax {
                message,
                line,
                column,
            } => write!(f, "line {line}, column {column}: {message}"),
            MigrateError::NotAnObject => f.write_str("the document is not a JSON object"),
            MigrateError::MissingVersion => f.write_str(
                "no schema_version, and not a version-0 document either (no type, company_name or shareholders)",
            ),
            MigrateError::NewerVersion(v) => write!(
                f,
                "schema_version {v} is newer than this version of Kaiban understands ({SCHEMA_VERSION})"
            ),
            MigrateError::Field { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for MigrateError {}

impl MigrateError {
    /// What went wrong, for the person importing the file.
    pub fn message(&self) -> crate::text::Bi {
        crate::text::Bi::owned(self.message_zh(), self.to_string())
    }

    fn message_zh(&self) -> String {
        match self {
            MigrateError::Syntax { line, column, .. } => {
                format!("文件格式不正确（第{line}行第{column}列），不是开办申请文件")
            }
            MigrateError::NotAnObject | MigrateError::MissingVersion => {
                "文件内容不是开办申请".into()
            }
            MigrateError::NewerVersion(_) => {
                "该文件由更新版本的系统生成，请刷新页面更新后再导入".into()
            }
            MigrateError::Field { path, .. } => format!("文件中的“{path}”无法识别"),
        }
    }
}

fn syntax(e: serde_json::Error) -> MigrateError {
    MigrateError::Syntax {
        message: e.to_string(),
        line: e.line(),
        column: e.column(),
    }
}

/// A document's version, read by skimming the text without building it.
#[derive(serde::Deserialize)]
struct Header {
    schema_version: Option<u64>,
}

/// Reads an application of any known schema version.
pub fn migrate(json: &str) -> Result<Application, MigrateError> {
    // A current document (every draft this version saved) is read once, into the model; the
    // general path below builds a `Value` of it first, which costs a phone a long task for a
    // large draft. Anything else, errors included, takes the general path, so the results are
    // the same. (Only an object: serde would also read a `Header` from an array.)
    if json.trim_start().starts_with('{') {
        if let Ok(Header {
            schema_version: Some(version),
        }) = serde_json::from_str::<Header>(json)
        {
            if version == SCHEMA_VERSION as u64 {
                return serde_json::from_str(json).map_err(syntax);
            }
        }
    }
    let value: Value = serde_json::from_str(json).map_err(syntax)?;
    let object = value.as_object().ok_or(MigrateError::NotAnObject)?;
    let looks_like_v0 = ["type", "company_name", "shareholders"]
        .iter()
        .any(|k| object.contains_key(*k));
    let version = match object.get("schema_version") {
        Some(v) => v.as_u64().ok_or(MigrateError::Field {
            path: "schema_version".into(),
            message: "expected a whole number".into(),
        })?,
        None if looks_like_v0 => 0,
        None => return Err(MigrateError::MissingVersion),
    };
    if version > SCHEMA_VERSION as u64 {
        return Err(MigrateError::NewerVersion(version));
    }
    if version == SCHEMA_VERSION as u64 {
        // Parse the text again (not the Value) so errors keep their line and column.
        return serde_json::from_str(json).map_err(syntax);
    }
    let upgraded = v0_to_v1(object)?;
    // Through text again, not `from_value`: the browser already carries the deserializer for
    // text, and a second one for values costs it tens of kilobytes (old files are rare).
    serde_json::from_str(&upgraded.to_string()).map_err(|e| MigrateError::Field {
        path: "(document)".into(),
        message: e.to_string(),
    })
}

fn text<'a>(object: &'a Map<String, Value>, key: &str) -> &'a str {
    object.get(key).and_then(Value::as_str).unwrap_or("")
}

fn wan_field(object: &Map<String, Value>, key: &str, path: String) -> Result<u64, MigrateError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(0),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(0),
        Some(Value::String(s)) => parse_wan(s).map_err(|e| MigrateError::Field {
            path,
            message: e.message().en.into(),
        }),
        Some(Value::Number(n)) => parse_wan(&n.to_string()).map_err(|e| MigrateError::Field {
            path,
            message: e.message().en.into(),
        }),
        Some(_) => Err(MigrateError::Field {
            path,
            message: "expected an amount in 万元".into(),
        }),
    }
}

fn v0_to_v1(old: &Map<String, Value>) -> Result<Value, MigrateError> {
    let empty = Map::new();
    let address = old
        .get("address")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut persons = Vec::new();
    let mut investors = Vec::new();
    let mut legal_rep = Value::Null;
    let shareholders = old
        .get("shareholders")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, holder) in shareholders.iter().enumerate() {
        let holder = holder.as_object().ok_or_else(|| MigrateError::Field {
            path: format!("shareholders[{i}]"),
            message: "expected an object".into(),
        })?;
        let id = format!("p{}", i + 1);
        let name = text(holder, "name");
        if !name.is_empty() && name == text(old, "legal_rep") {
            legal_rep = json!(id);
        }
        persons.push(json!({
            "id": id,
            "name": name,
            "id_type": "resident_id",
            "id_number": text(holder, "id_number"),
            "mobile": text(holder, "mobile"),
        }));
        let amount = wan_field(
            holder,
            "amount_wan",
            format!("shareholders[{i}].amount_wan"),
        )?;
        let due = match text(holder, "due_date") {
            "" => Value::Null,
            d => json!(d),
        };
        let method = match text(holder, "method") {
            "" => "cash",
            m => m,
        };
        investors.push(json!({
            "person_id": id,
            "subscribed_fen": amount,
            "contributions": [{"method": method, "amount_fen": amount, "due_date": due}],
        }));
    }
    let capital = wan_field(
        old,
        "registered_capital_wan",
        "registered_capital_wan".into(),
    )?;
    Ok(json!({
        "schema_version": SCHEMA_VERSION,
        "entity_type": old.get("type").cloned().unwrap_or(Value::Null),
        "name": {"full": text(old, "company_name")},
        "domicile": {
            "division_code": text(address, "district"),
            "detail": text(address, "street"),
            "postcode": text(address, "postcode"),
        },
        "business_scope": {"items": old.get("scope").cloned().unwrap_or(json!([]))},
        "capital": {"registered_fen": if capital > 0 { json!(capital) } else { Value::Null }},
        "persons": persons,
        "investors": investors,
        "officers": {"legal_representative_id": legal_rep},
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContributionMethod, EntityType, ScopeChoice};

    const V0: &str = include_str!("../tests/fixtures/application_v0.json");

    #[test]
    fn a_version_0_document_is_upgraded() {
        let app = migrate(V0).unwrap();
        assert_eq!(app.schema_version, SCHEMA_VERSION);
        assert_eq!(app.entity_type, Some(EntityType::Llc));
        assert_eq!(app.name.full, "贵阳云栈科技有限公司");
        assert_eq!(app.capital.registered_fen, Some(100_000_000));
        assert_eq!(app.persons.len(), 2);
        assert_eq!(app.investors[1].subscribed_fen, 40_000_000);
        assert_eq!(
            app.investors[1].contributions[0].method,
            ContributionMethod::IntellectualProperty
        );
        assert_eq!(app.officers.legal_representative_id.as_deref(), Some("p1"));
        assert_eq!(app.domicile.division_code, "520115");
        assert_eq!(
            app.business_scope.items,
            vec![ScopeChoice::code("G002"), ScopeChoice::code("G001")]
        );
    }

    #[test]
    fn the_current_version_round_trips() {
        let app = crate::rules::testing::example("llc");
        assert_eq!(migrate(&app.to_json_pretty()).unwrap(), app);
    }

    #[test]
    fn bad_input_is_refused_with_a_position() {
        match migrate("{\n  \"schema_version\": 1,\n  \"entity_type\": \"bank\"\n}") {
            Err(MigrateError::Syntax { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(migrate("[1]"), Err(MigrateError::NotAnObject)));
        assert!(matches!(
            migrate("{\"schema_version\": 99}"),
            Err(MigrateError::NewerVersion(99))
        ));
        assert!(matches!(
            migrate("not json"),
            Err(MigrateError::Syntax { line: 1, .. })
        ));
        assert!(matches!(
            migrate("{\"type\": \"llc\", \"registered_capital_wan\": \"lots\"}"),
            Err(MigrateError::Field { .. })
        ));
    }
}
