# The weekly check-in (English). Words are our own; the research is named where it helps.

checkins-title = Weekly check-in
checkins-lead = Once a week, half an hour for the two of you: appreciations first, then what went right, how much you trust each other this week, one topic in turns, and what each of you asks for next week.
checkins-now-heading = This week
checkins-go-to-open = Go to the open check-in
checkins-continue = Continue the check-in
checkins-started = Started
checkins-solo = You can do the check-in on your own too. Your answers are yours alone.
checkins-start = Start a check-in
checkins-start-hint = Each of you answers on your own device. What you write stays sealed until both of you have finished.
checkins-past-heading = Earlier check-ins

checkin-title = Check-in
checkin-lead = Sit together, each with your own phone. Answer honestly; nothing you write opens to your partner until you have both finished — and even then, “how did that go for me” stays yours alone.
checkin-steps-label = Steps of the check-in
checkin-progress = Step { $n } of { $total }
checkin-you = You

checkin-step-appreciations = Appreciations
checkin-step-went_right = What went right
checkin-step-felt_trust = Trust this week
checkin-step-topic = One topic, in turns
checkin-step-requests = Requests for next week
checkin-step-how_it_went = How did that go for me
checkin-step-review = Look it over and finish

checkin-hint-appreciations = Start with what you are grateful for: something { $name } did, said or was this week. Small things count most.
checkin-hint-went_right = What worked between you this week — a moment, a habit, a hard thing you handled well?
checkin-hint-felt_trust = Nine short statements about this week. Answer from 0 (not at all) to 6 (completely). There are no right answers.
checkin-hint-topic = Pick one thing to talk about — only one. One of you speaks while the other listens, then you swap.
checkin-hint-requests = What would help you in the coming week? Ask for something specific and doable.
checkin-hint-how_it_went = Only you will ever see this answer.
checkin-hint-review = Check your answers. Once you finish, they are sealed until { $name } finishes too; then you both see both sides.

checkin-field-appreciations = What you appreciate
checkin-field-appreciation = Appreciation
checkin-field-went_right = What went right
checkin-field-topic = Your side, as the speaker
checkin-field-topic-hint = Speak about yourself: “I felt…”, “I need…”. Describe what happened rather than who is to blame.
checkin-field-listener_notes = What you heard, as the listener
checkin-field-listener_notes-hint = While your partner speaks, note what you hear them say and feel, in their words. No answers or defence yet.
checkin-theirs-topic = { $name }, as the speaker
checkin-theirs-listener_notes = What { $name } heard, as the listener
checkin-field-requests = Your requests
checkin-field-how_it_went = How did this check-in go for you?
checkin-field-how_it_went-hint = From −5 (badly) to +5 (very well). Private: never shown to your partner.

checkin-turn-speak = The speaker talks about their side of the topic, starting from themselves (“I felt…”, “I need…”), for a few minutes.
checkin-turn-listen = The listener listens without interrupting, notes what they heard, then says it back until the speaker feels understood.
checkin-turn-swap = Swap: the listener becomes the speaker. Each of you writes your own side and your own listener notes.

checkin-facet-predictability = Knowing what to expect
checkin-facet-predictability-hint = Whether your partner’s actions this week were easy to foresee.
checkin-facet-dependability = Being able to count on each other
checkin-facet-dependability-hint = Whether you could rely on your partner when it mattered.
checkin-facet-faith = Confidence in us
checkin-facet-faith-hint = How sure you feel about where the two of you are going.
checkin-facet-predictability-short = Knowing what to expect: { $value } of 6
checkin-facet-dependability-short = Counting on each other: { $value } of 6
checkin-facet-faith-short = Confidence in us: { $value } of 6
checkin-felt-mean = Overall: { $value } of 6

checkin-item-knew_what_to_expect = This week I mostly knew what to expect from my partner.
checkin-item-heard_of_changes = When plans changed, my partner let me know in good time.
checkin-item-no_surprises = My partner’s reactions this week did not catch me off guard.
checkin-item-showed_up = When I needed my partner this week, they were there.
checkin-item-in_good_hands = I could leave something important in my partner’s hands.
checkin-item-honest_when_awkward = My partner told me the truth, even when it was uncomfortable.
checkin-item-will_get_through = I feel sure we will get through whatever comes next.
checkin-item-has_my_good = I believe my partner has my good at heart.
checkin-item-calm_about_future = When I picture our next months together, I feel calm.

checkin-level-0 = 0 · not at all
checkin-level-6 = 6 · completely
checkin-feeling-worst = { $value } · badly
checkin-feeling-middle = { $value } · so-so
checkin-feeling-low = −5 · badly
checkin-feeling-high = +5 · very well
checkin-feeling-best = { $value } · very well

checkin-save-continue = Save and continue
checkin-save-back = Save and go back
checkin-submit = Finish and seal my answers
checkin-nothing = Nothing written.
checkin-only-you = only you see this

checkin-partner-answering = { $name } has not finished yet. Both sides open when you have both finished.
checkin-partner-finished = { $name } has finished; their answers open when you finish.
checkin-partner-revealed = You have both finished: here are both sides.

checkin-pause-heading = Need a pause?
checkin-pause-hint = If it gets too heated, either of you can call a 20-minute break. It pauses the check-in for both of you, and what you have typed on this step is saved first. Only the one who called the break can end it early.
checkin-pause = Take a 20-minute break

checkin-break-title = A break, for both of you
checkin-break-by-you = You asked for a break. That was a good call.
checkin-break-by-partner = Your partner asked for a break. Nobody did anything wrong.
checkin-break-until = The break lasts until
checkin-break-tip-breathe = Breathe slowly: in for four, out for six.
checkin-break-tip-move = Do something calming on your own — a short walk, a glass of water, some music.
checkin-break-tip-rehearse = Try not to rehearse the argument; let your body settle first.
checkin-break-resume = Afterwards each of you goes back to the step you had saved.
checkin-break-left = { $count ->
    [one] about a minute left
   *[other] about { $count } minutes left
}
checkin-break-theirs = Only the one who asked for the break can end it early. It ends by itself when the time is up; you do not need to do anything.
checkin-break-end = End the break now

checkin-waiting-title = Your answers are sealed
checkin-waiting-sealed = Nothing you wrote is visible to your partner until they finish too. Then you both see both sides, except each one’s “how did that go for me”.
checkin-results-title = Your check-in
checkin-results-private = Each “how did that go for me” stays with its author; you see only your own.
checkin-lapsed = This check-in was with a partner who has left the space. Your own answers are still here for you.

checkin-status-open = Your answers are still to come
checkin-status-waiting = You have finished; waiting for { $name }
checkin-status-complete = Finished by both of you
checkin-status-lapsed = Not finished; the pairing has ended
checkin-status-partner-done = { $name } has finished; your answers are still to come

checkin-trend-title = Trust over the weeks
checkin-trend-lead = The mean of the nine trust statements (0–6) at each check-in: yours as soon as you finish, your partner’s once you have both finished. It is how trust feels, shown beside what happened — never merged into one score.
checkin-trend-empty = After your first finished check-in, your trust over the weeks appears here.
checkin-trend-legend = Solid line: you. Dashed line: { $name }.
checkin-trend-legend-solo = The line shows your own answers.
checkin-trend-desc = { $count ->
    [one] Felt trust at 1 check-in.
   *[other] Felt trust at { $count } check-ins.
}
checkin-trend-yours-better = Your trust went from { $first } to { $latest }: a real improvement, more than the ups and downs any week brings.
checkin-trend-yours-worse = Your trust went from { $first } to { $latest }: a real drop, more than the ups and downs any week brings.
checkin-trend-yours-same = Your trust went from { $first } to { $latest }: not yet more than the ups and downs any week can bring.
checkin-trend-theirs-better = { $name }’s trust went from { $first } to { $latest }: a real improvement, more than the ups and downs any week brings.
checkin-trend-theirs-worse = { $name }’s trust went from { $first } to { $latest }: a real drop, more than the ups and downs any week brings.
checkin-trend-theirs-same = { $name }’s trust went from { $first } to { $latest }: not yet more than the ups and downs any week can bring.
checkin-stuck = After four or more check-ins, trust has not reliably improved for either of you. That is common, and it is not a failure: a couples therapist can help you find what is in the way.
checkin-stuck-help = More places to turn to
checkin-how-link = How the check-in and these numbers work

checkin-refused-already_open = A check-in is already open. Finish that one first.
checkin-refused-not_participant = This check-in is not yours.
checkin-refused-lapsed = This check-in was with a partner who has left; it cannot go on.
checkin-refused-already_submitted = You have already finished this check-in.
checkin-refused-completed = This check-in is finished.
checkin-refused-on_break = A break is running. You can finish when it is over.
checkin-refused-no_break = No break is running.
checkin-refused-not_your_break = Only the one who asked for the break can end it early. It ends by itself when the time is up.
checkin-refused-incomplete_felt_trust = Please answer all nine trust statements before you finish.
checkin-refused-incomplete_how_it_went = Please say how the check-in went for you before you finish.
checkin-scale-out-of-range = Choose a number from { $min } to { $max }.
checkin-appreciation-empty = Write an appreciation, or leave the field blank.
checkin-appreciation-too-long = An appreciation has at most { $max } characters.
checkin-appreciations-too-many = At most { $max } appreciations, please.
checkin-note-empty = Write something, or leave it blank.
checkin-note-too-long = This answer has at most { $max } characters.
checkin-item-unknown = That is not one of the trust statements.
checkin-step-unknown = That is not a step of the check-in.

space-checkins-link = Weekly check-in
space-checkins-hint = Half an hour a week for the two of you; answers sealed until both finish.
record-felt-heading = Trust as it feels
record-felt-lead = Beside the record of what happened: how trust felt to each of you at each weekly check-in.
record-felt-link = Weekly check-ins and trust over the weeks

help-checkin-heading = The weekly check-in
help-checkin-text = The check-in follows the shape of Gottman’s weekly “State of the Union” meeting: appreciations, what went right, nine statements about trust this week, one topic talked through in speaker and listener turns, requests for the coming week, and how it went for you. Each step is saved as you go, so you can stop and carry on from another device.
help-checkin-sealed = Your answers stay sealed until both of you have finished: before that, your partner cannot see them on any page, through the API or in an export. Your “how did that go for me” is never shown to your partner. Either of you can call a 20-minute break at any step.
help-checkin-trust = The nine trust statements are our own words, three for each facet of trust described by Rempel, Holmes & Zanna (1985): knowing what to expect, being able to count on each other, and confidence in the relationship.
help-checkin-change = Whether trust has really changed is judged by a test from therapy research: a change counts when it is larger than the ups and downs the statements bring by themselves — about 1.1 points or more. It is named and explained on “How the record is worked out”, linked from the record. After four or more check-ins without a real improvement for either of you, Steadfast suggests a couples therapist.
