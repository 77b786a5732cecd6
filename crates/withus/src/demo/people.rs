//! The demo register: two panels, the demo member accounts as people on the DPO's panel with varied
//! profiles, and two people with no account or email who joined with a facilitator's help.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::profiles::{Profile, synthetic};
use super::{COUNCIL, DPO, FAMILY_NAMES, FIRST_NAMES, ICB};
use crate::accounts::fixtures as accounts;
use crate::db::Ex;
use crate::organisations::fixtures as organisations;
use crate::register::domain::{
    AccessNeed, AccessProfile, Channel, ConsentKind, ContactMethod, DataCategory, EntryRoute,
    Format, MembershipStatus, NeedEntry, Preferences, Region, ShareScope, join_scope,
};
use crate::register::fixtures::{self as storage, NewConsent, NewPerson, SealedColumn};
use crate::register::profile::{monitoring_tokens, seal_json, seal_text};
use crate::register::questions;
use crate::security::field_crypto::KeyRing;

pub const DPO_PANEL: &str = "Greater Northtown Disabled People's Panel";
pub const STAFF_PANEL: &str = "Disabled Staff Network";

const DPO_PANEL_ABOUT: &str = "Disabled people living in and around Northtown who advise the council, the NHS and local services. \
     Join to be invited to workshops, surveys and groups that match what you care about.";
const STAFF_PANEL_ABOUT: &str = "Disabled staff of the Integrated Care Board, advising on workplace adjustments \
     and the Workforce Disability Equality Standard.";

/// The ids the demo register hangs off.
pub struct Anchors {
    pub dpo: Uuid,
    pub council: Uuid,
    pub icb: Uuid,
    pub dpo_panel: Uuid,
}

async fn organisation(ex: &mut Ex<'_>, name: &str) -> anyhow::Result<Uuid> {
    Ok(organisations::find_by_name(ex, name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo organisation {name} is missing"))?
        .id)
}

/// The demo panels and organisations, if the register has been seeded.
pub async fn anchors(ex: &mut Ex<'_>) -> anyhow::Result<Option<Anchors>> {
    let dpo = match organisations::find_by_name(ex, DPO).await? {
        Some(o) => o.id,
        None => return Ok(None),
    };
    let Some(dpo_panel) = storage::panels_of(ex, dpo)
        .await?
        .into_iter()
        .find(|p| p.name == DPO_PANEL)
    else {
        return Ok(None);
    };
    Ok(Some(Anchors {
        dpo,
        council: organisation(ex, COUNCIL).await?,
        icb: organisation(ex, ICB).await?,
        dpo_panel: dpo_panel.id,
    }))
}

/// Where a person came from and who recorded their consent.
struct Origin {
    account: Option<Uuid>,
    channel: Channel,
    recorded_by: Option<Uuid>,
}

async fn consent(
    ex: &mut Ex<'_>,
    person: Uuid,
    origin: &Origin,
    kind: ConsentKind,
    panel: Option<Uuid>,
    partner: Option<Uuid>,
    scope: &str,
) -> Result<Uuid, sqlx::Error> {
    storage::give_consent(
        ex,
        NewConsent {
            person,
            kind,
            panel,
            partner,
            scope,
            channel: origin.channel,
            recorded_by: origin.recorded_by,
        },
    )
    .await
}

/// Adds one person with everything in their profile, through the register's own storage calls.
async fn add_person(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    anchors: &Anchors,
    profile: &Profile,
    origin: Origin,
) -> anyhow::Result<Uuid> {
    let id = storage::create_person(
        ex,
        NewPerson {
            account_id: origin.account,
            display_name: &profile.name,
            email: profile.email.as_deref(),
            phone: profile.phone.as_deref(),
            contact_method: profile.contact_method,
            language: profile.language,
            region: profile.region,
            local_authority: Some("Northtown"),
            entry_route: profile.entry_route,
        },
    )
    .await?;
    storage::set_membership(ex, anchors.dpo_panel, id, profile.status).await?;
    let on_panel = Some(anchors.dpo_panel);
    consent(ex, id, &origin, ConsentKind::Panel, on_panel, None, "").await?;
    if !profile.categories.is_empty() {
        let scope = join_scope(&profile.categories, DataCategory::as_str);
        consent(
            ex,
            id,
            &origin,
            ConsentKind::SpecialCategory,
            on_panel,
            None,
            &scope,
        )
        .await?;
    }
    if let Some(shared) = &profile.share {
        let scope = join_scope(shared, ShareScope::as_str);
        let council = Some(anchors.council);
        consent(ex, id, &origin, ConsentKind::Share, None, council, &scope).await?;
    }
    if let Some(address) = &profile.postal_address {
        let sealed = seal_text(keys, id, SealedColumn::PostalAddress, address);
        storage::set_sealed(ex, id, SealedColumn::PostalAddress, Some(&sealed)).await?;
    }
    if let Some(preferences) = &profile.preferences {
        let sealed = seal_json(keys, id, SealedColumn::Preferences, preferences);
        storage::set_sealed(ex, id, SealedColumn::Preferences, Some(&sealed)).await?;
    }
    if let Some(access) = &profile.access {
        let sealed = seal_json(keys, id, SealedColumn::AccessNeeds, access);
        storage::set_sealed(ex, id, SealedColumn::AccessNeeds, Some(&sealed)).await?;
    }
    if let Some(monitoring) = &profile.monitoring {
        let sealed = seal_json(keys, id, SealedColumn::Monitoring, monitoring);
        storage::set_sealed(ex, id, SealedColumn::Monitoring, Some(&sealed)).await?;
        storage::set_monitoring_tokens(ex, id, &monitoring_tokens(keys, monitoring)).await?;
    }
    storage::set_topics(ex, id, &profile.topics).await?;
    for (at, what) in &profile.involvements {
        storage::record_involvement(ex, id, anchors.dpo, what, *at).await?;
    }
    Ok(id)
}

fn need(need: AccessNeed, detail: &str) -> NeedEntry {
    NeedEntry {
        need,
        detail: detail.to_owned(),
    }
}

/// The profile of demo member number `index`: made up, with a few people written by hand so the
/// demo shows the access needs a facilitator plans for.
fn member_profile(index: usize, now: OffsetDateTime) -> Profile {
    let mut profile = synthetic(10_000 + index as u64, index, now);
    profile.entry_route = EntryRoute::SelfJoined;
    profile.region = Some(match index {
        _ if index % 6 == 5 => Region::Wales,
        17 => Region::NorthWest,
        _ => Region::NorthEast,
    });
    profile.status = match index {
        11 => MembershipStatus::Paused,
        23 => MembershipStatus::Left,
        35 => MembershipStatus::Invited,
        _ => MembershipStatus::Active,
    };
    profile.share = match index {
        1 | 5 | 9 => Some(vec![ShareScope::Contact]),
        13 => Some(vec![ShareScope::Contact, ShareScope::AccessNeeds]),
        _ => None,
    };
    match index {
        4 | 16 => {
            profile.categories = vec![DataCategory::AccessNeeds, DataCategory::Health];
            if let Some(m) = profile.monitoring.as_mut() {
                m.answers.retain(|code, _| {
                    matches!(
                        code.as_str(),
                        "long_term_condition" | "day_to_day_impact" | "impairment"
                    )
                });
            }
        }
        10 => {
            profile.categories.clear();
            profile.access = None;
            profile.monitoring = None;
        }
        _ if profile.categories.is_empty() => {
            profile.categories = DataCategory::ALL.to_vec();
        }
        _ => {}
    }
    let hand_written = match index {
        2 => Some(AccessProfile {
            needs: vec![
                need(
                    AccessNeed::BslInterpreter,
                    "Two interpreters for anything over an hour, please.",
                ),
                need(AccessNeed::PapersInAdvance, ""),
            ],
            ..AccessProfile::default()
        }),
        3 => Some(AccessProfile {
            needs: vec![
                need(AccessNeed::EasyRead, ""),
                need(
                    AccessNeed::PersonalAssistant,
                    "My support worker comes with me.",
                ),
                need(AccessNeed::ExtraTime, ""),
            ],
            ..AccessProfile::default()
        }),
        6 => Some(AccessProfile {
            needs: vec![
                need(AccessNeed::StepFree, "I use a powered wheelchair."),
                need(AccessNeed::AccessibleToilet, ""),
                need(AccessNeed::WheelchairSpace, ""),
            ],
            ..AccessProfile::default()
        }),
        7 => Some(AccessProfile {
            needs: vec![
                need(
                    AccessNeed::QuietRoom,
                    "Somewhere to step away if it gets loud.",
                ),
                need(AccessNeed::PapersInAdvance, ""),
            ],
            ..AccessProfile::default()
        }),
        8 => Some(AccessProfile {
            wants_conversation: true,
            ..AccessProfile::default()
        }),
        14 => Some(AccessProfile {
            needs: vec![
                need(AccessNeed::BslInterpreter, ""),
                need(AccessNeed::LiveCaptions, ""),
            ],
            ..AccessProfile::default()
        }),
        _ => None,
    };
    if let Some(access) = hand_written {
        if index == 3 {
            let preferences = profile.preferences.get_or_insert_with(Default::default);
            preferences.formats = vec![Format::EasyRead];
            preferences.advocate_name = "Northtown Advocacy".into();
        }
        if matches!(index, 2 | 14)
            && let Some(m) = profile.monitoring.as_mut()
        {
            m.answers
                .insert("languages".into(), vec!["bsl".into(), "english".into()]);
            m.answers
                .insert("impairment".into(), vec!["hearing".into()]);
        }
        if !profile.categories.contains(&DataCategory::AccessNeeds) {
            profile.categories.push(DataCategory::AccessNeeds);
        }
        profile.access = Some(access);
    }
    profile
}

/// Two people who joined with a facilitator's help: one by phone only, one by post only.
fn assisted_profiles(now: OffsetDateTime) -> Vec<(Profile, Channel)> {
    let mut by_phone = synthetic(20_001, 0, now);
    by_phone.name = "Margaret Thompson".into();
    by_phone.email = None;
    by_phone.phone = Some("0191 498 0123".into());
    by_phone.postal_address = None;
    by_phone.contact_method = ContactMethod::Phone;
    by_phone.entry_route = EntryRoute::Assisted;
    by_phone.region = Some(Region::NorthEast);
    by_phone.status = MembershipStatus::Active;
    by_phone.share = None;
    by_phone.access = Some(AccessProfile {
        needs: vec![
            need(AccessNeed::HearingLoop, ""),
            need(AccessNeed::LargePrint, "18 point"),
        ],
        ..AccessProfile::default()
    });
    by_phone.categories = DataCategory::ALL.to_vec();

    let mut by_post = synthetic(20_002, 0, now);
    by_post.name = "Joseph Ellis".into();
    by_post.email = None;
    by_post.phone = None;
    by_post.postal_address = Some("14 Front Street, Northtown, NT3 2AB".into());
    by_post.contact_method = ContactMethod::Post;
    by_post.entry_route = EntryRoute::Assisted;
    by_post.region = Some(Region::NorthEast);
    by_post.status = MembershipStatus::Active;
    by_post.share = None;
    by_post.involvements = vec![(now - Duration::days(40), "Bus station redesign workshop")];
    by_post.preferences = Some(Preferences {
        formats: vec![Format::LargePrint],
        large_print_size: Some(20),
        ..Preferences::default()
    });
    vec![(by_phone, Channel::Phone), (by_post, Channel::Paper)]
}

/// The demo's "panel member" sign-in, on the DPO's panel.
const MEMBER_ACCOUNT: &str = "member@northtown-dpf.example";

/// The demo's "panel member" account as a person on the DPO's panel: Deaf, a BSL user who also
/// wants Easy Read papers, so booking an event shows an access plan with both.
fn member_account_profile(now: OffsetDateTime) -> Profile {
    let mut profile = member_profile(0, now);
    profile.name = "Maya Patel".into();
    profile.email = Some(MEMBER_ACCOUNT.into());
    profile.language = "en";
    profile.region = Some(Region::NorthEast);
    profile.status = MembershipStatus::Active;
    profile.share = None;
    profile.categories = DataCategory::ALL.to_vec();
    profile.access = Some(AccessProfile {
        needs: vec![
            need(
                AccessNeed::BslInterpreter,
                "I am Deaf and use BSL. Two interpreters for anything over an hour.",
            ),
            need(AccessNeed::EasyRead, ""),
        ],
        ..AccessProfile::default()
    });
    // Messages to her are in Easy Read too.
    let preferences = profile.preferences.get_or_insert_with(Preferences::default);
    preferences.formats.retain(|f| *f != Format::EasyRead);
    preferences.formats.push(Format::EasyRead);
    profile
}

/// The people whose messages show each way of being contacted.
#[derive(Debug, Default)]
pub struct Showcase {
    /// Maya Patel: Easy Read, BSL.
    pub easy_read: Option<Uuid>,
    /// A member who reads Welsh.
    pub welsh: Option<Uuid>,
    /// A member who asked for a weekly digest.
    pub weekly: Option<Uuid>,
    /// Margaret Thompson, who is phoned.
    pub by_phone: Option<Uuid>,
    /// Joseph Ellis, who gets letters in 20 point large print.
    pub by_post: Option<Uuid>,
}

/// Seeds the register part of the demo. Returns how many people it added, and who shows each way
/// of being contacted.
pub async fn seed(ex: &mut Ex<'_>, keys: &KeyRing) -> anyhow::Result<(usize, Showcase)> {
    let mut showcase = Showcase::default();
    let now = crate::db::now();
    let dpo = organisation(ex, DPO).await?;
    let council = organisation(ex, COUNCIL).await?;
    let icb = organisation(ex, ICB).await?;
    for org in [dpo, council, icb] {
        questions::ensure_defaults(ex, org).await?;
    }
    let dpo_panel = storage::create_panel(ex, dpo, DPO_PANEL, DPO_PANEL_ABOUT, true).await?;
    storage::add_partner(ex, dpo_panel, council).await?;
    storage::add_partner(ex, dpo_panel, icb).await?;
    let staff_panel = storage::create_panel(ex, icb, STAFF_PANEL, STAFF_PANEL_ABOUT, false).await?;
    let anchors = Anchors {
        dpo,
        council,
        icb,
        dpo_panel,
    };
    let facilitator = accounts::find_by_email(ex, "facilitator@northtown-dpf.example")
        .await?
        .map(|a| a.id);

    let mut added = 0;
    for (index, (first, family)) in FAMILY_NAMES
        .iter()
        .flat_map(|family| FIRST_NAMES.iter().map(move |first| (first, family)))
        .enumerate()
    {
        let email = super::member_email(first, family);
        let Some(account) = accounts::find_by_email(ex, &email).await? else {
            continue;
        };
        let mut profile = member_profile(index, now);
        profile.name = format!("{first} {family}");
        profile.email = Some(email);
        profile.language = if account.language == "cy" { "cy" } else { "en" };
        let origin = Origin {
            account: Some(account.id),
            channel: Channel::Online,
            recorded_by: None,
        };
        let id = add_person(ex, keys, &anchors, &profile, origin).await?;
        if profile.language == "cy" && showcase.welsh.is_none() && profile.email.is_some() {
            showcase.welsh = Some(id);
        } else if showcase.weekly.is_none() && profile.status == MembershipStatus::Active {
            storage::set_notice_frequency(ex, id, crate::notices::Frequency::Weekly).await?;
            showcase.weekly = Some(id);
        }
        // A few members also work at the ICB and are in its staff network.
        if let Some(status) = match index {
            20 | 21 => Some(MembershipStatus::Active),
            22 => Some(MembershipStatus::Invited),
            _ => None,
        } {
            storage::set_membership(ex, staff_panel, id, status).await?;
            let origin = Origin {
                account: Some(account.id),
                channel: Channel::Online,
                recorded_by: None,
            };
            let panel = Some(staff_panel);
            consent(ex, id, &origin, ConsentKind::Panel, panel, None, "").await?;
        }
        added += 1;
    }
    if let Some(account) = accounts::find_by_email(ex, MEMBER_ACCOUNT).await? {
        let origin = Origin {
            account: Some(account.id),
            channel: Channel::Online,
            recorded_by: None,
        };
        let maya = add_person(ex, keys, &anchors, &member_account_profile(now), origin).await?;
        showcase.easy_read = Some(maya);
        added += 1;
    }
    for (profile, channel) in assisted_profiles(now) {
        let origin = Origin {
            account: None,
            channel,
            recorded_by: facilitator,
        };
        let id = add_person(ex, keys, &anchors, &profile, origin).await?;
        match channel {
            Channel::Phone => showcase.by_phone = Some(id),
            _ => showcase.by_post = Some(id),
        }
        added += 1;
    }
    Ok((added, showcase))
}
