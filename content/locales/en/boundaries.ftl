# Boundaries, appreciations, the balance view and moments of progress.

## Boundaries

boundaries-title = Boundaries
boundaries-lead = A boundary is one of your lines — something that keeps you feeling safe and respected. Your partner acknowledges it, and you both can see it.
boundaries-current-heading = Your boundaries together
boundaries-none = No boundaries yet. Name one below when you are ready; one clear line is a good start.
boundaries-waiting-for-you = Waiting for you
boundaries-open-crossing = A crossing is open
boundaries-former-note = Your partner has left this space. The boundaries between you, their crossings and what was said about them stay yours to read; nothing more can be done with them.
boundaries-propose-heading = Name a boundary
boundaries-propose-lead = Say it plainly and about yourself, so it is easy to honour. Your partner will be asked to acknowledge it.
boundaries-withdrawn-heading = Withdrawn
boundaries-balance-link = Appreciations and the balance of the last four weeks
boundaries-solo = Boundaries are agreed between two people. Once your partner has joined, you can name yours here.
boundary-field-text = The boundary
boundary-field-text-hint = For example “My phone stays private”. Up to 200 characters.
boundary-field-why = Why it matters to you (optional)
boundary-field-why-hint = A few words help your partner understand, not just comply.
boundary-propose-submit = Propose it
boundary-title = Boundary
boundary-back = All boundaries
boundary-why-label = Why it matters:
boundary-fact-whose = Whose
boundary-fact-status = Where it stands
boundary-status-proposed = Waiting for acknowledgement
boundary-status-acknowledged = Acknowledged
boundary-status-withdrawn = Withdrawn
boundary-whose-yours = Your boundary
boundary-whose-theirs = { $name }’s boundary
boundary-waiting-for-partner = Your partner has not acknowledged this wording yet.
boundary-actions-heading = What you can do now
boundary-acknowledge-hint = Acknowledging says: I have heard this line and I mean to honour it.
boundary-acknowledge-submit = I acknowledge it
boundary-report-self-heading = I crossed it
boundary-report-self-hint = Telling your partner yourself is the most honest thing you can do here, and it is what rebuilds trust. You will be asked to acknowledge it, apologise in your own words and name one step to prevent it.
boundary-report-self-submit = Tell my partner I crossed it
boundary-report-heading = It was crossed
boundary-report-hint = Note a crossing calmly. Your partner will be asked to acknowledge it, apologise and name one step to prevent it. You decide when it is resolved.
boundary-report-submit = Note the crossing
boundary-field-when = When did it happen? (optional)
boundary-field-when-hint = Leave empty for now.
boundary-revise-heading = Change the wording
boundary-revise-hint = The earlier wording stays visible, and your partner is asked to acknowledge the new one.
boundary-revise-submit = Save the new wording
boundary-withdraw-submit = Withdraw this boundary
boundary-withdraw-hint = You can withdraw your own boundary at any time. Its history stays.
boundary-nothing-now = Nothing for you to do here right now.
boundary-crossings-heading = Crossings
boundary-crossing-self-tag = Told honestly
boundary-crossing-self-you = You told your partner yourself. That honesty matters.
boundary-crossing-self-theirs = { $name } told you about this themselves — that took honesty.
boundary-crossing-noted-you = You noted this crossing.
boundary-crossing-noted-theirs = { $name } noted this crossing.
boundary-step-acknowledged = Acknowledged
boundary-step-acknowledge-waiting = Not acknowledged yet
boundary-step-apologised = Apology:
boundary-step-apology-waiting = No apology yet
boundary-step-prevention = Prevention step:
boundary-step-prevention-waiting = No prevention step yet
boundary-step-resolved = Resolved
boundary-step-open = Open — the boundary’s owner decides when it is resolved
boundary-crossing-asked = Three steps are asked of you: acknowledge it, apologise in your own words, and name one step so it does not happen again.
boundary-crossing-acknowledge-submit = I acknowledge that I crossed it
boundary-field-apology = Your apology, in your own words
boundary-field-apology-hint = Say what happened and how it may have felt for your partner, without explaining it away.
boundary-apologise-submit = Send my apology
boundary-field-prevention = One step so it does not happen again
boundary-field-prevention-hint = This becomes a promise from you to your partner, listed with your other promises.
boundary-prevention-submit = Promise this step
boundary-resolve-hint = Mark it resolved when it feels resolved to you. It can also stay open.
boundary-resolve-submit = Mark as resolved
boundary-earlier-heading = Earlier wordings
boundary-earlier-when = From { $from } to { $to }
boundary-earlier-acknowledged = was acknowledged
boundary-text-empty = Write the boundary.
boundary-text-too-long = A boundary has at most { $max } characters. Shorter lines are easier to honour.
boundary-why-empty = Write why it matters, or leave it empty.
boundary-why-too-long = This has at most { $max } characters.
boundary-apology-empty = Write your apology.
boundary-apology-too-long = An apology has at most { $max } characters.
boundary-refused-no_partner = A boundary is agreed with a partner: invite yours first.
boundary-refused-too_many = You have { $limit } boundaries standing already, as many as can stand at once. Withdraw one that no longer needs saying, then propose this one. Your words are kept below.
boundary-refused-only_owner = Only the partner whose boundary this is can do that.
boundary-refused-only_partner = Only the partner asked to honour this boundary can do that.
boundary-refused-only_crosser = Only the partner who crossed it can do that.
boundary-refused-withdrawn = This boundary was withdrawn.
boundary-refused-already_acknowledged = This wording is acknowledged already.
boundary-refused-not_acknowledged = This boundary is not acknowledged yet, so it cannot be crossed.
boundary-refused-not_found = There is no such crossing.
boundary-refused-crossing_acknowledged_already = This crossing is acknowledged already.
boundary-refused-crossing_not_acknowledged = Acknowledge the crossing first.
boundary-refused-already_apologised = Your apology landed. There is nothing more to add.
boundary-refused-apology_waiting = Your apology is waiting for an answer. There is nothing to add until then.
boundary-refused-no_apology = There is no apology to answer yet.
boundary-refused-excusing = An apology lands best without a “but” (or “however”) that turns it into an excuse or back onto your partner. Say what you did and what it did to them, and leave the “but” out; if it points at yourself, “and” works. “Even though …” is fine. Your words are kept below.
boundary-refused-prevention_exists = A prevention step is promised already.
boundary-refused-resolved = This crossing is resolved.
boundary-refused-in_future = That time is still to come.
boundary-refused-too_long_ago = That is too long ago to note here.
boundary-refused-promise_refused = The prevention promise could not be made.
boundary-promise-refused-due_too_early = The due time must be later than now.
boundary-promise-refused-other = The prevention promise could not be made.

## Appreciations

appreciations-title = Appreciations
appreciations-lead = Small thanks and noticings, seen by both of you. They are the moments that carry a relationship through the hard ones.
appreciations-give-heading = Thank or notice your partner
appreciation-field-text = What did you appreciate?
appreciation-field-text-hint = For example “Thank you for making tea when I was tired”. Up to 280 characters.
appreciation-submit = Send it
appreciations-solo = Appreciations are for a partner. Once yours has joined, you can thank them here.
appreciations-list-heading = Between you
appreciation-from-you = You to { $name }
appreciation-from-them = { $name } to you
appreciation-text-empty = Write what you appreciated.
appreciation-text-too-long = An appreciation has at most { $max } characters.
appreciation-refused-no_partner = An appreciation is for a partner: invite yours first.
appreciations-boundaries-link = Boundaries

## Balance

balance-heading = The last four weeks
balance-guide-note = A gentle guide, not a score: couples who stay together tend to have about five good moments for each hard one. This counts what you both can see here — appreciations, promises kept and boundaries honoured against promises not kept and crossings.
balance-bar-label = Positive and negative moments:
balance-positive = Positive
balance-negative = Negative
balance-guide-mark = About 5 to 1
balance-words-quiet = Nothing to count in these four weeks yet. An appreciation is an easy place to start.
balance-words-all-positive = Only positive moments in these four weeks.
balance-words-at-guide = The positive moments are around or above the guide. Keep noticing each other.
balance-words-below-guide = There have been hard moments lately. A few small appreciations and kept promises help more than any single big gesture.
balance-kind-appreciation = Appreciations
balance-kind-checkin_appreciation = Appreciations in check-ins
balance-kind-daily_appreciation = Appreciations in the daily ritual
balance-kind-promise_kept = Promises kept
balance-kind-boundary_honoured = Boundaries honoured
balance-kind-promise_broken = Promises not kept
balance-kind-boundary_crossed = Boundaries crossed

## Moments of progress

celebrate-heading = Worth celebrating
celebrate-kept-yours = You have kept your last { $count } promises to { $name } in a row.
celebrate-kept-theirs = { $name } has kept their last { $count } promises to you in a row.
celebrate-boundary-honoured = “{ $text }” has been honoured for { $days } days.

## Space page and help

space-boundaries-link = Boundaries
space-boundaries-hint = Your lines, acknowledged by each other
space-appreciations-link = Appreciations
space-appreciations-hint = Thanks, and the balance of the last four weeks
help-boundaries-heading = Boundaries
help-boundaries-text = A boundary is one partner’s line, such as “My phone stays private”. The other partner acknowledges it; changing the wording asks for a new acknowledgement and keeps the earlier one visible. If a boundary is crossed, either partner can note it — and telling it yourself is encouraged and shown as honesty. The partner who crossed it is asked to acknowledge it, apologise in their own words and promise one step so it does not happen again. The boundary’s owner decides when it is resolved.
help-balance-heading = Appreciations and the balance
help-balance-text = The balance compares positive moments (appreciations, promises kept, boundaries honoured) with negative ones (promises not kept, boundaries crossed) over the last four weeks. It follows John Gottman’s finding that stable couples have about five positive interactions for each negative one. It is a guide for the two of you, not a score of either person. Moments of progress — several promises kept in a row, a boundary honoured for a month — are celebrated, and nothing here ever counts against you.
