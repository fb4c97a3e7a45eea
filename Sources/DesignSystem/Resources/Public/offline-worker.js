// The service worker of the centres' case form: the form page and the static files are fetched from the network
// and a copy is kept, so that the form still opens when a mobile centre has no connection. Nothing else is
// touched: every other request goes to the network as if there were no worker. The copy holds no citizen's data
// (the form is empty; waiting cases stay in the page's storage until sent); it shows the operator's name, so
// signing out deletes it.
"use strict";
var CACHE = "iceda-case-form-v1";
var FORM = /^\/[A-Za-z-]+\/centres\/[^\/]+\/cases\/new$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // signing out forgets the copies (they show the operator's name); the request itself goes on untouched
  if (request.method === "POST" && /\/sign-out(-everywhere)?$/.test(url.pathname)) {
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (request.method !== "GET") return;
  var isForm = FORM.test(url.pathname);
  if (!isForm && url.pathname.indexOf("/static/") !== 0) return;
  var cacheKey = isForm ? url.origin + url.pathname : request.url;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) {
          // one copy per static file: older versions (another ?v=) go
          return cache.keys().then(function (keys) {
            return Promise.all(keys.filter(function (key) {
              var old = new URL(key.url);
              return old.pathname === url.pathname && key.url !== cacheKey;
            }).map(function (key) { return cache.delete(key); }));
          }).then(function () { return cache.put(cacheKey, copy); });
        });
      }
      return response;
    }).catch(function () {
      return caches.match(cacheKey).then(function (cached) { return cached || Response.error(); });
    })
  );
});
