# Steadfast — English. Every word a person reads comes from here or from pl/main.ftl.

site-name = Steadfast
site-tagline = A private place for two people to build trust, one kept promise at a time.

skip-to-content = Skip to content
quick-exit = Quick exit
quick-exit-hint = Leaves this page at once for an ordinary website. You can also press Shift three times.
language-label = Language
language-switch = Change language

home-title = Trust, built in small steps
home-lead = Steadfast helps two partners make trust visible: promises kept or renegotiated, a weekly check-in, boundaries you agree on, and a careful path back after trust was broken.
home-what-heading = What you can do here
home-promises-title = Keep small promises
home-promises-text = Promise something small and let your partner confirm it. Over time you both see how things went — with the uncertainty shown honestly, never as a score about a person.
home-checkin-title = Meet once a week
home-checkin-text = A short weekly check-in, after Gottman’s “state of the union” meeting: appreciations first, then one topic, then what each of you needs next week.
home-boundaries-title = Agree on boundaries
home-boundaries-text = Name the lines that matter to you. If one is crossed, there is a calm way to own it and prevent the next time.
home-repair-title = Repair after a breach
home-repair-text = A repair plan in three phases — atone, attune, attach — where the hurt partner sets the pace.
home-principles-heading = What we promise you
home-principle-private = Private by default. What you keep private leaves no trace for your partner: no count, no title, no time.
home-principle-equal = Both of you are equal. Nothing here watches your partner for you: no location, no "last seen", no read receipts.
home-principle-forgiving = Forgiving, not a game. No streaks to lose, no leaderboard. Missed days cost nothing.
home-principle-yours = Yours. Steadfast runs on your own computer or your practice's server, and your words stay there.
home-safety-heading = If you do not feel safe
home-safety-text = The quick exit button at the top of every page takes you straight to an ordinary website. Pressing Shift three times does the same.

footer-note = Steadfast is free software you can run yourself.

error-not-found-title = We could not find that page
error-not-found-text = The address may be mistyped, or the page may no longer exist.
error-method-title = That did not work
error-method-text = This page cannot be used that way. Please go back and try again from the page itself.
error-cross-site-title = This request came from another site
error-cross-site-text = To protect you, Steadfast only accepts forms sent from its own pages. Please open Steadfast directly and try again.
error-too-large-title = That was too much to send at once
error-too-large-text = Please shorten what you wrote and send it again.
error-bad-request-title = We could not read that
error-bad-request-text = Something in the request was not in the form we expected. Please go back and try again.
error-timeout-title = That took too long
error-timeout-text = Please try again in a moment.
error-internal-title = Something went wrong on our side
error-internal-text = Please try again in a moment. If it keeps happening, tell the person who runs this Steadfast the reference below; it helps them find the problem without seeing anything you wrote.
error-reference = Reference: { $id }
error-home-link = Go to the start page

nav-sign-in = Sign in
nav-sign-up = Create an account
nav-sign-out = Sign out
nav-account = Your account

form-errors-heading = Please check what you entered
field-username = Login name
field-username-hint = Pick a name that does not identify you — not your real name, phone number or email. Anyone holding this device could see it.
field-password = Password
field-password-hint = At least 8 characters, any characters you like. A few unrelated words make a strong password that is easy to remember.
field-email = Email (optional)
field-email-hint = Only for reminders you turn on yourself. Your partner never sees it.

sign-up-title = Create your account
sign-up-lead = All you need is a login name and a password.
sign-up-submit = Create account
sign-up-have-account = Already have an account?

sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-failed = That login name and password do not match. Please try again.
sign-in-no-account = New here?

signed-out = You are signed out.

recovery-codes-title = Your recovery codes
recovery-codes-lead = If you ever forget your password, one of these codes lets you choose a new one. Each code works once.
recovery-codes-keep = Keep them somewhere only you can reach — not on a shared device, and not where your partner could find them. This is the only time they are shown.
recovery-codes-done = I have saved my codes

username-too-short = A login name needs at least { $min } characters.
username-too-long = A login name can have at most { $max } characters.
username-bad-character = A login name can use letters, digits, dots, dashes and underscores — no spaces.
username-taken = That login name is taken. Please choose another.
password-too-short = A password needs at least { $min } characters.
password-too-long = That password is too long; please use a shorter one.
password-too-common = That password is on the list of the most common passwords, which are the first ones anyone tries. Please choose another.
password-same-as-username = Your password cannot be your login name.
email-invalid = That does not look like an email address. You can also leave it empty.

error-too-many-title = Please wait a moment
error-too-many-text = There were too many attempts in a short time. Please wait a little and try again.
api-sign-in-needed = Please sign in first.
api-json-expected = Please send a JSON body with Content-Type: application/json.
api-invalid-body = The JSON body is missing a field or has one of the wrong type.
nav-label = Account

account-title = Your account
account-signed-in-as = Signed in as { $name }
sessions-heading = Where you are signed in
sessions-lead = Only you can see this list. If you see a device you do not recognise, sign out everywhere and change your password.
session-this-device = This device
session-started = Signed in { $ago }
session-active = Last active { $ago }
sessions-sign-out-others = Sign out everywhere else
sessions-sign-out-all = Sign out everywhere
time-just-now = just now
time-minutes-ago = { $count ->
    [one] a minute ago
   *[other] { $count } minutes ago
}
time-hours-ago = { $count ->
    [one] an hour ago
   *[other] { $count } hours ago
}
time-days-ago = { $count ->
    [one] yesterday
   *[other] { $count } days ago
}
