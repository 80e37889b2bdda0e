// Remote-access register: the print button, and showing only the inputs of the chosen period kind.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var printButton = document.getElementById("print-page");
  if (printButton) {
    printButton.addEventListener("click", function () { window.print(); });
  }
  var kind = document.getElementById("period-kind");
  if (!kind) { return; }
  function sync() {
    document.querySelectorAll(".period-fields [data-kind]").forEach(function (label) {
      var on = label.getAttribute("data-kind") === kind.value;
      label.classList.toggle("off", !on);
      label.querySelectorAll("input").forEach(function (input) { input.disabled = !on; });
    });
  }
  kind.addEventListener("change", sync);
  sync();
})();
