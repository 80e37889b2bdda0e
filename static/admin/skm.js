// Reports > SKM: the period form shows only the fields of the chosen kind (all of them without script).
(function () {
  var form = document.querySelector(".skm-period");
  if (!form) return;
  var kind = form.querySelector("select[name=kind]");
  function update() {
    form.querySelectorAll("[data-for-kind]").forEach(function (label) {
      label.hidden = label.dataset.forKind.split(" ").indexOf(kind.value) < 0;
    });
  }
  kind.addEventListener("change", update);
  update();
})();
