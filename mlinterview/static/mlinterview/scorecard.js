// The scorecard's "Get advisory score" buttons: fetch the advice without reloading the page, so
// nothing typed is lost and the interviewer can keep rating while the scorer works (its first
// score after a restart loads the model and can take a while). Without JavaScript the buttons post
// the whole form, which saves the draft before scoring.
"use strict";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-advisory]");
  if (!button) return;
  event.preventDefault();
  const id = button.dataset.advisory;
  const status = document.getElementById(`adv-status-${id}`);
  const target = document.getElementById(`advisory-${id}`);
  const started = Date.now();
  const label = button.textContent;
  const say = () => {
    button.textContent = `Scoring… ${Math.round((Date.now() - started) / 1000)} s`;
  };
  status.textContent =
    "Scoring the answer. The first score after a restart loads the scoring model (up to about " +
    "20 s); you can keep rating meanwhile.";
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  say();
  const ticker = setInterval(say, 1000);
  try {
    const response = await fetch(button.formAction, {
      method: "POST",
      body: new FormData(button.form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    });
    const body = await response.text();
    if (response.ok) {
      target.innerHTML = body; // rendered and escaped by the server's template
      status.textContent = "Advisory score ready below; your draft was saved too.";
    } else {
      status.textContent = response.status === 400 ? body : `The advisory score failed (${response.status}); nothing you typed was lost.`;
    }
  } catch (error) {
    status.textContent = "Could not reach the server; nothing you typed was lost. Try again.";
  } finally {
    clearInterval(ticker);
    button.textContent = label;
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
});
