// Transparency pages: the monthly statistics chart (the same numbers as the table beside it) and the print button
// of the blank forms. Without JavaScript the table and the forms are all there.
(() => {
    const canvas = document.getElementById('stats-chart');
    // A canvas draws text with the fonts loaded at that moment: wait for Sarabun, or Thai labels become empty boxes.
    const fontsReady = document.fonts
        ? Promise.all([document.fonts.load('400 12px Sarabun', 'ก'), document.fonts.ready]).catch(() => undefined)
        : Promise.resolve();
    if (canvas && window.Chart) fontsReady.then(() => {
        const data = JSON.parse(canvas.dataset.stats || '{}');
        const colours = ['#1f4e79', '#198754', '#b02a37'];
        const datasets = (data.series || []).map((s, i) => ({
            type: 'bar', label: s.label, data: s.data, backgroundColor: colours[i % colours.length], yAxisID: 'count',
        }));
        if (data.onTime) {
            datasets.push({
                type: 'line', label: data.onTime.label, data: data.onTime.data, borderColor: '#f0ad4e', backgroundColor: '#f0ad4e',
                spanGaps: true, yAxisID: 'percent', tension: 0.2,
            });
        }
        const font = { family: 'Sarabun, sans-serif' };
        new window.Chart(canvas, {
            data: { labels: data.labels, datasets },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { labels: { font } } },
                scales: {
                    x: { ticks: { font } },
                    count: { position: 'left', beginAtZero: true, ticks: { precision: 0, font }, title: { display: true, text: data.countAxis, font } },
                    percent: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { font }, title: { display: true, text: data.percentAxis, font } },
                },
            },
        });
    });

    document.querySelectorAll('[data-print]').forEach(button => {
        button.hidden = false;
        button.addEventListener('click', () => window.print());
    });
})();
