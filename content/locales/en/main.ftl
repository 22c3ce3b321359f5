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
nav-account = Account

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

# Spaces and pairing
space-nav = Spaces
space-home-link = Go to your spaces
space-list-title = Your spaces
space-list-lead = A space is where the two of you keep your promises, check-ins and boundaries. You can start one on your own and invite your partner when you are ready.
space-list-empty = You have no space yet.
space-status-left = You left
space-create-heading = Create a space
space-field-name = Name of the space
space-field-name-hint = Only you and the partner you invite will see it. Something simple like “Our place” is fine.
space-create-submit = Create space
space-name-empty = Please give the space a name.
space-name-too-long = A space name can have at most { $max } characters.
space-name-bad-character = A space name cannot contain invisible or control characters.
space-full = This space already has two partners, so nobody else can join it.
space-partner-joined = You share this space with { $name }.
space-waiting = Waiting for your partner. Until they join, everything here works for you alone.
space-members-label = Who is in this space
space-member-you = you
space-back-to-list = Back to your spaces
space-leave-heading = Leaving
space-leave-hint = You can leave this space at any time, on your own.
space-leave-link = Leave this space
space-leave-title = Leave this space?
space-leave-lead = You leave at once and on your own: nobody is asked first. The other person only learns that the pairing ended — not when, and not why. You keep what you wrote.
space-leave-confirm = Yes, leave this space
space-leave-cancel = Stay
pairing-ended = The pairing in this space has ended. You can go on here on your own, or invite someone again.
pairing-ended-you-left = You are no longer in this space. The pairing has ended, and nothing here is shared any more.
invite-heading = Invite your partner
invite-lead = You get a link to send to your partner. It works once, for 72 hours.
invite-submit = Create an invitation link
invite-open-heading = Invitations not used yet
invite-created-ago = Created { $ago }
invite-expires-hours = { $count ->
    [one] ends in an hour
   *[other] ends in { $count } hours
}
invite-revoke = Withdraw
invite-created-title = Your invitation link
invite-created-lead = Send this link to your partner in a way only they will see. It works once, and for 72 hours.
invite-created-link-label = Invitation link
invite-created-once = This is the only time the link is shown. If you lose it, withdraw it on the space's page and create a new one.
invite-created-done = Back to the space
invite-title = An invitation
invite-signed-out-lead = Someone invited you to share a space on Steadfast. Please sign in, or create an account, to see the invitation.
invite-sign-in = Sign in
invite-sign-up = Create an account
invite-offer = You are invited to share the space “{ $name }”.
invite-offer-hint = If you join, the two of you share this space. Either of you can leave at any time, alone.
invite-accept = Join this space
invite-decline = Not now
invite-invalid = This invitation is no longer valid.
invite-invalid-hint = If you still want to join, ask the person who invited you for a new link.
invite-used = This invitation has already been used, so it cannot be withdrawn.
invite-already-member = You are already in this space.

# Account management: password change, recovery, API tokens, deletion; the help page.
password-change-heading = Change your password
password-change-lead = Changing your password signs you out everywhere else. This device stays signed in.
password-change-current = Current password
password-change-new = New password
password-change-submit = Change password
password-change-current-wrong = That is not your current password.
password-change-done = Your password is changed, and every other session has ended. Personal API tokens still work: if you see one below that you do not recognise, revoke it.

recovery-forgot-link = Forgot your password?
recovery-title = Set a new password with a recovery code
recovery-lead = If you forgot your password, one of the recovery codes you saved when you made your account lets you choose a new one. This never goes through your partner or anyone else.
recovery-code = Recovery code
recovery-code-hint = It looks like abcd-efgh-jkmn-pqrs. Capitals, spaces and dashes do not matter. Each code works once.
recovery-submit = Set new password
recovery-failed = That login name and recovery code do not match, or the code was already used. Please check both and try again.
recovery-no-codes = Without a recovery code we cannot tell that the account is yours, so nobody — not the people who run this Steadfast, and not your partner — can reset it for you.
recovery-done = Your new password is set and you are signed in. Every other session has ended and every personal API token was revoked.
recovery-codes-heading = Recovery codes
recovery-codes-left = { $count ->
    [0] You have no unused recovery codes.
    [one] You have one unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
recovery-codes-none-left = You have used your last recovery code. Without one, a forgotten password cannot be replaced.
recovery-codes-make-new = Make new recovery codes
recovery-codes-renew-lead = New codes replace all the old ones, used or not. Type your password to make them; they are shown once.
recovery-codes-renew-submit = Make new recovery codes

token-heading = Personal API tokens
token-lead = A token lets your own scripts and apps use Steadfast's API as you. It does not open these pages, and it cannot change your password or make more tokens. Revoke any token you do not recognise.
token-none = You have no tokens.
token-unnamed = Unnamed token
token-created-ago = Made { $ago }
token-last-used = last used { $ago }
token-never-used = not used yet
token-revoke = Revoke
token-revoked = The token is revoked. Anything using it can no longer reach your account.
token-label = Name for a new token (optional)
token-label-hint = Something that tells you where it is used, like “backup script”.
token-create-submit = Make a token
token-created-title = Your new token
token-created-lead = Copy it now into the script or app that needs it. It is shown only this once; we keep only a scrambled form of it.
token-created-keep = Anyone who has this token can read and change your data through the API. Keep it private, and revoke it on your account page when you no longer need it.
token-created-done = Back to your account
token-label-too-long = A token’s name can have at most { $max } characters.
token-label-bad-character = A token’s name cannot contain line breaks or invisible characters.
token-session-needed = This needs you to be signed in; a personal API token cannot do it.

delete-heading = Delete your account
delete-lead = Deleting your account removes everything you wrote, at once and for good.
delete-start = Delete my account…
delete-confirm-lead = This cannot be undone. Please read what happens before you go on.
delete-confirm-what = Everything you wrote is deleted, together with your sessions, personal API tokens and recovery codes.
delete-confirm-partner = If you share a space, your partner sees only that the pairing ended. What they wrote stays theirs.
delete-confirm-final = Your login name is freed, and signing in with it will no longer work.
delete-confirm-password = Type your password to confirm
delete-confirm-submit = Delete my account for good
delete-cancel = Keep my account
delete-done-title = Your account is deleted
delete-done-text = Everything you wrote is gone, and this device is signed out. Thank you for the time you spent here.

help-link = Help and safety
help-title = Help and safety
help-lead = This page is open to everyone, without signing in. Take what is useful to you.
help-afraid-heading = If you are afraid of your partner
help-afraid-text = Steadfast is made for two people who both choose to work on trust. It cannot keep you safe from someone who frightens, threatens, hurts or controls you, and working on trust together is not the right step while you are afraid. What is happening is not your fault, and you deserve support.
help-afraid-danger = If you are in danger right now, call your local emergency number.
help-afraid-turn = A helpline for people affected by abuse in relationships, a doctor, or someone you trust can listen and help you think about what to do next. You do not need to be sure about anything before you reach out.
help-resources-heading = Where you can turn
help-about-heading = What Steadfast is for
help-about-text = Steadfast helps two partners build trust, or rebuild it after it was broken, through small steps they can both see: promises kept or renegotiated, a weekly check-in, boundaries they agree on, and a careful repair after a breach in which the hurt partner sets the pace. It is not therapy, and it does not replace a couples therapist.
help-exit-heading = Leaving quickly
help-exit-text = The Quick exit button at the top of every page takes you at once to an ordinary website. Pressing the Shift key three times does the same.
help-exit-history = The page you leave is replaced in this tab’s history, so the Back button does not return to it. Other Steadfast pages you opened before may still be in the browser’s history.
help-history-heading = Clearing your browser’s history
help-history-lead = Your browser remembers the pages you visit. You can remove them:
help-history-computer = On a computer, open the browser’s menu, choose History, then the option to clear browsing data. Pick the time range and confirm. Pressing Ctrl+H (or Cmd+Y in Safari) opens the history in most browsers.
help-history-phone = On a phone, open the browser’s menu or settings and look for History or Privacy, then clear your browsing history.
help-history-private = A private or incognito window keeps no history once you close it.
help-history-noticed = If someone checks your device, a history that was cleared completely can itself be noticed. Most browsers also let you remove single pages from the history list.
help-account-heading = If someone else knows your password
help-account-text = Change it on your account page: that signs you out everywhere else. Your account page also shows where you are signed in, and only you can see it. If you cannot sign in any more, a recovery code lets you set a new password — recovery never goes through your partner.
help-record-heading = This page leaves no trace here
help-record-text = Steadfast does not record that this page was opened: it is not tied to an account, nothing about the visit is stored, and your partner cannot see it.

export-heading = Download my data
export-lead = One file (JSON) with your account, the names and dates of your API tokens, the spaces you are or were in, and everything in them that you wrote or can see. Your partner’s private entries are never in it, and nobody is told that you downloaded it.
export-keep = The file holds your private entries too. Keep it where only you can open it, and delete it from this device’s downloads once you have put it there.
export-download = Download my data (JSON)
