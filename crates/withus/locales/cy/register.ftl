## Cofrestr y panel: geirfa gyffredin

or = neu
prefer-not-to-say = Mae'n well gennyf beidio â dweud

membership-status-invited = Wedi'i wahodd
membership-status-active = Gweithredol
membership-status-paused = Wedi oedi
membership-status-left = Wedi gadael

entry-route-self-joined = Ymunodd ar-lein
entry-route-assisted = Ychwanegwyd gan staff ar ei ran
entry-route-imported = Mewnforiwyd o daenlen

channel-online = Ar-lein
channel-in-person = Wyneb yn wyneb
channel-phone = Dros y ffôn
channel-paper = Ar bapur
channel-email = Drwy e-bost

consent-kind-panel = I fod ar y panel a chael fy nghysylltu
consent-kind-special-category = I gadw gwybodaeth sensitif amdanaf
consent-kind-share = I rannu manylion â sefydliad partner

data-category-access-needs = Fy anghenion mynediad
data-category-health = Fy iechyd a'm hanabledd
data-category-ethnicity = Fy ngrŵp ethnig
data-category-sexual-orientation = Fy nghyfeiriadedd rhywiol
data-category-identity = Fy oed, rhyw, rhywedd, rôl ofalu, gwaith ac ieithoedd

share-scope-contact = Fy enw a'm manylion cyswllt
share-scope-access-needs = Fy anghenion mynediad
share-scope-monitoring = Fy atebion am bwy ydw i

contact-method-email = E-bost
contact-method-sms = Neges destun
contact-method-phone = Galwad ffôn
contact-method-post = Post
contact-method-advocate = Drwy fy eiriolwr neu gefnogwr

format-easy-read = Hawdd ei Ddeall
format-large-print = Print bras
format-braille = Braille
format-audio = Sain
format-bsl-video = Fideo Iaith Arwyddion Prydain (BSL)
format-plain-text-email = E-bost testun plaen

payment-choice-cash = Arian wedi'i dalu i mi
payment-choice-voucher = Talebau
payment-choice-reduced = Swm llai, i ddiogelu fy mudd-daliadau
payment-choice-nothing = Nid wyf eisiau cael fy nhalu
payment-choice-to-organisation = Wedi'i dalu i sefydliad o'm dewis

topic-transport = Trafnidiaeth
topic-housing = Tai
topic-health-services = Gwasanaethau iechyd
topic-social-care = Gofal cymdeithasol
topic-mental-health = Iechyd meddwl
topic-employment = Gwaith a chyflogaeth
topic-benefits = Budd-daliadau
topic-education = Addysg
topic-digital = Gwasanaethau digidol
topic-built-environment = Strydoedd, adeiladau a mannau cyhoeddus
topic-leisure = Hamdden, chwaraeon a diwylliant
topic-children-and-families = Plant a theuluoedd

region-TLC = Gogledd-ddwyrain Lloegr
region-TLD = Gogledd-orllewin Lloegr
region-TLE = Swydd Efrog a'r Humber
region-TLF = Dwyrain Canolbarth Lloegr
region-TLG = Gorllewin Canolbarth Lloegr
region-TLH = Dwyrain Lloegr
region-TLI = Llundain
region-TLJ = De-ddwyrain Lloegr
region-TLK = De-orllewin Lloegr
region-TLL = Cymru
region-TLM = Yr Alban
region-TLN = Gogledd Iwerddon

need-group-communication = Cyfathrebu
need-group-physical = Mynd i mewn a symud o gwmpas
need-group-sensory = Anghenion synhwyraidd a niwroamrywiol
need-group-support = Cymorth
need-group-digital = Ar-lein a digidol
need-group-timing = Amseru a seibiannau

access-need-bsl-interpreter = Dehonglydd Iaith Arwyddion Prydain (BSL)
access-need-sign-supported-english = Saesneg â Chymorth Arwyddion
access-need-lipspeaker = Siaradwr gwefusau
access-need-speech-to-text = Gohebydd lleferydd-i-destun (palanteipydd)
access-need-deafblind-interpreter = Dehonglydd pobl fyddarddall
access-need-hearing-loop = Dolen sain
access-need-live-captions = Capsiynau byw
access-need-easy-read = Papurau Hawdd eu Deall
access-need-large-print = Papurau print bras
access-need-braille = Papurau Braille
access-need-papers-in-advance = Papurau wedi'u hanfon ymlaen llaw
access-need-extra-time = Amser ychwanegol i siarad neu ddarllen
access-need-step-free = Mynediad heb risiau
access-need-accessible-toilet = Toiled hygyrch
access-need-accessible-parking = Parcio hygyrch
access-need-wheelchair-space = Lle i gadair olwyn
access-need-quiet-room = Ystafell dawel
access-need-adjustable-lighting = Goleuadau y gellir eu newid
access-need-no-strong-scents = Dim arogleuon cryf
access-need-camera-optional = Cadw fy nghamera i ffwrdd ar-lein
access-need-personal-assistant = Mae fy nghynorthwyydd personol (PA) neu gydymaith yn dod gyda mi
access-need-advocate = Eiriolwr
access-need-spoken-language-interpreter = Dehonglydd iaith lafar
access-need-screen-reader = Dogfennau sy'n gweithio gyda fy narllenydd sgrin
access-need-phone-dial-in = Ymuno â chyfarfodydd ar-lein dros y ffôn
access-need-rest-breaks = Seibiannau rheolaidd
access-need-time-of-day = Cyfarfodydd ar adegau penodol o'r dydd
access-need-shorter-sessions = Sesiynau byrrach

organisation-register = Cofrestr y panel
home-your-data-link = Eich data: beth sydd gennym amdanoch
home-join-link = Ymuno â phanel o bobl anabl

## Paneli

panels-public-title = Paneli y gallwch ymuno â nhw
panels-public-intro = Grŵp o bobl anabl y mae sefydliad yn gofyn iddynt am gyngor, ac yn gweithio gyda nhw i gynllunio gwasanaethau, yw panel. Mae bod ar banel yn golygu y gallech gael eich gwahodd i gymryd rhan. Chi sy'n dewis beth rydych yn ei wneud.
panels-public-none = Nid oes paneli ar agor i ymuno â nhw ar hyn o bryd.
panel-what-it-means = Beth mae bod ar y panel yn ei olygu
panel-means-invited = Byddwn yn eich gwahodd i gymryd rhan mewn pethau sy'n cyd-fynd â'r hyn sy'n bwysig i chi. Gallwch ddweud na unrhyw bryd.
panel-means-paid = Rydym yn talu pobl am eu hamser a'u treuliau, mewn ffordd nad yw'n niweidio budd-daliadau.
panel-means-access = Rydym yn gofyn am eich anghenion mynediad ac yn eu trefnu cyn i chi ddod.
panel-means-leave = Gallwch oedi, gadael, neu ofyn i ni ddileu'r hyn sydd gennym amdanoch unrhyw bryd.
panel-partners-heading = Gyda phwy rydym yn gweithio
panel-partners-intro = Rydym yn gweithio gyda'r sefydliadau hyn. Dim ond os dywedwch y gallwn y byddwn yn rhannu eich manylion â nhw.
panel-join-start = Ymuno â'r panel hwn
panel-join-other-ways = Gallwch hefyd ymuno dros y ffôn, drwy'r post, neu gyda rhywun o'r sefydliad yn eich helpu.
panels-title = Paneli
panels-none = Nid oes gan y sefydliad hwn unrhyw baneli eto.
panels-col-name = Panel
panels-col-sign-up = Ymuno
panels-public-page = Tudalen gyhoeddus
panels-by-invitation = Drwy wahoddiad
panels-new-button = Ychwanegu panel
people-add-button = Ychwanegu person
panel-new-title = Ychwanegu panel
field-panel-name = Enw'r panel
field-panel-name-hint = Er enghraifft, Panel Pobl Anabl Northtown Fwyaf
field-panel-description = Beth yw pwrpas y panel
field-panel-description-hint = Cymraeg clir, fel y gall pobl benderfynu a ydynt am ymuno.
field-panel-open = A all pobl ymuno â'r panel hwn eu hunain ar-lein?
panel-open-yes = Gallant, dangos tudalen gyhoeddus lle gall pobl ymuno
panel-open-no = Na allant, dim ond staff all ychwanegu pobl
field-panel-partners = Sefydliadau partner
field-panel-partners-hint = Dim ond os yw person yn cytuno i rannu manylion â nhw wrth eu henw y mae staff sefydliadau partner yn gweld y person hwnnw.
panel-new-button = Ychwanegu panel
panel-error-name-empty = Rhowch enw'r panel
panel-error-name-too-long = Rhaid i'r enw fod yn 120 nod neu lai
panel-error-name-taken = Mae gan y sefydliad hwn banel gyda'r enw hwnnw eisoes. Dewiswch enw gwahanol
panel-error-description-too-long = Rhaid i'r disgrifiad fod yn 2,000 nod neu lai
flash-panel-created = Mae'r panel wedi'i ychwanegu.

## Ffurflenni am berson

continue = Parhau
important = Pwysig
select-all-that-apply = Dewiswch bob un sy'n berthnasol.
detail-error-too-long = Rhaid i'r ateb hwn fod yn 1,000 nod neu lai. Byrhewch ef, neu dywedwch y gweddill wrthym mewn sgwrs
editing-for = Newid cofnod
editing-on-behalf = Rydych yn newid hyn ar ran y person. Mae'r cofnod archwilio yn cofnodi mai chi wnaeth hynny, a sut y dywedon nhw wrthych.
consent-channel-legend = Sut y cytunodd y person?
consent-channel-hint = Dim ond ei angen pan fydd y person yn cytuno i rywbeth newydd.
consent-error-channel = Dewiswch sut y cytunodd y person: dros y ffôn, wyneb yn wyneb, ar bapur neu drwy e-bost
consent-withdraw = Tynnu'r caniatâd hwn yn ôl
consent-withdraw-channel = Sut y dywedodd y person wrthych?
consent-withdraw-for = Tynnu'r caniatâd hwn yn ôl ar eu rhan

details-title = Enw a manylion cyswllt
details-name = Enw llawn
details-name-hint = Yr enw y mae'r person am i ni ei ddefnyddio.
details-method = Sut ddylen ni gysylltu â chi?
details-method-hint = Dim ond y manylion ar gyfer y ffordd a ddewiswch y mae angen i chi eu rhoi.
details-email = Cyfeiriad e-bost
details-phone = Rhif ffôn
details-phone-hint = Ar gyfer neges destun neu alwad ffôn. Er enghraifft, 07700 900 982.
details-address = Cyfeiriad post
details-optional = Dewisol, oni bai eich bod wedi dewis y ffordd hon o gysylltu.
details-advocate-name = Enw eich eiriolwr neu gefnogwr
details-advocate-hint = Rhywun sy'n eich helpu ac y gellir cysylltu ag ef ar eich rhan.
details-advocate-contact = Sut i gysylltu â'ch eiriolwr neu gefnogwr
details-advocate-contact-hint = Eu rhif ffôn, cyfeiriad e-bost neu gyfeiriad post.
details-language = Pa iaith hoffech chi i ni ei defnyddio?
details-region = Gwlad neu ranbarth
details-region-none = Heb ei roi
details-local-authority = Ardal y cyngor lleol
details-local-authority-hint = Dewisol. Er enghraifft, Bwrdeistref Northtown.
details-error-name-empty = Rhowch enw
details-error-name-too-long = Rhaid i'r enw fod yn 200 nod neu lai
details-error-method = Dewiswch sut y dylen ni gysylltu â chi
details-error-email-needed = Rhowch gyfeiriad e-bost, neu dewiswch ffordd arall o gysylltu
details-error-phone-needed = Rhowch rif ffôn, neu dewiswch ffordd arall o gysylltu
details-error-phone-format = Rhowch rif ffôn gyda 10 i 15 digid, fel 07700 900 982 neu +44 1632 960 001
details-error-address-needed = Rhowch gyfeiriad post, neu dewiswch ffordd arall o gysylltu
details-error-address-too-long = Rhaid i'r cyfeiriad fod yn 500 nod neu lai
details-error-advocate-needed = Rhowch enw eich eiriolwr neu gefnogwr a sut i gysylltu â nhw, neu dewiswch ffordd arall o gysylltu
details-error-advocate-name-too-long = Rhaid i enw eich eiriolwr neu gefnogwr fod yn 200 nod neu lai
details-error-advocate-contact-too-long = Rhaid i sut i gysylltu â'ch eiriolwr neu gefnogwr fod yn 300 nod neu lai
details-error-local-authority-too-long = Rhaid i'r awdurdod lleol fod yn 100 nod neu lai
details-error-region = Dewiswch wlad neu ranbarth o'r rhestr

access-needs-title = Anghenion mynediad
access-needs-intro = Dywedwch wrthym beth sy'n eich helpu i gymryd rhan. Rydym yn defnyddio hyn i drefnu pethau cyn pob cyfarfod neu ddigwyddiad, fel nad oes rhaid i chi ofyn bob tro.
access-needs-who-sees = Dim ond chi a'r hwyluswyr sy'n trefnu cyfarfodydd all weld hyn. Dim ond yr addasiadau sydd eu hangen ar ddigwyddiad y mae trefnwyr y digwyddiad hwnnw yn eu gweld.
access-needs-consent-legend = A gawn ni gadw cofnod o'ch anghenion mynediad?
access-needs-consent-hint = Mae angen eich cytundeb arnom i gadw hyn, oherwydd gall ddweud rhywbeth am eich iechyd. Gallwch ei dynnu'n ôl unrhyw bryd, a byddwn yn dileu eich anghenion mynediad ar unwaith.
access-needs-consent-statement = Cewch, gallwch gadw cofnod o fy anghenion mynediad i drefnu cymorth i mi
access-needs-detail-label = Unrhyw beth arall am yr anghenion hyn (dewisol)
access-needs-other-label = Unrhyw beth arall sy'n eich helpu i gymryd rhan
access-needs-other-hint = Yn eich geiriau eich hun. Er enghraifft, "Mae angen i mi eistedd wrth y drws" neu "siaradwch yn araf os gwelwch yn dda".
access-needs-conversation-legend = Siarad amdano
access-needs-conversation = Byddai'n well gennyf egluro fy anghenion mewn sgwrs un-i-un
access-needs-conversation-hint = Bydd hwylusydd yn cysylltu â chi yn y ffordd sydd orau gennych.
access-needs-error-consent = Ticiwch y blwch i gytuno y gallwn gadw eich anghenion mynediad, neu cliriwch eich atebion
access-needs-error-other-too-long = Rhaid i'r ateb hwn fod yn 2,000 nod neu lai. Byrhewch ef, neu gofynnwch am sgwrs yn lle hynny
access-review-due = Mae mwy na blwyddyn ers i'ch anghenion mynediad gael eu gwirio ddiwethaf. Ydyn nhw'n dal yn gywir?
access-review-link = Gwiriwch eich anghenion mynediad
access-review-due-staff = Mae mwy na blwyddyn ers i anghenion mynediad y person hwn gael eu gwirio ddiwethaf. Gofynnwch iddynt a ydynt yn dal yn gywir.

about-you-title = Amdanoch chi
about-you-intro = Mae pob cwestiwn yn ddewisol, ac mae gan bob un "Mae'n well gennyf beidio â dweud".
about-you-why = Rydym yn defnyddio eich atebion, wedi'u hadio at atebion pawb arall, i weld pwy sydd ar goll o'r panel ac i'w gwahodd. Nid oes neb yn cael ei ddewis na'i adael allan oherwydd un ateb, ac ni ddangosir byth gyfrifon llai na 10.
about-you-consent-legend = A gawn ni gadw eich atebion yn yr adran hon?
about-you-consent-hint = Mae hon yn wybodaeth sensitif, felly mae angen eich cytundeb arnom ar gyfer pob adran. Gallwch ei dynnu'n ôl unrhyw bryd, a byddwn yn dileu'r atebion hyn ar unwaith.
about-you-consent-statement = Cewch, gallwch gadw fy atebion yn yr adran hon
about-you-error-consent = Ticiwch y blwch i gytuno y gallwn gadw eich atebion yn yr adran hon, neu cliriwch yr atebion
about-you-error-unknown-answer = Dewiswch un o'r atebion yn y rhestr
about-you-error-one-answer = Dewiswch un ateb yn unig, neu "Mae'n well gennyf beidio â dweud" yn unig

preferences-title = Dewisiadau
preferences-formats = Ym mha fformatau hoffech chi gael gwybodaeth?
preferences-large-print-size = Maint print bras mewn pwyntiau (dewisol)
preferences-large-print-size-hint = Rhif o 16 i 48. Er enghraifft, 18.
preferences-size-value = Print bras { $size } pwynt
preferences-times = Pryd y gallwch gymryd rhan
preferences-available = Amseroedd sy'n addas i chi
preferences-available-hint = Er enghraifft, "boreau yn ystod yr wythnos" neu "ar ôl 4pm".
preferences-unavailable = Amseroedd na allwch gymryd rhan
preferences-topics = Beth sy'n bwysig i chi?
preferences-payment = Sut hoffech chi gael eich talu am eich amser?
preferences-payment-hint = Gallwch newid hyn ar gyfer pob gweithgaredd.
preferences-payment-organisation = Sefydliad i'w dalu
preferences-payment-organisation-hint = Dim ond os dewisoch i'ch taliad gael ei wneud i sefydliad.
preferences-benefits = Ydych chi'n cael budd-daliadau?
preferences-benefits-hint = Gall rhai taliadau effeithio ar fudd-daliadau. Rydym yn gofyn er mwyn i ni allu eich talu mewn ffordd nad yw'n gwneud hynny. Nid oes rhaid i chi ddweud pa fudd-daliadau.
preferences-benefits-yes = Ydw
preferences-benefits-no = Nac ydw
preferences-benefits-detail = Pa fudd-daliadau (dewisol)
preferences-benefits-detail-hint = Dim ond os ydych am ddweud wrthym.
preferences-error-size = Rhowch faint print bras o 16 i 48, neu gadewch ef yn wag
preferences-error-payment-organisation = Rhowch enw'r sefydliad i'w dalu, neu dewiswch ffordd arall o gael eich talu

## Cofnod person

record-none = Heb ei roi
record-not-told = Dim wedi'i gofnodi eto
record-nothing-yet = Dim byd yma eto.
record-yes = Ydy
record-no = Nac ydy
record-panels = Paneli
record-joined = ymunodd
record-invited-on = gwahoddwyd
record-consents = Yr hyn rydych wedi cytuno iddo
record-given = Rhoddwyd
record-withdrawn = Tynnwyd yn ôl
record-involvement = Adegau y cymeroch ran
record-csv-section = Adran
record-csv-item = Eitem
record-csv-value = Gwerth

your-data-title = Eich data
your-data-intro = Dyma bopeth sydd gennym amdanoch. Gallwch ei gywiro, ei lawrlwytho, tynnu'n ôl yr hyn y cytunoch iddo, neu ofyn i ni ei ddileu.
your-data-download-json = Lawrlwytho eich data (JSON, ar gyfer systemau cyfrifiadurol eraill)
your-data-download-csv = Lawrlwytho eich data (CSV, yn agor mewn taenlen)
your-data-share-link = Rhannu â sefydliad partner
your-data-erasure-heading = Dileu eich data
your-data-erasure-intro = Gallwch ofyn i ni ddileu popeth sydd gennym amdanoch. Byddwn yn gwneud hynny o fewn mis.
your-data-erasure-button = Gofyn i ni ddileu eich data
your-data-not-on-panel = Nid ydych ar banel eto, felly nid oes gennym ddim amdanoch ar wahân i'ch cyfrif.
panel-pause = Oedi am y tro
panel-resume = Dechrau eto
panel-leave = Gadael y panel hwn
panel-invited-intro = Rydych wedi cael gwahoddiad i ymuno â'r panel hwn. Os byddwch yn ymuno, efallai y bydd y sefydliad yn cysylltu â chi am gymryd rhan. Gallwch oedi neu adael ar unrhyw adeg.
panel-accept = Ymuno â'r panel hwn
panel-decline = Dim diolch

sharing-title = Rhannu eich manylion â sefydliad partner
sharing-intro = Mae sefydliadau partner yn gweithio gyda'r panel. Nid ydynt yn gweld dim amdanoch oni bai eich bod yn dewis ei rannu â nhw yma. Gallwch roi'r gorau i rannu unrhyw bryd.
sharing-no-partners = Nid oes gan y paneli rydych arnynt unrhyw sefydliadau partner.
sharing-partner = Pa sefydliad?
sharing-scopes = Beth allan nhw ei weld?
sharing-button = Rhannu
sharing-error-partner = Dewiswch y sefydliad i rannu ag ef
sharing-error-scopes = Dewiswch beth y gall y sefydliad ei weld

erasure-title = Gofyn i ni ddileu eich data
erasure-what-happens = Os gofynnwch i ni ddileu eich data:
erasure-removed = rydym yn dileu eich enw, eich manylion cyswllt, eich anghenion mynediad, eich atebion amdanoch a'ch dewisiadau, ac rydych yn gadael pob panel
erasure-kept = rydym yn cadw cofnodion o daliadau a wnaed i chi, oherwydd bod y gyfraith yn dweud bod rhaid i ni, a chyfrifon nad ydynt yn eich adnabod
erasure-deadline = byddwn yn gwneud hynny o fewn mis, ac yn dweud wrthych pan fydd wedi'i wneud
erasure-confirm-legend = Cadarnhau
erasure-confirm = Rwyf am i chi ddileu fy nata
erasure-button = Gofyn i fy nata gael ei ddileu
erasure-error-confirm = Ticiwch y blwch i gadarnhau eich bod am i ni ddileu eich data

## Staff: pobl

person-new-title = Ychwanegu person at banel
person-new-intro = Defnyddiwch hwn pan fydd rhywun yn ymuno dros y ffôn, wyneb yn wyneb neu ar bapur. Nid oes angen cyfeiriad e-bost arnynt.
person-new-no-panels = Ychwanegwch banel yn gyntaf.
person-new-panel = Pa banel?
person-new-consent-heading = Eu cytundeb
person-new-consent-read = Darllenwch hwn i'r person: "Byddwn yn cadw eich enw a'ch manylion cyswllt er mwyn i ni allu eich gwahodd i gymryd rhan. Ni fyddwn yn eu rhannu heb ofyn i chi. Gallwch adael, neu ofyn i ni ddileu eich manylion, unrhyw bryd."
person-new-consent-legend = Cytundeb i fod ar y panel
person-new-consent = Cytunodd y person i fod ar y panel ac i gael ei gysylltu
person-new-error-panel = Dewiswch y panel i ychwanegu'r person ato
person-new-error-consent = Ticiwch y blwch i gadarnhau bod y person wedi cytuno. Ni allwn ychwanegu rhywun heb eu cytundeb
person-new-error-duplicate = Mae gan rywun ar y gofrestr y cyfeiriad e-bost neu'r rhif ffôn hwn eisoes. Chwiliwch amdanynt yn lle eu hychwanegu eto
person-new-button = Ychwanegu person
person-download = Lawrlwytho eu cofnod llawn (ar gyfer cais am fynediad at ddata)
person-record-sharing = Cofnodi cytundeb i rannu â phartner
person-status-panel = Panel
person-status-new = Statws newydd
person-status-button = Newid statws
person-status-hint = Dewiswch "Gweithredol" ar gyfer rhywun a wahoddwyd dim ond os ydynt wedi dweud wrthych eu bod am ymuno: mae'n cofnodi eu caniatâd i fod ar y panel.
person-status-channel = Sut wnaethon nhw ddweud wrthych chi?
person-invite-title = Eu gwahodd i banel arall
person-invite-panel = Panel
person-invite-hint = Byddant yn gweld y gwahoddiad ar eu tudalen Eich data, a gallant ymuno neu ddweud na. Dywedwch wrthynt amdano yn y ffordd y maent yn dewis i ni gysylltu â nhw.
person-invite-button = Gwahodd

follow-ups-title = Pethau i'w dilyn
follow-ups-none = Nid oes dim i'w ddilyn.
follow-ups-since = ers
follow-ups-done = Marcio fel wedi'i wneud
follow-up-access-conversation = Byddai'n well ganddynt egluro eu hanghenion mynediad mewn sgwrs un-i-un

## Ceisiadau diogelu data

requests-title = Ceisiadau data
requests-intro = Rhaid ateb ceisiadau i weld, cywiro neu ddileu data personol o fewn mis i'w derbyn.
requests-open = Ceisiadau agored
requests-done = Ceisiadau wedi'u cwblhau
requests-none-open = Nid oes ceisiadau agored.
requests-none-done = Nid oes unrhyw geisiadau wedi'u cwblhau eto.
requests-col-person = Person
requests-col-kind = Cais
requests-col-action = Cam gweithredu
requests-overdue = Hwyr
requests-complete = Marcio fel wedi'i wneud
requests-erase = Dileu eu data
requests-erased-person = Person y dilëwyd ei ddata
requests-completed-on = cwblhawyd
request-new-title = Cofnodi cais am ddata
request-kind = Am beth y gofynnon nhw?
request-channel = Sut y cyrhaeddodd y cais?
request-received = Derbyniwyd
request-received-hint = Er enghraifft, 27 3 2026.
request-due = i'w ateb erbyn
request-notes = Nodiadau (dewisol)
request-notes-hint = Peidiwch ag ysgrifennu gwybodaeth iechyd neu wybodaeth sensitif arall yma.
request-new-button = Cofnodi cais
request-error-kind = Dewiswch am beth y gofynnodd y person
request-error-channel = Dewiswch sut y cyrhaeddodd y cais
request-error-received = Rhowch y dyddiad y cyrhaeddodd y cais, fel dyddiad go iawn nad yw yn y dyfodol
request-kind-access = Copi o'u data (mynediad at ddata)
request-kind-erasure = Dileu eu data (dileu)
request-kind-correction = Cywiro eu data
request-status-open = Agored
request-status-completed = Wedi'i gwblhau
date-day = Diwrnod
date-month = Mis
date-year = Blwyddyn

## Ymuno â phanel

join-name-question = Beth yw eich enw?
join-name-hint = Yr enw rydych am i ni ei ddefnyddio.
join-contact-question = Sut ddylen ni gysylltu â chi?
join-contact-intro = Nid oes angen cyfeiriad e-bost arnoch. Gallwn ffonio, anfon neges destun, ysgrifennu atoch, neu gysylltu â rhywun sy'n eich cefnogi.
join-email-hint = Os rhowch gyfeiriad e-bost byddwn yn anfon dolen atoch i weld a newid eich manylion.
join-consent-question = Ydych chi'n cytuno i fod ar y panel?
join-consent-what = Os ydych yn cytuno:
join-consent-keep = rydym yn cadw eich enw a sut i gysylltu â chi
join-consent-contact = rydym yn cysylltu â chi am bethau y gallech fod eisiau cymryd rhan ynddynt
join-consent-not-share = nid ydym yn rhannu eich manylion ag unrhyw un oni bai eich bod yn dweud y cawn
join-consent-withdraw = gallwch adael, neu ofyn i ni ddileu eich manylion, unrhyw bryd
join-consent-legend = Eich cytundeb
join-consent-statement = Rwy'n cytuno y gall { $organisation } gadw fy manylion a chysylltu â mi am y panel
join-error-consent = Ticiwch y blwch i gytuno i fod ar y panel. Ni allwn eich ychwanegu heb eich cytundeb
join-sensitive-question = A gawn ni gadw unrhyw ran o'r wybodaeth hon amdanoch?
join-sensitive-hint = Rydym yn gofyn am y rhain yn nes ymlaen, a dim ond os ydych yn cytuno nawr. Bydd gan bob cwestiwn "Mae'n well gennyf beidio â dweud". Gallwch newid eich meddwl unrhyw bryd.
join-sensitive-none = Na, peidiwch â chadw dim o hyn
join-error-sensitive = Dewiswch beth allwn ni ei gadw, neu dewiswch "Na, peidiwch â chadw dim o hyn"
join-sharing-question = A gawn ni rannu eich enw a'ch manylion cyswllt â'n partneriaid?
join-sharing-hint = Dim ond os dywedwch ie y mae partneriaid yn eich gweld. Gallwch roi'r gorau i rannu unrhyw bryd.
join-sharing-none = Na, peidiwch â rhannu fy manylion
join-error-sharing = Dewiswch y partneriaid y gallwn rannu â nhw, neu dewiswch "Na, peidiwch â rhannu fy manylion"
join-check-title = Gwiriwch eich atebion
join-check-send-heading = Nawr ymunwch â'r panel
join-check-send-body = Drwy ymuno rydych yn cytuno i'r hyn a ddewisoch uchod. Rydym yn cofnodi pryd a sut y cytunoch.
join-check-button = Ymuno â'r panel
join-done-title = Rydych wedi ymuno â'r panel
join-done-next = Beth sy'n digwydd nesaf
join-done-signed-in = Gallwch ddweud wrthym am eich anghenion mynediad ac amdanoch eich hun nawr, neu yn nes ymlaen.
join-done-access-link = Dywedwch wrthym am eich anghenion mynediad
join-done-about-link = Dywedwch wrthym amdanoch eich hun (dewisol)
join-done-emailed = Rydym wedi anfon e-bost atoch gyda dolen i ddewis cyfrinair. Yna gallwch weld eich manylion, a dweud wrthym am eich anghenion mynediad.
join-done-contact = Bydd rhywun o'r sefydliad yn cysylltu â chi yn y ffordd a ddewisoch.
join-done-organisation = Os oes gennych unrhyw gwestiynau, cysylltwch â { $organisation }.

email-welcome-subject = Rydych wedi ymuno â { $panel }
email-welcome-body =
    Diolch am ymuno â { $panel }.

    Dewiswch gyfrinair er mwyn i chi allu gweld a newid eich manylion, a dweud wrthym am eich anghenion mynediad:
    { $link }

    Mae'r ddolen hon yn gweithio unwaith ac yn para { $days } diwrnod. Os bydd yn peidio â gweithio, gofynnwch am un newydd ar dudalen fewngofnodi { $service }.

    Os na wnaethoch ofyn i ymuno, gallwch anwybyddu'r e-bost hwn ac ni fydd dim arall yn digwydd.
email-joined-subject = Rydych wedi ymuno â { $panel }
email-joined-body =
    Ymunodd rhywun â { $panel } ar { $service } gan ddefnyddio'r cyfeiriad e-bost hwn. Os chi oedd e, mewngofnodwch i weld eich manylion:
    { $link }

    Os nad chi oedd e, atebwch yr e-bost hwn a byddwn yn dileu'r manylion.

## Negeseuon ar ôl gweithred

flash-details-saved = Mae eich newidiadau wedi'u cadw.
flash-access-needs-saved = Mae'r anghenion mynediad wedi'u cadw.
flash-about-you-saved = Mae'r atebion wedi'u cadw.
flash-preferences-saved = Mae'r dewisiadau wedi'u cadw.
flash-consent-withdrawn = Mae'r caniatâd wedi'i dynnu'n ôl. Mae unrhyw beth oedd yn dibynnu arno wedi'i ddileu neu ei guddio.
flash-panel-paused = Rydych wedi oedi. Ni fyddwn yn eich gwahodd nes i chi ddechrau eto.
flash-panel-resumed = Croeso'n ôl. Gallwch gael eich gwahodd eto.
flash-panel-left = Rydych wedi gadael y panel.
flash-panel-accepted = Rydych wedi ymuno â'r panel. Diolch.
flash-panel-declined = Rydych wedi dweud na wrth ymuno â'r panel. Ni fyddwn yn cysylltu â chi amdano.
flash-sharing-saved = Mae eich manylion bellach yn cael eu rhannu fel y dewisoch.
flash-erasure-requested = Mae eich cais wedi'i anfon. Byddwn yn dileu eich data o fewn mis.
flash-request-recorded = Mae'r cais wedi'i gofnodi.
flash-request-done = Mae'r cais wedi'i farcio fel wedi'i wneud.
flash-request-already-done = Roedd y cais hwnnw wedi'i wneud eisoes.
flash-erasure-done = Mae data'r person wedi'i ddileu.
flash-person-added = Mae'r person wedi'i ychwanegu at y panel.
flash-status-changed = Mae eu statws ar y panel wedi'i newid.
flash-status-invited = Maent wedi cael gwahoddiad i'r panel. Byddant yn ymuno pan fyddant yn dweud ie.
flash-status-not-allowed = Dim wedi newid: ni all y statws hwnnw ddilyn eu statws presennol. Rhaid gwahodd rhywun sydd wedi gadael, neu nad oedd erioed ar y panel, yn gyntaf, a dim ond rhywun a wahoddwyd all ddod yn weithredol drwy ddweud ie.
flash-status-not-chosen = Ni newidiodd dim: dewiswch statws newydd.
flash-consent-already-withdrawn = Roedd y caniatâd hwnnw wedi'i dynnu'n ôl eisoes.
flash-follow-up-already-done = Roedd y peth hwnnw i'w ddilyn wedi'i wneud eisoes.
flash-follow-up-done = Mae'r peth i'w ddilyn wedi'i farcio fel wedi'i wneud.

audit-action-panel-created = Ychwanegodd banel
audit-action-person-added = Ychwanegodd berson ar ei ran
audit-action-person-joined-panel = Ymunodd â phanel
audit-action-person-details-changed = Newidiodd fanylion cyswllt
audit-action-person-access-needs-changed = Newidiodd anghenion mynediad
audit-action-person-monitoring-changed = Newidiodd atebion amdanynt eu hunain
audit-action-person-preferences-changed = Newidiodd ddewisiadau
audit-action-person-panel-status-changed = Newidiodd statws ar banel
audit-action-person-data-downloaded = Lawrlwythodd ddata person
audit-action-consent-given = Rhoddwyd caniatâd
audit-action-consent-withdrawn = Tynnwyd caniatâd yn ôl
audit-action-data-request-recorded = Cofnodwyd cais am ddata
audit-action-data-request-completed = Cwblhawyd cais am ddata
audit-action-follow-up-done = Gwnaed y peth i'w ddilyn

# Joining: answers carried between pages.
join-error-answers-too-long = Mae eich atebion yn rhy hir i ni eu cadw tra byddwch yn gorffen ymuno. Byrhewch yr ateb hwn, neu eich cyfeiriad neu fanylion eich eiriolwr, a rhowch gynnig arall arni.
notice-join-answers-lost = Doedd dim modd i ni ddod o hyd i'ch atebion cynharach, felly dechreuwch eto. Gall hyn ddigwydd os yw eich porwr yn rhwystro cwcis neu wedi cael ei gau. Nid oes dim wedi'i gadw.
notice-join-answer-missing = Atebwch y cwestiwn hwn. Mae ei angen arnom cyn y gallwch wirio eich atebion.
