// A read-only workspace shows no editing controls (issue 20: a viewer's window; also one held
// by another window). CSS hides what only adds or changes (folded edit and add panels, delete
// buttons, save buttons: css/app.css, `body[data-read-only]`); what also shows values (a form
// of settings, a result chosen in a table) stays, with its controls disabled here, as every
// screen draws them. The backend refuses every change anyway (`read_only`).

// Forms that read rather than change: exporting, a password for opening, backups and checks.
// A desk's own settings (the user's name as an owner) change no workspace.
const READING_FORMS = ['.export-form', '.password-prompt', '.backup-form', '#report-form', '.desk-form'];

// The screens' forms (class `form`); said this way, it is no message key.
const FORMS = 'form[class~="form"]';

// Controls outside forms that change what they show: results, assessments, justifications.
const EDITING_CONTROLS = ['select.assess-result', 'textarea', '.results-table-box select', '.results-table-box input'];

/** Whether `form` changes the workspace (and so is shown disabled in a read-only one). */
export function isEditingForm(form) {
  return form.matches(FORMS) && !READING_FORMS.some((css) => form.matches(css));
}

/** Disables every editing control under `root`; answers how many it disabled. */
export function disableEditing(root) {
  let disabled = 0;
  const controls = new Set();
  for (const form of root.querySelectorAll(FORMS)) {
    if (!isEditingForm(form)) continue;
    form.classList.add('read-only-form');
    for (const control of form.querySelectorAll('input, select, textarea, button')) controls.add(control);
  }
  for (const control of root.querySelectorAll(EDITING_CONTROLS.join(', '))) {
    if (!control.closest(READING_FORMS.join(', '))) controls.add(control);
  }
  for (const control of controls) {
    if (control.disabled) continue;
    control.disabled = true;
    disabled += 1;
  }
  return disabled;
}

/**
 * Keeps `main` free of editing controls while `readOnly()` says so: after every change of its
 * content (screens draw in steps, as their data arrives).
 */
export function guardReadOnly(main, readOnly) {
  let queued = false;
  const pass = () => {
    queued = false;
    if (readOnly()) disableEditing(main);
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(pass);
  }).observe(main, { childList: true, subtree: true });
}
