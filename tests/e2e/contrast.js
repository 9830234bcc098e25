// Non-text contrast (WCAG 2.1, SC 1.4.11) from computed styles, for tests/e2e/test_accessibility.py.
// Called with "page": the border of every shown input, select and textarea, and the focus
// indicator (outline, else box-shadow) of every shown control, each focused in turn by script
// after a Tab key press so that it shows keyboard focus (:focus-visible). Called with "editor":
// the border and focus ring of the code editor (in its shadow root), focused beforehand by the
// keyboard. The background behind an element is the background colours of its ancestors
// (crossing shadow roots) composited over white. Returns {problems, borders, rings}: what fell
// short of 3:1, and how many borders and focus indicators were measured.
(what) => {
  const channels = (text) => {
    const found = (text || "").match(/rgba?\(([^)]+)\)/);
    if (!found) return null;
    const [r, g, b, a] = found[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return [r, g, b, a === undefined ? 1 : a];
  };
  const up = (node) => node.parentElement || (node.parentNode && node.parentNode.host) || null;
  const behind = (element) => {
    const layers = [];
    for (let node = up(element); node; node = up(node)) {
      const c = channels(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let rgb = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) {
      rgb = [r * a + rgb[0] * (1 - a), g * a + rgb[1] * (1 - a), b * a + rgb[2] * (1 - a)];
    }
    return rgb;
  };
  const luminance = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (c, bg) => {
    const [hi, lo] = [luminance(c), luminance(bg)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const over = (c, bg) => [0, 1, 2].map(i => c[i] * c[3] + bg[i] * (1 - c[3]));
  const label = (el) => {
    const host = el.getRootNode().host;
    const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/) : [];
    const own = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + classes.map(c => c && "." + c).join("");
    return (host ? label(host) + " >>> " : "") + own;
  };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const problems = [];
  let borders = 0, rings = 0;

  const checkBorder = (el) => {
    const style = getComputedStyle(el);
    if (parseFloat(style.borderTopWidth) < 1 || style.borderTopStyle === "none") {
      problems.push(`${label(el)}: no border`); return;
    }
    const bg = behind(el), c = channels(style.borderTopColor);
    const r = ratio(over(c, bg), bg);
    borders += 1;
    if (r < 3) problems.push(`${label(el)}: border ${style.borderTopColor} is ${r.toFixed(2)}:1 against its background`);
  };
  const checkRing = (el, ring) => {
    const style = getComputedStyle(ring);
    let colour = null;
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) colour = style.outlineColor;
    else if (style.boxShadow && style.boxShadow !== "none") colour = style.boxShadow;
    if (!colour) { problems.push(`${label(el)}: no focus indicator`); return; }
    const bg = behind(ring), c = channels(colour);
    const r = ratio(over(c, bg), bg);
    rings += 1;
    if (r < 3) problems.push(`${label(el)}: focus indicator ${colour} is ${r.toFixed(2)}:1 against its background`);
  };

  if (what === "editor") {  // the code editor, focused from the keyboard beforehand
    const host = document.querySelector(".code-editor");
    const editor = host.shadowRoot.querySelector(".cm-editor");
    if (!editor.classList.contains("cm-focused")) problems.push("the code editor is not focused");
    checkBorder(editor);
    checkRing(editor.querySelector(".cm-content"), editor);
    return {problems, borders, rings};
  }
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (!shown(el) || ["hidden", "checkbox", "radio", "submit", "button", "reset", "image", "range",
                       "color", "file"].includes(el.type)) continue;
    checkBorder(el);
  }
  // Focus moved by script after a Tab key press is shown as keyboard focus (:focus-visible).
  const controls = document.querySelectorAll(
    "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])");
  for (const el of controls) {
    if (!shown(el) || el.disabled || el.type === "hidden") continue;
    el.focus({preventScroll: true, focusVisible: true});
    if (document.activeElement !== el) continue;
    if (!el.matches(":focus-visible")) { problems.push(`${label(el)}: focus is not shown as keyboard focus`); continue; }
    checkRing(el, el);
  }
  return {problems, borders, rings};
}
