payments-title = Taliadau
payments-threshold = Mae angen i ail swyddog cyllid gymeradwyo swp o gymeradwyaethau dros { $amount } hefyd.
payments-due-title = Taliadau sy’n ddyledus
payments-due-none = Does dim taliadau’n aros am gymeradwyaeth.
payments-due-intro = Gwiriwch bob taliad yn erbyn y gwiriad budd-daliadau, ticiwch y rhai i’w cymeradwyo, yna cymeradwywch nhw gyda’i gilydd. Mae taliad a fyddai’n mynd â rhywun dros y terfyn budd-daliadau a ddywedon nhw wrthym yn cael ei ddal yn ôl, oni bai eich bod yn rhoi rheswm.
payment-open = Agor
payment-on = Diwrnod
payment-offered = Wedi’i gynnig
payment-choice = Sut dewison nhw gael eu talu
payment-amount = Swm
payment-check = Gwiriad budd-daliadau
payment-check-over-tag = Dros eu terfyn
payment-suggestions = Yn lle hynny, gallech chi:
payment-approve-this = Cymeradwyo’r taliad hwn
payment-override-reason = Rheswm dros ei gymeradwyo dros eu terfyn
payment-override-reason-hint = Dim ond os yw’r person wedi cytuno, er enghraifft ar ôl cael cyngor. Caiff y rheswm ei gofnodi.
payment-approve-chosen = Cymeradwyo’r taliadau a diciwyd
payments-awaiting-title = Yn aros am ail gymeradwyaeth
payments-awaiting-none = Does dim sypiau’n aros am ail gymeradwyaeth.
payments-awaiting-line = { $payments } taliad, { $total } i gyd, wedi’u cymeradwyo gyntaf gan { $name } ar { $day }.
payment-approve-second = Rhoi’r ail gymeradwyaeth
payments-approved-title = Wedi’u cymeradwyo, yn barod i’w talu
payments-approved-none = Does dim taliadau wedi’u cymeradwyo’n aros am rediad talu.
payments-approved-summary = { $count } taliad wedi’u cymeradwyo, { $total } i gyd.
payments-failed-title = Taliadau a ddychwelodd y banc
payment-runs-title = Rhediadau talu
payment-runs-none = Dim rhediadau talu eto.
payment-run-number = Rhediad
payment-run-name = Rhediad talu { $number }
payment-run-date = Dyddiad prosesu
payment-run-total = Cyfanswm drwy drosglwyddiad banc
payment-run-paid-on = Talwyd ar
payment-run-not-paid = Heb ei farcio wedi’i dalu eto
payment-run-make = Gwneud rhediad talu
payment-run-intro = Mae pob taliad a gymeradwywyd yn mynd i’r rhediad hwn: trosglwyddiadau banc i ffeil Bacs a CSV banc, a thalebau, elusennau a chyflogres i’w rhestr eu hunain. Taliadau a gymeradwywyd: { $count }.
payment-run-earliest = Mae Bacs angen 3 diwrnod gwaith. Y dyddiad prosesu cynharaf yw { $day }.
payment-run-error-date = Rhowch y dyddiad prosesu, er enghraifft 14 12 2026
payment-run-files = Ffeiliau
payment-run-bacs = Ffeil Bacs Standard 18
payment-run-bank-csv = CSV banc
payment-run-other = Talebau, elusennau a chyflogres (CSV)
payment-run-payments = Taliadau yn y rhediad hwn
payment-run-mark-paid = Marcio’r rhediad hwn wedi’i dalu
payment-run-paid-date = Y diwrnod y talwyd yr arian
payment-run-error-paid-date = Rhowch y diwrnod y talwyd yr arian, heddiw neu’n gynharach, er enghraifft 14 12 2026
payment-person = Person
payment-for = Am
payment-from = Gan
payment-status = Statws
payment-bank = Manylion banc
payment-bank-none = Dim wedi’u rhoi eto
payment-limit = Terfyn budd-daliadau a ddywedon nhw wrthym
payment-limit-none = Dim wedi’i ddatgan
payment-change-for-them = Newid sut maen nhw’n cael eu talu
payment-change-for-them-intro = Dim ond pan fydd y person wedi gofyn, dros y ffôn, drwy lythyr neu wyneb yn wyneb. Cânt wybod beth newidiodd.
payment-choice-question = Sut hoffech chi gael eich talu am hyn?
payment-less-amount = Y swm llai, os dewisoch gael eich talu llai
payment-less-amount-hint = Mewn punnoedd a cheiniogau, er enghraifft 20.00
payment-charity-name = Yr elusen neu’r sefydliad, os dewisoch un
payment-charity-name-hint = Er enghraifft, eich Mind lleol
payment-mark-failed = Marcio wedi’i ddychwelyd gan y banc
payment-reissue = Ei dalu eto yn y rhediad nesaf
payment-how-payroll = Drwy’r gyflogres
payment-check-none = Dydyn nhw ddim wedi dweud wrthym am derfyn budd-daliadau.
payment-check-within = O fewn eu terfyn ({ $limit }). Wedi’i gymeradwyo gennym eisoes yn y cyfnod hwn: { $already }.
payment-check-over = Byddai hyn yn mynd â nhw dros eu terfyn ({ $limit }): { $would_be } yn y cyfnod, { $over_by } drosodd.
payment-suggest-less = Talu { $amount } ar y mwyaf, sy’n aros o fewn y terfyn.
payment-suggest-split = Talu’r gweddill yn y cyfnod nesaf, o { $day }, lle mae rheolau’r budd-dal yn caniatáu.
payment-suggest-expenses-only = Ad-dalu eu treuliau yn unig: dydy treuliau byth yn cyfrif fel enillion.
payment-suggest-charity = Ei dalu i elusen neu sefydliad o’u dewis.
payment-error-choice = Dewiswch sut hoffech chi gael eich talu
payment-error-less = Rhowch y swm llai mewn punnoedd a cheiniogau, er enghraifft 20.00
payment-error-not-less = Rhaid i’r swm llai fod yn llai na’r swm a gynigiwyd
payment-error-charity = Rhowch enw’r elusen neu’r sefydliad
payment-error-nothing-chosen = Ticiwch o leiaf un taliad i’w gymeradwyo
payment-error-no-settings = Dydy’ch sefydliad ddim wedi gosod ei osodiadau talu eto. Mae gweinyddwr y sefydliad neu swyddog cyllid yn eu gosod yn gyntaf.
payment-error-not-due = Mae’r taliad hwn wedi’i gymeradwyo eisoes, felly all sut mae’n cael ei dalu ddim newid nawr
payment-error-same-approver = Chi roddodd y gymeradwyaeth gyntaf. Rhaid i swyddog cyllid gwahanol roi’r ail.
payment-error-blocked = Byddai { $name } yn mynd { $over_by } dros y terfyn budd-daliadau a ddywedon nhw wrthym. Dewiswch lai gyda nhw, neu rhowch reswm i’w gymeradwyo beth bynnag.
payment-flash-approved = Taliadau wedi’u cymeradwyo. Mae pobl yn cael gwybod.
payment-flash-awaiting-second = Wedi’i gymeradwyo. Mae’r swp dros drothwy eich sefydliad, felly rhaid i ail swyddog cyllid ei gymeradwyo hefyd.
payment-flash-already-approved = Roedd y taliadau hynny wedi’u cymeradwyo eisoes. Does dim wedi’i gymeradwyo ddwywaith.
payment-flash-choice = Mae sut mae’r taliad hwn yn cael ei wneud wedi newid.
payment-flash-failed = Wedi’i farcio wedi’i ddychwelyd gan y banc.
payment-flash-reissued = Bydd yn mynd yn y rhediad talu nesaf.
payment-flash-run-made = Rhediad talu wedi’i wneud. Lawrlwythwch y ffeiliau isod.
notice-payment-run-waiting-bank-details = Rhediad talu wedi’i wneud. Does gan rai pobl ddim manylion banc eto, felly mae eu taliadau’n aros am rediad diweddarach.
payment-flash-run-paid = Mae’r rhediad wedi’i farcio wedi’i dalu. Mae pobl yn cael gwybod.
payment-flash-bank-saved = Mae eich manylion banc wedi’u cadw.
payment-flash-limit-saved = Mae eich terfyn budd-daliadau wedi’i gadw. Rydyn ni’n ei wirio cyn eich talu.
payment-flash-limit-removed = Mae eich terfyn budd-daliadau wedi’i dynnu.
payment-choice-kind-bank-transfer = Trosglwyddiad banc
payment-choice-kind-bank-transfer-hint = Y swm llawn i’ch cyfrif banc.
payment-choice-kind-voucher = Taleb
payment-choice-kind-voucher-hint = Taleb siopa am y swm llawn. Efallai y bydd yn dal i gyfrif fel incwm.
payment-choice-kind-less = Swm llai
payment-choice-kind-less-hint = Drwy drosglwyddiad banc. Dim ond yr hyn a delir i chi sy’n cyfrif fel incwm.
payment-choice-kind-nothing = Dim
payment-choice-kind-nothing-hint = Rydych chi’n cymryd rhan heb gael eich talu am eich amser.
payment-choice-kind-charity = I elusen neu sefydliad
payment-choice-kind-charity-hint = Rydyn ni’n ei dalu iddyn nhw, nid i chi.
payment-choice-kind-expenses-only = Treuliau yn unig
payment-choice-kind-expenses-only-hint = Rydyn ni’n ad-dalu eich costau, a dim am eich amser.
payment-status-due = Yn aros am gymeradwyaeth
payment-status-awaiting-second = Yn aros am ail gymeradwyaeth
payment-status-approved = Wedi’i gymeradwyo
payment-status-in-run = Yn cael ei dalu
payment-status-paid = Wedi’i dalu
payment-status-failed = Wedi’i ddychwelyd gan y banc
payment-batch-status-awaiting-second = Yn aros am ail gymeradwyaeth
payment-batch-status-approved = Wedi’i gymeradwyo
payment-limit-kind-esa-permitted-work = Terfyn gwaith a ganiateir ESA
payment-limit-kind-esa-permitted-work-hint = Lwfans Cyflogaeth a Chymorth: yr hyn y cewch ei ennill mewn wythnos dan y rheolau gwaith a ganiateir.
payment-limit-kind-carers-allowance = Terfyn enillion Lwfans Gofalwr
payment-limit-kind-carers-allowance-hint = Mae ceiniog drosodd yn colli Lwfans Gofalwr yr wythnos honno.
payment-limit-kind-universal-credit = Lwfans gwaith Credyd Cynhwysol
payment-limit-kind-universal-credit-hint = Yr hyn y gallwch ei ennill mewn cyfnod asesu cyn i’r Credyd Cynhwysol ostwng.
payment-limit-kind-own-figure = Fy ffigur fy hun
payment-limit-kind-own-figure-hint = Er enghraifft, un a roddodd cynghorydd i chi.
payment-limit-weekly = { $amount } yr wythnos, o { $day }
payment-limit-monthly = { $amount } y mis, o ddiwrnod { $day }
payment-limit-period-weekly = Wythnos
payment-limit-period-monthly = Mis
payment-weekday-1 = Dydd Llun
payment-weekday-2 = Dydd Mawrth
payment-weekday-3 = Dydd Mercher
payment-weekday-4 = Dydd Iau
payment-weekday-5 = Dydd Gwener
payment-weekday-6 = Dydd Sadwrn
payment-weekday-7 = Dydd Sul
your-payments-title = Eich taliadau
your-payments-intro = Beth sy’n ddyledus i chi am eich amser, beth sydd ar ei ffordd a beth sydd wedi’i dalu. Gallwch ddewis sut mae pob taliad yn cael ei wneud nes iddo gael ei gymeradwyo.
your-payments-due = Yn aros am gymeradwyaeth
your-payments-due-none = Does dim yn aros am gymeradwyaeth.
your-payment-change = Dewis sut mae hwn yn cael ei dalu
your-payments-on-the-way = Wedi’i gymeradwyo ac ar ei ffordd
your-payments-on-the-way-none = Does dim ar ei ffordd.
your-payments-paid = Wedi’i dalu
your-payments-paid-none = Does dim wedi’i dalu eto.
your-payments-paid-on = talwyd ar
your-payments-expenses = Treuliau
your-payments-expenses-link = Hawlio treuliau, a gweld eich hawliadau
your-payments-details = Eich manylion
payment-bank-none-yours = Dydych chi ddim wedi rhoi manylion banc i ni eto.
payment-limit-none-yours = Dydych chi ddim wedi dweud wrthym am derfyn budd-daliadau.
your-payments-statement = Datganiad
your-payments-statement-intro = Datganiad o’r hyn a dalwyd i chi, am gyfnod. Gallwch ei roi i’r DWP neu CThEF.
your-payments-statement-link = Gweld eich datganiad ar gyfer y flwyddyn dreth hon
your-payments-advice = Cyngor ar fudd-daliadau
your-payments-advice-intro = Gall cael eich talu effeithio ar rai budd-daliadau. Cyngor annibynnol am ddim:
your-payments-advice-citizens-advice = Cyngor ar Bopeth: budd-daliadau
your-payments-advice-turn2us = Turn2us: cyfrifiannell a chyngor ar fudd-daliadau
your-payment-offered = Fe wnaethon ni gynnig { $amount } am eich amser. Gallwch gymryd y cyfan, llai, neu ddim, neu ei dalu i elusen.
your-payment-benefits = Os ydych chi’n cael budd-daliadau, dydy cymryd llai neu ddim, neu ei dalu i elusen, ddim yn cael ei gyfrif fel eich enillion dan reolau’r DWP ar gyfranogiad defnyddwyr gwasanaeth.
payment-bank-title = Eich manylion banc
payment-bank-intro = Rydyn ni’n eu defnyddio i’ch talu chi yn unig. Dim ond chi a’n swyddogion cyllid all eu gweld, a dim ond 4 digid olaf rhif eich cyfrif rydyn ni’n eu dangos.
payment-bank-current = Mae’r cyfrif sydd gennym nawr yn gorffen { $masked }.
payment-bank-name = Enw ar y cyfrif
payment-bank-name-hint = Fel mae eich banc yn ei ddangos
payment-bank-sort-code = Cod didoli
payment-bank-sort-code-hint = 6 digid, er enghraifft 30-94-57
payment-bank-account = Rhif cyfrif
payment-bank-account-hint = 8 digid, er enghraifft 00733445
payment-bank-error-name = Rhowch yr enw ar y cyfrif
payment-bank-error-sort-code = Rhowch god didoli o 6 digid, er enghraifft 30-94-57
payment-bank-error-account = Rhowch rif cyfrif o 8 digid, er enghraifft 00733445
payment-limit-title = Terfyn budd-daliadau sy’n bwysig i chi
payment-limit-intro = Os ydych chi’n cael budd-dal sy’n stopio neu’n gostwng pan fyddwch chi’n ennill dros derfyn, dywedwch wrthym beth yw’r terfyn. Cyn i ni eich talu am eich amser, rydyn ni’n ei wirio, fel nad ydyn ni’n mynd â chi drosto heb ofyn i chi.
payment-limit-private = Mae hyn yn breifat. Dim ond chi a’n swyddogion cyllid all ei weld. Gallwch ei dynnu unrhyw bryd.
payment-limit-kind = Pa derfyn yw e?
payment-limit-amount = Y terfyn
payment-limit-amount-hint = Mewn punnoedd a cheiniogau, er enghraifft 204.00
payment-limit-period = Ydy e am wythnos neu fis?
payment-limit-week-starts = Os yw am wythnos, y diwrnod mae wythnos eich budd-dal yn dechrau
payment-limit-week-starts-hint = Mae eich llythyr dyfarnu’n dweud pa ddiwrnod
payment-limit-month-starts = Os yw am fis, y diwrnod o’r mis mae eich cyfnod yn dechrau
payment-limit-month-starts-hint = Rhif o 1 i 28
payment-limit-remove = Tynnu fy nherfyn budd-daliadau
payment-limit-error-kind = Dewiswch pa derfyn yw e
payment-limit-error-amount = Rhowch y terfyn mewn punnoedd a cheiniogau, er enghraifft 204.00
payment-limit-error-period = Dewiswch a yw’r terfyn am wythnos neu fis
payment-limit-error-week-starts = Dewiswch y diwrnod mae wythnos eich budd-dal yn dechrau
payment-limit-error-month-starts = Rhowch y diwrnod o’r mis mae eich cyfnod yn dechrau, rhif o 1 i 28
payment-statement-title = Datganiad eich taliadau
payment-statement-title-for = Datganiad taliadau, { $from } i { $to }
payment-statement-intro = Taliadau am eich amser a gymeradwywyd neu a dalwyd am gyfranogiad o { $from } i { $to }.
payment-statement-this-year = Y flwyddyn dreth hon
payment-statement-last-year = Y flwyddyn dreth ddiwethaf
payment-statement-none = Dim taliadau yn y cyfnod hwn.
payment-statement-total = Wedi’i dalu i chi am eich amser: { $amount }.
payment-statement-charity-total = Wedi’i dalu i elusennau neu sefydliadau a ddewisoch: { $amount }. Nid eich incwm chi yw hwn.
payment-statement-expenses-note = Dydy treuliau a ad-dalwyd ddim yn enillion a dydyn nhw ddim yn y cyfansymiau hyn.
payment-statement-pdf = Lawrlwytho’r datganiad hwn (PDF)
payment-approved-notice-subject = Mae eich taliad o { $amount } wedi’i gymeradwyo
payment-approved-notice-body =
    Annwyl { $name },

    Mae eich taliad o { $amount } am { $for } wedi’i gymeradwyo. Byddwn yn ei dalu yn ein rhediad talu nesaf.

    Gweld eich taliadau: { $link }
payment-approved-notice-easy =
    Newyddion da.

    Byddwn yn talu { $amount } i chi.

    Mae am: { $for }

    Gweld eich taliadau yma: { $link }
payment-paid-notice-subject = Rydyn ni wedi talu { $amount } i chi
payment-paid-notice-body =
    Annwyl { $name },

    Rydyn ni wedi talu { $amount } i chi am { $for }. Gall gymryd hyd at 3 diwrnod gwaith i gyrraedd eich cyfrif.

    Gweld eich taliadau a’ch datganiadau: { $link }
payment-paid-notice-easy =
    Rydyn ni wedi talu { $amount } i chi.

    Mae am: { $for }

    Gall gymryd 3 diwrnod i gyrraedd eich banc.

    Gweld eich taliadau yma: { $link }
notice-kind-payment-approved = Taliadau wedi’u cymeradwyo
notice-kind-payment-paid = Taliadau wedi’u gwneud
audit-action-payment-due = Taliad yn ddyledus am gyfranogiad
audit-action-payment-choice-changed = Newidiwyd sut mae taliad yn cael ei wneud
audit-action-payment-approved = Taliadau wedi’u cymeradwyo
audit-action-payment-approved-over-limit = Taliad wedi’i gymeradwyo dros derfyn budd-daliadau a ddatganwyd
audit-action-payment-batch-second-approval = Ail gymeradwyaeth swp o daliadau
audit-action-payment-run-made = Rhediad talu wedi’i wneud
audit-action-payment-run-file-downloaded = Ffeil rhediad talu wedi’i lawrlwytho
audit-action-payment-run-paid = Rhediad talu wedi’i farcio wedi’i dalu
audit-action-payment-failed = Taliad wedi’i ddychwelyd gan y banc
audit-action-payment-reissued = Taliad i’w dalu eto
audit-action-payment-profile-bank-details = Newidiwyd manylion banc
audit-action-payment-profile-declared-limit = Newidiwyd y terfyn budd-daliadau a ddatganwyd
audit-action-payment-records-removed = Hen gofnodion taliadau wedi’u tynnu
organisation-payments-link = Taliadau sy’n ddyledus, cymeradwyaethau a rhediadau talu
notice-payment-not-in-run = Dydy’r taliad hwn ddim mewn rhediad talu, felly all e ddim cael ei farcio wedi’i ddychwelyd.
payment-statement-expense = Treul
payment-statement-expenses-title = Treuliau a ad-dalwyd
payment-statement-expenses-none = Dim treuliau wedi’u cymeradwyo na’u had-dalu yn y cyfnod hwn.
payment-statement-expenses-total = Treuliau wedi’u cymeradwyo neu eu had-dalu: { $amount }. Nid enillion yw’r rhain.
