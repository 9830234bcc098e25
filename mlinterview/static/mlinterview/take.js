// Candidate page: autosave every few seconds and before leaving, a countdown that submits at
// zero (with a warning at 5 minutes and at 1 minute), the item buttons' answered marks, and
// running code on the public examples. Without JavaScript the page still works: the navigation
// buttons post the answer.
(function () {
  "use strict";
  const form = document.getElementById("answer-form");
  const box = document.getElementById("content");
  const status = document.getElementById("save-status");
  const clock = document.getElementById("countdown");
  const warning = document.getElementById("time-warning");
  if (!form || !box) return;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const item = Number(form.dataset.item);
  // Compare with what the server rendered, not with the box's value when this script runs:
  // someone who types before the script has loaded must still be autosaved.
  let lastSaved = box.defaultValue;
  let saving = null;
  // When the server refuses a save for coming too often (HTTP 429), it says how long to wait
  // (Retry-After): nothing is sent before then, and the newest text is sent again at that time.
  let notBefore = 0;
  let retryTimer = null;
  const THROTTLED = "throttled";
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // The current item's button says whether the item holds an answer, as the server judged it
  // when it saved the text (an exercise's untouched starter code is no answer).
  const pill = form.querySelector(".take-nav .pill[aria-current]");
  function markAnswered(answered) {
    if (!pill || typeof answered !== "boolean") return;
    pill.classList.toggle("answered", answered);
    pill.setAttribute("aria-label", "Item " + (Number(pill.dataset.position) + 1) + (answered ? ", answered" : ", not answered"));
    const mark = pill.querySelector(".pill-mark");
    if (mark) mark.textContent = answered ? " ✓" : "";
  }

  // After the server has stored ``content`` (an autosave, or a code run, which saves first).
  function savedNow(content, data) {
    lastSaved = content;
    status.classList.remove("error");
    status.textContent = box.value === content
      ? "Saved at " + new Date().toLocaleTimeString() + "."
      : "Unsaved changes…";
    markAnswered(data.answered);
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
      credentials: "same-origin",
      keepalive: true,
    });
  }

  function retryLater() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => { retryTimer = null; save(false); }, Math.max(0, notBefore - Date.now()));
  }

  async function saveOnce(force) {
    if (saving) await saving;
    const content = box.value;
    if (!force && content === lastSaved) return true;
    if (Date.now() < notBefore) { retryLater(); return THROTTLED; }
    saving = post(form.dataset.saveUrl, { item: item, content: content })
      .then(async (response) => {
        const data = await response.json().catch(() => ({}));
        if (response.ok) {
          savedNow(content, data);
          if (typeof data.seconds_left === "number") remaining = data.seconds_left;
          return true;
        }
        if (response.status === 429) {
          const seconds = Number(response.headers.get("Retry-After")) || 5;
          notBefore = Date.now() + seconds * 1000;
          status.textContent = "Saving paused for " + seconds + " s (too many saves); your text is kept here and saved then.";
          status.classList.remove("error");
          retryLater();
          return THROTTLED;
        }
        status.textContent = data.error || "Not saved: the server refused the answer.";
        status.classList.add("error");
        if (response.status === 403) window.location.reload();
        return false;
      })
      .catch(() => {
        status.textContent = "Not saved: no connection. Keep typing, we will retry.";
        status.classList.add("error");
        return false;
      })
      .finally(() => { saving = null; });
    return saving;
  }

  // A save the page waits for (time is up) waits out a refusal and sends the text again; the
  // autosave timer does not wait: the retry timer sends the newest text when allowed.
  async function save(force) {
    for (let tries = 0; ; tries++) {
      const result = await saveOnce(force);
      if (result !== THROTTLED) return result;
      if (!force || tries >= 3) return false;
      await pause(Math.max(0, notBefore - Date.now()));
    }
  }

  box.addEventListener("input", () => { status.textContent = "Unsaved changes…"; });
  if (box.value !== lastSaved) status.textContent = "Unsaved changes…";
  setInterval(() => save(false), 3000);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save(false); });
  window.addEventListener("pagehide", () => save(false));

  // Warnings at 5 minutes and at 1 minute left, each announced once per attempt (the live region
  // is used for nothing else; the clock itself is not announced). A page opened after a warning
  // was given shows it without announcing it again.
  const WARNINGS = [[60, "one"], [300, "five"]];
  const warnedKey = "mlinterview-time-warning:" + form.dataset.saveUrl;
  function warned() {
    try { return Number(sessionStorage.getItem(warnedKey)) || Infinity; } catch (e) { return Infinity; }
  }
  function warn() {
    if (!warning || remaining <= 0) return;
    const due = WARNINGS.find(([limit]) => remaining <= limit);
    if (!due || due[0] >= warned()) return;
    try { sessionStorage.setItem(warnedKey, String(due[0])); } catch (e) { /* announce anyway */ }
    // Empty first, then fill: a screen reader announces a change of the region's text, even when
    // the page came with the same words.
    warning.textContent = "";
    setTimeout(() => { warning.textContent = warning.dataset[due[1]]; }, 100);
  }

  let remaining = Number(clock.dataset.seconds);
  function tick() {
    remaining = Math.max(0, remaining - 1);
    const m = Math.floor(remaining / 60), s = remaining % 60;
    clock.textContent = m + ":" + String(s).padStart(2, "0");
    warn();
    if (remaining <= 0) {
      clearInterval(timer);
      status.textContent = "Time is up: saving and submitting your answers…";
      save(true).finally(() => {
        const submit = form.getAttribute("action").replace(/save\/$/, "submit/");
        // Wait a moment so the server's clock has also passed the deadline.
        setTimeout(() => {
          fetch(submit, { method: "POST", headers: { "X-CSRFToken": csrf }, credentials: "same-origin" })
            .finally(() => { window.location.href = clock.dataset.doneUrl; });
        }, 1500);
      });
    }
  }
  const timer = setInterval(tick, 1000);
  tick();

  const run = document.getElementById("run-code");
  if (run) {
    const out = document.getElementById("run-output");
    const show = (data) => {
      out.textContent = data.summary + "\n\n" + data.tests.map((t) =>
        (t.passed ? "PASS " : "FAIL ") + t.name + (t.message ? ": " + t.message : "")).join("\n");
    };
    run.addEventListener("click", async () => {
      run.disabled = true;
      // A refusal (HTTP 429) says when to try again (retry_after, in seconds), or that the runs of
      // this exercise are used up (retry_after null): the button stays off accordingly.
      let again = 0;
      let spent = false;
      out.hidden = false;
      out.textContent = "Saving and queueing your code…";
      try {
        const sent = box.value;
        const response = await post(form.dataset.runUrl, { item: item, content: sent });
        let data = await response.json();
        // The server saves the code before it queues (or refuses) the run.
        if (data.saved) savedNow(sent, data);
        if (!response.ok) {
          out.textContent = data.error || "Could not run the code.";
          if (response.status === 429) {
            again = data.retry_after || 0;
            spent = data.retry_after === null;
          }
          return;
        }
        // A worker runs the code in the sandbox; ask how it went until it is done (the server
        // gives up on a run that no worker picked up, so this loop ends).
        const poll = data.poll;
        for (let wait = 300; data.status === "pending" || data.status === "running"; wait = Math.min(wait * 1.5, 2000)) {
          out.textContent = data.status === "pending" ? "Waiting for a free runner…" : "Running…";
          await pause(wait);
          const next = await fetch(poll, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
          data = await next.json();
          if (!next.ok) break;
        }
        if (data.status === "done") show(data);
        else out.textContent = data.error || "Could not run the code.";
      } catch (e) {
        out.textContent = "Could not reach the server. Your code is saved when the connection is back.";
      } finally {
        if (again > 0) setTimeout(() => { run.disabled = false; }, again * 1000);
        else if (!spent) run.disabled = false;
      }
    });
  }
})();
