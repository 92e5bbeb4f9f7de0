// Heard's service worker: the capture page opens and works with no signal.
//
// `HEARD` (written above this file by heard/offline/views.py) gives the version, the assets and
// the addresses. Two caches:
// - ASSETS, per version: the stylesheet, scripts, icons and the offline page; nothing private.
// - PRIVATE: what one member needs with no signal (the capture page of each open campaign and
//   the people of their turf). It is refreshed when the capture page opens with signal and
//   deleted at logout (the page asks, and the logout response's Clear-Site-Data says it again).
// Any other page goes to the network, and is never kept: only the capture page works offline.
"use strict";

const ASSETS = "heard-assets-" + HEARD.version;
const PRIVATE = "heard-private";
// A doorstep with one bar of signal can take a minute to fail: past this the phone's copy opens.
const PATIENCE_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(ASSETS).then((cache) => cache.addAll(HEARD.assets)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((n) => n.startsWith("heard-assets-") && n !== ASSETS).map((n) => caches.delete(n))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "refresh-kit") event.waitUntil(refreshKit());
  if (type === "forget") event.waitUntil(caches.delete(PRIVATE));
});

// The kit: every page and list this member needs with no signal, fetched fresh. A page that
// answers with a redirect (signed out) or an error is not kept, and the old copy stays.
async function refreshKit() {
  let kit;
  try {
    const response = await fetch(HEARD.kit, { credentials: "same-origin" });
    if (!response.ok || response.redirected) return;
    kit = await response.json();
  } catch (err) {
    return; // no signal: keep what the phone has
  }
  const cache = await caches.open(PRIVATE);
  const wanted = kit.pages.concat([kit.people]);
  await Promise.all(wanted.map(async (url) => {
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (response.ok && !response.redirected) await cache.put(url, response);
    } catch (err) { /* the next refresh tries again */ }
  }));
  // A campaign closed since the last refresh: its page goes.
  const keep = new Set(wanted.map((u) => new URL(u, self.location.origin).href));
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (HEARD.assets.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: ASSETS, ignoreSearch: true })
      .then((hit) => hit || fetch(request)));
  } else if (url.pathname === HEARD.capture || url.pathname === HEARD.catalogue) {
    event.respondWith(keptPage(request, url));
  } else if (url.pathname === HEARD.peopleSearch) {
    event.respondWith(findPeople(request, url));
  } else if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match(HEARD.offlinePage)));
  }
});

// The network within PATIENCE_MS, else null (and the network's answer is still awaited and kept
// if it comes, so the next visit has it).
function patiently(request, keep) {
  const network = fetch(request).then(async (response) => {
    if (keep && response.ok && !response.redirected) await keep(response.clone());
    return response;
  });
  const late = new Promise((resolve) => setTimeout(() => resolve(null), PATIENCE_MS));
  return { first: Promise.race([network.catch(() => null), late]), network };
}

// The capture page (and the scripts' words): the network's if it answers in time, else the
// phone's copy: that campaign's page, else the member's usual one, else the offline page.
async function keptPage(request, url) {
  const cache = await caches.open(PRIVATE);
  const { first } = patiently(request, (response) => cache.put(url.href, response));
  const answer = await first;
  if (answer) return answer;
  return (await cache.match(url.href)) ||
    (url.pathname === HEARD.capture ? (await cache.match(HEARD.capture)) || (await caches.match(HEARD.offlinePage)) : Response.error());
}

// Finding someone with no signal: the same people, from the phone's copy of the turf, matched
// on the folded name as the server matches it.
async function findPeople(request, url) {
  const { first } = patiently(request, null);
  const answer = await first;
  if (answer) return answer;
  const turf = await caches.match(new URL(HEARD.people, self.location.origin).href, { cacheName: PRIVATE });
  const people = turf ? (await turf.json()).people : [];
  const wanted = fold(url.searchParams.get("q") || "");
  const found = wanted ? people.filter((p) => p.folded.includes(wanted)) : [];
  found.sort((a, b) => a.name.localeCompare(b.name));
  const results = found.slice(0, 12).map(({ id, name, place, household }) => ({ id, name, place, household }));
  return new Response(JSON.stringify({ results: results, offline: true }), {
    headers: { "Content-Type": "application/json" },
  });
}

// As heard/people/folding.py folds a name for matching: no accents, no case, spaces kept single.
function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
}
