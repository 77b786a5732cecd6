## Easy Read wording of notices: short sentences, one idea each.

email-reset-easy =
    You asked to change your password for { $service }.

    Open this link to choose a new password:
    { $link }

    The link works one time. It stops working after { $hours } hour.

    Did you not ask? Then do nothing. Your password stays the same.
email-invitation-easy =
    { $organisation } wants you to join them on { $service }.

    Your role: { $role }.

    Open this link to say yes:
    { $link }

    The link stops working after { $days } days.
email-welcome-easy =
    Thank you for joining { $panel }.

    Choose a password. Then you can see your details.

    Open this link:
    { $link }

    The link stops working after { $days } days.

    Did you not ask to join? Then do nothing.
email-joined-easy =
    Someone joined { $panel } with this email address.

    Was it you? Sign in to see your details:
    { $link }

    Was it not you? Reply to this email. We will remove the details.
email-feedback-easy =
    Hello { $name },

    Thank you for coming to { $event }.

    Did you get the support you need? Please tell us:
    { $link }

    It takes one minute.
selection-email-easy =
    Hello,

    You have been chosen for { $group }.

    It is a group of { $organisation }.

    We chose people fairly, by a lottery.

    Someone will contact you. They will tell you what it is about and when it meets.

    You do not have to say yes.

## Digests

notice-digest-subject = Your messages from { $service }
notice-digest-body =
    Hello { $name },

    Here { $count ->
        [one] is the message
       *[other] are the { $count } messages
    } we kept for you.

    { $notices }
notice-digest-easy =
    Hello { $name },

    We have { $count ->
        [one] 1 message
       *[other] { $count } messages
    } for you.

    { $notices }
notice-digest-about = About { $about }
notice-in-english = In English:
notice-digest-general = Other messages

## Kinds of notice, channels, how often, and where a notice is

notice-kind-password-reset = Password reset links
notice-kind-organisation-invitation = Invitations to join an organisation
notice-kind-panel-welcome = Welcome when you join a panel
notice-kind-panel-joined = Confirmation that you joined a panel
notice-kind-event-booked = Confirmation of a place you booked
notice-kind-event-reminder = Reminders before an event
notice-kind-place-cancelled = Confirmation that you cancelled a place
notice-kind-event-changed = Changes to an event
notice-kind-event-cancelled = Cancelled events
notice-kind-event-invitation = Invitations to events
notice-kind-place-offered = A free place offered to you
notice-kind-access-need-unmet = When we cannot arrange something you need
notice-kind-feedback-request = Questions after an event
notice-kind-selection-invitation = Being chosen for a working group
notice-kind-digest = Digest of messages

notice-channel-email = Email
notice-channel-sms = Text message
notice-channel-post = Letter
notice-channel-phone = Phone call
notice-channel-none = No way to reach them

notice-frequency-immediate = Straight away
notice-frequency-daily = Once a day, all together
notice-frequency-weekly = Once a week, all together

notice-status-queued = Waiting to send
notice-status-held = Kept for the digest
notice-status-in-digest = Sent in a digest
notice-status-sent = Sent
notice-status-delivered = Delivered
notice-status-failed = Could not send
notice-status-to-print = Letter to print
notice-status-printed = Printed, to post
notice-status-posted = Posted
notice-status-to-phone = To phone
notice-status-phoned = Phoned
notice-status-needs-contact = No way to reach them
notice-status-declined = Not sent: they asked not to get these

audit-action-notice-printed = Letter printed
audit-action-notice-posted = Letter posted
audit-action-notice-phoned = Person phoned with a message
audit-action-notice-retried = Message sent again
audit-action-notice-rerouted = Message moved to the phone list
audit-action-notice-letter-downloaded = Letter downloaded to print
audit-action-person-contact-preferences-changed = How we contact someone changed
audit-action-person-notices-unsubscribed = Someone stopped optional messages

## How we contact you

contact-title = How we contact you
contact-intro = Choose how we send you messages, in which language and format, and how often. Messages you must get, such as changes to an event you booked, always come straight away.
contact-method = How should we send messages?
contact-method-hint = If we cannot reach you this way, we use another way we have for you.
contact-language = Which language?
contact-formats = Which formats?
contact-frequency = How often should we send messages that can wait?
contact-frequency-hint = Messages that cannot wait, like a cancelled event, always come straight away.
contact-kinds = Which messages do you want?
contact-kinds-hint = You always get messages about your account, your places and your access needs.
contact-history = Messages we sent
contact-history-none = No messages yet.
contact-history-when = When
contact-history-subject = Subject
contact-history-channel = How
contact-history-status = Where it is
contact-error-method = Choose how we should send messages
contact-error-no-email = There is no email address on record. Add one in contact details first, or choose another way
contact-error-no-phone = There is no phone number on record. Add one in contact details first, or choose another way
contact-error-no-address = There is no postal address on record. Add one in contact details first, or choose another way
contact-error-language = Choose a language
contact-error-size = Enter a print size from { $min } to { $max }, or leave it empty
contact-error-frequency = Choose how often we should send messages that can wait
flash-contact-saved = How we contact you has been saved.
contact-link = How we contact you, and the messages we sent

## Unsubscribe

unsubscribe-title = Stop optional messages
unsubscribe-intro = You will stop getting:
unsubscribe-still = You will still get messages you must have: sign-in links, news about places you booked, changes and cancellations, and problems with your access needs.
unsubscribe-button = Stop these messages
unsubscribe-done = You will not get optional messages any more
unsubscribe-change = To change this, sign in and go to "How we contact you" in Your data, or ask the organisation that contacts you.

## Staff lists of messages

messages-title = Messages to send by hand
messages-link = Letters to post, people to phone and messages that failed
messages-intro = Some people asked for letters or phone calls, and some messages could not be sent. Work through each list; each step is recorded.
messages-letters = Letters to print and post
messages-letters-none = No letters to send.
messages-letters-batch = Download every letter still to print (PDF)
messages-letter-download = Download the letter (PDF)
messages-large-print = Large print, { $points } point
messages-mark-printed = Mark as printed
messages-mark-posted = Mark as posted
messages-calls = People to phone
messages-calls-none = Nobody to phone.
messages-what-to-say = What to tell them
messages-outcome = What happened (optional)
messages-mark-phoned = Mark as phoned
messages-problems = Messages that failed, and people we cannot reach
messages-problems-none = No problems.
messages-retry = Send again
messages-another-way = Phone them instead
messages-flash-done = Done.
messages-flash-moved-on = Someone has already dealt with this message.

## The organisation's address on letters

organisation-address-title = Address on letters
organisation-address-label = The address printed at the top of your letters
organisation-address-hint = One line per line of the address, up to 8 lines. People write back to this address.
organisation-address-error-lines = The address must be { $max } lines or fewer
organisation-address-error-line = Each line of the address must be { $max } characters or fewer
organisation-address-saved = The address on your letters has been saved.
audit-action-organisation-address-changed = Address on letters changed
organisation-bilingual = Languages
organisation-bilingual-hint = For example, if your organisation follows the Welsh Language Standards.
organisation-bilingual-yes = Write every message in Welsh and English, Welsh first
