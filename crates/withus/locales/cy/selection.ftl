## Dewis gweithgor yn deg

organisation-selection-heading = Gweithgorau
organisation-selection-link = Dewis gweithgor yn deg

audit-action-selection-created = Gweithgor wedi'i ddechrau
audit-action-selection-quotas-saved = Cwotâu'r gweithgor wedi'u cadw
audit-action-selection-computed = Gofynnwyd am siawns deg
audit-action-selection-published = Loteri wedi'i chyhoeddi
audit-action-selection-drawn = Gweithgor wedi'i dynnu
audit-action-selection-invited = Gweithgor wedi'i wahodd

## Y rhestr

selection-list-title = Gweithgorau
selection-list-intro = Dewiswch weithgor o banel yn deg: mae gan bawb siawns deg, mae'r grŵp yn cyfateb i'r cwotâu rydych chi'n eu gosod, a gall unrhyw un wirio'r tynnu.
selection-list-none = Does dim gweithgorau eto.
selection-new-button = Dechrau gweithgor
selection-col-name = Gweithgor
selection-col-panel = Panel
selection-col-size = Lleoedd
selection-col-status = Statws
selection-col-created = Dechreuwyd
selection-stage-draft = Drafft
selection-stage-computing = Wrthi'n cyfrifo'r siawns
selection-stage-published = Loteri wedi'i chyhoeddi
selection-stage-drawn = Wedi'i dynnu
selection-stage-invited = Wedi gwahodd

## Dechrau un

selection-new-title = Dechrau gweithgor
selection-new-no-panels = Does gan y sefydliad hwn ddim paneli eto. Gall gweinyddwr ychwanegu un.
selection-new-submit = Parhau
selection-field-name = Enw'r gweithgor
selection-field-name-hint = Er enghraifft, Grŵp ailgynllunio'r orsaf fysiau
selection-field-panel = O ba banel y dylid dewis pobl?
selection-field-size = Faint o leoedd sydd?
selection-field-size-hint = Nifer y bobl i'w dewis
selection-field-rotation = Rhoi llai o siawns i bobl sydd wedi cymryd rhan yn ddiweddar?
selection-field-rotation-hint = Mae hyn yn rhannu cyfleoedd, fel nad yr un bobl sy'n cael eu dewis bob tro.
selection-rotation-yes = Ie
selection-rotation-yes-hint = Mae pob tro y bu rhywun yn cymryd rhan yn y cyfnod isod yn lleihau ei gyfran: mae unwaith yn ei haneru, dwywaith yn ei gwneud yn draean, ac ati.
selection-rotation-no = Na, mae gan bawb yr un gyfran
selection-field-months = Dros sawl mis y dylid cyfrif cymryd rhan?
selection-field-months-hint = 12 mis fel arfer
selection-error-name-empty = Rhowch enw i'r gweithgor
selection-error-name-too-long = Rhaid i'r enw fod yn 120 nod neu lai
selection-error-panel = Dewiswch y panel i ddewis pobl ohono
selection-error-size = Rhowch nifer y lleoedd fel rhif cyfan o 1 i { $max }
selection-error-months = Rhowch nifer y misoedd fel rhif cyfan o 1 i { $max }
selection-flash-created = Mae'r gweithgor wedi'i ddechrau. Nawr gosodwch ei gwotâu.

## Un gweithgor

selection-rotation = Cylchdroi
selection-rotation-on = Ymlaen: mae gan bobl a gymerodd ran yn y { $months } mis diwethaf gyfran lai
selection-rotation-off = I ffwrdd: mae gan bawb yr un gyfran
selection-pool-size = Pobl y gellir eu dewis nawr
selection-pool-explained = Gellir dewis pobl os ydyn nhw'n weithredol ar y panel (heb oedi a heb adael) a bod eu caniatâd i fod arno mewn grym.
selection-steps = Camau
selection-step-quotas = 1. Cwotâu
selection-quotas-none = Does dim cwotâu wedi'u gosod eto.
selection-quotas-set = Gosod y cwotâu
selection-quotas-change = Newid y cwotâu
selection-quota-range = { $value }: { $min } i { $max }
selection-step-chances = 2. Siawns deg
selection-chances-explained = Mae Withus yn cyfrifo'r siawns decaf y gall ei rhoi i bawb: mae'r siawns isaf sydd gan unrhyw un mor uchel ag y mae'r cwotâu'n ei ganiatáu, yna'r isaf nesaf, ac yn y blaen. Mae hefyd yn profi pa mor agos yw hyn at y gorau posibl.
selection-weight-explained = Gyda chylchdroi, cyfran pob person yw 1 ÷ (1 + nifer y troeon y buon nhw'n cymryd rhan yn y cyfnod). Mae gan rywun na fu erioed yn cymryd rhan gyfran o 1, yr uchaf; mae gan rywun a gymerodd ran unwaith 0.5, felly maen nhw'n anelu at hanner y siawns, cyn belled ag y mae'r cwotâu'n caniatáu.
selection-compute = Cyfrifo siawns deg
selection-compute-again = Cyfrifo'r siawns eto
selection-computing = Wrthi'n cyfrifo siawns deg…
selection-refreshing = Mae'r siawns yn dal i gael ei chyfrifo. Dewiswch “Adnewyddu nawr” i weld a yw'n barod.
selection-refresh-stopped = Dydy'r dudalen hon ddim yn adnewyddu ei hun mwyach.
selection-refresh-now = Adnewyddu nawr
selection-run-failed-title = Doedd dim modd cyfrifo'r siawns.
selection-run-failed = Aeth rhywbeth o'i le wrth gyfrifo'r siawns. Rhowch gynnig arall arni. Os yw'n dal i ddigwydd, rhowch gynnig ar lai o gwotâu neu weithgor llai.
selection-run-stopped = Daeth yr ymgais ddiwethaf i ben cyn gorffen. Rhowch gynnig arall arni.
selection-outdated = Mae'r cwotâu wedi newid ers cyfrifo'r siawns hyn. Cyfrifwch nhw eto cyn y tynnu.
selection-min-chance = Y siawns isaf sydd gan unrhyw un
selection-min-weighted = Y siawns isaf ar gyfer cyfran o 1 (siawns ÷ cyfran)
selection-gap = Pa mor agos at y tecaf posibl
selection-gap-value = O fewn { $gap } pwynt canran i'r gorau posibl: ni allai unrhyw loteri wneud yn well na { $best }.
selection-proven = Profwyd mai dyma'r tecaf posibl.
selection-total = Cyfanswm y siawns (yn hafal i nifer y lleoedd)
selection-finished = Cyfrifwyd
selection-lottery-heading = Y loteri a gyhoeddwyd
selection-lottery-explained = Mae'r loteri'n rhestru'r gweithgorau posibl a siawns pob un. Cyhoeddwch ei hôl bys isod cyn i chi ddewis yr hedyn ar gyfer y tynnu: yna gall unrhyw un wirio na chafodd y loteri ei newid wedyn.
selection-lottery-hash = Ôl bys (SHA-256):
selection-lottery-panels = Grwpiau posibl yn y loteri: { $count }.
selection-lottery-download = Lawrlwytho'r loteri
selection-chances-heading = Siawns pawb o gael eu dewis
selection-col-person = Person
selection-col-chance = Siawns
selection-col-weight = Cyfran
selection-person-erased = Person wedi'i ddileu
selection-step-draw = 3. Y tynnu
selection-draw-explained = Dewiswch hedyn na all neb ei wybod na'i ddewis ymlaen llaw ac sy'n cael ei gyhoeddi ar ôl cyhoeddi'r loteri, er enghraifft rhifau buddugol tynnu nesaf y Loteri Genedlaethol. Dim ond unwaith y gall y tynnu ddigwydd.
selection-field-seed = Hedyn
selection-field-seed-hint = Er enghraifft: 3 14 25 36 41 52, bonws 7, dydd Sadwrn 28 Tachwedd 2026
selection-draw-button = Tynnu'r gweithgor
selection-draw-not-yet = Gall y tynnu ddigwydd unwaith y bydd y siawns deg wedi'i chyfrifo a'r loteri wedi'i chyhoeddi.
selection-drawn-at = Tynnwyd
selection-chosen-heading = Y bobl a ddewiswyd
selection-draw-verified = Wedi'i wirio: mae ailadrodd y tynnu gyda'r hedyn hwn yn dewis yr un bobl.
selection-check-heading = Sut y gall unrhyw un wirio'r tynnu
selection-check-explained = Mae'r tynnu'n dilyn dull a gyhoeddwyd heb unrhyw hap cudd, felly gall unrhyw un ei ailadrodd:
selection-check-step-download = Lawrlwythwch y loteri.
selection-check-step-hash = Gwiriwch mai ei hôl bys SHA-256 yw'r un a gyhoeddwyd cyn y tynnu.
selection-check-step-repeat = Ailadroddwch y tynnu gyda'r hedyn, gan ddilyn "The draw, step by step" yn nogfennaeth withus-selection. Mae bob amser yn dewis yr un bobl.
selection-flash-drawn = Mae'r gweithgor wedi'i dynnu.
selection-step-invite = 4. Gwahoddiadau
selection-invite-explained = Mae pawb a ddewiswyd sydd â chyfeiriad e-bost yn cael e-bost yn eu hiaith. Mae pawb arall wedi'u rhestru yma er mwyn i chi eu ffonio neu ysgrifennu atyn nhw, fel y mae'n well ganddyn nhw. Dim ond unwaith y gellir anfon gwahoddiadau.
selection-invite-button = Gwahodd y bobl a ddewiswyd
selection-invite-not-yet = Unwaith y bydd y gweithgor wedi'i dynnu, gallwch wahodd y bobl a ddewiswyd.
selection-invited-emailed = Gwahoddwyd drwy e-bost
selection-invited-others = Cysylltwch â'r bobl hyn eich hun
selection-invited-unavailable = Ddim ar y panel mwyach, felly heb eu gwahodd
selection-col-contact = Sut mae'n well ganddyn nhw gael eu cysylltu
selection-col-phone = Ffôn
selection-flash-invited = Mae'r gwahoddiadau wedi'u hanfon.
selection-error-no-quotas = Gosodwch y cwotâu cyn cyfrifo'r siawns
selection-error-already-drawn = Mae'r gweithgor eisoes wedi'i dynnu
selection-error-already-running = Mae'r siawns eisoes yn cael ei chyfrifo
selection-error-pool-changed = Gellir dewis rhywun newydd nad yw'r cwotâu'n cynnwys ei atebion eto. Gwiriwch y cwotâu eto a'u cadw.
selection-error-seed-empty = Rhowch yr hedyn ar gyfer y tynnu
selection-error-seed-too-long = Rhaid i'r hedyn fod yn { $max } nod neu lai
selection-error-not-computed = Cyfrifwch y siawns deg cyn y tynnu
selection-error-not-drawn = Tynnwch y gweithgor cyn anfon gwahoddiadau
selection-error-already-invited = Mae'r gwahoddiadau eisoes wedi'u hanfon

## Cwotâu

selection-quotas-title = Cwotâu
selection-quotas-intro = Dewiswch faint o'r { $size } lle all fynd i bobl â phob ateb. Nifer y bobl y gellir eu dewis nawr: { $pool }.
selection-quotas-suggestion = Mae pob amrediad wedi'i lenwi o gyfran y bobl y gellir eu dewis a, lle mae gan eich sefydliad ffigurau poblogaeth, cyfran y boblogaeth. Does neb yn cael ei adael allan am beidio ag ateb: mae gan bobl na atebodd neu a oedd yn well ganddyn nhw beidio â dweud eu rhes eu hunain.
selection-field-features = Beth ddylai'r cwotâu ei gynnwys?
selection-field-features-hint = Dewiswch bob un sy'n berthnasol
selection-features-button = Dangos y rhain
selection-quotas-heading = Isafswm ac uchafswm ar gyfer pob ateb
selection-col-answer = Ateb
selection-col-in-pool = Pobl y gellir eu dewis
selection-col-pool-share = Cyfran
selection-col-population = Poblogaeth
selection-col-min = Isafswm
selection-col-max = Uchafswm
selection-no-figure = Dim ffigur
selection-value-more-than-one = Mwy nag un ateb
selection-quotas-submit = Gwirio a chadw'r cwotâu
selection-quotas-locked = Mae'r gweithgor wedi'i dynnu, felly does dim modd newid ei gwotâu mwyach.
selection-flash-quotas-feasible = Gellir bodloni'r cwotâu hyn. Maen nhw wedi'u cadw.
selection-error-locked = Mae'r gweithgor wedi'i dynnu, felly does dim modd newid ei gwotâu mwyach
selection-error-no-features = Dewiswch o leiaf un peth i'r cwotâu ei gynnwys
selection-error-min-number = Rhowch yr isafswm ar gyfer { $value } fel rhif cyfan, 0 neu fwy
selection-error-max-number = Rhowch yr uchafswm ar gyfer { $value } fel rhif cyfan, 0 neu fwy
selection-error-max-above-size = Rhaid i'r uchafswm ar gyfer { $value } fod yn { $size } neu lai, sef nifer y lleoedd
selection-error-min-above-max = Ni ddylai'r isafswm ar gyfer { $value } fod yn fwy na'i uchafswm
selection-error-check-failed = Doedd dim modd gwirio'r cwotâu mewn pryd. Rhowch gynnig arall arni, neu defnyddiwch lai o gwotâu.
selection-conflict-pool-too-small = Nifer y bobl y gellir eu dewis yw { $eligible }, ond nifer y lleoedd yw { $size }.
selection-conflict-must-include = Rhaid cynnwys { $count } o bobl, ond dim ond { $size } o leoedd sydd.
selection-conflict-not-enough-people = { $value } (“{ $feature }”): yr isafswm yw { $min }, ond dim ond { $available } o'r bobl y gellir eu dewis a roddodd yr ateb hwn.
selection-conflict-minimums-too-high = “{ $feature }”: mae'r isafsymiau'n dod i { $total }, mwy na'r { $size } lle.
selection-conflict-maximums-too-low = “{ $feature }”: mae'r uchafsymiau'n dod i { $total }, llai na'r { $size } lle.
selection-conflict-combination = Does dim grŵp o bobl y gellir eu dewis sy'n bodloni'r holl gwotâu hyn ar yr un pryd: mae'r cwotâu ar gyfer gwahanol gwestiynau'n gwrthdaro.
selection-relax-title = Y newid lleiaf a fyddai'n gwneud gweithgor yn bosibl:
selection-relax-none = Ni fyddai newid y cwotâu ar eu pennau eu hunain yn gwneud gweithgor yn bosibl. Dewiswch lai o leoedd, neu lai o gwotâu.
selection-relax-change = { $value } (“{ $feature }”): { $changes }
selection-relax-lower-min = gostwng yr isafswm o { $from } i { $to }
selection-relax-raise-max = codi'r uchafswm o { $from } i { $to }
selection-and = { " " }a{ " " }

## E-bost

selection-email-subject = Rydych chi wedi cael eich dewis ar gyfer gweithgor gyda { $organisation }
selection-email-body = Helo,

    Rydych chi wedi cael eich dewis ar gyfer { $group }, gweithgor { $organisation }. Cafodd y bobl ynddo eu dewis yn deg o'r panel rydych chi arno, drwy loteri y gall unrhyw un ei gwirio.

    Bydd rhywun o { $organisation } yn cysylltu â chi am beth mae'n ei olygu, pryd mae'n cyfarfod, eich anghenion mynediad ac unrhyw dâl am eich amser.

    Does dim rhaid i chi ddweud ie. Dydy dweud na ddim yn newid eich lle ar y panel.

    { $service }
