# Prywatny dziennik.
journal-title = Mój dziennik
journal-link = Mój prywatny dziennik
journal-lead = Miejsce, w którym możesz spokojnie wszystko przemyśleć. Pisz swobodnie albo zacznij od jednego z pytań poniżej.
journal-private = Ten dziennik możesz czytać tylko ty. Druga osoba go nie widzi i nic w Steadfast nie zdradza, że w ogóle istnieje.
journal-group-inner-work = Mój udział
journal-group-inner-work-lead = Pytania na chwile, gdy chcesz zrozumieć, co wnosisz do związku i co leży w twoich rękach.
journal-group-after-hurt = Po zranieniu
journal-group-after-hurt-lead = Pytania, które pomagają uporządkować uczucia po zranieniu. Wybierz tylko te, na które przyszła pora; możesz każde pominąć.
journal-prompt-what-i-bring = Co wnoszę do naszego związku w dobre dni, a co w trudne?
journal-hint-what-i-bring = Pomyśl o nawykach, nastrojach i dawnych doświadczeniach, nie tylko o tym, co robisz dla drugiej osoby.
journal-prompt-what-i-want = Czego naprawdę chcę od nas, pod tym, o co zwykle proszę?
journal-hint-what-i-want = Życzenie ukryte za pretensją często łatwiej powiedzieć na głos niż samą pretensję.
journal-prompt-what-i-can-change = Jaką jedną rzecz w swoim zachowaniu mogę zmienić w tym tygodniu?
journal-hint-what-i-can-change = Coś małego i konkretnego działa lepiej niż coś wielkiego i mglistego.
journal-prompt-my-part-in-it = Gdy patrzę na naszą ostatnią kłótnię, jaki był w niej mój udział?
journal-hint-my-part-in-it = Twój udział nie usprawiedliwia niczyjego innego. To po prostu ta część, nad którą możesz pracować.
journal-prompt-how-deep = { $my_form ->
    [feminine] Jak głęboko jestem teraz zraniona i gdzie to czuję?
    [masculine] Jak głęboko jestem teraz zraniony i gdzie to czuję?
   *[other] Jak głęboka jest teraz moja rana i gdzie ją czuję?
}
journal-hint-how-deep = Możesz to opisać słowami, obrazem albo liczbą od 1 do 10. Z dnia na dzień może się to zmieniać.
journal-prompt-what-exactly = { $my_form ->
    [feminine] Co dokładnie mnie zraniło: sam czyn, to, jak się o nim dowiedziałam, czy to, co zdawał się mówić o mnie?
    [masculine] Co dokładnie mnie zraniło: sam czyn, to, jak się o nim dowiedziałem, czy to, co zdawał się mówić o mnie?
   *[other] Co dokładnie mnie zraniło: sam czyn, sposób, w jaki wyszedł na jaw, czy to, co zdawał się mówić o mnie?
}
journal-hint-what-exactly = Rozplątanie tych wątków może ułatwić następną rozmowę.
journal-prompt-what-i-need-to-feel-safe = Czego potrzebuję, żeby znów czuć się bezpiecznie przy tej osobie?
journal-hint-what-i-need-to-feel-safe = Pomyśl o rzeczach, które można zobaczyć lub sprawdzić, nie tylko o uczuciach, na które liczysz.
journal-prompt-not-ready-for = Na co jeszcze nie przyszła dla mnie pora?
journal-hint-not-ready-for = Nazwanie tego chroni cię przed pośpiechem. To ty decydujesz, kiedy to się zmieni.
journal-group-forgiving = Myśląc o przebaczeniu
journal-group-forgiving-lead = Na czas, gdy chcesz pomyśleć o przebaczeniu. Nie ma tu dobrej odpowiedzi ani terminu, a nieprzebaczenie też jest w porządku. Czy i kiedy — to Twoja decyzja.
journal-prompt-how-heavy-today = Jak ciężkie jest dziś to zranienie w porównaniu z chwilą, gdy się wydarzyło?
journal-hint-how-heavy-today = Może stawać się lżejsze, a potem znów cięższe. Ani jedno, ani drugie nie jest porażką.
journal-prompt-how-long-to-carry = Jak długo chcę jeszcze to nosić i co daje mi noszenie tego?
journal-hint-how-long-to-carry = Trzymanie się czegoś czasem coś chroni. Nazwanie tego, co chroni, może pomóc zobaczyć następny krok.
journal-prompt-what-i-need-to-forgive = Czego potrzebuję — od siebie, od drugiej osoby albo od czasu — zanim przebaczenie wyda się możliwe?
journal-hint-what-i-need-to-forgive = Przebaczenie to nie zapomnienie, usprawiedliwienie ani obowiązek zostania. Dzieje się w Twoim tempie albo wcale.
journal-free = Wpis bez pytania
journal-write-free = Napisz bez pytania
journal-field-text = Co chcesz zapisać
journal-save = Zapisz w dzienniku
journal-save-changes = Zapisz zmiany
journal-entries-heading = Moje wpisy
journal-entries-none = Na razie nic tu nie ma. Wszystko, co napiszesz, zostanie tutaj, dla ciebie.
journal-edited = zmieniony później
journal-open = Przeczytaj, zmień lub usuń
journal-entry-title = Wpis w dzienniku
journal-delete-hint = Usunięcie od razu znika wpis z dziennika i z twojego eksportu. Jego treść zostanie trwale wymazana, gdy usuniesz konto.
journal-delete = Usuń ten wpis
journal-text-empty = Najpierw coś napisz, choćby kilka słów.
journal-text-too-long = Wpis może mieć najwyżej { $max } znaków. Spróbuj podzielić go na dwa.
journal-prompt-invalid = Tego pytania nie ma w dzienniku. Wybierz jedno z listy albo pisz swobodnie.
journal-help-heading = Prywatny dziennik
journal-help-text = Dziennik należy tylko do ciebie: druga osoba nie może go czytać i nic nie mówi jej, czy z niego korzystasz. Pytania są nasze: jedne pomagają przyjrzeć się własnemu udziałowi w związku, inne uporządkować uczucia po zranieniu albo pomyśleć o przebaczeniu, o którym decydujesz ty, we własnym tempie. Każdy wpis możesz zmienić albo usunąć; usunięty wpis od razu znika z dziennika i z twojego eksportu.
