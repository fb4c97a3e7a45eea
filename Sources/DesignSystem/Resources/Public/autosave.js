// Progressive enhancement: a form marked data-autosave is saved in the background every 20 seconds after a
// change, with the same fields and CSRF token as the Save button (which keeps working without JavaScript).
// The server answers JSON for requests with `X-Autosave: 1`: {saved, version}; a stale version is refused
// (409) and the person is told to save by hand, so nothing is overwritten.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  var status = document.getElementById("autosave-status");
  if (!form || !status || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var dirty = false;
  var saving = false;
  function mark() { dirty = true; }
  form.addEventListener("input", mark);
  form.addEventListener("change", mark);
  function say(attribute) { status.textContent = status.getAttribute(attribute) || ""; }
  function save() {
    if (!dirty || saving) return;
    saving = true;
    dirty = false;
    var data = new URLSearchParams(new FormData(form));
    data.set("action", "save");
    // form.action would be the buttons named "action": read the attribute.
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin", headers: { "X-Autosave": "1", "Accept": "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok && result.body.saved) {
          var version = form.querySelector("input[name=version]");
          if (version) version.value = String(result.body.version);
          say("data-saved");
        } else {
          say("data-conflict");
        }
      })
      .catch(function () { dirty = true; say("data-failed"); })
      .then(function () { saving = false; });
  }
  window.setInterval(save, 20000);
})();
