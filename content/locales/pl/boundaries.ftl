# Granice, docenienia, widok równowagi i chwile postępu.

## Granice

boundaries-title = Granice
boundaries-lead = Granica to jedna z twoich linii — coś, dzięki czemu czujesz się bezpiecznie i z szacunkiem. Druga osoba ją potwierdza i obie strony ją widzą.
boundaries-current-heading = Wasze granice
boundaries-none = Nie ma jeszcze żadnej granicy. Nazwij pierwszą poniżej, kiedy przyjdzie na to pora; jedna jasna linia to dobry początek.
boundaries-waiting-for-you = Czeka na ciebie
boundaries-open-crossing = Otwarte przekroczenie
boundaries-former-note = Druga osoba opuściła tę przestrzeń. Granice między wami, ich przekroczenia i to, co o nich powiedziano, zostają z tobą do przeczytania; nic więcej nie da się już z nimi zrobić.
boundaries-propose-heading = Nazwij granicę
boundaries-propose-lead = Powiedz ją prosto i o sobie, żeby łatwo było jej dotrzymać. Druga osoba dostanie prośbę o jej potwierdzenie.
boundaries-withdrawn-heading = Wycofane
boundaries-balance-link = Docenienia i równowaga ostatnich czterech tygodni
boundaries-solo = Granice ustala się wspólnie z drugą osobą. Gdy dołączy, możesz tu nazwać swoje.
boundary-field-text = Granica
boundary-field-text-hint = Na przykład „Mój telefon jest tylko mój”. Do 200 znaków.
boundary-field-why = Dlaczego jest dla ciebie ważna (nieobowiązkowo)
boundary-field-why-hint = Kilka słów pomaga drugiej osobie zrozumieć, a nie tylko się podporządkować.
boundary-propose-submit = Zaproponuj
boundary-title = Granica
boundary-back = Wszystkie granice
boundary-why-label = Dlaczego to ważne:
boundary-fact-whose = Czyja
boundary-fact-status = Na jakim etapie
boundary-status-proposed = Czeka na potwierdzenie
boundary-status-acknowledged = Potwierdzona
boundary-status-withdrawn = Wycofana
boundary-whose-yours = Twoja granica
boundary-whose-theirs = Granica, którą wyznacza { $name }
boundary-waiting-for-partner = { $partner_form ->
    [feminine] Nie potwierdziła jeszcze tego brzmienia.
    [masculine] Nie potwierdził jeszcze tego brzmienia.
   *[other] To brzmienie czeka jeszcze na potwierdzenie drugiej osoby.
}
boundary-actions-heading = Co możesz teraz zrobić
boundary-acknowledge-hint = Potwierdzenie znaczy: słyszę tę granicę i chcę jej dotrzymywać.
boundary-acknowledge-submit = Potwierdzam
boundary-report-self-heading = { $my_form ->
    [feminine] To ja ją przekroczyłam
    [masculine] To ja ją przekroczyłem
   *[other] Ta granica została przekroczona przeze mnie
}
boundary-report-self-hint = Powiedzieć o tym z własnej woli to najuczciwsze, co możesz tu zrobić — i właśnie to odbudowuje zaufanie. Poprosimy cię o przyznanie się, przeprosiny własnymi słowami i jeden krok, który zapobiegnie powtórce.
boundary-report-self-submit = { $my_form ->
    [feminine] Mówię, że ją przekroczyłam
    [masculine] Mówię, że ją przekroczyłem
   *[other] Mówię o tym drugiej osobie
}
boundary-report-heading = Granica została przekroczona
boundary-report-hint = Zapisz przekroczenie spokojnie. Druga osoba dostanie prośbę o przyznanie się, przeprosiny i jeden krok zapobiegawczy. To ty decydujesz, kiedy sprawa jest zamknięta.
boundary-report-submit = Zapisz przekroczenie
boundary-field-when = Kiedy to się stało? (nieobowiązkowo)
boundary-field-when-hint = Zostaw puste, jeśli teraz.
boundary-revise-heading = Zmień brzmienie
boundary-revise-hint = Wcześniejsze brzmienie pozostanie widoczne, a druga osoba dostanie prośbę o potwierdzenie nowego.
boundary-revise-submit = Zapisz nowe brzmienie
boundary-withdraw-submit = Wycofaj tę granicę
boundary-withdraw-hint = Swoją granicę możesz wycofać w każdej chwili. Jej historia zostaje.
boundary-nothing-now = Teraz nie ma tu nic do zrobienia.
boundary-crossings-heading = Przekroczenia
boundary-crossing-self-tag = Powiedziane uczciwie
boundary-crossing-self-you = { $my_form ->
    [feminine] Powiedziałaś o tym sama. Ta uczciwość ma znaczenie.
    [masculine] Powiedziałeś o tym sam. Ta uczciwość ma znaczenie.
   *[other] Ta wiadomość przyszła od ciebie, z własnej woli. Ta uczciwość ma znaczenie.
}
boundary-crossing-self-theirs = { $partner_form ->
    [feminine] { $name } powiedziała ci o tym sama — to wymagało uczciwości.
    [masculine] { $name } powiedział ci o tym sam — to wymagało uczciwości.
   *[other] { $name } mówi ci o tym z własnej woli — to wymagało uczciwości.
}
boundary-crossing-noted-you = To przekroczenie zapisano z twojej strony.
boundary-crossing-noted-theirs = { $partner_form ->
    [feminine] { $name } zapisała to przekroczenie.
    [masculine] { $name } zapisał to przekroczenie.
   *[other] Zapis tego przekroczenia: { $name }.
}
boundary-step-acknowledged = Przyznane
boundary-step-acknowledge-waiting = Jeszcze nieprzyznane
boundary-step-apologised = Przeprosiny:
boundary-step-apology-waiting = Jeszcze bez przeprosin
boundary-step-prevention = Krok zapobiegawczy:
boundary-step-prevention-waiting = Jeszcze bez kroku zapobiegawczego
boundary-step-resolved = Zamknięte
boundary-step-open = Otwarte — o zamknięciu decyduje osoba, której to granica
boundary-crossing-asked = Prosimy cię o trzy kroki: przyznaj się, przeproś własnymi słowami i nazwij jeden krok, żeby to się nie powtórzyło.
boundary-crossing-acknowledge-submit = { $my_form ->
    [feminine] Przyznaję, że ją przekroczyłam
    [masculine] Przyznaję, że ją przekroczyłem
   *[other] Przyznaję, że ta granica została przeze mnie przekroczona
}
boundary-field-apology = Twoje przeprosiny, własnymi słowami
boundary-field-apology-hint = Powiedz, co się stało i jak mogła się z tym poczuć druga osoba — bez tłumaczenia się.
boundary-apologise-submit = Wyślij przeprosiny
boundary-field-prevention = Jeden krok, żeby to się nie powtórzyło
boundary-field-prevention-hint = To stanie się twoją obietnicą wobec drugiej osoby, widoczną razem z innymi obietnicami.
boundary-prevention-submit = Obiecuję ten krok
boundary-resolve-hint = Oznacz jako zamknięte, kiedy poczujesz, że tak jest. Może też pozostać otwarte.
boundary-resolve-submit = Oznacz jako zamknięte
boundary-earlier-heading = Wcześniejsze brzmienia
boundary-earlier-when = Od { $from } do { $to }
boundary-earlier-acknowledged = było potwierdzone
boundary-text-empty = Napisz, jaka to granica.
boundary-text-too-long = Granica ma najwyżej { $max } znaków. Krótszej łatwiej dotrzymać.
boundary-why-empty = Napisz, dlaczego to ważne, albo zostaw puste.
boundary-why-too-long = To pole ma najwyżej { $max } znaków.
boundary-apology-empty = Napisz swoje przeprosiny.
boundary-apology-too-long = Przeprosiny mają najwyżej { $max } znaków.
boundary-refused-no_partner = Granice ustala się wspólnie z drugą osobą: najpierw ją zaproś.
boundary-refused-too_many = Granic masz już { $limit }, a więcej naraz się nie da. Wycofaj tę, która nie jest już potrzebna, i wtedy zaproponuj nową. Twoje słowa są niżej.
boundary-refused-only_owner = Może to zrobić tylko osoba, której to granica.
boundary-refused-only_partner = Może to zrobić tylko osoba proszona o dotrzymanie tej granicy.
boundary-refused-only_crosser = Może to zrobić tylko osoba, która granicę przekroczyła.
boundary-refused-withdrawn = Ta granica została wycofana.
boundary-refused-already_acknowledged = To brzmienie jest już potwierdzone.
boundary-refused-not_acknowledged = Ta granica nie jest jeszcze potwierdzona, więc nie można jej przekroczyć.
boundary-refused-not_found = Nie ma takiego przekroczenia.
boundary-refused-crossing_acknowledged_already = To przekroczenie jest już przyznane.
boundary-refused-crossing_not_acknowledged = Najpierw przyznaj się do przekroczenia.
boundary-refused-already_apologised = Przeprosiny dotarły. Nie trzeba nic więcej dodawać.
boundary-refused-apology_waiting = Przeprosiny czekają na odpowiedź. Do tego czasu nie trzeba nic dodawać.
boundary-refused-no_apology = Nie ma jeszcze przeprosin, na które można odpowiedzieć.
boundary-refused-excusing = Przeprosiny docierają najlepiej bez „ale” (czy „jednak”), które zamienia je w wymówkę albo odwraca w stronę drugiej osoby. Napisz, za co przepraszasz i co to zrobiło drugiej osobie, bez „ale”. Jeśli po „ale” mówisz o sobie, wystarczy „i”. „Chociaż …” czy „mimo że …” mogą zostać. Twoje słowa są niżej.
boundary-refused-prevention_exists = Krok zapobiegawczy jest już obiecany.
boundary-refused-resolved = To przekroczenie jest zamknięte.
boundary-refused-in_future = Ten czas jeszcze nie nadszedł.
boundary-refused-too_long_ago = To było zbyt dawno, by to tu zapisać.
boundary-refused-promise_refused = Nie udało się złożyć obietnicy zapobiegawczej.
boundary-promise-refused-due_too_early = Termin musi być późniejszy niż teraz.
boundary-promise-refused-other = Nie udało się złożyć obietnicy zapobiegawczej.

## Docenienia

appreciations-title = Docenienia
appreciations-lead = Drobne podziękowania i zauważenia, widoczne dla obu stron. To one niosą związek przez trudniejsze chwile.
appreciations-give-heading = Podziękuj drugiej osobie albo zauważ w niej coś dobrego
appreciation-field-text = Co doceniasz?
appreciation-field-text-hint = Na przykład „Dziękuję za herbatę w ten zmęczony wieczór”. Do 280 znaków.
appreciation-submit = Wyślij
appreciations-solo = Docenienia są dla drugiej osoby. Gdy dołączy, możesz jej tu podziękować.
appreciations-list-heading = Między wami
appreciation-from-you = Od ciebie dla: { $name }
appreciation-from-them = Od: { $name }, dla ciebie
appreciation-text-empty = Napisz, co doceniasz.
appreciation-text-too-long = Docenienie ma najwyżej { $max } znaków.
appreciation-refused-no_partner = Docenienie jest dla drugiej osoby: najpierw ją zaproś.
appreciations-boundaries-link = Granice

## Równowaga

balance-heading = Ostatnie cztery tygodnie
balance-guide-note = Łagodna wskazówka, nie wynik: pary, które są ze sobą na dłużej, mają zwykle około pięciu dobrych chwil na każdą trudną. Liczymy to, co obie strony tu widzą — docenienia, dotrzymane obietnice i uszanowane granice wobec niedotrzymanych obietnic i przekroczeń.
balance-bar-label = Dobre i trudne chwile:
balance-positive = Dobre
balance-negative = Trudne
balance-guide-mark = Około 5 do 1
balance-words-quiet = W tych czterech tygodniach nie ma jeszcze czego liczyć. Docenienie to łatwy początek.
balance-words-all-positive = W tych czterech tygodniach były same dobre chwile.
balance-words-at-guide = Dobrych chwil jest mniej więcej tyle, ile wskazuje wskazówka, albo więcej. Zauważajcie się dalej.
balance-words-below-guide = Ostatnio było trudniej. Kilka drobnych doceniań i dotrzymanych obietnic pomaga bardziej niż jeden wielki gest.
balance-kind-appreciation = Docenienia
balance-kind-checkin_appreciation = Docenienia w cotygodniowych rozmowach
balance-kind-daily_appreciation = Docenienia w codziennym rytuale
balance-kind-promise_kept = Dotrzymane obietnice
balance-kind-boundary_honoured = Uszanowane granice
balance-kind-promise_broken = Niedotrzymane obietnice
balance-kind-boundary_crossed = Przekroczone granice

## Chwile postępu

celebrate-heading = Warto to docenić
celebrate-kept-yours = Twoje obietnice, które dostaje { $name }: ostatnie { $count } dotrzymane pod rząd.
celebrate-kept-theirs = { $name } dotrzymuje obietnic wobec ciebie: ostatnie { $count } pod rząd.
celebrate-boundary-honoured = „{ $text }” — ta granica jest szanowana od { $days } dni.

## Strona przestrzeni i pomoc

space-boundaries-link = Granice
space-boundaries-hint = Wasze linie, potwierdzone przez siebie nawzajem
space-appreciations-link = Docenienia
space-appreciations-hint = Podziękowania i równowaga ostatnich czterech tygodni
help-boundaries-heading = Granice
help-boundaries-text = Granica to linia jednej osoby, na przykład „Mój telefon jest tylko mój”. Druga osoba ją potwierdza; zmiana brzmienia prosi o nowe potwierdzenie, a wcześniejsze brzmienie zostaje widoczne. Gdy granica zostanie przekroczona, każda ze stron może to zapisać — a powiedzenie o tym z własnej woli jest mile widziane i pokazane jako uczciwość. Osoba, która ją przekroczyła, dostaje prośbę o przyznanie się, przeprosiny własnymi słowami i obietnicę jednego kroku, żeby to się nie powtórzyło. O zamknięciu sprawy decyduje osoba, której to granica.
help-balance-heading = Docenienia i równowaga
help-balance-text = Równowaga zestawia dobre chwile (docenienia, dotrzymane obietnice, uszanowane granice) z trudnymi (niedotrzymane obietnice, przekroczone granice) z ostatnich czterech tygodni. Opiera się na obserwacji Johna Gottmana, że stabilne pary mają około pięciu dobrych interakcji na każdą trudną. To wskazówka dla waszej dwójki, nie ocena którejkolwiek osoby. Chwile postępu — kilka obietnic dotrzymanych pod rząd, granica szanowana od miesiąca — są świętowane, a nic tutaj nigdy nie działa przeciwko wam.
