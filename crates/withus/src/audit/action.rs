//! Every action the audit log can hold: the stable code stored with each entry, and the message key
//! of its label in the log's pages. A new kind of change is a new variant here, so it cannot be
//! recorded without a label (the test below checks the label exists in English and Welsh).

macro_rules! actions {
    ($($variant:ident = $code:literal, $label:literal;)+) => {
        /// What happened, as recorded in the audit log.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The stable code stored in the log, e.g. `account.created`. Never change one.
            pub fn code(self) -> &'static str {
                match self { $(Action::$variant => $code),+ }
            }

            /// The message key of the label shown in the log's pages.
            pub fn label_key(self) -> &'static str {
                match self { $(Action::$variant => $label),+ }
            }

            pub fn parse(code: &str) -> Option<Action> {
                match code { $($code => Some(Action::$variant),)+ _ => None }
            }
        }
    };
}

actions! {
    SessionStarted = "session.started", "audit-action-session-started";
    SessionEnded = "session.ended", "audit-action-session-ended";
    PasswordResetRequested = "password_reset.requested", "audit-action-password-reset-requested";
    PasswordResetCompleted = "password_reset.completed", "audit-action-password-reset-completed";
    AccountCreated = "account.created", "audit-action-account-created";
    AccountPasswordChanged = "account.password_changed", "audit-action-account-password-changed";
    AccountSupportNeedsChanged = "account.support_needs_changed", "audit-action-account-support-needs-changed";
    AccountLanguageChanged = "account.language_changed", "audit-action-account-language-changed";
    OrganisationCreated = "organisation.created", "audit-action-organisation-created";
    MembershipCreated = "membership.created", "audit-action-membership-created";
    InvitationCreated = "invitation.created", "audit-action-invitation-created";
    KeysRotated = "keys.rotated", "audit-action-keys-rotated";
    DemoLoaded = "demo.loaded", "audit-action-demo-loaded";
    PanelCreated = "panel.created", "audit-action-panel-created";
    PersonAdded = "person.added", "audit-action-person-added";
    PersonJoinedPanel = "person.joined_panel", "audit-action-person-joined-panel";
    PersonDetailsChanged = "person.details_changed", "audit-action-person-details-changed";
    PersonAccessNeedsChanged = "person.access_needs_changed", "audit-action-person-access-needs-changed";
    PersonMonitoringChanged = "person.monitoring_changed", "audit-action-person-monitoring-changed";
    PersonPreferencesChanged = "person.preferences_changed", "audit-action-person-preferences-changed";
    PersonPanelStatusChanged = "person.panel_status_changed", "audit-action-person-panel-status-changed";
    PersonDataDownloaded = "person.data_downloaded", "audit-action-person-data-downloaded";
    ConsentGiven = "consent.given", "audit-action-consent-given";
    ConsentWithdrawn = "consent.withdrawn", "audit-action-consent-withdrawn";
    DataRequestRecorded = "data_request.recorded", "audit-action-data-request-recorded";
    DataRequestCompleted = "data_request.completed", "audit-action-data-request-completed";
    FollowUpDone = "follow_up.done", "audit-action-follow-up-done";
    ImportUploaded = "import.uploaded", "audit-action-import-uploaded";
    ImportMapped = "import.mapped", "audit-action-import-mapped";
    ImportCompleted = "import.completed", "audit-action-import-completed";
    ImportExpired = "import.expired", "audit-action-import-expired";
    QuestionCreated = "question.created", "audit-action-question-created";
    QuestionUpdated = "question.updated", "audit-action-question-updated";
    BenchmarksUpdated = "benchmarks.updated", "audit-action-benchmarks-updated";
    BenchmarksDefaultsLoaded = "benchmarks.defaults_loaded", "audit-action-benchmarks-defaults-loaded";
    DemoPeopleGenerated = "demo.people_generated", "audit-action-demo-people-generated";
    RegisterExported = "register.exported", "audit-action-register-exported";
    SelectionCreated = "selection.created", "audit-action-selection-created";
    SelectionQuotasSaved = "selection.quotas_saved", "audit-action-selection-quotas-saved";
    SelectionComputed = "selection.computed", "audit-action-selection-computed";
    SelectionPublished = "selection.published", "audit-action-selection-published";
    SelectionDrawn = "selection.drawn", "audit-action-selection-drawn";
    SelectionInvited = "selection.invited", "audit-action-selection-invited";
    EngagementCreated = "engagement.created", "audit-action-engagement-created";
    EngagementUpdated = "engagement.updated", "audit-action-engagement-updated";
    EngagementPublished = "engagement.published", "audit-action-engagement-published";
    EngagementUnpublished = "engagement.unpublished", "audit-action-engagement-unpublished";
    EngagementLabelsChosen = "engagement.labels_chosen", "audit-action-engagement-labels-chosen";
    CommitmentAdded = "commitment.added", "audit-action-commitment-added";
    CommitmentUpdated = "commitment.updated", "audit-action-commitment-updated";
    CommitmentStatusChanged = "commitment.status_changed", "audit-action-commitment-status-changed";
    CommitmentContested = "commitment.contested", "audit-action-commitment-contested";
    CommitmentChallengeWithdrawn = "commitment.challenge_withdrawn", "audit-action-commitment-challenge-withdrawn";
    PaperAdded = "paper.added", "audit-action-paper-added";
    PaperUpdated = "paper.updated", "audit-action-paper-updated";
    PaperPublished = "paper.published", "audit-action-paper-published";
    PaperUnpublished = "paper.unpublished", "audit-action-paper-unpublished";
    PaperDeleted = "paper.deleted", "audit-action-paper-deleted";
    VenueCreated = "venue.created", "audit-action-venue-created";
    VenueUpdated = "venue.updated", "audit-action-venue-updated";
    EventCreated = "event.created", "audit-action-event-created";
    EventInvited = "event.invited", "audit-action-event-invited";
    EventBooked = "event.booked", "audit-action-event-booked";
    EventBookingChanged = "event.booking_changed", "audit-action-event-booking-changed";
    EventBookingCancelled = "event.booking_cancelled", "audit-action-event-booking-cancelled";
    EventOfferAccepted = "event.offer_accepted", "audit-action-event-offer-accepted";
    EventBookedForPerson = "event.booked_for_person", "audit-action-event-booked-for-person";
    EventBookingChangedForPerson = "event.booking_changed_for_person", "audit-action-event-booking-changed-for-person";
    EventBookingCancelledForPerson = "event.booking_cancelled_for_person", "audit-action-event-booking-cancelled-for-person";
    EventAttendanceRecorded = "event.attendance_recorded", "audit-action-event-attendance-recorded";
    EventPlanItemUpdated = "event.plan_item_updated", "audit-action-event-plan-item-updated";
    EventPlanPeopleTold = "event.plan_people_told", "audit-action-event-plan-people-told";
    EventMarkedReady = "event.marked_ready", "audit-action-event-marked-ready";
    EventUpdated = "event.updated", "audit-action-event-updated";
    EventCancelled = "event.cancelled", "audit-action-event-cancelled";
    EventReminderSent = "event.reminder_sent", "audit-action-event-reminder-sent";
    OrganisationAddressChanged = "organisation.address_changed", "audit-action-organisation-address-changed";
    NoticePrinted = "notice.printed", "audit-action-notice-printed";
    NoticePosted = "notice.posted", "audit-action-notice-posted";
    NoticePhoned = "notice.phoned", "audit-action-notice-phoned";
    NoticeRetried = "notice.retried", "audit-action-notice-retried";
    NoticeRerouted = "notice.rerouted", "audit-action-notice-rerouted";
    LetterDownloaded = "notice.letter_downloaded", "audit-action-notice-letter-downloaded";
    ContactPreferencesChanged = "person.contact_preferences_changed", "audit-action-person-contact-preferences-changed";
    NoticesUnsubscribed = "person.notices_unsubscribed", "audit-action-person-notices-unsubscribed";
    EventFeedbackAsked = "event.feedback_asked", "audit-action-event-feedback-asked";
    EventFeedbackAnswered = "event.feedback_answered", "audit-action-event-feedback-answered";
    ContributionReceived = "contribution.received", "audit-action-contribution-received";
    ContributionFileAdded = "contribution.file_added", "audit-action-contribution-file-added";
    ContributionFileDownloaded = "contribution.file_downloaded", "audit-action-contribution-file-downloaded";
    ContributionWithdrawn = "contribution.withdrawn", "audit-action-contribution-withdrawn";
    ContributionAcknowledged = "contribution.acknowledged", "audit-action-contribution-acknowledged";
    ContributionThemed = "contribution.themed", "audit-action-contribution-themed";
    ThemeCreated = "theme.created", "audit-action-theme-created";
    ThemeRenamed = "theme.renamed", "audit-action-theme-renamed";
    ThemeMerged = "theme.merged", "audit-action-theme-merged";
    ContributionPromisesSet = "engagement.contribution_promises_set", "audit-action-engagement-contribution-promises-set";
    FeedbackReportSaved = "feedback_report.saved", "audit-action-feedback-report-saved";
    FeedbackReportCommented = "feedback_report.commented", "audit-action-feedback-report-commented";
    FeedbackReportPublished = "feedback_report.published", "audit-action-feedback-report-published";
    SurveyCreated = "survey.created", "audit-action-survey-created";
    SurveyChanged = "survey.changed", "audit-action-survey-changed";
    SurveyAnsweringForPerson = "survey.answering_for_person", "audit-action-survey-answering-for-person";
    SurveyAnswered = "survey.answered", "audit-action-survey-answered";
    SurveyExported = "survey.exported", "audit-action-survey-exported";
    RecommendationProposed = "recommendation.proposed", "audit-action-recommendation-proposed";
    RecommendationDecided = "recommendation.decided", "audit-action-recommendation-decided";
    RecommendationDelivery = "recommendation.delivery", "audit-action-recommendation-delivery";
    RecommendationThemed = "recommendation.themed", "audit-action-recommendation-themed";
    MilestoneAdded = "milestone.added", "audit-action-milestone-added";
    MilestoneDone = "milestone.done", "audit-action-milestone-done";
    VerificationAsked = "verification.asked", "audit-action-verification-asked";
    RecommendationAnswered = "recommendation.answered", "audit-action-recommendation-answered";
    RecommendationReopened = "recommendation.reopened", "audit-action-recommendation-reopened";
    RecommendationFollowed = "recommendation.followed", "audit-action-recommendation-followed";
    VerificationRuleSet = "verification.rule_set", "audit-action-verification-rule-set";
    ImplementationGroupCreated = "implementation_group.created", "audit-action-implementation-group-created";
    ImplementationGroupMemberAdded = "implementation_group.member_added", "audit-action-implementation-group-member-added";
    ImplementationGroupMemberRemoved = "implementation_group.member_removed", "audit-action-implementation-group-member-removed";
    ImplementationGroupAssigned = "implementation_group.assigned", "audit-action-implementation-group-assigned";
    ImplementationGroupNote = "implementation_group.note", "audit-action-implementation-group-note";
    PaymentDue = "payment.due", "audit-action-payment-due";
    PaymentChoiceChanged = "payment.choice_changed", "audit-action-payment-choice-changed";
    PaymentsApproved = "payment.approved", "audit-action-payment-approved";
    PaymentApprovedOverLimit = "payment.approved_over_limit", "audit-action-payment-approved-over-limit";
    PaymentBatchSecondApproval = "payment_batch.second_approval", "audit-action-payment-batch-second-approval";
    PaymentRunMade = "payment_run.made", "audit-action-payment-run-made";
    PaymentRunFileDownloaded = "payment_run.file_downloaded", "audit-action-payment-run-file-downloaded";
    PaymentRunPaid = "payment_run.paid", "audit-action-payment-run-paid";
    PaymentFailed = "payment.failed", "audit-action-payment-failed";
    PaymentReissued = "payment.reissued", "audit-action-payment-reissued";
    BankDetailsChanged = "payment_profile.bank_details", "audit-action-payment-profile-bank-details";
    DeclaredLimitChanged = "payment_profile.declared_limit", "audit-action-payment-profile-declared-limit";
    PaymentRecordsRemoved = "payment.records_removed", "audit-action-payment-records-removed";
    PaymentWithdrawn = "payment.withdrawn", "audit-action-payment-withdrawn";
    PaymentSpendExported = "payment_spend.exported", "audit-action-payment-spend-exported";
    PaymentRateAdded = "payment_rate.added", "audit-action-payment-rate-added";
    PaymentRateEnded = "payment_rate.ended", "audit-action-payment-rate-ended";
    PaymentSettingsSet = "payment_settings.set", "audit-action-payment-settings-set";
    PaymentOfferSet = "payment_offer.set", "audit-action-payment-offer-set";
    MileageRateSet = "mileage_rate.set", "audit-action-mileage-rate-set";
    ExpenseClaimed = "expense.claimed", "audit-action-expense-claimed";
    ExpenseApproved = "expense.approved", "audit-action-expense-approved";
    ExpenseQueried = "expense.queried", "audit-action-expense-queried";
    ExpenseResubmitted = "expense.resubmitted", "audit-action-expense-resubmitted";
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::Action;
    use crate::i18n::Locale;

    #[test]
    fn every_action_has_a_label_in_english_and_welsh() {
        for action in Action::ALL {
            for locale in [Locale::En, Locale::Cy] {
                assert_ne!(
                    locale.t(action.label_key()),
                    action.label_key(),
                    "{action:?} has no label in {locale:?}"
                );
            }
        }
    }

    #[test]
    fn codes_and_labels_are_distinct_and_round_trip() {
        let codes: BTreeSet<_> = Action::ALL.iter().map(|a| a.code()).collect();
        let labels: BTreeSet<_> = Action::ALL.iter().map(|a| a.label_key()).collect();
        assert_eq!(codes.len(), Action::ALL.len());
        assert_eq!(labels.len(), Action::ALL.len());
        for action in Action::ALL {
            assert_eq!(Action::parse(action.code()), Some(*action));
            assert_eq!(
                action.label_key(),
                format!("audit-action-{}", action.code().replace(['.', '_'], "-")),
                "label keys follow the code"
            );
        }
        assert_eq!(Action::parse("no.such_action"), None);
    }
}
