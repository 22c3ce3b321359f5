# Repair plans, the private log and the safety check (English). Words are our own; the research is
# named where it helps.

repairs-title = Repair plans
repairs-lead = When trust was broken, a repair plan gives the work a shape. It follows three phases, after Drs. John and Julie Gottman’s model of recovery from an affair, which builds on Shirley Glass’s work: Atone (the partner who did the harm owns it), Attune (you learn to turn towards each other again) and Attach (you build closeness anew). The hurt partner sets the pace: only they move the plan on or end it.
repairs-none = No repair plans yet.
repairs-solo = A repair plan is something two people work on. Invite your partner first.
repairs-open-heading = Start a plan
repairs-field-hurt = Who was hurt?
repairs-hurt-me = I was hurt, and I want us to work on it
repairs-hurt-partner = I caused the hurt, and I propose a plan to { $name }
repairs-field-link = What is it about? (optional)
repairs-link-none = Nothing in particular
repairs-link-promise = Broken promise: { $text }
repairs-open-submit = Start the plan
repairs-list-heading = Your plans
repairs-role-hurt = You were hurt
repairs-role-responsible = You caused the hurt
repairs-private-heading = Only for you
repairs-log-link = Your private log of triggers and feelings
repairs-safety-link = The safety check
repairs-safety-answered = You have answered the safety check.
repairs-safety-not-answered = You have not answered the safety check yet. Joint steps begin once both of you have.

repair-phase-atone = Atone
repair-phase-attune = Attune
repair-phase-attach = Attach
repair-phases-label = Phases of the plan
repair-phase-current = now
repair-phase-hint-atone = Atone: the partner who caused the hurt says what happened, owns it without excuses, apologises and makes a dated promise. Questions get honest answers.
repair-phase-hint-attune = Attune: you practise listening to each other’s feelings and needs, and keep the promises that rebuild safety.
repair-phase-hint-attach = Attach: with trust growing back, you turn towards closeness and a shared future again.
repair-status-proposed = Waiting for the hurt partner to accept
repair-status-active = In progress
repair-status-closed = Closed
repair-about-promise = About a broken promise
repair-about-crossing = About a crossed boundary
repair-title = Repair plan

repair-paused = Joint repair steps are paused for now. They go on when it feels right for both of you. If you have not answered the safety check yet, please do.
repair-paused-help = If you need someone to talk to:
repair-paused-help-link = Where to find help

repair-accept = Accept this plan
repair-accept-hint = Accepting starts the plan. For the next eight weeks, promises { $name } keeps weigh a little more in the reliability record.
repair-proposed-waiting = You proposed this plan. It begins when { $name } accepts it.
repair-advance = Move on to { $phase }
repair-close = Close this plan
repair-close-hint = You can close the plan at any time, for any reason.
repair-last-phase = This is the last phase. Close the plan when it feels complete.

repair-step-acknowledge = What happened
repair-step-acknowledge-hint = In your own words: what you did, and what it was like for { $name }.
repair-step-responsibility = Taking responsibility
repair-step-responsibility-hint = Say that it was your choice. No “but”, no “however”: explanations can come later, when asked for.
repair-step-apology = Apology
repair-step-apology-hint = Say you are sorry for the hurt, plainly.
repair-step-promise = One dated promise
repair-step-promise-hint = One concrete thing you will do, and by when. It becomes a promise to { $name }.
repair-step-transparency = Transparency commitments
repair-step-transparency-hint = What the partner who caused the hurt keeps open from now on, each made as a promise (for example, saying when plans change).
repair-step-progress = Progress notes
repair-step-progress-hint = At each weekly check-in, note how the plan is going. Either of you can write one.
repair-step-waiting = Not yet.
repair-field-text = Your words
repair-field-promise = What you promise
repair-field-stakes = How much it matters (1–5)
repair-field-due = By when
repair-submit = Save
repair-promise-link = See the promise
repair-progress-at-checkin = at a weekly check-in
repair-by-you = You
repair-history-heading = History

repairs-log-title = Your private log
repairs-log-lead = A place for what comes up: a trigger, a feeling, a hard moment. Only you ever see this log — not your partner, not a coach, not even that it exists. Writing it down can help you notice patterns and bring them to a check-in when you are ready.
repairs-log-field-text = What came up, and how it felt
repairs-log-field-intensity = How strong was it?
repairs-log-intensity-none = Rather not say
repairs-log-submit = Keep it
repairs-log-none = Nothing written yet.
repairs-log-heading = Earlier entries
repairs-log-strength = Strength { $n } of 5

safety-title = Safety check
safety-lead = Before joint repair work, each of you answers three questions about yourself. Your answers are private: your partner never sees them. If any answer is yes, joint steps pause for both of you, and your partner sees only that they are paused — not why, not who.
safety-afraid = Do you feel afraid of your partner, or of how they might react?
safety-pressured = Do you feel pushed into this repair work, or into things you do not want?
safety-unsafe = Is there something in the relationship that makes you feel unsafe right now?
safety-yes = Yes
safety-no = No
safety-submit = Save my answer
safety-answer-needed = Please answer each question.
safety-again = You can answer again at any time; your newest answer counts. Only you can change it.
safety-help-heading = Help, if you want it
safety-help = You deserve to feel safe. Talking to someone outside the relationship can help.

repair-text-empty = Please write something.
repair-text-too-long = Please keep it under { $max } characters.
repair-out-of-range = Please choose a number from { $min } to { $max }.
repair-refused-no_partner = A repair plan is for two: invite your partner first.
repair-refused-only_hurt = Only the partner who was hurt can do that.
repair-refused-only_responsible = Only the partner who caused the hurt can do that.
repair-refused-closed = This plan is closed.
repair-refused-not_accepted = This plan waits for the hurt partner to accept it.
repair-refused-already_accepted = This plan is accepted already.
repair-refused-already_done = This step is done already.
repair-refused-last_phase = This plan is in its last phase.
repair-refused-paused = Joint repair steps are paused for now.
repair-refused-link_invalid = That is not a broken promise from the partner who caused the hurt.
repair-refused-has_but = Taking responsibility has no “but” or “however”. Try saying only what you own.
repair-refused-needs_due = Please give a date for this promise.
repair-refused-due_too_early = The date must be in the future.
repair-refused-promise = That promise could not be made.
repair-refused-promise_refused = That promise could not be made.

space-repairs-link = Repair plans
space-repairs-hint = After a breach: Atone, Attune, Attach — at the hurt partner’s pace
repair-history-opened = Plan started
repair-history-accepted = Plan accepted

repairs-help-heading = Repair plans
repairs-help-text = After a breach or a betrayal, a repair plan walks you through three phases, after Drs. John and Julie Gottman’s model of recovery from an affair (Atone, Attune, Attach), which builds on Shirley Glass’s work; the steps and words in Steadfast are our own. The partner who caused the hurt says what happened, takes responsibility with no “but”, apologises, makes one dated promise and any transparency commitments, each as a real promise. At each weekly check-in, either of you notes how it is going. Only the hurt partner moves the plan to its next phase or closes it. When the plan is accepted, promises the other partner keeps count a little more in the reliability record for eight weeks. The hurt partner can keep a private log of triggers and feelings that nobody else ever sees.
repairs-help-safety = Before joint repair work, each of you answers a short private safety check about yourself. If either answer is worrying, joint steps pause for both of you and help is shown; your partner sees only that they are paused, never why or who. Only the person who answered can lift the pause, by answering again.
repair-history-advanced = Moved on to { $phase }
