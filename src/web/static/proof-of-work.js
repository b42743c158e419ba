/**
 * Proof-of-work island for forms marked `data-module="proof-of-work"`. Finds a nonce such that
 * SHA-256(challenge + ':' + nonce) starts with `data-difficulty` zero bits — the same rule as
 * src/participation/intake/proof-of-work.ts. Without WebCrypto it does nothing: the server then
 * applies its waiting-time rule, so the form still works without this script.
 */
(() => {
  'use strict';

  /** Attempts between yields to the event loop, so typing and scrolling stay responsive. */
  const BATCH = 2000;
  const encoder = new TextEncoder();

  const leadingZeroBits = (bytes) => {
    let bits = 0;
    for (const byte of bytes) {
      if (byte !== 0) return bits + Math.clz32(byte) - 24;
      bits += 8;
    }
    return bits;
  };

  const nextTask = () => new Promise((resolve) => window.setTimeout(resolve, 0));

  const solve = async (token, difficulty, onProgress) => {
    for (let nonce = 0; ; nonce++) {
      const data = encoder.encode(`${token}:${nonce}`);
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
      if (leadingZeroBits(hash) >= difficulty) return String(nonce);
      if (nonce % BATCH === BATCH - 1) {
        onProgress(nonce + 1);
        await nextTask();
      }
    }
  };

  const enhance = (form) => {
    const challenge = form.querySelector('input[name="challenge"]');
    const nonceInput = form.querySelector('input[name="nonce"]');
    const status = form.querySelector('[data-pow-status]');
    const difficulty = Number.parseInt(form.dataset.difficulty ?? '', 10);
    if (!(challenge instanceof HTMLInputElement) || !(nonceInput instanceof HTMLInputElement))
      return;
    if (!Number.isInteger(difficulty) || difficulty < 0) return;

    let done = false;
    let submitWhenDone = false;
    let submitter = null;
    let lastProgressAt = 0;
    const show = (text) => {
      if (status) status.textContent = text;
    };
    const finish = () => {
      done = true;
      if (!submitWhenDone) return;
      // requestSubmit runs validation and submit handlers and keeps the clicked button's value;
      // submit() is the fallback for browsers before 2022.
      if (typeof form.requestSubmit !== 'function') form.submit();
      else form.requestSubmit(submitter?.form === form ? submitter : undefined);
    };

    form.addEventListener('submit', (event) => {
      if (done) return;
      // Keep the user's click: submit on their behalf as soon as the work is finished.
      event.preventDefault();
      submitWhenDone = true;
      submitter = event.submitter;
      show('Sicherheitsprüfung läuft … Das Formular wird danach automatisch abgeschickt.');
    });

    show('Sicherheitsprüfung läuft …');
    const expected = 2 ** difficulty;
    const onProgress = (attempts) => {
      // The live region is announced by screen readers: update rarely, and only while the user
      // waits. The figure is an estimate (the work is random), hence capped below 100 %.
      if (!submitWhenDone || Date.now() - lastProgressAt < 2000) return;
      lastProgressAt = Date.now();
      const percent = Math.min(99, Math.round((attempts / expected) * 100));
      show(`Sicherheitsprüfung läuft … (etwa ${percent} %)`);
    };
    solve(challenge.value, difficulty, onProgress)
      .then((nonce) => {
        nonceInput.value = nonce;
        show('Sicherheitsprüfung abgeschlossen.');
        finish();
      })
      .catch(() => {
        // Never block the form: without a nonce the server answers with a German explanation.
        show('Die Sicherheitsprüfung konnte nicht ausgeführt werden.');
        finish();
      });
  };

  const start = () => {
    if (!window.crypto || !window.crypto.subtle) return;
    for (const form of document.querySelectorAll('form[data-module="proof-of-work"]')) {
      if (form instanceof HTMLFormElement) enhance(form);
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
