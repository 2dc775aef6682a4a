// The filing wizard: "same as the sponsor's person in charge" hides the leader's own fields (the server
// copies the data either way), and the "copy filing code" button.
(function () {
  "use strict";

  function syncLeader(box) {
    var fields = document.querySelector('[data-leader-fields="' + box.getAttribute("data-same-as") + '"]');
    if (fields) {
      fields.hidden = box.checked;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
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
