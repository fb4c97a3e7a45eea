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
  function save(then) {
    if (!dirty || saving) { if (then) then(); return; }
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
          // Every form of the page that carries the version (e.g. Withdraw) follows.
          var versions = document.querySelectorAll("input[name=version]");
          for (var i = 0; i < versions.length; i++) versions[i].value = String(result.body.version);
          say("data-saved");
        } else {
          say("data-conflict");
        }
      })
      .catch(function () { dirty = true; say("data-failed"); })
      .then(function () { saving = false; if (then) then(); });
  }
  window.setInterval(function () { save(); }, 20000);
  // Forms that reload the page (attachments) first save what was typed in the main form.
  var others = document.querySelectorAll("form[data-save-first]");
  for (var i = 0; i < others.length; i++) {
    others[i].addEventListener("submit", function (event) {
      if (!dirty) return;
      event.preventDefault();
      var target = event.target;
      save(function () { target.submit(); });
    });
  }
})();
