// Walk-in form: show only the borrower fields that apply to the chosen kind (without JavaScript all are shown and
// the server ignores the ones that do not apply).
(() => {
    const form = document.querySelector('form[data-walkin]');
    const kind = form?.querySelector('[data-kind]');
    if (!kind) { return; }
    const organisations = ['CommunityGroup', 'Temple', 'School', 'Agency'];
    const applies = (group, value) => {
        switch (group) {
            case 'Staff': return value === 'Staff';
            case 'Outsider': return value !== 'Staff';
            case 'Person': return value === 'Person';
            case 'Organisation': return organisations.includes(value);
            case 'Agency': return value === 'Agency';
            default: return true;
        }
    };
    const update = () => form.querySelectorAll('[data-for-kind]').forEach(el => {
        el.hidden = !applies(el.dataset.forKind, kind.value);
    });
    kind.addEventListener('change', update);
    update();
})();
