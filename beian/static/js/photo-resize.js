// Photos made smaller in the browser before they are sent (ADR 0109). A file input marked
// data-photo-resize gets, when a JPEG or PNG over data-max-bytes or longer than data-max-side pixels
// is chosen, a JPEG of at most both in its place (the EXIF orientation applied), and a preview with
// the new size. Without createImageBitmap, canvas.toBlob or DataTransfer nothing changes: the server
// makes the photo smaller itself. Messages come translated from the input's data attributes.
(function () {
  "use strict";
  var QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45];
  var STEP_DOWN = 0.8;

  function supported() {
    return !!(window.createImageBitmap && window.DataTransfer && HTMLCanvasElement.prototype.toBlob);
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  function toBlob(canvas, quality) {
    return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", quality); });
  }

  function draw(bitmap, width, height) {
    var canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext("2d");
    context.fillStyle = "#fff"; // a transparent PNG goes on white, as on the server
    context.fillRect(0, 0, width, height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas;
  }

  // The JPEG of at most maxBytes: quality stepped down first, then the sides.
  async function shrink(bitmap, maxBytes, maxSide) {
    var scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    var width = Math.max(1, Math.round(bitmap.width * scale));
    var height = Math.max(1, Math.round(bitmap.height * scale));
    for (;;) {
      var canvas = draw(bitmap, width, height);
      for (var i = 0; i < QUALITIES.length; i++) {
        var blob = await toBlob(canvas, QUALITIES[i]);
        if (blob && blob.size <= maxBytes) {
          return { blob: blob, width: width, height: height };
        }
      }
      if (Math.max(width, height) <= 64) {
        return null;
      }
      width = Math.max(1, Math.round(width * STEP_DOWN));
      height = Math.max(1, Math.round(height * STEP_DOWN));
    }
  }

  function statusFor(input) {
    var status = input.parentNode.querySelector("[data-photo-status]");
    if (!status) {
      status = document.createElement("div");
      status.className = "photo-status hint";
      status.setAttribute("data-photo-status", "");
      status.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", status);
    }
    return status;
  }

  function show(input, status, file, width, height, template) {
    status.textContent = "";
    var preview = document.createElement("img");
    preview.className = "photo-preview";
    preview.alt = input.dataset.messagePreview || "";
    preview.src = URL.createObjectURL(file);
    preview.onload = function () { URL.revokeObjectURL(preview.src); };
    var text = document.createElement("p");
    text.textContent = fill(template, { size: Math.ceil(file.size / 1024), width: width, height: height });
    status.appendChild(preview);
    status.appendChild(text);
  }

  function renamed(name) {
    return (name.replace(/\.[^.]*$/, "") || "photo") + ".jpg";
  }

  async function onChange(event) {
    var input = event.target;
    var file = input.files && input.files[0];
    var status = statusFor(input);
    status.textContent = "";
    if (!file || !/^image\/(jpeg|png)$/.test(file.type)) {
      return; // a PDF (the security scheme) or another type: sent as it is, the server decides
    }
    var maxBytes = Number(input.dataset.maxBytes);
    var maxSide = Number(input.dataset.maxSide);
    var bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch (error) {
      return; // not readable here: the server says what is wrong with it
    }
    try {
      if (file.size <= maxBytes && Math.max(bitmap.width, bitmap.height) <= maxSide) {
        show(input, status, file, bitmap.width, bitmap.height, input.dataset.messageKept || "");
        return;
      }
      status.textContent = input.dataset.messageWorking || "";
      var result = await shrink(bitmap, maxBytes, maxSide);
      if (!result || input.files[0] !== file) {
        status.textContent = "";
        return; // could not shrink, or another file was chosen meanwhile
      }
      var smaller = new File([result.blob], renamed(file.name), { type: "image/jpeg" });
      var transfer = new DataTransfer();
      transfer.items.add(smaller);
      input.files = transfer.files;
      show(input, status, smaller, result.width, result.height, input.dataset.messageReduced || "");
    } finally {
      bitmap.close();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!supported()) {
      return;
    }
    document.querySelectorAll("input[type=file][data-photo-resize]").forEach(function (input) {
      input.addEventListener("change", onChange);
    });
  });
})();
