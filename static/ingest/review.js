// Hovering or focusing a fact lights up its evidence in the article, and the other way round.
(function () {
  "use strict";
  function marksFor(id) {
    return document.querySelectorAll('mark[data-facts~="' + id + '"]');
  }
  function light(id, on) {
    marksFor(id).forEach(function (m) { m.classList.toggle("active", on); });
    var fact = document.getElementById("fact-" + id);
    if (fact) fact.classList.toggle("active", on);
  }
  document.querySelectorAll(".ingest-fact").forEach(function (el) {
    var id = el.dataset.fact;
    el.addEventListener("mouseenter", function () { light(id, true); });
    el.addEventListener("mouseleave", function () { light(id, false); });
  });
  document.querySelectorAll(".ingest-text mark").forEach(function (m) {
    var ids = (m.dataset.facts || "").split(" ");
    m.addEventListener("mouseenter", function () { ids.forEach(function (id) { light(id, true); }); });
    m.addEventListener("mouseleave", function () { ids.forEach(function (id) { light(id, false); }); });
  });
  document.querySelectorAll("a.jump").forEach(function (a) {
    a.addEventListener("click", function () {
      var first = marksFor(a.dataset.fact)[0];
      if (first) { first.scrollIntoView({ block: "center" }); }
    });
  });
})();
