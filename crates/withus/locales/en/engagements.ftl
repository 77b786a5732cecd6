## Engagements: honest about power

engagements-title = Engagements
organisation-engagements-link = Engagements you lead or are a partner in
engagements-intro = Each engagement says how much say people have, what is already decided, what can still change, and what you promise up front.
engagements-labels-in-use = Ladder used for the rungs:
engagements-none = There are no engagements yet.
engagements-col-title = Engagement
engagements-col-lead = Led by
engagements-col-status = Status
engagements-you-are-partner = you are a partner
engagements-overdue-count = { $count ->
    [one] 1 commitment overdue
   *[other] { $count } commitments overdue
}
engagement-published = Published
engagement-draft = Draft
engagement-draft-hint = Only staff of the organisations running it can see a draft. Publish it when it is ready for the public.
engagement-publish = Publish
engagement-unpublish = Unpublish
engagement-public-link = See the public page
engagement-relation-lead = Your organisation leads this engagement.
engagement-relation-equal = Your organisation is a partner with equal rights: you can change it as the lead does.
engagement-relation-partner = Your organisation is a partner: you can see it, and the lead organisation can change it.
engagement-partner-equal = { $name } (equal partner)
engagement-overdue-warning = Some commitments are past their due date and not yet marked kept, partly kept or broken.
engagement-overdue-link = Go to the commitments
engagement-not-given = Not given
engagement-timeline = { $start } to { $end }

## The form

engagement-new-title = Add an engagement
engagement-new-button = Add engagement
engagement-edit-title = Change the engagement
engagement-form-intro = People read this before deciding whether to take part. Be honest about how much say they will have. Welsh is optional: where it is missing, Welsh readers see the English.
engagement-welsh-hint = Optional. If you leave this blank, Welsh readers see the English.
engagement-date-hint = For example, 27 3 2027
engagement-section-about = About the engagement
engagement-section-power = How much say people have
engagement-section-group = Where the group is
engagement-section-where-when = Where and when
engagement-section-taking-part = How to take part
engagement-section-partners = Partner organisations
engagement-field-title-en = Title in English
engagement-field-title-cy = Title in Welsh
engagement-field-title-hint = A short name people will recognise, for example "Redesigning short breaks"
engagement-field-summary-en = Summary in English
engagement-field-summary-cy = Summary in Welsh
engagement-field-summary-hint = One or two sentences in plain English: what this is about and why it matters.
engagement-field-topic = Topic
engagement-choose-topic = Choose a topic
engagement-field-rung = The rung on the ladder
engagement-field-rung-hint = Choose the rung that is true, not the one you hope for. People see what they can expect at this rung.
engagement-field-decided = What is already decided
engagement-field-decided-en = What is already decided, in English
engagement-field-decided-cy = What is already decided, in Welsh
engagement-field-decided-hint = Things people cannot change, for example "The service will start in April 2028".
engagement-field-can-change = What can still change
engagement-field-can-change-en = What can still change, in English
engagement-field-can-change-cy = What can still change, in Welsh
engagement-field-can-change-hint = What people's views and decisions can really affect.
engagement-field-limits = The limits of our power
engagement-field-limits-en = The limits of our power, in English
engagement-field-limits-cy = The limits of our power, in Welsh
engagement-field-limits-hint = What constrains the organisations themselves, for example "The budget is fixed at £2m by national rules".
engagement-field-phase = Phase
engagement-field-stage = The group's stage
engagement-field-stage-hint = The group decides this itself. Record what the group says.
engagement-field-area-en = Area in English
engagement-field-area-cy = Area in Welsh
engagement-field-area-hint = A town, neighbourhood or service area, for example "Northtown town centre"
engagement-field-region = Region
engagement-field-starts = Start date
engagement-field-ends = End date
engagement-field-timeline = When
engagement-field-openness = Who can take part
engagement-field-take-part-en = How to take part, in English
engagement-field-take-part-cy = How to take part, in Welsh
engagement-field-take-part-hint = Optional. What people need to do, and any payment or support they can expect.
engagement-field-contact-name = Contact person
engagement-field-contact-name-hint = Someone who can answer questions about taking part
engagement-field-contact-email = Contact email address
engagement-field-contact-phone = Contact phone number
engagement-field-contact-how-hint = Give an email address, a phone number or both.
engagement-field-partners = Partner organisations
engagement-field-partners-hint = Their staff can see this engagement.
engagement-field-equal-partners = Partners with equal rights
engagement-field-equal-partners-hint = Only if they agreed to run it with you as equals. They can change it as you can.

engagement-error-title = Enter a title in English
engagement-error-summary = Enter a summary in English
engagement-error-topic = Choose a topic
engagement-error-rung = Choose how much say people will have: the rung on the ladder
engagement-error-decided = Say what is already decided, in English. If nothing is, say so.
engagement-error-can-change = Say what can still change, in English. If nothing can, say so.
engagement-error-limits = Say what limits your power, in English. If nothing does, say so.
engagement-error-phase = Choose the phase
engagement-error-stage = Choose the group's stage
engagement-error-openness = Choose who can take part
engagement-error-area = Enter the area in English
engagement-error-region = Choose a region from the list
engagement-error-starts = Enter a real start date, for example 27 3 2027
engagement-error-ends = Enter a real end date, for example 30 9 2027
engagement-error-ends-before-starts = The end date must be the same as or after the start date
engagement-error-contact-name = Enter the name of the contact person
engagement-error-contact-how = Enter an email address or a phone number for the contact person
engagement-error-contact-phone = Enter a phone number, like 01632 960 001 or +44 7700 900 982
engagement-error-too-long = This must be { $max } characters or fewer

## The rungs: what participants can expect at each

rung-expect-inform = We will tell you about decisions and the reasons for them. You will not be asked to change them.
rung-expect-consult = We will ask for your views and tell you how they affected the decision. We make the final decision.
rung-expect-involve = We will work with you throughout, and your concerns will shape the options. We choose between the options.
rung-expect-co-design = You will shape the design with us and have real influence over it. You will not be involved in delivering it.
rung-expect-co-produce = We share power with you as equals, from design to delivery, and make the big decisions together.

## Each ladder's names for the five rungs

ladder-withus-inform = Inform
ladder-withus-consult = Consult
ladder-withus-involve = Involve
ladder-withus-co-design = Co-design
ladder-withus-co-produce = Co-produce
ladder-tlap-inform = Informing
ladder-tlap-consult = Consultation
ladder-tlap-involve = Engagement
ladder-tlap-co-design = Co-design
ladder-tlap-co-produce = Co-production
ladder-arnstein-inform = Informing
ladder-arnstein-consult = Consultation
ladder-arnstein-involve = Placation
ladder-arnstein-co-design = Partnership
ladder-arnstein-co-produce = Delegated power
ladder-iap2-inform = Inform
ladder-iap2-consult = Consult
ladder-iap2-involve = Involve
ladder-iap2-co-design = Collaborate
ladder-iap2-co-produce = Empower

label-scheme-withus = Withus five-step scale
label-scheme-tlap = TLAP ladder of co-production
label-scheme-arnstein = Arnstein's ladder of citizen participation
label-scheme-iap2 = IAP2 spectrum of public participation
engagement-labels-title = Which ladder's words to use
engagement-labels-hint = Every engagement is recorded on the same five steps. Choose whose names for the steps your organisation shows. What people can expect at each step stays the same.
engagement-labels-change = Change the ladder
engagement-error-scheme = Choose which ladder's words to use

## Phase, the group's stage and who can take part

engagement-phase-inward = Inward: peers meeting first
engagement-phase-inward-hint = People with lived experience meet as peers first, without the organisations in the room.
engagement-phase-outward = Outward: working with the organisations
engagement-phase-outward-hint = The group works with the organisations and the people who make decisions.
group-stage-forming = Forming
group-stage-forming-hint = Getting to know each other and agreeing how to work together.
group-stage-storming = Storming
group-stage-storming-hint = Working through disagreements and testing how power is shared.
group-stage-norming = Norming
group-stage-norming-hint = Settling into shared ways of working and trusting each other.
group-stage-performing = Performing
group-stage-performing-hint = Working well together and getting things done.
openness-open = Open to anyone
openness-open-hint = Anyone who is interested can take part.
openness-invitation = By invitation
openness-invitation-hint = The organisers invite people to take part, for example from a panel.
openness-selection = By fair selection
openness-selection-hint = Places are offered by fair, random selection, so the group reflects the community.

## Commitments

commitments-title = Commitments made up front
commitments-intro = Promises made before the work starts. Each is later marked kept, partly kept or broken, with a public explanation.
commitments-none = There are no commitments yet.
commitment-new-title = Add a commitment
commitment-edit-title = Change the commitment
commitment-status-title = Mark whether it was kept
commitment-form-intro = Make each commitment specific enough that people can tell whether it was kept.
commitment-field-statement-en = The commitment in English
commitment-field-statement-cy = The commitment in Welsh
commitment-field-statement-hint = For example, "The Lived Experience Team holds 40% of the tender score."
commitment-field-owner = Who is responsible
commitment-field-owner-hint = A name or a role, for example "Head of Commissioning"
commitment-field-due = Due date
commitment-field-target = Measurable target
commitment-field-target-en = Measurable target in English
commitment-field-target-cy = Measurable target in Welsh
commitment-field-target-hint = Optional. How anyone can check it was kept.
commitment-field-status = Was it kept?
commitment-field-evidence = Evidence
commitment-field-evidence-hint = What shows this, for example a document, a date or a decision. Staff of the organisations running it see this.
commitment-field-explanation = Explanation
commitment-field-explanation-en = Public explanation in English
commitment-field-explanation-cy = Public explanation in Welsh
commitment-field-explanation-hint = Everyone can read this on the public page. Say plainly what happened and why.
commitment-overdue = Overdue
commitment-changed-on = last changed
commitment-history-title = Every change of status
commitment-history-when = When
commitment-history-by = Changed by
commitment-status-open = Open
commitment-status-kept = Kept
commitment-status-partly-kept = Partly kept
commitment-status-broken = Broken
commitment-error-statement = Enter the commitment in English
commitment-error-owner = Enter who is responsible for the commitment
commitment-error-due = Enter a real due date, for example 27 3 2027
commitment-error-status = Choose whether the commitment was kept
commitment-error-evidence = Enter the evidence for this
commitment-error-explanation = Enter a public explanation in English

## Public pages

engagements-public-title = Engagements: have your say
engagements-home-link = See engagements you can take part in
engagements-public-intro = Organisations working with disabled people to plan services. Each says honestly how much say you will have and what is already decided.
engagements-filter-heading = Filter
engagements-any-topic = Any topic
engagements-any-region = Any region
engagements-filter-area = Town or area
engagements-filter-area-hint = For example, Northtown
engagements-filter-button = Show engagements
engagements-filter-clear = Clear filters
engagements-count = { $count ->
    [one] 1 engagement
   *[other] { $count } engagements
}
engagements-public-none = There are no engagements to take part in at the moment.
engagements-public-none-filtered = No engagements match. Try another topic or area, or clear the filters.
engagement-run-by = Run by
engagement-with-partners = Run together with:
engagement-how-much-say = How much say you have
engagement-what-to-expect = What you can expect:
engagement-ladder-intro = The steps ({ $scheme }), from least to most say:
engagement-ladder-here = this engagement
engagement-where = Where
engagement-when = When
engagement-who-can-take-part = Who can take part
engagement-contact = Who to contact
commitments-public-title = What we promise
commitments-public-intro = We made these promises before the work started. We will tell you whether we kept each one, and why.
commitments-public-none = No promises have been recorded yet.

## Messages after a change

flash-engagement-created = Engagement added. It is a draft until you publish it.
flash-engagement-saved = Engagement saved
flash-engagement-published = Engagement published. Anyone can now read it.
flash-engagement-unpublished = Engagement unpublished. Only staff can see it now.
flash-engagement-labels-saved = Ladder saved
flash-commitment-added = Commitment added
flash-commitment-saved = Commitment saved
flash-commitment-status-changed = Commitment marked. The explanation is on the public page.

audit-action-engagement-created = Engagement added
audit-action-engagement-updated = Engagement changed
audit-action-engagement-published = Engagement published
audit-action-engagement-unpublished = Engagement unpublished
audit-action-engagement-labels-chosen = Ladder for engagements chosen
audit-action-commitment-added = Commitment added
audit-action-commitment-updated = Commitment changed
audit-action-commitment-status-changed = Commitment marked kept, partly kept or broken
commitment-status-the-commitment = The commitment
engagements-past = Past engagements
engagements-past-intro = Finished engagements stay here, with the commitments made, whether they were kept, and what people were told happened because of what they said.

## Members saying a commitment marked kept was not kept

challenge-title = Say this was not kept
challenge-link = Say this was not kept
challenge-count = { $count ->
    [one] { $count } member says this was not kept
   *[other] { $count } members say this was not kept
}
challenge-words-label = Why do you think this was not kept?
challenge-words-hint = Write up to { $max } characters. We show your words beside the promise, but never your name.
challenge-send = Send
challenge-said-before = You have already said this was not kept. Sending again replaces what you wrote.
challenge-withdraw = Take back what I said
challenge-not-kept = You can only say this about a promise marked kept. This one is not marked kept.
challenge-error-empty = Say why you think this was not kept
flash-challenge-saved = Thank you. What you said now shows beside the promise, without your name.
flash-challenge-withdrawn = What you said has been taken back
audit-action-commitment-contested = A member said a commitment marked kept was not kept
audit-action-commitment-challenge-withdrawn = A member took back saying a commitment was not kept
challenge-held-title = Promises you said were not kept
