(function () {
  "use strict";
  var key = "tolk.showOriginals";
  var box = document.getElementById("tolk-show-originals");
  if (!box) { return; }
  try {
    var stored = window.localStorage.getItem(key);
    if (stored !== null) { box.checked = stored === "true" || stored === "1"; }
  } catch (e) { /* no storage (private mode, file:): the toggle still works on this page */ }
  box.addEventListener("change", function () {
    try { window.localStorage.setItem(key, box.checked ? "true" : "false"); } catch (e) { /* as above */ }
  });
})();
