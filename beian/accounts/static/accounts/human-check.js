// The picture of the human check becomes a button that shows another picture without posting the form
// (accounts/widgets/human_check.html, beian.accounts.views.new_picture). Without JavaScript the picture
// is only a picture and the form's "Show another picture" button posts the form instead.
// No inline script (Content-Security-Policy); a page may load this file once per check.
(function () {
  "use strict";

  function enhance(check) {
    if (check.dataset.newPictureReady) return;
    var picture = check.querySelector("img");
    var key = check.querySelector('input[name="' + check.dataset.keyField + '"]');
    if (!picture || !key) return;
    check.dataset.newPictureReady = "1";

    var button = document.createElement("button");
    button.type = "button";  // never submits: Enter in a field still sends the form
    button.className = "human-check-refresh";
    button.setAttribute("aria-label", check.dataset.newPictureLabel);
    button.title = check.dataset.newPictureLabel;
    picture.parentNode.insertBefore(button, picture);
    button.appendChild(picture);

    button.addEventListener("click", function () {
      button.disabled = true;
      fetch(check.dataset.newPictureUrl, {credentials: "same-origin", cache: "no-store",
                                          headers: {"Accept": "application/json"}})
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (challenge) {
          key.value = challenge.key;
          picture.src = challenge.image_url;
          var answer = check.querySelector('input[type="text"]');
          if (answer) answer.value = "";
        })
        .catch(function () { /* the form's own button still shows another picture */ })
        .then(function () {
          button.disabled = false;
          button.focus();
        });
    });
  }

  function enhanceAll() {
    document.querySelectorAll(".human-check[data-new-picture-url]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
  document.addEventListener("htmx:afterSettle", enhanceAll);
})();
