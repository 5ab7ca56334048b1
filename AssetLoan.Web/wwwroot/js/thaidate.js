// The date field's small calendar: พ.ศ. years and Thai month names. The field stays a text input that takes
// "25/12/2569" typed by hand; this only adds a button that opens a month grid and writes the chosen day back.
(() => {
    const script = document.currentScript;
    const months = (script?.dataset.months || '').split('|');
    const days = (script?.dataset.days || '').split('|');
    const pad = n => String(n).padStart(2, '0');
    const parse = text => {
        const m = /^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$/.exec(text || '');
        if (!m) { return null; }
        const d = new Date(Number(m[3]) - 543, Number(m[2]) - 1, Number(m[1]));
        return d.getDate() === Number(m[1]) ? d : null;
    };
    const format = d => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear() + 543}`;
    let open = null;

    const close = () => { if (open) { open.panel.remove(); open.button.setAttribute('aria-expanded', 'false'); open = null; } };

    const show = (input, button) => {
        close();
        const chosen = parse(input.value);
        const today = new Date();
        let view = new Date((chosen || today).getFullYear(), (chosen || today).getMonth(), 1);
        const panel = document.createElement('div');
        panel.className = 'thai-date-panel';
        panel.setAttribute('role', 'dialog');
        panel.setAttribute('aria-label', button.getAttribute('aria-label'));
        const render = () => {
            panel.replaceChildren();
            const head = document.createElement('div');
            head.className = 'thai-date-head';
            const nav = (label, text, delta) => {
                const b = document.createElement('button');
                b.type = 'button';
                b.className = 'btn btn-sm btn-outline-secondary';
                b.textContent = text;
                b.setAttribute('aria-label', label);
                b.addEventListener('click', () => { view = new Date(view.getFullYear(), view.getMonth() + delta, 1); render(); });
                return b;
            };
            const title = document.createElement('strong');
            title.setAttribute('aria-live', 'polite');
            title.textContent = `${months[view.getMonth()]} ${view.getFullYear() + 543}`;
            head.append(nav(script.dataset.prev, '‹', -1), title, nav(script.dataset.next, '›', 1));
            const grid = document.createElement('div');
            grid.className = 'thai-date-grid';
            days.forEach(d => { const h = document.createElement('span'); h.className = 'thai-date-dow'; h.textContent = d; grid.append(h); });
            for (let i = 0; i < view.getDay(); i++) { grid.append(document.createElement('span')); }
            const last = new Date(view.getFullYear(), view.getMonth() + 1, 0).getDate();
            for (let day = 1; day <= last; day++) {
                const date = new Date(view.getFullYear(), view.getMonth(), day);
                const b = document.createElement('button');
                b.type = 'button';
                b.textContent = day;
                b.setAttribute('aria-label', `${day} ${months[view.getMonth()]} ${view.getFullYear() + 543}`);
                if (chosen && date.getTime() === chosen.getTime()) { b.setAttribute('aria-pressed', 'true'); }
                if (date.toDateString() === today.toDateString()) { b.classList.add('today'); }
                b.addEventListener('click', () => {
                    input.value = format(date);
                    input.dispatchEvent(new Event('input', { bubbles: true }));
                    input.dispatchEvent(new Event('change', { bubbles: true }));
                    close();
                    input.focus();
                });
                grid.append(b);
            }
            const done = document.createElement('button');
            done.type = 'button';
            done.className = 'btn btn-sm btn-link thai-date-close';
            done.textContent = script.dataset.close;
            done.addEventListener('click', () => { close(); button.focus(); });
            panel.append(head, grid, done);
        };
        render();
        button.closest('.thai-date').append(panel);
        button.setAttribute('aria-expanded', 'true');
        open = { panel, button };
        (panel.querySelector('[aria-pressed="true"]') || panel.querySelector('.today') || panel.querySelector('.thai-date-grid button'))?.focus();
    };

    const enhance = input => {
        const wrap = document.createElement('div');
        wrap.className = 'thai-date input-group';
        input.parentNode.insertBefore(wrap, input);
        wrap.append(input);
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'btn btn-outline-secondary thai-date-button';
        button.setAttribute('aria-label', input.dataset.pickLabel);
        button.setAttribute('aria-haspopup', 'dialog');
        button.setAttribute('aria-expanded', 'false');
        button.innerHTML = '<svg width="18" height="18" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 0v1H2a1 1 0 0 0-1 1v12a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V2a1 1 0 0 0-1-1h-2V0h-1v1H5V0zM2 5h12v9H2zm2 2v2h2V7zm3 0v2h2V7zm3 0v2h2V7zm-6 3v2h2v-2zm3 0v2h2v-2z"/></svg>';
        button.addEventListener('click', () => (open && open.button === button ? close() : show(input, button)));
        wrap.append(button);
    };

    document.querySelectorAll('input[data-thai-date]').forEach(enhance);
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && open) { const b = open.button; close(); b.focus(); } });
    document.addEventListener('click', e => { if (open && !open.panel.contains(e.target) && e.target !== open.button && !open.button.contains(e.target)) { close(); } });
})();
