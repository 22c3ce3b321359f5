# Rituals, the space's time zone, the daily ritual and the calendar feed.

## Rituals

rituals-title = Rituals
rituals-lead = Time you keep for each other, again and again: a date night, a walk, your weekly check-in.
rituals-active-heading = Your rituals
rituals-none = No rituals yet. Plan the first one below — one evening a week is plenty.
rituals-ended-heading = Ended
ritual-plan-heading = Plan a ritual
ritual-plan-submit = Plan it
ritual-space-zone = Schedules are in { $zone } time.
ritual-zone-set = Set your time zone
ritual-zone-change = Change it
ritual-your-time = (your time)
ritual-next = Next: { $when }
ritual-schedule-line = { $days } · { $start } · { $every } · { $minutes } min · { $zone } time
ritual-every = { $count ->
    [one] every week
   *[other] every { $count } weeks
}
ritual-kind-date-night = Date night
ritual-kind-walk = Walk
ritual-kind-checkin = Weekly check-in
ritual-kind-other = Something else
ritual-field-name = What do you call it?
ritual-field-name-hint = For example “Friday evening, phones away”.
ritual-field-kind = What kind of time is it?
ritual-field-days = On which days?
ritual-field-start = At what time?
ritual-field-start-hint = In the space’s time zone.
ritual-field-every = Every how many weeks? (1 to 4)
ritual-field-duration = How long, in minutes?
ritual-field-first = From which day?
ritual-field-first-hint = Leave empty to start from today.
ritual-next-heading = Next times
ritual-next-none = None in the coming weeks.
ritual-ended-tag = Ended
ritual-change-heading = Change it
ritual-change-lead = Changes apply to both of you from now on. The times are read in the space’s current time zone.
ritual-change-submit = Save the change
ritual-end-heading = End this ritual
ritual-end-hint = It ends for both of you. You can always plan a new one.
ritual-end-submit = End it
ritual-zone-moved = This ritual is still set in { $zone } time, while your space is now in { $space_zone } time. Save it once to move it to { $space_zone }.
ritual-refused-ended = This ritual has ended; plan a new one instead.
ritual-refused-too-many = You have { $limit } rituals planned already, as many as can be planned at once. End one you no longer keep, then plan this one. Your words are kept below.
ritual-name-empty = Give the ritual a name.
ritual-name-too-long = A name has at most { $max } characters.
ritual-kind-invalid = Choose one of the kinds listed.
ritual-weekdays-invalid = Choose at least one day of the week.
ritual-start-invalid = Give the time as hours and minutes, for example 19:00.
ritual-every-invalid = Choose every 1, 2, 3 or 4 weeks.
ritual-duration-invalid = Choose a length from { $min } to { $max } minutes.
ritual-first-date-invalid = Give the first day as a date, for example 2026-12-04.
ritual-time-zone-invalid = That is not a time zone we know.

weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun

## The space's time zone

space-settings-title = Space settings
time-zone-heading = Time zone
time-zone-lead = Rituals are scheduled in this time zone, and “today” for the daily ritual starts at midnight here. Each of you still sees every time in your own time zone.
time-zone-unset = No time zone has been set yet, so UTC is used.
time-zone-field = Time zone of the space
time-zone-field-hint = A name such as Europe/Warsaw or America/New_York.
time-zone-yours = Your device reports:
time-zone-submit = Save the time zone
time-zone-saved = Saved. This space now keeps { $zone } time.
time-zone-invalid = That is not a time zone we know. Use a name such as Europe/Warsaw.

## The daily ritual

daily-title = Today, in a minute
daily-lead = How you feel, one thing you appreciated, and your plan for tomorrow. Any part may stay empty.
daily-today = Today:
daily-rewriting = You wrote today already; saving again replaces it.
daily-field-mood = How do you feel?
daily-mood-1 = heavy
daily-mood-2 = low
daily-mood-3 = in between
daily-mood-4 = good
daily-mood-5 = light
daily-field-appreciation = One thing you appreciated today
daily-field-appreciation-hint = Something small is enough.
daily-field-plan = Your plan for tomorrow
daily-field-private = Keep this one to myself
daily-field-private-hint = Otherwise your partner sees it.
daily-submit = Save
daily-recent-heading = The last two weeks
daily-recent-none = Nothing written yet. Whenever you like.
daily-you = You
daily-only-you = only you
daily-appreciated = Appreciated:
daily-tomorrow = Tomorrow:
daily-mood-invalid = Choose how you feel, from 1 to 5.
daily-appreciation-empty = Write what you appreciated, or leave it empty.
daily-appreciation-too-long = At most { $max } characters here.
daily-plan-empty = Write your plan, or leave it empty.
daily-plan-too-long = At most { $max } characters here.

## Links from the space and the account

space-rituals-link = Rituals
space-rituals-hint = Your regular time together, in your own time zones.
space-daily-link = Today, in a minute
space-daily-hint = Mood, one appreciation, tomorrow’s plan.
space-settings-link = Settings
space-settings-hint = The space’s time zone.
account-calendar-link = Calendar feed
account-calendar-hint = Your rituals and promise due times in your own calendar app.

## The calendar feed

calendar-name = Steadfast
calendar-discreet-title = Plans
calendar-promise-yours = Your promise is due: { $text }
calendar-promise-theirs = A promise to you is due: { $text }
calendar-title = Calendar feed
calendar-lead = A private address your calendar app can subscribe to.
calendar-what = It lists your rituals (two weeks back and eight weeks ahead) and the due times of open promises between you and your partner — only what you can see here. Your partner’s private entries are never in it. Anyone who has the address can read it, so keep it to yourself.
calendar-address-lead = Your feed’s address. Add it to your calendar app as a subscription:
calendar-address-keep = This is the only time it is shown. If you lose it, make a new one.
calendar-on = Your feed is on.
calendar-made-at = Made { $when }.
calendar-fetched-at = Last fetched by a calendar app { $when } (to the hour).
calendar-fetched-never = Not fetched by any calendar app yet.
calendar-times-hint = If it was fetched when none of your calendars could have, someone else may have the address: make a new one or switch the feed off.
calendar-discreet-field = Discreet titles
calendar-discreet-hint = Every entry is called “Plans”, with no names, promise texts or descriptions — for a calendar others may glance at.
calendar-discreet-password-hint = To turn discreet titles off, give your password again: then anyone with the address reads names and promise texts.
calendar-discreet-submit = Save the title choice
calendar-new-heading = A new address
calendar-new-hint = Makes a new address and stops the old one at once. The feed lists the spaces you are in when its address is made; a space you join later needs a new address.
calendar-new-submit = Make a new address
calendar-off-heading = Switch the feed off
calendar-off-hint = The address stops working at once. Calendar apps keep what they had already loaded until they refresh.
calendar-off-submit = Switch it off
calendar-none = You have no calendar feed.
calendar-create-submit = Make my feed
calendar-feed-none = You have no calendar feed yet.

## Help

help-rituals-heading = Rituals and the daily minute
help-rituals-text = A ritual is time the two of you keep regularly. Its schedule is set in the space’s time zone and stays at the same local hour when the clocks change; each of you sees it in your own time zone. A time that does not exist on the night the clocks go forward moves forward by that hour; a time that happens twice when they go back is the first of the two. When you change the space’s time zone, rituals keep their own until you save them again.
help-daily-text = The daily minute is one short form: how you feel, one thing you appreciated, your plan for tomorrow. Writing again on the same day replaces that day’s entry. Entries are shared with your partner unless you keep one to yourself. Skipping a day costs nothing, and nothing here counts the days.
help-calendar-heading = The calendar feed
help-calendar-text = Your account page can make a private calendar address for you. A calendar app that subscribes to it shows your rituals and the due times of open promises between you and your partner, with their names — or, with discreet titles, only the word “Plans”, without descriptions. It never contains anyone’s private entries. Anyone with the address can read it: make a new one or switch it off whenever you need to, and the old one stops working at once.
