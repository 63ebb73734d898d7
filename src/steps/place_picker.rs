//! Where the domicile is: province → prefecture → county → township/street, native selects
//! (keyboard and screen readers know them), plus a search that finds a county anywhere in
//! China, or a township of the chosen county, by Chinese characters or pinyin initials
//! ("gsh" → 观山湖区). The application stores the codes and the names as the picker shows them.

use crate::app::use_wizard;
use crate::fields::{Bind, RetryAlert, Select};
use crate::i18n::{both, use_i18n, Locale, Text};
use crate::reference::{use_reference, Loading};
use crate::steps::Step;
use kaiban_core::catalog::divisions::{Division, Divisions};
use kaiban_core::model::PlaceName;
use kaiban_core::path;
use leptos::prelude::*;

/// Inputs of the picker that hold no field of their own (the county implies them).
const PROVINCE: &str = "domicile.province";
const PREFECTURE: &str = "domicile.prefecture";
/// How many matches the search lists.
const MATCHES: usize = 8;

fn name(d: &Division, l: Locale) -> String {
    l.pick(&d.name_zh, &d.name_en).to_string()
}

/// Options for a select: the prompt, then the divisions.
fn options<'a>(
    prompt: String,
    items: impl Iterator<Item = &'a Division>,
    l: Locale,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), prompt))
        .chain(items.map(|d| (d.code.clone(), name(d, l))))
        .collect()
}

/// 观山湖区 · 贵州省贵阳市 / "Guanshanhu District · Guiyang City, Guizhou Province".
fn county_label(all: &Divisions, county: &Division, l: Locale) -> String {
    let chain = all.place(&county.code);
    let above = PlaceName::spell(&chain[..chain.len().saturating_sub(1)]);
    let above = above.pick(l.is_chinese());
    format!("{} · {above}", name(county, l))
}

#[component]
pub fn PlacePicker(step: Step) -> impl IntoView {
    let wizard = use_wizard();
    let i18n = use_i18n();
    let reference = use_reference();
    let app = wizard.application;
    let divisions = reference.divisions();
    let county = Memo::new(move |_| app.with(|a| a.domicile.division_code.clone()));
    // The province and prefecture chosen before a county (then they follow the county).
    let province = RwSignal::new(String::new());
    let prefecture = RwSignal::new(String::new());
    Effect::new(move |_| {
        let code = county.get();
        if code.len() == 6 && divisions.with(|d| d.find(&code).is_some()) {
            province.set(format!("{:0<6}", &code[..2]));
            prefecture.set(format!("{:0<6}", &code[..4]));
        }
    });
    let choose_county = move |code: String| {
        let all = divisions.get_untracked();
        let zones = reference.jurisdiction();
        app.update(|a| {
            let d = &mut a.domicile;
            d.place = all.place(&code);
            d.township_code.clear();
            if d.functional_zone
                .as_ref()
                .is_some_and(|z| zones.zones_in(&code).all(|zone| &zone.code != z))
            {
                d.functional_zone = None;
            }
            d.division_code = code;
        });
    };

    let province_options = Signal::derive(move || {
        let l = i18n.locale.get();
        divisions.with(|all| {
            options(
                l.pick("请选择省（自治区、直辖市）", "Choose a province")
                    .into(),
                all.provinces(),
                l,
            )
        })
    });
    // A municipality has no prefectures an address names (北京市 → 市辖区): its districts
    // are listed straight after it.
    let municipality = Memo::new(move |_| {
        let p = province.get();
        divisions.with(|all| !p.is_empty() && all.children(&p).all(Division::is_placeholder))
    });
    let prefecture_options = Signal::derive(move || {
        let l = i18n.locale.get();
        let p = province.get();
        divisions.with(|all| {
            options(
                l.pick("请选择市（州、盟）", "Choose a city or prefecture")
                    .into(),
                all.children(&p),
                l,
            )
        })
    });
    let county_options = Signal::derive(move || {
        let l = i18n.locale.get();
        let (p, pre) = (province.get(), prefecture.get());
        divisions.with(|all| {
            let prompt = l
                .pick("请选择区（县、市）", "Choose a district or county")
                .to_string();
            if municipality.get() {
                options(prompt, all.counties().filter(|c| c.code[..2] == p[..2]), l)
            } else {
                options(prompt, all.children(&pre), l)
            }
        })
    });
    let townships = Memo::new(move |_| {
        let code = county.get();
        if code.is_empty() {
            Loading::Ready(Vec::new())
        } else {
            reference.townships(&code)
        }
    });
    let choose_township = move |code: String| {
        let all = divisions.get_untracked();
        let found = match townships.get_untracked() {
            Loading::Ready(list) => list.into_iter().find(|t| t.code == code),
            _ => None,
        };
        app.update(|a| {
            let d = &mut a.domicile;
            d.place = all.place(&d.division_code);
            d.place.extend(found.map(|t| t.place_name()));
            d.township_code = code;
        });
    };
    let township_options = Signal::derive(move || {
        let l = i18n.locale.get();
        let prompt = match townships.get() {
            Loading::Pending => l.pick("正在加载乡镇（街道）…", "Loading the townships …"),
            _ => l.pick("请选择乡镇（街道）", "Choose a township or street"),
        };
        let mut list = vec![(String::new(), prompt.to_string())];
        if let Loading::Ready(all) = townships.get() {
            list.extend(
                all.iter()
                    .map(|t| (t.code.clone(), l.pick(&t.name_zh, &t.name_en).to_string())),
            );
        }
        list
    });

    let query = RwSignal::new(String::new());
    let matches = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        let l = i18n.locale.get();
        let mut found: Vec<(String, String, bool)> = Vec::new();
        if let Loading::Ready(all) = townships.get() {
            let all_divisions = divisions.get();
            let county_name = all_divisions
                .find(&county.get())
                .map(|c| name(c, l))
                .unwrap_or_default();
            found.extend(all.iter().filter(|t| t.matches(&q)).take(MATCHES).map(|t| {
                (
                    t.code.clone(),
                    format!("{} · {county_name}", l.pick(&t.name_zh, &t.name_en)),
                    true,
                )
            }));
        }
        divisions.with(|all| {
            let room = MATCHES.saturating_sub(found.len());
            found.extend(
                all.counties()
                    .filter(|c| c.matches(&q))
                    .take(room)
                    .map(|c| (c.code.clone(), county_label(all, c, l), false)),
            );
        });
        found
    });
    let pick_match = move |code: String, township: bool| {
        if township {
            choose_township(code);
        } else {
            choose_county(code);
        }
        query.set(String::new());
        crate::fields::focus_element(&crate::app::field_id(if township {
            path::DOMICILE_TOWNSHIP
        } else {
            path::DOMICILE_DIVISION
        }));
    };

    let status = reference.status;
    view! {
        <Show when=move || matches!(status.get(), Loading::Failed(_))>
            <RetryAlert message=Text::PlaceIndexFailed on_retry=move || reference.load_index() />
        </Show>
        <div class="kb-field kb-place-search">
            <label class="kb-label" for="place-search">
                {i18n.tr(Text::PlaceSearch)}
            </label>
            <p class="kb-hint" id="place-search-hint">
                {i18n.tr(Text::PlaceSearchHint)}
            </p>
            <input
                id="place-search"
                class="kb-input kb-w-20"
                type="search"
                autocomplete="off"
                aria-describedby="place-search-hint place-search-status"
                prop:value=move || query.get()
                on:input:target=move |ev| query.set(ev.target().value())
            />
            <p id="place-search-status" class="kb-visually-hidden" aria-live="polite">
                {move || {
                    let n = matches.with(Vec::len);
                    if query.with(|q| q.trim().is_empty()) {
                        String::new()
                    } else {
                        i18n.locale
                            .get()
                            .pick(&format!("找到{n}个地点"), &format!("{n} places found"))
                            .to_string()
                    }
                }}
            </p>
            <ul class="kb-place-matches">
                <For
                    each=move || matches.get()
                    key=|(code, label, _)| (code.clone(), label.clone())
                    let((code, label, township))
                >
                    <li>
                        <button
                            type="button"
                            class="kb-link-button"
                            on:click=move |_| pick_match(code.clone(), township)
                        >
                            {label}
                        </button>
                    </li>
                </For>
            </ul>
        </div>
        <Select
            bind=Bind::new(
                PROVINCE,
                province.into(),
                Callback::new(move |code: String| {
                    province.set(code.clone());
                    prefecture.set(String::new());
                    reference.prefetch(&code);
                }),
            )
            step
            label=both("省（自治区、直辖市）", "Province")
            options=province_options
        />
        <Show when=move || !municipality.get()>
            <Select
                bind=Bind::new(
                    PREFECTURE,
                    prefecture.into(),
                    Callback::new(move |code| prefecture.set(code)),
                )
                step
                label=both("市（州、盟）", "City or prefecture")
                options=prefecture_options
            />
        </Show>
        <Select
            bind=Bind::new(path::DOMICILE_DIVISION, county.into(), Callback::new(choose_county))
            step
            label=both("区（县、市）", "District or county")
            options=county_options
        />
        <Select
            bind=Bind::new(
                path::DOMICILE_TOWNSHIP,
                Signal::derive(move || app.with(|a| a.domicile.township_code.clone())),
                Callback::new(choose_township),
            )
            step
            label=both("乡镇（街道）", "Township or street")
            options=township_options
        />
        <Show when=move || matches!(townships.get(), Loading::Failed(_))>
            <RetryAlert
                message=Text::PlaceTownshipsFailed
                on_retry=move || reference.retry_townships(&county.get_untracked())
            />
        </Show>
    }
}
