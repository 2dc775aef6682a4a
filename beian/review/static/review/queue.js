// Keyboard shortcuts of the review queue (listed on the page under "Keyboard shortcuts"):
//   "/" search, "j"/"k" next/previous row, "Enter" open the row's item, "a" assign the row's item to me.
// Never while the user types in a field, and never with a modifier key (the browser's own shortcuts).
(function () {
  function isTyping(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-queue] tr[data-item]"));
  }

  // One row at a time is in the Tab order (a "roving" tabindex): the one focused last.
  function focusRow(row) {
    rows().forEach(function (other) {
      other.setAttribute("tabindex", other === row ? "0" : "-1");
    });
    row.focus();
  }

  function currentRow() {
    var active = document.activeElement;
    return active && active.closest ? active.closest("[data-queue] tr[data-item]") : null;
  }

  function move(step) {
    var all = rows();
    if (!all.length) {
      return;
    }
    var index = all.indexOf(currentRow());
    var next = index === -1 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1);
    focusRow(all[next]);
  }

  function assignToMe(row) {
    var form = document.getElementById("bulk-assign");
    if (!form) {
      return;
    }
    form.querySelectorAll("input[name='items']").forEach(function (box) {
      box.checked = box.value === row.getAttribute("data-item");
    });
    form.querySelector("select[name='assignee']").value = "me";
    form.submit();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      return;
    }
    var row = currentRow();
    if (event.key === "/") {
      var search = document.querySelector("input[name='search']");
      if (search) {
        event.preventDefault();
        var details = search.closest("details");
        if (details) {
          details.open = true;
        }
        search.focus();
      }
    } else if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
    } else if (event.key === "Enter" && row && event.target === row) {
      event.preventDefault();
      window.location.assign(row.getAttribute("data-href"));
    } else if (event.key === "a" && row) {
      event.preventDefault();
      assignToMe(row);
    }
  });

  // On a phone the filters would push the list a screen down: folded away unless some are in use.
  document.addEventListener("DOMContentLoaded", function () {
    var filters = document.querySelector("details.queue-filters");
    if (filters && !window.location.search && window.matchMedia("(max-width: 48rem)").matches) {
      filters.open = false;
    }
  });

  document.addEventListener("focusin", function (event) {
    var row = event.target.closest ? event.target.closest("[data-queue] tr[data-item]") : null;
    if (row && row.getAttribute("tabindex") !== "0") {
      rows().forEach(function (other) {
        other.setAttribute("tabindex", other === row ? "0" : "-1");
      });
    }
  });
})();
