## Panel register: shared vocabulary

or = or
prefer-not-to-say = Prefer not to say

membership-status-invited = Invited
membership-status-active = Active
membership-status-paused = Paused
membership-status-left = Left

entry-route-self-joined = Joined online
entry-route-assisted = Added by staff on their behalf
entry-route-imported = Imported from a spreadsheet

channel-online = Online
channel-in-person = In person
channel-phone = By phone
channel-paper = On paper
channel-email = By email

consent-kind-panel = To be on the panel and be contacted
consent-kind-special-category = To hold sensitive information about me
consent-kind-share = To share details with a partner organisation

data-category-access-needs = My access needs
data-category-health = My health and disability
data-category-ethnicity = My ethnic group
data-category-sexual-orientation = My sexual orientation
data-category-identity = My age, sex, gender, caring role, work and languages

share-scope-contact = My name and contact details
share-scope-access-needs = My access needs
share-scope-monitoring = My answers about who I am

contact-method-email = Email
contact-method-sms = Text message
contact-method-phone = Phone call
contact-method-post = Post
contact-method-advocate = Through my advocate or supporter

format-easy-read = Easy Read
format-large-print = Large print
format-braille = Braille
format-audio = Audio
format-bsl-video = British Sign Language (BSL) video
format-plain-text-email = Plain text email

payment-choice-cash = Money paid to me
payment-choice-voucher = Vouchers
payment-choice-reduced = A smaller amount, to protect my benefits
payment-choice-nothing = I do not want to be paid
payment-choice-to-organisation = Paid to an organisation I choose

topic-transport = Transport
topic-housing = Housing
topic-health-services = Health services
topic-social-care = Social care
topic-mental-health = Mental health
topic-employment = Work and employment
topic-benefits = Benefits
topic-education = Education
topic-digital = Digital services
topic-built-environment = Streets, buildings and public spaces
topic-leisure = Leisure, sport and culture
topic-children-and-families = Children and families

region-TLC = North East
region-TLD = North West
region-TLE = Yorkshire and The Humber
region-TLF = East Midlands
region-TLG = West Midlands
region-TLH = East of England
region-TLI = London
region-TLJ = South East
region-TLK = South West
region-TLL = Wales
region-TLM = Scotland
region-TLN = Northern Ireland

need-group-communication = Communication
need-group-physical = Getting in and around
need-group-sensory = Sensory and neurodivergent needs
need-group-support = Support
need-group-digital = Online and digital
need-group-timing = Timing and breaks

access-need-bsl-interpreter = British Sign Language (BSL) interpreter
access-need-sign-supported-english = Sign Supported English
access-need-lipspeaker = Lipspeaker
access-need-speech-to-text = Speech-to-text reporter (palantypist)
access-need-deafblind-interpreter = Deafblind interpreter
access-need-hearing-loop = Hearing loop
access-need-live-captions = Live captions
access-need-easy-read = Easy Read papers
access-need-large-print = Large print papers
access-need-braille = Braille papers
access-need-papers-in-advance = Papers sent in advance
access-need-extra-time = Extra time to speak or read
access-need-step-free = Step-free access
access-need-accessible-toilet = Accessible toilet
access-need-accessible-parking = Accessible parking
access-need-wheelchair-space = Space for a wheelchair
access-need-quiet-room = A quiet room
access-need-adjustable-lighting = Lighting that can be changed
access-need-no-strong-scents = No strong scents
access-need-camera-optional = Keeping my camera off online
access-need-personal-assistant = My personal assistant (PA) or companion comes with me
access-need-advocate = An advocate
access-need-spoken-language-interpreter = A spoken language interpreter
access-need-screen-reader = Documents that work with my screen reader
access-need-phone-dial-in = Joining online meetings by phone
access-need-rest-breaks = Regular rest breaks
access-need-time-of-day = Meetings at certain times of day
access-need-shorter-sessions = Shorter sessions

organisation-register = Panel register
home-your-data-link = Your data: what we hold about you
home-join-link = Join a panel of disabled people

## Panels

panels-public-title = Panels you can join
panels-public-intro = A panel is a group of disabled people that an organisation asks for advice, and works with to plan services. Being on a panel means you may be invited to take part. You choose what you do.
panels-public-none = There are no panels open to join at the moment.
panel-what-it-means = What being on the panel means
panel-means-invited = We will invite you to take part in things that match what you care about. You can say no at any time.
panel-means-paid = We pay people for their time and expenses, in a way that does not harm benefits.
panel-means-access = We ask about your access needs and arrange them before you come.
panel-means-leave = You can pause, leave, or ask us to delete what we hold about you at any time.
panel-partners-heading = Who we work with
panel-partners-intro = We work with these organisations. We only share your details with them if you say we can.
panel-join-start = Join this panel
panel-join-other-ways = You can also join by phone, by post, or with someone from the organisation helping you.
panels-title = Panels
panels-none = This organisation has no panels yet.
panels-col-name = Panel
panels-col-sign-up = Joining
panels-public-page = Public page
panels-by-invitation = By invitation
panels-new-button = Add a panel
people-add-button = Add a person
panel-new-title = Add a panel
field-panel-name = Name of the panel
field-panel-name-hint = For example, Greater Northtown Disabled People's Panel
field-panel-description = What the panel is for
field-panel-description-hint = Plain English, so people can decide whether to join.
field-panel-open = Can people join this panel themselves online?
panel-open-yes = Yes, show a public page where people can join
panel-open-no = No, only staff can add people
field-panel-partners = Partner organisations
field-panel-partners-hint = Staff of partner organisations see a person only if that person agrees to share details with them by name.
panel-new-button = Add panel
panel-error-name-empty = Enter the name of the panel
panel-error-name-too-long = The name must be 120 characters or fewer
panel-error-name-taken = This organisation already has a panel with that name. Choose a different name
panel-error-description-too-long = The description must be 2,000 characters or fewer
flash-panel-created = The panel has been added.

## Forms about a person

continue = Continue
important = Important
select-all-that-apply = Select all that apply.
detail-error-too-long = This answer must be 1,000 characters or fewer. Shorten it, or tell us the rest in a conversation
editing-for = Changing the record of
editing-on-behalf = You are changing this on the person's behalf. The audit log records that you did, and how they told you.
consent-channel-legend = How did the person agree?
consent-channel-hint = Only needed when the person agrees to something new.
consent-error-channel = Select how the person agreed: by phone, in person, on paper or by email
consent-withdraw = Withdraw this consent
consent-withdraw-channel = How did the person tell you?
consent-withdraw-for = Withdraw this consent for them

details-title = Name and contact details
details-name = Full name
details-name-hint = The name the person wants us to use.
details-method = How should we contact you?
details-method-hint = You only need to give the details for the way you choose.
details-email = Email address
details-phone = Phone number
details-phone-hint = For a text message or a phone call. For example, 07700 900 982.
details-address = Postal address
details-optional = Optional, unless you chose this way to be contacted.
details-advocate-name = Advocate or supporter's name
details-advocate-hint = Someone who helps you and can be contacted for you.
details-advocate-contact = How to contact your advocate or supporter
details-advocate-contact-hint = Their phone number, email address or postal address.
details-language = Which language would you like us to use?
details-region = Nation or region
details-region-none = Not given
details-local-authority = Local council area
details-local-authority-hint = Optional. For example, Northtown Borough.
details-error-name-empty = Enter a name
details-error-name-too-long = The name must be 200 characters or fewer
details-error-method = Select how we should contact you
details-error-email-needed = Enter an email address, or choose another way to be contacted
details-error-phone-needed = Enter a phone number, or choose another way to be contacted
details-error-phone-format = Enter a phone number with 10 to 15 digits, like 07700 900 982 or +44 1632 960 001
details-error-address-needed = Enter a postal address, or choose another way to be contacted
details-error-address-too-long = The address must be 500 characters or fewer
details-error-advocate-needed = Enter your advocate or supporter's name and how to contact them, or choose another way to be contacted
details-error-advocate-name-too-long = Your advocate or supporter's name must be 200 characters or fewer
details-error-advocate-contact-too-long = How to contact your advocate or supporter must be 300 characters or fewer
details-error-local-authority-too-long = The local authority must be 100 characters or fewer
details-error-region = Select a nation or region from the list

access-needs-title = Access needs
access-needs-intro = Tell us what helps you take part. We use this to arrange things before every meeting or event, so you do not have to ask each time.
access-needs-who-sees = Only you and the facilitators who arrange meetings can see this. Organisers of an event see only the adjustments that event needs.
access-needs-consent-legend = Can we keep a record of your access needs?
access-needs-consent-hint = We need your agreement to keep this, because it can say something about your health. You can take it back at any time, and we will delete your access needs straight away.
access-needs-consent-statement = Yes, you can keep a record of my access needs to arrange support for me
access-needs-detail-label = Anything else about these needs (optional)
access-needs-other-label = Anything else that helps you take part
access-needs-other-hint = In your own words. For example, "I need to sit near the door" or "please speak slowly".
access-needs-conversation-legend = Talking it through
access-needs-conversation = I would rather explain my needs in a one-to-one conversation
access-needs-conversation-hint = A facilitator will contact you the way you prefer.
access-needs-error-consent = Tick the box to agree that we can keep your access needs, or clear your answers
access-needs-error-other-too-long = This answer must be 2,000 characters or fewer. Shorten it, or ask for a conversation instead
access-review-due = It is more than a year since your access needs were last checked. Are they still right?
access-review-link = Check your access needs
access-review-due-staff = It is more than a year since this person's access needs were last checked. Ask them whether they are still right.

about-you-title = About you
about-you-intro = Every question is optional, and each has "Prefer not to say".
about-you-why = We use your answers, added up with everyone else's, to see who is missing from the panel and to invite them. Nobody is chosen or left out because of a single answer, and counts smaller than 10 are never shown.
about-you-consent-legend = Can we keep your answers in this section?
about-you-consent-hint = This is sensitive information, so we need your agreement for each section. You can take it back at any time, and we will delete these answers straight away.
about-you-consent-statement = Yes, you can keep my answers in this section
about-you-error-consent = Tick the box to agree that we can keep your answers in this section, or clear the answers
about-you-error-unknown-answer = Select one of the answers in the list
about-you-error-one-answer = Select only one answer, or only "Prefer not to say"

preferences-title = Preferences
preferences-formats = Which formats would you like information in?
preferences-large-print-size = Large print size in points (optional)
preferences-large-print-size-hint = A number from 16 to 48. For example, 18.
preferences-size-value = Large print at { $size } point
preferences-times = When you can take part
preferences-available = Times that suit you
preferences-available-hint = For example, "weekday mornings" or "after 4pm".
preferences-unavailable = Times you cannot take part
preferences-topics = What do you care about?
preferences-payment = How would you like to be paid for your time?
preferences-payment-hint = You can change this for each activity.
preferences-payment-organisation = Organisation to be paid
preferences-payment-organisation-hint = Only if you chose to have your payment made to an organisation.
preferences-benefits = Do you receive benefits?
preferences-benefits-hint = Some payments can affect benefits. We ask so we can pay you in a way that does not. You do not have to say which benefits.
preferences-benefits-yes = Yes
preferences-benefits-no = No
preferences-benefits-detail = Which benefits (optional)
preferences-benefits-detail-hint = Only if you want to tell us.
preferences-error-size = Enter a large print size from 16 to 48, or leave it empty
preferences-error-payment-organisation = Enter the name of the organisation to be paid, or choose another way to be paid

## A person's record

record-none = Not given
record-not-told = Nothing recorded yet
record-nothing-yet = Nothing here yet.
record-yes = Yes
record-no = No
record-panels = Panels
record-joined = joined
record-invited-on = invited
record-consents = What you have agreed to
record-given = Given
record-withdrawn = Withdrawn
record-involvement = Times you took part
record-csv-section = Section
record-csv-item = Item
record-csv-value = Value

your-data-title = Your data
your-data-intro = This is everything we hold about you. You can correct it, download it, take back what you agreed to, or ask us to delete it.
your-data-download-json = Download your data (JSON, for other computer systems)
your-data-download-csv = Download your data (CSV, opens in a spreadsheet)
your-data-share-link = Share with a partner organisation
your-data-erasure-heading = Deleting your data
your-data-erasure-intro = You can ask us to delete everything we hold about you. We will do it within one month.
your-data-erasure-button = Ask us to delete your data
your-data-not-on-panel = You are not on a panel yet, so we hold nothing about you apart from your account.
panel-pause = Pause for now
panel-resume = Start again
panel-leave = Leave this panel
panel-invited-intro = You have been invited to join this panel. If you join, the organisation may contact you about taking part. You can pause or leave at any time.
panel-accept = Join this panel
panel-decline = No thanks

sharing-title = Share your details with a partner organisation
sharing-intro = Partner organisations work with the panel. They see nothing about you unless you choose to share it with them here. You can stop sharing at any time.
sharing-no-partners = The panels you are on do not have any partner organisations.
sharing-partner = Which organisation?
sharing-scopes = What can they see?
sharing-button = Share
sharing-error-partner = Select the organisation to share with
sharing-error-scopes = Select what the organisation can see

erasure-title = Ask us to delete your data
erasure-what-happens = If you ask us to delete your data:
erasure-removed = we delete your name, contact details, access needs, answers about you and preferences, and you leave every panel
erasure-kept = we keep records of payments made to you, because the law says we must, and counts that do not identify you
erasure-deadline = we will do it within one month, and tell you when it is done
erasure-confirm-legend = Confirm
erasure-confirm = I want you to delete my data
erasure-button = Ask for my data to be deleted
erasure-error-confirm = Tick the box to confirm that you want us to delete your data

## Staff: people

person-new-title = Add a person to a panel
person-new-intro = Use this when someone joins by phone, in person or on paper. They do not need an email address.
person-new-no-panels = Add a panel first.
person-new-panel = Which panel?
person-new-consent-heading = Their agreement
person-new-consent-read = Read this to the person: "We will keep your name and contact details so we can invite you to take part. We will not share them without asking you. You can leave, or ask us to delete your details, at any time."
person-new-consent-legend = Agreement to be on the panel
person-new-consent = The person agreed to be on the panel and to be contacted
person-new-error-panel = Select the panel to add the person to
person-new-error-consent = Tick the box to confirm the person agreed. We cannot add someone without their agreement
person-new-error-duplicate = Someone on the register already has this email address or phone number. Search for them instead of adding them again
person-new-button = Add person
person-download = Download their full record (for a subject access request)
person-record-sharing = Record agreement to share with a partner
person-status-panel = Panel
person-status-new = New status
person-status-button = Change status
person-status-hint = Only choose "Active" for someone invited if they have told you they want to join: it records their consent to be on the panel.
person-status-channel = How did they tell you?
person-invite-title = Invite them to another panel
person-invite-panel = Panel
person-invite-hint = They will see the invitation on their Your data page, and can join or say no. Tell them about it in the way they prefer to be contacted.
person-invite-button = Invite

follow-ups-title = Follow-ups
follow-ups-none = There is nothing to follow up.
follow-ups-since = since
follow-ups-done = Mark as done
follow-up-access-conversation = Would rather explain their access needs in a one-to-one conversation

## Data protection requests

requests-title = Data requests
requests-intro = Requests to see, correct or delete personal data must be answered within one month of receipt.
requests-open = Open requests
requests-done = Completed requests
requests-none-open = There are no open requests.
requests-none-done = No requests have been completed yet.
requests-col-person = Person
requests-col-kind = Request
requests-col-action = Action
requests-overdue = Overdue
requests-complete = Mark as done
requests-erase = Delete their data
requests-erased-person = A person whose data was deleted
requests-completed-on = completed
request-new-title = Record a data request
request-kind = What did they ask for?
request-channel = How did the request arrive?
request-received = Received
request-received-hint = For example, 27 3 2026.
request-due = due
request-notes = Notes (optional)
request-notes-hint = Do not write health or other sensitive information here.
request-new-button = Record request
request-error-kind = Select what the person asked for
request-error-channel = Select how the request arrived
request-error-received = Enter the date the request arrived, as a real date that is not in the future
request-kind-access = A copy of their data (subject access)
request-kind-erasure = Delete their data (erasure)
request-kind-correction = Correct their data
request-status-open = Open
request-status-completed = Completed
date-day = Day
date-month = Month
date-year = Year

## Joining a panel

join-name-question = What is your name?
join-name-hint = The name you want us to use.
join-contact-question = How should we contact you?
join-contact-intro = You do not need an email address. We can phone, text, write to you, or contact someone who supports you.
join-email-hint = If you give an email address we will send you a link to see and change your details.
join-consent-question = Do you agree to be on the panel?
join-consent-what = If you agree:
join-consent-keep = we keep your name and how to contact you
join-consent-contact = we contact you about things you might want to take part in
join-consent-not-share = we do not share your details with anyone unless you say we can
join-consent-withdraw = you can leave, or ask us to delete your details, at any time
join-consent-legend = Your agreement
join-consent-statement = I agree that { $organisation } can keep my details and contact me about the panel
join-error-consent = Tick the box to agree to be on the panel. We cannot add you without your agreement
join-sensitive-question = Can we keep any of this information about you?
join-sensitive-hint = We ask about these later, and only if you agree now. Each question will have "Prefer not to say". You can change your mind at any time.
join-sensitive-none = No, do not keep any of this
join-error-sensitive = Select what we can keep, or select "No, do not keep any of this"
join-sharing-question = Can we share your name and contact details with our partners?
join-sharing-hint = Partners only see you if you say yes. You can stop sharing at any time.
join-sharing-none = No, do not share my details
join-error-sharing = Select the partners we can share with, or select "No, do not share my details"
join-check-title = Check your answers
join-check-send-heading = Now join the panel
join-check-send-body = By joining you agree to what you chose above. We record when and how you agreed.
join-check-button = Join the panel
join-done-title = You have joined the panel
join-done-next = What happens next
join-done-signed-in = You can tell us about your access needs and about yourself now, or later.
join-done-access-link = Tell us about your access needs
join-done-about-link = Tell us about yourself (optional)
join-done-emailed = We have sent you an email with a link to choose a password. Then you can see your details, and tell us about your access needs.
join-done-contact = Someone from the organisation will contact you the way you chose.
join-done-organisation = If you have any questions, contact { $organisation }.

email-welcome-subject = You have joined { $panel }
email-welcome-body =
    Thank you for joining { $panel }.

    Choose a password so you can see and change your details, and tell us about your access needs:
    { $link }

    This link works once and lasts { $days } days. If it stops working, ask for a new one on the sign-in page of { $service }.

    If you did not ask to join, you can ignore this email and nothing more will happen.
email-joined-subject = You have joined { $panel }
email-joined-body =
    Someone joined { $panel } on { $service } using this email address. If it was you, sign in to see your details:
    { $link }

    If it was not you, reply to this email and we will remove the details.

## Messages after an action

flash-details-saved = Your changes have been saved.
flash-access-needs-saved = The access needs have been saved.
flash-about-you-saved = The answers have been saved.
flash-preferences-saved = The preferences have been saved.
flash-consent-withdrawn = The consent has been withdrawn. Anything that depended on it has been deleted or hidden.
flash-panel-paused = You have paused. We will not invite you until you start again.
flash-panel-resumed = Welcome back. You can be invited again.
flash-panel-left = You have left the panel.
flash-panel-accepted = You have joined the panel. Thank you.
flash-panel-declined = You have said no to joining the panel. We will not contact you about it.
flash-sharing-saved = Your details are now shared as you chose.
flash-erasure-requested = Your request has been sent. We will delete your data within one month.
flash-request-recorded = The request has been recorded.
flash-request-done = The request has been marked as done.
flash-request-already-done = That request was already done.
flash-erasure-done = The person's data has been deleted.
flash-person-added = The person has been added to the panel.
flash-status-changed = Their status on the panel has been changed.
flash-status-invited = They have been invited to the panel. They join when they say yes.
flash-status-not-allowed = Nothing changed: that status cannot follow their current one. Someone who has left, or was never on the panel, must be invited first, and only someone who was invited can be made active by saying yes.
flash-status-not-chosen = Nothing changed: select a new status.
flash-consent-already-withdrawn = That consent was already withdrawn.
flash-follow-up-already-done = That follow-up was already done.
flash-follow-up-done = The follow-up has been marked as done.

audit-action-panel-created = Added a panel
audit-action-person-added = Added a person on their behalf
audit-action-person-joined-panel = Joined a panel
audit-action-person-details-changed = Changed contact details
audit-action-person-access-needs-changed = Changed access needs
audit-action-person-monitoring-changed = Changed answers about themselves
audit-action-person-preferences-changed = Changed preferences
audit-action-person-panel-status-changed = Changed panel status
audit-action-person-data-downloaded = Downloaded a person's data
audit-action-consent-given = Consent given
audit-action-consent-withdrawn = Consent withdrawn
audit-action-data-request-recorded = Data request recorded
audit-action-data-request-completed = Data request completed
audit-action-follow-up-done = Follow-up done

# Joining: answers carried between pages.
join-error-answers-too-long = Your answers are too long for us to keep while you finish joining. Shorten this answer, or your address or advocate's details, and try again.
notice-join-answers-lost = We could not find your earlier answers, so please start again. This can happen if your browser blocks cookies or was closed. Nothing has been saved.
notice-join-answer-missing = Please answer this question. We need it before you can check your answers.
