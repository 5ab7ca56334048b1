// กองคลัง's dashboard: each canvas[data-chart] draws the numbers of the table beside it. Without JavaScript the
// tables are all there; the charts only add a picture.
(() => {
    if (!window.Chart) {
        return;
    }
    const palette = ['#1f4e79', '#198754', '#b02a37', '#f0ad4e', '#6f42c1', '#0dcaf0', '#6c757d', '#d63384', '#20c997', '#fd7e14', '#0d6efd', '#795548'];
    const font = { family: 'Sarabun, sans-serif' };
    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
        const spec = JSON.parse(canvas.dataset.chart || '{}');
        const round = spec.type === 'pie' || spec.type === 'doughnut';
        const horizontal = canvas.dataset.horizontal === 'true';
        new window.Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: [{
                    label: spec.label,
                    data: spec.data,
                    backgroundColor: round ? palette : palette[0],
                }],
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                indexAxis: horizontal ? 'y' : 'x',
                plugins: { legend: { display: round, position: 'bottom', labels: { font } } },
                scales: round ? {} : {
                    x: { beginAtZero: true, ticks: { font, precision: 0 } },
                    y: { beginAtZero: true, ticks: { font, precision: 0 } },
                },
            },
        });
    });
})();
