# The page a one-time password link from the operator opens.
set-password-title = Choose your password
set-password-lead-welcome = An account was made for you. Choose a password that only you know; nobody else, not even whoever set up this site, ever sees it.
set-password-lead-recovery = A password recovery was started for your account. Choose a new password that only you know; nobody else, not even whoever set up this site, ever sees it.
set-password-sessions-end = Once it is set, you are signed in here and signed out everywhere else, and every personal API token stops working.
set-password-submit = Set my password
set-password-link-spent = This link cannot be used. Each link works once, for 24 hours, and only the newest one works.
set-password-link-spent-hint = If you still need to set a password, ask whoever gave you the link for a new one. If you did not expect this link, you can ignore it.
