// Live availability on a loan request form (progressive enhancement: the "ตรวจสอบจำนวนว่าง" button does the same
// without JavaScript). When the dates change, ask the server how many of each item are free and mark shortages.
(() => {
    const form = document.querySelector('form[data-availability-url]');
    if (!form) { return; }
    const start = form.querySelector('[data-availability-start]');
    const due = form.querySelector('[data-availability-due]');
    const caption = form.querySelector('[data-free-caption]');
    const lang = document.documentElement.lang === 'th' ? 'th-TH' : 'en-GB';
    let timer = 0;
    let latest = 0;

    const markShortage = id => {
        const cell = form.querySelector(`[data-free-for="${id}"]`);
        const input = form.querySelector(`[data-quantity-for="${id}"]`);
        if (!cell || !input) { return; }
        const free = Number.parseInt(cell.dataset.free ?? cell.textContent.replace(/,/g, ''), 10);
        const wanted = Number.parseInt(input.value, 10);
        const short = Number.isFinite(free) && Number.isFinite(wanted) && wanted > free;
        cell.classList.toggle('text-danger', short);
        cell.classList.toggle('fw-semibold', short);
        input.setAttribute('aria-invalid', short ? 'true' : 'false');
    };

    const refresh = async () => {
        if (!start.value || !due.value) { return; }
        const ticket = ++latest;
        const url = new URL(form.dataset.availabilityUrl, window.location.origin);
        url.searchParams.set('from', start.value);
        url.searchParams.set('to', due.value);
        try {
            const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (!response.ok || ticket !== latest) { return; }
            const data = await response.json();
            form.querySelectorAll('[data-free-for]').forEach(cell => {
                const free = data.free[cell.dataset.freeFor];
                cell.dataset.free = free ?? '';
                cell.textContent = free === undefined ? '–' : free.toLocaleString(lang);
                markShortage(cell.dataset.freeFor);
            });
            form.querySelectorAll('[data-short-for]').forEach(note => note.remove());
            if (caption) {
                const fmt = d => new Date(`${d}T00:00:00`).toLocaleDateString(lang, { day: 'numeric', month: 'short', year: 'numeric' });
                caption.textContent = `${caption.dataset.label ?? caption.textContent.split(':')[0]}: ${fmt(data.from)} – ${fmt(data.to)}`;
            }
        } catch {
            // Keep the numbers the server rendered; the check button still works.
        }
    };

    if (caption) { caption.dataset.label = caption.textContent; }
    [start, due].forEach(input => input?.addEventListener('change', () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 250);
    }));
    form.querySelectorAll('[data-quantity-for]').forEach(input =>
        input.addEventListener('input', () => markShortage(input.dataset.quantityFor)));
})();
