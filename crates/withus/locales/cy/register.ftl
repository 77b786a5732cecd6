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
