// Progressive enhancement only: every page works without JavaScript.
document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', e => {
        if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
});
