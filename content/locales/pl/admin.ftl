# Strona, którą otwiera jednorazowy link do ustawienia hasła od administratora.
set-password-title = Wybierz hasło
set-password-lead-welcome = Założono dla ciebie konto. Wybierz hasło, które znasz tylko ty; nikt inny, nawet osoba prowadząca tę stronę, nigdy go nie zobaczy.
set-password-lead-recovery = Dla twojego konta rozpoczęto odzyskiwanie hasła. Wybierz nowe hasło, które znasz tylko ty; nikt inny, nawet osoba prowadząca tę stronę, nigdy go nie zobaczy.
set-password-sessions-end = Po jego ustawieniu to urządzenie zostanie zalogowane, wszystkie inne sesje się zakończą, a wszystkie osobiste tokeny API przestaną działać.
set-password-submit = Ustaw moje hasło
set-password-link-spent = Tego linku nie można użyć. Każdy link działa raz, przez 24 godziny, i działa tylko najnowszy.
set-password-link-spent-hint = Jeśli nadal chcesz ustawić hasło, poproś osobę, od której masz link, o nowy. Jeśli ten link jest dla ciebie zaskoczeniem, możesz go zignorować.
