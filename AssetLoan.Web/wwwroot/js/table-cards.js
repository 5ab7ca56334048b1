// Progressive enhancement for the card layout of tables on phones (css/responsive.css): each cell gets its column's
// name as data-label, and the table keeps its table semantics for screen readers when CSS turns it into blocks.
document.querySelectorAll('main table.table:not(.table-keep)').forEach(table => {
    const headers = [];
    table.querySelectorAll(':scope > thead > tr:last-child > th, :scope > thead > tr:last-child > td').forEach(th => {
        const span = Number(th.getAttribute('colspan') || 1);
        const hidden = th.querySelector('.visually-hidden') !== null && th.textContent.trim() === th.querySelector('.visually-hidden').textContent.trim();
        const text = hidden ? '' : th.textContent.replace(/\s+/g, ' ').trim();
        for (let i = 0; i < span; i++) headers.push(text);
    });
    table.setAttribute('role', 'table');
    table.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot').forEach(g => g.setAttribute('role', 'rowgroup'));
    table.querySelectorAll(':scope > thead > tr > th').forEach(th => th.setAttribute('role', 'columnheader'));
    table.querySelectorAll(':scope > * > tr').forEach(tr => {
        tr.setAttribute('role', 'row');
        let col = 0;
        Array.from(tr.children).forEach(cell => {
            if (!cell.hasAttribute('role')) {
                cell.setAttribute('role', cell.tagName === 'TH' ? (cell.closest('thead') ? 'columnheader' : 'rowheader') : 'cell');
            }
            if (!cell.hasAttribute('data-label') && headers[col] && !cell.closest('thead')) cell.setAttribute('data-label', headers[col]);
            col += Number(cell.getAttribute('colspan') || 1);
        });
    });
});

// A region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): focusable, with a role and a name.
const regionName = el => {
    const table = el.querySelector('table');
    const caption = table?.querySelector('caption');
    if (caption) return caption.textContent.trim();
    if (table?.getAttribute('aria-label')) return table.getAttribute('aria-label');
    let h = el.previousElementSibling;
    while (h && !/^H[1-6]$/.test(h.tagName)) h = h.previousElementSibling;
    return (h ?? document.querySelector('main h1'))?.textContent.replace(/\s+/g, ' ').trim() ?? document.title;
};
const markScrollRegions = () => document.querySelectorAll('main .table-responsive, main [data-scroll-region]').forEach(el => {
    if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute('tabindex')) {
        el.tabIndex = 0;
        el.setAttribute('role', 'region');
        el.setAttribute('aria-label', regionName(el));
    }
});
markScrollRegions();
window.addEventListener('resize', markScrollRegions);
