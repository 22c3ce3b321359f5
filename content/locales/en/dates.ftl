# Dates and times as a person would write them. The weekday's short name comes from the
# weekday-* messages (rituals.ftl).

date-month-1 = January
date-month-2 = February
date-month-3 = March
date-month-4 = April
date-month-5 = May
date-month-6 = June
date-month-7 = July
date-month-8 = August
date-month-9 = September
date-month-10 = October
date-month-11 = November
date-month-12 = December

# A day: "Tue 8 December"; with the year when it is not this year.
date-day = { $weekday } { $day } { $month }
date-day-year = { $weekday } { $day } { $month } { $year }

# A time of day. $moment is noon, midnight, am-hour, pm-hour, am or pm; $h12 the hour on a
# 12-hour clock, $h24 on a 24-hour one, $mm the minutes with two digits.
date-clock = { $moment ->
    [noon] noon
    [midnight] midnight
    [am-hour] { $h12 } am
    [pm-hour] { $h12 } pm
    [am] { $h12 }:{ $mm } am
   *[pm] { $h12 }:{ $mm } pm
}

# A day and a time: "Tue 8 December, 8 pm".
date-when = { $date }, { $time }

# A share out of a hundred: "72%".
number-percent = { $percent }%

# When the browser has not said its time zone yet, a space's pages use the space's.
time-zone-space-note = Times are in your space’s time zone ({ $zone }).

## The device behind a session, on the account page: brand names stay as they are.

device-on = { $browser } on { $system }
device-browser = Browser
device-unknown = Unknown device
