// Enhancements only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Copy a letter's text to the clipboard.
  document.querySelectorAll('button[data-copy]').forEach((button) => {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy).value;
      await navigator.clipboard.writeText(text);
      const label = button.textContent;
      button.textContent = button.dataset.copied;
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  });

  // Keep each mailto link in step with the letter as the supporter edits it.
  document.querySelectorAll('a[data-mail-body]').forEach((link) => {
    const textarea = document.getElementById(link.dataset.mailBody);
    textarea.addEventListener('input', () => {
      const body = textarea.value.replace(/\r?\n/g, '\r\n');
      link.href = link.href.split('&body=')[0] + '&body=' + encodeURIComponent(body);
    });
  });

  // Live preview of a letter template: the server renders it exactly as the composer will.
  document.querySelectorAll('form[data-live-preview]').forEach((form) => {
    let timer;
    form.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const data = new URLSearchParams(new FormData(form));
        data.set('action', 'preview');
        // form.action would be the buttons named "action"; the attribute is the URL.
        const response = await fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin' });
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        const fresh = page.getElementById(form.dataset.livePreview);
        const current = document.getElementById(form.dataset.livePreview);
        if (fresh && current) current.replaceWith(fresh);
      }, 500);
    });
  });

  // A print button on the print view.
  document.querySelectorAll('button.print').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });

  // Disable a submit button after the first click; the server counts a resubmission once anyway.
  document.querySelectorAll('button[data-once]').forEach((button) => {
    button.form.addEventListener('submit', () => {
      setTimeout(() => { button.disabled = true; }, 0);
    });
  });
});

// Coming back to a page from the back-forward cache must not leave its buttons disabled.
window.addEventListener('pageshow', () => {
  document.querySelectorAll('button[data-once]').forEach((button) => { button.disabled = false; });
});
