// Code editor for Python answers: CodeMirror 6 laid over a plain <textarea data-code-editor>.
//
// The textarea stays in the form and stays the source of truth for the page: every change in
// the editor is written back to it and announced with an "input" event, so the page's own
// scripts (autosave, "Run") see exactly what they saw when the candidate typed in the textarea.
// Without JavaScript, or if this file fails to load, the textarea is used as it is.
//
// The editor lives in a shadow root of its own: there CodeMirror styles itself through a
// constructed stylesheet, which the site's Content-Security-Policy (style-src 'self', no inline
// <style> elements) allows. In the page itself it would need an inline <style> element.
//
// Keyboard: Tab and Shift-Tab indent and dedent. To leave the editor with the keyboard press
// Escape, then Tab (CodeMirror's tab focus mode for the next key press), so there is no trap.
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  indentUnit, indentOnInput, bracketMatching, syntaxHighlighting, defaultHighlightStyle,
} from "@codemirror/language";
import { python } from "@codemirror/lang-python";

const theme = EditorView.theme({
  "&": {
    backgroundColor: "#fff",
    border: "1px solid var(--input-border, #767676)",
    borderRadius: "6px",
    fontSize: ".9rem",
  },
  // The page's focus ring (site.css --focus-ring; custom properties reach into the shadow root):
  // 3:1 or more against the page, as WCAG 2.1 SC 1.4.11 asks.
  "&.cm-focused": { outline: "3px solid var(--focus-ring, #a35a00)", outlineOffset: "2px" },
  // Long lines scroll sideways instead of wrapping, so indentation stays unambiguous on phones.
  ".cm-scroller": {
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace',
    lineHeight: "1.5",
    minHeight: "var(--editor-min-height, 18rem)",
    maxHeight: "70vh",
    overflow: "auto",
  },
  ".cm-content": { padding: ".5rem 0" },
  ".cm-gutters": { backgroundColor: "#f3f5f8", color: "#4d5565", borderRight: "1px solid #c7ccd6" },
  ".cm-activeLine": { backgroundColor: "#f1f5fd" },
  ".cm-activeLineGutter": { backgroundColor: "#e3eaf7" },
});

function enhance(box) {
  if (box.dataset.codeEditorReady) return null;
  box.dataset.codeEditorReady = "1";
  const max = Number(box.getAttribute("maxlength")) || 0;
  const label = box.id ? document.querySelector('label[for="' + box.id + '"]') : null;

  const hint = document.createElement("p");
  hint.className = "meta editor-hint";
  hint.id = (box.id || "code") + "-editor-hint";
  hint.textContent = "Tab indents, Shift+Tab dedents. To leave the editor with the keyboard, press Esc and then Tab (within two seconds).";

  // ARIA id references do not cross into a shadow root: the accessible name is copied from the
  // label, and the keyboard hint is given as the description.
  // tabindex: the editable area is the scrolling region's keyboard access, stated for checkers
  // (axe's scrollable-region-focusable) that do not count contenteditable as focusable.
  const contentAttributes = { "aria-description": hint.textContent, tabindex: "0" };
  if (label) contentAttributes["aria-label"] = label.textContent.trim();

  const host = document.createElement("div");
  host.className = "code-editor";
  const root = host.attachShadow({ mode: "open" });

  const view = new EditorView({
    root: root,
    parent: root,
    state: EditorState.create({
      doc: box.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        python(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        // The textarea's maxlength holds in the editor too: a change that would pass it is refused.
        max ? EditorState.changeFilter.of((tr) => tr.newDoc.length <= max) : [],
        EditorView.contentAttributes.of(contentAttributes),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          box.value = update.state.doc.toString();
          box.dispatchEvent(new Event("input", { bubbles: true }));
        }),
        theme,
      ],
    }),
  });
  box.after(host, hint);
  box.hidden = true;
  if (label) label.addEventListener("click", () => view.focus());
  // A form reset puts the textarea back; the editor follows it.
  if (box.form) {
    box.form.addEventListener("reset", () => setTimeout(() => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: box.value } });
    }, 0));
  }
  return view;
}

function enhanceAll() {
  document.querySelectorAll("textarea[data-code-editor]").forEach(enhance);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhanceAll);
else enhanceAll();
