// msp-select review: move through the evidence, decide with a key, see the page beside it.
// Plain JavaScript, no build step. Vendor text is only ever set with textContent; the HTML
// fragments swapped in after an action come from the server's autoescaped templates.
"use strict";

(function () {
  const body = document.body;
  const token = document.querySelector('meta[name="review-token"]').content;
  const choices = JSON.parse(document.getElementById("choices").textContent);
  const pageBase = body.dataset.pageBase;
  const status = document.getElementById("status");
  const image = document.getElementById("page-image");
  const docSelect = document.getElementById("doc-select");
  const pageLabel = document.getElementById("page-label");
  const analyst = document.getElementById("analyst");
  let shown = { doc: 0, page: 1, bbox: "" };
  let current = null; // the focused .item

  analyst.value = localStorage.getItem("msp-review-analyst") || "";
  analyst.addEventListener("change", () =>
    localStorage.setItem("msp-review-analyst", analyst.value.trim())
  );

  function say(message, bad) {
    status.textContent = message;
    status.className = bad ? "bad" : "good";
  }

  // --- the page viewer -------------------------------------------------------------------

  function pages(doc) {
    const option = docSelect.querySelector(`option[value="${doc}"]`);
    return option ? Number(option.dataset.pages) : 1;
  }

  function showPage(doc, page, bbox) {
    if (doc === "" || doc === undefined || doc === null) return;
    doc = Number(doc);
    page = Math.min(Math.max(1, Number(page)), pages(doc));
    shown = { doc: doc, page: page, bbox: bbox || "" };
    const query = shown.bbox ? "?bbox=" + encodeURIComponent(shown.bbox) : "";
    image.src = `${pageBase}${doc}/${page}.png${query}`;
    docSelect.value = String(doc);
    pageLabel.textContent = `p. ${page} of ${pages(doc)}`;
  }

  docSelect.addEventListener("change", () => showPage(docSelect.value, 1, ""));
  document.getElementById("prev-page").addEventListener("click", () =>
    showPage(shown.doc, shown.page - 1, "")
  );
  document.getElementById("next-page").addEventListener("click", () =>
    showPage(shown.doc, shown.page + 1, "")
  );

  // --- moving between items --------------------------------------------------------------

  function items() {
    return Array.from(document.querySelectorAll("#evidence .item, #evidence .flag"));
  }

  function focusItem(el) {
    if (!el) return;
    document.querySelectorAll("#evidence .selected").forEach((x) => x.classList.remove("selected"));
    el.classList.add("selected");
    current = el;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
    showPage(el.dataset.doc, el.dataset.page, el.dataset.bbox);
  }

  function move(step) {
    const all = items();
    const at = all.indexOf(current);
    focusItem(all[Math.min(Math.max(0, at + step), all.length - 1)] || all[0]);
  }

  document.getElementById("evidence").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    const add = event.target.closest("button.add");
    const item = event.target.closest(".item, .flag");
    if (item && !event.target.closest("form")) focusItem(item);
    if (button) openForm(button.dataset.action, item);
    if (add) openAdd(add);
  });

  // --- the action form -------------------------------------------------------------------

  function field(label, name, value, options) {
    const wrap = document.createElement("label");
    wrap.append(label + " ");
    let input;
    if (options) {
      input = document.createElement("select");
      for (const choice of options) {
        const option = document.createElement("option");
        option.value = choice;
        option.textContent = choice;
        input.append(option);
      }
    } else {
      input = document.createElement("input");
      input.size = name === "quote" ? 50 : 10;
    }
    input.name = name;
    if (value !== undefined && value !== null) input.value = value;
    wrap.append(input);
    return wrap;
  }

  function closeForms() {
    document.querySelectorAll("#evidence form.action-form").forEach((f) => f.remove());
  }

  function makeForm(anchor, action, build, send) {
    closeForms();
    const form = document.getElementById("form-template").content.firstElementChild.cloneNode(true);
    form.dataset.action = action;
    const fields = form.querySelector(".fields");
    const legend = document.createElement("legend");
    legend.textContent = action;
    fields.append(legend);
    build(fields);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form).entries());
      send(form, Object.assign(data, { action: action, analyst: analyst.value.trim() }));
    });
    form.querySelector(".cancel").addEventListener("click", () => {
      form.remove();
      if (current) current.focus();
    });
    anchor.append(form);
    const first = form.querySelector(action === "accept" || action === "reject" ? "input[name=note]" : "input, select");
    first.focus();
    return form;
  }

  function openForm(action, item) {
    if (!item || !item.classList.contains("item")) return;
    const d = item.dataset;
    const form = makeForm(
      item,
      action,
      (fields) => {
        if (action === "accept") fields.hidden = true;
        if (action === "reject") fields.hidden = true;
        if (action !== "correct") return;
        if (d.kind === "evidence") {
          fields.append(field("criterion", "criterion", d.criterion, choices.criteria));
          fields.append(field("strength", "strength", d.strength, choices.strengths));
          return;
        }
        if (d.category !== "support_hours") fields.append(field("value", "value", d.value));
        fields.append(field("unit", "unit", d.unit));
        fields.append(field("scope", "scope", d.scope, choices.scopes[d.category]));
        fields.append(field("strength", "strength", d.strength, choices.strengths));
        fields.append(field("party", "party", d.party, choices.parties));
      },
      (form, data) => submit(form, Object.assign(data, { item: d.id }))
    );
    if (action === "accept") form.elements.note.value = `checked against ${d.file} p. ${d.page}`;
  }

  function openAdd(button) {
    const d = button.dataset;
    makeForm(
      button.parentElement,
      "add",
      (fields) => {
        if (d.criterion) {
          fields.append(field("criterion", "criterion", d.criterion, choices.criteria));
        } else {
          fields.append(field("category", "category", d.category, choices.categories));
          fields.append(field("scope", "scope", d.scope, choices.scopes[d.category]));
          fields.append(field("value", "value", ""));
          fields.append(field("unit", "unit", (choices.units[d.category] || [""])[0]));
          fields.append(field("party", "party", "provider", choices.parties));
        }
        fields.append(field("strength", "strength", "binding", choices.strengths));
        fields.append(field("quote", "quote", ""));
        fields.append(field("page", "page", shown.page));
        const doc = document.createElement("input");
        doc.type = "hidden";
        doc.name = "doc";
        doc.value = shown.doc;
        fields.append(doc);
      },
      submit
    );
  }

  async function submit(form, data) {
    const error = form.querySelector(".form-error");
    error.textContent = "";
    if (!data.analyst) {
      error.textContent = "Type your initials at the top first.";
      analyst.focus();
      return;
    }
    const keep = current ? items().indexOf(current) : 0;
    let reply;
    try {
      const response = await fetch(body.dataset.actionUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Review-Token": token },
        body: JSON.stringify(data),
        credentials: "same-origin",
      });
      reply = await response.json();
    } catch (err) {
      error.textContent = "The review server did not answer: " + err;
      return;
    }
    if (!reply.ok) {
      error.textContent = reply.message;
      say(reply.message, true);
      return;
    }
    document.getElementById("ranking").innerHTML = reply.ranking_html;
    document.getElementById("evidence").innerHTML = reply.evidence_html;
    say(reply.message, false);
    const all = items();
    focusItem(all[Math.min(keep, all.length - 1)]);
  }

  // --- search ----------------------------------------------------------------------------

  const searchBox = document.getElementById("search-box");
  const hits = document.getElementById("hits");
  document.getElementById("search").addEventListener("submit", async (event) => {
    event.preventDefault();
    const url = body.dataset.searchUrl + "?q=" + encodeURIComponent(searchBox.value);
    const reply = await (await fetch(url, { credentials: "same-origin" })).json();
    hits.replaceChildren();
    if (!reply.ok) return say(reply.message, true);
    if (!reply.hits.length) {
      const none = document.createElement("li");
      none.textContent = "not found";
      hits.append(none);
    }
    for (const hit of reply.hits) {
      const li = document.createElement("li");
      li.tabIndex = 0;
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = `${hit.file} p. ${hit.page}: `;
      const mark = document.createElement("mark");
      mark.textContent = hit.match;
      li.append(where, hit.before, mark, hit.after);
      const open = () => showPage(hit.doc, hit.page, hit.bbox);
      li.addEventListener("click", open);
      li.addEventListener("keydown", (e) => e.key === "Enter" && open());
      hits.append(li);
    }
    if (reply.hits.length) showPage(reply.hits[0].doc, reply.hits[0].page, reply.hits[0].bbox);
  });

  // --- keys ------------------------------------------------------------------------------

  function otherVendor(step) {
    const rows = Array.from(document.querySelectorAll("#ranking tr[data-vendor] a"));
    const at = rows.findIndex((a) => a.closest("tr").classList.contains("current"));
    const next = rows[(at + step + rows.length) % rows.length];
    if (next) window.location.href = next.href;
  }

  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, select, textarea");
    if (event.key === "Escape") {
      closeForms();
      if (current) current.focus();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const keys = {
      j: () => move(1),
      ArrowDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
      a: () => openForm("accept", current),
      r: () => openForm("reject", current),
      c: () => openForm("correct", current),
      n: () => {
        const group = current ? current.closest(".group") : document.querySelector("#evidence .group");
        const add = group && group.querySelector("button.add");
        if (add) openAdd(add);
      },
      "/": () => searchBox.focus(),
      "[": () => otherVendor(-1),
      "]": () => otherVendor(1),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  const first = items()[0];
  if (first) focusItem(first);
  else showPage(0, 1, "");
})();
