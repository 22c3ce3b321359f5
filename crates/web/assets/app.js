// Progressive enhancement only: every page works without this file.
//
// The quick exit (docs/PRINCIPLES.md, Safety): end the session and leave for an ordinary page at once,
// replacing this page in the tab's history so the Back button does not return here. Also on
// Shift pressed three times in quick succession, for when there is no time to find the button.
// Without this file the button posts the same form, which ends the session and redirects.
(function () {
  "use strict";

  var form = document.querySelector("form[data-quick-exit]");
  if (!form) {
    return;
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.title = "";
    document.documentElement.style.visibility = "hidden";
    // The beacon outlives this page, so leaving need not wait for the answer.
    var sent = false;
    try {
      sent = navigator.sendBeacon(form.action);
    } catch (error) {
      sent = false;
    }
    if (sent) {
      window.location.replace(form.getAttribute("data-exit-to"));
    } else {
      form.submit();
    }
  }

  form.addEventListener("submit", leave);

  // Only Shift pressed on its own counts: any other key in between (a capital letter, "&")
  // starts the count again, so typing never sets it off.
  var WINDOW_MS = 1500;
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (at) {
      return now - at < WINDOW_MS;
    });
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    }
  });
})();

// A signed-in page the browser restores from its back-forward cache shows what it showed
// before, even after the quick exit or signing out ended the session (some browsers keep such
// pages despite `no-store`): ask the server again, which then asks to sign in.
(function () {
  "use strict";

  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.body.hasAttribute("data-signed-in")) {
      document.documentElement.style.visibility = "hidden";
      window.location.reload();
    }
  });
})();

// The person's time zone, so pages show and read times in it (without this, they use UTC and
// say so). Only a plausible IANA name is sent; nothing else about the device.
(function () {
  "use strict";

  var zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  if (!/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) {
    return;
  }
  if (document.cookie.split("; ").indexOf("tz=" + zone) === -1) {
    document.cookie = "tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax";
  }
})();

// The coach's printable report: a button for the browser's own print dialog.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i += 1) {
    buttons[i].addEventListener("click", function () {
      window.print();
    });
  }
})();

// Invitation links: a copy button, and the phone's share sheet where the browser has one. The
// link sits in a read-only field, so without this file a person copies it by hand.
(function () {
  "use strict";

  var actions = document.querySelector("[data-invite-actions]");
  if (!actions) {
    return;
  }
  var status = actions.querySelector("[data-copy-status]");
  var copy = actions.querySelector("[data-copy]");
  var share = actions.querySelector("[data-share]");
  var field = document.querySelector(copy.getAttribute("data-copy"));
  if (!field) {
    return;
  }
  actions.hidden = false;

  copy.addEventListener("click", function () {
    var done = function () {
      status.textContent = copy.getAttribute("data-copied");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        field.select();
      });
    } else {
      field.select();
      try {
        if (document.execCommand("copy")) {
          done();
        }
      } catch (error) {
        // The text stays selected for the person to copy.
      }
    }
  });

  if (navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator
        .share({ title: share.getAttribute("data-share-title"), url: field.value })
        .catch(function () {
          // Closing the share sheet is not an error worth showing.
        });
    });
  }
})();
