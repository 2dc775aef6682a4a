// The filing wizard: "same as the sponsor's person in charge" hides the leader's own fields (the server
// copies the data either way), fields that apply only after another answer (data-shown-when="name=value")
// show only then, and the "copy filing code" button.
(function () {
  "use strict";

  function answered(form, name, value) {
    var chosen = false;
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") {
        chosen = chosen || (input.checked && input.value === value);
      } else {
        chosen = chosen || input.value === value;
      }
    });
    return chosen;
  }

  function syncConditional(form) {
    form.querySelectorAll("[data-shown-when]").forEach(function (row) {
      var condition = row.getAttribute("data-shown-when").split("=");
      row.hidden = !answered(form, condition[0], condition[1]);
    });
  }

  function syncLeader(box) {
    var fields = document.querySelector('[data-leader-fields="' + box.getAttribute("data-same-as") + '"]');
    if (fields) {
      fields.hidden = box.checked;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.wizard-form").forEach(function (form) {
      if (form.querySelector("[data-shown-when]")) {
        syncConditional(form);
        form.addEventListener("change", function () { syncConditional(form); });
      }
    });
    document.querySelectorAll("[data-same-as]").forEach(function (box) {
      syncLeader(box);
      box.addEventListener("change", function () { syncLeader(box); });
    });
    document.querySelectorAll("[data-copy-from]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy-from"));
        var status = document.querySelector("[data-copy-status]");
        var done = function () { if (status) { status.textContent = button.getAttribute("data-copied-text"); } };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(source.value).then(done);
        } else {
          source.select();
          document.execCommand("copy");
          done();
        }
      });
    });
  });
})();
