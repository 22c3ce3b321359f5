# Coache: coach lub terapeuta pary, za zgodą każdego z partnerów z osobna.

coach-nav = Coaching
coach-someone = konto, którego już nie ma
coach-notice-title = To się nie udało
coach-read-only-title = Coach może tylko czytać
coach-read-only-text = Konto coacha służy tylko do czytania: pokazuje to, co udostępniły osoby z pary, ale nie pozwala niczego zmienić w przestrzeni.

coach-read-overview = Przegląd postępów
coach-read-report = Raport do wydruku na sesję
coach-read-other = Widok coacha

coach-invite-not-a-coach = Ten link jest dla konta coacha. Wyloguj się i otwórz go ponownie, aby założyć takie konto, albo zaloguj się na konto coacha.
coach-invite-already = Już jesteś coachem tej pary.
coach-grant-no-coach = Ta przestrzeń nie ma coacha, któremu można dać dostęp.
coach-grant-days-invalid = Wybierz liczbę dni od 1 do { $max }.

coach-invite-title = Zaproszenie do prowadzenia pary
coach-invite-lead = Para zaprasza cię do śledzenia swoich postępów w przestrzeni
coach-invite-consent = Nie zobaczysz niczego, dopóki każda z osób w parze nie da ci dostępu do swoich udostępnionych danych. Każdy otwarty przez ciebie widok jest pokazywany osobie, której dane dotyczy.
coach-invite-accept = Zostań ich coachem
coach-invite-sign-up-heading = Załóż konto coacha
coach-invite-sign-up-submit = Załóż konto i przyjmij
coach-invite-have-account = Masz już konto coacha?

coach-invite-created-title = Link z zaproszeniem dla coacha
coach-invite-created-lead = Wyślij ten link swojemu coachowi kanałem, któremu ufasz. Działa jeden raz.
coach-invite-expires = Ważny do

coach-home-title = Pary, które prowadzisz
coach-home-lead = Każda z osób w parze osobno decyduje, co możesz zobaczyć i jak długo. Możesz czytać, nie możesz niczego zmieniać.
coach-home-empty = Żadna para jeszcze cię nie zaprosiła. Link z zaproszeniem można utworzyć na stronie coachingu przestrzeni pary.

coach-generated = Stan na
coach-view-note = Tylko do odczytu. Widzisz wyłącznie to, co każda z osób w parze zdecydowała się ci udostępnić, a każdy otwarty widok jest im pokazywany.
coach-report-title = Raport na sesję
coach-report-link = Raport do wydruku na sesję
coach-report-print = Drukuj
coach-back = Wróć do listy par
coach-nothing-granted = Żadna z osób w parze nie udostępnia ci teraz niczego.
coach-felt-heading = Odczuwane zaufanie w kolejnych tygodniach
coach-felt-title = Odczuwane zaufanie: { $name }
coach-felt-desc = { $count ->
    [one] Średnia z dziewięciu pytań o zaufanie (0–6) w 1 rozmowie.
    [few] Średnia z dziewięciu pytań o zaufanie (0–6) w { $count } rozmowach.
    [many] Średnia z dziewięciu pytań o zaufanie (0–6) w { $count } rozmowach.
   *[other] Średnia z dziewięciu pytań o zaufanie (0–6) w { $count } rozmowy.
}
coach-felt-summary = Od { $first } w pierwszej rozmowie do { $latest } w ostatniej (skala 0–6).
coach-felt-one = { $value } w jedynej dotąd rozmowie (skala 0–6).
coach-felt-none = Brak jeszcze udostępnionych odpowiedzi z rozmów.
coach-checkins-heading = Cotygodniowe rozmowy
coach-checkins-done = { $count ->
    [one] 1 ukończona rozmowa.
    [few] { $count } ukończone rozmowy.
    [many] { $count } ukończonych rozmów.
   *[other] { $count } ukończonej rozmowy.
}
coach-repairs-heading = Plany naprawy
coach-repairs-need-both = Plany naprawy są widoczne tylko wtedy, gdy obie osoby dały ci dostęp: plan posuwa się krokami obu stron.
coach-repairs-none = Brak otwartego planu naprawy.
coach-repair-phase = etap:
coach-repair-hurt = jako osoba zraniona
coach-repair-responsible = jako osoba, która zraniła
coach-record-heading = Rejestr obietnic
coach-record-unavailable = Pokazywany tylko wtedy, gdy obie osoby dały ci dostęp i obie mają włączony rejestr obietnic: to obietnice jednej osoby potwierdzone przez drugą.
coach-record-direction = Jak szło z obietnicami — obiecuje: { $promiser }, potwierdza: { $receiver }
coach-record-summary = Oczekiwana niezawodność { $expected } (prawdopodobnie między { $lower } a { $upper }); dotrzymane: { $kept }, złamane: { $broken }.
coach-footnote = Liczby pochodzą wyłącznie z tego, co udostępniły osoby z pary. Prywatne wpisy nigdy nie są częścią tego widoku.

coach-settings-title = Coaching
coach-settings-lead = Zaproś osobę prowadzącą z wami coaching lub terapię, aby mogła śledzić wasze postępy. To ty decydujesz, co z twoich danych zobaczy i jak długo.
coach-settings-consent = Gabinet potwierdza twoją zgodę z tobą na osobności. Zgoda udzielona tutaj otwiera tylko twoje udostępnione wpisy, nigdy prywatne i nigdy wpisy drugiej osoby: ona decyduje o swoich, a żadna ze stron nie widzi wyboru drugiej. Cofnięcie to jedno kliknięcie i działa od następnej strony, którą otworzy coach.
coach-list-heading = Coach waszej przestrzeni
coach-list-empty = Nie ma jeszcze coacha.
coach-since = coach od
coach-granted-until = Udostępniasz swoje dane temu coachowi do
coach-not-granted = Nie udostępniasz niczego temu coachowi.
coach-grant-days = Na ile dni
coach-grant-days-hint = 90 dni, chyba że wybierzesz inaczej; możesz cofnąć w każdej chwili.
coach-grant = Udostępnij moje dane temu coachowi
coach-revoke = Przestań udostępniać teraz
coach-invite-heading = Zaproś coacha
coach-invite-hint = Tworzy link, który działa raz, przez 72 godziny. Coach nic nie widzi, dopóki nie dasz dostępu.
coach-invite-submit = Utwórz link z zaproszeniem dla coacha
coach-reads-heading = Kto otwierał moje dane
coach-reads-hint = Każde otwarcie przez coacha widoku z twoimi danymi: kiedy, kto i jaki widok. Nie to, co było w nim widać.
coach-reads-empty = Dotąd nikt z coachingu nie otworzył widoku z twoimi danymi.
coach-reads-when = Kiedy
coach-reads-who = Coach
coach-reads-what = Widok

space-coach-link = Coaching
space-coach-hint = Zaproś coacha i wybierz, co z twoich danych zobaczy
