# Plany naprawy, prywatny dziennik i pytanie o bezpieczeństwo (polski). Słowa są nasze; badania
# nazywamy tam, gdzie to pomaga.

repairs-title = Plany naprawy
repairs-lead = Kiedy zaufanie zostało nadszarpnięte, plan naprawy porządkuje wspólną pracę. Ma trzy etapy, według modelu wychodzenia ze zdrady dr. Johna i dr Julie Gottmanów, opartego na pracach Shirley Glass: Zadośćuczynienie (osoba, która zraniła, bierze to na siebie), Dostrojenie (na nowo uczycie się zwracać ku sobie) i Więź (budujecie bliskość od nowa). Tempo nadaje osoba zraniona: tylko ona przesuwa plan dalej albo go kończy.
repairs-none = Nie ma jeszcze planów naprawy.
repairs-solo = Plan naprawy to praca we dwoje. Najpierw zaproś partnera lub partnerkę.
repairs-open-heading = Zacznij plan
repairs-field-hurt = Kto został zraniony?
repairs-hurt-me = Ja zostałem zraniony / zostałam zraniona i chcę, żebyśmy nad tym popracowali
repairs-hurt-partner = To ja zraniłem / zraniłam i proponuję plan osobie { $name }
repairs-field-link = Czego dotyczy? (nieobowiązkowe)
repairs-link-none = Niczego konkretnego
repairs-link-promise = Złamana obietnica: { $text }
repairs-open-submit = Zacznij plan
repairs-list-heading = Wasze plany
repairs-role-hurt = Ty zostałeś zraniony / zostałaś zraniona
repairs-role-responsible = To Ty zraniłeś / zraniłaś
repairs-private-heading = Tylko dla Ciebie
repairs-log-link = Twój prywatny dziennik wyzwalaczy i uczuć
repairs-safety-link = Pytanie o bezpieczeństwo
repairs-safety-answered = Odpowiedź na pytanie o bezpieczeństwo jest zapisana.
repairs-safety-not-answered = Nie odpowiedziałeś / nie odpowiedziałaś jeszcze na pytanie o bezpieczeństwo. Wspólne kroki zaczną się, gdy oboje odpowiecie.

repair-phase-atone = Zadośćuczynienie
repair-phase-attune = Dostrojenie
repair-phase-attach = Więź
repair-phases-label = Etapy planu
repair-phase-current = teraz
repair-phase-hint-atone = Zadośćuczynienie: osoba, która zraniła, mówi, co się stało, bierze to na siebie bez wymówek, przeprasza i składa obietnicę z datą. Pytania dostają szczere odpowiedzi.
repair-phase-hint-attune = Dostrojenie: ćwiczycie słuchanie swoich uczuć i potrzeb i dotrzymujecie obietnic, które przywracają poczucie bezpieczeństwa.
repair-phase-hint-attach = Więź: gdy zaufanie odrasta, znowu zwracacie się ku bliskości i wspólnej przyszłości.
repair-status-proposed = Czeka na zgodę osoby zranionej
repair-status-active = W toku
repair-status-closed = Zamknięty
repair-about-promise = Dotyczy złamanej obietnicy
repair-about-crossing = Dotyczy przekroczonej granicy
repair-title = Plan naprawy

repair-paused = Wspólne kroki naprawy są na razie wstrzymane. Wrócicie do nich, gdy będzie to w porządku dla was obojga. Jeśli nie odpowiedziałeś / nie odpowiedziałaś jeszcze na pytanie o bezpieczeństwo, zrób to, proszę.
repair-paused-help = Jeśli potrzebujesz z kimś porozmawiać:
repair-paused-help-link = Gdzie szukać pomocy

repair-accept = Przyjmij ten plan
repair-accept-hint = Przyjęcie rozpoczyna plan. Przez najbliższe osiem tygodni dotrzymane obietnice osoby { $name } ważą w zapisie wiarygodności trochę więcej.
repair-proposed-waiting = Zaproponowałeś / zaproponowałaś ten plan. Zacznie się, gdy { $name } go przyjmie.
repair-advance = Przejdź do etapu: { $phase }
repair-close = Zamknij ten plan
repair-close-hint = Możesz zamknąć plan w każdej chwili, z dowolnego powodu.
repair-last-phase = To ostatni etap. Zamknij plan, gdy poczujesz, że jest domknięty.

repair-step-acknowledge = Co się stało
repair-step-acknowledge-hint = Własnymi słowami: co zrobiłeś / zrobiłaś i jak to przeżyła osoba { $name }.
repair-step-responsibility = Wzięcie odpowiedzialności
repair-step-responsibility-hint = Powiedz, że to był Twój wybór. Bez „ale”, bez „jednak”: wyjaśnienia mogą przyjść później, gdy ktoś o nie poprosi.
repair-step-apology = Przeprosiny
repair-step-apology-hint = Powiedz po prostu, że jest Ci przykro z powodu zranienia.
repair-step-promise = Jedna obietnica z datą
repair-step-promise-hint = Jedna konkretna rzecz, którą zrobisz, i do kiedy. Stanie się obietnicą dla osoby { $name }.
repair-step-transparency = Zobowiązania do jawności
repair-step-transparency-hint = To, co osoba, która zraniła, od teraz zachowuje jawne, każde jako obietnica (na przykład mówienie, gdy zmieniają się plany).
repair-step-progress = Notatki o postępach
repair-step-progress-hint = Przy każdej cotygodniowej rozmowie zapiszcie, jak idzie plan. Każde z was może to zrobić.
repair-step-waiting = Jeszcze nie.
repair-field-text = Twoje słowa
repair-field-promise = Co obiecujesz
repair-field-stakes = Jak bardzo to ważne (1–5)
repair-field-due = Do kiedy
repair-submit = Zapisz
repair-promise-link = Zobacz obietnicę
repair-progress-at-checkin = podczas cotygodniowej rozmowy
repair-by-you = Ty
repair-history-heading = Historia

repairs-log-title = Twój prywatny dziennik
repairs-log-lead = Miejsce na to, co się pojawia: wyzwalacz, uczucie, trudną chwilę. Ten dziennik widzisz tylko Ty — ani partner czy partnerka, ani coach, nikt nie wie nawet, że istnieje. Zapisywanie pomaga dostrzec powtarzające się sytuacje i przynieść je na rozmowę, gdy będziesz gotowy / gotowa.
repairs-log-field-text = Co się pojawiło i jak się z tym czułeś / czułaś
repairs-log-field-intensity = Jak silne to było?
repairs-log-intensity-none = Wolę nie mówić
repairs-log-submit = Zachowaj
repairs-log-none = Nic tu jeszcze nie ma.
repairs-log-heading = Wcześniejsze wpisy
repairs-log-strength = Siła { $n } z 5

safety-title = Pytanie o bezpieczeństwo
safety-lead = Przed wspólną pracą nad naprawą każde z was odpowiada na trzy pytania o siebie. Odpowiedzi są prywatne: druga osoba nigdy ich nie zobaczy. Jeśli na któreś pytanie odpowiesz „tak”, wspólne kroki zostaną wstrzymane dla was obojga, a druga osoba zobaczy tylko, że są wstrzymane — bez powodu i bez tego, kto je wstrzymał.
safety-afraid = Czy boisz się partnera lub partnerki albo tego, jak może zareagować?
safety-pressured = Czy czujesz, że ktoś Cię wpycha w tę pracę albo w rzeczy, których nie chcesz?
safety-unsafe = Czy coś w tym związku sprawia, że teraz nie czujesz się bezpiecznie?
safety-yes = Tak
safety-no = Nie
safety-submit = Zapisz odpowiedź
safety-answer-needed = Odpowiedz, proszę, na każde pytanie.
safety-again = Możesz odpowiedzieć ponownie w każdej chwili; liczy się najnowsza odpowiedź. Tylko Ty możesz ją zmienić.
safety-help-heading = Pomoc, jeśli jej chcesz
safety-help = Masz prawo czuć się bezpiecznie. Rozmowa z kimś spoza związku może pomóc.

repair-text-empty = Napisz, proszę, choć kilka słów.
repair-text-too-long = Zmieść się, proszę, w { $max } znakach.
repair-out-of-range = Wybierz, proszę, liczbę od { $min } do { $max }.
repair-refused-no_partner = Plan naprawy jest dla dwojga: najpierw zaproś partnera lub partnerkę.
repair-refused-only_hurt = Może to zrobić tylko osoba, która została zraniona.
repair-refused-only_responsible = Może to zrobić tylko osoba, która zraniła.
repair-refused-closed = Ten plan jest zamknięty.
repair-refused-not_accepted = Ten plan czeka na zgodę osoby zranionej.
repair-refused-already_accepted = Ten plan jest już przyjęty.
repair-refused-already_done = Ten krok jest już zrobiony.
repair-refused-last_phase = Ten plan jest w ostatnim etapie.
repair-refused-paused = Wspólne kroki naprawy są na razie wstrzymane.
repair-refused-link_invalid = To nie jest złamana obietnica osoby, która zraniła.
repair-refused-has_but = Wzięcie odpowiedzialności nie ma „ale” ani „jednak”. Spróbuj powiedzieć tylko to, co bierzesz na siebie.
repair-refused-needs_due = Podaj, proszę, datę tej obietnicy.
repair-refused-due_too_early = Data musi być w przyszłości.
repair-refused-promise = Nie udało się złożyć tej obietnicy.
repair-refused-promise_refused = Nie udało się złożyć tej obietnicy.

space-repairs-link = Plany naprawy
space-repairs-hint = Po zranieniu: zadośćuczynienie, dostrojenie, więź — w tempie osoby zranionej
repair-history-opened = Plan rozpoczęty
repair-history-accepted = Plan przyjęty

repairs-help-heading = Plany naprawy
repairs-help-text = Po zranieniu lub zdradzie plan naprawy prowadzi was przez trzy etapy, według modelu wychodzenia ze zdrady dr. Johna i dr Julie Gottmanów (zadośćuczynienie, dostrojenie, więź), opartego na pracach Shirley Glass; kroki i słowa w Steadfast są nasze. Osoba, która zraniła, mówi, co się stało, bierze odpowiedzialność bez „ale”, przeprasza, składa jedną obietnicę z datą i ewentualne zobowiązania do jawności, każde jako prawdziwą obietnicę. Przy każdej cotygodniowej rozmowie każde z was może zapisać, jak idzie. Tylko osoba zraniona przesuwa plan do następnego etapu albo go zamyka. Gdy plan zostanie przyjęty, przez osiem tygodni dotrzymane obietnice drugiej osoby liczą się w zapisie wiarygodności trochę bardziej. Osoba zraniona może prowadzić prywatny dziennik wyzwalaczy i uczuć, którego nikt inny nigdy nie zobaczy.
repairs-help-safety = Przed wspólną pracą nad naprawą każde z was odpowiada na krótkie, prywatne pytanie o swoje bezpieczeństwo. Jeśli czyjaś odpowiedź budzi niepokój, wspólne kroki zostają wstrzymane dla was obojga i pojawia się informacja o pomocy; druga osoba widzi tylko, że są wstrzymane, nigdy dlaczego ani przez kogo. Wstrzymanie może zdjąć tylko osoba, która odpowiedziała, odpowiadając ponownie.
repair-history-advanced = Przejście do etapu: { $phase }
