//! The kinds of notice Withus sends, each with its wording (subject, standard body, Easy Read body,
//! in English and Welsh), whether a person must receive it, and whether it goes at once.

use serde::{Deserialize, Serialize};

use crate::vocab::stored_enum;

stored_enum!(
    /// What a notice is about. The name of each kind, for the "How we contact you" page, is the
    /// message `notice-kind-<code>`.
    NoticeKind, "notice-kind" {
        PasswordReset => "password_reset",
        OrganisationInvitation => "organisation_invitation",
        PanelWelcome => "panel_welcome",
        PanelJoined => "panel_joined",
        EventBooked => "event_booked",
        EventReminder => "event_reminder",
        PlaceCancelled => "place_cancelled",
        EventChanged => "event_changed",
        EventCancelled => "event_cancelled",
        EventInvitation => "event_invitation",
        PlaceOffered => "place_offered",
        AccessNeedUnmet => "access_need_unmet",
        FeedbackRequest => "feedback_request",
        SelectionInvitation => "selection_invitation",
        ContributionReceived => "contribution_received",
        ContributionAcknowledged => "contribution_acknowledged",
        FeedbackReportPublished => "feedback_report_published",
        Digest => "digest",
        SurveyResume => "survey_resume",
        RecommendationUpdate => "recommendation_update",
        VerificationAsked => "verification_asked",
        PaymentApproved => "payment_approved",
        PaymentPaid => "payment_paid",
        ExpenseQueried => "expense_queried",
    }
);

impl NoticeKind {
    /// The subject, standard body and Easy Read body messages.
    pub fn keys(self) -> (&'static str, &'static str, &'static str) {
        use NoticeKind::*;
        match self {
            PasswordReset => (
                "email-reset-subject",
                "email-reset-body",
                "email-reset-easy",
            ),
            OrganisationInvitation => (
                "email-invitation-subject",
                "email-invitation-body",
                "email-invitation-easy",
            ),
            PanelWelcome => (
                "email-welcome-subject",
                "email-welcome-body",
                "email-welcome-easy",
            ),
            PanelJoined => (
                "email-joined-subject",
                "email-joined-body",
                "email-joined-easy",
            ),
            EventBooked => (
                "email-event-booked-subject",
                "email-event-booked-body",
                "email-event-booked-easy",
            ),
            EventReminder => (
                "email-event-reminder-subject",
                "email-event-reminder-body",
                "email-event-reminder-easy",
            ),
            PlaceCancelled => (
                "email-event-place-cancelled-subject",
                "email-event-place-cancelled-body",
                "email-event-place-cancelled-easy",
            ),
            EventChanged => (
                "email-event-changed-subject",
                "email-event-changed-body",
                "email-event-changed-easy",
            ),
            EventCancelled => (
                "email-event-cancelled-subject",
                "email-event-cancelled-body",
                "email-event-cancelled-easy",
            ),
            EventInvitation => (
                "email-event-invite-subject",
                "email-event-invite-body",
                "email-event-invite-easy",
            ),
            PlaceOffered => (
                "email-event-offer-subject",
                "email-event-offer-body",
                "email-event-offer-easy",
            ),
            AccessNeedUnmet => (
                "email-plan-cannot-arrange-subject",
                "email-plan-cannot-arrange-body",
                "email-plan-cannot-arrange-easy",
            ),
            FeedbackRequest => (
                "email-feedback-subject",
                "email-feedback-body",
                "email-feedback-easy",
            ),
            SelectionInvitation => (
                "selection-email-subject",
                "selection-email-body",
                "selection-email-easy",
            ),
            ContributionReceived => (
                "contribution-receipt-subject",
                "contribution-receipt-body",
                "contribution-receipt-easy",
            ),
            ContributionAcknowledged => (
                "contribution-answer-subject",
                "contribution-answer-body",
                "contribution-answer-easy",
            ),
            FeedbackReportPublished => (
                "feedback-report-notice-subject",
                "feedback-report-notice-body",
                "feedback-report-notice-easy",
            ),
            RecommendationUpdate => (
                "recommendation-notice-subject",
                "recommendation-notice-body",
                "recommendation-notice-easy",
            ),
            VerificationAsked => (
                "verification-notice-subject",
                "verification-notice-body",
                "verification-notice-easy",
            ),
            PaymentApproved => (
                "payment-approved-notice-subject",
                "payment-approved-notice-body",
                "payment-approved-notice-easy",
            ),
            PaymentPaid => (
                "payment-paid-notice-subject",
                "payment-paid-notice-body",
                "payment-paid-notice-easy",
            ),
            ExpenseQueried => (
                "expense-queried-subject",
                "expense-queried-body",
                "expense-queried-easy",
            ),
            Digest => (
                "notice-digest-subject",
                "notice-digest-body",
                "notice-digest-easy",
            ),
            SurveyResume => (
                "survey-email-resume-subject",
                "survey-email-resume-body",
                "survey-email-resume-easy",
            ),
        }
    }

    /// Whether the person must receive it whatever they chose: what keeps their account, their
    /// place or their access working. Unsubscribing never stops these.
    pub fn essential(self) -> bool {
        use NoticeKind::*;
        !matches!(
            self,
            EventReminder
                | EventInvitation
                | FeedbackRequest
                | RecommendationUpdate
                | VerificationAsked
        )
    }

    /// Whether it always goes at once, never held for a digest: sign-in links, changes to events
    /// and places, access-plan problems, anything with a deadline, and a question about an
    /// expense claim (the person's money waits for their answer).
    pub fn urgent(self) -> bool {
        use NoticeKind::*;
        matches!(
            self,
            PasswordReset
                | OrganisationInvitation
                | PanelWelcome
                | EventBooked
                | EventReminder
                | PlaceCancelled
                | EventChanged
                | EventCancelled
                | PlaceOffered
                | AccessNeedUnmet
                | SelectionInvitation
                | Digest
                | SurveyResume
                | ExpenseQueried
        )
    }

    /// The kinds a person may choose not to receive, in the order the page lists them.
    pub fn optional() -> impl Iterator<Item = NoticeKind> {
        NoticeKind::ALL
            .iter()
            .copied()
            .filter(|k| !k.essential() && *k != NoticeKind::Digest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    /// Every kind has its subject, body and Easy Read body, in both languages, and a name.
    #[test]
    fn every_kind_has_its_wording_in_both_languages() {
        for kind in NoticeKind::ALL {
            let (subject, body, easy) = kind.keys();
            for locale in [Locale::En, Locale::Cy] {
                for key in [subject, body, easy, kind.message_key().as_str()] {
                    assert!(
                        crate::i18n::has_message(locale, key),
                        "{kind:?}: {key} missing in {locale:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn what_people_must_receive_cannot_be_declined_and_goes_at_once() {
        assert!(NoticeKind::PasswordReset.essential() && NoticeKind::PasswordReset.urgent());
        assert!(NoticeKind::EventCancelled.urgent());
        assert!(!NoticeKind::FeedbackRequest.essential() && !NoticeKind::FeedbackRequest.urgent());
        let optional: Vec<NoticeKind> = NoticeKind::optional().collect();
        assert!(optional.contains(&NoticeKind::EventInvitation));
        assert!(!optional.contains(&NoticeKind::PasswordReset));
        assert!(!optional.contains(&NoticeKind::Digest));
    }
}
