# Reminders: in the app, and by email when the operator set it up.

coming-up-heading = Coming up this week
# { $text } is the promise in its promiser's words, or the ritual's name.
coming-up-your-promise = Your promise: { $text }
coming-up-to-confirm = Yours to confirm: { $text }
coming-up-ritual = Ritual: { $text }

reminders-email-heading = Reminders by email
reminders-email-lead = Steadfast can email you when a reminder comes up: an hour before a promise of yours is due, when a promise to you is due for your confirmation, and an hour before a ritual. The email never says what the reminder is about, nor anyone’s name. It is off unless you switch it on, because anyone who reads your inbox or sees your phone’s lock screen would still learn that you use Steadfast.
reminders-email-label = Email me when a reminder comes up
reminders-email-submit = Save
reminders-email-saved = Your choice about reminder emails is saved.
reminders-email-no-address = Your account has no email address, so your reminders stay here in the app.
reminders-email-unavailable = This Steadfast server does not send email, so your reminders stay here in the app.

reminder-email-subject = You have a reminder in Steadfast
reminder-email-body = Something in Steadfast is coming up for you. Sign in to see what it is.
reminder-email-footer = You get this email because you switched on reminder emails. You can switch them off on your account page.

help-reminders-heading = Reminders
help-reminders-text = A space’s page lists what is coming up for you this week: your promises due soon, promises to you that are waiting for your confirmation, and your shared rituals. You are reminded an hour before a promise of yours is due, at the due time of a promise made to you, and an hour before each ritual. Your partner never learns whether you opened a reminder.
help-reminders-email = If the server’s operator set up email, you can also get reminders by email, from your account page. They are off by default. An email only says that you have a reminder in Steadfast, with a link: never the promise, the ritual or anyone’s name. Even so, someone who shares your inbox or sees your phone’s lock screen would learn that you use Steadfast, so switch them on only if that is safe for you.
