// With JavaScript, htmx refreshes the type-dependent fields and the address lists as soon as a choice
// changes, so the "update" buttons for visitors without JavaScript are removed — on load and in every
// fragment htmx brings (removed, not hidden: the first submit button of a form is the one Enter presses).
(function () {
  function removeRefreshButtons(root) {
    root.querySelectorAll("[data-refresh-button]").forEach(function (button) {
      (button.closest(".no-js-only") || button).remove();
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.htmx) {
      return;
    }
    removeRefreshButtons(document);
    document.body.addEventListener("htmx:afterSettle", function (event) {
      removeRefreshButtons(document);
    });
  });
})();
