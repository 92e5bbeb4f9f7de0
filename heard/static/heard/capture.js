// Capture form helpers: find people as you type, add formset rows, show another campaign's guide.
// With the outbox (outbox.js) it also keeps the form as it is typed (a draft that survives a
// closed page), and Save puts the conversation in the outbox first and then sends it, so a
// doorstep with no signal loses nothing. The form still posts without JavaScript.
(function () {
  "use strict";
  // The words are Django's JavaScript catalogue's (/jsi18n/, kept on the phone for no signal);
  // without it, English.
  const gettext = window.gettext || ((text) => text);
  const ngettext = window.ngettext || ((one, many, n) => (n === 1 ? one : many));
  const interpolate = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
  const search = document.getElementById("person-search");
  const results = document.getElementById("person-results");
  const chosen = document.getElementById("chosen-people");

  function chosenIds() {
    return Array.from(chosen ? chosen.querySelectorAll("input[name=people]") : []).map((i) => i.value);
  }

  function choose(person, focus = true) {
    if (chosenIds().includes(String(person.id))) return;
    const chip = document.createElement("span");
    chip.className = "chip chosen";
    chip.textContent = person.name;
    const hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = "people"; hidden.value = person.id;
    hidden.dataset.name = person.name;
    const remove = document.createElement("button");
    remove.type = "button"; remove.className = "remove"; remove.textContent = "×";
    remove.setAttribute("aria-label", interpolate(gettext("Remove %(name)s"), { name: person.name }));
    chip.append(hidden, remove);
    chosen.append(chip);
    results.replaceChildren();
    search.value = "";
    if (focus) search.focus();
    refreshSpeakers();
    chosen.dispatchEvent(new Event("change", { bubbles: true }));
  }

  if (chosen) {
    chosen.addEventListener("click", (e) => {
      if (e.target.classList.contains("remove")) {
        e.target.closest(".chip").remove();
        refreshSpeakers();
        chosen.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  // "Who said it" / "Seen in": the same options the server builds from the posted people
  // (p<id> for someone found, n<row> for someone new), shown once two or more people are named.
  function speakers() {
    const found = Array.from(chosen ? chosen.querySelectorAll("input[name=people]") : [])
      .map((i) => ["p" + i.value, i.dataset.name || i.value]);
    const typed = Array.from(document.querySelectorAll("input[name^='new-'][name$='-name']"))
      .filter((i) => i.value.trim())
      .map((i) => ["n" + i.name.split("-")[1], i.value.trim()]);
    return found.concat(typed);
  }

  function refreshSpeakers() {
    const people = speakers();
    document.querySelectorAll("select[data-speakers]").forEach((select) => {
      const kept = select.value;
      const first = select.options[0];
      select.replaceChildren(first, ...people.map(([value, name]) => new Option(name, value)));
      select.value = people.some(([value]) => value === kept) ? kept : "";
    });
    document.querySelectorAll("[data-speaker-field]").forEach((field) => {
      field.hidden = people.length < 2;
    });
  }

  document.addEventListener("input", (e) => {
    if (e.target.matches("input[name^='new-'][name$='-name']")) refreshSpeakers();
  });

  let timer = null;
  if (search) {
    search.addEventListener("keydown", (e) => { if (e.key === "Enter") e.preventDefault(); });
    search.addEventListener("input", () => {
      clearTimeout(timer);
      const q = search.value.trim();
      if (!q) { results.replaceChildren(); return; }
      timer = setTimeout(async () => {
        try {
          const response = await fetch(search.dataset.url + "?q=" + encodeURIComponent(q), {
            headers: { Accept: "application/json" },
          });
          if (!response.ok) return;
          const data = await response.json();
          results.replaceChildren(...data.results.map((p) => {
            const li = document.createElement("li");
            li.tabIndex = 0; li.setAttribute("role", "option");
            li.textContent = p.name + (p.place ? " · " + p.place : "") + (p.household ? " · " + p.household : "");
            li.addEventListener("click", () => choose(p));
            li.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); choose(p); } });
            return li;
          }));
          if (!data.results.length) {
            const li = document.createElement("li");
            li.textContent = gettext("Nobody found: add them below as someone new.");
            results.replaceChildren(li);
          }
        } catch (err) { /* poor signal: the volunteer can still add the person as new */ }
      }, 150);
    });
  }

  // "+ another" buttons: copy the last row of a Django formset, renumbering its fields.
  function addRow(prefix, focus) {
    const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    const container = document.getElementById(prefix + "-forms");
    const last = container && container.lastElementChild;
    if (!total || !last) return null;
    const index = Number(total.value);
    const copy = last.cloneNode(true);
    const pattern = new RegExp(prefix + "-\\d+-", "g");
    copy.querySelectorAll("input, select, textarea, label").forEach((el) => {
      ["name", "id", "for"].forEach((attr) => {
        if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replace(pattern, prefix + "-" + index + "-"));
      });
      if (el.matches("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea")) el.value = "";
      // A new row's consent questions start at their default, yes.
      if (el.matches("input[type=radio]")) el.checked = el.value === "yes";
      if (el.matches("input[type=hidden][name$='-id']")) el.value = "";
      if (el.matches("input[type=checkbox]")) el.checked = false;
    });
    copy.querySelectorAll("select[data-speakers]").forEach((el) => { el.value = ""; });
    copy.querySelectorAll(".error, .lookalikes").forEach((el) => el.remove());
    copy.querySelectorAll(".has-error").forEach((el) => el.classList.remove("has-error"));
    container.append(copy);
    total.value = index + 1;
    const first = copy.querySelector("textarea, input:not([type=hidden])");
    if (first && focus) first.focus();
    return copy;
  }

  document.querySelectorAll("[data-add-form]").forEach((button) => {
    button.addEventListener("click", () => addRow(button.dataset.addForm, true));
  });

  // Changing the campaign shows its guide. With the outbox, the page of that campaign opens
  // (from the phone's copy when there is no signal) and the draft comes along: an answer moves
  // to the question with the same words, the others wait above the guide (as the server does
  // for a form posted without JavaScript: the whole form is posted as "switch" and comes back).
  const campaign = document.getElementById("id_campaign");
  const form = document.getElementById("capture");
  if (campaign && form) {
    campaign.addEventListener("change", async () => {
      if (drafting) {
        await keepDraft();
        const url = new URL(window.location.href);
        url.searchParams.set("campaign", campaign.value);
        url.hash = "";
        window.location.assign(url.href);
        return;
      }
      const marker = document.createElement("input");
      marker.type = "hidden"; marker.name = "switch"; marker.value = "1";
      form.append(marker);
      form.submit();
    });
  }

  // ---- the draft and the outbox ----------------------------------------------------------
  const Outbox = window.HeardOutbox;
  const drafting = Boolean(Outbox && Outbox.member && form && window.indexedDB);
  const draftKey = "capture:" + (Outbox ? Outbox.member : "");
  const clientId = form ? form.querySelector("input[name=client_id]") : null;
  const SKIP = new Set(["csrfmiddlewaretoken", "campaign", "guide", "switch"]);

  function fold(text) { return (text || "").toLowerCase().split(/\s+/).filter(Boolean).join(" "); }

  function newId() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function fields() {
    return Array.from(new FormData(form).entries())
      .filter(([name, value]) => name !== "csrfmiddlewaretoken" && name !== "switch" && typeof value === "string");
  }

  // A question's words as shown (in the conversation's language: guide-language.js).
  function promptOf(area) {
    const label = form.querySelector("label[for='" + area.id + "']");
    if (!label) return "";
    const words = label.querySelector("[data-prompt]") || label;
    return words.textContent.trim();
  }

  // The words of each answer's question, so a draft opened on another guide can place it.
  function prompts() {
    const said = {};
    form.querySelectorAll("textarea[name^=answer_]").forEach((area) => { said[area.name] = promptOf(area); });
    return said;
  }

  function names() {
    const said = {};
    chosen.querySelectorAll("input[name=people]").forEach((i) => { said[i.value] = i.dataset.name || i.value; });
    return said;
  }

  async function keepDraft() {
    if (!drafting) return;
    await Outbox.drafts.put({
      key: draftKey, id: clientId.value, fields: fields(), prompts: prompts(), names: names(),
      campaign: campaign ? campaign.value : "", savedAt: new Date().toISOString(),
    });
  }

  let pending = null;
  function keepSoon() {
    clearTimeout(pending);
    pending = setTimeout(keepDraft, 250);
  }

  function setValue(name, value) {
    const field = form.elements.namedItem(name);
    if (!field) return false;
    const many = field instanceof RadioNodeList ? Array.from(field) : [field];
    many.forEach((el) => {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.value === value) el.checked = true;
      } else {
        el.value = value;
      }
    });
    return true;
  }

  function addCarried(prompt, text) {
    const box = document.getElementById("carried-answers");
    const template = document.getElementById("carried-row");
    const total = document.getElementById("id_carried-TOTAL_FORMS");
    if (!box || !template || !total) return;
    const index = Number(total.value);
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const row = holder.firstElementChild;
    row.querySelector("input[name$='-prompt']").value = prompt;
    row.querySelector("textarea").value = text;
    row.querySelector("label[for$='-text']").textContent = prompt || gettext("An answer typed for the other guide");
    document.getElementById("carried-forms").append(row);
    total.value = index + 1;
    box.hidden = false;
  }

  function restore(draft) {
    const pairs = draft.fields;
    const count = (prefix) => Number((pairs.find(([n]) => n === prefix + "-TOTAL_FORMS") || [0, 0])[1]);
    ["new", "quote", "promise"].forEach((prefix) => {
      const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      while (total && Number(total.value) < count(prefix)) addRow(prefix, false);
    });
    form.querySelectorAll("input[type=checkbox]").forEach((box) => { box.checked = false; });
    const leftOver = [];
    const carriedRows = {};
    pairs.forEach(([name, value]) => {
      if (SKIP.has(name) || name.endsWith("-TOTAL_FORMS") || name === "people") return;
      const carried = name.match(/^carried-(\d+)-(prompt|text|DELETE)$/);
      if (carried) { (carriedRows[carried[1]] = carriedRows[carried[1]] || {})[carried[2]] = value; return; }
      if (name.startsWith("carried-")) return;
      if (!setValue(name, value) && name.startsWith("answer_") && value.trim()) {
        leftOver.push([draft.prompts[name] || "", value]);
      }
    });
    Object.values(carriedRows).forEach((row) => {
      if (!row.DELETE && (row.text || "").trim()) leftOver.push([row.prompt || "", row.text]);
    });
    pairs.filter(([name]) => name === "people")
      .forEach(([, id]) => choose({ id: id, name: draft.names[id] || id }, false));
    refreshSpeakers();
    // The speakers' choices exist now: their values again.
    pairs.filter(([name]) => /-speaker$|^signals_seen_in$/.test(name)).forEach(([name, value]) => setValue(name, value));
    // An answer typed for another guide: into the question with the same words, else above.
    const open = {};
    form.querySelectorAll("textarea[name^=answer_]").forEach((area) => {
      const prompt = fold(promptOf(area));
      if (prompt && !area.value.trim()) open[prompt] = open[prompt] || area;
    });
    let moved = 0;
    leftOver.forEach(([prompt, text]) => {
      const area = open[fold(prompt)];
      if (area) { area.value = text; delete open[fold(prompt)]; moved++; } else addCarried(prompt, text);
    });
    clientId.value = draft.id;
    // The guide in the conversation's language again (guide-language.js listens).
    const language = form.querySelector("select[data-guide-language]");
    if (language) language.dispatchEvent(new Event("change", { bubbles: true }));
    return moved;
  }

  function say(text, kind) {
    const note = document.createElement("p");
    note.className = "flash flash-" + (kind || "info");
    note.setAttribute("role", kind === "error" ? "alert" : "status");
    note.textContent = text;
    form.prepend(note);
    return note;
  }

  // What the server would refuse at once, said before the conversation waits on the phone.
  function obviousMistakes() {
    const mistakes = [];
    const someone = chosen.querySelector("input[name=people]") ||
      Array.from(form.querySelectorAll("input[name^='new-'][name$='-name']")).some((i) => i.value.trim());
    if (!someone) mistakes.push(gettext("Who did you talk with? Find or add a person."));
    const heard = Array.from(form.querySelectorAll("textarea[name^=answer_], textarea[name^='quote-'][name$='-text']"))
      .some((area) => area.value.trim());
    if (!heard) mistakes.push(gettext("The conversation is empty: write down at least one thing you heard."));
    if (!form.elements.namedItem("venue") || !form.elements.namedItem("venue").value) mistakes.push(gettext("Venue: choose where you talked."));
    const day = form.elements.namedItem("held_on");
    if (day && !day.value) mistakes.push(gettext("Date: give the day of the conversation."));
    return mistakes;
  }

  function summary() {
    const people = Object.values(names()).concat(
      Array.from(form.querySelectorAll("input[name^='new-'][name$='-name']")).map((i) => i.value.trim()).filter(Boolean));
    const firstWords = Array.from(form.querySelectorAll("textarea[name^=answer_], textarea[name^='quote-']"))
      .map((a) => a.value.trim()).find(Boolean) || "";
    return {
      people: people, campaign: campaign ? campaign.options[campaign.selectedIndex].text : "",
      heldOn: (form.elements.namedItem("held_on") || {}).value || "", firstWords: firstWords.slice(0, 80),
    };
  }

  // "Open to fix": the saved fields posted to the capture page as the form would post them,
  // with a fresh token; the page comes back with every mistake beside its field.
  async function openToFix(item) {
    item.state = "fixing";
    await Outbox.outbox.put(item);
    let token = "";
    try {
      const response = await fetch(document.body.dataset.sync, { credentials: "same-origin" });
      token = (await response.json()).csrf;
    } catch (error) { return false; }
    await Outbox.drafts.remove(draftKey);
    const post = document.createElement("form");
    post.method = "post"; post.action = form.getAttribute("action") || window.location.pathname;
    post.hidden = true;
    item.fields.concat([["csrfmiddlewaretoken", token]]).forEach(([name, value]) => {
        const input = document.createElement("input");
        input.type = "hidden"; input.name = name; input.value = value;
        post.append(input);
      });
    document.body.append(post);
    post.submit();
    return true;
  }

  async function save(event) {
    event.preventDefault();
    form.querySelectorAll(".flash-error").forEach((n) => n.remove());
    const mistakes = obviousMistakes();
    if (mistakes.length) {
      say(mistakes.join(" "), "error").scrollIntoView({ block: "center" });
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = gettext("Saving…");
    const item = {
      id: clientId.value, member: Outbox.member, fields: fields(), summary: summary(),
      state: "waiting", reasons: [], savedAt: new Date().toISOString(),
    };
    await Outbox.outbox.put(item);
    clearTimeout(pending);
    await Outbox.drafts.remove(draftKey);
    const result = await Outbox.send(item, { flash: true, timeout: 10000 });
    if (result.status === "recorded") {
      window.location.assign(result.url);
    } else if ((result.status === "refused" || result.status === "ask") && await openToFix(item)) {
      // the page comes back with the mistakes beside their fields
    } else {
      // No signal (or signed out): it waits on the phone, and a blank form is ready for the next door.
      sessionStorage.setItem("heard:saved", result.status === "signed_out" ? "signed_out" : "waiting");
      window.location.replace(window.location.pathname + window.location.search);
    }
  }

  // ---- the outbox on this page -----------------------------------------------------------
  const panel = document.getElementById("outbox");
  async function showOutbox() {
    if (!panel) return;
    const all = await Outbox.outbox.all().catch(() => []);
    const items = all.filter((i) => String(i.member) === String(Outbox.member))
      .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    const others = all.length - items.length;
    panel.hidden = !items.length && !others;
    const list = panel.querySelector("ul");
    list.replaceChildren(...items.map(describe));
    const waiting = items.filter((i) => i.state === "waiting" || i.state === "fixing").length;
    const status = panel.querySelector("[data-outbox-status]");
    const parts = [];
    if (waiting) {
      parts.push(interpolate(navigator.onLine
        ? ngettext("%(count)s conversation is waiting to send.", "%(count)s conversations are waiting to send.", waiting)
        : ngettext("%(count)s conversation is waiting to send: no signal. It goes by itself when it comes back.",
          "%(count)s conversations are waiting to send: no signal. They go by themselves when it comes back.", waiting),
      { count: waiting }));
    }
    const stuck = items.length - waiting;
    if (stuck) {
      parts.push(interpolate(ngettext("%(count)s could not be stored: open it to fix it.",
        "%(count)s could not be stored: open each to fix it.", stuck), { count: stuck }));
    }
    if (others) {
      parts.push(interpolate(ngettext(
        "%(count)s saved by someone else on this phone: it is sent when that person signs in.",
        "%(count)s saved by someone else on this phone: they are sent when that person signs in.", others),
      { count: others }));
    }
    status.textContent = parts.join(" ");
    panel.querySelector("[data-send-now]").hidden = !waiting;
  }

  function day(iso) {
    if (!iso) return "";
    const date = new Date(iso + "T12:00:00");
    return isNaN(date) ? iso : date.toLocaleDateString(document.documentElement.lang || undefined, { day: "numeric", month: "short" });
  }

  function describe(item) {
    const li = document.createElement("li");
    li.className = "outbox-item outbox-" + item.state;
    const who = document.createElement("strong");
    who.textContent = (item.summary.people || []).join(", ") || gettext("Someone");
    const what = document.createElement("span");
    what.className = "muted";
    what.textContent = " · " + [item.summary.campaign, day(item.summary.heldOn)].filter(Boolean).join(" · ") +
      (item.summary.firstWords ? " · “" + item.summary.firstWords + "”" : "");
    const state = document.createElement("p");
    state.className = "small";
    state.textContent = {
      waiting: gettext("Waiting to send.") + (item.problem ? " " + item.problem : ""),
      fixing: gettext("Opened to fix: save it again to send it."),
      refused: gettext("Not stored:"),
      ask: gettext("Waiting for you:"),
    }[item.state] || "";
    li.append(who, what, state);
    if (item.reasons && item.reasons.length && (item.state === "refused" || item.state === "ask")) {
      const reasons = document.createElement("ul");
      reasons.className = "reasons";
      reasons.replaceChildren(...item.reasons.map((r) => { const x = document.createElement("li"); x.textContent = r; return x; }));
      li.append(reasons);
    }
    if (item.state !== "waiting") {
      const fix = document.createElement("button");
      fix.type = "button"; fix.className = "link"; fix.textContent = gettext("Open to fix");
      fix.addEventListener("click", () => openToFix(item));
      const drop = document.createElement("button");
      drop.type = "button"; drop.className = "link danger"; drop.textContent = gettext("Delete");
      drop.addEventListener("click", async () => {
        if (window.confirm(gettext("Delete this conversation from the phone? It has not been stored in Heard."))) {
          await Outbox.outbox.remove(item.id);
        }
      });
      li.append(fix, " ", drop);
    }
    return li;
  }

  async function start() {
    form.setAttribute("autocomplete", "off");
    form.addEventListener("input", keepSoon);
    form.addEventListener("change", keepSoon);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") keepDraft(); });
    window.addEventListener("pagehide", keepDraft);
    form.addEventListener("submit", save);
    Outbox.onChange(showOutbox);
    if (panel) panel.querySelector("[data-send-now]").addEventListener("click", () => Outbox.sendAll());
    // Back after a save: the browser may show the saved form again; a fresh one is wanted.
    window.addEventListener("pageshow", async (event) => {
      if (!event.persisted) return;
      const draft = await Outbox.drafts.get(draftKey);
      if (!draft || draft.id !== clientId.value) window.location.reload();
    });
    const saved = sessionStorage.getItem("heard:saved");
    sessionStorage.removeItem("heard:saved");
    if (saved === "waiting") say(gettext("Saved on this phone. It will be sent when there is signal. Ready for the next conversation."), "success");
    if (saved === "signed_out") say(gettext("Saved on this phone. Sign in again to send it."), "info");
    // A page the server sent back with mistakes shows what was posted: that is the draft now.
    const draft = form.dataset.posted ? null : await Outbox.drafts.get(draftKey).catch(() => null);
    const asked = new URL(window.location.href).searchParams.has("campaign");
    if (draft && draft.campaign && campaign && draft.campaign !== campaign.value && !asked) {
      // The draft was typed on another campaign's guide: open that one.
      const url = new URL(window.location.href);
      url.searchParams.set("campaign", draft.campaign);
      window.location.replace(url.href);
      return;
    }
    if (draft) {
      const moved = restore(draft);
      const note = say((moved
        ? interpolate(ngettext(
          "Your unsaved conversation is back, as you left it (%(count)s answer moved to this guide).",
          "Your unsaved conversation is back, as you left it (%(count)s answers moved to this guide).",
          moved), { count: moved })
        : gettext("Your unsaved conversation is back, as you left it.")) + " ", "info");
      const discard = document.createElement("button");
      discard.type = "button"; discard.className = "link"; discard.textContent = gettext("Start a new one instead");
      discard.addEventListener("click", async () => {
        if (!window.confirm(gettext("Throw away what you typed?"))) return;
        await Outbox.drafts.remove(draftKey);
        window.location.replace(window.location.pathname + window.location.search);
      });
      note.append(discard);
    } else if (!form.dataset.posted) {
      clientId.value = newId(); // the phone's copy of the page is opened many times: each its own id
    }
    if (form.dataset.posted) keepDraft();
    showOutbox();
    // With signal, the phone's copy of this member's pages and people is brought up to date.
    if (navigator.onLine && navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "refresh-kit" });
    }
    form.dataset.ready = "1"; // the draft is back and Save goes to the outbox
  }

  if (drafting) start();
})();
