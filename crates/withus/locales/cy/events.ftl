## Digwyddiadau, lleoliadau, gwahoddiadau ac archebu

event-yes = Ie
event-no = Na

event-mode-in-person = Wyneb yn wyneb
event-mode-online = Ar-lein
event-mode-hybrid = Wyneb yn wyneb ac ar-lein (hybrid)
event-booking-public = Gall unrhyw un ar y gofrestr archebu
event-booking-invitation = Drwy wahoddiad yn unig
booking-status-booked = Wedi archebu
booking-status-waiting = Ar y rhestr aros
booking-status-offered = Lle wedi'i gynnig
booking-status-cancelled = Wedi canslo
booking-status-expired = Cynnig wedi dod i ben

venue-feature-step-free = Llwybr heb risiau o'r stryd i'r ystafell
venue-feature-accessible-toilet = Toiled hygyrch
venue-feature-hearing-loop = Dolen sain
venue-feature-accessible-parking = Parcio hygyrch
venue-feature-quiet-room = Ystafell dawel
venue-feature-adjustable-lighting = Goleuadau y gellir eu haddasu
venue-feature-public-transport = Yn agos at drafnidiaeth gyhoeddus
venue-feature-changing-places = Toiled Changing Places

venues-title = Lleoliadau
venues-intro = Lleoedd rydych chi'n cynnal digwyddiadau, gyda'r hyn mae pob un yn ei gynnig ar gyfer mynediad. Dewiswch leoliadau yn agos at ble mae pobl yn byw.
venues-filter-region = Dangos lleoliadau yn
venues-filter-button = Dangos lleoliadau
venues-any-region = Unrhyw ardal
venues-no-region = Heb ei roi
venues-none = Dim lleoliadau eto.
venue-new-title = Ychwanegu lleoliad
venue-edit-title = Newid lleoliad
venue-field-name = Enw'r lleoliad
venue-field-address = Cyfeiriad
venue-field-region = Ardal
venue-field-features = Mynediad yn y lleoliad hwn
venue-field-features-hint = Dewiswch bopeth sydd gan y lleoliad. Ticiwch dim ond yr hyn rydych wedi'i wirio.
venue-field-notes = Nodiadau am fynediad
venue-field-notes-hint = Er enghraifft, ble mae'r fynedfa hygyrch, neu pa mor bell yw'r arhosfan bws.
venue-no-features = Dim wedi'i gofnodi
venue-save = Cadw'r lleoliad
venue-error-name = Rhowch enw'r lleoliad
venue-error-too-long = Rhaid i'r ateb hwn fod yn { $max } nod neu lai
flash-venue-saved = Lleoliad wedi'i gadw

events-heading = Digwyddiadau
events-none = Dim digwyddiadau eto.
events-book-link = Archebu lle
event-new-title = Ychwanegu digwyddiad
event-field-title = Enw'r digwyddiad
event-field-mode = Sut mae pobl yn cymryd rhan
event-field-date = Dyddiad
event-field-start = Amser dechrau
event-field-start-hint = Amser y DU, gan ddefnyddio'r cloc 24 awr, er enghraifft 10:30 neu 14:00
event-field-length = Hyd mewn munudau
event-field-length-hint = Gan gynnwys egwyliau, er enghraifft 120 am ddwy awr
event-field-breaks = Egwyliau
event-field-breaks-hint = Pryd mae'r egwyliau a pha mor hir ydyn nhw
event-field-capacity = Nifer y lleoedd
event-field-capacity-hint = Y nifer fwyaf o bobl sy'n gallu cymryd rhan
event-field-venue = Lleoliad
event-field-venue-hint = Ei angen ar gyfer digwyddiadau wyneb yn wyneb neu hybrid
event-no-venue = Dim lleoliad (ar-lein yn unig)
event-venues-link = Ychwanegu neu newid lleoliadau
event-field-platform = Platfform ar-lein
event-field-platform-hint = Er enghraifft, Zoom neu Microsoft Teams
event-field-captions = A fydd capsiynau byw?
event-field-dial-in = Rhif ffôn i ymuno
event-field-dial-in-hint = Fel bod pobl yn gallu ymuno ar y ffôn heb y rhyngrwyd
event-field-booking = Pwy sy'n gallu archebu
event-field-published = Dangos y digwyddiad hwn fel bod pobl yn gallu archebu?
event-field-published-hint = Rhaid i'r ymgysylltiad gael ei gyhoeddi hefyd i'r cyhoedd ei weld.
event-field-when = Pryd
event-field-companion = Ydych chi'n dod â chydymaith neu gynorthwyydd personol (PA)?
event-save = Cadw'r digwyddiad
event-minutes = { $minutes } munud
event-captions-on = capsiynau byw
event-places-taken = { $taken } o { $capacity } lle wedi'u harchebu
event-invited = Pobl wedi'u gwahodd
event-booking-page-link = Gweld y dudalen archebu
event-booked-heading = Lleoedd
event-nobody-booked = Does neb wedi archebu eto.
event-waiting-heading = Rhestr aros
event-nobody-waiting = Does neb yn aros.
event-column-name = Enw
event-column-status = Statws
event-column-attended = Wedi dod
event-attendance-save = Cadw pwy ddaeth
event-contact-heading = Pobl i gysylltu â nhw mewn ffordd arall
event-contact-intro = Cafodd y bobl hyn eu gwahodd ond does ganddyn nhw ddim cyfeiriad e-bost. Ffoniwch nhw neu ysgrifennwch atyn nhw.
event-invite-heading = Gwahodd aelodau'r panel
event-invite-panel = Panel
event-invite-panel-hint = Mae pawb sy'n weithgar ar y panel yn cael gwahoddiad, oni bai eich bod yn dewis pwnc neu ardal isod.
event-invite-topic = Dim ond pobl sydd â diddordeb mewn
event-invite-any-topic = Unrhyw bwnc
event-invite-region = Dim ond pobl sy'n byw yn
event-invite-any-region = Unrhyw ardal
event-invite-button = Anfon gwahoddiadau
event-error-title = Rhowch enw'r digwyddiad
event-error-too-long = Rhaid i'r ateb hwn fod yn { $max } nod neu lai
event-error-mode = Dewiswch sut mae pobl yn cymryd rhan
event-error-date = Rhowch ddyddiad go iawn, er enghraifft 27 3 2027
event-error-start = Rhowch amser dechrau, er enghraifft 10:30
event-error-length = Rhowch yr hyd mewn munudau, rhif cyfan o 1 i 1440
event-error-capacity = Rhowch nifer y lleoedd, rhif cyfan o 1 i { $max }
event-error-venue = Dewiswch leoliad ar gyfer digwyddiad wyneb yn wyneb neu hybrid
event-error-booking = Dewiswch pwy sy'n gallu archebu
event-error-panel = Dewiswch banel
flash-event-created = Digwyddiad wedi'i ychwanegu
flash-event-invited = Gwahoddiadau wedi'u hanfon
flash-event-attendance = Wedi cadw pwy ddaeth
flash-event-booked = Mae gennych le. Rydym wedi anfon y manylion atoch mewn e-bost.
flash-event-waiting = Mae'r digwyddiad yn llawn. Rydych ar y rhestr aros.
flash-event-cancelled = Wedi canslo
flash-event-offer-gone = Mae'n ddrwg gennym, mae'r cynnig hwnnw wedi dod i ben.

book-title = Archebu lle
book-you-are-booked = Mae gennych le yn y digwyddiad hwn.
book-calendar-link = Ychwanegu'r digwyddiad hwn at eich calendr (ffeil .ics)
book-you-are-waiting = Mae'r digwyddiad yn llawn. Byddwn yn anfon e-bost atoch os daw lle yn rhydd.
book-offer = Mae lle yn rhydd i chi. Derbyniwch ef erbyn { $expires }, neu bydd yn cael ei gynnig i'r person nesaf.
book-accept-button = Derbyn y lle
book-cancel-button = Canslo fy lle
book-leave-waiting-button = Gadael y rhestr aros
book-full = Mae'r digwyddiad hwn yn llawn. Gallwch ymuno â'r rhestr aros.
book-needs-heading = Eich anghenion mynediad
book-saved-needs-intro = Dywedoch wrthym fod angen:
book-still-right = Ydy hyn yn dal yn iawn ar gyfer y digwyddiad hwn?
book-no-saved-needs = Dydych chi ddim wedi dweud wrthym am unrhyw anghenion mynediad.
book-change-needs = Newid eich anghenion mynediad
book-field-event-needs = Unrhyw beth arall sydd ei angen arnoch ar gyfer y digwyddiad hwn
book-field-event-needs-hint = Er enghraifft, sedd yn agos at y dehonglydd, neu bapurau mewn print bras
book-field-companion-hint = Fydd dim angen iddyn nhw archebu eu lle eu hunain.
book-field-travel = Help gyda theithio
book-error-too-long = Rhaid i'r ateb hwn fod yn { $max } nod neu lai
book-field-travel-hint = Er enghraifft, tacsi, neu rywun i'ch cyfarfod yn yr orsaf
book-button = Archebu lle
book-wait-button = Ymuno â'r rhestr aros
book-update-button = Cadw'r newidiadau

email-event-invite-subject = Gwahoddiad i chi: { $event }
email-event-invite-body = Helo { $name },

    Rydych yn cael gwahoddiad i { $event } ar { $when }.

    { $payment }I archebu lle a dweud wrthym beth sydd ei angen arnoch, ewch i { $link }

    Os oes angen hwn arnoch mewn fformat arall, atebwch yr e-bost hwn.
email-event-invite-easy = Helo { $name },

    Rydym eisiau i chi ddod i { $event }.

    Mae ar { $when }.

    { $payment_easy }Ydych chi eisiau dod? Archebwch le yma: { $link }

    Gallwch ddweud wrthym pa help sydd ei angen arnoch ar yr un dudalen.
email-event-booked-subject = Mae eich lle wedi'i archebu: { $event }
email-event-booked-body = Helo { $name },

    Mae gennych le yn { $event } ar { $when }.

    Mae'r ffeil calendr wedi'i hatodi. Gallwch hefyd ychwanegu'r digwyddiad at eich calendr gyda'r ddolen hon: { $calendar }

    I newid eich anghenion mynediad neu ganslo, ewch i { $link }
email-event-offer-subject = Mae lle yn rhydd i chi: { $event }
email-event-offer-body = Helo { $name },

    Mae lle wedi dod yn rhydd yn { $event } ar { $when }.

    Mae'n cael ei gadw i chi tan { $expires }. I'w gymryd, ewch i { $link }

    Os na fyddwch yn ei gymryd erbyn hynny, bydd yn cael ei gynnig i'r person nesaf ar y rhestr aros.
email-event-offer-easy = Helo { $name },

    Mae lle yn rhydd i chi yn { $event }.

    Mae ar { $when }.

    Rydym yn cadw'r lle i chi tan { $expires }.

    Ydych chi ei eisiau? Cymerwch y lle yma: { $link }

    Ar ôl hynny, rydym yn rhoi'r lle i rywun arall.

audit-action-venue-created = Lleoliad wedi'i ychwanegu
audit-action-venue-updated = Lleoliad wedi'i newid
audit-action-event-created = Digwyddiad wedi'i ychwanegu
audit-action-event-invited = Aelodau'r panel wedi'u gwahodd i ddigwyddiad
audit-action-event-booked = Lle wedi'i archebu neu wedi ymuno â'r rhestr aros
audit-action-event-booking-changed = Atebion archeb wedi newid
audit-action-event-booking-cancelled = Archeb wedi'i chanslo
audit-action-event-offer-accepted = Lle a gynigiwyd wedi'i dderbyn
audit-action-event-booked-for-person = Lle wedi'i archebu gan staff ar ran person a ofynnodd iddyn nhw
audit-action-event-booking-changed-for-person = Atebion archeb wedi newid gan staff ar ran person a ofynnodd iddyn nhw
audit-action-event-booking-cancelled-for-person = Archeb wedi'i chanslo gan staff ar ran person a ofynnodd iddyn nhw
audit-action-event-attendance-recorded = Wedi cofnodi pwy ddaeth
audit-action-event-feedback-asked = Wedi gofyn i bobl am adborth ar ddigwyddiad
audit-action-event-feedback-answered = Adborth ar ddigwyddiad wedi'i roi

## Eich digwyddiadau: gwahoddiadau ac archebion unigolyn
your-events-title = Eich digwyddiadau
your-events-intro = Digwyddiadau y cawsoch wahoddiad iddynt neu rydych wedi'u harchebu. Dewiswch ddigwyddiad i archebu, newid yr hyn sydd ei angen arnoch, neu ganslo.
your-events-upcoming = I ddod
your-events-past = Digwyddiadau a fu
your-events-none-upcoming = Nid oes gennych ddigwyddiadau i ddod. Pan fydd sefydliad yn eich gwahodd, bydd y digwyddiad yn ymddangos yma.
your-events-none-past = Dim digwyddiadau a fu eto.
your-events-invited = Wedi cael gwahoddiad, heb archebu eto
your-events-attended = Roeddech yno

## Gwahodd gweithgor a ddewiswyd yn deg
event-invite-group = Gweithgor
event-invite-group-hint = Dewiswch weithgor a dynnwyd yn deg i wahodd ei aelodau yn unig. Ni ddefnyddir y panel, y pwnc na'r ardal isod wedyn.
event-invite-no-group = Dim gweithgor: gwahodd o banel

## Archebu lle i rywun (staff)

book-for-title = Archebu lle i rywun
book-for-intro = Defnyddiwch hwn pan fydd rhywun yn gofyn i chi archebu ar eu rhan, er enghraifft dros y ffôn neu mewn llythyr. Dewch o hyd iddyn nhw ar gofrestr eich sefydliad.
book-for-name = Eu henw
book-for-name-hint = Gallwch deipio rhan o'u henw
book-for-search = Chwilio
book-for-count = { $count ->
    [zero] Dim pobl wedi'u canfod
    [one] { $count } person wedi'i ganfod
    [two] { $count } berson wedi'u canfod
    [few] { $count } pherson wedi'u canfod
    [many] { $count } pherson wedi'u canfod
   *[other] { $count } o bobl wedi'u canfod
}
book-for-nobody = Does neb ar eich cofrestr ag enw fel yna. Gwiriwch y sillafu, neu rhowch gynnig ar ran o'r enw.
book-for-more = Dim ond y 50 cyntaf sy'n cael eu dangos. Teipiwch fwy o'r enw i ddod o hyd i'r person iawn.
book-for-change-link = newid neu ganslo eu lle
book-for-person-title = Archebu lle i { $name }
book-for-waiting = Mae'r digwyddiad yn llawn. Maen nhw ar y rhestr aros. Byddan nhw'n cael gwybod os daw lle yn rhydd.
book-for-full = Mae'r digwyddiad hwn yn llawn. Byddan nhw'n mynd ar y rhestr aros.
book-for-needs-heading = Eu hanghenion mynediad
book-for-saved-needs-intro = Mae eu cofnod yn dweud bod angen:
book-for-still-right = Gwiriwch fod hyn yn dal yn iawn ar gyfer y digwyddiad hwn.
book-for-no-saved-needs = Does dim anghenion mynediad ar eu cofnod.
book-for-field-event-needs = Unrhyw beth arall sydd ei angen arnyn nhw ar gyfer y digwyddiad hwn
book-for-field-travel-hint = Er enghraifft, tacsi, neu rywun i'w cyfarfod yn yr orsaf
book-for-told = Sut wnaethon nhw ddweud wrthych chi?
book-for-told-hint = Mae hyn yn mynd yn y log archwilio.
book-for-cancel-heading = Canslo eu lle
book-for-cancel-button = Canslo eu lle
book-for-error-told = Dewiswch sut wnaethon nhw ddweud wrthych chi: dros y ffôn, ar bapur, wyneb yn wyneb, drwy e-bost neu drwy eiriolwr
event-told-advocate = Drwy eiriolwr
flash-event-booked-for = Lle wedi'i archebu. Byddan nhw'n cael gwybod yn y ffordd y gofynnon nhw amdani.
flash-event-waiting-for = Mae'r digwyddiad yn llawn. Maen nhw ar y rhestr aros.
flash-event-cancelled-for = Mae eu lle wedi'i ganslo. Byddan nhw'n cael gwybod yn y ffordd y gofynnon nhw amdani.
flash-event-nothing-to-cancel = Doedd ganddyn nhw ddim lle i'w ganslo.
flash-event-has-started = Mae'r digwyddiad hwn wedi dechrau, felly does dim modd archebu na chanslo lleoedd nawr
