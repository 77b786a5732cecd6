//! Demo mode: realistic sample organisations and people, loaded once, and a page of sent emails.

pub mod emails;
pub mod generate;
pub mod people;
pub mod profiles;
mod showcase;

use crate::accounts::NewAccount;
use crate::accounts::fixtures as accounts;
use crate::accounts::profile::support_needs_field;
use crate::audit::{self, Action, Entry};
use crate::organisations::domain::{OrganisationKind, Role};
use crate::organisations::fixtures as organisations;
use crate::security::field_crypto::KeyRing;
use crate::security::passwords::NewPassword;
use crate::state::AppState;

/// Every demo account signs in with this.
pub const DEMO_PASSWORD: &str = "withus-demo-2026";

pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub organisation: Option<&'static str>,
    pub role: Option<Role>,
}

pub const DPO: &str = "Northtown Disabled People's Forum";
pub const COUNCIL: &str = "Northtown Borough Council";
pub const ICB: &str = "Northtown and District Integrated Care Board";

pub const ORGANISATIONS: [(&str, OrganisationKind); 3] = [
    (DPO, OrganisationKind::Dpo),
    (COUNCIL, OrganisationKind::Council),
    (ICB, OrganisationKind::NhsBody),
];

pub const STAFF: &[DemoAccount] = &[
    DemoAccount {
        email: "siteadmin@withus.example",
        name: "Sam Okafor",
        organisation: None,
        role: None,
    },
    DemoAccount {
        email: "admin@northtown-dpf.example",
        name: "Amara Hughes",
        organisation: Some(DPO),
        role: Some(Role::OrganisationAdmin),
    },
    DemoAccount {
        email: "facilitator@northtown-dpf.example",
        name: "Femi Adeyemi",
        organisation: Some(DPO),
        role: Some(Role::Facilitator),
    },
    DemoAccount {
        email: "member@northtown-dpf.example",
        name: "Maya Patel",
        organisation: Some(DPO),
        role: Some(Role::Member),
    },
    DemoAccount {
        email: "finance@northtown-dpf.example",
        name: "Rhys Bennett",
        organisation: Some(DPO),
        role: Some(Role::FinanceOfficer),
    },
    DemoAccount {
        email: "treasurer@northtown-dpf.example",
        name: "Grace Mensah",
        organisation: Some(DPO),
        role: Some(Role::FinanceOfficer),
    },
    DemoAccount {
        email: "admin@northtown.example",
        name: "Ola Nowak",
        organisation: Some(COUNCIL),
        role: Some(Role::OrganisationAdmin),
    },
    DemoAccount {
        email: "officer@northtown.example",
        name: "Owen Price",
        organisation: Some(COUNCIL),
        role: Some(Role::Officer),
    },
    DemoAccount {
        email: "auditor@northtown.example",
        name: "Aisha Rahman",
        organisation: Some(COUNCIL),
        role: Some(Role::Auditor),
    },
    DemoAccount {
        email: "officer@northtown-icb.example",
        name: "Nia Evans",
        organisation: Some(ICB),
        role: Some(Role::Officer),
    },
];

/// Panel members of the DPO: first names and family names combined into a few dozen people.
const FIRST_NAMES: [&str; 12] = [
    "Aled", "Bethan", "Chidi", "Deepa", "Eilidh", "Farah", "Gareth", "Hannah", "Imran", "Jade",
    "Kofi", "Lowri",
];
const FAMILY_NAMES: [&str; 3] = ["Morgan", "Begum", "Williams"];

const SAMPLE_SUPPORT_NEEDS: [&str; 4] = [
    "I use British Sign Language. Please book two interpreters for meetings over an hour.",
    "Easy Read papers, sent a week before, please. I bring a supporter.",
    "Step-free access and an accessible toilet. I use a powered wheelchair.",
    "A quiet room to take breaks in, and the agenda in advance.",
];

/// A demo panel member's email address.
pub fn member_email(first: &str, family: &str) -> String {
    format!(
        "{}.{}@panel.example",
        first.to_lowercase(),
        family.to_lowercase()
    )
}

pub enum Seeded {
    Loaded { accounts: usize, people: usize },
    AlreadyPresent,
}

/// Loads the demo data unless it is already there. One transaction: all or nothing. A database
/// seeded before the register existed gets the register part only.
pub async fn seed(state: &AppState) -> anyhow::Result<Seeded> {
    let keys = &*state.keys;
    let mut tx = state.db.begin().await?;
    let accounts_present = organisations::find_by_name(&mut tx.ex(), DPO)
        .await?
        .is_some();
    if accounts_present && people::anchors(&mut tx.ex()).await?.is_some() {
        return Ok(Seeded::AlreadyPresent);
    }
    let (accounts, event) = if accounts_present {
        (0, None)
    } else {
        seed_accounts(&mut tx, keys).await?
    };
    let (people, showcase) = people::seed(&mut tx.ex(), keys).await?;
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::DemoLoaded, "site", "demo")
            .with(serde_json::json!({ "accounts": accounts, "people": people })),
    )
    .await?;
    tx.commit().await?;
    if let Some(event) = event {
        showcase::send(state, event, &showcase).await?;
    }
    Ok(Seeded::Loaded { accounts, people })
}

/// The accounts, organisations, engagements, event and papers; the count of accounts and the event.
async fn seed_accounts(
    tx: &mut crate::db::Tx,
    keys: &KeyRing,
) -> anyhow::Result<(usize, Option<uuid::Uuid>)> {
    let hash = tokio::task::spawn_blocking(|| {
        NewPassword::parse(DEMO_PASSWORD)
            .map(|p| p.hash())
            .map_err(|e| anyhow::anyhow!("demo password: {e}"))
    })
    .await??;

    let mut organisation_ids = Vec::new();
    for (name, kind) in ORGANISATIONS {
        let id = organisations::create(&mut tx.ex(), name, kind).await?;
        audit::record(
            &mut tx.ex(),
            Entry::new(Action::OrganisationCreated, "organisation", id).in_organisation(id),
        )
        .await?;
        organisation_ids.push((name, id));
    }
    let organisation_id = |name: &str| {
        organisation_ids
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, id)| *id)
    };

    let mut count = 0;
    let mut facilitator = None;
    for person in STAFF {
        let id = accounts::create(
            &mut tx.ex(),
            NewAccount {
                email: person.email,
                display_name: person.name,
                password_hash: Some(&hash),
                language: "en",
                is_site_admin: person.organisation.is_none(),
            },
        )
        .await?;
        if person.role == Some(Role::Facilitator) && facilitator.is_none() {
            facilitator = Some(id);
        }
        if let (Some(org), Some(role)) =
            (person.organisation.and_then(organisation_id), person.role)
        {
            organisations::set_membership(&mut tx.ex(), id, org, role).await?;
        }
        count += 1;
    }

    let dpo = organisation_id(DPO).ok_or_else(|| anyhow::anyhow!("demo DPO missing"))?;
    let address = crate::organisations::domain::PostalAddress::parse(
        "Unit 4, Riverside Centre\nMill Road\nNorthtown NT1 4RS",
    )
    .map_err(|p| anyhow::anyhow!("demo address: {}", p.key))?;
    crate::organisations::commands::set_letters(&mut tx.ex(), None, dpo, &address, false).await?;
    for (index, (first, family)) in FAMILY_NAMES
        .iter()
        .flat_map(|family| FIRST_NAMES.iter().map(move |first| (first, family)))
        .enumerate()
    {
        let email = member_email(first, family);
        let name = format!("{first} {family}");
        let language = if index % 5 == 0 { "cy" } else { "en" };
        let id = accounts::create(
            &mut tx.ex(),
            NewAccount {
                email: &email,
                display_name: &name,
                password_hash: Some(&hash),
                language,
                is_site_admin: false,
            },
        )
        .await?;
        organisations::set_membership(&mut tx.ex(), id, dpo, Role::Member).await?;
        if index % 3 == 0 {
            let needs = SAMPLE_SUPPORT_NEEDS[index % SAMPLE_SUPPORT_NEEDS.len()];
            let sealed = keys.seal(needs, support_needs_field(id));
            accounts::set_support_needs(&mut tx.ex(), id, Some(&sealed)).await?;
        }
        count += 1;
    }
    let council =
        organisation_id(COUNCIL).ok_or_else(|| anyhow::anyhow!("demo council missing"))?;
    let engagement = crate::engagements::demo::seed(&mut tx.ex(), dpo, council).await?;
    let event = crate::events::demo::seed(&mut tx.ex(), dpo, engagement).await?;
    crate::payments::offers::demo::seed(&mut tx.ex(), dpo, council, engagement).await?;
    crate::papers::demo::seed(&mut tx.ex(), dpo, engagement, Some(event)).await?;
    crate::surveys::demo::seed(&mut tx.ex(), keys, dpo, engagement, facilitator).await?;
    Ok((count, Some(event)))
}

/// The sign-in details printed by `withus demo`.
pub fn sign_in_details(base_url: &str) -> String {
    let mut text = format!(
        "\nWithus demo is ready at {base_url}\nEvery demo account's password is: {DEMO_PASSWORD}\n\n"
    );
    for person in STAFF {
        let role = match (person.organisation, person.role) {
            (Some(org), Some(role)) => format!("{} at {org}", role.as_str().replace('_', " ")),
            _ => "site administrator".into(),
        };
        text.push_str(&format!("  {:<36} {role}\n", person.email));
    }
    text.push_str(&format!(
        "  ...and {} panel members such as aled.morgan@panel.example\nEmails the demo sends are listed at {base_url}/dev/emails\n",
        FIRST_NAMES.len() * FAMILY_NAMES.len()
    ));
    text
}
