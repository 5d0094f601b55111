// The attendance page's service worker (Training; decision 0025). It lets a trainer who reloads the attendance page
// with no signal still see it and keep tapping into the IndexedDB queue (attendance.js). Registered with the scope
// /Training/, it answers only the attendance pages and the static files they load: the page network first (a fresh
// copy whenever there is a connection, the kept copy only when there is none), its scripts and styles from the kept
// copy (their addresses carry a version). It never answers or keeps an API call, a post, or any other page.
'use strict';
var CACHE = 'tunas-attendance-v1';
var PAGE = /^\/Training\/\d+\/Attendance\/\d+$/;
var STATIC = /^\/(lib|js|css)\//;

function keyOf(url) { return url.origin + url.pathname; }

function keepPage(cache, url, response) {
  // A redirect (signed out, another provider's cohort) or an error is not this user's page: forget the kept copy.
  if (response.ok && !response.redirected && response.type === 'basic') return cache.put(keyOf(url), response);
  return cache.delete(keyOf(url));
}

self.addEventListener('install', function () { self.skipWaiting(); });

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('tunas-attendance-') === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

// The page that registered this worker loaded before it could answer: it names its address and files to keep.
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(data.urls.map(function (text) {
      var url = new URL(text, self.location.origin);
      if (url.origin !== self.location.origin) return null;
      if (PAGE.test(url.pathname)) {
        return fetch(url.href, { credentials: 'same-origin' }).then(function (r) { return keepPage(cache, url, r); }).catch(function () { return null; });
      }
      if (!STATIC.test(url.pathname)) return null;
      return cache.match(url.href).then(function (hit) {
        return hit || fetch(url.href).then(function (r) { return r.ok ? cache.put(url.href, r) : null; }).catch(function () { return null; });
      });
    }));
  }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) return;
  if (request.mode === 'navigate' && PAGE.test(url.pathname)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return fetch(request).then(function (response) {
        return keepPage(cache, url, response.clone()).then(function () { return response; });
      }, function () {
        return cache.match(keyOf(url)).then(function (hit) { return hit || Response.error(); });
      });
    }));
    return;
  }
  if (STATIC.test(url.pathname)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request.url).then(function (hit) { return hit || fetch(request); });
    }));
  }
});
