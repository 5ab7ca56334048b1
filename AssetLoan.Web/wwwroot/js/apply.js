// The public application form, enhanced: the fields that apply to the chosen borrower kind, the national-ID check as
// it is typed, and live availability for the chosen dates. Without JavaScript the form works the same on the server.
(() => {
    const form = document.getElementById('apply-form');
    if (!form) { return; }

    const kindInputs = form.querySelectorAll('input[name="Input.Kind"]');
    const chosenKind = () => (form.querySelector('input[name="Input.Kind"]:checked') || {}).value || 'Person';

    const showForKind = () => {
        const kind = chosenKind();
        form.querySelectorAll('[data-kinds]').forEach(el => {
            el.hidden = !el.dataset.kinds.split(' ').includes(kind);
        });
        const audience = kind === 'Agency' ? 'agencies' : 'public';
        form.querySelectorAll('li[data-audience]').forEach(li => {
            const qty = li.querySelector('input.qty');
            const allowed = li.dataset.audience.split(' ').includes(audience);
            // An item already given a quantity stays visible so the server's message has something to point at.
            li.hidden = !allowed && !(qty && Number(qty.value) > 0);
        });
    };
    kindInputs.forEach(i => i.addEventListener('change', showForKind));
    showForKind();

    // เลขประจำตัวประชาชน: 13 digits, first 1–8, check digit = (11 − Σ dᵢ·(13−i) mod 11) mod 10.
    const idInput = document.getElementById('Input_NationalId');
    const idMessage = document.getElementById('national-id-message');
    const idProblem = value => {
        const digits = value.replace(/[-\s]/g, '');
        if (digits.length === 0) { return 'missing'; }
        if (!/^\d{13}$/.test(digits)) { return 'length'; }
        if (digits[0] === '0' || digits[0] === '9') { return 'first'; }
        let sum = 0;
        for (let i = 0; i < 12; i++) { sum += Number(digits[i]) * (13 - i); }
        return (11 - (sum % 11)) % 10 === Number(digits[12]) ? null : 'check';
    };
    const checkId = showMissing => {
        if (!idInput || !idMessage) { return; }
        const problem = idProblem(idInput.value);
        const show = problem && (problem !== 'missing' || showMissing);
        idMessage.textContent = show ? idInput.dataset['msg' + problem[0].toUpperCase() + problem.slice(1)] : '';
        idInput.classList.toggle('is-invalid', Boolean(show));
        idInput.setAttribute('aria-invalid', show ? 'true' : 'false');
    };
    if (idInput) {
        idInput.setAttribute('aria-describedby', 'national-id-message');
        idInput.addEventListener('blur', () => checkId(false));
        idInput.addEventListener('input', () => { if (idInput.classList.contains('is-invalid')) { checkId(false); } });
    }

    // Live availability: the free column follows the dates without a round trip of the whole form.
    const period = document.getElementById('availability-period');
    const dates = form.querySelectorAll('[data-availability-date]');
    const refresh = async () => {
        const [start, due] = [dates[0].value, dates[1].value];
        if (!start || !due) { return; }
        try {
            // Only the items on this form are counted (a large catalogue shows a search's worth).
            const ids = Array.from(form.querySelectorAll('[data-item-id]'), li => li.dataset.itemId).join(',');
            const url = `${form.dataset.availabilityUrl}&start=${encodeURIComponent(start)}&due=${encodeURIComponent(due)}&ids=${ids}`;
            const response = await fetch(url, { headers: { Accept: 'application/json' } });
            const data = await response.json();
            if (!data.ok) { return; }
            data.items.forEach(item => {
                const cell = form.querySelector(`[data-free-for="${item.id}"]`);
                if (cell) { cell.textContent = item.free.toLocaleString('th-TH'); }
            });
            if (period) { period.textContent = `${period.dataset.label || ''} ${data.period}`.trim(); }
        } catch {
            // The "ตรวจสอบจำนวนว่าง" button still works.
        }
    };
    dates.forEach(d => d.addEventListener('change', refresh));

    form.addEventListener('submit', e => {
        if (e.submitter && e.submitter.hasAttribute('formnovalidate')) { return; }
        if (chosenKind() === 'Person' && idInput && idProblem(idInput.value)) {
            checkId(true);
            idInput.focus();
            e.preventDefault();
        }
    });
})();
