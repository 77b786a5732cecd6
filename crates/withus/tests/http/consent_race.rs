//! A consent withdrawn while someone saves the data it covers wins: the save waits for the
//! withdrawal, then finds no consent and stores nothing.

use std::time::Duration;

use withus::register::consents::{self, Actor, Withdrawn};
use withus::register::domain::{
    AccessNeed, AccessProfile, Channel, ConsentKind, ContactMethod, DataCategory, EntryRoute,
    NeedEntry,
};
use withus::register::fixtures::{self as register, NewConsent};
use withus::register::record::editors::access_needs::{SaveError, save};
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::helpers::{Backend, spawn_app_without_demo};

async fn a_withdrawal_while_access_needs_are_saved_wins_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let actor = Actor {
        account: None,
        organisation: None,
        channel: Channel::Phone,
    };
    // Someone who agreed to their access needs being held, and gave one.
    let mut tx = app.db.begin().await.unwrap();
    let person = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: None,
            display_name: "Ceri",
            email: None,
            phone: Some("01234 567890"),
            contact_method: ContactMethod::Phone,
            language: "en",
            region: None,
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
    let consent = register::give_consent(
        &mut tx.ex(),
        NewConsent {
            person,
            kind: ConsentKind::SpecialCategory,
            panel: None,
            partner: None,
            scope: DataCategory::AccessNeeds.as_str(),
            channel: Channel::Phone,
            recorded_by: None,
        },
    )
    .await
    .unwrap();
    app.give_access_need(&mut tx.ex(), person, AccessNeed::EasyRead)
        .await;
    tx.commit().await.unwrap();

    // The withdrawal is under way when staff, who checked the form while consent was held,
    // save new needs.
    let mut withdrawal = app.db.begin().await.unwrap();
    assert_eq!(
        consents::withdraw(&mut withdrawal.ex(), &keys, actor, person, consent)
            .await
            .unwrap(),
        Withdrawn::Done
    );
    let saving = tokio::spawn({
        let db = app.db.clone();
        let keys = keys.clone();
        async move {
            let profile = AccessProfile {
                needs: vec![NeedEntry {
                    need: AccessNeed::LargePrint,
                    detail: String::new(),
                }],
                ..Default::default()
            };
            let mut tx = db.begin().await.unwrap();
            let saved = save(&mut tx.ex(), &keys, actor, (person, &[]), &profile, false).await;
            if saved.is_ok() {
                tx.commit().await.unwrap();
            }
            saved
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !saving.is_finished(),
        "the save waits for the withdrawal to finish"
    );
    withdrawal.commit().await.unwrap();

    let saved = saving.await.unwrap();
    assert!(
        matches!(saved, Err(SaveError::NoConsent)),
        "the save sees the withdrawal and refuses: {saved:?}"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM people WHERE access_needs IS NOT NULL")
            .await,
        0,
        "nothing is held without consent"
    );
}
both!(
    a_withdrawal_while_access_needs_are_saved_wins,
    a_withdrawal_while_access_needs_are_saved_wins_body
);
