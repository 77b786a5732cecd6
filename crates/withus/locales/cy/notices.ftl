## Geiriad Hawdd ei Ddarllen: brawddegau byr, un syniad ym mhob un.

email-reset-easy =
    Gofynnoch chi am newid eich cyfrinair ar gyfer { $service }.

    Agorwch y ddolen hon i ddewis cyfrinair newydd:
    { $link }

    Mae'r ddolen yn gweithio un tro. Mae'n stopio gweithio ar ôl { $hours } awr.

    Wnaethoch chi ddim gofyn? Peidiwch â gwneud dim. Bydd eich cyfrinair yr un fath.
email-invitation-easy =
    Mae { $organisation } eisiau i chi ymuno â nhw ar { $service }.

    Eich rôl: { $role }.

    Agorwch y ddolen hon i ddweud ie:
    { $link }

    Mae'r ddolen yn stopio gweithio ar ôl { $days } diwrnod.
email-welcome-easy =
    Diolch am ymuno â { $panel }.

    Dewiswch gyfrinair. Yna gallwch weld eich manylion.

    Agorwch y ddolen hon:
    { $link }

    Mae'r ddolen yn stopio gweithio ar ôl { $days } diwrnod.

    Wnaethoch chi ddim gofyn i ymuno? Peidiwch â gwneud dim.
email-joined-easy =
    Ymunodd rhywun â { $panel } gyda'r cyfeiriad e-bost hwn.

    Ai chi oedd hynny? Mewngofnodwch i weld eich manylion:
    { $link }

    Nid chi? Atebwch yr e-bost hwn. Byddwn yn dileu'r manylion.
email-feedback-easy =
    Helo { $name },

    Diolch am ddod i { $event }.

    Gawsoch chi'r cymorth sydd ei angen arnoch? Dywedwch wrthym:
    { $link }

    Mae'n cymryd un munud.
selection-email-easy =
    Helo,

    Rydych chi wedi cael eich dewis ar gyfer { $group }.

    Mae'n grŵp gan { $organisation }.

    Fe wnaethon ni ddewis pobl yn deg, drwy loteri.

    Bydd rhywun yn cysylltu â chi. Byddan nhw'n dweud beth yw e a phryd mae'n cwrdd.

    Does dim rhaid i chi ddweud ie.

## Crynodebau

notice-digest-subject = Eich negeseuon gan { $service }
notice-digest-body =
    Helo { $name },

    Dyma { $count ->
        [one] y neges
       *[other] y { $count } neges
    } a gadwon ni i chi.

    { $notices }
notice-digest-easy =
    Helo { $name },

    Mae gennym { $count ->
        [one] 1 neges
       *[other] { $count } neges
    } i chi.

    { $notices }
notice-digest-about = Ynglŷn â { $about }
notice-in-english = In English:
notice-digest-general = Negeseuon eraill

## Mathau o hysbysiad, sianeli, pa mor aml, a ble mae hysbysiad

notice-kind-password-reset = Dolenni i ailosod cyfrinair
notice-kind-organisation-invitation = Gwahoddiadau i ymuno â sefydliad
notice-kind-panel-welcome = Croeso pan fyddwch yn ymuno â phanel
notice-kind-panel-joined = Cadarnhad eich bod wedi ymuno â phanel
notice-kind-event-booked = Cadarnhad o le a archebwyd gennych
notice-kind-event-reminder = Nodiadau atgoffa cyn digwyddiad
notice-kind-place-cancelled = Cadarnhad eich bod wedi canslo lle
notice-kind-event-changed = Newidiadau i ddigwyddiad
notice-kind-event-cancelled = Digwyddiadau wedi'u canslo
notice-kind-event-invitation = Gwahoddiadau i ddigwyddiadau
notice-kind-place-offered = Lle am ddim wedi'i gynnig i chi
notice-kind-access-need-unmet = Pan na allwn drefnu rhywbeth sydd ei angen arnoch
notice-kind-feedback-request = Cwestiynau ar ôl digwyddiad
notice-kind-selection-invitation = Cael eich dewis ar gyfer gweithgor
notice-kind-digest = Crynodeb o negeseuon

notice-channel-email = E-bost
notice-channel-sms = Neges destun
notice-channel-post = Llythyr
notice-channel-phone = Galwad ffôn
notice-channel-none = Dim ffordd o'u cyrraedd

notice-frequency-immediate = Ar unwaith
notice-frequency-daily = Unwaith y dydd, i gyd gyda'i gilydd
notice-frequency-weekly = Unwaith yr wythnos, i gyd gyda'i gilydd

notice-status-queued = Yn aros i'w anfon
notice-status-held = Wedi'i gadw ar gyfer y crynodeb
notice-status-in-digest = Wedi'i anfon mewn crynodeb
notice-status-sent = Wedi'i anfon
notice-status-delivered = Wedi'i gyflwyno
notice-status-failed = Methu anfon
notice-status-to-print = Llythyr i'w argraffu
notice-status-printed = Wedi'i argraffu, i'w bostio
notice-status-posted = Wedi'i bostio
notice-status-to-phone = I'w ffonio
notice-status-phoned = Wedi ffonio
notice-status-needs-contact = Dim ffordd o'u cyrraedd
notice-status-declined = Heb ei anfon: gofynnon nhw am beidio â chael y rhain

audit-action-notice-printed = Llythyr wedi'i argraffu
audit-action-notice-posted = Llythyr wedi'i bostio
audit-action-notice-phoned = Rhywun wedi'i ffonio gyda neges
audit-action-notice-retried = Neges wedi'i hanfon eto
audit-action-notice-rerouted = Neges wedi'i symud i'r rhestr ffonio
audit-action-notice-letter-downloaded = Llythyr wedi'i lawrlwytho i'w argraffu
audit-action-person-contact-preferences-changed = Sut rydym yn cysylltu â rhywun wedi newid
audit-action-person-notices-unsubscribed = Rhywun wedi stopio negeseuon dewisol

## Sut rydym yn cysylltu â chi

contact-title = Sut rydym yn cysylltu â chi
contact-intro = Dewiswch sut rydym yn anfon negeseuon atoch, ym mha iaith a fformat, a pha mor aml. Mae negeseuon y mae'n rhaid i chi eu cael, fel newidiadau i ddigwyddiad a archebwyd gennych, bob amser yn dod ar unwaith.
contact-method = Sut dylem anfon negeseuon?
contact-method-hint = Os na allwn eich cyrraedd fel hyn, byddwn yn defnyddio ffordd arall sydd gennym ar eich cyfer.
contact-language = Pa iaith?
contact-formats = Pa fformatau?
contact-frequency = Pa mor aml dylem anfon negeseuon sy'n gallu aros?
contact-frequency-hint = Mae negeseuon na allant aros, fel digwyddiad wedi'i ganslo, bob amser yn dod ar unwaith.
contact-kinds = Pa negeseuon ydych chi eu heisiau?
contact-kinds-hint = Rydych bob amser yn cael negeseuon am eich cyfrif, eich lleoedd a'ch anghenion mynediad.
contact-history = Negeseuon a anfonwyd gennym
contact-history-none = Dim negeseuon eto.
contact-history-when = Pryd
contact-history-subject = Pwnc
contact-history-channel = Sut
contact-history-status = Ble mae
contact-error-method = Dewiswch sut dylem anfon negeseuon
contact-error-no-email = Does dim cyfeiriad e-bost ar gofnod. Ychwanegwch un yn y manylion cyswllt yn gyntaf, neu dewiswch ffordd arall
contact-error-no-phone = Does dim rhif ffôn ar gofnod. Ychwanegwch un yn y manylion cyswllt yn gyntaf, neu dewiswch ffordd arall
contact-error-no-address = Does dim cyfeiriad post ar gofnod. Ychwanegwch un yn y manylion cyswllt yn gyntaf, neu dewiswch ffordd arall
contact-error-language = Dewiswch iaith
contact-error-size = Rhowch faint print o { $min } i { $max }, neu gadewch yn wag
contact-error-frequency = Dewiswch pa mor aml dylem anfon negeseuon sy'n gallu aros
flash-contact-saved = Mae sut rydym yn cysylltu â chi wedi'i gadw.
contact-link = Sut rydym yn cysylltu, a'r negeseuon a anfonwyd gennym

## Dad-danysgrifio

unsubscribe-title = Stopio negeseuon dewisol
unsubscribe-intro = Byddwch yn stopio cael:
unsubscribe-still = Byddwch yn dal i gael negeseuon y mae'n rhaid i chi eu cael: dolenni mewngofnodi, newyddion am leoedd a archebwyd gennych, newidiadau a chansladau, a phroblemau gyda'ch anghenion mynediad.
unsubscribe-button = Stopio'r negeseuon hyn
unsubscribe-done = Fyddwch chi ddim yn cael negeseuon dewisol mwyach
unsubscribe-change = I newid hyn, mewngofnodwch a mynd i "Sut rydym yn cysylltu â chi" yn Eich data, neu gofynnwch i'r sefydliad sy'n cysylltu â chi.

## Rhestrau staff o negeseuon

messages-title = Negeseuon i'w hanfon â llaw
messages-link = Llythyrau i'w postio, pobl i'w ffonio a negeseuon a fethodd
messages-intro = Gofynnodd rhai pobl am lythyrau neu alwadau ffôn, ac ni ellid anfon rhai negeseuon. Gweithiwch drwy bob rhestr; mae pob cam yn cael ei gofnodi.
messages-letters = Llythyrau i'w hargraffu a'u postio
messages-letters-none = Dim llythyrau i'w hanfon.
messages-letters-batch = Lawrlwytho pob llythyr sydd i'w argraffu o hyd (PDF)
messages-letter-download = Lawrlwytho'r llythyr (PDF)
messages-large-print = Print bras, { $points } pwynt
messages-mark-printed = Marcio wedi'i argraffu
messages-mark-posted = Marcio wedi'i bostio
messages-calls = Pobl i'w ffonio
messages-calls-none = Neb i'w ffonio.
messages-what-to-say = Beth i'w ddweud wrthyn nhw
messages-outcome = Beth ddigwyddodd (dewisol)
messages-mark-phoned = Marcio wedi ffonio
messages-problems = Negeseuon a fethodd, a phobl na allwn eu cyrraedd
messages-problems-none = Dim problemau.
messages-retry = Anfon eto
messages-another-way = Eu ffonio yn lle hynny
messages-flash-done = Wedi'i wneud.
messages-flash-moved-on = Mae rhywun eisoes wedi delio â'r neges hon.

## Cyfeiriad y sefydliad ar lythyrau

organisation-address-title = Cyfeiriad ar lythyrau
organisation-address-label = Y cyfeiriad sydd wedi'i argraffu ar frig eich llythyrau
organisation-address-hint = Un llinell ar gyfer pob llinell o'r cyfeiriad, hyd at 8 llinell. Mae pobl yn ysgrifennu'n ôl i'r cyfeiriad hwn.
organisation-address-error-lines = Rhaid i'r cyfeiriad fod yn { $max } llinell neu lai
organisation-address-error-line = Rhaid i bob llinell o'r cyfeiriad fod yn { $max } nod neu lai
organisation-address-saved = Mae'r cyfeiriad ar eich llythyrau wedi'i gadw.
audit-action-organisation-address-changed = Cyfeiriad ar lythyrau wedi newid
organisation-bilingual = Ieithoedd
organisation-bilingual-hint = Er enghraifft, os yw eich sefydliad yn dilyn Safonau'r Gymraeg.
organisation-bilingual-yes = Ysgrifennu pob neges yn Gymraeg ac yn Saesneg, y Gymraeg yn gyntaf
