# Withus interface text, English. Every key here must also be in locales/cy/main.ftl.

## Layout
skip-to-content = Skip to main content
language-nav-label = Language
nav-label = Main menu
nav-menu = Menu
nav-home = Home
nav-sign-in = Sign in
nav-account = Your account
nav-organisations = Organisations
nav-audit = Audit log
sign-out = Sign out
footer-links = Support links
footer-accessibility = Accessibility statement
footer-help = Help and contact
footer-demo-emails = Emails sent (demo)
footer-motto = Nothing about us without us.
footer-licence = Withus is free software, licensed under the GNU Affero General Public License.
notification-important = Important
notification-success = Success
warning = Warning
back = Back
change = Change
save = Save
error-title-prefix = Error:
error-prefix = Error:
error-summary-title = There is a problem
error-not-recognised = We did not recognise “{ $value }”. Choose from the list
session-warning-title = You will be signed out soon
session-warning-body = For your security, we will sign you out in 2 minutes if you do nothing. Anything you have not saved will be lost.
session-warning-button = Stay signed in
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page

## Dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Error pages
error-not-found-title = Page not found
error-not-found-body = If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.
error-forbidden-title = You cannot see this page
error-forbidden-body = Your account does not give you access to this page. If you think it should, ask an administrator of your organisation.
error-csrf-title = Your form could not be sent
error-csrf-body = We could not check that the form came from this website. This can happen if the page was open for a long time or cookies are blocked. Go back, refresh the page and try again. Nothing was changed.
error-too-large-title = What you sent is too large
error-too-large-body = The form or file you sent is larger than we can accept. Send less at once, or a smaller file. Nothing was changed.
error-method-title = This page cannot do that
error-method-body = The page does not accept that kind of request. Go back and use the links and buttons on the page.
error-unavailable-title = Sorry, the service is unavailable
error-unavailable-body = We cannot reach our database at the moment. Try again in a few minutes. Nothing was changed.
error-unexpected-title = Sorry, there is a problem with the service
error-unexpected-body = Something went wrong on our side. Try again later. If you were sending a form, nothing was changed.
error-go-home = Go to the home page
error-contact = If you need help, see
link-expired-title = This link has expired or has already been used
link-expired-body = Links to reset a password work once and for 1 hour. Invitation links work once and for 7 days.
link-expired-new-reset = Ask for a new password reset link
link-expired-invitation = If you were invited to join an organisation, ask the person who invited you to send a new invitation.

## Home and information pages
home-title = Withus
home-lede = Disabled people and public bodies planning services together, as equals.
home-body = Withus is where disabled people's organisations, councils, the NHS and others run co-production with people with lived experience of disability.
home-point-panel = A panel of people who want to be involved, with their access needs and how they want to be paid.
home-point-honest = Each piece of work says how much power participants have and what is already decided.
home-point-access = Every access need is arranged before the day.
home-point-loop = Everyone hears what happened because of what they said.
home-welcome = Hello,
home-your-organisations = Your organisations
home-no-organisations = You are not part of any organisation yet. When someone invites you, you will see it here.
home-account-link = See and change your account details
accessibility-title = Accessibility statement
accessibility-intro = Withus is built for disabled people first. We want as many people as possible to be able to use it.
accessibility-using-heading = Using Withus
accessibility-using-intro = You should be able to:
accessibility-using-zoom = zoom in up to 400% without the text spilling off the screen
accessibility-using-keyboard = get to and use everything with a keyboard alone
accessibility-using-screen-reader = use it with a screen reader, speech recognition or a screen magnifier
accessibility-using-no-javascript = use every page with JavaScript turned off
accessibility-using-welsh = use every page in English or Welsh
accessibility-status-heading = Compliance status
accessibility-status-body = We aim to meet the Web Content Accessibility Guidelines version 2.2 at level AA. Every page is checked automatically for accessibility problems before each release, and the main journeys are tested using a keyboard alone.
accessibility-testing-heading = How we test
accessibility-testing-body = Automatic checks find only some problems. We also test with disabled people, including people who use assistive technology and people with learning disabilities.
accessibility-problems-heading = Reporting problems
accessibility-problems-body = If you find a problem, or you need information in another format such as Easy Read, large print, audio or British Sign Language, tell us.
accessibility-enforcement-heading = Enforcement procedure
accessibility-enforcement-body = The Equality and Human Rights Commission enforces the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service.
help-title = Help and contact
help-intro = If you are stuck or something does not work for you, we will help.
help-sign-in-heading = Problems signing in
help-sign-in-body = If you have forgotten your password, you can set a new one.
help-contact-heading = Contact the organisation that invited you
help-contact-body = The organisation that invited you can help by phone, email, post or in person, and can make changes for you.
help-other-formats-heading = Other formats
help-other-formats-body = You can ask for anything in Easy Read, large print, audio, braille or British Sign Language.

## Signing in
sign-in-title = Sign in
sign-in-button = Sign in
sign-in-forgotten = I have forgotten my password
sign-in-no-account-heading = If you do not have an account
sign-in-no-account-body = Accounts are made by invitation. Ask the organisation you work with to invite you.
sign-in-session-ended = You were signed out because you did nothing for a while. Sign in again to carry on.
sign-in-error-email-empty = Enter your email address
sign-in-error-password-empty = Enter your password
sign-in-error-wrong = Enter a correct email address and password. Check for typing mistakes.
sign-in-error-throttled = You have tried to sign in too many times. Wait 15 minutes and try again, or reset your password.
field-email = Email address
field-password = Password
field-name = Name
field-new-password = New password
field-confirm-password = Confirm new password
field-current-password = Current password
field-role = Role
field-organisation-name = Organisation name
field-organisation-kind = Type of organisation
password-show = Show
password-hide = Hide
password-show-label = Show password
password-hide-label = Hide password
password-shown = Your password is visible
password-hidden = Your password is hidden
password-hint = Use at least 10 characters. A few unrelated words, like "river teapot garden", make a strong password.
password-error-empty = Enter a password
password-error-too-short = Password must be 10 characters or more
password-error-too-long = Password must be 256 characters or fewer
password-error-too-common = This password is too easy to guess. Choose another, such as a few unrelated words
password-error-mismatch = The passwords do not match. Type the same password twice
password-error-current-empty = Enter your current password
password-error-current-wrong = Your current password is not correct
email-error-empty = Enter an email address
email-error-format = Enter an email address in the correct format, like name@example.com
email-error-too-long = Email address must be 254 characters or fewer
name-hint = The name you would like us to use.
name-error-empty = Enter your name
name-error-too-long = Name must be 100 characters or fewer
flash-signed-out = You have signed out.
flash-password-changed = Your password has been changed.

## Password reset
reset-request-title = Reset your password
reset-request-body = Enter the email address you sign in with. We will send you a link to choose a new password.
reset-request-button = Send the link
reset-sent-title = Check your email
reset-sent-body = If there is an account for this address, we have sent a link to
reset-sent-expiry = The link works once and expires after 1 hour.
reset-sent-not-received = Not received it? Check your spam folder, or
reset-sent-try-again = ask for another link
reset-choose-title = Choose a new password
reset-choose-button = Save new password

## Your account
account-title = Your account
account-language = Language
account-language-hint = To change the language, use the English or Cymraeg link at the top of any page. We will remember your choice.
account-support-needs = Support you need to use Withus
account-support-needs-none = None given
account-password-hidden = Hidden for your security
account-organisations = Your organisations
account-no-organisations = You are not part of any organisation yet.
support-needs-title = Support you need to use Withus
support-needs-hint = For example, information in Easy Read, someone to help you fill in forms, or phone calls instead of emails.
support-needs-limit = You can enter up to 2000 characters
support-needs-privacy = This is private. It is stored encrypted and only you and people who need it to support you can see it.
support-needs-error-too-long = Support needs must be 2000 characters or fewer
flash-support-needs-saved = Your support needs have been saved.
change-password-title = Change your password
change-password-button = Change password
count-characters-under-one = You have %{"{"}count{"}"} character remaining
count-characters-under-other = You have %{"{"}count{"}"} characters remaining
count-characters-at-limit = You have 0 characters remaining
count-characters-over-one = You have %{"{"}count{"}"} character too many
count-characters-over-other = You have %{"{"}count{"}"} characters too many

## Organisations
organisations-title = Organisations
organisations-add = Add an organisation
organisations-none = There are no organisations yet.
organisation-new-title = Add an organisation
organisation-new-button = Add organisation
organisation-error-name-empty = Enter the organisation's name
organisation-error-name-too-long = Organisation name must be 200 characters or fewer
organisation-error-name-taken = There is already an organisation with this name
organisation-error-kind = Select the type of organisation
organisation-kind-dpo = Disabled people's organisation or user-led organisation
organisation-kind-council = Council
organisation-kind-nhs-body = NHS body
organisation-kind-government-department = Government department
organisation-kind-service-provider = Service provider
organisation-kind-other = Other
organisation-your-role = Your role:
organisation-manage = Manage
organisation-members-link = People in this organisation
organisation-invite-link = Invite someone
organisation-audit-link = Audit log
organisation-nothing-yet = There is nothing for you to do here yet.
flash-organisation-created = The organisation has been added. Now invite its first administrator.
role-member = Member with lived experience
role-member-hint = A disabled person taking part. Sees only their own information.
role-facilitator = Facilitator
role-facilitator-hint = Supports members and runs sessions.
role-officer = Officer
role-officer-hint = Staff who plan and run engagement.
role-organisation-admin = Organisation administrator
role-organisation-admin-hint = Manages the organisation's people and settings.
role-auditor = Auditor
role-auditor-hint = Can look at records but cannot change anything.
role-finance-officer = Finance officer
role-finance-officer-hint = Approves and pays payments for time and expenses. Sees bank details and the benefit limits people tell us about.
members-title = People in this organisation
members-table-caption = People
members-invitations-caption = Invitations not yet accepted
members-invitation-expires = Expires
invite-title = Invite someone
invite-body = We will email them a link to join. The link works for 7 days.
invite-button = Send invitation
invite-error-role = Select a role
invite-error-already-member = This person is already in the organisation
flash-invitation-sent = The invitation has been sent.
accept-title = You have been invited
accept-button = Accept the invitation
accept-sign-in-first = There is already an account for this email address. Sign in to accept the invitation.
accept-wrong-account = This invitation is for a different email address. Sign out, then open the link again.
accept-create-heading = Create your account
accept-create-button = Create account and join
flash-invitation-accepted = You have joined the organisation.

## Audit log
audit-title = Audit log
audit-site-title = Audit log for the whole site
audit-intro = Every change made in Withus is recorded here. Entries cannot be changed or removed.
audit-table-caption = Changes, newest first
audit-column-number = Number
audit-column-when = When
audit-column-action = What happened
audit-column-target = Changed
audit-column-actor = Done by
audit-actor-system = The system
audit-entry-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
audit-action-session-started = Signed in
audit-action-session-ended = Signed out
audit-action-password-reset-requested = Asked to reset password
audit-action-password-reset-completed = Reset password
audit-action-account-created = Account created
audit-action-account-password-changed = Changed password
audit-action-account-support-needs-changed = Changed support needs
audit-action-account-language-changed = Changed language
audit-action-organisation-created = Organisation added
audit-action-membership-created = Joined organisation
audit-action-invitation-created = Invitation sent
audit-action-keys-rotated = Encryption keys rotated
audit-action-demo-loaded = Demo data loaded

## Emails
email-reset-subject = Reset your { $service } password
email-reset-body = Someone asked to reset the password for your { $service } account.

    To choose a new password, open this link:
    { $link }

    The link works once and expires after { $hours } hour.

    If you did not ask for this, you can ignore this email. Your password has not changed.
email-invitation-subject = You are invited to join { $organisation }
email-invitation-body = You have been invited to join { $organisation } on { $service } as: { $role }.

    To accept, open this link:
    { $link }

    The link works once and expires after { $days } days.

    If you were not expecting this, you can ignore this email.
email-status-pending = Waiting to send
email-status-sent = Sent
email-status-failed = Could not send

## Demo mode
demo-emails-title = Emails sent
demo-emails-intro = In demo mode, emails are not delivered. They are listed here so you can open the links in them.
demo-emails-none = No emails have been sent yet.
demo-emails-subject = Subject
demo-emails-to = To
demo-emails-when = When
demo-emails-status = Status

# Forms that could not be accepted as sent (checked before any page reads them).
error-bad-input-title = We could not accept what you sent
error-bad-input-body = Nothing was changed. Go back, correct the answer and send the form again.
error-not-a-form-title = We could not read what you sent
error-not-a-form-body = This address accepts forms sent from its own pages only. Nothing was changed. Go back to the page and send the form from there.
input-error-not-a-form = What was sent was not a web form.
input-error-not-text = The answer “{ $field }” has characters we cannot read. Type it again instead of pasting it.
input-error-control-character = The answer “{ $field }” contains a hidden control character (such as a null character). Type the answer again without pasting it.
input-error-too-long = The answer “{ $field }” is too long. It must be { $max } characters or fewer.
input-error-repeated = The answer “{ $field }” was sent more than once. Go back and send the form again from the page.
input-error-not-recognised = The answer “{ $field }” is not one of the choices on the form. Go back and choose one of the options shown.
input-error-missing = The form was sent without the answer “{ $field }”. Go back and send the form again from the page.
