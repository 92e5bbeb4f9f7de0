// Capture form helpers: find people as you type, add formset rows, reload the guide when the
// campaign changes. The form still posts without JavaScript; this only saves typing.
(function () {
  "use strict";
  const search = document.getElementById("person-search");
  const results = document.getElementById("person-results");
  const chosen = document.getElementById("chosen-people");

  function chosenIds() {
    return Array.from(chosen ? chosen.querySelectorAll("input[name=people]") : []).map((i) => i.value);
  }

  function choose(person) {
    if (chosenIds().includes(String(person.id))) return;
    const chip = document.createElement("span");
    chip.className = "chip chosen";
    chip.textContent = person.name;
    const hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = "people"; hidden.value = person.id;
    hidden.dataset.name = person.name;
    const remove = document.createElement("button");
    remove.type = "button"; remove.className = "remove"; remove.textContent = "×";
    remove.setAttribute("aria-label", "Remove " + person.name);
    chip.append(hidden, remove);
    chosen.append(chip);
    results.replaceChildren();
    search.value = "";
    search.focus();
    refreshSpeakers();
  }

  if (chosen) {
    chosen.addEventListener("click", (e) => {
      if (e.target.classList.contains("remove")) {
        e.target.closest(".chip").remove();
        refreshSpeakers();
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
            li.textContent = "Nobody found: add them below as someone new.";
            results.replaceChildren(li);
          }
        } catch (err) { /* poor signal: the volunteer can still add the person as new */ }
      }, 150);
    });
  }

  // "+ another" buttons: copy the last row of a Django formset, renumbering its fields.
  document.querySelectorAll("[data-add-form]").forEach((button) => {
    button.addEventListener("click", () => {
      const prefix = button.dataset.addForm;
      const total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      const container = document.getElementById(prefix + "-forms");
      const last = container.lastElementChild;
      if (!total || !last) return;
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
      copy.querySelectorAll(".error").forEach((el) => el.remove());
      copy.querySelectorAll(".has-error").forEach((el) => el.classList.remove("has-error"));
      container.append(copy);
      total.value = index + 1;
      const first = copy.querySelector("textarea, input:not([type=hidden])");
      if (first) first.focus();
    });
  });

  // Changing the campaign shows its guide: the whole form is posted as "switch", and the page
  // comes back on the new guide with everything typed kept (answers to the same question move
  // across, the others wait above the guide). Nothing is saved by a switch.
  const campaign = document.getElementById("id_campaign");
  const form = document.getElementById("capture");
  if (campaign && form) {
    campaign.addEventListener("change", () => {
      const marker = document.createElement("input");
      marker.type = "hidden"; marker.name = "switch"; marker.value = "1";
      form.append(marker);
      form.submit();
    });
  }
})();
