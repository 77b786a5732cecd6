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
