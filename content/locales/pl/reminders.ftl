# Przypomnienia: w aplikacji oraz e-mailem, jeśli administrator to skonfigurował.

coming-up-heading = W tym tygodniu
# { $text } to treść obietnicy słowami osoby, która ją złożyła, albo nazwa rytuału.
coming-up-your-promise = Twoja obietnica: { $text }
coming-up-to-confirm = Do potwierdzenia przez ciebie: { $text }
coming-up-ritual = Rytuał: { $text }

reminders-email-heading = Przypomnienia e-mailem
reminders-email-lead = Steadfast może wysłać ci e-mail, gdy zbliża się przypomnienie: godzinę przed terminem twojej obietnicy, w chwili, gdy obietnica złożona tobie czeka na twoje potwierdzenie, i godzinę przed rytuałem. Wiadomość nigdy nie mówi, czego dotyczy przypomnienie, ani nie podaje niczyjego imienia. Domyślnie jest to wyłączone, bo każdy, kto zagląda do twojej skrzynki albo widzi ekran blokady telefonu, i tak dowiedziałby się, że korzystasz ze Steadfast.
reminders-email-label = Wysyłaj mi e-mail, gdy zbliża się przypomnienie
reminders-email-submit = Zapisz
reminders-email-saved = Zapisaliśmy twój wybór dotyczący przypomnień e-mailem.
reminders-email-no-address = Twoje konto nie ma adresu e-mail, więc przypomnienia zobaczysz tylko tutaj, w aplikacji.
reminders-email-unavailable = Ten serwer Steadfast nie wysyła e-maili, więc przypomnienia zobaczysz tylko tutaj, w aplikacji.

reminder-email-subject = Masz przypomnienie w Steadfast
reminder-email-body = W Steadfast coś na ciebie czeka. Zaloguj się, żeby zobaczyć, co to takiego.
reminder-email-footer = Dostajesz tę wiadomość, bo włączono przypomnienia e-mailem na twoim koncie. Możesz je wyłączyć na stronie swojego konta.

help-reminders-heading = Przypomnienia
help-reminders-text = Na stronie przestrzeni widać, co czeka cię w tym tygodniu: twoje obietnice, których termin się zbliża, obietnice złożone tobie, które czekają na twoje potwierdzenie, i wasze wspólne rytuały. Przypomnienie przychodzi godzinę przed terminem twojej obietnicy, w chwili terminu obietnicy złożonej tobie i godzinę przed każdym rytuałem. Druga osoba nigdy nie wie, czy przypomnienie zostało przez ciebie otwarte.
help-reminders-email = Jeśli administrator serwera skonfigurował pocztę, możesz też dostawać przypomnienia e-mailem — włączysz je na stronie swojego konta. Domyślnie są wyłączone. E-mail mówi tylko, że masz przypomnienie w Steadfast, i zawiera link: nigdy treść obietnicy, nazwę rytuału ani niczyje imię. Mimo to osoba, która ma dostęp do twojej skrzynki albo widzi ekran blokady twojego telefonu, dowiedziałaby się, że korzystasz ze Steadfast — włącz je więc tylko wtedy, gdy jest to dla ciebie bezpieczne.
