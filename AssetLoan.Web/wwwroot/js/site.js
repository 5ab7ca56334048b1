// Progressive enhancement only: every page works without JavaScript.
document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', e => {
        if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
});

// Filters folded away on a phone (<details data-open-wide>) are simply open on a wide screen.
if (window.matchMedia('(min-width: 768px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(d => { d.open = true; });
}
