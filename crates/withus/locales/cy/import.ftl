## Mewnforio pobl o daenlen

import-link = Mewnforio pobl o daenlen
import-title = Mewnforio pobl o daenlen
import-intro = Os yw eich sefydliad eisoes yn cadw rhestr o aelodau panel mewn taenlen, gallwch eu hychwanegu i gyd ar unwaith.
import-intro-columns = Cadwch y daenlen fel ffeil CSV neu lyfr gwaith Excel (.xlsx). Rhaid i'r rhes gyntaf gynnwys pennawd ar gyfer pob colofn, gydag un rhes ar gyfer pob person oddi tani. Byddwch yn dewis pa golofn sy'n dal pa fanylyn ar y dudalen nesaf. Rhaid i'r daenlen gynnwys:
import-intro-name = colofn gydag enw pob person
import-intro-consent = colofn sy'n dweud ie ar gyfer pob person a gytunodd i fod ar y panel – dim ond pobl sydd wedi cytuno y dylech eu hychwanegu
import-intro-contact = ffordd o gysylltu â phob person: cyfeiriad e-bost, rhif ffôn, neu'r post neu eiriolwr fel y ffordd orau o gysylltu â nhw
import-intro-check = Does dim yn cael ei ychwanegu nes eich bod wedi gwirio adroddiad ar bob rhes a'i gadarnhau.
import-intro-kept = Dim ond nes i chi ei mewnforio y byddwn yn cadw'r ffeil. Os na fyddwch yn ei mewnforio o fewn 7 diwrnod, byddwn yn ei dileu.
import-no-panels = Nid oes gan y sefydliad hwn banel eto. Mae angen i weinyddwr y sefydliad ychwanegu panel cyn y gellir mewnforio pobl iddo.
import-field-panel = Pa banel y mae'r bobl hyn yn ymuno ag ef?
import-field-file = Llwytho'r daenlen i fyny
import-field-file-hint = Ffeil CSV (.csv) neu lyfr gwaith Excel (.xlsx), gyda hyd at { $max } o bobl. Dim ond dalen gyntaf llyfr gwaith sy'n cael ei darllen.
import-upload-button = Llwytho i fyny a pharhau
import-continue = parhau â'r mewnforio hwn

import-error-panel = Dewiswch y panel y mae'r bobl hyn yn ymuno ag ef
import-error-file-missing = Dewiswch ffeil taenlen i'w llwytho i fyny
import-error-file-type = Rhaid i'r ffeil a ddewiswyd fod yn ffeil CSV (.csv) neu'n llyfr gwaith Excel (.xlsx). Cadwch eich taenlen yn un o'r fformatau hyn a'i llwytho i fyny eto
import-error-file-old-excel = Mae'r ffeil a ddewiswyd yn fath hŷn neu wahanol o daenlen. Agorwch hi yn eich rhaglen daenlenni, cadwch hi fel llyfr gwaith Excel (.xlsx) neu fel CSV, a'i llwytho i fyny eto
import-error-file-empty = Mae'r ffeil a ddewiswyd yn wag. Llwythwch daenlen i fyny gyda rhes o benawdau ac un rhes ar gyfer pob person
import-error-file-encoding = Nid yw'r ffeil a ddewiswyd wedi'i chadw fel testun UTF-8. Yn eich rhaglen daenlenni, cadwch hi fel "CSV UTF-8" a'i llwytho i fyny eto
import-error-file-unreadable = Nid oedd modd darllen y ffeil a ddewiswyd. Os oes ganddi gyfrinair, tynnwch y cyfrinair. Cadwch hi eto fel llyfr gwaith Excel (.xlsx) neu fel CSV a'i llwytho i fyny eto
import-error-file-no-header = Mae rhes gyntaf y ffeil yn edrych fel person, nid penawdau. Ychwanegwch res gyntaf gyda phennawd ar gyfer pob colofn, fel Enw, E-bost a Chaniatâd, a'i llwytho i fyny eto
import-error-file-no-rows = Mae gan y ffeil res o benawdau ond dim pobl oddi tani. Ychwanegwch un rhes ar gyfer pob person a'i llwytho i fyny eto
import-error-file-too-many-rows = Mae gan y ffeil fwy na { $max } o bobl. Rhannwch hi'n ffeiliau llai a mewnforio pob un
import-error-file-control-character = Mae'r ffeil yn cynnwys nod rheoli cudd (fel nod null) na allwn ei gadw. Cadwch hi eto o'ch rhaglen taenlen, neu tynnwch y nod, a'i llwytho i fyny eto
import-error-file-too-many-columns = Mae gan y ffeil fwy na 100 o golofnau. Tynnwch y colofnau nad oes eu hangen arnoch a'i llwytho i fyny eto

import-status-uploaded = Colofnau heb eu dewis
import-status-mapped = Heb ei gadarnhau
import-status-imported = Wedi'i fewnforio
import-status-expired = Wedi'i dileu heb ei mewnforio

import-recent-title = Mewnforion diweddar
import-recent-none = Nid oes unrhyw daenlenni wedi'u mewnforio eto.
import-col-file = Ffeil
import-col-panel = Panel
import-col-when = Llwythwyd i fyny
import-col-by = Gan
import-col-status = Statws
import-col-added = Pobl a ychwanegwyd

## Dewis colofnau

import-columns-title = Paru'r colofnau
import-columns-intro = Mae gan y ffeil { $count ->
    [zero] { $count } rhesi
    [one] 1 rhes
    [two] 2 res
    [few] { $count } rhes
    [many] { $count } rhes
   *[other] { $count } o resi
} o bobl i'w hychwanegu at { $panel }.
import-columns-guessed = Rydym wedi dyfalu pa golofn sy'n dal pa fanylyn o'r penawdau. Gwiriwch bob un a newidiwch unrhyw rai sy'n anghywir. Dewiswch "Nid yw yn y daenlen" ar gyfer manylion nad ydynt yn y daenlen.
import-columns-button = Parhau
import-column-option = { $heading } (colofn { $letter })
import-column-option-no-heading = Colofn { $letter } (dim pennawd)
import-column-choose = Dewiswch golofn
import-column-none = Nid yw yn y daenlen
import-error-column-unknown = Dewiswch un o golofnau'r daenlen
import-error-column-twice = Mae'r golofn hon eisoes wedi'i dewis ar gyfer { $other }. Dewiswch golofn wahanol ar gyfer pob manylyn
import-error-column-name-missing = Dewiswch y golofn sy'n dal enw pob person
import-error-column-consent-missing = Dewiswch y golofn sy'n dweud a gytunodd pob person i fod ar y panel. Os nad oes colofn o'r fath yn y daenlen, ychwanegwch un sy'n dweud ie ar gyfer pob person a gytunodd

import-field-name = Enw
import-field-name-hint = Yr enw y mae'r person am gael ei alw.
import-field-email = Cyfeiriad e-bost
import-field-email-hint = Gadewch y gell yn wag ar gyfer pobl nad oes ganddynt e-bost.
import-field-phone = Rhif ffôn
import-field-phone-hint = Rhif ffôn symudol neu linell dir yn y DU, fel 07700 900123.
import-field-contact-method = Y ffordd orau o gysylltu â nhw
import-field-contact-method-hint = E-bost, neges destun, galwad ffôn, y post, neu drwy eu heiriolwr. Os yw'n wag, byddwn yn defnyddio e-bost, neu ffôn os nad oes e-bost.
import-field-language = Iaith
import-field-language-hint = Cymraeg neu Saesneg (English). Mae celloedd gwag yn golygu Saesneg.
import-field-region = Rhanbarth
import-field-region-hint = Rhanbarth yn Lloegr neu un o wledydd y DU, fel Gogledd-ddwyrain Lloegr neu Gymru.
import-field-local-authority = Awdurdod lleol
import-field-local-authority-hint = Ardal y cyngor lle maen nhw'n byw.
import-field-postal-address = Cyfeiriad post
import-field-postal-address-hint = Caiff ei gadw wedi'i amgryptio. Mae ei angen ar gyfer pobl sydd am gael eu cysylltu drwy'r post.
import-field-topics = Pynciau sy'n bwysig iddyn nhw
import-field-topics-hint = Wedi'u gwahanu gan atalnodau, fel Trafnidiaeth, Tai.
import-field-consent = Wedi cytuno i fod ar y panel
import-field-consent-hint = Rhaid iddi ddweud ie ar gyfer pob person a gytunodd. Nid yw rhesi nad ydynt yn dweud ie yn cael eu hychwanegu.

## Gwirio'r rhesi

import-check-title = Gwirio'r daenlen
import-check-panel = Panel
import-check-rows = Rhesi yn y ffeil
import-check-to-add = Pobl a fydd yn cael eu hychwanegu
import-check-problem-rows = Rhesi â phroblemau (heb eu hychwanegu)
import-check-existing = Eisoes ar y gofrestr (wedi'u hepgor)
import-problems-title = Problemau i'w cywiro
import-problems-intro = Ni fydd rhesi â phroblemau yn cael eu hychwanegu. Gallwch ychwanegu pawb arall nawr, yna cywiro'r rhesi hynny yn y daenlen a'u mewnforio yn nes ymlaen. Neu gywiro'r daenlen a'i llwytho i fyny eto cyn ychwanegu unrhyw un.
import-problems-summary-caption = Problemau yn ôl math
import-problems-caption = Pob problem, fesul rhes
import-col-problem = Problem
import-col-how-many = Rhesi
import-col-row = Rhes
import-col-column = Colofn
import-existing-title = Eisoes ar y gofrestr
import-existing-intro = Mae rhywun â'r un cyfeiriad e-bost neu rif ffôn eisoes ar y gofrestr, felly bydd y rhesi hyn yn cael eu hepgor. Nid gwall yw hyn.
import-existing-rows = Rhesi a hepgorwyd:
import-preview-title = Pobl a fydd yn cael eu hychwanegu
import-preview-caption = Y { $shown } cyntaf o'r { $count ->
    [zero] { $count } o bobl
    [one] 1 person
    [two] 2 berson
    [few] { $count } pherson
    [many] { $count } pherson
   *[other] { $count } o bobl
} a fydd yn cael eu hychwanegu
import-confirm-legend = Cadarnhau'r mewnforio
import-confirm-hint = Yn ôl y gyfraith, rhaid i chi gael cytundeb pob person i gadw eu manylion. Bydd y daenlen yn cael ei chofnodi fel cofnod papur eich sefydliad o'u cytundeb.
import-confirm-label = Rwy'n cadarnhau bod pob un o'r bobl hyn wedi cytuno i fod ar { $panel }, a bod ein taenlen yn cofnodi eu cytundeb
import-confirm-button = { $count ->
    [zero] Ychwanegu { $count } o bobl
    [one] Ychwanegu 1 person
    [two] Ychwanegu 2 berson
    [few] Ychwanegu { $count } pherson
    [many] Ychwanegu { $count } pherson
   *[other] Ychwanegu { $count } o bobl
}
import-start-again = Llwytho ffeil wahanol i fyny
import-nothing-to-add = Nid oes modd ychwanegu unrhyw un yn y ffeil hon. Cywirwch y problemau yn y daenlen, yna ei llwytho i fyny eto.
import-error-confirm = Cadarnhewch fod y bobl hyn wedi cytuno i fod ar y panel
import-error-changed = Mae'r gofrestr wedi newid ers i'r adroddiad hwn gael ei wneud, felly mae nifer y bobl i'w hychwanegu yn wahanol. Gwiriwch yr adroddiad eto, yna cadarnhewch
import-error-failed = Aeth rhywbeth o'i le, felly ni chafodd neb o'r daenlen hon ei ychwanegu. Rhowch gynnig arall arni. Os yw'n digwydd eto, cysylltwch â gweinyddwr eich safle
import-flash-completed = Mae'r bobl o'r daenlen wedi'u hychwanegu at y panel.
import-flash-already-imported = Mae'r daenlen hon eisoes wedi'i mewnforio. Ni chafodd neb ei ychwanegu ddwywaith.
import-flash-expired = Cafodd y ffeil hon ei dileu am na chafodd ei mewnforio o fewn 7 diwrnod. Llwythwch y daenlen i fyny eto i'w mewnforio.

import-kind-name-missing = Enw ar goll
import-kind-name-too-long = Enw yn rhy hir
import-kind-email = Cyfeiriad e-bost ddim yn ddilys
import-kind-phone = Rhif ffôn ddim yn ddilys
import-kind-phone-lost-zero = Rhif ffôn wedi colli’r 0 cyntaf
import-kind-contact-method = Ffordd o gysylltu heb ei hadnabod
import-kind-needs-email = Cysylltu drwy e-bost, ond dim cyfeiriad e-bost
import-kind-needs-phone = Cysylltu dros y ffôn neu neges destun, ond dim rhif ffôn
import-kind-needs-address = Cysylltu drwy'r post, ond dim cyfeiriad post
import-kind-no-contact = Dim ffordd o gysylltu â nhw
import-kind-language = Iaith heb ei hadnabod
import-kind-region = Rhanbarth heb ei adnabod
import-kind-topic = Pwnc heb ei adnabod
import-kind-too-long = Rhy hir
import-kind-consent-missing = Cytundeb heb ei gofnodi
import-kind-consent-not-yes = Heb ddweud ie i ymuno
import-kind-duplicate = Yr un person ddwywaith yn y ffeil

import-problem-name-missing = Mae'r enw ar goll. Ychwanegwch enw'r person, neu dilëwch y rhes os nad yw'n berson.
import-problem-name-too-long = Mae'r enw yn hirach na { $number } nod. Byrhewch ef yn y daenlen.
import-problem-email = Nid yw '{ $value }' yn gyfeiriad e-bost. Cywirwch ef yn y daenlen, neu gadewch y gell yn wag os nad oes gan y person e-bost.
import-problem-phone = Nid yw '{ $value }' yn rhif ffôn. Defnyddiwch rif fel 07700 900123, neu gadewch y gell yn wag os nad oes gan y person ffôn.
import-problem-phone-lost-zero = Mae '{ $value }' yn edrych fel rhif ffôn sydd wedi colli ei 0 cyntaf, sy'n digwydd pan fydd taenlen yn ei gadw fel rhif. Fformatiwch y golofn ffôn fel testun a rhowch y 0 yn ôl, er enghraifft 07700 900123.
import-problem-contact-method = Nid yw '{ $value }' yn ffordd o gysylltu â phobl yr ydym yn ei hadnabod. Defnyddiwch un o'r rhain: { $accepted }. Neu gadewch y gell yn wag.
import-problem-needs-email = E-bost yw'r ffordd orau o gysylltu â nhw, ond nid oes cyfeiriad e-bost. Ychwanegwch eu cyfeiriad e-bost, neu dewiswch ffordd arall o gysylltu â nhw.
import-problem-needs-phone = Ffôn neu neges destun yw'r ffordd orau o gysylltu â nhw, ond nid oes rhif ffôn. Ychwanegwch eu rhif ffôn, neu dewiswch ffordd arall o gysylltu â nhw.
import-problem-needs-address = Y post yw'r ffordd orau o gysylltu â nhw, ond nid oes cyfeiriad post. Ychwanegwch eu cyfeiriad, neu dewiswch ffordd arall o gysylltu â nhw.
import-problem-no-contact = Nid oes ffordd o gysylltu â'r person hwn. Ychwanegwch gyfeiriad e-bost neu rif ffôn, neu rhowch y post neu eiriolwr fel y ffordd o gysylltu â nhw.
import-problem-language = Nid yw '{ $value }' yn iaith yr ydym yn ei chynnig. Defnyddiwch Gymraeg neu Saesneg (English), neu gadewch y gell yn wag ar gyfer Saesneg.
import-problem-region = Nid yw '{ $value }' yn rhanbarth yr ydym yn ei adnabod. Defnyddiwch un o'r rhain: { $accepted }. Neu gadewch y gell yn wag.
import-problem-topic = Mae '{ $value }' yn cynnwys pwnc nad ydym yn ei adnabod. Defnyddiwch y rhain, wedi'u gwahanu gan atalnodau: { $accepted }. Neu gadewch y gell yn wag.
import-problem-too-long = Mae hwn yn hirach na { $number } nod. Byrhewch ef yn y daenlen.
import-problem-consent-missing = Mae'r gell yn wag, felly ni allwn ddweud a gytunodd y person hwn i fod ar y panel. Rhowch ie os gwnaethant gytuno. Os nad ydynt wedi cytuno, peidiwch â'u hychwanegu.
import-problem-consent-not-yes = Mae'r gell yn dweud '{ $value }', nid ie. Dim ond pobl a gytunodd i fod ar y panel y gellir eu hychwanegu. Rhowch ie os gwnaethant gytuno, neu dilëwch y rhes.
import-problem-duplicate = Mae gan y rhes hon yr un cyfeiriad e-bost neu rif ffôn â rhes { $number }, felly dim ond rhes { $number } fydd yn cael ei hychwanegu. Dilëwch un o'r rhesi, neu cywirwch y manylion.

audit-action-import-uploaded = Taenlen wedi'i llwytho i fyny i'w mewnforio
audit-action-import-mapped = Colofnau'r daenlen wedi'u dewis
audit-action-import-completed = Pobl wedi'u mewnforio o daenlen
audit-action-import-expired = Mewnforio heb ei gadarnhau wedi'i ddileu ar ôl 7 diwrnod

# An import added a chunk at a time.
import-status-importing = Yn mewnforio
notice-import-in-progress = Mae'r daenlen hon yn cael ei mewnforio. Mae pobl yn cael eu hychwanegu ychydig gannoedd ar y tro; mae'r rhestr isod yn dangos pryd y bydd wedi gorffen.
notice-import-interrupted = Daeth y mewnforio i ben hanner ffordd. Bydd yn parhau ar ei ben ei hun o fewn yr awr, ac ni fydd neb yn cael ei ychwanegu ddwywaith.
