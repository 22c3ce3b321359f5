# Rytuały, strefa czasowa przestrzeni, codzienna minuta i kalendarz.

## Rytuały

rituals-title = Rytuały
rituals-lead = Czas, który regularnie zachowujecie dla siebie: wieczór tylko dla was, spacer, cotygodniowa rozmowa.
rituals-active-heading = Wasze rytuały
rituals-none = Nie ma jeszcze żadnego rytuału. Zaplanujcie pierwszy poniżej — jeden wieczór w tygodniu w zupełności wystarczy.
rituals-ended-heading = Zakończone
ritual-plan-heading = Zaplanuj rytuał
ritual-plan-submit = Zaplanuj
ritual-space-zone = Godziny są podane w strefie { $zone }.
ritual-zone-set = Ustaw strefę czasową
ritual-zone-change = Zmień
ritual-your-time = (twój czas)
ritual-next = Najbliżej: { $when }
ritual-schedule-line = { $days } · { $start } · { $every } · { $minutes } min · strefa { $zone }
ritual-every = { $count ->
    [one] co tydzień
    [few] co { $count } tygodnie
   *[other] co { $count } tygodni
}
ritual-kind-date-night = Wieczór tylko dla was
ritual-kind-walk = Spacer
ritual-kind-checkin = Cotygodniowa rozmowa
ritual-kind-other = Coś innego
ritual-field-name = Jak to nazywacie?
ritual-field-name-hint = Na przykład „Piątkowy wieczór bez telefonów”.
ritual-field-kind = Jaki to czas?
ritual-field-days = W które dni?
ritual-field-start = O której?
ritual-field-start-hint = W strefie czasowej przestrzeni.
ritual-field-every = Co ile tygodni? (od 1 do 4)
ritual-field-duration = Ile trwa, w minutach?
ritual-field-first = Od którego dnia?
ritual-field-first-hint = Zostaw puste, żeby zacząć od dziś.
ritual-next-heading = Najbliższe terminy
ritual-next-none = W najbliższych tygodniach nic.
ritual-ended-tag = Zakończony
ritual-change-heading = Zmień
ritual-change-lead = Zmiana obowiązuje obie strony od teraz. Godziny są czytane w obecnej strefie czasowej przestrzeni.
ritual-change-submit = Zapisz zmianę
ritual-end-heading = Zakończ ten rytuał
ritual-end-hint = Kończy się dla obu stron. Zawsze możecie zaplanować nowy.
ritual-end-submit = Zakończ
ritual-zone-moved = Ten rytuał wciąż jest ustawiony w strefie { $zone }, a wasza przestrzeń jest teraz w strefie { $space_zone }. Zapiszcie go raz, by przenieść go do strefy { $space_zone }.
ritual-refused-ended = Ten rytuał się zakończył; zaplanujcie zamiast niego nowy.
ritual-refused-too-many = Zaplanowanych rytuałów masz już { $limit }, a więcej naraz się nie da. Zakończ któryś, który już nie jest potrzebny, i wtedy zaplanuj ten. To, co wpisano, jest niżej.
ritual-name-empty = Nadaj rytuałowi nazwę.
ritual-name-too-long = Nazwa może mieć najwyżej { $max } znaków.
ritual-kind-invalid = Wybierz jeden z podanych rodzajów.
ritual-weekdays-invalid = Wybierz co najmniej jeden dzień tygodnia.
ritual-start-invalid = Podaj godzinę i minuty, na przykład 19:00.
ritual-every-invalid = Wybierz co 1, 2, 3 albo 4 tygodnie.
ritual-duration-invalid = Wybierz długość od { $min } do { $max } minut.
ritual-first-date-invalid = Podaj pierwszy dzień jako datę, na przykład 2026-12-04.
ritual-time-zone-invalid = Nie znamy takiej strefy czasowej.

weekday-mon = pon.
weekday-tue = wt.
weekday-wed = śr.
weekday-thu = czw.
weekday-fri = pt.
weekday-sat = sob.
weekday-sun = niedz.

## Strefa czasowa przestrzeni

space-settings-title = Ustawienia przestrzeni
time-zone-heading = Strefa czasowa
time-zone-lead = W tej strefie są ustawione rytuały i tu o północy zaczyna się „dziś” codziennej minuty. Każda ze stron i tak widzi wszystkie godziny w swojej własnej strefie.
time-zone-unset = Strefa czasowa nie jest jeszcze ustawiona, więc obowiązuje UTC.
time-zone-field = Strefa czasowa przestrzeni
time-zone-field-hint = Nazwa taka jak Europe/Warsaw albo America/New_York.
time-zone-yours = Twoje urządzenie podaje:
time-zone-submit = Zapisz strefę czasową
time-zone-saved = Zapisane. Ta przestrzeń liczy teraz czas według strefy { $zone }.
time-zone-invalid = Nie znamy takiej strefy czasowej. Użyj nazwy takiej jak Europe/Warsaw.

## Codzienna minuta

daily-title = Dziś, w minutę
daily-lead = Jak się czujesz, jedna rzecz, którą doceniasz, i twój plan na jutro. Każdą część możesz zostawić pustą.
daily-today = Dziś:
daily-rewriting = Dzisiejszy wpis już jest; ponowny zapis go zastąpi.
daily-field-mood = Jak się czujesz?
daily-mood-1 = ciężko
daily-mood-2 = słabo
daily-mood-3 = tak sobie
daily-mood-4 = dobrze
daily-mood-5 = lekko
daily-field-appreciation = Jedna rzecz, którą dziś doceniasz
daily-field-appreciation-hint = Wystarczy coś małego.
daily-field-plan = Twój plan na jutro
daily-field-private = Zachowam to dla siebie
daily-field-private-hint = W przeciwnym razie zobaczy to druga osoba.
daily-submit = Zapisz
daily-recent-heading = Ostatnie dwa tygodnie
daily-recent-none = Nic jeszcze nie zapisano. Kiedy tylko zechcesz.
daily-you = Ty
daily-only-you = tylko dla ciebie
daily-appreciated = Docenione:
daily-tomorrow = Jutro:
daily-mood-invalid = Wybierz, jak się czujesz, od 1 do 5.
daily-appreciation-empty = Napisz, co doceniasz, albo zostaw puste.
daily-appreciation-too-long = Tutaj najwyżej { $max } znaków.
daily-plan-empty = Napisz swój plan albo zostaw puste.
daily-plan-too-long = Tutaj najwyżej { $max } znaków.

## Odnośniki z przestrzeni i z konta

space-rituals-link = Rytuały
space-rituals-hint = Wasz stały wspólny czas, każdej stronie w jej strefie czasowej.
space-daily-link = Dziś, w minutę
space-daily-hint = Nastrój, jedna rzecz doceniona, plan na jutro.
space-settings-link = Ustawienia
space-settings-hint = Strefa czasowa przestrzeni.
account-calendar-link = Kalendarz
account-calendar-hint = Wasze rytuały i terminy obietnic we własnej aplikacji kalendarza.

## Kalendarz

calendar-name = Steadfast
calendar-discreet-title = Plany
calendar-promise-yours = Termin twojej obietnicy: { $text }
calendar-promise-theirs = Termin obietnicy złożonej tobie: { $text }
calendar-title = Kalendarz
calendar-lead = Prywatny adres, który możesz zasubskrybować w aplikacji kalendarza.
calendar-what = Są w nim wasze rytuały (dwa tygodnie wstecz i osiem tygodni naprzód) oraz terminy otwartych obietnic między tobą a drugą osobą — tylko to, co widzisz tutaj. Nigdy nie ma w nim prywatnych wpisów drugiej osoby. Każdy, kto zna ten adres, może go odczytać, więc zachowaj go dla siebie.
calendar-address-lead = Adres twojego kalendarza. Dodaj go w aplikacji kalendarza jako subskrypcję:
calendar-address-keep = Widzisz go tylko ten jeden raz. Jeśli go zgubisz, utwórz nowy.
calendar-on = Twój kalendarz jest włączony.
calendar-made-at = Utworzony { $when }.
calendar-fetched-at = Ostatnio pobrany przez aplikację kalendarza { $when } (z dokładnością do godziny).
calendar-fetched-never = Żadna aplikacja kalendarza jeszcze go nie pobrała.
calendar-times-hint = Jeśli został pobrany wtedy, gdy żaden z twoich kalendarzy nie mógł tego zrobić, adres może mieć ktoś inny: utwórz nowy albo wyłącz kalendarz.
calendar-discreet-field = Dyskretne tytuły
calendar-discreet-hint = Każdy wpis nazywa się „Plany”, bez nazw, treści obietnic i opisów — na wypadek, gdyby ktoś zerknął w twój kalendarz.
calendar-discreet-password-hint = Aby wyłączyć dyskretne tytuły, podaj hasło jeszcze raz: wtedy każda osoba, która zna adres, przeczyta nazwy i treść obietnic.
calendar-discreet-submit = Zapisz wybór tytułów
calendar-new-heading = Nowy adres
calendar-new-hint = Tworzy nowy adres i od razu wyłącza stary. Kalendarz obejmuje przestrzenie, w których jesteś w chwili tworzenia adresu; przestrzeń, do której dołączysz później, wymaga nowego adresu.
calendar-new-submit = Utwórz nowy adres
calendar-off-heading = Wyłącz kalendarz
calendar-off-hint = Adres od razu przestaje działać. Aplikacje kalendarza zachowują to, co już pobrały, do najbliższego odświeżenia.
calendar-off-submit = Wyłącz
calendar-none = Nie masz kalendarza.
calendar-create-submit = Utwórz mój kalendarz
calendar-feed-none = Nie masz jeszcze kalendarza.

## Pomoc

help-rituals-heading = Rytuały i codzienna minuta
help-rituals-text = Rytuał to czas, który regularnie zachowujecie dla siebie. Jego godziny są ustawione w strefie czasowej przestrzeni i przy zmianie czasu zostają o tej samej godzinie lokalnej; każda ze stron widzi je w swojej strefie. Godzina, której nie ma w noc przestawiania zegarów do przodu, przesuwa się o tę godzinę później; godzina, która przy cofaniu zegarów zdarza się dwa razy, to pierwsza z nich. Gdy zmienicie strefę czasową przestrzeni, rytuały zachowują swoją, dopóki nie zapiszecie ich ponownie.
help-daily-text = Codzienna minuta to jeden krótki formularz: jak się czujesz, jedna rzecz, którą doceniasz, twój plan na jutro. Ponowny zapis tego samego dnia zastępuje wpis z tego dnia. Wpisy widzi druga osoba, chyba że zachowasz któryś dla siebie. Pominięty dzień nic nie kosztuje i nic tu nie liczy dni.
help-calendar-heading = Kalendarz
help-calendar-text = Na stronie konta możesz utworzyć prywatny adres kalendarza. Aplikacja, która go subskrybuje, pokazuje wasze rytuały i terminy otwartych obietnic między tobą a drugą osobą, z ich nazwami — albo, przy dyskretnych tytułach, tylko słowo „Plany”, bez opisów. Nigdy nie ma w nim niczyich prywatnych wpisów. Każdy, kto zna adres, może go odczytać: w każdej chwili możesz utworzyć nowy albo wyłączyć kalendarz, a stary adres od razu przestaje działać.
