// Refuses an article larger than the server accepts before it is sent, so that a long paste
// is never lost to an error page: the text stays in the box with a message beside it.
(function () {
  "use strict";
  function bytesOf(form) {
    var total = 0;
    form.querySelectorAll("textarea").forEach(function (box) {
      total += new TextEncoder().encode(box.value).length;
    });
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
    });
    return total;
  }
  document.querySelectorAll("form[data-max-bytes]").forEach(function (form) {
    var limit = Number(form.dataset.maxBytes);
    var message = form.querySelector("[data-size-error]");
    form.addEventListener("submit", function (event) {
      var size = bytesOf(form);
      if (!limit || size <= limit) {
        if (message) { message.hidden = true; }
        return;
      }
      event.preventDefault();
      if (message) {
        // The sentence comes translated from the page, with {size} and {limit} to fill in.
        message.textContent = message.dataset.sizeError
          .replace("{size}", (size / 1e6).toFixed(1))
          .replace("{limit}", String(limit / 1e6));
        message.hidden = false;
        message.scrollIntoView({ block: "center" });
      }
    });
  });
})();
