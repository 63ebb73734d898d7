//! The configuration layers: what each source may set, and what is refused.

use super::*;

fn embed(json: &str) -> (Config, Vec<ConfigProblem>) {
    let mut config = Config::default();
    let problems = config.apply(ConfigInput::from_json(json).unwrap(), Source::Embedder);
    (config, problems)
}

#[test]
fn embedder_can_choose_locale_types_and_theme() {
    let (config, problems) = embed(
        r##"{"locale":"en","entityTypes":"llc, sole_proprietorship","theme":{"primary":"#7a1f1f"}}"##,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.locale, Some(Locale::En));
    assert_eq!(
        config.offered_entity_types(),
        vec![EntityType::Llc, EntityType::SoleProprietorship]
    );
    assert_eq!(
        config.theme_primary.map(Colour::to_hex).as_deref(),
        Some("#7a1f1f")
    );
}

#[test]
fn embedder_cannot_widen_the_allow_lists_or_pick_another_endpoint() {
    let (config, problems) = embed(
        r#"{"endpoint":"https://evil.example/collect","allowedParentOrigins":["https://evil.example"]}"#,
    );
    assert_eq!(config, Config::default());
    let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, ["allowedParentOrigins", "endpoint"]);
}

#[test]
fn deployment_sets_allow_lists_and_refuses_bad_entries() {
    let mut config = Config::default();
    let input = ConfigInput::from_json(
        r#"{"endpoint":"https://gov.example/api/submissions",
            "allowedParentOrigins":["https://portal.example","https://portal.example/path","javascript:alert(1)"]}"#,
    )
    .unwrap();
    let problems = config.apply(input, Source::Deployment);
    assert_eq!(problems.len(), 2);
    assert_eq!(config.allowed_parent_origins, ["https://portal.example"]);
    assert_eq!(
        config.allowed_endpoints[0],
        "https://gov.example/api/submissions"
    );
    let mut embedded = config.clone();
    assert!(embedded
        .apply(
            ConfigInput::from_json(r#"{"endpoint":"https://gov.example/api/submissions"}"#)
                .unwrap(),
            Source::Embedder
        )
        .is_empty());
}

#[test]
fn refuses_unknown_fields_bad_values_and_plain_http_endpoints() {
    assert!(ConfigInput::from_json(r#"{"endpont":"x"}"#).is_err());
    let (config, problems) =
        embed(r##"{"locale":"fr","entityTypes":["llc","bank"],"theme":{"primary":"#ffff00"}}"##);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(config.entity_types, [EntityType::Llc]);
    assert_eq!(config.theme_primary, None);
    assert!(check_endpoint("http://gov.example/submissions").is_err());
    assert!(check_endpoint("http://127.0.0.1:8787/submissions").is_ok());
    assert!(check_endpoint("https://user@gov.example/").is_err());
    assert_eq!(
        origin_of("http://127.0.0.1:8787/submissions").as_deref(),
        Some("http://127.0.0.1:8787")
    );
}

/// The catalogue is the deployment's: an embedder cannot swap it for one of its own, and a
/// setting that is not a SHA-256 keeps the bundled sample and is reported.
#[test]
fn only_the_deployment_names_the_catalogue() {
    let hash = "3c47f3a275b5df1eeb1dc412b9a59642332b54eeeece21133d42699769b5f6b4";
    let setting = format!(
        r#"{{"catalogue":{{"url":"https://data.example.gov.cn/scope.csv","sha256":"{hash}"}}}}"#
    );
    let mut config = Config::default();
    let problems = config.apply(
        ConfigInput::from_json(&setting).unwrap(),
        Source::Deployment,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        config.catalogue.as_ref().map(|c| c.sha256.as_str()),
        Some(hash)
    );
    let (embedded, problems) = embed(&setting);
    assert_eq!(embedded.catalogue, None);
    assert_eq!(problems.len(), 1);
    let mut config = Config::default();
    let problems = config.apply(
        ConfigInput::from_json(r#"{"catalogue":{"url":"scope.csv","sha256":"abc"}}"#).unwrap(),
        Source::Deployment,
    );
    assert_eq!(config.catalogue, None);
    assert_eq!(problems[0].field, "catalogue");
    assert!(problems[0].en.contains("64 hex digits"), "{problems:?}");
}
