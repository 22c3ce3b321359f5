# Cotygodniowa rozmowa (polski). Słowa są nasze; badania nazywamy tam, gdzie to pomaga.

checkins-title = Cotygodniowa rozmowa
checkins-lead = Raz w tygodniu pół godziny dla waszej dwójki: najpierw docenienie, potem to, co się udało, ile ufacie sobie w tym tygodniu, jeden temat na zmianę i to, o co każda ze stron prosi na następny tydzień.
checkins-now-heading = W tym tygodniu
checkins-go-to-open = Przejdź do otwartej rozmowy
checkins-continue = Kontynuuj rozmowę
checkins-started = Rozpoczęta
checkins-solo = Przez rozmowę możesz przejść także w pojedynkę. Twoje odpowiedzi należą tylko do ciebie.
checkins-start = Zacznij rozmowę
checkins-start-hint = Każda ze stron odpowiada na swoim urządzeniu. To, co napiszesz, pozostaje zapieczętowane, dopóki obie strony nie skończą.
checkins-past-heading = Wcześniejsze rozmowy

checkin-title = Rozmowa
checkin-lead = Usiądźcie razem, każda strona ze swoim telefonem. Odpowiadaj szczerze: nic z tego, co napiszesz, nie otworzy się dla drugiej osoby, dopóki obie strony nie skończą — a nawet wtedy „jak mi poszło” zostaje tylko twoje.
checkin-steps-label = Kroki rozmowy
checkin-progress = Krok { $n } z { $total }
checkin-you = Ty

checkin-step-appreciations = Docenienie
checkin-step-went_right = Co się udało
checkin-step-felt_trust = Zaufanie w tym tygodniu
checkin-step-topic = Jeden temat, na zmianę
checkin-step-requests = Prośby na przyszły tydzień
checkin-step-how_it_went = Jak mi poszło
checkin-step-review = Przejrzyj i zakończ

checkin-hint-appreciations = { $partner_form ->
    [feminine] Zacznij od wdzięczności: za coś, co { $name } w tym tygodniu zrobiła, powiedziała albo czym dla ciebie była.
    [masculine] Zacznij od wdzięczności: za coś, co { $name } w tym tygodniu zrobił, powiedział albo czym dla ciebie był.
   *[other] Zacznij od wdzięczności: za coś, co w tym tygodniu zrobiła, powiedziała albo czym dla ciebie była druga osoba ({ $name }).
} Drobiazgi liczą się najbardziej.
checkin-hint-went_right = Co w tym tygodniu dobrze między wami działało — jakaś chwila, nawyk, trudna sprawa, z którą sobie poradziliście?
checkin-hint-felt_trust = Dziewięć krótkich zdań o tym tygodniu. Odpowiedz od 0 (wcale) do 6 (całkowicie). Nie ma dobrych ani złych odpowiedzi.
checkin-hint-topic = Wybierzcie jedną sprawę do omówienia — tylko jedną. Jedno mówi, drugie słucha, potem zamiana.
checkin-hint-requests = Co pomogłoby ci w nadchodzącym tygodniu? Poproś o coś konkretnego i wykonalnego.
checkin-hint-how_it_went = Tę odpowiedź zobaczysz tylko ty.
checkin-hint-review = Sprawdź swoje odpowiedzi. Gdy zakończysz, zostaną zapieczętowane, dopóki druga strona ({ $name }) też nie skończy; wtedy zobaczycie obie strony.

checkin-field-appreciations = Co doceniasz
checkin-field-appreciation = Docenienie
checkin-field-went_right = Co się udało
checkin-field-topic = Twoja strona, gdy mówisz
checkin-field-topic-hint = Mów o sobie: „czuję…”, „potrzebuję…”, „było mi trudno…”. Opisuj, co się stało, a nie czyja to wina.
checkin-field-listener_notes = Twoje notatki ze słuchania
checkin-field-listener_notes-hint = Gdy druga osoba mówi, zapisuj, co słyszysz — co mówi i co czuje — jej własnymi słowami. Na odpowiedź i obronę przyjdzie czas później.
checkin-theirs-topic = { $name } jako osoba mówiąca
checkin-theirs-listener_notes = { $name }: notatki ze słuchania
checkin-field-requests = Twoje prośby
checkin-field-how_it_went = Jak ta rozmowa poszła dla ciebie?
checkin-field-how_it_went-hint = Od −5 (źle) do +5 (bardzo dobrze). Prywatne: druga osoba nigdy tego nie zobaczy.

checkin-turn-speak = Osoba mówiąca opowiada o swojej stronie sprawy, zdaniami zaczynającymi się od „ja”, przez kilka minut.
checkin-turn-listen = Osoba słuchająca nie przerywa, zapisuje, co słyszy, a potem powtarza to własnymi słowami, aż osoba mówiąca poczuje, że jest rozumiana.
checkin-turn-swap = Zamiana: osoba słuchająca zaczyna mówić. Każda strona zapisuje swoją wypowiedź i swoje notatki ze słuchania.

checkin-facet-predictability = Wiem, czego się spodziewać
checkin-facet-predictability-hint = Czy w tym tygodniu łatwo było przewidzieć zachowanie drugiej osoby.
checkin-facet-dependability = Możemy na sobie polegać
checkin-facet-dependability-hint = Czy w ważnych chwilach można było liczyć na drugą osobę.
checkin-facet-faith = Wiara w nas
checkin-facet-faith-hint = Jak pewnie czujesz się co do tego, dokąd razem zmierzacie.
checkin-facet-predictability-short = Wiem, czego się spodziewać: { $value } z 6
checkin-facet-dependability-short = Możemy na sobie polegać: { $value } z 6
checkin-facet-faith-short = Wiara w nas: { $value } z 6
checkin-felt-mean = Ogółem: { $value } z 6

checkin-item-knew_what_to_expect = W tym tygodniu przeważnie było dla mnie jasne, czego się spodziewać po drugiej osobie.
checkin-item-heard_of_changes = Gdy plany się zmieniały, druga osoba mówiła mi o tym odpowiednio wcześnie.
checkin-item-no_surprises = Reakcje drugiej osoby w tym tygodniu nie zaskakiwały mnie przykro.
checkin-item-showed_up = { $partner_form ->
    [feminine] Gdy w tym tygodniu było mi to potrzebne, była przy mnie.
    [masculine] Gdy w tym tygodniu było mi to potrzebne, był przy mnie.
   *[other] Gdy w tym tygodniu było mi to potrzebne, druga osoba była przy mnie.
}
checkin-item-in_good_hands = Coś ważnego mogło spokojnie zostać w rękach drugiej osoby.
checkin-item-honest_when_awkward = Druga osoba mówiła mi prawdę, nawet gdy było to niewygodne.
checkin-item-will_get_through = { $my_form ->
    [feminine] Jestem pewna, że poradzimy sobie z tym, co przyniesie przyszłość.
    [masculine] Jestem pewny, że poradzimy sobie z tym, co przyniesie przyszłość.
   *[other] Mam pewność, że poradzimy sobie z tym, co przyniesie przyszłość.
}
checkin-item-has_my_good = Wierzę, że drugiej osobie zależy na moim dobru.
checkin-item-calm_about_future = Gdy myślę o najbliższych miesiącach razem, czuję spokój.

checkin-level-0 = 0 · wcale
checkin-level-6 = 6 · całkowicie
checkin-feeling-worst = { $value } · źle
checkin-feeling-middle = { $value } · tak sobie
checkin-feeling-low = −5 · źle
checkin-feeling-high = +5 · bardzo dobrze
checkin-feeling-best = { $value } · bardzo dobrze

checkin-save-continue = Zapisz i dalej
checkin-save-back = Zapisz i wróć
checkin-submit = Zakończ i zapieczętuj moje odpowiedzi
checkin-nothing = Nic nie zapisano.
checkin-only-you = widzisz to tylko ty

checkin-partner-answering = { $partner_form ->
    [feminine] { $name } jeszcze nie skończyła.
    [masculine] { $name } jeszcze nie skończył.
   *[other] { $name } jeszcze odpowiada.
} Obie strony otworzą się, gdy obie skończą.
checkin-partner-finished = { $partner_form ->
    [feminine] { $name } już skończyła;
    [masculine] { $name } już skończył;
   *[other] { $name } ma już odpowiedzi za sobą;
} odpowiedzi otworzą się, gdy ty skończysz.
checkin-partner-revealed = Obie strony skończyły — oto ich odpowiedzi.

checkin-pause-heading = Potrzebujesz przerwy?
checkin-pause-hint = Jeśli robi się zbyt gorąco, każda ze stron może zarządzić 20-minutową przerwę. Wstrzymuje ona rozmowę po obu stronach, a to, co wpisujesz w tym kroku, najpierw się zapisuje. Wcześniej zakończyć przerwę może tylko ta osoba, która o nią poprosiła.
checkin-pause = Zrób 20 minut przerwy

checkin-break-title = Przerwa dla obu stron
checkin-break-by-you = Potrzebujesz przerwy i dobrze, że o nią prosisz.
checkin-break-by-partner = { $partner_form ->
    [feminine] Twoja partnerka poprosiła o przerwę. Nikt nie zrobił nic złego.
    [masculine] Twój partner poprosił o przerwę. Nikt nie zrobił nic złego.
   *[other] Przerwy potrzebuje druga strona. Nikt nie zrobił nic złego.
}
checkin-break-until = Przerwa trwa do
checkin-break-tip-breathe = Oddychaj powoli: wdech na cztery, wydech na sześć.
checkin-break-tip-move = Zrób coś uspokajającego w pojedynkę — krótki spacer, szklanka wody, trochę muzyki.
checkin-break-tip-rehearse = Staraj się nie powtarzać w głowie kłótni; najpierw niech ciało się uspokoi.
checkin-break-resume = Potem każda strona wraca do kroku, na którym skończyła.
checkin-break-left = { $count ->
    [one] została około minuta
    [few] zostały około { $count } minuty
   *[other] zostało około { $count } minut
}
checkin-break-theirs = Wcześniej zakończyć przerwę może tylko ta osoba, która o nią poprosiła. Skończy się sama, gdy minie czas; nie musisz nic robić.
checkin-break-end = Zakończ przerwę teraz

checkin-waiting-title = Twoje odpowiedzi są zapieczętowane
checkin-waiting-sealed = Druga osoba nie zobaczy niczego, co tu jest od ciebie, dopóki sama nie skończy. Wtedy zobaczycie obie strony, poza tym, jak komu poszło.
checkin-results-title = Wasza rozmowa
checkin-results-private = Każde „jak mi poszło” zostaje u osoby, która je wpisała; widzisz tylko swoje.
checkin-lapsed = Ta rozmowa była z osobą, która opuściła przestrzeń. Twoje odpowiedzi nadal tu są.

checkin-status-open = Twoje odpowiedzi jeszcze przed tobą
checkin-status-waiting = { $my_form ->
    [feminine] Skończyłaś; czekamy na: { $name }
    [masculine] Skończyłeś; czekamy na: { $name }
   *[other] Twoje odpowiedzi są gotowe; czekamy na: { $name }
}
checkin-status-complete = Zakończona przez obie strony
checkin-status-lapsed = Niezakończona; druga osoba opuściła przestrzeń
checkin-status-partner-done = { $partner_form ->
    [feminine] { $name } już skończyła; twoje odpowiedzi jeszcze przed tobą
    [masculine] { $name } już skończył; twoje odpowiedzi jeszcze przed tobą
   *[other] { $name } ma już odpowiedzi za sobą; twoje jeszcze przed tobą
}

checkin-trend-title = Zaufanie tydzień po tygodniu
checkin-trend-lead = Średnia z dziewięciu zdań o zaufaniu (0–6) przy każdej rozmowie: twoja, gdy tylko skończysz, drugiej osoby — gdy skończą obie strony. To, jak zaufanie się czuje, pokazane obok tego, co się wydarzyło — nigdy złączone w jedną ocenę.
checkin-trend-empty = Po pierwszej zakończonej rozmowie pojawi się tu wasze zaufanie w kolejnych tygodniach.
checkin-trend-legend = Linia ciągła: ty. Linia przerywana: { $name }.
checkin-trend-legend-solo = Linia pokazuje twoje odpowiedzi.
checkin-trend-desc = { $count ->
    [one] Odczuwane zaufanie w 1 rozmowie.
    [few] Odczuwane zaufanie w { $count } rozmowach.
   *[other] Odczuwane zaufanie w { $count } rozmowach.
}
checkin-trend-yours-better = Twoje zaufanie zmieniło się z { $first } na { $latest }: to prawdziwa poprawa, większa niż wahania, jakie przynosi każdy tydzień.
checkin-trend-yours-worse = Twoje zaufanie zmieniło się z { $first } na { $latest }: to prawdziwy spadek, większy niż wahania, jakie przynosi każdy tydzień.
checkin-trend-yours-same = Twoje zaufanie zmieniło się z { $first } na { $latest }: to jeszcze nie więcej niż wahania, jakie może przynieść każdy tydzień.
checkin-trend-theirs-better = { $name }: zaufanie zmieniło się z { $first } na { $latest }. To prawdziwa poprawa, większa niż wahania, jakie przynosi każdy tydzień.
checkin-trend-theirs-worse = { $name }: zaufanie zmieniło się z { $first } na { $latest }. To prawdziwy spadek, większy niż wahania, jakie przynosi każdy tydzień.
checkin-trend-theirs-same = { $name }: zaufanie zmieniło się z { $first } na { $latest }. To jeszcze nie więcej niż wahania, jakie może przynieść każdy tydzień.
checkin-stuck = Po czterech lub więcej rozmowach zaufanie żadnej ze stron wyraźnie się nie poprawiło. To częste i nie jest porażką: terapia par może pomóc wam odkryć, co stoi na przeszkodzie.
checkin-stuck-help = Więcej miejsc, gdzie można szukać pomocy
checkin-how-link = Jak działa rozmowa i te liczby

checkin-refused-already_open = Jedna rozmowa jest już otwarta. Najpierw ją dokończcie.
checkin-refused-not_participant = To nie jest twoja rozmowa.
checkin-refused-lapsed = Ta rozmowa była z osobą, która opuściła przestrzeń; nie można jej kontynuować.
checkin-refused-already_submitted = Ta rozmowa jest już przez ciebie zakończona.
checkin-refused-completed = Ta rozmowa jest zakończona.
checkin-refused-on_break = Trwa przerwa. Zakończysz, gdy minie.
checkin-refused-no_break = Nie trwa żadna przerwa.
checkin-refused-not_your_break = Wcześniej zakończyć przerwę może tylko ta osoba, która o nią poprosiła. Skończy się sama, gdy minie czas.
checkin-refused-incomplete_felt_trust = Zanim zakończysz, odpowiedz na wszystkie dziewięć zdań o zaufaniu.
checkin-refused-incomplete_how_it_went = Zanim zakończysz, powiedz, jak ta rozmowa poszła dla ciebie.
checkin-scale-out-of-range = Wybierz liczbę od { $min } do { $max }.
checkin-appreciation-empty = Napisz, co doceniasz, albo zostaw pole puste.
checkin-appreciation-too-long = Docenienie może mieć najwyżej { $max } znaków.
checkin-appreciations-too-many = Najwyżej { $max } docenień, prosimy.
checkin-note-empty = Napisz coś albo zostaw puste.
checkin-note-too-long = Ta odpowiedź może mieć najwyżej { $max } znaków.
checkin-item-unknown = To nie jest żadne ze zdań o zaufaniu.
checkin-step-unknown = To nie jest krok rozmowy.

space-checkins-link = Cotygodniowa rozmowa
space-checkins-hint = Pół godziny w tygodniu dla waszej dwójki; odpowiedzi zapieczętowane, aż obie strony skończą.
record-felt-heading = Zaufanie, jak się je czuje
record-felt-lead = Obok zapisu tego, co się wydarzyło: jak każda ze stron czuła zaufanie przy każdej cotygodniowej rozmowie.
record-felt-link = Cotygodniowe rozmowy i zaufanie tydzień po tygodniu

help-checkin-heading = Cotygodniowa rozmowa
help-checkin-text = Rozmowa ma kształt cotygodniowego spotkania „State of the Union” Gottmanów: docenienie, to, co się udało, dziewięć zdań o zaufaniu w tym tygodniu, jeden temat omówiony na zmianę w rolach osoby mówiącej i słuchającej, prośby na nadchodzący tydzień i to, jak rozmowa poszła dla ciebie. Każdy krok zapisuje się po drodze, więc możesz przerwać i dokończyć na innym urządzeniu.
help-checkin-sealed = Twoje odpowiedzi są zapieczętowane, dopóki obie strony nie skończą: wcześniej druga osoba nie zobaczy ich na żadnej stronie, przez API ani w eksporcie. Twoje „jak mi poszło” nigdy nie jest jej pokazywane. Każda ze stron może na każdym kroku zarządzić 20-minutową przerwę.
help-checkin-trust = Dziewięć zdań o zaufaniu to nasze własne słowa, po trzy na każdy wymiar zaufania opisany przez Rempel, Holmesa i Zannę (1985): wiem, czego się spodziewać; możemy na sobie polegać; wiara w nasz związek.
help-checkin-change = To, czy zaufanie naprawdę się zmieniło, ocenia test znany z badań nad terapią: zmiana się liczy, gdy jest większa niż wahania, które same zdania wnoszą — mniej więcej od 1,1 punktu w górę lub w dół. Test jest nazwany i objaśniony na stronie „Jak liczony jest rejestr”, do której prowadzi link z rejestru. Po czterech lub więcej rozmowach bez prawdziwej poprawy u żadnego z was Steadfast proponuje terapeutę par.
