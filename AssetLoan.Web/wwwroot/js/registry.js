// Asset form enhancement: when the item or the acquisition date changes, fetch the next number the template
// proposes and fill it in, unless the officer has typed a number of their own. Without JavaScript the
// "propose the next number" button does the same with a normal form post.
(() => {
    const form = document.querySelector('form[data-proposal-url]');
    if (!form) { return; }
    const item = form.querySelector('[data-registry-item]');
    const date = form.querySelector('[data-registry-date]');
    const number = form.querySelector('[data-registry-number]');
    const shown = form.querySelector('[data-registry-proposal]');
    const wrap = form.querySelector('[data-registry-proposal-wrap]');
    const hint = form.querySelector('[data-registry-proposal-hint]');
    if (!item || !number) { return; }
    let lastProposal = number.dataset.proposed || '';

    async function propose() {
        if (!item.value) { return; }
        const url = new URL(form.dataset.proposalUrl, window.location.origin);
        url.searchParams.set('item', item.value);
        if (date && date.value) { url.searchParams.set('acquired', date.value); }
        try {
            const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (!response.ok) { return; }
            const data = await response.json();
            if (!data.number) { return; }
            if (number.value.trim() === '' || number.value === lastProposal) { number.value = data.number; }
            lastProposal = data.number;
            if (shown) { shown.textContent = data.number; }
            if (wrap) { wrap.hidden = false; }
            if (hint) { hint.hidden = true; }
        } catch {
            // The button still works; nothing to do.
        }
    }

    item.addEventListener('change', propose);
    if (date) { date.addEventListener('change', propose); }
})();

// Catalogue form: the pool fields matter only for a pooled item; hide them while "numbered" is chosen.
(() => {
    const radios = document.querySelectorAll('input[data-tracking-mode]');
    const pool = document.querySelector('[data-pool-fields]');
    if (radios.length === 0 || !pool) { return; }
    const sync = () => {
        const chosen = Array.from(radios).find(r => r.checked);
        pool.hidden = !chosen || chosen.value !== 'Pooled';
    };
    radios.forEach(r => r.addEventListener('change', sync));
    sync();
})();
