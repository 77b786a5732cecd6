## Cynllun hygyrchedd: trefnu pob addasiad cyn y digwyddiad

## Beth yw pob eitem
access-plan-kind-bsl-interpreter = Dehonglwyr Iaith Arwyddion Prydain (BSL)
access-plan-kind-sign-supported-english = Dehonglwyr Saesneg â Chymorth Arwyddion
access-plan-kind-lipspeaker = Siaradwyr gwefusau
access-plan-kind-speech-to-text = Gohebwyr lleferydd-i-destun (palanteipyddion)
access-plan-kind-deafblind-interpreter = Dehonglwyr i bobl fyddarddall
access-plan-kind-spoken-language-interpreter = Dehonglwyr iaith lafar
access-plan-kind-hearing-loop = Dolen sain
access-plan-kind-live-captions = Capsiynau byw
access-plan-kind-easy-read = Papurau Hawdd eu Deall
access-plan-kind-large-print = Papurau print bras
access-plan-kind-braille = Papurau Braille
access-plan-kind-audio-papers = Papurau sain
access-plan-kind-papers-in-advance = Papurau wedi'u hanfon ymlaen llaw
access-plan-kind-screen-reader = Papurau sy'n gweithio gyda darllenydd sgrin
access-plan-kind-extra-time = Amser ychwanegol i siarad neu ddarllen
access-plan-kind-step-free = Llwybr heb risiau i'r ystafell
access-plan-kind-accessible-toilet = Toiled hygyrch
access-plan-kind-accessible-parking = Parcio hygyrch
access-plan-kind-wheelchair-space = Lle i gadeiriau olwyn
access-plan-kind-quiet-room = Ystafell dawel
access-plan-kind-adjustable-lighting = Goleuadau y gellir eu newid
access-plan-kind-no-strong-scents = Dim arogleuon cryf
access-plan-kind-camera-optional = Camerâu'n ddewisol ar-lein
access-plan-kind-phone-dial-in = Ymuno dros y ffôn
access-plan-kind-advocate = Eiriolwyr
access-plan-kind-rest-breaks = Seibiannau rheolaidd
access-plan-kind-time-of-day = Amser o'r dydd sy'n gyfleus i bobl
access-plan-kind-shorter-sessions = Sesiynau byrrach
access-plan-kind-conversation = Sgwrs am eu hanghenion
access-plan-kind-dietary = Bwyd, diod ac anghenion eraill ar gyfer y digwyddiad hwn
access-plan-kind-pa-places = Lleoedd i gynorthwywyr personol a chymdeithion
access-plan-kind-travel = Teithio a thacsis
access-plan-kind-other = Angen arall

## Sut mae pobl yn cymryd rhan
access-plan-mode-in-person = Wyneb yn wyneb
access-plan-mode-online = Ar-lein
access-plan-mode-hybrid = Wyneb yn wyneb ac ar-lein

## Fformatau papurau
access-plan-format-standard = Safonol
access-plan-format-easy-read = Hawdd ei Ddeall
access-plan-format-large-print = Print bras
access-plan-format-audio = Sain
access-plan-format-bsl-video = Fideo Iaith Arwyddion Prydain (BSL)
access-plan-format-welsh = Cymraeg

## Sefyllfa pob eitem
access-plan-status-not-started = Heb ddechrau
access-plan-status-in-progress = Ar y gweill
access-plan-status-arranged = Wedi'i drefnu
access-plan-status-met-by-venue = Yn cael ei ddarparu gan y lleoliad neu'r platfform: gwiriwch ei fod yn gweithio
access-plan-status-cannot-arrange = Methu ei drefnu

## Pwy sydd ei angen
access-plan-who-not-named = { $count ->
    [zero] Dim pobl (heb eu henwi)
    [one] 1 person (heb ei enwi)
    [two] 2 berson (heb eu henwi)
    [few] { $count } pherson (heb eu henwi)
    [many] { $count } pherson (heb eu henwi)
   *[other] { $count } person (heb eu henwi)
}

## Pam nad yw'r digwyddiad yn barod eto
access-plan-blocker-unresolved = Nid yw'r eitem “{ $item }” wedi'i threfnu eto.
access-plan-blocker-not-told = Does dim modd trefnu'r eitem “{ $item }”, a dydy'r bobl sydd ei hangen ddim wedi cael gwybod eto.
access-plan-blocker-no-alternative = Does dim modd trefnu'r eitem “{ $item }”: dywedwch beth fydd yn cael ei wneud yn lle hynny.

## Papurau
access-plan-flag-missing-format = Nid yw { $title } ar gael yn y fformat { $format }, sydd ei angen ar { $count ->
    [zero] neb
    [one] 1 person
    [two] 2 berson
    [few] { $count } pherson
    [many] { $count } pherson
   *[other] { $count } person
}.
access-plan-flag-not-published = Nid yw { $title } wedi'i gyhoeddi eto. Mae angen ei gyhoeddi erbyn { $due }.
access-plan-flag-published-late = Cyhoeddwyd { $title } ar { $published }, ar ôl y dyddiad cau, sef { $due }.
