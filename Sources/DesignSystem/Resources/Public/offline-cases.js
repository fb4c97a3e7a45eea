// Progressive enhancement for the centres' case form (mobile centres often have no connection): when the device
// is offline, a case is kept on the device instead of being lost, and sent when the connection is back. Every case
// carries an id made on the device, so a case sent twice (a retry, two tabs) is stored once by the server. A
// service worker keeps a copy of the form so that it opens without a connection. Without JavaScript the form
// posts as usual.
(function () {
  "use strict";
  var form = document.querySelector("form[data-offline-queue]");
  var status = document.getElementById("offline-status");
  if (!form || !status || !window.fetch || !window.FormData || !window.URLSearchParams || !window.localStorage || !window.JSON) return;
  var action = form.getAttribute("action");
  // one queue per person and centre (the action without its language): cases wait for the operator who wrote them
  var key = "iceda-offline-cases:" + (form.getAttribute("data-queue-owner") || "") + ":" + action.replace(/^\/[^\/]+/, "");
  var formPath = window.location.pathname;
  var sending = false;

  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = "";
    for (var i = 0; i < 16; i++) hex += (bytes[i] + 0x100).toString(16).slice(1);
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }
  function load() {
    try { return JSON.parse(window.localStorage.getItem(key) || "[]"); } catch (e) { return []; }
  }
  function store(items) { window.localStorage.setItem(key, JSON.stringify(items)); }
  function say() {
    var items = load();
    var waiting = 0, refused = 0;
    for (var i = 0; i < items.length; i++) { if (items[i].refused) refused++; else waiting++; }
    var parts = [];
    if (waiting) parts.push((status.getAttribute("data-waiting") || "").replace("{count}", String(waiting)));
    if (refused) parts.push((status.getAttribute("data-refused") || "").replace("{count}", String(refused)));
    status.textContent = parts.join(" ");
  }
  function token() {
    var field = form.querySelector("input[name=_csrf]");
    return field ? field.value : "";
  }
  // Sends the waiting cases one by one, with this page's CSRF token; stops at the first network failure.
  function flush() {
    if (sending || navigator.onLine === false) return;
    var items = load();
    var index = -1;
    for (var i = 0; i < items.length; i++) { if (!items[i].refused) { index = i; break; } }
    if (index < 0) { say(); return; }
    sending = true;
    var data = new URLSearchParams();
    var fields = items[index].fields;
    for (var j = 0; j < fields.length; j++) { if (fields[j][0] !== "_csrf") data.append(fields[j][0], fields[j][1]); }
    data.append("_csrf", token());
    fetch(action, { method: "POST", body: data, credentials: "same-origin", redirect: "follow" })
      .then(function (response) {
        var current = load();
        var position = -1;
        for (var k = 0; k < current.length; k++) { if (current[k].id === items[index].id) { position = k; break; } }
        var landed = "";
        try { landed = new URL(response.url).pathname; } catch (e) { landed = ""; }
        if (response.ok && response.redirected && landed === formPath) {
          // stored (or already stored): the server sends a saved case back to a fresh form
          if (position >= 0) current.splice(position, 1);
        } else if (response.status === 422 && position >= 0) {
          current[position].refused = true;
        } else {
          // signed out (sent to the sign-in page), an expired form, server trouble: keep it and try again later
          if (response.status === 403) refreshToken();
          store(current); sending = false; say(); return;
        }
        store(current);
        sending = false;
        say();
        flush();
      })
      .catch(function () { sending = false; say(); });
  }

  // a form left open for long carries a stale token: read a fresh one from the page itself
  function refreshToken() {
    if (!window.DOMParser) return;
    fetch(formPath, { credentials: "same-origin" }).then(function (response) { return response.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("form[data-offline-queue] input[name=_csrf]");
      var field = form.querySelector("input[name=_csrf]");
      if (fresh && field) field.value = fresh.value;
    }).catch(function () {});
  }

  var id = form.querySelector("input[name=client_id]");
  // a copy of the form opened offline must not reuse the id of the copy it was made from
  if (id) id.value = newId();
  form.addEventListener("submit", function (event) {
    if (navigator.onLine !== false) return;
    event.preventDefault();
    var fields = [];
    var entries = new FormData(form);
    entries.forEach(function (value, name) { if (typeof value === "string") fields.push([name, value]); });
    var items = load();
    items.push({ id: id ? id.value : newId(), fields: fields, refused: false });
    store(items);
    form.reset();
    if (id) id.value = newId();
    say();
    var first = form.querySelector("select, input:not([type=hidden]), textarea");
    if (first) first.focus();
  });
  if ("serviceWorker" in navigator && form.getAttribute("data-worker")) {
    navigator.serviceWorker.register(form.getAttribute("data-worker"), { scope: "/" }).catch(function () {});
  }
  window.addEventListener("online", flush);
  window.setInterval(flush, 30000);
  say();
  flush();
})();
