## Hawliadau treuliau a'r gyfradd filltiroedd

expense-kind-public-transport = Trafnidiaeth gyhoeddus
expense-kind-taxi = Tacsi
expense-kind-mileage = Milltiroedd yn eich cerbyd eich hun
expense-kind-care-cover = Cyflenwi gofalwr neu gynorthwyydd personol
expense-kind-childcare = Gofal plant
expense-kind-meals = Prydau bwyd
expense-kind-overnight-stay = Aros dros nos
expense-kind-other = Rhywbeth arall

expense-state-claimed = Yn aros am gymeradwyaeth
expense-state-approved = Wedi'i gymeradwyo
expense-state-queried = Cwestiwn gan y sefydliad
expense-state-paid = Wedi'i dalu

expense-channel-online = Ar-lein
expense-channel-phone = Dros y ffôn
expense-channel-post = Drwy'r post
expense-channel-in-person = Wyneb yn wyneb

expense-kind-legend = Am beth oedd y gost?
expense-kind-missing = Dewiswch am beth oedd y gost
expense-day-legend = Pryd wnaethoch chi wario'r arian?
expense-day-missing = Rhowch y dyddiad y gwnaethoch wario'r arian
expense-day-invalid = Rhaid i'r dyddiad fod yn ddyddiad go iawn, fel 27 3 2026
expense-day-future = Rhaid i'r dyddiad fod heddiw neu yn y gorffennol
expense-description-label = Disgrifiad
expense-description-hint = Er enghraifft, "Tacsi o'r cartref i'r Hyb Cymunedol ac yn ôl"
expense-description-missing = Rhowch ddisgrifiad byr o'r gost
expense-description-too-long = Rhaid i'r disgrifiad fod yn { $max } nod neu lai
expense-amount-label = Swm
expense-amount-hint = Mewn punnoedd a cheiniogau, er enghraifft 12.40. Gadewch hwn yn wag ar gyfer milltiroedd.
expense-amount-missing = Rhowch y swm a warion chi, fel 12.40
expense-amount-not-money = Rhowch y swm mewn punnoedd a cheiniogau, fel 12.40
expense-amount-negative = Ni all y swm fod yn llai na £0. Rhowch yr hyn a warion chi, fel 12.40
expense-amount-fraction = Rhowch y swm i'r geiniog agosaf, fel 12.34, nid 12.345
expense-amount-too-large = Rhaid i'r swm fod yn £10,000 neu lai. Gwiriwch ef a'i roi eto
expense-amount-zero = Rhaid i'r swm fod yn fwy na £0
expense-miles-label = Milltiroedd, ar gyfer milltiroedd yn unig
expense-miles-hint = Y pellter a yrroch, i ddegfed ran o filltir, er enghraifft 12.5
expense-miles-suffix = milltir
expense-miles-missing = Rhowch sawl milltir a yrroch, fel 12.5
expense-miles-not-number = Rhowch y milltiroedd fel rhif, fel 12.5
expense-miles-fraction = Rhowch y milltiroedd i ddegfed ran o filltir, fel 12.5
expense-miles-too-many = Rhaid i'r pellter fod yn 5,000 milltir neu lai
expense-miles-zero = Rhaid i'r pellter fod yn fwy na 0 milltir
expense-no-mileage-rate = Nid oes gan y sefydliad gyfradd filltiroedd ar gyfer { $day }, felly ni ellir cyfrifo'r milltiroedd. Gofynnwch iddynt osod un, neu hawliwch y gost fel rhywbeth arall
expense-receipt-label = Derbynneb (dewisol)
expense-receipt-hint = Llun neu PDF o'r dderbynneb: JPEG, PNG, WebP, HEIC neu PDF, hyd at 10 MB
expense-receipt-empty = Mae'r dderbynneb yn wag. Dewiswch y ffeil eto
expense-receipt-too-large = Rhaid i'r dderbynneb fod yn llai na 10 MB
expense-receipt-wrong-type = Rhaid i'r dderbynneb fod yn llun JPEG, PNG, WebP neu HEIC, neu'n PDF
expense-engagement-legend = Ar gyfer pa ymgysylltiad oedd hi?
expense-engagement-hint = Ymgysylltiadau'r paneli rydych yn aelod ohonynt
expense-engagement-missing = Dewiswch yr ymgysylltiad yr oedd y gost ar ei gyfer
expense-mileage-detail = { $kind }: { $miles } milltir ar { $rate } y filltir

expenses-yours-title = Eich treuliau
expenses-yours-intro = Costau a daloch i gymryd rhan, fel teithio, cyflenwi gofal neu ofal plant. Rydym yn eu talu'n ôl. Nid enillion yw treuliau.
expenses-yours-none = Nid ydych wedi hawlio unrhyw dreuliau.
expense-claim-title = Hawlio treuliau
expense-claim-intro = Dywedwch wrthym am un gost a daloch i gymryd rhan. Gallwch hawlio cost arall wedyn.
expense-not-earnings = Mae treuliau'n talu'n ôl yr hyn a warioch. Nid enillion ydynt ac nid ydynt yn cyfrif tuag at derfyn enillion unrhyw fudd-dal.
expense-no-engagements = Gallwch hawlio treuliau ar gyfer ymgysylltiadau panel rydych yn aelod gweithredol ohono. Nid ydych yn aelod gweithredol o banel ag ymgysylltiadau wedi'u cyhoeddi.
expense-send = Anfon yr hawliad
expense-engagement = Ymgysylltiad
expense-amount = Swm
expense-day = Dyddiad
expense-receipt = Derbynneb
expense-receipt-download = Lawrlwytho'r dderbynneb
expense-receipt-none = Dim derbynneb
expense-correct-link = Ei gywiro a'i anfon eto
expense-correct-title = Cywiro eich hawliad treuliau
expense-correct-intro = Newidiwch yr hyn sydd angen ei newid a'i anfon eto. Gallwch ychwanegu derbynneb newydd; os na wnewch, byddwn yn cadw'r un a anfonoch.
expense-query-reason-heading = Gofynnodd y sefydliad
expense-send-again = Ei anfon eto
expense-sent-title = Hawliad treuliau wedi'i anfon
expense-next-heading = Beth sy'n digwydd nesaf
expense-next-check = Mae swyddog cyllid yn y sefydliad yn gwirio eich hawliad.
expense-next-query = Os oes ganddynt gwestiwn, byddwn yn dweud wrthych, a gallwch gywiro'r hawliad ar eich tudalen treuliau.
expense-next-paid = Unwaith y caiff ei gymeradwyo, caiff ei dalu yng nghylch talu nesaf y sefydliad.
expense-see-claims = Gweld eich treuliau

mileage-rate-title = Cyfradd filltiroedd
mileage-rate-intro = Yr hyn y mae'r sefydliad yn ei dalu am bob milltir y mae rhywun yn ei gyrru yn ei gerbyd ei hun i gymryd rhan, gyda'r dyddiadau y mae'n berthnasol. Caiff hawliadau milltiroedd eu cyfrifo ar y gyfradd sydd mewn grym ar ddiwrnod y daith.
mileage-rate-none = Nid oes cyfradd filltiroedd eto. Ni ellir hawlio milltiroedd nes bod un.
mileage-rate-list = Cyfraddau milltiroedd
mileage-rate-per-mile = Swm y filltir
mileage-rate-per-mile-hint = Mewn punnoedd a cheiniogau, er enghraifft 0.45 am 45c
mileage-rate-from = O
mileage-rate-to = Tan (dewisol)
mileage-rate-no-end = Dim dyddiad gorffen
mileage-rate-add = Ychwanegu cyfradd filltiroedd
mileage-rate-save = Cadw'r gyfradd filltiroedd
mileage-rate-saved = Cyfradd filltiroedd wedi'i chadw
mileage-rate-zero = Rhaid i swm y filltir fod yn fwy na £0
mileage-rate-too-large = Rhaid i swm y filltir fod yn £10 neu lai
mileage-rate-from-invalid = Rhowch y dyddiad y mae'r gyfradd yn dechrau, fel 6 4 2026
mileage-rate-to-invalid = Rhaid i'r dyddiad gorffen fod yn ddyddiad go iawn, fel 5 4 2027, neu gadewch ef yn wag
mileage-rate-ends-before = Rhaid i'r dyddiad gorffen fod ar y dyddiad dechrau neu ar ei ôl
mileage-rate-overlaps = Mae'r dyddiadau hyn yn gorgyffwrdd â chyfradd filltiroedd arall. Dewiswch ddyddiadau nad ydynt yn gorgyffwrdd

expenses-waiting-title = Hawliadau treuliau yn aros
expenses-waiting-intro = Cymeradwywch bob cost, neu gofynnwch gwestiwn i'r person amdani. Caiff costau wedi'u cymeradwyo eu talu yn y cylch talu nesaf.
expenses-waiting-none = Nid oes hawliadau treuliau yn aros am benderfyniad.
expenses-queried-title = Yn aros am ateb gan y person
expense-person = Person
expense-channel = Sut y daeth atom
expense-approve = Cymeradwyo
expense-query = Gofyn cwestiwn
expense-reason-label = Eich cwestiwn
expense-reason-hint = Mae'r person yn gweld hwn, felly dywedwch beth sydd angen iddynt ei newid neu ei anfon
expense-reason-missing = Rhowch y cwestiwn rydych am ei ofyn i'r person
expense-reason-too-long = Rhaid i'r cwestiwn fod yn { $max } nod neu lai
expense-approved = Treuliau wedi'u cymeradwyo
expense-query-sent = Cwestiwn wedi'i anfon at y person
expense-already-decided = Mae rhywun eisoes wedi penderfynu ar y treuliau hynny

expense-correct-for-them = Ei gywiro ar eu rhan
expense-corrected = Cafodd yr hawliad ei gywiro ac mae'n aros am gymeradwyaeth eto.
expense-enter-title = Rhoi hawliad treuliau ar ran rhywun
expense-enter-intro = Ar gyfer rhywun a ffoniodd, a bostiodd hawliad neu a ddaeth i mewn. Dewch o hyd iddynt yn ôl eu henw yn gyntaf.
expense-search-label = Eu henw
expense-search-hint = Mae rhan o'u henw yn ddigon
expense-search-button = Chwilio
expense-search-nobody = Nid oes neb ar eich paneli â'r enw hwnnw.
expense-person-legend = Ar gyfer pwy mae'r hawliad?
expense-person-missing = Dewiswch ar gyfer pwy mae'r hawliad
expense-channel-legend = Sut y daeth yr hawliad atoch?
expense-channel-missing = Dewiswch sut y daeth yr hawliad atoch
expense-enter-save = Cadw'r hawliad
expense-entered = Hawliad treuliau wedi'i roi. Bydd swyddog cyllid yn ei wirio.

expense-queried-subject = Cwestiwn am eich hawliad treuliau
expense-queried-body =
    Mae gan { $organisation } gwestiwn am eich hawliad treuliau am { $item }:

    { $reason }

    Gallwch gywiro eich hawliad a'i anfon eto yma: { $link }
expense-queried-easy =
    Mae gennym gwestiwn am arian y gofynnoch i ni ei dalu'n ôl.

    Roedd ar gyfer: { $item }

    Ein cwestiwn: { $reason }

    Gallwch newid eich hawliad yma: { $link }
notice-kind-expense-queried = Cwestiynau am eich hawliadau treuliau

audit-action-mileage-rate-set = Cyfradd filltiroedd wedi'i gosod
audit-action-expense-claimed = Treuliau wedi'u hawlio
audit-action-expense-approved = Treuliau wedi'u cymeradwyo
audit-action-expense-queried = Cwestiwn am dreuliau
audit-action-expense-resubmitted = Treuliau wedi'u cywiro a'u hanfon eto
