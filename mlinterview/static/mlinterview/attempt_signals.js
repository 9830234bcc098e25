// Candidate page: the attempt context the landing page tells the candidate about (issue 16,
// point 2). It reports, in small batches to the attempt's own activity endpoint:
// - pastes into the answer: the number of characters and when (never the pasted text; what lands
//   in the answer is saved by the autosave anyway);
// - leaving the page for another tab or window and coming back, with the time away;
// - a typing summary: input events, characters added a few at a time or in larger blocks, the
//   largest single insertion and the active typing time.
// The server clamps every number and shows them to reviewers as context only. Moving to another
// item, reloading or closing the page is not "leaving"; without JavaScript nothing is reported.
(function () {
  "use strict";
  const form = document.getElementById("answer-form");
  const box = document.getElementById("content");
  if (!form || !box || !form.dataset.activityUrl) return;
  const url = form.dataset.activityUrl;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const item = Number(form.dataset.item);
  const TYPED_MAX = 8; // an input event adding more characters than this is a block, not typing
  const ACTIVE_GAP_MS = 5000; // pauses longer than this are not active typing
  const MAX_PASTES = 50, MAX_AWAY = 40; // per report (the server refuses more)
  const REPORT_EVERY_MS = 5000;

  const freshTyping = () => ({ inputs: 0, typed: 0, inserted: 0, largest: 0, active_ms: 0 });
  let pastes = []; // {chars, at}
  let away = []; // {event: "left"} or {event: "back", ms}
  let typing = freshTyping();
  let notBefore = 0; // after a refusal for reporting too often (HTTP 429)
  let timer = null;

  const pending = () => pastes.length > 0 || away.length > 0 || typing.inputs > 0;
  function schedule(ms) {
    if (!timer) timer = setTimeout(() => { timer = null; report(); }, ms);
  }

  function putBack(batch) {
    pastes = batch.pastes.concat(pastes).slice(0, MAX_PASTES);
    away = batch.away.concat(away).slice(0, MAX_AWAY);
    const t = batch.typing;
    typing = {
      inputs: typing.inputs + t.inputs, typed: typing.typed + t.typed, inserted: typing.inserted + t.inserted,
      largest: Math.max(typing.largest, t.largest), active_ms: typing.active_ms + t.active_ms,
    };
  }

  function report() {
    if (!pending()) return;
    const wait = notBefore - Date.now();
    if (wait > 0) { schedule(wait); return; }
    const batch = { pastes: pastes, away: away, typing: typing };
    pastes = []; away = []; typing = freshTyping();
    const now = performance.now();
    const body = {
      item: item,
      pastes: batch.pastes.map((p) => ({ chars: p.chars, ms_ago: Math.max(0, Math.round(now - p.at)) })),
      away: batch.away,
      typing: Object.assign({}, batch.typing, { active_ms: Math.round(batch.typing.active_ms) }),
    };
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
      credentials: "same-origin",
      keepalive: true, // a report sent as the page goes away still arrives
    }).then((response) => {
      if (response.status === 429) {
        notBefore = Date.now() + (Number(response.headers.get("Retry-After")) || 5) * 1000;
        putBack(batch);
        schedule(notBefore - Date.now());
      } else if (response.status >= 500) {
        putBack(batch);
        schedule(REPORT_EVERY_MS);
      } // otherwise stored, or refused for good (the attempt is closed): nothing to send again
    }).catch(() => { putBack(batch); schedule(REPORT_EVERY_MS); });
  }

  // Pastes: the size of what the clipboard puts into the answer.
  let pasteUntil = 0; // the input event right after a paste is that paste's insertion
  document.addEventListener("paste", (event) => {
    if (!form.contains(event.target)) return;
    const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    const limit = Number(box.getAttribute("maxlength")) || text.length;
    if (pastes.length < MAX_PASTES) pastes.push({ chars: Math.min(text.length, limit), at: performance.now() });
    pasteUntil = performance.now() + 1000;
    schedule(REPORT_EVERY_MS);
  }, true);

  // Typing: the code editor keeps the textarea up to date and fires its input event, so one
  // listener sees both kinds of item.
  let length = box.value.length;
  let lastInput = 0;
  box.addEventListener("input", (event) => {
    const now = performance.now();
    const added = Math.max(0, box.value.length - length);
    length = box.value.length;
    const pasted = event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop" || now < pasteUntil;
    if (pasted && added > 0) pasteUntil = 0;
    typing.inputs += 1;
    if (pasted || added > TYPED_MAX) typing.inserted += added;
    else typing.typed += added;
    typing.largest = Math.max(typing.largest, added);
    if (lastInput && now - lastInput < ACTIVE_GAP_MS) typing.active_ms += now - lastInput;
    lastInput = now;
    schedule(REPORT_EVERY_MS);
  });

  // Leaving and coming back: the page hidden (another tab) or the window without focus.
  let awayAt = null;
  let leftTimer = null;
  let navigating = false; // the candidate moves to another item or submits: not a leave
  const isAway = () => document.visibilityState === "hidden" || !document.hasFocus();
  function noteAway() {
    if (navigating) return;
    if (isAway() && awayAt === null) {
      awayAt = performance.now();
      // Going to another page also hides this one, followed at once by pagehide: a leave is
      // only reported when the page is still there a moment later.
      leftTimer = setTimeout(() => {
        leftTimer = null;
        if (away.length < MAX_AWAY) away.push({ event: "left" });
        report();
      }, 500);
    } else if (!isAway() && awayAt !== null) {
      const ms = Math.round(performance.now() - awayAt);
      awayAt = null;
      if (leftTimer) { clearTimeout(leftTimer); leftTimer = null; away.push({ event: "left" }); }
      if (away.length < MAX_AWAY) away.push({ event: "back", ms: ms });
      report();
    }
  }
  document.addEventListener("visibilitychange", noteAway);
  window.addEventListener("blur", noteAway);
  window.addEventListener("focus", noteAway);
  form.addEventListener("submit", () => { navigating = true; report(); });
  window.addEventListener("pagehide", () => {
    if (leftTimer) { clearTimeout(leftTimer); leftTimer = null; }
    report();
  });
})();
