// Idle sign-out warning (SPEC §8). The server signs a person out after a period without requests
// (beian.accounts.middleware); this script warns two minutes before and lets them stay signed in.
// The times come from data attributes on <body>; no inline script (Content-Security-Policy).
(function () {
  "use strict";
  var body = document.body;
  var timeout = parseInt(body.getAttribute("data-idle-timeout"), 10);
  var warning = parseInt(body.getAttribute("data-idle-warning"), 10);
  var extendUrl = body.getAttribute("data-idle-extend-url");
  var dialog = document.querySelector("[data-idle-dialog]");
  if (!timeout || !dialog || !extendUrl) {
    return;
  }
  var extendButton = dialog.querySelector("[data-idle-extend]");
  var signInLink = dialog.querySelector("[data-idle-sign-in]");
  var warningText = dialog.querySelector("[data-idle-warning-text]");
  var expiredText = dialog.querySelector("[data-idle-expired-text]");
  var previousFocus = null;
  var timers = [];

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) {
      return field.value;
    }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function show(expired) {
    if (dialog.hidden) {
      previousFocus = document.activeElement;
    }
    warningText.hidden = expired;
    expiredText.hidden = !expired;
    extendButton.hidden = expired;
    signInLink.hidden = !expired;
    dialog.hidden = false;
    (expired ? signInLink : extendButton).focus();
  }

  function hide() {
    dialog.hidden = true;
    if (previousFocus && previousFocus.focus) {
      previousFocus.focus();
    }
  }

  function schedule() {
    timers.forEach(clearTimeout);
    timers = [
      setTimeout(function () { show(false); }, Math.max(0, timeout - warning) * 1000),
      setTimeout(function () { show(true); }, timeout * 1000),
    ];
  }

  extendButton.addEventListener("click", function () {
    fetch(extendUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {"X-CSRFToken": csrfToken(), "Accept": "application/json"},
    }).then(function (response) {
      if (response.ok) {
        hide();
        schedule();
      } else {
        show(true);
      }
    }).catch(function () {
      show(true);
    });
  });

  dialog.addEventListener("keydown", function (event) {
    // Keep the keyboard inside the dialog while it is open.
    if (event.key === "Tab") {
      event.preventDefault();
      (extendButton.hidden ? signInLink : extendButton).focus();
    }
  });

  schedule();
})();
