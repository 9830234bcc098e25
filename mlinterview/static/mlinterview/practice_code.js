// Coding practice page: the code is saved every few seconds while it changes, and the buttons
// queue a run on the public examples or a submission, then ask how it went until it is done.
// Without JavaScript the Save button still posts the code.
(function () {
  "use strict";
  const form = document.getElementById("code-form");
  const box = document.getElementById("content");
  const status = document.getElementById("save-status");
  const out = document.getElementById("run-output");
  if (!form || !box) return;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  let lastSaved = box.defaultValue;
  let notBefore = 0;
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
      credentials: "same-origin",
      keepalive: true,
    });
  }

  async function save() {
    const content = box.value;
    if (content === lastSaved || Date.now() < notBefore) return;
    try {
      const response = await post(form.action, { content: content });
      const data = await response.json().catch(() => ({}));
      if (response.ok) {
        lastSaved = content;
        status.textContent = "Saved at " + new Date().toLocaleTimeString() + ".";
      } else if (response.status === 429) {
        notBefore = Date.now() + (Number(response.headers.get("Retry-After")) || 5) * 1000;
      } else {
        status.textContent = data.error || "Not saved.";
      }
    } catch (e) {
      status.textContent = "Not saved: no connection. Keep typing, we will retry.";
    }
  }

  box.addEventListener("input", () => { status.textContent = "Unsaved changes…"; });
  setInterval(save, 3000);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save(); });
  window.addEventListener("pagehide", save);

  function show(data) {
    const lines = [data.summary || ""];
    for (const t of data.tests || []) lines.push((t.passed ? "PASS " : "FAIL ") + t.name + (t.message ? ": " + t.message : ""));
    if (data.problem) lines.push(data.problem);
    out.textContent = lines.join("\n");
  }

  const buttons = Array.from(document.querySelectorAll("button.run"));
  for (const button of buttons) {
    button.addEventListener("click", async () => {
      buttons.forEach((b) => { b.disabled = true; });
      let again = 0;
      out.hidden = false;
      out.textContent = "Saving and queueing your code…";
      try {
        const response = await post(form.dataset.runUrl, { content: box.value, kind: button.dataset.kind });
        let data = await response.json();
        if (!response.ok) {
          out.textContent = data.error || "Could not run the code.";
          again = data.retry_after || 0;
          return;
        }
        lastSaved = box.value;
        for (let wait = 300; data.status === "pending" || data.status === "running"; wait = Math.min(wait * 1.5, 2000)) {
          out.textContent = data.status === "pending" ? "Waiting for a free runner…" : "Running…";
          await pause(wait);
          const next = await fetch(data.poll, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
          const poll = data.poll;
          data = await next.json();
          data.poll = poll;
          if (!next.ok) break;
        }
        if (data.status === "done") show(data);
        else out.textContent = data.error || "Could not run the code.";
      } catch (e) {
        out.textContent = "Could not reach the server; your code is kept on this page.";
      } finally {
        setTimeout(() => { buttons.forEach((b) => { b.disabled = false; }); }, again * 1000);
      }
    });
  }
})();
