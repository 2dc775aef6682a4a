// The registration form's "get a code" button (ADR 0112): it sends the typed mobile number and the
// answered human check, then counts down 60 seconds before it offers another code. With a code the form
// registers and activates in one step; without the script the code is sent after the form instead.
// No inline script (Content-Security-Policy).
(function () {
  "use strict";

  function humanCheckInputs(form) {
    return form.querySelectorAll('.human-check input, input[name^="captcha"]');
  }

  function newPicture(form) {
    var refresh = form.querySelector(".human-check-refresh");
    if (refresh) refresh.click();
  }

  function showHumanCheck(form, shown) {
    humanCheckInputs(form).forEach(function (input) { input.disabled = !shown; });
    var check = form.querySelector(".human-check");
    var field = check && check.closest(".field");
    if (field) field.hidden = !shown;
  }

  function countDown(block, button, seconds) {
    var waitText = block.dataset.waitText;
    button.disabled = true;
    var tick = function () {
      if (seconds <= 0) {
        button.disabled = false;
        button.textContent = block.dataset.label;
        showHumanCheck(button.form, true);  // another code needs another answer
        newPicture(button.form);
        return;
      }
      button.textContent = waitText.replace("%(seconds)s", String(seconds));
      seconds -= 1;
      window.setTimeout(tick, 1000);
    };
    tick();
  }

  function enhance(block) {
    var form = block.closest("form");
    var button = block.querySelector("[data-send-code]");
    var status = block.querySelector("[data-send-code-status]");
    var codeRow = form.querySelector("[data-code-row]");
    block.hidden = false;
    if (codeRow) codeRow.hidden = false;

    button.addEventListener("click", function () {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", form.querySelector('input[name="csrfmiddlewaretoken"]').value);
      data.append("mobile", form.querySelector('input[name="mobile"]').value);
      humanCheckInputs(form).forEach(function (input) { data.append(input.name, input.value); });
      button.disabled = true;
      fetch(block.dataset.sendCodeUrl, {method: "POST", body: data, credentials: "same-origin",
                                        headers: {"Accept": "application/json"}})
        .then(function (response) { return response.json(); })
        .then(function (answer) {
          if (answer.sent) {
            status.textContent = answer.message;
            showHumanCheck(form, false);
            countDown(block, button, answer.wait_seconds);
            var code = form.querySelector('input[name="code"]');
            if (code) code.focus();
          } else {
            var messages = [];
            Object.keys(answer.errors || {}).forEach(function (name) {
              messages = messages.concat(answer.errors[name]);
            });
            status.textContent = messages.join(" ");
            button.disabled = false;
            newPicture(form);
          }
        })
        .catch(function () { button.disabled = false; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-send-code-url]").forEach(enhance);
  });
})();
