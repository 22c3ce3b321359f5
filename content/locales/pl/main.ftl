# Steadfast — polski. Każde słowo, które widzi użytkownik, pochodzi stąd albo z en/main.ftl.

site-name = Steadfast
site-tagline = Prywatne miejsce, w którym dwoje ludzi buduje zaufanie — krok po kroku, obietnica po obietnicy.

skip-to-content = Przejdź do treści
quick-exit = Szybkie wyjście
quick-exit-hint = Wylogowuje i natychmiast opuszcza tę stronę, otwierając zwyczajną witrynę. Możesz też nacisnąć trzy razy Shift.
language-label = Język
language-switch = Zmień język

home-title = Zaufanie budowane małymi krokami
home-lead = Steadfast pomaga dwóm osobom w związku zobaczyć zaufanie: dotrzymane lub uczciwie renegocjowane obietnice, cotygodniową rozmowę, wspólnie ustalone granice i ostrożną drogę powrotu, gdy zaufanie zostało złamane.
home-what-heading = Co możesz tu robić
home-promises-title = Dotrzymuj małych obietnic
home-promises-text = Obiecaj coś małego, a druga osoba potwierdzi, że się udało. Z czasem obie strony widzą, jak wam idzie — z uczciwie pokazaną niepewnością, nigdy jako ocena człowieka.
home-checkin-title = Spotykajcie się raz w tygodniu
home-checkin-text = Krótka cotygodniowa rozmowa: najpierw docenienie, potem jeden temat, na końcu to, czego każda ze stron potrzebuje w nowym tygodniu.
home-boundaries-title = Ustalcie granice
home-boundaries-text = Nazwij granice, które są dla ciebie ważne. Gdy któraś zostanie przekroczona, jest spokojny sposób, by to przyznać i zapobiec kolejnemu razowi.
home-repair-title = Naprawa po zranieniu
home-repair-text = Plan naprawy w trzech etapach — zadośćuczynienie, dostrojenie, więź — w którym tempo wyznacza osoba zraniona.
home-principles-heading = Co ci obiecujemy
home-principle-private = Domyślnie prywatnie. To, co zachowasz dla siebie, nie zostawia drugiej osobie żadnego śladu: ani liczby, ani tytułu, ani daty.
home-principle-equal = Macie tu te same prawa. Nic tutaj nie śledzi drugiej osoby za ciebie: żadnej lokalizacji, żadnego „ostatnio widziany”, żadnych potwierdzeń odczytu.
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
error-too-large-text = Skróć ten tekst i wyślij ponownie.
error-bad-request-title = Nie udało się tego odczytać
error-bad-request-text = Coś w żądaniu miało inną postać, niż się spodziewaliśmy. Wróć i spróbuj ponownie.
error-timeout-title = To trwało za długo
error-timeout-text = Spróbuj ponownie za chwilę.
error-internal-title = Coś poszło nie tak po naszej stronie
error-internal-text = Spróbuj ponownie za chwilę. Jeśli to się powtarza, przekaż osobie, która prowadzi ten Steadfast, poniższy numer; pomoże jej znaleźć problem bez wglądu w twoje wpisy.
error-reference = Numer zgłoszenia: { $id }
error-home-link = Przejdź do strony startowej

nav-sign-in = Zaloguj się
nav-sign-up = Załóż konto
nav-sign-out = Wyloguj się
nav-account = Konto

form-errors-heading = Sprawdź, proszę, wpisane dane
field-username = Nazwa logowania
field-username-hint = Wybierz nazwę, która cię nie zdradza — nie swoje imię i nazwisko, numer telefonu ani e-mail. Każdy, kto trzyma to urządzenie, może ją zobaczyć.
field-password = Hasło
field-password-hint = Co najmniej 8 znaków, dowolnych. Kilka niepowiązanych słów to mocne hasło, które łatwo zapamiętać.
field-email = E-mail (nieobowiązkowo)
field-email-hint = Tylko do przypomnień, jeśli je włączysz. Druga osoba nigdy go nie widzi.

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
recovery-codes-keep = Przechowuj je tam, gdzie tylko ty masz dostęp — nie na wspólnym urządzeniu i nie tam, gdzie druga osoba mogłaby je znaleźć. Widzisz je teraz po raz jedyny.
recovery-codes-done = { $my_form ->
    [feminine] Zapisałam kody
    [masculine] Zapisałem kody
   *[other] Kody są zapisane
}
recovery-codes-start-together = Kody zapisane: utwórz naszą przestrzeń i zaproś
recovery-codes-other-start = Inne sposoby na początek
recovery-codes-join = Kody zapisane, dołączam do przestrzeni
recovery-codes-see-invite = Najpierw pokaż zaproszenie

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
error-too-many-text = { $count ->
    [one] W krótkim czasie było zbyt wiele prób. Odczekaj minutę i spróbuj ponownie.
    [few] W krótkim czasie było zbyt wiele prób. Odczekaj { $count } minuty i spróbuj ponownie.
   *[many] W krótkim czasie było zbyt wiele prób. Odczekaj { $count } minut i spróbuj ponownie.
}
error-crowded-text = W tej chwili dzieje się naraz bardzo wiele, więc nie udało się jeszcze sprawdzić hasła. Wpisz je ponownie za moment.
error-busy-title = Chwilowo zajęte
error-busy-text = W tej samej chwili zapisywało się coś innego i twój zapis nie przeszedł. Nic nie zginęło ani nie zapisało się w połowie: spróbuj ponownie za sekundę.
write-quota-title = Chwileczkę
write-quota-text = { $count ->
    [one] To przyszło szybciej, niż da się pisać ręcznie, więc jeszcze się nie zapisało. Odczekaj sekundę i wyślij ponownie: wszystko, co wpisano, jest tutaj.
    [few] To przyszło szybciej, niż da się pisać ręcznie, więc jeszcze się nie zapisało. Odczekaj { $count } sekundy i wyślij ponownie: wszystko, co wpisano, jest tutaj.
   *[many] To przyszło szybciej, niż da się pisać ręcznie, więc jeszcze się nie zapisało. Odczekaj { $count } sekund i wyślij ponownie: wszystko, co wpisano, jest tutaj.
}
write-quota-kept = Twój tekst
write-quota-send-again = Wyślij ponownie
pager-label = Dalsza część listy
pager-previous = ← Poprzednia strona
pager-next = Następna strona →
write-quota-api = { $count ->
    [one] Za dużo zmian w krótkim czasie: nic nie zapisano. Odczekaj sekundę i wyślij ponownie.
    [few] Za dużo zmian w krótkim czasie: nic nie zapisano. Odczekaj { $count } sekundy i wyślij ponownie.
   *[many] Za dużo zmian w krótkim czasie: nic nie zapisano. Odczekaj { $count } sekund i wyślij ponownie.
}
api-sign-in-needed = Najpierw się zaloguj.
api-json-expected = Wyślij treść w formacie JSON z nagłówkiem Content-Type: application/json.
api-invalid-body = W treści JSON brakuje pola albo któreś ma niewłaściwy typ.
api-limit-invalid = Można poprosić o od 1 do { $max } pozycji naraz.
api-cursor-invalid = Ten parametr „after” nie wskazuje niczego na tej liście: zacznij od pierwszej strony albo użyj „next” z odpowiedzi.
nav-label = Konto

account-title = Twoje konto
account-signed-in-as = Zalogowano jako { $name }

grammatical-form-heading = Jak mówi do ciebie polska wersja
grammatical-form-legend = Po polsku zwracaj się do mnie i pisz o mnie
grammatical-form-hint = Po polsku słowa zmieniają się zależnie od rodzaju („zrobiłaś”, „zrobiłeś”). Dopóki nie wybierzesz, Steadfast używa sformułowań bez rodzaju. Strony drugiej osoby w waszej przestrzeni użyją twojego wyboru, gdy mowa o tobie. Po angielsku nic się nie zmienia.
grammatical-form-neutral = bez rodzaju
grammatical-form-feminine = w formie żeńskiej
grammatical-form-masculine = w formie męskiej
grammatical-form-submit = Zapisz
grammatical-form-saved = Zapisane. Polskie teksty zwracają się teraz do ciebie tak, jak wybrano.
grammatical-form-invalid = Wybierz formę żeńską, męską albo bez rodzaju (feminine, masculine, neutral).
sessions-heading = Gdzie trwają twoje sesje
sessions-lead = Tę listę widzisz tylko ty. Jeśli widzisz urządzenie, którego nie znasz, wyloguj się wszędzie i zmień hasło. Wylogowanie wszędzie (lub wszędzie indziej) unieważnia też wszystkie osobiste tokeny API i twój kalendarz.
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

# Przestrzenie i łączenie w parę
space-nav = Przestrzenie
space-zone-line = Dni, rytuały i przypomnienia liczą się tu według strefy { $zone }.
space-home-link = Przejdź do swoich przestrzeni
space-list-title = Twoje przestrzenie
space-list-lead = Przestrzeń to miejsce, w którym trzymacie swoje obietnice, cotygodniowe rozmowy i granice. Możesz założyć ją samodzielnie i zaprosić drugą osobę, kiedy przyjdzie na to czas.
space-list-empty = Nie masz jeszcze żadnej przestrzeni.
space-status-left = Opuszczona
space-create-heading = Załóż przestrzeń
space-field-name = Nazwa przestrzeni
space-field-name-hint = Zobaczysz ją tylko ty i osoba, którą zaprosisz. Wystarczy coś prostego, na przykład „Nasze miejsce”.
space-create-submit = Załóż przestrzeń
space-name-empty = Nadaj, proszę, przestrzeni nazwę.
space-name-too-long = Nazwa przestrzeni może mieć najwyżej { $max } znaków.
space-name-bad-character = Nazwa przestrzeni nie może zawierać niewidocznych ani sterujących znaków.
space-full = W tej przestrzeni są już dwie osoby, więc nikt więcej nie może do niej dołączyć.
space-partner-joined = Tę przestrzeń dzielisz z drugą osobą: { $name }.
space-waiting = Czekamy na drugą osobę. Dopóki nie dołączy, wszystko tutaj działa tylko dla ciebie.
space-members-label = Kto jest w tej przestrzeni
space-member-you = ty
space-back-to-list = Wróć do swoich przestrzeni
space-leave-heading = Wyjście
space-leave-hint = W każdej chwili możesz samodzielnie opuścić tę przestrzeń.
space-leave-link = Opuść tę przestrzeń
space-leave-title = Opuścić tę przestrzeń?
space-leave-lead = Wychodzisz od razu i samodzielnie: nikt nie jest o nic pytany. Druga osoba dowie się tylko, że wasze połączenie się zakończyło — ani kiedy, ani dlaczego. Twoje własne wpisy zostają przy tobie, a od tej chwili nie widzisz niczego, co należy do drugiej osoby. To, co jej udostępniono, zanim połączenie się zakończyło, zostaje u niej do przeczytania jako od „osoby, która opuściła przestrzeń”, bez twojego imienia: obietnice dla niej i to, jak poszły, przeprosiny, granice, plany naprawy i rejestr. Twoje prywatne wpisy odchodzą razem z tobą i nie zostawiają śladu.
space-leave-confirm = Tak, opuszczam tę przestrzeń
space-leave-cancel = Zostaję
pairing-ended = Połączenie w parę w tej przestrzeni zakończyło się. To, co druga osoba ci udostępniła, zanim wyszła, zostaje z tobą do przeczytania; nic więcej nie da się z tym zrobić i nic nowego już nie przybędzie. Możesz dalej korzystać z przestrzeni samodzielnie albo znów kogoś zaprosić.
pairing-ended-you-left = Nie należysz już do tej przestrzeni. Połączenie w parę zakończyło się i nic tutaj nie jest już udostępniane.
invite-heading = Zaproś drugą osobę
invite-lead = Dostaniesz link do wysłania drugiej osobie. Działa raz, przez 72 godziny.
invite-submit = Utwórz link z zaproszeniem
invite-open-heading = Zaproszenia jeszcze niewykorzystane
invite-created-ago = Utworzone { $ago }
invite-expires-hours = { $count ->
    [one] wygasa za godzinę
    [few] wygasa za { $count } godziny
   *[many] wygasa za { $count } godzin
}
invite-revoke = Wycofaj
invite-created-title = Twój link z zaproszeniem
invite-created-lead = Wyślij ten link drugiej osobie tak, żeby tylko ona go zobaczyła. Działa raz, przez 72 godziny.
invite-created-link-label = Link z zaproszeniem
invite-created-once = Link zostaje na tym urządzeniu przez godzinę, więc możesz tu do niego wrócić. Później, albo na innym urządzeniu, nie da się go już pokazać: wycofaj go na stronie przestrzeni i utwórz nowy.
invite-copy = Skopiuj link
invite-copied = Skopiowano.
invite-share = Udostępnij…
invite-qr-heading = Siedzicie obok siebie?
invite-qr-hint = Druga osoba może zeskanować ten kod aparatem w telefonie.
invite-qr-label = Kod QR z linkiem do zaproszenia
invite-gone-title = Tego linku nie da się już pokazać
invite-gone-text = Dla bezpieczeństwa link z zaproszeniem jest przechowywany tylko na urządzeniu, na którym powstał, i tylko przez godzinę. Jeśli druga osoba jeszcze go nie użyła, wycofaj go na stronie przestrzeni i utwórz nowy.
invite-created-done = Wróć do przestrzeni
invite-title = Zaproszenie
invite-signed-out-lead = Ktoś zaprosił cię do wspólnej przestrzeni w Steadfast. Zaloguj się albo załóż konto, aby zobaczyć zaproszenie.
invite-sign-in = Zaloguj się
invite-sign-up = Załóż konto
invite-offer = Zaproszenie do wspólnej przestrzeni „{ $name }”.
invite-offer-hint = Po dołączeniu ta przestrzeń będzie wspólna. Każda ze stron może w każdej chwili samodzielnie z niej wyjść.
invite-accept = Dołącz do tej przestrzeni
invite-decline = Nie teraz
invite-invalid = To zaproszenie nie jest już ważne.
invite-invalid-hint = Jeśli nadal chcesz dołączyć, poproś osobę, która cię zaprosiła, o nowy link.
invite-used = To zaproszenie zostało już wykorzystane, więc nie można go wycofać.
invite-already-member = Już jesteś w tej przestrzeni.

# Zarządzanie kontem: zmiana hasła, odzyskiwanie, tokeny API, usuwanie konta; strona pomocy.
password-change-heading = Zmień hasło
password-change-lead = Zmiana hasła wyloguje cię wszędzie indziej. To urządzenie pozostanie zalogowane.
password-change-current = Obecne hasło
password-change-new = Nowe hasło
password-change-submit = Zmień hasło
password-change-current-wrong = To nie jest twoje obecne hasło.
password-change-done = Hasło zostało zmienione. Wszystkie inne sesje zostały zakończone, a wszystkie osobiste tokeny API oraz twój kalendarz unieważnione.

recovery-forgot-link = Nie pamiętasz hasła?
recovery-title = Ustaw nowe hasło za pomocą kodu odzyskiwania
recovery-lead = Jeśli nie pamiętasz hasła, jeden z kodów odzyskiwania zapisanych przy zakładaniu konta pozwoli ustawić nowe. Odzyskiwanie nigdy nie odbywa się przez drugą osobę ani nikogo innego.
recovery-code = Kod odzyskiwania
recovery-code-hint = Wygląda tak: abcd-efgh-jkmn-pqrs. Wielkość liter, spacje i myślniki nie mają znaczenia. Każdy kod działa raz.
recovery-submit = Ustaw nowe hasło
recovery-failed = Nazwa logowania i kod odzyskiwania do siebie nie pasują albo kod został już użyty. Sprawdź oba i spróbuj ponownie.
recovery-no-codes = Bez kodu odzyskiwania nie da się sprawdzić, że konto jest twoje, więc nikt — ani osoby prowadzące ten Steadfast, ani druga osoba z twojej przestrzeni — nie może go za ciebie odzyskać.
recovery-done = Nowe hasło jest ustawione, a to urządzenie jest już zalogowane. Wszystkie inne sesje zostały zakończone, a wszystkie osobiste tokeny API oraz twój kalendarz unieważnione.
recovery-codes-heading = Kody odzyskiwania
recovery-codes-left = { $count ->
    [0] Nie masz już niewykorzystanych kodów odzyskiwania.
    [one] Masz jeden niewykorzystany kod odzyskiwania.
    [few] Masz { $count } niewykorzystane kody odzyskiwania.
   *[many] Masz { $count } niewykorzystanych kodów odzyskiwania.
}
recovery-codes-none-left = Wykorzystano ostatni kod odzyskiwania. Bez kodu nie da się zastąpić zapomnianego hasła.
recovery-codes-make-new = Utwórz nowe kody odzyskiwania
recovery-codes-renew-lead = Nowe kody zastępują wszystkie dotychczasowe, wykorzystane i niewykorzystane. Wpisz hasło, aby je utworzyć; zobaczysz je tylko raz.
recovery-codes-renew-submit = Utwórz nowe kody odzyskiwania

token-heading = Osobiste tokeny API
token-lead = Token pozwala twoim własnym skryptom i aplikacjom korzystać z API Steadfast w twoim imieniu. Nie otwiera tych stron, nie zmieni hasła i nie utworzy kolejnych tokenów. Unieważnij każdy token, którego nie rozpoznajesz.
token-none = Nie masz żadnych tokenów.
token-unnamed = Token bez nazwy
token-created-at = Utworzony { $when }
token-last-used = ostatnio użyty { $ago }
token-never-used = jeszcze nieużyty
token-expires-at = przestanie działać { $when }
token-new-notice = Dla twojego konta utworzono osobisty token API ({ $when }): „{ $label }”. Jeśli to nie ty, unieważnij go poniżej i zmień hasło.
token-new-notice-look = Zobacz swoje tokeny
token-new-notice-dismiss = To mój token: ukryj tę informację
token-days = Po ilu dniach ma przestać działać (nieobowiązkowo)
token-days-hint = Domyślnie 90, najwyżej 365. Każdy token przestaje też działać od razu po zmianie hasła, odzyskaniu konta lub wylogowaniu wszędzie.
token-password-hint = Podaj hasło jeszcze raz: token działa także po wylogowaniu, więc tylko ty możesz go utworzyć.
token-expiry-out-of-range = Token może działać od { $min } do { $max } dni.
notice-recovery-code-used = Dnia { $when } jeden z twoich kodów odzyskiwania posłużył do ustawienia nowego hasła do twojego konta. Jeśli to nie ty, ktoś inny ma twoje kody: ustaw nowe hasło i utwórz poniżej nowe kody.
notice-operator-recovery = Dnia { $when } administracja serwera utworzyła link do zresetowania twojego hasła. Jeśli to nie była twoja prośba, daj znać administracji serwera.
notice-operator-disabled = Dnia { $when } administracja serwera zablokowała twoje konto: nikt nie mógł się na nie zalogować, a wszystkie sesje i tokeny wygasły. Od tego czasu konto zostało odblokowane.
notice-dismiss = Widzę: ukryj
notice-on-account-page = Coś się zmieniło w haśle lub kodach twojego konta.
notice-see-account = Zobacz stronę konta
recovery-codes-renew-fresh = Konto zostało właśnie odzyskane, więc możesz teraz utworzyć nowe kody bez podawania hasła. Stare przestaną działać.
token-revoke = Unieważnij
token-revoked = Token został unieważniony. Nic, co z niego korzystało, nie ma już dostępu do twojego konta.
token-label = Nazwa nowego tokenu (nieobowiązkowo)
token-label-hint = Coś, co przypomni ci, gdzie go używasz, np. „skrypt kopii zapasowej”.
token-create-submit = Utwórz token
token-created-title = Twój nowy token
token-created-lead = Skopiuj go teraz do skryptu lub aplikacji, która go potrzebuje. Widzisz go tylko ten jeden raz; przechowujemy jedynie jego zaszyfrowany skrót.
token-created-keep = Każdy, kto ma ten token, może przez API czytać i zmieniać twoje dane. Nie pokazuj go nikomu i unieważnij go na stronie konta, gdy przestanie być potrzebny.
token-created-done = Wróć do konta
token-label-too-long = Nazwa tokenu może mieć najwyżej { $max } znaków.
token-label-bad-character = Nazwa tokenu nie może zawierać podziałów wiersza ani niewidocznych znaków.
token-session-needed = Do tego trzeba być zalogowanym; osobisty token API tego nie zrobi.

delete-heading = Usuń konto
delete-lead = Usunięcie konta od razu i na zawsze usuwa twoje prywatne wpisy i wszystko, co cię nazywa. To, co udostępniono osobie, która zostaje, pozostaje u niej do przeczytania, bez twojego imienia.
delete-start = Usuń moje konto…
delete-confirm-lead = Tego nie da się cofnąć. Zanim przejdziesz dalej, przeczytaj, co się stanie.
delete-confirm-what = Twoje prywatne wpisy zostaną usunięte, razem z nazwą logowania, adresem e-mail, sesjami, osobistymi tokenami API i kodami odzyskiwania.
delete-confirm-partner = Jeśli dzielisz z kimś przestrzeń, ta osoba zobaczy, że połączenie się zakończyło. To, co jej udostępniono, zanim połączenie się zakończyło, zostaje u niej do przeczytania jako od „osoby, która opuściła przestrzeń”, bez twojego imienia: obietnice, przeprosiny, granice, plany naprawy i rejestr. To, co udostępniono, a czego nikt nie otrzymał, zostanie usunięte.
delete-confirm-final = Twoja nazwa logowania zostanie zwolniona i nie będzie już można się nią zalogować.
delete-confirm-password = Wpisz hasło, aby potwierdzić
delete-confirm-submit = Usuń moje konto na zawsze
delete-cancel = Zachowaj konto
delete-done-title = Konto zostało usunięte
delete-done-text = Konto i wszystko, co było w nim prywatne, zostało usunięte, a to urządzenie jest wylogowane. Dziękujemy za czas spędzony tutaj.

help-link = Pomoc i bezpieczeństwo
help-title = Pomoc i bezpieczeństwo
help-lead = Ta strona jest dostępna dla każdego, bez logowania. Weź z niej to, co ci się przyda.
help-afraid-heading = Jeśli boisz się osoby, z którą jesteś
help-afraid-text = Steadfast jest dla dwóch osób, które obie chcą pracować nad zaufaniem. Nie ochroni cię przed kimś, kto cię straszy, grozi ci, krzywdzi cię lub kontroluje, a wspólna praca nad zaufaniem nie jest właściwym krokiem, gdy się boisz. To, co się dzieje, nie jest twoją winą, i zasługujesz na wsparcie.
help-afraid-danger = Jeśli jesteś teraz w niebezpieczeństwie, zadzwoń pod lokalny numer alarmowy.
help-afraid-turn = Telefon zaufania dla osób doświadczających przemocy w związku, lekarz albo ktoś, komu ufasz, może cię wysłuchać i pomóc zastanowić się, co dalej. Nie potrzeba żadnej pewności, by poprosić o pomoc.
help-resources-heading = Gdzie szukać pomocy
help-about-heading = Do czego służy Steadfast
help-about-text = Steadfast pomaga dwóm osobom w związku budować zaufanie albo odbudować je po tym, jak zostało nadszarpnięte, małymi krokami widocznymi dla obu stron: dotrzymanymi lub renegocjowanymi obietnicami, cotygodniową rozmową, uzgodnionymi granicami i ostrożną naprawą po zranieniu, w której tempo nadaje osoba zraniona. To nie jest terapia i nie zastępuje terapii par.
help-exit-heading = Szybkie wyjście
help-exit-text = Przycisk „Szybkie wyjście” na każdej stronie wylogowuje i od razu przenosi na zwykłą stronę internetową. Trzykrotne naciśnięcie klawisza Shift działa tak samo. Działa też bez JavaScriptu.
help-exit-history = Strona, którą opuszczasz, zostaje zastąpiona w historii tej karty. Inne strony Steadfast otwarte wcześniej mogą nadal być na liście historii przeglądarki, ale po zakończeniu sesji powrót do nich prosi tylko o ponowne zalogowanie.
help-history-heading = Czyszczenie historii przeglądarki
help-history-lead = Przeglądarka zapamiętuje odwiedzane strony. Możesz je usunąć:
help-history-computer = Na komputerze otwórz menu przeglądarki, wybierz Historię, a potem opcję czyszczenia danych przeglądania. Wybierz zakres czasu i potwierdź. W większości przeglądarek historię otwiera Ctrl+H (w Safari Cmd+Y).
help-history-phone = Na telefonie otwórz menu lub ustawienia przeglądarki, znajdź Historię albo Prywatność i wyczyść historię przeglądania.
help-history-private = Okno prywatne (incognito) nie zostawia historii po zamknięciu.
help-history-noticed = Jeśli ktoś sprawdza twoje urządzenie, całkowicie wyczyszczona historia sama może zwrócić uwagę. Większość przeglądarek pozwala też usunąć z historii pojedyncze strony.
help-account-heading = Jeśli ktoś inny zna twoje hasło
help-account-text = Zmień je na stronie konta: wyloguje cię to wszędzie indziej i unieważni wszystkie osobiste tokeny API, także te, które ktoś inny utworzył na twoim telefonie. Strona konta pokazuje też wszystkie twoje sesje i tokeny wraz z datą utworzenia, i widzisz ją tylko ty. Jeśli nie możesz się już zalogować, kod odzyskiwania pozwoli ustawić nowe hasło — odzyskiwanie nigdy nie wymaga udziału drugiej osoby z pary.
help-grammatical-form-heading = Jak mówi do ciebie polska wersja
help-grammatical-form-text = Po polsku słowa zmieniają się zależnie od rodzaju. Dopóki nie wybierzesz, Steadfast zwraca się do ciebie i pisze o tobie sformułowaniami bez rodzaju. Na stronie konta możesz zamiast tego wybrać formy żeńskie albo męskie, albo zostać przy sformułowaniach bez rodzaju; druga osoba wybiera za siebie. Twój wybór zmienia tylko słowa: strony drugiej osoby używają go, gdy mowa o tobie, a po angielsku nic się nie zmienia.
help-leaving-heading = Gdy ktoś z was odchodzi
help-leaving-text = Każda ze stron może w każdej chwili samodzielnie opuścić przestrzeń i nikt nie jest o nic pytany. Wyjście nigdy nie odbiera wspólnej historii osobie, która zostaje: to, co jej udostępniono, zanim połączenie się zakończyło — obietnice dla niej i to, jak poszły, przeprosiny, granice i ich przekroczenia, plany naprawy z pytaniami i odpowiedziami oraz rejestr — zostaje u niej do przeczytania i eksportu jako od „osoby, która opuściła przestrzeń”, bez imienia. Nic więcej nie da się z tym zrobić i nic nowego nie przybędzie: obietnica, która była jeszcze otwarta, kończy się wraz z wyjściem i nie liczy się ani jako dotrzymana, ani jako niedotrzymana.
help-leaving-leaver = Osoba, która wychodzi, zachowuje to, co sama napisała, i od tej chwili nie widzi niczego, co należy do drugiej osoby. Prywatne wpisy odchodzą razem z osobą, która je napisała, i nie zostawiają śladu. Powrót wymaga nowego zaproszenia od osoby, która została.
help-leaving-delete = Usunięcie konta usuwa prywatne wpisy i wszystko, co nazywa tę osobę: nazwę logowania, adres e-mail, sesje, tokeny i kody odzyskiwania. To, co udostępniono osobie, która zostaje, pozostaje u niej jako od „osoby, która opuściła przestrzeń”, dopóki ta osoba jest w przestrzeni.
help-record-heading = Ta strona nie zostawia tu śladu
help-record-text = Steadfast nie zapisuje, że ta strona została otwarta: wizyta nie jest powiązana z kontem, nic o niej nie jest przechowywane, a druga osoba jej nie zobaczy.

export-heading = Pobierz moje dane
export-lead = Jeden plik (JSON) z twoim kontem, nazwami i datami twoich tokenów API, przestrzeniami, do których należysz teraz lub dawniej, i wszystkim, co w nich jest od ciebie albo co możesz zobaczyć. Prywatnych wpisów drugiej osoby nigdy w nim nie ma i nikt nie dowie się, że go pobrano.
export-keep = Plik zawiera też twoje prywatne wpisy. Przechowuj go tam, gdzie tylko ty masz dostęp, a po przeniesieniu usuń go z pobranych plików na tym urządzeniu.
export-download = Pobierz moje dane (JSON)

## Promises: refusals and input errors (shared by pages and the API)
promise-refused-no_partner = Obietnicę składa się drugiej osobie. Najpierw ją zaproś.
promise-refused-too_many_open = Otwartych obietnic dla drugiej osoby masz już { $limit }, a więcej naraz się nie da. Poproś ją o potwierdzenie tych, których dotrzymano, albo o zwolnienie z tych, które już nie pasują, i wtedy złóż tę. Twoje słowa są niżej.
promise-refused-only_promiser = Tylko osoba, która złożyła tę obietnicę, może to zrobić.
promise-refused-only_receiver = Tylko osoba, której złożono tę obietnicę, może to zrobić.
promise-refused-settled = Ta obietnica jest już rozstrzygnięta, więc nic więcej się w niej nie zmieni.
promise-refused-already_done = Ta obietnica jest już oznaczona jako wykonana.
promise-refused-not_done = Ta obietnica nie jest oznaczona jako wykonana, więc nie ma czemu odpowiedzieć „jeszcze nie”.
promise-refused-not_overdue = Termin tej obietnicy jeszcze nie minął. Do tego czasu można ją potwierdzić, zwolnić albo renegocjować.
promise-refused-past_due = Termin minął. O renegocjację prosi się przed terminem; teraz decyduje druga osoba.
promise-refused-renegotiation_pending = Prośba o renegocjację już czeka na odpowiedź.
promise-refused-no_renegotiation = Żadna prośba o renegocjację nie czeka na odpowiedź.
promise-refused-due_too_early = Termin musi być późniejszy.
promise-refused-in_future = Ten czas jeszcze nie nadszedł. Z datą wsteczną można zapisać tylko to, co już się wydarzyło.
promise-refused-too_long_ago = To było ponad rok temu — za dawno, by to zapisać.
promise-refused-before_made = To było przed złożeniem obietnicy.
promise-text-empty = Napisz, co obiecujesz.
promise-text-too-long = Obietnica może mieć najwyżej { $max } znaków. Małych obietnic łatwiej dotrzymać.
promise-reason-empty = Napisz krótko, dlaczego prosisz o zmianę.
promise-reason-too-long = Powód może mieć najwyżej { $max } znaków.
promise-domain-empty = Nazwij obszar albo zostaw to pole puste.
promise-domain-too-long = Obszar może mieć najwyżej { $max } znaków.
promise-stakes-out-of-range = Wybierz, jak bardzo to ważne, od { $min } do { $max }.
promise-severity-out-of-range = Wybierz, jak bardzo to zabolało, od { $min } do { $max }.
text-bad-character = Tekst zawiera znaki sterujące lub niewidoczne. Wpisz go ponownie bez nich.
time-unreadable = Nie udało się odczytać tej daty lub godziny.
record-not-enabled = Rejestr obietnic pojawia się dopiero, gdy włączą go obie strony.

## Promises: pages
space-links-label = Co macie w tej przestrzeni
space-promises-link = Obietnice
space-promises-hint = Małe obietnice między wami i to, jak poszły.
space-record-link = Rejestr obietnic
space-record-hint = Jak szło z obietnicami w czasie — tylko gdy włączą go obie strony.
promises-link = Wróć do obietnic
record-link = Rejestr obietnic
promises-title = Obietnice
promises-lead = Małe obietnice, dotrzymane i potwierdzone, to sposób, w jaki rośnie zaufanie. Widzi je tylko wasza dwójka.
promises-solo = Obietnicę składa się tu drugiej osobie, która potwierdza, że jej dotrzymano. Najpierw zaproś tę osobę; dopóki nie dołączy, nie ma komu obiecywać.
promises-solo-link = Zaproś drugą osobę
promises-yours-heading = Twoje obietnice dla: { $name }
promises-theirs-heading = Obietnice od: { $name }, dla ciebie
promises-none-open = Teraz nic nie jest otwarte.
promises-settled-heading = Ostatnio rozstrzygnięte
promises-settled-none = Jeszcze nic nie zostało rozstrzygnięte.
promises-make-heading = Nowa obietnica dla: { $name }
promises-make-lead = Najlepiej sprawdza się coś małego i jasnego: co zrobisz i do kiedy.
promise-nudge-many = { $count ->
    [one] Masz już jedną otwartą obietnicę. Kilka małych, dotrzymanych obietnic często buduje więcej zaufania niż wiele złożonych. Możesz dodać i tę — to twój wybór.
    [few] Masz już { $count } otwarte obietnice. Kilka małych, dotrzymanych obietnic często buduje więcej zaufania niż wiele złożonych. Możesz dodać i tę — to twój wybór.
   *[other] Masz już { $count } otwartych obietnic. Kilka małych, dotrzymanych obietnic często buduje więcej zaufania niż wiele złożonych. Możesz dodać i tę — to twój wybór.
}
promise-nudge-misses = { $count ->
    [one] W ostatnim miesiącu jedna z twoich obietnic nie została dotrzymana albo została odpuszczona. Może pomóc, by następna była mniejsza, albo by najpierw dokończyć którąś z otwartych. To twój wybór.
    [few] W ostatnim miesiącu { $count } twoje obietnice nie zostały dotrzymane albo zostały odpuszczone. Może pomóc, by następna była mniejsza, albo by najpierw dokończyć którąś z otwartych. To twój wybór.
   *[other] W ostatnim miesiącu { $count } twoich obietnic nie zostało dotrzymanych albo zostało odpuszczonych. Może pomóc, by następna była mniejsza, albo by najpierw dokończyć którąś z otwartych. To twój wybór.
}
promise-field-text = Co obiecujesz?
promise-field-text-hint = Na przykład: „Zadzwonię, jeśli w tym tygodniu będę się spóźniać”.
promise-field-stakes = Jak bardzo to ważne?
promise-field-stakes-hint = Druga osoba może to zmienić, gdy będzie potwierdzać.
promise-field-due = Do kiedy (nieobowiązkowe)
promise-field-due-hint = Zostaw puste, jeśli obietnica nie ma terminu.
promise-field-domain = Obszar (nieobowiązkowe)
promise-field-domain-hint = Słowo na część życia, której dotyczy, np. „pieniądze”, „czas” albo „telefon”. Rejestr może wtedy pokazać każdy obszar osobno.
promise-field-made = To już się wydarzyło
promise-field-made-hint = Jeśli obietnica padła wcześniej i nie została wtedy zapisana, podaj dzień, w którym ją złożono.
promise-field-made-label = Dzień złożenia obietnicy
promise-make-submit = Złóż tę obietnicę
promise-partner-fallback = druga osoba
former-partner = osoba, która opuściła przestrzeń
promises-former-note = Druga osoba opuściła tę przestrzeń. To, co ci udostępniła przed wyjściem, zostaje z tobą do przeczytania: obietnice między wami, to, jak poszły, i to, co zostało powiedziane po niedotrzymaniu. Nic więcej nie da się już z nimi zrobić. Obietnica, która była jeszcze otwarta, zakończyła się wraz z wyjściem: nie liczy się ani jako dotrzymana, ani jako niedotrzymana.
promise-stakes-1 = Drobiazg
promise-stakes-2 = Trochę ważne
promise-stakes-3 = Ważne
promise-stakes-4 = Bardzo ważne
promise-stakes-5 = Niezwykle ważne
promise-severity-1 = Trochę ukłuło
promise-severity-2 = Zabolało
promise-severity-3 = Bardzo zabolało
promise-severity-4 = Zachwiało moim zaufaniem
promise-status-open = Otwarta
promise-status-done = Wykonana, czeka na potwierdzenie
promise-status-kept = Dotrzymana
promise-status-broken = Niedotrzymana
promise-status-released = Zwolniona
promise-status-let_go = Odpuszczona
promise-status-ended-by-leaving = Zakończona, gdy druga osoba wyszła
promise-ended-by-leaving = Ta obietnica była jeszcze otwarta, gdy druga osoba opuściła przestrzeń, i na tym się zakończyła: nikt nie może jej już dotrzymać ani potwierdzić i nie liczy się ani jako dotrzymana, ani jako niedotrzymana.
promise-due = termin: { $when }
promise-area = obszar: { $domain }
promise-whose-yours = twoja, dla: { $name }
promise-whose-theirs = od: { $name }
promise-overdue = Po terminie
promise-renegotiation-waiting = Prośba o nowe warunki
time-utc-note = (UTC)
time-zone-note = Czas w twojej strefie czasowej ({ $zone }).
time-zone-utc = Czas podany w UTC.
promise-back = Wszystkie obietnice
promise-title-yours = Twoja obietnica dla: { $name }
promise-title-theirs = Obietnica od: { $name }
promise-fact-stakes = Jak bardzo to ważne
promise-fact-due = Termin
promise-fact-area = Obszar
promise-fact-status = Na czym stoi
promise-made = Złożona { $when }.
promise-made-backdated = Złożona dnia { $when }, zapisana później.
promise-pending-heading = Prośba o nowe warunki
promise-pending-reason = Dlaczego:
promise-actions-heading = Co możesz teraz zrobić
promise-settled-note = Ta obietnica jest rozstrzygnięta. Jej historia zostaje tu dla obu stron.
promise-settled-note-former = Ta obietnica jest rozstrzygnięta. Jej historia zostaje tu dla ciebie do przeczytania.
promise-waiting-answer = Czekamy, aż { $name } odpowie na nowe warunki.
promise-waiting-confirm = Czekamy, aż { $name } to potwierdzi.
promise-waiting-partner = Teraz nie masz tu nic do zrobienia; o następnym kroku decyduje { $name }.
promise-history-heading = Co się wydarzyło
history-you = Ty
history-made = złożenie obietnicy
history-made-backdated = zapisanie obietnicy złożonej dnia { $when }
history-done = oznaczenie jako wykonanej
history-kept = potwierdzenie dotrzymania ({ $stakes })
history-not-yet = odpowiedź „jeszcze nie”
history-renegotiation-asked = prośba o nowe warunki
history-renegotiation-accepted = przyjęcie nowych warunków
history-renegotiation-declined = pozostanie przy dawnych warunkach
history-broken = zapisanie niedotrzymania ({ $severity })
history-broken-hidden = zapisanie niedotrzymania połączonego z ukrywaniem lub kłamstwem ({ $severity })
history-extended = więcej czasu, do { $when }
history-let-go = odpuszczenie
history-released = zwolnienie z obietnicy
history-happened = — wydarzyło się dnia { $when }
action-done = Zrobione
action-done-hint = Potem { $name } dostanie prośbę o potwierdzenie, że obietnica została dotrzymana.
action-renegotiate-heading = Poproś o zmianę
action-renegotiate-hint = Przed terminem możesz poprosić o nowe warunki i powiedzieć dlaczego. Decyduje { $name }. Prośba w porę to rozmowa, a nie porażka.
field-new-text = Co obiecujesz teraz
field-new-due = Nowy termin (nieobowiązkowe)
field-reason = Dlaczego prosisz
action-renegotiate-submit = Poproś o te warunki
action-answer-hint = Jeśli się zgodzisz, obietnica przyjmie te warunki. Jeśli nie, zostają dawne.
action-accept = Przyjmij nowe warunki
action-decline = Zostań przy dawnych
action-overdue-heading = Termin minął
action-overdue-hint = Obietnica nie jest oznaczona jako wykonana. Ty decydujesz, co dalej: dać więcej czasu, odpuścić albo zapisać niżej, że nie została dotrzymana.
field-extend-due = Nowy termin
action-extend-submit = Daj więcej czasu
action-let-go = Odpuść
action-let-go-hint = Odpuszczenie zamyka obietnicę, nie licząc jej ani na plus, ani na minus.
action-kept-heading = Dotrzymana
action-kept-hint = Potwierdź to i zmień, jak bardzo to było ważne, jeśli widzisz to inaczej.
field-kept-stakes = Jak bardzo to było ważne
field-happened-earlier = Wydarzyło się wcześniej
field-happened = Dzień, w którym to się stało (nieobowiązkowe)
field-happened-hint = Tylko jeśli to było któregoś wcześniejszego dnia i nie zostało wtedy zapisane.
action-kept-submit = Potwierdź, że dotrzymana
action-not-yet = Jeszcze nie
action-not-yet-hint = Oznaczona jako wykonana, ale z twojej perspektywy jeszcze nie? Wróci do otwartych.
action-broken-heading = Nie została dotrzymana
action-broken-hint = Powiedz, jak bardzo zabolało. W rejestrze liczy się tylko to, co potwierdzisz.
field-severity = Jak bardzo zabolało?
field-deception = Czy to ukrywano albo czy padło kłamstwo?
field-deception-hint = Ukrywanie waży więcej i goi się wolniej niż po prostu niedotrzymana obietnica.
deception-no = Nie
deception-yes = Tak
action-broken-submit = Zapisz, że nie została dotrzymana
action-release = Zwolnij z tej obietnicy ({ $name })
action-release-hint = Gdy przestała mieć znaczenie. Zamyka się, nie licząc się ani na plus, ani na minus.

## The reliability record: page
record-title = Rejestr obietnic
record-lead = Jak szło z obietnicami między wami — każdy kierunek osobno, tak jak potwierdziła to osoba, której obiecano.
record-what-heading = Czym jest rejestr
record-what-counts = Liczy się w nim tylko to, co potwierdziła osoba, której złożono obietnicę: dotrzymana, niedotrzymana albo renegocjowana w porę. Nikt nie może sam sobie niczego dopisać.
record-what-model = Każda potwierdzona obietnica jest świadectwem. Świeże obietnice ważą więcej niż dawne, niedotrzymana waży więcej niż dotrzymana (zaufanie łatwiej stracić, niż zbudować), a obietnica renegocjowana w porę to rozmowa, a nie porażka. Rejestr zawsze mówi, jak bardzo jest pewny, a dopóki obietnic jest niewiele, mówi to wprost, zamiast podawać liczbę. To nigdy nie jest ocena człowieka — mówi, jak szło z obietnicami, a nie kim ktoś jest.
record-what-consent = Rejestr jest liczony i pokazywany tylko wtedy, gdy włączą go obie strony. Każda ze stron może go w każdej chwili wyłączyć samodzielnie — znika wtedy dla obu od następnej otwartej strony. Obie strony widzą, czy druga go włączyła.
record-how-link = Jak liczony jest rejestr
record-switch-heading = Włączanie i wyłączanie
record-solo = Rejestr potrzebuje dwóch osób: pokazuje, jak szło z obietnicami między wami. Najpierw zaproś drugą osobę.
record-you-on = Masz go włączony.
record-you-off = Nie masz go włączonego.
record-partner-on = { $name } ma go włączony.
record-partner-off = { $name } nie ma go włączonego.
record-who-label = Kto włączył rejestr
record-switch-on-hint = Włączenie go to twoja decyzja i w każdej chwili możesz go znowu wyłączyć.
record-switch-on = Włącz rejestr
record-switch-off = Wyłącz rejestr
record-switch-off-hint = Obie strony go włączyły. Każda może go wyłączyć samodzielnie i od razu.
record-theirs-heading = Obietnice, które składa { $name }: jak szło
record-yours-heading = Jak szło z twoimi obietnicami — tak jak potwierdza je { $name }
record-empty = W tym kierunku nie rozstrzygnięto jeszcze żadnej obietnicy. Każdy rejestr zaczyna w połowie, od 50%, nic jeszcze nie wiedząc.
record-too-early = Za wcześnie, by coś powiedzieć.
record-estimate = Dotrzymane około { $percent }% obietnic — prawdopodobnie między { $lower }% a { $upper }%.
record-certainty-too_early = Rozstrzygnięto mniej niż pięć obietnic, więc liczby powyżej mówią więcej niż jakikolwiek procent. Kilka kolejnych tygodni powie więcej.
record-certainty-learning = Dopiero się uczy: na razie jest niewiele danych, więc to może się szybko zmienić.
record-certainty-taking_shape = Nabiera kształtu: to tendencja, jeszcze nie utrwalony obraz.
record-certainty-established = Dobrze ugruntowany przez wiele niedawnych obietnic.
record-certainty-short-learning = dopiero się uczy
record-certainty-short-taking_shape = nabiera kształtu
record-certainty-short-established = dobrze ugruntowany
record-count-kept = { $count ->
    [one] 1 dotrzymana
    [few] { $count } dotrzymane
   *[other] { $count } dotrzymanych
}
record-count-broken = { $count ->
    [one] 1 niedotrzymana
    [few] { $count } niedotrzymane
   *[other] { $count } niedotrzymanych
}
record-count-renegotiated = { $count ->
    [one] 1 renegocjacja w porę
    [few] { $count } renegocjacje w porę
   *[other] { $count } renegocjacji w porę
}
record-count-let-go = { $count ->
    [one] 1 odpuszczona
    [few] { $count } odpuszczone
   *[other] { $count } odpuszczonych
}
record-chart-title = Rejestr w czasie
record-chart-desc = Od { $first } do { $last } oczekiwana wartość zmieniła się z { $from }% na { $to }%. Teraz prawdopodobnie leży między { $lower }% a { $upper }%.
record-chart-caption = Linia to szacunek, a zacieniony pas to zakres, w którym prawdopodobnie leży. Przerywana linia to 50% — tam zaczyna każdy rejestr, nic jeszcze nie wiedząc.
record-why-heading = Skąd ta wartość?
record-why-lead = Udział każdej obietnicy w tej zmianie, po kolei, tak jak się działy. Starsze liczą się coraz mniej: dotrzymana o połowę mniej po 90 dniach, niedotrzymana po 180. Udziały są zaokrąglone do pełnych punktów i razem dają zmianę podaną wyżej.
record-why-unknown = Obietnica
record-why-kept = dotrzymana
record-why-broken = niedotrzymana
record-why-renegotiated = renegocjowana w porę
record-why-let-go = odpuszczona
record-why-up = { $count ->
    [one] w górę o 1 punkt
    [few] w górę o { $count } punkty
   *[other] w górę o { $count } punktów
}
record-why-down = { $count ->
    [one] w dół o 1 punkt
    [few] w dół o { $count } punkty
   *[other] w dół o { $count } punktów
}
record-why-no-points = bez zmian
record-change = Od { $start }% na początku do { $now }% teraz: { $moved }.
record-why-rest = Wszystkie pozostałe obietnice razem: { $moved }
record-domains-heading = Według obszarów
record-domain-line = { $domain }: około { $percent }% (prawdopodobnie { $lower }–{ $upper }%), { $certainty } · { $counts }
record-domain-too-early = { $domain }: za wcześnie, by coś powiedzieć · { $counts }
record-ladder = { $count ->
    [one] { $name } dotrzymuje obietnicy wobec ciebie, a rejestr jest tego dość pewny. Jeśli chcesz, możesz zaprosić do większej obietnicy („{ $level }”). Ty decydujesz; nic się nie zmieni, jeśli nie zechcesz.
    [few] { $name } dotrzymuje obietnic wobec ciebie ({ $count } dotrzymane), a rejestr jest tego dość pewny. Jeśli chcesz, możesz zaprosić do większej obietnicy („{ $level }”). Ty decydujesz; nic się nie zmieni, jeśli nie zechcesz.
   *[other] { $name } dotrzymuje obietnic wobec ciebie ({ $count } dotrzymanych), a rejestr jest tego dość pewny. Jeśli chcesz, możesz zaprosić do większej obietnicy („{ $level }”). Ty decydujesz; nic się nie zmieni, jeśli nie zechcesz.
}

## How the record is worked out (the one page that names the formula and the research)
record-how-title = Jak liczony jest rejestr
record-how-lead = Wszystko w rejestrze pochodzi z waszych własnych obietnic i z zasad opisanych na tej stronie. Nic innego do niego nie trafia i nikt nie może sam sobie niczego dopisać.
record-how-back = Wróć do rejestru
record-how-evidence-heading = Co się liczy
record-how-evidence = Tylko rozstrzygnięcia potwierdzone przez osobę, której złożono obietnicę: dotrzymana, niedotrzymana albo odpuszczona. Dotrzymana obietnica dodaje { $kept_one } do świadectw „za” przy wadze 1 i pół punktu więcej za każdy stopień wagi ({ $kept_five } przy wadze 5). Niedotrzymana dodaje do świadectw „przeciw” (powaga + { $offset }) razy tyle, ile dodałaby dotrzymana. Gdy coś ukrywano lub kłamano, tyle samo trafia jeszcze do osobnej części, która goi się najwolniej. Renegocjacja poproszona i przyjęta przed terminem nie dodaje niczego w żadną stronę; odpuszczona obietnica też nie. Przez { $window } tygodni po przyjęciu planu naprawy dotrzymane obietnice liczą się { $bonus } raza.
record-how-decay-heading = Czas
record-how-decay = Świadectwa słabną z czasem, nigdy z każdym kolejnym zdarzeniem: dotrzymane obietnice ważą o połowę mniej po { $kept } dniach, niedotrzymane po { $broken } dniach, ukrywanie lub kłamstwo po { $deception } dniach. Gdy nic nowego się nie dzieje, rejestr wraca do 50% i jest mniej pewny.
record-how-formula-heading = Wzór
record-how-formula = Jeśli r to świadectwa „za”, s świadectwa „przeciw”, a d część za ukrywanie lub kłamstwo, szacunek wynosi (r + W·a) / (r + s + d + W), gdzie W = { $w }, a a = { $a }. Pokazany zakres biegnie od { $low }. do { $high }. percentyla rozkładu beta o parametrach r + W·a oraz s + d + W·(1 − a).
record-how-certainty-heading = Jak pewny jest rejestr
record-how-certainty = Słowa zależą od tego, ile obietnic rozstrzygnięto — dotrzymanych, niedotrzymanych lub odpuszczonych, słabnących z tymi samymi okresami połowicznymi — a nie od ich wagi: kilka poważnych naruszeń to wciąż tylko kilka obietnic. Poniżej { $too_early }: za wcześnie, by coś powiedzieć, i żaden procent nie jest na pierwszym miejscu. Potem „dopiero się uczy”, od { $learning } „nabiera kształtu”, a od { $established } „dobrze ugruntowany”.
record-how-why-heading = Skąd zmiana
record-how-why = Rozstrzygnięte obietnice są brane po kolei, tak jak się działy, każda osłabiona do dziś, a udział każdej to zmiana, którą wniosło jej dodanie. Udziały sumują się dokładnie do zmiany od 50%; w rejestrze są zaokrąglone do pełnych punktów tak, by nadal się sumowały.
record-how-felt-heading = Odczuwane zaufanie
record-how-felt = Odczuwane zaufanie pochodzi z dziewięciu zdań cotygodniowej rozmowy. Zmiana liczy się jako prawdziwa, gdy jest większa niż wahania, które same zdania wnoszą: to wskaźnik rzetelnej zmiany Jacobsona i Truaksa, czyli (ostatni wynik − pierwszy) podzielone przez błąd standardowy różnicy, przy założonym rozrzucie 1 punktu i rzetelności 0,85 dla naszych nowych zdań. Od 1,96 w którąkolwiek stronę mówimy o prawdziwej zmianie; mniejsza może być szumem.
record-how-research-heading = Skąd to się wzięło
record-how-research = Rejestr to model reputacji oparty na rozkładzie beta, ze słabnięciem w czasie, według pracy Audun Jøsang i Roslan Ismail „The Beta Reputation System” (2002) oraz logiki subiektywnej. Wskaźnik rzetelnej zmiany pochodzi od Neila Jacobsona i Pauli Truax (1991). Słowa i wagi są nasze.

## Help: promises and the record
help-promises-heading = Obietnice i rejestr
help-promises-text = Obietnicę składa jedna strona drugiej. Osoba, która ją złożyła, może oznaczyć ją jako wykonaną albo przed terminem poprosić o nowe warunki. Osoba, której ją złożono, potwierdza dotrzymanie, odpowiada „jeszcze nie”, zapisuje, że nie została dotrzymana, daje więcej czasu, odpuszcza albo zwalnia z obietnicy. O tym, jak poszło, decyduje tylko osoba, której obiecano.
help-promises-model = Rejestr obietnic liczy tylko to, co potwierdziła osoba, której złożono obietnicę. Niedotrzymana obietnica waży więcej niż dotrzymana — tym więcej, im poważniejsza sprawa, i jeszcze więcej, gdy coś ukrywano lub kłamano. Renegocjacja w porę nie liczy się przeciw nikomu. Dopóki rozstrzygnięto mniej niż pięć obietnic, rejestr mówi, że za wcześnie, by coś powiedzieć, zamiast podawać liczbę.
help-promises-decay = To, co się wydarzyło, słabnie z czasem: dotrzymane obietnice ważą o połowę mniej po 90 dniach, niedotrzymane po 180, ukrywanie lub kłamstwo po dwóch latach. Gdy nic nowego się nie dzieje, rejestr wraca do połowy i jest mniej pewny.
help-promises-shown = Rejestr pokazuje szacunek razem z zakresem, w którym prawdopodobnie leży, i słowami mówi, jak jest pewny — obok obietnic, które go zmieniły. Dokładny wzór i badania, na których się opiera, są na stronie „Jak liczony jest rejestr”, do której prowadzi link z rejestru. Rejestr pojawia się tylko wtedy, gdy włączą go obie strony.

## Po niedotrzymanej obietnicy: kolejne kroki (żaden nie jest obowiązkowy)
after-miss-heading = Po tej niedotrzymanej obietnicy
after-miss-lead-yours = Ta obietnica nie została dotrzymana. Nic tutaj nie jest obowiązkowe i nic nie zmienia zapisu. Gdy przyjdzie na to pora, jeden mały krok może pomóc.
after-miss-lead-theirs = Ta obietnica nie została dotrzymana. Jeśli coś może ci pomóc, możesz o to poprosić: { $name } zobaczy prośbę tutaj i na stronie przestrzeni. Nic nie jest obowiązkowe.
after-miss-lead-former = Ta obietnica nie została dotrzymana. Druga osoba opuściła tę przestrzeń, więc nie da się tu już o nic poprosić ani nic dać; to, co zostało powiedziane po niedotrzymaniu, zostaje z tobą do przeczytania.
after-miss-waiting-acknowledgement = { $name } prosi o przyznanie, że tak się stało.
after-miss-waiting-apology = { $name } prosi o przeprosiny.
after-miss-waiting-smaller_promise = { $name } prosi o mniejszą obietnicę w zamian.
after-miss-waiting-repair_plan = { $name } prosi o plan naprawy.
after-miss-asked-acknowledgement = Twoja prośba: przyznanie, że tak się stało.
after-miss-asked-apology = Twoja prośba: przeprosiny.
after-miss-asked-smaller_promise = Twoja prośba: mniejsza obietnica w zamian.
after-miss-asked-repair_plan = Twoja prośba: plan naprawy.
after-miss-acknowledged = Przyznane
after-miss-apologies-heading = Przeprosiny
after-miss-offered = Obietnica zaproponowana w zamian:
after-miss-in-place-of = Zaproponowana w zamian za:
after-miss-acknowledge-label = Przyznaj, że tak się stało (słowo od siebie jest opcjonalne)
after-miss-acknowledge-hint = Na przykład: „Widzę to i to jest ważne”. Samo przyznanie to już krok.
after-miss-acknowledge-submit = Widzę to
after-miss-apologise-label = Przeproś własnymi słowami
after-miss-apologise-again-label = Przeproś jeszcze raz, własnymi słowami
after-miss-apologise-hint = Powiedz, co się stało i co to zrobiło, bez tłumaczenia się. „Chociaż…” jest w porządku; „przepraszam, ale…” już nie.
after-miss-apologise-submit = Wyślij przeprosiny
after-miss-answer-heading = Twoja odpowiedź na przeprosiny
after-miss-offer-heading = Zaproponuj mniejszą obietnicę w zamian
after-miss-offer-hint = Coś, czego na pewno da się dotrzymać. Zaczyna się od dawnych słów i o stopień niżej; zmień, co zechcesz.
after-miss-offer-submit = Zaproponuj tę obietnicę
after-miss-repair-link = Zaproponuj plan naprawy
after-miss-repair-hint = Gdy jeden krok to za mało. Przy zakładaniu planu można go powiązać z tą obietnicą.
after-miss-ask-legend = Co może ci pomóc?
after-miss-ask-hint = Prośba jest dobrowolna. Widać ją przy obietnicy i na stronie przestrzeni.
after-miss-ask-acknowledgement = Przyznanie, że tak się stało
after-miss-ask-apology = Przeprosiny
after-miss-ask-smaller_promise = Mniejsza obietnica w zamian
after-miss-ask-repair_plan = Plan naprawy
after-miss-ask-submit = Poproś o to
after-miss-card-untouched = Obietnica niedotrzymana: { $text }
after-miss-card-untouched-hint = Gdy przyjdzie na to pora, jest tu krok, który można zrobić.
after-miss-card-not-yet = { $name } odpowiada „jeszcze nie” na twoje przeprosiny: { $text }
after-miss-card-answer = Przeprosiny czekają na twoją odpowiedź, kiedy zechcesz: { $text }
after-miss-cards-heading = Po niedotrzymanej obietnicy
history-acknowledged = przyznanie, że obietnica nie została dotrzymana
history-apologised = przeprosiny
history-apology-answered = odpowiedź na przeprosiny: { $answer }
history-asked-acknowledgement = prośba o przyznanie
history-asked-apology = prośba o przeprosiny
history-asked-smaller_promise = prośba o mniejszą obietnicę
history-asked-repair_plan = prośba o plan naprawy
history-offered-instead = mniejsza obietnica zaproponowana w zamian
promise-refused-not_broken = Ten krok przychodzi po zapisaniu obietnicy jako niedotrzymanej.
promise-refused-already_acknowledged = To jest już przyznane.
promise-refused-apology_waiting = Przeprosiny czekają na odpowiedź. Do tego czasu nie trzeba nic dodawać.
promise-refused-apology_landed = Przeprosiny dotarły. Nie trzeba nic więcej dodawać.
promise-refused-no_apology = Nie ma jeszcze przeprosin, na które można odpowiedzieć.
promise-refused-already_offered = Mniejsza obietnica w zamian jest już zaproponowana.
promise-refused-not_smaller = Obietnica w zamian nie waży więcej niż ta niedotrzymana: wybierz tę samą wagę albo niższą.
promise-refused-already_asked = Ta prośba już jest.
promise-refused-already_given = To już się stało.
promise-refused-excusing = Przeprosiny docierają najlepiej bez „ale” (czy „jednak”), które zamienia je w wymówkę albo odwraca w stronę drugiej osoby. Napisz, za co przepraszasz i co to zrobiło drugiej osobie, bez „ale”. Jeśli po „ale” mówisz o sobie, wystarczy „i”. „Chociaż …” czy „mimo że …” mogą zostać. Twoje słowa są niżej.
promise-apology-empty = Napisz przeprosiny.
promise-apology-too-long = Przeprosiny mają najwyżej { $max } znaków.
promise-word-empty = Napisz coś albo zostaw puste.
promise-word-too-long = Tu mieści się najwyżej { $max } znaków.
promise-ask-choose = Wybierz, o co chcesz poprosić.
landing-landed = To dotarło
landing-not_yet = Jeszcze nie
landing-legend = Czy te przeprosiny do ciebie dotarły?
landing-hint = „Jeszcze nie” zostawia ten krok otwarty; możesz napisać, co by pomogło. Odpowiedź można później zmienić.
landing-word-label = Co by pomogło (opcjonalnie)
landing-word-hint = Tylko jeśli chcesz to powiedzieć.
landing-submit = Odpowiedz
landing-choose = Wybierz „to dotarło” albo „jeszcze nie”.

# Miejsca, gdzie szukać pomocy, podawane domyślnie (administrator może dodać własne albo je wyłączyć).
help-default-emergency = Numer alarmowy (policja, pogotowie, straż pożarna)
help-default-blue-line = „Niebieska Linia”: ogólnopolski telefon dla osób doznających przemocy domowej (bezpłatny, całą dobę)
help-default-emergency-europe = Numer alarmowy w całej Europie
help-default-emergency-north-america = Numer alarmowy w Ameryce Północnej
help-default-directory = Bezpłatne, poufne telefony zaufania w każdym kraju, z czymkolwiek się mierzysz

## The guided start, once, right after sign-up
start-title = Od czego zaczynamy?
start-lead = Konto jest gotowe. Wybierz, jak chcesz zacząć. Zaproszenie można wysłać albo przyjąć także później.
start-space-name = Nazwa waszej wspólnej przestrzeni
start-space-name-hint = Nikt poza wami jej nie zobaczy. Możesz zostawić tę.
start-space-name-default = Nasza przestrzeń
start-together-heading = Zaczynamy razem
start-together-text = Utworzymy waszą przestrzeń i link dla drugiej osoby. Wyślij go albo pokaż kod do zeskanowania z ekranu.
start-together-submit = Utwórz przestrzeń i zaproś
start-alone-heading = Na razie w pojedynkę
start-alone-text = Prywatny dziennik, codzienna minuta i strony pomocy działają także dla jednej osoby. Zaproszenie można wysłać w każdej chwili.
start-alone-submit = Zaczynam w pojedynkę
start-join-heading = Druga osoba już zaczęła?
start-join-text = Otwórz na tym urządzeniu link, który od niej dostajesz. Albo wklej go tutaj.
start-join-link = Link od drugiej osoby
start-join-submit = Otwórz zaproszenie
start-join-link-missing = Wklej link, który dostajesz od drugiej osoby, i otwórz go.
start-join-link-unreadable = To nie wygląda na link z zaproszeniem. Skopiuj cały link jeszcze raz i wklej go tutaj.

## The second step of a heavy action
confirm-not-now = Nie teraz, wróć
confirm-broken-title = Zapisać, że ta obietnica nie została dotrzymana?
confirm-broken-lead = Trafi to do historii obietnicy, którą widzą obie strony, i liczy się w rejestrze. Jeśli trzeba, najpierw weź oddech.
confirm-broken-deception = Zostało to ukryte albo padły kłamstwa

## The first promise kept between two people, marked once
first-kept-title = Pierwsza dotrzymana obietnica między wami.
first-kept-text = Tak rośnie zaufanie: jedno dotrzymane słowo po drugim, zauważone przez obie strony. Bez serii do podtrzymania i bez punktów, po prostu to.
first-kept-line = Pierwsza obietnica dotrzymana między wami.
space-to-confirm-heading = Obietnice złożone tobie
space-to-confirm-kept = Dotrzymana
space-to-confirm-all = Wszystkie obietnice
space-first-promise-heading = Pierwsza obietnica
space-first-promise-lead = Zacznij od czegoś małego, czego na pewno dotrzymasz w tym tygodniu. Druga osoba potwierdzi, kiedy obietnica zostanie dotrzymana.
space-first-promise-more = Termin, dziedzinę życia i więcej ustawisz na stronie
