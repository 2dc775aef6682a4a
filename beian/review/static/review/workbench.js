// The reviewer's item page (issue 17): one decision open at a time, keyboard shortcuts, and the
// document viewer (enlarge, rotate, zoom). Everything works without it; no inline scripts (CSP).
document.addEventListener("DOMContentLoaded", function () {
  var panel = document.getElementById("decision-panel");

  // One decision open at a time: opening one closes the others.
  if (panel) {
    var decisions = panel.querySelectorAll("details[data-decision]");
    decisions.forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (!details.open) { return; }
        decisions.forEach(function (other) {
          if (other !== details) { other.open = false; }
        });
      });
    });
  }

  function focusFirstDecision() {
    if (!panel) { return; }
    var first = panel.querySelector("[data-decision]");
    if (!first) { return; }
    panel.scrollIntoView({block: "start"});
    if (first.tagName === "DETAILS") {
      first.open = true;
      first.querySelector("summary").focus();
    } else {
      first.querySelector("button[type='submit']").focus();
    }
  }

  function isTyping(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  // Keys n, p, d, a (listed in the page's "Keyboard shortcuts"); never while typing in a field,
  // never with a modifier, never while the document viewer is open.
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (isTyping(event.target) || document.querySelector("dialog[open]")) { return; }
    var key = event.key;
    if (key === "n" || key === "p") {
      var link = document.querySelector("a[data-shortcut='" + key + "']");
      if (link) { event.preventDefault(); window.location.assign(link.href); }
    } else if (key === "d") {
      event.preventDefault();
      focusFirstDecision();
    } else if (key === "a") {
      var take = document.querySelector("form[data-shortcut-form='a']");
      if (take) { event.preventDefault(); take.requestSubmit(); }
    }
  });

  // Documents: thumbnails that rotate in place and open large in the viewer, where they also zoom.
  var viewer = document.getElementById("document-viewer");
  var viewerImage = viewer ? viewer.querySelector("img") : null;
  var view = {rotation: 0, scale: 1};

  function transform(rotation, scale) {
    return "rotate(" + rotation + "deg) scale(" + scale + ")";
  }

  function showView() {
    viewerImage.style.transform = transform(view.rotation, view.scale);
  }

  document.querySelectorAll("[data-document]").forEach(function (figure) {
    var thumb = figure.querySelector("img");
    var tools = figure.querySelector(".document-tools");
    var rotation = 0;
    if (!viewer || typeof viewer.showModal !== "function") { return; }
    tools.hidden = false;
    function enlarge(event) {
      event.preventDefault();
      view.rotation = rotation;
      view.scale = 1;
      viewerImage.src = thumb.currentSrc || thumb.src;
      viewerImage.alt = thumb.alt;
      document.getElementById("document-viewer-title").textContent = thumb.alt;
      showView();
      viewer.showModal();
    }
    figure.querySelector("a").addEventListener("click", enlarge);
    figure.querySelector("[data-document-enlarge]").addEventListener("click", enlarge);
    figure.querySelector("[data-document-rotate]").addEventListener("click", function () {
      rotation = (rotation + 90) % 360;
      thumb.style.transform = transform(rotation, 1);
    });
  });

  if (viewer) {
    viewer.addEventListener("click", function (event) {
      var action = event.target.getAttribute("data-viewer");
      if (action === "rotate") { view.rotation = (view.rotation + 90) % 360; }
      if (action === "zoom-in") { view.scale = Math.min(view.scale * 1.25, 5); }
      if (action === "zoom-out") { view.scale = Math.max(view.scale / 1.25, 0.5); }
      if (action === "close") { viewer.close(); return; }
      if (action) { showView(); }
    });
  }
});
