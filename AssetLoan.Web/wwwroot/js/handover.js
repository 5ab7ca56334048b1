// Handover and return forms: a scanned or typed unit (asset number or tag) ticks its row on the page at once, so a
// USB scanner's Enter does not need a round trip. Unknown numbers still go to the server, which answers in Thai beside
// the field. Without JavaScript the forms post the scan field and the server ticks the unit.
(function () {
    const form = document.querySelector('form[data-scan-form]');
    if (!form) { return; }
    const scanButton = form.querySelector('button[formaction*="handler=Scan"], button[formaction*="handler=scan"]');

    function normalise(text) {
        let v = (text || '').trim();
        const i = v.toLowerCase().lastIndexOf('/a/');
        if (i >= 0) { v = v.substring(i + 3).replace(/\/+$/, ''); }
        return v.replace(/\s+/g, ' ');
    }

    function findUnit(line, value) {
        const upper = value.toUpperCase();
        return Array.from(form.querySelectorAll('[data-unit-line="' + line + '"]')).find(el =>
            el.dataset.assetNumber === value || (el.dataset.tag || '').toUpperCase() === upper);
    }

    function updateCount(line) {
        const counter = form.querySelector('[data-scan-count="' + line + '"]');
        if (!counter) { return; }
        const ticked = form.querySelectorAll('input[type=checkbox][data-unit-line="' + line + '"]:checked').length;
        counter.textContent = counter.textContent.replace(/\d+/, String(ticked));
    }

    // The server's refusal of an earlier wrong scan no longer applies once the right unit is ticked.
    function clearRefusal(input) {
        input.classList.remove('input-validation-error', 'is-invalid');
        input.removeAttribute('aria-invalid');
        const message = form.querySelector('[data-valmsg-for="' + input.name + '"]');
        if (message) {
            message.textContent = '';
            message.classList.replace('field-validation-error', 'field-validation-valid');
        }
    }

    function accept(input) {
        const value = normalise(input.value);
        if (!value) { return true; }
        const unit = findUnit(input.dataset.scanLine, value);
        if (!unit) { return false; }
        if (unit.type === 'checkbox') {
            unit.checked = true;
        } else if (unit.dataset.scanSelect) {
            const choice = document.getElementById(unit.dataset.scanSelect);
            if (choice) { choice.checked = true; }
        }
        input.value = '';
        clearRefusal(input);
        input.classList.add('is-valid');
        updateCount(input.dataset.scanLine);
        unit.closest('.form-check, tr')?.scrollIntoView({ block: 'nearest' });
        return true;
    }

    form.querySelectorAll('input[data-scan-line]').forEach(input => {
        input.addEventListener('keydown', e => {
            if (e.key !== 'Enter') { return; }
            e.preventDefault();
            if (!accept(input) && scanButton) { form.requestSubmit(scanButton); }
        });
        input.addEventListener('change', () => { accept(input); });
    });
    form.querySelectorAll('input[type=checkbox][data-unit-line]').forEach(box =>
        box.addEventListener('change', () => updateCount(box.dataset.unitLine)));
})();
