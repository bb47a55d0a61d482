// Parley's only script: open an event's evidence panel when its highlight is clicked or linked.
"use strict";
(function () {
  function openEvent(id) {
    var panel = document.getElementById(id);
    if (!panel || panel.tagName !== "DETAILS") return;
    panel.open = true;
    document.querySelectorAll(".event-panel.current").forEach(function (p) {
      p.classList.remove("current");
    });
    panel.classList.add("current");
    panel.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target instanceof Element ? ev.target.closest("a[data-event]") : null;
    if (!link) return;
    ev.preventDefault();
    var id = "event-" + link.getAttribute("data-event");
    history.replaceState(null, "", "#" + id);
    openEvent(id);
  });
  function fromHash() {
    if (/^#event-\d+$/.test(location.hash)) openEvent(location.hash.slice(1));
  }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);
})();
