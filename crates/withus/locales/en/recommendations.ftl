# Recommendations tracked to implementation, implementation groups and verification.

recommendations-title = Recommendations
recommendations-intro = What the people involved recommended, what was decided about each, and how far each has been delivered. People who raised a linked theme are told of every change.
recommendations-none = There are no recommendations yet.
recommendations-manage = Add and manage recommendations
recommendations-yours = Recommendations: your answers, what you follow and your notes
recommendation-add = Add a recommendation
recommendation-added = Recommendation added.
recommendation-number = Recommendation
recommendation-optional = Optional.
recommendation-overdue = Overdue
recommendation-owner = Who is responsible
recommendation-public-page = See the public page
recommendation-contents = On this page
recommendation-followers = People following
recommendation-group = Monitored by
recommendation-group-none = No implementation group yet: people booked at the engagement's events are asked to verify.
recommendation-easy-read = Easy Read version

recommendation-field-title-en = Title
recommendation-field-title-cy = Title in Welsh
recommendation-field-body-en = What is recommended
recommendation-field-body-cy = What is recommended, in Welsh
recommendation-field-body-hint = Plain English. Leave a blank line between paragraphs.
recommendation-field-easy-read = Easy Read version
recommendation-field-easy-read-hint = Optional. Short sentences, one idea each.
recommendation-field-addressed-to = Addressed to
recommendation-field-addressed-to-hint = The body asked to act, for example the council's cabinet.
recommendation-field-owner = Organisation responsible
recommendation-field-role = Role responsible
recommendation-field-role-hint = For example, Director of Adult Social Care.
recommendation-field-lead = Named lead
recommendation-field-due = Due by
recommendation-field-priority = Priority
recommendation-field-themes = Themes behind it
recommendation-field-themes-hint = Everyone who raised these themes follows this recommendation and is told of each change.
recommendation-field-note = Which part, or why not
recommendation-field-note-hint = Needed when you accept only part, or reject it. People who follow it are told these words.

recommendation-priority-high = High
recommendation-priority-medium = Medium
recommendation-priority-low = Low

recommendation-decision = Decision
recommendation-decision-proposed = Proposed
recommendation-decision-accepted = Accepted
recommendation-decision-accepted-hint = It will be delivered in full.
recommendation-decision-accepted-in-part = Accepted in part
recommendation-decision-accepted-in-part-hint = Say which part will be delivered.
recommendation-decision-rejected = Rejected
recommendation-decision-rejected-hint = Say why. The reason is published.
recommendation-decide-title = Record the decision
recommendation-decide = Save decision
recommendation-decided = Decision saved. Followers are being told.

recommendation-delivery = Delivery
recommendation-delivery-hint = Marking it implemented asks the people who monitor it whether it made the difference.
recommendation-delivery-not-started = Not started
recommendation-delivery-in-progress = In progress
recommendation-delivery-implemented = Implemented
recommendation-delivery-save = Save delivery
recommendation-delivery-saved = Delivery saved. Followers are being told.
recommendation-implemented-reopen = It is implemented. If the people asked say it did not work, reopen it below.

milestones-title = Milestones
milestones-none = There are no milestones yet.
milestone-add = Add a milestone
milestone-added = Milestone added. Followers are being told.
milestone-field-title = Milestone
milestone-field-due = Due by
milestone-field-evidence-note = Evidence
milestone-field-evidence-link = Link to evidence
milestone-field-evidence-link-hint = Optional. A web address starting https://
milestone-field-file = File of evidence
milestone-field-file-hint = Optional. A PDF, photo or video, 25 MB or smaller.
milestone-done = Done
milestone-not-done = Not yet
milestone-evidence = Evidence
milestone-evidence-link = Link
milestone-mark-done = Mark as done
milestone-error-title = Enter the milestone
milestone-error-due = Enter the date it is due, for example 27 3 2027
milestone-error-link = Enter a web address starting https:// or http://
milestone-error-done = That milestone is already done.

recommendation-verification = Verification by disabled people
recommendation-verification-not-yet = Not implemented yet
recommendation-verification-waiting = Waiting for answers
recommendation-verification-verified = Verified
recommendation-verification-not-verified = Not verified
recommendation-verification-rule = Verified means at least { $yes } different people asked said yes, and no more than { $percent }% of the answers said no.
recommendation-asked = People asked
recommendation-answer-yes = Yes
recommendation-answer-partly = Partly
recommendation-answer-no = No
recommendation-their-words = What they said
recommendation-reasons = Why people said partly or no
recommendation-ask-again = Ask group members not yet asked
recommendation-reopen-title = Reopen it
recommendation-reopen-reason = Why it is being reopened
recommendation-reopen-hint = Delivery goes back to in progress and the people are asked again once it is implemented.
recommendation-reopen = Reopen
recommendation-reopened = Reopened. Followers are being told.
recommendation-rule-title = When a recommendation counts as verified
recommendation-rule-label = Most "no" answers a verified recommendation may have
recommendation-rule-hint = As a share of the answers. At least two different people must also say yes.
recommendation-rule-saved = Rule saved.
recommendation-no-themes = This engagement has no themes yet.
recommendation-themes-save = Save themes
recommendation-themes-saved = Themes saved.

recommendation-timeline = What has happened
recommendation-timeline-when = When
recommendation-timeline-what = What
recommendation-timeline-detail = Details
recommendation-change-proposed = Recommended
recommendation-change-decided = Decision: { $decision }
recommendation-change-delivery = Delivery: { $delivery }
recommendation-change-milestone-added = Milestone added
recommendation-change-milestone-done = Milestone done
recommendation-change-verification-asked = People asked whether it made the difference
recommendation-change-verified = Verified by the people asked
recommendation-change-not-verified = Not verified by the people asked
recommendation-change-reopened = Reopened

recommendation-news-decided = The decision is: { $decision }.
recommendation-news-decided-note = The decision is: { $decision }. { $detail }
recommendation-news-proposed = It was recommended.
recommendation-news-delivery = Delivery is now: { $delivery }.
recommendation-news-milestone-added = A new milestone: { $detail }.
recommendation-news-milestone-done = A milestone is done: { $detail }.
recommendation-news-verification-asked = People are being asked whether it made the difference.
recommendation-news-verified = The people asked say it made the difference it was meant to.
recommendation-news-not-verified = The people asked say it has not made the difference it was meant to yet.
recommendation-news-reopened = It has been reopened: { $detail }

recommendation-follow = Follow this recommendation
recommendation-follow-hint = Get a message each time something changes, at the frequency you chose for messages.
recommendation-unfollow = Stop following
recommendation-you-follow = You are following this recommendation.
recommendation-following = You are following this recommendation.
recommendation-not-following = You have stopped following this recommendation.

verification-question = Has this made the difference it was meant to?
verification-question-hint = You were asked because you are in the group monitoring it.
verification-words = Tell us why
verification-words-hint = Needed if you say partly or no. Your words are published without your name.
verification-send = Send answer
verification-thanks = Thank you. Your answer is counted once; you can change it at any time.
verification-you-were-asked = You were asked whether this made the difference it was meant to.
verification-asked = Group members not yet asked have been asked.
verification-error-answer = Select yes, partly or no
verification-error-words = Tell us why it has not made the difference

recommendation-error-title = Enter a title
recommendation-error-body = Enter what is recommended
recommendation-error-addressed-to = Enter who it is addressed to
recommendation-error-owner = Enter the organisation responsible
recommendation-error-role = Enter the role responsible
recommendation-error-due = Enter the date it is due, for example 27 3 2027
recommendation-error-priority = Select a priority
recommendation-error-too-long = This must be { $max } characters or fewer
recommendation-error-note-too-long = The note must be { $max } characters or fewer
recommendation-error-decision = Select accepted, accepted in part or rejected
recommendation-error-reason = Say why it was rejected. The reason is published
recommendation-error-part = Say which part was accepted
recommendation-error-delivery = Select how far it has been delivered
recommendation-error-delivery-started = Delivery has started, so it cannot be rejected now. Reopen it or record it as accepted in part
recommendation-error-not-accepted = Record the decision first: only an accepted recommendation is delivered
recommendation-error-implemented = It is implemented. Reopen it to move it back to in progress
recommendation-error-not-implemented = Only an implemented recommendation can be reopened
recommendation-error-reopen-reason = Say why it is being reopened
recommendation-error-rule = Enter a whole number from 0 to 100
recommendation-error-theme = Choose themes from this engagement's list

implementation-groups-title = Implementation groups
implementation-groups-intro = A working group given recommendations to monitor. Its members see them together, keep notes, and are the people asked whether each one made the difference.
implementation-groups-none = There are no implementation groups yet.
implementation-group-new = Make a group
implementation-group-name = Name
implementation-group-create = Make group
implementation-group-created = Group made.
implementation-group-members = Members
implementation-group-no-members = No members yet.
implementation-group-member-hidden = Someone you cannot see on the register
implementation-group-remove = Remove
implementation-group-member-removed = Member removed.
implementation-group-find = Find a person to add
implementation-group-find-hint = Type part of their name.
implementation-group-search = Search
implementation-group-nobody-found = Nobody with that name.
implementation-group-add = Add
implementation-group-member-added = Member added.
implementation-group-monitors = What the group monitors
implementation-group-nothing-monitored = Nothing yet.
implementation-group-assign = Recommendations to monitor
implementation-group-assign-hint = Members of this group are the people asked to verify these.
implementation-group-assign-save = Save
implementation-group-assigned = Saved.
implementation-group-notes = Notes
implementation-group-notes-none = No notes yet.
implementation-group-note = Note
implementation-group-note-hint = Only the group and the team see notes.
implementation-group-note-about = About
implementation-group-note-general = The group's work in general
implementation-group-note-add = Add note
implementation-group-note-added = Note added.
implementation-group-note-by-member = A member
implementation-group-note-by-staff = The team
implementation-group-yours = Your implementation group
implementation-group-member-intro = You are monitoring these recommendations. When one is implemented you are asked whether it made the difference it was meant to.
implementation-group-error-name = Enter a name for the group
implementation-group-error-note = Write your note
implementation-group-error-person = Search for a person by name, then choose Add beside them

recommendation-notice-subject = News about a recommendation: { $recommendation }
recommendation-notice-body =
    There is news about the recommendation "{ $recommendation }", which you follow.

    { $news }

    See what has happened so far: { $link }

    You can stop following it on that page.
recommendation-notice-easy =
    There is news about something we said we would do.

    It is called: { $recommendation }

    { $news }

    Find out more here: { $link }
verification-notice-subject = Has it made a difference? { $recommendation }
verification-notice-body =
    The recommendation "{ $recommendation }" is marked as implemented.

    You are in the group monitoring it. Please tell us whether it has made the difference it was meant to: yes, partly or no, and why.

    Answer here: { $link }
verification-notice-easy =
    We say we have done this:

    { $recommendation }

    Has it made things better?

    Tell us here: { $link }
notice-kind-recommendation-update = News about recommendations you follow
notice-kind-verification-asked = Questions about whether recommendations worked

audit-action-recommendation-proposed = Recommendation added
audit-action-recommendation-decided = Recommendation decided
audit-action-recommendation-delivery = Recommendation delivery changed
audit-action-recommendation-themed = Recommendation themes changed
audit-action-milestone-added = Milestone added
audit-action-milestone-done = Milestone done
audit-action-verification-asked = People asked to verify a recommendation
audit-action-recommendation-answered = Recommendation verification answered
audit-action-recommendation-reopened = Recommendation reopened
audit-action-recommendation-followed = Recommendation followed or unfollowed
audit-action-verification-rule-set = Verification rule set
audit-action-implementation-group-created = Implementation group made
audit-action-implementation-group-member-added = Implementation group member added
audit-action-implementation-group-member-removed = Implementation group member removed
audit-action-implementation-group-assigned = Implementation group given recommendations
audit-action-implementation-group-note = Implementation group note added
