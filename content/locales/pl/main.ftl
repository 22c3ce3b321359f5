# Steadfast — polski. Każde słowo, które widzi użytkownik, pochodzi stąd albo z en/main.ftl.

site-name = Steadfast
site-tagline = Prywatne miejsce, w którym dwoje ludzi buduje zaufanie — krok po kroku, obietnica po obietnicy.

skip-to-content = Przejdź do treści
quick-exit = Szybkie wyjście
quick-exit-hint = Natychmiast opuszcza tę stronę i otwiera zwyczajną witrynę. Możesz też nacisnąć trzy razy Shift.
language-label = Język
language-switch = Zmień język

home-title = Zaufanie budowane małymi krokami
home-lead = Steadfast pomaga dwojgu partnerom zobaczyć zaufanie: dotrzymane lub uczciwie renegocjowane obietnice, cotygodniową rozmowę, wspólnie ustalone granice i ostrożną drogę powrotu, gdy zaufanie zostało złamane.
home-what-heading = Co możesz tu robić
home-promises-title = Dotrzymuj małych obietnic
home-promises-text = Obiecaj coś małego, a partner potwierdzi, że się udało. Z czasem oboje widzicie, jak wam idzie — z uczciwie pokazaną niepewnością, nigdy jako ocena człowieka.
home-checkin-title = Spotykajcie się raz w tygodniu
home-checkin-text = Krótka cotygodniowa rozmowa, wzorowana na spotkaniu „stan naszego związku” Gottmana: najpierw docenienie, potem jeden temat, na końcu to, czego każde z was potrzebuje w nowym tygodniu.
home-boundaries-title = Ustalcie granice
home-boundaries-text = Nazwij granice, które są dla ciebie ważne. Gdy któraś zostanie przekroczona, jest spokojny sposób, by to przyznać i zapobiec kolejnemu razowi.
home-repair-title = Naprawa po zranieniu
home-repair-text = Plan naprawy w trzech etapach — zadośćuczynienie, dostrojenie, ponowne zbliżenie — w którym tempo wyznacza osoba zraniona.
home-principles-heading = Co ci obiecujemy
home-principle-private = Domyślnie prywatnie. To, co zachowasz dla siebie, nie zostawia partnerowi żadnego śladu: ani liczby, ani tytułu, ani daty.
home-principle-equal = Jesteście równi. Nic tutaj nie śledzi partnera za ciebie: żadnej lokalizacji, żadnego „ostatnio widziany”, żadnych potwierdzeń odczytu.
home-principle-forgiving = Wyrozumiale, bez gry. Żadnych serii do stracenia ani rankingów. Opuszczony dzień nic nie kosztuje.
home-principle-yours = Twoje. Steadfast działa na twoim komputerze albo na serwerze twojego gabinetu, a twoje słowa tam zostają.
home-safety-heading = Jeśli nie czujesz się bezpiecznie
home-safety-text = Przycisk szybkiego wyjścia na górze każdej strony od razu przenosi cię na zwyczajną witrynę. Trzykrotne naciśnięcie Shift działa tak samo.

footer-note = Steadfast to wolne oprogramowanie, które możesz uruchomić samodzielnie.

error-not-found-title = Nie znaleźliśmy tej strony
error-not-found-text = Adres może zawierać literówkę albo strona już nie istnieje.
error-method-title = To się nie udało
error-method-text = Tej strony nie można użyć w ten sposób. Wróć i spróbuj ponownie z samej strony.
error-cross-site-title = To żądanie przyszło z innej witryny
error-cross-site-text = Dla twojego bezpieczeństwa Steadfast przyjmuje tylko formularze wysłane z własnych stron. Otwórz Steadfast bezpośrednio i spróbuj jeszcze raz.
error-too-large-title = To za dużo naraz
error-too-large-text = Skróć to, co napisałeś lub napisałaś, i wyślij ponownie.
error-bad-request-title = Nie udało się tego odczytać
error-bad-request-text = Coś w żądaniu miało inną postać, niż się spodziewaliśmy. Wróć i spróbuj ponownie.
error-timeout-title = To trwało za długo
error-timeout-text = Spróbuj ponownie za chwilę.
error-internal-title = Coś poszło nie tak po naszej stronie
error-internal-text = Spróbuj ponownie za chwilę. Jeśli to się powtarza, przekaż osobie, która prowadzi ten Steadfast, poniższy numer; pomoże jej znaleźć problem bez wglądu w to, co napisałeś lub napisałaś.
error-reference = Numer zgłoszenia: { $id }
error-home-link = Przejdź do strony startowej

nav-sign-in = Zaloguj się
nav-sign-up = Załóż konto
nav-sign-out = Wyloguj się
nav-account = Twoje konto

form-errors-heading = Sprawdź, proszę, wpisane dane
field-username = Nazwa logowania
field-username-hint = Wybierz nazwę, która cię nie zdradza — nie swoje imię i nazwisko, numer telefonu ani e-mail. Każdy, kto trzyma to urządzenie, może ją zobaczyć.
field-password = Hasło
field-password-hint = Co najmniej 8 znaków, dowolnych. Kilka niepowiązanych słów to mocne hasło, które łatwo zapamiętać.
field-email = E-mail (nieobowiązkowo)
field-email-hint = Tylko do przypomnień, które sam lub sama włączysz. Partner nigdy go nie widzi.

sign-up-title = Załóż konto
sign-up-lead = Wystarczy nazwa logowania i hasło.
sign-up-submit = Załóż konto
sign-up-have-account = Masz już konto?

sign-in-title = Zaloguj się
sign-in-submit = Zaloguj się
sign-in-failed = Nazwa logowania i hasło do siebie nie pasują. Spróbuj ponownie.
sign-in-no-account = Jesteś tu pierwszy raz?

signed-out = Wylogowano.

recovery-codes-title = Twoje kody odzyskiwania
recovery-codes-lead = Jeśli kiedyś zapomnisz hasła, każdy z tych kodów pozwoli ustawić nowe. Każdy kod działa tylko raz.
recovery-codes-keep = Przechowuj je tam, gdzie tylko ty masz dostęp — nie na wspólnym urządzeniu i nie tam, gdzie partner mógłby je znaleźć. Widzisz je teraz po raz jedyny.
recovery-codes-done = Zapisałem lub zapisałam kody

username-too-short = Nazwa logowania musi mieć co najmniej { $min } znaki.
username-too-long = Nazwa logowania może mieć najwyżej { $max } znaków.
username-bad-character = Nazwa logowania może zawierać litery, cyfry, kropki, myślniki i podkreślenia — bez spacji.
username-taken = Ta nazwa logowania jest już zajęta. Wybierz inną.
password-too-short = Hasło musi mieć co najmniej { $min } znaków.
password-too-long = To hasło jest za długie; użyj krótszego.
password-too-common = To hasło jest na liście najpopularniejszych haseł, które każdy sprawdza w pierwszej kolejności. Wybierz inne.
password-same-as-username = Hasło nie może być takie samo jak nazwa logowania.
email-invalid = To nie wygląda na adres e-mail. Możesz też zostawić to pole puste.

error-too-many-title = Chwileczkę
error-too-many-text = W krótkim czasie było zbyt wiele prób. Odczekaj chwilę i spróbuj ponownie.
api-sign-in-needed = Najpierw się zaloguj.
api-json-expected = Wyślij treść w formacie JSON z nagłówkiem Content-Type: application/json.
api-invalid-body = W treści JSON brakuje pola albo któreś ma niewłaściwy typ.
nav-label = Konto

account-title = Twoje konto
account-signed-in-as = Zalogowano jako { $name }
sessions-heading = Gdzie jesteś zalogowany lub zalogowana
sessions-lead = Tę listę widzisz tylko ty. Jeśli widzisz urządzenie, którego nie znasz, wyloguj się wszędzie i zmień hasło.
session-this-device = To urządzenie
session-started = Zalogowano { $ago }
session-active = Ostatnia aktywność { $ago }
sessions-sign-out-others = Wyloguj wszędzie indziej
sessions-sign-out-all = Wyloguj wszędzie
time-just-now = przed chwilą
time-minutes-ago = { $count ->
    [one] minutę temu
    [few] { $count } minuty temu
   *[many] { $count } minut temu
}
time-hours-ago = { $count ->
    [one] godzinę temu
    [few] { $count } godziny temu
   *[many] { $count } godzin temu
}
time-days-ago = { $count ->
    [one] wczoraj
   *[other] { $count } dni temu
}
