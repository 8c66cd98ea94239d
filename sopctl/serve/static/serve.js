// sopctl serve: filters that apply at once, and the editor's rows and live preview.
// No framework and nothing loaded from elsewhere; every page also works as a plain form.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("[data-autosubmit]")) {
    input.addEventListener("change", () => input.form.submit());
  }
  const editor = document.getElementById("editor");
  if (editor) startEditor(editor);
});

function startEditor(form) {
  const steps = document.getElementById("steps");
  const actors = document.querySelector("#actors tbody");
  let counter = 0;
  const newKey = () => `n${Date.now().toString(36)}${(counter++).toString(36)}`;

  function fromTemplate(id) {
    const node = document.getElementById(id).content.firstElementChild.cloneNode(true);
    const key = newKey();
    node.dataset.key = key;
    for (const hidden of node.querySelectorAll('input[name$=".key"]')) hidden.value = key;
    return node;
  }

  function actorChoices() {
    return [...actors.querySelectorAll("tr.actor")].map((row) => ({
      id: row.querySelector(".actor-id").value.trim(),
      nama: row.querySelector(".actor-nama").value.trim(),
    })).filter((actor) => actor.id);
  }

  function refill(select, options, keepMissing) {
    const current = select.value;
    const first = select.options[0] ? select.options[0].cloneNode(true) : null;
    select.replaceChildren(...(first ? [first] : []));
    for (const [value, label] of options) select.add(new Option(label, value));
    if (current && !options.some(([value]) => value === current) && keepMissing) {
      select.add(new Option(keepMissing(current), current));
    }
    select.value = current;
  }

  function renumber() {
    const rows = [...steps.querySelectorAll("fieldset.step")];
    const choices = rows.map((row, index) => {
      const text = row.querySelector(".kegiatan").value.trim();
      return [row.dataset.key, `${index + 1}. ${text.length > 40 ? text.slice(0, 39) + "…" : text}`];
    });
    const people = actorChoices().map((actor) => [actor.id, actor.nama || actor.id]);
    rows.forEach((row, index) => {
      row.querySelector("legend .no").textContent = String(index + 1);
      const targets = row.querySelectorAll(".target-select");
      const missing = (value) => (value.startsWith("=") ? value.slice(1) : steps.dataset.removed);
      for (const select of targets) refill(select, choices, missing);
      row.classList.toggle("decision", [...targets].slice(0, 2).some((s) => s.value));
      refill(row.querySelector(".actor-select"), people, (value) => value);
    });
  }

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-act]");
    if (!button) return;
    const row = button.closest("fieldset.step, tr.actor");
    const act = button.dataset.act;
    if (act === "up" && row.previousElementSibling) row.parentNode.insertBefore(row, row.previousElementSibling);
    if (act === "down" && row.nextElementSibling) row.parentNode.insertBefore(row.nextElementSibling, row);
    if (act === "remove" || act === "remove-actor") row.remove();
    renumber();
    schedulePreview();
  });

  function addStep(decision) {
    const row = fromTemplate("step-template");
    steps.appendChild(row);
    renumber();
    if (decision) row.classList.add("decision");
    row.querySelector(".kegiatan").focus();
    return row;
  }
  document.getElementById("add-step").addEventListener("click", () => addStep(false));
  document.getElementById("add-decision").addEventListener("click", () => addStep(true));
  document.getElementById("add-actor").addEventListener("click", () => {
    const row = fromTemplate("actor-template");
    actors.appendChild(row);
    row.querySelector(".actor-id").focus();
  });

  // An actor's id renamed: the steps that named it follow.
  actors.addEventListener("focusin", (event) => {
    if (event.target.classList.contains("actor-id")) event.target.dataset.before = event.target.value.trim();
  });
  actors.addEventListener("change", (event) => {
    const input = event.target;
    if (input.classList.contains("actor-id")) {
      const before = input.dataset.before, after = input.value.trim();
      for (const select of steps.querySelectorAll(".actor-select")) {
        if (before && select.value === before) {
          select.add(new Option(after, after));
          select.value = after;
        }
      }
    }
    renumber();
  });
  steps.addEventListener("change", (event) => {
    if (event.target.classList.contains("kegiatan") || event.target.classList.contains("target-select")) renumber();
  });

  // Live preview: the server draws what the form would save, nothing is written.
  const frame = document.getElementById("preview");
  let timer = null, sent = 0;
  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(preview, 350);
  }
  async function preview() {
    const ticket = ++sent;
    try {
      const answer = await fetch(form.dataset.preview, { method: "POST", body: new FormData(form) });
      if (ticket === sent && answer.ok) {
        frame.srcdoc = await answer.text();
        frame.dataset.updated = String(ticket);
      }
    } catch (error) {
      // the server stopped: the form still holds the edits
    }
  }
  form.addEventListener("input", schedulePreview);
  form.addEventListener("change", schedulePreview);
  preview();

  // The file changed elsewhere (another editor, git): say so before a save is refused.
  const version = form.querySelector('input[name="version"]').value;
  const banner = document.getElementById("changed");
  setInterval(async () => {
    try {
      const answer = await fetch(form.dataset.versionUrl, { cache: "no-store" });
      if (answer.ok) banner.hidden = (await answer.text()) === version;
    } catch (error) {
      // offline: nothing to say
    }
  }, 3000);
}
