# Closing the loop: contributions, acknowledgement, themes and "You said, we did".

contribution-channel-survey = Survey
contribution-channel-comment = Comment on the engagement page
contribution-channel-at-event = Said at an event
contribution-channel-letter = Letter
contribution-channel-phone = Phone call
contribution-channel-email = Email
contribution-channel-bsl-video = BSL video
contribution-channel-easy-read-paper = Easy Read form on paper
contribution-channel-advocate = Passed on by an advocate
contribution-received-phone = by phone
contribution-received-letter = by letter
contribution-received-in-person = in person
contribution-received-email = by email
contribution-received-advocate = through an advocate
contribution-received-bsl-video = as a BSL video

contribution-clock-acknowledged = Answered
contribution-clock-waiting = Waiting for an answer
contribution-clock-overdue = Overdue
contribution-clock-very-overdue = Very overdue
contribution-clock-withdrawn = Withdrawn

contribution-anonymous = Anonymous
contribution-not-on-register = Not on the register
contribution-entered-for = Entered by staff: told { $how }
contribution-said-at = Said at { $event } ({ $when })

contributions-title = Contributions
contributions-intro = Everything people have told us, by every channel. Each person gets a receipt at once. We promised to answer each one within { $days } working days.
contributions-owed = Waiting for an answer, oldest first
contributions-none-owed = Nobody is waiting for an answer.
contributions-answered = Answered or withdrawn, newest first
contributions-filtered = Showing contributions on the theme "{ $theme }".
contributions-show-all = Show all contributions
contributions-organisation-title = Contributions waiting for an answer
contributions-organisation-intro = What people are waiting to hear back about, across your engagements. Overdue ones come first, oldest first.
contributions-overdue = Overdue
contributions-none-overdue = No answers are overdue.
contributions-waiting = Not yet due
contributions-by-engagement = By engagement
contributions-no-engagements = Your organisation has no engagements yet.

contribution-col-reference = Reference
contribution-col-engagement = Engagement
contribution-col-from = From
contribution-col-said = What they said
contribution-col-received = Received
contribution-col-status = Answer
contribution-col-themes = Themes

contribution-figure-received = Contributions received
contribution-figure-people = from { $count ->
    [one] 1 person
   *[other] { $count } people
}
contribution-figure-acknowledged = Answered by the team
contribution-figure-waiting = Waiting, not yet due
contribution-figure-overdue = Overdue answers
contribution-figure-overdue-definition = Not answered within { $days } working days (bank holidays not counted). { $very } of them waited more than twice as long.
contribution-figure-report = "You said, we did" report
contribution-report-due = Promised by { $date }.
contribution-report-was-due = It was promised by { $date }.
contribution-report-published-on = Published on { $date }.
contribution-report-missing = Report late

contribution-new-title = Enter a contribution for someone
contribution-new-intro = For something a person told you by letter, phone, email, a BSL video, an Easy Read form on paper, through an advocate, or at an event. It is marked as entered by you, with how it reached you. The person gets a receipt by their own channel.
contribution-search-label = Find the person by name
contribution-search-hint = People on your panels, or who share their details with your organisation.
contribution-search-button = Find
contribution-search-nobody = Nobody found with that name.
contribution-person-legend = Who said it?
contribution-person-none = Someone not on the register
contribution-person-missing = Choose who said it, or "Someone not on the register"
contribution-channel-legend = How did it reach you?
contribution-channel-hint = Choose "Said at an event" for points you noted at a meeting.
contribution-channel-missing = Choose how it reached you
contribution-event-label = At an event (optional)
contribution-event-hint = Only if it was said at one of this engagement's events.
contribution-event-none = Not at an event
contribution-text-label = What they said
contribution-text-hint = In their words where you can. For a letter or video, write what it says.
contribution-text-missing = Write what they said
contribution-own-text-missing = Write what you want to tell us
contribution-text-too-long = What they said must be { $max } characters or fewer
contribution-file-label = A file (optional)
contribution-file-hint = A photo of a letter (JPEG or PNG), a PDF, or a BSL video (MP4 or WebM). 25 MB at most.
contribution-file-empty = The file is empty. Choose the file again
contribution-file-too-large = The file must be { $megabytes } MB or smaller
contribution-file-wrong-type = The file must be a JPEG or PNG photo, a PDF, or an MP4 or WebM video
contribution-email-label = Their email address (optional)
contribution-email-hint = Only for someone not on the register who wants a receipt and the report.
contribution-email-invalid = Enter an email address in the correct format, like name@example.com
contribution-agreed-legend = What they agreed to
contribution-may-quote = We may quote their words in reports, without their name
contribution-anonymous-choice = Keep their name from the team and from reports
contribution-save = Save and send their receipt
contribution-entered = Saved. The person's receipt is on its way.

contribution-title = Contribution
contribution-how = How it reached us
contribution-quote = May be quoted
contribution-quote-yes = Yes, without their name
contribution-quote-no = No
contribution-what-they-said = What they said
contribution-withdrawn-text = The person withdrew this contribution. Their words have been deleted.
contribution-files = Files
contribution-themes-legend = Themes
contribution-new-theme = Add a new theme (optional)
contribution-new-theme-hint = For example, "Transport to meetings".
contribution-themes-save = Save themes
contribution-themes-saved = Themes saved.
contribution-answer-title = Our answer
contribution-answer-label = Answer this person
contribution-answer-hint = They get exactly these words, by their own channel and in their language.
contribution-answer-missing = Write your answer
contribution-answer-too-long = The answer must be { $max } characters or fewer
contribution-answer-send = Send answer
contribution-acknowledged = Answer sent.
contribution-already-acknowledged = This contribution was already answered.

contribution-promises-title = What we promise about answering
contribution-promises-intro = Say up front how quickly the team will answer each contribution, and when the "You said, we did" report will be published. Both are shown on the public page.
contribution-promises-days = Working days to answer each contribution
contribution-promises-days-hint = Weekends and bank holidays in England and Wales are not counted. Usually 10.
contribution-promises-days-invalid = Enter a whole number of working days from 1 to { $max }
contribution-promises-report = The day the report will be published by (optional)
contribution-promises-date-invalid = Enter a real date, like 27 3 2027
contribution-promises-report-default = If you leave this empty, the report is due { $date }: 20 working days after the engagement ends.
contribution-promises-saved = Promises saved.

themes-title = Themes
themes-intro = Tag contributions with themes to see what many people raised, by every channel. Merging a theme into another keeps it on record.
themes-none = No themes yet. Add one below or on a contribution.
themes-merged = Merged themes
theme-people = People who raised it
theme-contributions = Contributions
theme-channels = Channels
theme-owed = Waiting for an answer
theme-quotes = Quotes people agreed to share
theme-acknowledge-label = Answer everyone waiting on this theme
theme-acknowledge-hint = Each person gets these words by their own channel.
theme-acknowledge-send = Send to everyone on this theme
theme-acknowledged = Answer sent to everyone waiting on the theme.
theme-nothing-owed = Nobody on that theme is waiting for an answer.
theme-change = Rename or merge
theme-rename-label = New name
theme-rename = Rename
theme-renamed = Theme renamed.
theme-merge-label = Merge into
theme-merge-choose = Choose a theme
theme-merge = Merge
theme-merge-missing = Choose the theme to merge into
theme-merged = Themes merged.
theme-new-title = Add a theme
theme-name-label = Theme
theme-new-button = Add theme
theme-created = Theme added.
theme-name-missing = Enter a name for the theme
theme-name-too-long = The theme's name must be { $max } characters or fewer

feedback-report-title = "You said, we did" report
feedback-report-public-title = You said, we did (together)
feedback-report-heard = What we heard
feedback-report-heard-intro = Made from the themes: how many people raised each, and quotes people agreed to share.
feedback-report-heard-none = No themes yet.
feedback-report-people-raised = People who raised this:
feedback-report-decided = What we decided and why
feedback-report-decided-hint = Say which themes changed the decision, and how.
feedback-report-not-done = What we did not do, and why not
feedback-report-not-done-hint = Be honest about what people asked for that will not happen.
feedback-report-next = What happens next
feedback-report-next-hint = Who will do what.
feedback-report-next-by = By when
feedback-report-nothing = Nothing here.
feedback-report-save = Save draft
feedback-report-saved = Draft saved.
feedback-report-too-long = This must be { $max } characters or fewer
feedback-report-date-invalid = Enter a real date, like 27 3 2027
feedback-report-comments = Comments on the draft
feedback-report-comments-intro = Everyone booked at this engagement's events can read the draft and comment before it is published. People who can comment:
feedback-report-no-comments = No comments yet.
feedback-report-publish-title = Publish the report
feedback-report-publish-intro = Publishing tells each person who contributed, personally, what happened to the themes they raised, by their own channel and in their language.
feedback-report-publish = Publish and tell everyone
feedback-report-published = Report published. Everyone who contributed is being told.
feedback-report-already-published = The report is already published.
feedback-report-not-written = Write what we decided before publishing.
feedback-report-is-published = This report is published.
feedback-report-read = Read "You said, we did"
feedback-report-not-yet = The report is not published yet.
feedback-report-figures = How quickly we answered
feedback-draft-title = Draft report: your comments
feedback-draft-intro = This report is not published yet. You took part, so you can tell the team what is missing or wrong before it goes out.
feedback-comment-label = Your comment
feedback-comment-hint = The team reads every comment before publishing.
feedback-comment-missing = Write your comment
feedback-comment-send = Send comment
feedback-comment-sent = Thank you. Your comment was sent to the team.

contribution-have-your-say = Have your say
contribution-public-label = What do you want to tell us?
contribution-public-hint = You will get a receipt with a reference, and an answer from the team.
contribution-public-email = Your email address (optional)
contribution-public-email-hint = For your receipt and to tell you what happened. Sign in to see your contributions in Your data.
contribution-may-quote-own = You may quote my words in reports, without my name
contribution-anonymous-own = Do not show my name to the team
contribution-send = Send
contribution-public-answering = How quickly we answer
contribution-staff-owed = waiting for an answer
contribution-sent-title = Thank you, we have it
contribution-reference = Your reference
contribution-sent-receipt = Keep this reference. You can quote it if you contact us.
contribution-sent-days = The team will answer within this many working days:
contribution-sent-back = Back to the engagement

your-contributions-title = Your contributions
your-contributions-intro = What you have told engagements, how it reached us, and where your answer is. You can withdraw anything you said: your words are then deleted.
your-contributions-none = You have not contributed to an engagement yet.
your-contributions-said = What you said
your-contributions-withdraw = Withdraw this
contribution-withdrawn = Withdrawn. Your words have been deleted.
contribution-already-withdrawn = That was already withdrawn.

contribution-receipt-subject = We have your contribution: { $reference }
contribution-receipt-body =
    Thank you for telling us what you think about { $engagement }.

    Your reference is { $reference }. Quote it if you contact us.

    The team will answer you by { $due }.

    You can see what you told us, and withdraw it, here: { $link }
contribution-receipt-easy =
    Thank you for telling us what you think.

    It is about { $engagement }.

    Your number is { $reference }.

    We will write back to you by { $due }.

    See what you told us here: { $link }
contribution-answer-subject = An answer about { $engagement } ({ $reference })
contribution-answer-body =
    The team working on { $engagement } has read what you told us ({ $reference }).

    Their answer:

    { $answer }

    See your contributions here: { $link }
contribution-answer-easy =
    We read what you told us.

    It was about { $engagement }.

    Here is our answer:

    { $answer }

    See what you told us here: { $link }
feedback-report-notice-subject = You said, we did: { $engagement }
feedback-report-notice-body =
    The report on { $engagement } is published.

    You told us about:
    { $themes }

    What we decided:

    { $decided }

    Read the whole report, with what we did not do and what happens next: { $link }
feedback-report-notice-easy =
    You told us what you think about { $engagement }.

    You talked about:
    { $themes }

    This is what we decided:

    { $decided }

    Read the report here: { $link }
feedback-report-notice-no-themes = (what you told us has not been given a theme)
notice-kind-contribution-received = Receipts for what you told us
notice-kind-contribution-acknowledged = Answers to what you told us
notice-kind-feedback-report-published = "You said, we did" reports

audit-action-contribution-received = Contribution received
audit-action-contribution-file-added = File added to a contribution
audit-action-contribution-file-downloaded = File of a contribution downloaded
audit-action-contribution-withdrawn = Contribution withdrawn
audit-action-contribution-acknowledged = Contribution answered
audit-action-contribution-themed = Contribution's themes changed
audit-action-theme-created = Theme added
audit-action-theme-renamed = Theme renamed
audit-action-theme-merged = Theme merged
audit-action-engagement-contribution-promises-set = Promises about answering changed
audit-action-feedback-report-saved = Feedback report draft saved
audit-action-feedback-report-commented = Comment on a draft feedback report
audit-action-feedback-report-published = Feedback report published
