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
