# Coaches: a couple's coach or therapist, with each partner's own consent.

coach-nav = Coaching
coach-someone = a former account
coach-notice-title = That did not work
coach-read-only-title = Coaches can only read
coach-read-only-text = A coach's account is read-only: it can look at what partners have granted, but it cannot change anything in a space.

coach-read-overview = Progress overview
coach-read-report = Printable session report
coach-read-other = A coaching view

coach-invite-not-a-coach = This link is for a coach's account. Sign out and open it again to create one, or sign in with your coach account.
coach-invite-already = You are already this couple's coach.
coach-grant-no-coach = This space has no coach to grant access to.
coach-grant-days-invalid = Choose a number of days from 1 to { $max }.

coach-invite-title = An invitation to coach
coach-invite-lead = A couple invites you to follow their progress in the space
coach-invite-consent = You will see nothing until each partner grants you access to their own shared data. Everything you open is listed for the partner whose data it is.
coach-invite-accept = Become their coach
coach-invite-sign-up-heading = Create your coach account
coach-invite-sign-up-submit = Create account and accept
coach-invite-have-account = Already have a coach account?

coach-invite-created-title = Your coach invitation link
coach-invite-created-lead = Send this link to your coach through a channel you trust. It works once.
coach-invite-expires = Valid until

coach-home-title = Couples you coach
coach-home-lead = Each partner decides separately what you may see, and for how long. You can read; you cannot change anything.
coach-home-empty = No couple has invited you yet. A partner can make an invitation link on their space's coaching page.

coach-generated = As of
coach-view-note = Read-only. You see only what each partner chose to share with you, and each view you open is shown to them.
coach-report-title = Session report
coach-report-link = Printable report for a session
coach-report-print = Print
coach-back = Back to your couples
coach-nothing-granted = Neither partner is sharing anything with you right now.
coach-felt-heading = Felt trust over the weeks
coach-felt-title = Felt trust of { $name }
coach-felt-desc = { $count ->
    [one] Mean of the nine felt-trust items (0–6) at 1 check-in.
   *[other] Mean of the nine felt-trust items (0–6) at { $count } check-ins.
}
coach-felt-summary = From { $first } at the first check-in to { $latest } at the latest (scale 0–6).
coach-felt-one = { $value } at the one check-in so far (scale 0–6).
coach-felt-none = No shared check-in answers yet.
coach-checkins-heading = Check-ins
coach-checkins-done = { $count ->
    [one] 1 check-in completed.
   *[other] { $count } check-ins completed.
}
coach-repairs-heading = Repair plans
coach-repairs-need-both = Repair plans are shown only when both partners have granted you access: a plan moves by both partners' steps.
coach-repairs-none = No open repair plan.
coach-repair-phase = phase:
coach-repair-hurt = as the hurt partner
coach-repair-responsible = as the partner who caused the hurt
coach-record-heading = Reliability records
coach-record-unavailable = Shown only when both partners have granted you access and both keep the record switched on: a record is one partner's promises as the other confirmed them.
coach-record-direction = How { $promiser }'s promises to { $receiver } have gone
coach-record-summary = Expected reliability { $expected } (likely between { $lower } and { $upper }); { $kept } kept, { $broken } broken.
coach-footnote = Figures come only from items the partners shared. Private entries are never part of this view.

coach-settings-title = Coaching
coach-settings-lead = Invite a coach or therapist to follow your progress. You decide on your own what they see of yours, and for how long.
coach-settings-consent = Your practice confirms your consent with you privately. Granting here opens only your own shared items, never anything private, and never your partner's: they decide for themselves, and neither of you sees the other's choice. Revoking takes one click and works from the coach's next page on.
coach-list-heading = Your space's coach
coach-list-empty = No coach yet.
coach-since = coach since
coach-granted-until = You share your data with this coach until
coach-not-granted = You are not sharing anything with this coach.
coach-grant-days = For how many days
coach-grant-days-hint = 90 days unless you choose otherwise; you can revoke at any time.
coach-grant = Share my data with this coach
coach-revoke = Stop sharing now
coach-invite-heading = Invite a coach
coach-invite-hint = Makes a link that works once, for 72 hours. The coach sees nothing until you grant access.
coach-invite-submit = Make a coach invitation link
coach-reads-heading = Who has read my data
coach-reads-hint = Every time a coach opened a view with your data in it: when, who, and which view. Not what they saw.
coach-reads-empty = No coach has read your data.
coach-reads-when = When
coach-reads-who = Coach
coach-reads-what = View

space-coach-link = Coaching
space-coach-hint = Invite a coach, and choose what they see of yours
