// The service worker of the centres' case form: the form page and the static files are fetched from the network
// and a copy is kept, so that the form still opens when a mobile centre has no connection. Nothing else is
// touched: every other request goes to the network as if there were no worker. The copy holds no citizen's data
// (the form is empty; waiting cases stay in the page's storage until sent).
"use strict";
var CACHE = "iceda-case-form-v1";
var FORM = /^\/[A-Za-z-]+\/centres\/[^\/]+\/cases\/new$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var isForm = FORM.test(url.pathname);
  if (!isForm && url.pathname.indexOf("/static/") !== 0) return;
  var cacheKey = isForm ? url.origin + url.pathname : request.url;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(cacheKey, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(cacheKey).then(function (cached) { return cached || Response.error(); });
    })
  );
});
