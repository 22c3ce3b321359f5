# Daty i godziny tak, jak zapisałby je człowiek. Skrót dnia tygodnia pochodzi z wiadomości
# weekday-* (rituals.ftl). Miesiące w dopełniaczu: „8 grudnia”.

date-month-1 = stycznia
date-month-2 = lutego
date-month-3 = marca
date-month-4 = kwietnia
date-month-5 = maja
date-month-6 = czerwca
date-month-7 = lipca
date-month-8 = sierpnia
date-month-9 = września
date-month-10 = października
date-month-11 = listopada
date-month-12 = grudnia

# Dzień: „wt., 8 grudnia”; z rokiem, gdy to nie ten rok.
date-day = { $weekday }, { $day } { $month }
date-day-year = { $weekday }, { $day } { $month } { $year }

# Godzina na zegarze 24-godzinnym: „20:00”.
date-clock = { $h24 }:{ $mm }

# Dzień i godzina: „wt., 8 grudnia, 20:00”.
date-when = { $date }, { $time }

# Odsetek: „72%”.
number-percent = { $percent }%

# Gdy przeglądarka nie podała jeszcze strefy, strony przestrzeni używają strefy przestrzeni.
time-zone-space-note = Czas w strefie czasowej waszej przestrzeni ({ $zone }).

## Urządzenie, z którego ktoś jest zalogowany, na stronie konta: nazwy marek bez zmian.

device-on = { $browser } ({ $system })
device-browser = Przeglądarka
device-unknown = Nieznane urządzenie
