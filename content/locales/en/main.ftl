# Steadfast — English. Every word a person reads comes from here or from pl/main.ftl.

site-name = Steadfast
site-tagline = A private place for two people to build trust, one kept promise at a time.

skip-to-content = Skip to content
quick-exit = Quick exit
quick-exit-hint = Signs you out and leaves this page at once for an ordinary website. You can also press Shift three times.
language-label = Language
language-switch = Change language

home-title = Trust, built in small steps
home-lead = Steadfast helps two partners make trust visible: promises kept or renegotiated, a weekly check-in, boundaries you agree on, and a careful path back after trust was broken.
home-what-heading = What you can do here
home-promises-title = Keep small promises
home-promises-text = Promise something small and let your partner confirm it. Over time you both see how things went — with the uncertainty shown honestly, never as a score about a person.
home-checkin-title = Meet once a week
home-checkin-text = A short weekly check-in: appreciations first, then one topic, then what each of you needs next week.
home-boundaries-title = Agree on boundaries
home-boundaries-text = Name the lines that matter to you. If one is crossed, there is a calm way to own it and prevent the next time.
home-repair-title = Repair after a breach
home-repair-text = A repair plan in three phases — amends, tuning in, closeness — where the hurt partner sets the pace.
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
recovery-codes-start-together = My codes are saved: make our space and invite my partner
recovery-codes-other-start = Other ways to begin
recovery-codes-join = My codes are saved: join the space
recovery-codes-see-invite = See the invite first

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
error-too-many-text = { $count ->
    [one] There were too many attempts in a short time. Please wait a minute and try again.
   *[other] There were too many attempts in a short time. Please wait { $count } minutes and try again.
}
error-crowded-text = A lot is happening at once right now, so your password could not be checked yet. Please enter it again in a moment.
error-busy-title = Busy for a moment
error-busy-text = Someone else was saving at the very same moment, and yours did not get through. Nothing was lost or half-saved: please try again in a second.
write-quota-title = A moment, please
write-quota-text = { $count ->
    [one] That came faster than anyone writes by hand, so it was not saved yet. Please wait a second, then send it again: everything you wrote is kept here.
   *[other] That came faster than anyone writes by hand, so it was not saved yet. Please wait { $count } seconds, then send it again: everything you wrote is kept here.
}
write-quota-kept = What you wrote
write-quota-send-again = Send it again
pager-label = More of this list
pager-previous = ← Previous page
pager-next = Next page →
write-quota-api = { $count ->
    [one] Too many changes in a short time: nothing was saved. Wait a second, then send it again.
   *[other] Too many changes in a short time: nothing was saved. Wait { $count } seconds, then send it again.
}
api-sign-in-needed = Please sign in first.
api-json-expected = Please send a JSON body with Content-Type: application/json.
api-invalid-body = The JSON body is missing a field or has one of the wrong type.
api-limit-invalid = Ask for between 1 and { $max } items at a time.
api-cursor-invalid = That "after" names nothing in this list: start again from the first page, or use the "next" an answer gave.
nav-label = Account

account-title = Your account
account-signed-in-as = Signed in as { $name }

grammatical-form-heading = How Polish speaks to you
grammatical-form-legend = In Polish, speak to me and about me with
grammatical-form-hint = Polish words change with a person's gender ("zrobiłaś", "zrobiłeś"). Until you choose, Steadfast uses wording without gender. Your partner's pages use your choice when they speak about you. English reads the same either way.
grammatical-form-neutral = Wording without gender
grammatical-form-feminine = Feminine forms
grammatical-form-masculine = Masculine forms
grammatical-form-submit = Save
grammatical-form-saved = Saved. Polish texts now speak to you the way you chose.
grammatical-form-invalid = Choose feminine, masculine or neutral.
sessions-heading = Where you are signed in
sessions-lead = Only you can see this list. If you see a device you do not recognise, sign out everywhere and change your password. Signing out everywhere, or everywhere else, also revokes every personal API token and your calendar feed.
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
space-zone-line = Days, rituals and reminders here follow { $zone } time.
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
space-leave-lead = You leave at once and on your own: nobody is asked first. The other person learns only that the pairing ended — not when, and not why. You keep what you wrote, and from then on you see nothing of theirs. What you shared with them while you were both here stays with them to read, from “former partner”, without your name: the promises you made them and how they went, apologies, boundaries, repair plans and the record. Your private entries go with you and leave no trace.
space-leave-confirm = Yes, leave this space
space-leave-cancel = Stay
pairing-ended = The pairing in this space has ended. What your former partner shared with you while you were both here stays yours to read; nothing more can be done with it, and nothing new comes. You can go on here on your own, or invite someone again.
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
invite-created-once = The link stays on this device for an hour, so you can come back to it here. After that, or on another device, it cannot be shown again: withdraw it on the space’s page and make a new one.
invite-copy = Copy the link
invite-copied = Copied.
invite-share = Share…
invite-qr-heading = Side by side?
invite-qr-hint = Your partner can scan this code with their phone’s camera.
invite-qr-label = QR code of the invitation link
invite-gone-title = This link cannot be shown again
invite-gone-text = For your safety an invitation link is kept only on the device that made it, and only for an hour. If your partner has not used it yet, withdraw it on the space’s page and make a new one.
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
password-change-done = Your password is changed. Every other session has ended and every personal API token and your calendar feed were revoked.

recovery-forgot-link = Forgot your password?
recovery-title = Set a new password with a recovery code
recovery-lead = If you forgot your password, one of the recovery codes you saved when you made your account lets you choose a new one. This never goes through your partner or anyone else.
recovery-code = Recovery code
recovery-code-hint = It looks like abcd-efgh-jkmn-pqrs. Capitals, spaces and dashes do not matter. Each code works once.
recovery-submit = Set new password
recovery-failed = That login name and recovery code do not match, or the code was already used. Please check both and try again.
recovery-no-codes = Without a recovery code we cannot tell that the account is yours, so nobody — not the people who run this Steadfast, and not your partner — can reset it for you.
recovery-done = Your new password is set and you are signed in. Every other session has ended and every personal API token and your calendar feed were revoked.
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
token-created-at = Made { $when }
token-last-used = last used { $ago }
token-never-used = not used yet
token-expires-at = stops working { $when }
token-new-notice = A personal API token was made for your account on { $when }: “{ $label }”. If you did not make it, revoke it below and change your password.
token-new-notice-look = See your tokens
token-new-notice-dismiss = I made it: hide this notice
token-days = Days until it stops working (optional)
token-days-hint = 90 if left empty, at most 365. Every token also stops working at once when you change your password, recover your account or sign out everywhere.
token-password-hint = Your password again: a token keeps working after you sign out, so only you should make one.
token-expiry-out-of-range = A token can work for { $min } to { $max } days.
notice-recovery-code-used = On { $when }, one of your recovery codes was used to set a new password for your account. If it was not you, someone else has your codes: set a new password and make new codes below.
notice-operator-recovery = On { $when }, the server’s operator made a link to reset your password. If you did not ask for it, tell the operator.
notice-operator-disabled = On { $when }, the server’s operator disabled your account: nobody could sign in to it, and every session and token ended. It has been enabled again since.
notice-dismiss = Seen: hide this
notice-on-account-page = Something happened to your account’s password or codes.
notice-see-account = See your account page
recovery-codes-renew-fresh = You have just recovered your account, so you can make new codes now without your password. The old ones stop working.
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
delete-lead = Deleting your account removes, at once and for good, your private entries and everything that names you. What you shared with a partner who stays remains theirs to read, without your name.
delete-start = Delete my account…
delete-confirm-lead = This cannot be undone. Please read what happens before you go on.
delete-confirm-what = Your private entries are deleted, with your login name, e-mail address, sessions, personal API tokens and recovery codes.
delete-confirm-partner = If you share a space, your partner sees that the pairing ended. What you shared with them while you were both there stays with them to read, from “former partner”, without your name: promises, apologies, boundaries, repair plans and the record. Anything you shared that nobody received is deleted.
delete-confirm-final = Your login name is freed, and signing in with it will no longer work.
delete-confirm-password = Type your password to confirm
delete-confirm-submit = Delete my account for good
delete-cancel = Keep my account
delete-done-title = Your account is deleted
delete-done-text = Your account and everything private of yours are gone, and this device is signed out. Thank you for the time you spent here.

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
help-exit-text = The Quick exit button on every page signs you out and takes you at once to an ordinary website. Pressing the Shift key three times does the same. It works without JavaScript too.
help-exit-history = The page you leave is replaced in this tab’s history. Other Steadfast pages you opened before may still be listed in the browser’s history, but with the session ended, going back to them only asks you to sign in again.
help-history-heading = Clearing your browser’s history
help-history-lead = Your browser remembers the pages you visit. You can remove them:
help-history-computer = On a computer, open the browser’s menu, choose History, then the option to clear browsing data. Pick the time range and confirm. Pressing Ctrl+H (or Cmd+Y in Safari) opens the history in most browsers.
help-history-phone = On a phone, open the browser’s menu or settings and look for History or Privacy, then clear your browsing history.
help-history-private = A private or incognito window keeps no history once you close it.
help-history-noticed = If someone checks your device, a history that was cleared completely can itself be noticed. Most browsers also let you remove single pages from the history list.
help-account-heading = If someone else knows your password
help-account-text = Change it on your account page: that signs you out everywhere else and ends every personal API token, including any made on your phone by someone else. Your account page also shows where you are signed in and every token, with when it was made, and only you can see it. If you cannot sign in any more, a recovery code lets you set a new password — recovery never goes through your partner.
help-grammatical-form-heading = How Polish speaks to you
help-grammatical-form-text = Polish words change with a person's gender. Until you choose, Steadfast speaks to you and about you in Polish with wording that has no gender. On your account page you can choose feminine or masculine forms instead, or keep wording without gender; your partner chooses their own. Your choice shapes only the words: your partner's Polish pages use it when they speak about you, and English pages read the same whatever you choose.
help-leaving-heading = If one of you leaves
help-leaving-text = Either of you can leave a space at any time, alone, and nobody is asked first. Leaving never takes shared history away from the one who stays: what was shared with them while you were both there — promises made to them and how they went, apologies, boundaries and crossings, repair plans with their questions and answers, and the record — stays theirs to read and to export, from “former partner”, without a name. Nothing more can be done with it, and nothing new comes: a promise still open ends with the leaving and counts neither as kept nor as not kept.
help-leaving-leaver = The one who leaves keeps what they wrote themselves and sees nothing of the other’s from then on. Private entries go with the person who wrote them and leave no trace. Coming back takes a new invite from the one who stayed.
help-leaving-delete = Deleting an account removes its private entries and everything that names the person: login name, e-mail address, sessions, tokens and recovery codes. What they shared with a partner who stays remains that partner’s, from “former partner”, for as long as that partner stays in the space.
help-record-heading = This page leaves no trace here
help-record-text = Steadfast does not record that this page was opened: it is not tied to an account, nothing about the visit is stored, and your partner cannot see it.

export-heading = Download my data
export-lead = One file (JSON) with your account, the names and dates of your API tokens, the spaces you are or were in, and everything in them that you wrote or can see. Your partner’s private entries are never in it, and nobody is told that you downloaded it.
export-keep = The file holds your private entries too. Keep it where only you can open it, and delete it from this device’s downloads once you have put it there.
export-download = Download my data (JSON)

## Promises: refusals and input errors (shared by pages and the API)
promise-refused-no_partner = A promise is made to a partner. Invite yours first.
promise-refused-too_many_open = You have { $limit } promises open to your partner already, as many as can be open at once. Ask your partner to confirm the ones you kept, or to release you from ones that no longer fit, then make this one. Your words are kept below.
promise-refused-only_promiser = Only the partner who made this promise can do that.
promise-refused-only_receiver = Only the partner this promise was made to can do that.
promise-refused-settled = This promise is settled already, so nothing more can change.
promise-refused-already_done = This promise is already marked done.
promise-refused-not_done = This promise is not marked done, so there is nothing to say “not yet” to.
promise-refused-not_overdue = This promise is not overdue yet. Until its due time, it can be kept, released or renegotiated.
promise-refused-past_due = The due time has passed. A renegotiation is asked for before it; now your partner decides what happens.
promise-refused-renegotiation_pending = A renegotiation is already waiting for an answer.
promise-refused-no_renegotiation = No renegotiation is waiting for an answer.
promise-refused-due_too_early = The due time has to be later.
promise-refused-in_future = That time is still in the future. Only something that already happened can be logged for a past time.
promise-refused-too_long_ago = That is more than a year ago, too long ago to log.
promise-refused-before_made = That is before the promise was made.
promise-text-empty = Write what you promise.
promise-text-too-long = A promise has at most { $max } characters. Small promises are easier to keep.
promise-reason-empty = Say briefly why you are asking to change it.
promise-reason-too-long = The reason has at most { $max } characters.
promise-domain-empty = Name the area, or leave it blank.
promise-domain-too-long = An area has at most { $max } characters.
promise-stakes-out-of-range = Choose how much it matters, from { $min } to { $max }.
promise-severity-out-of-range = Choose how much it hurt, from { $min } to { $max }.
text-bad-character = This contains control or invisible characters. Please type it again without them.
time-unreadable = That date or time could not be read.
record-not-enabled = The reliability record is shown only after both of you switch it on.

## Promises: pages
space-links-label = What you keep in this space
space-promises-link = Promises
space-promises-hint = Small promises between the two of you, and how they went.
space-record-link = The reliability record
space-record-hint = How promises have gone over time — only when both of you switch it on.
promises-link = Back to your promises
record-link = The reliability record
promises-title = Promises
promises-lead = Small promises, kept and confirmed, are how trust grows. Only the two of you see them.
promises-solo = A promise here is made to your partner, who confirms it when it was kept. Invite your partner first; until they join, there is no one to promise to.
promises-solo-link = Invite your partner
promises-yours-heading = Your promises to { $name }
promises-theirs-heading = Promises from { $name } to you
promises-none-open = Nothing open right now.
promises-settled-heading = Recently settled
promises-settled-none = Nothing settled yet.
promises-make-heading = Make a promise to { $name }
promises-make-lead = Something small and clear works best: what you will do, and by when.
promise-nudge-many = { $count ->
    [one] You already have one open promise. A few small promises kept often build more trust than many made. You can still add this one — it is your choice.
   *[other] You already have { $count } open promises. A few small promises kept often build more trust than many made. You can still add this one — it is your choice.
}
promise-nudge-misses = { $count ->
    [one] One of your promises was not kept or was let go in the past month. It can help to make the next one smaller, or to finish an open one first. It is your choice.
   *[other] { $count } of your promises were not kept or were let go in the past month. It can help to make the next one smaller, or to finish an open one first. It is your choice.
}
promise-field-text = What do you promise?
promise-field-text-hint = For example: “I will call if I am running late this week.”
promise-field-stakes = How much does it matter?
promise-field-stakes-hint = Your partner can change this when they confirm it.
promise-field-due = By when (optional)
promise-field-due-hint = Leave it empty for a promise without a due time.
promise-field-domain = Area (optional)
promise-field-domain-hint = A word for the part of life it touches, like “money”, “time” or “phone”. The record can then show each area on its own.
promise-field-made = This already happened
promise-field-made-hint = If you made this promise earlier and did not log it then, give the day you made it.
promise-field-made-label = The day you made it
promise-make-submit = Make this promise
promise-partner-fallback = your partner
former-partner = former partner
promises-former-note = Your partner has left this space. What they shared with you while you were both here stays yours to read: the promises between you, how they went, and what was said after a miss. Nothing more can be done with them. A promise still open when they left ended there: it counts neither as kept nor as not kept.
promise-stakes-1 = A small thing
promise-stakes-2 = Matters somewhat
promise-stakes-3 = Matters
promise-stakes-4 = Matters a lot
promise-stakes-5 = Matters deeply
promise-severity-1 = It stung a little
promise-severity-2 = It hurt
promise-severity-3 = It hurt a lot
promise-severity-4 = It shook my trust
promise-status-open = Open
promise-status-done = Done, waiting to be confirmed
promise-status-kept = Kept
promise-status-broken = Not kept
promise-status-released = Released
promise-status-let_go = Let go
promise-status-ended-by-leaving = Ended when your partner left
promise-ended-by-leaving = This promise was still open when your partner left the space, and it ended there: nobody can keep or confirm it now, and it counts neither as kept nor as not kept.
promise-due = due { $when }
promise-area = area: { $domain }
promise-whose-yours = yours, to { $name }
promise-whose-theirs = from { $name }
promise-overdue = Past its due time
promise-renegotiation-waiting = New terms asked for
time-utc-note = (UTC)
time-zone-note = Times are in your time zone ({ $zone }).
time-zone-utc = Times are in UTC.
promise-back = All promises
promise-title-yours = Your promise to { $name }
promise-title-theirs = A promise from { $name }
promise-fact-stakes = How much it matters
promise-fact-due = Due
promise-fact-area = Area
promise-fact-status = Where it stands
promise-made = Made { $when }.
promise-made-backdated = Made on { $when }, and logged afterwards.
promise-pending-heading = New terms asked for
promise-pending-reason = Why:
promise-actions-heading = What you can do now
promise-settled-note = This promise is settled. Its history stays here for both of you.
promise-settled-note-former = This promise is settled. Its history stays here for you to read.
promise-waiting-answer = Waiting for { $name } to answer the new terms.
promise-waiting-confirm = Waiting for { $name } to confirm it.
promise-waiting-partner = Nothing for you to do here right now; { $name } decides the next step.
promise-history-heading = What happened
history-you = You
history-made = made the promise
history-made-backdated = logged the promise, made on { $when }
history-done = marked it done
history-kept = confirmed it was kept ({ $stakes })
history-not-yet = said “not yet”
history-renegotiation-asked = asked for new terms
history-renegotiation-accepted = accepted the new terms
history-renegotiation-declined = kept the old terms
history-broken = recorded that it was not kept ({ $severity })
history-broken-hidden = recorded that it was not kept, and that it was hidden or lied about ({ $severity })
history-extended = gave more time, until { $when }
history-let-go = let it go
history-released = released the promise
history-happened = — it happened on { $when }
action-done = I did it
action-done-hint = { $name } is then asked to confirm it was kept.
action-renegotiate-heading = Ask to change it
action-renegotiate-hint = Before the due time you can ask for new terms and say why. { $name } decides. Asking in time is communication, not a failure.
field-new-text = What you promise now
field-new-due = New due time (optional)
field-reason = Why you are asking
action-renegotiate-submit = Ask for these terms
action-answer-hint = If you accept, these become the promise. If not, the old terms stay.
action-accept = Accept the new terms
action-decline = Keep the old terms
action-overdue-heading = The due time has passed
action-overdue-hint = It is not marked done. You decide what happens now: give more time, let it go, or record below that it was not kept.
field-extend-due = New due time
action-extend-submit = Give more time
action-let-go = Let it go
action-let-go-hint = Letting it go closes it without counting it either way.
action-kept-heading = It was kept
action-kept-hint = Confirm it, and change how much it mattered if you see it differently.
field-kept-stakes = How much it mattered
field-happened-earlier = It happened earlier
field-happened = The day it happened (optional)
field-happened-hint = Only if it was on an earlier day and not logged then.
action-kept-submit = Confirm it was kept
action-not-yet = Not yet
action-not-yet-hint = Marked done, but not done yet from where you stand? It goes back to open.
action-broken-heading = It was not kept
action-broken-hint = Say how much it hurt. Only what you confirm counts in the record.
field-severity = How much did it hurt?
field-deception = Was it hidden, or was there lying about it?
field-deception-hint = Hiding weighs more, and heals more slowly, than a promise simply not kept.
deception-no = No
deception-yes = Yes
action-broken-submit = Record that it was not kept
action-release = Release { $name } from this promise
action-release-hint = When it no longer matters. It closes without counting either way.

## The reliability record: page
record-title = The reliability record
record-lead = How the promises between you have gone — each direction on its own, as the partner a promise was made to confirmed it.
record-what-heading = What the record is
record-what-counts = It counts only what the partner a promise was made to confirmed: kept, not kept, or renegotiated in time. Nobody can add to their own record.
record-what-model = Every confirmed promise counts as evidence. Recent promises count more than old ones, a promise not kept weighs more than a kept one (trust is easier to lose than to gain), and a promise renegotiated in time is a conversation, not a miss. The record always says how sure it is, and while there are only a few promises it says so plainly instead of giving a figure. It is never a score about a person — it tells how promises went, not who someone is.
record-what-consent = It is worked out and shown only while both of you have switched it on. Either of you can switch it off at any time, alone, and it is gone for both of you from the next page you open. Whether each of you has it on is visible to both.
record-how-link = How the record is worked out
record-switch-heading = Switching it on or off
record-solo = The record needs two people: it shows how promises between partners went. Invite your partner first.
record-you-on = You have switched it on.
record-you-off = You have not switched it on.
record-partner-on = { $name } has switched it on.
record-partner-off = { $name } has not switched it on.
record-who-label = Who has switched the record on
record-switch-on-hint = Switching it on is your own choice, and you can switch it off again at any time.
record-switch-on = Switch the record on
record-switch-off = Switch the record off
record-switch-off-hint = Both of you have switched it on. Either of you can switch it off, alone and at once.
record-theirs-heading = How promises from { $name } to you have gone
record-yours-heading = How your promises have gone, as { $name } confirmed them
record-empty = No promise in this direction has been settled yet. Every record starts in the middle, at 50%, knowing nothing.
record-too-early = Too early to say.
record-estimate = About { $percent }% of promises kept — probably between { $lower }% and { $upper }%.
record-certainty-too_early = Fewer than five promises have been settled, so the counts above say more than any percentage could. A few more weeks will tell you more.
record-certainty-learning = Still learning: there is not much to go on yet, so this can change quickly.
record-certainty-taking_shape = Taking shape: a tendency, not yet a settled picture.
record-certainty-established = Well established by many recent promises.
record-certainty-short-learning = still learning
record-certainty-short-taking_shape = taking shape
record-certainty-short-established = well established
record-count-kept = { $count ->
    [one] 1 kept
   *[other] { $count } kept
}
record-count-broken = { $count ->
    [one] 1 not kept
   *[other] { $count } not kept
}
record-count-renegotiated = { $count ->
    [one] 1 asked in time
   *[other] { $count } asked in time
}
record-count-let-go = { $count ->
    [one] 1 let go
   *[other] { $count } let go
}
record-chart-title = The record over time
record-chart-desc = From { $first } to { $last } the expected value went from { $from }% to { $to }%. Now it is likely between { $lower }% and { $upper }%.
record-chart-caption = The line is the estimate and the shaded band where it probably lies. The dashed line is 50%, where every record starts, knowing nothing.
record-why-heading = Why is it this?
record-why-lead = Each promise’s share of that change, taking them in the order they happened. Older ones count less and less: a kept promise half as much after 90 days, a broken one after 180. The shares are rounded to whole points and add up to the change above.
record-why-unknown = A promise
record-why-kept = kept
record-why-broken = not kept
record-why-renegotiated = asked in time
record-why-let-go = let go
record-why-up = { $count ->
    [one] up by 1 point
   *[other] up by { $count } points
}
record-why-down = { $count ->
    [one] down by 1 point
   *[other] down by { $count } points
}
record-why-no-points = no change
record-change = From { $start }% at the start to { $now }% now: { $moved }.
record-why-rest = All other promises together: { $moved }
record-domains-heading = By area
record-domain-line = { $domain }: about { $percent }% (probably { $lower }–{ $upper }%), { $certainty } · { $counts }
record-domain-too-early = { $domain }: too early to say · { $counts }
record-ladder = { $count ->
    [one] { $name } has kept a promise to you, and the record is fairly sure of it. If you like, you could invite a bigger promise (“{ $level }”). You decide; nothing changes unless you want it to.
   *[other] { $name } has kept { $count } promises to you, and the record is fairly sure of it. If you like, you could invite a bigger promise (“{ $level }”). You decide; nothing changes unless you want it to.
}

## How the record is worked out (the one page that names the formula and the research)
record-how-title = How the record is worked out
record-how-lead = Everything on the record comes from your own promises and the rules on this page. Nothing else goes in, and nobody can add to their own record.
record-how-back = Back to the record
record-how-evidence-heading = What counts
record-how-evidence = Only outcomes the partner a promise was made to confirmed: kept, not kept, or let go. A kept promise adds { $kept_one } to the evidence for at stakes 1, and half a point more for each step of stakes ({ $kept_five } at stakes 5). A promise not kept adds (severity + { $offset }) times what it would have added if kept to the evidence against. When there was hiding or lying, the same amount again goes into a separate part that heals slowest. A renegotiation asked for and accepted before the due time adds nothing either way, and a promise let go adds nothing either way. For { $window } weeks after a repair plan is accepted, kept promises count { $bonus } times.
record-how-decay-heading = Time
record-how-decay = Evidence fades with time, never per event: kept promises count half as much after { $kept } days, broken ones after { $broken } days, hiding or lying after { $deception } days. With nothing new, the record drifts back to 50% and grows less sure.
record-how-formula-heading = The formula
record-how-formula = With r the evidence for, s the evidence against and d the part for hiding or lying, the estimate is (r + W·a) / (r + s + d + W), with W = { $w } and a = { $a }. The range shown runs from the { $low }th to the { $high }th percentile of the Beta distribution with parameters r + W·a and s + d + W·(1 − a).
record-how-certainty-heading = How sure it is
record-how-certainty = The words go by how many promises were settled — kept, not kept or let go, fading with the same half-lives — not by how heavy they were: a few grave breaches are still only a few promises. Fewer than { $too_early }: too early to say, and no percentage leads. Then “still learning”, “taking shape” from { $learning }, and “well established” from { $established }.
record-how-why-heading = Why it moved
record-how-why = The settled promises are taken in the order they happened, each faded to today, and each one’s share is what adding it changed. The shares add up exactly to the change from 50%; on the record they are rounded to whole points so that they still add up.
record-how-felt-heading = Felt trust
record-how-felt = Felt trust comes from the nine statements of the weekly check-in. A change counts as real when it is larger than the ups and downs the statements bring by themselves: Jacobson and Truax’s reliable change index, (latest − first) divided by the standard error of a difference, with a spread of 1 point and a reliability of 0.85 assumed for our new statements. From 1.96 either way it is called a real change; anything smaller may be noise.
record-how-research-heading = Where this comes from
record-how-research = The record is a Beta reputation model with time decay, after Audun Jøsang and Roslan Ismail, “The Beta Reputation System” (2002), and subjective logic. The reliable change index is from Neil Jacobson and Paula Truax (1991). The words and the weights are ours.

## Help: promises and the record
help-promises-heading = Promises and the record
help-promises-text = A promise is made by one of you to the other. The one who made it can mark it done or, before its due time, ask for new terms. The one it was made to confirms it was kept, says “not yet”, records that it was not kept, gives more time, lets it go, or releases the other from it. Only the partner a promise was made to decides how it went.
help-promises-model = The reliability record counts only what the partner a promise was made to confirmed. A promise not kept weighs more than a kept one — more when it was serious, and more again when there was hiding or lying. A renegotiation asked for in time counts against nobody. While fewer than five promises have been settled, the record says it is too early to say rather than give a figure.
help-promises-decay = What happened fades with time: kept promises count half as much after 90 days, broken ones after 180, hiding or lying after two years. With nothing new, the record drifts back to the middle and grows less sure.
help-promises-shown = The record shows an estimate with the range it probably lies in and, in words, how sure it is, next to the promises that moved it. The exact formula and the research behind it are on “How the record is worked out”, linked from the record. It appears only while both of you have switched it on.

## After a miss: the next steps on a promise not kept (none of them required)
after-miss-heading = After this miss
after-miss-lead-yours = This promise was not kept. Nothing here is required, and nothing here changes the record. When you are ready, one small step can help.
after-miss-lead-theirs = This promise was not kept. If something would help you, you can ask for it: { $name } will see the request here and on the space page. Nothing is required of either of you.
after-miss-lead-former = This promise was not kept. The other person has left this space, so nothing more can be asked or given here; what was said after the miss stays with you to read.
after-miss-waiting-acknowledgement = { $name } asks you to acknowledge it.
after-miss-waiting-apology = { $name } asks for an apology.
after-miss-waiting-smaller_promise = { $name } asks for a smaller promise in its place.
after-miss-waiting-repair_plan = { $name } asks for a repair plan.
after-miss-asked-acknowledgement = You asked for an acknowledgement.
after-miss-asked-apology = You asked for an apology.
after-miss-asked-smaller_promise = You asked for a smaller promise in its place.
after-miss-asked-repair_plan = You asked for a repair plan.
after-miss-acknowledged = Acknowledged
after-miss-apologies-heading = Apologies
after-miss-offered = Offered in its place:
after-miss-in-place-of = Offered in place of:
after-miss-acknowledge-label = Acknowledge it (a word is optional)
after-miss-acknowledge-hint = For example: "I see it, and it matters." Saying you see it is a step on its own.
after-miss-acknowledge-submit = I see it
after-miss-apologise-label = Apologise in your own words
after-miss-apologise-again-label = Apologise again, in your own words
after-miss-apologise-hint = Say what happened and what it did, without explaining it away. "Even though…" is fine; "sorry, but…" is not.
after-miss-apologise-submit = Send the apology
after-miss-answer-heading = Your answer to the apology
after-miss-offer-heading = Offer a smaller promise in its place
after-miss-offer-hint = Something you are sure you can keep. It starts from the old words and a step lower; change what you like.
after-miss-offer-submit = Offer this promise
after-miss-repair-link = Propose a repair plan
after-miss-repair-hint = For a miss that needs more than one step. You can link the plan to this promise when you open it.
after-miss-ask-legend = What would help you?
after-miss-ask-hint = Asking is optional. The request shows on the promise and on the space page.
after-miss-ask-acknowledgement = An acknowledgement
after-miss-ask-apology = An apology
after-miss-ask-smaller_promise = A smaller promise in its place
after-miss-ask-repair_plan = A repair plan
after-miss-ask-submit = Ask for this
after-miss-card-untouched = A promise was not kept: { $text }
after-miss-card-untouched-hint = When you are ready, there is a next step you can take.
after-miss-card-not-yet = { $name } answered "not yet" to your apology: { $text }
after-miss-card-answer = An apology waits for your answer, when you are ready: { $text }
after-miss-cards-heading = After a miss
history-acknowledged = acknowledged the miss
history-apologised = apologised
history-apology-answered = answered the apology: { $answer }
history-asked-acknowledgement = asked for an acknowledgement
history-asked-apology = asked for an apology
history-asked-smaller_promise = asked for a smaller promise
history-asked-repair_plan = asked for a repair plan
history-offered-instead = offered a smaller promise in its place
promise-refused-not_broken = This step follows a promise recorded as not kept.
promise-refused-already_acknowledged = You acknowledged this already.
promise-refused-apology_waiting = Your apology is waiting for an answer. There is nothing to add until then.
promise-refused-apology_landed = Your apology landed. There is nothing more to add.
promise-refused-no_apology = There is no apology to answer yet.
promise-refused-already_offered = A smaller promise is offered in its place already.
promise-refused-not_smaller = A promise in its place asks no more than the one that was missed: choose the same stakes or lower.
promise-refused-already_asked = You asked for this already.
promise-refused-already_given = This was given already.
promise-refused-excusing = An apology lands best without a “but” (or “however”) that turns it into an excuse or back onto your partner. Say what you did and what it did to them, and leave the “but” out; if it points at yourself, “and” works. “Even though …” is fine. Your words are kept below.
promise-apology-empty = Write your apology.
promise-apology-too-long = An apology has at most { $max } characters.
promise-word-empty = Write a word, or leave it blank.
promise-word-too-long = This has at most { $max } characters.
promise-ask-choose = Choose what you would like to ask for.
landing-landed = This landed
landing-not_yet = Not yet
landing-legend = Did this apology reach you?
landing-hint = "Not yet" keeps the step open; you can say what would help. You can answer again later.
landing-word-label = What would help (optional)
landing-word-hint = Only if you want to say it.
landing-submit = Answer
landing-choose = Choose "this landed" or "not yet".

# Places to turn to that are listed by default (the operator may add their own or turn these off).
help-default-emergency = Emergency number (police, ambulance, fire)
help-default-blue-line = “Niebieska Linia”, Poland’s national helpline for anyone living with violence at home (free, day and night)
help-default-emergency-europe = Emergency number anywhere in Europe
help-default-emergency-north-america = Emergency number in North America
help-default-directory = Free, confidential helplines, country by country, for whatever you are going through

## The guided start, once, right after sign-up
start-title = How would you like to begin?
start-lead = Your account is ready. Choose how to start; you can invite your partner or join them later, too.
start-space-name = Name of your shared space
start-space-name-hint = Only the two of you will see it. You can keep this one.
start-space-name-default = Our space
start-together-heading = Start together
start-together-text = We make your space and a link for your partner. Send it to them, or let them scan the code from your screen.
start-together-submit = Make our space and invite
start-alone-heading = Start on your own for now
start-alone-text = Your private journal, today in a minute and the help pages work for one. Invite your partner whenever you are ready.
start-alone-submit = Start on my own
start-join-heading = Your partner has already started?
start-join-text = Open the link they sent you on this device. Or paste it here.
start-join-link = The link from your partner
start-join-submit = Open the invite
start-join-link-missing = Paste the link your partner sent you, then open it.
start-join-link-unreadable = This does not look like an invite link. Copy the whole link your partner sent and paste it again.

## The second step of a heavy action
confirm-not-now = Not now, go back
confirm-broken-title = Record that this promise was not kept?
confirm-broken-lead = This goes into the promise’s history, which both of you see, and into your record. Take a breath first if you need one.
confirm-broken-deception = It was hidden, or there was lying about it

## The first promise kept between two people, marked once
first-kept-title = Your first promise kept, together.
first-kept-text = This is how trust grows: one kept word at a time, noticed by both of you. Nothing to keep up and no score, just this.
first-kept-line = The first promise kept between you.
space-to-confirm-heading = Promises to you
space-to-confirm-kept = It was kept
space-to-confirm-all = All promises
space-first-promise-heading = A first promise
space-first-promise-lead = Start small: something you will surely keep this week. Your partner confirms it when it is kept.
space-first-promise-more = For a date, an area of life and more, open
