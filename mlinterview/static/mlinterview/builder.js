// The builder after htmx swapped it in place (issue 15, point 3): keyboard and screen-reader users
// keep their place. After an add, focus goes to the "Added" mark of what was added; after a move
// or removal, to the running total of minutes.
(function () {
  "use strict";
  let last = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    const button = event.detail.elt.querySelector("button[data-add]");
    last = button ? button.getAttribute("data-add") : "";
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (last === null) return;
    const target =
      (last && document.querySelector('[data-added="' + CSS.escape(last) + '"]')) ||
      document.getElementById("running-total");
    last = null;
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  });
})();
