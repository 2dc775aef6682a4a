// Progressive enhancements shared by every page. No inline scripts anywhere (Content-Security-Policy).
document.addEventListener("DOMContentLoaded", function () {
  // Move the focus to the error summary so the first thing a person hears or sees is what is wrong.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});
