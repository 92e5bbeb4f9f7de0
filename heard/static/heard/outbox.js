// Heard's outbox: conversations saved on this phone, sent when there is signal.
//
// Loaded on every page. It keeps two stores in IndexedDB: `outbox` (a saved conversation: the
// fields the capture form would post, whose member saved it, and its state) and `drafts` (the
// capture form as it is being typed, so a closed page, a sleeping phone or a flat battery loses
// nothing). It sends what waits to /conversations/sync/ when the page opens, when the signal
// comes back, every minute while something waits, and on "Send now"; each conversation carries
// the id its form took when it opened, so the server stores it once however often it arrives.
// It also registers the service worker (heard/offline/sw.js) and empties the phone at logout.
(function () {
  "use strict";
  // The words are Django's JavaScript catalogue's (/jsi18n/, kept on the phone for no signal);
  // without it, English.
  const gettext = window.gettext || ((text) => text);
  const ngettext = window.ngettext || ((one, many, n) => (n === 1 ? one : many));
  const interpolate = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
  const body = document.body;
  const member = body.dataset.member || "";
  const SYNC = body.dataset.sync || "/conversations/sync/";
  const SEND_TIMEOUT_MS = 20000;
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("heard-outbox") : null;
  const listeners = [];

  // ---- storage ---------------------------------------------------------------------------
  let opening = null;
  function database() {
    if (!("indexedDB" in window)) return Promise.reject(new Error("no IndexedDB"));
    opening = opening || new Promise((resolve, reject) => {
      const request = indexedDB.open("heard", 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore("outbox", { keyPath: "id" });
        request.result.createObjectStore("drafts", { keyPath: "key" });
      };
      request.onsuccess = () => {
        // Another tab deleting the database (a logout) must not wait on this one.
        request.result.onversionchange = () => { request.result.close(); opening = null; };
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("blocked"));
    });
    return opening;
  }

  async function store(name, mode, work) {
    const db = await database();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(name, mode);
      const request = work(tx.objectStore(name));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error("aborted"));
    });
  }

  const outbox = {
    all: () => store("outbox", "readonly", (s) => s.getAll()),
    get: (id) => store("outbox", "readonly", (s) => s.get(id)),
    put: (item) => store("outbox", "readwrite", (s) => s.put(item)).then(changed),
    remove: (id) => store("outbox", "readwrite", (s) => s.delete(id)).then(changed),
    // What a send learnt, written only if the item is still the one that was sent: the
    // volunteer may have saved it again meanwhile (a fix), and that must not be overwritten.
    update: (item) => store("outbox", "readwrite", (s) => {
      const current = s.get(item.id);
      current.onsuccess = () => {
        if (current.result && current.result.savedAt === item.savedAt) s.put(item);
      };
      return current;
    }).then(changed),
  };
  const drafts = {
    get: (key) => store("drafts", "readonly", (s) => s.get(key)),
    put: (draft) => store("drafts", "readwrite", (s) => s.put(draft)),
    remove: (key) => store("drafts", "readwrite", (s) => s.delete(key)),
  };

  function changed() {
    if (channel) channel.postMessage("changed");
    notify();
  }
  function notify() { listeners.forEach((listener) => listener()); }
  if (channel) channel.onmessage = notify;

  // ---- sending ---------------------------------------------------------------------------
  let token = null; // {csrf, member}, asked once per round of sending
  async function askToken() {
    const response = await fetch(SYNC, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (response.status === 401) return { signedOut: true };
    if (!response.ok) throw new Error("sync " + response.status);
    return response.json();
  }

  // One conversation: "recorded" (with its url), "refused"/"ask" (kept with the reasons),
  // "signed_out", or "waiting" (no signal, or the server could not take it now).
  async function send(item, { flash = false, timeout = SEND_TIMEOUT_MS } = {}) {
    try {
      token = token || await askToken();
      if (token.signedOut) return { status: "signed_out" };
      if (String(token.member) !== String(item.member)) return { status: "not_mine" };
      for (let attempt = 0; attempt < 2; attempt++) {
        const fields = new URLSearchParams(item.fields);
        const headers = { Accept: "application/json", "X-CSRFToken": token.csrf };
        if (flash) headers["X-Heard-Flash"] = "1";
        const response = await fetch(SYNC, {
          method: "POST", body: fields, headers, credentials: "same-origin", signal: timeLimit(timeout),
        });
        if (response.status === 403 && attempt === 0) { token = await askToken(); continue; }
        if (response.status === 401) { token = { signedOut: true }; return { status: "signed_out" }; }
        const said = response.headers.get("Content-Type") === "application/json" ? await response.json() : {};
        if (response.status === 200 || response.status === 201) {
          await outbox.remove(item.id);
          return { status: "recorded", url: said.url };
        }
        if ([409, 413, 422].includes(response.status)) {
          item.state = said.status === "ask" ? "ask" : "refused";
          item.reasons = said.reasons || [gettext("The server refused it.")];
          await outbox.update(item);
          return { status: item.state, reasons: item.reasons };
        }
        return await stillWaiting(item, interpolate(gettext("The server could not take it just now (%(status)s): it will try again."), { status: response.status }));
      }
      return await stillWaiting(item, gettext("The server could not check who you are: it will try again."));
    } catch (error) {
      return await stillWaiting(item, "");
    }
  }

  async function stillWaiting(item, problem) {
    if (item.state !== "fixing") item.state = "waiting";
    item.tries = (item.tries || 0) + 1;
    item.lastTry = new Date().toISOString();
    item.problem = problem;
    await outbox.update(item);
    return { status: "waiting" };
  }

  function timeLimit(ms) {
    if (AbortSignal.timeout) return AbortSignal.timeout(ms);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), ms);
    return controller.signal;
  }

  // Everything of this member's that is waiting (or was opened to be fixed), oldest first.
  // One tab at a time sends (where the browser can say so); the server would store a second
  // copy once anyway. Asked while a send is going ("Send now" as the signal comes back and the
  // page's own try is still failing), it goes again once that one ends: the tap is never lost.
  let sending = false;
  let again = false;
  async function sendAll() {
    if (!member) return;
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        await sendEach();
      } while (again);
    } finally {
      sending = false;
      notify();
    }
  }

  async function sendEach() {
    const run = async () => {
      token = null;
      const items = (await outbox.all())
        .filter((i) => String(i.member) === member && (i.state === "waiting" || i.state === "fixing"))
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
      for (const item of items) {
        const result = await send(item);
        if (result.status === "signed_out" || (result.status === "waiting" && !item.problem)) break;
      }
    };
    if (navigator.locks) await navigator.locks.request("heard-outbox", run);
    else await run();
  }

  // ---- forgetting at logout --------------------------------------------------------------
  async function forget() {
    try {
      const db = await database();
      db.close();
    } catch (error) { /* nothing to close */ }
    opening = null;
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase("heard");
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    if ("caches" in window) await caches.delete("heard-private");
    Object.keys(localStorage).filter((k) => k.startsWith("heard:")).forEach((k) => localStorage.removeItem(k));
    Object.keys(sessionStorage).filter((k) => k.startsWith("heard:")).forEach((k) => sessionStorage.removeItem(k));
  }

  async function mine() {
    try {
      return (await outbox.all()).filter((i) => String(i.member) === member);
    } catch (error) {
      return [];
    }
  }

  const logout = document.querySelector("form.logout");
  if (logout) {
    logout.addEventListener("submit", async (event) => {
      event.preventDefault();
      const unsent = (await mine()).length;
      if (unsent && !window.confirm(interpolate(ngettext(
        "%(count)s conversation saved on this phone has not been sent yet. Logging out deletes it from this phone. Log out anyway?",
        "%(count)s conversations saved on this phone have not been sent yet. Logging out deletes them from this phone. Log out anyway?",
        unsent), { count: unsent }))) return;
      await forget();
      logout.submit();
    });
  }

  // ---- the header's count ----------------------------------------------------------------
  async function showCount() {
    const items = await mine();
    const refused = items.filter((i) => i.state === "refused" || i.state === "ask").length;
    const waiting = items.length - refused;
    document.querySelectorAll("[data-outbox-count]").forEach((badge) => {
      const parts = [];
      if (waiting) parts.push(interpolate(ngettext("%(count)s waiting to send", "%(count)s waiting to send", waiting), { count: waiting }));
      if (refused) parts.push(interpolate(ngettext("%(count)s to fix", "%(count)s to fix", refused), { count: refused }));
      badge.textContent = parts.join(" · ");
      badge.hidden = !parts.length;
      badge.classList.toggle("needs-fixing", refused > 0);
    });
  }
  listeners.push(showCount);

  // ---- when to send ----------------------------------------------------------------------
  window.addEventListener("online", sendAll);
  setInterval(async () => {
    if (document.visibilityState === "visible" && (await mine()).some((i) => i.state === "waiting")) sendAll();
  }, 60000);

  if ("serviceWorker" in navigator && member) {
    navigator.serviceWorker.register("/sw.js").catch(() => { /* not over plain HTTP on a LAN */ });
  }

  window.HeardOutbox = { outbox, drafts, send, sendAll, forget, mine, onChange: (f) => listeners.push(f), member };
  if (member) database().then(() => { showCount(); sendAll(); }).catch(() => {});
})();
