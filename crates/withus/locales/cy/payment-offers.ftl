# Cyfraddau a nodir ymlaen llaw: cardiau cyfraddau, gosodiadau talu a chynigion talu ymgysylltiadau.

## Cyfradd am swm, ac uned ar ei phen ei hun.
payment-unit-hour = { $amount } yr awr
payment-unit-half-day = { $amount } am hanner diwrnod
payment-unit-day = { $amount } y dydd
payment-unit-task = { $amount } am bob tasg
payment-unit-hour-name = Awr
payment-unit-half-day-name = Hanner diwrnod
payment-unit-day-name = Diwrnod
payment-unit-task-name = Tasg

payment-pays-through-bank-transfer = Trosglwyddiad banc
payment-pays-through-bank-transfer-hint = Yn syth i gyfrif banc pob person, mewn ffeil Bacs y mae eich banc yn ei derbyn
payment-pays-through-payroll = Cyflogres
payment-pays-through-payroll-hint = Drwy eich cyflogres, fel y mae GIG Lloegr yn talu ei bartneriaid Llais Cleifion a'r Cyhoedd
payment-late-pays-full = Talu'r cyfan
payment-late-pays-half = Talu hanner
payment-late-pays-none = Dim tâl

## Y costau y mae cynnig yn eu had-dalu: mewn rhestr, ac mewn Hawdd ei Ddeall.
payment-expense-public-transport = tocynnau bws a thrên
payment-expense-taxi = tacsis pan fydd eich anghenion mynediad yn golygu bod angen un arnoch
payment-expense-mileage = milltiroedd os byddwch yn gyrru
payment-expense-carer = cost gofalwr neu gynorthwyydd personol
payment-expense-childcare = gofal plant
payment-expense-meals = prydau bwyd
payment-expense-overnight = arosiadau dros nos
payment-easy-expense-public-transport = Tocynnau bws a thrên.
payment-easy-expense-taxi = Tacsi, os oes angen un arnoch oherwydd eich anghenion mynediad.
payment-easy-expense-mileage = Arian am betrol, os byddwch yn gyrru.
payment-easy-expense-carer = Gofalwr neu gynorthwyydd personol.
payment-easy-expense-childcare = Rhywun i ofalu am eich plant.
payment-easy-expense-meals = Bwyd a diod.
payment-easy-expense-overnight = Lle i aros dros nos.

## Y cynnig mewn Cymraeg clir.
payment-summary-rate = Rydym yn talu { $rate } am eich amser (cyfradd { $name }).
payment-summary-events = Mae hyn am yr amser rydych yn ei dreulio yn ein digwyddiadau.
payment-summary-events-surveys = Mae hyn am yr amser rydych yn ei dreulio yn ein digwyddiadau, a { $minutes } munud am bob arolwg rydych yn ei gwblhau.
payment-summary-surveys = Mae hyn am { $minutes } munud am bob arolwg rydych yn ei gwblhau.
payment-summary-no-time = Nid ydym yn talu am eich amser ar yr ymgysylltiad hwn.
payment-summary-expenses = Rydym yn ad-dalu: { $expenses }.
payment-summary-no-expenses = Nid ydym yn ad-dalu treuliau ar yr ymgysylltiad hwn.
payment-summary-choice = Gallwch ddewis cael llai, neu ddim byd, neu ei dalu i elusen.
payment-summary-when = Caiff y taliad ei wneud o fewn { $days ->
        [one] 1 diwrnod gwaith
       *[other] { $days } diwrnod gwaith
    } ar ôl ei gymeradwyo.

## Y cynnig mewn Hawdd ei Ddeall: un syniad ym mhob brawddeg.
payment-easy-paid = Rydym yn eich talu am eich amser.
payment-easy-rate = Rydym yn talu { $rate }.
payment-easy-events = Rydym yn talu am yr amser rydych yn ein cyfarfodydd.
payment-easy-surveys = Rydym yn eich talu am { $minutes } munud am bob arolwg rydych yn ei lenwi.
payment-easy-no-time = Nid ydym yn eich talu am eich amser.
payment-easy-expenses = Rydym yn talu'n ôl arian rydych yn ei wario i gymryd rhan:
payment-easy-choice-less = Gallwch ofyn am lai o arian, neu ddim arian.
payment-easy-choice-charity = Gallwn roi'r arian i elusen yn lle hynny.
payment-easy-when = Rydym yn eich talu o fewn { $days ->
        [one] 1 diwrnod gwaith
       *[other] { $days } diwrnod gwaith
    }.

## Y cynnig ar dudalennau'r ymgysylltiad a'r dudalen archebu.
payment-offer-heading = Tâl am gymryd rhan
payment-offer-easy-read = Hawdd ei Ddeall
payment-offer-none = Nid oes cynnig talu ar gyfer yr ymgysylltiad hwn eto.
payment-offer-change = Newid y cynnig talu
payment-offer-set = Gosod y cynnig talu

## Y cerdyn cyfraddau.
payment-organisation-heading = Taliadau
payment-rates-title = Cyfraddau talu
payment-rates-intro = Y cyfraddau y mae eich sefydliad yn eu talu i bobl am eu hamser. Mae pob cyfradd yn berthnasol rhwng y dyddiadau a roddwch, felly caiff taliad ei wneud bob amser ar y gyfradd sydd mewn grym ar y diwrnod.
payment-rates-link = Cyfraddau talu
payment-rates-none = Nid oes cyfraddau eto.
payment-rates-table = Eich cyfraddau
payment-rate-col-name = Enw
payment-rate-col-rate = Cyfradd
payment-rate-col-dates = Dyddiadau
payment-rate-col-status = Statws
payment-rate-current = Cyfredol
payment-rate-future = Yn dechrau'n ddiweddarach
payment-rate-past = Wedi dod i ben
payment-rate-dates-open = o { $from }
payment-rate-dates-closed = o { $from } i { $to }
payment-rate-add = Ychwanegu cyfradd
payment-rate-field-name = Enw'r gyfradd
payment-rate-field-name-hint = Er enghraifft, NIHR public contributor
payment-rate-field-unit = Am beth y caiff y gyfradd ei thalu
payment-rate-field-amount = Swm
payment-rate-field-amount-hint = Mewn punnoedd a cheiniogau, fel 27.50
payment-rate-field-from = Diwrnod cyntaf y gyfradd
payment-rate-field-to = Diwrnod olaf y gyfradd (dewisol)
payment-rate-field-to-hint = Gadewch hwn yn wag os nad oes dyddiad gorffen i'r gyfradd eto. Er enghraifft, 31 3 2027
payment-rate-end = Dod â chyfradd i ben
payment-rate-end-intro = Mae cyfradd yn dod i ben ar ei diwrnod olaf. I newid cyfradd, dewch â hi i ben ac ychwanegu'r swm newydd o'r diwrnod wedyn, gyda'r un enw.
payment-rate-field-which = Cyfradd
payment-rate-choose = Dewiswch gyfradd
payment-rate-field-end = Diwrnod olaf y gyfradd
payment-rate-added = Cyfradd wedi'i hychwanegu
payment-rate-ended = Cyfradd wedi dod i ben
payment-rate-error-name = Rhowch enw'r gyfradd
payment-rate-error-unit = Dewiswch am beth y caiff y gyfradd ei thalu
payment-rate-error-amount = Rhowch swm mwy na £0.00 mewn punnoedd a cheiniogau, fel 27.50
payment-rate-error-from = Rhowch ddiwrnod cyntaf y gyfradd fel dyddiad go iawn, fel 16 12 2025
payment-rate-error-to = Rhowch y diwrnod olaf fel dyddiad go iawn, fel 31 3 2027, neu gadewch ef yn wag
payment-rate-error-ends-before = Rhaid i'r diwrnod olaf fod yr un fath â'r diwrnod cyntaf neu ar ei ôl
payment-rate-error-overlap = Mae'r gyfradd “{ $name }” eisoes yn berthnasol { $dates }. Dewch â'r gyfradd honno i ben cyn i hon ddechrau, neu dewiswch ddyddiadau eraill
payment-rate-error-which = Dewiswch y gyfradd i ddod â hi i ben
payment-rate-error-end = Rhowch ddiwrnod olaf y gyfradd fel dyddiad go iawn, fel 31 3 2027
payment-rate-error-end-before = Rhaid i'r diwrnod olaf fod ar y diwrnod y dechreuodd y gyfradd, { $from }, neu ar ei ôl
payment-error-too-long = Rhaid i hwn fod yn { $max } nod neu lai

## Gosodiadau talu.
payment-settings-title = Gosodiadau talu
payment-settings-missing = Nid yw eich sefydliad wedi gosod sut mae'n talu pobl eto. Hyd nes y bydd yn gwneud hynny, ni ellir cymeradwyo na gwneud taliadau.
payment-settings-link = Gosodiadau talu
payment-settings-field-threshold = Cyfanswm swp sydd angen dau berson i'w gymeradwyo
payment-settings-field-threshold-hint = Mewn punnoedd a cheiniogau. Rhaid i ddau swyddog cyllid gwahanol gymeradwyo swp o daliadau dros y cyfanswm hwn. Er enghraifft, 250.00
payment-settings-field-pays-through = Sut rydych yn talu pobl am eu hamser
payment-settings-late-heading = Canslo'n hwyr
payment-settings-field-late-hours = Oriau cyn digwyddiad
payment-settings-field-late-hours-hint = Mae canslo hyn o oriau neu lai cyn i'r digwyddiad ddechrau yn cyfrif fel canslo'n hwyr. Er enghraifft, 24
payment-settings-field-late-pays = Beth sy'n cael ei dalu am ganslo'n hwyr
payment-settings-records-heading = Cofnodion talu
payment-settings-field-retention = Blynyddoedd i gadw cofnodion talu ar ôl i rywun ofyn i ni ddileu eu data
payment-settings-field-retention-hint = Mae CThEF fel arfer yn disgwyl i gofnodion talu gael eu cadw am 6 blynedd
payment-settings-originator-heading = Cyfrif banc eich sefydliad
payment-settings-originator-hint = Ar gyfer y ffeil Bacs y mae eich banc yn ei derbyn. Llenwch y pedwar, neu gadewch y pedwar yn wag.
payment-settings-field-name = Enw'r cyfrif ar gyfer Bacs
payment-settings-field-name-hint = Hyd at 18 o lythrennau, rhifau a bylchau, fel NORTHTOWN DPF
payment-settings-field-sort-code = Cod didoli
payment-settings-field-sort-code-hint = 6 digid, fel 12-34-56
payment-settings-field-account-number = Rhif y cyfrif
payment-settings-field-account-number-hint = 8 digid, fel 12345678
payment-settings-field-sun = Rhif defnyddiwr gwasanaeth Bacs
payment-settings-field-sun-hint = 6 digid. Mae eich banc yn rhoi'r rhif hwn i chi.
payment-settings-save = Cadw'r gosodiadau talu
payment-settings-saved = Gosodiadau talu wedi'u cadw
payment-settings-error-threshold = Rhowch gyfanswm y swp mewn punnoedd a cheiniogau, fel 250.00
payment-settings-error-pays-through = Dewiswch sut rydych yn talu pobl am eu hamser
payment-settings-error-late-hours = Rhowch yr oriau fel rhif cyfan o { $low } i { $high }
payment-settings-error-late-pays = Dewiswch beth sy'n cael ei dalu am ganslo'n hwyr
payment-settings-error-retention = Rhowch y blynyddoedd fel rhif cyfan o { $low } i { $high }
payment-settings-error-name = Rhowch enw'r cyfrif gan ddefnyddio'r llythrennau A i Z, y rhifau 0 i 9, bylchau a . & / -
payment-settings-error-name-long = Rhaid i enw'r cyfrif fod yn 18 nod neu lai ar ôl ei baratoi ar gyfer y banc: defnyddiwch ffurf fyrrach, fel NORTHTOWN DPF
payment-settings-error-sort-code = Rhowch god didoli o 6 digid, fel 12-34-56
payment-settings-error-account-number = Rhowch rif cyfrif o 8 digid, fel 12345678
payment-settings-error-sun = Rhowch rif defnyddiwr gwasanaeth Bacs o 6 digid, fel 123456

## Cynnig talu ymgysylltiad.
payment-offer-title = Cynnig talu
payment-offer-intro = Dywedwch wrth bobl beth rydych yn ei dalu cyn iddynt gytuno i gymryd rhan. Rydym yn ei ddangos ar dudalen yr ymgysylltiad, y dudalen archebu a gwahoddiadau i ddigwyddiadau, mewn iaith glir a Hawdd ei Ddeall, yn Gymraeg ac yn Saesneg. Rydym bob amser yn dweud y gall pobl ddewis cael llai, neu ddim byd.
payment-offer-now = Beth mae pobl yn ei weld nawr
payment-offer-field-rate = Cyfradd am amser pobl
payment-offer-field-rate-hint = O gerdyn cyfraddau eich sefydliad. Caiff taliad ei wneud ar y gyfradd sydd mewn grym ar y diwrnod.
payment-offer-no-rate = Dim tâl am amser: treuliau yn unig
payment-offer-field-events = Ydych chi'n talu am amser mewn digwyddiadau?
payment-offer-field-surveys = Ydych chi'n talu am arolygon y mae pobl yn eu cwblhau?
payment-offer-field-survey-minutes = Munudau a delir am bob arolwg
payment-offer-field-survey-minutes-hint = Dim ond os ydych yn talu am arolygon. Er enghraifft, 30
payment-offer-field-expenses = Pa gostau ydych chi'n eu had-dalu?
payment-offer-field-expenses-hint = Dewiswch bob un sy'n berthnasol
payment-offer-field-working-days = Caiff y taliad ei wneud o fewn sawl diwrnod gwaith ar ôl ei gymeradwyo?
payment-offer-field-working-days-hint = Er enghraifft, 10
payment-offer-field-note = Unrhyw beth arall y dylai pobl ei wybod (dewisol)
payment-offer-field-note-hint = Er enghraifft, sut i hawlio treuliau
payment-offer-field-budget = Cyllideb ar gyfer taliadau (dewisol)
payment-offer-field-budget-hint = Mewn punnoedd a cheiniogau, ar gyfer eich cofnodion eich hun. Nid yw pobl yn ei gweld. Er enghraifft, 2000.00
payment-offer-save = Cadw'r cynnig talu
payment-offer-saved = Cynnig talu wedi'i gadw
payment-yes = Ydw
payment-no = Nac ydw
payment-offer-error-rate = Dewiswch gyfradd o gerdyn cyfraddau eich sefydliad, neu dreuliau yn unig
payment-offer-error-events = Dewiswch ydw os ydych yn talu am amser mewn digwyddiadau, neu nac ydw
payment-offer-error-surveys = Dewiswch ydw os ydych yn talu am arolygon, neu nac ydw
payment-offer-error-survey-minutes = Rhowch y munudau am bob arolwg fel rhif cyfan o { $low } i { $high }
payment-offer-error-no-rate = Dewiswch gyfradd i dalu am amser, neu atebwch nac ydw i dalu am ddigwyddiadau ac arolygon
payment-offer-error-working-days = Rhowch y diwrnodau gwaith fel rhif cyfan o { $low } i { $high }
payment-offer-error-budget = Rhowch y gyllideb mewn punnoedd a cheiniogau, fel 2000.00, neu gadewch hi'n wag

audit-action-payment-rate-added = Cyfradd dalu wedi'i hychwanegu
audit-action-payment-rate-ended = Cyfradd dalu wedi dod i ben
audit-action-payment-settings-set = Gosodiadau talu wedi'u newid
audit-action-payment-offer-set = Cynnig talu wedi'i newid
